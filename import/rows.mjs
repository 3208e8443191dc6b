// Reading an export: CSV lines (RFC 4180 quoting, one record per line) and the checks
// a row passes before anything is signed.

import { checkUscc as check } from '../shared/uscc.mjs';

/** The fields of one CSV line, or null when its quotes do not balance. */
export function parseCsvLine(line) {
  const out = [];
  let field = '', quoted = false, i = 0;
  while (i < line.length) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { out.push(field); field = ''; } else field += c;
    i++;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}

/** Why `code` is not a Unified Social Credit Code, or null when it is one. */
export function checkUscc(code) {
  const r = check(code);
  if (r.ok) return null;
  if (r.reason === 'length') return `a USCC has 18 characters, this has ${r.length}`;
  if (r.reason === 'character') return `character ${r.position} ("${r.character}") cannot appear in a USCC`;
  return `check character mismatch: the 18th should be ${r.expected}`;
}
