#!/usr/bin/env bash
# Sets everything up, builds, and starts a development chain that a polkadot.js
# front-end can connect to on ws://127.0.0.1:9944, serves web/ (the agency console,
# http://127.0.0.1:8080/console/, and the public verification page,
# http://127.0.0.1:8080/verify/) beside it, and indexes its history
# into PostgreSQL with GraphQL on http://127.0.0.1:3000/ (indexer/). Extra arguments go
# to the node, e.g. `scripts/start.sh --base-path /var/lib/govchain` to keep the chain
# between runs, with its history under <base-path>/indexer (by default the development
# chain and its history live in temporary directories, deleted on exit).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
args=(--dev --rpc-port 9944 --rpc-cors all)
base=""
prev=""
for a in "$@"; do [ "$prev" = "--base-path" ] && base="$a"; prev="$a"; done
if [ -n "$base" ]; then
	history="$base/indexer"
else
	args+=(--tmp)
	history="$(mktemp -d /tmp/govchain-history-XXXXXX)"
	chmod 755 "$history"
fi
web="$ROOT/web"
if [ ! -f "$web/dist/verify/index.html" ] || [ -n "$(find "$web/src" "$web/verify" "$web/console" "$web/public" "$web/index.html" -newer "$web/dist/verify/index.html" | head -1)" ]; then
	log "building web/ (npm run build)"
	(cd "$web" && npm run build --silent) || die "web/ does not build"
fi
(cd "$web" && exec node_modules/.bin/vite preview --host 127.0.0.1 --port 8080 --strictPort >/dev/null 2>&1) &
preview=$!
on_exit() {
	kill "$preview" 2>/dev/null || true
	if [ -n "$base" ]; then "$ROOT/indexer/indexer.sh" stop "$history"; else "$ROOT/indexer/indexer.sh" wipe "$history"; fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM
# The page checks evidence files against the chain's checkpoint (docs/EVIDENCE.md), which
# a network's consortium publishes with its site; for the development chain, ask it.
rm -f "$web/dist/checkpoint.json"
(for _ in $(seq 1 300); do
	if cp=$(node "$ROOT/scripts/network-rpc.mjs" call http://127.0.0.1:9944 evidence_checkpoint 2>/dev/null); then
		printf '%s\n' "$cp" >"$web/dist/checkpoint.json"
		# GovChain's history: PostgreSQL, the indexer and GraphQL beside the node.
		"$ROOT/indexer/indexer.sh" start "$history" ws://127.0.0.1:9944 3000 ||
			log "the history service did not start (logs in $history/logs); the chain runs on"
		exit 0
	fi
	sleep 1
done) &
log "starting a development chain: ws://127.0.0.1:9944"
log "agency console: http://127.0.0.1:8080/console/ (development keys //Alice … //Ferdie, or the polkadot.js extension)"
log "public verification page: http://127.0.0.1:8080/verify/ (web/; site index http://127.0.0.1:8080/)"
log "history (GraphQL, indexer/README.md): http://127.0.0.1:3000/ once the node has finalized a block (data in $history)"
"$NODE_BIN" "${args[@]}" "$@"
