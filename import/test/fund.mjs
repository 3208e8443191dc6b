#!/usr/bin/env node
// The importer's provident-fund deposit records against a real node: an export of 250
// members with rows bad in the file (identity number, status, amount, months, region)
// and rows the chain refuses (an employer outside the centre's region), signed by the
// centre's operator (//Eve, the development preset's Chongqing centre, agency 4), in
// batches of 10 (utility.forceBatch), killed once, then run to the end. The chain must
// hold each good member's account exactly once (one history entry) with the standing of
// its row; the report must name each bad row and each refused one with the chain's
// reason. Then a run without the progress file, with --check-chain, adds nothing.
// Before all that, the file signed by a bank's operator is refused row by row.
//
//   node import/test/fund.mjs
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startNode } from '../../tests/e2e/lib/node.mjs';
import { importer, doneSteps, summaryOf } from './lib.mjs';
import { pseudonym, residentCheck } from '../pseudonym.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const say = (m) => console.log(`fund import test: ${m}`);
const KEY_HEX = '2122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f40';
const N = 250;
const node = await startNode('dev', 'import-fund', join(here, '..', 'logs'));
const dir = mkdtempSync(join(tmpdir(), 'govchain-import-fund-'));
let ok = false;
try {
  const rpc = `ws://127.0.0.1:${node.port}`;
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(rpc), noInitWarn: true });
  const key = Buffer.from(KEY_HEX, 'hex');
  // A resident identity number per n (a real date, a sequence number, its check character).
  const id18 = (n) => {
    const d17 = `500103${1960 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
    return d17 + residentCheck(d17);
  };
  const lines = ['member_id,status,monthly_contribution,months,employer_region'];
  const good = new Map(), bad = new Set(), refused = new Set();
  const badRows = [
    (n) => `cn-resident-id:${id18(n).slice(0, 17)}${id18(n)[17] === '0' ? '1' : '0'},Normal,2400,36,500103`, // check character
    (n) => `cn-resident-id:${id18(n)},Frozen,2400,36,500103`, // status
    (n) => `cn-resident-id:${id18(n)},Normal,about 2400,36,500103`, // amount
    (n) => `cn-resident-id:${id18(n)},Normal,2400,-1,500103`, // months
    (n) => `cn-resident-id:${id18(n)},Normal,2400,36,5001`, // region
  ];
  for (let n = 0; n < N; n++) {
    const line = lines.length + 1;
    if (n % 25 === 7) { lines.push(badRows[(n / 25 | 0) % badRows.length](n)); bad.add(line); continue; }
    const id = `cn-resident-id:${id18(n)}`;
    if (n % 50 === 13) { lines.push(`${id},Normal,3000,12,510100`); refused.add(line); continue; } // Chengdu employer
    const monthly = 1000 + (n % 20) * 250.5;
    lines.push(`${id},${n % 9 === 0 ? 'Sealed' : 'Normal'},${monthly.toFixed(2)},${n % 240},${n % 2 ? '500103' : '500000'}`);
    good.set(pseudonym(key, 'provident-fund', id), { line, band: Math.floor(Math.round(monthly * 100) / 50000), months: n % 240, status: n % 9 === 0 ? 'Sealed' : 'Normal' });
  }
  const file = join(dir, 'deposits.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  say(`${N} rows (${good.size} good, ${bad.size} bad in the file, ${refused.size} outside the centre's region) in ${file}`);

  const env = { ...process.env, GOVCHAIN_IMPORT_SURI: '//Eve', GOVCHAIN_PSEUDONYM_KEY: KEY_HEX };
  const progress = `${file}.progress.json`;
  const run = importer({ kind: 'fund-deposits', file, rpc, env, args: ['--quiet', '--batch', '10'] });
  // The wrong party first: the bank's operator (//Ferdie, agency 5) is no fund centre.
  // Every record is refused on its own, with the chain's reason; no account opens.
  const bank = await run(['--progress', join(dir, 'bank.progress.json'), '--in-flight', '8'], null, { GOVCHAIN_IMPORT_SURI: '//Ferdie' });
  const bs = summaryOf(bank);
  const bankRefused = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n').filter((l) => l.includes('refused by the chain: ')).length;
  let opened = 0;
  for (const [member] of good) if ((await api.call.providentFundApi.account(member)).isSome) opened++;
  say(`signed by the bank's operator: ${JSON.stringify(bs)}; ${bankRefused} rows refused by the chain, ${opened} accounts opened`);
  if (bank.code !== 0 || bs.imported !== 0 || bankRefused !== good.size + refused.size || opened !== 0) {
    throw new Error(`a bank's import of deposit records was not refused row by row (exit ${bank.code}): ${bank.err}`);
  }

  const killed = await run(['--in-flight', '2'], 5);
  if (killed.signal !== 'SIGKILL') throw new Error(`the importer was to be killed after 5 batches but ended: ${killed.code} ${killed.err}`);
  say(`killed with SIGKILL after ${doneSteps(progress)} final batches`);
  const last = await run(['--in-flight', '8']);
  if (last.code !== 0) throw new Error(`the last run failed (${last.code}): ${last.err}`);
  const summary = summaryOf(last);
  say(`last run: ${JSON.stringify(summary)}`);
  if (summary.imported !== good.size || summary.rejected !== bad.size + refused.size) throw new Error('the summary does not add up');

  // The chain, not the tool.
  let once = 0;
  for (const [member, row] of good) {
    const a = await api.call.providentFundApi.account(member);
    if (a.isNone) throw new Error(`line ${row.line}: no account on chain`);
    const v = a.unwrap();
    const s = v.standing;
    if (v.centre.toNumber() !== 4 || s.status.toString() !== row.status || s.contributionBand.toNumber() !== row.band || s.months.toNumber() !== row.months) {
      throw new Error(`line ${row.line}: the chain holds ${JSON.stringify(v.toHuman())}`);
    }
    if (v.changes.toNumber() === 1) once++;
  }
  if (once !== good.size) throw new Error(`${good.size - once} accounts were recorded more than once`);
  say(`on chain: ${good.size} accounts at centre 4 with their rows' standing, each recorded once`);
  const report = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n').slice(1);
  const reported = new Map(report.map((l) => [Number(l.split(',')[0]), l]));
  const missing = [...bad, ...refused].filter((l) => !reported.has(l));
  if (missing.length || reported.size !== bad.size + refused.size) throw new Error(`the report does not name exactly the bad and refused rows: ${[...reported.keys()].slice(0, 8)}`);
  const chainReason = [...refused].map((l) => reported.get(l)).filter((l) => l.includes('refused by the chain: providentFund.'));
  if (chainReason.length !== refused.size) throw new Error(`refused rows without the chain's reason: ${reported.get([...refused][0])}`);
  say(`the report names the ${bad.size} bad rows and the ${refused.size} refused ones, e.g. ${reported.get([...refused][0])}`);

  rmSync(progress);
  const again = await run(['--check-chain']);
  const s2 = summaryOf(again);
  say(`without the progress file, --check-chain: ${JSON.stringify(s2)}`);
  const changed = [];
  for (const [member] of good) if ((await api.call.providentFundApi.account(member)).unwrap().changes.toNumber() !== 1) changed.push(member);
  if (again.code !== 0 || s2.present !== good.size || changed.length) throw new Error(`the re-run recorded again: ${changed.length} accounts changed`);
  await api.disconnect();
  ok = true;
  say(`PASS: ${good.size} deposit records on chain exactly once after a kill; ${bad.size + refused.size} rejected with reasons`);
} catch (e) {
  console.error(`fund import test: FAIL: ${e.stack ?? e}`);
} finally {
  node.stop(!ok, 'fund import test failure');
  rmSync(dir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}
