// Copyright deposit and verification as an author, a buyer, the copyright office
// and a court use it: deposit, duplicate refused, registration, transfer, exclusive
// licence, a court freeze that blocks a transfer, a ruling-ordered transfer, and the
// evidence export checked against the blocks it names, fetched from the node.
//
// Preset agencies (development): 0 = demo agency (Alice) holds every role, so it
// acts as the copyright office and as the court; 5 = Bank of Chongqing (Ferdie)
// holds neither.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf } from '../lib/chain.mjs';
import { fund, runTag, chainNow } from '../lib/gov.mjs';

const ALL_RIGHTS = (1 << 13) - 1;
const NETWORK = 1 << 7; // information-network dissemination

let api;
let acc;
let author;
let buyer;
let tag;
let song;
const authorPerson = { Person: blake2AsHex('composer pseudonym') };
const label = { Person: blake2AsHex('record label pseudonym') };
const heir = { Person: blake2AsHex('heir pseudonym') };

before(async () => {
  api = await connect();
  acc = devAccounts();
  tag = runTag();
  const keyring = new Keyring({ type: 'sr25519' });
  author = keyring.addFromUri(`//e2e/composer/${tag}`);
  buyer = keyring.addFromUri(`//e2e/label/${tag}`);
  await fund(api, acc.alice, [author.address, buyer.address]);
  song = blake2AsHex(`song file ${tag}`);
});

after(async () => {
  await api?.disconnect();
});

const deposit = (signer, holder) => sendAndFinalize(api, api.tx.copyright.deposit(
  song, 'Mountain City Nights', 'Music', 'Original', [authorPerson], holder,
  1_767_225_600, null), signer);

test('an author deposits a work; a second deposit of the same hash is refused and tells who holds it', async () => {
  const { events } = await deposit(author, authorPerson);
  const [deposited] = eventsOf(events, 'copyright', 'WorkDeposited');
  assert.equal(deposited.depositor.toString(), author.address);
  await assert.rejects(deposit(buyer, label), /copyright\.AlreadyDeposited/);
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.holder.asPerson.toHex(), authorPerson.Person);
  assert.equal(work.depositor.toString(), author.address);
  assert.equal(work.registration.type, 'Unreviewed');
});

test('the copyright office registers the work; others cannot', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.register(song), acc.ferdie), /copyright\.NotOffice/);
  const { events } = await sendAndFinalize(api, api.tx.copyright.register(song), acc.alice);
  const [registered] = eventsOf(events, 'copyright', 'WorkRegistered');
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.registration.asRegistered.number.toNumber(), registered.number.toNumber());
});

test('the author transfers all rights; the label grants an exclusive licence and overlaps are refused', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.transfer(
    song, label, buyer.address, ALL_RIGHTS, blake2AsHex('contract')), buyer), /copyright\.NotController/);
  await sendAndFinalize(api, api.tx.copyright.transfer(
    song, label, buyer.address, ALL_RIGHTS, blake2AsHex('assignment contract')), author);
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.controller.toString(), buyer.address);
  const mine = await api.call.copyrightApi.worksOf(label, 0, 100);
  assert.ok(mine.map((h) => h.toHex()).includes(song));

  const now = await chainNow(api);
  const platform = { Person: blake2AsHex('streaming platform') };
  await sendAndFinalize(api, api.tx.copyright.grantLicence(
    song, platform, true, NETWORK, 500000, now, now + 365 * 86400, blake2AsHex('licence contract')), buyer);
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.grantLicence(
    song, { Person: blake2AsHex('other platform') }, false, NETWORK, null, now + 100, now + 200,
    blake2AsHex('x')), buyer), /copyright\.OverlappingExclusive/);
  const grants = await api.call.copyrightApi.grants(song);
  assert.equal(grants.length, 1);
  assert.ok(grants[0][1].exclusive.isTrue);
});

test('a court freezes the work; a transfer is refused; a ruling transfers it; the court unfreezes', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.freeze(song, blake2AsHex('case')), acc.ferdie),
    /copyright\.NotCourt/);
  await sendAndFinalize(api, api.tx.copyright.freeze(song, blake2AsHex('case (2026) Yu 01 Min Chu 123')), acc.alice);
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.transfer(
    song, authorPerson, author.address, ALL_RIGHTS, blake2AsHex('c')), buyer), /copyright\.Frozen/);
  await sendAndFinalize(api, api.tx.copyright.attachEvidence(song, blake2AsHex('notarised stream capture')), acc.alice);
  await sendAndFinalize(api, api.tx.copyright.ruleTransfer(song, heir, author.address, blake2AsHex('ruling')), acc.alice);
  await sendAndFinalize(api, api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), acc.alice);
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.holder.asPerson.toHex(), heir.Person);
  assert.ok(work.frozen.isNone);
});

test('the evidence export names blocks that any node can show to hold each extrinsic', async () => {
  const evidence = (await api.call.copyrightApi.evidence(song)).unwrap();
  assert.equal(evidence.content.toHex(), song);
  const expected = ['Deposited', 'Registered', 'Transferred', 'Licensed', 'Frozen', 'EvidenceAttached', 'RulingTransfer', 'Unfrozen'];
  assert.deepEqual(evidence.history.map((e) => e.action.type), expected);
  const calls = {
    Deposited: 'deposit', Registered: 'register', Transferred: 'transfer', Licensed: 'grantLicence',
    Frozen: 'freeze', EvidenceAttached: 'attachEvidence', RulingTransfer: 'ruleTransfer', Unfrozen: 'unfreeze',
  };
  for (const entry of evidence.history) {
    const { block, parentHash, extrinsicIndex, time } = entry.anchor;
    // Fetch the named block and check it independently of the stored record.
    const hash = await api.rpc.chain.getBlockHash(block);
    const { block: b } = await api.rpc.chain.getBlock(hash);
    assert.equal(b.header.parentHash.toHex(), parentHash.toHex());
    const ext = b.extrinsics[extrinsicIndex.toNumber()];
    assert.equal(ext.method.section, 'copyright');
    assert.equal(ext.method.method, calls[entry.action.type]);
    assert.equal(ext.signer.toString(), entry.by.toString());
    assert.equal(u8aToHex(ext.method.args[0].toU8a()), song);
    const stamp = b.extrinsics.find((x) => x.method.section === 'timestamp');
    assert.equal(Math.floor(stamp.method.args[0].toNumber() / 1000), time.toNumber());
    // The block is finalized: its events show the call succeeded.
    const events = await (await api.at(hash)).query.system.events();
    const ok = events.some(({ phase, event }) => phase.isApplyExtrinsic &&
      phase.asApplyExtrinsic.eq(extrinsicIndex) && event.section === 'system' && event.method === 'ExtrinsicSuccess');
    assert.ok(ok, `extrinsic ${block}-${extrinsicIndex} succeeded`);
  }
  const deposit = evidence.history[0];
  assert.equal(deposit.by.toString(), author.address);
  assert.deepEqual(evidence.work.deposited.toJSON(), deposit.anchor.toJSON());
});
