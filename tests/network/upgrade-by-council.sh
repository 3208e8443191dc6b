#!/usr/bin/env bash
# A runtime upgrade by council vote while transactions flow. The network starts from
# the previous release's runtime (spec_version 100, copyright storage version 1:
# tests/network/runtimes/, or GOVCHAIN_UPGRADE_FROM) and upgrades to the runtime the
# node under test carries (its `local` spec's code), which migrates copyright storage
# and the enterprise registry's (a pending review filed before, listed once after) to
# version 2. One validator (cq-press) is stopped before the upgrade.
# upgrade.mjs does the chain's part through one @polkadot/api connection opened before
# the upgrade (motion, applyAuthorizedUpgrade, checks of state before and after the
# migration, the same connection used after it, a transfer stream throughout).
# Then: every running node reports the new spec_version; every transfer reported
# finalized is in the chain; cq-press, restarted, syncs through the upgrade block and
# runs the new runtime; all nodes keep finalizing and agree on one chain.
TEST=upgrade-by-council
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export GOVCHAIN_NET_RUNTIME="${GOVCHAIN_UPGRADE_FROM:-$here/runtimes/govchain-runtime-100.compact.compressed.wasm}"
source "$here/lib.sh"
stopped=cq-press

[ -s "$GOVCHAIN_NET_RUNTIME" ] || fail "no runtime to start from at $GOVCHAIN_NET_RUNTIME"
fresh_network 4
url="ws://127.0.0.1:$(rpc_port rpc)"
new="$NET_DIR/new-runtime.wasm"
"$NET_NODE" export-chain-spec --chain local 2>/dev/null |
	node -e 'const s = JSON.parse(require("fs").readFileSync(0, "utf8")); require("fs").writeFileSync(process.argv[1], Buffer.from(s.genesis.runtimeGenesis.code.slice(2), "hex"))' "$new" ||
	fail "cannot take the runtime out of the node's local spec"
spec_of() { node_rpc "$1" state_getRuntimeVersion | node -e 'console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).specVersion)'; }
old_spec=$(spec_of rpc)
say "network started from $(basename "$GOVCHAIN_NET_RUNTIME") (spec_version $old_spec); upgrading to the node's own runtime ($(stat -c %s "$new") bytes)"

say "stopping $stopped before the upgrade"
net_stop_node $stopped >/dev/null
show

out="$NET_DIR/outcomes.jsonl"
node "$here/upgrade.mjs" "$url" "$new" "$out" 2>&1 | tee "$NET_DIR/upgrade.out" | while IFS= read -r l; do say "  $l"; done
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "$(tail -1 "$NET_DIR/upgrade.out")"
read -r _ U hashU < <(grep '^UPGRADE ' "$NET_DIR/upgrade.out")
[ -n "$U" ] || fail "upgrade.mjs named no upgrade block"

new_spec=$(spec_of rpc)
[ "$new_spec" -gt "$old_spec" ] || fail "the RPC node still reports spec_version $new_spec"
for name in $(net_nodes); do
	[ "$name" = $stopped ] && continue
	s=$(spec_of "$name")
	[ "$s" = "$new_spec" ] || fail "$name reports spec_version $s, not $new_spec"
done
say "every running node reports spec_version $new_spec"

say "checking on cq-amr every transfer reported finalized"
node "$here/load.mjs" verify "ws://127.0.0.1:$(rpc_port cq-amr)" "$out" | while read -r l; do say "  $l"; done
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "a finalized transfer is missing"

say "restarting $stopped, stopped since before the upgrade at #$U"
net_start_node $stopped || fail "$stopped does not start"
target=$(fin_of rpc)
wait_until 90 "$stopped finalized #$target (past the upgrade block #$U)" finalized_at_least $stopped "$target"
[ "$(hash_at $stopped "$U")" = "$hashU" ] || fail "$stopped has another block at #$U"
s=$(spec_of $stopped)
[ "$s" = "$new_spec" ] || fail "$stopped runs spec_version $s after syncing, not $new_spec"
say "$stopped synced through #$U ($hashU) and runs spec_version $s"

after=$(fin_of rpc)
wait_until 60 "every node finalized #$((after + 3))" all_finalized_at_least $((after + 3))
MIN_FIN=$((after + 3)) agree_on_finalized || fail "the nodes do not agree on the finalized chain"
show
pass "runtime upgraded by vote at #$U ($old_spec → $new_spec) under load; migration checked; all 5 nodes agree at #${AGREED%% *}"
