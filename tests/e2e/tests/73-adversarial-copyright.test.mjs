// e2e-chain: adversarial
//
// Copyright deposits under attack: a front-runner who copies an author's hash (or the
// author's whole reveal) cannot keep the work; naming an enterprise as holder gives
// the depositor no control until the enterprise's account accepts (nor does naming it
// in a transfer with another account in control); a Sichuan office
// cannot register or decline a Chongqing work; only the controller deals in rights;
// only the court that froze a work acts on the freeze, and when that court is
// suspended a governance motion releases the work (`forceUnfreeze`). Each wrong party
// gets its own error; each right party's event is checked.
//
// Agencies (adversarial preset): 7 / 16 = Chongqing / Sichuan press and publication
// administrations (CopyrightOffice), 8 / 17 = the two regions' courts, 1 = Chongqing
// market regulator (registers the enterprise).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import {
  setup, send, sendFor, expectRefusals, motion, setUpBusinessLicences, establishEnterprise, AGENCY, CHONGQING,
} from '../lib/adversarial.mjs';
import { chainNow } from '../lib/gov.mjs';

const ALL_RIGHTS = (1 << 13) - 1;
const NETWORK = 1 << 7;

let api;
let k;
let tag;
let author;
let copier;
let buyer;
let entAccount;
let enterprise; // { uscc } established in the background
let song; // the author's work, Chongqing
let jingle; // a work naming the enterprise as holder
const authorPerson = { Person: blake2AsHex('composer pseudonym') };

before(async () => {
  let fresh;
  ({ api, k, tag, fresh } = await setup());
  [author, copier, buyer, entAccount] = await fresh('author', 'copier', 'buyer', 'enterprise');
  song = blake2AsHex(`song ${tag}`);
  jingle = blake2AsHex(`jingle ${tag}`);
  enterprise = setUpBusinessLicences(api, k.cq.amr, CHONGQING, tag)
    .then(() => establishEnterprise(api, k, { applicant: entAccount, name: `Records ${tag} Co., Ltd.` }));
  enterprise.catch(() => {});
});

after(async () => {
  await api?.disconnect();
});

// blake2_256(content ‖ account id ‖ salt), as the pallet documents it.
const commitment = (content, signer, salt) => blake2AsU8a(u8aConcat(hexToU8a(content), decodeAddress(signer.address), salt));
const commitTx = (signer, content, salt) => api.tx.copyright.commit(commitment(content, signer, salt));
const depositTx = (content, holder, salt, region = CHONGQING) => api.tx.copyright.deposit(
  content, 'Mountain City Nights', 'Music', 'Original', [authorPerson], holder, region, 1_767_225_600, null, salt);
/** Commits, then reveals in a later block. */
const commitAndDeposit = async (signer, content, holder) => {
  const salt = randomAsU8a(32);
  await send(api, commitTx(signer, content, salt), signer);
  return send(api, depositTx(content, holder, salt), signer);
};

