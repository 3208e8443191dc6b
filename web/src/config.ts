// Where the page finds the network: `?rpc=ws://…` in the address, else `rpc` in
// /config.js (a file the operator edits beside the static files), else a local node.

declare global {
  interface Window {
    GOVCHAIN_CONFIG?: { rpc?: string; checkpoint?: string };
  }
}

export function rpcEndpoint(): string {
  const fromQuery = new URLSearchParams(location.search).get('rpc');
  return fromQuery || window.GOVCHAIN_CONFIG?.rpc || 'ws://127.0.0.1:9944';
}

/** Where the network's checkpoint is published (config.js `checkpoint`, relative to the
 * page): the genesis hash and first authority set an evidence file is checked against. */
export function checkpointUrl(): string {
  return window.GOVCHAIN_CONFIG?.checkpoint || '../checkpoint.json';
}
