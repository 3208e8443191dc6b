#!/usr/bin/env bash
# Sets everything up and runs every test: the Rust unit and integration tests of
# the whole workspace, then the end-to-end suite against a freshly started node.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
cd "$ROOT"
log "Rust tests (cargo test --release --workspace --exclude govchain-node)"
cargo test --locked --release --workspace --exclude govchain-node 2>&1 | tee "$CARGO_TARGET_DIR/rust-tests.log"
passed=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$CARGO_TARGET_DIR/rust-tests.log" | awk '{s+=$4} END {print s+0}')
log "Rust tests: $passed passed"
log "end-to-end tests (tests/e2e, @polkadot/api against a running node)"
node "$ROOT/tests/e2e/harness.mjs"
