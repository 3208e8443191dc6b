// One-stop enterprise registration as the front-ends of a market regulator, a
// public security bureau (seals) and a tax service use it: one application, three
// reviews in parallel, an enterprise with a valid USCC and an active business
// licence visible to every agency; then an amendment, a hand-over of the
// enterprise's designated account, and a deregistration that ends every licence
// it holds. Wrong parties are refused with their own errors; governance (a council
// motion) closes an application nobody else can.
//
// Preset agencies (development): 0 = demo agency (Alice, Chongqing, every role incl.
// MarketRegulator), 1 = Sichuan market regulator (Bob), 2 = Chongqing public
// security bureau (Charlie, SealAuthority), 3 = Chongqing tax service (Dave).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToString } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf, passMotion } from '../lib/chain.mjs';
import { usccWithCheck, fund, runTag, chainNow } from '../lib/gov.mjs';

const CHONGQING = 500000;
const DEMO = 0;
const PSB = 2;
const TAX = 3;

let api;
let acc;
let applicant;
let heir; // the account the applicant hands the enterprise over to
let stranger;
let tag;
let name;
let appId;
let uscc; // the code as a string
let licence;

before(async () => {
  api = await connect();
  acc = devAccounts();
  tag = runTag();
  name = `Chongqing Cloud Tech ${tag} Co., Ltd.`;
  const keyring = new Keyring({ type: 'sr25519' });
  applicant = keyring.addFromUri(`//e2e/entrepreneur/${tag}`);
  heir = keyring.addFromUri(`//e2e/entrepreneur-heir/${tag}`);
  stranger = keyring.addFromUri(`//e2e/stranger/${tag}`);
  await fund(api, acc.alice, [applicant.address, heir.address, stranger.address]);
  // The market regulator defines its business licence type and registers under it.
  const { events } = await sendAndFinalize(api, api.tx.licenses.defineType(
    `CQ-BIZ-${tag}`, 'Business licence', CHONGQING, 'Enterprise', 'MarketRegulator', null,
    blake2AsHex('business licence schema'), blake2AsHex('business licence template')), acc.alice);
  const type = eventsOf(events, 'licenses', 'TypeDefined')[0].licenseType;
  await sendAndFinalize(api, api.tx.enterprises.setLicenseType(type), acc.alice);
});

after(async () => {
  await api?.disconnect();
});

const services = ['BusinessLicense', 'SealEngraving', 'TaxRegistration'];
const scope = ['I6510', 'F5191'].map((c) => stringToU8a(c));
// "My pending reviews", read a page at a time (each page starts after the last item
// of the previous one), keeping the services still pending on our application.
const pendingFor = async (agency) => {
  const found = [];
  let after = null;
  for (;;) {
    const page = await api.call.enterprisesApi.pendingFor(agency, after, 100);
    if (page.length === 0) return found;
    for (const [id, s] of page) if (id.toNumber() === appId) found.push(s.toString());
    after = page[page.length - 1];
  }
};

test('an entrepreneur applies once; each department sees its pending review', async () => {
  const { events, blockNumber } = await sendAndFinalize(api, api.tx.enterprises.apply(
    name, 'LimitedCompany', CHONGQING, 100_000_000, scope, blake2AsHex('legal representative pseudonym'),
    blake2AsHex('materials bundle v1'), services), applicant);
  const [submitted] = eventsOf(events, 'enterprises', 'ApplicationSubmitted');
  appId = submitted.id.toNumber();
  assert.deepEqual(submitted.services.map((s) => s.toString()), services);
  const app = (await api.call.enterprisesApi.application(appId)).unwrap();
  assert.equal(app.status.toString(), 'UnderReview');
  assert.equal(app.submittedAt.toNumber(), blockNumber);

  // The demo agency holds every role, so it could give all three.
  assert.deepEqual(await pendingFor(DEMO), services);
  assert.deepEqual(await pendingFor(PSB), ['SealEngraving']);
  assert.deepEqual(await pendingFor(TAX), ['TaxRegistration']);
});

