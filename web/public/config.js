// Where this site's pages find the GovChain network: the RPC node for front-ends
// (scripts/network.sh's `rpc` node, `--rpc-external --rpc-methods safe`). An operator
// edits this file beside the built files; `?rpc=wss://…` in the address overrides it.
//
// `checkpoint`: the network's checkpoint as the consortium publishes it (the chain's
// genesis hash and first GRANDPA authority set, `govchain-checkpoint/1`), relative to
// the page; the public page checks evidence files against it. scripts/start.sh writes
// the development chain's.
window.GOVCHAIN_CONFIG = { rpc: 'ws://127.0.0.1:9944', checkpoint: '../checkpoint.json' };
