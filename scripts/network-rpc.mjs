#!/usr/bin/env node
// Small JSON-RPC client for scripts/network.sh and tests/network (no npm packages).
//
//   node scripts/network-rpc.mjs call <http-url> <method> [params as JSON]   → the result as JSON
//   node scripts/network-rpc.mjs status <http-url>
//        → one line: <best> <finalized> <peers> <syncing> <finalized hash>, or "down"
//
// Exits 1 (printing the error) when the node does not answer or answers with an error.

const [cmd, url, method, params] = process.argv.slice(2);

async function rpc(method, params = []) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 1, jsonrpc: '2.0', method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await r.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

try {
  if (cmd === 'call' && method) {
    console.log(JSON.stringify(await rpc(method, params ? JSON.parse(params) : [])));
  } else if (cmd === 'status') {
    const [health, best, finalizedHash] = await Promise.all([
      rpc('system_health'), rpc('chain_getHeader'), rpc('chain_getFinalizedHead'),
    ]);
    const finalized = await rpc('chain_getHeader', [finalizedHash]);
    console.log([parseInt(best.number, 16), parseInt(finalized.number, 16), health.peers, health.isSyncing, finalizedHash].join(' '));
  } else {
    console.error('usage: network-rpc.mjs call <url> <method> [params-json] | status <url>');
    process.exit(2);
  }
} catch (e) {
  if (cmd === 'status') console.log('down');
  else console.error(e.message);
  process.exit(1);
}
