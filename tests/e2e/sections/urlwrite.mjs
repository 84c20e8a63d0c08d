// The link's trailing write (src/url.rs, `sync_url`; issue 12): while a slider moves, the query
// string is written once, URL_WRITE_DELAY_MS (120 ms) after the last change, not once per step
// (one timer per settled state: a change stamps its time, and a timer that fires early arms
// itself again for the rest of the delay). What it shows, for two drags of the context slider
// (12 steps, 30 ms apart, each well inside the delay, dispatched in the page so that the
// gaps do not depend on the test driver's round trips):
//   (a) exactly one `history.replaceState` per drag;
//   (b) it comes no sooner than the delay after the drag's last step (120 ms, less 2 ms for the
//       1 ms resolution of the clock the timer compares against, `Date.now()`);
//   (c) it writes the drag's final context length: a larger `ctx` than before the drag (the
//       steps go right), the one the page's address holds afterwards.

const LINK = '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000';

/** Counts `history.replaceState` calls, with when they came and the URL they wrote. */
function recordWrites() {
  window.__kvs_writes = [];
  const original = history.replaceState.bind(history);
  history.replaceState = (state, title, url) => {
    window.__kvs_writes.push({ at: performance.now(), url: String(url) });
    return original(state, title, url);
  };
}

/** 12 right steps of the context slider, 30 ms apart; when the last one was dispatched. */
function drag() {
  const slider = document.querySelector('#input-ctx-slider');
  return new Promise((resolve) => {
    let left = 12;
    const step = () => {
      slider.stepUp();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      left -= 1;
      if (left === 0) resolve(performance.now());
      else setTimeout(step, 30);
    };
    step();
  });
}

const ctxOf = (url) => Number(new URL(url, 'http://x/').searchParams.get('ctx'));

export default async function urlwrite(browser, h) {
  const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
  try {
    await page.addInitScript(recordWrites);
    await page.goto(h.appUrl(LINK));
    await h.waitForApp(page);
    // The start-up write (the canonical query) is over.
    await page.waitForTimeout(600);
    for (const n of [1, 2]) {
      const before = await page.evaluate(() => ({ writes: window.__kvs_writes.length, ctx: new URLSearchParams(location.search).get('ctx') }));
      const last = await page.evaluate(drag);
      await page.waitForTimeout(600);
      const { writes, href } = await page.evaluate((k) => ({ writes: window.__kvs_writes.slice(k), href: location.href }), before.writes);
      h.checkEq(writes.length, 1, `urlwrite (drag ${n}): replaceState calls for 12 slider steps 30 ms apart`);
      if (writes.length === 0) continue;
      const waited = writes[0].at - last;
      h.check(waited >= 118, `urlwrite (drag ${n}): the link is written ${waited.toFixed(0)} ms after the last step (at least the 120 ms delay, less 2 ms of clock rounding)`);
      const written = ctxOf(writes[writes.length - 1].url);
      h.check(written > Number(before.ctx) && written === ctxOf(href), `urlwrite (drag ${n}): the written ctx (${written}) is past the one before the drag (${before.ctx}) and is the page's address's`);
    }
    await h.checkNoErrors(page, errors, 'urlwrite');
  } finally {
    await context.close();
  }
}
