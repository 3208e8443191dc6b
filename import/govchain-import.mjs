#!/usr/bin/env node
// Bulk import of existing records into GovChain from a CSV or JSON-lines export:
// electronic licences (licences.issueBatch) and provident-fund deposit records
// (providentFund.recordDeposit, in utility.forceBatch). Resumable and idempotent: kill it
// at any moment and run the same command again; every good row ends on chain exactly
// once. See import/README.md.
//
//   govchain-import <licences|fund-deposits> <file.csv|file.jsonl> [--rpc ws://…]
//       [--in-flight 128] [--batch N] [--pseudonym-key-file F] [--check-chain]
//       [--progress F] [--quiet]
//
// Secrets never come from the command line (other users see it in `ps`):
//   GOVCHAIN_IMPORT_SURI          the operator's secret URI (seed or mnemonic), or
//   GOVCHAIN_IMPORT_KEYSTORE      a polkadot.js keystore JSON file, with
//   GOVCHAIN_IMPORT_PASSWORD      its password;
//   GOVCHAIN_PSEUDONYM_KEY        the pseudonym key of the kind's domain (hex: `licenses`
//                                 or `provident-fund`), or --pseudonym-key-file.
//
// Files next to the input: <file>.progress.json (what was signed and what is final),
// <file>.rejected.csv (line, column, reason of every refused row). Exit status: 0 when
// every row is imported, present already, or rejected with a reason; 1 on an error
// that stops the run (nothing is lost: run it again); 2 on bad usage.

import { createReadStream, existsSync, readFileSync, writeFileSync, renameSync, openSync, fsyncSync, closeSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { blake2AsHex, cryptoWaitReady, decodeAddress, randomAsU8a } from '@polkadot/util-crypto';
import { hexToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { pseudonym, parseKey } from './pseudonym.mjs';
import { parseCsvLine, checkUscc } from './rows.mjs';

const ERA_PERIOD = 16; // blocks a signed batch stays valid (48 s): the longest a re-run waits
const usage = (m) => { console.error(`${m}\nusage: govchain-import <licences|fund-deposits|works> <file> [--rpc URL] [--in-flight N] [--batch N] [--pseudonym-key-file F] [--check-chain] [--progress F] [--quiet]`); process.exit(2); };

// ---- arguments and secrets ----
const argv = process.argv.slice(2);
const [kindName, input] = argv;
const KIND_NAMES = { licences: 'licences', licenses: 'licences', 'fund-deposits': 'fund-deposits', works: 'works' };
if (!KIND_NAMES[kindName]) usage(kindName ? `unknown kind ${kindName} (licences, fund-deposits)` : 'no kind');
if (!input || !existsSync(input)) usage(`no input file ${input ?? ''}`);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i < 0 ? def : argv[i + 1]; };
const flag = (name) => argv.includes(`--${name}`);
const rpc = opt('rpc', 'ws://127.0.0.1:9944');
const inFlight = Math.max(1, Number(opt('in-flight', 128)));
const progressPath = opt('progress', `${input}.progress.json`);
const rejectedPath = `${input}.rejected.csv`;
const quiet = flag('quiet');
const say = (m) => { if (!quiet) console.error(m); };

function pseudonymKey() {
  const file = opt('pseudonym-key-file');
  if (file) return parseKey(readFileSync(file, 'utf8'));
  if (process.env.GOVCHAIN_PSEUDONYM_KEY) return parseKey(process.env.GOVCHAIN_PSEUDONYM_KEY);
  return null; // only needed when a row names a person
}

async function signer() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  if (process.env.GOVCHAIN_IMPORT_SURI) return keyring.addFromUri(process.env.GOVCHAIN_IMPORT_SURI);
  if (process.env.GOVCHAIN_IMPORT_KEYSTORE) {
    const pair = keyring.addFromJson(JSON.parse(readFileSync(process.env.GOVCHAIN_IMPORT_KEYSTORE, 'utf8')));
    pair.decodePkcs8(process.env.GOVCHAIN_IMPORT_PASSWORD ?? '');
    return pair;
  }
  usage('no signing key: set GOVCHAIN_IMPORT_SURI, or GOVCHAIN_IMPORT_KEYSTORE and GOVCHAIN_IMPORT_PASSWORD');
}

