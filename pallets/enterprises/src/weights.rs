// Placeholder until `scripts/bench.sh enterprises` generates this file.
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_enterprises`.
pub trait WeightInfo {
	fn set_license_type() -> Weight;
	fn apply(s: u32, ) -> Weight;
	fn review() -> Weight;
	fn review_final(s: u32, ) -> Weight;
	fn resubmit() -> Weight;
	fn withdraw() -> Weight;
	fn set_status() -> Weight;
	fn deregister() -> Weight;
	fn request_move() -> Weight;
	fn accept_move() -> Weight;
	fn cancel_move() -> Weight;
}

/// Placeholder.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_license_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn apply(_s: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn review() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn review_final(_s: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn resubmit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn withdraw() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_status() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn deregister() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn request_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn accept_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn cancel_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
}

impl WeightInfo for () {
	fn set_license_type() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn apply(_s: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn review() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn review_final(_s: u32, ) -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn resubmit() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn withdraw() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn set_status() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn deregister() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn request_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn accept_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
	fn cancel_move() -> Weight { Weight::from_parts(10_000_000, 1000) }
}
