#!/usr/bin/env bash
# Installs whatever GovChain needs that is missing. Idempotent and quick when
# everything is already there.
#   - Debian packages: build-essential (C/C++ compiler and linker for Rust and the
#     WASM optimiser), protobuf-compiler (networking), nodejs + npm (e2e suite)
#   - Rust: the wasm32v1-none target and rust-src (WASM runtime build)
#   - npm packages of the e2e suite, from the committed lockfile
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
{ command -v cc >/dev/null && command -v c++ >/dev/null; } || missing+=(build-essential)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v git >/dev/null || missing+=(git)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || die "the Rust toolchain (rustup, cargo) must be installed first: https://rustup.rs"
if ! rustup target list --installed | grep -qx wasm32v1-none; then
	log "adding Rust target wasm32v1-none"
	rustup target add wasm32v1-none
fi
if ! rustup component list --installed | grep -q '^rust-src'; then
	log "adding Rust component rust-src"
	rustup component add rust-src
fi

e2e="$ROOT/tests/e2e"
stamp="$e2e/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$e2e/package-lock.json" -nt "$stamp" ]; then
	log "installing e2e npm packages (npm ci)"
	(cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
