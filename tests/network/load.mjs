#!/usr/bin/env node
// Transaction stream and its check, for tests/network (uses tests/e2e's @polkadot/api).
//
//   node load.mjs submit <ws-url> <seconds> <per-second>
//       signs balances.transferKeepAlive from //Alice to //Bob at the given rate for the
//       given time, then waits (at most 90 s) for the outstanding ones; prints one JSON
//       line per transaction outcome: {i, nonce, tx, status: finalized|inBlock|dropped|
//       invalid|usurped|error, block, number, t (ms since epoch when reported)}
//   node load.mjs verify <ws-url> <outcomes.jsonl> [before-ms]
//       for every transaction reported finalized (before before-ms, when given): the
//       node has its block, the block is the canonical one at its height, and the block
//       body holds the transaction (by extrinsic hash). Prints the count; exits 1 when
//       one is missing.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { sendWatched } from './chain.mjs';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { ApiPromise, WsProvider, Keyring } = require('@polkadot/api');
const { cryptoWaitReady, blake2AsHex } = require('@polkadot/util-crypto');

const [mode, url, a, b] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true, throwOnConnect: true });

if (mode === 'submit') {
  const seconds = Number(a), rate = Number(b);
  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob').address;
  let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const unit = 10n ** 12n;
  let outstanding = 0;
  const out = (o) => console.log(JSON.stringify({ ...o, t: Date.now() }));
  const end = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < end; i++) {
    const n = nonce++;
    const tx = api.tx.balances.transferKeepAlive(bob, unit);
    outstanding++;
    sendWatched(api, tx, alice, n, (o) => { outstanding--; out({ i, nonce: n, tx: tx.hash.toHex(), ...o }); });
    await sleep(1000 / rate);
  }
  const wait = Date.now() + 90_000;
  while (outstanding > 0 && Date.now() < wait) await sleep(500);
  if (outstanding > 0) console.error(`${outstanding} transactions not finalized after 90 s`);
} else if (mode === 'verify') {
  const before = b ? Number(b) : Infinity;
  const rows = readFileSync(a, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const finalized = rows.filter((r) => r.status === 'finalized' && r.t < before);
  let found = 0;
  const missing = [];
  const bodies = new Map();
  for (const r of finalized) {
    if (!bodies.has(r.block)) {
      const block = await api.rpc.chain.getBlock(r.block).catch(() => null);
      const canonical = block && (await api.rpc.chain.getBlockHash(block.block.header.number)).toHex() === r.block;
      bodies.set(r.block, block && canonical ? block.block.extrinsics.map((x) => blake2AsHex(x.toU8a())) : null);
    }
    const hashes = bodies.get(r.block);
    if (hashes && hashes.includes(r.tx)) found++;
    else missing.push(`${r.tx} in #${r.number} ${r.block}: ${hashes ? 'not in the block' : 'block unknown or not canonical'}`);
  }
  console.log(`${found}/${finalized.length} transactions reported finalized are in the chain (${bodies.size} blocks)`);
  for (const m of missing.slice(0, 10)) console.log(`missing: ${m}`);
  await api.disconnect();
  process.exit(missing.length === 0 && finalized.length > 0 ? 0 : 1);
} else {
  console.error('usage: load.mjs submit <ws-url> <seconds> <per-second> | verify <ws-url> <outcomes.jsonl> [before-ms]');
  process.exit(2);
}
await api.disconnect();
process.exit(0);
