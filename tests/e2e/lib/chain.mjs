// Helpers shared by the end-to-end tests: connect as a front-end would, submit a
// transaction and wait for finality, decode dispatch errors.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Connects to the node the harness started, with no custom type definitions. */
export async function connect() {
  const url = process.env.GOVCHAIN_WS || 'ws://127.0.0.1:9944';
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });
  return api;
}

/** The well-known development accounts (//Alice, //Bob, ...). */
export function devAccounts() {
  const keyring = new Keyring({ type: 'sr25519' });
  const names = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
  return Object.fromEntries(names.map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
}

/** Human-readable name of a failed dispatch (`balances.InsufficientBalance`). */
export function describeDispatchError(api, err) {
  if (err.isModule) {
    const meta = api.registry.findMetaError(err.asModule);
    return `${meta.section}.${meta.name}`;
  }
  return err.toString();
}

/**
 * Signs and submits `tx`, resolves once its block is finalized with
 * `{ blockHash, blockNumber, events, index }`; rejects with the decoded error if
 * the pool refuses it or the dispatch fails.
 */
export function sendAndFinalize(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, async (result) => {
      const { status, events, dispatchError, txIndex } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
        return;
      }
      if (!status.isFinalized) return;
      unsub();
      if (dispatchError) {
        reject(new Error(describeDispatchError(api, dispatchError)));
        return;
      }
      const blockHash = status.asFinalized;
      const header = await api.rpc.chain.getHeader(blockHash);
      resolve({ blockHash, blockNumber: header.number.toNumber(), events, index: txIndex });
    }).then((u) => { unsub = u; }, reject);
  });
}

/** The events of `section.method` among `events`, as their `.event.data`. */
export function eventsOf(events, section, method) {
  return events
    .filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}
