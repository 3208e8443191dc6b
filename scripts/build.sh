#!/usr/bin/env bash
# Builds the node (and the WASM runtime inside it) in release mode.
# Extra arguments go to cargo, e.g. `scripts/build.sh --features runtime-benchmarks`.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
log "building govchain-node (release) into $CARGO_TARGET_DIR"
cargo build --locked --release -p govchain-node "$@"
