#!/usr/bin/env bash
# A multi-agency GovChain network on this machine: N validators (default 4), each
# run by a different agency, and one non-validator RPC node for front-ends. Every
# node is its own process with its own node key, keystore, base path and ports.
#
#   scripts/network.sh start [N]      create the network if needed (N = 2…6 validators), start it
#   scripts/network.sh stop           stop every node (SIGTERM, then SIGKILL after 30 s)
#   scripts/network.sh status         each node: process, best and finalized block, peers
#   scripts/network.sh wipe           stop and delete the whole network directory
#   scripts/network.sh init [N]       only create it: node keys, session keys, config, chain spec
#   scripts/network.sh compose [N]    print the docker-compose.yml of the same network
#   scripts/network.sh args <node>    print the command line of one node, one argument a line
#   scripts/network.sh start-node|stop-node|kill-node <node>   one node (kill-node: SIGKILL)
#   scripts/network.sh add-node <node>   a new agency's node, not in the genesis config (cq-bank,
#                                     cq-court next to 4 validators): its node key; prints its peer id
#   scripts/network.sh start-node <node> --setup   a joining node's first start (see below)
#
# What `init` does, as an agency would do it for a real network:
#   1. `govchain-node key generate-node-key --file nodes/<node>/node.key` for every node;
#   2. a consortium config (config.json; format: docs/consortium.example.json) with one
#      agency per validator, its session keys, the council (every agency's admin) and the
#      admitted nodes (every node's peer id, owned by its agency), so each node accepts
#      the others and nobody else (pallet-node-authorization, applied by each node's
#      offchain worker);
#   3. `node scripts/consortium-spec.mjs config.json`, then `export-chain-spec --raw`
#      (spec.json; its bootNodes are every node's address);
#   4. `govchain-node key insert` of each validator's Aura (sr25519) and GRANDPA (ed25519)
#      key into that validator's keystore, before the node first starts.
# Accounts and session keys come from the well-known seeds //Alice … //Ferdie: fine for a
# network on one machine, never for a real one (docs/OPERATIONS.md).
#
# A node that joins later (docs/OPERATIONS.md, "How a new agency's node joins the
# network"; tests/network/join.sh does all of it): `add-node <node>` makes its node key and
# records it in network.env (ports after the RPC node's); the council admits its peer id
# (`nodeAuthorization.addWellKnownNode`); `start-node <node> --setup` starts it the first
# time: a validator with --offchain-worker never (until it imported the block that
# admitted it, the node would apply its genesis state's list, which lacks it) and
# --rpc-methods unsafe on 127.0.0.1 (for `author_rotateKeysWithOwner`). Once its keys are
# registered, `stop-node` and `start-node` run it with the same flags as the others.
#
# Validators serve RPC on 127.0.0.1 only, safe methods. The RPC node listens on every
# interface (`--rpc-external --rpc-methods safe --rpc-cors <origins>`). Every node
# serves Prometheus metrics on 127.0.0.1, and talks only to the other admitted nodes
# from its first second (`--reserved-only --reserved-nodes …`).
#
# Environment:
#   GOVCHAIN_NETWORK_DIR   where the network lives (default $HOME/.local/share/govchain/network)
#   GOVCHAIN_NODE          node binary (default $CARGO_TARGET_DIR/release/govchain-node; when
#                          unset and missing, scripts/build.sh builds it)
#   GOVCHAIN_PORT_OFFSET   added to every port (default 0: RPC node ws://127.0.0.1:9944,
#                          validators 9945…, p2p 30333…, Prometheus 9615…)
#   GOVCHAIN_RPC_CORS      origins the RPC node accepts (default
#                          http://localhost:3000,https://polkadot.js.org)
#   GOVCHAIN_NETNS         (tests) non-empty: each node runs in its own network namespace
#                          gcnet-<node>, 10.77.0.<i+1>, on a bridge in namespace gcnet-hub.
#                          Fixed at `init`; needs root.
#   GOVCHAIN_NET_SESSION_PERIOD  (tests) a session length in blocks (e.g. 10: 30 s) written into
#                          the raw spec's genesis storage (the runtime reads SessionPeriod from
#                          `twox_128(":SessionPeriod:")`, a u32; absent: 10 minutes). Fixed at
#                          `init`; the chain gets another genesis hash.
#   GOVCHAIN_NET_RUNTIME   (tests) a runtime WASM file the genesis starts from instead of the
#                          node's own (e.g. the previous release's, to upgrade from it by
#                          vote): its own GenesisBuilder builds the genesis state. Fixed at `init`.
#
# This file can be sourced (tests/network does) to use its functions.

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NET_DIR="${GOVCHAIN_NETWORK_DIR:-$HOME/.local/share/govchain/network}"
NET_NODE="${GOVCHAIN_NODE:-$NODE_BIN}"
NET_CORS="${GOVCHAIN_RPC_CORS:-http://localhost:3000,https://polkadot.js.org}"
NET_RPC_JS="$ROOT/scripts/network-rpc.mjs"
NET_CHAIN_ID=govchain_local_net
NET_MAX=6

