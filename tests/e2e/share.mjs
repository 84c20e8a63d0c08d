// KV Scope share and embed: end-to-end checks.
//
// Called from run.mjs as `shareChecks(browser, base, check, shotsDir)`: `base` is the URL of the
// built site (dist/ served with CORS like GitHub Pages), `check(cond, msg)` records one check.
//
// 1. round trip: a non-trivial state set through the controls → its URL → a fresh context shows
//    the same metric text and the same chart pixels; no history entry per change; share box.
// 2. fuzz: 200 seeded random/hostile query strings, one page, page.goto each: warnings name the
//    bad keys, bad fields keep their defaults, good ones survive, no errors, no injection.
// 3. blog post: examples/blog-post.html embeds two widgets that render and size themselves.
// 4. strict sandbox: examples/sandboxed.html (sandbox="allow-scripts" only) renders, posts its
//    height, and its copy button degrades without errors.
// 5. sub-path hosting: dist/ served under /kvscope/ by a second server; hashed asset names.

import fs from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { chartPixels, openPage, TIMEOUT_MS } from './util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const DIST = path.join(ROOT, 'dist');
const VIEW = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
const CRASH = [/panicked at/i, /RuntimeError/, /unreachable executed/i];
const tid = (id) => `[data-testid="${id}"]`;
const CARDS = ['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch', 'metric-throughput'];

const open = (browser, url, options = VIEW) => openPage(browser, url, options);

const cardsText = (page) =>
  page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null), CARDS);
/** A chart's pixels (scrolled into view: see chartPixels). */
const pixels = (page, id = 'sweep-chart') => chartPixels(page, id);

async function shot(page, shotsDir, name, selector) {
  fs.mkdirSync(shotsDir, { recursive: true });
  const file = path.join(shotsDir, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}

function noErrors(errors, check, label) {
  check(errors.length === 0, `${label}: no page/console errors${errors.length ? ': ' + JSON.stringify(errors.slice(0, 4)).slice(0, 600) : ''}`);
}

/** Waits until the chart has been drawn and the URL write has settled (query stops changing). */
async function settle(page) {
  await page.waitForFunction(() => typeof window.__kvs_first_chart_ms === 'number');
  let last = await page.evaluate(() => location.search);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await page.evaluate(() => location.search);
    if (now === last) break;
    last = now;
  }
  await page.waitForTimeout(200);
}

