#!/usr/bin/env bash
# Builds the node (and the WASM runtime inside it) in release mode, and the evidence
# verifier `govchain-verify` beside it and, for the public verification page, in
# WebAssembly (web/public/govchain-verify.wasm; docs/EVIDENCE.md).
# Extra arguments go to cargo, e.g. `scripts/build.sh --features runtime-benchmarks`
# (the node alone then).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
if [ $# -eq 0 ]; then
	log "building govchain-node and govchain-verify (release) into $CARGO_TARGET_DIR"
	cargo build --locked --release -p govchain-node -p govchain-evidence
	"$ROOT/scripts/build-verifier-wasm.sh"
else
	log "building govchain-node (release, $*) into $CARGO_TARGET_DIR"
	cargo build --locked --release -p govchain-node "$@"
fi
