// Shared setup of the adversarial e2e files (`// e2e-chain: adversarial`): the
// preset's agencies and their admins' keys, transactions sent concurrently with
// explicit nonces and awaited at inclusion, fast council motions, and a registered
// enterprise for the files that need one.
//
// The adversarial preset (runtime/src/genesis_config_presets.rs): agency 0 is the
// operations centre (//Alice, validator, no domain role); agencies 1–9 are Chongqing's
// (region 500000) and 10–18 Sichuan's (510000), each holding exactly one role, in the
// order below; their admins are //cq-amr … //cq-audit and //sc-amr … //sc-audit. The
// council is //Alice, //cq-amr and //sc-amr (motions pass with two of three). There is
// no sudo key. //Bob … //Ferdie are funded and act for no agency.

import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToString } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, describeDispatchError, eventsOf } from './chain.mjs';
import { runTag } from './gov.mjs';

export const CHONGQING = 500000;
export const SICHUAN = 510000;

/** Key suffix, role, in the preset's order (agency id = 1 + index, + 9 for Sichuan). */
export const ROLES = [
  ['amr', 'MarketRegulator'], ['psb', 'SealAuthority'], ['tax', 'TaxAuthority'],
  ['justice', 'LicenseIssuer'], ['fund', 'FundCenter'], ['bank', 'Bank'],
  ['press', 'CopyrightOffice'], ['court', 'Court'], ['audit', 'Auditor'],
];

/** Agency ids: `AGENCY.cq.amr` = 1, …, `AGENCY.sc.audit` = 18; `AGENCY.ops` = 0. */
export const AGENCY = {
  ops: 0,
  cq: Object.fromEntries(ROLES.map(([k], i) => [k, 1 + i])),
  sc: Object.fromEntries(ROLES.map(([k], i) => [k, 10 + i])),
};

const keyring = new Keyring({ type: 'sr25519' });

/** The preset's keys: `k.cq.amr`, `k.sc.bank`, `k.alice`, strangers `k.bob` … `k.ferdie`. */
export function presetKeys() {
  const k = {
    cq: Object.fromEntries(ROLES.map(([s]) => [s, keyring.addFromUri(`//cq-${s}`)])),
    sc: Object.fromEntries(ROLES.map(([s]) => [s, keyring.addFromUri(`//sc-${s}`)])),
  };
  for (const n of ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie']) k[n.toLowerCase()] = keyring.addFromUri(`//${n}`);
  return k;
}

/** A fresh (unfunded) account, unique to this run: `//adv/<tag>/<name>`. */
export function freshAccount(tag, name) {
  return keyring.addFromUri(`//adv/${tag}/${name}`);
}

// ---------------------------------------------------------------------------------
// Sending. Every transaction takes its signer's next nonce from a local counter, so
// one signer may have several transactions in flight, and waits for inclusion (a
// one-validator chain does not fork), not finality.

const nonces = new Map();

function takeNonce(api, address) {
  if (!nonces.has(address)) {
    nonces.set(address, api.rpc.system.accountNextIndex(address).then((n) => n.toNumber()));
  }
  const mine = nonces.get(address);
  nonces.set(address, mine.then((n) => n + 1));
  return mine;
}

/**
 * Signs `tx` with the signer's next nonce and resolves when its block is imported with
 * `{ events, blockHash, blockNumber }`; rejects with `Error('section.Name')` (or
 * `BadOrigin`, …) if the dispatch fails, `Error('pool:…')` if the pool refuses it.
 */
export async function send(api, tx, signer, { timeout = 90_000 } = {}) {
  const nonce = await takeNonce(api, signer.address);
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    const timer = setTimeout(() => { unsub(); reject(new Error(`timeout: ${tx.method.section}.${tx.method.method}`)); }, timeout);
    const done = (f, v) => { clearTimeout(timer); unsub(); f(v); };
    tx.signAndSend(signer, { nonce }, async (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        nonces.delete(signer.address);
        done(reject, new Error(`pool:${status.type}`));
        return;
      }
      if (!status.isInBlock) return;
      if (dispatchError) {
        done(reject, new Error(describeDispatchError(api, dispatchError)));
        return;
      }
      const blockHash = status.asInBlock;
      const header = await api.rpc.chain.getHeader(blockHash);
      done(resolve, { events, blockHash, blockNumber: header.number.toNumber() });
    }).then((u) => { unsub = u; }, (e) => { nonces.delete(signer.address); clearTimeout(timer); reject(e); });
  });
}

/** Sends and returns the data of the first `section.method` event (asserting there is one). */
export async function sendFor(api, tx, signer, section, method) {
  const r = await send(api, tx, signer);
  const [ev] = eventsOf(r.events, section, method);
  assert.ok(ev, `${section}.${method} emitted by ${tx.method.section}.${tx.method.method}`);
  return ev;
}

/** The exact error a refused transaction gets (`'licenses.NotIssuer'`), or `'ok'`. */
export function outcome(api, tx, signer) {
  return send(api, tx, signer).then(() => 'ok', (e) => e.message);
}

/**
 * Sends every `[label, tx, signer, expected]` concurrently and asserts each got exactly
 * its `expected` error; reports all mismatches at once (`label: expected X, got Y`).
 */