// ---------------------------------------------------------------------------
// 1. round trip
// ---------------------------------------------------------------------------
async function roundTrip(browser, base, check, shotsDir) {
  const { page, context, errors } = await open(browser, base);
  try {
    await settle(page);
    const historyBefore = await page.evaluate(() => history.length);
    const commit = async (sel, value) => {
      await page.fill(sel, value);
      await page.press(sel, 'Enter');
    };
    await page.selectOption('#input-model', 'llama-3.1-70b');
    await page.selectOption('#input-hw', 'h100-sxm');
    await commit('#input-tp', '4');
    await commit('#input-ctx', '128000');
    await commit('#input-users', '16');
    await page.selectOption('#input-kv_hidden', 'kivi-2');
    await page.check('#input-mode-realistic');
    await page.click(tid('pin-chart'));
    await page.selectOption('#input-kv_hidden', 'fp8');
    await page.selectOption('#input-y', 'decode_s');
    // Let the sections below the chart catch up first: off screen they take the state once it
    // settles (src/deferred.rs), and a click scrolled to the tabs just as they grow or shrink
    // above it could land beside the tab.
    await settle(page);
    await page.click('#tab-compare');
    // The URL is written 120 ms after the last change, on the main thread; under a loaded machine
    // that write can come after settle()'s quiet window (seen once in a full run: every key but
    // the last change's `panel`). Wait for the last change itself (5 s at most), then settle.
    await page
      .waitForFunction(() => new URLSearchParams(location.search).get('panel') === 'compare', null, { timeout: 5000 })
      .catch(() => {});
    await settle(page);
    const tabSelected = await page.getAttribute('#tab-compare', 'aria-selected');
    const url = await page.evaluate(() => location.href);
    const q = new URLSearchParams(new URL(url).search);
    const want = { v: '1', model: 'llama-3.1-70b', hw: 'h100-sxm', tp: '4', ctx: '128000', users: '16', kv_hidden: 'fp8', mode: 'realistic', y: 'decode_s', panel: 'compare' };
    const missing = Object.entries(want).filter(([k, v]) => q.get(k) !== v);
    check(missing.length === 0, `round trip: the URL holds every changed control (${url.slice(url.indexOf('?'))})${missing.length ? ` missing ${JSON.stringify(missing)}; the Compare tab's aria-selected: ${tabSelected}` : ''}`);
    check(q.getAll('pin').length === 1 && q.get('pin').includes('kv_hidden=kivi-2'), `round trip: the pin is in the URL (${q.get('pin')})`);
    check(url.length < 400, `round trip: the URL is short (${url.length} chars)`);
    const historyAfter = await page.evaluate(() => history.length);
    check(historyAfter === historyBefore, `round trip: no history entry per change (history.length ${historyBefore} → ${historyAfter})`);
    check((await page.evaluate(() => window.scrollY)) >= 0, 'round trip: page still scrollable');
    const title = await page.title();
    check(/Llama 3\.1 70B on 4× .*128,000-token context/.test(title), `round trip: document.title describes the scenario (${title})`);
    const desc = await page.getAttribute('meta[name="description"]', 'content');
    check(desc && title.startsWith(desc), `round trip: meta description follows (${desc})`);
    const cards1 = await cardsText(page);
    const px1 = await pixels(page);

    // Share box: link = this URL, link text = the description, embed code = an iframe.
    await page.click('[data-testid="share"] > summary');
    const shareUrl = await page.inputValue(tid('share-url'));
    check(shareUrl === url, `share: the link field holds this URL${shareUrl === url ? '' : ` (${shareUrl})`}`);
    const shareText = await page.inputValue(tid('share-text'));
    check(/^Llama 3\.1 70B on 4× NVIDIA H100 SXM.*: \d+ users? fits?, decode .+ per 250 tokens$/.test(shareText), `share: link text reads well (${shareText})`);
    const embedCode = await page.inputValue(tid('embed-code'));
    check(/^<iframe src="[^"]*embed=1[^"]*show=sweep/.test(embedCode) && embedCode.includes('kvscope:height') && embedCode.includes('sandbox='), 'share: the embed code is an iframe with embed=1 and the height script');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click(tid('copy-link'));
    await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').length > 0, tid('share-status'));
    const status = await page.textContent(tid('share-status'));
    const clip = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
    check(/copied/i.test(status) ? clip === url : /Ctrl\+C/.test(status), `share: Copy link copies the URL or says press Ctrl+C ("${status}")`);
    await page.click(tid('copy-embed'));
    await page.waitForFunction((sel) => /Embed code/.test(document.querySelector(sel)?.textContent ?? ''), tid('share-status'));
    const clip2 = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
    check(clip2 === null || clip2 === embedCode, 'share: Copy embed code copies the snippet');
    await shot(page, shotsDir, 'share-box', '[data-testid="share"]');
    noErrors(errors, check, 'round trip (source page)');

    // The same URL in a fresh context: same numbers, same pixels, same view.
    const fresh = await open(browser, url);
    try {
      await settle(fresh.page);
      const cards2 = await cardsText(fresh.page);
      check(JSON.stringify(cards2) === JSON.stringify(cards1) && cards1.every((t) => t && t.length > 0), 'round trip: a fresh page shows the same text in every metric card');
      const px2 = await pixels(fresh.page);
      check(px1.length > 1000 && px2 === px1, `round trip: the sweep chart's pixels are identical (toDataURL ${px1.length} chars)`);
      check((await fresh.page.inputValue('#input-y')) === 'decode_s', 'round trip: y axis restored');
      check((await fresh.page.getAttribute('#tab-compare', 'aria-selected')) === 'true', 'round trip: the Compare panel is open');
      check(await fresh.page.isVisible(tid('unpin-1')), 'round trip: the pinned scenario is restored');
      check((await fresh.page.evaluate(() => location.href)) === url, 'round trip: the fresh page keeps the URL as it is');
      noErrors(fresh.errors, check, 'round trip (fresh page)');
    } finally {
      await fresh.context.close();
    }

    // Old links (no v, keys as README v1) still open without warnings.
    const old = await open(browser, new URL('?model=yi-34b&hw=a100-sxm-80gb&ctx=50000&mode=peak', base).toString());
    try {
      await old.page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0, tid('metric-concurrency'));
      check(await old.page.isHidden(tid('warnings')), 'old link (no v=): opens with no warnings');
      const t = await old.page.textContent(tid('metric-decode'));
      check(/9\.9\d? s/.test(t), `old link: the paper's Yi-34B numbers (decode ${t.trim().slice(0, 40)})`);
      noErrors(old.errors, check, 'old link');
    } finally {
      await old.context.close();
    }
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// 2. fuzz
// ---------------------------------------------------------------------------
/** mulberry32: a small seeded PRNG, so every run opens the same 200 URLs. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const XSS = ['<img src=x onerror=window.__pwned=1>', '"><script>window.__pwned=1</script>', "javascript:window.__pwned=1", '<svg onload=window.__pwned=1>'];
const JUNK = ['NaN', '-5', '-0.5', '1e400', 'Infinity', '-Infinity', 'abc', '0x10', '1,5', '１２', '💥', 'null', 'undefined', '9'.repeat(400), 'A'.repeat(10_000), ...XSS];
/** Good values per key, written as the app writes them back (canonical). */
const GOOD = {
  model: ['llama-3.1-70b', 'deepseek-v3', 'llama-3.1-8b'],
  hw: ['h100-sxm', 'h200', 'b200', 'mi300x'],
  tp: ['2', '4', '8'],
  ctx: ['4000', '128000', '1000000'],
  out: ['100', '4000'],
  users: ['4', '64'],
  reuse: ['8'],
  mode: ['realistic'],
  w_bits: ['8', '4'],
  kv_bits: ['8', '4'],
  kv_hidden: ['kivi-2', 'fp8', '0.5'],
  kv_token: ['snapkv-1024'],
  kv_layer: ['cla-2'],
  eff_bw: ['0.8'],
  price: ['2.5'],
  x: ['users', 'tp'],
  y: ['decode_s', 'prefill_s'],
  panel: ['cheap', 'paper', 'export'],
  units: ['gib'],
  theme: ['light', 'dark'],
};
/** Bad values that are bad for the key whatever the junk (plus JUNK for all). */
const BAD = {
  model: ['gpt-5', 'yi-34b '],
  hw: ['tpu-v9', 'H100'],
  tp: ['0', '129', '1e9'],
  ctx: ['0', '1e300', '100000001'],
  users: ['0', '2000000'],
  mode: ['fast', 'PEAK'],
  w_bits: ['0', '64'],
  kv_hidden: ['2', 'kivi-9', 'snapkv-1024'],
  eff_bw: ['0', '1.5'],
  x: ['time'],
  y: ['latency'],
  panel: ['settings'],
  units: ['tb'],
  embed: ['yes', '2'],
  show: ['everything'],
  eid: ['has space', 'x'.repeat(65)],
  theme: ['blue'],
  pin: ['ctx=abc', 'model=nope'],
  v: ['abc', '-1'],
};
const UNKNOWN = ['foo', 'utm_source', '<script>alert(1)</script>', 'k'.repeat(10_000), 'ctx[]', '__proto__', 'constructor'];

function makeCase(rand, i) {
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const enc = encodeURIComponent;
  const parts = [];
  const bad = [];
  const good = {};
  const used = new Set();
  const n = 1 + Math.floor(rand() * 4);
  for (let j = 0; j < n; j++) {
    const r = rand();
    if (r < 0.35) {
      const key = pick(Object.keys(GOOD));
      if (used.has(key)) continue;
      used.add(key);
      const value = pick(GOOD[key]);
      parts.push(`${key}=${enc(value)}`);
      good[key] = value;
    } else if (r < 0.75) {
      const key = pick(Object.keys(BAD));
      if (used.has(key)) continue;
      used.add(key);
      const value = rand() < 0.5 ? pick(BAD[key]) : pick(JUNK);
      if (key === 'eid' && /^[A-Za-z0-9_-]{1,64}$/.test(value)) continue;
      if (key === 'embed' && ['1', 'true', '0', 'false', ''].includes(value)) continue;
      parts.push(`${key}=${enc(value)}`);
      bad.push(key);
    } else if (r < 0.87) {
      const key = pick(UNKNOWN);
      if (used.has(key)) continue;
      used.add(key);
      parts.push(`${enc(key)}=${enc(pick(JUNK))}`);
      bad.push(key);
    } else if (r < 0.94) {
      // Repeated key: the same bad value twice.
      const key = pick(['ctx', 'tp', 'users']);
      if (used.has(key)) continue;
      used.add(key);
      const value = pick(JUNK);
      parts.push(`${key}=${enc(value)}`, `${key}=${enc(value)}`);
      bad.push(key);
    } else {
      // Percent-encoding garbage: raw, not re-encoded.
      const raw = pick(['%', '%ZZ', '%E0%A4%A', '%FF%FE', '%00', '%%%']);
      parts.push(`junk${i}${raw}=${raw}`);
      bad.push(`junk${i}`);
    }
  }
  // Some cases start with a junk separator or a fragment.
  const lead = rand() < 0.1 ? '&&' : '';
  return { query: `?${lead}${parts.join('&')}`, bad, good };
}

async function fuzz(browser, base, check) {
  const N = 200;
  const rand = prng(20261126);
  const cases = Array.from({ length: N }, (_, i) => makeCase(rand, i));
  const { page, context, errors } = await open(browser, null);
  const failures = [];
  let badUrls = 0;
  const t0 = Date.now();
  try {
    for (const [i, c] of cases.entries()) {
      const before = errors.length;
      const url = new URL(c.query, base).toString();
      await page.goto(url);
      await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0, tid('metric-concurrency'), { timeout: 5000 }).catch(() => {});
      if (c.bad.length) {
        badUrls++;
        // The app writes the canonical query back (v=1 first) once the state settles.
        await page.waitForFunction(() => location.search.startsWith('?v=1'), null, { timeout: 2000 }).catch(() => {});
      }
      const r = await page.evaluate(
        ({ sel, cards }) => ({
          warnings: document.querySelector(sel)?.hidden === false ? document.querySelector(sel).textContent : '',
          cards: cards.map((id) => (document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim().length > 0),
          pwned: typeof window.__pwned,
          injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([type])').length,
          search: location.search,
        }),
        { sel: tid('warnings'), cards: CARDS },
      );
      const params = new URLSearchParams(r.search);
      const problems = [];
      if (!r.cards.every(Boolean)) problems.push('metric cards not rendered');
      if (r.pwned !== 'undefined') problems.push('window.__pwned set');
      if (r.injected > 0) problems.push(`${r.injected} injected elements`);
      if (errors.length > before) problems.push(`errors: ${errors.slice(before).join(' | ').slice(0, 300)}`);
      if (c.bad.length && !r.warnings) problems.push('no warning shown');
      for (const key of c.bad) {
        const short = key.slice(0, 20);
        if (!r.warnings.includes(short)) problems.push(`warning does not name ${JSON.stringify(short)}`);
        if (key === 'v' ? params.get('v') !== '1' : params.has(key)) problems.push(`bad ${key} not reset to its default (${r.search.slice(0, 80)})`);
      }
      for (const [key, value] of Object.entries(c.good)) {
        if (params.get(key) !== value) problems.push(`good ${key}=${value} lost (${r.search.slice(0, 120)})`);
      }
      if (problems.length) failures.push(`#${i} ${c.query.slice(0, 120)}: ${problems.join('; ')}`);
    }
  } finally {
    await context.close();
  }
  const ms = Date.now() - t0;
  console.log(`fuzz: ${N} URLs (${badUrls} with bad keys) in ${ms} ms (${(ms / N).toFixed(0)} ms per URL)`);
  check(failures.length === 0, `fuzz: ${N} seeded hostile URLs: warnings name the bad keys, defaults kept, good keys kept, cards render, no errors, no injection${failures.length ? `: ${failures.length} failed, e.g. ${failures.slice(0, 3).join(' || ')}` : ''}`);
  // Its duration is reported above, not checked: on a shared machine it varies 2x with the load
  // (speed is measured by benchmarks, never asserted by a test).
}

// ---------------------------------------------------------------------------
// 3. blog post and 4. strict sandbox
// ---------------------------------------------------------------------------
/** Waits for an iframe (by id) to be resized by its widget; returns what the widget reported. */
async function widgetFrame(page, id, check, label, renderedSel) {
  const initial = Number(await page.getAttribute(`#${id}`, 'height'));
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((id) => document.getElementById(id)?.style.height?.endsWith('px'), id, { timeout: TIMEOUT_MS });
  await page.waitForTimeout(400);
  const frame = await (await page.$(`#${id}`)).contentFrame();
  await frame.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    return el.tagName === 'CANVAS' ? el.width > 0 : el.textContent.trim().length > 0;
  }, renderedSel);
  const inner = await frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    let nonEmpty = true;
    if (el.tagName === 'CANVAS') {
      const blank = document.createElement('canvas');
      blank.width = el.width;
      blank.height = el.height;
      nonEmpty = el.toDataURL() !== blank.toDataURL();
    }
    return {
      nonEmpty,
      scrollHeight: document.documentElement.scrollHeight,
      // The app's widget, or the first stage's (issue 12), which serves a widget without
      // controls until the reader interacts with it.
      reported: Number(document.querySelector('[data-testid="widget"], [data-testid="first-widget"]')?.getAttribute('data-reported-height')),
      outline: getComputedStyle(document.querySelector('[data-testid="widget"], [data-testid="first-widget"]')).outlineStyle,
    };
  }, renderedSel).catch((e) => ({ error: String(e) }));
  const open = await frame.evaluate(() => {
    const a = document.querySelector('[data-testid="open-in-kvscope"], [data-testid="first-open-in-kvscope"]');
    return a ? { href: a.href, target: a.target, rel: a.rel } : null;
  });
  // clientHeight: the iframe's content box (a host may give it a border).
  const height = await page.evaluate((id) => document.getElementById(id).clientHeight, id);
  check(inner.nonEmpty, `${label}: the widget rendered (${renderedSel} non-empty)`);
  check(height !== initial && Math.abs(height - inner.reported) <= 1, `${label}: the iframe took the reported height (${initial} → ${height} px, reported ${inner.reported})`);
  check(Math.abs(height - inner.scrollHeight) <= 4, `${label}: iframe height within 4 px of the widget's scrollHeight (${height} vs ${inner.scrollHeight})`);
  check(open && open.target === '_blank' && open.rel.includes('noopener') && !/embed=|eid=|show=/.test(open.href), `${label}: "Open in KV Scope" links to the full app (${open?.href?.slice(-90)})`);
  return { frame, height };
}

