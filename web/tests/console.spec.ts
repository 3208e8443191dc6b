// The agency console in Chromium, against the development node tests/run.mjs starts:
// each step through the page only, signed with the development keys the console offers
// on a development chain. The wrong parties are tried too, and every refusal must be a
// sentence, never the chain's raw error.

import { expect, test } from '@playwright/test';
import { ADDRESS, noRawError, open, outcome, shot, signInAs } from './console-lib';

test.describe.configure({ mode: 'serial' });
const shared: { type?: number; code?: string; licence?: number } = {};

test('an issuer sees its agency and roles, defines a licence type and issues a licence, each to finality', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Bob');
  await expect(page.getByTestId('acting')).toContainText('Sichuan Administration for Market Regulation (#1)');
  await expect(page.getByTestId('roles')).toHaveText('市场监管、证照签发');
  await expect(page.getByTestId('council')).toHaveText('联盟理事会成员');
  const code = `CONSOLE-${Date.now().toString(36)}`;
  shared.code = code;
  const define = page.locator('#define');
  await define.getByLabel('类型代码').fill(code);
  await define.getByLabel('类型名称').fill('网约车驾驶员证');
  await define.getByLabel('适用地区').fill('510000');
  await define.getByLabel('持证人类型').selectOption('Account');
  await define.getByRole('button', { name: '定义类型' }).click();
  const defined = await outcome(page, '#define');
  await expect(defined).toHaveText(/^等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认\. 已定义证照类型 \d+。$/);
  shared.type = Number((await defined.textContent())!.match(/证照类型 (\d+)/)![1]);

  const issue = page.locator('#issue');
  await issue.getByLabel('证照类型编号').fill(String(shared.type));
  await issue.getByLabel('持证人类型').selectOption('Account');
  await issue.getByLabel('持证人（').fill(ADDRESS.Ferdie);
  await issue.getByLabel('证照文件').setInputFiles({ name: 'licence.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from(`licence of ${code}`) });
  await issue.getByRole('button', { name: '签发' }).click();
  const issued = await outcome(page, '#issue');
  await expect(issued).toContainText('已最终确认. 已签发证照');
  shared.licence = Number((await issued.textContent())!.match(/已签发证照 (\d+)/)![1]);
  await shot(page, 'console-issuer');

  // The printable view: the public page the licence's QR code opens.
  await issued.getByTestId('printable').click();
  await expect(page.getByTestId('licence-title')).toHaveText(`网约车驾驶员证 · ${shared.licence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
});

test('the wrong parties are refused in words: a department without the role sees no issuing, another issuer cannot suspend', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'Charlie');
  await expect(page.getByTestId('roles')).toHaveText('印章刻制审批');
  await expect(page.locator('#issuer')).toHaveCount(0);
  // A use without the holder's authorisation, by an agency that did not issue it.
  const use = page.locator('#record-use');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0001');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toHaveText('未办成：本机构不是签发机关，使用这张证照需要持证人的授权。');

  // Alice's demo agency issues licences too, but not this one (Sichuan's).
  await signInAs(page, 'Alice');
  const manage = page.locator('#manage');
  await manage.getByLabel('证照编号').fill(String(shared.licence));
  await manage.getByLabel('操作').selectOption('suspend');
  await manage.getByLabel('原因代码').fill('7');
  await manage.getByLabel('法律依据').fill('渝市监罚〔2026〕12号');
  await manage.getByRole('button', { name: '执行' }).click();
  await expect(await outcome(page, '#manage')).toHaveText('未办成：本机构既不是这张证照的签发机关，也不是其类型的主管机关，不能管理它。');
  // A mistyped number is caught before anything is signed.
  await manage.getByLabel('证照编号').fill('12a');
  await manage.getByRole('button', { name: '执行' }).click();
  await expect(manage.getByRole('alert')).toHaveText('请在"证照编号"中填写数字。');
  await noRawError(page);
  await shot(page, 'console-refused');
});

test('the holder authorises a department, which records a use the holder then reads; withdrawn, the next use is refused', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Ferdie');
  await expect(page.getByTestId(`status-${shared.licence}`)).toHaveText('有效');
  const grant = page.locator('#grant');
  await grant.getByLabel('证照编号').fill(String(shared.licence));
  await grant.getByLabel('被授权机构编号').fill('2');
  await grant.getByLabel('用途').fill('开户核验');
  await grant.getByRole('button', { name: '授权' }).click();
  await expect(await outcome(page, '#grant')).toContainText(`已授权：证照 ${shared.licence}，授权序号 0。`);
  await expect(page.getByTestId(`consents-${shared.licence}`)).toContainText('#0 → 2 · 开户核验');

  await signInAs(page, 'Charlie');
  const use = page.locator('#record-use');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0002');
  await use.getByLabel('授权序号').fill('0');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toContainText(`已记录证照 ${shared.licence} 的一次使用。`);

  await signInAs(page, 'Ferdie');
  await expect(page.getByTestId(`uses-${shared.licence}`)).toContainText('开户核验');
  const withdraw = page.locator('#withdraw');
  await withdraw.getByLabel('证照编号').fill(String(shared.licence));
  await withdraw.getByLabel('授权序号').fill('0');
  await withdraw.getByRole('button', { name: '撤回' }).click();
  await expect(await outcome(page, '#withdraw')).toContainText(`已撤回证照 ${shared.licence} 的授权 0。`);
  await shot(page, 'console-holder');

  await signInAs(page, 'Charlie');
  await use.getByLabel('证照编号').fill(String(shared.licence));
  await use.getByLabel('用途').fill('开户核验');
  await use.getByLabel('业务编号').fill('PSB-2026-0003');
  await use.getByLabel('授权序号').fill('0');
  await use.getByRole('button', { name: '记录用证' }).click();
  await expect(await outcome(page, '#record-use')).toHaveText('未办成：持证人已撤回这项授权。');
});


test('an issuer imports a CSV export in batches with a progress bar and a per-row report; the same file again issues nothing twice', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, 'Bob');
  const holders = [ADDRESS['Alice//stash'], ADDRESS['Bob//stash']];
  const tag = Date.now().toString(36);
  const hash = (n: number) => `0x${(tag + 'f'.repeat(64)).slice(0, 8).replace(/[^0-9a-f]/g, 'a')}${String(n).padStart(56, '0')}`;
  const lines = ['type_code,holder_kind,holder_id,content,valid_from,valid_until'];
  for (let n = 0; n < 20; n++) lines.push(`${shared.code},account,${holders[n % 2]},${hash(n)},2026-01-01,${n % 3 ? '2031-01-01' : ''}`);
  lines.push(`${shared.code},account,5NotAnAddress,${hash(100)},2026-01-01,`); // line 22: holder_id
  lines.push(`NO-SUCH-TYPE-${tag},account,${holders[0]},${hash(101)},2026-01-01,`); // 23: type_code
  lines.push(`${shared.code},account,${holders[0]},licence.ofd,2026-01-01,`); // 24: content
  lines.push(`${shared.code},account,${holders[0]},${hash(103)},2026-01-01,2025-01-01`); // 25: valid_until
  lines.push(`${shared.code},enterprise,915000000000000005,${hash(104)},2026-01-01,`); // 26: holder_kind
  lines.push(`${shared.code},person,cn-resident-id:500103198807150018,${hash(105)},2026-01-01,`); // 27: no key
  const csv = { name: 'licences.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
  const form = page.locator('#import');
  const importOnce = async () => {
    await form.getByLabel('CSV 文件').setInputFiles(csv);
    await form.getByLabel('每批条数').fill('8');
    await form.getByRole('button', { name: '导入', exact: true }).click();
    return outcome(page, '#import');
  };
  await expect(await importOnce()).toHaveText('共读取 26 行：本次签发 20，链上已有而跳过 0，拒绝 6。');
  await expect(page.getByTestId('import-progress')).toContainText('20 / 20 行');
  const report = page.getByTestId('import-report');
  await expect(report.locator('tr')).toHaveCount(7);
  for (const [line, column] of [[22, 'holder_id'], [23, 'type_code'], [24, 'content'], [25, 'valid_until'], [26, 'holder_kind'], [27, 'holder_id']]) {
    await expect(report.locator('tr', { hasText: new RegExp(`^${line}${column}`) })).toHaveCount(1);
  }
  await shot(page, 'console-import');
  await expect(await importOnce()).toHaveText('共读取 26 行：本次签发 0，链上已有而跳过 20，拒绝 6。');

  await signInAs(page, 'Bob//stash');
  await expect(page.locator('#mine article', { hasText: '网约车驾驶员证' })).toHaveCount(10);
});
