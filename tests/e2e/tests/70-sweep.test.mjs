// e2e-chain: adversarial
//
// Metadata-driven sweep: every call of every GovChain pallet (and node admission),
// sent by a funded account that acts for no agency, is refused — `BadOrigin`, a
// filtered call, or an error saying the signer is not the party the call needs —
// never `ExtrinsicSuccess`, unless the call is listed below as open to everyone.
//
// So that a refusal says something about *who* signed, the right parties first create
// one real record of each kind — a licence with a designated holder account, an
// established enterprise and an application under review, a registered work with a
// transfer offer pending and a pending commitment, a member account, a certificate and
// a loan — and every argument naming a record carries the real id (chosen by the
// argument's type name: `LicenseId`, `Uscc`, `ApplicationId`, `DocumentHash` of a work,
// `Pseudonym`, `LoanId`, …). A call on a record thus reaches the record and fails on the
// signer, never on "unknown record". The calls are read from the runtime's metadata, so
// a call added later is swept too and must either refuse strangers or be added to OPEN
// with its reason. A second pass sends everything again from the operator of the
// agency that issued the licence, once governance has suspended that agency.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import { apiResult, describeDispatchError } from '../lib/chain.mjs';
import {
  setup, send, sendFor, motion, setUpBusinessLicences, establishEnterprise, SCOPE, AGENCY, CHONGQING,
} from '../lib/adversarial.mjs';
import { chainNow } from '../lib/gov.mjs';

const PALLETS = ['consortium', 'licenses', 'enterprises', 'copyright', 'providentFund', 'nodeAuthorization'];

// Calls anyone may send, each with the reason it is safe and the deposit it holds
// (checked below). With the sweep's placeholder arguments they still fail, but on the
// arguments, not on who signed.
const OPEN = {
  'enterprises.apply': 'an entrepreneur applies; holds applicationDeposit until the departments decide',
  'copyright.commit': 'anyone commits to a work before depositing it (commit–reveal); holds commitDeposit until revealed or removed',
  'copyright.deposit': 'anyone deposits a work they committed to; holds workDeposit until an office decides',
  'copyright.depositBatch': 'anyone deposits works they committed to; holds workDeposit per work until decided',
};

// Errors that mean "you are not the party this call needs" rather than "bad input".
const REFUSALS = new Set([
  'BadOrigin',
  'system.CallFiltered',
  // Calls only agency operators make, through the agency registry's own reason.
  'consortium.NotOperator', 'consortium.AgencySuspended',
  // Calls for an agency's admin: the signer is not it.
  'consortium.NotAuthorized',
  // Calls for the account acting for a record: the signer is not that account.
  'licenses.NotHolder', 'enterprises.NotAuthorized', 'enterprises.NotSubmitter',
  'copyright.NotController', 'copyright.NotAcceptor',
  // Only the committer removes a commitment before it expires.
  'copyright.CommitmentLive',
]);

// The calls on a record (real ids below) and the refusal each must give: proof that
// the sweep reached the record and was refused for who signed.
const ON_RECORDS = {
  'licenses.cancel': 'licenses.NotHolder',
  'licenses.grantConsent': 'licenses.NotHolder',
  'licenses.revokeConsent': 'licenses.NotHolder',
  'licenses.handOverHolderAccount': 'licenses.NotHolder',
  'enterprises.applyAmendment': 'enterprises.NotAuthorized',
  'enterprises.setAccount': 'enterprises.NotAuthorized',
  'enterprises.resubmit': 'enterprises.NotSubmitter',
  'enterprises.withdraw': 'enterprises.NotSubmitter',
  'enterprises.deregister': 'consortium.NotOperator',
  'enterprises.review': 'consortium.NotOperator',
  'copyright.transfer': 'copyright.NotController',
  'copyright.grantLicence': 'copyright.NotController',
  'copyright.acceptHolding': 'copyright.NotAcceptor',
  'copyright.refuseHolding': 'copyright.NotAcceptor',
  'copyright.removeCommitment': 'copyright.CommitmentLive',
  'consortium.addOperator': 'consortium.NotAuthorized',
  'consortium.removeOperator': 'consortium.NotAuthorized',
};

let api;
let k;
let stranger;
const rec = {}; // the real records

