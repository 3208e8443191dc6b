#!/usr/bin/env bash
# Runs the network fault tests on real node processes, one at a time (each starts its
# own network and stops it):
#   tests/network/run.sh                 every test
#   tests/network/run.sh one-down kill9-load   the named ones
# Each test's output goes to the terminal and to tests/network/logs/<test>.out; a
# summary with durations ends the run. Exit status: the number of failed tests.
# Environment: GOVCHAIN_NODE (node binary; default the shared release build),
# GOVCHAIN_NETWORK_TESTS_DIR, GOVCHAIN_PORT_OFFSET (see lib.sh).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
all=(compose one-down two-down kill9-load intruder restart-window backup-restore partition join upgrade-by-council)
tests=("$@")
[ ${#tests[@]} -eq 0 ] && tests=("${all[@]}")
for t in "${tests[@]}"; do [ -x "$here/$t.sh" ] || { echo "no test '$t' (tests: ${all[*]})" >&2; exit 2; }; done

# Node keys and spec of the test networks are made with the binary under test.
if [ -z "${GOVCHAIN_NODE:-}" ]; then
	export GOVCHAIN_NODE="${CARGO_TARGET_DIR:-$HOME/.cache/govchain/target}/release/govchain-node"
fi
[ -x "$GOVCHAIN_NODE" ] || { echo "no node binary at $GOVCHAIN_NODE (scripts/build.sh builds it)" >&2; exit 2; }
rm -rf "${GOVCHAIN_NETWORK_TESTS_DIR:-/tmp/govchain-network-tests}"/template-*
# load.mjs uses the e2e suite's @polkadot/api.
if [ ! -d "$here/../e2e/node_modules/@polkadot/api" ]; then
	(cd "$here/../e2e" && npm ci --no-audit --no-fund --loglevel=error) || exit 2
fi

mkdir -p "$here/logs"
summary=() failed=0
for t in "${tests[@]}"; do
	start=$(date +%s)
	timeout --foreground -k 10 300 "$here/$t.sh" 2>&1 | tee "$here/logs/$t.out"
	case "${PIPESTATUS[0]}" in
	0) result=PASS ;;
	3) result=TODO ;;
	*) result=FAIL failed=$((failed + 1)) ;;
	esac
	# A test killed by the timeout may leave nodes behind: stop those of its network.
	for f in "${GOVCHAIN_NETWORK_TESTS_DIR:-/tmp/govchain-network-tests}/$t"/nodes/*/pid; do
		[ -f "$f" ] || continue
		p=$(cat "$f")
		tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q govchain-node && kill -KILL "$p"
	done
	summary+=("$(printf '%-15s %s %4ss' "$t" "$result" $(($(date +%s) - start)))")
done
echo
echo "network tests ($(date -Is), node $("$GOVCHAIN_NODE" --version 2>/dev/null | head -1)):"
printf '  %s\n' "${summary[@]}"
exit "$failed"
