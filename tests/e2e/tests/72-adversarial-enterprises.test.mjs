// e2e-chain: adversarial
//
// The enterprise register under attack. Each call is tried by every wrong party — a
// stranger, another Chongqing agency, Sichuan's agency of the same role, and the right
// agency while it is suspended — each getting its own error, before the right party
// succeeds. Includes the attacks the trust-boundaries issue names: a stranger files an
// amendment; a rejected amendment does not block deregistration, which ends every
// licence the enterprise holds; Sichuan's regulator tries to set or take over the
// designated account of a Chongqing enterprise; a cross-region move only the
// destination's regulator accepts.
//
// Agencies (adversarial preset): 1 = Chongqing market regulator (registration
// authority), 2 = Chongqing public security bureau (seals), 3 = Chongqing tax service,
// 4 = Chongqing justice bureau (food licences), 9 = Chongqing audit office;
// 10, 11 = the Sichuan market regulator and public security bureau.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  setup, send, sendFor, expectRefusals, motion, setUpBusinessLicences, establishEnterprise, councilMembers,
  usccOf, AGENCY, CHONGQING, SICHUAN, SCOPE,
} from '../lib/adversarial.mjs';
import { chainNow } from '../lib/gov.mjs';
import { eventsOf } from '../lib/chain.mjs';

const SERVICES = ['BusinessLicense', 'SealEngraving', 'TaxRegistration'];

let api;
let k;
let tag;
let applicant; // applies itself: the enterprise's designated account
let heir; // the account the applicant hands the enterprise over to
let deskOwner; // the account the regulator designates for a desk-filed enterprise
let cqBizType;
let foodType;
let desk; // { uscc, license } of an enterprise filed at the regulator's desk (no account)
let app; // the application under review
let uscc; // the enterprise it establishes
let bizLicence;
let amendment;

before(async () => {
  let fresh;
  ({ api, k, tag, fresh } = await setup());
  [applicant, heir, deskOwner] = await fresh('applicant', 'heir', 'desk-owner');
  const [cq, , food] = await Promise.all([
    setUpBusinessLicences(api, k.cq.amr, CHONGQING, tag),
    setUpBusinessLicences(api, k.sc.amr, SICHUAN, tag),
    sendFor(api, api.tx.licenses.defineType(`CQ-FOOD-${tag}`, 'Food business licence', CHONGQING, 'Enterprise',
      'LicenseIssuer', null, blake2AsHex('food schema'), blake2AsHex('food template')), k.cq.justice, 'licenses', 'TypeDefined'),
  ]);
  cqBizType = cq;
  foodType = food.licenseType.toNumber();
  desk = await establishEnterprise(api, k, { applicant: null, name: `Desk Filed ${tag} Co., Ltd.`, viaDesk: true });
});

after(async () => {
  await api?.disconnect();
});

const applyTx = (name, region = CHONGQING, services = SERVICES) => api.tx.enterprises.apply(
  name, 'LimitedCompany', region, 100_000_000, SCOPE, blake2AsHex(`legal rep ${name}`), blake2AsHex(`materials ${name}`), services);

test('only a market regulator chooses its business licence type, one it may issue', async () => {
  await expectRefusals(api, [
    ['stranger', api.tx.enterprises.setLicenseType(cqBizType), k.bob, 'consortium.NotOperator'],
    ['Chongqing justice bureau', api.tx.enterprises.setLicenseType(cqBizType), k.cq.justice, 'enterprises.RoleNotHeld'],
    ['Sichuan regulator, Chongqing\'s type', api.tx.enterprises.setLicenseType(cqBizType), k.sc.amr, 'licenses.OutsideRegion'],
    ['Chongqing regulator, the justice bureau\'s type', api.tx.enterprises.setLicenseType(foodType), k.cq.amr, 'licenses.RoleNotHeld'],
  ]);
  assert.equal((await api.query.enterprises.licenseTypeOf(AGENCY.cq.amr)).unwrap().toNumber(), cqBizType);
});

