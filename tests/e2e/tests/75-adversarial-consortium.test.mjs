// e2e-chain: adversarial
//
// The consortium under attack: only an agency's admin manages its operators, and only
// while the agency is active; no single member — not even a council member — does
// what governance does; node owners' calls are filtered for everyone; a suspended
// agency's council seat leaves `council.members` while it is suspended (so its admin
// can neither propose nor vote) and comes back on reinstatement; a retired agency's
// admin acts no more.
//
// Agencies (adversarial preset): 0 = operations centre (//Alice, council), 1 =
// Chongqing market regulator (//cq-amr, council), 10 = Sichuan market regulator
// (//sc-amr, council), 2 = Chongqing public security bureau, 9 = Chongqing audit office.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup, send, sendFor, expectRefusals, motion, councilMembers, agencyStatus, AGENCY, freshAccount,
} from '../lib/adversarial.mjs';
import { apiResult, eventsOf } from '../lib/chain.mjs';

let api;
let k;
let officer; // an operator //cq-amr adds to its agency
let clerk; // one it adds after reinstatement
let peerId;

before(async () => {
  let fresh;
  let tag;
  ({ api, k, tag, fresh } = await setup());
  [officer] = await fresh('officer');
  clerk = freshAccount(tag, 'clerk');
  peerId = `0x002408011220${Buffer.alloc(32, (Date.now() % 200) + 17).toString('hex')}`;
});

after(async () => {
  await api?.disconnect();
});

const acting = async (who, role) => apiResult(api, await api.call.consortiumApi.actingAgency(who.address, role));

test('only an agency\'s admin manages its operators', async () => {
  const AMR = AGENCY.cq.amr;
  await expectRefusals(api, [
    ['stranger adds', api.tx.consortium.addOperator(AMR, k.bob.address), k.bob, 'consortium.NotAuthorized'],
    ['another Chongqing agency\'s admin adds', api.tx.consortium.addOperator(AMR, k.cq.psb.address), k.cq.psb, 'consortium.NotAuthorized'],
    ['Sichuan regulator\'s admin adds', api.tx.consortium.addOperator(AMR, k.sc.amr.address), k.sc.amr, 'consortium.NotAuthorized'],
    ['the admin takes another agency\'s admin in', api.tx.consortium.addOperator(AMR, k.sc.amr.address), k.cq.amr, 'consortium.AlreadyOperator'],
    ['the admin removes itself', api.tx.consortium.removeOperator(AMR, k.cq.amr.address), k.cq.amr, 'consortium.CannotRemoveAdmin'],
  ]);
  const added = await sendFor(api, api.tx.consortium.addOperator(AMR, officer.address), k.cq.amr, 'consortium', 'OperatorAdded');
  assert.equal(added.account.toString(), officer.address);
  assert.equal((await acting(officer, 'MarketRegulator')).ok?.toNumber(), AMR);
  assert.deepEqual(await acting(officer, 'Court'), { err: 'consortium.RoleNotHeld' });
  await expectRefusals(api, [
    ['a plain operator adds', api.tx.consortium.addOperator(AMR, k.bob.address), officer, 'consortium.NotAuthorized'],
    ['Sichuan regulator\'s admin removes it', api.tx.consortium.removeOperator(AMR, officer.address), k.sc.amr, 'consortium.NotAuthorized'],
    ['another admin removes it through its own agency', api.tx.consortium.removeOperator(AGENCY.cq.psb, officer.address), k.cq.psb, 'consortium.NotOperator'],
  ]);
});

test('no single member, council member or not, does what governance does', async () => {
  await expectRefusals(api, [
    ['a council member registers an agency', api.tx.consortium.registerAgency('Shadow Bureau', 500000, 'Other', ['Court'], k.cq.amr.address), k.cq.amr, 'BadOrigin'],
    ['a council member grants itself a role', api.tx.consortium.grantRole(AGENCY.sc.amr, 'Court'), k.sc.amr, 'BadOrigin'],
    ['a council member suspends a rival', api.tx.consortium.suspendAgency(AGENCY.sc.amr), k.cq.amr, 'BadOrigin'],
    ['a council member replaces an admin', api.tx.consortium.setAdmin(AGENCY.sc.bank, k.cq.amr.address), k.cq.amr, 'BadOrigin'],
    ['the operations centre seats a member', api.tx.consortium.addCouncilMember(AGENCY.cq.psb, k.cq.psb.address), k.alice, 'BadOrigin'],
    ['the operations centre governs', api.tx.consortium.govern(api.tx.consortium.retireAgency(AGENCY.cq.audit)), k.alice, 'BadOrigin'],
    ['stranger proposes a motion', api.tx.council.propose(2, api.tx.consortium.retireAgency(AGENCY.cq.audit), 100), k.bob, 'council.NotMember'],
    ['an agency admin off the council proposes', api.tx.council.propose(2, api.tx.consortium.retireAgency(AGENCY.cq.audit), 100), k.cq.psb, 'council.NotMember'],
  ]);
  assert.equal(await agencyStatus(api, AGENCY.sc.amr), 'Active');
});

