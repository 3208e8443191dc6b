// Where the page finds the network: `?rpc=ws://…` in the address, else `rpc` in
// /config.js (a file the operator edits beside the static files), else a local node.

declare global {
  interface Window {
    GOVCHAIN_CONFIG?: { rpc?: string };
  }
}

export function rpcEndpoint(): string {
  const fromQuery = new URLSearchParams(location.search).get('rpc');
  return fromQuery || window.GOVCHAIN_CONFIG?.rpc || 'ws://127.0.0.1:9944';
}
