// GovChain's SubQuery mapping. One handler sees every event of GovChain's pallets and of
// the council (project.yaml filters by module), records it with the extrinsic behind it
// (signer, and the agency the signer acts for), and refreshes the domain record it
// concerns from the chain's state at that block, so the record is what the runtime APIs
// answer there.
//
// SubQuery runs this file in its sandbox with `api` (state at the block being indexed),
// `store` and `logger` as globals; relations are written as `<field>Id`.

'use strict';

const json = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
/** Bytes that hold text (names, USCCs) as a string. */
const text = (codec) => codec.toUtf8();
const num = (codec) => Number(codec.toString());
const big = (codec) => BigInt(codec.toString());

/** An event's fields by name, as JSON values. */
function fieldsOf(event) {
  const names = event.data.names || [];
  const out = {};
  event.data.forEach((v, i) => { out[names[i] || String(i)] = v.toJSON(); });
  return out;
}

/** A licence or work holder as text: `Enterprise:<USCC>`, `Person:0x…`, `Account:5…`. */
function holderText(h) {
  if (h.isEnterprise) return `Enterprise:${text(h.asEnterprise)}`;
  if (h.isPerson) return `Person:${h.asPerson.toHex()}`;
  return `Account:${h.asAccount.toString()}`;
}

/** The variant name of an enum value (`Suspended`, `Registered`, …). */
const variant = (e) => (e.type !== undefined ? e.type : e.toString());

/** The agency an account acts for at this block: as an operator, else as a council seat. */
async function agencyOf(account) {
  if (!account) return null;
  const op = await api.query.consortium.operators(account);
  if (op.isSome) return num(op.unwrap());
  const seat = await api.query.consortium.councilSeatOwner(account);
  return seat.isSome ? num(seat.unwrap()) : null;
}

// The extrinsic of the previous event: an extrinsic's events arrive one after another,
// so it is written (and its signer's agency looked up) once.
let lastCall = { id: null, signer: null, agency: null };

async function callOf(ev, blockNumber, time) {
  const x = ev.extrinsic;
  if (!x) return { id: null, signer: null, agency: null };
  const id = `${blockNumber}-${x.idx}`;
  if (lastCall.id !== id) {
    const signer = x.extrinsic.isSigned ? x.extrinsic.signer.toString() : null;
    lastCall = { id, signer, agency: await agencyOf(signer) };
    await store.set('Call', id, {
      id, block: blockNumber, time, hash: x.extrinsic.hash.toHex(), ...lastCall,
      module: x.extrinsic.method.section, method: x.extrinsic.method.method, success: x.success,
    });
  }
  return lastCall;
}

/** Agencies made at genesis announce themselves with no event: read them all once. */
let agenciesLoaded = false;
async function loadAgencies() {
  if (agenciesLoaded) return;
  agenciesLoaded = true;
  if (await store.get('Agency', '0')) return;
  const next = num(await api.query.consortium.nextAgencyId());
  for (let id = 0; id < next; id++) await refreshAgency(id);
}

async function refreshAgency(id) {
  const a = await api.query.consortium.agencies(id);
  if (a.isNone) return;
  const v = a.unwrap();
  await store.set('Agency', String(id), {
    id: String(id),
    name: text(v.name),
    region: num(v.region),
    kind: variant(v.kind),
    status: variant(v.status),
    roles: json(v.roles.toJSON()),
    admin: v.admin.toString(),
    registeredBlock: num(v.admittedAt),
  });
}

async function refreshLicence(id, block, time, issued) {
  const l = await api.query.licenses.licenses(id);
  if (l.isNone) return;
  const v = l.unwrap();
  const prev = await store.get('Licence', String(id));
  await store.set('Licence', String(id), {
    id: String(id),
    licenceType: num(v.licenseType),
    holder: holderText(v.holder),
    issuer: num(v.issuer),
    status: variant(v.status),
    content: v.content.toHex(),
    validFrom: big(v.validFrom),
    validUntil: v.validUntil.isSome ? big(v.validUntil.unwrap()) : null,
    issuedBlock: num(v.issuedAt),
    issuedAt: prev ? prev.issuedAt : time,
    operator: prev ? prev.operator : (issued || null),
    changeCount: num(v.changes),
    useCount: num(v.uses),
    updatedBlock: block,
  });
}

async function refreshEnterprise(uscc, block) {
  const e = await api.query.enterprises.enterprises(uscc);
  if (e.isNone) return false;
  const v = e.unwrap();
  await store.set('Enterprise', text(uscc), {
    id: text(uscc),
    name: text(v.profile.name),
    authority: num(v.authority),
    status: variant(v.status),
    version: num(v.version),
    licence: big(v.license),
    establishedBlock: num(v.establishedBlock),
    establishedAt: new Date(num(v.establishedTime) * 1000),
    updatedBlock: block,
  });
  return true;
}

async function refreshApplication(id, block) {
  const a = await api.query.enterprises.applications(id);
  if (a.isNone) return false;
  const v = a.unwrap();
  await store.set('Application', String(id), {
    id: String(id),
    kind: variant(v.kind),
    submitter: v.submitter.toString(),
    viaAgency: v.viaAgency.isSome ? num(v.viaAgency.unwrap()) : null,
    status: variant(v.status),
    submittedBlock: num(v.submittedAt),
    rounds: num(v.rounds),
  });
  return true;
}

