// KV Scope end-to-end checks: Playwright (playwright-core) driving Debian's /usr/bin/chromium.
//
// Usage: node tests/e2e/run.mjs http://127.0.0.1:8080/ [--perf] [--only name,name]
// (scripts/test.sh serves dist/ on a free 127.0.0.1 port and runs this.)
// Screenshots go to target/screenshots/ (override with SCREENSHOT_DIR).
// Prints `ok - msg` / `FAIL - msg` per check, then `N passed, M failed`; exits 1 on any failure.
//
// Layout of this file:
//   1. harness    check() and friends, counters
//   2. browser    launch flags, openPage() that records page and console errors
//   3. page utils selectors by data-testid, waiting, screenshots
//   4. SECTIONS   core checks here; feature sections one file each in sections/ (found by name)
//   5. main       runs every section; an exception in a section is one failed check
//
// Never run `npx playwright install`: it downloads a browser. We use Debian's chromium.

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explorerChecks, perfChecks } from './explorer.mjs';
import { shareChecks } from './share.mjs';
import { openPage as openPageIn, TIMEOUT_MS } from './util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const BASE_URL = process.argv[2] ?? 'http://127.0.0.1:8080/';
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(ROOT, 'target', 'screenshots');

// ---------------------------------------------------------------------------
// 1. harness
// ---------------------------------------------------------------------------
let passed = 0;
let failed = 0;

/** Record one check: prints `ok - msg` or `FAIL - msg`. Returns cond, so callers can stop early. */
export function check(cond, msg) {
  if (cond) {
    passed++;
    console.log(`ok - ${msg}`);
  } else {
    failed++;
    console.log(`FAIL - ${msg}`);
  }
  return Boolean(cond);
}

/** check(actual === expected), printing both values on failure. */
export function checkEq(actual, expected, msg) {
  const ok = actual === expected;
  return check(ok, ok ? msg : `${msg}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** check(a !== b), printing the value on failure. */
export function checkNe(a, b, msg) {
  const ok = a !== b;
  return check(ok, ok ? msg : `${msg}: both are ${JSON.stringify(a)}`);
}

/** Check that a number lies in [lo, hi]. */
export function checkBetween(x, lo, hi, msg) {
  const ok = typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;
  return check(ok, ok ? msg : `${msg}: ${x} not in [${lo}, ${hi}]`);
}

// ---------------------------------------------------------------------------
// 2. browser
// ---------------------------------------------------------------------------
const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export const DESKTOP = { viewport: { width: 1280, height: 900 } };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** Opens `url` (default: the base URL) in a fresh context: see util.mjs's openPage. */
export function openPage(browser, url = BASE_URL, contextOptions = DESKTOP) {
  return openPageIn(browser, url, contextOptions);
}

/** URL relative to the base, e.g. appUrl('?ctx=32768'). */
export function appUrl(relative = '') {
  return new URL(relative, BASE_URL).toString();
}

// ---------------------------------------------------------------------------
// 3. page utils
// ---------------------------------------------------------------------------
/** CSS selector for a data-testid. */
export const tid = (id) => `[data-testid="${id}"]`;

/** Wait until the element with this data-testid exists and has non-empty text; returns the text. */
export async function waitForText(page, testid, timeout = TIMEOUT_MS) {
  await page.waitForFunction(
    (sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 0,
    tid(testid),
    { timeout },
  );
  return textOf(page, testid);
}

/** Trimmed text of the element with this data-testid, or null if it is absent. */
export async function textOf(page, testid) {
  return page.evaluate((sel) => document.querySelector(sel)?.textContent?.trim() ?? null, tid(testid));
}

/** Wait for the app to be rendered (the concurrency metric has text). */
export async function waitForApp(page) {
  return waitForText(page, 'metric-concurrency');
}

/** Save a full-page screenshot as target/screenshots/<name>.png; returns the path. */
export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Text that means the wasm app crashed. */
const CRASH_PATTERNS = [/panicked at/i, /RuntimeError/, /unreachable executed/i];

/** Check that no page error, console error, failed request or panic text was seen. */
export async function checkNoErrors(page, errors, label) {
  check(errors.length === 0, `${label}: no page/console errors${errors.length ? ': ' + JSON.stringify(errors) : ''}`);
  const body = await page.evaluate(() => document.body?.innerText ?? '');
  const hit = CRASH_PATTERNS.find((re) => re.test(body));
  check(!hit, `${label}: no panic text in the page${hit ? ` (matched ${hit})` : ''}`);
}

// ---------------------------------------------------------------------------
// 4. SECTIONS: each is `async (browser) => {}` and calls check(). Add new ones to the list.
// ---------------------------------------------------------------------------

/** The app loads on a desktop viewport, renders the metric, and logs no errors. */
async function desktopLoads(browser) {
  const { page, context, errors } = await openPage(browser, BASE_URL, DESKTOP);
  try {
    const metric = await waitForApp(page);
    check(metric.length > 0, `desktop: metric-concurrency has text (${JSON.stringify(metric)})`);
    // The title describes the scenario (share/embed issue): "<model> on <n>× <hw>, … — KV Scope".
    const title = await page.title();
    check(/^Yi-34B on 1× .+ — KV Scope$/.test(title), `desktop: page title describes the scenario (${title})`);
    checkEq((await page.textContent('h1'))?.trim(), 'KV Scope', 'desktop: h1 text');
    const file = await screenshot(page, 'desktop');
    check(fs.statSync(file).size > 0, `desktop: screenshot ${path.relative(ROOT, file)}`);
    await checkNoErrors(page, errors, 'desktop');
  } finally {
    await context.close();
  }
}

/** The app loads on a phone viewport (390×844, touch) and logs no errors. */
async function phoneLoads(browser) {
  const { page, context, errors } = await openPage(browser, BASE_URL, PHONE);
  try {
    const metric = await waitForApp(page);
    check(metric.length > 0, `phone: metric-concurrency has text (${JSON.stringify(metric)})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `phone: no horizontal overflow (${overflow}px)`);
    const file = await screenshot(page, 'phone');
    check(fs.statSync(file).size > 0, `phone: screenshot ${path.relative(ROOT, file)}`);
    await checkNoErrors(page, errors, 'phone');
  } finally {
    await context.close();
  }
}

