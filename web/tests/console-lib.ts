// What the console's browser tests share: the development accounts, signing in through
// the page, and waiting for a form's transaction to end.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

export const seed = JSON.parse(readFileSync(process.env.GOVCHAIN_SEED as string, 'utf8'));
const rpc = encodeURIComponent(process.env.GOVCHAIN_RPC as string);
export const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
export const ADDRESS: Record<string, string> = {
  Alice: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  Bob: '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty',
  Charlie: '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y',
  Dave: '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy',
  Eve: '5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw',
  Ferdie: '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL',
  'Alice//stash': '5GNJqTPyNqANBkUVMN1LPPrxXnFouWXoe2wNSmmEoLctxiZY',
  'Bob//stash': '5HpG9w8EBLe5XCrbczpwq5TSXvedjrBGCwqxK1iQ7qUsSWFc',
};

export async function signInAs(page: Page, name: string) {
  await page.locator('#account').selectOption(ADDRESS[name]); // labelled in either language
  await expect(page.getByTestId('account')).toContainText(ADDRESS[name]);
}
export const open = async (page: Page, name: string) => {
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('GovChain')) console.log(`[${test.info().title.slice(0, 40)}] ${m.text()}`); });
  await page.goto(`/console/?rpc=${rpc}`);
  await signInAs(page, name);
};
/** The output of the form holding `button`, once it shows finalized or a refusal. */
export async function outcome(page: Page, form: string) {
  const out = page.locator(`${form} output`);
  await expect(out).toHaveAttribute('data-stage', /finalized|refused/, { timeout: 60_000 });
  return out;
}
/** A connection of the test's own to the node, to read what the page did to the chain
 * (the worker's, closed with it). */
let connection: Promise<import('@polkadot/api').ApiPromise> | null = null;
export function chain() {
  connection ??= import('@polkadot/api').then(({ ApiPromise, WsProvider }) =>
    ApiPromise.create({ provider: new WsProvider(process.env.GOVCHAIN_RPC as string), noInitWarn: true }));
  return connection;
}
/** Counts the transactions the page hands to the node (to prove that none went out). */
export function countSubmissions(page: Page) {
  const count = { n: 0 };
  page.on('websocket', (ws) => ws.on('framesent', (f) => { if (String(f.payload).includes('"author_submitAndWatchExtrinsic"')) count.n++; }));
  return count;
}
export const noRawError = async (page: Page) => expect(page.locator('body')).not.toContainText(/Module|\{ *index|DispatchError/);

