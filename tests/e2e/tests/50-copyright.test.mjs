// Copyright deposit and verification as an author, a buyer, the copyright office
// and a court use it: commit then deposit, duplicate refused, registration (which
// accepts the author's pseudonym as holder), a transfer offered and accepted,
// exclusive licence, a court freeze that blocks a transfer, a ruling-ordered
// transfer, and the evidence export checked against the blocks it names, fetched
// from the node. Then a front-runner who copies a pending deposit's hash: refused
// once the author's deposit is in, and superseded if its own lands first; and an
// office outside the work's region refused.
//
// Preset agencies (development): 0 = demo agency (Alice, Chongqing) holds every
// role, so it acts as the copyright office and as the court; 5 = Bank of Chongqing
// (Ferdie) holds neither.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf } from '../lib/chain.mjs';
import { fund, runTag, chainNow } from '../lib/gov.mjs';

const ALL_RIGHTS = (1 << 13) - 1;
const NETWORK = 1 << 7; // information-network dissemination
const YUZHONG = 500103; // a district of Chongqing: the demo agency's office covers it
const SICHUAN = 510000; // outside the demo agency's region

let api;
let acc;
let author;
let buyer;
let copier;
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
  copier = keyring.addFromUri(`//e2e/copier/${tag}`);
  await fund(api, acc.alice, [author.address, buyer.address, copier.address]);
  song = blake2AsHex(`song file ${tag}`);
});

after(async () => {
  await api?.disconnect();
});

// The commitment a deposit reveals, as the pallet documents it:
// blake2_256(content_1 ‖ … ‖ content_n ‖ account id (32 bytes) ‖ salt (32 bytes)).
const commitment = (contents, signer, salt) =>
  blake2AsU8a(u8aConcat(...contents.map((c) => hexToU8a(c)), decodeAddress(signer.address), salt));

const commit = (signer, content, salt) =>
  sendAndFinalize(api, api.tx.copyright.commit(commitment([content], signer, salt)), signer);

// Reveals: in a later block than the commitment (sendAndFinalize waits for it).
const reveal = (signer, content, holder, salt, region = YUZHONG) => sendAndFinalize(api, api.tx.copyright.deposit(
  content, 'Mountain City Nights', 'Music', 'Original', [authorPerson], holder, region,
  1_767_225_600, null, salt), signer);

const deposit = async (signer, content, holder, region = YUZHONG) => {
  const salt = randomAsU8a(32);
  await commit(signer, content, salt);
  return reveal(signer, content, holder, salt, region);
};

test('an author commits, then deposits a work; a later deposit of the same hash is refused and tells who holds it', async () => {
  const salt = randomAsU8a(32);
  const { blockNumber: committedAt } = await commit(author, song, salt);
  const pending = await api.call.copyrightApi.commitment(author.address, commitment([song], author, salt));
  assert.equal(pending.unwrap().toNumber(), committedAt);
  const { events } = await reveal(author, song, authorPerson, salt);
  const [deposited] = eventsOf(events, 'copyright', 'WorkDeposited');
  assert.equal(deposited.depositor.toString(), author.address);
  assert.ok((await api.call.copyrightApi.commitment(author.address, commitment([song], author, salt))).isNone);
  // Someone who saw the hash commits only now: too late.
  await assert.rejects(deposit(buyer, song, label), /copyright\.AlreadyDeposited/);
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.holder.asPerson.toHex(), authorPerson.Person);
  assert.equal(work.depositor.toString(), author.address);
  assert.equal(work.registration.type, 'Unreviewed');
  // A pseudonym as holder: nobody acts on the work until an office registers it.
  assert.ok(work.controller.isNone);
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.transfer(
    song, label, buyer.address, ALL_RIGHTS, blake2AsHex('contract')), author), /copyright\.HolderNotAccepted/);
});

test('the copyright office registers the work, accepting the pseudonym for the author; others cannot', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.register(song), acc.ferdie), /copyright\.NotOffice/);
  const { events } = await sendAndFinalize(api, api.tx.copyright.register(song), acc.alice);
  const [registered] = eventsOf(events, 'copyright', 'WorkRegistered');
  const [accepted] = eventsOf(events, 'copyright', 'HoldingAccepted');
  assert.equal(accepted.controller.toString(), author.address);
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.registration.asRegistered.number.toNumber(), registered.number.toNumber());
  assert.equal(work.controller.unwrap().toString(), author.address);
});

