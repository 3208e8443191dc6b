# Shared by GovChain's scripts: paths, defaults, logging. Source it, don't run it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# One shared target directory, so every script (and CI) reuses the same build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/govchain/target}"
# The node binary: GOVCHAIN_NODE (as for the test harnesses), or the shared release build.
NODE_BIN="${GOVCHAIN_NODE:-$CARGO_TARGET_DIR/release/govchain-node}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		die "need root to run: $* (install it yourself or run as root)"; fi
}
