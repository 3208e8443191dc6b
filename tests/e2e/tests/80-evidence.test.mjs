// Evidence bundles, as a court's or an auditor's tool gets them: the node writes the
// bundle of a licence, a work, an enterprise and a loan (evidence_bundle), and
// govchain-verify checks each against the chain's checkpoint (evidence_checkpoint),
// offline; altered copies are refused. Bad requests get a clear error.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aToString, u8aConcat, hexToU8a } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import { connect, devAccounts, sendAndFinalize, eventsOf } from '../lib/chain.mjs';
import { fund, runTag, chainNow } from '../lib/gov.mjs';
import { nodeBin } from '../lib/node.mjs';

const verifyBin = process.env.GOVCHAIN_VERIFY || join(dirname(nodeBin), 'govchain-verify');
const CHONGQING = 500000;
const CENTRE = 4; // //Eve's fund centre in the development preset
const BANK = 5; // //Ferdie's bank

let api;
let acc;
let tag;
let dir;
let checkpoint;
let rpc; // the RPC methods @polkadot/api does not decorate, called as any client would

before(async () => {
  api = await connect();
  rpc = new WsProvider(process.env.GOVCHAIN_WS || 'ws://127.0.0.1:9944');
  await rpc.isReady;
  acc = devAccounts();
  tag = runTag();
  dir = mkdtempSync(join(tmpdir(), 'govchain-evidence-'));
  checkpoint = join(dir, 'checkpoint.json');
  writeFileSync(checkpoint, JSON.stringify(await rpc.send('evidence_checkpoint', [])));
});

