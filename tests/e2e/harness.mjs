// Runs the end-to-end suite against freshly started GovChain nodes.
//
// It builds nothing: it starts the already built node binary (GOVCHAIN_NODE, or
// $CARGO_TARGET_DIR/release/govchain-node). Every `tests/*.test.mjs` file gets a node
// of its own (a one-validator chain on free ports with a temporary base path), so the
// files run concurrently — each file's signers and nonces are its own — instead of
// waiting for finality one file after another. A file runs on the `development`
// preset (`--dev`) unless its first lines say `// e2e-chain: <chain>` (e.g.
// `adversarial`, where every role belongs to a different agency). Each file runs with
// Node's built-in test runner; nodes are always stopped — on success, failure or
// Ctrl-C — and the log of a node whose file failed is kept under `tests/e2e/logs/`.
//
// Usage: node harness.mjs [test-file ...]
// Environment: E2E_JOBS (files at once, default 8).

import { spawn } from 'node:child_process';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBin, startNode } from './lib/node.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const jobs = Math.max(1, Number(process.env.E2E_JOBS || 8));

/** The chain a test file asks for in its first lines (`// e2e-chain: adversarial`), or `dev`. */
function chainOf(file) {
  const head = readFileSync(file, 'utf8').split('\n').slice(0, 10).join('\n');
  return (head.match(/^\/\/ e2e-chain: ([\w-]+)/m) || [])[1] || 'dev';
}

// Nodes start one at a time: a start (genesis, compiling the runtime) is CPU-bound,
// so starting them together on a small machine only makes every start slower.
let startQueue = Promise.resolve();
function startInTurn(chain, label) {
  const started = startQueue.then(() => startNode(chain, label, join(here, 'logs')));
  startQueue = started.catch(() => {});
  return started;
}

/** Runs one test file against a node of its own; resolves with its counts. */
async function runTestFile(file, stopAll) {
  const label = basename(file, '.test.mjs');
  const chain = chainOf(file);
  let node;
  try {
    node = await startInTurn(chain, label);
  } catch (e) {
    console.error(String(e));
    return { file, code: 1, tests: 0, pass: 0, fail: 1, out: '' };
  }
  stopAll.add(node.stop);
  console.log(`harness: ${label} on chain ${chain}, ws://127.0.0.1:${node.port}`);
  const env = { ...process.env, GOVCHAIN_WS: `ws://127.0.0.1:${node.port}` };
  const started = Date.now();
  const result = await new Promise((res) => {
    let out = '';
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      // The spec reporter ends with "ℹ tests N", "ℹ pass N", "ℹ fail N".
      const count = (k) => Number((out.match(new RegExp(`[ℹ#] ${k} (\\d+)`)) || [])[1] || 0);
      res({ file, code, tests: count('tests'), pass: count('pass'), fail: count('fail'), todo: count('todo'), out });
    });
  });
  stopAll.delete(node.stop);
  node.stop(result.code !== 0, 'e2e failures');
  // One file's output in one piece, so concurrent files do not interleave.
  console.log(`\n===== ${label} (${chain}, ${Math.round((Date.now() - started) / 1000)} s) =====\n${result.out}`);
  return result;
}

async function main() {
  if (!existsSync(nodeBin)) {
    console.error(`harness: node binary not found at ${nodeBin}; build it first (scripts/build.sh)`);
    process.exit(2);
  }
  const files = process.argv.slice(2).length
    ? process.argv.slice(2).map((f) => resolve(f))
    : readdirSync(join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, 'tests', f));

  const stopAll = new Set();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => { for (const s of stopAll) s(true, `interrupted by ${sig}`); process.exit(130); });
  }

  const started = Date.now();
  const queue = [...files];
  const results = [];
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, async () => {
    while (queue.length) results.push(await runTestFile(queue.shift(), stopAll));
  }));

  const total = results.reduce((a, r) => ({ tests: a.tests + r.tests, pass: a.pass + r.pass, fail: a.fail + r.fail, todo: a.todo + (r.todo || 0) }), { tests: 0, pass: 0, fail: 0, todo: 0 });
  const bad = results.filter((r) => r.code !== 0);
  const failed = bad.length > 0 || total.tests === 0;
  const secs = Math.round((Date.now() - started) / 1000);
  console.log(`\ne2e summary: ${total.tests} tests, ${total.pass} passed, ${total.fail} failed, ${total.todo} todo (open findings) in ${results.length} files (${secs} s, ${Math.min(jobs, files.length)} at once)`);
  for (const r of bad) console.log(`  failed: ${r.file} (exit ${r.code})`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
