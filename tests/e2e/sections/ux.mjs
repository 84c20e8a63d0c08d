// ux (issue 11): the first minute. Each block checks one numbered item of the issue.
// Run alone: scripts/e2e-quick.sh ux
import fs from 'node:fs';
import http from 'node:http';

const ISSUE_Q = '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=141000&users=20&y=decode_s';

/** The value after "decode of a turn (s) = " in a sweep readout. */
const readoutValue = (text) => (text ?? '').split(' = ').pop();

export default async function ux(browser, h) {
  const { check, checkEq, openPage, appUrl, tid, waitForText, textOf, waitForApp, checkNoErrors, DESKTOP } = h;

  // 1. The chart's "this scenario" readout is the scenario itself: the issue's link read
  //    "139k, 6.05 s" on the chart while the decode card said 6.09 s.
  {
    const { page, context, errors } = await openPage(browser, appUrl(ISSUE_Q), DESKTOP);
    try {
      await waitForApp(page);
      const card = await page.textContent(`${tid('metric-decode')} .kvs-card-value`);
      const readout = await waitForText(page, 'sweep-readout');
      checkEq(readoutValue(readout), card.trim(), `1: sweep readout equals the decode card (${readout})`);
      check(/context \(tokens\) = 141k/.test(readout), `1: the readout is at the scenario's own context, 141k (${readout})`);
      await checkNoErrors(page, errors, '1: app');
      // The widget shows the same.
      const w = await openPage(browser, appUrl(`${ISSUE_Q}&embed=1&show=sweep`), DESKTOP);
      try {
        // A widget without controls is painted by the first stage (issue 12) and loads the app
        // when the reader moves into it.
        const fr = await waitForText(w.page, 'first-sweep-readout');
        checkEq(readoutValue(fr), card.trim(), `1: widget readout (first stage) equals the decode card (${fr})`);
        await w.page.mouse.move(200, 200);
        const wr = await waitForText(w.page, 'sweep-readout');
        checkEq(readoutValue(wr), card.trim(), `1: widget readout equals the decode card (${wr})`);
      } finally {
        await w.context.close();
      }
    } finally {
      await context.close();
    }
  }

  // 2. Number fields take what people type; preset search forgives; the URL error speaks web.
  {
    const { page, context, errors } = await openPage(browser, appUrl(''), DESKTOP);
    try {
      await waitForApp(page);
      for (const [typed, canonical, expect] of [['128K', '128000', 'at 128,000 tokens'], ['1.5M', '1500000', 'at 1,500,000 tokens'], ['50,000', '50000', 'at 50,000 tokens'], ['1e6', '1000000', 'at 1,000,000 tokens']]) {
        await page.fill('#input-ctx', typed);
        await page.press('#input-ctx', 'Enter');
        await page.waitForFunction((t) => document.querySelector('[data-testid="headline"]')?.textContent.includes(t), expect);
        checkEq(await page.inputValue('#input-ctx'), canonical, `2: "${typed}" in #input-ctx is written back as ${canonical}`);
        checkEq((await textOf(page, 'error-ctx')) ?? '', '', `2: "${typed}" raises no error`);
      }
      await page.waitForFunction(() => location.search.includes('ctx=1000000'));
      check(true, '2: the URL holds the canonical ctx=1000000');
      await page.fill('#input-ctx', '12 apples');
      await page.press('#input-ctx', 'Enter');
      check(/`ctx`.*must be/.test(await waitForText(page, 'error-ctx')), '2: nonsense is still refused with the field named');

      const options = async () => page.$$eval('#input-model option', (os) => os.map((o) => o.value));
      // Pick another model first so the current choice (always listed) does not count.
      for (const [q, id] of [['llama 70', 'llama-3.1-70b'], ['llama3', 'llama-3.1-70b'], ['70B LLAMA', 'llama-3.1-70b']]) {
        await page.fill('#input-model-search', q);
        const ids = await options();
        check(ids.includes(id), `2: model search "${q}" finds ${id} (${ids.length} listed)`);
        check(!ids.some((x) => x.startsWith('qwen')), `2: model search "${q}" hides other families`);
      }
      await page.fill('#input-hw-search', 'H100 80');
      check((await page.$$eval('#input-hw option', (os) => os.map((o) => o.value))).includes('h100-sxm'), '2: accelerator search "H100 80" finds h100-sxm');
      // The list is rebuilt on every filter (issue 12: no keyed <For>): a model picked from a
      // filtered list stays the select's value once the filter is cleared and the list is whole.
      await page.fill('#input-model-search', 'qwen 72');
      await page.selectOption('#input-model', 'qwen2.5-72b');
      await page.waitForFunction(() => new URLSearchParams(location.search).get('model') === 'qwen2.5-72b', null, { timeout: 5000 });
      await page.fill('#input-model-search', '');
      const whole = await page.$eval('#input-model', (s) => ({ value: s.value, n: s.options.length }));
      checkEq(whole.value, 'qwen2.5-72b', `2: the model picked from a filtered list stays chosen when the filter is cleared (${whole.n} listed)`);
      await page.fill('#input-model-search', 'zzz nothing');
      check(/Nothing matches/.test(await waitForText(page, 'input-model-matches')), '2: a search that matches nothing says so');
      await checkNoErrors(page, errors, '2: fields');
    } finally {
      await context.close();
    }
    const bad = await openPage(browser, appUrl('?model=llama-9-900b'), DESKTOP);
    try {
      await waitForApp(bad.page);
      const body = await bad.page.evaluate(() => document.body.innerText);
      check(/pick another in the Model list/.test(body) && !/kvscope list/.test(body), '2: a bad model id in the link is explained for a web reader');
    } finally {
      await bad.context.close();
    }
  }

  // 3. 1M vs 4K with compression already applied (the issue's link said "KV factor 0.995 (the
  //    cache 1.00× smaller)"): it says nothing more is needed, and that prefill bounds 1M.
  {
    const { page, context, errors } = await openPage(browser, appUrl('?ctx=1000000&kv_token=streamingllm-4k&panel=cheap'), DESKTOP);
    try {
      await waitForApp(page);
      const needed = await waitForText(page, 'cheap-needed');
      check(/no further KV compression is needed/.test(needed) && !/1\.00× smaller/.test(needed), `3: with StreamingLLM applied, nothing more is needed (${needed})`);
      const bound = await waitForText(page, 'cheap-bound');
      check(/dear is prefill/.test(bound) && /reuse/.test(bound), `3: it names prefill as what keeps 1M dear, and what helps (${bound.slice(0, 90)}…)`);
      check((await page.$(tid('cheap-stacks'))) === null, '3: no method list "reaches" a factor that is not needed');
      await checkNoErrors(page, errors, '3');
    } finally {
      await context.close();
    }
  }

  // 4. The first screen answers.
  {
    const { page, context, errors } = await openPage(browser, appUrl(''), { viewport: { width: 1280, height: 800 } });
    try {
      await waitForApp(page);
      const headline = await waitForText(page, 'headline');
      check(/^Yi-34B on 1× NVIDIA A100 SXM 80GB at 50,000 tokens of context: 1 user fits; the first token comes after 17\.6 s/.test(headline) && /bounded by/.test(headline), `4: the headline answers (${headline})`);
      const box = (sel) => page.$eval(sel, (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
      const cards = await Promise.all(['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch'].map((t) => box(tid(t))));
      check(cards.every((c) => c.bottom <= 800), `4: the four cards are within the first 1280×800 screen (bottoms ${cards.map((c) => Math.round(c.bottom))})`);
      const chart = await box(tid('sweep-chart'));
      check(chart.bottom <= 800, `4: the main chart is within the first screen (top ${Math.round(chart.top)}, bottom ${Math.round(chart.bottom)})`);
      // Screen readers hear the headline once a change settles (a hidden live region), not a
      // sentence per step of a drag: 5 quick slider steps change the headline 5 times and the
      // announced copy once (twice at most if a step came more than the 120 ms settle apart).
      const live = () => textOf(page, 'headline-live');
      check((await live()) === headline, `4: the announced headline is the headline (${(await live()).slice(0, 40)}…)`);
      await page.evaluate(() => {
        window.__kvsLive = { live: 0, shown: 0 };
        const count = (sel, key) => new MutationObserver((ms) => { window.__kvsLive[key] += ms.length; }).observe(document.querySelector(sel), { subtree: true, characterData: true, childList: true });
        count('[data-testid="headline-live"]', 'live');
        count('[data-testid="headline"]', 'shown');
      });
      await page.focus('#input-ctx-slider');
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.querySelector('[data-testid="headline-live"]').textContent === document.querySelector('[data-testid="headline"]').textContent && window.__kvsLive.live > 0, null, { timeout: 5000 }).catch(() => {});
      const moved = await textOf(page, 'headline');
      const writes = await page.evaluate(() => window.__kvsLive);
      check(moved !== headline && (await live()) === moved && writes.shown === 5 && writes.live >= 1 && writes.live <= 2,
        `4: 5 quick slider steps: the headline changed ${writes.shown} times, its announced copy ${writes.live} (${moved.slice(0, 50)}…)`);
      await checkNoErrors(page, errors, '4: desktop');
    } finally {
      await context.close();
    }
    const phone = await openPage(browser, appUrl(''), h.PHONE);
    try {
      await waitForApp(phone.page);
      const top = await phone.page.$eval(tid('metric-concurrency'), (el) => el.getBoundingClientRect().top);
      check(top < 844, `4: on a 390×844 phone the first metric card starts within the first screen (${Math.round(top)} px)`);
      check(!(await phone.page.isVisible('#input-ctx')), '4: on a phone the controls wait in a closed panel');
      await phone.page.click(tid('editor-toggle'));
      check(await phone.page.isVisible('#input-ctx'), '4: "Change the scenario" opens them');
      await phone.page.fill('#input-ctx', '8K');
      await phone.page.press('#input-ctx', 'Enter');
      await phone.page.keyboard.press('Escape');
      await phone.page.waitForFunction(() => !document.querySelector('#input-ctx')?.checkVisibility());
      check(/at 8,000 tokens/.test(await textOf(phone.page, 'headline')), '4: a change made in the panel shows in the headline after it closes (Escape)');
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `4: phone: no horizontal overflow (${overflow}px)`);
      await checkNoErrors(phone.page, phone.errors, '4: phone');
    } finally {
      await phone.context.close();
    }
    const paper = await openPage(browser, appUrl('?panel=paper'), h.PHONE);
    try {
      await waitForApp(paper.page);
      await paper.page.waitForSelector(tid('paper-table'));
      const t = await paper.page.$eval('.kvs-table-wrap', (el) => ({ sw: el.scrollWidth, cw: el.clientWidth, right: el.getBoundingClientRect().right, ox: getComputedStyle(el).overflowX }));
      check(t.ox === 'auto' && t.right <= 390 && (t.sw <= t.cw || t.sw > t.cw), `4: the paper table scrolls inside its box on a phone (box right ${Math.round(t.right)} px, content ${t.sw} in ${t.cw})`);
      const overflow = await paper.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `4: paper tab: the page itself does not scroll sideways (${overflow}px)`);
    } finally {
      await paper.context.close();
    }
    // TTFT next to prefill gets its why; "N users fit" offers to serve them all.
    const q = '?model=llama-3.1-70b&hw=h100-sxm&tp=4&ctx=32000';
    const t = await openPage(browser, appUrl(q), DESKTOP);
    try {
      await waitForApp(t.page);
      const btn = await t.page.waitForSelector(tid('use-all-users'));
      const label = (await btn.textContent()).trim();
      const n = label.match(/Serve all ([\d,]+) users/)?.[1]?.replace(/,/g, '');
      check(Boolean(n), `4: "${label}" is offered`);
      await btn.click();
      await t.page.waitForFunction((n) => location.search.includes(`users=${n}`), n);
      checkEq(await t.page.inputValue('#input-users'), n, '4: "Serve all" sets users to the number that fit');
      const why = await waitForText(t.page, 'ttft-why');
      check(/prefilled one after another/.test(why) && /\(batch \+ 1\) \/ 2/.test(why), `4: TTFT next to prefill is explained (${why.slice(0, 120)}…)`);
    } finally {
      await t.context.close();
    }
  }

  // 5. Device memory: what the device is sold as, with one line on the exposed bytes.
  {
    const { page, context } = await openPage(browser, appUrl('?hw=h200'), DESKTOP);
    try {
      await waitForApp(page);
      const title = await textOf(page, 'memory-title');
      check(/141 GB/.test(title) && !/151/.test(title), `5: H200 is shown as 141 GB (${title})`);
      const sold = await textOf(page, 'memory-sold');
      check(/Sold as 141 GB/.test(sold) && /exposes 151 GB = 14\d GiB/.test(sold), `5: the exposed bytes are explained in one line (${sold})`);
    } finally {
      await context.close();
    }
  }

  // 6. Exports, theme, embed builder.
  {
    const pin = encodeURIComponent('model=llama-3.1-70b&hw=h100-sxm&tp=4');
    const { page, context, errors } = await openPage(browser, appUrl(`?y=decode_s&series=users&sv=1,4&pin=${pin}&panel=export`), { ...DESKTOP, acceptDownloads: true });
    try {
      await waitForApp(page);
      const n = Number((await page.textContent('.kvs-sweep .kvs-note:last-child')).match(/(\d+) series/)[1]);
      const dl = async (testid) => {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(tid(testid))]);
        return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
      };
      const csv = await dl('export-csv');
      const header = csv.bytes.toString('utf8').split('\n')[0];
      const cols = header.match(/("([^"]|"")*"|[^,]+)/g);
      checkEq(cols.length, n + 1, `6: the CSV has the x column and one column per series (${n} series: ${header})`);
      check(/pin 1: /.test(header), '6: the pinned scenario is a column');
      check(/^kvscope_yi-34b_1x-a100-sxm-80gb_ctx50000_decode_s-vs-ctx\.csv$/.test(csv.name), `6: the CSV's name says the scenario and axes (${csv.name})`);
      const png = await dl('export-png');
      const width = png.bytes.readUInt32BE(16);
      check(width >= 1600, `6: the PNG is at least 1,600 px wide (${width} px, ${png.name})`);
      // Theme: switch to dark, remembered for a page opened later without theme= in its link.
      await page.selectOption(tid('theme-switch'), 'dark');
      checkEq(await page.getAttribute('html', 'data-kvs-theme'), 'dark', '6: the theme switch applies dark');
      const later = await context.newPage();
      await later.goto(appUrl(''));
      await waitForApp(later);
      checkEq(await later.getAttribute('html', 'data-kvs-theme'), 'dark', '6: the theme is remembered on the next visit');
      await later.selectOption(tid('theme-switch'), 'auto');
      await later.close();
      await checkNoErrors(page, errors, '6: exports');
    } finally {
      await context.close();
    }

    // Embed builder: view, controls, live preview; then Copy link inside the snippet, on a host
    // page served from a second port.
    const b = await openPage(browser, appUrl('?model=llama-3.1-70b&hw=h100-sxm&tp=4'), DESKTOP);
    let server;
    try {
      await waitForApp(b.page);
      await b.page.click(`${tid('share')} > summary`);
      await b.page.selectOption(tid('share-show'), 'cards');
      await b.page.check(tid('embed-control-model'));
      await b.page.uncheck(tid('embed-control-users'));
      const code = await b.page.inputValue(tid('embed-code'));
      const src = new URL(code.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));
      check((src.searchParams.get('show') ?? 'cards') === 'cards' && src.searchParams.get('controls') === 'model,ctx' && src.searchParams.get('embed') === '1', `6: the embed builder picks the view and the controls (${src.search})`);
      check(/allow="clipboard-write"/.test(code) && /sandbox="allow-scripts allow-same-origin/.test(code), '6: the snippet delegates the clipboard and keeps the widget its own origin');
      await b.page.click('.kvs-embed-preview > summary');
      const preview = await b.page.waitForSelector(tid('embed-preview'));
      const pframe = await preview.contentFrame();
      await pframe.waitForSelector('[data-testid="metric-concurrency"]');
      check(Boolean(await pframe.$('#input-model')), '6: the live preview shows the chosen widget with its controls');

      const host = `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body><h1>A blog post</h1>${code}</body></html>`;
      server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(host); });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const hostUrl = `http://127.0.0.1:${server.address().port}/`;
      const hp = await openPage(browser, hostUrl, DESKTOP);
      try {
        await hp.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const frameEl = await hp.page.waitForSelector('iframe');
        const frame = await frameEl.contentFrame();
        await frame.waitForSelector('[data-testid="widget-copy-link"]');
        check(new URL(frame.url()).port !== String(server.address().port), `6: the widget is served from another port than its host page (${frame.url().slice(0, 40)}… in ${hostUrl})`);
        await frame.click('[data-testid="widget-copy-link"]');
        await frame.waitForFunction(() => (document.querySelector('[data-testid="widget-copy-status"]')?.textContent ?? '').length > 0);
        const status = await frame.textContent('[data-testid="widget-copy-status"]');
        checkEq(status.trim(), 'Link copied.', '6: Copy link works inside the embed on another port');
        // Read back at the top level (the frame is given clipboard-write only).
        const clip = await hp.page.evaluate(() => navigator.clipboard.readText().catch((e) => `refused: ${e}`));
        check(/model=llama-3\.1-70b/.test(clip) && !/embed=1/.test(clip), `6: the clipboard holds the app link (${clip.slice(0, 80)})`);
        await checkNoErrors(hp.page, hp.errors, '6: host page');
      } finally {
        await hp.context.close();
      }
    } finally {
      server?.close();
      await b.context.close();
    }
  }

  // 7. "How it is computed": a page of the site, linked from the top; nothing links outside the
  //    repository's own files.
  {
    const { page, context, errors } = await openPage(browser, appUrl(''), DESKTOP);
    try {
      await waitForApp(page);
      await page.click(tid('methodology-link'));
      await page.waitForSelector('h1');
      check(/How KV Scope computes its numbers/.test(await page.textContent('h1')), '7: "How it is computed" opens the methodology page');
      const text = await page.evaluate(() => document.body.innerText);
      check(/time to first token = prefill \/ r · \(B \+ 1\) \/ 2/.test(text) && /eff_attn/.test(text), '7: it states the formulas and the realistic defaults with their sources');
      check(!/shared\/|cost-model\.md/.test(text), '7: it points at nothing outside the repository');
      const appText = await (await context.newPage()).goto(appUrl('?panel=paper')).then((r) => r.text());
      check(!/\.\.\/shared|cost-model\.md/.test(appText), '7: the site\'s index has no reference outside the repository');
      await checkNoErrors(page, errors, '7');
    } finally {
      await context.close();
    }
  }

  // 8. Keyboard and 360 px, light and dark.
  for (const colorScheme of ['light', 'dark']) {
    const { page, context, errors } = await openPage(browser, appUrl(''), { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, colorScheme });
    try {
      await waitForApp(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `8: 360 px ${colorScheme}: no horizontal scroll (${overflow}px)`);
      // Keyboard only: Tab to "Change the scenario", Enter opens it, Escape closes it.
      let reached = false;
      for (let i = 0; i < 25 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'editor-toggle');
      }
      check(reached, `8: 360 px ${colorScheme}: "Change the scenario" is reached with Tab`);
      await page.keyboard.press('Enter');
      check(await page.isVisible('#input-ctx'), `8: 360 px ${colorScheme}: Enter opens the controls`);
      await page.focus('#input-ctx');
      await page.keyboard.press('Escape');
      check(!(await page.isVisible('#input-ctx')), `8: 360 px ${colorScheme}: Escape closes them`);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      check(colorScheme === 'dark' ? bg !== 'rgb(255, 255, 255)' : bg === 'rgb(255, 255, 255)', `8: 360 px ${colorScheme}: the page is ${colorScheme} (${bg})`);
      await checkNoErrors(page, errors, `8: 360 px ${colorScheme}`);
    } finally {
      await context.close();
    }
  }
}
