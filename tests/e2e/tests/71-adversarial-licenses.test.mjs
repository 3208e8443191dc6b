// e2e-chain: adversarial
//
// Licences under attack. Every call is tried first by each wrong party — a stranger,
// another Chongqing agency, the same role in Sichuan, the issuer while its agency is
// suspended — and each must get its own error; then the right party succeeds and the
// event says so. Covers the catalogue, issuance, the holder's account (which no other
// region's issuer can set or take over — not even after issuing the holder a pretext
// licence of its own), consent and use, the lifecycle, mutual recognition, and a
// business licence that only the enterprise register manages (`ManagedByRegister`,
// even for governance).
//
// Agencies (adversarial preset): 4 = Chongqing justice bureau (LicenseIssuer),
// 13 = Sichuan justice bureau, 6 / 15 = the two regions' banks, 1 = Chongqing market
// regulator, 7 = Chongqing press administration (a Chongqing agency without the role).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  setup, sendFor, outcome, expectRefusals, motion, setUpBusinessLicences, establishEnterprise,
  AGENCY, CHONGQING, SICHUAN,
} from '../lib/adversarial.mjs';
import { chainNow } from '../lib/gov.mjs';

const YEAR = 365 * 24 * 3600;
const PURPOSE = 'loan-qualification';

let api;
let k;
let tag;
let holder; // the account cq-justice designates for the lawyer
let entAccount; // the enterprise's designated account (it applied itself)
let scAttacker; // an account the Sichuan justice bureau would like to act for Chongqing's holders
let person; // the lawyer's pseudonym
let cqType;
let scType;
let licence; // cq-justice's licence to the lawyer
let spare; // a second one, which the holder cancels while the issuer is suspended
let scLicence; // sc-justice's licence to the same pseudonym
let consent;
let enterprise; // promise of { uscc, license } — set up in the background
let fresh; // makes funded accounts

before(async () => {
  ({ api, k, tag, fresh } = await setup());
  [holder, entAccount, scAttacker] = await fresh('lawyer', 'enterprise', 'sc-attacker');
  person = { Person: blake2AsHex(`lawyer pseudonym ${tag}`) };
  // The enterprise with a register-managed business licence, prepared meanwhile.
  enterprise = setUpBusinessLicences(api, k.cq.amr, CHONGQING, tag)
    .then(() => establishEnterprise(api, k, { applicant: entAccount, name: `Licence Probe ${tag} Co., Ltd.` }));
  enterprise.catch(() => {});
});

after(async () => {
  await api?.disconnect();
});

const defineType = (code, region, role = 'LicenseIssuer', kind = 'Person') => api.tx.licenses.defineType(
  code, 'Lawyer practice licence', region, kind, role, 5 * YEAR, blake2AsHex('schema'), blake2AsHex('template'));

test('catalogue: only a licence issuer defines types, within its own region', async () => {
  await expectRefusals(api, [
    ['stranger', defineType(`X1-${tag}`, CHONGQING), k.bob, 'BadOrigin'],
    ['Chongqing market regulator as LicenseIssuer', defineType(`X2-${tag}`, CHONGQING), k.cq.amr, 'licenses.RoleNotHeld'],
    ['Chongqing press administration', defineType(`X3-${tag}`, CHONGQING), k.cq.press, 'licenses.RoleNotHeld'],
    ['Sichuan justice bureau for Chongqing', defineType(`X4-${tag}`, CHONGQING), k.sc.justice, 'licenses.OutsideRegion'],
    ['issuing role Court', defineType(`X5-${tag}`, CHONGQING, 'Court'), k.cq.justice, 'licenses.InvalidIssuerRole'],
  ]);
  const [cq, sc] = await Promise.all([
    sendFor(api, defineType(`CQ-LAWYER-${tag}`, CHONGQING), k.cq.justice, 'licenses', 'TypeDefined'),
    sendFor(api, defineType(`SC-LAWYER-${tag}`, SICHUAN), k.sc.justice, 'licenses', 'TypeDefined'),
  ]);
  cqType = cq.licenseType.toNumber();
  scType = sc.licenseType.toNumber();
  assert.equal(cq.authority.toNumber(), AGENCY.cq.justice);
  assert.equal(sc.authority.toNumber(), AGENCY.sc.justice);
});

