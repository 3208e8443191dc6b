// Puts on a development chain what the browser tests look up on the public page, through
// @polkadot/api as an agency's own software would: //Alice signs for the development
// chain's demo agency (every role); //Charlie and //Dave for its seal and tax
// departments; an application stays pending for the console's review queues. Exports seed(url, dir) → the records' identifiers.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiPromise, WsProvider, Keyring } from '@polkadot/api';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, decodeAddress, hmacSha256AsU8a, randomAsU8a } from '@polkadot/util-crypto';
import { u8aConcat, hexToU8a, u8aToHex, u8aToString } from '@polkadot/util';
import { pseudonymMessage } from '../../shared/pseudonym.mjs';

const CHONGQING = 500000;
const SICHUAN = 510000;
const YUZHONG = 500103;

function send(api, tx, signer) {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (status.isInvalid || status.isDropped || status.isUsurped) reject(new Error(`${tx.method.method}: ${status.type}`));
      if (!status.isInBlock) return;
      if (dispatchError) {
        const m = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : null;
        reject(new Error(`${tx.method.section}.${tx.method.method}: ${m ? `${m.section}.${m.name}` : dispatchError.toString()}`));
      } else {
        resolve(events);
      }
    }).catch(reject);
  });
}
const event = (events, section, method) =>
  events.find(({ event: e }) => e.section === section && e.method === method)?.event.data;
const all = (events, section, method) =>
  events.filter(({ event: e }) => e.section === section && e.method === method).map(({ event: e }) => e.data);

