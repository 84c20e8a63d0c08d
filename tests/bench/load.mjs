// KV Scope load-time benchmark: cold loads of the built site in headless Chromium under network
// and CPU throttling, as a reader on a static host meets it.
//
// Usage: node tests/bench/load.mjs http://127.0.0.1:PORT/ [--runs N] [--profiles localhost,4g,slow4g]
//        [--targets bare,shared,widget,plain] [--peer llm-calc]
// Serve dist/ gzipped first (scripts/static_server.py PORT --directory dist --gzip), as a real
// static host does, so bytes on the wire are what a reader pays. scripts/test.sh runs it
// (report-only, like the other timings).
//
// For every profile × target it runs N cold loads (a fresh browser context each: empty cache)
// and prints the median of:
//   bytes       encoded bytes of every response (what crossed the wire, headers excluded)
//   first_paint the browser's first-paint entry (ms after navigation start)
//   results     the first animation frame in which the main results have numbers: the
//               concurrency card shows a digit and a chart has been drawn (the widget: its
//               description has a digit and its chart is drawn)
//   app         when the app mounted (it removes the static shell); n/a for a widget, which
//               the first stage paints and answers, and which loads the app only when the
//               reader touches it outside its controls
//   bytes are counted until the app has mounted (or, for a widget, the first stage painted)
//   cls         cumulative layout shift (layout-shift entries without recent input, summed)
// Under slow4g it also saves a screenshot taken at first paint (target/screenshots/first-paint-*.png).
//
// Profiles follow Lighthouse's presets: 4G = 9 Mbit/s down, 60 ms RTT; slow 4G = 1.6 Mbit/s
// down, 750 kbit/s up, 150 ms RTT, with the CPU throttled 4×. Absolute times on shared machines
// vary by ±30% from run to run: compare builds within one run.
//
// --peer ID measures a peer app served at the URL instead (tests/bench/peers.mjs: built outside
// this repository and served locally, never fetched by tests), with the same loads and timings:
// its own predicates for `results` and `app`, and only the targets it can express (bare, shared).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peerFromArgs } from './peers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');

const PROFILES = {
  localhost: { label: 'localhost', net: null, cpu: 1 },
  '4g': { label: '4G (9 Mbit/s, 60 ms RTT)', net: { latency: 60, down: 9e6 / 8, up: 9e6 / 8 }, cpu: 1 },
  slow4g: { label: 'slow 4G (1.6 Mbit/s, 150 ms RTT), CPU 4×', net: { latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 }, cpu: 4 },
};

