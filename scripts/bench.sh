#!/usr/bin/env bash
# Regenerates every GovChain pallet's weights.rs from its v2 benchmarks, on this
# machine. Builds the node with `--features runtime-benchmarks` (a separate set of
# artifacts in the same target directory; the normal build stays lean).
#
#   scripts/bench.sh                 # every pallet under pallets/
#   scripts/bench.sh consortium      # only pallets/consortium
#   STEPS=2 REPEAT=1 scripts/bench.sh   # a quick check that benchmarks run
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" --features runtime-benchmarks

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
cd "$ROOT"
pallets=("$@")
if [ ${#pallets[@]} -eq 0 ]; then
	for d in pallets/*/; do pallets+=("$(basename "$d")"); done
fi

header="$(mktemp)"
trap 'rm -f "$header"' EXIT
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
cat > "$header" <<HDR
// This file is part of GovChain.
// Generated on $(hostname) ($(nproc) cores, ${cpu:-unknown CPU}, $(free -g | awk '/Mem:/ {print $2}') GiB)
// by: scripts/bench.sh $* (STEPS=$STEPS REPEAT=$REPEAT)
HDR

for p in "${pallets[@]}"; do
	crate="pallet_${p//-/_}"
	out="pallets/$p/src/weights.rs"
	log "benchmarking $crate -> $out"
	"$NODE_BIN" benchmark pallet \
		--chain dev \
		--pallet "$crate" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--template scripts/bench/pallet-weight-template.hbs \
		--header "$header" \
		--output "$out"
done
log "weights written; review with: git diff -- 'pallets/*/src/weights.rs'"
