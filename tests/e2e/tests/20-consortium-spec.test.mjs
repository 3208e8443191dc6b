// A real deployment's chain spec is generated from a plain config file and its
// genesis builds; an inconsistent config is refused with the reason.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Chain specs carry the runtime's WASM as hex: several megabytes.
const MAX_OUTPUT = 256 * 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const node = process.env.GOVCHAIN_NODE
  || join(process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/govchain/target'), 'release/govchain-node');
const script = join(root, 'scripts/consortium-spec.mjs');
const example = join(root, 'docs/consortium.example.json');

test('the example consortium config becomes a spec whose genesis builds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govchain-spec-'));
  const spec = execFileSync(process.execPath, [script, example], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, env: { ...process.env, GOVCHAIN_NODE: node } });
  const parsed = JSON.parse(spec);
  assert.equal(parsed.id, 'govchain_cq_sc');
  assert.equal(parsed.chainType, 'Live');
  assert.equal(parsed.genesis.runtimeGenesis.patch.sudo.key, null);
  assert.equal(parsed.genesis.runtimeGenesis.patch.consortium.agencies.length, 3);
  writeFileSync(join(dir, 'spec.json'), spec);
  const raw = JSON.parse(execFileSync(node, ['export-chain-spec', '--chain', join(dir, 'spec.json'), '--raw'], { encoding: 'utf8', maxBuffer: MAX_OUTPUT }));
  assert.ok(Object.keys(raw.genesis.raw.top).length > 10, 'genesis state built');
});

test('a council seat outside the listed agencies is refused with the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govchain-spec-'));
  const config = JSON.parse(readFileSync(example, 'utf8'));
  config.council.push('5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy');
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const r = spawnSync(process.execPath, [script, join(dir, 'config.json')], { encoding: 'utf8', maxBuffer: MAX_OUTPUT, env: { ...process.env, GOVCHAIN_NODE: node } });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /council seat 5DAAnrj7.* is not an admin or operator/);
});
