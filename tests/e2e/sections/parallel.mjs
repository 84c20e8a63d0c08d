// Parallelism (issue 13): the deployment panel and its diagram, the Parallelism controls, URL
// round trips, and bad deployment values (messages name the field and range; the rest survives).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DSV3 = 'model=deepseek-v3&hw=h200&w_bits=8&ctx=32768';

/** Users the CLI reports for a query (`deployment_users` of `kvscope eval --json`), when built. */
function cliUsers(query) {
  // Build (or find up to date) the debug CLI first: a binary from an older checkout would answer
  // with an older model.
  spawnSync('cargo', ['build', '-q', '-p', 'kvscope-cli'], { cwd: ROOT, stdio: 'inherit' });
  const file = path.join(ROOT, 'target/debug/kvscope');
  if (fs.existsSync(file)) {
    return JSON.parse(execFileSync(file, ['eval', '--json', query], { encoding: 'utf8' })).deployment_users;
  }
  // Not built: the number `kvscope eval` prints for this query (8 replicas × 22 users; the Rust
  // test dp_attention_holds_8x_the_users_of_tp8_for_deepseek_v3_on_h200 checks it by hand).
  return 176;
}

const num = (t) => Number(String(t ?? '').replace(/[^0-9.]/g, ''));

export default async function parallel(browser, h) {
  const { check, checkEq, openPage, appUrl, tid, waitForText, textOf, waitForApp, checkNoErrors, screenshot } = h;

  // 1. dp=8&ep=8: users across the deployment equal the CLI's, the diagram draws one node of 8.
  {
    const q = `${DSV3}&dp=8&ep=8`;
    const { page, context, errors } = await openPage(browser, appUrl(`?${q}`));
    await waitForApp(page);
    const users = num(await waitForText(page, 'deploy-users'));
    checkEq(users, cliUsers(q), 'parallel: dp=8&ep=8 users equal kvscope eval');
    const tpUsers = cliUsers(`${DSV3}&tp=8`);
    check(users > 5 * tpUsers, `parallel: DP attention holds far more users than tp=8 (${users} vs ${tpUsers})`);
    checkEq(await page.locator(`${tid('deploy-diagram')} ${tid('deploy-node')}`).count(), 1, 'parallel: diagram draws one node');
    checkEq(await page.locator(`${tid('deploy-diagram')} rect[data-pool]`).count(), 8, 'parallel: diagram draws 8 GPUs');
    check((await textOf(page, 'deploy-weights')).includes('per GPU'), 'parallel: weights per GPU shown');
    checkEq(await page.inputValue('#input-dp'), '8', 'parallel: dp control shows 8');
    await screenshot(page, 'parallel-dp8-ep8');
    await checkNoErrors(page, errors, 'parallel dp/ep');
    await context.close();
  }

  // 2. PD split: pools in the panel and the diagram; the URL round-trips through the controls.
  {
    const { page, context, errors } = await openPage(browser, appUrl(`?${DSV3}&ep=8&pd=8:16`));
    await waitForApp(page);
    await waitForText(page, 'deploy-pool');
    checkEq(await page.locator(tid('deploy-pool')).count(), 2, 'parallel: prefill and decode pools listed');
    checkEq(await page.locator(`${tid('deploy-diagram')} rect[data-pool="prefill"]`).count(), 8, 'parallel: 8 prefill GPUs drawn');
    checkEq(await page.locator(`${tid('deploy-diagram')} rect[data-pool="decode"]`).count(), 16, 'parallel: 16 decode GPUs drawn');
    check((await textOf(page, 'deploy-kv-transfer')).includes('KV transfer'), 'parallel: KV transfer shown');
    await page.fill('#input-pp', '2');
    await page.press('#input-pp', 'Enter');
    await page.waitForFunction(() => location.search.includes('pp=2'));
    const search = await page.evaluate(() => location.search);
    check(/pd=8(%3A|:)16/.test(search) && search.includes('ep=8'), `parallel: URL keeps pd and ep (${search})`);
    const { page: again, context: c2 } = await openPage(browser, appUrl(search));
    await waitForApp(again);
    checkEq(await again.inputValue('#input-pp'), '2', 'parallel: pp round-trips');
    checkEq(await again.inputValue('#input-pd'), '8:16', 'parallel: pd round-trips');
    await c2.close();
    await checkNoErrors(page, errors, 'parallel pd');
    await context.close();
  }

  // 3. Bad values: the message names the field and its range; the rest of the state survives.
  {
    const { page, context, errors } = await openPage(browser, appUrl(`?${DSV3}&dp=8&ep=512&pd=8x8`));
    await waitForApp(page);
    const warnings = await waitForText(page, 'warnings');
    check(warnings.includes('`ep`') && warnings.includes('256'), 'parallel: ep beyond the experts is named with its range');
    check(warnings.includes('`pd`') && warnings.includes('1 to 16384'), 'parallel: malformed pd is named with its range');
    checkEq(await page.inputValue('#input-ctx'), '32768', 'parallel: ctx survives bad deployment values');
    await page.fill('#input-pd', '3:oops');
    await page.press('#input-pd', 'Enter');
    const err = await waitForText(page, 'error-pd');
    check(err.includes('`pd`') && err.includes('P:D'), 'parallel: pd control explains its format');
    await page.fill('#input-ep', '0');
    await page.press('#input-ep', 'Enter');
    const epErr = await waitForText(page, 'error-ep');
    check(epErr.includes('`ep`') && epErr.includes('1 to 16384'), 'parallel: ep control names its range');
    checkEq(await page.inputValue('#input-ctx'), '32768', 'parallel: ctx survives bad control values');
    await checkNoErrors(page, errors, 'parallel bad values');
    await context.close();
  }
}
