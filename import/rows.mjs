// Reading an export: CSV lines (RFC 4180 quoting, one record per line) and the checks
// a row passes before anything is signed.

import { checkUscc as check } from '../shared/uscc.mjs';

export { parseCsvLine } from '../shared/csv.mjs';

/** Why `code` is not a Unified Social Credit Code, or null when it is one. */
export function checkUscc(code) {
  const r = check(code);
  if (r.ok) return null;
  if (r.reason === 'length') return `a USCC has 18 characters, this has ${r.length}`;
  if (r.reason === 'character') return `character ${r.position} ("${r.character}") cannot appear in a USCC`;
  return `check character mismatch: the 18th should be ${r.expected}`;
}
