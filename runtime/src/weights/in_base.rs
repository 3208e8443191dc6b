//! The transaction extensions' costs, charged once.
//!
//! `benchmark overhead` measures [`super::extrinsic_weights::ExtrinsicBaseWeight`] as a
//! signed, fee-paying `system.remark` taken through every transaction extension: the
//! signature, the nonce, the era, the weight checks, the fee withdrawn and refunded. Each
//! extension's own weight would charge that work a second time. Measured one by one
//! (`frame_system_benchmarking::extensions` and `pallet_transaction_payment`'s benchmark,
//! each on a cold database), they added up to 104 µs per extrinsic on 2026-12-05, more
//! than the 90 µs the whole signed no-op took in a block on the same machine that day;
//! `benchmark block` over blocks of GovChain calls found transfers executing in 55 % of
//! the weight charged with both (docs/PERFORMANCE.md, "Weights"). So the extensions are
//! charged through the base weight alone, and here at nothing. The base weight is
//! measured again with the other weights (`scripts/bench.sh base`); it moves with the
//! machine (117.6 µs on 2026-12-06), the extensions' share of it with it.

use frame_support::weights::Weight;

/// Extension weights already inside the measured extrinsic base weight.
pub struct InExtrinsicBase;

impl frame_system::ExtensionsWeightInfo for InExtrinsicBase {
	fn check_genesis() -> Weight {
		Weight::zero()
	}
	fn check_mortality_mortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_mortality_immortal_transaction() -> Weight {
		Weight::zero()
	}
	fn check_non_zero_sender() -> Weight {
		Weight::zero()
	}
	fn check_nonce() -> Weight {
		Weight::zero()
	}
	fn check_spec_version() -> Weight {
		Weight::zero()
	}
	fn check_tx_version() -> Weight {
		Weight::zero()
	}
	fn check_weight() -> Weight {
		Weight::zero()
	}
	fn weight_reclaim() -> Weight {
		Weight::zero()
	}
}

impl pallet_transaction_payment::WeightInfo for InExtrinsicBase {
	fn charge_transaction_payment() -> Weight {
		Weight::zero()
	}
}
