// Peer apps the benchmarks can measure with the same code as KV Scope (issue 12 compares KV Scope's
// load time and slider latency with llm-calc's, side by side in one run): `--peer ID` in
// tests/bench/load.mjs and tests/bench/input.mjs. Without `--peer` both measure KV Scope, as before.
//
// A peer is built OUTSIDE this repository, by hand, and served locally; no test or script here
// fetches it (nothing downloads at build or test time). For llm-calc (iopsystems/llm-calc, a static
// Svelte 5 + Vite app; measured at commit faf2fcb33685609eb25c610f2e0c81486ebff16d):
//   git archive of its tree into /tmp/peer/src; cd /tmp/peer/src && npm ci
//   npm run build -- --outDir /tmp/peer/dist --emptyOutDir        # base path '/', no .wasm
//   python3 scripts/static_server.py 8700 --directory /tmp/peer/dist --gzip
//   node tests/bench/load.mjs http://127.0.0.1:8700/ --peer llm-calc --targets bare,shared
//   node tests/bench/input.mjs http://127.0.0.1:8700/ --peer llm-calc
// Its dist has no favicon, so the input benchmark lists the browser's /favicon.ico 404 under
// "page errors" (the same request a real host without one answers 404; it does not touch the app).
//
// Each peer gives, as functions that run in the page (passed by their source text, so they may use
// only the page's globals):
//   load.targets   URL tails (query or hash) for the load benchmark's targets it can express
//   load.ready     true once the main results have numbers and the chart is drawn (KV Scope's
//                  `results`: the concurrency card shows a digit and a chart has been drawn)
//   load.mounted   true once the app has mounted (KV Scope's `app`)
//   input.query    the URL tail that shows the slider, away from its maximum so → moves it
//   input.slider   CSS selector of the range slider the presses go to
//   input.scrollTo CSS selector scrolled into view first (the slider and the chart it drives)
//   input.ready    true once the slider's section is drawn

export const PEERS = {
  'llm-calc': {
    label: 'llm-calc',
    load: {
      targets: {
        bare: '',
        // KV Scope's shared link (Llama 3.1 70B, H100 SXM, TP 4, 128,000-token context) in
        // llm-calc's hash codec (src/ui/share.ts): parallelism applies only to a multi-GPU
        // system, so the 8× H100 SXM board with `p=tp4` (the URL accepts TP 4; its picker offers
        // only TP 8); 128,000 prompt tokens, its default 512 output tokens; weights bf16 and KV
        // fp16, its defaults for this model (2 bytes per value, as KV Scope's bf16).
        shared: '#calc?s=hgx-h100-8&m=llama-3.1-70b&pt=128000&ot=512&p=tp4',
      },
      // The calculator tab's results: the performance table's TTFT cell has a digit, and the
      // memory bar chart and the roofline chart (Observable Plot SVGs, appended by effects in
      // MemoryPanel.svelte and RooflinePanel.svelte) are in the DOM.
      ready: () =>
        /\d/.test(document.querySelector('.perf-panel tbody td:nth-child(2)')?.textContent ?? '') &&
        !!document.querySelector('.memory-panel .bar-chart svg') &&
        !!document.querySelector('.roofline .plot svg'),
      // Svelte mounts App into the empty <div id="app"> of its index.html.
      mounted: () => (document.getElementById('app')?.childElementCount ?? 0) > 0,
    },
    input: {
      // The simulator tab (#sim) opens with PD-disagg armed on the fastest fabric, which shows its
      // "Under load" section: the only range slider in llm-calc, "N (in-flight decode batch)"
      // (LoadSection.svelte), which redraws the SVG load chart and nine KPI cards per input. It
      // starts at its maximum (N = nMax, 288 for the default Qwen3 0.6B on H100), where → does
      // nothing; `c=1` (the concurrency override it is bound to) starts it at N = 1.
      query: '#sim?c=1',
      slider: '.load-section input[type="range"]',
      scrollTo: '.load-section .top-row',
      ready: () => !!document.querySelector('.load-section .chart svg path') && !!document.querySelector('.load-section input[type="range"]'),
    },
  },
};

/** The peer named by `--peer ID`, or null (KV Scope). Exits with a message on an unknown ID. */
export function peerFromArgs(argv = process.argv) {
  const i = argv.indexOf('--peer');
  if (i < 0) return null;
  const id = argv[i + 1];
  if (!PEERS[id]) {
    console.error(`--peer: unknown peer ${JSON.stringify(id)}; known: ${Object.keys(PEERS).join(', ')}`);
    process.exit(2);
  }
  return { id, ...PEERS[id] };
}
