// KV Scope explorer: end-to-end checks of the controls, the charts and the performance targets.
//
// Called from run.mjs as `explorerChecks(page, check, shotsDir)`: `page` is an open page of the
// built site (its URL is the base), `check(cond, msg)` records one check. This file opens its
// own browser contexts (desktop, phone, light and dark) from page.context().browser().
//
// Per control kind (model select, hw select, TP, ctx field + Enter, ctx slider, users,
// compression method, mode toggle, y-axis select) it checks that the relevant metric text and
// the sweep chart's pixels changed, and that no console error or panic appeared.
// Performance: time to the first drawn chart (window.__kvs_first_chart_ms, recorded by the app
// after its first successful draw) and input-to-paint latency over 100 trusted slider moves with
// 4 series × 200 points (see sliderLatency), printed as
// `perf: first_chart_ms=… input_to_paint_median_ms=… p95_ms=…`. `node run.mjs URL --perf` runs
// only these.

import fs from 'node:fs';
import path from 'node:path';

import { chartPixels, openPage, TIMEOUT_MS } from './util.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const CRASH = [/panicked at/i, /RuntimeError/, /unreachable executed/i];
/** Targets from the brief. */
const FIRST_CHART_TARGET_MS = 300;
const MEDIAN_TARGET_MS = 16;
const P95_TARGET_MS = 20;

const tid = (id) => `[data-testid="${id}"]`;

/** Opens `url` and waits for the app's first chart. */
async function open(browser, url, options) {
  const opened = await openPage(browser, url, options);
  await opened.page.waitForFunction(() => typeof window.__kvs_first_chart_ms === 'number');
  return opened;
}

const text = (page, id) => page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? null, tid(id));
/** The sweep chart's pixels (scrolled into view: see chartPixels). */
const pixels = (page) => chartPixels(page, 'sweep-chart');

/** Waits (up to 5 s) until `read()` differs from `before`; returns the new value or the old one. */
async function changed(page, read, before) {
  const t0 = Date.now();
  for (;;) {
    const now = await read();
    if (now !== before || Date.now() - t0 > 5000) return now;
    await page.waitForTimeout(50);
  }
}

/** Runs `act`, then checks that metric `metric` text and the sweep chart's pixels changed. */
async function control(page, check, name, metric, act) {
  const t0 = await text(page, metric);
  const p0 = await pixels(page);
  await act();
  const t1 = await changed(page, () => text(page, metric), t0);
  const p1 = await changed(page, () => pixels(page), p0);
  check(t1 !== t0, `${name}: ${metric} changed (${JSON.stringify(t0?.slice(0, 60))} → ${JSON.stringify(t1?.slice(0, 60))})`);
  check(p1 !== p0, `${name}: sweep-chart pixels changed`);
}

async function noErrors(page, errors, check, label) {
  check(errors.length === 0, `${label}: no page/console errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 5)) : ''}`);
  const body = await page.evaluate(() => document.body?.innerText ?? '');
  const hit = CRASH.find((re) => re.test(body));
  check(!hit, `${label}: no panic text${hit ? ` (${hit})` : ''}`);
}

