#!/usr/bin/env node
// A runtime upgrade by council vote while transactions flow, as a front-end sees it: one
// @polkadot/api connection, opened before the upgrade, does everything (tests/network/
// upgrade-by-council.sh runs it). Lines go to stdout as it goes; the last is
// "UPGRADE <block number> <block hash>" (the block that stored the new code).
//
//   node upgrade.mjs <ws-url> <new-runtime.wasm> <outcomes.jsonl>
//
// 1. State for the migration: //Ferdie commits to four works and deposits one of them
//    (a work, its history and its deposit held); //Eve commits to one. Under the old
//    runtime a pending commitment records no deposit (copyright storage version 1).
// 2. A stream of transfers //Dave → //Charlie (Dave's seat does not vote here), 3 a second, each outcome a JSON line in
//    <outcomes.jsonl> (the format of load.mjs, which verifies it afterwards). Like a
//    wallet, it takes the next nonce from the node again after a transaction is dropped.
// 3. //Eve's system.applyAuthorizedUpgrade(code) is refused while nothing is authorised;
//    a council motion consortium.govern(system.authorizeUpgrade(blake2_256(code)));
//    then other code (one byte changed) is refused, and //Eve submits
//    system.applyAuthorizedUpgrade(code) (free once authorised).
// 4. Checks, from the node's state at the upgrade block U (old layout, raw) and at U+1
//    (the first block run by the new runtime, where the migration ran):
//    - spec_version rises; copyright's storage version goes 1 → 2;
//    - the number of storage entries of every GovChain pallet is the same;
//    - every account's commitments are the same (commitment, block) in the same order,
//      now each with its deposit, adding up to what is held from the account;
// 5. The same connection, now speaking the new runtime: //Ferdie reveals a commitment
//    made before the upgrade (its deposit, exactly, returns), //Eve removes hers
//    (nothing stays held); transfers signed after the upgrade are finalized. The
//    copyright runtime API answers on a new connection (see below for why not the same).
// Exits 1 with the reason when a check fails; nothing waits longer than 4 minutes.

import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { connect, die, sendWatched, util, utilCrypto } from './chain.mjs';

const { u8aConcat, hexToU8a, u8aToHex } = util;
const { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a, xxhashAsHex } = utilCrypto;
const [url, wasmFile, outcomesFile] = process.argv.slice(2);
if (!url || !wasmFile || !outcomesFile) die('usage: upgrade.mjs <ws-url> <new-runtime.wasm> <outcomes.jsonl>');
setTimeout(() => die('upgrade: not done within 4 minutes'), 240_000).unref();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => console.log(line);
const check = (ok, what) => { if (!ok) die(`check failed: ${what}`); };