test('three departments review in parallel; the enterprise and its licence appear in a handful of blocks', async () => {
  const submittedAt = (await api.call.enterprisesApi.application(appId)).unwrap().submittedAt.toNumber();
  const results = await Promise.all([
    sendAndFinalize(api, api.tx.enterprises.review(appId, 'SealEngraving', true, 0, null), acc.charlie),
    sendAndFinalize(api, api.tx.enterprises.review(appId, 'TaxRegistration', true, 0, null), acc.dave),
    sendAndFinalize(api, api.tx.enterprises.review(appId, 'BusinessLicense', true, 0, blake2AsHex('licence file')), acc.alice),
  ]);
  const done = results.find((r) => eventsOf(r.events, 'enterprises', 'EnterpriseEstablished').length);
  assert.ok(done, 'one of the reviews established the enterprise');
  const [established] = eventsOf(done.events, 'enterprises', 'EnterpriseEstablished');
  uscc = u8aToString(established.uscc.toU8a());
  licence = established.license.toNumber();
  const blocks = done.blockNumber - established.submittedAt.toNumber();
  assert.equal(established.submittedAt.toNumber(), submittedAt);
  assert.ok(blocks <= 6, `application to licence took ${blocks} blocks`);
  console.log(`# application ${appId} -> licence ${licence} in ${blocks} blocks (USCC ${uscc})`);

  // A valid USCC: GB 32100 check character, category 1, region 500000.
  assert.match(uscc, /^91500000\d{8}[\dX][0-9A-HJ-NP-RTUW-Y]$/);
  assert.equal(usccWithCheck(uscc.slice(0, 17)), uscc);

  const e = (await api.call.enterprisesApi.enterprise(stringToU8a(uscc))).unwrap();
  assert.equal(e.status.toString(), 'Active');
  assert.equal(u8aToString(e.profile.name), name);
  assert.equal(e.authority.toNumber(), DEMO);
  // Applied for by the entrepreneur's own account: that account acts for it.
  assert.equal(e.account.unwrap().toString(), applicant.address);
  assert.equal(e.license.toNumber(), licence);
  const lic = (await api.call.licensesApi.license(licence)).unwrap();
  assert.equal(lic.status.toString(), 'Active');
  assert.equal(u8aToString(lic.holder.asEnterprise.toU8a()), uscc);
  const v = await api.call.licensesApi.verify(licence, CHONGQING, null);
  assert.ok(v.isValidRecognised);
  assert.deepEqual((await api.call.enterprisesApi.byName(CHONGQING, name)).unwrap().toU8a(), stringToU8a(uscc));
  const app = (await api.call.enterprisesApi.application(appId)).unwrap();
  assert.deepEqual(app.reviews.map(([s, r]) => [s.toString(), r.type]),
    [['BusinessLicense', 'Approved'], ['SealEngraving', 'Approved'], ['TaxRegistration', 'Approved']]);
  assert.deepEqual(await pendingFor(PSB), []);

  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.apply(
    name, 'LimitedCompany', CHONGQING, 1, scope, blake2AsHex('x'), blake2AsHex('y'), ['BusinessLicense']), applicant),
  /enterprises\.NameTaken/);
});

test('a department without the role or outside the region is refused; the applicant withdraws', async () => {
  const { events } = await sendAndFinalize(api, api.tx.enterprises.apply(
    `Probe ${tag}`, 'Partnership', CHONGQING, 1, scope, blake2AsHex('partner pseudonym'),
    blake2AsHex('probe materials'), services), applicant);
  const probe = eventsOf(events, 'enterprises', 'ApplicationSubmitted')[0].id.toNumber();
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.review(probe, 'SealEngraving', true, 0, null), acc.dave),
    /enterprises\.RoleNotHeld/);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.review(probe, 'BusinessLicense', true, 0, null), acc.bob),
    /enterprises\.OutsideRegion/);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.withdraw(probe), acc.charlie),
    /enterprises\.NotSubmitter/);
  await sendAndFinalize(api, api.tx.enterprises.withdraw(probe), applicant);
  assert.equal((await api.call.enterprisesApi.application(probe)).unwrap().status.toString(), 'Withdrawn');
});

