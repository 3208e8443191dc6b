#!/usr/bin/env bash
# Network partition: every node in its own network namespace (veth pair to a bridge in
# namespace gcnet-hub). Cutting {cq-press, rpc} off from {cq-amr, sc-amr, cq-hpf}:
# the majority (3 of 4 validators) keeps finalizing, the minority's finalized head
# does not move (its validator may still author its slots, on a fork). After healing,
# all nodes agree on one finalized chain, the majority's. Needs root (ip netns).
TEST=partition
export GOVCHAIN_NETNS=1
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ "$(id -u)" -eq 0 ] || { say "SKIP: network namespaces need root"; exit 0; }
majority=(cq-amr sc-amr cq-hpf) minority=(cq-press rpc)

fresh_network 4
show
say "partition: {${minority[*]}} | {${majority[*]}}"
net_partition "${minority[@]}"
sleep 5
mf0=$(fin_of cq-press) rf0=$(fin_of rpc) Mf0=$(fin_of cq-amr) mb0=$(best_of cq-press)
sleep 30
show
mf1=$(fin_of cq-press) rf1=$(fin_of rpc) Mf1=$(fin_of cq-amr) mb1=$(best_of cq-press)
say "30 s partitioned: majority finalized #$Mf0 -> #$Mf1; minority finalized cq-press #$mf0 -> #$mf1, rpc #$rf0 -> #$rf1; minority best #$mb0 -> #$mb1"
[ $((Mf1 - Mf0)) -ge 5 ] || fail "the majority side did not keep finalizing"
[ "$mf1" = "$mf0" ] && [ "$rf1" = "$rf0" ] || fail "the minority side finalized blocks"
mfh=$(hash_at cq-press "$mf1")

say "healing the partition"
t=$(date +%s)
net_heal
MIN_FIN=$((Mf1 + 2))
wait_until 120 "all five nodes on one finalized chain at or above #$MIN_FIN" agree_on_finalized
say "healed in $(($(date +%s) - t)) s; agreed finalized: $AGREED"
show
for n in $(net_nodes); do
	[ "$(hash_at "$n" "$mf1")" = "$mfh" ] || fail "$n disagrees about #$mf1, the minority's last finalized block"
done
say "#$mf1 (the minority's last finalized block) is $mfh on every node"
pass "minority could not finalize; after healing all nodes agree on the majority's finalized chain"