# One agency per validator, in this order: node name|seed|agency|kind|roles|region.
NET_AGENCIES=(
	"cq-amr|Alice|Chongqing Administration for Market Regulation|MarketRegulation|MarketRegulator,LicenseIssuer|500000"
	"sc-amr|Bob|Sichuan Administration for Market Regulation|MarketRegulation|MarketRegulator,LicenseIssuer|510000"
	"cq-hpf|Charlie|Chongqing Housing Provident Fund Management Centre|ProvidentFundCenter|FundCenter|500000"
	"cq-press|Dave|Chongqing Press and Publication Administration|CopyrightOffice|CopyrightOffice|500000"
	"cq-bank|Eve|Bank of Chongqing|CommercialBank|Bank|500000"
	"cq-court|Ferdie|Chongqing First Intermediate People's Court|Court|Court|500000"
)
# The RPC node; run by the first agency.
NET_RPC_NODE=rpc

# Settings fixed when the network is created; read back from network.env afterwards.
net_load() {
	NET_VALIDATORS="" NET_OFFSET="${GOVCHAIN_PORT_OFFSET:-0}" NET_NETNS="${GOVCHAIN_NETNS:-}"
	NET_SESSION_PERIOD="${GOVCHAIN_NET_SESSION_PERIOD:-}" NET_JOINED=""
	if [ -f "$NET_DIR/network.env" ]; then
		# shellcheck disable=SC1091
		source "$NET_DIR/network.env"
	fi
}
net_save_env() {
	printf 'NET_VALIDATORS=%s\nNET_OFFSET=%s\nNET_NETNS=%s\nNET_SESSION_PERIOD=%s\nNET_JOINED="%s"\n' \
		"$NET_VALIDATORS" "$NET_OFFSET" "$NET_NETNS" "$NET_SESSION_PERIOD" "$NET_JOINED" >"$NET_DIR/network.env"
}