test('only the enterprise\'s account or its registration authority files an amendment', async () => {
  const amend = (who) => sendAndFinalize(api, api.tx.enterprises.applyAmendment(
    stringToU8a(uscc), `Hijacked ${tag}`, CHONGQING, 1, scope, blake2AsHex('x'), blake2AsHex('y'), ['BusinessLicense']), who);
  await assert.rejects(amend(stranger), /enterprises\.NotAuthorized/);
  await assert.rejects(amend(acc.bob), /enterprises\.OutsideRegion/); // Sichuan regulator
  await assert.rejects(amend(acc.charlie), /enterprises\.NotAuthority/); // same region, not its authority
  assert.equal((await api.query.enterprises.openAmendment(stringToU8a(uscc))).isNone, true);
});

test('an amendment goes through review, reissues the licence and keeps the earlier version', async () => {
  const newName = `Chongqing Cloud Tech ${tag} Group Co., Ltd.`;
  const { events } = await sendAndFinalize(api, api.tx.enterprises.applyAmendment(
    stringToU8a(uscc), newName, CHONGQING, 500_000_000, scope, blake2AsHex('legal representative pseudonym'),
    blake2AsHex('amendment materials'), ['BusinessLicense']), applicant);
  const amendment = eventsOf(events, 'enterprises', 'ApplicationSubmitted')[0].id.toNumber();
  const reviewed = await sendAndFinalize(api,
    api.tx.enterprises.review(amendment, 'BusinessLicense', true, 0, blake2AsHex('licence file v2')), acc.alice);
  const [amended] = eventsOf(reviewed.events, 'enterprises', 'EnterpriseAmended');
  assert.equal(amended.version.toNumber(), 1);

  const e = (await api.call.enterprisesApi.enterprise(stringToU8a(uscc))).unwrap();
  assert.equal(u8aToString(e.profile.name), newName);
  assert.notEqual(e.license.toNumber(), licence);
  assert.equal((await api.call.licensesApi.license(licence)).unwrap().status.toString(), 'Cancelled');
  licence = e.license.toNumber();
  const v0 = (await api.call.enterprisesApi.profileVersion(stringToU8a(uscc), 0)).unwrap();
  assert.equal(u8aToString(v0.name), name);
  const history = await api.call.enterprisesApi.history(stringToU8a(uscc), 0, 10);
  assert.deepEqual(history.map(([, h]) => h.change.type), ['Established', 'Amended']);
});

test('the designated account hands the enterprise over; the former one no longer acts for it', async () => {
  // The regulator cannot take it over while the enterprise has an account.
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.setAccount(stringToU8a(uscc), acc.alice.address), acc.alice),
    /enterprises\.AccountAlreadySet/);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.setAccount(stringToU8a(uscc), stranger.address), stranger),
    /enterprises\.NotAuthorized/);
  const { events } = await sendAndFinalize(api, api.tx.enterprises.setAccount(stringToU8a(uscc), heir.address), applicant);
  const [set] = eventsOf(events, 'enterprises', 'AccountSet');
  assert.equal(set.account.unwrap().toString(), heir.address);
  assert.equal(set.actor.asAccount.toString(), applicant.address);
  const e = (await api.call.enterprisesApi.enterprise(stringToU8a(uscc))).unwrap();
  assert.equal(e.account.unwrap().toString(), heir.address);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.applyAmendment(
    stringToU8a(uscc), `Former ${tag}`, CHONGQING, 1, scope, blake2AsHex('x'), blake2AsHex('y'), ['BusinessLicense']), applicant),
  /enterprises\.NotAuthorized/);
  const history = await api.call.enterprisesApi.history(stringToU8a(uscc), 0, 10);
  assert.equal(history[history.length - 1][1].change.type, 'AccountSet');
});

