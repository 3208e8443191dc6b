// The agency console with a browser extension's account, through the code path a real
// polkadot.js extension takes (`@polkadot/extension-dapp`: web3Enable, web3Accounts,
// web3FromSource and the extension's signer), not the development keys: a fake extension
// injected before the page loads holds a fresh key of no agency, which //Alice funds here.
// It applies for a one-stop registration signed by the extension; a signature the user
// refuses in the extension is a sentence and leaves the chain as it was.

import { expect, test } from '@playwright/test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { chain, countSubmissions, fakeExtension, noRawError, openConsole, outcome, shot } from './console-lib';

const UNIT = 10n ** 12n;

/** Sends `amount` from //Alice to `to` and waits for finality (again when another
 * transaction of //Alice's, from a test beside this one, took the nonce). */
async function fund(to: string, amount: bigint) {
  const api = await chain();
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  for (let attempt = 1; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        api.tx.balances.transferKeepAlive(to, amount).signAndSend(alice, ({ status, dispatchError }) => {
          if (dispatchError) reject(new Error(`transfer refused: ${dispatchError.toString()}`));
          else if (status.isFinalized) resolve();
          else if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`transfer ${status.type}`));
        }).catch(reject);
      });
      return;
    } catch (e) {
      if (attempt >= 3 || /refused/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 1000 + Math.random() * 2000));
    }
  }
}

/** The applications on chain that `who` submitted, by id. */
async function applicationsOf(who: string) {
  const api = await chain();
  const entries = await api.query.enterprises.applications.entries();
  return entries.filter(([, app]) => (app as any).unwrap().submitter.toString() === who).map(([key]) => (key.args[0] as any).toNumber()).sort();
}

test('an account of the browser extension applies for a registration signed by the extension; a signature refused in the extension is a sentence and changes nothing', async ({ page }) => {
  test.setTimeout(180_000);
  await cryptoWaitReady();
  // A key of no agency that is none of the console's development keys.
  const pair = new Keyring({ type: 'sr25519' }).addFromUri(mnemonicGenerate(), { name: 'extension' });
  const NAME = '李明（浏览器扩展）';
  const extension = await fakeExtension(page, [{ pair, name: NAME }]);
  await fund(pair.address, 10n * UNIT);
  const api = await chain();
  expect(((await api.query.system.account(pair.address)) as any).data.free.toBigInt()).toBe(10n * UNIT);

  const submissions = countSubmissions(page);
  await openConsole(page);
  // Offered under the extension's heading with the extension's name, and chosen first.
  const offered = page.locator('#account optgroup[label="浏览器扩展中的账户"] option');
  await expect(offered).toHaveCount(1);
  await expect(offered).toHaveAttribute('value', pair.address);
  await expect(offered).toHaveText(`${NAME} · ${pair.address.slice(0, 8)}…`);
  await expect(page.locator('#account')).toHaveValue(pair.address);
  await expect(page.getByTestId('account')).toHaveText(`${NAME} · ${pair.address}`);
  await expect(page.locator('#signin-note')).toHaveText('');
  await expect(page.getByTestId('acting')).toHaveText('此账户不是任何机构的经办人：可作为持证人办理授权、查看用证记录。');
  expect((await extension.state()).enabledBy).toEqual(['GovChain']);

  const form = page.locator('#apply-form');
  const name = `重庆扩展签名 ${Date.now().toString(36)} 有限公司`;
  await form.getByLabel('企业名称').fill(name);
  await form.getByLabel('注册资本').fill('500000');
  await form.getByLabel('法定代表人假名').fill(`0x${'5e'.repeat(32)}`);
  await form.getByRole('button', { name: '提交申请' }).click();
  const applied = await outcome(page, '#apply-form');
  await expect(applied).toHaveText(/^等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认\. 已提交申请 \d+，各部门将并行审核。$/);
  const id = Number((await applied.textContent())!.match(/已提交申请 (\d+)/)![1]);
  // Signed by the extension, for its account, once.
  expect(extension.signed).toEqual([pair.address]);
  expect((await extension.state()).asked).toEqual([pair.address]);
  expect(submissions.n).toBe(1);
  // On chain: the extension's account submitted it and its deposit is held from it.
  const app = ((await api.call.enterprisesApi.application(id)) as any).unwrap();
  expect(app.submitter.toString()).toBe(pair.address);
  expect(app.status.type).toBe('UnderReview');
  expect(new TextDecoder().decode(app.profile.name.toU8a(true))).toBe(name);
  const deposit = ((await api.query.enterprises.applicationDeposits(id)) as any).unwrap();
  expect(deposit[0].toString()).toBe(pair.address);
  expect(deposit[1].toBigInt()).toBeGreaterThan(0n);
  await expect(page.getByTestId('app-status')).toHaveText('审核中');
  await expect(page.getByTestId(`app-${id}-BusinessLicense`)).toContainText('待审核');
  await shot(page, 'console-extension');

  // The user refuses the next signature in the extension.
  const nonce = ((await api.query.system.account(pair.address)) as any).nonce.toNumber();
  expect(nonce).toBe(1);
  await extension.reject(true);
  await form.getByLabel('企业名称').fill(`${name} 二`);
  await form.getByRole('button', { name: '提交申请' }).click();
  const refused = await outcome(page, '#apply-form');
  await expect(refused).toHaveAttribute('data-stage', 'refused');
  await expect(refused).toHaveText('未办成：签名已取消。');
  await expect(refused).toHaveAttribute('role', 'alert');
  await noRawError(page);
  expect((await extension.state()).asked).toEqual([pair.address, pair.address]); // it was asked
  expect(extension.signed).toEqual([pair.address]); // and signed nothing more
  expect(submissions.n).toBe(1); // nothing left the page
  // Nothing changed on chain: the account's nonce, its one application.
  expect(((await api.query.system.account(pair.address)) as any).nonce.toNumber()).toBe(nonce);
  expect(((await api.rpc.system.accountNextIndex(pair.address)) as any).toNumber()).toBe(nonce);
  expect(await applicationsOf(pair.address)).toEqual([id]);
  await expect(form.getByRole('button', { name: '提交申请' })).toBeEnabled();
  await shot(page, 'console-extension-refused');
});