export async function expectRefusals(api, attempts) {
  const got = await Promise.all(attempts.map(([, tx, signer]) => outcome(api, tx, signer)));
  const wrong = attempts
    .map(([label, , , expected], i) => (got[i] === expected ? null : `${label}: expected ${expected}, got ${got[i]}`))
    .filter(Boolean);
  assert.deepEqual(wrong, [], 'every wrong party gets its specific error');
}

/** Transfers `amount` from `from` to each of `addresses` in one batch. */
export async function fundAll(api, from, addresses, amount = 10n ** 15n) {
  await send(api, api.tx.utility.batchAll(addresses.map((a) => api.tx.balances.transferKeepAlive(a, amount))), from);
}

// ---------------------------------------------------------------------------------
// Governance.

/**
 * Passes a council motion for `call` (two ayes: `proposer` and `voter`, who must both
 * sit on the council now) and resolves with the closing block's events; rejects with
 * `motion executed with error X` if the call failed.
 */
export async function motion(api, call, { proposer, voter }) {
  const lengthBound = call.method.encodedLength;
  const proposed = await sendFor(api, api.tx.council.propose(2, call, lengthBound), proposer, 'council', 'Proposed');
  const { proposalHash, proposalIndex } = proposed;
  await Promise.all([proposer, voter].map((v) => send(api, api.tx.council.vote(proposalHash, proposalIndex, true), v)));
  const info = await api.call.transactionPaymentCallApi.queryCallInfo(call, lengthBound);
  const { events } = await send(api, api.tx.council.close(proposalHash, proposalIndex, info.weight, lengthBound), proposer);
  const [executed] = eventsOf(events, 'council', 'Executed');
  if (!executed) throw new Error('motion closed without execution');
  if (executed.result.isErr) throw new Error(`motion executed with error ${describeDispatchError(api, executed.result.asErr)}`);
  // A batch reports a failed item as an event, not as the motion's result.
  if (eventsOf(events, 'utility', 'BatchInterrupted').length) throw new Error('motion batch interrupted');
  return events;
}

/** The council's members now, as addresses. */
export async function councilMembers(api) {
  return Array.from(await api.query.council.members(), (a) => a.toString());
}

/** An agency's status (`Active`, `Suspended`, `Retired`). */
export async function agencyStatus(api, id) {
  return (await api.query.consortium.agencies(id)).unwrap().status.toString();
}

// ---------------------------------------------------------------------------------
// Setup.

/**
 * Connects and returns `{ api, k, tag, fresh(name…) }`; `fresh` creates accounts unique
 * to this run, funded by //Ferdie (a stranger to every agency, used for nothing else).
 */
export async function setup() {
  const api = await connect();
  const k = presetKeys();
  const tag = runTag();
  // The keys really are the preset's: each admin acts for its agency with its role.
  for (const region of ['cq', 'sc']) {
    for (const [s, role] of ROLES) {
      const acting = await api.call.consortiumApi.actingAgency(k[region][s].address, role);
      assert.ok(acting.isOk && acting.asOk.toNumber() === AGENCY[region][s], `//${region}-${s} acts for agency ${AGENCY[region][s]}`);
    }
  }
  const fresh = async (...names) => {
    const accounts = names.map((n) => freshAccount(tag, n));
    await fundAll(api, k.ferdie, accounts.map((a) => a.address));
    return accounts;
  };
  return { api, k, tag, fresh };
}

export const SCOPE = ['I6510', 'F5191'].map((c) => stringToU8a(c));

/** The USCC of an `EnterpriseEstablished` event, as a string. */
export const usccOf = (ev) => u8aToString(ev.uscc.toU8a());

/**
 * The market regulator `amr` (`k.cq.amr` or `k.sc.amr`) defines a business licence type
 * of `region` and issues business licences under it; resolves with the type id.
 */
export async function setUpBusinessLicences(api, amr, region, tag) {
  const defined = await sendFor(api, api.tx.licenses.defineType(
    `BIZ-${region}-${tag}`, 'Business licence', region, 'Enterprise', 'MarketRegulator', null,
    blake2AsHex('business licence schema'), blake2AsHex('business licence template')), amr, 'licenses', 'TypeDefined');
  const type = defined.licenseType.toNumber();
  await sendFor(api, api.tx.enterprises.setLicenseType(type), amr, 'enterprises', 'LicenseTypeSet');
  return type;
}

/**
 * An enterprise of Chongqing established with the business licence only: applied for
 * by `applicant` (its designated account) — or, with `viaDesk`, filed by the market
 * regulator's operator (no designated account) — and approved by //cq-amr, which must
 * have set its licence type. Resolves with `{ uscc, license, app }`.
 */
export async function establishEnterprise(api, k, { applicant, name, viaDesk = false }) {
  const filer = viaDesk ? k.cq.amr : applicant;
  const submitted = await sendFor(api, api.tx.enterprises.apply(
    name, 'LimitedCompany', CHONGQING, 1_000_000, SCOPE, blake2AsHex(`legal rep of ${name}`),
    blake2AsHex(`materials of ${name}`), ['BusinessLicense']), filer, 'enterprises', 'ApplicationSubmitted');
  const app = submitted.id.toNumber();
  const established = await sendFor(api, api.tx.enterprises.review(app, 'BusinessLicense', true, 0, null), k.cq.amr,
    'enterprises', 'EnterpriseEstablished');
  return { uscc: usccOf(established), license: established.license.toNumber(), app };
}
