// The agency console in Chromium, against the development node tests/run.mjs starts:
// each step through the page only, signed with the development keys the console offers
// on a development chain. The wrong parties are tried too, and every refusal must be a
// sentence, never the chain's raw error.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const seed = JSON.parse(readFileSync(process.env.GOVCHAIN_SEED as string, 'utf8'));
const rpc = encodeURIComponent(process.env.GOVCHAIN_RPC as string);
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
const ADDRESS: Record<string, string> = {
  Alice: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  Bob: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  Charlie: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
  Dave: '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy',
  Eve: '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw',
  Ferdie: '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL',
};

async function signInAs(page: Page, name: string) {
  await page.locator('#account').selectOption(ADDRESS[name]); // labelled in either language
  await expect(page.getByTestId('account')).toContainText(ADDRESS[name]);
}
const open = async (page: Page, name: string) => {
  await page.goto(`/console/?rpc=${rpc}`);
  await signInAs(page, name);
};
/** The output of the form holding `button`, once it shows finalized or a refusal. */
async function outcome(page: Page, form: string) {
  const out = page.locator(`${form} output`);
  await expect(out).toHaveAttribute('data-stage', /finalized|refused/, { timeout: 60_000 });
  return out;
}
const noRawError = async (page: Page) => expect(page.locator('body')).not.toContainText(/Module|\{ *index|DispatchError/);

test.describe.configure({ mode: 'serial' });
const shared: { type?: number; licence?: number } = {};

test('an issuer sees its agency and roles, defines a licence type and issues a licence, each to finality', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Bob');
  await expect(page.getByTestId('acting')).toContainText('Sichuan Administration for Market Regulation (#1)');
  await expect(page.getByTestId('roles')).toHaveText('市场监管、证照签发');
  await expect(page.getByTestId('council')).toHaveText('联盟理事会成员');
  const code = `CONSOLE-${Date.now().toString(36)}`;
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

test('each department reviews its part of a pending application from its queue, in English too', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'Charlie');
  const row = page.getByTestId(`review-${seed.pending}-SealEngraving`);
  await expect(row).toContainText('印章刻制');
  await row.getByRole('button', { name: '通过', exact: true }).click();
  await expect(await outcome(page, '#reviews')).toContainText(`申请 ${seed.pending}：已通过。`);
  await expect(row).toHaveCount(0);

  await page.getByRole('button', { name: 'English' }).click();
  await signInAs(page, 'Dave');
  await expect(page.getByTestId('roles')).toHaveText('Tax');
  const tax = page.getByTestId(`review-${seed.pending}-TaxRegistration`);
  await tax.getByLabel('Reason code').fill('12');
  await tax.getByRole('button', { name: 'Reject' }).click();
  await expect(await outcome(page, '#reviews')).toContainText(`Application ${seed.pending}: rejected.`);
  await expect(page.getByTestId(`review-${seed.pending}-SealEngraving`)).toHaveCount(0);
  await shot(page, 'console-review-en');
  await page.getByRole('button', { name: '中文' }).click();
});

test('the copyright office registers a deposited work; a court freezes it, attaches evidence, unfreezes it and exports the evidence file', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Charlie');
  await expect(page.locator('#copyright')).toHaveCount(0); // no copyright role, no panel
  await signInAs(page, 'Alice');
  const form = page.locator('#work-act');
  await form.getByLabel('作品文件').setInputFiles(seed.workFile);
  const step = async (action: string, doc: string, expected: string) => {
    await form.getByLabel('操作').selectOption(action);
    await form.getByLabel('案号或文书').fill(doc);
    await form.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#work-act')).toContainText(expected);
  };
  await step('register', '', '已登记。');
  await expect(form.getByTestId('work-state')).toHaveText('登记: 已登记 · 司法冻结: 否');
  await step('freeze', '(2026)渝01民初123号', '已冻结。');
  await expect(form.getByTestId('work-state')).toHaveText('登记: 已登记 · 司法冻结: 是');
  await step('freeze', '(2026)渝01民初124号', '未办成：作品已被司法冻结。');
  await step('attachEvidence', '鉴定意见书 2026-118', '已附加证据。');
  await step('unfreeze', '(2026)渝01民初123号 民事裁定书', '已解除冻结。');
  const download = page.waitForEvent('download');
  await form.getByRole('button', { name: '导出证据文件' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`govchain-evidence-work-${seed.content.slice(0, 18)}.json`);
  const bundle = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(bundle.format).toMatch(/^govchain-evidence\//);
  await noRawError(page);
  await shot(page, 'console-copyright');
});

test('a bank files a loan, a second one for the same member is refused, the centre approves, the bank disburses and the repayment settles it', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, 'Ferdie');
  const file = page.locator('#file-loan');
  const fileLoan = async () => {
    await file.getByLabel('缴存人身份证件号码').fill(seed.fundMember);
    await file.getByLabel('公积金假名密钥').fill(seed.fundKey);
    await file.getByLabel('贷款中心机构编号').fill('4');
    await file.getByLabel('金额（元）').fill('300000');
    await file.getByRole('button', { name: '提交申请' }).click();
    return outcome(page, '#file-loan');
  };
  const filed = await fileLoan();
  await expect(filed).toContainText('已受理贷款申请');
  const loan = (await filed.textContent())!.match(/贷款申请 (\d+)/)![1];
  await expect(file.getByLabel('公积金假名密钥')).toHaveValue(''); // the key leaves the field
  await expect(page.getByTestId('loan-status')).toHaveText('已受理');
  await expect(await fileLoan()).toHaveText('未办成：该缴存人已有一笔未结清的公积金贷款，不能再申请（一人一贷）。');

  const stepForm = page.locator('#loan-step');
  const step = async (action: string, amount: string, expected: string) => {
    await stepForm.getByLabel('贷款编号').fill(loan);
    await stepForm.getByLabel('操作').selectOption(action);
    await stepForm.getByLabel('金额（元）').fill(amount);
    await stepForm.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#loan-step')).toContainText(expected);
  };
  await step('disburse', '300000', '未办成：贷款尚未审批通过，不能放款。');
  await signInAs(page, 'Eve');
  await expect(page.locator('#file-loan')).toHaveCount(0); // a centre files no loan
  await step('approve', '', `贷款 ${loan}：审批通过完成。`);
  await expect(page.getByTestId('loan-status')).toHaveText('已批准');
  await signInAs(page, 'Ferdie');
  await step('disburse', '300000', `贷款 ${loan}：放款完成。`);
  await step('repay', '100000.50', `贷款 ${loan}：记录还款完成。`);
  await expect(page.getByTestId('loan-outstanding')).toHaveText('199999.50');
  await step('repay', '199999.50', `贷款 ${loan}：记录还款完成。`);
  await expect(page.getByTestId('loan-status')).toHaveText('已结清');
  await noRawError(page);
  await shot(page, 'console-loan');
});