const { api, provider, pairOf, send, eventsOf, motion } = await connect(url);
const [alice, charlie, dave, eve, ferdie] = ['Alice', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(pairOf);
const GOVCHAIN_PALLETS = ['Consortium', 'Licenses', 'Enterprises', 'Copyright', 'ProvidentFund'];

const rpc = (method, params = []) => provider.send(method, params);
const specAt = async (hash) => (await rpc('state_getRuntimeVersion', [hash])).specVersion;
const versionKey = (pallet) => xxhashAsHex(pallet, 128) + xxhashAsHex(':__STORAGE_VERSION__:', 128).slice(2);
const storageVersionAt = async (pallet, hash) => {
  const raw = await rpc('state_getStorage', [versionKey(pallet), hash]);
  return raw ? api.createType('u16', hexToU8a(raw)).toNumber() : null;
};
async function keysUnder(prefix, hash) {
  const keys = [];
  for (;;) {
    const page = await rpc('state_getKeysPaged', [prefix, 1000, keys.at(-1) ?? prefix, hash]);
    keys.push(...page);
    if (page.length < 1000) return keys;
  }
}
const countsAt = async (hash) => Object.fromEntries(await Promise.all(
  GOVCHAIN_PALLETS.map(async (p) => [p, (await keysUnder(xxhashAsHex(p, 128), hash)).length])));

// Copyright.Commitments, raw: account (the key's last 32 bytes, after blake2_128) →
// [(commitment, block)] decoded as version 1 stored them, at `hash`.
async function commitmentsV1At(hash) {
  const prefix = xxhashAsHex('Copyright', 128) + xxhashAsHex('Commitments', 128).slice(2);
  const out = {};
  for (const key of await keysUnder(prefix, hash)) {
    const raw = await rpc('state_getStorage', [key, hash]);
    const who = api.createType('AccountId32', `0x${key.slice(-64)}`).toString();
    out[who] = api.createType('Vec<([u8;32],u32)>', raw).map(([c, b]) => [c.toHex(), b.toNumber()]);
  }
  return out;
}
// The events of block `hash`, decoded with the metadata of the runtime that executed it: the
// code in its parent's state. In an upgrade block the block's own state holds the new code.
async function eventsRanBy(hash) {
  const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
  const ran = await api.at(parent);
  const storage = ran.query.system.events;
  const raw = await rpc('state_getStorage', [storage.key(), hash]);
  return ran.registry.createType(ran.registry.createLookupType(storage.creator.meta.type.asPlain), hexToU8a(raw));
}
const commitDepositHeld = async (who) => {
  const holds = await api.query.balances.holds(who);
  const h = holds.find((x) => x.id.isCopyright && x.id.asCopyright.isCommitDeposit);
  return h ? h.amount.toBigInt() : 0n;
};

// The commitment a deposit reveals: blake2_256(content ‖ account ‖ salt).
const commitment = (content, signer, salt) => blake2AsU8a(u8aConcat(hexToU8a(content), decodeAddress(signer.address), salt));
const person = { Person: blake2AsHex('upgrade test author pseudonym') };
const reveal = (signer, content, salt) => send(api.tx.copyright.deposit(
  content, 'Song written before the upgrade', 'Music', 'Original', [person], person, 500103, 1_767_225_600, null, salt), signer, 'finalized');

try {
  const before = api.runtimeVersion.specVersion.toNumber();
  say(`connected to ${url}: runtime ${api.runtimeVersion.specName} ${before}, copyright storage version ${await storageVersionAt('Copyright', null)}`);

  // 1. State for the migration.
  const fund = await send(api.tx.utility.batchAll([eve, ferdie].map((p) => api.tx.balances.transferKeepAlive(p.address, 10n ** 15n))), alice, 'finalized');
  say(`//Eve and //Ferdie funded at #${fund.number}`);
  const works = [0, 1, 2, 3].map((i) => blake2AsHex(`upgrade test work ${i} ${Date.now()}`));
  const salts = works.map(() => randomAsU8a(32));
  const eveWork = blake2AsHex(`upgrade test work of //Eve ${Date.now()}`), eveSalt = randomAsU8a(32);
  const commits = await Promise.all([
    send(api.tx.utility.batchAll(works.map((w, i) => api.tx.copyright.commit(commitment(w, ferdie, salts[i])))), ferdie, 'finalized'),
    send(api.tx.copyright.commit(commitment(eveWork, eve, eveSalt)), eve, 'finalized'),
  ]);
  say(`commitments: //Ferdie 4 at #${commits[0].number}, //Eve 1 at #${commits[1].number}`);
  const first = await reveal(ferdie, works[0], salts[0]);
  check(eventsOf(first.events, 'copyright', 'WorkDeposited').length === 1, 'work 0 deposited');
  say(`//Ferdie deposited work 0 at #${first.number}; 3 of its commitments and //Eve's 1 stay pending`);
  // An application in a county (Yuzhong, 500103) with its business-licence review
  // pending: enterprise registry storage version 1 lists that review under the
  // province, the prefecture and the county; version 2 once.
  const filed = await send(api.tx.enterprises.apply(`Upgrade ${Date.now()} Co., Ltd.`, 'LimitedCompany', 500103, 100_000_000,
    [util.stringToU8a('I6510')], blake2AsHex('legal rep, upgrade test'), blake2AsHex('materials, upgrade test'), ['BusinessLicense']), eve, 'finalized');
  const [submittedApp] = eventsOf(filed.events, 'enterprises', 'ApplicationSubmitted');
  check(submittedApp, 'enterprises.ApplicationSubmitted');
  const appId = submittedApp.id.toNumber();
  const pendingOf = async (a) => (await a.call.enterprisesApi.pendingFor(0, null, 50)).map(([id, s]) => `${id.toNumber()}:${s.toString()}`);
  check((await pendingOf(api)).includes(`${appId}:BusinessLicense`), 'the Chongqing regulator has the application to review');
  say(`//Eve applied at #${filed.number} (application ${appId}, Yuzhong): pending for the Chongqing regulator`);

  // 2. The stream.
  writeFileSync(outcomesFile, '');
  let streaming = true, outstanding = 0, submitted = 0, nonce = null;
  const stream = (async () => {
    for (let i = 0; streaming; i++) {
      if (nonce === null) nonce = (await api.rpc.system.accountNextIndex(dave.address)).toNumber();
      const n = nonce++;
      const tx = api.tx.balances.transferKeepAlive(charlie.address, 10n ** 12n);
      outstanding++;
      submitted++;
      sendWatched(api, tx, dave, n, (o) => {
        outstanding--;
        if (o.status !== 'finalized') nonce = null; // the wallet asks the node again
        appendFileSync(outcomesFile, `${JSON.stringify({ i, nonce: n, tx: tx.hash.toHex(), spec: api.runtimeVersion.specVersion.toNumber(), ...o, t: Date.now() })}\n`);
      });
      await sleep(333);
    }
  })();

  // 3. The motion, then the upgrade.
  const code = readFileSync(wasmFile);
  const codeHash = blake2AsHex(code);
  say(`new runtime: ${wasmFile}, ${code.length} bytes, blake2_256 ${codeHash}`);
  // Nobody installs code the council did not authorise: before the motion nothing is,
  // and after it only the code of the authorised hash.
  const refusal = (tx) => send(tx, eve, 'inBlock').then(() => null, (e) => e.message);
  const early = await refusal(api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)));
  check(early && /NothingAuthorized/.test(early), `applyAuthorizedUpgrade before any authorisation is refused (got: ${early ?? 'accepted'})`);
  say(`before the motion, //Eve's applyAuthorizedUpgrade is refused: ${early}`);
  const { closed } = await motion('authorizeUpgrade', api.tx.consortium.govern(api.tx.system.authorizeUpgrade(codeHash)));
  const [governed] = eventsOf(closed.events, 'consortium', 'Governed');
  check(governed && governed.result.isOk, 'consortium.Governed with Ok');
  check(eventsOf(closed.events, 'system', 'UpgradeAuthorized').length === 1, 'system.UpgradeAuthorized emitted');
  const other = Uint8Array.from(code);
  other[other.length - 1] ^= 1;
  const wrong = await refusal(api.tx.system.applyAuthorizedUpgrade(u8aToHex(other)));
  check(wrong && /Unauthorized/.test(wrong), `applyAuthorizedUpgrade of other code is refused (got: ${wrong ?? 'accepted'})`);
  say(`after the motion, other code (one byte changed) is refused: ${wrong}`);
  const applied = await send(api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), eve, 'inBlock');
  // The upgrade block's events, decoded with the metadata of the runtime that ran it (the
  // parent's): the status callback decodes them with whichever metadata the connection
  // holds, and it may already have switched to the new runtime's.
  const upgradeEvents = await eventsRanBy(applied.hash);
  check(eventsOf(upgradeEvents, 'system', 'CodeUpdated').length === 1, 'system.CodeUpdated in the block of applyAuthorizedUpgrade');
  const U = applied.number, hashU = applied.hash;
  say(`system.applyAuthorizedUpgrade by //Eve: code stored in #${U} (${hashU})`);

  // 4. Wait until U+1 is finalized and the connection knows the new runtime.
  const t0 = Date.now();
  let hashNext = null;
  while (Date.now() - t0 < 90_000) {
    const fin = await api.rpc.chain.getFinalizedHead();
    const finNumber = (await api.rpc.chain.getHeader(fin)).number.toNumber();
    if (finNumber > U) {
      hashNext = (await api.rpc.chain.getBlockHash(U + 1)).toHex();
      if ((await api.rpc.chain.getBlockHash(U)).toHex() !== hashU) die(`#${U} is no longer the block that stored the code`);
      if (api.runtimeVersion.specVersion.toNumber() > before) break;
    }
    await sleep(500);
  }
  check(hashNext, `#${U + 1} finalized within 90 s`);
  const after = api.runtimeVersion.specVersion.toNumber();
  check(after > before, `the connection follows the new runtime (${before} → ${after})`);
  say(`#${U + 1} finalized; the connection opened before now speaks spec ${after} (${(Date.now() - t0) / 1000} s after #${U})`);

  // The state of U holds the new code (its spec_version); U itself ran the old one.
  const hashPrev = (await api.rpc.chain.getHeader(hashU)).parentHash.toHex();
  const [specPrev, specU, svU, svNext] = await Promise.all([
    specAt(hashPrev), specAt(hashU), storageVersionAt('Copyright', hashU), storageVersionAt('Copyright', hashNext)]);
  say(`code in state: spec_version ${specPrev} at #${U - 1}, ${specU} from #${U}; copyright storage version ${svU} at #${U} → ${svNext} at #${U + 1}`);
  check(specPrev === before && specU === after, 'the code changes in the upgrade block');
  check(svU === 1 && svNext === 2, 'copyright storage version 1 → 2');
  const [countsU, countsNext] = await Promise.all([countsAt(hashU), countsAt(hashNext)]);
  say(`storage entries per pallet, #${U}: ${JSON.stringify(countsU)}`);
  say(`storage entries per pallet, #${U + 1}: ${JSON.stringify(countsNext)}`);
  const [erU, erNext] = await Promise.all([storageVersionAt('Enterprises', hashU), storageVersionAt('Enterprises', hashNext)]);
  check(erU === 1 && erNext === 2, `enterprise registry storage version 1 → 2 (${erU} → ${erNext})`);
  // The same records, but the application's pending review is listed once instead of
  // under three scopes.
  check(JSON.stringify({ ...countsU, Enterprises: countsU.Enterprises - 2 }) === JSON.stringify(countsNext),
    'the same number of records in every GovChain pallet, the pending review listed once instead of three times');
  say(`enterprise registry storage version ${erU} → ${erNext}: the pending review of application ${appId} listed once instead of three times`);

  const old = await commitmentsV1At(hashU);
  const deposit = api.consts.copyright.commitDeposit.toBigInt();
  const at = await api.at(hashNext);
  let accounts = 0, pending = 0;
  for (const [who, list] of Object.entries(old)) {
    const now = await at.query.copyright.commitments(who);
    check(JSON.stringify(now.map((c) => [c.commitment.toHex(), c.block.toNumber()])) === JSON.stringify(list), `${who}'s commitments kept`);
    const sum = now.reduce((s, c) => s + c.deposit.toBigInt(), 0n);
    const holds = await at.query.balances.holds(who);
    const held = holds.find((x) => x.id.isCopyright && x.id.asCopyright.isCommitDeposit)?.amount.toBigInt() ?? 0n;
    check(now.every((c) => c.deposit.toBigInt() === deposit), `${who}: each commitment records the deposit ${deposit}`);
    check(sum === held, `${who}: deposits ${sum} = held ${held}`);
    accounts++;
    pending += list.length;
  }
  check(accounts >= 2 && pending >= 4, `the migration had commitments to rewrite (${accounts} accounts, ${pending})`);
  say(`${accounts} accounts, ${pending} pending commitments: same commitments and blocks, each with its deposit ${deposit}, adding up to each account's hold`);

  // 5. The same connection after the upgrade.
  const heldBefore = await commitDepositHeld(ferdie.address);
  const second = await reveal(ferdie, works[1], salts[1]);
  check(eventsOf(second.events, 'copyright', 'WorkDeposited').length === 1, 'a commitment made before the upgrade is revealed after it');
  const heldAfter = await commitDepositHeld(ferdie.address);
  check(heldBefore - heldAfter === deposit, `revealing returned exactly one deposit (${heldBefore} → ${heldAfter})`);
  // @polkadot/api 16 reloads the metadata after an upgrade with state_getMetadata (v14),
  // which does not describe runtime APIs: GovChain's `api.call.*` leave a connection
  // opened before the upgrade. A front-end reconnects when the spec version changes.
  say(`the connection opened before the upgrade ${api.call.copyrightApi ? 'still has' : 'lost'} api.call.copyrightApi; a new connection:`);
  const fresh = await connect(url);
  const work = await fresh.api.call.copyrightApi.work(works[1]);
  check(work.isSome && work.unwrap().depositor.toString() === ferdie.address, 'copyrightApi.work answers for the new work');
  const pendingAfter = await fresh.api.call.copyrightApi.commitment(ferdie.address, commitment(works[2], ferdie, salts[2]));
  check(pendingAfter.isSome, 'copyrightApi.commitment finds a commitment made before the upgrade');
  check((await pendingOf(fresh.api)).includes(`${appId}:BusinessLicense`), 'enterprisesApi.pendingFor still lists the application filed before the upgrade');
  await fresh.api.disconnect();
  const removed = await send(api.tx.copyright.removeCommitment(eve.address, commitment(eveWork, eve, eveSalt)), eve, 'finalized');
  check(eventsOf(removed.events, 'copyright', 'CommitmentRemoved').length === 1, "//Eve's commitment removed");
  check(await commitDepositHeld(eve.address) === 0n, 'nothing stays held from //Eve');
  say(`after the upgrade: //Ferdie revealed work 1 at #${second.number} (held ${heldBefore} → ${heldAfter}) and //Eve removed hers at #${removed.number} (0 held) on the same connection; copyrightApi.work and .commitment, and enterprisesApi.pendingFor (application ${appId}), answer on a new one`);

  // Transfers signed for the new runtime, finalized.
  const t1 = Date.now();
  const rows = () => readFileSync(outcomesFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  while (Date.now() - t1 < 60_000 && rows().filter((r) => r.status === 'finalized' && r.number > U + 1).length < 10) await sleep(1000);
  streaming = false;
  await stream;
  const t2 = Date.now();
  while (outstanding > 0 && Date.now() - t2 < 60_000) await sleep(500);
  const all = rows();
  const fin = all.filter((r) => r.status === 'finalized');
  const tally = all.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
  say(`stream: ${submitted} transfers submitted, outcomes ${JSON.stringify(tally)}, ${outstanding} still open; finalized up to #${U}: ${fin.filter((r) => r.number <= U).length}, after #${U + 1}: ${fin.filter((r) => r.number > U + 1).length}`);
  check(fin.filter((r) => r.number < U).length >= 5, 'transfers finalized before the upgrade');
  check(fin.filter((r) => r.number > U + 1).length >= 10, 'transfers signed after the upgrade finalized');
  say(`UPGRADE ${U} ${hashU}`);
  await api.disconnect();
  process.exit(0);
} catch (e) {
  die(`upgrade: ${e.stack ?? e.message}`);
}