async function shot(page, shotsDir, name) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Every kind of control changes its metric and the chart. */
async function controls(browser, base, check, shotsDir) {
  const { page, context, errors } = await open(browser, base, { ...DESKTOP, acceptDownloads: true });
  try {
    const models = await page.$$eval('#input-model option', (os) => os.map((o) => o.value));
    const model = await page.inputValue('#input-model');
    // A model that fits one A100 with room to change (the list is grouped newest first, so the
    // first 70b/8b match is no longer a small one: name it).
    const other = models.find((m) => m === 'llama-3.1-8b') ?? models.find((m) => m !== model && /70b|8b|mistral|qwen/i.test(m)) ?? models.find((m) => m !== model);
    await control(page, check, 'model select', 'metric-concurrency', () => page.selectOption('#input-model', other));
    await control(page, check, 'hw select', 'metric-decode', () => page.selectOption('#input-hw', 'h100-sxm'));
    await control(page, check, 'TP field', 'metric-decode', async () => {
      await page.fill('#input-tp', '2');
      await page.press('#input-tp', 'Enter');
    });
    await control(page, check, 'ctx field + Enter', 'metric-concurrency', async () => {
      await page.fill('#input-ctx', '8000');
      await page.press('#input-ctx', 'Enter');
    });
    const search = () => page.evaluate(() => location.search);
    const q1 = await changed(page, search, '');
    await page.waitForFunction(() => location.search.includes('ctx=8000')).catch(() => {});
    check((await search()).includes('ctx=8000'), `ctx field: the URL holds ctx=8000 (${q1})`);
    await control(page, check, 'ctx slider', 'metric-prefill', () => page.fill('#input-ctx-slider', '600'));
    await control(page, check, 'users field', 'metric-throughput', async () => {
      await page.fill('#input-users', '64');
      await page.press('#input-users', 'Enter');
    });
    await control(page, check, 'compression method', 'metric-concurrency', () => page.selectOption('#input-kv_hidden', 'kivi-2'));
    await control(page, check, 'mode toggle', 'metric-prefill', () => page.check('#input-mode-realistic'));
    await control(page, check, 'y-axis select', 'sweep-readout', () => page.selectOption('#input-y', 'decode_s'));

    // A bad entry: the reason next to the field, nothing else changes.
    const before = await text(page, 'metric-concurrency');
    await page.fill('#input-ctx', 'lots');
    await page.press('#input-ctx', 'Enter');
    const err = await changed(page, () => text(page, 'error-ctx'), '');
    check(/`ctx`/.test(err ?? ''), `bad ctx: the error names ctx (${JSON.stringify(err)})`);
    check((await text(page, 'metric-concurrency')) === before, 'bad ctx: metrics unchanged');

    // Import a config.json (Mistral-7B's shape): the model changes; broken JSON is refused.
    const config = JSON.stringify({
      model_type: 'mistral', hidden_size: 4096, intermediate_size: 14336, num_hidden_layers: 32,
      num_attention_heads: 32, num_key_value_heads: 8, vocab_size: 32000, max_position_embeddings: 32768,
      sliding_window: 4096, tie_word_embeddings: false,
    });
    await page.click('summary:has-text("Paste a Hugging Face config.json")');
    await control(page, check, 'config.json import', 'metric-concurrency', async () => {
      await page.fill('#input-config', config);
      await page.click(tid('import-config'));
    });
    await page.fill('#input-config', '{"model_type": "llama", "hidden_size": "big"');
    await page.click(tid('import-config'));
    const importError = await changed(page, () => text(page, 'import-error'), '');
    check(/JSON|hidden_size/.test(importError ?? ''), `config.json import: broken JSON is refused with a reason (${JSON.stringify(importError)})`);

    // The imported architecture is in the link (arch=): the same URL in a new page shows the
    // same numbers and says where the model came from.
    await page.waitForFunction(() => /[?&]arch=d4096_q32_k8_h128_f14336_/.test(location.search), null, { timeout: TIMEOUT_MS });
    const archUrl = page.url();
    const shown = async (pg) => Promise.all(['metric-concurrency', 'metric-decode', 'metric-prefill'].map((id) => text(pg, id)));
    const here = await shown(page);
    const again = await open(browser, archUrl, DESKTOP);
    try {
      await again.page.waitForSelector(tid('imported-model'), { timeout: TIMEOUT_MS });
      const there = await shown(again.page);
      check(JSON.stringify(there) === JSON.stringify(here), `config.json import: the link (arch=) reopens with the same metrics (${there[0]?.slice(0, 30)}…)`);
      const note = (await text(again.page, 'imported-model')) ?? '';
      // Issue 11: the import keeps a name after the reload (`name=`; this file has no
      // `_name_or_path` and no name was typed, so it is named by its family).
      check(/unnamed mistral model \(7\.\d+ B parameters\)/.test(note), `config.json import: the reopened page names the model (${note.slice(0, 70)})`);
      check(again.errors.length === 0, `config.json import: reopening the link logs no errors`);
    } finally {
      await again.context.close();
    }

    // Pin, then the compare table and a second series on the chart.
    const p0 = await pixels(page);
    await page.click(tid('pin-chart'));
    await page.selectOption('#input-kv_hidden', 'none');
    const p1 = await changed(page, () => pixels(page), p0);
    check(p1 !== p0, 'pin: the chart shows the pinned series');
    await page.click('#tab-compare');
    await page.waitForSelector(tid('compare-table'));
    check((await text(page, 'compare-table')).includes('Pin 1'), 'compare: the table has the pinned column');
    await page.waitForFunction(() => location.search.includes('pin=')).catch(() => {});
    check((await page.evaluate(() => location.search)).includes('pin='), 'pin: the URL holds the pin');

    // Every tab renders.
    for (const tab of ['timeline', 'cheap', 'paper', 'export']) {
      await page.click(`#tab-${tab}`);
      await page.waitForTimeout(100);
    }
    check((await text(page, 'tabpanel')).includes('Chart as CSV'), 'export tab renders');
    for (const [id, ext] of [['export-csv', '.csv'], ['export-png', '.png'], ['export-svg', '.svg'], ['export-json', '.json']]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
      const file = await download.path();
      const size = file ? fs.statSync(file).size : 0;
      check(download.suggestedFilename().endsWith(ext) && size > 100, `export ${ext}: ${download.suggestedFilename()} (${size} bytes)`);
      if (ext === '.csv' && file) {
        const header = fs.readFileSync(file, 'utf8').split('\n')[0];
        // ux (issue 11): the chart's CSV has one column per series; the CLI's columns are "export-csv-all".
        check(header.startsWith('ctx,this scenario ['), `export .csv: the chart's series as columns (${header.slice(0, 40)}…)`);
      }
      if (ext === '.svg' && file) {
        // issue 12: the SVG is drawn by the export module (src/bin/export.rs) from the data the
        // app hands it: the document has the exported size (1200×750, src/panels/export.rs's
        // SVG_SIZE), the axis label of the URL's x (ctx), the legend's first series, and one
        // polyline per series at least.
        const svg = fs.readFileSync(file, 'utf8');
        const ok = svg.startsWith('<svg') && svg.includes('width="1200"') && svg.includes('height="750"') && svg.includes('context (tokens)') && svg.includes('this scenario') && /<polyline/.test(svg);
        check(ok, `export .svg: a 1200×750 document with the chart's axis, legend and lines (${svg.length} chars)`);
      }
    }
    await noErrors(page, errors, check, 'controls');
  } finally {
    await context.close();
  }
}

