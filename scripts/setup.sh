#!/usr/bin/env bash
# Installs whatever GovChain needs that is missing. Idempotent and quick when
# everything is already there.
#   - Debian packages: build-essential (C/C++ compiler and linker for Rust and the
#     WASM optimiser), protobuf-compiler (networking), nodejs + npm (e2e suite, web/),
#     chromium + fonts-noto-cjk (web/'s browser tests, Chinese pages), postgresql-15
#     (indexer/: GovChain's history in PostgreSQL)
#   - Rust: the wasm32v1-none target and rust-src (WASM runtime build)
#   - npm packages of the e2e suite, web/, import/ and indexer/, from the committed lockfiles (Node.js
#     20.19 or later: Vite 8 needs it)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

missing=()
{ command -v cc >/dev/null && command -v c++ >/dev/null; } || missing+=(build-essential)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v git >/dev/null || missing+=(git)
command -v curl >/dev/null || missing+=(curl)
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || missing+=(fonts-noto-cjk)
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql-15)
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

node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' ||
	die "Node.js $(node --version) is too old: web/ (Vite 8) needs 20.19 or later (Debian 12's nodejs is 18; install a newer one, e.g. from nodejs.org)"

# npm ci in $1 when its lockfile is newer than what node_modules holds.
npm_ci() {
	local stamp="$1/node_modules/.package-lock.json"
	if [ ! -f "$stamp" ] || [ "$1/package-lock.json" -nt "$stamp" ]; then
		log "installing npm packages of ${1#"$ROOT"/} (npm ci)"
		(cd "$1" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
	fi
}
npm_ci "$ROOT/tests/e2e"
npm_ci "$ROOT/web"
npm_ci "$ROOT/import"
npm_ci "$ROOT/indexer"
