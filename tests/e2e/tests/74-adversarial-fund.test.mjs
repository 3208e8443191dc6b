// e2e-chain: adversarial
//
// Provident-fund records under attack. Each call is tried by a stranger, an agency
// without the role, the other region's centre or bank, and a suspended or retired
// bank, each getting its own error; the right centre or bank succeeds. Includes the
// attacks the trust-boundaries issue names: a Sichuan centre cannot open a Chongqing
// employer's member account; an approved loan is cancelled by its centre when the
// bank is suspended (and a retired bank's loan likewise); accepting a transferred
// sealed account keeps it sealed.
//
// Agencies (adversarial preset): 5 / 14 = Chongqing / Sichuan fund centres,
// 6 / 15 = Chongqing / Sichuan commercial banks, 8 = Chongqing court (neither).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { setup, send, sendFor, expectRefusals, motion, agencyStatus, AGENCY, CHONGQING, SICHUAN } from '../lib/adversarial.mjs';
import { chainNow } from '../lib/gov.mjs';
import { eventsOf } from '../lib/chain.mjs';

const RULES = { minMonths: 12, maxAmount: 1_000_000_00, maxTermMonths: 360 };
const NORMAL = { status: 'Normal', contributionBand: 4, months: 36 };
const SEALED = { status: 'Sealed', contributionBand: 3, months: 60 };
const { fund: CQ_FUND, bank: CQ_BANK, court: CQ_COURT } = AGENCY.cq;
const { fund: SC_FUND, bank: SC_BANK } = AGENCY.sc;

let api;
let k;
let m1; // Chongqing member: the loan whose bank is suspended after approval
let m2; // Chongqing member: a loan filed, not yet approved, when its bank is suspended
let m3; // Sichuan member: the loan of the bank that retires
let m4; // Sichuan member, sealed account, transferred to Chongqing
const loans = {};

before(async () => {
  let tag;
  ({ api, k, tag } = await setup());
  [m1, m2, m3, m4] = [1, 2, 3, 4].map((i) => blake2AsHex(`HMAC(k, CN-ID:worker ${i} ${tag})`));
});

after(async () => {
  await api?.disconnect();
});

test('commissions and rules: a centre commissions only its own region\'s banks', async () => {
  await expectRefusals(api, [
    ['stranger sets rules', api.tx.providentFund.setRules(RULES), k.bob, 'BadOrigin'],
    ['a bank sets rules', api.tx.providentFund.setRules(RULES), k.cq.bank, 'providentFund.NotFundCentre'],
    ['stranger commissions', api.tx.providentFund.commissionBank(CQ_BANK, true), k.bob, 'BadOrigin'],
    ['a bank commissions itself', api.tx.providentFund.commissionBank(CQ_BANK, true), k.cq.bank, 'providentFund.NotFundCentre'],
    ['Chongqing centre commissions Sichuan\'s bank', api.tx.providentFund.commissionBank(SC_BANK, true), k.cq.fund, 'providentFund.OutsideJurisdiction'],
    ['Chongqing centre commissions a court', api.tx.providentFund.commissionBank(CQ_COURT, true), k.cq.fund, 'providentFund.NotBank'],
    ['Sichuan centre withdraws Chongqing\'s commission', api.tx.providentFund.commissionBank(CQ_BANK, false), k.sc.fund, 'providentFund.NotCommissioned'],
  ]);
  const [cq, sc] = await Promise.all([
    send(api, api.tx.utility.batchAll([api.tx.providentFund.setRules(RULES), api.tx.providentFund.commissionBank(CQ_BANK, true)]), k.cq.fund),
    send(api, api.tx.utility.batchAll([api.tx.providentFund.setRules(RULES), api.tx.providentFund.commissionBank(SC_BANK, true)]), k.sc.fund),
  ]);
  for (const [r, centre, bank] of [[cq, CQ_FUND, CQ_BANK], [sc, SC_FUND, SC_BANK]]) {
    const [c] = eventsOf(r.events, 'providentFund', 'BankCommissioned');
    assert.deepEqual([c.centre.toNumber(), c.bank.toNumber(), c.commissioned.isTrue], [centre, bank, true]);
  }
});

