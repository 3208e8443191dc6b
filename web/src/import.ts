// Importing licences from a CSV export in the console: the importer's column format
// (import/README.md: type_code, holder_kind, holder_id, content, valid_from,
// valid_until), checked row by row in the page, issued as `licenses.issueBatch` batches
// of one type, several batches in flight at once with consecutive nonces.
//
// Nothing is lost or issued twice on a re-run: before anything is signed the rows the
// chain already holds (a licence of the same type and content for the holder) are left
// out, and so is a row repeating an earlier one of the file; a batch counts as issued
// only once its block is final. A batch the pool dropped is signed again with its own
// nonce (which the chain spends once only); if another transaction took that nonce
// meanwhile, its rows are looked up on chain again before they go out anew.

import type { ApiPromise } from '@polkadot/api';
import { parseCsvLine } from '../../shared/csv.mjs';
import { checkUscc } from '../../shared/uscc.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

export interface Row { line: number; typeCode: string; holder: Record<string, string>; content: string; from: number; until: number | null }
export interface Rejected { line: number; column: string; reason: string }
export interface Batch { type: number; rows: Row[] }

export const COLUMNS = ['type_code', 'holder_kind', 'holder_id', 'content', 'valid_from', 'valid_until'];

/** A file that is not a licence export at all: `empty` (nothing in it), `columns` (a
 * header without the importer's columns: `missing` names them), `noRows` (a header
 * and no row). Nothing is sent for such a file. */
export class CsvProblem extends Error {
  constructor(readonly kind: 'empty' | 'columns' | 'noRows', readonly missing: string[] = []) {
    super(kind);
  }
}

