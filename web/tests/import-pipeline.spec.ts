// The console's import pipeline (src/import.ts) against a chain that misbehaves on
// purpose, without a browser: a batch the pool drops after taking it, a nonce another
// transaction of the account takes, a batch the chain refuses for one row, a refusal by
// the pool that stops the import. Every row must end exactly once (issued, refused or
// found on chain), no row may be issued twice, nonces are spent in order without a gap,
// and never more batches are in flight than the window allows.

import { expect, test } from '@playwright/test';
import { type Batch, type Row, pipeline } from '../src/import';

test.describe.configure({ timeout: 15_000 }); // a pipeline that hangs fails

const tick = () => new Promise((r) => setTimeout(r, 2));
const refusal = (key: string) => Object.assign(new Error(key), { key });

/** One account on a chain that includes the pool's transactions in nonce order. */
class FakeChain {
  nonce = 0; // spent on chain
  issued: number[] = []; // lines, in order
  pool = new Map<number, { lines: number[] | null; ok: () => void; no: (e: Error) => void; drop?: boolean }>();
  spent: number[] = [];
  maxInFlight = 0;
  constructor(readonly bad: Set<number>, readonly script: { dropLine?: number; takeNonceAt?: number; takeAfterDrop?: boolean; poolRefusesLine?: number }) {
    const loop = async () => {
      for (;;) {
        await tick();
        for (const [n, t] of this.pool) if (t.drop) { this.pool.delete(n); t.no(refusal('pool.Dropped')); if (this.script.takeAfterDrop) this.foreign(n); }
        // A block: every transaction whose nonce is next, in order.
        while (this.pool.has(this.nonce)) {
          const t = this.pool.get(this.nonce)!;
          this.pool.delete(this.nonce);
          this.spent.push(this.nonce++);
          if (!t.lines) { t.ok(); continue; } // another transaction of the account
          if (t.lines.some((l) => this.bad.has(l))) t.no(refusal('licenses.TooManyLicenses'));
          else { this.issued.push(...t.lines); t.ok(); }
        }
        if (this.done) return;
      }
    };
    void loop();
  }
  done = false;
  /** Another tab of the same account signs with nonce `n`. */
  foreign(n: number) { this.pool.set(n, { lines: null, ok: () => {}, no: () => {} }); }
  nextNonce = async () => { let n = this.nonce; while (this.pool.has(n)) n++; return n; };
  sent = new Set<number>();
  send = async (b: Batch, nonce: number) => {
    await tick();
    const lines = b.rows.map((r) => r.line);
    if (this.script.poolRefusesLine !== undefined && lines.includes(this.script.poolRefusesLine)) throw refusal('pool.Payment');
    if (this.script.takeNonceAt === nonce) { this.foreign(nonce); delete this.script.takeNonceAt; }
    if (nonce < this.nonce || this.pool.has(nonce)) throw refusal('pool.Stale');
    let ok!: () => void, no!: (e: Error) => void;
    const final = new Promise<void>((res, rej) => { ok = res; no = rej; });
    const drop = this.script.dropLine !== undefined && lines.includes(this.script.dropLine) && !this.sent.has(this.script.dropLine);
    lines.forEach((l) => this.sent.add(l));
    this.pool.set(nonce, { lines, ok, no, drop });
    this.maxInFlight = Math.max(this.maxInFlight, [...this.pool.values()].filter((t) => t.lines).length);
    return { final };
  };
  onChain = async (b: Batch) => new Set(b.rows.map((r) => r.line).filter((l) => this.issued.includes(l)));
}

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ line: i + 2, typeCode: 'T', holder: { Account: `h${i % 7}` }, content: `0x${i}`, from: 0, until: null }));
const cut = (list: Row[], size: number): Batch[] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => ({ type: 1, rows: list.slice(i * size, (i + 1) * size) }));

async function run(n: number, size: number, window: number, bad: number[], script: FakeChain['script']) {
  const chain = new FakeChain(new Set(bad), script);
  const ended = new Map<number, string>();
  const end = (how: string) => (list: Row[]) => list.forEach((r) => {
    expect(ended.has(r.line), `line ${r.line} ended twice (${ended.get(r.line)}, ${how})`).toBe(false);
    ended.set(r.line, how);
  });
  await pipeline(chain, cut(rows(n), size), window, {
    issued: (b) => end('issued')(b.rows),
    refused: (list, e, sent) => end(`${sent ? 'refused' : 'not sent'}: ${(e as Error & { key: string }).key}`)(list),
    present: end('present'),
    progress: (k) => expect(k).toBeLessThanOrEqual(window),
  });
  chain.done = true;
  expect(ended.size, 'every row ends').toBe(n);
  expect(new Set(chain.issued).size, 'no row issued twice').toBe(chain.issued.length);
  expect(chain.spent, 'nonces spent in order, no gap').toEqual(Array.from({ length: chain.spent.length }, (_, i) => i));
  expect(chain.maxInFlight).toBeLessThanOrEqual(window);
  for (const [line, how] of ended) if (how === 'issued' || how === 'present') expect(chain.issued).toContain(line);
  return { chain, ended };
}

test('import pipeline: one refused row is split out of its batch, the rest issued once with a full window', async () => {
  const { ended } = await run(1000, 100, 6, [517], {});
  expect([...ended].filter(([, h]) => h !== 'issued')).toEqual([[517, 'refused: licenses.TooManyLicenses']]);
});

test('import pipeline: a batch the pool drops goes out again with its own nonce; a nonce another tab took moves the rest on', async () => {
  const { ended, chain } = await run(600, 50, 4, [], { dropLine: 180, takeNonceAt: 7 });
  expect([...ended.values()].every((h) => h === 'issued')).toBe(true);
  expect(chain.issued).toHaveLength(600);
});

test('import pipeline: when another transaction takes a dropped batch\'s nonce, its rows are looked up and sent once', async () => {
  const { ended, chain } = await run(300, 50, 4, [], { dropLine: 120, takeAfterDrop: true });
  expect([...ended.values()].every((h) => h === 'issued')).toBe(true);
  expect(chain.issued.filter((l) => l === 120)).toHaveLength(1);
});

test('import pipeline: a refusal by the pool stops the import; batches in flight end, the others are reported unsent', async () => {
  const { ended, chain } = await run(500, 50, 3, [], { poolRefusesLine: 260 });
  const unsent = [...ended].filter(([, h]) => h === 'not sent: pool.Payment').map(([l]) => l);
  expect(unsent[0]).toBe(252); // the refused batch (lines 252-301) and all after it
  expect(unsent).toHaveLength(250);
  expect(chain.issued).toHaveLength(250);
});
