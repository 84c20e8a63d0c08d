// Engine memory accounting on the page (issue 8): the block "What vLLM will log", switching
// engines, the engine's refusal to start with the changes that would start it, the URL round trip.
//
// Reference: log P04 of crates/costmodel/tests/fixtures/engine-logs/vllm-0.19-h100.md (vLLM 0.19.0,
// meta-llama/Llama-3.1-8B-Instruct, one H100 80GB HBM3, --gpu-memory-utilization 0.95,
// --max-model-len 8192; from llm-d-incubation/llm-d-planner PR #205), which logged:
//   Available KV cache memory: 58.11 GiB
//   GPU KV cache size: 476,016 tokens
//   Maximum concurrency for 8,192 tokens per request: 58.11x
// Tolerances are issue 8's calibration tolerances (the same as crates/costmodel/tests/
// engine_calibration.rs): tokens and concurrency within 3%, KV memory within 0.5 GiB.

const P04 = { query: '?model=llama-3.1-8b&hw=h100-sxm&engine=vllm&gpu_util=0.95&ctx=8192', kvGiB: 58.11, tokens: 476016, concurrency: 58.11 };
const TOKENS_TOL = 0.03;
const GIB_TOL = 0.5;

/** Numbers in the engine's log lines, by their own wording. */
function parseLog(text) {
  const num = (re) => {
    const m = text.match(re);
    return m ? Number(m[1].replace(/,/g, '')) : NaN;
  };
  return {
    kvGiB: num(/Available KV cache memory: (-?[\d.]+) GiB/),
    tokens: num(/GPU KV cache size: ([\d,]+) tokens/),
    concurrency: num(/Maximum concurrency for [\d,]+ tokens per request: ([\d.]+)x/),
  };
}

