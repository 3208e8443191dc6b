// Runs the end-to-end suite against a freshly started GovChain node.
//
// It builds nothing: it starts the already built node binary (GOVCHAIN_NODE, or
// $CARGO_TARGET_DIR/release/govchain-node) in `--dev` mode on free ports with a
// temporary base path, waits until JSON-RPC answers, runs every `tests/*.test.mjs`
// file with Node's built-in test runner (one file at a time, so signers' nonces
// never race), and always stops the node — on success, failure or Ctrl-C. The node
// log of a failed run is kept under `tests/e2e/logs/`.
//
// Usage: node harness.mjs [test-file ...]

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync, createWriteStream, readdirSync, existsSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/govchain/target');
const nodeBin = process.env.GOVCHAIN_NODE || join(targetDir, 'release/govchain-node');

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function rpcAnswers(port) {
  try {
    const r = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'system_health', params: [] }),
    });
    return r.ok;
  } catch {
    return false;
  }
}

function runTestFile(file, env) {
  return new Promise((res) => {
    let out = '';
    const child = spawn(process.execPath, ['--test', '--test-reporter=spec', file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('exit', (code) => {
      // The spec reporter ends with "ℹ tests N", "ℹ pass N", "ℹ fail N".
      const count = (k) => Number((out.match(new RegExp(`[ℹ#] ${k} (\\d+)`)) || [])[1] || 0);
      res({ file, code, tests: count('tests'), pass: count('pass'), fail: count('fail') });
    });
  });
}

async function main() {
  if (!existsSync(nodeBin)) {
    console.error(`harness: node binary not found at ${nodeBin}; build it first (scripts/build.sh)`);
    process.exit(2);
  }
  const files = process.argv.slice(2).length
    ? process.argv.slice(2).map((f) => resolve(f))
    : readdirSync(join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, 'tests', f));

  const basePath = mkdtempSync(join(tmpdir(), 'govchain-e2e-'));
  const logPath = join(basePath, 'node.log');
  const log = createWriteStream(logPath);
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const node = spawn(nodeBin, [
    '--dev', '--base-path', basePath, '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns', '--rpc-max-connections', '1000',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  node.stdout.pipe(log);
  node.stderr.pipe(log);
  let nodeExited = false;
  node.on('exit', () => { nodeExited = true; });

  let failed = true;
  const stop = (why) => {
    if (!nodeExited) node.kill('SIGTERM');
    if (failed) {
      const keep = join(here, 'logs');
      mkdirSync(keep, { recursive: true });
      const dest = join(keep, `node-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
      try { copyFileSync(logPath, dest); console.error(`harness: ${why}; node log kept at ${dest}`); } catch {}
    }
    try { rmSync(basePath, { recursive: true, force: true }); } catch {}
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => { stop(`interrupted by ${sig}`); process.exit(130); });
  }

  const deadline = Date.now() + 60_000;
  while (!(await rpcAnswers(rpcPort))) {
    if (nodeExited || Date.now() > deadline) {
      stop(nodeExited ? 'the node exited before RPC answered' : 'RPC did not answer within 60 s');
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`harness: node up, ws://127.0.0.1:${rpcPort}`);

  const env = { ...process.env, GOVCHAIN_WS: `ws://127.0.0.1:${rpcPort}` };
  const results = [];
  for (const f of files) results.push(await runTestFile(f, env));

  const total = results.reduce((a, r) => ({ tests: a.tests + r.tests, pass: a.pass + r.pass, fail: a.fail + r.fail }), { tests: 0, pass: 0, fail: 0 });
  const bad = results.filter((r) => r.code !== 0);
  failed = bad.length > 0 || total.tests === 0;
  console.log(`\ne2e summary: ${total.tests} tests, ${total.pass} passed, ${total.fail} failed in ${results.length} files`);
  for (const r of bad) console.log(`  failed: ${r.file} (exit ${r.code})`);
  stop(failed ? 'e2e failures' : 'done');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(1); });
