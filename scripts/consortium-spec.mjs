#!/usr/bin/env node
// Writes the chain spec of a real GovChain network from a plain config file that
// lists its agencies, roles, accounts, validators (with session keys), council
// seats, funded accounts, the admitted nodes and boot nodes. No sudo key is set.
//
//   node scripts/consortium-spec.mjs docs/consortium.example.json > govchain.json
//   govchain-node export-chain-spec --chain govchain.json --raw > govchain-raw.json
//
// The second command builds the genesis state, so it also proves the config valid
// (an unknown account format, a council seat that is no agency admin, a malformed
// region code… each stops it with the reason). Hand the raw spec to every agency.
//
// Config fields (see docs/consortium.example.json):
//   name, id               the network's display name and id
//   bootNodes              multiaddrs of member nodes (optional); each must end in an admitted peer id
//   agencies[]             { name, region, kind, roles[], admin, operators[]? }; ids 0, 1, … in order
//   validators[]           { account, agency, aura, grandpa }: SS58 account and public session keys
//   council[]              SS58 accounts; each an admin or operator of an agency above
//   endowed[]              [account, amount in the smallest unit (string)]
//   nodes[]                { peerId, owner }: the nodes admitted to the network
//                          (pallet-node-authorization's well-known nodes): a libp2p peer id
//                          (`govchain-node key generate-node-key` prints it) and the account of
//                          the agency that runs it (an admin or operator of a listed agency).
//                          Member nodes refuse every other peer, so list every node here,
//                          validators and RPC nodes alike.

import { execFileSync } from 'node:child_process';

// A chain spec carries the runtime's WASM as hex: several megabytes.
const MAX_OUTPUT = 256 * 1024 * 1024;
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const [configPath] = process.argv.slice(2);
if (!configPath) {
  console.error('usage: node scripts/consortium-spec.mjs <config.json> > spec.json');
  process.exit(2);
}
const fail = (msg) => { console.error(`consortium-spec: ${msg}`); process.exit(1); };

let config;
try {
  config = JSON.parse(readFileSync(configPath, 'utf8'));
} catch (e) {
  fail(`cannot read ${configPath}: ${e.message}`);
}
for (const field of ['name', 'id', 'agencies', 'validators', 'council', 'endowed', 'nodes']) {
  if (config[field] === undefined) fail(`config lacks "${field}"`);
}
if (config.validators.length === 0) fail('at least one validator is needed');
if (config.council.length === 0) fail('at least one council seat is needed');
// An empty set would make every node, once its offchain worker runs, refuse all peers.
if (config.nodes.length === 0) fail('at least one admitted node is needed');
// The runtime checks all of this again when it builds genesis; checking here gives
// the reason instead of a failed genesis build.
const members = new Set();
// The runtime's per-agency caps (MaxValidatorsPerAgency, MaxSeatsPerAgency).
const MAX_VALIDATORS_PER_AGENCY = 2;
const MAX_SEATS_PER_AGENCY = 2;
const agencyOfMember = new Map();
config.agencies.forEach((a, i) => {
  const province = Math.floor(a.region / 10000);
  if (!Number.isInteger(a.region) || a.region < 110000 || a.region > 829999 || province < 11)
    fail(`agency ${i} (${a.name}): region ${a.region} is not a 6-digit GB/T 2260 code`);
  if (!a.name) fail(`agency ${i}: empty name`);
  for (const who of [a.admin, ...(a.operators ?? [])]) {
    if (members.has(who)) fail(`agency ${i}: account ${who} already acts for another agency`);
    members.add(who);
    agencyOfMember.set(who, i);
  }
});
const count = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
for (const [agency, n] of count(config.validators.map((v) => v.agency))) {
  if (n > MAX_VALIDATORS_PER_AGENCY) fail(`agency ${agency} runs ${n} validators; at most ${MAX_VALIDATORS_PER_AGENCY} per agency`);
}
for (const [agency, n] of count(config.council.filter((m) => members.has(m)).map((m) => agencyOfMember.get(m)))) {
  if (n > MAX_SEATS_PER_AGENCY) fail(`agency ${agency} holds ${n} council seats; at most ${MAX_SEATS_PER_AGENCY} per agency`);
}
config.validators.forEach((v, i) => {
  if (!(v.agency >= 0 && v.agency < config.agencies.length)) fail(`validator ${i}: unknown agency ${v.agency}`);
  for (const k of ['account', 'aura', 'grandpa']) if (!v[k]) fail(`validator ${i}: missing "${k}"`);
});
for (const m of config.council) {
  if (!members.has(m)) fail(`council seat ${m} is not an admin or operator of a listed agency`);
}

