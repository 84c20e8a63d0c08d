// Helpers shared by the e2e sections (explorer.mjs, share.mjs).

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