test('issuance: only the Chongqing issuer issues Chongqing licences', async () => {
  const now = await chainNow(api);
  const issue = () => api.tx.licenses.issue(cqType, person, blake2AsHex(`licence file ${tag}`), now, null);
  await expectRefusals(api, [
    ['stranger', issue(), k.bob, 'BadOrigin'],
    ['Chongqing press administration', issue(), k.cq.press, 'licenses.RoleNotHeld'],
    ['Chongqing market regulator', issue(), k.cq.amr, 'licenses.RoleNotHeld'],
    ['Sichuan justice bureau', issue(), k.sc.justice, 'licenses.OutsideRegion'],
    ['Sichuan justice bureau, batch', api.tx.licenses.issueBatch(cqType, [
      { holder: person, content: blake2AsHex('x'), validFrom: now, validUntil: null }]), k.sc.justice, 'licenses.OutsideRegion'],
  ]);
  const [a, b] = await Promise.all([
    sendFor(api, issue(), k.cq.justice, 'licenses', 'LicenseIssued'),
    sendFor(api, api.tx.licenses.issue(cqType, person, blake2AsHex(`spare ${tag}`), now, null), k.cq.justice, 'licenses', 'LicenseIssued'),
  ]);
  licence = a.id.toNumber();
  spare = b.id.toNumber();
  assert.equal(a.issuer.toNumber(), AGENCY.cq.justice);
  assert.equal(a.validUntil.unwrap().toNumber(), now + 5 * YEAR);
});

test('the holder\'s account: set once by the issuer; Sichuan can neither set nor take over the Chongqing one', async () => {
  const setBy = (who, account) => [api.tx.licenses.setHolderAccount(person, account.address), who];
  await expectRefusals(api, [
    ['stranger', ...setBy(k.bob, k.bob), 'BadOrigin'],
    ['Sichuan justice bureau', ...setBy(k.sc.justice, k.sc.justice), 'licenses.NotHoldersIssuer'],
    ['Sichuan market regulator', ...setBy(k.sc.amr, k.sc.amr), 'licenses.NotHoldersIssuer'],
    ['Chongqing press administration', ...setBy(k.cq.press, k.cq.press), 'licenses.NotHoldersIssuer'],
    ['stranger hands over an unset account', api.tx.licenses.handOverHolderAccount(person, CHONGQING, k.bob.address), k.bob, 'licenses.NotHolder'],
  ]);
  const set = await sendFor(api, api.tx.licenses.setHolderAccount(person, holder.address), k.cq.justice, 'licenses', 'HolderAccountSet');
  assert.equal(set.account.toString(), holder.address);
  assert.equal(set.byAgency.toNumber(), AGENCY.cq.justice);

  // Sichuan issues the same pseudonym a licence of its own (allowed): that makes it one
  // of the holder's issuers, but the Chongqing account is set and stays (what Sichuan may
  // designate acts on Sichuan's licences only: the next test).
  const now = await chainNow(api);
  scLicence = (await sendFor(api, api.tx.licenses.issue(scType, person, blake2AsHex(`sc licence ${tag}`), now, null),
    k.sc.justice, 'licenses', 'LicenseIssued')).id.toNumber();
  await expectRefusals(api, [
    ['the issuer again', ...setBy(k.cq.justice, k.cq.justice), 'licenses.AccountAlreadySet'],
    ['Sichuan issuer takes it over', api.tx.licenses.handOverHolderAccount(person, CHONGQING, k.sc.justice.address), k.sc.justice, 'licenses.NotHolder'],
    ['Sichuan regulator takes it over', api.tx.licenses.handOverHolderAccount(person, CHONGQING, k.sc.amr.address), k.sc.amr, 'licenses.NotHolder'],
    ['stranger takes it over', api.tx.licenses.handOverHolderAccount(person, CHONGQING, k.bob.address), k.bob, 'licenses.NotHolder'],
    ['a council member alone forces it', api.tx.licenses.forceSetHolderAccount(person, CHONGQING, k.alice.address, 1), k.alice, 'BadOrigin'],
  ]);
  assert.equal((await api.call.licensesApi.holderAccount(person, CHONGQING)).unwrap().toString(), holder.address);
});

