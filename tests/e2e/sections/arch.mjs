// Issue 10 (arch): models with the new layer kinds open from a link, and the page names their
// kinds and their constant state. Numbers are the hand computations of
// crates/costmodel/tests/layer_kinds.rs (Qwen3-Next at 8,192 tokens: 39,518,208 B of Gated
// DeltaNet state per user; Nemotron-H 8B: 24 Mamba-2 + 4 attention layers).
export default async function arch(browser, h) {
  const { check, openPage, appUrl, tid, textOf, waitForApp, checkNoErrors, DESKTOP } = h;
  // Wait until the element with this test id contains `needle`.
  const waitFor = (page, id, needle) =>
    page.waitForFunction(([sel, n]) => (document.querySelector(sel)?.textContent ?? '').includes(n), [tid(id), needle], { timeout: 15000 });
  {
    const { page, context, errors } = await openPage(browser, appUrl('?model=qwen3-next-80b-a3b&ctx=8192&hw=h200&tp=2'), DESKTOP);
    try {
      await waitForApp(page);
      await waitFor(page, 'layer-kinds', 'Gated DeltaNet');
      const kinds = await textOf(page, 'layer-kinds');
      check(kinds.includes('36 Gated DeltaNet') && kinds.includes('12 gated full attention'), `layer kinds: ${kinds}`);
      const mem = await textOf(page, 'memory-text');
      // TP 2 splits the 39.5 MB state: 19,759,104 B per GPU per user, shown as 19.8 MB.
      check(/constant Gated DeltaNet state/.test(mem) && /19\.8 MB/.test(mem), `memory text names the state: ${mem}`);
      // The per-number lines sit inside the closed "Show the math" blocks: open those first.
      await page.evaluate(() => document.querySelectorAll('details.kvs-math').forEach((d) => { d.open = true; }));
      const math = await page.locator('.kvs-math-line:visible').filter({ hasText: 'KV per user' }).first();
      await math.locator('summary').click();
      const line = await math.textContent();
      check(/constant Gated DeltaNet state/.test(line ?? ''), `show the math names the state: ${line}`);
      await checkNoErrors(page, errors, 'arch qwen3-next');
    } finally {
      await context.close();
    }
  }
  {
    const { page, context, errors } = await openPage(browser, appUrl('?model=nemotron-h-8b'), DESKTOP);
    try {
      await waitForApp(page);
      await waitFor(page, 'layer-kinds', 'Mamba-2');
      const kinds = await textOf(page, 'layer-kinds');
      check(kinds.includes('24 Mamba-2 + 4 full attention (4 of them without an FFN)'), `nemotron layer kinds: ${kinds}`);
      await checkNoErrors(page, errors, 'arch nemotron');
    } finally {
      await context.close();
    }
  }
  {
    // The imported architecture travels in `arch=`: Llama 4 Scout's chunked layers.
    const a = 'd5120_q40_k8_h128_f16384_g1_v202048_t0_L36c8192_L12f_e16-1-8192-1-8192-48';
    const { page, context, errors } = await openPage(browser, appUrl(`?arch=${a}`), DESKTOP);
    try {
      await waitForApp(page);
      await waitFor(page, 'layer-kinds', 'chunked local');
      const kinds = await textOf(page, 'layer-kinds');
      check(kinds.includes('36 chunked local (8192-token chunks) + 12 full attention'), `scout via arch=: ${kinds}`);
      await checkNoErrors(page, errors, 'arch scout link');
    } finally {
      await context.close();
    }
  }
}
