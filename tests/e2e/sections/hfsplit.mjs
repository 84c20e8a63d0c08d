// The Hugging Face import as a module of its own (issue 12: fewer bytes in the app).
//
// costmodel::hf::import_config is not in the app's .wasm: it is kvscope-import-HASH.js /
// _bg.wasm (src/bin/import.rs), which the app fetches with a dynamic import() the first time a
// reader imports a model (src/hf.rs). What it shows:
//   (a) a bare page load and a shared link with an imported model (arch=, hf=, name=) never
//       request it, and the link shows the imported model's cards;
//   (b) pasting a config.json and loading one by id request it (once per page) and import: the
//       cards equal those of the catalog preset the same config.json is (tests/hf.rs,
//       qwen3_235b_by_id_is_the_preset_named_by_its_id: the imported spec equals the preset's);
//   (c) it loads relative to the page when the site is served under a sub-path (/kvscope/);
//   (d) while it loads, the paste box says so; when it cannot load, the message names it, the
//       scenario is kept, nothing panics, and a later try loads it;
//   (e) it loads under a Content-Security-Policy that forbids eval.
// No request leaves the machine: huggingface.co is answered from the fixture files.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FIXTURES = path.join(ROOT, 'crates', 'costmodel', 'tests', 'fixtures', 'hf-configs');
const QWEN = 'Qwen/Qwen3-235B-A22B';
const QWEN_FILE = path.join(FIXTURES, 'qwen3-235b-a22b.json');
const SCENARIO = 'hw=h100-sxm&tp=8&ctx=32000&users=16';
const CARDS = ['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch'];
const MODULE = /\/kvscope-import(-[0-9a-f]+)?(_bg\.wasm|\.js)$/;

const cards = (page) => page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"] .kvs-card-value`)?.textContent?.trim() ?? null), CARDS);

/** Opens a page whose huggingface.co answers come from the fixtures; records module requests. */
async function open(h, browser, url) {
  const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
  const requested = [];
  page.on('request', (r) => {
    if (MODULE.test(new URL(r.url()).pathname)) requested.push(new URL(r.url()).pathname);
  });
  await context.route('https://huggingface.co/**', (route) => {
    const ok = new URL(route.request().url()).pathname === `/${QWEN}/resolve/main/config.json`;
    if (!ok) return route.abort('internetdisconnected');
    return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*', 'content-type': 'application/json' }, body: fs.readFileSync(QWEN_FILE, 'utf8') });
  });
  await page.goto(url);
  await h.waitForApp(page);
  return { page, context, errors, requested };
}

/** Pastes the Qwen config.json with a name and clicks "Use this model". */
async function paste(h, page, name) {
  await page.click('summary:has-text("Paste a Hugging Face config.json")');
  await page.fill('#input-config', fs.readFileSync(QWEN_FILE, 'utf8'));
  await page.fill('#input-config-name', name);
  await page.click(h.tid('import-config'));
}

