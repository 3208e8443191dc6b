// The GovChain pseudonym on the agency's machine (shared/pseudonym.mjs checks and
// canonicalises the identifier; Node.js computes the HMAC).

import { createHmac } from 'node:crypto';
import { checkKey, pseudonymMessage } from '../shared/pseudonym.mjs';

export { DOMAINS, IdError, residentCheck, canonical, parseKey } from '../shared/pseudonym.mjs';

/** The pseudonym of `text` (`kind:value`) in `domain` under the 32-byte `key`: 0x + 64 hex. */
export function pseudonym(key, domain, text) {
  checkKey(key);
  const msg = pseudonymMessage(domain, text);
  return `0x${createHmac('sha256', key).update(msg).digest('hex')}`;
}