// Base58 (Bitcoin alphabet), as libp2p writes peer ids.
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Decode(text) {
  let n = 0n;
  for (const c of text) {
    const d = B58.indexOf(c);
    if (d < 0) return null;
    n = n * 58n + BigInt(d);
  }
  const bytes = [];
  while (n > 0n) { bytes.unshift(Number(n & 0xffn)); n >>= 8n; }
  for (const c of text) { if (c !== '1') break; bytes.unshift(0); }
  return bytes;
}
// The runtime stores a peer id as its multihash bytes (at most MaxPeerIdLength = 128):
// an identity multihash (0x00, length) of a small public key such as Ed25519's
// (`12D3KooW…`, 38 bytes), or a SHA2-256 one (0x12 0x20, 32 bytes; `Qm…`).
function peerIdBytes(peerId) {
  const b = typeof peerId === 'string' ? base58Decode(peerId) : null;
  const ok = b && b.length <= 128 && (
    (b[0] === 0x00 && b[1] === b.length - 2) || (b[0] === 0x12 && b[1] === 0x20 && b.length === 34));
  return ok ? b : null;
}
const admitted = new Set();
const nodes = config.nodes.map((n, i) => {
  const bytes = peerIdBytes(n.peerId);
  if (!bytes) fail(`node ${i}: "${n.peerId}" is not a libp2p peer id`);
  if (admitted.has(n.peerId)) fail(`node ${i}: peer id ${n.peerId} is listed twice`);
  admitted.add(n.peerId);
  if (!members.has(n.owner)) fail(`node ${i} (${n.peerId}): owner ${n.owner} is not an admin or operator of a listed agency`);
  return [bytes, n.owner];
});
for (const addr of config.bootNodes ?? []) {
  const id = (addr.match(/\/p2p\/([^/]+)$/) || [])[1];
  if (!id) fail(`boot node ${addr}: the address must end in /p2p/<peer id>`);
  if (!admitted.has(id)) fail(`boot node ${addr}: peer id ${id} is not among the admitted nodes`);
}

const targetDir = process.env.CARGO_TARGET_DIR || join(homedir(), '.cache/govchain/target');
const node = process.env.GOVCHAIN_NODE || join(targetDir, 'release/govchain-node');

// Start from the runtime the node carries (the `local` spec's code), replace its genesis.
const spec = JSON.parse(execFileSync(node, ['export-chain-spec', '--chain', 'local'], { encoding: 'utf8', maxBuffer: MAX_OUTPUT }));
spec.name = config.name;
spec.id = config.id;
spec.chainType = 'Live';
spec.bootNodes = config.bootNodes ?? [];
spec.protocolId = config.id;
spec.genesis.runtimeGenesis.patch = {
  balances: { balances: config.endowed.map(([who, amount]) => [who, BigInt(amount)]) },
  consortium: {
    agencies: config.agencies.map((a) => ({
      name: a.name, region: a.region, kind: a.kind, roles: a.roles, admin: a.admin, operators: a.operators ?? [],
    })),
    validators: config.validators.map((v) => [v.account, v.agency]),
    council: config.council,
  },
  nodeAuthorization: { nodes },
  session: {
    keys: config.validators.map((v) => [v.account, v.account, { aura: v.aura, grandpa: v.grandpa }]),
    nonAuthorityKeys: [],
  },
  sudo: { key: null },
};
// Balances are u128: write them as exact JSON integers (JS numbers would round).
const json = JSON.stringify(spec, (_, v) => (typeof v === 'bigint' ? `__u128__${v}` : v), 2);
process.stdout.write(json.replace(/"__u128__(\d+)"/g, '$1') + '\n');
