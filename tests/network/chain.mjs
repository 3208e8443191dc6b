// What the network tests' scripts share (join.mjs, upgrade.mjs): a connection through
// tests/e2e's @polkadot/api, the development keys of scripts/network.sh's agencies,
// signing with progress, and council motions passed by two thirds of the seats.

import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
export const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
export const utilCrypto = require('@polkadot/util-crypto');
export const util = require('@polkadot/util');

/** Prints `msg` on stderr and exits 1. */
export function die(msg) {
  console.error(msg);
  process.exit(1);
}

/** The keyring with the development accounts //Alice … //Ferdie (sr25519). */
export async function devKeys() {
  await utilCrypto.cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const dev = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
  return { keyring, dev, pairOf: (seed) => keyring.addFromUri(`//${seed}`) };
}

/**
 * Signs `tx` with `signer` at `nonce` and sends it; calls `outcome` exactly once, with
 * { status: 'finalized', block, number } (number missing and `error` set if the header
 * could not be read) or { status: 'dropped' | 'invalid' | 'usurped' | 'finalitytimeout' |
 * 'error', error? }. For the transaction streams of load.mjs and upgrade.mjs.
 */
export function sendWatched(api, tx, signer, nonce, outcome) {
  let done = false;
  const finish = (o) => { if (!done) { done = true; outcome(o); } };
  tx.signAndSend(signer, { nonce }, ({ status }) => {
    if (status.isFinalized) {
      api.rpc.chain.getHeader(status.asFinalized).then(
        (h) => finish({ status: 'finalized', block: status.asFinalized.toHex(), number: h.number.toNumber() }),
        (e) => finish({ status: 'finalized', block: status.asFinalized.toHex(), error: e.message }));
    } else if (status.isDropped || status.isInvalid || status.isUsurped || status.isFinalityTimeout) {
      finish({ status: status.type.toLowerCase() });
    }
  }).catch((e) => finish({ status: 'error', error: e.message }));
}

/** Connects to `url`; returns the api and the helpers bound to it. */
export async function connect(url) {
  const { dev, pairOf } = await devKeys();
  const provider = new WsProvider(url);
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });

  function errorName(err) {
    if (err.isModule) {
      const m = api.registry.findMetaError(err.asModule);
      return `${m.section}.${m.name}`;
    }
    return err.type ?? err.toString();
  }

  // Signs and submits; resolves at inclusion (`inBlock`) or finality with
  // { number, hash, events }; rejects if refused or if the dispatch failed.
  function send(tx, signer, until = 'inBlock', options = {}) {
    return new Promise((resolve, reject) => {
      let unsub = () => {};
      tx.signAndSend(signer, options, async ({ status, events, dispatchError }) => {
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          unsub();
          reject(new Error(`${tx.method.section}.${tx.method.method}: transaction ${status.type}`));
          return;
        }
        const hash = until === 'inBlock' ? (status.isInBlock ? status.asInBlock : null) : (status.isFinalized ? status.asFinalized : null);
        if (!hash) return;
        unsub();
        if (dispatchError) {
          reject(new Error(`${tx.method.section}.${tx.method.method}: ${errorName(dispatchError)}`));
          return;
        }
        const header = await api.rpc.chain.getHeader(hash);
        resolve({ number: header.number.toNumber(), hash: hash.toHex(), events });
      }).then((u) => { unsub = u; }, reject);
    });
  }

  const eventsOf = (events, section, method) =>
    events.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event.data);

  async function council() {
    const members = (await api.query.council.members()).map((a) => a.toString());
    const pairs = members.map((m) => dev.find((p) => p.address === m));
    if (pairs.some((p) => !p)) die('a council seat is not a development account');
    return { pairs, threshold: Math.ceil((members.length * 2) / 3) };
  }

  // A motion: proposed, voted aye by `threshold` members (the proposer too), closed;
  // `during` runs alongside the proposal (it must not sign with a voter while voting).
  async function motion(label, call, during = async () => {}) {
    const { pairs, threshold } = await council();
    const voters = pairs.slice(0, threshold);
    const lengthBound = call.method.encodedLength;
    const [proposed, extra] = await Promise.all([
      send(api.tx.council.propose(threshold, call, lengthBound), voters[0]), during(pairs)]);
    const [p] = eventsOf(proposed.events, 'council', 'Proposed');
    if (!p) die(`${label}: council.Proposed not emitted`);
    await Promise.all(voters.map((v) => send(api.tx.council.vote(p.proposalHash, p.proposalIndex, true), v)));
    const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, lengthBound);
    const closed = await send(api.tx.council.close(p.proposalHash, p.proposalIndex, info.weight, lengthBound), voters[0], 'finalized');
    const [executed] = eventsOf(closed.events, 'council', 'Executed');
    if (!executed) die(`${label}: the motion closed without execution`);
    if (executed.result.isErr) die(`${label}: the motion failed: ${errorName(executed.result.asErr)}`);
    console.log(`${label}: motion proposed at #${proposed.number}, ${threshold} of ${pairs.length} ayes, executed at #${closed.number} (finalized)`);
    return { closed, extra };
  }

  return { api, provider, dev, pairOf, errorName, send, eventsOf, motion };
}