// ---- reading and checking rows ----
/** Unix seconds from `YYYY-MM-DD` (UTC midnight), `YYYY-MM-DDTHH:MM:SSZ` or digits. */
function seconds(text) {
  if (/^\d{1,12}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/.test(text)) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** A licence row: { typeCode, holder, content, from, until }, or null after `bad(column, reason)`. */
function licenceRow(rec, bad, { key, base }) {
  const typeCode = String(rec.type_code ?? '').trim();
  if (!typeCode) return bad('type_code', 'empty');
  const hk = String(rec.holder_kind ?? '').trim().toLowerCase();
  const id = String(rec.holder_id ?? '').trim();
  if (!['person', 'enterprise', 'account'].includes(hk)) return bad('holder_kind', `"${hk}" is not person, enterprise or account`);
  const holder = party(hk, id, 'licenses', key, (why) => bad('holder_id', why));
  if (!holder) return null;
  const content = contentOf(rec, base, bad);
  if (!content) return null;
  const from = seconds(String(rec.valid_from ?? '').trim());
  if (from === null) return bad('valid_from', 'not a date (YYYY-MM-DD) or Unix seconds');
  const untilText = String(rec.valid_until ?? '').trim();
  const until = untilText ? seconds(untilText) : null;
  if (untilText && until === null) return bad('valid_until', 'not a date (YYYY-MM-DD) or Unix seconds');
  if (until !== null && until <= from) return bad('valid_until', 'not after valid_from');
  return { typeCode, holder, content, from, until };
}

/** A holder or author (`HolderRef`): a person (by identity document, turned here into
 * the `domain` pseudonym), an enterprise (USCC) or an account (SS58); null after `bad(why)`. */
function party(kind, id, domain, key, bad) {
  if (kind === 'person') {
    if (!key) return bad(`a person needs the ${domain} pseudonym key (GOVCHAIN_PSEUDONYM_KEY or --pseudonym-key-file)`);
    try { return { Person: pseudonym(key, domain, id) }; } catch (e) { return bad(refusedId(e)); }
  }
  if (kind === 'enterprise') {
    const why = checkUscc(id);
    return why ? bad(why) : { Enterprise: id.toUpperCase() };
  }
  if (kind === 'account') {
    try { return { Account: u8aToHex(decodeAddress(id)) }; } catch { return bad('not an SS58 address'); }
  }
  return bad(`"${kind}" is not person, enterprise or account`);
}

/** The `content` column: a 0x-prefixed blake2-256, or a file (relative to the input) hashed here. */
function contentOf(rec, base, bad) {
  const content = String(rec.content ?? '').trim();
  if (/^0x[0-9a-fA-F]{64}$/.test(content)) return content.toLowerCase();
  if (content && existsSync(resolve(base, content))) return blake2AsHex(readFileSync(resolve(base, content)), 256);
  return bad('content', content ? 'neither a 0x-prefixed 32-byte hash nor an existing file' : 'empty');
}

const CATEGORIES = ['Text', 'Oral', 'Music', 'Performance', 'FineArt', 'Photography', 'Audiovisual', 'Drawing', 'Software', 'Other'];
const NATURES = ['Original', 'Adaptation', 'Translation', 'Compilation', 'Arrangement'];
const oneOf = (list, text) => list.find((x) => x.toLowerCase() === text.trim().toLowerCase().replace(/[\s_-]/g, ''));
const region = (text) => (/^[1-9]\d{5}$/.test(text.trim()) ? Number(text.trim()) : null);

/** A work row: { content, deposit }, or null after `bad(column, reason)`. */
function workRow(rec, bad, { key, base }) {
  const content = contentOf(rec, base, bad);
  if (!content) return null;
  const title = String(rec.title ?? '').trim();
  if (!title) return bad('title', 'empty');
  if (Buffer.byteLength(title) > 256) return bad('title', 'longer than 256 bytes (UTF-8)');
  const category = oneOf(CATEGORIES, String(rec.category ?? ''));
  if (!category) return bad('category', `not one of ${CATEGORIES.join(', ')}`);
  const nature = oneOf(NATURES, String(rec.nature ?? ''));
  if (!nature) return bad('nature', `not one of ${NATURES.join(', ')}`);
  // `kind:identifier`, e.g. person:cn-resident-id:…, enterprise:9150…, account:5Grw…
  const ref = (text, column) => {
    const t = text.trim();
    const i = t.indexOf(':');
    return party(i < 0 ? t : t.slice(0, i).toLowerCase(), i < 0 ? '' : t.slice(i + 1), 'copyright', key, (why) => bad(column, why));
  };
  const names = String(rec.authors ?? '').split(';').filter((a) => a.trim());
  if (!names.length) return bad('authors', 'no author');
  if (names.length > 16) return bad('authors', `${names.length} authors; at most 16`);
  const authors = [];
  for (const a of names) {
    const r = ref(a, 'authors');
    if (!r) return null;
    authors.push(r);
  }
  const holder = ref(String(rec.holder ?? ''), 'holder');
  if (!holder) return null;
  const where = region(String(rec.region ?? ''));
  if (where === null) return bad('region', 'not a 6-digit GB/T 2260 region code');
  const completed = seconds(String(rec.completed ?? '').trim());
  if (completed === null) return bad('completed', 'not a date (YYYY-MM-DD) or Unix seconds');
  const pubText = String(rec.published ?? '').trim();
  let publication = null;
  if (pubText) {
    const date = seconds(pubText);
    if (date === null) return bad('published', 'not a date (YYYY-MM-DD) or Unix seconds');
    if (date < completed) return bad('published', 'before completed');
    const place = region(String(rec.published_place ?? ''));
    if (place === null) return bad('published_place', 'a published work needs the 6-digit region of first publication');
    publication = { date, place };
  }
  return { content, deposit: { content, title, category, nature, authors, holder, region: where, completed, publication } };
}

const refusedId = (e) => `identifier refused: ${e.kind ?? e.message}${e.position !== undefined ? ` (character ${e.position + 1})` : ''}`;
const ACCOUNT_STATUS = ['Normal', 'Sealed', 'Closed'];

/** A deposit record row: { member, standing, region }, or null after `bad(column, reason)`. */
function fundRow(rec, bad, { key }) {
  if (!key) return bad('member_id', 'a member needs the provident-fund pseudonym key (GOVCHAIN_PSEUDONYM_KEY or --pseudonym-key-file)');
  let member;
  try { member = pseudonym(key, 'provident-fund', String(rec.member_id ?? '').trim()); } catch (e) { return bad('member_id', refusedId(e)); }
  const st = String(rec.status ?? '').trim();
  const status = ACCOUNT_STATUS.find((x) => x.toLowerCase() === st.toLowerCase());
  if (!status) return bad('status', `"${st}" is not ${ACCOUNT_STATUS.join(', ')}`);
  // The amount never leaves the machine: only its band (500.00 yuan wide) goes on chain.
  const monthly = String(rec.monthly_contribution ?? '').trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(monthly)) return bad('monthly_contribution', 'not an amount in yuan (e.g. 2400 or 2400.50)');
  const fen = Math.round(Number(monthly) * 100);
  const contributionBand = Math.min(255, Math.floor(fen / 500_00));
  const months = String(rec.months ?? '').trim();
  if (!/^\d{1,4}$/.test(months)) return bad('months', 'not a whole number of months');
  const region = String(rec.employer_region ?? '').trim();
  if (!/^[1-9]\d{5}$/.test(region)) return bad('employer_region', 'not a 6-digit GB/T 2260 region code');
  return { member, standing: { status, contributionBand, months: Number(months) }, region: Number(region) };
}