before(async () => {
  let fresh;
  let tag;
  ({ api, k, tag, fresh } = await setup());
  stranger = k.bob; // funded in the adversarial preset, acts for no agency
  const [holder, applicant, author, buyer] = await fresh('holder', 'applicant', 'author', 'buyer');
  rec.person = { Person: blake2AsHex(`sweep person ${tag}`) };
  rec.member = blake2AsHex(`sweep member ${tag}`);
  rec.work = blake2AsHex(`sweep work ${tag}`);
  rec.author = author;
  rec.holder = holder;
  rec.applicant = applicant;

  const licence = (async () => {
    const t = await sendFor(api, api.tx.licenses.defineType(`SWEEP-${tag}`, 'Sweep licence', CHONGQING, 'Person',
      'LicenseIssuer', null, blake2AsHex('s'), blake2AsHex('t')), k.cq.justice, 'licenses', 'TypeDefined');
    rec.licenseType = t.licenseType.toNumber();
    const l = await sendFor(api, api.tx.licenses.issue(rec.licenseType, rec.person, blake2AsHex('file'), await chainNow(api), null),
      k.cq.justice, 'licenses', 'LicenseIssued');
    rec.licence = l.id.toNumber();
    await sendFor(api, api.tx.licenses.setHolderAccount(rec.person, holder.address), k.cq.justice, 'licenses', 'HolderAccountSet');
    await sendFor(api, api.tx.licenses.grantConsent(rec.licence, AGENCY.cq.bank, 'sweep', (await chainNow(api)) + 3600),
      holder, 'licenses', 'ConsentGranted');
  })();

  const enterprise = (async () => {
    await setUpBusinessLicences(api, k.cq.amr, CHONGQING, tag);
    ({ uscc: rec.uscc } = await establishEnterprise(api, k, { applicant, name: `Sweep ${tag} Co., Ltd.` }));
    const open = await sendFor(api, api.tx.enterprises.apply(`Sweep Two ${tag} Co., Ltd.`, 'Partnership', CHONGQING, 1, SCOPE,
      blake2AsHex('rep'), blake2AsHex('materials'), ['BusinessLicense']), applicant, 'enterprises', 'ApplicationSubmitted');
    rec.application = open.id.toNumber();
  })();

  const work = (async () => {
    const commitment = (content, salt) => blake2AsU8a(u8aConcat(hexToU8a(content), decodeAddress(author.address), salt));
    const salt = randomAsU8a(32);
    rec.commitment = commitment(blake2AsHex(`sweep draft ${tag}`), randomAsU8a(32));
    await Promise.all([
      send(api, api.tx.copyright.commit(commitment(rec.work, salt)), author),
      send(api, api.tx.copyright.commit(rec.commitment), author), // stays pending
    ]);
    await sendFor(api, api.tx.copyright.deposit(rec.work, 'Sweep work', 'Music', 'Original', [rec.person],
      { Account: author.address }, CHONGQING, 1_767_225_600, null, salt), author, 'copyright', 'WorkDeposited');
    await sendFor(api, api.tx.copyright.register(rec.work), k.cq.press, 'copyright', 'WorkRegistered');
    await sendFor(api, api.tx.copyright.transfer(rec.work, { Account: buyer.address }, buyer.address, (1 << 13) - 1,
      blake2AsHex('contract')), author, 'copyright', 'TransferOffered');
  })();

  const fund = (async () => {
    await send(api, api.tx.utility.batchAll([
      api.tx.providentFund.setRules({ minMonths: 1, maxAmount: 1_000_000_00, maxTermMonths: 360 }),
      api.tx.providentFund.commissionBank(AGENCY.cq.bank, true),
      api.tx.providentFund.recordDeposit(rec.member, { status: 'Normal', contributionBand: 4, months: 36 }, CHONGQING),
    ]), k.cq.fund);
    const [cert, loan] = await Promise.all([
      sendFor(api, api.tx.providentFund.issueCertificate(rec.member, AGENCY.cq.bank, (await chainNow(api)) + 86400),
        k.cq.fund, 'providentFund', 'CertificateIssued'),
      sendFor(api, api.tx.providentFund.fileLoan(rec.member, AGENCY.cq.fund, 100_000_00, 120, null),
        k.cq.bank, 'providentFund', 'LoanFiled'),
    ]);
    rec.certificate = cert.id.toNumber();
    rec.loan = loan.id.toNumber();
  })();

  await Promise.all([licence, enterprise, work, fund]);
});

