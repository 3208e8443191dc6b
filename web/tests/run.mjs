// The browser tests of web/: a development node of their own (tests/e2e/lib/node.mjs),
// records put on it by tests/seed.mjs, the production build (dist/) served by
// `vite preview`, and Playwright driving Debian's Chromium (no browser download).
// Screenshots of each screen land in web/test-results/ (kept as artifacts).
//
//   node tests/run.mjs        (npm test; builds dist/ first when it is missing or older than src/)
//   node tests/run.mjs tests/console.spec.ts -g import   (arguments go to `playwright test`)
// Environment: GOVCHAIN_NODE (node binary), CHROMIUM (default /usr/bin/chromium).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, nodeBin, startNode } from '../../tests/e2e/lib/node.mjs';
import { seed } from './seed.mjs';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const die = (m) => { console.error(`web tests: ${m}`); process.exit(2); };
if (!existsSync(nodeBin)) die(`no node binary at ${nodeBin} (scripts/build.sh builds it)`);
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) die(`no Chromium at ${chromium} (scripts/setup.sh installs Debian's chromium)`);

const newest = (dir) => Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f)).mtimeMs));
if (!existsSync(join(web, 'public/govchain-verify.wasm'))) die('no web/public/govchain-verify.wasm (scripts/build.sh builds it)');
if (!existsSync(join(web, 'dist/verify/index.html')) || Math.max(newest(join(web, 'src')), newest(join(web, 'public'))) > statSync(join(web, 'dist/verify/index.html')).mtimeMs) {
  console.log('web tests: building dist/ (npm run build)');
  if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: web, stdio: 'inherit' }).status !== 0) die('the build failed');
}

const stops = [];
const cleanup = () => { for (const s of stops.splice(0)) try { s(); } catch {} };
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(sig, () => { cleanup(); process.exit(code); });

let code = 1;
try {
  const node = await startNode('dev', 'web', join(web, 'test-results'));
  let failed = true;
  stops.push(() => node.stop(failed, 'browser test failures'));
  const rpc = `ws://127.0.0.1:${node.port}`;
  const dir = mkdtempSync(join(tmpdir(), 'govchain-web-'));
  stops.push(() => rmSync(dir, { recursive: true, force: true }));
  console.log(`web tests: node ${rpc}; putting the records to look up on it`);
  const t0 = Date.now();
  const seeded = await seed(rpc, dir);
  console.log(`web tests: seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: licence ${seeded.licence} (and ${seeded.suspended} suspended), enterprise ${seeded.uscc}, work ${seeded.content.slice(0, 18)}…`);
  // The checkpoint the page checks evidence files against, as an operator publishes it.
  const checkpoint = await fetch(`http://127.0.0.1:${node.port}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method: 'evidence_checkpoint', params: [] }),
  }).then((r) => r.json());
  writeFileSync(join(web, 'dist/checkpoint.json'), JSON.stringify(checkpoint.result));
  const seedFile = join(dir, 'seed.json');
  writeFileSync(seedFile, JSON.stringify(seeded));

  const port = await freePort();
  const server = spawn(join(web, 'node_modules/.bin/vite'), ['preview', '--port', String(port), '--strictPort'], { cwd: web, stdio: 'ignore' });
  stops.push(() => server.kill());
  const site = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await fetch(`${site}/verify/`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));

  const pw = spawnSync(join(web, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
    cwd: web, stdio: 'inherit',
    env: { ...process.env, GOVCHAIN_SITE: site, GOVCHAIN_RPC: rpc, GOVCHAIN_SEED: seedFile, CHROMIUM: chromium },
  });
  code = pw.status ?? 1;
  failed = code !== 0;
} catch (e) {
  console.error(`web tests: ${e.stack ?? e}`);
} finally {
  cleanup();
}
process.exit(code);
