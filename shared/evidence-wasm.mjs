// The GovChain evidence verifier compiled to WebAssembly (evidence/wasm, built by
// scripts/build-verifier-wasm.sh), called from JavaScript: the public page runs it in
// the browser, tests/network runs it in Node.js on bundles of a multi-validator network.
// The module imports nothing; it exports `gv_alloc(len) -> ptr` and
// `gv_verify(bundle_ptr, bundle_len, checkpoint_ptr, checkpoint_len) -> u64` (the
// verdict's JSON: pointer in the high 32 bits, length in the low 32).

/**
 * @typedef {{ valid: boolean, record?: { kind: string, id: string }, proves?: string,
 *   block?: number, reason?: string }} EvidenceVerdict
 */

/**
 * Checks a bundle against a checkpoint (both JSON text) in a fresh instance of the
 * compiled module (its memory is never freed, so one instance per check).
 * @param {WebAssembly.Module} module
 * @param {string} bundle
 * @param {string} checkpoint
 * @returns {Promise<EvidenceVerdict>}
 */
export async function checkBundle(module, bundle, checkpoint) {
  const instance = await WebAssembly.instantiate(module, {});
  const x = /** @type {any} */ (instance.exports);
  /** @param {string} s @returns {[number, number]} */
  const put = (s) => {
    const bytes = new TextEncoder().encode(s);
    const at = x.gv_alloc(bytes.length);
    new Uint8Array(x.memory.buffer, at, bytes.length).set(bytes);
    return [at, bytes.length];
  };
  const out = /** @type {bigint} */ (x.gv_verify(...put(bundle), ...put(checkpoint)));
  const at = Number(out >> 32n), len = Number(out & 0xffffffffn);
  return JSON.parse(new TextDecoder().decode(new Uint8Array(x.memory.buffer, at, len)));
}
