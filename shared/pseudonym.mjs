// The GovChain pseudonym (pseudonym/README.md), computed on the agency's machine:
//   HMAC-SHA256(key, "govchain/pseudonym/v1/" ‖ DOMAIN ‖ 0x00 ‖ KIND ‖ ":" ‖ VALUE)
// with the identifier canonicalised first. The same vectors as pseudonym/src/tests.rs
// are checked in import/test/pseudonym.test.mjs. Shared by the importer (Node.js HMAC,
// import/pseudonym.mjs) and the console (in the browser): this file checks and
// canonicalises; the caller brings HMAC-SHA256.

export const DOMAINS = ['provident-fund', 'licenses', 'enterprises', 'copyright'];

export class IdError extends Error {
  constructor(kind, position) {
    super(position === undefined ? kind : `${kind} at ${position}`);
    this.kind = kind;
    this.position = position;
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
/** The check character (GB 11643) of a resident identity number's first 17 digits. */
export const residentCheck = (d17) => CHECK[[...d17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0) % 11];
const realDate = (y, m, d) => {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
};
// Unicode White_Space, ideographic space included.
const trim = (s) => s.replace(/^[\s\u0085\u180e\u3000]+|[\s\u0085\u180e\u3000]+$/gu, '');

function residentId(input) {
  const s = trim(input).toUpperCase();
  if (s.length !== 18 && s.length !== 15) throw new IdError('Length');
  for (let i = 0; i < s.length; i++) {
    const ok = /[0-9]/.test(s[i]) || (s[i] === 'X' && i === 17);
    if (!ok) throw new IdError('Character', i);
  }
  const full = s.length === 15 ? `${s.slice(0, 6)}19${s.slice(6)}` : s.slice(0, 17);
  if (!realDate(Number(full.slice(6, 10)), Number(full.slice(10, 12)), Number(full.slice(12, 14)))) throw new IdError('BirthDate');
  const check = residentCheck(full);
  if (s.length === 18 && s[17] !== check) throw new IdError('CheckCharacter');
  return full + check;
}

function passport(input) {
  const s = trim(input).toUpperCase();
  const at = s.indexOf(':');
  if (at < 0) throw new IdError('Country');
  const state = s.slice(0, at), number = s.slice(at + 1);
  if (!/^[A-Z][A-Z<]{0,2}$/.test(state)) throw new IdError('Country');
  if (number.length < 5 || number.length > 20) throw new IdError('Length');
  const bad = [...number].findIndex((c) => !/[A-Z0-9]/.test(c));
  if (bad >= 0) throw new IdError('Character', bad);
  return `${state.padEnd(3, '<')}:${number}`;
}

function hkMoPermit(input) {
  const s = trim(input).toUpperCase();
  if (s.length !== 9 && s.length !== 11) throw new IdError('Length');
  if (s[0] !== 'H' && s[0] !== 'M') throw new IdError('Character', 0);
  const bad = [...s.slice(1)].findIndex((c) => !/[0-9]/.test(c));
  if (bad >= 0) throw new IdError('Character', bad + 1);
  return s.slice(0, 9);
}

function twPermit(input) {
  let s = trim(input).toUpperCase();
  s = s.replace(/\([A-Z]\)$/, '');
  if (s.length !== 8 && s.length !== 10) throw new IdError('Length');
  const bad = [...s].findIndex((c) => !/[0-9]/.test(c));
  if (bad >= 0) throw new IdError('Character', bad);
  return s.slice(0, 8);
}

const KINDS = { 'cn-resident-id': residentId, passport, 'hk-mo-permit': hkMoPermit, 'tw-permit': twPermit };

/** `kind:value` text → [kind, canonical value]; throws IdError (never naming the value). */
export function canonical(text) {
  const at = text.indexOf(':');
  const kind = at < 0 ? '' : trim(text.slice(0, at)).toLowerCase();
  const canon = KINDS[kind];
  if (!canon) throw new IdError('Kind');
  return [kind, canon(text.slice(at + 1))];
}

/** The message whose HMAC-SHA256 under the domain's key is the pseudonym of `text`
 * (`kind:value`) in `domain`; throws IdError (never naming the value). */
export function pseudonymMessage(domain, text) {
  if (!DOMAINS.includes(domain)) throw new Error(`unknown domain ${domain}`);
  const [kind, value] = canonical(text);
  const enc = new TextEncoder();
  const head = enc.encode(`govchain/pseudonym/v1/${domain}`), tail = enc.encode(`${kind}:${value}`);
  const msg = new Uint8Array(head.length + 1 + tail.length);
  msg.set(head, 0);
  msg.set(tail, head.length + 1);
  return msg;
}

/** Refuses a key that is not 32 bytes or is all zero (a placeholder). */
export function checkKey(key) {
  if (key.length !== 32 || key.every((b) => b === 0)) throw new Error('the pseudonym key must be 32 bytes, not all zero');
}

/** A key file: 64 hex digits, optional 0x, surrounding whitespace allowed → 32 bytes. */
export function parseKey(text) {
  const t = text.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]{64}$/.test(t)) throw new Error('a pseudonym key is 64 hex digits');
  const key = Uint8Array.from(t.match(/../g), (h) => parseInt(h, 16));
  if (key.every((b) => b === 0)) throw new Error('an all-zero pseudonym key is a placeholder');
  return key;
}
