// Trunk post_build step for release builds, run by minify-js.mjs after minifying and before
// precompressing: gives the first stage (src/first.rs) hashed file names and replaces Trunk's
// loader of the app with one that runs the first stage first.
//
// Why: the first stage is a small .wasm (no Leptos) that paints the URL's results into the
// static shell; the app's .wasm is several times larger. Fetched together they would share the
// wire and the first results would wait for both, so the app's preloads are dropped and the app
// is fetched once the first stage's bytes are in (its download then overlaps the first stage's
// compile and paint). A widget (`?embed=1`) that the first stage painted fetches the app only
// when the reader first touches it (pointer, key, focus, touch, a width change) outside the
// controls the first stage answers itself (src/first_live.rs), or when the first stage asks for
// it. Until the app has mounted,
// clicks on the first stage's buttons and changes to its selects are recorded and replayed on
// the app's elements of the same id (`data-testid` without its `first-` prefix).
//
// It also names the on-demand modules (src/bin/import.rs, src/bin/export.rs) by their hashes and writes those
// names into the app's JS glue, which it renames by its new content (see below).
//
// Trunk 0.21.14 builds the first stage as a "worker" (so that it does not load it) named
// kvscope-first.js / kvscope-first_bg.wasm. If Trunk's loader script is not found (another
// Trunk version), the build fails here rather than shipping a page that loads nothing.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const indexPath = path.join(dir, 'index.html');
/** Renames a module Trunk built as a "worker" (NAME.js, NAME_bg.wasm) by the hash of both. */
function nameByHash(name) {
  const js = path.join(dir, `${name}.js`);
  const wasm = path.join(dir, `${name}_bg.wasm`);
  if (!fs.existsSync(js) || !fs.existsSync(wasm)) throw new Error(`first-stage: ${name}.js or ${name}_bg.wasm is missing from the build`);
  const hash = createHash('sha256').update(fs.readFileSync(js)).update(fs.readFileSync(wasm)).digest('hex').slice(0, 16);
  const named = [`${name}-${hash}.js`, `${name}-${hash}_bg.wasm`];
  fs.renameSync(js, path.join(dir, named[0]));
  fs.renameSync(wasm, path.join(dir, named[1]));
  return named;
}

const [F, FW] = nameByHash('kvscope-first');
// The Hugging Face import module (src/bin/import.rs, issue 12), also built as a "worker": hashed
// names too, which the app's JS glue hands the app (`window.__kvs_import`, read by
// src/ondemand.rs; written below); the app fetches it with a dynamic import() only when a reader
// imports a model. The JSON export (src/bin/export.rs) likewise (`window.__kvs_export`).
const [I, IW] = nameByHash('kvscope-import');
const [E, EW] = nameByHash('kvscope-export');

let index = fs.readFileSync(indexPath, 'utf8');
const trunkLoader = /<script type=module>import init, \* as bindings from '\.\/(kvscope-web-[0-9a-f]+\.js)';\s*const wasm = await init\(\{ module_or_path: '\.\/(kvscope-web-[0-9a-f]+_bg\.wasm)' \}\);[\s\S]*?<\/script>/;
const m = index.match(trunkLoader);
if (!m) throw new Error("first-stage: Trunk's loader script was not found in index.html (another Trunk version?)");
const [, A0, AW] = m;