test('front-running: a copier of the author\'s hash cannot keep the work', async () => {
  const salt = randomAsU8a(32);
  await sendFor(api, commitTx(author, song, salt), author, 'copyright', 'Committed');
  // The copier replays the author's reveal from its own account: the commitment binds the author.
  await expectRefusals(api, [
    ['copier replays the author\'s reveal', depositTx(song, { Account: copier.address }, salt), copier, 'copyright.UnknownCommitment'],
    ['copier deposits with no commitment', depositTx(song, { Account: copier.address }, randomAsU8a(32)), copier, 'copyright.UnknownCommitment'],
  ]);
  // It commits only now (later than the author) and gets its deposit in first.
  const { events } = await commitAndDeposit(copier, song, { Account: copier.address });
  assert.ok(events.some(({ event }) => event.method === 'WorkDeposited'));
  assert.equal((await api.call.copyrightApi.work(song)).unwrap().depositor.toString(), copier.address);
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['copier sells while contestable', api.tx.copyright.transfer(song, { Account: buyer.address }, buyer.address, ALL_RIGHTS,
      blake2AsHex('sale')), copier, 'copyright.UnderContest'],
    ['copier licenses while contestable', api.tx.copyright.grantLicence(song, { Account: buyer.address }, false, NETWORK, null,
      now, now + 100, blake2AsHex('licence')), copier, 'copyright.UnderContest'],
  ]);
  // The author's earlier commitment takes the work back.
  const superseded = await sendFor(api, depositTx(song, authorPerson, salt), author, 'copyright', 'DepositSuperseded');
  assert.equal(superseded.previous.toString(), copier.address);
  assert.equal(superseded.depositor.toString(), author.address);
  // Later attempts, by the copier or anyone, are refused: their commitments are later.
  const [again, third] = await Promise.allSettled([
    commitAndDeposit(copier, song, { Account: copier.address }),
    commitAndDeposit(buyer, song, { Account: buyer.address }),
  ]);
  assert.equal(again.reason?.message, 'copyright.AlreadyDeposited');
  assert.equal(third.reason?.message, 'copyright.AlreadyDeposited');
  const work = (await api.call.copyrightApi.work(song)).unwrap();
  assert.equal(work.depositor.toString(), author.address);
  assert.equal(work.holder.asPerson.toHex(), authorPerson.Person);

  // A pending commitment is removed only by its owner (until it expires).
  const pending = commitment(blake2AsHex(`draft ${tag}`), author, randomAsU8a(32));
  await sendFor(api, api.tx.copyright.commit(pending), author, 'copyright', 'Committed');
  await expectRefusals(api, [
    ['copier removes the author\'s commitment', api.tx.copyright.removeCommitment(author.address, pending), copier, 'copyright.CommitmentLive'],
  ]);
  const removed = await sendFor(api, api.tx.copyright.removeCommitment(author.address, pending), author, 'copyright', 'CommitmentRemoved');
  assert.equal(removed.by.toString(), author.address);
});

test('registration: only a copyright office whose region covers the work\'s decides on it', async () => {
  await expectRefusals(api, [
    ['stranger registers', api.tx.copyright.register(song), k.bob, 'BadOrigin'],
    ['the author registers', api.tx.copyright.register(song), author, 'BadOrigin'],
    ['Chongqing court registers', api.tx.copyright.register(song), k.cq.court, 'copyright.NotOffice'],
    ['Sichuan office registers', api.tx.copyright.register(song), k.sc.press, 'copyright.OutsideJurisdiction'],
    ['Sichuan office declines', api.tx.copyright.decline(song, 9), k.sc.press, 'copyright.OutsideJurisdiction'],
  ]);
  const { events } = await send(api, api.tx.copyright.register(song), k.cq.press);
  const registered = events.find(({ event }) => event.method === 'WorkRegistered').event.data;
  const accepted = events.find(({ event }) => event.method === 'HoldingAccepted').event.data;
  assert.equal(registered.office.toNumber(), AGENCY.cq.press);
  assert.equal(accepted.controller.toString(), author.address);
  await expectRefusals(api, [
    ['Sichuan office declines after registration', api.tx.copyright.decline(song, 9), k.sc.press, 'copyright.OutsideJurisdiction'],
    ['the office again', api.tx.copyright.decline(song, 9), k.cq.press, 'copyright.AlreadyDecided'],
  ]);
});