const CORE_SECTIONS = [
  desktopLoads,
  phoneLoads,
  async function explorer(browser) {
    const { page, context } = await openPage(browser);
    try {
      await explorerChecks(page, check, SHOTS);
    } finally {
      await context.close();
    }
  },
  async function share(browser) {
    await shareChecks(browser, BASE_URL, check, SHOTS);
  },
];

/**
 * Feature sections live one per file in tests/e2e/sections/<name>.mjs, each exporting
 * `default async function <name>(browser, h)` where h = { check, checkEq, checkNe, checkBetween,
 * openPage, appUrl, tid, waitForText, textOf, waitForApp, screenshot, checkNoErrors, BASE_URL,
 * SHOTS, DESKTOP, PHONE }. They run after the core sections, in file-name order.
 */
async function featureSections() {
  const dir = path.join(HERE, 'sections');
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const h = {
    check, checkEq, checkNe, checkBetween, openPage, appUrl, tid, waitForText, textOf, waitForApp,
    screenshot, checkNoErrors, BASE_URL, SHOTS, DESKTOP, PHONE,
  };
  const out = [];
  for (const f of files) {
    const mod = await import(path.join(dir, f));
    const name = f.replace(/\.mjs$/, '');
    const fn = mod.default;
    out.push({ [name]: async (browser) => fn(browser, h) }[name]);
  }
  return out;
}

// ---------------------------------------------------------------------------
// 5. main
// ---------------------------------------------------------------------------
async function main() {
  const t0 = Date.now();
  console.log(`e2e: ${BASE_URL} (screenshots in ${path.relative(ROOT, SHOTS) || SHOTS})`);
  const browser = await chromium.launch(LAUNCH);
  // `--perf`: only the performance measurements (for comparing builds).
  // `--only a,b`: only the sections with these names (core: desktopLoads, phoneLoads, explorer,
  // share; features: the file names under sections/).
  let sections = process.argv.includes('--perf')
    ? [async function perf(b) { await perfChecks(b, BASE_URL, check); }]
    : [...CORE_SECTIONS, ...(await featureSections())];
  const onlyAt = process.argv.indexOf('--only');
  if (onlyAt > 0) {
    const names = new Set((process.argv[onlyAt + 1] ?? '').split(','));
    sections = sections.filter((s) => names.has(s.name));
  }
  try {
    for (const section of sections) {
      console.log(`# ${section.name}`);
      try {
        await section(browser);
      } catch (e) {
        check(false, `${section.name}: threw ${e?.stack ?? e}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`# e2e wall ${Date.now() - t0} ms`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// Run only when executed directly, so another script can import the helpers above.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.log(`FAIL - e2e harness crashed: ${e?.stack ?? e}`);
      console.log(`${passed} passed, ${failed + 1} failed`);
      process.exit(1);
    },
  );
}