test('an application is reviewed only by the departments of its region holding each service\'s role', async () => {
  const name = `Cloud Tech ${tag} Co., Ltd.`;
  await expectRefusals(api, [
    ['Sichuan regulator files at its desk for Chongqing', applyTx(`Desk ${tag}`), k.sc.amr, 'enterprises.OutsideRegion'],
  ]);
  const submitted = await sendFor(api, applyTx(name), applicant, 'enterprises', 'ApplicationSubmitted');
  app = submitted.id.toNumber();
  assert.equal(submitted.submitter.toString(), applicant.address);
  assert.ok(submitted.viaAgency.isNone);
  const review = (service) => api.tx.enterprises.review(app, service, true, 0, null);
  await expectRefusals(api, [
    ['stranger', review('SealEngraving'), k.bob, 'consortium.NotOperator'],
    ['the applicant', review('BusinessLicense'), applicant, 'consortium.NotOperator'],
    ['tax service reviews seals', review('SealEngraving'), k.cq.tax, 'enterprises.RoleNotHeld'],
    ['audit office reviews the licence', review('BusinessLicense'), k.cq.audit, 'enterprises.RoleNotHeld'],
    ['Sichuan PSB reviews seals', review('SealEngraving'), k.sc.psb, 'enterprises.OutsideRegion'],
    ['Sichuan regulator reviews the licence', review('BusinessLicense'), k.sc.amr, 'enterprises.OutsideRegion'],
    ['stranger withdraws', api.tx.enterprises.withdraw(app), k.bob, 'enterprises.NotSubmitter'],
    ['the regulator withdraws', api.tx.enterprises.withdraw(app), k.cq.amr, 'enterprises.NotSubmitter'],
    ['stranger resubmits', api.tx.enterprises.resubmit(app, blake2AsHex('forged')), k.bob, 'enterprises.NotSubmitter'],
  ]);
});

test('suspended departments neither review nor manage; the register\'s other agencies count as strangers', async () => {
  const before = await councilMembers(api);
  await motion(api, api.tx.utility.batchAll([
    api.tx.consortium.suspendAgency(AGENCY.cq.psb), api.tx.consortium.suspendAgency(AGENCY.cq.amr),
  ]), { proposer: k.alice, voter: k.cq.amr });
  assert.ok(!(await councilMembers(api)).includes(k.cq.amr.address), 'the suspended regulator left the council');
  const amend = () => api.tx.enterprises.applyAmendment(desk.uscc, `Taken ${tag}`, CHONGQING, 1, SCOPE,
    blake2AsHex('x'), blake2AsHex('y'), ['BusinessLicense']);
  await expectRefusals(api, [
    ['suspended PSB reviews seals', api.tx.enterprises.review(app, 'SealEngraving', true, 0, null), k.cq.psb, 'consortium.AgencySuspended'],
    ['suspended regulator reviews the licence', api.tx.enterprises.review(app, 'BusinessLicense', true, 0, null), k.cq.amr, 'consortium.AgencySuspended'],
    ['suspended authority deregisters', api.tx.enterprises.deregister(desk.uscc, 1), k.cq.amr, 'consortium.AgencySuspended'],
    ['suspended authority sets a status', api.tx.enterprises.setStatus(desk.uscc, 'Abnormal', 1), k.cq.amr, 'consortium.AgencySuspended'],
    ['suspended authority requests a move', api.tx.enterprises.requestMove(desk.uscc, SICHUAN), k.cq.amr, 'consortium.AgencySuspended'],
    ['suspended authority sets the account', api.tx.enterprises.setAccount(desk.uscc, k.cq.amr.address), k.cq.amr, 'enterprises.NotAuthorized'],
    ['suspended authority amends', amend(), k.cq.amr, 'enterprises.NotAuthorized'],
  ]);
  await motion(api, api.tx.utility.batchAll([
    api.tx.consortium.reinstateAgency(AGENCY.cq.psb), api.tx.consortium.reinstateAgency(AGENCY.cq.amr),
  ]), { proposer: k.alice, voter: k.sc.amr });
  assert.deepEqual((await councilMembers(api)).sort(), before.sort());
});

