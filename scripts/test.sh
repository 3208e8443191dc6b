#!/usr/bin/env bash
# Sets everything up and runs every test:
#   1. the Rust unit and integration tests of the whole workspace;
#   2. each pallet's benchmarks, run as tests on its mock runtime
#      (`--features runtime-benchmarks`), so a benchmark that no longer runs fails CI;
#      the pallets with storage migrations again with `--features try-runtime` (their
#      pre/post-upgrade hooks);
#   3. the end-to-end suite against a freshly started node;
#   4. the browser tests of web/ (Playwright driving Debian's Chromium against a node);
#   5. a part of the network fault tests on real node processes (tests/network): the
#      compose file against the script, a member restarted alone serving no stranger,
#      kill -9 under load, a runtime upgrade by council vote from the previous release
#      with its storage migration. `tests/network/run.sh` runs them all (about 18
#      minutes; last results in docs/NETWORK-TESTS.md).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
cd "$ROOT"
rust_log="$CARGO_TARGET_DIR/rust-tests.log"

log "Rust tests (cargo test --release --workspace --exclude govchain-node)"
cargo test --locked --release --workspace --exclude govchain-node 2>&1 | tee "$rust_log"

pallets=()
for d in pallets/*/; do pallets+=(-p "pallet-$(basename "$d")"); done
log "benchmarks as tests (cargo test --release ${pallets[*]} --features runtime-benchmarks)"
cargo test --locked --release "${pallets[@]}" --features runtime-benchmarks 2>&1 | tee -a "$rust_log"

log "storage migrations with their try-runtime hooks (cargo test --release -p pallet-copyright --features try-runtime)"
cargo test --locked --release -p pallet-copyright --features try-runtime 2>&1 | tee -a "$rust_log"

passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$rust_log" | awk '{s+=$4} END {print s+0}')
log "Rust tests: $passed passed (the later runs repeat pallets' unit tests with benchmarks, then try-runtime)"

log "end-to-end tests (tests/e2e, @polkadot/api against a running node)"
node "$ROOT/tests/e2e/harness.mjs"

log "browser tests (web/: the public verification page in Chromium, Playwright)"
node "$ROOT/web/tests/run.mjs"

log "network fault tests (tests/network: compose restart-window kill9-load upgrade-by-council)"
"$ROOT/tests/network/run.sh" compose restart-window kill9-load upgrade-by-council
