// Electronic licences as the front-ends of a justice bureau, a bank and two market
// regulators use them: define a lawyer's practice licence, issue it, designate the
// holder's account (only the issuer may, once), use it with the holder's consent
// (refused without), suspend, reinstate, revoke; the holder's account hands over and
// governance replaces a lost one or lifts a forced suspension; then two regions
// recognise each other's food business licences and verification follows.
//
// Preset agencies: 0 = demo agency (Alice, Chongqing 500000, every role),
// 1 = Sichuan market regulator (Bob, 510000, MarketRegulator + LicenseIssuer),
// 5 = Bank of Chongqing (Ferdie, Bank).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf, passMotion } from '../lib/chain.mjs';
import { usccWithCheck, chainNow, fund, runTag } from '../lib/gov.mjs';

const CHONGQING = 500000;
const SICHUAN = 510000;
const BANK = 5;
const YEAR = 365 * 24 * 3600;

let api;
let acc;
let lawyer; // the account the justice bureau designates for the lawyer
let lawyerNewKey; // the account the lawyer hands over to
let lawyerRecovered; // the account governance designates after the lawyer loses a key
let tag;
let lawyerType;
let licence;
let person; // a fresh pseudonym per run: its account is designated once

before(async () => {
  api = await connect();
  acc = devAccounts();
  tag = runTag();
  person = { Person: blake2AsHex(`e2e lawyer pseudonym ${tag} (keyed hash computed off chain)`) };
  const keyring = new Keyring({ type: 'sr25519' });
  lawyer = keyring.addFromUri(`//e2e/lawyer/${tag}`);
  lawyerNewKey = keyring.addFromUri(`//e2e/lawyer/${tag}/new`);
  lawyerRecovered = keyring.addFromUri(`//e2e/lawyer/${tag}/recovered`);
  await fund(api, acc.alice, [lawyer.address, lawyerNewKey.address, lawyerRecovered.address]);
});

after(async () => {
  await api?.disconnect();
});

const verdict = async (id, region, at = null) => {
  const v = await api.call.licensesApi.verify(id, region, at);
  if (v.isInvalid) return `Invalid:${v.asInvalid.reason.toString()}`;
  if (v.isValidRecognised) {
    const via = v.asValidRecognised.via;
    return via.isSome ? `Recognised:via ${via.unwrap().toNumber()}` : 'Recognised:own';
  }
  return v.type;
};

test('a justice bureau defines the lawyer practice licence type and issues a licence', async () => {
  const code = `CQ-LAWYER-${tag}`;
  const { events } = await sendAndFinalize(api, api.tx.licenses.defineType(
    code, 'Lawyer practice licence', CHONGQING, 'Person', 'LicenseIssuer', 5 * YEAR,
    blake2AsHex('schema'), blake2AsHex('template')), acc.alice);
  const [defined] = eventsOf(events, 'licenses', 'TypeDefined');
  lawyerType = defined.licenseType.toNumber();
  assert.equal(defined.authority.toNumber(), 0);
  assert.equal((await api.call.licensesApi.typeByCode(code)).unwrap().toNumber(), lawyerType);

  // A bank cannot define licence types.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.defineType(
    `BANK-${tag}`, 'x', CHONGQING, 'Person', 'LicenseIssuer', null,
    blake2AsHex('s'), blake2AsHex('t')), acc.ferdie), /licenses\.RoleNotHeld/);

  // No agency designates an account for a holder it issued no live licence.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.setHolderAccount(person, lawyer.address), acc.alice),
    /licenses\.NotHoldersIssuer/);
  const from = await chainNow(api);
  const issued = await sendAndFinalize(api, api.tx.licenses.issue(
    lawyerType, person, blake2AsHex('licence file (OFD)'), from, null), acc.alice);
  const [ev] = eventsOf(issued.events, 'licenses', 'LicenseIssued');
  licence = ev.id.toNumber();
  assert.equal(ev.validUntil.unwrap().toNumber(), from + 5 * YEAR);

  // The issuer designates the lawyer's account once; another region's regulator cannot,
  // and nobody overwrites it afterwards.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.setHolderAccount(person, acc.bob.address), acc.bob),
    /licenses\.NotHoldersIssuer/);
  const set = await sendAndFinalize(api, api.tx.licenses.setHolderAccount(person, lawyer.address), acc.alice);
  const [designated] = eventsOf(set.events, 'licenses', 'HolderAccountSet');
  assert.equal(designated.account.toString(), lawyer.address);
  assert.equal(designated.byAgency.toNumber(), 0);
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.setHolderAccount(person, acc.alice.address), acc.alice),
    /licenses\.AccountAlreadySet/);

  const stored = (await api.call.licensesApi.license(licence)).unwrap();
  assert.equal(stored.status.toString(), 'Active');
  assert.equal(stored.issuer.toNumber(), 0);
  assert.equal(stored.managedByRegister.isTrue, false);
  const mine = await api.call.licensesApi.licensesOf(person, null, 100);
  assert.ok(mine.map((x) => x.toNumber()).includes(licence));
  assert.equal((await api.call.licensesApi.holderAccount(person, CHONGQING)).unwrap().toString(), lawyer.address);
  assert.equal(await verdict(licence, CHONGQING), 'Recognised:own');
  // A holder of the wrong kind is refused.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.issue(
    lawyerType, { Enterprise: usccWithCheck('91500000MA0000001') }, blake2AsHex('x'), from, null),
  acc.alice), /licenses\.HolderKindMismatch/);
});

