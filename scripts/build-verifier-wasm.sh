#!/usr/bin/env bash
# Builds the evidence verifier for the browser (evidence/wasm, docs/EVIDENCE.md): the
# same checks as govchain-verify, compiled to WebAssembly (wasm32v1-none), into
# web/public/govchain-verify.wasm, which the public verification page loads when a
# person drops an evidence file. scripts/build.sh runs it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none || rustup target add wasm32v1-none
log "building the browser verifier (govchain-verify-wasm, wasm32v1-none) into $CARGO_TARGET_DIR"
# `substrate_runtime`: the runtime-side build of the sp-* crates, as the runtime's own
# WASM is built (no C libraries). panic=abort: WebAssembly does not unwind. The linker
# wrapper keeps only the verifier's exports (see evidence/wasm/link.sh).
# The linker is part of every unit's fingerprint: a path inside this checkout would
# rebuild every dependency in each fresh clone. A copy named by its content's hash, in
# the shared target directory, keeps one path per version of the wrapper.
link_sum=$(sha256sum "$ROOT/evidence/wasm/link.sh" | cut -c1-16)
linker="$CARGO_TARGET_DIR/govchain-wasm-link-$link_sum.sh"
mkdir -p "$CARGO_TARGET_DIR"
[ -x "$linker" ] || { cp "$ROOT/evidence/wasm/link.sh" "$linker.tmp" && chmod +x "$linker.tmp" && mv "$linker.tmp" "$linker"; }
RUSTFLAGS="--cfg substrate_runtime" cargo build --locked --release -p govchain-verify-wasm --features browser \
	--target wasm32v1-none --config 'profile.release.panic="abort"' \
	--config "target.wasm32v1-none.linker=\"$linker\""
mkdir -p "$ROOT/web/public"
cp "$CARGO_TARGET_DIR/wasm32v1-none/release/govchain-verify-wasm.wasm" "$ROOT/web/public/govchain-verify.wasm.tmp"
mv "$ROOT/web/public/govchain-verify.wasm.tmp" "$ROOT/web/public/govchain-verify.wasm"
log "web/public/govchain-verify.wasm: $(stat -c %s "$ROOT/web/public/govchain-verify.wasm") bytes"
