// The agency console in Chromium: the market regulators' register (status changes, an
// amendment through the review queue, a move between regions), the fund centre's
// deposit records and certificates, the provident-fund loan pipeline, and the copyright
// holders' transfers and licences with the court's ruling. Signed through the page only
// with the development keys; the wrong parties and bad inputs refused in words. The
// tests share no record, so they run beside each other.

import { expect, test } from '@playwright/test';
import { residentCheck } from '../../shared/pseudonym.mjs';
import { ADDRESS, noRawError, open, outcome, seed, shot, signInAs } from './console-lib';

test.describe.configure({ mode: 'parallel' });

test('a market regulator lists an enterprise as abnormal and restores it, amends it through its review queue and releases it to Sichuan, whose regulator accepts it; other parties are refused', async ({ page }) => {
  test.setTimeout(240_000);
  const uscc: string = seed.movingUscc;
  await open(page, 'Charlie');
  await expect(page.locator('#register')).toHaveCount(0); // a seal department keeps no register

  // Sichuan's regulator may not change a Chongqing enterprise; a mistyped code is caught here.
  await signInAs(page, 'Bob');
  const find = page.locator('#enterprise-find');
  await find.getByLabel('统一社会信用代码').fill(uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'));
  await find.getByRole('button', { name: '查看' }).click();
  await expect(find.getByRole('alert')).toHaveText('统一社会信用代码有误（长度、字符或校验位）。');
  await find.getByLabel('统一社会信用代码').fill(uscc);
  await find.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('ent-name')).toContainText('重庆迁移科技');
  await expect(page.getByTestId('ent-authority')).toHaveText('GovChain Demo Agency (#0)');
  const status = page.locator('#enterprise-status');
  const setStatus = async (action: string, expected: string) => {
    await status.getByLabel('操作').selectOption(action);
    await status.getByLabel('原因代码').fill('3');
    await status.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#enterprise-status')).toHaveText(expected);
  };
  await setStatus('Abnormal', '未办成：该企业或申请不在本机构辖区内。');

  // Its own registration authority (//Alice's agency).
  await signInAs(page, 'Alice');
  await find.getByLabel('统一社会信用代码').fill(uscc);
  await find.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('ent-status')).toHaveText('有效');
  await setStatus('Abnormal', '等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认. 已列入经营异常名录。');
  await expect(page.getByTestId('ent-status')).toHaveText('经营异常');
  await setStatus('Abnormal', '未办成：企业已处于这一状态（注销登记请选"注销登记"）。');
  await setStatus('Active', '等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认. 已恢复正常经营。');
  await expect(page.getByTestId('ent-status')).toHaveText('有效');

  // An amendment: the profile loaded by "show", a new name and capital; the business
  // licence part goes to the authority's own review queue.
  const amend = page.locator('#amend');
  await expect(amend.getByLabel('企业名称')).toHaveValue(/重庆迁移科技/);
  const renamed = `重庆迁移智能 ${Date.now().toString(36)} 有限公司`;
  await amend.getByLabel('企业名称').fill(renamed);
  await amend.getByLabel('注册资本').fill('abc');
  await amend.getByRole('button', { name: '提交变更申请' }).click();
  await expect(amend.getByRole('alert')).toHaveText('"注册资本（元）"应为金额（元，最多两位小数）。');
  await amend.getByLabel('注册资本').fill('2000000');
  await amend.getByRole('button', { name: '提交变更申请' }).click();
  const filed = await outcome(page, '#amend');
  await expect(filed).toContainText('已最终确认. 已提交变更申请');
  const application = (await filed.textContent())!.match(/变更申请 (\d+)/)![1];
  await expect(page.getByTestId('ent-amendment')).toHaveText(`申请 ${application}`);
  const review = page.getByTestId(`review-${application}-BusinessLicense`);
  await review.getByRole('button', { name: '通过', exact: true }).click();
  await expect(await outcome(page, '#reviews')).toContainText(`申请 ${application}：已通过。`);
  await find.getByRole('button', { name: '查看' }).click();
  await expect(page.getByTestId('ent-name')).toHaveText(renamed);
  await expect(page.getByTestId('ent-version')).toHaveText('1');
  await expect(page.getByTestId('ent-amendment')).toHaveCount(0);

  // A move: released to Chengdu; Sichuan's regulator accepts with the new licence's file.
  const move = page.locator('#move');
  await move.getByLabel('操作').selectOption('request');
  await move.getByLabel('迁入地区').fill('51010');
  await move.getByRole('button', { name: '执行' }).click();
  await expect(move.getByRole('alert')).toHaveText('地区应为 6 位行政区划代码，例如 500000。');
  await move.getByLabel('迁入地区').fill('510100');
  await move.getByRole('button', { name: '执行' }).click();
  await expect(await outcome(page, '#move')).toContainText('已最终确认. 已放行迁往 510100，待迁入地的市场监管部门接收。');
  await expect(page.getByTestId('ent-move')).toHaveText('已放行迁往 510100，待迁入地接收');

  await signInAs(page, 'Bob');
  await find.getByLabel('统一社会信用代码').fill(uscc);
  await find.getByRole('button', { name: '查看' }).click();
  await move.getByLabel('操作').selectOption('accept');
  await move.getByRole('button', { name: '执行' }).click();
  await expect(move.getByRole('alert')).toHaveText('接收迁入须选择新营业执照的文件。');
  await move.getByLabel('新的营业执照文件').setInputFiles({ name: 'licence.ofd', mimeType: 'application/octet-stream', buffer: Buffer.from(`business licence of ${uscc} in Chengdu`) });
  await move.getByRole('button', { name: '执行' }).click();
  const moved = await outcome(page, '#move');
  await expect(moved).toContainText('已最终确认. 企业已迁入 510100，新的营业执照为证照');
  await expect(page.getByTestId('ent-region')).toHaveText('510100');
  await expect(page.getByTestId('ent-authority')).toHaveText('Sichuan Administration for Market Regulation (#1)');
  await expect(page.getByTestId('ent-move')).toHaveCount(0);
  await shot(page, 'console-register');
  const licence = (await moved.textContent())!.match(/为证照 (\d+)/)![1];
  const printable = new URL((await moved.getByTestId('printable').getAttribute('href'))!, page.url()).toString();

  // The former authority no longer may change it.
  await signInAs(page, 'Alice');
  await find.getByLabel('统一社会信用代码').fill(uscc);
  await setStatus('Suspended', '未办成：该企业或申请不在本机构辖区内。');
  await noRawError(page);

  // The public page shows the move and the new licence.
  await page.goto(printable);
  await expect(page.getByTestId('licence-title')).toHaveText(`营业执照 · ${licence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
});

test('a fund centre records a member’s deposits and certifies them to a bank, which checks the certificate; a bank, another centre and an employer outside the region are refused', async ({ page }) => {
  test.setTimeout(180_000);
  const d17 = '50010319920315002';
  const member = d17 + residentCheck(d17);
  await open(page, 'Ferdie');
  await expect(page.locator('#deposit, #certify')).toHaveCount(0); // a bank keeps no deposit records

  await signInAs(page, 'Eve');
  const deposit = page.locator('#deposit');
  const record = async (monthly: string, employer: string) => {
    await deposit.getByLabel('缴存人身份证件号码').fill(member);
    await deposit.getByLabel('公积金假名密钥').fill(seed.fundKey);
    await deposit.getByLabel('账户状态').selectOption('Normal');
    await deposit.getByLabel('月缴存额').fill(monthly);
    await deposit.getByLabel('连续缴存月数').fill('30');
    await deposit.getByLabel('单位所在地区').fill(employer);
    await deposit.getByRole('button', { name: '记录' }).click();
  };
  await record('2400,50', '500103');
  await expect(deposit.getByRole('alert')).toHaveText('"月缴存额（单位和个人合计，元）"应为金额（元，最多两位小数）。');
  await record('2400.50', '510100');
  await expect(await outcome(page, '#deposit')).toHaveText('未办成：单位所在地区不在本中心辖区内。');
  await record('2400.50', '500103');
  await expect(await outcome(page, '#deposit')).toHaveText('等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认. 已记录：正常缴存，缴存档位 4，连续缴存 30 个月。');
  await expect(page.getByTestId('member-standing')).toHaveText('正常缴存 · 档位 4（月缴存 2000–2499.99 元） · 连续缴存 30 个月');
  await expect(page.getByTestId('member-centre')).toHaveText('4');

  const certify = page.locator('#certify');
  await certify.getByLabel('缴存人身份证件号码').fill(member);
  await certify.getByLabel('使用证明的机构编号').fill('5');
  await certify.getByRole('button', { name: '出具证明' }).click();
  const certified = await outcome(page, '#certify');
  await expect(certified).toContainText('已最终确认. 已出具缴存证明');
  const certificate = (await certified.textContent())!.match(/缴存证明 (\d+)/)![1];
  await expect(page.getByTestId('member-certificates')).toHaveText('1');

  // Another centre (//Alice's agency) may not write this member's record.
  await signInAs(page, 'Alice');
  await record('3000', '500103');
  await expect(await outcome(page, '#deposit')).toHaveText('未办成：该缴存人的账户由其他公积金中心管理，本中心不能办理。');

  // The bank checks the certificate addressed to it; for another agency it is worth nothing.
  await signInAs(page, 'Ferdie');
  const check = page.locator('#certificate-check');
  await check.getByLabel('证明编号').fill(certificate);
  await expect(check.getByLabel('使用证明的机构编号')).toHaveValue('5');
  await check.getByRole('button', { name: '核验' }).click();
  await expect(check.getByTestId('certificate-verdict')).toHaveText(`缴存证明 ${certificate} 有效，机构 5 可凭此办理。`);
  await expect(check.getByTestId('certificate-standing')).toHaveText('正常缴存 · 档位 4（月缴存 2000–2499.99 元） · 连续缴存 30 个月');
  await shot(page, 'console-fund-certificate');
  await check.getByLabel('使用证明的机构编号').fill('0');
  await check.getByRole('button', { name: '核验' }).click();
  await expect(check.getByTestId('certificate-verdict')).toHaveText(`缴存证明 ${certificate} 不是出具给机构 0 的，或已过期：机构 0 不能凭它办理。`);
  await noRawError(page);
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

test('a work’s controller licenses and transfers its rights, the transferee accepts, a court rules them back; a licence before registration, by another account and over an exclusive one is refused', async ({ page }) => {
  test.setTimeout(300_000);
  const content: string = seed.rightsContent;
  await open(page, 'Bob//stash');
  const form = page.locator('#rights-act');
  const act = async (action: string, fill: () => Promise<void>, expected: string | RegExp) => {
    await form.getByLabel('或作品哈希').fill(content);
    await form.getByLabel('操作').selectOption(action);
    await fill();
    await form.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#rights-act')).toHaveText(expected);
  };
  const licence = (to: string, exclusive: boolean) => async () => {
    await form.getByLabel('当事人类型').selectOption('Account');
    await form.getByLabel('账户地址、统一社会信用代码或身份证件号码').fill(to);
    for (const right of ['复制权', '信息网络传播权']) await form.getByLabel(right, { exact: true }).check();
    await form.getByLabel('专有许可').setChecked(exclusive);
    await form.getByLabel('许可地域').fill('500000');
    await form.getByLabel('许可截止日期').fill('2030-12-31');
    await form.getByLabel('合同编号或文本').fill(`XK-2026-${to.slice(0, 6)}`);
  };
  // Deposited, not yet registered: it may still be taken by an earlier commitment.
  await act('licence', licence(ADDRESS['Alice//stash'], true), '未办成：作品仍在存证异议期内（可能被更早的承诺取得），登记后或期满后才能转让或许可。');

  await signInAs(page, 'Alice'); // the copyright office registers it
  const work = page.locator('#work-act');
  await work.getByLabel('或作品哈希').fill(content);
  await work.getByLabel('操作').selectOption('register');
  await work.getByRole('button', { name: '执行' }).click();
  await expect(await outcome(page, '#work-act')).toContainText('已登记。');

  await signInAs(page, 'Bob//stash');
  await act('licence', licence(ADDRESS['Alice//stash'], true), /已最终确认\. 已授予许可 #0（专有）。$/);
  await expect(page.getByTestId('grant-0')).toContainText('专有');
  await expect(page.getByTestId('grant-0')).toContainText('复制权、信息网络传播权');
  await act('licence', licence(ADDRESS.Ferdie, false), '未办成：与已有的专有许可在权利、地域和期间上重叠。');
  await form.getByLabel('许可截止日期').fill('');
  await form.getByRole('button', { name: '执行' }).click();
  await expect(form.getByRole('alert')).toHaveText('"许可截止日期"不是日期。');

  // All rights to //Alice//stash: an offer its account accepts.
  await act('transfer', async () => {
    await form.getByLabel('当事人类型').selectOption('Account');
    await form.getByLabel('账户地址、统一社会信用代码或身份证件号码').fill(ADDRESS['Alice//stash']);
    await form.getByLabel('新的控制账户').fill(ADDRESS['Alice//stash']);
    await form.getByLabel('全部权利', { exact: true }).check();
    await form.getByLabel('合同编号或文本').fill('ZR-2026-009');
  }, /已最终确认\. 已发出转让全部权利的要约，待受让方的账户接受后生效。$/);
  await expect(page.getByTestId('rights-offer')).toContainText(ADDRESS['Alice//stash']);

  await signInAs(page, 'Alice//stash');
  await act('licence', licence(ADDRESS.Ferdie, false), '未办成：此账户不是作品的控制账户，不能转让或许可。');
  await act('accept', async () => {}, /已最终确认\. 已接受：成为作品的控制账户。$/);
  await expect(page.getByTestId('rights-holder')).toContainText(ADDRESS['Alice//stash']);
  await expect(page.getByTestId('rights-controller')).toHaveText(ADDRESS['Alice//stash']);

  // A court freezes the work and orders it back to //Bob//stash by its ruling.
  await signInAs(page, 'Alice');
  const court = async (action: string, doc: string, expected: string) => {
    await work.getByLabel('或作品哈希').fill(content);
    await work.getByLabel('操作').selectOption(action);
    await work.getByLabel('案号或文书').fill(doc);
    await work.getByRole('button', { name: '执行' }).click();
    await expect(await outcome(page, '#work-act')).toContainText(expected);
  };
  await court('freeze', '(2026)渝01民初456号', '已冻结。');
  await work.getByLabel('当事人类型').selectOption('Account');
  await work.getByLabel('账户地址、统一社会信用代码或身份证件号码').fill(ADDRESS['Bob//stash']);
  await work.getByLabel('新的控制账户').fill(ADDRESS['Bob//stash']);
  await court('ruleTransfer', '(2026)渝01民初456号 民事判决书', '已依裁判转让。');
  await court('unfreeze', '(2026)渝01民初456号 执行完毕', '已解除冻结。');
  await expect(page.getByTestId('rights-holder')).toContainText(ADDRESS['Bob//stash']);
  await expect(page.getByTestId('rights-controller')).toHaveText(ADDRESS['Bob//stash']);
  await expect(page.getByTestId('rights-frozen')).toHaveText('否');
  await noRawError(page);
  await shot(page, 'console-rights');
});
