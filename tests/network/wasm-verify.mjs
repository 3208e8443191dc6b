#!/usr/bin/env node
// The browser's verifier (the WebAssembly build of govchain-evidence, as the public page
// runs it) on a bundle of a real network: it must prove what govchain-verify proves, and
// refuse the bundle with an authority set change left out.
//
//   node tests/network/wasm-verify.mjs WASM BUNDLE CHECKPOINT
// Prints one line per check; exit 1 if a check fails.

import { readFileSync } from 'node:fs';
import { checkBundle } from '../../shared/evidence-wasm.mjs';

const [wasm, bundlePath, checkpointPath] = process.argv.slice(2);
if (!checkpointPath) {
  console.error('usage: wasm-verify.mjs WASM BUNDLE CHECKPOINT');
  process.exit(2);
}
const module = await WebAssembly.compile(readFileSync(wasm));
const bundle = readFileSync(bundlePath, 'utf8'), checkpoint = readFileSync(checkpointPath, 'utf8');

let failed = false;
const t0 = performance.now();
const genuine = await checkBundle(module, bundle, checkpoint);
const ms = (performance.now() - t0).toFixed(1);
if (genuine.valid) console.log(`wasm ✔ in ${ms} ms: ${genuine.proves.split('\n')[1]}`);
else { failed = true; console.log(`wasm FAIL: the genuine bundle is refused: ${genuine.reason}`); }

const b = JSON.parse(bundle);
if (b.finality.length > 1) {
  b.finality.splice(0, 1);
  const skipped = await checkBundle(module, JSON.stringify(b), checkpoint);
  if (!skipped.valid && /authority set change is missing|not an authority of set/.test(skipped.reason)) {
    console.log(`wasm ✗ without the first set change: ${skipped.reason}`);
  } else {
    failed = true;
    console.log(`wasm FAIL: without the first set change: ${JSON.stringify(skipped)}`);
  }
}
process.exit(failed ? 1 : 0);