async function blogPost(browser, base, check, shotsDir) {
  const { page, context, errors } = await open(browser, new URL('examples/blog-post.html', base).toString(), { viewport: { width: 900, height: 900 }, deviceScaleFactor: 1 });
  try {
    const a = await widgetFrame(page, 'decode-vs-ctx', check, 'blog post sweep widget', '[data-testid="sweep-chart"]');
    const cardSel = '[data-testid="metric-concurrency"], [data-testid="first-metric-concurrency"]';
    const b = await widgetFrame(page, 'dsv3-cards', check, 'blog post cards widget', cardSel);
    const conc = await b.frame.textContent(cardSel);
    check(/\d+ users?/.test(conc), `blog post: DeepSeek-V3 on 8× H200 cards show a concurrency (${conc.trim().slice(0, 30)})`);
    const leak = await b.frame.evaluate(() => getComputedStyle(document.querySelector('.kvs-card')).outlineStyle);
    check(leak !== 'solid', 'blog post: the host page\'s styles do not reach into the widget');
    const hostFont = await page.evaluate(() => getComputedStyle(document.querySelector('p')).fontFamily);
    check(/Georgia/.test(hostFont), 'blog post: the widget does not restyle the host page');
    // Screenshots before any interaction. Out-of-viewport iframes can come out blank in a
    // full-page capture, so the viewport is made as tall as the page first.
    await shot(page, shotsDir, 'widget-sweep', '#decode-vs-ctx');
    await shot(page, shotsDir, 'widget-cards', '#dsv3-cards');
    const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 900, height: Math.min(fullHeight, 4000) });
    await page.waitForTimeout(300);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, shotsDir, 'blog-post');
    // Interact: the ctx control in the first widget changes the chart and the height message still flows.
    const before = await pixels(a.frame);
    await a.frame.fill('#input-ctx', '200000');
    await a.frame.press('#input-ctx', 'Enter');
    await page.waitForTimeout(300);
    check((await pixels(a.frame)) !== before, 'blog post: the widget\'s context control redraws its chart');
    console.log(`widget sizes: sweep ${a.height} px, cards ${b.height} px (iframe width ${await page.evaluate(() => document.querySelector('iframe').clientWidth)} px)`);
    noErrors(errors, check, 'blog post');
  } finally {
    await context.close();
  }
}