after(async () => api && api.disconnect());

/** The metadata's calls of `section`: `[method, tx]`. */
function callsOf(section) {
  return Object.entries(api.tx[section] || {}).filter(([, tx]) => typeof tx === 'function' && tx.meta);
}

/**
 * The argument of a call: the real record when its type names one, else the type's
 * default value (zero, empty, first variant).
 */
function argument(section, arg) {
  const type = arg.type.toString();
  const typeName = arg.typeName.toString();
  const name = arg.name.toString();
  const real = {
    LicenseId: rec.licence,
    LicenseTypeId: rec.licenseType,
    HolderOf: rec.person,
    Uscc: rec.uscc,
    ApplicationId: rec.application,
    Pseudonym: rec.member,
    LoanId: rec.loan,
    CertificateId: rec.certificate,
    'Option<CertificateId>': rec.certificate,
    Commitment: rec.commitment,
    AgencyId: AGENCY.cq.amr,
  }[typeName];
  if (real !== undefined) return api.createType(type, real);
  if (section === 'copyright' && name === 'content') return api.createType(type, rec.work);
  if (section === 'copyright' && name === 'owner') return api.createType(type, rec.author.address);
  if (section === 'licenses' && name === 'region') return api.createType(type, CHONGQING);
  return api.createType(type);
}

function withRecords(section, tx) {
  return tx(...tx.meta.args.map((a) => argument(section, a)));
}

/** Sends `tx` with an explicit nonce; resolves at inclusion with `ok` or the error. */
function sendAt(tx, signer, nonce) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub();
        resolve({ error: `pool:${status.type}` });
        return;
      }
      if (!status.isInBlock) return;
      unsub();
      if (dispatchError) resolve({ error: describeDispatchError(api, dispatchError) });
      else resolve({ ok: true, events });
    }).then((u) => { unsub = u; }, reject);
  });
}

/**
 * Sends every call, with the real records, from `signer` at once; returns the outcomes
 * and the problems: a non-open call that succeeded, a refusal that is not about the
 * signer, a call on a record refused otherwise than `expected` says.
 */
async function sweep(signer, expected) {
  const calls = PALLETS.flatMap((section) => callsOf(section).map(([method, tx]) => ({ name: `${section}.${method}`, section, tx })));
  assert.ok(calls.length > 60, `metadata lists ${calls.length} calls`);
  for (const name of [...Object.keys(OPEN), ...Object.keys(expected)]) {
    assert.ok(calls.some((c) => c.name === name), `${name} is listed but is not in the metadata`);
  }
  let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  const results = await Promise.all(calls.map(({ name, section, tx }) => sendAt(withRecords(section, tx), signer, nonce++)
    .then((r) => ({ name, ...r }))));
  const problems = [];
  for (const r of results) {
    if (OPEN[r.name]) continue;
    if (r.ok) problems.push(`${r.name}: succeeded`);
    else if (!REFUSALS.has(r.error)) problems.push(`${r.name}: ${r.error} (not a refusal of the signer)`);
    else if (expected[r.name] && r.error !== expected[r.name]) problems.push(`${r.name}: ${r.error}, expected ${expected[r.name]}`);
  }
  const counts = results.reduce((m, r) => ({ ...m, [r.error ?? 'ok']: (m[r.error ?? 'ok'] || 0) + 1 }), {});
  console.log(`sweep: ${results.length} calls, outcomes ${JSON.stringify(counts)}`);
  // Node owners' calls are filtered out for everyone but governance.
  for (const m of ['claimNode', 'addConnections', 'removeConnections', 'transferNode', 'removeClaim']) {
    const r = results.find((x) => x.name === `nodeAuthorization.${m}`);
    if (r.error !== 'system.CallFiltered') problems.push(`nodeAuthorization.${m}: ${r.error ?? 'ok'}, expected system.CallFiltered`);
  }
  // Governance-only calls answer BadOrigin, however their arguments look.
  for (const m of ['registerAgency', 'grantRole', 'suspendAgency', 'addValidator', 'govern']) {
    const r = results.find((x) => x.name === `consortium.${m}`);
    if (r.error !== 'BadOrigin') problems.push(`consortium.${m}: ${r.error ?? 'ok'}, expected BadOrigin`);
  }
  // The signer paid for each attempt: nothing was free.
  for (const r of results) if (String(r.error).startsWith('pool:')) problems.push(`${r.name}: ${r.error}`);
  return problems;
}