// The on-demand modules' names go into the app's JS glue, not into index.html (which a plain
// widget fetches: not one byte more there), and the glue is renamed by its new content, so
// that a cached glue never names an on-demand module that a later build removed.
// Third: the function that loads it. `import()` is syntax, which wasm-bindgen cannot bind; here
// it needs no `new Function` (which a Content-Security-Policy without 'unsafe-eval' blocks) and
// no snippet file (one more request at every app start).
const load = '(j,w)=>import(j).then((m)=>m.default({module_or_path:w}).then(()=>m))';
const glue = `window.__kvs_import=["./${I}","./${IW}",${load}];window.__kvs_export=["./${E}","./${EW}",${load}];` + fs.readFileSync(path.join(dir, A0), 'utf8');
const A = `kvscope-web-${createHash('sha256').update(glue).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, A), glue);
if (A !== A0) fs.unlinkSync(path.join(dir, A0));

// The loader (no // comments inside: it is joined into one line). mayStayLight: a widget whose
// view and controls the first stage draws may never need the app (without controls nothing
// changes until it is touched; its controls the first stage answers itself, src/first_live.rs);
// anything else will, so the app's download starts as soon as the first stage's own bytes are
// in, and overlaps the first stage's compile and paint. A lazy widget fetches the app at the
// reader's first touch outside the live controls (the chart, its selects, "Copy link") or when
// the first stage asks for it (window.__kvs_app). `changes` keeps the last value of every control
// the reader changed before the app mounted, in the order of their last change, so that the app
// replays them as the reader left them.
// Widget controls the first stage does not draw (it would stand aside, after its bytes had
// cost the reader time): such a widget goes straight to the app. Keep in step with
// FIRST_STAGE_CONTROLS in src/first.rs.
const APP_ONLY_CONTROLS = String.raw`/[?&]controls=([^&]*,)?(model|hw|kv_[a-z]+)(,|&|$)/`;
const loader = `
const shell = () => document.getElementById('kvs-shell');
const clicks = [], changes = new Map();
const onClick = (e) => { const t = e.target.closest?.('[data-testid^="first-"]'); if (t && shell()?.contains(t)) clicks.push(t.dataset.testid.slice(6)); };
const onChange = (e) => { const t = e.target; if (t.id && shell()?.contains(t)) { changes.delete(t.id); changes.set(t.id, t.value); } };
addEventListener('click', onClick, true);
addEventListener('input', onChange, true);
addEventListener('change', onChange, true);
let started, appWasm, appJs;
const fetchApp = () => { appWasm ??= fetch('./${AW}'); appJs ??= import('./${A}'); };
const app = () => (started ??= (async () => {
  fetchApp();
  const m = await appJs;
  const wasm = await m.default({ module_or_path: appWasm });
  window.wasmBindings = m;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  removeEventListener('click', onClick, true);
  removeEventListener('input', onChange, true);
  removeEventListener('change', onChange, true);
  for (const [id, v] of changes) { const el = document.getElementById(id); if (el && el.value !== v) { el.value = v; for (const t of ['input', 'change']) el.dispatchEvent(new Event(t, { bubbles: true })); } }
  for (const id of clicks) document.querySelector('[data-testid="' + id + '"]')?.click();
})().catch((e) => {
  console.warn('KV Scope: the app could not load', e);
  const h = document.querySelector('[data-testid="first-headline"]');
  if (h && window.__kvs_first?.painted) h.textContent += ' (The editor could not load: reload the page to change the scenario.)';
}));
window.__kvs_app = app;
const mayStayLight = /[?&]embed=1(&|$)/.test(location.search) && !window.__kvs_app_only && !/[?&]show=(memory|timeline|cheap)(&|$)/.test(location.search);
let first = {};
if (window.__kvs_app_only) first.painted = false; else try {
  const [f, bytes] = await Promise.all([import('./${F}'), fetch('./${FW}').then((r) => r.arrayBuffer())]);
  if (!mayStayLight) fetchApp();
  await f.default({ module_or_path: bytes });
  first = window.__kvs_first ?? {};
} catch (e) {
  console.warn('KV Scope: the first stage did not run; loading the app', e);
}
if (first.painted && first.lazy) {
  const width = innerWidth;
  const touches = ['pointerdown', 'pointermove', 'keydown', 'focusin', 'touchstart'];
  const touch = (e) => {
    if (first.live && e.target?.closest?.('.kvs-widget-controls')) return;
    for (const t of touches) removeEventListener(t, touch, true);
    app();
  };
  for (const t of touches) addEventListener(t, touch, { passive: true, capture: true });
  addEventListener('resize', () => { if (innerWidth !== width) app(); });
} else {
  app();
}
`
  .trim()
  .replace(/\n\s*/g, '');
if (loader.includes('//')) throw new Error('first-stage: a // comment in the loader would swallow the rest of the line');
// A classic script before the stylesheet link starts the first stage's two downloads at once
// (a module script would wait for the stylesheet), except for a widget that goes straight to
// the app. It removes itself once run: the page keeps no script of its own in the DOM.
const preload = `
window.__kvs_app_only = /[?&]embed=1(&|$)/.test(location.search) && ${APP_ONLY_CONTROLS}.test(location.search.replace(/%2C/gi, ','));
if (!window.__kvs_app_only) for (const [href, rel] of [['./${F}', 'modulepreload'], ['./${FW}', 'preload']]) {
  const l = document.createElement('link');
  l.rel = rel; l.href = href; l.crossOrigin = 'anonymous';
  if (rel === 'preload') { l.as = 'fetch'; l.type = 'application/wasm'; }
  document.head.appendChild(l);
}
document.currentScript.remove();
`
  .trim()
  .replace(/\n\s*/g, '');
if (preload.includes('//')) throw new Error('first-stage: a // in the preload script would swallow the rest of the line');
index = index.replace(trunkLoader, () => `<script>${preload}</script><script type=module>${loader}</script>`);

// The app's preloads go: they would share the wire with the first stage (whose own preloads the
// classic script above adds, unless the link goes straight to the app).
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const name of [A0, AW]) {
  const tag = new RegExp(`<link[^>]*href=["']?\\./${escape(name)}["']?[^>]*>`);
  if (!tag.test(index)) throw new Error(`first-stage: no preload of ${name} in index.html`);
  index = index.replace(tag, '');
}
fs.writeFileSync(indexPath, index);
console.log(`first-stage: ${F}, ${FW}; the loader runs it before ${A}; the app loads ${I} and ${E} on demand`);