test('deposit accounts: a centre opens accounts only for employers of its region, and writes only its own members', async () => {
  const record = (m, standing, region) => api.tx.providentFund.recordDeposit(m, standing, region);
  await expectRefusals(api, [
    ['stranger', record(m1, NORMAL, CHONGQING), k.bob, 'BadOrigin'],
    ['a bank', record(m1, NORMAL, CHONGQING), k.cq.bank, 'providentFund.NotFundCentre'],
    ['Sichuan centre opens a Chongqing employer\'s member', record(m1, NORMAL, CHONGQING), k.sc.fund, 'providentFund.OutsideJurisdiction'],
    ['Chongqing centre opens a Sichuan employer\'s member', record(m3, NORMAL, SICHUAN), k.cq.fund, 'providentFund.OutsideJurisdiction'],
    ['a malformed employer region', record(m1, NORMAL, 99), k.cq.fund, 'providentFund.InvalidRegion'],
  ]);
  const opened = await Promise.all([
    sendFor(api, record(m1, NORMAL, CHONGQING), k.cq.fund, 'providentFund', 'DepositRecorded'),
    sendFor(api, record(m2, NORMAL, 500103), k.cq.fund, 'providentFund', 'DepositRecorded'), // a Chongqing district
    sendFor(api, record(m3, NORMAL, SICHUAN), k.sc.fund, 'providentFund', 'DepositRecorded'),
    sendFor(api, record(m4, SEALED, SICHUAN), k.sc.fund, 'providentFund', 'DepositRecorded'),
  ]);
  assert.deepEqual(opened.map((e) => e.centre.toNumber()), [CQ_FUND, CQ_FUND, SC_FUND, SC_FUND]);
  const expires = (await chainNow(api)) + 86400;
  await expectRefusals(api, [
    ['Sichuan centre rewrites a Chongqing member', record(m1, SEALED, SICHUAN), k.sc.fund, 'providentFund.WrongCentre'],
    ['Chongqing centre rewrites a Sichuan member', record(m3, SEALED, CHONGQING), k.cq.fund, 'providentFund.WrongCentre'],
    ['Sichuan centre certifies a Chongqing member', api.tx.providentFund.issueCertificate(m1, SC_BANK, expires), k.sc.fund, 'providentFund.WrongCentre'],
    ['a bank certifies', api.tx.providentFund.issueCertificate(m1, CQ_BANK, expires), k.cq.bank, 'providentFund.NotFundCentre'],
    ['stranger certifies', api.tx.providentFund.issueCertificate(m1, CQ_BANK, expires), k.bob, 'BadOrigin'],
    ['a court as relying party', api.tx.providentFund.issueCertificate(m1, CQ_COURT, expires), k.cq.fund, 'providentFund.NotRelyingParty'],
  ]);
  const cert = await sendFor(api, api.tx.providentFund.issueCertificate(m1, SC_FUND, expires), k.cq.fund, 'providentFund', 'CertificateIssued');
  assert.equal(cert.relying.toNumber(), SC_FUND);
  assert.equal((await api.call.providentFundApi.account(m1)).unwrap().centre.toNumber(), CQ_FUND);
});