async function strictSandbox(browser, base, check, shotsDir) {
  const { page, context, errors } = await open(browser, new URL('examples/sandboxed.html', base).toString(), { viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
  try {
    check((await page.getAttribute('#strict', 'sandbox')) === 'allow-scripts', 'sandbox: the iframe has sandbox="allow-scripts" only');
    // ctx and users are controls the first stage answers itself (issue 12): the app comes at the
    // first touch outside them.
    const { frame } = await widgetFrame(page, 'strict', check, 'sandbox widget', '[data-testid="sweep-chart"], [data-testid="first-sweep-chart"]');
    const msgs = await page.evaluate(() => window.__kvscopeMessages);
    check(msgs.length > 0 && msgs.every((m) => m.type === 'kvscope:height' && m.id === 'strict' && Number.isFinite(m.height)), `sandbox: height messages {type, id, height} arrive (${JSON.stringify(msgs.slice(-1))})`);
    const origin = await frame.evaluate(() => String(self.origin));
    check(origin === 'null', `sandbox: the widget runs in an opaque origin (${origin})`);
    const desc = '[data-testid="widget-desc"], [data-testid="first-widget-desc"]';
    await frame.fill('#input-users', '32');
    await frame.press('#input-users', 'Enter');
    await page.waitForTimeout(400);
    check(/32 users/.test(await frame.textContent(desc)), `sandbox: the first stage's controls update the widget (${(await frame.textContent(desc)).trim()})`);
    await frame.click('[data-testid="widget-copy-link"], [data-testid="first-widget-copy-link"]');
    await frame.waitForFunction(() => (document.querySelector('[data-testid="widget-copy-status"]')?.textContent ?? '').length > 0);
    const status = await frame.textContent('[data-testid="widget-copy-status"]');
    check(/copied|Ctrl\+C/.test(status), `sandbox: Copy link degrades ("${status}")`);
    // The app's controls work there too (replaceState may be refused: the page keeps working).
    await frame.fill('#input-users', '16');
    await frame.press('#input-users', 'Enter');
    await page.waitForTimeout(400);
    check(/16 users/.test(await frame.textContent('[data-testid="widget-desc"]')), 'sandbox: the app\'s controls update the widget, from the first stage\'s 32 users on');
    await shot(page, shotsDir, 'widget-sandboxed');
    noErrors(errors, check, 'sandbox');
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------
// 5. sub-path hosting
// ---------------------------------------------------------------------------
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function subPath(browser, base, check) {
  const names = fs.readdirSync(DIST);
  const hashed = names.filter((n) => /-[0-9a-f]{16}(_bg\.wasm|\.js|\.css)$/.test(n));
  check(hashed.length >= 3, `hosting: dist/ assets carry content hashes (${hashed.join(', ')})`);
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  // Parsed by the browser, not matched as text: the release build minifies index.html
  // (unquoted attribute values, reordered attributes).
  const parsePage = await browser.newPage();
  const head = await parsePage.evaluate((html) => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const meta = (p) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content') ?? null;
    const urls = [...doc.querySelectorAll('[href], [src]')].map((el) => el.getAttribute('href') ?? el.getAttribute('src'));
    const scripts = [...doc.querySelectorAll('script')].map((el) => el.textContent).join('\n');
    return { ogImage: meta('og:image'), ogTitle: meta('og:title'), ogDescription: meta('og:description'), urls, scripts, noscript: doc.querySelector('noscript')?.textContent ?? '' };
  }, index);
  await parsePage.close();
  const abs = [...head.urls.filter((u) => /^\/(?!\/)/.test(u)), ...(head.scripts.match(/(?:from|module_or_path:)\s*['"]\/(?!\/)[^'"]*/g) ?? [])];
  check(abs.length === 0, `hosting: index.html refers to its assets relatively${abs.length ? ` (absolute: ${abs})` : ''}`);
  check(/JavaScript/.test(head.noscript), 'hosting: index.html has a <noscript> message');
  check(/^\.\/[^/]+\.png$/.test(head.ogImage ?? '') && !!head.ogTitle && !!head.ogDescription, `hosting: og:image (${head.ogImage}), og:title, og:description`);
  const ogImage = head.ogImage?.slice(2);
  check(ogImage && fs.existsSync(path.join(DIST, ogImage)), `hosting: the og:image file is in dist (${ogImage})`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kvscope-subpath-'));
  fs.symlinkSync(DIST, path.join(tmp, 'kvscope'));
  const port = await freePort();
  const server = spawn('python3', [path.join(ROOT, 'scripts', 'static_server.py'), String(port), '--directory', tmp], { stdio: 'ignore' });
  try {
    const root = `http://127.0.0.1:${port}/kvscope/`;
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(root)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    const { page, context, errors } = await open(browser, `${root}?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000`);
    try {
      await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0, tid('metric-concurrency'));
      await settle(page);
      check(true, `hosting: the app renders from ${root}`);
      const href = await page.evaluate(() => location.href);
      check(href.startsWith(root) && href.includes('model=llama-3.1-70b'), `hosting: the URL stays under the sub-path (${href})`);
      const share = await page.inputValue(tid('share-url'));
      check(share.startsWith(root), 'hosting: the share link keeps the sub-path');
      noErrors(errors, check, 'hosting under /kvscope/');
    } finally {
      await context.close();
    }
    const post = await open(browser, `${root}examples/blog-post.html`);
    try {
      await post.page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height.endsWith('px')), null, { timeout: TIMEOUT_MS }).catch(() => {});
      const hs = await post.page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.style.height));
      check(hs.every((h) => h.endsWith('px')), `hosting: the blog post's widgets size themselves under the sub-path (${hs})`);
      noErrors(post.errors, check, 'blog post under /kvscope/');
    } finally {
      await post.context.close();
    }
  } finally {
    server.kill();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Entry point for run.mjs. */
export async function shareChecks(browser, base, check, shotsDir) {
  const sections = [roundTrip, fuzz, blogPost, strictSandbox, subPath];
  for (const s of sections) {
    try {
      await s(browser, base, check, shotsDir);
    } catch (e) {
      check(false, `share/${s.name}: threw ${e?.stack ?? e}`);
    }
  }
}
