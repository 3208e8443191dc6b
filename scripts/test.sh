#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. the Rust unit and integration tests of the whole workspace;
#   2. each pallet's benchmarks, run as tests on its mock runtime
#      (`--features runtime-benchmarks`), so a benchmark that no longer runs fails CI;
#      the pallets with storage migrations again with `--features try-runtime` (their
#      pre/post-upgrade hooks);
#   3. the end-to-end suite against a freshly started node;
#   4. beside the e2e suite: the browser tests of web/ (Playwright driving Debian's
#      Chromium against a node) and the importer's tests (import/: a licence export
#      loaded with two kills on the way);
#      and a smoke run of the load generator (loadgen/: every scenario, a few hundred
#      transactions, on a node of its own);
#   5. a part of the network fault tests on real node processes (tests/network), in
#      three lanes, each with its own ports and directory: the compose file against the
#      script, then kill -9 under load, then a runtime upgrade by council vote from the
#      previous release with its storage migration; beside them, a member restarted
#      alone serving no stranger; and a new agency joining and leaving, with the evidence
#      bundles of a licence and a work checked across both authority set changes
#      (docs/EVIDENCE.md).
#      `tests/network/run.sh` runs them all (about 22 minutes; last results in
#      docs/NETWORK-TESTS.md).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Every test job has a time limit (seconds, several times its usual time): a job that
# hangs fails with its log instead of holding the run past CI's limit.
limit() { timeout --kill-after=20 "$@"; }
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
cd "$ROOT"
log "building the load generator (loadgen/, its own lockfile)"
cargo build --locked --release --manifest-path loadgen/Cargo.toml
rust_log="$CARGO_TARGET_DIR/rust-tests.log"

log "Rust tests (cargo test --release --workspace --exclude govchain-node)"
cargo test --locked --release --workspace --exclude govchain-node 2>&1 | tee "$rust_log"

pallets=()
for d in pallets/*/; do pallets+=(-p "pallet-$(basename "$d")"); done
log "benchmarks as tests (cargo test --release ${pallets[*]} --features runtime-benchmarks)"
cargo test --locked --release "${pallets[@]}" --features runtime-benchmarks 2>&1 | tee -a "$rust_log"

log "storage migrations with their try-runtime hooks (cargo test --release -p pallet-copyright -p pallet-licenses -p pallet-enterprises --features try-runtime)"
cargo test --locked --release -p pallet-copyright -p pallet-licenses -p pallet-enterprises --features try-runtime 2>&1 | tee -a "$rust_log"

passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$rust_log" | awk '{s+=$4} END {print s+0}')
log "Rust tests: $passed passed (the later runs repeat pallets' unit tests with benchmarks, then try-runtime)"

# The browser, importer and indexer tests each start a node of their own: they run
# beside the e2e files (which mostly wait for finality) instead of after them.
log "browser tests (web/), importer test (import/) and indexer test (indexer/), in the background"
logs="$CARGO_TARGET_DIR/test-logs"
mkdir -p "$logs"
limit 900 node "$ROOT/web/tests/run.mjs" >"$logs/web.log" 2>&1 &
web_pid=$!
(cd "$ROOT/import" && limit 120 node --test test/*.test.mjs && limit 600 node test/resume.mjs 3000 &&
	limit 600 node test/fund.mjs && limit 600 node test/works.mjs) >"$logs/import.log" 2>&1 &
import_pid=$!
limit 1200 node "$ROOT/indexer/test/run.mjs" >"$logs/indexer.log" 2>&1 &
indexer_pid=$!
# A smoke run of the load generator (a few hundred transactions per scenario on a node
# of its own), so it cannot rot: it fails if any extrinsic is refused or fails.
limit 600 "$ROOT/scripts/loadgen.sh" --count 200 --users 384 \
	--counts licence-batch=4,copyright-batch=2,enterprise=40 --read-secs 3 --check \
	>"$logs/loadgen.log" 2>&1 &
loadgen_pid=$!

log "end-to-end tests (tests/e2e, @polkadot/api against a running node)"
e2e=0
limit 1500 node "$ROOT/tests/e2e/harness.mjs" || e2e=$?

web=0 import=0 indexer=0 loadgen=0
wait "$web_pid" || web=$?
wait "$import_pid" || import=$?
wait "$indexer_pid" || indexer=$?
wait "$loadgen_pid" || loadgen=$?
log "browser tests (web/: the public verification page in Chromium, Playwright): exit $web"
grep -vE 'API-WS|REGISTRY' "$logs/web.log" || true
log "importer tests (import/: pseudonyms; 3000 licence rows killed twice; 250 fund deposit records killed once; 300 works killed once): exit $import"
grep -vE 'API-WS|REGISTRY' "$logs/import.log" || true
log "indexer test (indexer/: e2e scenarios indexed, GraphQL against the runtime APIs, killed and restarted, replayed from genesis): exit $indexer"
grep -vE 'API-WS|REGISTRY' "$logs/indexer.log" || true
log "load generator smoke run (loadgen/: every scenario, 200 extrinsics each, --check): exit $loadgen"
cat "$logs/loadgen.log"
[ "$e2e" -eq 0 ] && [ "$web" -eq 0 ] && [ "$import" -eq 0 ] && [ "$indexer" -eq 0 ] && [ "$loadgen" -eq 0 ] ||
	die "e2e exit $e2e, browser tests exit $web, importer test exit $import, indexer test exit $indexer, load generator exit $loadgen"

# `join` mostly waits for session boundaries, and restart-window mostly for a lone node
# that must stay unreachable: each runs in a lane of its own beside the others (its own
# ports and directory), so the network tests take as long as the longest lane (4.7
# minutes) instead of their sum (6.5).
declare -A lane_pid
lane() {
	GOVCHAIN_PORT_OFFSET=$2 GOVCHAIN_NETWORK_TESTS_DIR="/tmp/govchain-network-tests-$1" \
		limit 900 "$ROOT/tests/network/run.sh" "$1" >"$logs/network-$1.log" 2>&1 &
	lane_pid[$1]=$!
}
log "network tests (tests/network: compose kill9-load upgrade-by-council; join and restart-window beside them)"
lane join 2600
lane restart-window 2300
network=0 failed_lanes=()
"$ROOT/tests/network/run.sh" compose kill9-load upgrade-by-council || network=$?
for t in join restart-window; do
	code=0
	wait "${lane_pid[$t]}" || code=$?
	log "network test $t: exit $code"
	cat "$logs/network-$t.log"
	[ "$code" -eq 0 ] || failed_lanes+=("$t (exit $code)")
done
[ "$network" -eq 0 ] && [ ${#failed_lanes[@]} -eq 0 ] ||
	die "network tests: $network failed in series; failed beside them: ${failed_lanes[*]:-none}"
