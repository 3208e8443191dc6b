// Importing licences from a CSV export in the console: the importer's column format
// (import/README.md: type_code, holder_kind, holder_id, content, valid_from,
// valid_until), checked row by row in the page, issued as `licenses.issueBatch` batches
// of one type. Nothing is lost or issued twice on a re-run: before each batch the rows
// already on chain (a licence of the same type and content for the holder) are left out,
// so running the same file again issues only what is missing.

import type { ApiPromise } from '@polkadot/api';
import { parseCsvLine } from '../../shared/csv.mjs';
import { checkUscc } from '../../shared/uscc.mjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Codec = any;

export interface Row { line: number; typeCode: string; holder: Record<string, string>; content: string; from: number; until: number | null }
export interface Rejected { line: number; column: string; reason: string }
export interface Batch { type: number; rows: Row[] }

const COLUMNS = ['type_code', 'holder_kind', 'holder_id', 'content', 'valid_from', 'valid_until'];

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
 * sentences naming the column, as the command-line importer writes them.
 */
export async function readLicences(text: string, person: (id: string) => Promise<string>): Promise<{ rows: Row[]; rejected: Rejected[] }> {
  const { decodeAddress } = await import('@polkadot/util-crypto');
  const lines = text.split(/\r?\n/);
  const rows: Row[] = [], rejected: Rejected[] = [];
  const header = parseCsvLine(lines[0] ?? '')?.map((h: string) => h.trim().toLowerCase()) ?? [];
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { rows, rejected: [{ line: 1, column: missing.join(' '), reason: `missing columns (expected ${COLUMNS.join(',')})` }] };
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

/** Rows grouped by type (codes looked up on chain; unknown codes and holders of the
 * wrong kind refused), cut into batches of `size` in file order. */
export async function batches(a: ApiPromise, rows: Row[], size: number, rejected: Rejected[]): Promise<Batch[]> {
  const types = new Map<string, { id: number; kind: string } | null>();
  for (const code of new Set(rows.map((r) => r.typeCode))) {
    const id: Codec = await a.call.licensesApi.typeByCode(code);
    if (id.isNone) { types.set(code, null); continue; }
    const t: Codec = ((await a.call.licensesApi.licenseType(id.unwrap())) as Codec).unwrap();
    types.set(code, { id: id.unwrap().toNumber(), kind: t.holderKind.toString() });
  }
  const groups = new Map<number, Row[]>();
  for (const r of rows) {
    const t = types.get(r.typeCode);
    const kind = Object.keys(r.holder)[0];
    if (!t) { rejected.push({ line: r.line, column: 'type_code', reason: `no licence type ${r.typeCode} on chain` }); continue; }
    if (t.kind !== 'Any' && t.kind !== kind) { rejected.push({ line: r.line, column: 'holder_kind', reason: `licence type ${r.typeCode} is held by ${t.kind} holders, not ${kind}` }); continue; }
    if (!groups.has(t.id)) groups.set(t.id, []);
    groups.get(t.id)!.push(r);
  }
  const out: Batch[] = [];
  for (const [type, list] of groups) for (let i = 0; i < list.length; i += size) out.push({ type, rows: list.slice(i, i + size) });
  return out;
}

/** Whether the chain holds a licence of `type` with the row's content for its holder. */
export async function present(a: ApiPromise, type: number, r: Row): Promise<boolean> {
  let after: Codec = null;
  for (;;) {
    const page: Codec = await a.call.licensesApi.licensesOf(r.holder, after, 100);
    for (const id of page) {
      const l: Codec = ((await a.call.licensesApi.license(id)) as Codec).unwrap();
      if (l.licenseType.toNumber() === type && l.content.toHex() === r.content) return true;
    }
    if (page.length < 100) return false;
    after = page[page.length - 1];
  }
}

/** The per-row report as CSV (line, column, reason), as the command-line importer writes it. */
export const reportCsv = (rejected: Rejected[]) =>
  `line,column,reason\n${rejected.map((r) => `${r.line},${r.column},"${r.reason.replace(/"/g, '""')}"`).join('\n')}\n`;