// Holder accounts are designated per province: another region's issuer that issues a
// holder a licence of its own designates an account for its own region's licences only.
test('Sichuan cannot take over the account of a Chongqing licence\'s holder by issuing it a licence of its own first', async () => {
  // A second lawyer: Chongqing issues the licence, and has not designated an account yet.
  const victim = { Person: blake2AsHex(`second lawyer pseudonym ${tag}`) };
  const now = await chainNow(api);
  const cq = (await sendFor(api, api.tx.licenses.issue(cqType, victim, blake2AsHex(`victim licence ${tag}`), now, null),
    k.cq.justice, 'licenses', 'LicenseIssued')).id.toNumber();
  // The pseudonym is public (it is in the event). Sichuan issues it a licence of its own
  // (allowed), which makes Sichuan one of the holder's issuers …
  const sc = (await sendFor(api, api.tx.licenses.issue(scType, victim, blake2AsHex(`pretext ${tag}`), now, null),
    k.sc.justice, 'licenses', 'LicenseIssued')).id.toNumber();
  // … and designates an account of its choosing: for Sichuan's licences only.
  const set = await sendFor(api, api.tx.licenses.setHolderAccount(victim, scAttacker.address), k.sc.justice,
    'licenses', 'HolderAccountSet');
  assert.equal(set.province.toNumber(), SICHUAN);
  assert.equal((await api.call.licensesApi.holderAccount(victim, SICHUAN)).unwrap().toString(), scAttacker.address);
  assert.ok((await api.call.licensesApi.holderAccount(victim, CHONGQING)).isNone, 'no account acts on Chongqing\'s licences');
  await expectRefusals(api, [
    ['Sichuan\'s account cancels Chongqing\'s licence', api.tx.licenses.cancel(cq, 1), scAttacker, 'licenses.NotHolder'],
    ['Sichuan\'s account consents to a use of it', api.tx.licenses.grantConsent(cq, AGENCY.sc.bank, PURPOSE, now + 3600),
      scAttacker, 'licenses.NotHolder'],
    ['Sichuan\'s account hands over the Chongqing account', api.tx.licenses.handOverHolderAccount(victim, CHONGQING, k.bob.address),
      scAttacker, 'licenses.NotHolder'],
  ]);
  assert.equal((await api.call.licensesApi.license(cq)).unwrap().status.toString(), 'Active');
  // Chongqing designates the real lawyer's account for its own licences; each account
  // acts on its own region's licence only.
  const lawyer = (await fresh('second lawyer'))[0];
  await sendFor(api, api.tx.licenses.setHolderAccount(victim, lawyer.address), k.cq.justice, 'licenses', 'HolderAccountSet');
  await expectRefusals(api, [
    ['Chongqing\'s account cancels Sichuan\'s licence', api.tx.licenses.cancel(sc, 1), lawyer, 'licenses.NotHolder'],
  ]);
  await sendFor(api, api.tx.licenses.cancel(cq, 1), lawyer, 'licenses', 'LicenseChanged');
  assert.equal((await api.call.licensesApi.license(sc)).unwrap().status.toString(), 'Active');
});