net_validators() { local i; for ((i = 0; i < NET_VALIDATORS; i++)); do echo "${NET_AGENCIES[$i]%%|*}"; done; }
# Genesis validators, the RPC node, then the nodes that joined later (add-node).
net_nodes() { local j; net_validators; echo "$NET_RPC_NODE"; for j in $NET_JOINED; do echo "$j"; done; }
net_field() { local IFS='|'; local f=(${NET_AGENCIES[$1]}); echo "${f[$2]}"; }
# The row of NET_AGENCIES a node belongs to.
net_agency_row() {
	local i
	for ((i = 0; i < ${#NET_AGENCIES[@]}; i++)); do [ "${NET_AGENCIES[$i]%%|*}" = "$1" ] && { echo "$i"; return; }; done
	die "no agency runs a node named '$1'"
}

# Index of a node: validators 0…N-1, the RPC node N, joined nodes N+1, N+2, …
node_index() {
	local i j
	[ "$1" = "$NET_RPC_NODE" ] && { echo "$NET_VALIDATORS"; return; }
	for ((i = 0; i < NET_VALIDATORS; i++)); do
		[ "${NET_AGENCIES[$i]%%|*}" = "$1" ] && { echo "$i"; return; }
	done
	i=$((NET_VALIDATORS + 1))
	for j in $NET_JOINED; do
		[ "$j" = "$1" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	die "no node named '$1' (nodes: $(net_nodes | tr '\n' ' '))"
}
node_is_validator() { [ "$1" != "$NET_RPC_NODE" ]; }
node_host() { if [ -n "$NET_NETNS" ]; then echo "10.77.0.$(($(node_index "$1") + 1))"; else echo 127.0.0.1; fi; }
node_ns() { echo "gcnet-$1"; }
p2p_port() { echo $((30333 + NET_OFFSET + $(node_index "$1"))); }
# The RPC node gets the usual 9944; validators 9945, 9946, …
rpc_port() {
	if node_is_validator "$1"; then echo $((9945 + NET_OFFSET + $(node_index "$1"))); else echo $((9944 + NET_OFFSET)); fi
}
prom_port() { echo $((9615 + NET_OFFSET + $(node_index "$1"))); }
peer_id() { cat "$NET_DIR/nodes/$1/peer-id"; }
# The peer id's bytes as nodeAuthorization stores them (its base58 decoding), 0x-hex.
peer_id_hex() {
	node -e '
		const A = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", id = process.argv[1];
		let n = 0n;
		for (const c of id) { const d = A.indexOf(c); if (d < 0) process.exit(1); n = n * 58n + BigInt(d); }
		let hex = n === 0n ? "" : n.toString(16);
		if (hex.length % 2) hex = "0" + hex;
		console.log("0x" + "00".repeat(id.match(/^1*/)[0].length) + hex);' "$(peer_id "$1")"
}
# The variable of compose.env holding a node's peer id (docker/docker-compose.yml).
peer_var() { local v=${1//-/_}; echo "GOVCHAIN_PEER_${v^^}"; }

# The command line of one node, one argument a line. MODE `local` is what `start` runs;
# `docker` is the same node in docker/docker-compose.yml (paths inside the container,
# its own address, fixed ports, Prometheus reachable by the compose network).
node_args() {
	local mode=$1 name=$2
	if [ "$mode" = local ]; then
		printf '%s\n' --chain "$NET_DIR/spec.json" --base-path "$NET_DIR/nodes/$name/base" \
			--node-key-file "$NET_DIR/nodes/$name/node.key" \
			--listen-addr "/ip4/$(node_host "$name")/tcp/$(p2p_port "$name")" \
			--rpc-port "$(rpc_port "$name")" --prometheus-port "$(prom_port "$name")"
	else
		printf '%s\n' --chain /network/spec.json --base-path /data/base --node-key-file /data/node.key \
			--listen-addr /ip4/0.0.0.0/tcp/30333 --rpc-port 9944 --prometheus-port 9615 --prometheus-external
	fi
	# Government nodes talk over private networks; the chain spec says `Live`. A joining
	# node's first start (NET_SETUP, `start-node <node> --setup`) runs no offchain worker:
	# the node keeps the reserved peers below until it has synced the block that admitted it.
	printf '%s\n' --name "$name" --no-telemetry --no-mdns --allow-private-ip \
		--offchain-worker "$([ "$mode" = local ] && [ -n "${NET_SETUP:-}" ] && echo never || echo always)"
	# Admitted peers only, from the first second. The node itself applies the on-chain
	# list (nodeAuthorization) as it starts, and its offchain worker again at every
	# import; these flags say the same once more, from the local files, and give each
	# node its fellow members' addresses. The on-chain list replaces this one.
	# (Tests only: GOVCHAIN_NET_NO_RESERVED=1 leaves these flags out, to check that the
	# node applies the on-chain list itself as it starts.)
	[ "$mode" = local ] && [ -n "${GOVCHAIN_NET_NO_RESERVED:-}" ] && { node_role_args "$name"; return; }
	printf '%s\n' --reserved-only
	local other
	for other in $(net_nodes); do
		[ "$other" = "$name" ] && continue
		if [ "$mode" = local ]; then
			printf '%s\n' --reserved-nodes "/ip4/$(node_host "$other")/tcp/$(p2p_port "$other")/p2p/$(peer_id "$other")"
		else
			printf '%s\n' --reserved-nodes "/dns/$other/tcp/30333/p2p/\${$(peer_var "$other")}"
		fi
	done
	node_role_args "$name"
}

# The arguments of a node's role: a validator, or the front-ends' RPC node.
node_role_args() {
	if node_is_validator "$1"; then
		# The setup start serves the unsafe methods (on 127.0.0.1 only) for
		# author_rotateKeysWithOwner.
		printf '%s\n' --validator --rpc-methods "$([ -n "${NET_SETUP:-}" ] && echo unsafe || echo safe)"
	else
		printf '%s\n' --rpc-external --rpc-methods safe --rpc-cors "$NET_CORS" --state-pruning archive-canonical
	fi
}

# The node binary: GOVCHAIN_NODE, else the shared build (built when missing).
net_need_node() {
	if [ ! -x "$NET_NODE" ]; then
		[ -n "${GOVCHAIN_NODE:-}" ] && die "GOVCHAIN_NODE=$GOVCHAIN_NODE is not an executable"
		"$ROOT/scripts/setup.sh"
		"$ROOT/scripts/build.sh"
	fi
}

# ss58 address of a seed's key (sr25519 or ed25519).
net_ss58() {
	"$NET_NODE" key inspect --scheme "$2" --output-type json "//$1" |
		node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).ss58Address))'
}

net_init() {
	local n=${1:-4} name i seed
	net_load
	if [ -f "$NET_DIR/network.env" ]; then
		[ "$n" = "$NET_VALIDATORS" ] || [ -z "${1:-}" ] ||
			die "$NET_DIR holds a $NET_VALIDATORS-validator network; 'scripts/network.sh wipe' first"
		return 0
	fi
	[[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 2 ] && [ "$n" -le $NET_MAX ] || die "N must be 2…$NET_MAX validators"
	[ -z "$NET_SESSION_PERIOD" ] || { [[ "$NET_SESSION_PERIOD" =~ ^[1-9][0-9]{0,8}$ ]] && [ "$NET_SESSION_PERIOD" -ge 2 ]; } ||
		die "GOVCHAIN_NET_SESSION_PERIOD must be a number of blocks (2…999999999)"
	[ -z "${GOVCHAIN_NET_RUNTIME:-}" ] || [ -s "$GOVCHAIN_NET_RUNTIME" ] || die "GOVCHAIN_NET_RUNTIME: no file $GOVCHAIN_NET_RUNTIME"
	net_need_node
	NET_VALIDATORS=$n
	log "creating a $n-agency network in $NET_DIR"
	rm -rf "$NET_DIR.tmp" && mkdir -p "$NET_DIR.tmp"
	local final=$NET_DIR
	NET_DIR="$NET_DIR.tmp"

	# 1. Node keys: each node's network identity.
	for name in $(net_nodes); do
		mkdir -p "$NET_DIR/nodes/$name"
		"$NET_NODE" key generate-node-key --file "$NET_DIR/nodes/$name/node.key" 2>"$NET_DIR/nodes/$name/peer-id"
		chmod 600 "$NET_DIR/nodes/$name/node.key"
	done

	# 2. The consortium config.
	{
		for ((i = 0; i < n; i++)); do
			seed=$(net_field "$i" 1)
			name=$(net_field "$i" 0)
			# node|agency|kind|roles|region|account|aura|grandpa|peer id|p2p address
			printf '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n' "$name" "$(net_field "$i" 2)" "$(net_field "$i" 3)" \
				"$(net_field "$i" 4)" "$(net_field "$i" 5)" "$(net_ss58 "$seed" sr25519)" \
				"$(net_ss58 "$seed" sr25519)" "$(net_ss58 "$seed" ed25519)" "$(peer_id "$name")" \
				"/ip4/$(node_host "$name")/tcp/$(p2p_port "$name")/p2p/$(peer_id "$name")"
		done
		printf 'rpc||||||||%s|%s\n' "$(peer_id $NET_RPC_NODE)" \
			"/ip4/$(node_host $NET_RPC_NODE)/tcp/$(p2p_port $NET_RPC_NODE)/p2p/$(peer_id $NET_RPC_NODE)"
	} | NET_CHAIN_ID=$NET_CHAIN_ID node -e '
		const rows = require("fs").readFileSync(0, "utf8").trim().split("\n").map((l) => l.split("|"));
		const validators = rows.filter((r) => r[0] !== "rpc");
		const rpc = rows.find((r) => r[0] === "rpc");
		const config = {
			name: "GovChain local network", id: process.env.NET_CHAIN_ID,
			bootNodes: rows.map((r) => r[r.length - 1]),
			agencies: validators.map(([, name, kind, roles, region, admin]) =>
				({ name, region: Number(region), kind, roles: roles.split(","), admin })),
			validators: validators.map(([, , , , , account, aura, grandpa], agency) => ({ account, agency, aura, grandpa })),
			council: validators.map((r) => r[5]),
			endowed: validators.map((r) => [r[5], "1000000000000000000"]),
			nodes: [...validators.map((r) => ({ peerId: r[8], owner: r[5] })), { peerId: rpc[rpc.length - 2], owner: validators[0][5] }],
		};
		console.log(JSON.stringify(config, null, 2));' >"$NET_DIR/config.json"

	# 3. The chain spec, raw: every node starts from the same genesis.
	GOVCHAIN_NODE="$NET_NODE" node "$ROOT/scripts/consortium-spec.mjs" "$NET_DIR/config.json" >"$NET_DIR/spec-plain.json"
	# (Tests) another runtime at genesis: the raw spec is then built by its GenesisBuilder.
	if [ -n "${GOVCHAIN_NET_RUNTIME:-}" ]; then
		node -e '
			const fs = require("fs"), [file, wasm] = process.argv.slice(1);
			const spec = JSON.parse(fs.readFileSync(file, "utf8"));
			spec.genesis.runtimeGenesis.code = "0x" + fs.readFileSync(wasm).toString("hex");
			fs.writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");' "$NET_DIR/spec-plain.json" "$GOVCHAIN_NET_RUNTIME"
	fi
	"$NET_NODE" export-chain-spec --chain "$NET_DIR/spec-plain.json" --raw >"$NET_DIR/spec.json" 2>"$NET_DIR/export-chain-spec.log" ||
		die "export-chain-spec failed; see $NET_DIR/export-chain-spec.log"
	# (Tests) a shorter session: the runtime's SessionPeriod, a u32 under
	# twox_128(":SessionPeriod:") = 0xbcaa06fe04f08327486358af0fd636b8.
	if [ -n "$NET_SESSION_PERIOD" ]; then
		node -e '
			const fs = require("fs"), [file, blocks] = process.argv.slice(1);
			const spec = JSON.parse(fs.readFileSync(file, "utf8"));
			const le = Buffer.alloc(4);
			le.writeUInt32LE(Number(blocks));
			spec.genesis.raw.top["0xbcaa06fe04f08327486358af0fd636b8"] = "0x" + le.toString("hex");
			fs.writeFileSync(file, JSON.stringify(spec, null, 2) + "\n");' "$NET_DIR/spec.json" "$NET_SESSION_PERIOD"
	fi
	# The same spec for docker/docker-compose.yml: boot nodes by service name.
	NODES="$(net_nodes | tr '\n' ' ')" node -e '
		const fs = require("fs");
		const spec = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
		const ids = Object.fromEntries(process.env.NODES.trim().split(" ").map((n) => [fs.readFileSync(`${process.argv[2]}/nodes/${n}/peer-id`, "utf8").trim(), n]));
		spec.bootNodes = spec.bootNodes.map((a) => { const id = a.split("/p2p/")[1]; return `/dns/${ids[id]}/tcp/30333/p2p/${id}`; });
		fs.writeFileSync(process.argv[3], JSON.stringify(spec, null, 1) + "\n");' \
		"$NET_DIR/spec.json" "$NET_DIR" "$NET_DIR/spec-docker.json"

	# 4. Session keys into each validator's keystore (base/chains/<id>/keystore).
	for ((i = 0; i < n; i++)); do
		name=$(net_field "$i" 0)
		seed=$(net_field "$i" 1)
		"$NET_NODE" key insert --base-path "$NET_DIR/nodes/$name/base" --chain "$NET_DIR/spec.json" \
			--key-type aura --scheme sr25519 --suri "//$seed"
		"$NET_NODE" key insert --base-path "$NET_DIR/nodes/$name/base" --chain "$NET_DIR/spec.json" \
			--key-type gran --scheme ed25519 --suri "//$seed"
	done

	net_save_env
	# For `docker compose --env-file compose.env`: where the network is, and the peer ids.
	{
		echo "GOVCHAIN_NETWORK_DIR=$final"
		for name in $(net_nodes); do echo "$(peer_var "$name")=$(peer_id "$name")"; done
	} >"$NET_DIR/compose.env"
	rm -rf "$final" && mkdir -p "$(dirname "$final")" && mv "$NET_DIR" "$final"
	NET_DIR=$final
}

# Network namespaces (GOVCHAIN_NETNS): a bridge gcbr0 in namespace gcnet-hub, one veth
# pair per node. net_partition moves nodes' ports to a second bridge (gcbr1): the two
# groups cannot reach each other until net_heal moves them back.
net_netns_up() {
	local name
	ip netns list | grep -qw gcnet-hub && return 0
	ip netns add gcnet-hub
	ip -n gcnet-hub link set lo up
	for br in gcbr0 gcbr1; do
		ip -n gcnet-hub link add "$br" type bridge
		ip -n gcnet-hub link set "$br" up
	done
	for name in $(net_nodes); do net_netns_node_up "$name"; done
}
net_netns_node_up() {
	local name=$1 i
	i=$(node_index "$name")
	ip netns list | awk '{print $1}' | grep -qxF "$(node_ns "$name")" && return 0
	ip netns add "$(node_ns "$name")"
	ip -n "$(node_ns "$name")" link set lo up
	ip link add "gcv$i" netns "$(node_ns "$name")" type veth peer name "gch$i" netns gcnet-hub
	ip -n "$(node_ns "$name")" addr add "$(node_host "$name")/24" dev "gcv$i"
	ip -n "$(node_ns "$name")" link set "gcv$i" up
	ip -n gcnet-hub link set "gch$i" master gcbr0 up
}
net_netns_down() {
	local ns
	for ns in $(ip netns list | awk '$1 ~ /^gcnet-/ {print $1}'); do ip netns del "$ns"; done
}
net_partition() { local name; for name in "$@"; do ip -n gcnet-hub link set "gch$(node_index "$name")" master gcbr1; done; }
net_heal() { local name; for name in $(net_nodes); do ip -n gcnet-hub link set "gch$(node_index "$name")" master gcbr0; done; }

# Runs a command where the node's network is: its namespace, or here.
node_exec() {
	local name=$1; shift
	if [ -n "$NET_NETNS" ]; then ip netns exec "$(node_ns "$name")" "$@"; else "$@"; fi
}

# The node's pid if it runs (the pid file's process is this node of this network).
node_pid() {
	local f="$NET_DIR/nodes/$1/pid" pid
	[ -f "$f" ] || return 1
	pid=$(cat "$f")
	[ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$NET_DIR/nodes/$1/base" &&
		echo "$pid"
}

# JSON-RPC to a node over its localhost port: node_rpc <node> <method> [params-json]
node_rpc() { node_exec "$1" node "$NET_RPC_JS" call "http://127.0.0.1:$(rpc_port "$1")" "$2" "${3:-[]}"; }
# "<best> <finalized> <peers> <syncing> <finalized hash>" or "down"
node_status() { node_exec "$1" node "$NET_RPC_JS" status "http://127.0.0.1:$(rpc_port "$1")" || true; }

# net_start_node <node> [setup]: `setup` is a joining node's first start (NET_SETUP in
# node_args).
net_start_node() {
	local name=$1 dir="$NET_DIR/nodes/$1" args pid t NET_SETUP=${2:-}
	[ -z "$NET_SETUP" ] || [ "$NET_SETUP" = setup ] || die "start-node: unknown option '$NET_SETUP'"
	if node_pid "$name" >/dev/null; then return 0; fi
	mapfile -t args < <(node_args local "$name")
	{ printf '\n=== %s start: %s' "$(date -Is)" "$NET_NODE"; printf ' %q' "${args[@]}"; echo; } >>"$dir/node.log"
	if [ -n "$NET_NETNS" ]; then
		setsid ip netns exec "$(node_ns "$name")" "$NET_NODE" "${args[@]}" >>"$dir/node.log" 2>&1 </dev/null &
	else
		setsid "$NET_NODE" "${args[@]}" >>"$dir/node.log" 2>&1 </dev/null &
	fi
	echo $! >"$dir/pid"
	disown
	# Nodes start one at a time: a start is CPU-bound (runtime compilation).
	for ((t = 0; t < 120; t++)); do
		[ "$(node_status "$name")" != down ] && return 0
		node_pid "$name" >/dev/null || die "$name exited at start; see $dir/node.log"
		sleep 0.5
	done
	die "$name does not answer RPC after 60 s; see $dir/node.log"
}

# net_stop_node <node> [signal]: SIGTERM waits up to 30 s for a clean exit, then SIGKILL.
net_stop_node() {
	local name=$1 sig=${2:-TERM} pid t
	pid=$(node_pid "$name") || return 0
	kill "-$sig" "$pid" 2>/dev/null || true
	for ((t = 0; t < 60; t++)); do
		node_pid "$name" >/dev/null || { rm -f "$NET_DIR/nodes/$name/pid"; return 0; }
		sleep 0.5
	done
	log "$name did not stop within 30 s; SIGKILL"
	kill -KILL "$pid" 2>/dev/null || true
	sleep 0.5
	rm -f "$NET_DIR/nodes/$name/pid"
}

net_start() {
	local name
	net_init "${1:-}"
	net_load
	[ -n "$NET_NETNS" ] && net_netns_up
	net_need_node
	for name in $(net_nodes); do
		net_start_node "$name"
	done
	net_endpoints
}

# A node of an agency that joins after genesis (one of NET_AGENCIES beyond the genesis
# validators): its node key, recorded in network.env. Prints its peer id and the bytes
# the council's motion nodeAuthorization.addWellKnownNode(<bytes>, <agency account>)
# takes. The node starts like the others (start-node; first with --setup).
net_add_node() {
	local name=${1:?node} row
	net_load
	[ -f "$NET_DIR/network.env" ] || die "no network in $NET_DIR ('scripts/network.sh init' creates one)"
	row=$(net_agency_row "$name")
	[ "$row" -ge "$NET_VALIDATORS" ] || die "$name is a genesis validator of this network"
	if ! [[ " $NET_JOINED " == *" $name "* ]]; then
		mkdir -p "$NET_DIR/nodes/$name"
		"$NET_NODE" key generate-node-key --file "$NET_DIR/nodes/$name/node.key" 2>"$NET_DIR/nodes/$name/peer-id"
		chmod 600 "$NET_DIR/nodes/$name/node.key"
		NET_JOINED="${NET_JOINED:+$NET_JOINED }$name"
		net_save_env
		[ -n "$NET_NETNS" ] && ip netns list | grep -qw gcnet-hub && net_netns_node_up "$name"
	fi
	printf '%s: peer id %s (bytes %s), p2p /ip4/%s/tcp/%s, rpc 127.0.0.1:%s; agency "%s", account //%s\n' \
		"$name" "$(peer_id "$name")" "$(peer_id_hex "$name")" "$(node_host "$name")" "$(p2p_port "$name")" \
		"$(rpc_port "$name")" "$(net_field "$row" 2)" "$(net_field "$row" 1)"
}

net_stop() {
	local name
	net_load
	[ -f "$NET_DIR/network.env" ] || return 0
	for name in $(net_nodes); do net_stop_node "$name"; done
}

net_endpoints() {
	local name host
	host=127.0.0.1
	[ -n "$NET_NETNS" ] && host=$(node_host "$NET_RPC_NODE")
	log "network $NET_CHAIN_ID: $NET_VALIDATORS validators + RPC node, data in $NET_DIR"
	printf '  front-ends (RPC node):  ws://%s:%s  (also http; CORS: %s)\n' "$host" "$(rpc_port $NET_RPC_NODE)" "$NET_CORS"
	for name in $(net_nodes); do
		printf '  %-9s %-9s p2p /ip4/%s/tcp/%s/p2p/%s\n' "$name" "$(node_is_validator "$name" && echo validator || echo rpc)" \
			"$(node_host "$name")" "$(p2p_port "$name")" "$(peer_id "$name")"
		printf '  %-19s rpc ws://127.0.0.1:%s  metrics http://127.0.0.1:%s/metrics  log %s\n' "" \
			"$(rpc_port "$name")" "$(prom_port "$name")" "$NET_DIR/nodes/$name/node.log"
	done
}

net_status() {
	local name pid st
	net_load
	[ -f "$NET_DIR/network.env" ] || die "no network in $NET_DIR ('scripts/network.sh start' creates one)"
	printf '%-9s %-9s %-8s %7s %9s %5s %s\n' node role pid best finalized peers "finalized hash"
	for name in $(net_nodes); do
		pid=$(node_pid "$name") || pid=-
		st=$(node_status "$name")
		[ "$st" = down ] && st="- - - - -"
		set -- $st
		printf '%-9s %-9s %-8s %7s %9s %5s %s\n' "$name" "$(node_is_validator "$name" && echo validator || echo rpc)" \
			"$pid" "$1" "$2" "$3" "$5"
	done
}

net_wipe() {
	net_stop
	[ -n "$NET_NETNS" ] && net_netns_down
	rm -rf "$NET_DIR" "$NET_DIR.tmp"
	log "removed $NET_DIR"
}

# docker/docker-compose.yml of the network `init` creates: same nodes, same flags.
net_compose() {
	local n=${1:-4} name args mounts
	NET_VALIDATORS=$n NET_OFFSET=0 NET_NETNS= NET_JOINED=
	cat <<EOF
# GovChain: $n agencies' validators and one RPC node for front-ends, the network
# \`scripts/network.sh start $n\` runs as processes. Generated by \`scripts/network.sh compose $n\`
# (tests/network/compose.sh checks both give every node the same flags).
#
# Node keys, keystores and chain spec come from \`scripts/network.sh init $n\`, mounted
# from \$GOVCHAIN_NETWORK_DIR; its compose.env gives that directory and every node's
# peer id (the containers run as uid 1000):
#   export GOVCHAIN_NETWORK_DIR=\$PWD/network
#   scripts/network.sh init $n && chown -R 1000:1000 "\$GOVCHAIN_NETWORK_DIR/nodes"
#   docker compose --env-file "\$GOVCHAIN_NETWORK_DIR/compose.env" -f docker/docker-compose.yml up --build
# Front-ends: ws://127.0.0.1:9944. Validators serve RPC only inside their container;
# each node's metrics are published on 127.0.0.1:9615, 9616, ….
x-node: &node
  build: { context: .., dockerfile: docker/Dockerfile }
  image: govchain-node
  restart: unless-stopped
  stop_grace_period: 30s

services:
EOF
	for name in $(net_nodes); do
		echo "  $name:"
		echo "    <<: *node"
		echo "    command:"
		# One argument a line, as a double-quoted (JSON) string.
		node_args docker "$name" | node -e 'require("fs").readFileSync(0, "utf8").trimEnd().split("\n").forEach((a) => console.log(`      - ${JSON.stringify(a)}`))'
		echo "    volumes:"
		echo "      - \${GOVCHAIN_NETWORK_DIR:?run scripts/network.sh init first}/nodes/$name:/data"
		echo "      - \${GOVCHAIN_NETWORK_DIR}/spec-docker.json:/network/spec.json:ro"
		if node_is_validator "$name"; then
			echo "    ports: [\"127.0.0.1:$(prom_port "$name"):9615\"]"
		else
			echo "    ports: [\"9944:9944\", \"127.0.0.1:$(prom_port "$name"):9615\"]"
		fi
	done
}

net_main() {
	local cmd=${1:-}
	shift || true
	case "$cmd" in
	start) net_start "$@" ;;
	init) net_init "$@" && log "network ready in $NET_DIR ('scripts/network.sh start' starts it)" ;;
	stop) net_stop && log "stopped" ;;
	status) net_status ;;
	wipe) net_load && net_wipe ;;
	compose) net_compose "$@" ;;
	args) net_load && node_index "${1:?node}" >/dev/null && node_args local "$1" ;;
	start-node)
		net_load
		case "${2:-}" in "") net_start_node "${1:?node}" ;; --setup) net_start_node "$1" setup ;;
		*) die "start-node <node> [--setup]" ;; esac ;;
	add-node) net_need_node && net_add_node "$@" ;;
	stop-node) net_load && net_stop_node "${1:?node}" ;;
	kill-node) net_load && net_stop_node "${1:?node}" KILL ;;
	*) sed -n '2,/^$/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
	esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then net_main "$@"; fi
