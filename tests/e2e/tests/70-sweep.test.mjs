// e2e-chain: adversarial
//
// Metadata-driven sweep: every call of every GovChain pallet (and node admission),
// sent by a funded account that acts for no agency, is refused — `BadOrigin`, a
// filtered call, or an error saying the signer is not the party the call needs —
// never `ExtrinsicSuccess`, unless the call is listed below as open to everyone.
// The calls are read from the runtime's metadata, so a call added later is swept
// too and must either refuse strangers or be added to OPEN with its reason.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect, devAccounts, describeDispatchError } from '../lib/chain.mjs';

const PALLETS = ['consortium', 'licenses', 'enterprises', 'copyright', 'providentFund', 'nodeAuthorization'];

// Calls anyone may send, each with the reason it is safe. With the sweep's
// placeholder arguments they still fail, but on the arguments, not on who signed.
const OPEN = {
  'enterprises.apply': 'an entrepreneur applies; the application is decided by the departments',
  'copyright.commit': 'anyone commits to a work before depositing it (commit–reveal)',
  'copyright.deposit': 'anyone deposits a work they committed to',
  'copyright.depositBatch': 'anyone deposits works they committed to',
};

// Errors that mean "you are not the party this call needs" rather than "bad input".
const REFUSALS = new Set([
  'BadOrigin',
  'system.CallFiltered',
  // Calls open to agency operators: the signer is no operator.
  'consortium.NotOperator', 'consortium.NotAuthorized',
  // Calls for the account acting for a record: the signer is not that account.
  'licenses.NotHolder', 'enterprises.NotAuthorized', 'enterprises.NotSubmitter',
  'copyright.NotController', 'copyright.NotAcceptor', 'copyright.UnknownCommitment',
]);

let api;
after(async () => api && api.disconnect());

/** The metadata's calls of `section`: `[method, tx]`. */
function callsOf(section) {
  return Object.entries(api.tx[section] || {}).filter(([, tx]) => typeof tx === 'function' && tx.meta);
}

/** A call with each argument at its type's default value (zero, empty, first variant). */
function withDefaults(tx) {
  const args = tx.meta.args.map((a) => api.createType(a.type.toString()));
  return tx(...args);
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

test('every GovChain call sent by a stranger is refused unless it is open to everyone', { timeout: 300_000 }, async () => {
  api = await connect();
  const stranger = devAccounts().bob; // funded in the adversarial preset, acts for no agency
  const agencyOf = await api.call.consortiumApi.agencyOf(stranger.address);
  assert.ok(agencyOf.isNone, 'the sweep account must act for no agency');

  const calls = PALLETS.flatMap((section) => callsOf(section).map(([method, tx]) => ({ name: `${section}.${method}`, tx })));
  assert.ok(calls.length > 60, `metadata lists ${calls.length} calls`);
  for (const name of Object.keys(OPEN)) {
    assert.ok(calls.some((c) => c.name === name), `${name} is listed as open but is not in the metadata`);
  }

  let nonce = (await api.rpc.system.accountNextIndex(stranger.address)).toNumber();
  const results = await Promise.all(calls.map(({ name, tx }) => sendAt(withDefaults(tx), stranger, nonce++)
    .then((r) => ({ name, ...r }))));

  const problems = [];
  for (const r of results) {
    if (OPEN[r.name]) continue;
    if (r.ok) problems.push(`${r.name}: succeeded for a stranger`);
    else if (!REFUSALS.has(r.error)) problems.push(`${r.name}: ${r.error} (not a refusal of the signer)`);
  }
  const counts = results.reduce((m, r) => ({ ...m, [r.error ?? 'ok']: (m[r.error ?? 'ok'] || 0) + 1 }), {});
  console.log(`sweep: ${results.length} calls, outcomes ${JSON.stringify(counts)}`);
  assert.deepEqual(problems, []);
  // Node owners' calls are filtered out for everyone but governance.
  for (const m of ['claimNode', 'addConnections', 'removeConnections', 'transferNode', 'removeClaim']) {
    assert.equal(results.find((r) => r.name === `nodeAuthorization.${m}`).error, 'system.CallFiltered', m);
  }
  // Governance-only calls answer BadOrigin, however their arguments look.
  for (const m of ['registerAgency', 'grantRole', 'suspendAgency', 'addValidator', 'govern']) {
    assert.equal(results.find((r) => r.name === `consortium.${m}`).error, 'BadOrigin', m);
  }
  // The stranger paid for each attempt: nothing was free.
  assert.ok(results.every((r) => r.error !== 'pool:Invalid'));
});