test('the right departments review in parallel and establish the enterprise with the applicant\'s account', async () => {
  const results = await Promise.all([
    send(api, api.tx.enterprises.review(app, 'SealEngraving', true, 0, null), k.cq.psb),
    send(api, api.tx.enterprises.review(app, 'TaxRegistration', true, 0, null), k.cq.tax),
    send(api, api.tx.enterprises.review(app, 'BusinessLicense', true, 0, blake2AsHex('licence file')), k.cq.amr),
  ]);
  const [established] = results.flatMap((r) => eventsOf(r.events, 'enterprises', 'EnterpriseEstablished'));
  assert.ok(established, 'the last review established the enterprise');
  uscc = usccOf(established);
  bizLicence = established.license.toNumber();
  assert.equal(established.authority.toNumber(), AGENCY.cq.amr);
  const e = (await api.call.enterprisesApi.enterprise(uscc)).unwrap();
  assert.equal(e.account.unwrap().toString(), applicant.address);
  const reviewers = (await api.call.enterprisesApi.application(app)).unwrap().reviews
    .map(([s, r]) => [s.toString(), r.asApproved.agency.toNumber()]);
  assert.deepEqual(reviewers, [['BusinessLicense', AGENCY.cq.amr], ['SealEngraving', AGENCY.cq.psb], ['TaxRegistration', AGENCY.cq.tax]]);
});

test('only the enterprise\'s account or its authority files an amendment; a rejection frees the enterprise', async () => {
  const amend = () => api.tx.enterprises.applyAmendment(uscc, `Hijacked ${tag}`, CHONGQING, 1, SCOPE,
    blake2AsHex('x'), blake2AsHex('hijack'), ['BusinessLicense']);
  await expectRefusals(api, [
    ['stranger', amend(), k.bob, 'enterprises.NotAuthorized'],
    ['Sichuan regulator', amend(), k.sc.amr, 'enterprises.OutsideRegion'],
    ['Sichuan justice bureau', amend(), k.sc.justice, 'enterprises.OutsideRegion'],
    ['Chongqing PSB', amend(), k.cq.psb, 'enterprises.NotAuthority'],
    ['Chongqing justice bureau', amend(), k.cq.justice, 'enterprises.NotAuthority'],
    ['the future heir', amend(), heir, 'enterprises.NotAuthorized'],
  ]);
  assert.ok((await api.query.enterprises.openAmendment(uscc)).isNone, 'no refused amendment left a mark');
  const submitted = await sendFor(api, api.tx.enterprises.applyAmendment(uscc, `Cloud Tech ${tag} Group Co., Ltd.`,
    CHONGQING, 500_000_000, SCOPE, blake2AsHex('rep'), blake2AsHex('amendment'), ['BusinessLicense']), applicant,
  'enterprises', 'ApplicationSubmitted');
  amendment = submitted.id.toNumber();
  assert.equal(submitted.kind.asAmend.toU8a().length, 18);
  assert.equal((await api.query.enterprises.openAmendment(uscc)).unwrap().toNumber(), amendment);
  await expectRefusals(api, [
    ['Sichuan regulator reviews the amendment', api.tx.enterprises.review(amendment, 'BusinessLicense', false, 1, null), k.sc.amr, 'enterprises.OutsideRegion'],
    ['stranger withdraws it', api.tx.enterprises.withdraw(amendment), k.bob, 'enterprises.NotSubmitter'],
  ]);
  const rejected = await sendFor(api, api.tx.enterprises.review(amendment, 'BusinessLicense', false, 42, null), k.cq.amr,
    'enterprises', 'ReviewRejected');
  assert.equal(rejected.reason.toNumber(), 42);
  assert.ok((await api.query.enterprises.openAmendment(uscc)).isNone, 'a rejected amendment holds nothing');
});