test('consent and use: only the holder authorises, only the named bank uses, for the named purpose', async () => {
  const until = (await chainNow(api)) + 3600;
  const grant = () => api.tx.licenses.grantConsent(licence, AGENCY.cq.bank, PURPOSE, until);
  await expectRefusals(api, [
    ['stranger', grant(), k.bob, 'licenses.NotHolder'],
    ['the issuer', grant(), k.cq.justice, 'licenses.NotHolder'],
    ['the bank itself', grant(), k.cq.bank, 'licenses.NotHolder'],
    ['Sichuan justice bureau', grant(), k.sc.justice, 'licenses.NotHolder'],
  ]);
  const granted = await sendFor(api, grant(), holder, 'licenses', 'ConsentGranted');
  consent = granted.consent.toNumber();
  assert.equal(granted.verifier.toNumber(), AGENCY.cq.bank);

  const use = (purpose, index) => api.tx.licenses.recordUse(licence, purpose, blake2AsHex('loan file'), index);
  await expectRefusals(api, [
    ['stranger', use(PURPOSE, consent), k.bob, 'BadOrigin'],
    ['Sichuan bank with the Chongqing bank\'s consent', use(PURPOSE, consent), k.sc.bank, 'licenses.ConsentForOtherAgency'],
    ['Chongqing bank without consent', use(PURPOSE, null), k.cq.bank, 'licenses.ConsentRequired'],
    ['Sichuan justice bureau without consent', use(PURPOSE, null), k.sc.justice, 'licenses.ConsentRequired'],
    ['Chongqing bank, another purpose', use('marketing', consent), k.cq.bank, 'licenses.PurposeMismatch'],
    ['stranger withdraws the consent', api.tx.licenses.revokeConsent(licence, consent), k.bob, 'licenses.NotHolder'],
    ['the bank withdraws the consent', api.tx.licenses.revokeConsent(licence, consent), k.cq.bank, 'licenses.NotHolder'],
  ]);
  const used = await sendFor(api, use(PURPOSE, consent), k.cq.bank, 'licenses', 'LicenseUsed');
  assert.equal(used.verifier.toNumber(), AGENCY.cq.bank);
  assert.equal(used.basis.asConsent.toNumber(), consent);
  const log = await api.call.licensesApi.usageLog(licence, 0, 10);
  assert.deepEqual(log.map(([, e]) => e.verifier.toNumber()), [AGENCY.cq.bank]);
});

test('lifecycle: only the issuer suspends, reinstates, revokes, renews or cancels', async () => {
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['stranger suspends', api.tx.licenses.suspend(licence, 1, null), k.bob, 'BadOrigin'],
    ['holder suspends', api.tx.licenses.suspend(licence, 1, null), holder, 'BadOrigin'],
    ['Chongqing press administration suspends', api.tx.licenses.suspend(licence, 1, null), k.cq.press, 'licenses.NotIssuer'],
    ['Sichuan justice bureau suspends', api.tx.licenses.suspend(licence, 1, null), k.sc.justice, 'licenses.NotIssuer'],
    ['Sichuan justice bureau revokes', api.tx.licenses.revoke(licence, 1, null), k.sc.justice, 'licenses.NotIssuer'],
    ['Sichuan justice bureau cancels', api.tx.licenses.cancel(licence, 1), k.sc.justice, 'licenses.NotIssuer'],
    ['stranger cancels', api.tx.licenses.cancel(licence, 1), k.bob, 'licenses.NotHolder'],
    ['Sichuan justice bureau renews', api.tx.licenses.renew(licence, blake2AsHex('r'), now, null, 1), k.sc.justice, 'licenses.NotIssuer'],
    ['Chongqing bank (a verifier) renews', api.tx.licenses.renew(licence, blake2AsHex('r'), now, null, 1), k.cq.bank, 'licenses.NotIssuer'],
    ['Chongqing issuer suspends Sichuan\'s licence', api.tx.licenses.suspend(scLicence, 1, null), k.cq.justice, 'licenses.NotIssuer'],
  ]);
  const suspended = await sendFor(api, api.tx.licenses.suspend(licence, 101, blake2AsHex('decision')), k.cq.justice, 'licenses', 'LicenseChanged');
  assert.equal(suspended.action.type, 'Suspended');
  assert.equal(suspended.agency.unwrap().toNumber(), AGENCY.cq.justice);
  await expectRefusals(api, [
    ['stranger reinstates', api.tx.licenses.reinstate(licence, 2, null), k.bob, 'BadOrigin'],
    ['Sichuan justice bureau reinstates', api.tx.licenses.reinstate(licence, 2, null), k.sc.justice, 'licenses.NotIssuer'],
    ['Chongqing press administration reinstates', api.tx.licenses.reinstate(licence, 2, null), k.cq.press, 'licenses.NotIssuer'],
  ]);
  assert.equal((await api.call.licensesApi.license(licence)).unwrap().status.toString(), 'Suspended');
});