export default async function engine(browser, h) {
  const { check, checkEq, checkBetween, openPage, appUrl, tid, waitForText, textOf, waitForApp, screenshot, checkNoErrors } = h;
  const { page, context, errors } = await openPage(browser, appUrl(P04.query));
  const heading = () => textOf(page, 'engine-heading');
  const log = () => textOf(page, 'engine-log');
  const waitHeading = (re) => page.waitForFunction(
    ([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
    [tid('engine-heading'), re.source],
  );
  const waitUrl = (pred) => page.waitForFunction(pred, undefined, { timeout: 5000 }).then(() => true, () => false);
  try {
    await waitForApp(page);
    // 1. The link reproduces P04.
    await waitForText(page, 'engine-log');
    checkEq(await heading(), 'What vLLM will log', 'engine: the block is headed "What vLLM will log"');
    const vllmLog = await log();
    const vllm = parseLog(vllmLog);
    checkBetween(vllm.tokens, P04.tokens * (1 - TOKENS_TOL), P04.tokens * (1 + TOKENS_TOL), `engine: GPU KV cache size ${vllm.tokens} within 3% of P04's logged ${P04.tokens}`);
    checkBetween(vllm.kvGiB, P04.kvGiB - GIB_TOL, P04.kvGiB + GIB_TOL, `engine: Available KV cache memory ${vllm.kvGiB} GiB within 0.5 GiB of P04's ${P04.kvGiB}`);
    checkBetween(vllm.concurrency, P04.concurrency * (1 - TOKENS_TOL), P04.concurrency * (1 + TOKENS_TOL), `engine: maximum concurrency ${vllm.concurrency}x within 3% of P04's ${P04.concurrency}x`);
    const theory = (await textOf(page, 'engine-vs-theory')) ?? '';
    check(/KV Scope without an engine/.test(theory) && /engine [+−]\d/.test(theory), `engine: engine vs theory tokens shown with the difference (${theory})`);
    const mem = (await textOf(page, 'memory-text')) ?? '';
    check(/reported to CUDA, as vLLM plans it = weights as loaded .* activation peak .* non-torch .* KV cache .* left unused/.test(mem), `engine: the memory bar is split the engine's way (${mem})`);
    checkEq(await page.inputValue('#input-engine'), 'vllm', 'engine: the Engine control shows vllm');
    checkEq(await page.inputValue('#input-gpu_util'), '0.95', 'engine: gpu_util control shows 0.95');
    await screenshot(page, 'engine-vllm-p04');

    // 2. SGLang and TensorRT-LLM: other heading, other lines and numbers.
    await page.selectOption('#input-engine', 'sglang');
    await waitHeading(/^What SGLang will log$/);
    const sglang = await log();
    check(/max_total_num_tokens=\d+/.test(sglang) && sglang !== vllmLog, `engine: SGLang logs its own lines (${sglang.split('\n')[0]})`);
    await page.selectOption('#input-engine', 'trtllm');
    await waitHeading(/^What TensorRT-LLM will log$/);
    const trt = await log();
    check(/Allocated [\d.]+ GiB for max tokens in paged KV cache \(\d+\)/.test(trt), `engine: TensorRT-LLM logs its [MemUsageChange] line (${trt})`);
    const tok = (s, re) => Number((s.match(re) ?? [])[1]);
    const sgTokens = tok(sglang, /max_total_num_tokens=(\d+)/);
    const trtTokens = tok(trt, /paged KV cache \((\d+)\)/);
    check(sgTokens > 0 && trtTokens > 0 && sgTokens !== vllm.tokens && trtTokens !== vllm.tokens && sgTokens !== trtTokens,
      `engine: the three engines give different token counts (vLLM ${vllm.tokens}, SGLang ${sgTokens}, TensorRT-LLM ${trtTokens})`);

    // 3. URL round trip: engine, gpu_util and max_batched_tokens in the link, restored on reload.
    await page.fill('#input-gpu_util', '0.85');
    await page.press('#input-gpu_util', 'Enter');
    await page.fill('#input-max_batched_tokens', '4096');
    await page.press('#input-max_batched_tokens', 'Enter');
    const inUrl = await waitUrl(() => {
      const q = new URLSearchParams(location.search);
      return q.get('engine') === 'trtllm' && q.get('gpu_util') === '0.85' && q.get('max_batched_tokens') === '4096';
    });
    const url = await page.evaluate(() => location.href);
    check(inUrl, `engine: the URL carries engine, gpu_util, max_batched_tokens (${url.slice(url.indexOf('?'))})`);
    const before = await log();
    await page.goto(url);
    await waitForApp(page);
    await waitHeading(/^What TensorRT-LLM will log$/);
    checkEq(await page.inputValue('#input-engine'), 'trtllm', 'engine: after reload the Engine control is trtllm');
    checkEq(await page.inputValue('#input-gpu_util'), '0.85', 'engine: after reload gpu_util is 0.85');
    checkEq(await page.inputValue('#input-max_batched_tokens'), '4096', 'engine: after reload max_batched_tokens is 4096');
    checkEq(await log(), before, 'engine: after reload the engine lines are the same');

    // 4. A context that does not fit: the engine's error with the changes that would start it;
    // the other cards stay.
    await page.goto(appUrl('?model=llama-3.1-8b&hw=h100-sxm&engine=vllm&gpu_util=0.95&ctx=2000000'));
    await waitForApp(page);
    const err = await waitForText(page, 'engine-error');
    check(/vLLM would refuse to start/.test(err) && /larger than the available KV cache memory/.test(err), `engine: the refusal is shown in plain words (${err.slice(0, 160)}…)`);
    check(/ctx=\d+/.test(err) && /tp=\d+/.test(err), `engine: the error says what would start it (${err.match(/Smallest change.*$/)?.[0]})`);
    for (const card of ['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch', 'metric-throughput', 'memory-chart']) {
      check((await page.locator(tid(card)).count()) === 1, `engine: ${card} is still on the page when the engine would not start`);
    }
    await screenshot(page, 'engine-vllm-error');
    // "Use" the shorter context: the engine starts, the error goes.
    await page.click(tid('engine-fix-ctx'));
    await page.waitForFunction((sel) => !document.querySelector(sel), tid('engine-error'));
    const fixed = parseLog(await log());
    check(fixed.tokens > 0 && /ctx=\d+/.test(await page.evaluate(() => location.search)), `engine: the ctx fix starts the engine (${fixed.tokens} tokens)`);

    // 5. engine=none: no block.
    await page.selectOption('#input-engine', 'none');
    await page.waitForFunction((sel) => !document.querySelector(sel), tid('engine-block'));
    check(await waitUrl(() => !location.search.includes('engine=')), 'engine: none drops engine= from the URL');
    await checkNoErrors(page, errors, 'engine');
  } finally {
    await context.close();
  }
}