/** Unix seconds of `YYYY-MM-DD` (UTC), `YYYY-MM-DDTHH:MM:SSZ` or digits; null if none. */
function seconds(text: string): number | null {
  if (/^\d{1,12}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/.test(text)) return null;
  const ms = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/**
 * Reads and checks the file's rows; `person(id)` turns an identity document into the
 * `licenses` pseudonym here (it throws a sentence when it cannot). Reasons are English
 * sentences naming the column, as the command-line importer writes them. Throws a
 * `CsvProblem` for a file with no header, the wrong columns or no row.
 */
export async function readLicences(text: string, person: (id: string) => Promise<string>): Promise<{ rows: Row[]; rejected: Rejected[] }> {
  const { decodeAddress } = await import('@polkadot/util-crypto');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: Row[] = [], rejected: Rejected[] = [];
  if (!lines.some((l) => l.trim())) throw new CsvProblem('empty');
  const header = parseCsvLine(lines[0] ?? '')?.map((h: string) => h.trim().toLowerCase()) ?? [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new CsvProblem('columns', missing);
  if (!lines.slice(1).some((l) => l.trim())) throw new CsvProblem('noRows');
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    if (!lines[i].trim()) continue;
    const cells = parseCsvLine(lines[i]);
    const bad = (column: string, reason: string) => { rejected.push({ line, column, reason }); };
    if (!cells) { bad('', 'unbalanced quotes'); continue; }
    if (cells.length !== header.length) { bad('', `${cells.length} fields, the header has ${header.length}`); continue; }
    const rec: Record<string, string> = Object.fromEntries(header.map((h: string, j: number) => [h, cells[j].trim()]));
    if (!rec.type_code) { bad('type_code', 'empty'); continue; }
    const kind = rec.holder_kind.toLowerCase();
    let holder: Record<string, string>;
    if (kind === 'account') {
      try { decodeAddress(rec.holder_id); } catch { bad('holder_id', 'not an SS58 address'); continue; }
      holder = { Account: rec.holder_id };
    } else if (kind === 'enterprise') {
      const c = checkUscc(rec.holder_id);
      if (!c.ok) { bad('holder_id', 'not a Unified Social Credit Code (length, characters or check character)'); continue; }
      holder = { Enterprise: c.code };
    } else if (kind === 'person') {
      try { holder = { Person: await person(rec.holder_id) }; } catch (e) { bad('holder_id', (e as Error).message); continue; }
    } else { bad('holder_kind', `"${kind}" is not person, enterprise or account`); continue; }
    if (!/^0x[0-9a-fA-F]{64}$/.test(rec.content)) { bad('content', 'not a 0x-prefixed 32-byte hash (the page cannot open a file named in the export)'); continue; }
    const from = seconds(rec.valid_from);
    if (from === null) { bad('valid_from', 'not a date (YYYY-MM-DD) or Unix seconds'); continue; }
    const until = rec.valid_until ? seconds(rec.valid_until) : null;
    if (rec.valid_until && until === null) { bad('valid_until', 'not a date (YYYY-MM-DD) or Unix seconds'); continue; }
    if (until !== null && until <= from) { bad('valid_until', 'not after valid_from'); continue; }
    rows.push({ line, typeCode: rec.type_code, holder, content: rec.content.toLowerCase(), from, until });
  }
  return { rows, rejected };
}

const holderKey = (h: Record<string, string>) => JSON.stringify(h);

/** What the chain holds for each holder: its licences (as `type|content`) and how many
 * of them are live (active or suspended: the chain's `maxLivePerHolder` bounds these). */
export interface Holdings { held: Set<string>; live: number }

/** The holdings of each holder of `rows`, read from the chain now. */
export async function holdings(a: ApiPromise, rows: Row[]): Promise<Map<string, Holdings>> {
  const holders = [...new Map(rows.map((r) => [holderKey(r.holder), r.holder])).values()];
  const out = new Map<string, Holdings>();
  const page = 100;
  const one = async (h: Record<string, string>) => {
    const ids: Codec[] = [];
    for (let after: Codec = null; ;) {
      const got: Codec = await a.call.licensesApi.licensesOf(h, after, page);
      ids.push(...got);
      if (got.length < page) break;
      after = got[got.length - 1];
    }
    const held = new Set<string>();
    for (let i = 0; i < ids.length; i += 256) {
      const found: Codec[] = await a.query.licenses.licenses.multi(ids.slice(i, i + 256));
      for (const l of found) if (l.isSome) held.add(`${l.unwrap().licenseType.toNumber()}|${l.unwrap().content.toHex()}`);
    }
    const live: Codec = await a.query.licenses.liveLicenses(h);
    out.set(holderKey(h), { held, live: live.length });
  };
  // A few holders at a time: one connection, many small queries.
  for (let i = 0; i < holders.length; i += 16) await Promise.all(holders.slice(i, i + 16).map(one));
  return out;
}

/**
 * Rows grouped by type (codes looked up on chain; unknown codes and holders of the
 * wrong kind refused), the rows the chain holds already left out (`present`), a row
 * repeating an earlier one and a row that would give its holder more live licences
 * than the chain allows refused; the rest cut into batches of `size` in file order.
 */
export async function plan(a: ApiPromise, rows: Row[], size: number, rejected: Rejected[]): Promise<{ batches: Batch[]; present: Row[] }> {
  const types = new Map<string, { id: number; kind: string } | null>();
  for (const code of new Set(rows.map((r) => r.typeCode))) {
    const id: Codec = await a.call.licensesApi.typeByCode(code);
    if (id.isNone) { types.set(code, null); continue; }
    const t: Codec = ((await a.call.licensesApi.licenseType(id.unwrap())) as Codec).unwrap();
    types.set(code, { id: id.unwrap().toNumber(), kind: t.holderKind.toString() });
  }
  const maxLive = (a.consts.licenses.maxLivePerHolder as Codec).toNumber();
  const typed: { r: Row; type: number }[] = [];
  const first = new Map<string, number>();
  for (const r of rows) {
    const t = types.get(r.typeCode);
    const kind = Object.keys(r.holder)[0];
    if (!t) { rejected.push({ line: r.line, column: 'type_code', reason: `no licence type ${r.typeCode} on chain` }); continue; }
    if (t.kind !== 'Any' && t.kind !== kind) { rejected.push({ line: r.line, column: 'holder_kind', reason: `licence type ${r.typeCode} is held by ${t.kind} holders, not ${kind}` }); continue; }
    const key = `${t.id}|${holderKey(r.holder)}|${r.content}`;
    const earlier = first.get(key);
    if (earlier !== undefined) { rejected.push({ line: r.line, column: 'content', reason: `the same licence as line ${earlier} (type, holder and content)` }); continue; }
    first.set(key, r.line);
    typed.push({ r, type: t.id });
  }
  const chain = await holdings(a, typed.map((x) => x.r));
  const present: Row[] = [];
  const groups = new Map<number, Row[]>();
  for (const { r, type } of typed) {
    const h = chain.get(holderKey(r.holder))!;
    if (h.held.has(`${type}|${r.content}`)) { present.push(r); continue; }
    if (h.live >= maxLive) { rejected.push({ line: r.line, column: 'holder_id', reason: `the holder would hold more than ${maxLive} live licences (the chain's limit)` }); continue; }
    h.live++;
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type)!.push(r);
  }
  const batches: Batch[] = [];
  for (const [type, list] of groups) for (let i = 0; i < list.length; i += size) batches.push({ type, rows: list.slice(i, i + size) });
  return { batches, present };
}

/** The lines of `rows` (of licence type `type`) the chain holds now. */
export async function onChain(a: ApiPromise, type: number, rows: Row[]): Promise<Set<number>> {
  const chain = await holdings(a, rows);
  return new Set(rows.filter((r) => chain.get(holderKey(r.holder))!.held.has(`${type}|${r.content}`)).map((r) => r.line));
}

