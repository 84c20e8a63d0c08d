// The sweep chart's kept frame (issue 12: one frame per input).
//
// While a slider moves the scenario along the sweep's axis, or a pointer moves the readout, the
// chart copies its frame (background, axes, grid, tick labels, legend, markers) and its title
// from the pixels it kept, and draws only the line and the highlighted point with its readout
// (src/components/chart_canvas.rs, FrameCache; crates/charts/src/sweep.rs, draw_sweep_frame and
// draw_sweep_title). What it shows, at device pixel ratios 1 and 2:
//   (a) after slider steps and a hover, the chart's pixels are exactly those a fresh page draws
//       for the same link from nothing (every pixel: toDataURL, not a screenshot);
//   (b) frame and title were copied, not drawn again: a slider step drew 1 text (the readout;
//       the frame has 20 or more: tick labels, axis labels, legend, markers; the title 1) and
//       copied the kept pixels once;
//   (c) a change that moves the axes (another y metric) draws a new frame, again exactly as a
//       fresh page draws it;
//   (f) the readout's number pairs were measured while the page was idle after load
//       (chart_canvas.rs, schedule_warm_up): once that stops, slider steps call measureText
//       0 times (before: about once per step, each a call into the browser inside the frame);
//   (e) a change of the title alone (a KV method whose window the context does not reach, with
//       the users on x: the same numbers, one more word in the title) copies the frame, draws
//       the title and the readout (2 texts) and keeps frame and title for the next step (2
//       copies), and the pixels are again a fresh page's;
//   (d) the chart measures a text as the sum of its characters' advances and its neighbour
//       pairs' kerning (chart_canvas.rs, Advances): for every text the chart drew, that sum is
//       within 0.5 px (offsetWidth's rounding) of measureText of the whole text in its font.

const SWEEP = '[data-testid="sweep-chart"]';

/** Counts canvas texts and image copies (window.__kvs_canvas_calls) and keeps each text drawn
 * with its font (window.__kvs_texts). */
function countCanvasCalls() {
  window.__kvs_canvas_calls = { fillText: 0, drawImage: 0, measureText: 0 };
  window.__kvs_texts = new Map();
  const C = CanvasRenderingContext2D.prototype;
  for (const m of ['fillText', 'drawImage', 'measureText']) {
    const original = C[m];
    C[m] = function (...a) {
      window.__kvs_canvas_calls[m] += 1;
      if (m === 'fillText') window.__kvs_texts.set(`${this.font}\u0000${a[0]}`, [this.font, String(a[0])]);
      return original.apply(this, a);
    };
  }
}

/** For each text drawn so far: |(advances + pair kerning) - measureText of the whole| (px). */
function advanceErrors() {
  const ctx = document.createElement('canvas').getContext('2d');
  return [...window.__kvs_texts.values()].map(([font, text]) => {
    ctx.font = font;
    const w = (t) => ctx.measureText(t).width;
    const chars = [...text];
    let sum = 0;
    chars.forEach((c, i) => {
      sum += w(c);
      if (i > 0) sum += w(chars[i - 1] + c) - w(chars[i - 1]) - w(c);
    });
    return { font, text, error: Math.abs(sum - w(text)) };
  });
}

async function open(h, browser, url, dpr) {
  const { page, context, errors } = await h.openPage(browser, null, { ...h.DESKTOP, deviceScaleFactor: dpr });
  await page.addInitScript(countCanvasCalls);
  await page.goto(url);
  await h.waitForApp(page);
  await page.locator(SWEEP).scrollIntoViewIfNeeded();
  return { page, context, errors };
}

/** The chart's pixels once its draws have settled (no draw for 300 ms). */
async function pixels(page) {
  await page.waitForFunction(() => typeof window.__kvs_last_draw_end_ms === 'number' && performance.now() - window.__kvs_last_draw_end_ms > 300, null, { polling: 100 });
  return page.evaluate((sel) => document.querySelector(sel).toDataURL(), SWEEP);
}