/** Screenshots: desktop and phone, light and dark; the phone has no horizontal scroll. */
async function screenshots(browser, base, check, shotsDir) {
  for (const [label, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    for (const colorScheme of ['light', 'dark']) {
      const { page, context, errors } = await open(browser, base, { ...options, colorScheme });
      try {
        await page.waitForTimeout(200);
        if (label === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          check(overflow <= 0, `phone ${colorScheme}: no horizontal scroll (${overflow}px)`);
          if (colorScheme === 'light') {
            // plotters measures chart text with a <span> in <body> (its web font code); labels
            // drawn at 2× are wider than a phone, and a wrapped span doubled their measured
            // height (legend swatches a row below their labels). The CSS keeps it on one line.
            const probe = await page.evaluate(() => {
              const span = document.createElement('span');
              span.textContent = 'KV 1 user × 12.3 GB = 12.3 GB (14.3%) and more text wider than any phone';
              span.setAttribute('style', 'display: inline-block; font-family:sans-serif; font-style:normal; font-size: 26px; position: fixed; top: 100%');
              document.body.append(span);
              const r = { h: span.offsetHeight, w: span.offsetWidth, vw: window.innerWidth };
              span.remove();
              return r;
            });
            check(probe.h < 2 * 26 && probe.w > probe.vw, `phone: a text measure wider than the screen stays one line (${probe.w}×${probe.h}px, viewport ${probe.vw}px)`);
          }
        }
        const file = await shot(page, shotsDir, `explorer-${label}-${colorScheme}`);
        check(fs.statSync(file).size > 0, `screenshot ${path.basename(file)}`);
        await noErrors(page, errors, check, `${label} ${colorScheme}`);
      } finally {
        await context.close();
      }
    }
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Input-to-paint over 100 slider moves, with trusted input: the slider has focus and
 * Playwright presses PageUp/PageDown (each moves it a tenth of its range, so the context always
 * changes), waiting a varying 25-44 ms between presses so the inputs land at every phase of the
 * 60 Hz frame clock, as a person's do.
 *
 * Per move, from the event's `timeStamp` (when the browser created the input event, so any
 * queueing counts) to the end of the next rendered frame: a capture listener registers a
 * requestAnimationFrame callback, which posts a MessageChannel message; the message runs after
 * that frame's style, layout and paint (the "next paint" measure behind INP). `drawn` says the
 * app's chart draw (window.__kvs_last_draw_end_ms) ended before that frame, i.e. the frame shows
 * the new chart; `draw` is the app's own work (effect start to the end of the canvas draw,
 * sweeps included).
 */
async function sliderLatency(page) {
  // The chart must be on screen: off-screen charts are not redrawn while inputs change.
  await page.locator('[data-testid="sweep-chart"]').scrollIntoViewIfNeeded();
  const canvasTop = () => page.evaluate(() => document.querySelector('[data-testid="sweep-chart"]').getBoundingClientRect().top + window.scrollY);
  const top0 = await canvasTop();
  await page.evaluate(() => {
    window.__kvs_latency = [];
    const slider = document.querySelector('#input-ctx-slider');
    window.addEventListener(
      'input',
      (ev) => {
        if (!ev.isTrusted || ev.target !== slider) return;
        const t0 = ev.timeStamp;
        requestAnimationFrame(() => {
          const frame = performance.now();
          const end = window.__kvs_last_draw_end_ms ?? -1;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            window.__kvs_latency.push({ ms: performance.now() - t0, drawn: end >= t0 && end <= frame, draw: window.__kvs_last_draw_ms });
          };
          channel.port2.postMessage(0);
        });
      },
      true,
    );
  });
  await page.focus('#input-ctx-slider');
  const keys = ['PageUp', 'PageUp', 'PageUp', 'PageDown', 'PageDown', 'PageDown'];
  let shift = 0;
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press(keys[i % keys.length]);
    await page.waitForTimeout(25 + ((i * 7) % 20));
    if (i % 10 === 9) shift = Math.max(shift, Math.abs((await canvasTop()) - top0));
  }
  await page.waitForTimeout(100);
  const samples = await page.evaluate(() => window.__kvs_latency);
  return { times: samples.map((s) => s.ms), draws: samples.map((s) => s.draw), drawn: samples.filter((s) => s.drawn).length, shift };
}

