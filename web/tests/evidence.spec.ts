// Evidence files on the public page, in Chromium: a licence's and a work's file
// downloaded from their results (the node's evidence_bundle), then checked in the page by
// the verifier compiled to WebAssembly against the checkpoint published with the site
// (tests/run.mjs writes the node's, as an operator would). Altered files, another
// chain's checkpoint and a file that is no bundle are refused with the reason.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const seed = JSON.parse(readFileSync(process.env.GOVCHAIN_SEED as string, 'utf8'));
const rpcUrl = process.env.GOVCHAIN_RPC as string;
const rpc = encodeURIComponent(rpcUrl);
const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function call(method: string, params: unknown[] = []) {
  const r = await fetch(rpcUrl.replace(/^ws/, 'http'), {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
  });
  return (await r.json()).result;
}

// A bundle proves a record at a block with a stored justification (one every 16
// finalized blocks): wait until finality has passed the one after the seeded records.
test.beforeAll(async () => {
  test.setTimeout(150_000);
  const target = (Math.floor(seed.workBlock / 16) + 1) * 16;
  for (;;) {
    const head = await call('chain_getHeader', [await call('chain_getFinalizedHead')]);
    if (parseInt(head.number, 16) >= target) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
});

/** Clicks the result's download button and returns the file's path and text. */
async function download(page: Page) {
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载证据文件' }).click();
  const file = await saved;
  const path = await file.path();
  await expect(page.getByRole('alert')).toContainText(`已下载 ${file.suggestedFilename()}`);
  return { path, text: readFileSync(path, 'utf8'), name: file.suggestedFilename() };
}

async function checkFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByRole('tab', { name: '证据文件' }).click();
  await page.locator('#bundle-file').setInputFiles(file);
}

const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test("a licence's evidence file: downloaded from its result, proven in the page; altered, refused", async ({ page }) => {
  await page.goto(`/verify/?rpc=${rpc}&licence=${seed.licence}`);
  await expect(page.getByTestId('status')).toHaveText('有效');
  const bundle = await download(page);
  expect(bundle.name).toBe(`govchain-evidence-licence-${seed.licence}.json`);
  expect(JSON.parse(bundle.text).format).toBe('govchain-evidence/1');

  await checkFile(page, bundle.path);
  await expect(page.getByTestId('checkpoint')).toContainText('核验依据：本站公布的检查点');
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✔ 证据成立');
  const words = page.getByTestId('evidence-words');
  await expect(words).toContainText(`licence ${seed.licence} at block #`);
  await expect(words).toContainText('status Active');
  await expect(words).toContainText('finalized by 1 of 1 validators of authority set 0');
  await expect(words).toContainText(/Created by extrinsic \d+-\d+ \(Licenses\.issue\) signed by 5/);
  await shot(page, 'evidence-licence');

  // One hex digit of the licence's stored value changed.
  const altered = JSON.parse(bundle.text);
  altered.state.entries[0].value = altered.state.entries[0].value.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'));
  await page.locator('#bundle-file').setInputFiles(asFile('altered.json', JSON.stringify(altered)));
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✗ 证据不成立');
  await expect(page.getByTestId('evidence-words')).toContainText('is not the value the proof gives (altered)');
  await shot(page, 'evidence-altered');

  // The justification's signature bytes changed.
  const forged = JSON.parse(bundle.text);
  const j: string = forged.finality.at(-1).justification;
  forged.finality.at(-1).justification = j.slice(0, 200) + (j[200] === 'a' ? 'b' : 'a') + j.slice(201);
  await page.locator('#bundle-file').setInputFiles(asFile('forged.json', JSON.stringify(forged)));
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✗ 证据不成立');
  await expect(page.getByTestId('evidence-words')).toContainText('is not proven final');

  await page.locator('#bundle-file').setInputFiles(asFile('notes.json', 'minutes of the meeting'));
  await expect(page.getByTestId('evidence-words')).toContainText('not a GovChain evidence bundle');
});

test("a work's evidence file proves its deposit; against another chain's checkpoint it proves nothing", async ({ page }) => {
  await page.goto(`/verify/?rpc=${rpc}&tab=work`);
  await page.locator('#work-file').setInputFiles(seed.workFile);
  await expect(page.getByTestId('work-title')).toHaveText('已存证: 山城夜曲');
  const bundle = await download(page);
  await checkFile(page, bundle.path);
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✔ 证据成立');
  await expect(page.getByTestId('evidence-words')).toContainText(`work ${seed.content} at block #`);
  await expect(page.getByTestId('evidence-words')).toContainText(`deposited by ${seed.depositor} in block #${seed.workBlock}`);
  await expect(page.getByTestId('evidence-words')).toContainText(/Created by extrinsic \d+-\d+ \(Copyright\.deposit\)/);

  // A checkpoint file naming another chain (same validators, other genesis hash).
  const published = await call('evidence_checkpoint');
  const other = { ...published, genesisHash: `0x${'ab'.repeat(32)}` };
  await page.getByLabel('改用其他检查点文件').setInputFiles(asFile('other-chain.json', JSON.stringify(other)));
  await expect(page.getByTestId('checkpoint')).toContainText('检查点文件 other-chain.json');
  await page.locator('#bundle-file').setInputFiles(bundle.path);
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✗ 证据不成立');
  await expect(page.getByTestId('evidence-words')).toContainText('the bundle is for the chain with genesis');
  await page.getByLabel('改用其他检查点文件').setInputFiles(asFile('x.json', '{"format":"something else"}'));
  await expect(page.getByRole('alert')).toHaveText('这不是 GovChain 检查点文件（govchain-checkpoint/1）。');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Evidence file' }).click();
  await page.locator('#bundle-file').setInputFiles(bundle.path);
  await expect(page.getByTestId('evidence-verdict')).toHaveText('✗ The evidence does not hold');
  await shot(page, 'evidence-other-chain-en');
});

test("an enterprise's evidence file is proven without any connection to a node", async ({ page }) => {
  await page.goto(`/verify/?rpc=${rpc}&uscc=${seed.uscc}`);
  await expect(page.getByTestId('enterprise-status')).toHaveText('有效');
  const bundle = await download(page);
  const fresh = await page.context().newPage();
  const sockets: string[] = [];
  fresh.on('websocket', (ws) => sockets.push(ws.url()));
  await fresh.goto(`/verify/?rpc=${rpc}&tab=evidence`);
  await fresh.locator('#bundle-file').setInputFiles(bundle.path);
  await expect(fresh.getByTestId('evidence-verdict')).toHaveText('✔ 证据成立');
  await expect(fresh.getByTestId('evidence-words')).toContainText(`enterprise ${seed.uscc} at block #`);
  expect(sockets).toEqual([]);
});
