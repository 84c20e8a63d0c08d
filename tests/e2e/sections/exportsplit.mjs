// The JSON export as a module of its own (issue 12: fewer bytes in the app).
//
// `Evaluated::to_json` (serde's writers of the scenario and report, serde_json's float printer)
// is not in the app's .wasm: it is kvscope-export-HASH.js / _bg.wasm (src/bin/export.rs), which
// the app fetches with a dynamic import() when a reader points at or clicks "Scenario + report as
// JSON" (src/panels/export.rs, src/ondemand.rs). The app hands it the scenario as its link and the
// warnings it holds; the module evaluates it again. What it shows:
//   (a) a page load, and opening the export tab, do not request it;
//   (b) the JSON downloaded equals what the `kvscope` CLI writes for the same link
//       (`kvscope eval LINK --json [--lenient]`, the report as the CLI's library computes it
//       natively), for a link and for a link with a bad value (its warning comes first in both);
//       the module is requested once (its .js and its .wasm) however many exports follow;
//   (c) when it cannot load, the status names it, nothing panics, and a later click loads it.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MODULE = /\/kvscope-export(-[0-9a-f]+)?(_bg\.wasm|\.js)$/;
const LINK = 'model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&mode=realistic';
// `users=abc` is refused with a warning (the default is kept), by the app and by the CLI's --lenient.
const BAD_LINK = 'model=qwen2.5-72b&hw=mi300x&tp=2&ctx=32000&users=abc';

/** The CLI's report for `query` as JSON (`kvscope eval QUERY --json`), parsed. */
function cliReport(query, lenient) {
  const bin = path.join(ROOT, 'target', 'debug', 'kvscope');
  const args = ['eval', query, '--json', ...(lenient ? ['--lenient'] : [])];
  const out = fs.existsSync(bin)
    ? execFileSync(bin, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '-q', '--offline', '-p', 'kvscope-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

/** Opens `query` with downloads on; records the export module's requests. */
async function open(h, browser, query) {
  const { page, context, errors } = await h.openPage(browser, null, { ...h.DESKTOP, acceptDownloads: true });
  const requested = [];
  page.on('request', (r) => {
    if (MODULE.test(new URL(r.url()).pathname)) requested.push(new URL(r.url()).pathname);
  });
  await page.goto(h.appUrl(`?${query}`));
  await h.waitForApp(page);
  return { page, context, errors, requested };
}

/** Clicks the JSON button; the downloaded file's name and parsed content. */
async function exportJson(h, page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(h.tid('export-json'))]);
  const file = await download.path();
  return { name: download.suggestedFilename(), json: JSON.parse(fs.readFileSync(file, 'utf8')) };
}

export default async function exportsplit(browser, h) {
  // (a) and (b)
  {
    const { page, context, errors, requested } = await open(h, browser, LINK);
    try {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      h.checkEq(requested.join(','), '', 'exportsplit: a page load does not request the export module');
      await page.click('#tab-export');
      await page.waitForSelector(h.tid('export-json'));
      await page.waitForTimeout(300);
      h.checkEq(requested.join(','), '', 'exportsplit: opening the export tab does not request it');

      const { name, json } = await exportJson(h, page);
      h.check(name.endsWith('.json') && name.startsWith('kvscope_llama-3.1-70b_4x-h100-sxm_ctx128000'), `exportsplit: the file is named for the scenario (${name})`);
      h.checkEq(json.scenario?.ctx_tokens, 128000, 'exportsplit: the JSON holds the scenario (ctx_tokens)');
      const cli = cliReport(`?${LINK}`, false);
      h.checkEq(JSON.stringify(json.report), JSON.stringify(cli), 'exportsplit: the report equals `kvscope eval LINK --json` (every field)');
      h.checkEq(requested.filter((u) => u.endsWith('.js')).length, 1, `exportsplit: the module's JS was requested once (${requested.join(', ')})`);
      h.checkEq(requested.filter((u) => u.endsWith('.wasm')).length, 1, 'exportsplit: and its .wasm once');
      h.check(/JSON downloaded/.test(await h.textOf(page, 'export-status')), 'exportsplit: the status says it downloaded');

      // A change, then a second export: the new scenario, nothing more requested.
      await page.fill('#input-ctx', '64000');
      await page.press('#input-ctx', 'Enter');
      await page.waitForFunction(() => /[?&]ctx=64000/.test(location.search));
      const second = await exportJson(h, page);
      h.checkEq(second.json.scenario?.ctx_tokens, 64000, 'exportsplit: a second export writes the changed scenario');
      h.checkEq(JSON.stringify(second.json.report), JSON.stringify(cliReport(`?${LINK.replace('ctx=128000', 'ctx=64000')}`, false)), 'exportsplit: and its report equals the CLI\'s');
      h.checkEq(requested.length, 2, 'exportsplit: a second export requests nothing more');
      await h.checkNoErrors(page, errors, 'exportsplit: export');
    } finally {
      await context.close();
    }
  }

  // (b) with a warning about the link: first among the report's warnings, as the CLI writes it.
  {
    const { page, context, errors } = await open(h, browser, BAD_LINK);
    try {
      await page.click('#tab-export');
      await page.waitForSelector(h.tid('export-json'));
      const { json } = await exportJson(h, page);
      const cli = cliReport(`?${BAD_LINK}`, true);
      h.check(/users/.test(json.report?.warnings?.[0] ?? ''), `exportsplit: the link's warning comes first (${json.report?.warnings?.[0]})`);
      h.checkEq(JSON.stringify(json.report), JSON.stringify(cli), 'exportsplit: a link with a bad value: the report equals `kvscope eval LINK --json --lenient`');
      await h.checkNoErrors(page, errors, 'exportsplit: a link with a warning');
    } finally {
      await context.close();
    }
  }

  // (c) A module that cannot load: the status names it; the next click loads it.
  {
    const { page, context, errors } = await h.openPage(browser, null, { ...h.DESKTOP, acceptDownloads: true });
    let fail = true;
    await context.route((u) => MODULE.test(u.pathname), (route) => (fail ? route.abort('connectionrefused') : route.continue()));
    try {
      await page.goto(h.appUrl(`?${LINK}`));
      await h.waitForApp(page);
      await page.click('#tab-export');
      await page.waitForSelector(h.tid('export-json'));
      await page.click(h.tid('export-json'));
      await page.waitForFunction(() => /Could not export JSON/.test(document.querySelector('[data-testid="export-status"]')?.textContent ?? ''));
      const msg = await h.textOf(page, 'export-status');
      h.check(/the JSON writer \(\.\/kvscope-export[^)]*\.js\) could not be loaded/.test(msg), `exportsplit: a module that cannot load is named (${msg.slice(0, 140)})`);
      fail = false;
      const { json } = await exportJson(h, page);
      h.checkEq(json.scenario?.ctx_tokens, 128000, 'exportsplit: the next click loads the module and exports');
      const real = errors.filter((e) => !/kvscope-export|Failed to load resource/.test(e));
      h.check(real.length === 0, `exportsplit: no error but the refused module requests (${JSON.stringify(real)})`);
    } finally {
      await context.close();
    }
  }
}
