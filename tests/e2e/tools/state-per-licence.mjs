// State bytes per licence on a running node: for the newest N licences (default 2,000),
// the storage entries a licence has (`Licenses::Licenses`, the holder's
// `Licenses::LiveLicenses` list, and once it has ended its `Licenses::EndedLicenses`
// entry), each as key bytes + value bytes, read with `state_getStorage` at the
// finalized head. The trie's inner nodes are not counted (they are shared by many
// entries).
//
//   node tests/e2e/tools/state-per-licence.mjs ws://127.0.0.1:9944 [N]

import { ApiPromise, WsProvider } from '@polkadot/api';

const url = process.argv[2] || 'ws://127.0.0.1:9944';
const want = Number(process.argv[3] || 2000);
const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
const at = await api.rpc.chain.getFinalizedHead();
const next = (await api.query.licenses.nextLicenseId.at(at)).toNumber();
// The stored value's length in bytes (null when there is no entry).
const size = async (key) => {
  const raw = await api.rpc.state.getStorage(key, at);
  return raw.isSome ? raw.unwrap().length : null;
};

const totals = { licence: 0, endedIndex: 0, liveList: 0 };
const holders = new Map();
let counted = 0;
for (let id = next - 1; id >= 0 && counted < want; id--) {
  const lic = await api.query.licenses.licenses.at(at, id);
  if (lic.isNone) continue;
  const l = lic.unwrap();
  const key = api.query.licenses.licenses.key(id);
  totals.licence += key.length / 2 - 1 + (await size(key));
  const ekey = api.query.licenses.endedLicenses.key(l.holder, id);
  const esize = await size(ekey);
  if (esize !== null) totals.endedIndex += ekey.length / 2 - 1 + esize;
  holders.set(l.holder.toHex(), l.holder);
  counted++;
}
for (const h of holders.values()) {
  const key = api.query.licenses.liveLicenses.key(h);
  const s = await size(key);
  if (s !== null) totals.liveList += key.length / 2 - 1 + s;
}
const per = (x) => (x / counted).toFixed(1);
const all = totals.licence + totals.endedIndex + totals.liveList;
console.log(JSON.stringify({
  at: at.toHex(), licencesOnChain: next, counted, distinctHolders: holders.size,
  bytesPerLicence: { licence: per(totals.licence), endedIndex: per(totals.endedIndex),
    liveList: per(totals.liveList), total: per(all) },
}, null, 1));
await api.disconnect();