test('the author offers all rights, the label accepts; the label grants an exclusive licence and overlaps are refused', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.transfer(
    song, label, buyer.address, ALL_RIGHTS, blake2AsHex('contract')), buyer), /copyright\.NotController/);
  const { events } = await sendAndFinalize(api, api.tx.copyright.transfer(
    song, label, buyer.address, ALL_RIGHTS, blake2AsHex('assignment contract')), author);
  assert.equal(eventsOf(events, 'copyright', 'TransferOffered').length, 1);
  let work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.controller.unwrap().toString(), author.address);
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.acceptHolding(song), acc.ferdie), /copyright\.NotAcceptor/);
  await sendAndFinalize(api, api.tx.copyright.acceptHolding(song), buyer);
  work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.controller.unwrap().toString(), buyer.address);
  assert.equal(work.holder.asPerson.toHex(), label.Person);
  const mine = await api.call.copyrightApi.worksOf(label, 0, 100);
  assert.ok(mine.map((h) => h.toHex()).includes(song));

  const now = await chainNow(api);
  const platform = { Person: blake2AsHex('streaming platform') };
  await sendAndFinalize(api, api.tx.copyright.grantLicence(
    song, platform, true, NETWORK, 500000, now, now + 365 * 86400, blake2AsHex('licence contract')), buyer);
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.grantLicence(
    song, { Person: blake2AsHex('other platform') }, false, NETWORK, null, now + 100, now + 200,
    blake2AsHex('x')), buyer), /copyright\.OverlappingExclusive/);
  const grants = await api.call.copyrightApi.grants(song, 0, 100);
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
  const evidence = (await api.call.copyrightApi.evidence(song, 0, 100)).unwrap();
  assert.equal(evidence.content.toHex(), song);
  assert.equal(evidence.from.toNumber(), 0);
  const expected = ['Deposited', 'Registered', 'TransferOffered', 'Transferred', 'Licensed', 'Frozen',
    'EvidenceAttached', 'RulingTransfer', 'Unfrozen'];
  assert.deepEqual(evidence.history.map((e) => e.action.type), expected);
  assert.equal(evidence.work.events.toNumber(), expected.length);
  const calls = {
    Deposited: 'deposit', Registered: 'register', TransferOffered: 'transfer', Transferred: 'acceptHolding',
    Licensed: 'grantLicence', Frozen: 'freeze', EvidenceAttached: 'attachEvidence', RulingTransfer: 'ruleTransfer',
    Unfrozen: 'unfreeze',
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
    assert.equal(ext.signer.toString(), entry.by.unwrap().toString());
    assert.equal(u8aToHex(ext.method.args[0].toU8a()), song);
    const stamp = b.extrinsics.find((x) => x.method.section === 'timestamp');
    assert.equal(Math.floor(stamp.method.args[0].toNumber() / 1000), time.toNumber());
    // The block is finalized: its events show the call succeeded.
    const events = await (await api.at(hash)).query.system.events();
    const ok = events.some(({ phase, event }) => phase.isApplyExtrinsic &&
      phase.asApplyExtrinsic.eq(extrinsicIndex) && event.section === 'system' && event.method === 'ExtrinsicSuccess');
    assert.ok(ok, `extrinsic ${block}-${extrinsicIndex} succeeded`);
  }
  const first = evidence.history[0];
  assert.equal(first.by.unwrap().toString(), author.address);
  assert.deepEqual(evidence.work.deposited.toJSON(), first.anchor.toJSON());
  // The history pages: from entry 5 on.
  const page = (await api.call.copyrightApi.evidence(song, 5, 2)).unwrap();
  assert.deepEqual(page.history.map((e) => e.action.type), expected.slice(5, 7));
});

test('a front-runner who copies a pending deposit\'s hash cannot keep the work; an office outside its region cannot register it', async () => {
  const track = blake2AsHex(`second track ${tag}`);
  const copierHolder = { Account: copier.address };
  // The author commits first; the copier, having seen the hash, commits after it and
  // gets its deposit in first.
  const salt = randomAsU8a(32);
  await commit(author, track, salt);
  const { events: copied } = await deposit(copier, track, copierHolder, SICHUAN);
  assert.equal(eventsOf(copied, 'copyright', 'WorkDeposited')[0].depositor.toString(), copier.address);
  // While contestable, the copier can neither sell nor license it.
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.transfer(
    track, label, buyer.address, ALL_RIGHTS, blake2AsHex('sale')), copier), /copyright\.UnderContest/);
  // The author's earlier commitment takes the work.
  const { events } = await reveal(author, track, authorPerson, salt, SICHUAN);
  const [superseded] = eventsOf(events, 'copyright', 'DepositSuperseded');
  assert.equal(superseded.previous.toString(), copier.address);
  assert.equal(superseded.depositor.toString(), author.address);
  const work = (await api.call.copyrightApi.work(track)).unwrap();
  assert.equal(work.depositor.toString(), author.address);
  assert.equal(work.holder.asPerson.toHex(), authorPerson.Person);
  const history = (await api.call.copyrightApi.evidence(track, 0, 10)).unwrap().history;
  assert.deepEqual(history.map((e) => e.action.type), ['Deposited', 'Superseded']);
  // Trying again, the copier's fresh commitment is later still.
  await assert.rejects(deposit(copier, track, copierHolder, SICHUAN), /copyright\.AlreadyDeposited/);
  // The work was declared in Sichuan: the Chongqing office may not decide on it.
  await assert.rejects(sendAndFinalize(api, api.tx.copyright.register(track), acc.alice),
    /copyright\.OutsideJurisdiction/);
});