/** Reads every row with `parse`; returns { rows: [{ line, … }], rejected: [{ line, column, reason }], lines }. */
async function readRows(file, columns, parse, key) {
  const rows = [], rejected = [];
  const jsonl = /\.jsonl?$/i.test(file);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header = null, line = 0;
  const base = dirname(resolve(file));
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let rec;
    if (jsonl) {
      try { rec = JSON.parse(text); } catch { rejected.push({ line, column: '', reason: 'not a JSON object' }); continue; }
    } else if (!header) {
      header = parseCsvLine(text).map((h) => h.trim().toLowerCase());
      const missing = columns.filter((c) => !header.includes(c));
      if (missing.length) throw new Error(`line 1: missing columns ${missing.join(', ')} (expected ${columns.join(',')})`);
      continue;
    } else {
      const cells = parseCsvLine(text);
      if (cells === null) { rejected.push({ line, column: '', reason: 'unbalanced quotes' }); continue; }
      if (cells.length !== header.length) { rejected.push({ line, column: '', reason: `${cells.length} fields, the header has ${header.length}` }); continue; }
      rec = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    }
    const row = parse(rec, (column, reason) => { rejected.push({ line, column, reason }); return null; }, { key, base });
    if (row) rows.push({ line, ...row });
  }
  return { rows, rejected, lines: line - (jsonl ? 0 : 1) };
}

