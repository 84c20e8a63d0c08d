// Catalog (issue 10): the model and accelerator selects stay usable with ~100 presets: grouped
// into <optgroup>s by family / vendor in the data's order, filterable, and every new row loads.

/** [{ label, values }] of a select's optgroups, in document order. */
const groupsOf = (page, sel) =>
  page.$$eval(`${sel} optgroup`, (gs) => gs.map((g) => ({ label: g.label, values: [...g.querySelectorAll('option')].map((o) => o.value) })));

export default async function catalog(browser, h) {
  const { check, checkEq, openPage, appUrl, waitForApp, checkNoErrors, DESKTOP } = h;
  {
    const { page, context, errors } = await openPage(browser, appUrl(''), DESKTOP);
    try {
      await waitForApp(page);
      const models = await groupsOf(page, '#input-model');
      const labels = models.map((g) => g.label);
      const total = models.reduce((n, g) => n + g.values.length, 0);
      check(total >= 90, `catalog: at least 90 model presets in the select (${total})`);
      checkEq(labels[0], 'Yi', 'catalog: the paper model family is listed first');
      checkEq(new Set(labels).size, labels.length, 'catalog: each family is one optgroup');
      for (const family of ['Llama', 'Qwen', 'DeepSeek', 'Kimi', 'GLM', 'Gemma', 'Mistral', 'Phi', 'OpenAI', 'Cohere']) {
        check(labels.includes(family), `catalog: family ${family} has an optgroup`);
      }
      const qwen = models.find((g) => g.label === 'Qwen')?.values ?? [];
      // Newest first within a family: Qwen3-Coder (2025-07) before Qwen2.5-0.5B (2024-09).
      check(qwen.indexOf('qwen3-coder-480b-a35b') >= 0 && qwen.indexOf('qwen3-coder-480b-a35b') < qwen.indexOf('qwen2.5-0.5b'),
        `catalog: Qwen newest first (${qwen.join(' ')})`);
      const hw = await groupsOf(page, '#input-hw');
      const vendors = hw.map((g) => g.label);
      checkEq(vendors[0], 'NVIDIA', 'catalog: accelerators grouped by vendor, NVIDIA first');
      check(['AMD', 'Intel', 'Apple', 'Google', 'AWS'].every((v) => vendors.includes(v)), `catalog: every vendor has an optgroup (${vendors})`);
      const hwTotal = hw.reduce((n, g) => n + g.values.length, 0);
      check(hwTotal >= 55, `catalog: at least 55 accelerators (${hwTotal})`);
      check((hw.find((g) => g.label === 'AWS')?.values ?? []).includes('trainium2'), 'catalog: Trainium2 under AWS');
      check((hw.find((g) => g.label === 'Google')?.values ?? []).includes('tpu-v7'), 'catalog: TPU7x under Google');
      // The filter narrows the list and keeps the grouping.
      await page.fill('#input-model-search', 'qwen3-coder');
      await page.waitForFunction(() => document.querySelectorAll('#input-model option').length < 10);
      const narrowed = await groupsOf(page, '#input-model');
      check(narrowed.some((g) => g.label === 'Qwen' && g.values.includes('qwen3-coder-480b-a35b')),
        `catalog: filtering keeps the match under its family (${JSON.stringify(narrowed)})`);
      await checkNoErrors(page, errors, 'catalog');
    } finally {
      await context.close();
    }
  }
  // A new model on a new accelerator evaluates from a link.
  {
    const { page, context, errors } = await openPage(browser, appUrl('?model=kimi-k2-instruct&hw=tpu-v7&tp=8'), DESKTOP);
    try {
      const metric = await waitForApp(page);
      check(metric.length > 0, `catalog: Kimi K2 on TPU7x evaluates (${metric})`);
      const title = await page.title();
      check(/^Kimi K2 Instruct on 8× .*TPU7x/.test(title), `catalog: title names the new presets (${title})`);
      checkEq(await page.inputValue('#input-model'), 'kimi-k2-instruct', 'catalog: the model select shows the linked preset');
      await checkNoErrors(page, errors, 'catalog link');
    } finally {
      await context.close();
    }
  }
}
