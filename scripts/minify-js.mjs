// Trunk post_build hook (Trunk.toml): minifies wasm-bindgen's JS glue in release builds.
//
// Trunk minifies index.html and the CSS, but its own JS minifier fails on wasm-bindgen's glue
// ("Failed to minify JS: RequiredTokenNotFound", a warning) and copies it as generated (49 KB, with
// comments and long names); terser takes its gzipped size from 8.9 KB to 6.6 KB. Trunk has
// already written the file's Subresource Integrity hash into index.html, so that hash is
// recomputed here for the minified file. Debug builds (`trunk serve`) are left alone.
//
// The functions each .wasm imports from its glue get short names in both (short-imports.mjs),
// short ASCII strings from the .wasm are made without a TextDecoder call (short-strings.mjs),
// and three JS classes that Leptos links and nothing uses are dropped (drop-stream-classes.mjs).
//
// Env (set by Trunk): TRUNK_PROFILE (debug|release), TRUNK_STAGING_DIR (the build's output
// before it becomes dist/).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';
import { shortenImports } from './short-imports.mjs';
import { shortStrings } from './short-strings.mjs';
import { dropStreamClasses } from './drop-stream-classes.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('minify-js: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const indexPath = path.join(dir, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const file = path.join(dir, name);
  // Short ASCII strings from the .wasm skip TextDecoder (short-strings.mjs).
  // Without the stream classes that Leptos links and nothing uses (drop-stream-classes.mjs).
  const { js: glue, dropped } = dropStreamClasses(fs.readFileSync(file, 'utf8'), name);
  if (dropped) console.log(`minify-js: ${dropped} unused stream classes dropped from ${name}`);
  const source = shortStrings(glue, name);
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`minify-js: terser returned nothing for ${name}`);
  // The imports of its .wasm get short names, in both files (short-imports.mjs).
  const wasmFile = file.replace(/\.js$/, '_bg.wasm');
  if (fs.existsSync(wasmFile)) {
    const short = shortenImports(fs.readFileSync(wasmFile), out.code);
    fs.writeFileSync(wasmFile, short.wasm);
    out.code = short.js;
    console.log(`minify-js: ${short.renamed} imports of ${path.basename(wasmFile)} renamed`);
  }
  fs.writeFileSync(file, out.code);
  // The <link rel=modulepreload href=./NAME integrity=sha384-…> that Trunk wrote.
  const sri = `sha384-${createHash('sha384').update(out.code).digest('base64')}`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tag = new RegExp(`(<link[^>]*href=["']?\\./${escaped}["']?[^>]*integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  const before = index;
  index = index.replace(tag, `$1${sri}`);
  // A file without a tag of its own (the first stage, loaded by the loader script) has none.
  const linked = new RegExp(`<link[^>]*href=["']?\\./${escaped}["']?[^>]*integrity`).test(before);
  const integrity = before === index ? (linked ? 'NOT UPDATED' : 'none') : 'updated';
  if (integrity === 'NOT UPDATED') throw new Error(`minify-js: could not find the integrity of ${name} in index.html`);
  console.log(`minify-js: ${name} ${source.length} -> ${out.code.length} bytes; integrity ${integrity}`);
}
fs.writeFileSync(indexPath, index);

// The first stage's hashed names and the loader that runs it before the app (first-stage.mjs).
await import('./first-stage.mjs');

// Then the .gz and .br files beside each asset, from the final (minified) bytes. Run from here,
// not as a second hook: Trunk starts the hooks of one stage together, and compressing must come
// after minifying.
await import('./precompress.mjs');