// ---- progress file ----
function loadProgress(fingerprint, who) {
  if (!existsSync(progressPath)) return { format: 1, fingerprint, signer: who, batches: {} };
  const p = JSON.parse(readFileSync(progressPath, 'utf8'));
  if (p.fingerprint !== fingerprint) throw new Error(`${progressPath} belongs to another version of the input file; move it away to start over`);
  if (p.signer !== who) throw new Error(`${progressPath} was written by ${p.signer}, not ${who}`);
  return p;
}
function saveProgress(p) {
  const tmp = `${progressPath}.tmp`;
  writeFileSync(tmp, JSON.stringify(p));
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, progressPath);
}

// ---- main ----
const t0 = Date.now();
const key = pseudonymKey();
const pair = await signer();
const fingerprint = createHash('sha256').update(readFileSync(input)).digest('hex');

// What differs between kinds: the columns and row check, how rows become batches (one
// transaction each), what a finalized batch did, and how --check-chain finds a row.
const KINDS = {
  licences: {
    columns: ['type_code', 'holder_kind', 'holder_id', 'content', 'valid_from', 'valid_until'],
    parse: licenceRow,
    maxBatch: (api) => api.consts.licenses.maxBatchIssue.toNumber(),
    // Type codes → ids and holder kinds, once each; a row of an unknown code, or whose
    // holder is not of its type's kind, is refused here rather than failing its batch.
    async prepare(api, rows, rejected) {
      const types = new Map(), kinds = new Map();
      for (const code of new Set(rows.map((r) => r.typeCode))) {
        const id = await api.call.licensesApi.typeByCode(code);
        types.set(code, id.isSome ? id.unwrap().toNumber() : null);
        if (id.isSome) kinds.set(code, (await api.call.licensesApi.licenseType(id.unwrap())).unwrap().holderKind.toString());
      }
      this.types = types;
      return rows.filter((r) => {
        const kind = Object.keys(r.holder)[0];
        if (types.get(r.typeCode) === null) rejected.push({ line: r.line, column: 'type_code', reason: `no licence type ${r.typeCode} on chain` });
        else if (kinds.get(r.typeCode) !== kind) rejected.push({ line: r.line, column: 'holder_kind', reason: `licence type ${r.typeCode} is held by ${kinds.get(r.typeCode)} holders, not ${kind}` });
        else return true;
        return false;
      });
    },
    group: (r) => r.typeCode, // one type per issueBatch
    call(api, b) {
      return api.tx.licenses.issueBatch(this.types.get(b.group), b.rows.map((r) => ({
        holder: r.holder, content: r.content, validFrom: r.from, validUntil: r.until,
      })));
    },
    // issueBatch is all or nothing: no row fails alone.
    failedRows: () => [],
    async present(api, b, r) {
      const type = this.types.get(b.group);
      let after = null;
      do {
        const page = await api.call.licensesApi.licensesOf(r.holder, after, 100);
        for (const id of page) {
          const l = (await api.call.licensesApi.license(id)).unwrap();
          if (l.licenseType.toNumber() === type && l.content.toHex() === r.content) return true;
        }
        after = page.length === 100 ? page[page.length - 1] : null;
      } while (after !== null);
      return false;
    },
  },
  'fund-deposits': {
    columns: ['member_id', 'status', 'monthly_contribution', 'months', 'employer_region'],
    parse: fundRow,
    maxBatch: (api) => Math.min(100, api.consts.utility.batchedCallsLimit.toNumber()),
    async prepare(api, rows) { return rows; },
    group: () => '',
    // forceBatch: each record stands alone; the chain's refusal of one (an employer
    // outside the centre's region, another centre's member) is reported for its row.
    call: (api, b) => api.tx.utility.forceBatch(b.rows.map((r) => api.tx.providentFund.recordDeposit(r.member, r.standing, r.region))),
    failedRows(api, events, b) {
      const items = events.filter((e) => e.section === 'utility' && (e.method === 'ItemCompleted' || e.method === 'ItemFailed'));
      return items.flatMap((e, i) => (e.method === 'ItemFailed' && b.rows[i] ? [{ line: b.rows[i].line, error: errorName(api, e.data[0]) }] : []));
    },
    async present(api, b, r) {
      const a = await api.call.providentFundApi.account(r.member);
      if (a.isNone) return false;
      const s = a.unwrap().standing;
      return s.status.toString() === r.standing.status && s.contributionBand.toNumber() === r.standing.contributionBand && s.months.toNumber() === r.standing.months;
    },
  },
  // Copyright works: each chunk is two steps, `copyright.commit` of
  // blake2_256(contents ‖ signer ‖ salt), then, once that is finalized,
  // `copyright.depositBatch` revealing the salt (all or nothing). The salt comes from a
  // secret kept in the progress file, so a re-run reveals what an earlier run committed;
  // at most COMMIT_WINDOW chunks are committed and their deposit not yet signed (the
  // chain keeps 16 pending commitments per signer). Steps go out in the order c0…c11,
  // d0, c12, d1, c13, …: each deposit waits for a commitment signed 12 steps earlier.
  works: {
    columns: ['content', 'title', 'category', 'nature', 'authors', 'holder', 'region', 'completed', 'published', 'published_place'],
    parse: workRow,
    maxBatch: (api) => api.consts.copyright.maxBatchDeposit.toNumber(),
    async prepare(api, rows, rejected) {
      const first = new Map();
      return rows.filter((r) => {
        if (!first.has(r.content)) { first.set(r.content, r.line); return true; }
        rejected.push({ line: r.line, column: 'content', reason: `the same content as line ${first.get(r.content)}` });
        return false;
      });
    },
    group: () => '',
    steps(chunks) {
      const step = (c, kind) => ({
        index: 2 * c.index + (kind === 'deposit' ? 1 : 0), chunk: c.index, step: kind, group: c.group,
        get rows() { return c.rows; }, set rows(v) { c.rows = v; },
      });
      const out = [];
      chunks.forEach((c, k) => {
        out.push(step(c, 'commit'));
        if (k >= COMMIT_WINDOW - 1) out.push(step(chunks[k - COMMIT_WINDOW + 1], 'deposit'));
      });
      chunks.slice(Math.max(0, chunks.length - COMMIT_WINDOW + 1)).forEach((c) => out.push(step(c, 'deposit')));
      return out;
    },
    counts: (b) => b.step === 'deposit',
    checksChain: (b) => b.step === 'commit',
    chunkOf(k) {
      progress.chunks ??= {};
      return (progress.chunks[k] ??= { round: 0 });
    },
    salt(k) {
      progress.saltKey ??= u8aToHex(randomAsU8a(32));
      return blake2AsHex(`${progress.saltKey}/${k}/${this.chunkOf(k).round}`, 256);
    },
    commitment(b) {
      const data = u8aConcat(...b.rows.map((r) => hexToU8a(r.content)), decodeAddress(pair.address), hexToU8a(this.salt(b.chunk)));
      return blake2AsHex(data, 256);
    },
    /** Before signing: a commit records the chunk's rows (after --check-chain); a deposit
     * reveals exactly those. */
    beforeSign(b) {
      const c = this.chunkOf(b.chunk);
      if (b.step === 'commit') c.lines = b.rows.map((r) => r.line);
      else b.rows = b.rows.filter((r) => c.lines.includes(r.line));
    },
    /** `wait`, `go`, or the final state a deposit gets without being sent. */
    ready(b) {
      // Chunks committed whose deposit is not yet signed. One signer's transactions are
      // included in nonce order, so a deposit signed before a commit is included first:
      // the chain never holds more than COMMIT_WINDOW + 1 of these commitments.
      const open = batches.filter((x) => x.step === 'commit' && state(x) && !['failed', 'present'].includes(state(x).state)
        && !state(batches.find((y) => y.index === x.index + 1))).length;
      if (b.step === 'commit') return open < COMMIT_WINDOW ? 'go' : 'wait';
      const c = state(batches.find((y) => y.index === b.index - 1));
      if (!c || c.state === 'signed') return 'wait';
      if (c.state === 'failed') return { state: 'failed', block: null, error: `its commitment was refused: ${c.error}` };
      if (c.state === 'present') return { state: 'present' };
      return 'go';
    },
    call(api, b) {
      return b.step === 'commit' ? api.tx.copyright.commit(this.commitment(b))
        : api.tx.copyright.depositBatch(b.rows.map((r) => r.deposit), this.salt(b.chunk));
    },
    failedRows: () => [],
    /** After an earlier run, the deposits of chunks it committed go first: their
     * commitments fill the window, and a commit waiting for the window to drain must not
     * stand in the queue before them (a deposit of the earlier run signed but never sent,
     * or a commitment committed again, puts a commit there). */
    order: (todo) => [
      ...todo.filter((b) => b.step === 'deposit' && state(batches.find((y) => y.index === b.index - 1))),
      ...todo.filter((b) => !(b.step === 'deposit' && state(batches.find((y) => y.index === b.index - 1)))),
    ],
    /** After an earlier run: a chunk committed but not deposited whose commitment is gone
     * (expired after a day) is committed again under a new salt. */
    async resume(api) {
      const pending = new Set((await api.query.copyright.commitments(pair.address)).map((c) => c.commitment.toHex()));
      for (const b of batches.filter((x) => x.step === 'commit' && state(x)?.state === 'done')) {
        if (state(batches.find((y) => y.index === b.index + 1))) continue;
        this.beforeSign({ ...b, step: 'deposit', get rows() { return b.rows; }, set rows(v) { b.rows = v; } });
        if (pending.has(this.commitment(b))) continue;
        say(`chunk ${b.chunk}: its commitment is no longer on chain (expired); committing it again`);
        delete progress.batches[b.index];
        this.chunkOf(b.chunk).round++;
      }
      saveProgress(progress);
    },
    async present(api, b, r) {
      return (await api.query.copyright.works(r.content)).isSome;
    },
  },
};
const COMMIT_WINDOW = 12;
const KIND = KINDS[KIND_NAMES[kindName]];
const errorName = (api, err) => {
  if (err.isModule) { const m = api.registry.findMetaError(err.asModule); return `${m.section}.${m.name}`; }
  return err.type ?? err.toString();
};

