#!/usr/bin/env bash
# One of four validators killed (SIGKILL): the other three keep producing and
# finalizing blocks. Restarted, it catches up, authors blocks again (a block its log
# says it sealed is the canonical, finalized block at that height) and votes in
# GRANDPA again (with a second validator then down, finality only continues if the
# restarted one votes: 3 of 4 are needed).
TEST=one-down
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh_network 4
show
victim=cq-press

say "killing $victim (SIGKILL)"
net_stop_node "$victim" KILL
b0=$(best_of cq-amr) f0=$(fin_of cq-amr)
sleep 30
show
b1=$(best_of cq-amr) f1=$(fin_of cq-amr)
say "in 30 s without $victim: best #$b0 -> #$b1, finalized #$f0 -> #$f1"
[ $((b1 - b0)) -ge 5 ] || fail "blocks are not produced (best +$((b1 - b0)) in 30 s)"
[ $((f1 - f0)) -ge 5 ] || fail "blocks are not finalized (finalized +$((f1 - f0)) in 30 s)"

say "restarting $victim"
from=$(($(log_lines "$victim") + 1))
t=$(date +%s)
net_start_node "$victim"
target=$(best_of cq-amr)
wait_until 60 "$victim imported the network's best at restart (#$target)" best_at_least "$victim" "$target"
wait_until 30 "$victim finalized #$target" finalized_at_least "$victim" "$target"
say "$victim caught up in $(($(date +%s) - t)) s"

# Aura: a block the restarted node sealed becomes the canonical, finalized block.
authored_canonical() {
	local n h
	while read -r n h; do
		[ -n "$n" ] || continue
		finalized_at_least cq-amr "$n" || continue
		[ "$(hash_at cq-amr "$n")" = "$h" ] && { say "$victim authored #$n ($h), finalized on cq-amr"; return 0; }
	done < <(authored_since "$victim" "$from")
	return 1
}
wait_until 60 "a block authored by $victim after restart is finalized" authored_canonical

# GRANDPA: take a second validator down; finality continues only with the restarted one's votes.
say "killing sc-amr too: finality now needs $victim's votes"
net_stop_node sc-amr KILL
sleep 3
f2=$(fin_of cq-amr)
wait_until 45 "finalized advances past #$((f2 + 3)) with $victim voting" finalized_at_least cq-amr $((f2 + 3))
show
pass "3 of 4 kept finalizing; $victim caught up, authored and voted again"