test('loans: only a commissioned bank files, only the lending centre decides, only the filing bank disburses', async () => {
  const file = (m, centre) => api.tx.providentFund.fileLoan(m, centre, 300_000_00, 240, null);
  await expectRefusals(api, [
    ['stranger files', file(m1, CQ_FUND), k.bob, 'BadOrigin'],
    ['a centre files', file(m1, CQ_FUND), k.cq.fund, 'providentFund.NotBank'],
    ['Sichuan bank files with Chongqing\'s centre', file(m1, CQ_FUND), k.sc.bank, 'providentFund.NotCommissioned'],
    ['Chongqing bank files with Sichuan\'s centre', file(m3, SC_FUND), k.cq.bank, 'providentFund.NotCommissioned'],
    ['a court as lending centre', file(m1, CQ_COURT), k.cq.bank, 'providentFund.NotFundCentre'],
  ]);
  const [l1, l2, l3] = await Promise.all([
    sendFor(api, file(m1, CQ_FUND), k.cq.bank, 'providentFund', 'LoanFiled'),
    sendFor(api, file(m2, CQ_FUND), k.cq.bank, 'providentFund', 'LoanFiled'),
    sendFor(api, file(m3, SC_FUND), k.sc.bank, 'providentFund', 'LoanFiled'),
  ]);
  [loans.l1, loans.l2, loans.l3] = [l1, l2, l3].map((e) => e.id.toNumber());
  const { l1: id } = loans;
  await expectRefusals(api, [
    ['stranger decides', api.tx.providentFund.decideLoan(id, true, 0), k.bob, 'BadOrigin'],
    ['the filing bank decides', api.tx.providentFund.decideLoan(id, true, 0), k.cq.bank, 'providentFund.NotFundCentre'],
    ['Sichuan centre decides', api.tx.providentFund.decideLoan(id, true, 0), k.sc.fund, 'providentFund.WrongCentre'],
    ['Sichuan bank files a second loan for the member', file(m1, SC_FUND), k.sc.bank, 'providentFund.SecondActiveLoan'],
  ]);
  const approved = await sendFor(api, api.tx.providentFund.decideLoan(id, true, 0), k.cq.fund, 'providentFund', 'LoanApproved');
  assert.equal(approved.centre.toNumber(), CQ_FUND);
  const disburse = () => api.tx.providentFund.disburse(id, 300_000_00, 310, 'EqualInstalments', blake2AsHex('contract'));
  await expectRefusals(api, [
    ['stranger disburses', disburse(), k.bob, 'BadOrigin'],
    ['the centre disburses', disburse(), k.cq.fund, 'providentFund.NotBank'],
    ['Sichuan bank disburses', disburse(), k.sc.bank, 'providentFund.NotLoanBank'],
    ['Sichuan bank records a repayment', api.tx.providentFund.recordRepayment(id, 1, false), k.sc.bank, 'providentFund.NotLoanBank'],
    ['Sichuan bank marks it overdue', api.tx.providentFund.setOverdue(id, true), k.sc.bank, 'providentFund.NotLoanBank'],
    ['stranger cancels', api.tx.providentFund.cancelLoan(id, 1), k.bob, 'BadOrigin'],
    ['Sichuan centre cancels', api.tx.providentFund.cancelLoan(id, 1), k.sc.fund, 'providentFund.NotLoanParty'],
    ['Sichuan bank cancels', api.tx.providentFund.cancelLoan(id, 1), k.sc.bank, 'providentFund.NotLoanParty'],
    ['a court cancels', api.tx.providentFund.cancelLoan(id, 1), k.cq.court, 'providentFund.NotLoanParty'],
    ['a council member alone closes it', api.tx.providentFund.forceCloseLoan(id, 'Cancelled', 1), k.alice, 'BadOrigin'],
  ]);
  assert.equal((await api.call.providentFundApi.loan(id)).unwrap().status.type, 'Approved');
});

test('a suspended bank and a retired bank act no more; their centres cancel the loans they left', async () => {
  await motion(api, api.tx.utility.batchAll([
    api.tx.consortium.suspendAgency(CQ_BANK), api.tx.consortium.retireAgency(SC_BANK),
  ]), { proposer: k.alice, voter: k.cq.amr });
  assert.deepEqual([await agencyStatus(api, CQ_BANK), await agencyStatus(api, SC_BANK)], ['Suspended', 'Retired']);
  const disburse = (id) => api.tx.providentFund.disburse(id, 300_000_00, 310, 'EqualInstalments', blake2AsHex('contract'));
  await expectRefusals(api, [
    ['suspended bank disburses', disburse(loans.l1), k.cq.bank, 'BadOrigin'],
    ['suspended bank cancels', api.tx.providentFund.cancelLoan(loans.l1, 1), k.cq.bank, 'BadOrigin'],
    ['suspended bank files', api.tx.providentFund.fileLoan(m4, CQ_FUND, 1, 1, null), k.cq.bank, 'BadOrigin'],
    ['retired bank disburses', disburse(loans.l3), k.sc.bank, 'BadOrigin'],
    ['retired bank files', api.tx.providentFund.fileLoan(m4, SC_FUND, 1, 1, null), k.sc.bank, 'BadOrigin'],
    ['approving the suspended bank\'s loan', api.tx.providentFund.decideLoan(loans.l2, true, 0), k.cq.fund, 'providentFund.BankInactive'],
    ['approving the retired bank\'s loan', api.tx.providentFund.decideLoan(loans.l3, true, 0), k.sc.fund, 'providentFund.BankInactive'],
    ['commissioning the suspended bank', api.tx.providentFund.commissionBank(CQ_BANK, true), k.cq.fund, 'providentFund.NotBank'],
    ['Sichuan centre cancels Chongqing\'s loan', api.tx.providentFund.cancelLoan(loans.l1, 1), k.sc.fund, 'providentFund.NotLoanParty'],
  ]);
  const cancelled = await Promise.all([
    sendFor(api, api.tx.providentFund.cancelLoan(loans.l1, 31), k.cq.fund, 'providentFund', 'LoanCancelled'),
    sendFor(api, api.tx.providentFund.cancelLoan(loans.l2, 31), k.cq.fund, 'providentFund', 'LoanCancelled'),
    sendFor(api, api.tx.providentFund.cancelLoan(loans.l3, 32), k.sc.fund, 'providentFund', 'LoanCancelled'),
  ]);
  assert.deepEqual(cancelled.map((c) => c.by.toNumber()), [CQ_FUND, CQ_FUND, SC_FUND]);
  for (const [id, m] of [[loans.l1, m1], [loans.l2, m2], [loans.l3, m3]]) {
    assert.equal((await api.call.providentFundApi.loan(id)).unwrap().status.type, 'Cancelled');
    assert.ok((await api.call.providentFundApi.activeLoan(m)).isNone, 'the member is free to borrow again');
  }
});