const { rows, rejected, lines } = await readRows(input, KIND.columns, KIND.parse, key);
const provider = new WsProvider(rpc, 2_000);
const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
const maxBatch = KIND.maxBatch(api);
const batchSize = Math.min(maxBatch, Number(opt('batch', maxBatch)));
const good = await KIND.prepare(api, rows, rejected);

// Deterministic batches: the rows of each group (licences: of one type) in file order
// (groups in order of first appearance), cut every batchSize rows; the same file gives
// the same batches on every run, so the progress file names them by number.
const byGroup = new Map();
for (const r of good) {
  const g = KIND.group(r);
  if (!byGroup.has(g)) byGroup.set(g, []);
  byGroup.get(g).push(r);
}
const chunks = [];
for (const [group, list] of byGroup) {
  for (let i = 0; i < list.length; i += batchSize) chunks.push({ index: chunks.length, group, rows: list.slice(i, i + batchSize) });
}
// One transaction per chunk, or several steps (works: commit, then deposit).
const batches = KIND.steps ? KIND.steps(chunks) : chunks;
const counts = (b) => (KIND.counts ? KIND.counts(b) : true);
const progress = loadProgress(fingerprint, pair.address);
progress.batchSize ??= batchSize;
if (progress.batchSize !== batchSize) throw new Error(`${progressPath} was made with batches of ${progress.batchSize}; use --batch ${progress.batchSize}`);
const state = (b) => progress.batches[b.index];
const call = (b) => KIND.call(api, b);
// The final state of a batch whose extrinsic succeeded, with the rows the chain refused.
const doneState = (b, events, where) => {
  const failed = KIND.failedRows(api, events, b);
  return { state: 'done', ...where, ...(failed.length ? { failed } : {}) };
};

