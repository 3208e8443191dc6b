#!/usr/bin/env bash
# Starts the four-validator `local_testnet` chain on this machine: one node per
# agency (//Alice, //Bob, //Charlie, //Dave keys), each with its own base path and
# ports; RPC of the first node on ws://127.0.0.1:9944, the others on 9945-9947.
# Ctrl-C stops all four. Logs go to $BASE/<name>.log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"

BASE="${BASE:-$(mktemp -d -t govchain-local-XXXX)}"
mkdir -p "$BASE"
names=(alice bob charlie dave)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Node keys 0x…01 … 0x…04: the `local_testnet` preset admits exactly these four peer
# ids (pallet-node-authorization), so the nodes accept each other and nobody else.
boot_id=12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
for i in "${!names[@]}"; do
	n=${names[$i]}
	args=(--chain local "--$n" --base-path "$BASE/$n" --port $((30333 + i)) --rpc-port $((9944 + i))
		--prometheus-port $((9615 + i)) --no-telemetry --no-mdns --rpc-cors all --validator --offchain-worker always
		--node-key "$(printf '%064x' $((i + 1)))")
	[ "$i" -gt 0 ] && args+=(--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$boot_id")
	"$NODE_BIN" "${args[@]}" >"$BASE/$n.log" 2>&1 &
	pids+=($!)
	log "$n: ws://127.0.0.1:$((9944 + i)), log $BASE/$n.log"
done
log "local_testnet running; Ctrl-C stops it"
wait -n "${pids[@]}"
die "a node exited; see the logs in $BASE"
