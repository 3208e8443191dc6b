#!/usr/bin/env bash
# A node whose peer id the network did not admit (a fresh node key, not in
# nodeAuthorization's well-known nodes) gets the right chain spec and every member's
# address, and still cannot connect or sync: for 40 s its peers stay 0 and its best
# block stays #0, while each member keeps exactly its 4 admitted peers.
TEST=intruder
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh_network 4
dir="$NET_DIR/intruder"
mkdir -p "$dir"
"$NET_NODE" key generate-node-key --file "$dir/node.key" 2>"$dir/peer-id"
boot=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).bootNodes.join(" "))' "$NET_DIR/spec.json")
port=$((9990 + NET_OFFSET))
say "starting a non-admitted node $(cat "$dir/peer-id") with the network's spec and boot nodes"
# shellcheck disable=SC2086
setsid "$NET_NODE" --chain "$NET_DIR/spec.json" --base-path "$dir/base" --node-key-file "$dir/node.key" \
	--listen-addr "/ip4/127.0.0.1/tcp/$((30390 + NET_OFFSET))" --rpc-port "$port" --no-prometheus --no-telemetry \
	--no-mdns --allow-private-ip --bootnodes $boot >"$dir/node.log" 2>&1 </dev/null &
EXTRA_PIDS+=($!)
disown
rpc_intruder() { node "$NET_RPC_JS" status "http://127.0.0.1:$port"; }
intruder_up() { rpc_intruder >/dev/null; }
wait_until 60 "the intruder answers RPC" intruder_up
max_peers=0 max_best=0
for ((i = 0; i < 8; i++)); do
	sleep 5
	set -- $(rpc_intruder)
	[ "$3" -gt "$max_peers" ] && max_peers=$3
	[ "$1" -gt "$max_best" ] && max_best=$1
	members=""
	for n in $(net_nodes); do
		p=$(peers_of "$n")
		members+="$n:$p "
		[ "$p" -le 4 ] || fail "$n has $p peers: more than the 4 admitted"
	done
	say "intruder: best #$1, peers $3; network best #$(best_of cq-amr); member peers: $members"
done
[ "$max_peers" -eq 0 ] || fail "the intruder had $max_peers peers"
[ "$max_best" -eq 0 ] || fail "the intruder synced to #$max_best"
say "intruder log: $(grep -c 'Idle (0 peers), best: #0' "$dir/node.log") 'Idle (0 peers), best: #0' lines"
pass "a non-admitted node got no peer and no block"
