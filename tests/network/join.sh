#!/usr/bin/env bash
# A new agency joins. On a four-agency network whose sessions last 10 blocks (30 s;
# GOVCHAIN_NET_SESSION_PERIOD), a fifth agency, the Bank of Chongqing (node cq-bank,
# account //Eve), joins as docs/OPERATIONS.md tells a real agency to:
#   1. it makes its node key (scripts/network.sh add-node); one council motion admits
#      the agency (consortium.registerAgency) and its node's peer id
#      (nodeAuthorization.addWellKnownNode); a member funds //Eve meanwhile;
#   2. the node's first start (start-node --setup: no offchain worker, unsafe RPC methods
#      on 127.0.0.1) syncs from the members; author_rotateKeysWithOwner(//Eve) gives its
#      session keys and their proof; //Eve submits session.setKeys(keys, proof); the node
#      restarts with the members' flags;
#   3. a motion consortium.addValidator(agency, //Eve).
# Checks: //Eve is queued at the next session boundary, then in session.validators with
# its keys among the Aura and GRANDPA authorities; a block cq-bank sealed (its log; the
# block's Aura pre-digest names its key) is finalized; with one of the four original
# validators stopped, finality continues, which needs cq-bank's GRANDPA votes (4 of 5).
# Then a motion suspends the agency (consortium.suspendAgency): //Eve leaves the queued
# set at the next boundary and the validators and both authority sets at the one after;
# with cq-bank stopped, the four originals keep finalizing one chain.
# Evidence: a licence and a work recorded before the join (authority set 0) are
# exported after the leave (set 2) as evidence bundles by the RPC node
# (evidence_bundle), and checked by govchain-verify against the checkpoint another node
# gives (evidence_checkpoint: genesis hash and genesis authorities): each proves its
# record through both set changes, and every forgery of it is refused with its reason
# (govchain-verify self-test).
TEST=join
export GOVCHAIN_NET_SESSION_PERIOD=10
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
here="$(dirname "${BASH_SOURCE[0]}")"
new=cq-bank
row=$(net_agency_row $new)
seed=$(net_field "$row" 1)

fresh_network 4
url="ws://127.0.0.1:$(rpc_port rpc)"
chain() { node "$here/join.mjs" "$url" "$@"; }
# Runs a join.mjs command, prints its lines as they come; fails the test if it fails.
# Its output stays in OUT.
step() {
	local f="$NET_DIR/step.out"
	if ! chain "$@" 2>&1 | tee "$f" | while IFS= read -r l; do say "  $l"; done; then
		OUT=$(cat "$f")
		fail "$1: ${OUT##*$'\n'}"
	fi
	OUT=$(cat "$f")
}
# watch_for <queued-in|in|queued-out|out> <failure>: follows the chain for up to 45 s
# (a session is 30 s), printing each change (join.mjs watch).
watch_for() {
	if ! chain watch "$seed" "$keys" "$1" 45 | while IFS= read -r l; do say "  [until $1] $l"; done; then
		fail "$2"
	fi
}

period=$(chain session-period) || fail "cannot read the session length"
say "session length read by the chain: $period"
[[ "$period" == "10 blocks "* ]] || fail "the chain spec does not set a 10-block session"
step records "$(date +%s)"
read -r _ licence _ work _ <<<"$OUT"
[[ "$licence" =~ ^[0-9]+$ && "$work" == 0x* ]] || fail "no licence and work in: $OUT"
read -r account account_hex < <(chain account "$seed")
say "the new agency: $(net_field "$row" 2), admin and validator account //$seed ($account)"

say "1. $new makes its node key; a council motion admits the agency and the node's peer id"
net_add_node $new >"$NET_DIR/add-node.out"
say "  $(cat "$NET_DIR/add-node.out")"
step admit "$seed" "$(net_field "$row" 2)" "$(net_field "$row" 5)" "$(net_field "$row" 3)" "$(net_field "$row" 4)" "$(peer_id_hex $new)"
agency=$(grep -o 'agency [0-9]* registered' <<<"$OUT" | cut -d' ' -f2)
[ -n "$agency" ] || fail "no agency id in: $OUT"
show

say "2. first start of $new (no offchain worker, unsafe RPC methods on 127.0.0.1)"
net_start_node $new setup
target=$(best_of cq-amr)
wait_until 60 "$new synced the members' best (#$target)" best_at_least $new "$target"
say "$new: best #$(best_of $new), $(peers_of $new) peers; cq-amr: $(peers_of cq-amr) peers"

if node_rpc $new rpc_methods | grep -q '"author_rotateKeysWithOwner"'; then
	gen=$(node_rpc $new author_rotateKeysWithOwner "[\"$account_hex\"]") || fail "author_rotateKeysWithOwner: $gen"
	read -r keys proof < <(node -e 'const g = JSON.parse(process.argv[1]); console.log(g.keys, g.proof || "0x")' "$gen")
	say "author_rotateKeysWithOwner($account_hex): keys ${keys:0:18}…, proof of $(((${#proof} - 2) / 2)) bytes"
else
	keys=$(node_rpc $new author_rotateKeys | tr -d '"') proof=0x
	say "the node offers no author_rotateKeysWithOwner; author_rotateKeys: ${keys:0:18}… (no proof)"
