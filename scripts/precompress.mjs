// Run by scripts/minify-js.mjs (the Trunk post_build hook) after it minified the JS: writes
// `NAME.gz` (gzip -9) and `NAME.br` (brotli, quality 11) beside every text and wasm asset of a release build, for static
// hosts that serve precompressed files (nginx `gzip_static`/`brotli_static`, Caddy
// `precompressed`, Netlify and Cloudflare Pages pick them up). Brotli is about 15% smaller than
// gzip on the .wasm. Node's own zlib does both: nothing is installed. Debug builds are left alone.
//
// Env (set by Trunk): TRUNK_PROFILE (debug|release), TRUNK_STAGING_DIR (the build's output).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const COMPRESSIBLE = /\.(html|js|css|wasm|json|svg)$/;

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

let total = { raw: 0, gz: 0, br: 0 };
for (const file of walk(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 });
  const br = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm') ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
  fs.writeFileSync(`${file}.gz`, gz);
  fs.writeFileSync(`${file}.br`, br);
  if (/\.(wasm|js|css)$/.test(file) && path.dirname(file) === dir) {
    total = { raw: total.raw + raw.length, gz: total.gz + gz.length, br: total.br + br.length };
  }
}
console.log(`precompress: app .wasm + .js + .css ${total.raw} raw, ${total.gz} gzip -9, ${total.br} brotli 11 bytes`);