test('a bank uses the licence only with the holder\'s consent, and every use is recorded', async () => {
  const purpose = 'loan-qualification';
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.recordUse(
    licence, purpose, blake2AsHex('loan file 1'), null), acc.ferdie), /licenses\.ConsentRequired/);

  const until = (await chainNow(api)) + 3600;
  const granted = await sendAndFinalize(api, api.tx.licenses.grantConsent(licence, BANK, purpose, until), lawyer);
  const [consent] = eventsOf(granted.events, 'licenses', 'ConsentGranted');
  const index = consent.consent.toNumber();

  // Another purpose is not covered.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.recordUse(
    licence, 'marketing', blake2AsHex('x'), index), acc.ferdie), /licenses\.PurposeMismatch/);
  const used = await sendAndFinalize(api, api.tx.licenses.recordUse(
    licence, purpose, blake2AsHex('loan file 1'), index), acc.ferdie);
  const [use] = eventsOf(used.events, 'licenses', 'LicenseUsed');
  assert.equal(use.verifier.toNumber(), BANK);

  const log = await api.call.licensesApi.usageLog(licence, 0, 100);
  assert.equal(log.length, 1);
  const [, entry] = log[0];
  assert.equal(entry.verifier.toNumber(), BANK);
  assert.equal(entry.operator.toString(), acc.ferdie.address);
  assert.equal(entry.purpose.toUtf8(), purpose);
  assert.equal(entry.basis.asConsent.toNumber(), index);
  assert.equal(entry.block.toNumber(), used.blockNumber);

  // The holder withdraws the consent; the next use is refused.
  await sendAndFinalize(api, api.tx.licenses.revokeConsent(licence, index), lawyer);
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.recordUse(
    licence, purpose, blake2AsHex('loan file 2'), index), acc.ferdie), /licenses\.ConsentRevoked/);
  const consents = await api.call.licensesApi.consents(licence, 0, 10);
  assert.ok(consents[0][1].revokedAt.isSome);
});

