// CSV lines as agencies export them (RFC 4180 quoting, one record per line): read by
// the importer (import/) and by the console's licence import in the browser.

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
