#!/usr/bin/env bash
# Lookup time against the size of the state: licence verification
# (`LicensesApi_verify` through `state_call`, as the public page and the console call it)
# on a development chain holding ten thousand licences and on one holding ten million.
#
#   scripts/lookup.sh                  # both chains, in temporary directories removed
#                                      # at the end
#   scripts/lookup.sh SMALL LARGE      # in these base paths, kept: a chain already
#                                      # holding its licences is not loaded again
#
# Each chain is filled with `licenses.issueBatch` (100 licences a batch, 55 batches a
# second) by the load generator, in passes of LOOKUP_PASS licences (default 2,000,000;
# a pass restarts the node on the same base path). Ten million take about 77 minutes
# here and 16 GB of disk. Then, on a node restarted on that chain, read windows of 30 s: with
# 16 clients (three on the small chain; LOOKUP_WARM, default 10, on the large one, whose
# trie cache warms up over them), then two with one client: with one client, the
# latency is the lookup itself, without queueing. The last window of each is compared.
# LOOKUP_SMALL and LOOKUP_LARGE change the sizes (multiples of 100), LOOKUP_SECS the
# length of a window. Results in
# docs/PERFORMANCE.md ("Lookup at ten million licences").
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SMALL="${LOOKUP_SMALL:-10000}"
LARGE="${LOOKUP_LARGE:-10000000}"
PASS="${LOOKUP_PASS:-2000000}"
dirs=("${1:-}" "${2:-}")
sizes=("$SMALL" "$LARGE")
out="$(mktemp -t govchain-lookup.XXXXXX)"
made=()
trap 'rm -f "$out" "$out.table"; [ ${#made[@]} -eq 0 ] || rm -rf "${made[@]}"' EXIT

for i in 0 1; do
	dir="${dirs[$i]}" want="${sizes[$i]}"
	if [ -z "$dir" ]; then
		dir="$(mktemp -d -t govchain-lookup-state.XXXXXX)"
		made+=("$dir")
	fi
	mkdir -p "$dir"
	# Licences this script loaded into the chain (every batch of a pass must succeed:
	# `--check`), so a kept chain is topped up, not loaded again.
	have=$(cat "$dir/licences-loaded" 2>/dev/null || echo 0)
	while [ "$have" -lt "$want" ]; do
		n=$(( want - have < PASS ? want - have : PASS ))
		log "loading $n licences into $dir ($have there)"
		LOADGEN_BASE="$dir" "$ROOT/scripts/loadgen.sh" --scenarios licence-batch \
			--counts "licence-batch=$(( n / 100 ))" --rates licence-batch=55 --check >"$dir/load-$have.log" 2>&1 ||
			die "loading failed; see $dir/load-$have.log"
		have=$(( have + n / 100 * 100 ))
		echo "$have" >"$dir/licences-loaded"
	done
	# One node process: windows of 16 clients (on the large chain, enough for its trie
	# cache to warm up after the restart), then two windows of one client.
	warm=$(( i == 0 ? 3 : ${LOOKUP_WARM:-10} ))
	windows=$(printf 'read,%.0s' $(seq 1 $(( warm + 2 ))))
	clients=$(printf '16,%.0s' $(seq 1 "$warm"))1
	log "reads on $dir ($have licences loaded): $warm windows of 16 clients, 2 of one, ${LOOKUP_SECS:-30} s each"
	LOADGEN_BASE="$dir" "$ROOT/scripts/loadgen.sh" --scenarios "${windows%,}" --read-secs "${LOOKUP_SECS:-30}" \
		--read-clients "$clients" >"$dir/read.log" 2>&1 || die "reads failed; see $dir/read.log"
	grep -h '^read:' "$dir/read.log" | tee -a "$out"
	# The last window of each: warm.
	for c in 16 1; do
		grep -h "^read: $c clients" "$dir/read.log" | tail -1 |
			sed -E "s/^read: ([0-9]+) clients.*\(([0-9]+) req\/s.*latency p50 ([0-9.]+) ms, p99 ([0-9.]+) ms; in state: ([0-9]+) licences.*/\5 \1 \2 \3 \4/" >>"$out.table"
	done
done
echo
printf '%-12s %-8s %-8s %-9s %-9s %s\n' licences clients 'req/s' 'p50 ms' 'p99 ms' 'mean ms (clients / req/s)'
awk '{ printf "%-12s %-8s %-8s %-9s %-9s %.3f\n", $1, $2, $3, $4, $5, 1000 * $2 / $3 }' "$out.table"
awk 'NR==1 {s16=$2/$3; p16=$4} NR==2 {s1=$2/$3; p1=$4} NR==3 {l16=$2/$3; q16=$4} NR==4 {l1=$2/$3; q1=$4}
	END { printf "\nlarge against small: 16 clients mean %.2fx, p50 %.2fx; one client mean %.2fx, p50 %.2fx (target <= 1.5x)\n", l16/s16, q16/p16, l1/s1, q1/p1 }' "$out.table"