test('naming an enterprise as holder gives the depositor no control until the enterprise\'s account accepts', async () => {
  const { uscc } = await enterprise;
  const holder = { Enterprise: uscc };
  const deposited = await commitAndDeposit(author, jingle, holder);
  assert.ok(deposited.events.some(({ event }) => event.method === 'WorkDeposited'));
  assert.ok((await api.call.copyrightApi.work(jingle)).unwrap().controller.isNone);
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['depositor sells it', api.tx.copyright.transfer(jingle, { Account: buyer.address }, buyer.address, ALL_RIGHTS,
      blake2AsHex('sale')), author, 'copyright.HolderNotAccepted'],
    ['depositor licenses it', api.tx.copyright.grantLicence(jingle, { Account: buyer.address }, false, NETWORK, null,
      now, now + 100, blake2AsHex('licence')), author, 'copyright.HolderNotAccepted'],
    ['depositor accepts for the enterprise', api.tx.copyright.acceptHolding(jingle), author, 'copyright.NotAcceptor'],
    ['stranger accepts', api.tx.copyright.acceptHolding(jingle), k.bob, 'copyright.NotAcceptor'],
    ['the enterprise\'s registration authority accepts', api.tx.copyright.acceptHolding(jingle), k.cq.amr, 'copyright.NotAcceptor'],
    ['stranger refuses it', api.tx.copyright.refuseHolding(jingle), k.bob, 'copyright.NotAcceptor'],
    ['Sichuan office declines it', api.tx.copyright.decline(jingle, 3), k.sc.press, 'copyright.OutsideJurisdiction'],
  ]);
  const accepted = await sendFor(api, api.tx.copyright.acceptHolding(jingle), entAccount, 'copyright', 'HoldingAccepted');
  assert.equal(accepted.controller.toString(), entAccount.address);
  await expectRefusals(api, [
    ['the depositor after acceptance', api.tx.copyright.transfer(jingle, { Account: buyer.address }, buyer.address, ALL_RIGHTS,
      blake2AsHex('sale')), author, 'copyright.NotController'],
  ]);
  assert.equal((await api.call.copyrightApi.work(jingle)).unwrap().controller.unwrap().toString(), entAccount.address);
});

test('rights: only the controller transfers; only the nominee accepts', async () => {
  const sell = () => api.tx.copyright.transfer(song, { Account: buyer.address }, buyer.address, ALL_RIGHTS, blake2AsHex('assignment'));
  await expectRefusals(api, [
    ['stranger', sell(), k.bob, 'copyright.NotController'],
    ['the buyer', sell(), buyer, 'copyright.NotController'],
    ['the copier', sell(), copier, 'copyright.NotController'],
    ['the copyright office', sell(), k.cq.press, 'copyright.NotController'],
  ]);
  // Naming an enterprise in a transfer gives no control to anyone but its account.
  const { uscc } = await enterprise;
  await expectRefusals(api, [
    ['the controller names the enterprise and keeps control', api.tx.copyright.transfer(song, { Enterprise: uscc }, author.address,
      ALL_RIGHTS, blake2AsHex('paper sale')), author, 'copyright.ControllerMismatch'],
    ['the controller names the enterprise, the buyer in control', api.tx.copyright.transfer(song, { Enterprise: uscc }, buyer.address,
      ALL_RIGHTS, blake2AsHex('paper sale')), author, 'copyright.ControllerMismatch'],
  ]);
  await sendFor(api, sell(), author, 'copyright', 'TransferOffered');
  await expectRefusals(api, [
    ['stranger accepts the offer', api.tx.copyright.acceptHolding(song), k.bob, 'copyright.NotAcceptor'],
    ['copier accepts the offer', api.tx.copyright.acceptHolding(song), copier, 'copyright.NotAcceptor'],
    ['copier cancels the offer', api.tx.copyright.refuseHolding(song), copier, 'copyright.NotAcceptor'],
  ]);
  const moved = await sendFor(api, api.tx.copyright.acceptHolding(song), buyer, 'copyright', 'RightsTransferred');
  assert.equal(moved.to.asAccount.toString(), buyer.address);
});

