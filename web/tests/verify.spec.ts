// The public verification page in Chromium, against a node holding the records that
// tests/seed.mjs put there (tests/run.mjs starts both). Only the page is used: what a
// member of the public sees and types.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import qrcode from 'qrcode-generator';

const seed = JSON.parse(readFileSync(process.env.GOVCHAIN_SEED as string, 'utf8'));
const rpc = encodeURIComponent(process.env.GOVCHAIN_RPC as string);
const open = (page: Page, query = '') => page.goto(`/verify/?rpc=${rpc}${query}`);
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** Counts the WebSocket connections the page opens (a query needs one). */
function sockets(page: Page) {
  const seen: string[] = [];
  page.on('websocket', (ws) => seen.push(ws.url()));
  return seen;
}

test('a licence by its number: type, issuer, validity, status and recognition, in Chinese then English', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('GovChain 公共核验');
  await page.getByLabel('证照编号').fill(String(seed.licence));
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('licence-title')).toHaveText(`律师执业证 · ${seed.licence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
  await expect(page.getByTestId('verdict')).toHaveText('在所选地区 500000: 有效，本地区证照类型');
  // The QR code to print on the licence holds the link that opens it here.
  const link = await page.getByTestId('qr-link').textContent();
  expect(new URL(link!).searchParams.get('licence')).toBe(String(seed.licence));
  const qr = qrcode(0, 'M');
  qr.addData(link!, 'Byte');
  qr.make();
  const modules = qr.createSvgTag({ cellSize: 3, margin: 2, scalable: true }).match(/ d="([^"]+)"/)![1];
  expect(await page.getByTestId('qr').locator('path').getAttribute('d')).toBe(modules);
  await shot(page, 'licence-zh');
  await page.goto(link!);
  await expect(page.getByTestId('licence-title')).toHaveText(`律师执业证 · ${seed.licence}`);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Licence number').fill(String(seed.licence));
  await page.getByLabel('Region of use').fill('510000');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('status')).toHaveText('Active');
  await expect(page.getByTestId('verdict')).toHaveText('In the chosen region 510000: valid, but this region does not recognise its type');
  await shot(page, 'licence-en');
});

test("the QR code's link opens a suspended licence with the reason of its last change", async ({ page }) => {
  await open(page, `&licence=${seed.suspended}`);
  await expect(page.getByTestId('status')).toHaveText('暂停');
  await expect(page.getByTestId('verdict')).toContainText('无效：暂停');
  await expect(page.getByTestId('record')).toContainText('原因代码 7');
  await shot(page, 'licence-suspended');
});

test('a mistyped licence number or region gets a sentence, an unknown number another', async ({ page }) => {
  const ws = sockets(page);
  await open(page);
  await page.getByLabel('证照编号').fill('12a');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toHaveText('请输入证照编号（数字）。');
  await page.getByLabel('证照编号').fill('1');
  await page.getByLabel('使用地区').fill('5000');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toHaveText('地区应为 6 位行政区划代码，例如 500000。');
  expect(ws).toEqual([]);
  await page.getByLabel('使用地区').fill('500000');
  await page.getByLabel('证照编号').fill('999999');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toHaveText('没有编号为 999999 的证照。请核对证照上的编号。');
  expect(ws.length).toBe(1);
});

test('a work by its file: hashed in the page, found with its block and depositor; a changed file is not', async ({ page }) => {
  await open(page, '&tab=work');
  await page.locator('#work-file').setInputFiles(seed.workFile);
  await expect(page.getByTestId('file-hash')).toHaveText(seed.content);
  await expect(page.getByTestId('work-title')).toHaveText('已存证: 山城夜曲');
  await expect(page.getByTestId('work-block')).toHaveText(String(seed.workBlock));
  await expect(page.getByTestId('depositor')).toHaveText(seed.depositor);
  await expect(page.getByTestId('registration')).toHaveText('待审核');
  await shot(page, 'work');
  await page.locator('#work-file').setInputFiles(seed.otherFile);
  await expect(page.getByRole('alert')).toHaveText(/此文件未在 GovChain 存证/);
  await expect(page.getByTestId('file-hash')).not.toHaveText(seed.content);
});

test('a mistyped USCC is refused in the page before any query; the right one shows the enterprise and its licence', async ({ page }) => {
  const ws = sockets(page);
  await open(page, '&tab=enterprise');
  const uscc: string = seed.uscc;
  const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
  await page.getByLabel('统一社会信用代码').fill(wrong);
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toHaveText(`校验位不符：按前 17 位，第 18 位应为"${uscc[17]}"。请核对是否输错。`);
  await page.getByLabel('统一社会信用代码').fill(uscc.slice(0, 17));
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toHaveText('统一社会信用代码应为 18 位，您输入了 17 位。');
  await page.getByLabel('统一社会信用代码').fill(uscc.slice(0, 10) + 'O' + uscc.slice(11));
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByRole('alert')).toContainText('第 11 位的"O"');
  await shot(page, 'enterprise-mistyped');
  expect(ws).toEqual([]);
  await page.getByLabel('统一社会信用代码').fill(uscc.toLowerCase());
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('enterprise-status')).toHaveText('有效');
  await expect(page.getByTestId('enterprise-name')).toContainText('重庆云端科技');
  await expect(page.getByTestId('history')).toContainText('Established');
  await shot(page, 'enterprise');
  await page.getByTestId('enterprise-licence').click();
  await expect(page.getByTestId('licence-title')).toHaveText(`营业执照 · ${seed.enterpriseLicence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
});
