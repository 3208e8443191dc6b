// Domain helpers shared by the end-to-end tests: codes the chain checks, the
// chain's clock, and funding fresh accounts.

import { sendAndFinalize } from './chain.mjs';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A USCC (GB 32100) from its first 17 characters, with the check character appended. */
export function usccWithCheck(first17) {
  if (first17.length !== 17) throw new Error('a USCC has 17 characters before its check character');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new Error(`'${first17[i]}' is not in the USCC alphabet`);
    sum += v * (3 ** i % 31);
  }
  return first17 + USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The latest block's timestamp, in Unix seconds (what the runtime compares against). */
export async function chainNow(api) {
  return Math.floor((await api.query.timestamp.now()).toNumber() / 1000);
}

/** Transfers `amount` from `from` to each of `addresses` in one batch. */
export async function fund(api, from, addresses, amount = 10n ** 15n) {
  await sendAndFinalize(api, api.tx.utility.batchAll(
    addresses.map((a) => api.tx.balances.transferKeepAlive(a, amount))), from);
}

/** A short suffix that keeps codes unique across runs on one chain. */
export function runTag() {
  return (Date.now() % 1e8).toString(36).toUpperCase();
}