test('deregistration ends the enterprise and every licence it holds; later changes are refused', async () => {
  // Another department's licence to the same enterprise (the demo agency also issues licences).
  const defined = await sendAndFinalize(api, api.tx.licenses.defineType(
    `CQ-FOOD-${tag}`, 'Food business licence', CHONGQING, 'Enterprise', 'LicenseIssuer', null,
    blake2AsHex('food licence schema'), blake2AsHex('food licence template')), acc.alice);
  const foodType = eventsOf(defined.events, 'licenses', 'TypeDefined')[0].licenseType;
  const issued = await sendAndFinalize(api, api.tx.licenses.issue(
    foodType, { Enterprise: uscc }, blake2AsHex('food licence file'), await chainNow(api), null), acc.alice);
  const food = eventsOf(issued.events, 'licenses', 'LicenseIssued')[0].id.toNumber();

  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.deregister(stringToU8a(uscc), 77), acc.bob),
    /enterprises\.OutsideRegion/);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.deregister(stringToU8a(uscc), 77), acc.charlie),
    /enterprises\.NotAuthority/);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.deregister(stringToU8a(uscc), 77), heir),
    /consortium\.NotOperator/);
  const { events } = await sendAndFinalize(api, api.tx.enterprises.deregister(stringToU8a(uscc), 77), acc.alice);
  const [changed] = eventsOf(events, 'enterprises', 'StatusChanged');
  assert.equal(changed.licensesEnded.toNumber(), 2);
  const e = (await api.call.enterprisesApi.enterprise(stringToU8a(uscc))).unwrap();
  assert.equal(e.status.toString(), 'Deregistered');
  assert.equal((await api.call.licensesApi.license(licence)).unwrap().status.toString(), 'Cancelled');
  assert.equal((await api.call.licensesApi.license(food)).unwrap().status.toString(), 'Cancelled');
  const v = await api.call.licensesApi.verify(licence, CHONGQING, null);
  assert.equal(v.asInvalid.reason.toString(), 'Cancelled');
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.setStatus(stringToU8a(uscc), 'Active', 1), acc.alice),
    /enterprises\.EnterpriseEnded/);
  // A malformed code is refused as such.
  const bad = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.deregister(stringToU8a(bad), 1), acc.alice),
    /enterprises\.MalformedUscc/);
});

test('governance (a council motion) closes an open application; a single member cannot', async () => {
  const { events } = await sendAndFinalize(api, api.tx.enterprises.apply(
    `Stuck ${tag}`, 'Partnership', CHONGQING, 1, scope, blake2AsHex('partner pseudonym'),
    blake2AsHex('stuck materials'), ['BusinessLicense']), applicant);
  const stuck = eventsOf(events, 'enterprises', 'ApplicationSubmitted')[0].id.toNumber();
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.forceCloseApplication(stuck, 21), acc.alice), /BadOrigin/);
  const closed = await passMotion(api, api.tx.enterprises.forceCloseApplication(stuck, 21),
    { proposer: acc.alice, voters: [acc.bob], threshold: 2 });
  const [ev] = eventsOf(closed, 'enterprises', 'ApplicationClosed');
  assert.equal(ev.id.toNumber(), stuck);
  assert.equal(ev.reason.toNumber(), 21);
  const app = (await api.call.enterprisesApi.application(stuck)).unwrap();
  assert.equal(app.status.isClosed, true);
  assert.equal(app.status.asClosed.toNumber(), 21);
  await assert.rejects(sendAndFinalize(api, api.tx.enterprises.withdraw(stuck), applicant), /enterprises\.AlreadyDecided/);
});
