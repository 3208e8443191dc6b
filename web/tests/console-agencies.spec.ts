// The agency console in Chromium, each department in its own test: the review queues,
// the copyright office and court (with the evidence sheet for a court), the council, and
// one-stop registration from application to a verified business licence (the three
// departments in three browser contexts at once). Signed through the page only with the
// development keys; wrong parties refused in words.

import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chain, noRawError, open, outcome, rpc, seed, shot, signInAs } from './console-lib';

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

test('the copyright office registers a deposited work; a court freezes it, attaches evidence, unfreezes it, exports the evidence file and prints the sheet of its blocks and extrinsics', async ({ page }) => {
  test.setTimeout(240_000);
  await open(page, 'Charlie');
  await expect(page.locator('#copyright')).toHaveCount(0); // no copyright role, no panel
  await signInAs(page, 'Alice');
  const form = page.locator('#work-act');
  await form.getByLabel('作品文件').setInputFiles(seed.consoleWorkFile);
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
  expect(file.suggestedFilename()).toBe(`govchain-evidence-work-${seed.consoleContent.slice(0, 18)}.json`);
  const bundle = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(bundle.format).toMatch(/^govchain-evidence\//);
  await noRawError(page);
  await shot(page, 'console-copyright');

  // The printable sheet for the court: each block and extrinsic as any node tells them.
  const popup = page.waitForEvent('popup');
  await form.getByRole('button', { name: '法院用证据清单（可打印）' }).click();
  const sheet = await popup;
  await expect(sheet.getByTestId('court-verdict')).toHaveText('✔ 证据成立', { timeout: 30_000 });
  await expect(sheet.getByTestId('court-record')).toHaveText(`作品 ${seed.consoleContent}`);
  const api = await chain();
  const work = (await api.call.copyrightApi.work(seed.consoleContent) as any).unwrap();
  const depositBlock = work.deposited.block.toNumber(), depositIndex = work.deposited.extrinsicIndex.toNumber();
  const onNode = async (n: number) => {
    const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
    return { hash, extrinsics: (await api.rpc.chain.getBlock(hash)).block.extrinsics.map((x) => x.hash.toHex()) };
  };
  const deposit = await onNode(depositBlock);
  await expect(sheet.getByTestId('court-blocks').locator(`tr[data-number="${depositBlock}"]`).first()).toHaveAttribute('data-hash', deposit.hash);
  const created = sheet.getByTestId('court-extrinsics').locator(`tr[data-index="${depositIndex}"]`);
  await expect(created).toHaveAttribute('data-hash', deposit.extrinsics[depositIndex]);
  await expect(created).toContainText('创建记录的交易');
  // Every entry of the work's record: deposited, registered, frozen, evidence, unfrozen.
  const rows = sheet.getByTestId('court-history').locator('tr[data-seq]');
  await expect(rows).toHaveCount(5);
  await expect(sheet.getByTestId('court-history')).toContainText('司法冻结 · 机构 0');
  for (let i = 0; i < 5; i++) {
    const row = rows.nth(i);
    const n = Number(await row.getAttribute('data-block'));
    const node = await onNode(n);
    await expect(row).toHaveAttribute('data-block-hash', node.hash);
    await expect(row).toHaveAttribute('data-hash', node.extrinsics[Number(await row.getAttribute('data-index'))]);
  }
  await sheet.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('button', { name: '打印' })).toBeHidden();
  await sheet.pdf({ path: test.info().outputPath('court-evidence-sheet.pdf') });
  await shot(sheet, 'court-evidence-sheet');

  // The same sheet from the exported file alone, in a page that opens no connection.
  const offline = await page.context().newPage();
  const sockets: string[] = [];
  offline.on('websocket', (ws) => sockets.push(ws.url()));
  await offline.goto(`/court/?rpc=${encodeURIComponent(process.env.GOVCHAIN_RPC as string)}`);
  await offline.locator('#court-file').setInputFiles(await file.path());
  await expect(offline.getByTestId('court-verdict')).toHaveText('✔ 证据成立', { timeout: 30_000 });
  await expect(offline.getByTestId('court-extrinsics').locator(`tr[data-index="${depositIndex}"]`)).toHaveAttribute('data-hash', deposit.extrinsics[depositIndex]);
  await expect(offline.getByTestId('court-history')).toHaveCount(0);
  await offline.locator('#court-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"case": 1}') });
  await expect(offline.getByRole('alert')).toHaveText('这不是 GovChain 证据文件（govchain-evidence）。');
  expect(sockets).toEqual([]);
});

test('council members propose a role for an agency, vote and close the motion; a second vote and a non-member are refused', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'Bob');
  const propose = page.locator('#propose');
  await propose.getByLabel('议案内容').selectOption('grantRole');
  await propose.getByLabel('机构编号').fill('3');
  await propose.locator('select[name=role]').selectOption('Auditor');
  await propose.getByRole('button', { name: '提出' }).click();
  const proposed = await outcome(page, '#propose');
  await expect(proposed).toContainText('已提出议案 #');
  const index = (await proposed.textContent())!.match(/议案 #(\d+)/)![1];
  const row = page.getByTestId(`motion-${index}`);
  await expect(row).toContainText('consortium.grantRole(3, Auditor)');
  await expect(page.getByTestId(`motion-${index}-votes`)).toHaveText('赞成 0，反对 0，需 2 票通过');
  const vote = async (name: string, expected: string) => {
    await row.getByRole('button', { name, exact: true }).click();
    await expect(await outcome(page, '#motion-box')).toContainText(expected);
  };
  await vote('赞成', `已对议案 #${index} 投赞成票。`);
  await vote('赞成', '未办成：您已对该议案投过同样的票。');
  await vote('结束表决', '未办成：赞成票尚不足，且表决期未满，不能结束表决。');

  await signInAs(page, 'Ferdie');
  await expect(page.locator('#council')).toHaveCount(0);
  await signInAs(page, 'Charlie');
  await vote('赞成', `已对议案 #${index} 投赞成票。`);
  await expect(page.getByTestId(`motion-${index}-votes`)).toHaveText('赞成 2，反对 0，需 2 票通过');
  await vote('结束表决', `议案 #${index} 已通过并执行。`);
  await expect(row).toHaveCount(0);
  await shot(page, 'console-council');

  await signInAs(page, 'Dave');
  await expect(page.getByTestId('roles')).toHaveText('税务、审计');
});

