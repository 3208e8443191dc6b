#!/usr/bin/env bash
# A member node that restarts serves no non-admitted peer, not even before its
# offchain worker applies the on-chain list (pallet-node-authorization), which happens
# only once the node imported a block. The test restarts a member while the others are
# down (as after a site-wide outage: the member cannot import a block for as long as
# that lasts) and points a non-admitted node at it, twice:
#   1. with the network's flags (--reserved-only and the members as reserved nodes);
#   2. without them (GOVCHAIN_NET_NO_RESERVED=1): the node applies the on-chain list
#      itself as it starts (node/src/service.rs, apply_node_admission).
# Before the node did so, the intruder synced the whole chain from a member started
# without the flags.
TEST=restart-window
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Starts a fresh non-admitted node dialling cq-amr; fails if it syncs any block in 40 s.
probe() {
	local label=$1 dir="$NET_DIR/intruder-$1" port=$((9990 + NET_OFFSET + $2)) p2p=$((30390 + NET_OFFSET + $2))
	mkdir -p "$dir"
	"$NET_NODE" key generate-node-key --file "$dir/node.key" 2>"$dir/peer-id"
	say "[$label] a non-admitted node dials cq-amr (best #$(best_of cq-amr))"
	setsid "$NET_NODE" --chain "$NET_DIR/spec.json" --base-path "$dir/base" --node-key-file "$dir/node.key" \
		--listen-addr "/ip4/127.0.0.1/tcp/$p2p" --rpc-port "$port" --no-prometheus --no-telemetry \
		--no-mdns --allow-private-ip --bootnodes "/ip4/127.0.0.1/tcp/$(p2p_port cq-amr)/p2p/$(peer_id cq-amr)" \
		>"$dir/node.log" 2>&1 </dev/null &
	local pid=$!
	EXTRA_PIDS+=($pid)
	disown
	local max=0 i
	for ((i = 0; i < 8; i++)); do
		sleep 5
		set -- $(node "$NET_RPC_JS" status "http://127.0.0.1:$port")
		if [ "$1" = down ]; then say "[$label] intruder: not answering yet"; continue; fi
		[ "$1" -gt "$max" ] && max=$1
		say "[$label] intruder: best #$1, peers $3; cq-amr: best #$(best_of cq-amr), peers $(peers_of cq-amr)"
	done
	kill "$pid" 2>/dev/null
	[ "$max" -eq 0 ] || fail "[$label] the non-admitted node synced $max blocks from the restarted member"
}

fresh_network 4
wait_until 60 "finalized #5" finalized_at_least cq-amr 5
say "stopping every node, then starting cq-amr alone, with the network's flags"
for n in $(net_nodes); do net_stop_node "$n"; done
net_start_node cq-amr
probe flags 0
say "restarting cq-amr alone without --reserved-only / --reserved-nodes"
net_stop_node cq-amr
GOVCHAIN_NET_NO_RESERVED=1 net_start_node cq-amr
{ grep -h "Node admission from the chain" "$NET_DIR"/nodes/cq-amr/*.log 2>/dev/null || say "cq-amr did not log applying the admitted nodes at start"; } | tail -1
probe chain 1
pass "the restarted member served nothing to a non-admitted node, with the flags and on the chain's list alone"