/** Time to first chart, and input-to-paint with 4 series × 200 points. */
export async function perfChecks(browser, base, check) {
  // First chart: a fresh context per load; the median of three loads.
  const firsts = [];
  for (let i = 0; i < 3; i++) {
    const { page, context } = await open(browser, base, DESKTOP);
    firsts.push(await page.evaluate(() => window.__kvs_first_chart_ms));
    await context.close();
  }
  firsts.sort((a, b) => a - b);
  const first = firsts[1];

  const cases = [
    // x = context: the slider moves the highlighted point; the 4 sweeps are memoized.
    ['x=ctx', '?series=kv_bits&sv=8,4,2'],
    // x = users: every slider move recomputes the 4 sweeps (800 evaluations + markers).
    ['x=users', '?x=users&series=kv_bits&sv=8,4,2'],
  ];
  const results = {};
  for (const [name, query] of cases) {
    const { page, context, errors } = await open(browser, new URL(query, base).toString(), DESKTOP);
    try {
      const series = await page.evaluate(() => document.querySelector('[data-testid="sweep-readout"]')?.parentElement?.textContent ?? '');
      // Integer inputs (users) dedupe rounded x values, so they have fewer than 200 points.
      check(/4 series · (200|1\d\d) points/.test(series), `perf ${name}: 4 series on the chart (${series.match(/\d+ series · \d+ points/)?.[0]})`);
      const { times, draws, drawn, shift } = await sliderLatency(page);
      check(times.length === 100, `perf ${name}: 100 slider moves measured (${times.length})`);
      // A frame may come before the draw when the machine is busy; most must show the new chart.
      check(drawn >= 90, `perf ${name}: the frame after the input showed the redrawn chart in ${drawn} of ${times.length} moves`);
      check(shift === 0, `perf ${name}: the chart did not move while the slider moved (largest shift ${shift}px)`);
      const sorted = (a) => a.slice().sort((x, y) => x - y);
      const [t, d] = [sorted(times), sorted(draws)];
      results[name] = {
        median: quantile(t, 0.5),
        p95: quantile(t, 0.95),
        drawMedian: quantile(d, 0.5),
        drawP95: quantile(d, 0.95),
        drawn,
      };
      check(errors.length === 0, `perf ${name}: no errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 3)) : ''}`);
    } finally {
      await context.close();
    }
  }
  const fmt = (x) => x.toFixed(1);
  const main = results['x=ctx'];
  console.log(`perf: first_chart_ms=${fmt(first)} input_to_paint_median_ms=${fmt(main.median)} p95_ms=${fmt(main.p95)}`);
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `perf ${name}: input-to-paint (event timeStamp → end of the next frame) median ${fmt(r.median)} / p95 ${fmt(r.p95)} ms over 100 moves; ` +
        `frames showing the new chart ${r.drawn}/100; draw (effect → canvas, sweeps included) median ${fmt(r.drawMedian)} / p95 ${fmt(r.drawP95)} ms`,
    );
  }
  // Timings are measurements, reported here and in the issue notes, not pass/fail checks: on a
  // shared 2-core CI machine they vary with load, and a timed test that fails for that reason
  // says nothing about the code. KVS_PERF_STRICT=1 turns them into checks for a quiet machine.
  const gate = process.env.KVS_PERF_STRICT === '1' ? check : (ok, msg) => console.log(`perf-report: ${ok ? 'within' : 'OVER'} target - ${msg}`);
  gate(first < FIRST_CHART_TARGET_MS, `perf: first chart ${fmt(first)} ms < ${FIRST_CHART_TARGET_MS} ms`);
  for (const [name, r] of Object.entries(results)) {
    gate(r.median < MEDIAN_TARGET_MS, `perf ${name}: input-to-paint median ${fmt(r.median)} ms < ${MEDIAN_TARGET_MS} ms`);
    gate(r.p95 < P95_TARGET_MS, `perf ${name}: input-to-paint p95 ${fmt(r.p95)} ms < ${P95_TARGET_MS} ms`);
  }
}