test('one-stop registration: an applicant applies, the three departments approve at once each in its own browser, the applicant sees each review arrive, and the public verifies the business licence', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await open(page, 'Alice//stash');
  await expect(page.getByTestId('acting')).toHaveText('此账户不是任何机构的经办人：可作为持证人办理授权、查看用证记录。');
  await expect(page.locator('#issuer, #use, #reviews, #council')).toHaveCount(0);
  const form = page.locator('#apply-form');
  const name = `重庆江北智造 ${Date.now().toString(36)} 有限公司`;
  await form.getByLabel('企业名称').fill(name);
  await form.getByLabel('注册资本').fill('1000000');
  await form.getByLabel('法定代表人假名').fill('12345');
  await form.getByRole('button', { name: '提交申请' }).click();
  await expect(form.getByRole('alert')).toHaveText('法定代表人假名应为 0x 开头的 64 位十六进制数字。');
  await form.getByLabel('法定代表人假名').fill(`0x${'3c'.repeat(32)}`);
  await form.getByRole('button', { name: '提交申请' }).click();
  const applied = await outcome(page, '#apply-form');
  await expect(applied).toContainText('各部门将并行审核');
  const id = (await applied.textContent())!.match(/已提交申请 (\d+)/)![1];
  await expect(page.getByTestId('app-status')).toHaveText('审核中');
  for (const s of ['BusinessLicense', 'SealEngraving', 'TaxRegistration']) await expect(page.getByTestId(`app-${id}-${s}`)).toContainText('待审核');
  // The applicant's page is never reloaded from here on: what it shows arrives by itself.
  await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true; });

  // Chongqing's three departments (development preset: //Alice's demo agency regulates the
  // market, //Charlie's is the seal authority, //Dave's the tax authority), each in a
  // browser context of its own, find the application in their queues...
  const departments = [
    { who: 'Alice', agency: 0, service: 'BusinessLicense' },
    { who: 'Charlie', agency: 2, service: 'SealEngraving' },
    { who: 'Dave', agency: 3, service: 'TaxRegistration' },
  ];
  const contexts = await Promise.all(departments.map(() => browser.newContext()));
  try {
    const clerks = await Promise.all(departments.map(async (d, i) => {
      const clerk = await contexts[i].newPage();
      await open(clerk, d.who);
      const row = clerk.getByTestId(`review-${id}-${d.service}`);
      await expect(row).toContainText(name);
      return { ...d, clerk, row };
    }));
    // ...and approve it at the same time; the applicant's page shows each approval once
    // its block is final.
    await Promise.all(clerks.map(async ({ clerk, row, agency, service }) => {
      await row.getByRole('button', { name: '通过', exact: true }).click();
      await expect(await outcome(clerk, '#reviews')).toContainText(`申请 ${id}：已通过。`);
      await expect(row).toHaveCount(0);
      await shot(clerk, `console-review-${service}`);
      await expect(page.getByTestId(`app-${id}-${service}`)).toContainText(`机构 ${agency} 已通过`, { timeout: 30_000 });
    }));
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
  await expect(page.getByTestId('app-status')).toContainText('已办结，企业已设立 · USCC ', { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  const uscc = (await page.getByTestId('app-status').textContent())!.match(/USCC (\w{18})/)![1];
  await shot(page, 'console-applicant');

  // On chain: the enterprise, registered by the market regulator, with its business licence.
  const api = await chain();
  const app = ((await api.call.enterprisesApi.application(Number(id))) as any).unwrap();
  expect(app.status.isApproved).toBe(true);
  expect(new TextDecoder().decode(app.status.asApproved.toU8a(true))).toBe(uscc);
  const enterprise = ((await api.call.enterprisesApi.enterprise(uscc)) as any).unwrap();
  expect(enterprise.authority.toNumber()).toBe(0);
  const licence = enterprise.license.toNumber();

  // Anyone, in a fourth browser, verifies the business licence on the public page.
  const publicContext = await browser.newContext();
  try {
    const pub = await publicContext.newPage();
    await pub.goto(`/verify/?rpc=${rpc}&licence=${licence}`);
    await expect(pub.getByTestId('licence-title')).toHaveText(`营业执照 · ${licence}`);
    await expect(pub.getByTestId('status')).toHaveText('有效');
    await expect(pub.getByTestId('verdict')).toHaveText('在所选地区 500000: 有效，本地区证照类型');
    await expect(pub.locator('#result')).toContainText(uscc);
    await shot(pub, 'verify-business-licence');
  } finally {
    await publicContext.close();
  }
});