export async function seed(url, dir) {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519' });
  const [alice, charlie, dave] = ['Alice', 'Charlie', 'Dave'].map((n) => keyring.addFromUri(`//${n}`));
  const tag = Date.now().toString(36);
  const now = Math.floor(Date.now() / 1000);
  const person = { Person: blake2AsHex(`lawyer pseudonym ${tag}`) };

  // A licence type, two licences; the second suspended.
  const defined = await send(api, api.tx.licenses.defineType(`WEB-LAWYER-${tag}`, '律师执业证', CHONGQING, 'Person',
    'LicenseIssuer', 5 * 365 * 86400, blake2AsHex('schema'), blake2AsHex('template')), alice);
  const type = event(defined, 'licenses', 'TypeDefined').licenseType.toNumber();
  const issue = async () => event(await send(api, api.tx.licenses.issue(type, person, blake2AsHex(`file ${Math.random()}`), now - 60, null), alice),
    'licenses', 'LicenseIssued').id.toNumber();
  const licence = await issue();
  const suspended = await issue();
  await send(api, api.tx.licenses.suspend(suspended, 7, blake2AsHex('decision of the justice bureau')), alice);

  // Two enterprises through the one-stop registration (three departments approve each):
  // one the public page looks up, one the console's market regulators change and move;
  // and an application left for the console's review queues (seal and tax departments).
  const biz = await send(api, api.tx.licenses.defineType(`WEB-BIZ-${tag}`, '营业执照', CHONGQING, 'Enterprise',
    'MarketRegulator', null, blake2AsHex('schema'), blake2AsHex('template')), alice);
  await send(api, api.tx.enterprises.setLicenseType(event(biz, 'licenses', 'TypeDefined').licenseType), alice);
  const application = (name, n) => api.tx.enterprises.apply(name, 'LimitedCompany', CHONGQING,
    (n + 1) * 50_000_000, ['I6510'], blake2AsHex(`legal representative ${n}`), blake2AsHex(`materials ${n}`),
    ['BusinessLicense', 'SealEngraving', 'TaxRegistration']);
  const applied = await send(api, api.tx.utility.batchAll([
    application(`重庆云端科技 ${tag} 有限公司`, 1), application(`重庆迁移科技 ${tag} 有限公司`, 2), application(`重庆待审科技 ${tag} 有限公司`, 0),
  ]), alice);
  const [app, movingApp, pending] = all(applied, 'enterprises', 'ApplicationSubmitted').map((d) => d.id.toNumber());
  const both = (service, document) => api.tx.utility.batchAll([app, movingApp].map((id) => api.tx.enterprises.review(id, service, true, 0, document)));
  // Sichuan's market regulator (//Bob) issues business licences of its own: an enterprise
  // moving there gets one.
  const bob = keyring.addFromUri('//Bob');
  const [, , sichuan] = await Promise.all([
    send(api, both('SealEngraving', null), charlie),
    send(api, both('TaxRegistration', null), dave),
    send(api, api.tx.licenses.defineType(`WEB-BIZ-SC-${tag}`, '营业执照', SICHUAN, 'Enterprise',
      'MarketRegulator', null, blake2AsHex('schema'), blake2AsHex('template')), bob),
  ]);
  await Promise.all([
    send(api, api.tx.enterprises.setLicenseType(event(sichuan, 'licenses', 'TypeDefined').licenseType), bob),
    send(api, both('BusinessLicense', blake2AsHex('licence file')), alice),
  ]);
  const usccOf = async (id) => {
    const a = (await api.call.enterprisesApi.application(id)).unwrap();
    return u8aToString(a.status.asApproved.toU8a());
  };
  const uscc = await usccOf(app);
  const movingUscc = await usccOf(movingApp);
  const enterpriseLicence = (await api.call.enterprisesApi.enterprise(uscc)).unwrap().license.toNumber();

  // A provident-fund centre (//Eve) with lending rules, commissioning the bank (//Ferdie),
  // and a member's deposit account: the console files, decides, disburses and settles.
  const eve = keyring.addFromUri('//Eve');
  const fundKey = '0x' + '5a'.repeat(32);
  const fundMember = '500103198807150018';
  const member = u8aToHex(hmacSha256AsU8a(hexToU8a(fundKey), pseudonymMessage('provident-fund', `cn-resident-id:${fundMember}`)));
  await send(api, api.tx.utility.batchAll([
    api.tx.providentFund.setRules({ minMonths: 12, maxAmount: 1_000_000_00, maxTermMonths: 360 }),
    api.tx.providentFund.commissionBank(5, true),
    api.tx.providentFund.recordDeposit(member, { status: 'Normal', contributionBand: 4, months: 36 }, YUZHONG),
  ]), eve);

  // A work deposited by commit and reveal; its file is kept for the browser to drop.
  const workFile = join(dir, 'song.mp3');
  const otherFile = join(dir, 'song-copy.mp3');
  const bytes = randomAsU8a(4096);
  writeFileSync(workFile, bytes);
  writeFileSync(otherFile, u8aConcat(bytes, new Uint8Array([0])));
  const content = blake2AsHex(bytes, 256);
  const salt = randomAsU8a(32);
  await send(api, api.tx.copyright.commit(blake2AsU8a(u8aConcat(hexToU8a(content), decodeAddress(alice.address), salt))), alice);
  const deposited = await send(api, api.tx.copyright.deposit(content, '山城夜曲', 'Music', 'Original', [person], person,
    YUZHONG, now - 86400, null, salt), alice);
  const work = event(deposited, 'copyright', 'WorkDeposited');

  // A second work, for the console's copyright office and court (the first stays unregistered).
  const consoleWorkFile = join(dir, 'score.pdf');
  const scoreBytes = randomAsU8a(2048);
  writeFileSync(consoleWorkFile, scoreBytes);
  const consoleContent = blake2AsHex(scoreBytes, 256);
  const salt2 = randomAsU8a(32);
  const consoleWork = (async () => {
    await send(api, api.tx.copyright.commit(blake2AsU8a(u8aConcat(hexToU8a(consoleContent), decodeAddress(alice.address), salt2))), alice);
    await send(api, api.tx.copyright.deposit(consoleContent, '嘉陵江组曲', 'Music', 'Original', [person], person,
      YUZHONG, now - 86400, null, salt2), alice);
  })();

  // A third work, deposited by a plain account (//Bob//stash) that holds it itself, so it
  // controls it at once: the console's rights holders license and transfer it.
  const bobStash = keyring.addFromUri('//Bob//stash');
  const rightsContent = blake2AsHex(randomAsU8a(64), 256);
  const salt3 = randomAsU8a(32);
  const rightsWork = (async () => {
    await send(api, api.tx.copyright.commit(blake2AsU8a(u8aConcat(hexToU8a(rightsContent), decodeAddress(bobStash.address), salt3))), bobStash);
    await send(api, api.tx.copyright.deposit(rightsContent, '两江夜景摄影集', 'Photography', 'Original', [{ Account: bobStash.address }],
      { Account: bobStash.address }, YUZHONG, now - 86400, null, salt3), bobStash);
  })();
  await Promise.all([consoleWork, rightsWork]);

  const out = { rightsContent, consoleWorkFile, consoleContent, licence, suspended, type, uscc, movingUscc, pending, fundKey, fundMember, fundMemberPseudonym: member, enterpriseLicence, workFile, otherFile,
    content, depositor: alice.address, workBlock: (await api.call.copyrightApi.work(content)).unwrap().deposited.block.toNumber(),
    workEvent: Boolean(work) };
  await api.disconnect();
  return out;
}
