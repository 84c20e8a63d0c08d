// First stage (issue 12): the small .wasm (src/first.rs) that paints the URL's results into the
// static shell before the app arrives must show exactly what the app then shows, where the app
// shows it, stand aside where it cannot, and keep a widget without controls light.
//
// 1. For several links, with the app's files blocked, the first stage's headline, four cards,
//    chart readout and notes equal the app's (loaded normally) as text, every box is where the
//    app puts it (within 1 px), and the chart's pixels are the app's.
// 2. It stands aside (paints nothing, the app paints as before) for a link with warnings, a
//    Hugging Face import, an engine, pins.
// 3. A widget without controls transfers at most 150 KB gzip -9 (the target) and does
//    not fetch the app until the reader interacts; the "Copy link" clicked before the app has
//    loaded is replayed on the app's button.
// 4. A select changed before the app mounts is carried over to the app.
// 5. A widget with numeric controls (the default embed): the first stage draws them where the
//    app does and answers them itself, without fetching the app (at most 150 KB gzip -9): after
//    slider steps, typed entries, a mode and a refused entry, its fields, texts, link, title and
//    chart pixels equal the app's at the link it wrote; a touch outside the controls loads the
//    app, which takes over what was typed; a widget with a control the first stage does not
//    draw (model) goes straight to the app.
// 6. A cards widget (`show=cards`, the default): context and fit lines, cards and the session
//    card are the app's, in the app's places.
// Run alone: scripts/e2e-quick.sh first

import zlib from 'node:zlib';

const APP_FILES = /\/kvscope-web-[0-9a-f]+(_bg\.wasm|\.js)$/;

/** The first stage's view of the page (or the app's, `app` true), as text and boxes. */
async function snapshot(page, app) {
  return page.evaluate((app) => {
    const p = app ? '' : 'first-';
    const q = (s) => document.querySelector(s);
    const box = (e) => {
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v));
    };
    const cards = ['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch'].map((id) => {
      const c = q(`[data-testid="${p}${id}"]`);
      return c ? ['value', 'caption', 'bound', 'share'].map((k) => c.querySelector(`.kvs-card-${k}`)?.textContent.trim()).join(' | ') : null;
    });
    const sweep = q(app ? '[data-testid="sweep-chart"]' : '[data-testid="first-sweep-chart"]')?.closest('.kvs-sweep');
    const canvas = sweep?.querySelector('canvas');
    return {
      headline: q(app ? '[data-testid="headline"]' : '[data-testid="first-headline"]')?.textContent.trim(),
      cards,
      readout: q(`[data-testid="${p}sweep-readout"]`)?.textContent.trim(),
      notes: [...(sweep?.querySelectorAll('.kvs-note') ?? [])].map((n) => n.textContent.trim()).join(' / '),
      boxes: {
        headline: box(q('.kvs-headline')),
        cards: box(q(app ? '.kvs-results .kvs-cards' : '#kvs-first-results .kvs-cards')),
        canvas: box(canvas),
        readout: box(sweep?.querySelector('.kvs-readout')),
      },
      pixels: canvas ? canvas.toDataURL() : null,
    };
  }, app);
}

async function open(browser, url, options, { blockApp = false } = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  if (blockApp) await page.route(APP_FILES, (r) => r.abort());
  await page.goto(url);
  return { context, page, errors, fetched };
}

/** A page whose app script is held back until `release()` (the first stage runs meanwhile). */
async function openHeld(browser, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route(/\/kvscope-web-[0-9a-f]+\.js$/, async (r) => {
    await gate;
    await r.continue();
  });
  return { context, page, errors, release };
}

