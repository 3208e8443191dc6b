// Starting a throw-away GovChain node for a test run (tests/e2e's harness, web/'s
// browser tests): a one-validator chain on free ports with a temporary base path.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, mkdirSync, copyFileSync, createWriteStream } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';

/** The node binary under test: GOVCHAIN_NODE, or the shared release build. */
export const nodeBin = process.env.GOVCHAIN_NODE
  || join(process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/govchain/target'), 'release/govchain-node');

export function freePort() {
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

export async function rpcAnswers(port) {
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

/**
 * Starts a one-validator node of `chain` (`dev` or a preset); resolves with
 * `{ port, stop(keepLog, why) }` once RPC answers. A kept log goes to `logsDir`.
 */
export async function startNode(chain, label, logsDir) {
  const basePath = mkdtempSync(join(tmpdir(), 'govchain-e2e-'));
  const logPath = join(basePath, 'node.log');
  const log = createWriteStream(logPath);
  const [rpcPort, p2pPort] = [await freePort(), await freePort()];
  const chainArgs = chain === 'dev'
    ? ['--dev']
    // Any other preset: //Alice's keys, authoring alone, a fixed throw-away node key.
    : ['--chain', chain, '--alice', '--force-authoring', '--node-key', '0'.repeat(63) + '1'];
  const node = spawn(nodeBin, [
    ...chainArgs, '--base-path', basePath, '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns', '--rpc-max-connections', '1000',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  node.stdout.pipe(log);
  node.stderr.pipe(log);
  let exited = false;
  node.on('exit', () => { exited = true; });
  // A test stopped from outside (a time limit's SIGTERM, Ctrl-C) takes its node along.
  process.on('exit', () => { if (!exited) node.kill('SIGKILL'); });
  if (!process.listenerCount('SIGTERM')) process.once('SIGTERM', () => process.exit(143));
  const stop = (keepLog, why) => {
    if (!exited) node.kill('SIGTERM');
    if (keepLog) {
      const keep = logsDir;
      mkdirSync(keep, { recursive: true });
      const dest = join(keep, `node-${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
      try { copyFileSync(logPath, dest); console.error(`harness: ${label}: ${why}; node log kept at ${dest}`); } catch {}
    }
    try { rmSync(basePath, { recursive: true, force: true }); } catch {}
  };
  const deadline = Date.now() + 300_000;
  while (!(await rpcAnswers(rpcPort))) {
    if (exited || Date.now() > deadline) {
      stop(true, exited ? 'the node exited before RPC answered' : 'RPC did not answer within 300 s');
      throw new Error(`${label}: node did not start`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { port: rpcPort, stop };
}

