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
  // Other variants: BadOrigin, CannotLookup, Token(...), Arithmetic(...), ...
  return err.type ?? err.toString();
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

/**
 * Passes a council motion: `proposer` proposes `call` with `threshold` ayes needed,
 * the proposer and each of `voters` vote aye (proposing is not voting), then the
 * motion is closed. Resolves with the events of the closing block; rejects if the motion was
 * not executed successfully.
 */
export async function passMotion(api, call, { proposer, voters, threshold }) {
  const lengthBound = call.method.encodedLength;
  const { events: proposed } = await sendAndFinalize(
    api, api.tx.council.propose(threshold, call, lengthBound), proposer);
  const [p] = eventsOf(proposed, 'council', 'Proposed');
  if (!p) throw new Error('council.Proposed not emitted');
  const hash = p.proposalHash;
  const index = p.proposalIndex;
  for (const v of [proposer, ...voters]) {
    await sendAndFinalize(api, api.tx.council.vote(hash, index, true), v);
  }
  const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, lengthBound);
  const { events } = await sendAndFinalize(
    api, api.tx.council.close(hash, index, info.weight, lengthBound), proposer);
  const [executed] = eventsOf(events, 'council', 'Executed');
  if (!executed) throw new Error('motion closed without execution');
  if (executed.result.isErr) {
    throw new Error(`motion executed with error ${describeDispatchError(api, executed.result.asErr)}`);
  }
  return events;
}

/** Unwraps a runtime-API `Result<T, DispatchError>`: the value, or the error's name. */
export function apiResult(api, result) {
  if (result.isOk) return { ok: result.asOk };
  return { err: describeDispatchError(api, result.asErr) };
}
