// Serving (issue 9): a `sched=continuous` link shows the continuous-batching card with the same
// numbers as `kvscope eval --json` for the same link (the page rounds to three significant
// digits, so the tolerance is 0.5% relative), says "saturated at N users" when it is, the Load
// tab draws its chart and summary, the link round-trips (reload keeps the tab and the numbers),
// switching to the cycle removes the card, and nothing logs an error.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const REL_TOL = 0.005;

let cliBuilt = false;

/** `kvscope eval <q> --json`. The CLI is built (or found up to date) once per run: a binary left
 * from an older checkout would compare the page with an older model. */
function cliReport(q) {
  const bin = path.join(ROOT, 'target/debug/kvscope');
  if (!cliBuilt) {
    const b = spawnSync('cargo', ['build', '-q', '-p', 'kvscope-cli'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('could not build kvscope-cli');
    cliBuilt = true;
  }
  const r = spawnSync(bin, ['eval', q, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kvscope eval failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A number as the page prints it ("1,234", "475 ms", "1.34 s", "3.69 min") in SI units. */
function parseShown(text) {
  const m = /^(-?[\d,]*\.?\d+(?:e[+-]?\d+)?)\s*(µs|ms|s|min|h)?$/.exec(text.trim());
  if (!m) return NaN;
  const v = Number(m[1].replaceAll(',', ''));
  const scale = { 'µs': 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600 }[m[2] ?? ''] ?? 1;
  return v * scale;
}

export default async function serving(browser, h) {
  const q = 'model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=8000&out=500&users=20&mode=realistic&sched=continuous&think_s=5&slo_ttft_s=2&slo_tpot_s=0.05';
  const cli = cliReport(q);
  const { page, context, errors } = await h.openPage(browser, h.appUrl(`?${q}`));
  try {
    await h.waitForApp(page);
    await h.waitForText(page, 'serving-ttft-p50');
    const cards = [
      ['serving-ttft-p50', cli.ttft_s],
      ['serving-ttft-p95', cli.ttft_p95_s],
      ['serving-tpot', cli.tpot_s],
      ['serving-tok-gpu', cli.output_tokens_per_s_per_gpu],
      ['serving-tok-user', cli.output_tokens_per_s_per_user],
      ['serving-rps', cli.requests_per_s],
      ['serving-goodput', cli.goodput_requests_per_s],
    ];
    for (const [id, expected] of cards) {
      const shown = parseShown(await h.textOf(page, id));
      h.check(
        Number.isFinite(shown) && Math.abs(shown - expected) <= REL_TOL * Math.abs(expected),
        `serving: ${id} on the page (${shown}) equals the CLI's ${expected} within 0.5%`,
      );
    }
    const sat = await h.textOf(page, 'serving-saturation');
    h.check(sat?.startsWith(`not saturated: the engine saturates at ${Number(cli.saturation_users).toLocaleString('en-US')} users`), `serving: saturation words (${sat})`);
    const why = await h.textOf(page, 'ttft-schedule');
    h.check(why?.includes('continuous batching'), 'serving: the TTFT figure says which schedule produced it');

    // The Load tab draws, and the link carries it.
    await page.click('#tab-load');
    const summary = await h.waitForText(page, 'load-summary');
    h.check(/^This setup serves \d+ users within the objectives at \$/.test(summary), `serving: load summary (${summary})`);
    const ink = await page.evaluate((sel) => {
      const c = document.querySelector(sel);
      if (!c || !c.width || !c.height) return 0;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = [d[0], d[1], d[2]];
      let n = 0;
      for (let i = 0; i < d.length; i += 16) if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 60) n++;
      return n;
    }, h.tid('load-chart'));
    h.check(ink > 500, `serving: the load chart has ink (${ink} sampled pixels)`);
    const rows = await page.locator(`${h.tid('load-table')} tbody tr`).count();
    h.check(rows >= 20, `serving: the load table has a row per user count (${rows})`);
    await h.screenshot(page, 'serving-load');

    // Round trip: the URL keeps the scenario and the tab; a reload shows the same numbers.
    await page.waitForFunction(() => location.search.includes('panel=load'));
    const url = page.url();
    for (const key of ['sched=continuous', 'think_s=5', 'slo_ttft_s=2', 'slo_tpot_s=0.05']) {
      h.check(url.includes(key), `serving: the URL keeps ${key}`);
    }
    const p50 = await h.textOf(page, 'serving-ttft-p50');
    await page.goto(url);
    await h.waitForApp(page);
    h.checkEq(await h.waitForText(page, 'load-summary'), summary, 'serving: reload keeps the Load tab and its summary');
    h.checkEq(await h.waitForText(page, 'serving-ttft-p50'), p50, 'serving: reload keeps the TTFT');

    // Back to the paper's cycle: the card goes, the URL says so.
    await page.click('#input-sched-cycle');
    await page.waitForFunction((sel) => !document.querySelector(sel), h.tid('metric-serving'));
    await page.waitForFunction(() => location.search.includes('sched=cycle'));
    h.check(true, 'serving: the cycle hides the continuous card and writes sched=cycle');
    await h.checkNoErrors(page, errors, 'serving');
  } finally {
    await context.close();
  }

  // Saturated: the plain words, with the CLI's knee.
  const qs = 'model=llama-3.1-8b&hw=h100-sxm&ctx=2000&out=200&mode=realistic&engine=vllm&users=5000';
  const cs = cliReport(qs);
  const s = await h.openPage(browser, h.appUrl(`?${qs}`));
  try {
    await h.waitForApp(s.page);
    const text = await h.waitForText(s.page, 'serving-saturation');
    h.check(text.startsWith(`saturated at ${Number(cs.saturation_users).toLocaleString('en-US')} users`), `serving: saturated words (${text})`);
    const p95 = parseShown(await h.textOf(s.page, 'serving-ttft-p95'));
    h.check(Math.abs(p95 - cs.ttft_p95_s) <= REL_TOL * cs.ttft_p95_s, `serving: saturated TTFT p95 ${p95} equals the CLI's ${cs.ttft_p95_s}`);
    await h.checkNoErrors(s.page, s.errors, 'serving saturated');
  } finally {
    await s.context.close();
  }
}
