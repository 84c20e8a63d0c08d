// ux (issue 11): the first minute. Each block checks one numbered item of the issue.
// Run alone: scripts/e2e-quick.sh ux

const ISSUE_Q = '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=141000&users=20&y=decode_s';

/** The value after "decode of a turn (s) = " in a sweep readout. */
const readoutValue = (text) => (text ?? '').split(' = ').pop();

export default async function ux(browser, h) {
  const { check, checkEq, openPage, appUrl, tid, waitForText, textOf, waitForApp, checkNoErrors, DESKTOP } = h;

  // 1. The chart's "this scenario" readout is the scenario itself: the issue's link read
  //    "139k, 6.05 s" on the chart while the decode card said 6.09 s.
  {
    const { page, context, errors } = await openPage(browser, appUrl(ISSUE_Q), DESKTOP);
    try {
      await waitForApp(page);
      const card = await page.textContent(`${tid('metric-decode')} .kvs-card-value`);
      const readout = await waitForText(page, 'sweep-readout');
      checkEq(readoutValue(readout), card.trim(), `1: sweep readout equals the decode card (${readout})`);
      check(/context \(tokens\) = 141k/.test(readout), `1: the readout is at the scenario's own context, 141k (${readout})`);
      await checkNoErrors(page, errors, '1: app');
      // The widget shows the same.
      const w = await openPage(browser, appUrl(`${ISSUE_Q}&embed=1&show=sweep`), DESKTOP);
      try {
        const wr = await waitForText(w.page, 'sweep-readout');
        checkEq(readoutValue(wr), card.trim(), `1: widget readout equals the decode card (${wr})`);
      } finally {
        await w.context.close();
      }
    } finally {
      await context.close();
    }
  }

  // 2. Number fields take what people type; preset search forgives; the URL error speaks web.
  {
    const { page, context, errors } = await openPage(browser, appUrl(''), DESKTOP);
    try {
      await waitForApp(page);
      for (const [typed, canonical, expect] of [['128K', '128000', 'At 128,000 tokens'], ['1.5M', '1500000', 'At 1,500,000 tokens'], ['50,000', '50000', 'At 50,000 tokens'], ['1e6', '1000000', 'At 1,000,000 tokens']]) {
        await page.fill('#input-ctx', typed);
        await page.press('#input-ctx', 'Enter');
        await page.waitForFunction((t) => document.querySelector('[data-testid="context-line"]')?.textContent.includes(t), expect);
        checkEq(await page.inputValue('#input-ctx'), canonical, `2: "${typed}" in #input-ctx is written back as ${canonical}`);
        checkEq((await textOf(page, 'error-ctx')) ?? '', '', `2: "${typed}" raises no error`);
      }
      await page.waitForFunction(() => location.search.includes('ctx=1000000'));
      check(true, '2: the URL holds the canonical ctx=1000000');
      await page.fill('#input-ctx', '12 apples');
      await page.press('#input-ctx', 'Enter');
      check(/`ctx`.*must be/.test(await waitForText(page, 'error-ctx')), '2: nonsense is still refused with the field named');

      const options = async () => page.$$eval('#input-model option', (os) => os.map((o) => o.value));
      // Pick another model first so the current choice (always listed) does not count.
      for (const [q, id] of [['llama 70', 'llama-3.1-70b'], ['llama3', 'llama-3.1-70b'], ['70B LLAMA', 'llama-3.1-70b']]) {
        await page.fill('#input-model-search', q);
        const ids = await options();
        check(ids.includes(id), `2: model search "${q}" finds ${id} (${ids.length} listed)`);
        check(!ids.some((x) => x.startsWith('qwen')), `2: model search "${q}" hides other families`);
      }
      await page.fill('#input-hw-search', 'H100 80');
      check((await page.$$eval('#input-hw option', (os) => os.map((o) => o.value))).includes('h100-sxm'), '2: accelerator search "H100 80" finds h100-sxm');
      await page.fill('#input-model-search', 'zzz nothing');
      check(/Nothing matches/.test(await waitForText(page, 'input-model-matches')), '2: a search that matches nothing says so');
      await checkNoErrors(page, errors, '2: fields');
    } finally {
      await context.close();
    }
    const bad = await openPage(browser, appUrl('?model=llama-9-900b'), DESKTOP);
    try {
      await waitForApp(bad.page);
      const body = await bad.page.evaluate(() => document.body.innerText);
      check(/pick another in the Model list/.test(body) && !/kvscope list/.test(body), '2: a bad model id in the link is explained for a web reader');
    } finally {
      await bad.context.close();
    }
  }
}
