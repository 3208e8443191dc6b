//! PLACEHOLDER until scripts/bench.sh generates this file.
use frame_support::weights::Weight;
use core::marker::PhantomData;
pub trait WeightInfo {
	fn register_agency() -> Weight;
	fn grant_role() -> Weight;
	fn revoke_role() -> Weight;
	fn suspend_agency() -> Weight;
	fn reinstate_agency() -> Weight;
	fn retire_agency(v: u32, c: u32) -> Weight;
	fn set_admin() -> Weight;
	fn add_operator() -> Weight;
	fn remove_operator() -> Weight;
	fn add_validator(v: u32) -> Weight;
	fn remove_validator(v: u32) -> Weight;
	fn add_council_member(c: u32) -> Weight;
	fn remove_council_member(c: u32) -> Weight;
	fn govern() -> Weight;
}
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_agency() -> Weight { Weight::zero() }
	fn grant_role() -> Weight { Weight::zero() }
	fn revoke_role() -> Weight { Weight::zero() }
	fn suspend_agency() -> Weight { Weight::zero() }
	fn reinstate_agency() -> Weight { Weight::zero() }
	fn retire_agency(_v: u32, _c: u32) -> Weight { Weight::zero() }
	fn set_admin() -> Weight { Weight::zero() }
	fn add_operator() -> Weight { Weight::zero() }
	fn remove_operator() -> Weight { Weight::zero() }
	fn add_validator(_v: u32) -> Weight { Weight::zero() }
	fn remove_validator(_v: u32) -> Weight { Weight::zero() }
	fn add_council_member(_c: u32) -> Weight { Weight::zero() }
	fn remove_council_member(_c: u32) -> Weight { Weight::zero() }
	fn govern() -> Weight { Weight::zero() }
}
impl WeightInfo for () {
	fn register_agency() -> Weight { Weight::zero() }
	fn grant_role() -> Weight { Weight::zero() }
	fn revoke_role() -> Weight { Weight::zero() }
	fn suspend_agency() -> Weight { Weight::zero() }
	fn reinstate_agency() -> Weight { Weight::zero() }
	fn retire_agency(_v: u32, _c: u32) -> Weight { Weight::zero() }
	fn set_admin() -> Weight { Weight::zero() }
	fn add_operator() -> Weight { Weight::zero() }
	fn remove_operator() -> Weight { Weight::zero() }
	fn add_validator(_v: u32) -> Weight { Weight::zero() }
	fn remove_validator(_v: u32) -> Weight { Weight::zero() }
	fn add_council_member(_c: u32) -> Weight { Weight::zero() }
	fn remove_council_member(_c: u32) -> Weight { Weight::zero() }
	fn govern() -> Weight { Weight::zero() }
}