test('Sichuan\'s regulator can neither set nor take over a Chongqing enterprise\'s account; its holder hands it over', async () => {
  await expectRefusals(api, [
    ['Sichuan regulator takes over', api.tx.enterprises.setAccount(uscc, k.sc.amr.address), k.sc.amr, 'enterprises.OutsideRegion'],
    ['Sichuan regulator sets the desk enterprise\'s', api.tx.enterprises.setAccount(desk.uscc, k.sc.amr.address), k.sc.amr, 'enterprises.OutsideRegion'],
    ['the authority overrides the holder', api.tx.enterprises.setAccount(uscc, k.cq.amr.address), k.cq.amr, 'enterprises.AccountAlreadySet'],
    ['Chongqing PSB sets the desk enterprise\'s', api.tx.enterprises.setAccount(desk.uscc, k.cq.psb.address), k.cq.psb, 'enterprises.NotAuthority'],
    ['stranger takes over', api.tx.enterprises.setAccount(uscc, k.bob.address), k.bob, 'enterprises.NotAuthorized'],
    ['stranger sets the desk enterprise\'s', api.tx.enterprises.setAccount(desk.uscc, k.bob.address), k.bob, 'enterprises.NotAuthorized'],
    ['a council member alone forces it', api.tx.enterprises.forceSetAccount(uscc, k.alice.address, 1), k.alice, 'BadOrigin'],
  ]);
  const [handed, designated] = await Promise.all([
    sendFor(api, api.tx.enterprises.setAccount(uscc, heir.address), applicant, 'enterprises', 'AccountSet'),
    sendFor(api, api.tx.enterprises.setAccount(desk.uscc, deskOwner.address), k.cq.amr, 'enterprises', 'AccountSet'),
  ]);
  assert.equal(handed.account.unwrap().toString(), heir.address);
  assert.equal(handed.actor.asAccount.toString(), applicant.address);
  assert.equal(designated.actor.asAgency.agency.toNumber(), AGENCY.cq.amr);
  await expectRefusals(api, [
    ['the former account', api.tx.enterprises.setAccount(uscc, applicant.address), applicant, 'enterprises.NotAuthorized'],
    ['the authority, once designated', api.tx.enterprises.setAccount(desk.uscc, k.cq.amr.address), k.cq.amr, 'enterprises.AccountAlreadySet'],
  ]);
  assert.equal((await api.call.enterprisesApi.enterprise(uscc)).unwrap().account.unwrap().toString(), heir.address);
  // The licences pallet reads the register's account: the heir now acts for the licence holder.
  assert.equal((await api.call.licensesApi.holderAccount({ Enterprise: uscc }, CHONGQING)).unwrap().toString(), heir.address);
});

