// Placeholder until `scripts/bench.sh licenses` generates this file.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_licenses`.
pub trait WeightInfo {
	fn define_type() -> Weight;
	fn retire_type() -> Weight;
	fn issue() -> Weight;
	fn issue_batch(n: u32, ) -> Weight;
	fn suspend() -> Weight;
	fn reinstate() -> Weight;
	fn revoke() -> Weight;
	fn cancel() -> Weight;
	fn renew() -> Weight;
	fn set_holder_account() -> Weight;
	fn grant_consent() -> Weight;
	fn revoke_consent() -> Weight;
	fn record_use() -> Weight;
	fn declare_recognition() -> Weight;
	fn confirm_recognition() -> Weight;
	fn withdraw_recognition() -> Weight;
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn define_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn retire_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue_batch(_n: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn suspend() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn reinstate() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn revoke() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn cancel() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn renew() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_holder_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn grant_consent() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn revoke_consent() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn record_use() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn declare_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn confirm_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn withdraw_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
}

impl WeightInfo for () {
	fn define_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn retire_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn issue_batch(_n: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn suspend() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn reinstate() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn revoke() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn cancel() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn renew() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_holder_account() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn grant_consent() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn revoke_consent() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn record_use() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn declare_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn confirm_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn withdraw_recognition() -> Weight { Weight::from_parts(10_000_000, 1000) }
}