after(async () => {
  await api?.disconnect();
  await rpc?.disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bundleOf = (kind, id, at) => rpc.send('evidence_bundle', at === undefined ? [kind, String(id)] : [kind, String(id), at]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Writes the bundle to a file and runs govchain-verify on it: { status, out }.
function verify(bundle, name, ...args) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
  const r = spawnSync(verifyBin, [...args, file, '--checkpoint', checkpoint], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

// Every forgery refused with its reason, the genuine bundle accepted.
function selfTest(bundle, name, forgeries) {
  const { status, out } = verify(bundle, name, 'self-test');
  assert.equal(status, 0, out);
  assert.match(out, new RegExp(`${forgeries} forgeries refused with the expected reason, 0 not`));
  return out;
}

test('a licence and a work: the bundle proves the record and the extrinsic that created it', async () => {
  const person = { Person: blake2AsHex(`evidence e2e holder ${tag}`) };
  const defined = await sendAndFinalize(api, api.tx.licenses.defineType(`EVIDENCE-${tag}`, 'Food business licence',
    CHONGQING, 'Person', 'LicenseIssuer', 5 * 365 * 86400, blake2AsHex('schema'), blake2AsHex('template')), acc.alice);
  const type = eventsOf(defined.events, 'licenses', 'TypeDefined')[0].licenseType.toNumber();
  const issued = await sendAndFinalize(api, api.tx.licenses.issue(type, person, blake2AsHex(`licence file ${tag}`),
    await chainNow(api), null), acc.alice);
  const licence = eventsOf(issued.events, 'licenses', 'LicenseIssued')[0].id.toNumber();

  const work = blake2AsHex(`evidence e2e work ${tag}`), salt = randomAsU8a(32);
  await sendAndFinalize(api, api.tx.copyright.commit(
    blake2AsU8a(u8aConcat(hexToU8a(work), decodeAddress(acc.bob.address), salt))), acc.bob);
  const deposited = await sendAndFinalize(api, api.tx.copyright.deposit(work, 'River Songs', 'Music', 'Original',
    [person], person, 500103, 1_767_225_600, null, salt), acc.bob);

  const lb = await bundleOf('licence', licence);
  assert.equal(lb.format, 'govchain-evidence/1');
  assert.ok(lb.inclusion, 'the licence bundle includes the issuing extrinsic');
  const lout = selfTest(lb, 'licence', 11 - 1); // one validator, no set change: nothing to remove
  assert.match(lout, new RegExp(`^✔ licence ${licence} at block #\\d+: type ${type}, `, 'm'));
  assert.match(lout, new RegExp(`Created by extrinsic ${issued.blockNumber}-\\d+ \\(Licenses\\.issue\\) signed by ${acc.alice.address}`));

  // The state at a past block: a bundle from the licence's block on, then a suspension;
  // that bundle still proves the licence active there, the latest one suspended.
  // Past the next 16-block boundary, the node keeps a justification at or after the
  // licence's block.
  while ((await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber() < issued.blockNumber + 18) {
    await sleep(2_000);
  }
  const past = await bundleOf('licence', licence, issued.blockNumber);
  await sendAndFinalize(api, api.tx.licenses.suspend(licence, 101, blake2AsHex('decision 2026-88')), acc.alice);
  const pastAgain = await bundleOf('licence', licence, issued.blockNumber);
  assert.deepEqual(pastAgain.finality.at(-1), past.finality.at(-1), 'the same justified block');
  const then = verify(pastAgain, 'licence-then');
  assert.equal(then.status, 0, then.out);
  const pastBlock = Number(then.out.match(/at block #(\d+):/)[1]);
  assert.ok(pastBlock >= issued.blockNumber && pastBlock <= issued.blockNumber + 16 + 3, then.out);
  assert.match(then.out, /status Active/);
  const now = verify(await bundleOf('licence', licence), 'licence-now');
  assert.equal(now.status, 0, now.out);
  assert.match(now.out, /status Suspended, .* 1 management records/);
  await assert.rejects(bundleOf('licence', licence, 10_000_000), /is not finalized/);

  const wb = await bundleOf('work', work);
  const wout = selfTest(wb, 'work', 11 - 1);
  assert.match(wout, /^✔ work 0x[0-9a-f]{64} at block #\d+: "River Songs", Music/m);
  assert.match(wout, new RegExp(`deposited by ${acc.bob.address} in block #${deposited.blockNumber}`));
  assert.match(wout, new RegExp(`Created by extrinsic ${deposited.blockNumber}-\\d+ \\(Copyright\\.deposit\\) signed by ${acc.bob.address}`));
});

test('an enterprise after its one-stop registration, and a loan filed by a bank', async () => {
  const applicant = new Keyring({ type: 'sr25519' }).addFromUri(`//e2e/evidence-applicant/${tag}`);
  await fund(api, acc.alice, [applicant.address]);
  const defined = await sendAndFinalize(api, api.tx.licenses.defineType(`EVIDENCE-BIZ-${tag}`, 'Business licence',
    CHONGQING, 'Enterprise', 'MarketRegulator', null, blake2AsHex('s'), blake2AsHex('t')), acc.alice);
  await sendAndFinalize(api, api.tx.enterprises.setLicenseType(
    eventsOf(defined.events, 'licenses', 'TypeDefined')[0].licenseType), acc.alice);
  const name = `Evidence Trading ${tag} Co., Ltd.`;
  const applied = await sendAndFinalize(api, api.tx.enterprises.apply(name, 'LimitedCompany', CHONGQING, 100_000_000,
    [stringToU8a('I6510')], blake2AsHex('legal rep'), blake2AsHex('materials'),
    ['BusinessLicense', 'SealEngraving', 'TaxRegistration']), applicant);
  const app = eventsOf(applied.events, 'enterprises', 'ApplicationSubmitted')[0].id.toNumber();
  const reviews = await Promise.all([
    sendAndFinalize(api, api.tx.enterprises.review(app, 'SealEngraving', true, 0, null), acc.charlie),
    sendAndFinalize(api, api.tx.enterprises.review(app, 'TaxRegistration', true, 0, null), acc.dave),
    sendAndFinalize(api, api.tx.enterprises.review(app, 'BusinessLicense', true, 0, blake2AsHex('licence file')), acc.alice),
  ]);
  const established = reviews.flatMap((r) => eventsOf(r.events, 'enterprises', 'EnterpriseEstablished'))[0];
  const uscc = u8aToString(established.uscc.toU8a());
  const eout = selfTest(await bundleOf('enterprise', uscc), 'enterprise', 9 - 1); // no inclusion part
  assert.match(eout, new RegExp(`^✔ enterprise ${uscc} at block #\\d+: "${name}", registered with agency 0, status Active`, 'm'));
  assert.match(eout, new RegExp(`business licence ${established.license.toNumber()}`));

  const member = blake2AsHex(`HMAC(k, CN-ID:evidence borrower ${tag})`);
  await sendAndFinalize(api, api.tx.utility.batchAll([
    api.tx.providentFund.setRules({ minMonths: 12, maxAmount: 1_000_000_00, maxTermMonths: 360 }),
    api.tx.providentFund.commissionBank(BANK, true),
    api.tx.providentFund.recordDeposit(member, { status: 'Normal', contributionBand: 4, months: 36 }, CHONGQING),
  ]), acc.eve);
  const filed = await sendAndFinalize(api, api.tx.providentFund.fileLoan(member, CENTRE, 300_000_00, 240, null), acc.ferdie);
  const loan = eventsOf(filed.events, 'providentFund', 'LoanFiled')[0].id.toNumber();
  const out = selfTest(await bundleOf('loan', loan), 'loan', 9 - 1);
  assert.match(out, new RegExp(`^✔ loan ${loan} at block #\\d+: member ${member}, bank agency ${BANK}, centre agency ${CENTRE}, 30000000 fen over 240 months, status Applied`, 'm'));
});

test('bad requests are refused with a reason; an absent record is proven absent', async () => {
  await assert.rejects(bundleOf('deed', 1), /unknown record kind 'deed'/);
  await assert.rejects(bundleOf('licence', 'twelve'), /not a whole number/);
  await assert.rejects(bundleOf('work', '0x1234'), /not 32 bytes/);
  await assert.rejects(bundleOf('enterprise', '91500000MA5U7XX9X1'), /not a valid USCC/);

  const absent = await bundleOf('licence', 999_999);
  assert.equal(absent.state.entries[0].value, null);
  const { status, out } = verify(absent, 'absent');
  assert.equal(status, 0, out);
  assert.match(out, /^✔ licence 999999 did not exist at block #\d+/m);

  // Not a bundle at all, and a bundle checked against another chain's checkpoint.
  assert.equal(verify('{"format": 1}', 'garbage').status, 2);
  const other = join(dir, 'other-checkpoint.json');
  const cp = await rpc.send('evidence_checkpoint', []);
  writeFileSync(other, JSON.stringify({ ...cp, genesisHash: blake2AsHex('another chain') }));
  const r = spawnSync(verifyBin, [join(dir, 'absent.json'), '--checkpoint', other], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^✗ the bundle is for the chain with genesis 0x[0-9a-f]{64} but the checkpoint is for/m);
  // No arguments: usage, exit 2.
  assert.equal(spawnSync(verifyBin, [], { encoding: 'utf8' }).status, 2);
});