/** The records are as the right parties left them. */
async function recordsUntouched() {
  assert.equal((await api.call.licensesApi.license(rec.licence)).unwrap().status.toString(), 'Active');
  assert.equal((await api.call.enterprisesApi.enterprise(rec.uscc)).unwrap().status.toString(), 'Active');
  assert.equal((await api.call.enterprisesApi.application(rec.application)).unwrap().status.toString(), 'UnderReview');
  const work = (await api.call.copyrightApi.work(rec.work)).unwrap();
  assert.equal(work.controller.unwrap().toString(), rec.author.address);
  assert.ok(work.offer.isSome && work.frozen.isNone);
  assert.equal((await api.call.providentFundApi.loan(rec.loan)).unwrap().status.type, 'Applied');
  assert.equal((await api.call.licensesApi.holderAccount(rec.person, CHONGQING)).unwrap().toString(), rec.holder.address);
}

/** What `who` has on hold for each reason, as `{ 'pallet.Reason': amount }`. */
async function holds(who) {
  const list = await api.query.balances.holds(who.address);
  return Object.fromEntries(list.map((h) => {
    const id = h.id.toJSON();
    const [pallet] = Object.keys(id);
    return [`${pallet}.${id[pallet]}`, h.amount.toBigInt()];
  }));
}

test('the open writes hold their deposits while the record is undecided, and give them back', async () => {
  const c = api.consts;
  // The application under review holds the applicant's deposit; the established
  // enterprise's has come back.
  const applicantHolds = await holds(rec.applicant);
  assert.deepEqual(applicantHolds, { 'enterprises.ApplicationDeposit': c.enterprises.applicationDeposit.toBigInt() });
  // One commitment is pending; the revealed one's deposit came back, and the work's
  // came back when the office registered it.
  assert.deepEqual(await holds(rec.author), { 'copyright.CommitDeposit': c.copyright.commitDeposit.toBigInt() });
  // The holder's consent holds its deposit until withdrawn.
  assert.deepEqual(await holds(rec.holder), { 'licenses.ConsentDeposit': c.licenses.consentDeposit.toBigInt() });
  for (const [name, v] of Object.entries({ applicationDeposit: c.enterprises.applicationDeposit,
    commitDeposit: c.copyright.commitDeposit, workDeposit: c.copyright.workDeposit, consentDeposit: c.licenses.consentDeposit })) {
    assert.ok(v.toBigInt() >= 10n ** 10n, `${name} is at least 0.01 GOV`);
  }
});

test('every GovChain call sent by a stranger on real records is refused unless it is open to everyone', { timeout: 300_000 }, async () => {
  const agencyOf = await api.call.consortiumApi.agencyOf(k.bob.address);
  assert.ok(agencyOf.isNone, 'the sweep account must act for no agency');
  assert.deepEqual(await sweep(k.bob, ON_RECORDS), []);
  await recordsUntouched();
});

test('every GovChain call sent by the licence\'s issuer while its agency is suspended is refused too', { timeout: 300_000 }, async () => {
  await motion(api, api.tx.consortium.suspendAgency(AGENCY.cq.justice), { proposer: k.alice, voter: k.cq.amr });
  const suspended = apiResult(api, await api.call.consortiumApi.actingAgency(k.cq.justice.address, null));
  assert.deepEqual(suspended, { err: 'consortium.AgencySuspended' });
  // Calls only agencies make give the registry's reason; on calls a plain account may
  // make, the suspended operator counts as one.
  assert.deepEqual(await sweep(k.cq.justice, {
    ...ON_RECORDS,
    'enterprises.deregister': 'consortium.AgencySuspended',
    'enterprises.review': 'consortium.AgencySuspended',
  }), []);
  await recordsUntouched();
});