/** A hostile link renders the defaults with warnings naming the keys. */
async function hostileUrl(browser, base, check) {
  const url = new URL('?ctx=NaN&hw=%3Cscript%3E&y=nope', base).toString();
  const { page, context, errors } = await open(browser, url, DESKTOP);
  try {
    const w = (await text(page, 'warnings')) ?? '';
    check(/`ctx`/.test(w) && /`hw`/.test(w) && /`y`/.test(w), `hostile URL: warnings name ctx, hw and y`);
    check(/1 user/.test((await text(page, 'metric-concurrency')) ?? ''), 'hostile URL: defaults rendered');
    await noErrors(page, errors, check, 'hostile URL');
  } finally {
    await context.close();
  }
}

/** Entry point for run.mjs. */
/**
 * The presets' source notes are not in the .wasm: opening "Figures and source" fetches
 * preset-sources.json once and shows the chosen preset's note; switching the preset switches
 * the note without another request.
 */
async function sourceNotes(browser, base, check) {
  const { page, context, errors } = await open(browser, base, DESKTOP);
  try {
    const requests = [];
    page.on('request', (r) => r.url().endsWith('preset-sources.json') && requests.push(r.url()));
    const note = page.locator('[data-testid="input-hw-source"]');
    await page.locator('#input-hw').locator('xpath=ancestor::div[contains(@class, "kvs-select")]').locator('summary').click();
    await page.waitForFunction(() => /datasheet/.test(document.querySelector('[data-testid="input-hw-source"]')?.textContent ?? ''), null, { timeout: TIMEOUT_MS });
    const a100 = await note.textContent();
    check(/^Source: NVIDIA A100 datasheet/.test(a100), `source notes: the default accelerator's note is shown when opened (${a100.slice(0, 60)}…)`);
    await page.selectOption('#input-hw', 'h100-sxm');
    await page.waitForFunction(() => /H100/.test(document.querySelector('[data-testid="input-hw-source"]')?.textContent ?? ''), null, { timeout: TIMEOUT_MS });
    check(/H100/.test(await note.textContent()), 'source notes: choosing another accelerator shows its note');
    check(requests.length === 1, `source notes: preset-sources.json fetched once (${requests.length} requests)`);
    check(errors.length === 0, `source notes: no errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 3)) : ''}`);
  } finally {
    await context.close();
  }
}

