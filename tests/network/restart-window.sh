#!/usr/bin/env bash
# A member node that restarts serves no non-admitted peer, not even before admission
# (pallet-node-authorization) applies: the offchain worker applies the on-chain list
# only after the node imported a block, so every node starts with --reserved-only and
# the other admitted nodes as reserved peers (scripts/network.sh). The test restarts a
# member while the others are down (as after a site-wide outage: the member cannot
# import a block for as long as that lasts) and points a non-admitted node at it.
# Without those two flags the intruder synced the whole chain from the member.
TEST=restart-window
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh_network 4
wait_until 60 "finalized #5" finalized_at_least cq-amr 5
say "stopping every node, then starting cq-amr alone"
for n in $(net_nodes); do net_stop_node "$n"; done
net_start_node cq-amr
best=$(best_of cq-amr)
dir="$NET_DIR/intruder"
mkdir -p "$dir"
"$NET_NODE" key generate-node-key --file "$dir/node.key" 2>"$dir/peer-id"
port=$((9990 + NET_OFFSET))
say "a non-admitted node dials cq-amr (best #$best)"
setsid "$NET_NODE" --chain "$NET_DIR/spec.json" --base-path "$dir/base" --node-key-file "$dir/node.key" \
	--listen-addr "/ip4/127.0.0.1/tcp/$((30390 + NET_OFFSET))" --rpc-port "$port" --no-prometheus --no-telemetry \
	--no-mdns --allow-private-ip --bootnodes "/ip4/127.0.0.1/tcp/$(p2p_port cq-amr)/p2p/$(peer_id cq-amr)" \
	>"$dir/node.log" 2>&1 </dev/null &
EXTRA_PIDS+=($!)
disown
max=0
for ((i = 0; i < 8; i++)); do
	sleep 5
	set -- $(node "$NET_RPC_JS" status "http://127.0.0.1:$port")
	if [ "$1" = down ]; then say "intruder: not answering yet"; continue; fi
	[ "$1" -gt "$max" ] && max=$1
	say "intruder: best #$1, peers $3; cq-amr: best #$(best_of cq-amr), peers $(peers_of cq-amr)"
done
[ "$max" -eq 0 ] || fail "the non-admitted node synced $max blocks from the restarted member"
pass "the restarted member served nothing to a non-admitted node"