test('suspend, reinstate and revoke, each in the management record; a revoked licence stays revoked', async () => {
  await sendAndFinalize(api, api.tx.licenses.suspend(licence, 101, blake2AsHex('decision 2026-17')), acc.alice);
  assert.equal(await verdict(licence, CHONGQING), 'Invalid:Suspended');
  // Only the issuer (or the type's authority) manages the licence; another region's
  // agency can neither lift the suspension nor cancel the licence.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.reinstate(licence, 102, null), acc.bob),
    /licenses\.NotIssuer/);
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.cancel(licence, 102), acc.bob),
    /licenses\.NotIssuer/);
  await sendAndFinalize(api, api.tx.licenses.reinstate(licence, 102, null), acc.alice);
  assert.equal(await verdict(licence, CHONGQING), 'Recognised:own');
  await sendAndFinalize(api, api.tx.licenses.revoke(licence, 103, blake2AsHex('decision 2026-18')), acc.alice);
  assert.equal(await verdict(licence, CHONGQING), 'Invalid:Revoked');
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.reinstate(licence, 104, null), acc.alice),
    /licenses\.LicenseRevoked/);

  const record = await api.call.licensesApi.managementRecord(licence, 0, 100);
  assert.deepEqual(record.map(([, c]) => [c.action.type, c.reason.toNumber(), c.agency.unwrap().toNumber(), c.by.unwrap().toString(), c.forced.isTrue]),
    [['Suspended', 101, 0, acc.alice.address, false], ['Reinstated', 102, 0, acc.alice.address, false], ['Revoked', 103, 0, acc.alice.address, false]]);
  assert.equal((await api.call.licensesApi.license(licence)).unwrap().status.toString(), 'Revoked');
});

test('the holder\'s account hands over; governance replaces a lost account and lifts a forced suspension', async () => {
  const from = await chainNow(api);
  const issued = await sendAndFinalize(api, api.tx.licenses.issue(
    lawyerType, person, blake2AsHex('licence file 2 (OFD)'), from, null), acc.alice);
  const second = eventsOf(issued.events, 'licenses', 'LicenseIssued')[0].id.toNumber();

  // A stranger cannot take the holder's account; the holder hands it over itself.
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.handOverHolderAccount(person, CHONGQING, acc.ferdie.address), acc.ferdie),
    /licenses\.NotHolder/);
  const handed = await sendAndFinalize(api, api.tx.licenses.handOverHolderAccount(person, CHONGQING, lawyerNewKey.address), lawyer);
  const [h] = eventsOf(handed.events, 'licenses', 'HolderAccountHandedOver');
  assert.equal(h.to.toString(), lawyerNewKey.address);
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.grantConsent(second, BANK, 'x', from + 3600), lawyer),
    /licenses\.NotHolder/);

  // The new key is lost: a council motion designates another account.
  await assert.rejects(sendAndFinalize(api,
    api.tx.licenses.forceSetHolderAccount(person, CHONGQING, lawyerRecovered.address, 900), acc.alice), /BadOrigin/);
  const forcedSet = await passMotion(api, api.tx.licenses.forceSetHolderAccount(person, CHONGQING, lawyerRecovered.address, 900),
    { proposer: acc.alice, voters: [acc.bob], threshold: 2 });
  const [fs] = eventsOf(forcedSet, 'licenses', 'HolderAccountForceSet');
  assert.equal(fs.account.unwrap().toString(), lawyerRecovered.address);
  assert.equal((await api.call.licensesApi.holderAccount(person, CHONGQING)).unwrap().toString(), lawyerRecovered.address);

  // A suspension governance imposes is lifted by governance only, recorded as forced.
  await passMotion(api, api.tx.licenses.forceChange(second, 'Suspended', 901),
    { proposer: acc.alice, voters: [acc.bob], threshold: 2 });
  assert.equal(await verdict(second, CHONGQING), 'Invalid:Suspended');
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.reinstate(second, 902, null), acc.alice),
    /licenses\.SuspendedByOther/);
  await passMotion(api, api.tx.licenses.forceChange(second, 'Reinstated', 902),
    { proposer: acc.alice, voters: [acc.bob], threshold: 2 });
  assert.equal(await verdict(second, CHONGQING), 'Recognised:own');
  const record = await api.call.licensesApi.managementRecord(second, 0, 100);
  assert.deepEqual(record.map(([, c]) => [c.action.type, c.reason.toNumber(), c.agency.isNone, c.by.isNone, c.forced.isTrue]),
    [['Suspended', 901, true, true, true], ['Reinstated', 902, true, true, true]]);
  // The holder (through the recovered account) ends it.
  await sendAndFinalize(api, api.tx.licenses.cancel(second, 903), lawyerRecovered);
  assert.equal((await api.call.licensesApi.license(second)).unwrap().status.toString(), 'Cancelled');
});