export default async function redraw(browser, h) {
  for (const dpr of [1, 2]) {
    const { page, context, errors } = await open(h, browser, h.appUrl('?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000'), dpr);
    try {
      await pixels(page);
      // (f) The idle measuring is over when measureText has not been called for 500 ms.
      await page.waitForFunction(() => {
        const n = window.__kvs_canvas_calls.measureText;
        if (window.__kvs_idle_n !== n) {
          window.__kvs_idle_n = n;
          window.__kvs_idle_since = performance.now();
        }
        return performance.now() - window.__kvs_idle_since > 500;
      }, null, { polling: 100, timeout: 20_000 });
      // (a), (b): slider steps along x (the default sweep is over the context length).
      await page.evaluate(() => document.querySelector('#input-ctx-slider').focus({ preventScroll: true }));
      const before = await page.evaluate(() => ({ ...window.__kvs_canvas_calls }));
      const steps = 3;
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press('ArrowRight');
        await pixels(page);
      }
      const after = await page.evaluate(() => ({ ...window.__kvs_canvas_calls }));
      const texts = (after.fillText - before.fillText) / steps;
      const copies = (after.drawImage - before.drawImage) / steps;
      h.checkEq(texts, 1, `redraw (dpr ${dpr}): texts a slider step along x draws (the readout: the frame's and the title are copied)`);
      h.checkEq(copies, 1, `redraw (dpr ${dpr}): a slider step copies the kept frame and title once`);
      h.checkEq(after.measureText - before.measureText, 0, `redraw (dpr ${dpr}): measureText calls in ${steps} slider steps after the idle measuring`);
      const stepped = await pixels(page);
      const link = await page.evaluate(() => location.href);
      const fresh = await open(h, browser, link, dpr);
      try {
        h.check((await pixels(fresh.page)) === stepped, `redraw (dpr ${dpr}): after ${steps} slider steps the chart is pixel for pixel what a fresh page draws for ${new URL(link).search}`);
        await h.checkNoErrors(fresh.page, fresh.errors, `redraw (dpr ${dpr}): fresh page`);
      } finally {
        await fresh.context.close();
      }

      // A hover moves the readout over the kept frame; leaving brings back the scenario's point.
      const box = await page.locator(SWEEP).boundingBox();
      await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.6);
      const hovered = await pixels(page);
      h.check(hovered !== stepped, `redraw (dpr ${dpr}): the hover readout is drawn`);
      await page.mouse.move(box.x + box.width * 0.45, box.y - 40);
      h.check((await pixels(page)) === stepped, `redraw (dpr ${dpr}): leaving the chart gives back the same pixels as before the hover`);

      // (c) Another metric on y: new axes, a new frame, drawn as a fresh page draws it.
      await page.selectOption('#input-y', 'decode_s');
      await page.waitForFunction(() => /[?&]y=decode_s/.test(location.search));
      const other = await pixels(page);
      const otherLink = await page.evaluate(() => location.href);
      const fresh2 = await open(h, browser, otherLink, dpr);
      try {
        h.check((await pixels(fresh2.page)) === other, `redraw (dpr ${dpr}): with another y metric the chart is what a fresh page draws`);
      } finally {
        await fresh2.context.close();
      }
      // (e) The title alone changes: StreamingLLM's 4K window at a 2K context keeps every number.
      await page.goto(h.appUrl('?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=2000&x=users'));
      await h.waitForApp(page);
      await page.locator(SWEEP).scrollIntoViewIfNeeded();
      await pixels(page);
      const untitled = await page.evaluate(() => ({ ...window.__kvs_canvas_calls }));
      await page.selectOption('#input-kv_token', 'streamingllm-4k');
      await page.waitForFunction(() => /[?&]kv_token=streamingllm-4k/.test(location.search));
      const retitled = await pixels(page);
      const titled = await page.evaluate(() => ({ ...window.__kvs_canvas_calls }));
      h.checkEq(titled.fillText - untitled.fillText, 2, `redraw (dpr ${dpr}): texts drawn when only the title changes (the title and the readout: the frame is copied)`);
      h.checkEq(titled.drawImage - untitled.drawImage, 2, `redraw (dpr ${dpr}): copies when only the title changes (the frame out, frame and title back)`);
      const titledLink = await page.evaluate(() => location.href);
      const fresh3 = await open(h, browser, titledLink, dpr);
      try {
        h.check((await pixels(fresh3.page)) === retitled, `redraw (dpr ${dpr}): with only the title changed the chart is what a fresh page draws for ${new URL(titledLink).search}`);
      } finally {
        await fresh3.context.close();
      }
      // (d) Every text drawn on this page so far (ticks, labels, legend, markers, titles, readouts).
      const measured = await page.evaluate(advanceErrors);
      const worst = measured.reduce((w, m) => (m.error > w.error ? m : w), measured[0] ?? { error: 0, text: '' });
      h.check(measured.length >= 20 && worst.error < 0.5, `redraw (dpr ${dpr}): ${measured.length} texts drawn; advances + pair kerning vs measureText of the whole: worst ${worst.error.toFixed(3)} px ("${worst.text}"), under 0.5 px`);
      await h.checkNoErrors(page, errors, `redraw (dpr ${dpr})`);
    } finally {
      await context.close();
    }
  }
}