/** The sweep chart read from the keyboard: focus it, then arrows, Home/End, Escape. */
async function keyboardReadout(browser, base, check) {
  const { page, context, errors } = await open(browser, new URL('?series=kv_bits&sv=8,4', base).toString(), DESKTOP);
  try {
    const readout = () => text(page, 'sweep-readout');
    await page.focus(tid('sweep-chart'));
    const start = await readout();
    check(/^this scenario: context \(tokens\) = 50k/.test(start ?? ''), `keyboard readout: starts at this scenario's point (${start})`);
    await page.keyboard.press('End');
    const end = await changed(page, readout, start);
    check(/^this scenario: context \(tokens\) = 1M,/.test(end ?? ''), `keyboard readout: End reads the last point (${end})`);
    await page.keyboard.press('ArrowLeft');
    const left = await changed(page, readout, end);
    check(/^this scenario: context \(tokens\) = (?!1M)/.test(left ?? ''), `keyboard readout: ← steps back one point (${left})`);
    await page.keyboard.press('ArrowDown');
    const down = await changed(page, readout, left);
    check(/^kv_bits = 8/.test(down ?? ''), `keyboard readout: ↓ moves to the next line (${down})`);
    await page.keyboard.press('Escape');
    const back = await changed(page, readout, down);
    check(back === start, `keyboard readout: Escape returns to this scenario's point (${back})`);
    check(errors.length === 0, `keyboard readout: no errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 3)) : ''}`);
  } finally {
    await context.close();
  }
}

/**
 * Charts off screen skip redraws while the inputs change and catch up when they come near the
 * viewport: the memory chart (below the fold at 1280×500) keeps its pixels while the context
 * changes, then shows the new state once scrolled to.
 */
async function offscreenCharts(browser, base, check) {
  const { page, context, errors } = await open(browser, base, { viewport: { width: 1280, height: 500 } });
  try {
    const raw = () => page.evaluate((sel) => document.querySelector(sel)?.toDataURL() ?? '', tid('memory-chart'));
    const top = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, tid('memory-chart'));
    check(top > 500 + 300 + 200, `off-screen charts: the memory chart starts well below the fold and its margin (${Math.round(top)}px)`);
    const before = await raw();
    await page.fill('#input-ctx', '20000');
    await page.press('#input-ctx', 'Enter');
    await changed(page, () => text(page, 'metric-concurrency'), null);
    await page.waitForTimeout(300);
    check((await raw()) === before, 'off-screen charts: the memory chart was not redrawn while off screen');
    await page.locator(tid('memory-chart')).scrollIntoViewIfNeeded();
    const after = await changed(page, raw, before);
    check(after !== before, 'off-screen charts: scrolled into view, the memory chart shows the new state');
    check(errors.length === 0, `off-screen charts: no errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 3)) : ''}`);
  } finally {
    await context.close();
  }
}

export async function explorerChecks(page, check, shotsDir) {
  const base = new URL('./', page.url()).toString();
  const browser = page.context().browser();
  await controls(browser, base, check, shotsDir);
  await sourceNotes(browser, base, check);
  await keyboardReadout(browser, base, check);
  await offscreenCharts(browser, base, check);
  await hostileUrl(browser, base, check);
  await screenshots(browser, base, check, shotsDir);
  await perfChecks(browser, base, check);
}