export default async function first(browser, h) {
  const { check, checkEq, appUrl, tid, waitForApp, waitForText, textOf, checkNoErrors, DESKTOP, PHONE } = h;

  // 1. Same text, same place, same pixels.
  const links = [
    ['bare', '', DESKTOP],
    ['shared link', '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=128000&mode=realistic', DESKTOP],
    ['dark, GiB, users on x', '?model=deepseek-v3&hw=h200&tp=8&ctx=32000&x=users&y=decode_s&theme=dark&units=gib', DESKTOP],
    ['phone', '?model=qwen3-32b&hw=h100-sxm&tp=2&ctx=64000&users=8', PHONE],
  ];
  for (const [label, q, options] of links) {
    // One page: the app's script is held back while the first stage is read, then let through.
    const { context, page, errors, release } = await openHeld(browser, options);
    try {
      await page.goto(appUrl(q));
      await page.waitForFunction(() => window.__kvs_first !== undefined);
      const st = await page.evaluate(() => window.__kvs_first);
      check(st.painted === true && st.lazy === false, `first (${label}): the first stage painted the page (${JSON.stringify(st)})`);
      const firstView = await snapshot(page, false);
      release();
      await waitForApp(page);
      await waitForText(page, 'sweep-readout');
      const appView = await snapshot(page, true);
      checkEq(firstView.headline, appView.headline, `first (${label}): headline as the app's`);
      checkEq(firstView.cards.join(' // '), appView.cards.join(' // '), `first (${label}): the four cards as the app's`);
      checkEq(firstView.readout, appView.readout, `first (${label}): chart readout as the app's`);
      checkEq(firstView.notes, appView.notes, `first (${label}): chart notes as the app's`);
      for (const k of Object.keys(appView.boxes)) {
        const [f, p] = [firstView.boxes[k], appView.boxes[k]];
        const off = f && p ? Math.max(...f.map((v, i) => Math.abs(v - p[i]))) : Infinity;
        check(off <= 1, `first (${label}): ${k} box where the app puts it (first ${f}, app ${p})`);
      }
      check(firstView.pixels !== null && firstView.pixels === appView.pixels, `first (${label}): the chart's pixels are the app's`);
      await checkNoErrors(page, errors, `first (${label}): first stage, then the app`);
    } finally {
      release();
      await context.close();
    }
  }

  // 1b. If the app cannot load, the first stage's results stay and the headline says so.
  {
    const a = await open(browser, appUrl(''), DESKTOP, { blockApp: true });
    try {
      await a.page.waitForFunction(() => /reload/.test(document.querySelector('[data-testid="first-headline"]')?.textContent ?? ''));
      check(/\d/.test(await textOf(a.page, 'first-metric-concurrency')), 'first: with the app blocked, the cards stay and the headline says the editor could not load');
    } finally {
      await a.context.close();
    }
  }

  // 2. Stands aside where the app would show more, or differently.
  for (const [label, q] of [
    ['a link with a warning', '?ctx=abc'],
    ['a Hugging Face import', '?hf=Qwen/Qwen3-8B'],
    ['an engine', '?engine=vllm&model=llama-3.1-8b&hw=h100-sxm'],
    ['a pin', '?pin=model%3Dyi-34b'],
  ]) {
    const a = await open(browser, appUrl(q), DESKTOP, { blockApp: true });
    try {
      await a.page.waitForFunction(() => window.__kvs_first !== undefined);
      const st = await a.page.evaluate(() => window.__kvs_first);
      check(st.painted === false, `first: stands aside for ${label} (${JSON.stringify(st)})`);
      checkEq(await a.page.evaluate(() => document.querySelector('[data-testid="first-metric-concurrency"]')), null, `first: no cards painted for ${label}`);
    } finally {
      await a.context.close();
    }
  }

  // 3. The default embed (no controls): light until touched; a click before the app is replayed.
  {
    const q = '?v=1&y=decode_s&embed=1&show=sweep&eid=t1';
    const a = await open(browser, appUrl(q), { ...DESKTOP, viewport: { width: 700, height: 600 } });
    try {
      await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const bodies = new Map();
      a.page.on('response', async (r) => {
        try {
          bodies.set(r.url(), await r.body());
        } catch {
          /* redirects have no body */
        }
      });
      await a.page.waitForFunction(() => window.__kvs_first !== undefined);
      const st = await a.page.evaluate(() => window.__kvs_first);
      check(st.painted === true && st.lazy === true, `first: the default embed is painted by the first stage alone (${JSON.stringify(st)})`);
      await a.page.waitForTimeout(1000);
      check(!a.fetched.some((u) => APP_FILES.test(u)), 'first: the widget has not fetched the app 1 s after painting');
      // The page's own bytes, as a static host serves them (gzip -9), from the bodies fetched so far.
      await a.page.reload();
      await a.page.waitForFunction(() => window.__kvs_first !== undefined);
      await a.page.waitForTimeout(500);
      // A body arrives in its own task after its response: wait until the page's four files are
      // in (else the sum can miss one: 144,506 B was read once here for 149,527).
      const kinds = [/\/(\?|$)/, /kvscope-first-[0-9a-f]+\.js$/, /kvscope-first-[0-9a-f]+_bg\.wasm$/, /\.css$/];
      for (let i = 0; i < 100 && !kinds.every((k) => [...bodies.keys()].some((u) => k.test(u))); i++) await a.page.waitForTimeout(50);
      check(kinds.every((k) => [...bodies.keys()].some((u) => k.test(u))), `first: the widget's page, first stage and stylesheet were all counted (${[...bodies.keys()].length} bodies)`);
      const gz = [...bodies.entries()].filter(([u]) => !APP_FILES.test(u)).reduce((n, [, b]) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
      check(gz <= 150_000, `first: the widget transfers ${gz.toLocaleString('en-US')} B gzip -9 (target at most 150,000)`);
      const firstReadout = await waitForText(a.page, 'first-sweep-readout');
      await a.page.click(tid('first-widget-copy-link'));
      const status = await waitForText(a.page, 'widget-copy-status');
      checkEq(status, 'Link copied.', 'first: "Copy link" clicked on the first stage is done by the app');
      const clip = await a.page.evaluate(() => navigator.clipboard.readText());
      check(/y=decode_s/.test(clip) && !/embed=1/.test(clip), `first: the clipboard holds the app link (${clip.slice(-60)})`);
      checkEq(await waitForText(a.page, 'sweep-readout'), firstReadout, 'first: the widget readout is the same before and after the app');
      check(a.fetched.some((u) => APP_FILES.test(u)), 'first: the app was fetched once the reader interacted');
      await checkNoErrors(a.page, a.errors, 'first: widget');
    } finally {
      await a.context.close();
    }
  }

  // 4. A choice made in the first stage's controls survives the app's arrival.
  {
    const { context, page, release } = await openHeld(browser, DESKTOP);
    try {
      await page.goto(appUrl(''));
      await page.waitForFunction(() => window.__kvs_first?.painted === true);
      await page.selectOption('#input-y', 'decode_s');
      release();
      await waitForApp(page);
      await page.waitForFunction(() => /[?&]y=decode_s/.test(location.search));
      checkEq(await page.inputValue('#input-y'), 'decode_s', 'first: the y axis chosen before the app loaded is the app\'s');
    } finally {
      release();
      await context.close();
    }
  }

  // 5. Widgets with controls (the default embed has ctx and users): drawn where the app draws
  //    them, and answered by the first stage alone, as the app answers them.
  {
    const q = '?v=1&y=decode_s&embed=1&show=sweep&controls=ctx,users,mode&eid=c1';
    const viewport = { ...DESKTOP, viewport: { width: 700, height: 900 } };
    const boxes = (page, first) =>
      page.evaluate((first) => {
        const root = document.querySelector(first ? '[data-testid="first-widget"]' : '[data-testid="widget"]');
        const box = (s) => {
          const r = root?.querySelector(s)?.getBoundingClientRect();
          return r ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : null;
        };
        return { controls: box('.kvs-widget-controls'), ctx: box('#input-ctx'), slider: box('#input-ctx-slider'), mode: box('#input-mode'), canvas: box('canvas'), foot: box('.kvs-widget-foot'), pixels: root?.querySelector('canvas')?.toDataURL() };
      }, first);
    // What the reader sees: the controls' values, the texts, the link, the chart's pixels.
    const seen = (page, first) =>
      page.evaluate((p) => {
        const root = document.querySelector(`[data-testid="${p}widget"]`);
        const text = (s) => root?.querySelector(s)?.textContent.trim() ?? null;
        return {
          ctx: document.querySelector('#input-ctx')?.value,
          slider: document.querySelector('#input-ctx-slider')?.value,
          valuetext: document.querySelector('#input-ctx-slider')?.getAttribute('aria-valuetext'),
          users: document.querySelector('#input-users')?.value,
          mode: document.querySelector('#input-mode')?.value,
          desc: text('.kvs-widget-desc'),
          readout: text('.kvs-readout'),
          notes: [...(root?.querySelectorAll('.kvs-sweep .kvs-note') ?? [])].map((n) => n.textContent.trim()).join(' / '),
          open: root?.querySelector('.kvs-widget-open')?.getAttribute('href')?.replace(/^[^?]*/, ''),
          title: document.title,
          pixels: root?.querySelector('canvas')?.toDataURL(),
        };
      }, first ? 'first-' : '');
    const a = await open(browser, appUrl(q), viewport);
    let fb, tuned, link;
    try {
      const bodies = new Map();
      a.page.on('response', async (r) => {
        try {
          bodies.set(r.url(), await r.body());
        } catch {
          /* redirects have no body */
        }
      });
      // Counted from a reload, with the listener in place from the start.
      await a.page.reload();
      await a.page.waitForFunction(() => window.__kvs_first !== undefined);
      const st = await a.page.evaluate(() => window.__kvs_first);
      check(st.painted === true && st.lazy === true && st.live === true, `first: a widget with ctx, users and mode controls is painted and kept live by the first stage (${JSON.stringify(st)})`);
      fb = await boxes(a.page, true);
      checkEq(await a.page.inputValue('#input-ctx'), '50000', 'first: the widget\'s context field shows the scenario\'s value');
      const before = await seen(a.page, true);
      // The reader tunes it: three slider steps, a context typed in shorthand, the realistic
      // mode, then an entry the users field refuses.
      await a.page.focus('#input-ctx-slider');
      for (let i = 0; i < 3; i++) await a.page.keyboard.press('ArrowRight');
      const slid = await seen(a.page, true);
      check(slid.ctx !== before.ctx && slid.pixels !== before.pixels && slid.readout !== before.readout, `first: three slider steps change the field (${before.ctx} → ${slid.ctx}), the readout and the chart without the app`);
      await a.page.fill('#input-ctx', '128K');
      await a.page.press('#input-ctx', 'Enter');
      await a.page.selectOption('#input-mode', 'realistic');
      const good = await seen(a.page, true);
      checkEq(good.ctx, '128000', 'first: the typed context is written back in canonical form');
      check(/128,000-token/.test(good.desc), `first: the description follows the typed context (${good.desc})`);
      await a.page.fill('#input-users', '0');
      await a.page.press('#input-users', 'Enter');
      const err = await a.page.textContent(tid('first-error-users'));
      check(/users/i.test(err) && /\b1\b/.test(err), `first: a refused entry is named with its allowed range under the field ("${err.trim()}")`);
      checkEq(await a.page.getAttribute('#input-users', 'aria-invalid'), 'true', 'first: the refused field is marked invalid');
      const kept = await seen(a.page, true);
      check(kept.desc === good.desc && kept.pixels === good.pixels, 'first: a refused entry leaves the scenario and the chart as they were');
      await a.page.waitForFunction(() => /[?&]ctx=128000(&|$)/.test(location.search) && /[?&]mode=realistic(&|$)/.test(location.search));
      link = await a.page.evaluate(() => location.search);
      tuned = { ...good, title: await a.page.title() };
      check(/128,000-token/.test(tuned.title), `first: the title follows the scenario (${tuned.title})`);
      await a.page.waitForTimeout(500);
      check(!a.fetched.some((u) => APP_FILES.test(u)), 'first: the widget did not fetch the app while the reader used its controls');
      const kinds = [/\/(\?|$)/, /kvscope-first-[0-9a-f]+\.js$/, /kvscope-first-[0-9a-f]+_bg\.wasm$/, /\.css$/];
      check(kinds.every((k) => [...bodies.keys()].some((u) => k.test(u))), `first: the live widget's page, first stage and stylesheet were all counted (${[...bodies.keys()].length} bodies)`);
      const gz = [...bodies.values()].reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
      check(gz <= 150_000, `first: the widget with controls transfers ${gz.toLocaleString('en-US')} B gzip -9 (target at most 150,000)`);
      await checkNoErrors(a.page, a.errors, 'first: live widget');
    } finally {
      await a.context.close();
    }
    // The app at the link the first stage wrote shows the same (once touched outside the controls).
    // A widget painted by the first stage, then its app, brought by a touch on the chart.
    const touched = async (url) => {
      const w = await open(browser, url, viewport);
      await w.page.waitForFunction(() => window.__kvs_first?.painted === true);
      await w.page.hover('[data-testid="first-widget"] canvas');
      await w.page.waitForSelector('[data-testid="widget"] canvas');
      await waitForText(w.page, 'sweep-readout');
      return w;
    };
    const b = await touched(appUrl(link));
    try {
      await b.page.waitForTimeout(300);
      const app = await seen(b.page, false);
      for (const k of ['ctx', 'slider', 'valuetext', 'mode', 'desc', 'readout', 'notes', 'open', 'title']) checkEq(tuned[k], app[k], `first: after tuning, the live widget's ${k} is the app's at the same link`);
      check(tuned.pixels && tuned.pixels === app.pixels, 'first: and so are the chart\'s pixels');
    } finally {
      await b.context.close();
    }
    const c = await touched(appUrl(q));
    try {
      check(c.fetched.some((u) => APP_FILES.test(u)), 'first: a touch outside the controls (the chart) fetches the app');
      const ab = await boxes(c.page, false);
      for (const k of ['controls', 'ctx', 'slider', 'mode', 'canvas', 'foot']) checkEq(fb[k], ab[k], `first: widget ${k} box where the app puts it`);
      check(fb.pixels && fb.pixels === ab.pixels, 'first: the widget chart\'s pixels are the app\'s');
    } finally {
      await c.context.close();
    }
    // Typed before the app arrives, carried over when it does.
    const { context, page, release } = await openHeld(browser, viewport);
    try {
      await page.goto(appUrl(q));
      await page.waitForFunction(() => window.__kvs_first?.painted === true);
      await page.fill('#input-ctx', '128K');
      await page.press('#input-ctx', 'Enter');
      await page.selectOption('#input-mode', 'realistic');
      await page.fill('#input-users', '0');
      await page.press('#input-users', 'Enter');
      release();
      await page.click('[data-testid="first-sweep-chart"]');
      await page.waitForSelector('[data-testid="widget"]');
      await page.waitForFunction(() => /[?&]ctx=128000/.test(location.search) && /[?&]mode=realistic/.test(location.search));
      checkEq(await page.inputValue('#input-ctx'), '128000', 'first: the context typed before the app loaded is the app\'s, in canonical form');
      checkEq(await page.inputValue('#input-mode'), 'realistic', 'first: so is the mode');
      check(/128,000-token/.test(await textOf(page, 'widget-desc')), `first: the widget describes the typed context (${await textOf(page, 'widget-desc')})`);
      const err = (await page.textContent(tid('error-users'))) ?? '';
      check(err.trim().length > 0, `first: the refused users entry is still shown refused in the app ("${err.trim()}")`);
    } finally {
      release();
      await context.close();
    }
    // A model control: straight to the app, the first stage not even fetched.
    const m = await open(browser, appUrl('?v=1&embed=1&show=sweep&controls=model,ctx'), viewport);
    try {
      await m.page.waitForSelector('[data-testid="widget"] canvas');
      check(!m.fetched.some((u) => /kvscope-first-/.test(u)), 'first: a widget with a model control does not fetch the first stage');
      checkEq(await m.page.evaluate(() => window.__kvs_first?.painted ?? null), null, 'first: nor runs it');
      await checkNoErrors(m.page, m.errors, 'first: widget with a model control');
    } finally {
      await m.context.close();
    }
  }

  // 6. The cards widget.
  {
    const q = '?v=1&model=deepseek-v3&hw=h200&tp=8&ctx=128000&users=16&w_bits=8&embed=1&show=cards&eid=dsv3-cards';
    const read = (page, first) =>
      page.evaluate((first) => {
        const root = document.querySelector(first ? '[data-testid="first-widget"]' : '[data-testid="widget"]');
        const box = (e) => {
          const r = e?.getBoundingClientRect();
          return r ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : null;
        };
        const text = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.trim()).join(' | ');
        return {
          text: ['.kvs-context-line', '.kvs-fits', '.kvs-card-value', '.kvs-card-caption', '.kvs-card-bound', '.kvs-card-share', '.kvs-kv', '.kvs-card-wide .kvs-note', '.kvs-widget-desc'].map(text).join(' // '),
          boxes: ['.kvs-context-line', '.kvs-status', '.kvs-cards', '.kvs-card-wide', '.kvs-widget-foot'].map((s) => box(root.querySelector(s))).join(' ; '),
        };
      }, first);
    const { context, page, errors, release } = await openHeld(browser, { ...DESKTOP, viewport: { width: 900, height: 900 } });
    try {
      await page.goto(appUrl(q));
      await page.waitForFunction(() => window.__kvs_first !== undefined);
      const st = await page.evaluate(() => window.__kvs_first);
      check(st.painted === true && st.lazy === true, `first: a cards widget without controls is painted by the first stage alone (${JSON.stringify(st)})`);
      const f = await read(page, true);
      release();
      await page.mouse.move(300, 300);
      await waitForText(page, 'metric-throughput');
      const a = await read(page, false);
      checkEq(f.text, a.text, 'first: the cards widget\'s context line, fit line, cards, session card and description are the app\'s');
      checkEq(f.boxes, a.boxes, 'first: and every part of it is where the app puts it');
      await checkNoErrors(page, errors, 'first: cards widget');
    } finally {
      release();
      await context.close();
    }
  }
}
