#!/usr/bin/env bash
# Measures GovChain's weights on this machine and writes them into the code.
#
#   scripts/bench.sh                     # all of the below, in this order
#   scripts/bench.sh pallets [name ...]  # GovChain pallets -> pallets/<name>/src/weights.rs
#   scripts/bench.sh frame               # FRAME's balances pallet (transfers, the
#                                        # throughput baseline) -> runtime/src/weights/
#   scripts/bench.sh base                # block and extrinsic base weights (`benchmark
#                                        # overhead`) -> runtime/src/weights/
#   scripts/bench.sh storage [DIR]       # ParityDB read/write weights (`benchmark storage`)
#                                        # over the chain state in base path DIR, by default a
#                                        # state filled by the load generator ->
#                                        # runtime/src/weights/paritydb_weights.rs
#   scripts/bench.sh block DIR FROM TO   # `benchmark block`: blocks FROM..TO of the chain in
#                                        # base path DIR executed again, time against weight
#   STEPS=2 REPEAT=1 scripts/bench.sh pallets   # a quick check that benchmarks run
#
# Builds the node with `--features runtime-benchmarks` and keeps that binary as
# $CARGO_TARGET_DIR/release/govchain-node-bench; the normal node is built again
# afterwards, so `govchain-node` stays the one the other scripts run. docs/PERFORMANCE.md
# ("Weights") records the last results.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
"$ROOT/scripts/setup.sh"

BENCH_BIN="$CARGO_TARGET_DIR/release/govchain-node-bench"
NORMAL_BIN="$CARGO_TARGET_DIR/release/govchain-node"
if [ -z "${GOVCHAIN_BENCH_NODE:-}" ]; then
	"$ROOT/scripts/build.sh" --features runtime-benchmarks
	cp -f "$NORMAL_BIN" "$BENCH_BIN"
	log "restoring the normal node build"
	(cd "$ROOT" && cargo build --locked --release -p govchain-node)
else
	BENCH_BIN="$GOVCHAIN_BENCH_NODE"
fi

STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
cd "$ROOT"
WEIGHTS=runtime/src/weights

header="$(mktemp)"
trap 'rm -f "$header"' EXIT
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
cat > "$header" <<HDR
// This file is part of GovChain.
// Generated on $(hostname) ($(nproc) cores, ${cpu:-unknown CPU}, $(free -g | awk '/Mem:/ {print $2}') GiB)
// by: scripts/bench.sh $* (STEPS=$STEPS REPEAT=$REPEAT)
HDR

# One pallet's benchmarks into a weight file; extra arguments go to the CLI. Without proof
# recording: GovChain is a solochain, its blocks are built and imported without recording a
# storage proof, and recording one in the benchmark adds its cost to every measured read.
bench_pallet() {
	local pallet="$1" out="$2"
	shift 2
	log "benchmarking $pallet -> $out"
	"$BENCH_BIN" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--disable-proof-recording \
		--header "$header" \
		--output "$out" "$@"
}

pallets() {
	local names=("$@")
	if [ ${#names[@]} -eq 0 ]; then
		for d in pallets/*/; do names+=("$(basename "$d")"); done
	fi
	for p in "${names[@]}"; do
		bench_pallet "pallet_${p//-/_}" "pallets/$p/src/weights.rs" \
			--template scripts/bench/pallet-weight-template.hbs
	done
}

# FRAME's own weights assume Polkadot's reference machine and RocksDB: balances measured
# here instead, with the runtime's database weights. The transaction extensions and the
# fee are not benchmarked one by one: `benchmark overhead` measures them inside the
# extrinsic base weight (runtime/src/weights/in_base.rs).
frame() {
	bench_pallet pallet_balances "$WEIGHTS/pallet_balances.rs"
}

base() {
	log "benchmark overhead -> $WEIGHTS/{block,extrinsic}_weights.rs"
	"$BENCH_BIN" benchmark overhead \
		--chain dev \
		--wasm-execution compiled \
		--header "$header" \
		--weight-path "$WEIGHTS"
	runtime_paths "$WEIGHTS/block_weights.rs" "$WEIGHTS/extrinsic_weights.rs"
}

# The runtime reaches sp-weights through frame-support.
runtime_paths() { sed -i 's/sp_weights::/frame_support::weights::/' "$@"; }

storage() {
	local dir="${1:-}"
	if [ -z "$dir" ]; then
		dir="$(mktemp -d -t govchain-bench-state.XXXXXX)"
		# The scale the weights must hold at: a million licences and a million works
		# (about 6 million keys; 25 minutes to load, 16 to measure). Weights measured on
		# 30,000 licences (a write 12.0 µs, against 30.2 µs here) let blocks of licence
		# batches at a million run to 184 % of their weight (docs/PERFORMANCE.md, spec 106).
		log "filling a development chain's state with the load generator in $dir"
		LOADGEN_BASE="$dir" "$ROOT/scripts/loadgen.sh" \
			--scenarios enterprise,licence-batch,copyright-batch \
			--counts enterprise=2000,licence-batch=10000,copyright-batch=10000 --users 640 \
			--rates licence-batch=55,copyright-batch=18
	fi
	# Without the proof recorder, for the reason the pallets are measured without one.
	log "benchmark storage over $dir/chain -> $WEIGHTS/paritydb_weights.rs"
	"$BENCH_BIN" benchmark storage \
		--chain "$(dev_spec "$dir")" \
		--base-path "$dir/chain" \
		--database paritydb \
		--state-version 1 \
		--disable-pov-recorder \
		--header "$header" \
		--weight-path "$WEIGHTS"
	runtime_paths "$WEIGHTS/paritydb_weights.rs"
}

# The development chain's spec as the normal node has it (its genesis holds the normal
# runtime, which the chains measured here run), for the benchmark node to open them.
dev_spec() {
	"$NODE_BIN" build-spec --chain dev --raw 2>/dev/null >"$1/dev-spec.json"
	echo "$1/dev-spec.json"
}

block() {
	[ $# -eq 3 ] || die "usage: scripts/bench.sh block DIR FROM TO"
	"$BENCH_BIN" benchmark block \
		--chain "$(dev_spec "$1")" \
		--base-path "$1/chain" \
		--database paritydb \
		--wasm-execution compiled \
		--from "$2" --to "$3" --repeat "${BLOCK_REPEAT:-5}"
}

case "${1:-all}" in
	pallets) shift; pallets "$@" ;;
	frame) frame ;;
	base) base ;;
	storage) shift; storage "$@" ;;
	block) shift; block "$@" ;;
	all) pallets; frame; base; storage ;;
	*) die "unknown step $1 (pallets, frame, base, storage, block)" ;;
esac
log "weights written; review with: git diff -- 'pallets/*/src/weights.rs' runtime/src/weights"
