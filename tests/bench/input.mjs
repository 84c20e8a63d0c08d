// KV Scope input benchmark: how long a reader waits, after pressing an arrow key on the context
// slider, for the frame that shows the answer. Report-only: it prints, it never asserts a timing.
//
// Usage: node tests/bench/input.mjs http://127.0.0.1:PORT/ [--presses 60] [--rates 1,4]
//        [--query '?x=users'] [--profile 4 [--save FILE]] [--top 15] [--inclusive 'kvscope_web|charts::'] [--mutations] [--trace 4]
//        [--counts [--save-trace FILE]] [--css 'RULES'] [--eval 'JS'] [--peer llm-calc]
//
// Per CPU throttling rate (CDP Emulation.setCPUThrottlingRate; 1 = none), in a fresh 1280×900
// page of the built site: the sweep chart is scrolled into view, the slider gets focus (without
// scrolling), 6 warm-up presses, then N trusted ArrowRight presses, each after a varying 25–44 ms
// wait so the inputs land at every phase of the 60 Hz frame clock. Per press, from the input
// event's `timeStamp` (so any queueing counts) to the end of the next rendered frame: a capture
// listener registers a requestAnimationFrame callback that posts a MessageChannel message, which
// runs after that frame's style, layout and paint (the "next paint" behind INP). Printed: median
// and p95 of that input-to-next-frame time, the main-thread time of the input's task, and per
// chart the number of draws and their median / p95 duration (window.__kvs_draws, filled by
// src/components/chart_canvas.rs when this script puts an array there).
//
// --profile RATE adds a second pass at that throttling rate under the CDP sampling profiler
// (Profiler.start/stop, 100 µs sampling) and prints the functions with the most self time. Wasm
// functions have names only in a build that keeps them (e.g. `data-keep-debug` on the rust link,
// as in a `trunk build` without --release); otherwise they show as wasm-function[N].
// --inclusive REGEX also prints the total (self + callees) time of the functions it matches.
// --trace RATE: a pass under Chromium's tracing (devtools.timeline), printing the main thread's
// CPU time per input (thread clock: robust to other processes' load) and its wall self time per
// event (style, layout, paint, script...) per input. --mutations: DOM mutations
// per input by place (a MutationObserver, which itself costs time: diagnostic only).
// --counts: work per input that does not depend on the machine's speed or load: canvas calls
// (stroke, fillText, measureText, drawImage, font sets), timers (setTimeout, clearTimeout,
// requestAnimationFrame, queueMicrotask), strings decoded from wasm (TextDecoder), text node writes,
// the layouts the input caused with their dirty layout objects (from a trace), and the page's
// composited layers (CDP LayerTree). Compare builds by these when the machine is too busy for
// timings to tell a few per cent apart.
//
// --peer ID measures a peer app served at the URL instead (tests/bench/peers.mjs: built outside
// this repository and served locally, never fetched by tests), with the same presses and timings on
// its own slider, opened at its own URL tail (--query overrides it); KV Scope's draw counts and
// charts do not apply to it.
//
// Absolute times on shared machines vary by ±30% from run to run: compare builds within one run.

import { chromium } from 'playwright-core';
import { peerFromArgs } from './peers.mjs';

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const BASE = process.argv[2] ?? 'http://127.0.0.1:8080/';
const PEER = peerFromArgs(); // null: KV Scope
const PRESSES = Math.max(1, Number(arg('presses', '60')) | 0);
const RATES = arg('rates', '1,4').split(',').map(Number).filter((r) => r >= 1);
const QUERY = arg('query', PEER ? PEER.input.query : '');
const SLIDER = PEER ? PEER.input.slider : '#input-ctx-slider';
const PROFILE_RATE = Number(arg('profile', '0'));
const TOP = Number(arg('top', '15')) | 0;
const TOP_INCLUSIVE = Number(arg('top-inclusive', '40')) | 0;
const INCLUSIVE = arg('inclusive', '') ? new RegExp(arg('inclusive', '')) : null;
const MUTATIONS = process.argv.includes('--mutations');
const TRACE_RATE = Number(arg('trace', '0'));
const CSS = arg('css', '');
const EVAL = arg('eval', ''); // --eval CODE: run a script in the page after load (diagnostic experiments)
const COUNTS = process.argv.includes('--counts');
const SAVE_TRACE = arg('save-trace', ''); // --save-trace FILE: the --counts pass's trace (opens in DevTools' Performance panel)
const SAVE = arg('save', ''); // --save FILE: the --profile pass's raw profile (.cpuprofile, opens in DevTools)
const WARMUP = 6;

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