test('node owners\' calls are filtered for everyone; admitting a node takes a motion', async () => {
  await expectRefusals(api, [
    ['stranger claims a node', api.tx.nodeAuthorization.claimNode(peerId), k.bob, 'system.CallFiltered'],
    ['a council member claims a node', api.tx.nodeAuthorization.claimNode(peerId), k.alice, 'system.CallFiltered'],
    ['an agency admin adds connections', api.tx.nodeAuthorization.addConnections(peerId, [peerId]), k.cq.amr, 'system.CallFiltered'],
    ['a council member admits a node alone', api.tx.nodeAuthorization.addWellKnownNode(peerId, k.cq.amr.address), k.alice, 'BadOrigin'],
  ]);
  const events = await motion(api, api.tx.nodeAuthorization.addWellKnownNode(peerId, k.cq.amr.address), { proposer: k.alice, voter: k.sc.amr });
  const [added] = eventsOf(events, 'nodeAuthorization', 'NodeAdded');
  assert.equal(added.peerId.toHex(), peerId);
  // Its owner cannot reshape its connections or hand it over either.
  await expectRefusals(api, [
    ['the owner hands the node over', api.tx.nodeAuthorization.transferNode(peerId, k.bob.address), k.cq.amr, 'system.CallFiltered'],
    ['the owner removes its claim', api.tx.nodeAuthorization.removeClaim(peerId), k.cq.amr, 'system.CallFiltered'],
    ['the owner removes it alone', api.tx.nodeAuthorization.removeWellKnownNode(peerId), k.cq.amr, 'BadOrigin'],
  ]);
});

test('a suspended agency\'s council seat is out of council.members until it is reinstated; a retired agency acts no more', async () => {
  const AMR = AGENCY.cq.amr;
  const seated = await councilMembers(api);
  assert.deepEqual([...seated].sort(), [k.alice.address, k.cq.amr.address, k.sc.amr.address].sort());
  const events = await motion(api, api.tx.utility.batchAll([
    api.tx.consortium.suspendAgency(AMR), api.tx.consortium.retireAgency(AGENCY.cq.audit),
  ]), { proposer: k.alice, voter: k.sc.amr });
  const [seat] = eventsOf(events, 'consortium', 'CouncilSeatSuspended');
  assert.deepEqual([seat.agency.toNumber(), seat.member.toString()], [AMR, k.cq.amr.address]);
  assert.deepEqual((await councilMembers(api)).sort(), [k.alice.address, k.sc.amr.address].sort());
  assert.equal(await agencyStatus(api, AMR), 'Suspended');
  assert.deepEqual(await acting(officer, 'MarketRegulator'), { err: 'consortium.AgencySuspended' });
  assert.deepEqual(await acting(k.cq.audit, 'Auditor'), { err: 'consortium.AgencyRetired' });

  // The reinstatement motion, proposed by Sichuan's regulator: the suspended member
  // cannot vote on it (nor propose anything).
  const call = api.tx.consortium.reinstateAgency(AMR);
  const lengthBound = call.method.encodedLength;
  const { proposalHash, proposalIndex } = await sendFor(api, api.tx.council.propose(2, call, lengthBound), k.sc.amr, 'council', 'Proposed');
  await expectRefusals(api, [
    ['the suspended member votes', api.tx.council.vote(proposalHash, proposalIndex, true), k.cq.amr, 'council.NotMember'],
    ['the suspended member proposes', api.tx.council.propose(2, api.tx.consortium.retireAgency(AGENCY.sc.amr), 100), k.cq.amr, 'council.NotMember'],
    ['the suspended admin adds an operator', api.tx.consortium.addOperator(AMR, clerk.address), k.cq.amr, 'consortium.AgencySuspended'],
    ['the suspended admin removes its operator', api.tx.consortium.removeOperator(AMR, officer.address), k.cq.amr, 'consortium.AgencySuspended'],
    ['its operator acts in the register', api.tx.enterprises.setLicenseType(0), officer, 'consortium.AgencySuspended'],
    ['the retired admin adds an operator', api.tx.consortium.addOperator(AGENCY.cq.audit, clerk.address), k.cq.audit, 'consortium.AgencyRetired'],
  ]);
  await Promise.all([k.sc.amr, k.alice].map((v) => send(api, api.tx.council.vote(proposalHash, proposalIndex, true), v)));
  const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, lengthBound);
  const closed = await send(api, api.tx.council.close(proposalHash, proposalIndex, info.weight, lengthBound), k.sc.amr);
  const [executed] = eventsOf(closed.events, 'council', 'Executed');
  assert.ok(executed?.result.isOk, 'two of the two seated members reinstated the agency');
  const [back] = eventsOf(closed.events, 'consortium', 'CouncilSeatReinstated');
  assert.equal(back.member.toString(), k.cq.amr.address);
  assert.deepEqual((await councilMembers(api)).sort(), [...seated].sort());
  assert.equal((await acting(officer, 'MarketRegulator')).ok?.toNumber(), AMR);
  await sendFor(api, api.tx.consortium.addOperator(AMR, clerk.address), k.cq.amr, 'consortium', 'OperatorAdded');
  // A retirement is for good: the auditor's seatless agency stays retired.
  assert.equal(await agencyStatus(api, AGENCY.cq.audit), 'Retired');
});
