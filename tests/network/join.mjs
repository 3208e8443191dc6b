#!/usr/bin/env node
// What tests/network/join.sh asks the chain (uses tests/e2e's @polkadot/api). Council
// motions are proposed and voted by two thirds of the council seats (the well-known
// development accounts of scripts/network.sh), then closed; each step prints a line.
//
//   node join.mjs <ws-url> account <seed>
//       "<ss58> <public key hex>" of //<seed> (sr25519)
//   node join.mjs <ws-url> admit <seed> <name> <region> <kind> <role,…> <peer-id-hex>
//       one motion, utility.batchAll of consortium.registerAgency(name, region, kind, roles,
//       //<seed>) and nodeAuthorization.addWellKnownNode(peer id, //<seed>); meanwhile a
//       council member funds //<seed> (balances.transferKeepAlive). Prints the agency id.
//   node join.mjs <ws-url> set-keys <seed> <keys-hex> <proof-hex>
//       session.setKeys(keys, proof) signed by //<seed>
//   node join.mjs <ws-url> add-validator <agency> <seed>    motion consortium.addValidator
//   node join.mjs <ws-url> suspend <agency>                 motion consortium.suspendAgency
//   node join.mjs <ws-url> watch <seed> <keys-hex> <queued-in|in|queued-out|out> <seconds>
//       follows the best blocks; prints a line whenever the session or the account's place
//       changes (session.validators, session.queuedKeys, aura.authorities, grandpa
//       authorities); exits 0 once: queued-in: the account is in the queued set; in: it is
//       in session.validators and its Aura and GRANDPA keys are authorities; queued-out /
//       out: the contrary. Exits 1 after <seconds>.
//   node join.mjs <ws-url> author <block-number>
//       "<aura key> <slot>": the authority that sealed the canonical block, from its Aura
//       pre-digest (slot modulo the authorities at its parent)
//   node join.mjs <ws-url> records <tag>
//       records whose evidence bundles tests/network/join.sh checks: //Alice (operator of
//       cq-amr, a licence issuer) defines a licence type and issues a licence, then commits
//       and deposits a work; prints "licence <id> work <content hash>"
//   node join.mjs <ws-url> session-period
//       the session length the chain reads (state at the best block, twox_128(":SessionPeriod:"))
//
// Exits 1 with the reason on stderr when a transaction or motion fails; nothing waits
// longer than 90 s (watch: <seconds>).

import { connect, devKeys, die, util, utilCrypto } from './chain.mjs';

const { u8aToHex } = util;
const { xxhashAsHex } = utilCrypto;
const [url, cmd, ...args] = process.argv.slice(2);
if (!url || !cmd) die('usage: join.mjs <ws-url> <command> … (see the file)');

if (cmd === 'account') {
  const p = (await devKeys()).pairOf(args[0]);
  console.log(p.address, u8aToHex(p.publicKey));
  process.exit(0);
}

const limit = cmd === 'watch' ? Number(args[3]) * 1000 + 15_000 : 90_000;
setTimeout(() => die(`${cmd}: no result within ${limit / 1000} s`), limit).unref();
const { api, provider, pairOf, send, eventsOf, motion } = await connect(url);