const quantile = (xs, q) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

// Installed in the page: records, per trusted slider input, the time to the end of the next frame.
function listen(sliderSelector) {
  window.__kvs_latency = [];
  window.__kvs_draws = [];
  const slider = document.querySelector(sliderSelector);
  window.addEventListener(
    'input',
    (ev) => {
      if (!ev.isTrusted || ev.target !== slider) return;
      const t0 = ev.timeStamp;
      // The input's own task (handlers, reactive updates, synchronous draws) ends before this.
      setTimeout(() => window.__kvs_task?.push(performance.now() - t0), 0);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__kvs_latency.push(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  window.__kvs_task = [];
  // DOM mutations per place (the nearest data-testid, id or class above the target).
  window.__kvs_mutations = {};
  const where = (node) => {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el; el = el.parentElement) {
      const name = el.dataset?.testid ?? el.id ?? '';
      if (name) return name;
      if (el.classList?.length) return '.' + el.classList[0];
    }
    return '(document)';
  };
  if (!window.__kvs_count_mutations) return;
  new MutationObserver((list) => {
    for (const m of list) {
      const k = `${m.type} ${where(m.target)}`;
      window.__kvs_mutations[k] = (window.__kvs_mutations[k] ?? 0) + 1;
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

// Installed before the app (--counts): counts calls of the canvas and text-node writes.
function countCalls() {
  window.__kvs_calls = {};
  const bump = (k) => (window.__kvs_calls[k] = (window.__kvs_calls[k] ?? 0) + 1);
  const C = CanvasRenderingContext2D.prototype;
  for (const m of ['stroke', 'fill', 'fillRect', 'fillText', 'measureText', 'drawImage']) {
    const original = C[m];
    C[m] = function (...a) {
      bump(m);
      return original.apply(this, a);
    };
  }
  for (const m of ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'queueMicrotask']) {
    const original = window[m];
    window[m] = function (...a) {
      bump(m);
      return original.apply(this, a);
    };
  }
  const decode = TextDecoder.prototype.decode;
  TextDecoder.prototype.decode = function (...a) {
    bump('TextDecoder.decode');
    return decode.apply(this, a);
  };
  const font = Object.getOwnPropertyDescriptor(C, 'font');
  Object.defineProperty(C, 'font', { get: font.get, set(v) { bump('set font'); font.set.call(this, v); } });
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeValue');
  Object.defineProperty(Node.prototype, 'nodeValue', { get: text.get, set(v) { bump('set nodeValue'); text.set.call(this, v); } });
}

async function openPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (COUNTS) await page.addInitScript(countCalls);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(new URL(QUERY, BASE).toString());
  // The app's chart drawn, or a widget whose controls the first stage answers (src/first_live.rs:
  // the app does not load while the reader only uses them, so the first stage is measured).
  await page.waitForFunction(PEER ? PEER.input.ready : () => typeof window.__kvs_first_chart_ms === 'number' || window.__kvs_first?.live === true, null, { timeout: 60_000 });
  await page.locator(PEER ? PEER.input.scrollTo : '[data-testid="sweep-chart"], [data-testid="first-sweep-chart"]').first().scrollIntoViewIfNeeded();
  await page.evaluate((sel) => document.querySelector(sel).focus({ preventScroll: true }), SLIDER);
  if (MUTATIONS) await page.evaluate(() => (window.__kvs_count_mutations = true));
  if (CSS) await page.addStyleTag({ content: CSS }); // --css: try a stylesheet change without a build
  if (EVAL) await page.evaluate(EVAL);
  await page.evaluate(listen, SLIDER);
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, errors };
}

async function press(page, n) {
  for (let i = 0; i < n; i++) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(25 + ((i * 7) % 20));
  }
  await page.waitForTimeout(200);
}

async function measure(browser, rate) {
  const { context, page, cdp, errors } = await openPage(browser);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await press(page, WARMUP);
    await page.evaluate(() => {
      window.__kvs_latency.length = 0;
      window.__kvs_draws.length = 0;
      window.__kvs_task.length = 0;
      window.__kvs_mutations = {};
    });
    await press(page, PRESSES);
    const r = await page.evaluate(() => ({ lat: window.__kvs_latency, draws: window.__kvs_draws, task: window.__kvs_task, mutations: window.__kvs_mutations }));
    const visible = await page.evaluate(() => {
      const out = [];
      for (const c of document.querySelectorAll('canvas[data-testid]')) {
        const b = c.getBoundingClientRect();
        if (b.bottom > 0 && b.top < innerHeight) out.push(c.dataset.testid);
      }
      return out;
    });
    return { ...r, visible, errors };
  } finally {
    await context.close();
  }
}

/** Main-thread time per trace event name (top-level events only), over N presses. */
async function trace(browser, rate) {
  const { context, page, cdp } = await openPage(browser);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await press(page, WARMUP);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await press(page, PRESSES);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const by = new Map();
    const spans = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`) && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    // Self time per event name: an event's duration less its children's.
    const stack = [];
    for (const e of spans) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      if (stack.length) stack[stack.length - 1].child += e.dur;
      e.child = 0;
      stack.push(e);
    }
    for (const e of spans) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur - e.child) / 1000);
    // The main thread's CPU time (thread clock, `tdur`) in its top-level tasks: unlike wall
    // time it leaves out the time the thread waited for a core (other processes' load) or was
    // paused by the throttling, so it compares builds on a busy machine.
    let cpu = 0;
    let end = -1;
    for (const e of spans) {
      if (e.ts >= end && typeof e.tdur === 'number') {
        cpu += e.tdur / 1000;
        end = e.ts + e.dur;
      }
    }
    return { top: [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP), cpu };
  } finally {
    await context.close();
  }
}

async function profile(browser, rate) {
  const { context, page, cdp } = await openPage(browser);
  try {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await press(page, WARMUP);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await press(page, PRESSES);
    const { profile } = await cdp.send('Profiler.stop');
    if (SAVE) (await import('node:fs')).writeFileSync(SAVE, JSON.stringify(profile));
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const deltas = profile.timeDeltas ?? [];
    let total = 0;
    profile.samples.forEach((id, i) => {
      const dt = (deltas[i + 1] ?? 0) / 1000; // a sample's time runs until the next one (ms)
      const f = byId.get(id).callFrame;
      const name = f.functionName || '(anonymous)';
      if (name === '(idle)' || (name === '(program)' && !process.argv.includes('--program'))) return;
      const key = `${name}${f.url ? ' ' + f.url.split('/').pop() + ':' + (f.lineNumber + 1) : ''}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    // Total (inclusive) time of the functions named by --inclusive (a regular expression):
    // every sample whose stack holds the function counts once for it.
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map();
    if (INCLUSIVE) {
      profile.samples.forEach((id, i) => {
        const dt = (deltas[i + 1] ?? 0) / 1000;
        const seen = new Set();
        for (let n = id; n !== undefined; n = parent.get(n)) {
          const name = byId.get(n).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
          if (INCLUSIVE.test(name) && !seen.has(name)) {
            seen.add(name);
            incl.set(name, (incl.get(name) ?? 0) + dt);
          }
        }
      });
    }
    return {
      total,
      top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP),
      inclusive: [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_INCLUSIVE),
    };
  } finally {
    await context.close();
  }
}

