#!/usr/bin/env node
// The importer's copyright works against a real node: an export of 300 works (content
// hashes, and one file hashed by the importer; authors and holders as persons, by
// identity document turned into the copyright pseudonym, or as accounts), with rows bad
// in the file (category, nature, author, holder, region, dates, a content listed
// twice). Signed by //Alice (the development preset's operator of agency 0), in chunks of
// 10: each chunk committed, then deposited once its commitment is final (28 chunks, more
// than the 12 the importer keeps committed at once). Killed once mid-run, then run to
// the end: the chain must hold each good work exactly once, deposited by //Alice with its
// row's title and holder; the report must name each bad row. Between the two runs one
// pending commitment of a chunk not yet deposited is removed from the chain (as if it had
// expired): the second run must commit that chunk again. Then a run without the progress
// file, with --check-chain, deposits nothing.
//
//   node import/test/works.mjs
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex, cryptoWaitReady, decodeAddress } from '@polkadot/util-crypto';
import { Keyring } from '@polkadot/api';
import { hexToU8a, u8aConcat } from '@polkadot/util';
import { startNode } from '../../tests/e2e/lib/node.mjs';
import { importer, doneSteps, summaryOf } from './lib.mjs';
import { pseudonym, residentCheck } from '../pseudonym.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const say = (m) => console.log(`works import test: ${m}`);
const KEY_HEX = '4142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f60';
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const N = 300;
const node = await startNode('dev', 'import-works', join(here, '..', 'logs'));
const dir = mkdtempSync(join(tmpdir(), 'govchain-import-works-'));
let ok = false;
try {
  const rpc = `ws://127.0.0.1:${node.port}`;
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(rpc), noInitWarn: true });
  const key = Buffer.from(KEY_HEX, 'hex');
  const id18 = (n) => {
    const d17 = `500103${1970 + (n % 40)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
    return d17 + residentCheck(d17);
  };
  const tag = Date.now().toString(36);
  const content = (n) => blake2AsHex(`work ${tag} ${n}`, 256);
  writeFileSync(join(dir, 'score.pdf'), `the score of work ${tag}`);
  const header = 'content,title,category,nature,authors,holder,region,completed,published,published_place';
  const lines = [header];
  const good = new Map(), bad = new Set();
  const badRows = [
    (n) => `${content(n)},Song ${n},Sculpture,Original,account:${ALICE},account:${ALICE},500103,2025-03-01,,`, // category
    (n) => `${content(n)},Song ${n},Music,Remix,account:${ALICE},account:${ALICE},500103,2025-03-01,,`, // nature
    (n) => `${content(n)},Song ${n},Music,Original,person:cn-resident-id:${id18(n).slice(0, 17)}${id18(n)[17] === '0' ? '1' : '0'},account:${ALICE},500103,2025-03-01,,`, // author's check character
    (n) => `${content(n)},Song ${n},Music,Original,account:${ALICE},deity:zeus,500103,2025-03-01,,`, // holder kind
    (n) => `${content(n)},Song ${n},Music,Original,account:${ALICE},account:${ALICE},5001,2025-03-01,,`, // region
    (n) => `${content(n)},Song ${n},Music,Original,account:${ALICE},account:${ALICE},500103,2025-03-01,2024-01-01,500103`, // published before completed
    () => `${content(1)},Copy of song 1,Music,Original,account:${ALICE},account:${ALICE},500103,2025-03-01,,`, // content listed twice
  ];
  for (let n = 0; n < N; n++) {
    const line = lines.length + 1;
    if (n % 20 === 11) { lines.push(badRows[(n / 20 | 0) % badRows.length](n)); bad.add(line); continue; }
    const person = `cn-resident-id:${id18(n)}`;
    const holder = n % 3 === 0 ? { text: `person:${person}`, person: pseudonym(key, 'copyright', person) } : { text: `account:${n % 2 ? ALICE : BOB}`, account: n % 2 ? ALICE : BOB };
    const c = n === 5 ? 'score.pdf' : content(n);
    const hash = n === 5 ? blake2AsHex(readFileSync(join(dir, 'score.pdf')), 256) : c;
    const published = n % 4 === 0 ? `2025-06-0${1 + (n % 9)},510100` : ',';
    lines.push(`${c},"Song ${n}, take ${n % 7}",Music,${n % 5 ? 'Original' : 'Arrangement'},person:${person};account:${BOB},${holder.text},500103,2025-03-01,${published}`);
    good.set(hash, { line, title: `Song ${n}, take ${n % 7}`, holder });
  }
  const file = join(dir, 'works.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  say(`${N} rows (${good.size} good, ${bad.size} bad) in ${file}`);

  const env = { ...process.env, GOVCHAIN_IMPORT_SURI: '//Alice', GOVCHAIN_PSEUDONYM_KEY: KEY_HEX };
  const progress = `${file}.progress.json`;
  const run = importer({ kind: 'works', file, rpc, env, args: ['--batch', '10'] });
  // Killed once it has committed and deposited some chunks (14 final steps).
  const killed = await run(['--in-flight', '4'], 14);
  if (killed.signal !== 'SIGKILL') throw new Error(`the importer was to be killed after 14 steps but ended: ${killed.code} ${killed.err}`);
  say(`killed with SIGKILL after ${doneSteps(progress)} final steps (commits and deposits)`);
  // A chunk committed whose deposit was not signed: its commitment goes (as if expired).
  const p = JSON.parse(readFileSync(progress, 'utf8'));
  const lineHash = new Map([...good].map(([hash, row]) => [row.line, hash]));
  const open = Object.keys(p.chunks).map(Number).filter((k) => p.batches[2 * k]?.state === 'done' && !p.batches[2 * k + 1]);
  if (!open.length) throw new Error('no chunk was committed and left undeposited by the killed run');
  const k = open[open.length - 1];
  const salt = blake2AsHex(`${p.saltKey}/${k}/${p.chunks[k].round}`, 256);
  const commitment = blake2AsHex(u8aConcat(...p.chunks[k].lines.map((l) => hexToU8a(lineHash.get(l))), decodeAddress(ALICE), hexToU8a(salt)), 256);
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  await new Promise((res, rej) => api.tx.copyright.removeCommitment(ALICE, commitment).signAndSend(alice, ({ status, dispatchError }) => {
    if (dispatchError) rej(new Error(`removeCommitment: ${dispatchError}`));
    else if (status.isFinalized) res();
  }).catch(rej));
  say(`removed the pending commitment of chunk ${k} (of ${open.length} committed, not deposited)`);
  const last = await run(['--in-flight', '16']);
  if (!last.err.includes(`chunk ${k}: its commitment is no longer on chain`)) throw new Error(`the re-run did not commit chunk ${k} again: ${last.err}`);
  if (last.code !== 0) throw new Error(`the last run failed (${last.code}): ${last.err}`);
  const summary = summaryOf(last);
  say(`last run: ${JSON.stringify(summary)}`);
  if (summary.imported !== good.size || summary.rejected !== bad.size) throw new Error('the summary does not add up');

  // The chain, not the tool.
  const blocks = new Map();
  for (const [hash, row] of good) {
    const w = await api.call.copyrightApi.work(hash);
    if (w.isNone) throw new Error(`line ${row.line}: work ${hash} not on chain`);
    const v = w.unwrap();
    const holderOk = row.holder.person ? v.holder.isPerson && v.holder.asPerson.toHex() === row.holder.person
      : v.holder.isAccount && v.holder.asAccount.toString() === row.holder.account;
    if (v.depositor.toString() !== ALICE || new TextDecoder().decode(v.title.toU8a(true)) !== row.title || !holderOk) {
      throw new Error(`line ${row.line}: the chain holds ${JSON.stringify(v.toHuman())}`);
    }
    blocks.set(hash, v.deposited.block.toNumber());
  }
  say(`on chain: ${good.size} works deposited by //Alice with their rows' titles and holders (the score hashed from its file)`);
  const report = readFileSync(`${file}.rejected.csv`, 'utf8').trim().split('\n').slice(1);
  const reported = new Set(report.map((l) => Number(l.split(',')[0])));
  if (reported.size !== bad.size || [...bad].some((l) => !reported.has(l))) throw new Error(`the report does not name exactly the bad rows: ${report.slice(0, 8)}`);
  say(`the report names the ${bad.size} bad rows, e.g. ${report[0]}`);

  rmSync(progress);
  const again = await run(['--check-chain']);
  const s2 = summaryOf(again);
  say(`without the progress file, --check-chain: ${JSON.stringify(s2)}`);
  const moved = [];
  for (const [hash, b] of blocks) if ((await api.call.copyrightApi.work(hash)).unwrap().deposited.block.toNumber() !== b) moved.push(hash);
  if (again.code !== 0 || s2.present !== good.size || s2.imported !== 0 || moved.length) throw new Error(`the re-run deposited again (${moved.length} works moved)`);
  await api.disconnect();
  ok = true;
  say(`PASS: ${good.size} works on chain exactly once after a kill (commit, then deposit, per chunk); ${bad.size} rejected with reasons`);
} catch (e) {
  console.error(`works import test: FAIL: ${e.stack ?? e}`);
} finally {
  node.stop(!ok, 'works import test failure');
  rmSync(dir, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}
