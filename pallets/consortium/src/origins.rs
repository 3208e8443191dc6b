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

/// `(agency, signer)` if `o` is signed by an operator who may act now with `role`
/// (any role with `None`); otherwise `o` back, as `EnsureOrigin` wants.
fn try_acting<T: Config>(
	o: T::RuntimeOrigin,
	role: Option<Role>,
) -> Result<(AgencyId, T::AccountId), T::RuntimeOrigin> {
	let who = match o.clone().into() {
		Ok(RawOrigin::Signed(who)) => who,
		_ => return Err(o),
	};
	Pallet::<T>::acting_agency(&who, role).map(|agency| (agency, who)).map_err(|_| o)
}

impl<T: Config, R: Get<Role>> EnsureOrigin<T::RuntimeOrigin> for EnsureAgencyRole<T, R> {
	type Success = (AgencyId, T::AccountId);

	fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		try_acting::<T>(o, Some(R::get()))
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
		try_acting::<T>(o, None)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		let who = crate::benchmarking::agency_operator::<T>(&[]).map_err(|_| ())?;
		Ok(RawOrigin::Signed(who).into())
	}
}
