// Provident-fund loans across regions without paper: a worker deposits at region
// B's fund centre and moves to region A; a bank in A files a loan relying on B's
// deposit certificate, A's centre approves, the bank disburses, records repayments
// and settles; a second bank's attempt to open another loan meanwhile is refused.
// A centre opens accounts only for employers of its region; the standing carries a
// contribution band, never the wage; an approved loan is cancelled by its lending
// centre before disbursement.
//
// Preset agencies (development): 0 = demo agency (Alice, holds Bank among every
// role), 4 = Chongqing fund centre (Eve, region A), 5 = Bank of Chongqing (Ferdie).
// Region B's centre (Chengdu) is admitted by a council motion first.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf, passMotion } from '../lib/chain.mjs';
import { chainNow, fund, runTag } from '../lib/gov.mjs';

const CENTRE_A = 4;
const BANK_A = 5;
const SECOND_BANK = 0;
const CHONGQING = 500000; // region A (the centre's and the banks' region)
const CHENGDU = 510100; // region B: the worker's employer and centre B

let api;
let acc;
let chengdu; // region B centre's admin
let centreB;
let member; // the worker's pseudonym (keyed hash computed by the centres)
let certificate;
let loan;

before(async () => {
  api = await connect();
  acc = devAccounts();
  const tag = runTag();
  chengdu = new Keyring({ type: 'sr25519' }).addFromUri(`//e2e/chengdu-fund/${tag}`);
  member = blake2AsHex(`HMAC(k, CN-ID:worker ${tag})`);
  await fund(api, acc.alice, [chengdu.address]);
  centreB = (await api.query.consortium.nextAgencyId()).toNumber();
  await passMotion(api, api.tx.consortium.registerAgency(
    'Chengdu Housing Provident Fund Management Centre', 510100, 'ProvidentFundCenter', ['FundCenter'], chengdu.address),
  { proposer: acc.alice, voters: [acc.bob], threshold: 2 });
  // Region A's centre sets its rules and commissions both banks.
  await sendAndFinalize(api, api.tx.utility.batchAll([
    api.tx.providentFund.setRules({ minMonths: 12, maxAmount: 1_000_000_00, maxTermMonths: 360 }),
    api.tx.providentFund.commissionBank(BANK_A, true),
    api.tx.providentFund.commissionBank(SECOND_BANK, true),
  ]), acc.eve);
});

after(async () => {
  await api?.disconnect();
});

test('the worker deposits in region B; B certifies the standing for region A', async () => {
  // 2,400.00 yuan a month is band 4 (2,000 – 2,499.99): the chain never sees the amount.
  const standing = { status: 'Normal', contributionBand: 4, months: 36 };
  // Region A's centre cannot open (squat) the account of a worker employed in region B.
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.recordDeposit(member, standing, CHENGDU), acc.eve),
    /providentFund\.OutsideJurisdiction/);
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.recordDeposit(member, standing, 99), chengdu),
    /providentFund\.InvalidRegion/);
  await sendAndFinalize(api, api.tx.providentFund.recordDeposit(member, standing, CHENGDU), chengdu);
  // Region A's centre cannot write B's member's record.
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.recordDeposit(member, standing, CHONGQING), acc.eve),
    /providentFund\.WrongCentre/);
  const account = (await api.call.providentFundApi.account(member)).unwrap();
  assert.equal(account.centre.toNumber(), centreB);
  assert.equal(account.standing.months.toNumber(), 36);
  assert.equal(account.standing.contributionBand.toNumber(), 4);

  const expires = (await chainNow(api)) + 30 * 86400;
  const { events } = await sendAndFinalize(api, api.tx.providentFund.issueCertificate(member, CENTRE_A, expires), chengdu);
  certificate = eventsOf(events, 'providentFund', 'CertificateIssued')[0].id.toNumber();
  const verified = await api.call.providentFundApi.verifyCertificate(certificate, CENTRE_A);
  assert.equal(verified.unwrap().standing.months.toNumber(), 36);
  assert.equal(verified.unwrap().standing.contributionBand.toNumber(), 4);
  assert.ok((await api.call.providentFundApi.verifyCertificate(certificate, BANK_A)).isNone);
});