let finalizedHead = null, finalizedNumber = 0;
await api.rpc.chain.subscribeFinalizedHeads((h) => { finalizedHead = h.hash.toHex(); finalizedNumber = h.number.toNumber(); });
while (!finalizedHead) await new Promise((r) => setTimeout(r, 100));
const blockCache = new Map();
/** Number → { hashes of extrinsics, events } of a finalized block. */
async function finalizedBlock(n) {
  if (!blockCache.has(n)) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const [block, events] = await Promise.all([api.rpc.chain.getBlock(hash), (await api.at(hash)).query.system.events()]);
    blockCache.set(n, { hashes: block.block.extrinsics.map((x) => x.hash.toHex()), events });
  }
  return blockCache.get(n);
}
const outcome = (events, index) => {
  const ev = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index).map(({ event }) => event);
  const failed = ev.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
  return failed ? { ok: false, error: errorName(api, failed.data[0]) } : { ok: true, events: ev };
};

/**
 * Settles every batch recorded as signed: on chain (its nonce is spent at the finalized
 * head; found by hash in the blocks of its era, with its outcome) or never (its era
 * ended unspent). Waits until each is one or the other.
 */
async function settle() {
  for (;;) {
    const open = batches.filter((b) => state(b)?.state === 'signed');
    if (!open.length) return;
    const nonce = (await (await api.at(finalizedHead)).query.system.account(pair.address)).nonce.toNumber();
    let waiting = 0;
    for (const b of open) {
      const s = state(b);
      if (s.nonce < nonce) {
        let found = null;
        for (let n = s.birth; n <= Math.min(finalizedNumber, s.birth + ERA_PERIOD + 1) && !found; n++) {
          const blk = await finalizedBlock(n);
          const i = blk.hashes.indexOf(s.hash);
          if (i >= 0) found = { n, ...outcome(blk.events, i) };
        }
        if (!found) {
          // Not in any finalized block since it was signed, yet its nonce is spent: another
          // transaction of this key took the nonce, so this one can never be included.
          say(`batch ${b.index}: its nonce ${s.nonce} was taken by another transaction of ${pair.address}; sending it again`);
          delete progress.batches[b.index];
          continue;
        }
        progress.batches[b.index] = found.ok ? doneState(b, found.events, { block: found.n }) : { state: 'failed', block: found.n, error: found.error };
      } else if (finalizedNumber > s.birth + ERA_PERIOD) {
        delete progress.batches[b.index]; // its era is over: it can never be included
      } else waiting++;
    }
    saveProgress(progress);
    if (waiting) {
      say(`waiting for ${waiting} batch(es) signed by an earlier run to be finalized or to expire (at most ${ERA_PERIOD} blocks)`);
      await new Promise((r) => setTimeout(r, 3_000));
    }
  }
}

