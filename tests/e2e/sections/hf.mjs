// Any Hugging Face model by its id (issue 10, items 1 and 4; issue 11, item 3).
//
// No test touches the network: every request to https://huggingface.co/** is answered by
// page.route from the fixture files in crates/costmodel/tests/fixtures/hf-configs/ (sources in
// SOURCES.md there), or refused as the Hub refuses (401 gated, 404, no network).
//
// What it shows: typing an id offers "Load <id> from Hugging Face"; the fetched config is
// imported, named and evaluated, and the cards equal the CLI's for the same config.json
// (`kvscope eval 'hf=…' --config FILE`, run here); the link (hf=, name=, arch=) reopens with the
// same cards while every Hub request fails; a link with only hf= fetches; each failure shows its
// message, opens the paste box and keeps the scenario; a pasted config keeps its name.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const FIXTURES = path.join(ROOT, 'crates', 'costmodel', 'tests', 'fixtures', 'hf-configs');
const SCENARIO = 'hw=h100-sxm&tp=8&ctx=32000&users=16';
const QWEN = 'Qwen/Qwen3-235B-A22B';
const CARDS = ['metric-concurrency', 'metric-prefill', 'metric-decode', 'metric-switch'];

/** What the mock Hub answers, by repo id. */
const HUB = {
  'Qwen/Qwen3-235B-A22B': { status: 200, file: 'qwen3-235b-a22b.json' },
  'mistralai/Mistral-Small-3.2-24B-Instruct-2506': { status: 200, file: 'mistral-small-3.2-24b.json' },
  'google-bert/bert-base-uncased': { status: 200, file: 'bert-base-uncased.json' },
  // The Hub's answers to an unauthenticated request for a gated repo, and for a repo without
  // config.json, with the reason in X-Error-Code.
  'meta-llama/Llama-3.1-8B': { status: 401, code: 'GatedRepo' },
  'TheBloke/Llama-2-7B-GGUF': { status: 404, code: 'EntryNotFound' },
  'offline/any-model': { abort: true },
};

/** Routes https://huggingface.co/** to the mock Hub (or fails every request); counts requests. */
async function mockHub(context, { failAll = false } = {}) {
  const seen = [];
  await context.route('https://huggingface.co/**', async (route) => {
    const url = new URL(route.request().url());
    seen.push(url.pathname);
    const m = url.pathname.match(/^\/([^/]+\/[^/]+)\/resolve\/main\/config\.json$/);
    const answer = !failAll && m ? HUB[m[1]] : { abort: true };
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'X-Error-Code' };
    if (!answer || answer.abort) return route.abort('internetdisconnected');
    if (answer.file) {
      return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'application/json' }, body: fs.readFileSync(path.join(FIXTURES, answer.file), 'utf8') });
    }
    return route.fulfill({ status: answer.status, headers: { ...cors, 'x-error-code': answer.code, 'content-type': 'text/plain' }, body: 'refused' });
  });
  return seen;
}

/** Opens a page with the mock Hub in place before the first request. */
async function open(h, browser, query, options = {}) {
  const { page, context, errors } = await h.openPage(browser, null, h.DESKTOP);
  const seen = await mockHub(context, options);
  await page.goto(h.appUrl(query));
  await h.waitForApp(page);
  return { page, context, errors, seen };
}

/** The four cards' values. */
const cards = (page) => page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"] .kvs-card-value`)?.textContent?.trim() ?? null), CARDS);

/** The selected model option's text. */
const selectedModel = (page) => page.evaluate(() => {
  const s = document.querySelector('#input-model');
  return s?.selectedOptions?.[0]?.textContent?.trim() ?? '';
});

