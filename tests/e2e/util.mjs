// Helpers shared by the e2e sections (run.mjs, explorer.mjs, share.mjs).

/** Default timeout for waits, in ms. */
export const TIMEOUT_MS = 15_000;

/**
 * Opens `url` (none: a blank page) in a fresh browser context with `options`.
 * Returns { page, context, errors }: errors collects uncaught page errors, console.error
 * messages (a Rust panic arrives through console_error_panic_hook as one), failed requests and
 * HTTP errors. Close with `await context.close()`.
 */
export async function openPage(browser, url, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  if (url) await page.goto(url);
  return { page, context, errors };
}

/**
 * A chart canvas's pixels (toDataURL), by data-testid. Charts off screen are not redrawn
 * (they catch up when they come near the viewport), so the chart is scrolled into view and
 * given three frames first, as a person would look at it.
 */
export const chartPixels = (page, testid) =>
  page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    if (!el) return '';
    el.scrollIntoView({ block: 'nearest' });
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    return el.toDataURL();
  }, `[data-testid="${testid}"]`);
