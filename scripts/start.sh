#!/usr/bin/env bash
# Sets everything up, builds, and starts a development chain that a polkadot.js
# front-end can connect to on ws://127.0.0.1:9944. Extra arguments go to the node,
# e.g. `scripts/start.sh --base-path /var/lib/govchain` to keep the chain between runs
# (by default the development chain lives in a temporary directory).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
args=(--dev --rpc-port 9944 --rpc-cors all)
case " $* " in *" --base-path "*) ;; *) args+=(--tmp) ;; esac
log "starting a development chain: ws://127.0.0.1:9944"
exec "$NODE_BIN" "${args[@]}" "$@"