test('judicial: only the freezing court acts on the freeze; when it is suspended, governance releases the work', async () => {
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['stranger freezes', api.tx.copyright.freeze(song, blake2AsHex('case')), k.bob, 'BadOrigin'],
    ['the controller freezes', api.tx.copyright.freeze(song, blake2AsHex('case')), buyer, 'BadOrigin'],
    ['Chongqing office freezes', api.tx.copyright.freeze(song, blake2AsHex('case')), k.cq.press, 'copyright.NotCourt'],
  ]);
  const frozen = await sendFor(api, api.tx.copyright.freeze(song, blake2AsHex(`case ${tag}`)), k.cq.court, 'copyright', 'WorkFrozen');
  assert.equal(frozen.court.toNumber(), AGENCY.cq.court);
  await expectRefusals(api, [
    ['Sichuan court freezes again', api.tx.copyright.freeze(song, blake2AsHex('case 2')), k.sc.court, 'copyright.Frozen'],
    ['Sichuan court unfreezes', api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), k.sc.court, 'copyright.OtherCourt'],
    ['Sichuan court attaches evidence', api.tx.copyright.attachEvidence(song, blake2AsHex('e')), k.sc.court, 'copyright.OtherCourt'],
    ['Sichuan court rules a transfer', api.tx.copyright.ruleTransfer(song, { Account: k.sc.court.address }, k.sc.court.address,
      blake2AsHex('ruling')), k.sc.court, 'copyright.OtherCourt'],
    ['Chongqing office unfreezes', api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), k.cq.press, 'copyright.NotCourt'],
    ['stranger unfreezes', api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), k.bob, 'BadOrigin'],
    ['the controller licenses a frozen work', api.tx.copyright.grantLicence(song, { Account: k.bob.address }, false, NETWORK,
      null, now, now + 100, blake2AsHex('l')), buyer, 'copyright.Frozen'],
    ['a council member alone releases it', api.tx.copyright.forceUnfreeze(song, 7), k.alice, 'BadOrigin'],
  ]);
  await sendFor(api, api.tx.copyright.attachEvidence(song, blake2AsHex('notarised capture')), k.cq.court, 'copyright', 'EvidenceAttached');

  // The court (and the Chongqing office) are suspended: the freeze would be stuck.
  await motion(api, api.tx.utility.batchAll([
    api.tx.consortium.suspendAgency(AGENCY.cq.court), api.tx.consortium.suspendAgency(AGENCY.cq.press),
  ]), { proposer: k.alice, voter: k.cq.amr });
  await expectRefusals(api, [
    ['suspended court unfreezes', api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), k.cq.court, 'BadOrigin'],
    ['suspended court attaches evidence', api.tx.copyright.attachEvidence(song, blake2AsHex('e2')), k.cq.court, 'BadOrigin'],
    ['suspended office registers', api.tx.copyright.register(jingle), k.cq.press, 'BadOrigin'],
    ['Sichuan court unfreezes the orphaned freeze', api.tx.copyright.unfreeze(song, blake2AsHex('ruling')), k.sc.court, 'copyright.OtherCourt'],
  ]);
  const events = await motion(api, api.tx.copyright.forceUnfreeze(song, 7), { proposer: k.alice, voter: k.sc.amr });
  const released = events.find(({ event }) => event.section === 'copyright' && event.method === 'WorkForceUnfrozen').event.data;
  assert.equal(released.court.toNumber(), AGENCY.cq.court);
  assert.equal(released.reason.toNumber(), 7);
  assert.ok((await api.call.copyrightApi.work(song)).unwrap().frozen.isNone);
  // The controller deals in it again.
  const later = await chainNow(api);
  await sendFor(api, api.tx.copyright.grantLicence(song, { Account: k.bob.address }, false, NETWORK, null, later,
    later + 3600, blake2AsHex('licence after release')), buyer, 'copyright', 'LicenceGranted');
  const history = (await api.call.copyrightApi.evidence(song, 0, 100)).unwrap().history.map((e) => e.action.type);
  assert.deepEqual(history.slice(-4), ['Frozen', 'EvidenceAttached', 'ForceUnfrozen', 'Licensed']);
});
