# Shared by the network fault tests: a fresh network of real node processes per test
# (scripts/network.sh), bounded waits, and what the test saw printed as it goes.
# Source it from a test after setting TEST (the test's name).
#
# Environment: GOVCHAIN_NODE (node binary), GOVCHAIN_NETWORK_TESTS_DIR (default
# /tmp/govchain-network-tests), GOVCHAIN_PORT_OFFSET (default 2000, so a network
# started by hand on the default ports is left alone).

source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/network.sh"

TESTS_DIR="${GOVCHAIN_NETWORK_TESTS_DIR:-/tmp/govchain-network-tests}"
export GOVCHAIN_PORT_OFFSET="${GOVCHAIN_PORT_OFFSET:-2000}"
NET_DIR="$TESTS_DIR/$TEST"
now_ms() { echo $(($(date +%s%N) / 1000000)); }
T0=$(now_ms)
EXTRA_PIDS=()

say() { local t=$(($(now_ms) - T0)); printf '[%s %4d.%ds] %s\n' "$TEST" $((t / 1000)) $((t % 1000 / 100)) "$*"; }
fail() { say "FAIL: $*"; exit 1; }
pass() { say "PASS: $*"; exit 0; }

test_cleanup() {
	local rc=$? p name
	trap - EXIT INT TERM
	for p in "${EXTRA_PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
	net_load
	if [ -f "$NET_DIR/network.env" ]; then
		for name in $(net_nodes); do net_stop_node "$name" KILL >/dev/null 2>&1 || true; done
	fi
	[ -n "$NET_NETNS" ] && net_netns_down
	if [ "$rc" -ne 0 ]; then say "logs kept in $NET_DIR/nodes/*/node.log"; else rm -rf "$NET_DIR"; fi
	exit "$rc"
}

# A fresh network of N validators (default 4) and the RPC node, started; waits until
# every node has finalized block 2. Keys and spec are made once and copied, so every
# test starts from genesis with the same network identity (one per N, GOVCHAIN_NETNS,
# GOVCHAIN_NET_SESSION_PERIOD and GOVCHAIN_NET_RUNTIME).
fresh_network() {
	local n=${1:-4} template name
	template="$TESTS_DIR/template-$n${GOVCHAIN_NETNS:+-netns}${GOVCHAIN_NET_SESSION_PERIOD:+-s$GOVCHAIN_NET_SESSION_PERIOD}"
	[ -n "${GOVCHAIN_NET_RUNTIME:-}" ] && template+="-rt$(sha256sum "$GOVCHAIN_NET_RUNTIME" | cut -c1-12)"
	trap test_cleanup EXIT
	trap 'exit 130' INT TERM
	if [ ! -f "$template/network.env" ]; then
		say "creating the network identity (keys, spec) in $template"
		(NET_DIR=$template net_init "$n") >/dev/null
	fi
	rm -rf "$NET_DIR" && cp -a "$template" "$NET_DIR"
	net_load
	[ -n "$NET_NETNS" ] && { net_netns_down; net_netns_up; }
	net_need_node
	say "starting $n validators + RPC node ($(net_nodes | tr '\n' ' '))"
	for name in $(net_nodes); do net_start_node "$name"; done
	wait_until 90 "every node finalized #2" all_finalized_at_least 2
}

# wait_until <seconds> <what> <command…>: polls every second; fails the test on timeout.
wait_until() {
	local limit=$1 what=$2 t0
	shift 2
	t0=$(date +%s)
	until "$@"; do
		[ $(($(date +%s) - t0)) -ge "$limit" ] && fail "timeout after ${limit}s waiting for: $what"
		sleep 1
	done
	say "ok after $(($(date +%s) - t0))s: $what"
}

# Fields of node_status: best, finalized, peers, finalized hash ("" when down).
best_of() { local s; s=$(node_status "$1"); [ "$s" = down ] || echo "$s" | cut -d' ' -f1; }
fin_of() { local s; s=$(node_status "$1"); [ "$s" = down ] || echo "$s" | cut -d' ' -f2; }
peers_of() { local s; s=$(node_status "$1"); [ "$s" = down ] || echo "$s" | cut -d' ' -f3; }
fin_hash_of() { local s; s=$(node_status "$1"); [ "$s" = down ] || echo "$s" | cut -d' ' -f5; }
hash_at() { node_rpc "$1" chain_getBlockHash "[$2]" | tr -d '"'; }

all_finalized_at_least() {
	local name f
	for name in $(net_nodes); do
		f=$(fin_of "$name")
		[ -n "$f" ] && [ "$f" -ge "$1" ] || return 1
	done
}
finalized_at_least() { local f; f=$(fin_of "$1"); [ -n "$f" ] && [ "$f" -ge "$2" ]; }
best_at_least() { local b; b=$(best_of "$1"); [ -n "$b" ] && [ "$b" -ge "$2" ]; }

# One line per node: best/finalized/peers.
show() {
	local name s line=""
	for name in $(net_nodes); do
		s=$(node_status "$name")
		if [ "$s" = down ]; then line+="$name=down  "; else
			set -- $s
			line+="$name=$1/$2/p$3  "
		fi
	done
	say "best/finalized/peers: $line"
}

# The listed nodes (default all) are on one finalized chain: at the lowest of their
# finalized heights, which must be at least MIN_FIN (default 1), all have the same
# block. Sets AGREED="<height> <hash>".
agree_on_finalized() {
	local nodes=("$@") name f low="" h first=""
	[ ${#nodes[@]} -eq 0 ] && mapfile -t nodes < <(net_nodes)
	for name in "${nodes[@]}"; do
		f=$(fin_of "$name")
		[ -n "$f" ] || return 1
		{ [ -z "$low" ] || [ "$f" -lt "$low" ]; } && low=$f
	done
	[ "$low" -ge "${MIN_FIN:-1}" ] || return 1
	for name in "${nodes[@]}"; do
		h=$(hash_at "$name" "$low") || return 1
		[ -z "$first" ] && first=$h
		[ "$h" = "$first" ] || return 1
	done
	AGREED="$low $first"
}

# The blocks a node's log says it authored since line L: "<number> <hash>" lines.
authored_since() {
	tail -n +"$2" "$NET_DIR/nodes/$1/node.log" |
		sed -n 's/.*Pre-sealed block for proposal at \([0-9]*\)\. Hash now \(0x[0-9a-f]*\),.*/\1 \2/p'
}
log_lines() { wc -l <"$NET_DIR/nodes/$1/node.log"; }
