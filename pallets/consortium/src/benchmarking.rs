//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as Consortium;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::{pallet_prelude::*, traits::EnsureOrigin};
use frame_system::RawOrigin;

const SEED: u32 = 0;
/// A region code every benchmark uses (Chongqing).
const REGION: u32 = 500_000;

/// Admits an agency holding `roles` whose admin is a fresh account; returns the admin.
pub(crate) fn agency_operator<T: Config>(roles: &[Role]) -> Result<T::AccountId, DispatchError> {
	let n = NextAgencyId::<T>::get();
	let admin: T::AccountId = account("admin", n, SEED);
	Consortium::<T>::do_register_agency(
		name::<T>(),
		REGION,
		AgencyKind::Other,
		RoleSet::from_roles(roles),
		admin.clone(),
	)?;
	Ok(admin)
}

/// Lets the benchmarks of other GovChain pallets create agencies in the real runtime.
impl<T: Config> govchain_primitives::AgencyBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, T::AccountId) {
		let agency = NextAgencyId::<T>::get();
		let admin: T::AccountId = account("agency-admin", agency, SEED);
		// Benchmarks run on a known-good state; a failure here is a broken setup that
		// the benchmark must report, not hide.
		Consortium::<T>::do_register_agency(
			name::<T>(),
			region.get(),
			AgencyKind::Other,
			RoleSet::from_roles(roles),
			admin.clone(),
		)
		.expect("benchmark agency can be admitted");
		(agency, admin)
	}
}

/// A name of the longest allowed length.
fn name<T: Config>() -> AgencyNameOf<T> {
	vec![b'a'; T::MaxNameLength::get() as usize].try_into().unwrap_or_default()
}

/// Admits an agency and returns its id.
fn agency<T: Config>() -> Result<AgencyId, DispatchError> {
	let admin = agency_operator::<T>(&[Role::Auditor])?;
	Operators::<T>::get(&admin).ok_or(Error::<T>::UnknownAgency.into())
}

/// Fills the validator set up to `n` validators (genesis ones count), new ones run by
/// new agencies, `MaxValidatorsPerAgency` each. They have no session keys: see
/// [`key_last_validator`].
fn validators<T: Config>(n: u32) -> Result<(), DispatchError> {
	let mut i = 0;
	let mut owner = agency::<T>()?;
	while (Validators::<T>::get().len() as u32) < n {
		let run = AgencyValidators::<T>::decode_len(owner).unwrap_or(0) as u32;
		if run >= T::MaxValidatorsPerAgency::get() {
			owner = agency::<T>()?;
		}
		Consortium::<T>::insert_validator(owner, account("validator", i, SEED))?;
		i += 1;
	}
	Ok(())
}

/// Registers session keys for the last validator of the set only, so that the check
/// "a validator with keys remains" reads the whole set (worst case).
fn key_last_validator<T: Config>() {
	if let Some(last) = Validators::<T>::get().last() {
		T::BenchmarkHelper::register_session_keys(last);
	}
}

/// Admits an agency running `MaxValidatorsPerAgency` validators and holding
/// `MaxSeatsPerAgency` council seats (the most suspending or retiring it can move).
fn seated_agency<T: Config>() -> Result<AgencyId, DispatchError> {
	let admin = agency_operator::<T>(&[Role::Auditor])?;
	let id = Operators::<T>::get(&admin).ok_or(Error::<T>::UnknownAgency)?;
	for i in 0..T::MaxValidatorsPerAgency::get() {
		Consortium::<T>::insert_validator(id, account("seated-validator", i, SEED))?;
	}
	for i in 0..T::MaxSeatsPerAgency::get() {
		let member = if i == 0 {
			admin.clone()
		} else {
			let op: T::AccountId = account("seated-member", i, SEED);
			Consortium::<T>::do_add_operator(id, op.clone())?;
			op
		};
		Consortium::<T>::do_add_council_member(id, member)?;
	}
	Ok(id)
}

/// Fills the council up to `n` seats (genesis ones count), each new seat the admin of
/// its own new agency.
fn council<T: Config>(n: u32) -> Result<(), DispatchError> {
	while (Council::<T>::get().len() as u32) < n {
		let admin = agency_operator::<T>(&[Role::Auditor])?;
		let id = Operators::<T>::get(&admin).ok_or(Error::<T>::UnknownAgency)?;
		Consortium::<T>::do_add_council_member(id, admin)?;
	}
	Ok(())
}

