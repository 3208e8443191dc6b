//! Admitting agencies, their roles and status.

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Admits an agency; its admin becomes its first operator. Returns the new id.
	///
	/// # Errors
	/// - [`Error::EmptyName`] if `name` is empty;
	/// - [`Error::MalformedRegion`] if `region` is not a valid 6-digit code;
	/// - [`Error::AlreadyOperator`] if `admin` already acts for an agency;
	/// - [`Error::Overflow`] if agency ids are exhausted.
	pub(crate) fn do_register_agency(
		name: AgencyNameOf<T>,
		region: u32,
		kind: AgencyKind,
		roles: RoleSet,
		admin: T::AccountId,
	) -> Result<AgencyId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let region = RegionCode::new(region).ok_or(Error::<T>::MalformedRegion)?;
		ensure!(!Operators::<T>::contains_key(&admin), Error::<T>::AlreadyOperator);
		let agency = NextAgencyId::<T>::get();
		let next = agency.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let now = frame_system::Pallet::<T>::block_number();
		NextAgencyId::<T>::put(next);
		Agencies::<T>::insert(
			agency,
			Agency {
				name: name.clone(),
				region,
				kind,
				roles: RoleSet::empty(),
				status: AgencyStatus::Active,
				admin: admin.clone(),
				operators: 1,
				role_changes: 0,
				admitted_at: now,
			},
		);
		Operators::<T>::insert(&admin, agency);
		AgencyOperators::<T>::insert(agency, &admin, ());
		Self::deposit_event(Event::AgencyRegistered {
			agency,
			name,
			region,
			kind,
			roles,
			admin: admin.clone(),
		});
		Self::deposit_event(Event::OperatorAdded { agency, account: admin });
		// Initial roles enter the role history like any later grant.
		for role in roles.iter() {
			Self::do_change_role(agency, role, true)?;
		}
		Ok(agency)
	}

	/// Grants (`granted = true`) or revokes a role, recording it in [`RoleHistory`].
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::RoleAlreadyHeld`] when granting a held role;
	/// - [`Error::RoleNotHeld`] when revoking a role not held.
	pub(crate) fn do_change_role(agency: AgencyId, role: Role, granted: bool) -> DispatchResult {
		Agencies::<T>::try_mutate(agency, |maybe| -> DispatchResult {
			let a = maybe.as_mut().ok_or(Error::<T>::UnknownAgency)?;
			ensure!(a.status != AgencyStatus::Retired, Error::<T>::AgencyRetired);
			if granted {
				ensure!(a.roles.insert(role), Error::<T>::RoleAlreadyHeld);
			} else {
				ensure!(a.roles.remove(role), Error::<T>::RoleNotHeld);
			}
			let seq = a.role_changes;
			a.role_changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let at = frame_system::Pallet::<T>::block_number();
			RoleHistory::<T>::insert(agency, seq, RoleChange { role, granted, at });
			Ok(())
		})?;
		Self::deposit_event(if granted {
			Event::RoleGranted { agency, role }
		} else {
			Event::RoleRevoked { agency, role }
		});
		Ok(())
	}

	/// Suspends (`Suspended`) or reinstates (`Active`) an agency.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::AgencySuspended`] when suspending a suspended agency;
	/// - [`Error::NotSuspended`] when reinstating an active one.
	pub(crate) fn do_set_status(agency: AgencyId, status: AgencyStatus) -> DispatchResult {
		Agencies::<T>::try_mutate(agency, |maybe| -> DispatchResult {
			let a = maybe.as_mut().ok_or(Error::<T>::UnknownAgency)?;
			match (a.status, status) {
				(AgencyStatus::Retired, _) => Err(Error::<T>::AgencyRetired.into()),
				(AgencyStatus::Suspended, AgencyStatus::Suspended) =>
					Err(Error::<T>::AgencySuspended.into()),
				(AgencyStatus::Active, AgencyStatus::Active) => Err(Error::<T>::NotSuspended.into()),
				_ => {
					a.status = status;
					Ok(())
				},
			}
		})?;
		Self::deposit_event(match status {
			AgencyStatus::Suspended => Event::AgencySuspended { agency },
			_ => Event::AgencyReinstated { agency },
		});
		Ok(())
	}

	/// Retires an agency for good. Returns how many validators and council seats were
	/// inspected (for the weight refund).
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::StillHoldsSeats`] if it runs a validator or holds a council seat.
	pub(crate) fn do_retire_agency(agency: AgencyId) -> Result<(u32, u32), DispatchError> {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		ensure!(a.status != AgencyStatus::Retired, Error::<T>::AgencyRetired);
		let validators = Validators::<T>::get();
		let council = Council::<T>::get();
		let runs_validator =
			validators.iter().any(|v| ValidatorOwner::<T>::get(v) == Some(agency));
		let holds_seat = council.iter().any(|m| Operators::<T>::get(m) == Some(agency));
		ensure!(!runs_validator && !holds_seat, Error::<T>::StillHoldsSeats);

		Agencies::<T>::mutate(agency, |maybe| {
			if let Some(a) = maybe {
				a.status = AgencyStatus::Retired;
			}
		});
		Self::deposit_event(Event::AgencyRetired { agency });
		Ok((validators.len() as u32, council.len() as u32))
	}
}
