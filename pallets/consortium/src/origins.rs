//! Origins other pallets take through their `Config`: "an operator of an active
//! agency (holding role R)". They succeed with `(agency, account)`.

use crate::*;
use core::marker::PhantomData;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;

/// Passes for a signed operator of an active agency that holds `R::get()`.
pub struct EnsureAgencyRole<T, R>(PhantomData<(T, R)>);

/// Passes for a signed operator of any active agency.
pub struct EnsureAgencyOperator<T>(PhantomData<T>);

/// The signer of `o`, if it is a plain signed origin.
fn signer<T: Config>(o: &T::RuntimeOrigin) -> Option<T::AccountId> {
	match o.clone().into() {
		Ok(RawOrigin::Signed(who)) => Some(who),
		_ => None,
	}
}

impl<T: Config, R: Get<Role>> EnsureOrigin<T::RuntimeOrigin> for EnsureAgencyRole<T, R> {
	type Success = (AgencyId, T::AccountId);

	fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		let Some(who) = signer::<T>(&o) else { return Err(o) };
		match Pallet::<T>::acting_agency(&who, Some(R::get())) {
			Ok(agency) => Ok((agency, who)),
			Err(_) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let who = crate::benchmarking::agency_operator::<T>(&[R::get()]).map_err(|_| ())?;
		Ok(RawOrigin::Signed(who).into())
	}
}

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureAgencyOperator<T> {
	type Success = (AgencyId, T::AccountId);

	fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		let Some(who) = signer::<T>(&o) else { return Err(o) };
		match Pallet::<T>::acting_agency(&who, None) {
			Ok(agency) => Ok((agency, who)),
			Err(_) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let who = crate::benchmarking::agency_operator::<T>(&[]).map_err(|_| ())?;
		Ok(RawOrigin::Signed(who).into())
	}
}