fn governance<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_agency() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let admin: T::AccountId = account("new-admin", 0, SEED);
		let roles: BoundedVec<Role, ConstU32<16>> =
			Role::ALL.to_vec().try_into().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, name::<T>(), REGION, AgencyKind::Court, roles, admin.clone());
		assert!(Operators::<T>::contains_key(&admin));
		Ok(())
	}

	#[benchmark]
	fn grant_role() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let id = agency::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Role::Court);
		assert!(Consortium::<T>::role_history(id, 0, 10).len() == 2);
		Ok(())
	}

	#[benchmark]
	fn revoke_role() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let id = agency::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Role::Auditor);
		assert!(Agencies::<T>::get(id).is_some_and(|a| a.roles.is_empty()));
		Ok(())
	}

	#[benchmark]
	fn suspend_agency(
		v: Linear<{ T::MaxValidatorsPerAgency::get().saturating_add(1) }, { T::MaxValidators::get() }>,
		c: Linear<{ T::MaxSeatsPerAgency::get().saturating_add(1) }, { T::MaxCouncilMembers::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		validators::<T>(v.saturating_sub(T::MaxValidatorsPerAgency::get()))?;
		key_last_validator::<T>();
		council::<T>(c.saturating_sub(T::MaxSeatsPerAgency::get()))?;
		let id = seated_agency::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Agencies::<T>::get(id).is_some_and(|a| a.status == AgencyStatus::Suspended));
		assert!(ValidatorsChanged::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn reinstate_agency(
		v: Linear<1, { T::MaxValidators::get().saturating_sub(T::MaxValidatorsPerAgency::get()) }>,
		c: Linear<1, { T::MaxCouncilMembers::get().saturating_sub(T::MaxSeatsPerAgency::get()) }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		validators::<T>(v)?;
		key_last_validator::<T>();
		council::<T>(c)?;
		let id = seated_agency::<T>()?;
		Consortium::<T>::do_suspend_agency(id)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Agencies::<T>::get(id).is_some_and(|a| a.status == AgencyStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn retire_agency(
		v: Linear<{ T::MaxValidatorsPerAgency::get().saturating_add(1) }, { T::MaxValidators::get() }>,
		c: Linear<{ T::MaxSeatsPerAgency::get().saturating_add(1) }, { T::MaxCouncilMembers::get() }>,
	) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		validators::<T>(v.saturating_sub(T::MaxValidatorsPerAgency::get()))?;
		key_last_validator::<T>();
		council::<T>(c.saturating_sub(T::MaxSeatsPerAgency::get()))?;
		let id = seated_agency::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);
		assert!(Agencies::<T>::get(id).is_some_and(|a| a.status == AgencyStatus::Retired));
		assert!(!AgencyValidators::<T>::contains_key(id));
		assert!(!AgencyCouncilSeats::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn set_admin() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let id = agency::<T>()?;
		let new_admin: T::AccountId = account("successor", 0, SEED);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, new_admin.clone());
		assert!(Agencies::<T>::get(id).is_some_and(|a| a.admin == new_admin));
		Ok(())
	}

	#[benchmark]
	fn add_operator() -> Result<(), BenchmarkError> {
		let admin = agency_operator::<T>(&[Role::Auditor])?;
		let id = Operators::<T>::get(&admin).ok_or(BenchmarkError::Weightless)?;
		let account: T::AccountId = account("operator", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, account.clone());
		assert_eq!(Operators::<T>::get(&account), Some(id));
		Ok(())
	}

	#[benchmark]
	fn remove_operator() -> Result<(), BenchmarkError> {
		council::<T>(T::MaxCouncilMembers::get().saturating_sub(1))?;
		let admin = agency_operator::<T>(&[Role::Auditor])?;
		let id = Operators::<T>::get(&admin).ok_or(BenchmarkError::Weightless)?;
		let account: T::AccountId = account("operator", 0, SEED);
		Consortium::<T>::do_add_operator(id, account.clone())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), id, account.clone());
		assert!(!Operators::<T>::contains_key(&account));
		Ok(())
	}

	#[benchmark]
	fn add_validator(v: Linear<0, { T::MaxValidators::get().saturating_sub(1) }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		validators::<T>(v)?;
		let id = agency::<T>()?;
		let validator: T::AccountId = account("new-validator", 0, SEED);
		T::BenchmarkHelper::register_session_keys(&validator);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, validator.clone());
		assert!(ValidatorOwner::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(v: Linear<2, { T::MaxValidators::get() }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		validators::<T>(v)?;
		key_last_validator::<T>();
		let validator = Validators::<T>::get().first().cloned().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, validator.clone());
		assert!(!ValidatorOwner::<T>::contains_key(&validator));
		Ok(())
	}

	#[benchmark]
	fn add_council_member(c: Linear<0, { T::MaxCouncilMembers::get().saturating_sub(1) }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		council::<T>(c)?;
		let admin = agency_operator::<T>(&[Role::Auditor])?;
		let id = Operators::<T>::get(&admin).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, admin.clone());
		assert!(Council::<T>::get().contains(&admin));
		Ok(())
	}

	#[benchmark]
	fn remove_council_member(c: Linear<2, { T::MaxCouncilMembers::get() }>) -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		council::<T>(c)?;
		let member = Council::<T>::get().first().cloned().ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, member.clone());
		assert!(!Council::<T>::get().contains(&member));
		Ok(())
	}

	#[benchmark]
	fn govern() -> Result<(), BenchmarkError> {
		let origin = governance::<T>()?;
		let call: <T as Config>::RuntimeCall = frame_system::Call::<T>::remark { remark: vec![] }.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, alloc::boxed::Box::new(call));
		Ok(())
	}

	impl_benchmark_test_suite!(Consortium, crate::mock::new_test_ext(), crate::mock::Test);
}