/** The page's composited layers after one more press (CDP LayerTree): each is laid out into the
 * compositor's tree (Layerize) and pushed to it (Commit) on every frame. */
async function compositedLayers(page) {
  const cdp = await page.context().newCDPSession(page);
  let layers = null;
  cdp.on('LayerTree.layerTreeDidChange', (e) => (layers = e.layers ?? layers));
  await cdp.send('LayerTree.enable');
  await press(page, 1);
  await page.waitForTimeout(200);
  await cdp.send('LayerTree.disable');
  return layers ? layers.length : NaN;
}

/** Work per input (--counts): canvas calls, text writes, layouts and their dirty objects. */
async function counts(browser) {
  const { context, page } = await openPage(browser);
  try {
    await press(page, WARMUP);
    await page.evaluate(() => (window.__kvs_calls = {}));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...(SAVE_TRACE ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : [])] });
    await press(page, PRESSES);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    if (SAVE_TRACE) (await import('node:fs')).writeFileSync(SAVE_TRACE, JSON.stringify({ traceEvents: events }));
    const calls = await page.evaluate(() => window.__kvs_calls);
    const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.args?.beginData);
    const dirty = layouts.reduce((n, e) => n + (e.args.beginData.dirtyObjects ?? 0), 0);
    return { calls, layouts: layouts.length, dirty, layers: await compositedLayers(page) };
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch(LAUNCH);
try {
  console.log(`${PEER ? `${PEER.label} ` : ''}input benchmark: ${BASE}${QUERY} — ${PRESSES} ArrowRight presses on ${SLIDER} (after ${WARMUP} warm-up), 1280×900`);
  for (const rate of RATES) {
    const r = await measure(browser, rate);
    const label = rate === 1 ? 'un-throttled' : `CPU ${rate}× throttled`;
    console.log(
      `input ${label}: input-to-next-frame median ${fmt(quantile(r.lat, 0.5))} / p95 ${fmt(quantile(r.lat, 0.95))} ms ` +
        `(${r.lat.length} inputs); input task median ${fmt(quantile(r.task, 0.5))} / p95 ${fmt(quantile(r.task, 0.95))} ms`,
    );
    const per = new Map();
    for (const [id, ms] of r.draws) per.set(id, [...(per.get(id) ?? []), ms]);
    for (const [id, ms] of per) {
      console.log(`  draw ${id}: ${ms.length} draws, median ${fmt(quantile(ms, 0.5))} / p95 ${fmt(quantile(ms, 0.95))} ms`);
    }
    if (!PEER) console.log(`  charts in the viewport: ${r.visible.join(', ') || 'none'}`);
    if (MUTATIONS) {
      const muts = Object.entries(r.mutations).sort((a, b) => b[1] - a[1]);
      const total = muts.reduce((t, [, n]) => t + n, 0);
      console.log(`  DOM mutations per input: ${fmt(total / PRESSES)}, by place:`);
      for (const [k, n] of muts.slice(0, 30)) console.log(`    ${fmt(n / PRESSES).padStart(6)}  ${k}`);
    }
    if (r.errors.length) console.log(`  page errors: ${JSON.stringify(r.errors.slice(0, 3))}`);
  }
  if (COUNTS) {
    const c = await counts(browser);
    const per = (n) => fmt(n / PRESSES);
    const calls = Object.entries(c.calls).sort((a, b) => a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${per(n)}`);
    console.log(`work per input (${PRESSES} presses): ${calls.join(', ')}; layouts ${per(c.layouts)} with ${per(c.dirty)} dirty layout objects; ${c.layers} composited layers`);
  }
  if (TRACE_RATE >= 1) {
    const t = await trace(browser, TRACE_RATE);
    console.log(`trace (CPU ${TRACE_RATE}×, ${PRESSES} presses): main-thread CPU time (thread clock) ${fmt(t.cpu / PRESSES)} ms per input; wall self time per event, ms per input:`);
    for (const [name, ms] of t.top) console.log(`  ${fmt(ms / PRESSES).padStart(6)}  ${name}`);
  }
  if (PROFILE_RATE >= 1) {
    const p = await profile(browser, PROFILE_RATE);
    console.log(`profile (CPU ${PROFILE_RATE}×, ${PRESSES} presses): ${fmt(p.total)} ms busy; top self time:`);
    for (const [name, ms] of p.top) console.log(`  ${fmt(ms).padStart(7)} ms  ${(100 * ms / p.total).toFixed(1).padStart(5)}%  ${name}`);
    if (p.inclusive.length) console.log(`total time (self + callees) of functions matching ${INCLUSIVE}:`);
    for (const [name, ms] of p.inclusive) console.log(`  ${fmt(ms).padStart(7)} ms  ${(100 * ms / p.total).toFixed(1).padStart(5)}%  ${name.slice(0, 160)}`);
  }
} finally {
  await browser.close();
}