try {
  if (cmd === 'admit') {
    const [seed, name, region, kind, roles, peerId] = args;
    const who = pairOf(seed).address;
    const call = api.tx.utility.batchAll([
      api.tx.consortium.registerAgency(name, Number(region), kind, roles.split(','), who),
      api.tx.nodeAuthorization.addWellKnownNode(peerId, who),
    ]);
    // The last seat funds the account while the motion is proposed.
    const fund = async (pairs) => {
      const r = await send(api.tx.balances.transferKeepAlive(who, 10n ** 15n), pairs[pairs.length - 1]);
      return `${who} funded at #${r.number}`;
    };
    const { closed, extra } = await motion('admit', call, fund);
    const [registered] = eventsOf(closed.events, 'consortium', 'AgencyRegistered');
    const [node] = eventsOf(closed.events, 'nodeAuthorization', 'NodeAdded');
    if (!registered || !node) die('admit: AgencyRegistered or NodeAdded missing');
    console.log(`agency ${registered.agency} registered, peer ${node.peerId.toHex().slice(0, 18)}… well-known (owner ${node.who}); ${extra}`);
  } else if (cmd === 'set-keys') {
    const [seed, keys, proof] = args;
    const r = await send(api.tx.session.setKeys(keys, proof), pairOf(seed));
    console.log(`session.setKeys from //${seed} in block #${r.number}; nextKeys: ${(await api.query.session.nextKeys(pairOf(seed).address)).isSome}`);
  } else if (cmd === 'add-validator') {
    const [agency, seed] = args;
    const { closed } = await motion('addValidator', api.tx.consortium.addValidator(Number(agency), pairOf(seed).address));
    if (eventsOf(closed.events, 'consortium', 'ValidatorAdded').length !== 1) die('addValidator: no ValidatorAdded event');
    console.log(`validator ${pairOf(seed).address} of agency ${agency} seated; session ${await api.query.session.currentIndex()} at #${closed.number}`);
  } else if (cmd === 'suspend') {
    const [agency] = args;
    const { closed } = await motion('suspendAgency', api.tx.consortium.suspendAgency(Number(agency)));
    const suspended = eventsOf(closed.events, 'consortium', 'ValidatorSuspended').map((d) => d.validator.toString());
    console.log(`agency ${agency} suspended; its validators leaving: ${suspended.join(' ') || 'none'}; session ${await api.query.session.currentIndex()} at #${closed.number}`);
  } else if (cmd === 'watch') {
    const [seed, keys, want, seconds] = args;
    const who = pairOf(seed).address;
    const aura = keys.slice(0, 66), grandpa = `0x${keys.slice(66, 130)}`;
    const yn = (b) => (b ? 'yes' : 'no');
    let last = '', done = false;
    const end = Date.now() + Number(seconds) * 1000;
    await new Promise((resolve) => {
      let busy = false;
      api.rpc.chain.subscribeNewHeads(async (header) => {
        if (done || busy) return;
        busy = true;
        try {
          const at = await api.at(header.hash);
          const [index, validators, queued, auras, grandpas] = await Promise.all([
            at.query.session.currentIndex(), at.query.session.validators(), at.query.session.queuedKeys(),
            at.query.aura.authorities(), at.query.grandpa.authorities()]);
          const s = {
            validators: validators.some((v) => v.toString() === who),
            queued: queued.some(([v]) => v.toString() === who),
            aura: auras.some((k) => k.toHex() === aura),
            grandpa: grandpas.some(([k]) => k.toHex() === grandpa),
          };
          const line = `session ${index}: ${validators.length} validators (//${seed}: ${yn(s.validators)}), queued for the next: ${queued.length} (${yn(s.queued)}), its key among Aura authorities: ${yn(s.aura)}, GRANDPA: ${yn(s.grandpa)}`;
          if (line !== last) { console.log(`#${header.number}: ${line}`); last = line; }
          const ok = { 'queued-in': s.queued, in: s.validators && s.aura && s.grandpa,
            'queued-out': !s.queued, out: !s.validators && !s.aura && !s.grandpa }[want];
          if (ok) { done = true; resolve(); }
        } finally { busy = false; }
        if (!done && Date.now() > end) die(`watch ${want}: not reached within ${seconds} s`);
      });
    });
  } else if (cmd === 'author') {
    const hash = await api.rpc.chain.getBlockHash(Number(args[0]));
    const header = await api.rpc.chain.getHeader(hash);
    const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
    if (!pre) die(`block #${args[0]} has no Aura pre-digest`);
    const slot = api.createType('u64', pre.asPreRuntime[1]).toBigInt();
    const auths = await (await api.at(header.parentHash)).query.aura.authorities();
    console.log(auths[Number(slot % BigInt(auths.length))].toHex(), slot.toString());
  } else if (cmd === 'records') {
    const { blake2AsHex, blake2AsU8a, decodeAddress, randomAsU8a } = utilCrypto;
    const alice = pairOf('Alice');
    const tag = args[0];
    const person = { Person: blake2AsHex(`evidence test holder ${tag}`) };
    const defined = await send(api.tx.licenses.defineType(`EVIDENCE-${tag}`, 'Food business licence', 500000,
      'Person', 'LicenseIssuer', 5 * 365 * 24 * 3600, blake2AsHex('schema'), blake2AsHex('template')), alice);
    const type = eventsOf(defined.events, 'licenses', 'TypeDefined')[0].licenseType.toNumber();
    const issued = await send(api.tx.licenses.issue(type, person, blake2AsHex(`licence file ${tag}`),
      Math.floor(Date.now() / 1000), null), alice);
    const licence = eventsOf(issued.events, 'licenses', 'LicenseIssued')[0].id.toNumber();
    const work = blake2AsHex(`evidence test work ${tag}`), salt = randomAsU8a(32);
    await send(api.tx.copyright.commit(blake2AsU8a(util.u8aConcat(util.hexToU8a(work), decodeAddress(alice.address), salt))), alice);
    const deposited = await send(api.tx.copyright.deposit(work, 'Mountain City Nights', 'Music', 'Original', [person],
      person, 500103, 1_767_225_600, null, salt), alice);
    if (eventsOf(deposited.events, 'copyright', 'WorkDeposited').length !== 1) die('the work was not deposited');
    console.log(`licence ${licence} work ${work} (issued at #${issued.number}, deposited at #${deposited.number})`);
  } else if (cmd === 'session-period') {
    const key = xxhashAsHex(':SessionPeriod:', 128);
    const raw = await provider.send('state_getStorage', [key]);
    console.log(raw ? `${Buffer.from(raw.slice(2), 'hex').readUInt32LE()} blocks (${key} = ${raw})` : `unset (${key})`);
  } else {
    die(`unknown command ${cmd}`);
  }
} catch (e) {
  die(`${cmd}: ${e.message}`);
}
process.exit(0);
