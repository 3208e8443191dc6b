// Consortium governance: a council motion admits a new agency and grants it a
// role; only then can its operators act. Suspension by motion stops them again.
// Validators: seated only by motion and only with session keys; the chain's last
// validator can neither be removed nor have its agency suspended.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { connect, devAccounts, sendAndFinalize, eventsOf, passMotion, apiResult } from '../lib/chain.mjs';
import { fund } from '../lib/gov.mjs';

let api;
let acc;
let admin;
let operator;
let agencyId;
let keyless;

before(async () => {
  api = await connect();
  acc = devAccounts();
  const keyring = new Keyring({ type: 'sr25519' });
  // Fresh accounts so the test does not depend on the preset's agencies.
  admin = keyring.addFromUri(`//e2e/justice-admin/${Date.now()}`);
  operator = keyring.addFromUri(`//e2e/justice-officer/${Date.now()}`);
  // An account that never registered session keys (`session.setKeys`).
  keyless = keyring.addFromUri(`//e2e/keyless-validator/${Date.now()}`);
  // The agency's accounts are funded by an existing member (fees are anti-spam).
  await fund(api, acc.alice, [admin.address, operator.address]);
  agencyId = (await api.query.consortium.nextAgencyId()).toNumber();
});

after(async () => {
  await api?.disconnect();
});

const canIssueLicences = async (who) =>
  apiResult(api, await api.call.consortiumApi.actingAgency(who.address, 'LicenseIssuer'));

test('before the vote, the future agency cannot act and a single member cannot admit it', async () => {
  assert.deepEqual(await canIssueLicences(admin), { err: 'consortium.NotOperator' });
  await assert.rejects(
    sendAndFinalize(api, api.tx.consortium.addOperator(agencyId, operator.address), admin),
    /consortium\.UnknownAgency/);
  // A council member alone is not governance.
  await assert.rejects(
    sendAndFinalize(api, api.tx.consortium.registerAgency(
      'Chongqing Bureau of Justice', 500000, 'Justice', [], admin.address), acc.bob),
    /BadOrigin/);
  assert.equal((await api.query.consortium.agencies(agencyId)).isNone, true);
});

test('a council motion admits the agency and grants it a role', async () => {
  const call = api.tx.utility.batchAll([
    api.tx.consortium.registerAgency('Chongqing Bureau of Justice', 500000, 'Justice', [], admin.address),
    api.tx.consortium.grantRole(agencyId, 'LicenseIssuer'),
  ]);
  const events = await passMotion(api, call, { proposer: acc.alice, voters: [acc.bob], threshold: 2 });

  const [registered] = eventsOf(events, 'consortium', 'AgencyRegistered');
  assert.equal(registered.agency.toNumber(), agencyId);
  assert.equal(registered.admin.toString(), admin.address);
  assert.equal(registered.region.toNumber(), 500000);
  const [granted] = eventsOf(events, 'consortium', 'RoleGranted');
  assert.equal(granted.role.toString(), 'LicenseIssuer');

  const agency = (await api.call.consortiumApi.agency(agencyId)).unwrap();
  assert.equal(agency.status.toString(), 'Active');
  assert.equal(agency.name.toUtf8(), 'Chongqing Bureau of Justice');
  const history = await api.call.consortiumApi.roleHistory(agencyId, 0, 10);
  assert.deepEqual(history.map(([seq, c]) => [seq.toNumber(), c.role.toString(), c.granted.isTrue]),
    [[0, 'LicenseIssuer', true]]);
});

test('after the vote, the agency admin adds an operator who can act with the role', async () => {
  assert.equal((await canIssueLicences(admin)).ok?.toNumber(), agencyId);
  const { events } = await sendAndFinalize(api, api.tx.consortium.addOperator(agencyId, operator.address), admin);
  const [added] = eventsOf(events, 'consortium', 'OperatorAdded');
  assert.equal(added.account.toString(), operator.address);
  const acting = await canIssueLicences(operator);
  assert.equal(acting.ok?.toNumber(), agencyId);
  // A role the agency does not hold is refused with its own reason.
  const court = apiResult(api, await api.call.consortiumApi.actingAgency(operator.address, 'Court'));
  assert.deepEqual(court, { err: 'consortium.RoleNotHeld' });
});

test('suspension by motion stops the agency\'s operators at once', async () => {
  await passMotion(api, api.tx.consortium.suspendAgency(agencyId),
    { proposer: acc.bob, voters: [acc.charlie], threshold: 2 });
  assert.deepEqual(await canIssueLicences(operator), { err: 'consortium.AgencySuspended' });
  await assert.rejects(
    sendAndFinalize(api, api.tx.consortium.addOperator(agencyId, acc.ferdie.address), admin),
    /consortium\.AgencySuspended/);
});

test('a council motion admits a government node\'s peer id to the network', async () => {
  // The peer id of an Ed25519 node key: identity multihash of the protobuf public key.
  const publicKey = Buffer.alloc(32, agencyId + 7);
  const peerId = `0x002408011220${publicKey.toString('hex')}`;
  const known = async () => Array.from(await api.query.nodeAuthorization.wellKnownNodes(), (p) => p.toHex());
  assert.equal((await known()).includes(peerId), false);
  // One agency cannot admit a node on its own.
  await assert.rejects(
    sendAndFinalize(api, api.tx.nodeAuthorization.addWellKnownNode(peerId, admin.address), acc.alice),
    /BadOrigin/);

  const events = await passMotion(api, api.tx.nodeAuthorization.addWellKnownNode(peerId, admin.address),
    { proposer: acc.alice, voters: [acc.charlie], threshold: 2 });
  const [added] = eventsOf(events, 'nodeAuthorization', 'NodeAdded');
  assert.equal(added.peerId.toHex(), peerId);
  assert.equal(added.who.toString(), admin.address);
  assert.equal((await known()).includes(peerId), true);
  assert.equal((await api.query.nodeAuthorization.owners(peerId)).unwrap().toString(), admin.address);
});

test('a validator needs a motion and session keys, and the last one cannot be taken away', async () => {
  // The development chain: agency 0 runs the only validator, //Alice.
  const validators = async () => Array.from(await api.query.consortium.validators(), (v) => v.toString());
  assert.deepEqual(await validators(), [acc.alice.address]);
  // One council member alone is not governance.
  await assert.rejects(
    sendAndFinalize(api, api.tx.consortium.addValidator(0, keyless.address), acc.alice),
    /BadOrigin/);
  // Even by motion, an account without session keys is not seated: it could not author.
  await assert.rejects(
    passMotion(api, api.tx.consortium.addValidator(0, keyless.address),
      { proposer: acc.alice, voters: [acc.bob], threshold: 2 }),
    /consortium\.NoSessionKeys/);
  assert.equal((await api.query.consortium.validatorOwner(keyless.address)).isNone, true);
  // Removing the last keyed validator, or suspending its agency, would stop the chain.
  await assert.rejects(
    passMotion(api, api.tx.consortium.removeValidator(acc.alice.address),
      { proposer: acc.bob, voters: [acc.charlie], threshold: 2 }),
    /consortium\.LastValidator/);
  await assert.rejects(
    passMotion(api, api.tx.consortium.suspendAgency(0),
      { proposer: acc.bob, voters: [acc.charlie], threshold: 2 }),
    /consortium\.LastValidator/);
  assert.deepEqual(await validators(), [acc.alice.address]);
  assert.equal((await api.call.consortiumApi.agency(0)).unwrap().status.toString(), 'Active');
});