test('a suspended issuer acts no more; the holder still cancels; after reinstatement the issuer lifts its suspension', async () => {
  await motion(api, api.tx.consortium.suspendAgency(AGENCY.cq.justice), { proposer: k.alice, voter: k.cq.amr });
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['suspended issuer reinstates', api.tx.licenses.reinstate(licence, 2, null), k.cq.justice, 'BadOrigin'],
    ['suspended issuer revokes', api.tx.licenses.revoke(licence, 2, null), k.cq.justice, 'BadOrigin'],
    ['suspended issuer issues', api.tx.licenses.issue(cqType, person, blake2AsHex('y'), now, null), k.cq.justice, 'BadOrigin'],
    ['suspended issuer defines a type', defineType(`X6-${tag}`, CHONGQING), k.cq.justice, 'BadOrigin'],
    // Not an agency now, and not the holder's account either.
    ['suspended issuer cancels', api.tx.licenses.cancel(spare, 2), k.cq.justice, 'licenses.NotHolder'],
    ['suspended type authority declares recognition', api.tx.licenses.declareRecognition(cqType, scType), k.cq.justice, 'BadOrigin'],
  ]);
  // Nothing is stuck on the suspended issuer: the holder ends its own licence.
  const cancelled = await sendFor(api, api.tx.licenses.cancel(spare, 5), holder, 'licenses', 'LicenseChanged');
  assert.equal(cancelled.action.type, 'Cancelled');
  assert.ok(cancelled.agency.isNone);
  assert.equal(cancelled.by.unwrap().toString(), holder.address);

  await motion(api, api.tx.consortium.reinstateAgency(AGENCY.cq.justice), { proposer: k.alice, voter: k.cq.amr });
  const lifted = await sendFor(api, api.tx.licenses.reinstate(licence, 102, null), k.cq.justice, 'licenses', 'LicenseChanged');
  assert.equal(lifted.action.type, 'Reinstated');
  assert.equal((await api.call.licensesApi.license(licence)).unwrap().status.toString(), 'Active');
});

test('recognition: each side\'s authority acts only for its own type', async () => {
  await expectRefusals(api, [
    ['stranger declares', api.tx.licenses.declareRecognition(cqType, scType), k.bob, 'BadOrigin'],
    ['Sichuan declares for Chongqing\'s type', api.tx.licenses.declareRecognition(cqType, scType), k.sc.justice, 'licenses.NotTypeAuthority'],
    ['Chongqing press administration declares', api.tx.licenses.declareRecognition(cqType, scType), k.cq.press, 'licenses.NotTypeAuthority'],
    ['Sichuan retires Chongqing\'s type', api.tx.licenses.retireType(cqType), k.sc.justice, 'licenses.NotTypeAuthority'],
    ['stranger retires a type', api.tx.licenses.retireType(cqType), k.bob, 'BadOrigin'],
  ]);
  await sendFor(api, api.tx.licenses.declareRecognition(cqType, scType), k.cq.justice, 'licenses', 'RecognitionDeclared');
  await expectRefusals(api, [
    ['the declaring side confirms', api.tx.licenses.confirmRecognition(cqType, scType), k.cq.justice, 'licenses.NotTypeAuthority'],
    ['Sichuan market regulator confirms', api.tx.licenses.confirmRecognition(cqType, scType), k.sc.amr, 'licenses.NotTypeAuthority'],
    ['stranger confirms', api.tx.licenses.confirmRecognition(cqType, scType), k.bob, 'BadOrigin'],
    ['Chongqing press administration withdraws', api.tx.licenses.withdrawRecognition(cqType, scType), k.cq.press, 'licenses.NotTypeAuthority'],
  ]);
  const v0 = await api.call.licensesApi.verify(scLicence, CHONGQING, null);
  assert.equal(v0.type, 'ValidNotRecognised');
  const confirmed = await sendFor(api, api.tx.licenses.confirmRecognition(cqType, scType), k.sc.justice, 'licenses', 'RecognitionConfirmed');
  assert.equal(confirmed.by.toNumber(), AGENCY.sc.justice);
  const v1 = await api.call.licensesApi.verify(scLicence, CHONGQING, null);
  assert.equal(v1.asValidRecognised.via.unwrap().toNumber(), cqType);
});

