// Where this site's pages find the GovChain network: the RPC node for front-ends
// (scripts/network.sh's `rpc` node, `--rpc-external --rpc-methods safe`). An operator
// edits this file beside the built files; `?rpc=wss://…` in the address overrides it.
window.GOVCHAIN_CONFIG = { rpc: 'ws://127.0.0.1:9944' };
