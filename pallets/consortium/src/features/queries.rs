//! Read-side helpers: who acts for whom, the [`AgencyRegistry`] other pallets use,
//! and the paged queries behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// The agency `who` may act for now, if it needs `role` (or any role with `None`).
	///
	/// # Errors
	/// - [`Error::NotOperator`] if `who` acts for no agency;
	/// - [`Error::AgencySuspended`] / [`Error::AgencyRetired`];
	/// - [`Error::RoleNotHeld`] if the agency lacks `role`.
	pub fn acting_agency(who: &T::AccountId, role: Option<Role>) -> Result<AgencyId, DispatchError> {
		let agency = Operators::<T>::get(who).ok_or(Error::<T>::NotOperator)?;
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		if let Some(role) = role {
			ensure!(a.roles.contains(role), Error::<T>::RoleNotHeld);
		}
		Ok(agency)
	}

	/// Up to `limit` (at most `MaxPageSize`) entries of `agency`'s role history, from
	/// sequence number `from`.
	pub fn role_history(agency: AgencyId, from: u32, limit: u32) -> Vec<(u32, RoleChangeOf<T>)> {
		let end = Agencies::<T>::get(agency).map(|a| a.role_changes).unwrap_or(0);
		(from..end)
			.take(Self::page(limit))
			.filter_map(|seq| RoleHistory::<T>::get(agency, seq).map(|c| (seq, c)))
			.collect()
	}

	/// Up to `limit` (at most `MaxPageSize`) operators of `agency`, from position `from`
	/// of the listing (in storage order, stable while the operators do not change). The
	/// skipped part is bounded by `MaxOperatorsPerAgency`.
	pub fn operators_of(agency: AgencyId, from: u32, limit: u32) -> Vec<T::AccountId> {
		AgencyOperators::<T>::iter_key_prefix(agency)
			.skip(from as usize)
			.take(Self::page(limit))
			.collect()
	}

	/// `limit` capped at `MaxPageSize`.
	fn page(limit: u32) -> usize {
		limit.min(T::MaxPageSize::get()) as usize
	}
}

impl<T: Config> AgencyRegistry<T::AccountId> for Pallet<T> {
	fn region_of(agency: AgencyId) -> Option<RegionCode> {
		Agencies::<T>::get(agency).map(|a| a.region)
	}

	fn is_active(agency: AgencyId) -> bool {
		Agencies::<T>::get(agency).is_some_and(|a| a.status == AgencyStatus::Active)
	}

	fn has_role(agency: AgencyId, role: Role) -> bool {
		Agencies::<T>::get(agency)
			.is_some_and(|a| a.status == AgencyStatus::Active && a.roles.contains(role))
	}

	fn acting_agency(who: &T::AccountId, role: Option<Role>) -> Result<AgencyId, DispatchError> {
		Pallet::<T>::acting_agency(who, role)
	}
}

impl<T: Config> Pallet<T> {
	/// An agency in the runtime API's shape.
	pub fn agency_view(
		agency: AgencyId,
	) -> Option<crate::runtime_api::AgencyView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		Agencies::<T>::get(agency).map(|a| Agency {
			name: a.name.into_inner(),
			region: a.region,
			kind: a.kind,
			roles: a.roles,
			status: a.status,
			admin: a.admin,
			operators: a.operators,
			role_changes: a.role_changes,
			admitted_at: a.admitted_at,
		})
	}
}