test('only the authority deregisters, despite the rejected amendment, and every licence of the enterprise ends', async () => {
  const food = (await sendFor(api, api.tx.licenses.issue(foodType, { Enterprise: uscc }, blake2AsHex('food licence'),
    await chainNow(api), null), k.cq.justice, 'licenses', 'LicenseIssued')).id.toNumber();
  const deregister = () => api.tx.enterprises.deregister(uscc, 77);
  await expectRefusals(api, [
    ['stranger', deregister(), k.bob, 'consortium.NotOperator'],
    ['the enterprise\'s own account', deregister(), heir, 'consortium.NotOperator'],
    ['Sichuan regulator', deregister(), k.sc.amr, 'enterprises.OutsideRegion'],
    ['Chongqing PSB', deregister(), k.cq.psb, 'enterprises.NotAuthority'],
    ['the food licence\'s issuer', deregister(), k.cq.justice, 'enterprises.NotAuthority'],
    ['Sichuan regulator revokes', api.tx.enterprises.setStatus(uscc, 'Revoked', 1), k.sc.amr, 'enterprises.OutsideRegion'],
    ['Chongqing tax service suspends', api.tx.enterprises.setStatus(uscc, 'Suspended', 1), k.cq.tax, 'enterprises.NotAuthority'],
  ]);
  const changed = await sendFor(api, deregister(), k.cq.amr, 'enterprises', 'StatusChanged');
  assert.equal(changed.status.toString(), 'Deregistered');
  assert.equal(changed.agency.toNumber(), AGENCY.cq.amr);
  assert.equal(changed.licensesEnded.toNumber(), 2);
  for (const id of [bizLicence, food]) {
    assert.equal((await api.call.licensesApi.license(id)).unwrap().status.toString(), 'Cancelled', `licence ${id}`);
  }
  assert.equal((await api.call.enterprisesApi.enterprise(uscc)).unwrap().status.toString(), 'Deregistered');
  // The rejected amendment cannot bring it back.
  await expectRefusals(api, [
    ['the applicant resubmits the rejected amendment', api.tx.enterprises.resubmit(amendment, blake2AsHex('again')), applicant, 'enterprises.EnterpriseEnded'],
  ]);
});

test('a move across regions: released by the authority, accepted only by the destination\'s regulator', async () => {
  await expectRefusals(api, [
    ['stranger releases', api.tx.enterprises.requestMove(desk.uscc, SICHUAN), k.bob, 'consortium.NotOperator'],
    ['Sichuan regulator releases', api.tx.enterprises.requestMove(desk.uscc, SICHUAN), k.sc.amr, 'enterprises.OutsideRegion'],
    ['Chongqing PSB releases', api.tx.enterprises.requestMove(desk.uscc, SICHUAN), k.cq.psb, 'enterprises.NotAuthority'],
  ]);
  const requested = await sendFor(api, api.tx.enterprises.requestMove(desk.uscc, SICHUAN), k.cq.amr, 'enterprises', 'MoveRequested');
  assert.equal(requested.to.toNumber(), SICHUAN);
  const accept = () => api.tx.enterprises.acceptMove(desk.uscc, blake2AsHex('new licence'));
  await expectRefusals(api, [
    ['stranger accepts', accept(), k.bob, 'consortium.NotOperator'],
    ['the releasing regulator accepts', accept(), k.cq.amr, 'enterprises.OutsideRegion'],
    ['Sichuan PSB accepts', accept(), k.sc.psb, 'enterprises.RoleNotHeld'],
    ['Sichuan regulator calls it off', api.tx.enterprises.cancelMove(desk.uscc), k.sc.amr, 'enterprises.OutsideRegion'],
    ['the enterprise\'s account amends meanwhile', api.tx.enterprises.applyAmendment(desk.uscc, `Moving ${tag}`, CHONGQING, 1, SCOPE,
      blake2AsHex('r'), blake2AsHex('m'), ['BusinessLicense']), deskOwner, 'enterprises.MovePending'],
  ]);
  const moved = await sendFor(api, accept(), k.sc.amr, 'enterprises', 'EnterpriseMoved');
  assert.equal(moved.authority.toNumber(), AGENCY.sc.amr);
  assert.equal((await api.call.licensesApi.license(desk.license)).unwrap().status.toString(), 'Cancelled');
  // Chongqing's regulator has no say over it any more; Sichuan's has.
  await expectRefusals(api, [
    ['the former authority suspends it', api.tx.enterprises.setStatus(desk.uscc, 'Suspended', 1), k.cq.amr, 'enterprises.OutsideRegion'],
  ]);
  await sendFor(api, api.tx.enterprises.setStatus(desk.uscc, 'Abnormal', 5), k.sc.amr, 'enterprises', 'StatusChanged');
});
