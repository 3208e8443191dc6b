// The printable evidence sheet for a court: from an evidence file (`govchain-evidence/1`,
// read here, no node asked) or, with `?work=0x…`, from the node's `evidence_bundle` and
// the work's full record (`copyrightApi.evidence`). It names every block the evidence
// rests on (number, hash) and every extrinsic (block, index, hash), so that anyone can
// check them against any node of the network; the verifier's verdict against the
// published checkpoint heads it.

import './style.css';
import { $, esc } from './dom';
import { ct } from './court-i18n';
import { dateTime, lang, setLang, words } from './i18n';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

/** What the sheet reads of an evidence file (docs/EVIDENCE.md). */
interface Bundle {
  format: string;
  genesisHash: string;
  record: { kind: string; id: string };
  finality: { header: string }[];
  inclusion?: { headers: string[]; extrinsics: { index: number; extrinsic: string }[] };
}

interface Block { number: number; hash: string; role: string }
interface Extrinsic { block: number; blockHash: string; index: number; hash: string; role: string }
interface HistoryRow { seq: number; action: string; agency: number | null; block: number; blockHash: string; index: number; hash: string; time: number }

/** A header's number and hash (blake2-256 of its SCALE encoding), read here. */
async function header(hex: string): Promise<{ number: number; hash: string }> {
  const { compactFromU8a, hexToU8a } = await import('@polkadot/util');
  const { blake2AsHex } = await import('@polkadot/util-crypto');
  const bytes = hexToU8a(hex);
  const [, number] = compactFromU8a(bytes.subarray(32)); // after the parent hash
  return { number: number.toNumber(), hash: blake2AsHex(bytes, 256) };
}

/** The blocks and extrinsics an evidence file names, with what each is for. */
async function contents(b: Bundle): Promise<{ blocks: Block[]; extrinsics: Extrinsic[] }> {
  const c = ct();
  const { blake2AsHex } = await import('@polkadot/util-crypto');
  const blocks: Block[] = [];
  for (const [i, f] of b.finality.entries()) {
    blocks.push({ ...(await header(f.header)), role: i === b.finality.length - 1 ? c.roleState : c.roleHandover });
  }
  const extrinsics: Extrinsic[] = [];
  if (b.inclusion) {
    const first = await header(b.inclusion.headers[0]);
    for (const [i, h] of b.inclusion.headers.entries()) {
      blocks.push({ ...(i ? await header(h) : first), role: i ? c.roleLink : c.roleCreated });
    }
    for (const x of b.inclusion.extrinsics) {
      extrinsics.push({ block: first.number, blockHash: first.hash, index: x.index, hash: blake2AsHex(x.extrinsic, 256), role: x.index === 0 ? c.roleTimestamp : c.roleCreating });
    }
  }
  return { blocks, extrinsics };
}

/** A work's whole record from the node: each entry with its block and extrinsic. */
async function history(content: string): Promise<HistoryRow[]> {
  const { api } = await import('./chain');
  const a = await api();
  const rows: HistoryRow[] = [];
  const blocks = new Map<number, { hash: string; extrinsics: string[] }>();
  for (let from = 0; ; ) {
    const found: Codec = await a.call.copyrightApi.evidence(content, from, 100);
    if (found.isNone) return rows;
    const page = found.unwrap();
    for (const [k, e] of page.history.entries()) {
      const n = e.anchor.block.toNumber();
      if (!blocks.has(n)) {
        const hash: Codec = await a.rpc.chain.getBlockHash(n);
        const block: Codec = await a.rpc.chain.getBlock(hash);
        blocks.set(n, { hash: hash.toHex(), extrinsics: block.block.extrinsics.map((x: Codec) => x.hash.toHex()) });
      }
      const b = blocks.get(n)!;
      const index = e.anchor.extrinsicIndex.toNumber();
      rows.push({ seq: from + k, action: e.action.type, agency: e.agency.isSome ? e.agency.unwrap().toNumber() : null, block: n, blockHash: b.hash, index, hash: b.extrinsics[index] ?? '', time: e.anchor.time.toNumber() });
    }
    from += page.history.length;
    if (!page.history.length || from >= page.work.events.toNumber()) return rows;
  }
}

/** The verifier's verdict on the file against the published checkpoint, or why none. */
async function verdict(text: string): Promise<{ valid: boolean; words: string } | null> {
  try {
    const ev = await import('./evidence');
    const checkpoint = await ev.publishedCheckpoint();
    if (!checkpoint) return null;
    const v = await ev.checkBundle(text, checkpoint.text);
    return { valid: v.valid, words: (v.valid ? v.proves : v.reason) ?? '' };
  } catch {
    return null;
  }
}