test('two regions recognise each other\'s food business licences; verification answers accordingly', async () => {
  const define = async (signer, code, region) => {
    const { events } = await sendAndFinalize(api, api.tx.licenses.defineType(
      code, 'Food business licence', region, 'Enterprise', 'LicenseIssuer', null,
      blake2AsHex(`${code} schema`), blake2AsHex(`${code} template`)), signer);
    return eventsOf(events, 'licenses', 'TypeDefined')[0].licenseType.toNumber();
  };
  const cqFood = await define(acc.alice, `CQ-FOOD-${tag}`, CHONGQING);
  const scFood = await define(acc.bob, `SC-FOOD-${tag}`, SICHUAN);
  const from = await chainNow(api);

  // Sichuan migrates its store in a batch; Chongqing issues one licence.
  const batch = ['91510000MA0000001', '91510000MA0000002', '91510000MA0000003'].map((p, i) => ({
    holder: { Enterprise: usccWithCheck(p) }, content: blake2AsHex(`sc food ${i}`), validFrom: from, validUntil: null,
  }));
  const migrated = await sendAndFinalize(api, api.tx.licenses.issueBatch(scFood, batch), acc.bob);
  const scIds = eventsOf(migrated.events, 'licenses', 'LicenseIssued').map((e) => e.id.toNumber());
  assert.equal(scIds.length, 3);
  const sc = scIds[0];
  const cqIssued = await sendAndFinalize(api, api.tx.licenses.issue(
    cqFood, { Enterprise: usccWithCheck('91500000MA0000009') }, blake2AsHex('cq food'), from, null), acc.alice);
  const cq = eventsOf(cqIssued.events, 'licenses', 'LicenseIssued')[0].id.toNumber();

  assert.equal(await verdict(sc, SICHUAN), 'Recognised:own');
  assert.equal(await verdict(sc, CHONGQING), 'ValidNotRecognised');

  // Chongqing declares; until Sichuan confirms, nothing changes.
  await sendAndFinalize(api, api.tx.licenses.declareRecognition(cqFood, scFood), acc.alice);
  assert.equal(await verdict(sc, CHONGQING), 'ValidNotRecognised');
  await assert.rejects(sendAndFinalize(api, api.tx.licenses.confirmRecognition(cqFood, scFood), acc.alice),
    /licenses\.NotTypeAuthority/);
  await sendAndFinalize(api, api.tx.licenses.confirmRecognition(cqFood, scFood), acc.bob);
  assert.equal(await verdict(sc, CHONGQING), `Recognised:via ${cqFood}`);
  assert.equal(await verdict(sc, 500103), `Recognised:via ${cqFood}`); // a Chongqing district
  // One direction only, until Sichuan declares and Chongqing confirms the reverse.
  assert.equal(await verdict(cq, SICHUAN), 'ValidNotRecognised');
  await sendAndFinalize(api, api.tx.licenses.declareRecognition(scFood, cqFood), acc.bob);
  await sendAndFinalize(api, api.tx.licenses.confirmRecognition(scFood, cqFood), acc.alice);
  assert.equal(await verdict(cq, SICHUAN), `Recognised:via ${scFood}`);
  const recognitions = await api.call.licensesApi.recognitionsOf(scFood, 0, 100);
  assert.deepEqual(recognitions.map(([t, r]) => [t.toNumber(), r.confirmed.isSome]), [[cqFood, true]]);

  // Validity still comes first; a withdrawal ends the recognition.
  assert.equal(await verdict(sc, CHONGQING, from - 10), 'Invalid:NotYetValid');
  await sendAndFinalize(api, api.tx.licenses.withdrawRecognition(cqFood, scFood), acc.bob);
  assert.equal(await verdict(sc, CHONGQING), 'ValidNotRecognised');
  assert.equal(await verdict(999999, CHONGQING), 'Invalid:Unknown');
});