async function refreshWork(content, block) {
  const w = await api.query.copyright.works(content);
  if (w.isNone) return false;
  const v = w.unwrap();
  await store.set('Work', content.toHex(), {
    id: content.toHex(),
    holder: holderText(v.holder),
    depositor: v.depositor.toString(),
    depositedBlock: num(v.deposited.block),
    depositedAt: new Date(num(v.deposited.time) * 1000),
    registration: variant(v.registration),
    frozen: v.frozen.isSome,
    updatedBlock: block,
  });
  return true;
}

async function refreshLoan(id, block, time) {
  const l = await api.query.providentFund.loans(id);
  if (l.isNone) return false;
  const v = l.unwrap();
  await store.set('Loan', String(id), {
    id: String(id),
    member: v.member.toHex(),
    bank: num(v.bank),
    centre: num(v.centre),
    amount: big(v.amount),
    status: variant(v.status),
    principal: big(v.principal),
    repaid: big(v.repaid),
    outstanding: big(v.outstanding),
    filedBlock: num(v.filedAt),
    updatedBlock: block,
    updatedAt: time,
  });
  return true;
}

async function council(method, d, block, time, who) {
  const hash = d.proposalHash.toHex();
  if (method === 'Proposed') {
    const proposal = await api.query.council.proposalOf(d.proposalHash);
    await store.set('Motion', hash, {
      id: hash, index: num(d.proposalIndex), proposer: d.account.toString(), proposerAgency: who.agency,
      threshold: num(d.threshold), status: 'Proposed', ayes: 0, nays: 0, proposedBlock: block, proposedAt: time,
      call: proposal.isSome ? `${proposal.unwrap().section}.${proposal.unwrap().method}` : null,
    });
    return;
  }
  const m = await store.get('Motion', hash);
  if (!m) return;
  if (method === 'Voted') {
    const voter = d.account.toString();
    await store.set('Vote', `${hash}-${voter}`, {
      id: `${hash}-${voter}`, motionId: hash, voter, agency: await agencyOf(voter),
      approve: d.voted.isTrue, block, time,
    });
    m.ayes = num(d.yes);
    m.nays = num(d.no);
  } else if (method === 'Closed') {
    m.ayes = num(d.yes);
    m.nays = num(d.no);
    if (m.status === 'Proposed') m.status = 'Closed';
  } else if (method === 'Approved' || method === 'Disapproved' || method === 'Killed') {
    m.status = method;
  } else if (method === 'Executed') {
    m.status = d.result.isOk ? 'Executed' : 'ExecutionFailed';
  } else {
    return;
  }
  await store.set('Motion', hash, m);
}

async function handleEvent(ev) {
  const { section, method } = ev.event;
  const block = ev.block.block.header.number.toNumber();
  const time = ev.block.timestamp;
  const id = `${block}-${ev.idx}`;
  await loadAgencies();
  const who = await callOf(ev, block, time);
  const data = fieldsOf(ev.event);
  const dataJson = json(data);
  await store.set('Event', id, {
    id, block, time, module: section, method, data: dataJson, callId: who.id, signer: who.signer, agency: who.agency,
  });
  const d = {};
  (ev.event.data.names || []).forEach((n, i) => { d[n] = ev.event.data[i]; });
  const step = { data: dataJson, block, time, signer: who.signer, agency: who.agency };

  switch (section) {
    case 'consortium':
      if (d.agency) await refreshAgency(num(d.agency));
      break;
    case 'licenses': {
      const ids = [d.id, d.old, d.new].filter(Boolean).map(num);
      for (const l of ids) await refreshLicence(l, block, time, method === 'LicenseIssued' ? d.operator.toString() : null);
      if (method === 'LicenseChanged') {
        await store.set('LicenceChange', `${num(d.id)}-${num(d.seq)}`, {
          id: `${num(d.id)}-${num(d.seq)}`, licenceId: String(num(d.id)), seq: num(d.seq), action: variant(d.action),
          reason: num(d.reason), agency: d.agency.isSome ? num(d.agency.unwrap()) : null,
          by: d.by.isSome ? d.by.unwrap().toString() : null, forced: d.forced.isTrue, block, time,
        });
      } else if (method === 'LicenseUsed') {
        await store.set('LicenceUse', `${num(d.id)}-${num(d.seq)}`, {
          id: `${num(d.id)}-${num(d.seq)}`, licenceId: String(num(d.id)), seq: num(d.seq), verifier: num(d.verifier),
          purpose: d.purpose.toHex(), basis: json(d.basis.toJSON()), block, time, signer: who.signer,
        });
      }
      break;
    }
    case 'enterprises': {
      if (d.id && (await refreshApplication(num(d.id), block)) && (method === 'ReviewApproved' || method === 'ReviewRejected')) {
        await store.set('Review', id, {
          id, applicationId: String(num(d.id)), service: variant(d.service), agency: num(d.agency),
          approved: method === 'ReviewApproved', reason: d.reason ? num(d.reason) : null,
          block, time, signer: who.signer,
        });
      }
      if (d.application) await refreshApplication(num(d.application), block);
      if (d.uscc && (await refreshEnterprise(d.uscc, block))) {
        await store.set('EnterpriseChange', id, { id, enterpriseId: text(d.uscc), kind: method, ...step });
      }
      break;
    }
    case 'copyright':
      if (d.content && (await refreshWork(d.content, block))) {
        await store.set('WorkEvent', id, { id, workId: d.content.toHex(), kind: method, ...step });
      }
      break;
    case 'providentFund':
      if (d.id && method !== 'CertificateIssued' && (await refreshLoan(num(d.id), block, time))) {
        await store.set('LoanEvent', id, { id, loanId: String(num(d.id)), kind: method, ...step });
      }
      break;
    case 'council':
      await council(method, d, block, time, who);
      break;
    default:
  }
}

module.exports = { handleEvent };