test('a bank in region A files a loan relying on the certificate; A approves; a second bank is refused', async () => {
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.fileLoan(member, CENTRE_A, 500_000_00, 240, null), acc.ferdie),
    /providentFund\.CertificateRequired/);
  const { events } = await sendAndFinalize(api,
    api.tx.providentFund.fileLoan(member, CENTRE_A, 500_000_00, 240, certificate), acc.ferdie);
  loan = eventsOf(events, 'providentFund', 'LoanFiled')[0].id.toNumber();
  assert.equal((await api.call.providentFundApi.activeLoan(member)).unwrap().toNumber(), loan);

  // One active loan per member across all banks.
  await assert.rejects(sendAndFinalize(api,
    api.tx.providentFund.fileLoan(member, CENTRE_A, 100_000_00, 120, certificate), acc.alice),
  /providentFund\.SecondActiveLoan/);
  // Only the lending centre decides; disbursement waits for approval.
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.decideLoan(loan, true, 0), chengdu),
    /providentFund\.WrongCentre/);
  await assert.rejects(sendAndFinalize(api,
    api.tx.providentFund.disburse(loan, 500_000_00, 310, 'EqualInstalments', blake2AsHex('contract')), acc.ferdie),
  /providentFund\.NotApproved/);
  await sendAndFinalize(api, api.tx.providentFund.decideLoan(loan, true, 0), acc.eve);
  assert.equal((await api.call.providentFundApi.loan(loan)).unwrap().status.type, 'Approved');
});

test('the bank disburses, records repayments and settles; the member is free again', async () => {
  await sendAndFinalize(api,
    api.tx.providentFund.disburse(loan, 500_000_00, 310, 'EqualInstalments', blake2AsHex('loan contract')), acc.ferdie);
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.recordRepayment(loan, 500_000_01, false), acc.ferdie),
    /providentFund\.RepaymentExceedsOutstanding/);
  await sendAndFinalize(api, api.tx.utility.batchAll([
    api.tx.providentFund.recordRepayment(loan, 2_000_00, false),
    api.tx.providentFund.recordRepayment(loan, 2_000_00, false),
  ]), acc.ferdie);
  const portfolio = await api.call.providentFundApi.portfolio(BANK_A);
  assert.equal(portfolio.outstanding.toBigInt(), 496_000_00n);
  const { events } = await sendAndFinalize(api, api.tx.providentFund.recordRepayment(loan, 496_000_00, true), acc.ferdie);
  assert.equal(eventsOf(events, 'providentFund', 'LoanSettled').length, 1);

  const settled = (await api.call.providentFundApi.loan(loan)).unwrap();
  assert.equal(settled.status.type, 'Settled');
  assert.equal(settled.outstanding.toBigInt(), 0n);
  assert.equal(settled.repaid.toBigInt(), 500_000_00n);
  const repayments = await api.call.providentFundApi.repayments(loan, 0, 10);
  assert.deepEqual(repayments.map(([, r]) => [r.amount.toBigInt(), r.early.isTrue]),
    [[2_000_00n, false], [2_000_00n, false], [496_000_00n, true]]);
  assert.ok((await api.call.providentFundApi.activeLoan(member)).isNone);
});

test('the account moves from B to A: B releases, A accepts, history kept', async () => {
  await sendAndFinalize(api, api.tx.providentFund.releaseAccount(member, CENTRE_A), chengdu);
  await sendAndFinalize(api, api.tx.providentFund.acceptAccount(member), acc.eve);
  const account = (await api.call.providentFundApi.account(member)).unwrap();
  assert.equal(account.centre.toNumber(), CENTRE_A);
  assert.equal(account.standing.status.type, 'Normal'); // the status it had before the release
  const history = await api.call.providentFundApi.accountHistory(member, 0, 10);
  assert.deepEqual(history.map(([, r]) => r.change.type), ['Recorded', 'Released', 'Accepted']);
  assert.equal(history[0][1].change.asRecorded.employerRegion.toNumber(), CHENGDU);
});

test('an approved loan is cancelled before disbursement by its lending centre, not by another', async () => {
  const { events } = await sendAndFinalize(api,
    api.tx.providentFund.fileLoan(member, CENTRE_A, 100_000_00, 120, null), acc.alice);
  const id = eventsOf(events, 'providentFund', 'LoanFiled')[0].id.toNumber();
  await sendAndFinalize(api, api.tx.providentFund.decideLoan(id, true, 0), acc.eve);
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.cancelLoan(id, 7), chengdu),
    /providentFund\.NotLoanParty/);
  await assert.rejects(sendAndFinalize(api, api.tx.providentFund.cancelLoan(id, 7), acc.ferdie),
    /providentFund\.NotLoanParty/);
  const { events: cancelled } = await sendAndFinalize(api, api.tx.providentFund.cancelLoan(id, 7), acc.eve);
  const [c] = eventsOf(cancelled, 'providentFund', 'LoanCancelled');
  assert.equal(c.by.toNumber(), CENTRE_A);
  assert.equal((await api.call.providentFundApi.loan(id)).unwrap().status.type, 'Cancelled');
  assert.ok((await api.call.providentFundApi.activeLoan(member)).isNone);
});