test('a sealed account moves from Sichuan to Chongqing: only its centre releases, only the destination accepts, still sealed', async () => {
  await expectRefusals(api, [
    ['stranger releases', api.tx.providentFund.releaseAccount(m4, CQ_FUND), k.bob, 'BadOrigin'],
    ['the destination releases', api.tx.providentFund.releaseAccount(m4, CQ_FUND), k.cq.fund, 'providentFund.WrongCentre'],
    ['a court releases', api.tx.providentFund.releaseAccount(m4, CQ_FUND), k.cq.court, 'providentFund.NotFundCentre'],
    ['release to a court', api.tx.providentFund.releaseAccount(m4, CQ_COURT), k.sc.fund, 'providentFund.NotFundCentre'],
    ['accept with nothing released', api.tx.providentFund.acceptAccount(m4), k.cq.fund, 'providentFund.NoPendingTransfer'],
  ]);
  const released = await sendFor(api, api.tx.providentFund.releaseAccount(m4, CQ_FUND), k.sc.fund, 'providentFund', 'AccountReleased');
  assert.deepEqual([released.from.toNumber(), released.to.toNumber()], [SC_FUND, CQ_FUND]);
  await expectRefusals(api, [
    ['stranger accepts', api.tx.providentFund.acceptAccount(m4), k.bob, 'BadOrigin'],
    ['the releasing centre accepts', api.tx.providentFund.acceptAccount(m4), k.sc.fund, 'providentFund.NoPendingTransfer'],
    ['a court accepts', api.tx.providentFund.acceptAccount(m4), k.cq.court, 'providentFund.NotFundCentre'],
    ['the releasing centre rewrites it meanwhile', api.tx.providentFund.recordDeposit(m4, NORMAL, SICHUAN), k.sc.fund, 'providentFund.TransferPending'],
    ['a council member alone moves it', api.tx.providentFund.forceMoveAccount(m4, CQ_FUND, 1), k.alice, 'BadOrigin'],
  ]);
  const accepted = await sendFor(api, api.tx.providentFund.acceptAccount(m4), k.cq.fund, 'providentFund', 'AccountAccepted');
  assert.deepEqual([accepted.from.toNumber(), accepted.to.toNumber()], [SC_FUND, CQ_FUND]);
  const account = (await api.call.providentFundApi.account(m4)).unwrap();
  assert.equal(account.centre.toNumber(), CQ_FUND);
  assert.equal(account.standing.status.type, 'Sealed');
  const history = await api.call.providentFundApi.accountHistory(m4, 0, 10);
  assert.deepEqual(history.map(([, r]) => r.change.type), ['Recorded', 'Released', 'Accepted']);
  assert.equal(history[2][1].standing.status.type, 'Sealed');
});
