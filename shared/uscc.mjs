// Unified Social Credit Code (GB 32100-2015), checked off chain before anything is
// sent (the public page, the importer): 18 characters of 0-9 and A-Z without I, O, S,
// V, Z; the 18th is the check character of the first 17 (weights 3^i mod 31). The same
// rule as `Uscc::parse` in primitives/.

export const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * @typedef {{ ok: true, code: string }
 *   | { ok: false, reason: 'length', length: number }
 *   | { ok: false, reason: 'character', position: number, character: string }
 *   | { ok: false, reason: 'check', expected: string }} UsccCheck
 */

/**
 * The check character of the first 17 characters, or null if one is not in the alphabet.
 * @param {string} first17
 * @returns {string | null}
 */
export function checkChar(first17) {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Checks a code as typed: spaces dropped, letters upper-cased.
 * @param {string} input
 * @returns {UsccCheck}
 */
export function checkUscc(input) {
  const code = input.replace(/\s+/g, '').toUpperCase();
  if (code.length !== 18) return { ok: false, reason: 'length', length: code.length };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i])) return { ok: false, reason: 'character', position: i + 1, character: code[i] };
  }
  const expected = /** @type {string} */ (checkChar(code.slice(0, 17)));
  return expected === code[17] ? { ok: true, code } : { ok: false, reason: 'check', expected };
}
