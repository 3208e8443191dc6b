#!/usr/bin/env bash
# kill -9 under load: a stream of signed transfers goes to the RPC node; mid-stream a
# validator is killed with SIGKILL while it imports and finalizes blocks. Restarted,
# its database opens, it catches up, and every transaction reported finalized before
# the kill is in its chain: each one looked up by block hash (canonical at its
# height) and extrinsic hash.
TEST=kill9-load
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$(dirname "${BASH_SOURCE[0]}")"
victim=cq-amr

fresh_network 4
out="$NET_DIR/outcomes.jsonl"
url="ws://127.0.0.1:$(rpc_port rpc)"
say "submitting transfers to the RPC node ($url), 3 a second for 50 s"
node "$here/load.mjs" submit "$url" 50 3 >"$out" 2>"$NET_DIR/load.err" &
load=$!
EXTRA_PIDS+=("$load")
sleep 22
show
kill_ms=$(now_ms)
say "kill -9 $victim with $(grep -c '"finalized"' "$out") transfers finalized so far"
net_stop_node "$victim" KILL
sleep 10
show
say "restarting $victim"
net_start_node "$victim" || fail "$victim does not start after kill -9"
say "$victim's database opened after kill -9: $(grep -E 'Database: |Highest known block' "$NET_DIR/nodes/$victim/node.log" | tail -2 | cut -c21- | tr -s ' \n' ' ')"
t=$(date +%s)
while kill -0 "$load" 2>/dev/null; do
	[ $(($(date +%s) - t)) -gt 150 ] && fail "the transaction stream did not end"
	sleep 2
done
wait "$load" || true
[ -s "$NET_DIR/load.err" ] && say "load: $(cat "$NET_DIR/load.err")"
say "outcomes: $(node -e '
	const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
	const c = {}; for (const r of rows) c[r.status] = (c[r.status] || 0) + 1;
	const before = rows.filter((r) => r.status === "finalized" && r.t < Number(process.argv[2])).length;
	console.log(JSON.stringify(c), "—", before, "finalized before the kill");' "$out" "$kill_ms")"
last=$(node -e 'console.log(Math.max(...require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse).map((r) => r.number || 0)))' "$out")
wait_until 60 "$victim finalized #$last (the last block holding a transfer)" finalized_at_least "$victim" "$last"
show
say "checking on $victim every transfer reported finalized before the kill"
node "$here/load.mjs" verify "ws://127.0.0.1:$(rpc_port "$victim")" "$out" "$kill_ms" | while read -r l; do say "$l"; done
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "a transfer finalized before the kill is missing on $victim"
say "checking on $victim every transfer reported finalized (before and after)"
node "$here/load.mjs" verify "ws://127.0.0.1:$(rpc_port "$victim")" "$out" | while read -r l; do say "$l"; done
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "a finalized transfer is missing on $victim"
pass "$victim survived kill -9 under load; no finalized transfer lost"
