// The vectors of pseudonym/README.md (and pseudonym/src/tests.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonical, pseudonym, parseKey } from '../pseudonym.mjs';

const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));

test('the pseudonyms of the README', () => {
  const rows = [
    ['provident-fund', 'cn-resident-id:11010519491231002X', '0x64a47aebac11815c9fe0163f114d54a5518fb97b864fa82a6597e85a2728aed5'],
    ['licenses', 'cn-resident-id:11010519491231002X', '0xc2858ea14667481ac49ddcf381ce2da3d158fed339bc0e08b4d5050868fae4f5'],
    ['enterprises', 'cn-resident-id:11010519491231002X', '0xe7587be8a8883b50d5fb01a27dfb30ec6a9dd8ef02467bc708e772c94735e77f'],
    ['copyright', 'cn-resident-id:11010519491231002X', '0xb54b116ce9f9c5f984a9b8898a96a5fc1d37bcd1b756c8bdcdcd01d390172432'],
    ['provident-fund', 'passport:CHN:E12345678', '0x3964efda5de313bc7dab775f63c07e8c230274f0b98ebee5aa07ab13332798f9'],
    ['copyright', 'passport:D:C01X00T47', '0xd380bf265dd5cb2f87736a90586527ebc4023656a889f2104cee93688b96bea0'],
    ['licenses', 'hk-mo-permit:H12345678', '0x79d83e6f074708eb0d3f3a89306bac43c26eece147b00b32450b4c75ce2e78b5'],
    ['enterprises', 'tw-permit:12345678', '0xff963ec4ec9e57ce84886b517e1b03e847d973a02c6bec58f1578039f2ef3767'],
  ];
  for (const [domain, id, expected] of rows) assert.equal(pseudonym(key, domain, id), expected, `${domain} ${id}`);
  for (const same of ['cn-resident-id:110105491231002', 'cn-resident-id:11010519491231002x', 'cn-resident-id: 11010519491231002X ']) {
    assert.equal(pseudonym(key, 'provident-fund', same), rows[0][2]);
  }
});

test('the canonical forms and errors of the README', () => {
  const ok = [
    ['11010519491231002X', '11010519491231002X'], ['110105491231002', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'], ['  11010519491231002X\t\n', '11010519491231002X'],
    ['\u300011010519491231002X', '11010519491231002X'], ['440524800101001', '440524198001010013'],
  ];
  for (const [input, value] of ok) assert.deepEqual(canonical(`cn-resident-id:${input}`), ['cn-resident-id', value]);
  const bad = [['110105194912310021', 'CheckCharacter'], ['110105194902310026', 'BirthDate'],
    ['110105190002291239', 'BirthDate'], ['11010519491231002', 'Length'], ['110105 19491231002', 'Character']];
  for (const [input, kind] of bad) assert.throws(() => canonical(`cn-resident-id:${input}`), (e) => e.kind === kind, input);
  assert.throws(() => canonical('cn-resident-id:110105 19491231002'), (e) => e.position === 6);
  assert.throws(() => canonical('110105 19491231002'), (e) => e.kind === 'Kind');
  assert.throws(() => pseudonym(key, 'licenses', 'cn-resident-id:110105194912310021'), (e) => !String(e.message).includes('1101'));
});

test('key files', () => {
  assert.equal(parseKey('0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n').length, 32);
  assert.throws(() => parseKey('00'.repeat(32)), /placeholder/);
  assert.throws(() => parseKey('xyz'), /64 hex/);
});