/** With --check-chain: the lines of the batch's rows the chain holds already (a licence of
 * the same type and content for the holder; a member's account with the same standing). */
async function presentOnChain(b) {
  const present = [];
  for (const r of b.rows) if (await KIND.present(api, b, r)) present.push(r.line);
  return present;
}

const summary = { read: lines, imported: 0, present: 0, rejected: 0, batches: batches.length };
let stopped = null;
try {
  await settle();
  if (KIND.resume) await KIND.resume(api);
  const pending = batches.filter((b) => !state(b));
  const todo = KIND.order ? KIND.order(pending) : pending;
  const doneBefore = batches.filter((b) => counts(b) && state(b)?.state === 'done').reduce((s, b) => s + b.rows.length - (state(b).failed?.length ?? 0), 0);
  say(`${lines} rows read: ${good.length} to import in ${batches.length} batches of up to ${batchSize}, ${rejected.length} rejected; ${doneBefore} on chain already (progress file), ${todo.length} batches to submit`);
  let nonce = (await api.rpc.system.accountNextIndex(pair.address)).toNumber();
  let flying = 0, sent = 0, lastReport = 0, importedNow = 0;
  const submitStart = Date.now();
  const skipped = new Set();
  const report = (force) => {
    const now = Date.now();
    if (!force && now - lastReport < 2000) return;
    lastReport = now;
    const rate = importedNow / Math.max(0.001, (now - submitStart) / 1000);
    const left = todo.slice(sent).filter(counts).reduce((s, b) => s + b.rows.length, 0);
    say(`imported ${importedNow} of ${todo.filter(counts).reduce((s, b) => s + b.rows.length, 0)} this run · ${rate.toFixed(0)} rows/s · ETA ${rate > 0 ? Math.ceil(left / rate) : '?'} s`);
  };
  const settled = [];
  for (const b of todo) {
    if (flag('check-chain') && (KIND.checksChain ? KIND.checksChain(b) : true)) {
      const present = await presentOnChain(b);
      if (present.length) {
        present.forEach((l) => skipped.add(l));
        b.rows = b.rows.filter((r) => !present.includes(r.line));
        if (!b.rows.length) { progress.batches[b.index] = { state: 'present' }; saveProgress(progress); continue; }
      }
    }
    // A step may wait for an earlier one (a deposit for its commitment to be final).
    let ready = KIND.ready ? KIND.ready(b) : 'go';
    while (ready === 'wait' && !stopped) {
      // Only a step in flight can end the wait: with none, it would last for ever.
      if (!flying) throw new Error(`batch ${b.index} waits for an earlier step, and none is in flight (please report this); run the same command again to go on`);
      await new Promise((r) => setTimeout(r, 200));
      ready = KIND.ready(b);
    }
    if (stopped) break;
    if (ready !== 'go') { progress.batches[b.index] = ready; saveProgress(progress); continue; }
    while (flying >= inFlight) await new Promise((r) => setTimeout(r, 20));
    if (KIND.beforeSign) KIND.beforeSign(b);
    const tx = call(b);
    const birth = finalizedNumber;
    const era = api.createType('ExtrinsicEra', { current: birth, period: ERA_PERIOD });
    await tx.signAsync(pair, { nonce, era, blockHash: finalizedHead });
    // Durable before it leaves: a re-run finds it by its nonce and hash.
    progress.batches[b.index] = { state: 'signed', nonce, hash: tx.hash.toHex(), birth };
    saveProgress(progress);
    nonce++;
    flying++;
    sent++;
    settled.push(new Promise((done) => {
      let finished = false;
      const finish = (s) => { if (finished) return; finished = true; flying--; if (s) { progress.batches[b.index] = s; saveProgress(progress); } done(); };
      tx.send(({ status, events, dispatchError }) => {
        if (status.isFinalized) {
          if (dispatchError) {
            finish({ state: 'failed', block: null, error: errorName(api, dispatchError) });
          } else {
            const done = doneState(b, events.map(({ event }) => event), { finalized: status.asFinalized.toHex() });
            if (counts(b)) importedNow += b.rows.length - (done.failed?.length ?? 0);
            finish(done);
          }
          report(false);
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          stopped ??= `batch ${b.index}: ${status.type}`;
          finish(null); // stays "signed": settled by the next run
        }
      }).catch((e) => { stopped ??= `batch ${b.index}: ${e.message}`; finish(null); });
    }));
    if (stopped) break;
  }
  await Promise.all(settled);
  report(true);
  summary.rowsPerSecond = Math.round(importedNow / Math.max(0.001, (Date.now() - submitStart) / 1000));
  if (stopped) throw new Error(`${stopped}; run the same command again to go on`);
  summary.present = skipped.size;
} catch (e) {
  console.error(`govchain-import: ${e.message}`);
  summary.error = e.message;
}

