#!/usr/bin/env bash
# GovChain's history service: PostgreSQL (Debian's postgresql-15, a cluster of its own),
# the SubQuery indexer (@subql/node) following a node's finalized blocks, and the GraphQL
# service (@subql/query). Everything lives under one directory.
#
#   indexer/indexer.sh start DIR WS_URL [GRAPHQL_PORT]   start all three (or what is not
#                                                        running); prints the GraphQL URL
#   indexer/indexer.sh stop DIR                          stop them; data kept
#   indexer/indexer.sh wipe DIR                          stop them and delete DIR
#   indexer/indexer.sh status DIR                        the last indexed block, or "down"
#   indexer/indexer.sh kill-indexer DIR                  SIGKILL the indexer (tests)
#
# Environment: GOVCHAIN_PG_PORT (default 5433), GOVCHAIN_INDEXER_PORT (the indexer's
# health/metrics port, default 3010).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
here="$ROOT/indexer"
cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || die "usage: indexer/indexer.sh start|stop|wipe|status|kill-indexer DIR [WS_URL] [GRAPHQL_PORT]"
mkdir -p "$dir/logs"
dir="$(cd "$dir" && pwd)"
pg_port="${GOVCHAIN_PG_PORT:-5433}"
pg_bin=/usr/lib/postgresql/15/bin
export TZ=UTC
export DB_USER=postgres DB_PASS=postgres DB_DATABASE=govchain DB_HOST=127.0.0.1 DB_PORT="$pg_port"

alive() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }
stop_one() {
	if alive "$1"; then kill "$(cat "$dir/$1.pid")" 2>/dev/null || true; for _ in $(seq 1 50); do alive "$1" || break; sleep 0.2; done; fi
	rm -f "$dir/$1.pid"
}
# PostgreSQL refuses to run as root: as root, run it as the postgres system user.
pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_stop() { [ -f "$dir/pg/postmaster.pid" ] && pg "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true; }

case "$cmd" in
start)
	ws="${3:?give the node WebSocket URL}"
	gql_port="${4:-3000}"
	[ -x "$pg_bin/postgres" ] || die "PostgreSQL 15 is not installed (scripts/setup.sh installs postgresql-15)"
	[ -x "$here/node_modules/.bin/subql-node" ] || die "indexer/node_modules is missing (scripts/setup.sh runs npm ci there)"
	# 1. PostgreSQL, owned by the postgres system user, on 127.0.0.1 only.
	if [ ! -f "$dir/pg/PG_VERSION" ]; then
		mkdir -p "$dir/pg" && chmod 700 "$dir/pg"
		[ "$(id -u)" -ne 0 ] || chown postgres "$dir" "$dir/pg"
		pg "$pg_bin/initdb" -D "$dir/pg" -U postgres --auth=trust -E UTF8 >"$dir/logs/initdb.log" 2>&1 ||
			die "initdb failed: $dir/logs/initdb.log (as root, PostgreSQL runs as the postgres user, which must be able to reach $dir)"
	fi
	[ "$(id -u)" -ne 0 ] || chown postgres "$dir/logs"
	if ! pg "$pg_bin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; then
		pg "$pg_bin/pg_ctl" -D "$dir/pg" -w -l "$dir/logs/postgres.log" \
			-o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start: $dir/logs/postgres.log"
	fi
	pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='govchain'" | grep -q 1 ||
		pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres govchain
	# 2. The project, for this chain (its genesis hash) and node.
	genesis=$(node "$ROOT/scripts/network-rpc.mjs" call "${ws/ws/http}" chain_getBlockHash '[0]' | tr -d '"') || die "no node answers at $ws"
	# The indexer starts from a finalized block with a timestamp: wait for block #1.
	for _ in $(seq 1 120); do
		read -r _ fin _ <<<"$(node "$ROOT/scripts/network-rpc.mjs" status "${ws/ws/http}")"
		[ "${fin:-0}" -ge 1 ] 2>/dev/null && break
		sleep 1
	done
	sed -e "s|@GENESIS@|$genesis|" -e "s|@ENDPOINT@|$ws|" "$here/project.template.yaml" >"$dir/project.yaml"
	cp "$here/schema.graphql" "$dir/schema.graphql"
	mkdir -p "$dir/dist" && cp "$here/mapping/index.js" "$dir/dist/index.js"
	# 3. The indexer: finalized blocks only (no --unfinalized-blocks), resuming from what
	# the database holds.
	if ! alive indexer; then
		(cd "$dir" && exec "$here/node_modules/.bin/subql-node" -f "$dir/project.yaml" --db-schema=govchain \
			--disable-historical --batch-size=20 --port="${GOVCHAIN_INDEXER_PORT:-3010}" --log-level=info \
			>>"$dir/logs/indexer.log" 2>&1) &
		echo $! >"$dir/indexer.pid"
	fi
	# 4. GraphQL, once the indexer has made its tables (it answers /ready then).
	ix_port="${GOVCHAIN_INDEXER_PORT:-3010}"
	for _ in $(seq 1 300); do
		curl -sf -o /dev/null "http://127.0.0.1:$ix_port/ready" && break
		alive indexer || die "the indexer stopped: $dir/logs/indexer.log"
		sleep 0.4
	done
	if ! alive query; then
		(cd "$dir" && exec "$here/node_modules/.bin/subql-query" --name=govchain --port="$gql_port" \
			--indexer="http://127.0.0.1:$ix_port" --aggregate >>"$dir/logs/query.log" 2>&1) &
		echo $! >"$dir/query.pid"
		echo "$gql_port" >"$dir/query.port"
	fi
	for _ in $(seq 1 150); do
		curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{_metadata{lastProcessedHeight}}"}' "http://127.0.0.1:$gql_port/" && break
		alive indexer || die "the indexer stopped: $dir/logs/indexer.log"
		alive query || die "the GraphQL service stopped: $dir/logs/query.log"
		sleep 0.4
	done
	curl -sf -o /dev/null -H 'content-type: application/json' -d '{"query":"{_metadata{lastProcessedHeight}}"}' "http://127.0.0.1:$gql_port/" ||
		die "GraphQL does not answer on port $gql_port: $dir/logs/query.log"
	log "GovChain history (GraphQL): http://127.0.0.1:$gql_port/ (data and logs in $dir)"
	;;
stop)
	stop_one query
	stop_one indexer
	pg_stop
	;;
wipe)
	"$0" stop "$dir"
	rm -rf "$dir"
	;;
kill-indexer)
	alive indexer && kill -9 "$(cat "$dir/indexer.pid")"
	rm -f "$dir/indexer.pid"
	;;
status)
	port=$(cat "$dir/query.port" 2>/dev/null || echo 3000)
	curl -sf -H 'content-type: application/json' -d '{"query":"{_metadata{lastProcessedHeight lastFinalizedVerifiedHeight}}"}' "http://127.0.0.1:$port/" || echo down
	;;
*) die "unknown command $cmd" ;;
esac