export default async function hfsplit(browser, h) {
  // The reference: the catalog preset the Qwen config.json imports to, same scenario.
  let preset;
  {
    const { page, context, errors, requested } = await open(h, browser, h.appUrl(`?model=qwen3-235b-a22b&${SCENARIO}`));
    try {
      preset = await cards(page);
      h.check(preset.every((c) => c), `hfsplit: the preset's cards (${JSON.stringify(preset)})`);
      h.checkEq(requested.length, 0, 'hfsplit: a preset link does not request the import module');
      await h.checkNoErrors(page, errors, 'hfsplit: preset');
    } finally {
      await context.close();
    }
  }

  // (a) A bare page load does not request it, even after the page has settled.
  {
    const { page, context, errors, requested } = await open(h, browser, h.appUrl(''));
    try {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      h.checkEq(requested.join(','), '', 'hfsplit: a bare page load does not request the import module');
      await h.checkNoErrors(page, errors, 'hfsplit: bare load');
    } finally {
      await context.close();
    }
  }

  // (b) Paste: the module is requested (its .js and .wasm, once each) and the import works.
  let link = '';
  {
    const { page, context, errors, requested } = await open(h, browser, h.appUrl(`?${SCENARIO}`));
    try {
      h.checkEq(requested.length, 0, 'hfsplit: nothing requested before the paste box is used');
      await paste(h, page, 'My Qwen finetune');
      await page.waitForFunction(() => /[?&]name=My/.test(location.search) && /[?&]arch=/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), 'hfsplit: the pasted config gives the preset\'s cards');
      h.checkEq(requested.filter((u) => u.endsWith('.js')).length, 1, `hfsplit: the paste requested the module's JS once (${requested.join(', ')})`);
      h.checkEq(requested.filter((u) => u.endsWith('.wasm')).length, 1, 'hfsplit: and its .wasm once');
      // A second import on the same page reuses the loaded module.
      await page.fill('#input-config-name', 'Second name');
      await page.click(h.tid('import-config'));
      await page.waitForFunction(() => /[?&]name=Second/.test(location.search));
      h.checkEq(requested.length, 2, 'hfsplit: a second import requests nothing more');
      link = page.url();
      await h.checkNoErrors(page, errors, 'hfsplit: paste');
    } finally {
      await context.close();
    }
  }

  // (a) The shared link of an imported model (arch=, name=) shows it without the module.
  {
    const q = new URLSearchParams(link.slice(link.indexOf('?')));
    h.check(q.get('arch') && q.get('name') === 'Second name', `hfsplit: the link carries the model (arch=${q.get('arch')})`);
    // The link as shared, and the same with hf= as well (a model loaded by id): arch= is there,
    // nothing is fetched.
    const query = link.slice(link.indexOf('?'));
    for (const [url, shows, requests, label] of [
      [query, 'the link of an imported model shows its cards', 'the link of an imported model does not request the import module', 'imported link'],
      [`${query}&hf=${encodeURIComponent(QWEN)}`, 'a link with hf= and arch= shows the cards', 'a link with hf= and arch= does not request the import module', 'hf + arch link'],
    ]) {
      const { page, context, errors, requested } = await open(h, browser, h.appUrl(url));
      try {
        h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), `hfsplit: ${shows}`);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        h.checkEq(requested.join(','), '', `hfsplit: ${requests}`);
        await h.checkNoErrors(page, errors, `hfsplit: ${label}`);
      } finally {
        await context.close();
      }
    }
  }

  // (b) By id: typing the id offers the load and starts fetching the module; the load works.
  {
    const { page, context, errors, requested } = await open(h, browser, h.appUrl(`?${SCENARIO}`));
    try {
      await page.fill('#input-model-search', QWEN);
      await page.waitForSelector(h.tid('hf-load'));
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /kvscope-import[^/]*_bg\.wasm$/.test(e.name)));
      h.check(requested.some((u) => u.endsWith('.wasm')), 'hfsplit: an id on offer starts fetching the module (prefetch)');
      await page.click(h.tid('hf-load'));
      await page.waitForFunction(() => /^Loaded /.test(document.querySelector('[data-testid="hf-status"]')?.textContent ?? ''));
      await page.waitForFunction(() => /[?&]arch=/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), 'hfsplit: the config loaded by id gives the preset\'s cards');
      h.checkEq(requested.length, 2, `hfsplit: the module was requested once (${requested.join(', ')})`);
      await h.checkNoErrors(page, errors, 'hfsplit: by id');
    } finally {
      await context.close();
    }
  }

  // (c) Under a sub-path: the module's URL is relative to the page. The page's requests under
  // /kvscope/ are answered by the test server's files.
  {
    const base = new URL(h.appUrl(''));
    const root = `${base.origin}/kvscope/`;
    const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
    const requested = [];
    page.on('request', (r) => {
      if (MODULE.test(new URL(r.url()).pathname)) requested.push(new URL(r.url()).pathname);
    });
    await context.route(`${root}**`, async (route) => {
      const u = new URL(route.request().url());
      const inner = new URL(u.pathname.slice('/kvscope/'.length) + u.search, base);
      route.fulfill({ response: await route.fetch({ url: inner.href }) });
    });
    try {
      await page.goto(`${root}?${SCENARIO}`);
      await h.waitForApp(page);
      await paste(h, page, 'Under a sub-path');
      await page.waitForFunction(() => /[?&]name=Under/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), 'hfsplit: the import works under /kvscope/');
      h.check(requested.length === 2 && requested.every((u) => u.startsWith('/kvscope/kvscope-import')), `hfsplit: the module is fetched from under the sub-path (${requested.join(', ')})`);
      await h.checkNoErrors(page, errors, 'hfsplit: sub-path');
    } finally {
      await context.close();
    }
  }

  // (d) Loading shows; a module that cannot load gets a message naming it, the scenario
  // stays, and the next try loads it.
  {
    const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
    let mode = 'fail';
    await context.route((u) => MODULE.test(u.pathname), async (route) => {
      if (mode === 'fail') return route.abort('connectionrefused');
      await new Promise((r) => setTimeout(r, 600));
      return route.continue();
    });
    try {
      await page.goto(h.appUrl(`?${SCENARIO}`));
      await h.waitForApp(page);
      const before = await cards(page);
      // The app writes the canonical query back (v=1 first) once the state settles, 120 ms
      // after the mount: read the link after that, or a slow machine compares the link as
      // opened with the app's own (seen once under load: "?hw=…" against "?v=1&hw=…").
      await page.waitForFunction(() => location.search.startsWith('?v=1'), null, { timeout: 2000 }).catch(() => {});
      const search0 = await page.evaluate(() => location.search);
      await paste(h, page, 'Not loaded');
      const msg = await h.waitForText(page, 'import-error');
      h.check(/the importer of config\.json files \(\.\/kvscope-import[^)]*\.js\) could not be loaded/.test(msg), `hfsplit: a module that cannot load is named (${msg.slice(0, 140)})`);
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(before), 'hfsplit: the cards are kept');
      h.checkEq(await page.evaluate(() => location.search), search0, 'hfsplit: the link is kept');
      mode = 'slow';
      await page.click(h.tid('import-config'));
      const status = await h.waitForText(page, 'import-status');
      h.check(/Loading the importer/.test(status), `hfsplit: while the module loads the box says so (${status})`);
      await page.waitForFunction(() => /[?&]name=Not/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), 'hfsplit: the next try loads the module and imports');
      h.checkEq(await page.evaluate(() => document.querySelector('[data-testid="import-error"]')?.textContent ?? ''), '', 'hfsplit: and clears the message');
      const real = errors.filter((e) => !/kvscope-import|Failed to load resource/.test(e));
      h.check(real.length === 0, `hfsplit: no error but the refused module requests (${JSON.stringify(real)})`);
    } finally {
      await context.close();
    }
  }

  // (e) Under a Content-Security-Policy without 'unsafe-eval' (a host may send one): the release
  // build's glue brings the function that import()s the module, so no `new Function` is needed.
  {
    const csp = "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'";
    const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
    await context.route((u) => u.pathname.endsWith('/') || u.pathname.endsWith('/index.html'), async (route) => {
      const response = await route.fetch();
      // A probe in the page's own HTML (what DevTools evaluates is exempt from the policy).
      const probe = '<script>try { window.__kvs_eval = new Function("return 1")(); } catch (e) { window.__kvs_eval = "refused"; }</script>';
      const body = (await response.text()).replace('</body>', `${probe}</body>`);
      const headers = { ...response.headers(), 'content-security-policy': csp };
      delete headers['content-length'];
      delete headers['content-encoding'];
      return route.fulfill({ response, body, headers });
    });
    try {
      await page.goto(h.appUrl(`?${SCENARIO}`));
      await h.waitForApp(page);
      const evalBlocked = await page.evaluate(() => window.__kvs_eval === 'refused');
      h.check(evalBlocked, 'hfsplit: the policy is in force (new Function is refused)');
      await paste(h, page, 'Under a CSP');
      await page.waitForFunction(() => /[?&]name=Under/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(preset), `hfsplit: under "${csp}" the import works`);
      await h.checkNoErrors(page, errors, 'hfsplit: under a CSP');
    } finally {
      await context.close();
    }
  }
}
