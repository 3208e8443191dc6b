#!/usr/bin/env bash
# Load test of a fresh one-node development chain with `loadgen/` (govchain-loadgen).
#
#   scripts/loadgen.sh                                  # every scenario, default counts
#   scripts/loadgen.sh --scenarios transfer,licence-issue --count 3000
#   scripts/loadgen.sh --counts transfer=10000,licence-batch=100 --rate 500
#
# Builds loadgen (release, its own lockfile) into $CARGO_TARGET_DIR (default
# $HOME/.cache/govchain/target), starts ONE `govchain-node --dev` on free ports with a
# temporary base path and a large transaction pool, runs the scenarios (every argument
# goes to govchain-loadgen; see `--help`), prints the result table and stops the node.
# The node binary must already be built (scripts/build.sh; GOVCHAIN_NODE=PATH runs
# another). LOADGEN_KEEP=1 keeps the node's base path (with node.log) for inspection.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

[ -x "$NODE_BIN" ] || die "no node binary at $NODE_BIN: run scripts/build.sh first"

log "building loadgen (release)"
cargo build --release --locked --manifest-path "$ROOT/loadgen/Cargo.toml" >&2
LOADGEN="$CARGO_TARGET_DIR/release/govchain-loadgen"

# A TCP port nobody listens on.
free_port() {
	local p
	while :; do
		p=$(( 20000 + RANDOM % 20000 ))
		if ! ss -ltnH "( sport = :$p )" | grep -q .; then echo "$p"; return; fi
	done
}
RPC_PORT=$(free_port)
P2P_PORT=$(free_port)
while [ "$P2P_PORT" = "$RPC_PORT" ]; do P2P_PORT=$(free_port); done

# LOADGEN_BASE=DIR: the node's base path (and node.log) there, kept afterwards.
if [ -n "${LOADGEN_BASE:-}" ]; then
	BASE="$LOADGEN_BASE"
	mkdir -p "$BASE"
	LOADGEN_KEEP=1
else
	BASE=$(mktemp -d -t govchain-loadgen.XXXXXX)
fi
NODE_PID=
cleanup() {
	if [ -n "$NODE_PID" ] && kill -0 "$NODE_PID" 2>/dev/null; then
		kill "$NODE_PID" 2>/dev/null || true
		wait "$NODE_PID" 2>/dev/null || true
	fi
	if [ "${LOADGEN_KEEP:-0}" = 1 ]; then log "kept $BASE"; else rm -rf "$BASE"; fi
}
trap cleanup EXIT INT TERM

NODE_FLAGS=(--dev --base-path "$BASE/chain" --rpc-port "$RPC_PORT" --port "$P2P_PORT" --no-prometheus
	--pool-limit "${LOADGEN_POOL_LIMIT:-200000}" --pool-kbytes "${LOADGEN_POOL_KBYTES:-1000000}" --rpc-max-subscriptions-per-connection 16384
	--rpc-max-connections 200)
# LOADGEN_NODE_FLAGS: more node flags (e.g. another pool type or size), reported in the log.
if [ -n "${LOADGEN_NODE_FLAGS:-}" ]; then read -r -a extra <<<"$LOADGEN_NODE_FLAGS"; NODE_FLAGS+=("${extra[@]}"); fi
log "starting govchain-node ${NODE_FLAGS[*]}"
"$NODE_BIN" "${NODE_FLAGS[@]}" >"$BASE/node.log" 2>&1 &
NODE_PID=$!

for _ in $(seq 1 120); do
	if curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead","params":[]}' \
		"http://127.0.0.1:$RPC_PORT" >/dev/null 2>&1; then break; fi
	kill -0 "$NODE_PID" 2>/dev/null || { tail -20 "$BASE/node.log" >&2; die "node exited"; }
	sleep 0.5
done
# First finalized block: GRANDPA runs.
sleep 6

log "running govchain-loadgen $*"
STATUS=0
"$LOADGEN" --url "ws://127.0.0.1:$RPC_PORT" --node-log "$BASE/node.log" "$@" || STATUS=$?

LIMITED=$(grep -c 'HitBlockWeightLimit\|exhausts resources' "$BASE/node.log" || true)
log "node log: $LIMITED proposer lines about the block weight limit (HitBlockWeightLimit / exhausts resources)"
exit "$STATUS"
