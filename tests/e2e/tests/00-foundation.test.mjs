// Foundation: a front-end connects with no type definitions, sees blocks produced
// and finalized, transfers funds, and gets clear errors for invalid transactions.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { compactFromU8a, u8aToHex } from '@polkadot/util';
import { connect, devAccounts, sendAndFinalize, eventsOf } from '../lib/chain.mjs';

let api;
let acc;

before(async () => {
  api = await connect();
  acc = devAccounts();
});

after(async () => {
  await api?.disconnect();
});

test('metadata loads with no custom type definitions', async () => {
  assert.equal(api.runtimeVersion.specName.toString(), 'govchain');
  assert.ok(api.runtimeMetadata.version >= 15, `metadata v${api.runtimeMetadata.version}`);
  // Calls, storage and runtime APIs are all described by the metadata.
  assert.equal(typeof api.tx.balances.transferKeepAlive, 'function');
  assert.equal(typeof api.tx.utility.batchAll, 'function');
  assert.equal(typeof api.query.system.account, 'function');
  assert.equal(typeof api.call.accountNonceApi.accountNonce, 'function');
  const presets = await api.call.genesisBuilder.presetNames();
  assert.deepEqual(presets.map((p) => p.toString()).sort(), ['adversarial', 'development', 'local_testnet']);
});

test('blocks are produced and finalized', async () => {
  const start = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalized = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no finalized block within 60 s')), 60_000);
    api.rpc.chain.subscribeFinalizedHeads((h) => {
      if (h.number.toNumber() > start) {
        clearTimeout(timer);
        resolve(h.number.toNumber());
      }
    }).catch(reject);
  });
  assert.ok(finalized > start);
  const health = await api.rpc.system.health();
  assert.equal(health.isSyncing.isFalse, true);
});

test('a transfer from //Alice to //Bob is finalized and its events are observed', async () => {
  const amount = 1_234_567_890n;
  const before = (await api.query.system.account(acc.bob.address)).data.free.toBigInt();
  const { events, blockHash } = await sendAndFinalize(
    api, api.tx.balances.transferKeepAlive(acc.bob.address, amount), acc.alice);

  const [transfer] = eventsOf(events, 'balances', 'Transfer');
  assert.ok(transfer, 'balances.Transfer emitted');
  assert.equal(transfer.from.toString(), acc.alice.address);
  assert.equal(transfer.to.toString(), acc.bob.address);
  assert.equal(transfer.amount.toBigInt(), amount);
  assert.equal(eventsOf(events, 'system', 'ExtrinsicSuccess').length, 1);
  assert.equal(eventsOf(events, 'transactionPayment', 'TransactionFeePaid').length, 1);

  const atBlock = await api.at(blockHash);
  const after = (await atBlock.query.system.account(acc.bob.address)).data.free.toBigInt();
  assert.ok(after - before >= amount, `Bob received ${after - before}`);
});

test('a transaction with a nonce that is too low is rejected with a clear error', async () => {
  const nonce = (await api.rpc.system.accountNextIndex(acc.alice.address)).toNumber();
  assert.ok(nonce > 0, 'Alice has sent a transaction before');
  await assert.rejects(
    api.tx.system.remark('0x00').signAndSend(acc.alice, { nonce: nonce - 1 }),
    (err) => {
      assert.match(err.message, /1010/);
      assert.match(err.message, /outdated|stale/i);
      return true;
    });
});

test('a transaction with a bad signature is rejected with a clear error', async () => {
  const tx = api.tx.system.remark('0x01');
  await tx.signAsync(acc.charlie);
  // Layout: compact length | 0x84 | MultiAddress::Id (1 + 32) | MultiSignature (1 + 64) | ...
  const bytes = tx.toU8a();
  const [offset] = compactFromU8a(bytes);
  const signatureStart = offset + 1 + 33 + 1;
  bytes[signatureStart + 7] ^= 0xff;
  await assert.rejects(api.rpc.author.submitExtrinsic(u8aToHex(bytes)), (err) => {
    assert.match(err.message, /1010/);
    assert.match(err.message, /bad signature/i);
    return true;
  });
});
