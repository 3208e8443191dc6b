// Depositing a work from the console by an account of no agency (//Alice//stash): the
// file hashed in the page, the commitment signed and finalized, then the deposit that
// reveals it; the work read on chain by its content hash, and the public page's work
// check given the same file (deposited, by whom, in which block) and another one (not
// deposited). A deposit without a file, with an empty title or a bad region is refused
// in the page and nothing is signed.

import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { blake2AsHex, randomAsU8a } from '@polkadot/util-crypto';
import { ADDRESS, chain, countSubmissions, noRawError, open, shot } from './console-lib';

test('an account of no agency deposits a work by its file; the public page finds it by the same file and not by another', async ({ page }) => {
  test.setTimeout(180_000);
  const bytes = randomAsU8a(3000);
  const workFile = test.info().outputPath('manuscript.txt');
  const otherFile = test.info().outputPath('manuscript-edited.txt');
  writeFileSync(workFile, bytes);
  writeFileSync(otherFile, new Uint8Array([...bytes.slice(0, 2999), bytes[2999] ^ 1]));
  const content = blake2AsHex(bytes, 256);
  const title = `巴渝山歌集 ${Date.now().toString(36)}`;
  const me = ADDRESS['Alice//stash'];

  const sent = countSubmissions(page);
  await open(page, 'Alice//stash');
  const form = page.locator('#deposit-work');
  const out = form.locator('output');
  // The signer's own account is offered as author and holder.
  await expect(form.locator('[name="authors"]')).toHaveValue(me);
  await expect(form.locator('[name="holder"]')).toHaveValue(me);
  await form.locator('[name="region"]').fill('500103');
  await form.locator('[name="completed"]').fill('2026-03-01');
  await form.locator('[name="category"]').selectOption('Text');

  // Refused in the page, nothing signed: no file, an empty title, a bad region.
  const submit = form.getByRole('button', { name: '提交承诺并存证' });
  await form.locator('[name="title"]').fill(title);
  await submit.click();
  await expect(out).toHaveText('请选择要存证的作品文件。');
  await expect(out).toHaveAttribute('role', 'alert');
  await form.locator('[name="file"]').setInputFiles(workFile);
  await form.locator('[name="title"]').fill('   ');
  await submit.click();
  await expect(out).toHaveText('请填写"作品名称"。');
  await form.locator('[name="title"]').fill(title);
  await form.locator('[name="region"]').fill('50010');
  await submit.click();
  await expect(out).toHaveText('地区应为 6 位行政区划代码，例如 500000。');
  await shot(page, 'console-deposit-refused');
  expect(sent.n).toBe(0);
  expect((await (await chain()).call.copyrightApi.work(content) as any).isNone).toBe(true);

  // The deposit: commitment, finalized; then the reveal.
  await form.locator('[name="region"]').fill('500103');
  await submit.click();
  await expect(out).toHaveAttribute('data-stage', /^commit-/);
  await expect(out).toHaveAttribute('data-stage', /^(finalized|refused)$/, { timeout: 120_000 });
  await expect(out).toHaveAttribute('data-stage', 'finalized');
  await expect(out).toContainText('第 1 步 承诺: 等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认');
  await expect(out).toContainText('第 2 步 存证: 等待签名… → 已签名并提交 → 已打包进区块 → 已最终确认');
  await expect(form.getByTestId('deposit-hash')).toHaveText(content);
  const block = Number(await form.getByTestId('deposit-block').textContent());
  await noRawError(page);
  await shot(page, 'console-deposit-done');
  expect(sent.n).toBe(2);

  // On chain, by the test's own connection.
  const api = await chain();
  const found: any = await api.call.copyrightApi.work(content);
  expect(found.isSome).toBe(true);
  const work = found.unwrap();
  expect(work.depositor.toString()).toBe(me);
  expect(work.deposited.block.toNumber()).toBe(block);
  expect(new TextDecoder().decode(work.title.toU8a(true))).toBe(title);
  expect(work.holder.isAccount && work.holder.asAccount.toString()).toBe(me);
  expect(work.authors.length).toBe(1);
  expect(work.committed.toNumber()).toBeLessThan(block);

  // The public page's work check, from the console's link: the same file was deposited,
  // by whom and in which block; a file one bit apart was not.
  await form.getByTestId('deposit-check').click();
  await expect(page).toHaveURL(/\/verify\/\?.*tab=work/);
  await page.locator('#work-file').setInputFiles(workFile);
  await expect(page.getByTestId('file-hash')).toHaveText(content);
  await expect(page.getByTestId('work-title')).toHaveText(`已存证: ${title}`);
  await expect(page.getByTestId('work-block')).toHaveText(String(block));
  await expect(page.getByTestId('depositor')).toHaveText(me);
  await shot(page, 'verify-deposited-from-console');
  await page.locator('#work-file').setInputFiles(otherFile);
  await expect(page.getByRole('alert')).toHaveText(/此文件未在 GovChain 存证/);
  await expect(page.getByTestId('file-hash')).not.toHaveText(content);
});