/** The CLI's cards for `query` with `--config file`: the same numbers in its text report. */
function cliCards(query, file) {
  const bin = path.join(ROOT, 'target', 'debug', 'kvscope');
  const args = ['eval', query, '--config', path.join(FIXTURES, file)];
  const out = fs.existsSync(bin)
    ? execFileSync(bin, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '-q', '--offline', '-p', 'kvscope-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  const grab = (re) => out.match(re)?.[1] ?? null;
  const users = grab(/^Concurrency\s+(\S+) users fit/m);
  return {
    text: out,
    cards: [
      users === null ? null : `${users} ${users === '1' ? 'user' : 'users'}`,
      grab(/^Prefilling\s+(.+?) per prompt/m),
      grab(/^Decoding\s+.*?, (\S+ \S+) for the turn/m),
      grab(/^Context switching (\S+ \S+) \(/m),
    ],
  };
}

/** Types into the model control's search box and clicks "Load … from Hugging Face". */
async function typeAndLoad(h, page, typed) {
  await page.fill('#input-model-search', typed);
  await page.waitForSelector(h.tid('hf-load'));
  const offer = await h.textOf(page, 'hf-load');
  await page.click(h.tid('hf-load'));
  return offer;
}

/** Errors that are the mock Hub's refusals themselves (expected in the failure cases). */
const hubNoise = (e) => /huggingface\.co|Failed to load resource/.test(e);

export default async function hf(browser, h) {
  const cli = cliCards(`hf=${QWEN}&${SCENARIO}`, 'qwen3-235b-a22b.json');
  h.check(cli.cards.every((c) => c), `hf: the CLI evaluates hf=${QWEN} with --config (${JSON.stringify(cli.cards)})`);

  // 1. Typing an id fetches, names and evaluates; the cards equal the CLI's.
  let link = '';
  {
    const { page, context, errors, seen } = await open(h, browser, `?${SCENARIO}`);
    try {
      const offer = await typeAndLoad(h, page, `https://huggingface.co/${QWEN}/tree/main`);
      h.checkEq(offer, `Load ${QWEN} from Hugging Face`, 'hf: a model page URL typed into the model control is offered as its id');
      const status = await h.waitForText(page, 'hf-status');
      await page.waitForFunction(() => /^Loaded /.test(document.querySelector('[data-testid="hf-status"]')?.textContent ?? ''));
      h.check(/Qwen3-235B-A22B/.test(await h.textOf(page, 'hf-status')), `hf: loaded and named (${status})`);
      h.checkEq(seen.join(','), `/${QWEN}/resolve/main/config.json`, 'hf: the browser fetched the repo\'s config.json once, from the main branch');
      await page.waitForFunction(() => /[?&]arch=/.test(location.search) && /[?&]hf=/.test(location.search));
      const got = await cards(page);
      h.checkEq(JSON.stringify(got), JSON.stringify(cli.cards), 'hf: the cards equal the CLI\'s for the same config.json');
      h.check((await selectedModel(page)).startsWith('Imported: Qwen3-235B-A22B'), `hf: the model select shows the name (${await selectedModel(page)})`);
      const q = new URLSearchParams(await page.evaluate(() => location.search));
      h.checkEq([q.get('hf'), q.get('name'), q.get('hw'), q.get('tp'), q.get('ctx'), q.get('users')].join(' '), `${QWEN} Qwen3-235B-A22B h100-sxm 8 32000 16`, 'hf: the link carries hf=, name= and the rest of the scenario');
      link = page.url();
      await h.checkNoErrors(page, errors, 'hf: load');
    } finally {
      await context.close();
    }
  }

  // 2. The link reopens with the same cards while every Hub request fails (arch= is enough).
  {
    const { page, context, errors, seen } = await open(h, browser, link.slice(link.indexOf('?')), { failAll: true });
    try {
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(cli.cards), 'hf: the link reopens offline with the same cards');
      h.check((await selectedModel(page)).startsWith('Imported: Qwen3-235B-A22B'), 'hf: the reopened link shows the name');
      h.checkEq(seen.length, 0, 'hf: a link with arch= does not fetch');
      await h.checkNoErrors(page, errors, 'hf: reopen offline');
    } finally {
      await context.close();
    }
  }

  // 3. A link with only hf= fetches, and gives the same cards.
  {
    const { page, context, errors } = await open(h, browser, `?hf=${encodeURIComponent(QWEN)}&${SCENARIO}`);
    try {
      await page.waitForFunction(() => /^Loaded /.test(document.querySelector('[data-testid="hf-status"]')?.textContent ?? ''));
      await page.waitForFunction(() => /[?&]arch=/.test(location.search));
      h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(cli.cards), 'hf: a link with only hf= fetches and shows the same cards');
      await h.checkNoErrors(page, errors, 'hf: hf= link');
    } finally {
      await context.close();
    }
  }

  // 4. Each failure shows its message, opens the paste box and keeps the scenario.
  {
    const { page, context, errors } = await open(h, browser, `?${SCENARIO}`);
    try {
      const before = await cards(page);
      await page.waitForTimeout(300);
      const search0 = await page.evaluate(() => location.search);
      for (const [id, pattern, what] of [
        ['meta-llama/Llama-3.1-8B', /meta-llama\/Llama-3\.1-8B is gated \(HTTP 401\).*paste it below/, 'a gated repo (401)'],
        ['TheBloke/Llama-2-7B-GGUF', /has no config\.json on its main branch \(HTTP 404\)/, 'a repo without config.json (404)'],
        ['offline/any-model', /could not reach huggingface\.co/, 'no network'],
        ['google-bert/bert-base-uncased', /BERT, a text encoder \(BertForMaskedLM\), not a decoder LLM/, 'BERT'],
      ]) {
        await page.evaluate(() => document.querySelector('[data-testid="import-box"]')?.removeAttribute('open'));
        await typeAndLoad(h, page, id);
        await page.waitForFunction((wanted) => (document.querySelector('[data-testid="hf-error"]')?.textContent ?? '').includes(wanted), id);
        const msg = await h.textOf(page, 'hf-error');
        h.check(pattern.test(msg), `hf: ${what} gets its message (${msg.slice(0, 110)}…)`);
        h.check(await page.evaluate(() => document.querySelector('[data-testid="import-box"]')?.open === true), `hf: ${what} opens the paste box`);
        h.checkEq(JSON.stringify(await cards(page)), JSON.stringify(before), `hf: ${what} keeps the cards`);
        await page.waitForTimeout(300);
        h.checkEq(await page.evaluate(() => location.search), search0, `hf: ${what} keeps the link (ctx, hw, users)`);
      }
      // A refused id says why before anything is fetched.
      await page.fill('#input-model-search', 'https://huggingface.co/datasets/HuggingFaceFW/fineweb');
      const hint = await h.waitForText(page, 'hf-hint');
      h.check(/is a dataset, not a model/.test(hint), `hf: a dataset URL is refused with a reason (${hint.slice(0, 80)})`);
      // A multimodal wrapper: its text model is imported, with a note.
      await typeAndLoad(h, page, 'mistralai/Mistral-Small-3.2-24B-Instruct-2506');
      await page.waitForFunction(() => /^Loaded /.test(document.querySelector('[data-testid="hf-status"]')?.textContent ?? ''));
      const notes = await h.waitForText(page, 'hf-notes');
      h.check(/`text_config`: a multimodal Mistral 3 \(Pixtral vision\) config.*vision encoder is not modelled/.test(notes), `hf: a text_config wrapper is unwrapped with a note (${notes.slice(0, 100)}…)`);
      h.check(await page.evaluate(() => document.querySelector('[data-testid="import-box"]')?.open === false), 'hf: a successful load closes the paste box a failure opened');
      await page.waitForFunction(() => /[?&]hf=mistralai/.test(location.search));
      const q = new URLSearchParams(await page.evaluate(() => location.search));
      h.checkEq([q.get('hw'), q.get('ctx'), q.get('users')].join(' '), 'h100-sxm 32000 16', 'hf: the wrapper load keeps hw, ctx and users');
      h.check(errors.every(hubNoise), `hf: failures log nothing but the refused requests (${JSON.stringify(errors.filter((e) => !hubNoise(e)))})`);
    } finally {
      await context.close();
    }
  }

  // 5. A pasted config keeps the name the reader gives, after a reload (issue 11, item 3).
  {
    const { page, context, errors } = await open(h, browser, `?${SCENARIO}`);
    try {
      await page.click('summary:has-text("Paste a Hugging Face config.json")');
      await page.fill('#input-config', fs.readFileSync(path.join(FIXTURES, 'qwen3-235b-a22b.json'), 'utf8'));
      await page.fill('#input-config-name', 'My Qwen finetune');
      await page.click(h.tid('import-config'));
      await page.waitForFunction(() => /[?&]name=My/.test(location.search));
      const pasted = await cards(page);
      h.checkEq(JSON.stringify(pasted), JSON.stringify(cli.cards), 'hf: the pasted config gives the same cards as the fetched one');
      const url = page.url();
      const again = await open(h, browser, url.slice(url.indexOf('?')), { failAll: true });
      try {
        const note = await h.waitForText(again.page, 'imported-model');
        h.check(note.includes('My Qwen finetune'), `hf: the pasted config keeps its name after a reload (${note.slice(0, 80)})`);
        h.check((await selectedModel(again.page)).includes('My Qwen finetune'), 'hf: the model select shows that name, not a preset');
        h.checkEq(JSON.stringify(await cards(again.page)), JSON.stringify(pasted), 'hf: and the same cards');
        await h.checkNoErrors(again.page, again.errors, 'hf: reload of a pasted config');
      } finally {
        await again.context.close();
      }
      await h.checkNoErrors(page, errors, 'hf: paste');
    } finally {
      await context.close();
    }
  }
}