fi
[ ${#keys} -eq 130 ] || fail "session keys are not an Aura and a GRANDPA key (64 bytes): $keys"
step set-keys "$seed" "$keys" "$proof"

say "restarting $new with the members' flags (safe RPC methods, offchain worker)"
net_stop_node $new
from=$(($(log_lines $new) + 1))
net_start_node $new
say "  $(tail -n +"$from" "$NET_DIR/nodes/$new/node.log" | grep -o 'Node admission from the chain.*' | head -1)"
target=$(best_of cq-amr)
wait_until 30 "$new back at the members' best (#$target)" best_at_least $new "$target"

say "3. a council motion seats //$seed as a validator of agency $agency"
step add-validator "$agency" "$seed"
say "waiting for the session boundaries (every 10 blocks)"
watch_for queued-in "//$seed was not queued at the next session boundary"
watch_for in "//$seed did not become a validator at the following session boundary"
joined=$(best_of cq-amr)
show

# Aura: a block cq-bank's log says it sealed is the finalized block at that height, and
# its pre-digest names cq-bank's Aura key.
authored_by_new() {
	local n h k slot
	while read -r n h; do
		[ -n "$n" ] || continue
		finalized_at_least cq-amr "$n" || continue
		[ "$(hash_at cq-amr "$n")" = "$h" ] || continue
		read -r k slot < <(chain author "$n")
		[ "$k" = "${keys:0:66}" ] || fail "#$n, sealed by $new per its log, has the Aura slot of ${k:0:18}…"
		say "$new sealed #$n ($h; slot $slot, Aura key ${k:0:18}…), finalized on cq-amr"
		return 0
	done < <(authored_since $new "$from")
	return 1
}
wait_until 45 "a block sealed by $new is finalized" authored_by_new

# GRANDPA: 5 authorities need 4 votes; with cq-press down that includes cq-bank's.
say "stopping cq-press (SIGKILL): finality now needs $new's GRANDPA votes"
net_stop_node cq-press KILL
sleep 2
f=$(fin_of cq-amr)
wait_until 40 "finalized advances past #$((f + 3)) without cq-press" finalized_at_least cq-amr $((f + 3))
show
say "restarting cq-press"
net_start_node cq-press

say "4. a council motion suspends agency $agency"
step suspend "$agency"
watch_for queued-out "//$seed was still queued after the next session boundary"
watch_for out "//$seed was still a validator after the following session boundary"
wait_until 30 "cq-press caught up" best_at_least cq-press "$(best_of cq-amr)"
say "stopping $new: the four original validators finalize alone"
net_stop_node $new KILL
f=$(fin_of cq-amr)
wait_until 40 "finalized advances past #$((f + 3)) without $new" finalized_at_least cq-amr $((f + 3))
originals=($(net_validators) rpc)
wait_until 30 "the original nodes agree on the finalized chain" agree_on_finalized "${originals[@]}"
show
say "5. evidence bundles of licence $licence and work ${work:0:18}… (recorded in set 0), checked from the genesis checkpoint"
verify_bin="${GOVCHAIN_VERIFY:-$(dirname "$GOVCHAIN_NODE")/govchain-verify}"
[ -x "$verify_bin" ] || fail "no govchain-verify at $verify_bin"
wasm="$ROOT/web/public/govchain-verify.wasm"
[ -f "$wasm" ] || fail "no $wasm (scripts/build.sh builds it)"
node_rpc cq-amr evidence_checkpoint >"$NET_DIR/checkpoint.json" || fail "evidence_checkpoint: $(cat "$NET_DIR/checkpoint.json")"
say "  checkpoint from cq-amr: $(cut -c1-160 "$NET_DIR/checkpoint.json")…"
for rec in "licence $licence" "work $work"; do
	read -r kind id <<<"$rec"
	b="$NET_DIR/$kind.bundle.json"
	node_rpc rpc evidence_bundle "[\"$kind\",\"$id\"]" >"$b" || fail "evidence_bundle $kind: $(cat "$b")"
	out=$("$verify_bin" self-test "$b" --checkpoint "$NET_DIR/checkpoint.json") || { say "$out"; fail "$kind: the bundle or a forgery of it was judged wrongly"; }
	while IFS= read -r l; do say "  $l"; done <<<"$out"
	say "  $kind bundle: $(node -e '
		const b = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")), n = (h) => (h.length - 2) / 2;
		const sum = (a) => a.reduce((s, h) => s + n(h), 0), i = b.inclusion;
		console.log(`finality ${b.finality.map((f) => `${n(f.header)}+${n(f.justification)}`).join(", ")} bytes (header+justification); ` +
			`state proof ${b.state.proof.length} nodes ${sum(b.state.proof)} bytes; ` +
			(i ? `inclusion ${i.headers.length} headers ${sum(i.headers)} bytes, justification ${i.justification ? n(i.justification) : 0}, extrinsics ${sum(i.extrinsics.map((x) => x.extrinsic))}, proof ${sum(i.proof)}` : "no inclusion"))' "$b")"
	grep -q '^✔ ' <<<"$out" || fail "$kind: no ✔"
	grep -q '2 set changes followed' <<<"$out" || fail "$kind: the bundle does not span the join and the leave"
	grep -q 'Created by extrinsic .* signed by ' <<<"$out" || fail "$kind: the creating extrinsic is not proven"
	grep -q '11 forgeries refused with the expected reason, 0 not' <<<"$out" || fail "$kind: not every forgery was tried"
	# The same bundle through the verifier the public page runs (WebAssembly).
	wout=$(node "$ROOT/tests/network/wasm-verify.mjs" "$wasm" "$b" "$NET_DIR/checkpoint.json") || { say "$wout"; fail "$kind: the WebAssembly verifier judged wrongly"; }
	while IFS= read -r l; do say "  $l"; done <<<"$wout"
	grep -q '2 set changes followed' <<<"$wout" || fail "$kind: the WebAssembly verifier did not follow both set changes"
done
pass "agency $agency joined (validator from #$joined, sealed and voted), then left; finality continued (agreed at #${AGREED%% *})"
