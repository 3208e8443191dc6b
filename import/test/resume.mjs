#!/usr/bin/env node
// The importer against a real node: a licence export with bad rows among the good ones,
// the importer killed with SIGKILL twice while it submits, then run to the end; the
// chain itself (every licence of the type, read from storage) must hold each good row
// exactly once, and the report must name each bad row. Then a run without the progress
// file, with --check-chain, must import nothing. Before all that, the same file signed
// by a stranger (no agency's operator) must be refused row by row, nothing issued.
//
//   node import/test/resume.mjs [rows]        (default 3000; IMPORT_ROWS too; IMPORT_KILLS=0:
//                                              no kill, the run's rate in its summary)
// Prints one line per step and the rates; exit 1 on a failed check.

import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { startNode } from '../../tests/e2e/lib/node.mjs';
import { importer, doneSteps, summaryOf } from './lib.mjs';
import { pseudonym, residentCheck } from '../pseudonym.mjs';
import { checkChar } from '../../shared/uscc.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const N = Number(process.argv[2] || process.env.IMPORT_ROWS || 3000);
const say = (m) => console.log(`import test: ${m}`);
const fail = (m) => { console.error(`import test: FAIL: ${m}`); process.exitCode = 1; };
const KEY_HEX = '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';

const node = await startNode('dev', 'import', join(here, '..', 'logs'));
const dir = mkdtempSync(join(tmpdir(), 'govchain-import-'));
let ok = false;
try {
  const rpc = `ws://127.0.0.1:${node.port}`;
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(rpc), noInitWarn: true });
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  // One licence type per holder kind, as real catalogues have.
  const tag = Date.now().toString(36);
  const codes = { person: `IMPORT-P-${tag}`, enterprise: `IMPORT-E-${tag}`, account: `IMPORT-A-${tag}` };
  const typeIds = {};
  for (const [kind, c] of Object.entries(codes)) {
    await new Promise((res, rej) => api.tx.licenses.defineType(c, `Imported ${kind} licence`, 500000,
      kind[0].toUpperCase() + kind.slice(1), 'LicenseIssuer', null, blake2AsHex('schema'), blake2AsHex('template'))
      .signAndSend(alice, ({ status, dispatchError }) => {
        if (dispatchError) rej(new Error(dispatchError.toString()));
        else if (status.isInBlock) res();
      }).catch(rej));
    typeIds[kind] = (await api.call.licensesApi.typeByCode(c)).unwrap().toNumber();
  }
  const ours = new Set(Object.values(typeIds));
  const code = codes.person;

  // The export: 1 bad row in every 100 (of eight kinds), the rest good, each with its
  // own content hash; persons, enterprises and accounts as holders.
  const lines = ['type_code,holder_kind,holder_id,content,valid_from,valid_until'];
  const good = new Map(), bad = new Set();
  const key = Buffer.from(KEY_HEX, 'hex');
  // A resident identity number per n: a real birth date, a sequence number, its check character.
  const id18 = (n) => {
    const date = `${1950 + ((n / 336) | 0) % 50}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (((n / 12) | 0) % 28)).padStart(2, '0')}`;
    const d17 = `110105${date}${String(((n / 16800) | 0) % 1000).padStart(3, '0')}`;
    return d17 + residentCheck(d17);
  };
  const account = (n) => encodeAddress(blake2AsU8a(`imported holder ${tag} ${n}`));
  const uscc = (n) => { const f = `91500000${String(n).padStart(9, '0')}`; return f + checkChar(f); };
  const badRows = [
    (n) => `${code},person,cn-resident-id:${id18(n).slice(0, 17)}${id18(n)[17] === '0' ? '1' : '0'},${blake2AsHex(`bad ${n}`)},2026-01-01,`, // check character
    (n) => `${code},enterprise,${uscc(n).slice(0, 17)}Z,${blake2AsHex(`bad ${n}`)},2026-01-01,`,       // USCC alphabet
    (n) => `${code},robot,x,${blake2AsHex(`bad ${n}`)},2026-01-01,`,                                  // holder kind
    (n) => `${code},account,5Gnot-an-address,${blake2AsHex(`bad ${n}`)},2026-01-01,`,               // SS58
    (n) => `${code},person,cn-resident-id:${id18(n)},0x1234,2026-01-01,`,                            // content
    (n) => `${code},person,cn-resident-id:${id18(n)},${blake2AsHex(`bad ${n}`)},01/02/2026,`,       // date
    (n) => `${code},person,cn-resident-id:${id18(n)},${blake2AsHex(`bad ${n}`)},2026-01-01,2025-01-01`, // until before from
    (n) => `NO-SUCH-TYPE,person,cn-resident-id:${id18(n)},${blake2AsHex(`bad ${n}`)},2026-01-01,`,  // unknown type
    (n) => `${codes.enterprise},person,cn-resident-id:${id18(n)},${blake2AsHex(`bad ${n}`)},2026-01-01,`, // holder kind of the type
  ];
  for (let n = 0; n < N; n++) {
    const line = lines.length + 1;
    if (n % 100 === 50) { lines.push(badRows[(n / 100 | 0) % badRows.length](n)); bad.add(line); continue; }
    const content = blake2AsHex(`licence file ${code} ${n}`);
    const holder = n % 3 === 0 ? `${codes.enterprise},enterprise,${uscc(n)}` : n % 3 === 1
      ? `${codes.person},person,cn-resident-id:${id18(n)}` : `${codes.account},account,${account(n)}`;
    lines.push(`${holder},${content},2026-01-01,${n % 2 ? '2031-01-01' : ''}`);
    good.set(content, line);
  }
  const file = join(dir, 'licences.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  say(`${N} rows (${good.size} good, ${bad.size} bad) of types ${Object.values(codes).join(', ')} in ${file}`);

  const env = { ...process.env, GOVCHAIN_IMPORT_SURI: '//Alice', GOVCHAIN_PSEUDONYM_KEY: KEY_HEX };
  const progress = `${file}.progress.json`;
  const run = importer({ kind: 'licences', file, rpc, env, args: process.env.IMPORT_DEBUG ? [] : ['--quiet'], echo: Boolean(process.env.IMPORT_DEBUG) });
  // The wrong party first: a funded account that is no agency's operator signs. The
  // chain refuses every batch; each good row is reported with the chain's reason and
  // nothing is issued (the issuer's own import below then loads every row).
  const strangerUri = `//import-stranger/${tag}`;
  const stranger = new Keyring({ type: 'sr25519' }).addFromUri(strangerUri);
  await new Promise((res, rej) => api.tx.balances.transferKeepAlive(stranger.address, 10n ** 15n)
    .signAndSend(alice, ({ status, dispatchError }) => {
      if (dispatchError) rej(new Error(dispatchError.toString()));
      else if (status.isFinalized) res();
    }).catch(rej));
  const refused = await run(['--progress', join(dir, 'stranger.progress.json')], null, { GOVCHAIN_IMPORT_SURI: strangerUri });
  const rs = summaryOf(refused);
  const refusedRows = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n').filter((l) => l.includes('refused by the chain: '));
  const issuedToStranger = (await api.query.licenses.licenses.entries()).filter(([, l]) => ours.has(l.unwrap().licenseType.toNumber())).length;
  say(`signed by a stranger (${stranger.address}): ${JSON.stringify(rs)}; ${refusedRows.length} rows reported refused, e.g. ${refusedRows[0]}`);
  if (refused.code !== 0 || rs.imported !== 0 || rs.rejected !== good.size + bad.size || refusedRows.length !== good.size || issuedToStranger !== 0) {
    throw new Error(`a stranger's import was not refused row by row (exit ${refused.code}, ${issuedToStranger} licences issued): ${refused.err}`);
  }

  // Each run is killed once a quarter of the batches more are final than when it began.
  // Few batches in flight on a small file, so that the kills land while it submits.
  const flight = N < 20000 ? ['--in-flight', '3'] : [];
  const step = Math.max(1, Math.ceil(Math.ceil(good.size / 100) / 4));
  const kills = Number(process.env.IMPORT_KILLS ?? 2); // 0: one run, to measure its rate
  for (let k = 0; k < kills; k++) {
    const at = doneSteps(progress) + step;
    const r = await run(flight, at);
    if (r.signal !== 'SIGKILL') throw new Error(`the importer was to be killed at ${at} finalized batches, but ended: ${r.code} ${r.err}`);
    const p = JSON.parse(readFileSync(progress, 'utf8')).batches;
    const states = Object.values(p).reduce((m, b) => ({ ...m, [b.state]: (m[b.state] ?? 0) + 1 }), {});
    say(`killed with SIGKILL after ${r.seconds.toFixed(1)} s; progress file: ${JSON.stringify(states)}`);
  }
  const last = await run(flight);
  if (last.code !== 0) throw new Error(`the last run failed (${last.code}): ${last.err}`);
  const summary = summaryOf(last);
  say(`last run: ${JSON.stringify(summary)} (${last.seconds.toFixed(1)} s, settling first what the killed runs had signed)`);

  // What filled the blocks while the last run submitted: batches per block, and the
  // normal-class weight and length used against their limits.
  if (kills === 0) {
    const done = Object.values(JSON.parse(readFileSync(progress, 'utf8')).batches);
    const first = Math.min(...done.map((b) => b.birth ?? Infinity).filter(Number.isFinite));
    const head = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    const maxW = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap().refTime.toBigInt();
    const maxLen = api.consts.system.blockLength.max.normal.toNumber();
    const rowsOf = [];
    for (let n = Number.isFinite(first) ? first : 1; n <= head; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const [block, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
      const batchesIn = block.block.extrinsics.filter((x) => x.method.section === 'licenses' && x.method.method === 'issueBatch');
      if (!batchesIn.length) continue;
      const w = (await at.query.system.blockWeight()).normal.refTime.toBigInt();
      const len = block.block.extrinsics.reduce((s, x) => s + x.encodedLength, 0);
      rowsOf.push({ n, batches: batchesIn.length, weight: Number((w * 1000n) / maxW) / 10, length: Math.round((len / maxLen) * 1000) / 10 });
    }
    const top = rowsOf.reduce((a, b) => (b.batches > a.batches ? b : a), rowsOf[0]);
    const mean = (k) => (rowsOf.reduce((s, r) => s + r[k], 0) / rowsOf.length).toFixed(1);
    say(`blocks with batches: ${rowsOf.length}; batches per block mean ${mean('batches')}, most ${top.batches} (#${top.n}: normal weight ${top.weight} %, length ${top.length} %); mean normal weight ${mean('weight')} %, length ${mean('length')} %`);
  }

  // The chain, not the tool: every licence of the type.
  const entries = await api.query.licenses.licenses.entries();
  const onChain = new Map();
  for (const [, l] of entries) {
    const v = l.unwrap();
    if (!ours.has(v.licenseType.toNumber())) continue;
    const c = v.content.toHex();
    onChain.set(c, (onChain.get(c) ?? 0) + 1);
  }
  const twice = [...onChain].filter(([, n]) => n > 1).length;
  const missing = [...good.keys()].filter((c) => !onChain.has(c)).length;
  const stray = [...onChain.keys()].filter((c) => !good.has(c)).length;
  say(`on chain: ${onChain.size} licences of the three types; good rows missing ${missing}, present twice ${twice}, not from a good row ${stray}`);
  if (missing || twice || stray || onChain.size !== good.size) throw new Error('the chain does not hold exactly the good rows');
  const person = (await api.call.licensesApi.licensesOf({ Person: pseudonym(key, 'licenses', `cn-resident-id:${id18(1)}`) }, null, 10)).length;
  if (person < 1) throw new Error("a person's licence is not found under the pseudonym computed from the identity number");

  const report = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
  const reported = new Set(report);
  if (reported.size !== bad.size || [...bad].some((l) => !reported.has(l))) throw new Error(`the report names lines ${[...reported].slice(0, 5)}…, not exactly the ${bad.size} bad rows`);
  say(`the report names exactly the ${bad.size} bad rows, each with a column and a reason`);

  // Progress file lost: the chain's own records keep a re-run from importing twice.
  rmSync(progress);
  const again = await run(['--check-chain']);
  const s2 = summaryOf(again);
  say(`without the progress file, --check-chain: ${JSON.stringify(s2)} (${again.seconds.toFixed(1)} s)`);
  const after = (await api.query.licenses.licenses.entries()).filter(([, l]) => ours.has(l.unwrap().licenseType.toNumber())).length;
  if (again.code !== 0 || s2.present !== good.size || after !== good.size) throw new Error(`the re-run imported again: ${after} licences of the type`);
  await api.disconnect();
  ok = true;
  say(`PASS: ${good.size} good rows on chain exactly once after two kills; ${bad.size} rejected with reasons`);
} catch (e) {
  fail(e.stack ?? String(e));
} finally {
  node.stop(!ok, 'importer test failure');
  rmSync(dir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}