test('a business licence from the register is managed through the register only, even by governance', async () => {
  const { uscc, license } = await enterprise;
  const ent = { Enterprise: uscc };
  const lic = (await api.call.licensesApi.license(license)).unwrap();
  assert.equal(lic.managedByRegister.isTrue, true);
  assert.equal(lic.issuer.toNumber(), AGENCY.cq.amr);
  const now = await chainNow(api);
  await expectRefusals(api, [
    ['its issuer suspends', api.tx.licenses.suspend(license, 1, null), k.cq.amr, 'licenses.ManagedByRegister'],
    ['its issuer revokes', api.tx.licenses.revoke(license, 1, null), k.cq.amr, 'licenses.ManagedByRegister'],
    ['its issuer cancels', api.tx.licenses.cancel(license, 1), k.cq.amr, 'licenses.ManagedByRegister'],
    ['its issuer renews', api.tx.licenses.renew(license, blake2AsHex('r'), now, null, 1), k.cq.amr, 'licenses.ManagedByRegister'],
    ['the enterprise cancels', api.tx.licenses.cancel(license, 1), entAccount, 'licenses.ManagedByRegister'],
    ['Sichuan regulator suspends', api.tx.licenses.suspend(license, 1, null), k.sc.amr, 'licenses.NotIssuer'],
    ['stranger cancels', api.tx.licenses.cancel(license, 1), k.bob, 'licenses.NotHolder'],
    // The enterprise acts through the account the register records, nobody else's.
    ['Sichuan issuer sets the enterprise\'s account', api.tx.licenses.setHolderAccount(ent, k.sc.justice.address), k.sc.justice, 'licenses.ManagedByRegister'],
    ['Chongqing issuer sets the enterprise\'s account', api.tx.licenses.setHolderAccount(ent, k.cq.justice.address), k.cq.justice, 'licenses.ManagedByRegister'],
    ['Sichuan regulator takes the enterprise\'s account over', api.tx.licenses.handOverHolderAccount(ent, CHONGQING, k.sc.amr.address), k.sc.amr, 'licenses.NotHolder'],
    ['the enterprise hands over here', api.tx.licenses.handOverHolderAccount(ent, CHONGQING, k.bob.address), entAccount, 'licenses.ManagedByRegister'],
  ]);
  const [forced, forcedAccount] = await Promise.allSettled([
    motion(api, api.tx.licenses.forceChange(license, 'Suspended', 1), { proposer: k.alice, voter: k.sc.amr }),
    motion(api, api.tx.licenses.forceSetHolderAccount(ent, CHONGQING, k.alice.address, 1), { proposer: k.cq.amr, voter: k.sc.amr }),
  ]);
  assert.match(String(forced.reason), /motion executed with error licenses\.ManagedByRegister/);
  assert.match(String(forcedAccount.reason), /motion executed with error licenses\.ManagedByRegister/);
  assert.equal((await api.call.licensesApi.license(license)).unwrap().status.toString(), 'Active');
  assert.equal((await api.call.licensesApi.holderAccount(ent, CHONGQING)).unwrap().toString(), entAccount.address);
  // Consent works on it as on any licence, given by the enterprise's account.
  const until = (await chainNow(api)) + 3600;
  await sendFor(api, api.tx.licenses.grantConsent(license, AGENCY.cq.bank, PURPOSE, until), entAccount, 'licenses', 'ConsentGranted');
});