const TARGETS = {
  bare: { label: 'bare URL', query: '', widget: false },
  shared: { label: 'shared link', query: '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&mode=realistic', widget: false },
  // The share panel's default embed code (a sweep with the ctx and users controls), and the same
  // widget without controls: the first stage alone serves both until the reader touches them
  // outside their controls (issue 12).
  widget: { label: 'widget', query: '?v=1&y=decode_s&embed=1&show=sweep&controls=ctx,users', widget: true },
  plain: { label: 'widget, no controls', query: '?v=1&y=decode_s&embed=1&show=sweep', widget: true },
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const BASE = process.argv[2] ?? 'http://127.0.0.1:8080/';
const PEER = peerFromArgs(); // null: KV Scope
const RUNS = Math.max(1, Number(arg('runs', '5')) | 0);
const PROFILE_IDS = arg('profiles', 'localhost,4g,slow4g').split(',').filter((p) => PROFILES[p]);
const TARGET_IDS = arg('targets', 'bare,shared,widget,plain').split(',').filter((t) => TARGETS[t] && (!PEER || t in PEER.load.targets));
// A target as loaded: a peer's takes its own URL tail.
const targetOf = (t) => (PEER ? { ...TARGETS[t], query: PEER.load.targets[t] } : TARGETS[t]);

const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

// Installed before any page script: records layout shifts and the first results frame. For a
// peer, `ready` and `mounted` are the source text of its predicates (tests/bench/peers.mjs).
function observe({ widget, ready: peerReadySrc, mounted: peerMountedSrc }) {
  window.__kvs_cls = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__kvs_cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (_) {
    /* no layout-shift entries in this browser */
  }
  const digit = /\d/;
  const peerReady = peerReadySrc ? (0, eval)(`(${peerReadySrc})`) : null;
  const peerMounted = peerMountedSrc ? (0, eval)(`(${peerMountedSrc})`) : null;
  const ready = () => {
    if (peerReady) return peerReady();
    // A chart drawn by the app, or the first stage's paint (src/first.rs).
    if (window.__kvs_first_chart_ms === undefined && window.__kvs_first_stage_ms === undefined) return false;
    // The app's, or the first stage's (src/first.rs), which paints the same numbers first.
    const sel = widget ? '[data-testid="widget-desc"], [data-testid="first-widget-desc"]' : '[data-testid="metric-concurrency"], [data-testid="first-metric-concurrency"]';
    return digit.test(document.querySelector(sel)?.textContent ?? '');
  };
  const tick = () => {
    if (window.__kvs_results_ms === undefined && ready()) window.__kvs_results_ms = performance.now();
    // The app mounted: it removes the static shell (src/main.rs); a peer's own test.
    const mounted = peerMounted ? peerMounted() : document.readyState !== 'loading' && !document.getElementById('kvs-shell');
    if (window.__kvs_app_ms === undefined && mounted) window.__kvs_app_ms = performance.now();
    if (window.__kvs_app_ms === undefined || window.__kvs_results_ms === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function load(browser, profile, target, shotName) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.net) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.net.latency,
      downloadThroughput: profile.net.down,
      uploadThroughput: profile.net.up,
    });
  }
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
  });
  await page.addInitScript(observe, { widget: target.widget, ready: PEER && String(PEER.load.ready), mounted: PEER && String(PEER.load.mounted) });
  try {
    await page.goto(new URL(target.query, BASE).toString(), { waitUntil: 'commit' });
    if (shotName) {
      await page.waitForFunction(() => performance.getEntriesByName('first-paint').length > 0, null, { timeout: 60_000, polling: 5 });
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${shotName}.png`) });
    }
    await page.waitForFunction(() => window.__kvs_results_ms !== undefined, null, { timeout: 120_000 });
    // Then the app: mounted, or (a widget that the first stage painted) not fetched until the
    // reader touches it outside its controls.
    await page.waitForFunction(() => window.__kvs_app_ms !== undefined || window.__kvs_first?.lazy === true, null, { timeout: 120_000 });
    // Let late shifts (fonts, the app taking over the shell) land before reading CLS.
    await page.waitForTimeout(500);
    const m = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
      results: window.__kvs_results_ms,
      app: window.__kvs_app_ms ?? NaN,
      cls: window.__kvs_cls,
    }));
    return { bytes, ...m };
  } finally {
    await context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en-US')} ms` : 'n/a');

async function main() {
  const browser = await chromium.launch(LAUNCH);
  const rows = [];
  try {
    for (const p of PROFILE_IDS) {
      for (const t of TARGET_IDS) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const shot = p === 'slow4g' && i === 0 ? `first-paint-${PEER ? PEER.id + '-' : ''}${t}-slow4g` : null;
          runs.push(await load(browser, PROFILES[p], targetOf(t), shot));
        }
        const row = {
          profile: p,
          target: t,
          bytes: median(runs.map((r) => r.bytes)),
          firstPaint: median(runs.map((r) => r.firstPaint)),
          results: median(runs.map((r) => r.results)),
          app: median(runs.map((r) => r.app)),
          cls: Math.max(...runs.map((r) => r.cls)),
        };
        rows.push(row);
        console.log(
          `load: ${PEER ? `peer=${PEER.id} ` : ''}profile=${p} target=${t} runs=${RUNS} bytes=${Math.round(row.bytes)} first_paint_ms=${Math.round(row.firstPaint)} ` +
            `results_ms=${Math.round(row.results)} app_ms=${Math.round(row.app)} cls_max=${row.cls.toFixed(3)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`\n${PEER ? `${PEER.label} ` : ''}load-time benchmark, median of ${RUNS} cold loads (${BASE}):`);
  console.log('| network | page | bytes on the wire | first paint | first results frame | app mounted | CLS (max) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${PROFILES[r.profile].label} | ${TARGETS[r.target].label} | ${Math.round(r.bytes).toLocaleString('en-US')} B | ${ms(r.firstPaint)} | ${ms(r.results)} | ${ms(r.app)} | ${r.cls.toFixed(3)} |`,
    );
  }
}

main().catch((e) => {
  console.error(`load benchmark failed: ${e?.stack ?? e}`);
  process.exit(1);
});