// Rows refused by the chain count as rejected too, with the chain's reason.
for (const b of batches.filter(counts)) {
  const s = state(b);
  if (s?.state === 'failed') for (const r of b.rows) rejected.push({ line: r.line, column: '', reason: `refused by the chain: ${s.error}` });
  for (const f of s?.failed ?? []) rejected.push({ line: f.line, column: '', reason: `refused by the chain: ${f.error}` });
}
rejected.sort((a, b) => a.line - b.line);
writeFileSync(rejectedPath, `line,column,reason\n${rejected.map((r) => `${r.line},${r.column},"${r.reason.replace(/"/g, '""')}"`).join('\n')}${rejected.length ? '\n' : ''}`);
summary.imported = batches.filter((b) => counts(b) && state(b)?.state === 'done').reduce((s, b) => s + b.rows.length - (state(b).failed?.length ?? 0), 0);
summary.rejected = rejected.length;
summary.seconds = Math.round((Date.now() - t0) / 100) / 10;
console.log(JSON.stringify(summary));
say(`rows read ${summary.read}: imported ${summary.imported} (all runs), already present ${summary.present}, rejected ${summary.rejected} (${rejectedPath})${summary.error ? `; stopped: ${summary.error}` : ''}`);
await api.disconnect();
process.exit(summary.error ? 1 : 0);
