// This file is part of GovChain.
// Generated on vm (2 cores, AMD EPYC, 23 GiB)
// by: scripts/bench.sh storage /tmp/gc/m1 (STEPS=50 REPEAT=20)

//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-06 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! DATABASE: `ParityDb`, RUNTIME: `GovChain Development`
//! BLOCK-NUM: `Number(247)`
//! SKIP-WRITE: `false`, SKIP-READ: `false`, WARMUPS: `1`
//! STATE-VERSION: `V1`, STATE-CACHE-SIZE: ``
//! WEIGHT-PATH: `runtime/src/weights`
//! METRIC: `Average`, WEIGHT-MUL: `1.0`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/govchain/target/release/govchain-node-bench
//   benchmark
//   storage
//   --chain
//   /tmp/gc/m1/dev-spec.json
//   --base-path
//   /tmp/gc/m1/chain
//   --database
//   paritydb
//   --state-version
//   1
//   --disable-pov-recorder
//   --header
//   /tmp/tmp.ZAh5eyXdo0
//   --weight-path
//   runtime/src/weights

/// Storage DB weights for the `GovChain Development` runtime and `ParityDb`.
pub mod constants {
	use frame_support::weights::constants;
	use sp_core::parameter_types;
	use frame_support::weights::RuntimeDbWeight;

	parameter_types! {
		/// `ParityDB` can be enabled with a feature flag, but is still experimental. These weights
		/// are available for brave runtime engineers who may want to try this out as default.
		pub const ParityDbWeight: RuntimeDbWeight = RuntimeDbWeight {
			/// Time to read one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 821, 4_125_905
			///   Average:  10_062
			///   Median:   9_684
			///   Std-Dev:  4244.77
			///
			/// Percentiles nanoseconds:
			///   99th: 16_375
			///   95th: 13_049
			///   75th: 10_746
			read: 10_062 * constants::WEIGHT_REF_TIME_PER_NANOS,

			/// Time to write one storage item.
			/// Calculated by multiplying the *Average* of all values with `1.0` and adding `0`.
			///
			/// Stats nanoseconds:
			///   Min, Max: 21_750, 36_558
			///   Average:  30_178
			///   Median:   30_907
			///   Std-Dev:  3298.66
			///
			/// Percentiles nanoseconds:
			///   99th: 36_558
			///   95th: 34_148
			///   75th: 32_265
			write: 30_178 * constants::WEIGHT_REF_TIME_PER_NANOS,
		};
	}

	#[cfg(test)]
	mod test_db_weights {
		use super::constants::ParityDbWeight as W;
		use frame_support::weights::constants;

		/// Checks that all weights exist and have sane values.
		// NOTE: If this test fails but you are sure that the generated values are fine,
		// you can delete it.
		#[test]
		fn bound() {
			// At least 1 µs.
			assert!(
				W::get().reads(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Read weight should be at least 1 µs."
			);
			assert!(
				W::get().writes(1).ref_time() >= constants::WEIGHT_REF_TIME_PER_MICROS,
				"Write weight should be at least 1 µs."
			);
			// At most 1 ms.
			assert!(
				W::get().reads(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Read weight should be at most 1 ms."
			);
			assert!(
				W::get().writes(1).ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
				"Write weight should be at most 1 ms."
			);
		}
	}
}