function render() {
  const w = words(), c = ct();
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = c.title;
  $('#app').innerHTML = `
    <header class="controls">
      <h1>${c.title}</h1>
      <button id="lang" type="button">${w.language}</button>
      <p>${c.subtitle}</p>
      <label>${c.choose} <input id="court-file" type="file" accept=".json,application/json"></label>
      <button id="court-print" type="button">${c.print}</button>
    </header>
    <p id="message" role="status"></p>
    <article id="sheet" aria-live="polite"></article>`;
  $('#lang').addEventListener('click', () => { setLang(lang() === 'en' ? 'zh' : 'en'); render(); void start(); });
  $('#court-print').addEventListener('click', () => window.print());
  $<HTMLInputElement>('#court-file').addEventListener('change', (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (file) void file.text().then((t) => show(t, null, file.name));
  });
}

function message(text: string, kind: 'info' | 'error' = 'error') {
  const m = $('#message');
  m.className = kind;
  if (kind === 'error') m.setAttribute('role', 'alert'); else m.setAttribute('role', 'status');
  m.textContent = text;
}

const kindWord = (k: string) => ct().kinds[k] ?? k;
const code = (s: string) => `<code>${esc(s)}</code>`;

/** Renders the sheet for the evidence file `text`; `content` (a work's hash) adds the
 * work's whole record from the node. */
async function show(text: string, content: string | null, source: string) {
  const w = words(), c = ct();
  $('#sheet').innerHTML = '';
  let b: Bundle;
  try {
    b = JSON.parse(text);
    if (!String(b?.format).startsWith('govchain-evidence/') || !Array.isArray(b.finality) || !b.record) throw new Error('format');
  } catch {
    message(c.notBundle);
    return;
  }
  message(w.loading, 'info');
  const [{ blocks, extrinsics }, v, rows] = await Promise.all([contents(b), verdict(text), content ? history(content) : Promise.resolve(null)]);
  message('', 'info');
  const blockRows = blocks.map((x) => `<tr data-number="${x.number}" data-hash="${x.hash}"><td>${esc(x.role)}</td><td>#${x.number}</td><td>${code(x.hash)}</td></tr>`).join('');
  const extrinsicRows = extrinsics.map((x) => `<tr data-block="${x.block}" data-index="${x.index}" data-hash="${x.hash}"><td>${esc(x.role)}</td><td>#${x.block}<br>${code(x.blockHash)}</td><td>${x.index}</td><td>${code(x.hash)}</td></tr>`).join('');
  const historyRows = rows?.map((r) => `<tr data-seq="${r.seq}" data-block="${r.block}" data-block-hash="${r.blockHash}" data-index="${r.index}" data-hash="${r.hash}">
    <td>${r.seq}</td><td>${esc(c.actions[r.action] ?? r.action)}${r.agency === null ? '' : ` · ${c.agency(r.agency)}`}</td><td>${esc(dateTime(r.time))}</td>
    <td>#${r.block}<br>${code(r.blockHash)}</td><td>${r.index}</td><td>${code(r.hash)}</td></tr>`).join('');
  $('#sheet').innerHTML = `
    <h2 data-testid="court-record">${esc(kindWord(b.record.kind))} ${code(b.record.id)}</h2>
    <dl>
      <dt>${c.chain}</dt><dd>${code(b.genesisHash)}</dd>
      <dt>${c.source}</dt><dd>${esc(source)}</dd>
      <dt>${c.prepared}</dt><dd>${esc(dateTime(Math.floor(Date.now() / 1000)))}</dd>
    </dl>
    ${v ? `<p class="verdict ${v.valid ? 'good' : 'bad'}" data-testid="court-verdict">${v.valid ? w.evidenceValid : w.evidenceInvalid}</p><pre data-testid="court-words">${esc(v.words)}</pre>`
      : `<p data-testid="court-verdict">${c.noVerdict}</p>`}
    <h3>${c.blocks}</h3>
    <table data-testid="court-blocks"><tr><th>${c.role}</th><th>${c.number}</th><th>${c.hash}</th></tr>${blockRows}</table>
    <h3>${c.extrinsics}</h3>
    ${extrinsicRows ? `<table data-testid="court-extrinsics"><tr><th>${c.role}</th><th>${c.block}</th><th>${c.index}</th><th>${c.hash}</th></tr>${extrinsicRows}</table>` : `<p>${c.noExtrinsics}</p>`}
    ${historyRows ? `<h3>${c.history}</h3>
    <table data-testid="court-history"><tr><th>#</th><th>${c.action}</th><th>${c.time}</th><th>${c.block}</th><th>${c.index}</th><th>${c.hash}</th></tr>${historyRows}</table>` : ''}
    <h3>${c.howTo}</h3>
    <ol>${c.steps.map((s) => `<li>${s}</li>`).join('')}</ol>`;
}

async function start() {
  const w = words(), c = ct();
  const work = new URLSearchParams(location.search).get('work');
  if (!work) return;
  if (!/^0x[0-9a-fA-F]{64}$/.test(work)) { message(c.badWork); return; }
  message(w.loading, 'info');
  try {
    const { send } = await import('./chain');
    const bundle = await send('evidence_bundle', ['work', work.toLowerCase()]);
    await show(JSON.stringify(bundle), work.toLowerCase(), c.fromNode);
  } catch (e) {
    console.error(e);
    message(w.exportFailed(e instanceof Error ? e.message : String(e)));
  }
}

render();
void start();
