// What the importer's tests share: running govchain-import as a child process, killing
// it once a number of its steps are final, and never waiting for it for ever.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'govchain-import.mjs');

/** Batches (or steps) recorded as final in a progress file. */
export const doneSteps = (progress) => (existsSync(progress)
  ? Object.values(JSON.parse(readFileSync(progress, 'utf8')).batches).filter((b) => b.state === 'done').length : 0);

/**
 * A runner of `govchain-import <kind> <file> --rpc <rpc> ...args` with `env`:
 * `run(args, killAt, extraEnv)` resolves with { code, signal, out, err, seconds }. With
 * `killAt`, the importer is killed (SIGKILL) once the progress file holds that many final
 * steps. A run still going after `limit` seconds is killed and reported as a failure
 * (signal `timeout`, its last output in `err`), so a stuck importer fails the test.
 */
export function importer({ kind, file, rpc, env, progress = `${file}.progress.json`, args: base = [], limit = 600, echo = false }) {
  return (args, killAt, extraEnv = {}) => new Promise((res) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [bin, kind, file, '--rpc', rpc, ...base, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', timedOut = false;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; if (echo) process.stderr.write(d); });
    const poll = killAt ? setInterval(() => { if (doneSteps(progress) >= killAt) { child.kill('SIGKILL'); clearInterval(poll); } }, 50) : null;
    const guard = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, limit * 1000);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(guard);
      const seconds = (Date.now() - t0) / 1000;
      if (timedOut) err += `\n(still running after ${limit} s: killed)\n`;
      res({ code, signal: timedOut ? 'timeout' : signal, out, err, seconds });
    });
  });
}

/** The summary line a run printed last (JSON), or an error naming how the run ended. */
export function summaryOf(r) {
  const last = r.out.trim().split('\n').pop();
  try { return JSON.parse(last); } catch {
    throw new Error(`the importer printed no summary (exit ${r.code}, signal ${r.signal}): ${r.err.slice(-2000)}`);
  }
}
