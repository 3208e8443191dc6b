// Placeholder until `scripts/bench.sh copyright` generates this file.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_copyright`.
pub trait WeightInfo {
	fn deposit() -> Weight;
	fn deposit_batch(n: u32, ) -> Weight;
	fn register() -> Weight;
	fn decline() -> Weight;
	fn transfer() -> Weight;
	fn grant_licence(g: u32, ) -> Weight;
	fn freeze() -> Weight;
	fn attach_evidence() -> Weight;
	fn rule_transfer() -> Weight;
	fn unfreeze() -> Weight;
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn deposit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn deposit_batch(_n: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn register() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn decline() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn transfer() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn grant_licence(_g: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn freeze() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn attach_evidence() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn rule_transfer() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn unfreeze() -> Weight { Weight::from_parts(10_000_000, 1000) }
}

impl WeightInfo for () {
	fn deposit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn deposit_batch(_n: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn register() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn decline() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn transfer() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn grant_licence(_g: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn freeze() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn attach_evidence() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn rule_transfer() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn unfreeze() -> Weight { Weight::from_parts(10_000_000, 1000) }
}