/** How the pipeline reaches the chain (the console signs; a test may stand in). */
export interface Sender {
  /** The account's next nonce, counting its transactions the pool holds. */
  nextNonce(): Promise<number>;
  /** Signs the batch's transaction with `nonce` and hands it to the node; resolves once
   * the pool took it, with `final`, the promise of its final outcome. Refusals carry a
   * `key` (`pool.Stale`, `pool.Dropped`, `licenses.TooManyLicenses`, …). */
  send(b: Batch, nonce: number): Promise<{ final: Promise<unknown> }>;
  /** The lines of the batch's rows the chain holds now. */
  onChain(b: Batch): Promise<Set<number>>;
}

/** What the pipeline tells as it goes; each row ends in exactly one of the first three. */
export interface Outcomes {
  issued(b: Batch): void;
  /** `sent`: the chain refused the rows (or the pool, a batch it took); else they were never sent. */
  refused(rows: Row[], e: Error, sent: boolean): void;
  present(rows: Row[]): void;
  progress(inFlight: number): void;
}

/** Chain refusals that name one row of a batch (all or nothing): the batch is split until
 * the refused row stands alone, so the others are issued. Any other refusal is the
 * batch's (or the agency's) as a whole. */
const ROW_REFUSALS = ['licenses.HolderKindMismatch', 'licenses.MalformedUscc', 'licenses.InvalidValidity', 'licenses.TooManyLicenses'];
const keyOf = (e: unknown) => (e as { key?: string }).key ?? '';

/**
 * Sends `batches` with consecutive nonces, at most `window` of them not yet final. The
 * next batch is signed once the pool took the previous one (so a refusal by the pool
 * leaves no gap in the nonces). A batch the pool dropped after taking it is signed
 * again with its own nonce; a nonce another transaction of the account took makes the
 * batch's rows be looked up on chain before they go out with a fresh one. A refusal by
 * the pool that no fresh nonce clears (fees, a cancelled signature) stops the import:
 * the batches not yet sent are reported as such; those in flight still end.
 */
export async function pipeline(sender: Sender, batches: Batch[], window: number, out: Outcomes): Promise<void> {
  type Item = Batch & { nonce?: number; tries: number };
  const queue: Item[] = batches.map((b) => ({ ...b, tries: 0 }));
  const flying = new Map<Item, Promise<{ item: Item; nonce: number; error: Error | null }>>();
  let next = await sender.nextNonce();
  let stop: Error | null = null;
  while (queue.length || flying.size) {
    while (!stop && queue.length && flying.size < window) {
      const item = queue.shift()!;
      const own = item.nonce !== undefined;
      const nonce = own ? item.nonce! : next;
      let final: Promise<unknown>;
      try {
        ({ final } = await sender.send(item, nonce));
      } catch (e) {
        if (keyOf(e) === 'pool.Stale' && item.tries++ < 3) {
          if (own) {
            // Its nonce is spent: by this batch before the pool dropped it, or by another
            // transaction of the account. The chain says which rows are on it.
            delete item.nonce;
            const there = await sender.onChain(item);
            if (there.size) out.present(item.rows.filter((r) => there.has(r.line)));
            item.rows = item.rows.filter((r) => !there.has(r.line));
            if (item.rows.length) queue.unshift(item);
          } else {
            next = Math.max(next + 1, await sender.nextNonce());
            queue.unshift(item);
          }
          continue;
        }
        stop = e as Error;
        out.refused(item.rows, stop, false);
        break;
      }
      if (!own) next = nonce + 1;
      flying.set(item, final.then(() => ({ item, nonce, error: null }), (error: Error) => ({ item, nonce, error })));
      out.progress(flying.size);
    }
    if (!flying.size) break;
    const { item, nonce, error } = await Promise.race(flying.values());
    flying.delete(item);
    if (!error) out.issued(item);
    else if (keyOf(error) === 'pool.Dropped' && item.tries++ < 3) {
      item.nonce = nonce;
      queue.unshift(item);
    } else if (ROW_REFUSALS.includes(keyOf(error)) && item.rows.length > 1) {
      const half = Math.ceil(item.rows.length / 2);
      queue.unshift({ type: item.type, rows: item.rows.slice(0, half), tries: 0 }, { type: item.type, rows: item.rows.slice(half), tries: 0 });
    } else out.refused(item.rows, error, true);
    out.progress(flying.size);
  }
  for (const item of queue) out.refused(item.rows, stop!, false);
}

/** The per-row report as CSV (line, column, reason), as the command-line importer writes it. */
export const reportCsv = (rejected: Rejected[]) =>
  `line,column,reason\n${rejected.map((r) => `${r.line},${r.column},"${r.reason.replace(/"/g, '""')}"`).join('\n')}\n`;
