// Placeholder until `scripts/bench.sh provident-fund` generates this file.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_provident_fund`.
pub trait WeightInfo {
	fn record_deposit() -> Weight;
	fn issue_certificate() -> Weight;
	fn release_account() -> Weight;
	fn accept_account() -> Weight;
	fn set_rules() -> Weight;
	fn commission_bank() -> Weight;
	fn file_loan() -> Weight;
	fn decide_loan() -> Weight;
	fn disburse() -> Weight;
	fn record_repayment() -> Weight;
	fn set_overdue() -> Weight;
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn record_deposit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue_certificate() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn release_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn accept_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_rules() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn commission_bank() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn file_loan() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn decide_loan() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn disburse() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn record_repayment() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_overdue() -> Weight { Weight::from_parts(10_000_000, 1000) }
}

impl WeightInfo for () {
	fn record_deposit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue_certificate() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn release_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn accept_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_rules() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn commission_bank() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn file_loan() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn decide_loan() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn disburse() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn record_repayment() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_overdue() -> Weight { Weight::from_parts(10_000_000, 1000) }
}
