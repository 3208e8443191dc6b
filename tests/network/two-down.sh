#!/usr/bin/env bash
# Two of four validators killed (SIGKILL): GRANDPA needs more than two thirds, so the
# finalized head stops for 30 s while the other two keep authoring their slots. No
# finalized block is lost: the blocks finalized before are still the chain's at those
# heights afterwards. One validator back: finality resumes.
TEST=two-down
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

fresh_network 4
show
say "killing cq-hpf and cq-press (SIGKILL)"
net_stop_node cq-hpf KILL
net_stop_node cq-press KILL
# Votes already cast may still finalize a block or two.
sleep 6
f0=$(fin_of cq-amr) h0=$(fin_hash_of cq-amr) b0=$(best_of cq-amr)
say "finalized #$f0 ($h0), best #$b0"
sleep 30
show
f1=$(fin_of cq-amr) b1=$(best_of cq-amr) f1b=$(fin_of sc-amr)
say "after 30 s with 2 of 4: finalized #$f0 -> #$f1 (sc-amr #$f1b), best #$b0 -> #$b1"
[ "$f1" = "$f0" ] && [ "$f1b" -le "$f0" ] || fail "finality advanced with only 2 of 4 validators"
[ $((b1 - b0)) -ge 2 ] || fail "the remaining validators do not author (best +$((b1 - b0)))"
[ "$(hash_at cq-amr "$f0")" = "$h0" ] || fail "finalized block #$f0 changed"

say "restarting cq-hpf"
t=$(date +%s)
net_start_node cq-hpf
wait_until 90 "finality resumes past #$((f0 + 2))" finalized_at_least cq-amr $((f0 + 2))
say "finality resumed $(($(date +%s) - t)) s after the restart"
MIN_FIN=$((f0 + 2))
wait_until 30 "the four running nodes agree on the finalized chain" agree_on_finalized cq-amr sc-amr cq-hpf rpc
show
for n in cq-amr sc-amr cq-hpf rpc; do
	[ "$(hash_at "$n" "$f0")" = "$h0" ] || fail "$n: block #$f0 is no longer $h0"
done
say "block #$f0 finalized before the outage is still $h0 on every node; agreed finalized: $AGREED"
pass "finality stopped at #$f0 with 2 of 4 and resumed with 3; nothing finalized was lost"
