// What the console's browser tests share: the development accounts, signing in through
// the page, and waiting for a form's transaction to end.

import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

export const seed = JSON.parse(readFileSync(process.env.GOVCHAIN_SEED as string, 'utf8'));
/** The test node's address, as the pages take it (`?rpc=`). */
export const rpc = encodeURIComponent(process.env.GOVCHAIN_RPC as string);
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

/** Chooses a development key by name (`Bob`, `Alice//stash`), or any offered account by address. */
export async function signInAs(page: Page, name: string) {
  const address = ADDRESS[name] ?? name;
  await page.locator('#account').selectOption(address); // labelled in either language
  await expect(page.getByTestId('account')).toContainText(address);
}
/** Pages whose GovChain warnings are already relayed to the test's output. */
const relayed = new WeakSet<Page>();
/** Opens the console on the test node (its warnings relayed once per page, however often opened). */
export async function openConsole(page: Page) {
  if (!relayed.has(page)) {
    relayed.add(page);
    page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('GovChain')) console.log(`[${test.info().title.slice(0, 40)}] ${m.text()}`); });
  }
  await page.goto(`/console/?rpc=${rpc}`);
}
export const open = async (page: Page, name: string) => {
  await openConsole(page);
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


/** What the fake extension's page side records: the origins that enabled it, the accounts
 * whose signature was asked for, and whether the user refuses the next signature. */
interface FakeExtensionState { enabledBy: string[]; asked: string[]; reject: boolean }
declare global { interface Window { govchainTestExtension: FakeExtensionState } }

/**
 * Installs a browser extension in `page` before any of its scripts run, as the polkadot.js
 * extension injects itself: `window.injectedWeb3[source]` whose `enable(origin)` gives
 * `accounts.get`/`accounts.subscribe` (the given names and addresses) and a `signer` whose
 * `signPayload` asks the user (refused with the extension's `Cancelled` while `reject(true)`)
 * and signs the payload with the account's key, here in the test process with the chain's
 * registry, as the extension's background does with its own. The keys never enter the page.
 */
export async function fakeExtension(page: Page, keys: { pair: import('@polkadot/keyring/types').KeyringPair; name: string }[], source = 'polkadot-js') {
  const api = await chain();
  const signed: string[] = [];
  await page.exposeFunction('govchainTestExtensionSign', (payload: import('@polkadot/types/types').SignerPayloadJSON) => {
    const key = keys.find((k) => k.pair.address === payload.address);
    if (!key) throw new Error(`the extension holds no key for ${payload.address}`);
    signed.push(payload.address);
    return api.registry.createType('ExtrinsicPayload', payload, { version: payload.version }).sign(key.pair).signature;
  });
  await page.addInitScript(({ accounts, source }) => {
    const state: FakeExtensionState = { enabledBy: [], asked: [], reject: false };
    const w = window as unknown as { injectedWeb3?: Record<string, unknown>; govchainTestExtensionSign: (p: unknown) => Promise<string> };
    window.govchainTestExtension = state;
    w.injectedWeb3 = w.injectedWeb3 ?? {};
    let id = 0;
    w.injectedWeb3[source] = {
      version: '0.63.1',
      enable: async (origin: string) => {
        state.enabledBy.push(origin);
        return {
          accounts: {
            get: async () => accounts,
            subscribe: (cb: (list: typeof accounts) => void) => { cb(accounts); return () => {}; },
          },
          signer: {
            signPayload: async (payload: { address: string }) => {
              state.asked.push(payload.address);
              if (state.reject) throw new Error('Cancelled');
              return { id: ++id, signature: await w.govchainTestExtensionSign(payload) };
            },
          },
        };
      },
    };
  }, { accounts: keys.map((k) => ({ address: k.pair.address, name: k.name, type: 'sr25519' })), source });
  return {
    /** The addresses the extension signed for, in order (in the test process). */
    signed,
    /** Whether the user refuses the signatures the page asks for from now on. */
    reject: (on: boolean) => page.evaluate((v) => { window.govchainTestExtension.reject = v; }, on),
    /** What the page did with the extension: who enabled it, whose signatures it asked for. */
    state: () => page.evaluate(() => window.govchainTestExtension),
  };
}
