//! Admitting agencies, their roles and status.

use crate::{
	features::seats::{insert_sorted, remove_all},
	*,
};
use frame_support::{pallet_prelude::*, traits::ChangeMembers};

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

	/// Suspends an active agency: its validators leave [`Validators`] (from the next
	/// session) and its council seats leave [`Council`] and the council collective; both
	/// stay recorded for the agency. Returns the sizes of [`Validators`] and [`Council`]
	/// before the call (for the weight refund).
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::AgencySuspended`] if it is suspended already;
	/// - [`Error::LastValidator`] if no validator of an active agency with session keys
	///   would remain;
	/// - [`Error::LastCouncilMember`] if the council collective would be empty.
	pub(crate) fn do_suspend_agency(agency: AgencyId) -> Result<(u32, u32), DispatchError> {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		match a.status {
			AgencyStatus::Retired => return Err(Error::<T>::AgencyRetired.into()),
			AgencyStatus::Suspended => return Err(Error::<T>::AgencySuspended.into()),
			AgencyStatus::Active => {},
		}
		Self::take_seats_out(agency, AgencyStatus::Suspended)
	}

	/// Reinstates a suspended agency: its validators rejoin [`Validators`] (from the next
	/// session) and its council seats rejoin [`Council`] and the council collective.
	/// Returns the sizes of [`Validators`] and [`Council`] before the call.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::NotSuspended`] if it is active.
	pub(crate) fn do_reinstate_agency(agency: AgencyId) -> Result<(u32, u32), DispatchError> {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		match a.status {
			AgencyStatus::Retired => return Err(Error::<T>::AgencyRetired.into()),
			AgencyStatus::Active => return Err(Error::<T>::NotSuspended.into()),
			AgencyStatus::Suspended => {},
		}
		let validators = AgencyValidators::<T>::get(agency).unwrap_or_default();
		let seats = sorted(AgencyCouncilSeats::<T>::get(agency).unwrap_or_default().into_inner());
		let mut set = Validators::<T>::get();
		let mut council = Council::<T>::get();
		let sizes = (set.len() as u32, council.len() as u32);
		// Seated validators and seats are bounded in total (suspended ones included), so
		// they fit; the errors only guard against a broken state.
		for v in validators.iter() {
			insert_sorted(&mut set, v.clone(), Error::<T>::AlreadyValidator, Error::<T>::ValidatorSetFull)?;
		}
		for m in seats.iter() {
			insert_sorted(&mut council, m.clone(), Error::<T>::AlreadyCouncilMember, Error::<T>::TooManyCouncilMembers)?;
		}

		Agencies::<T>::mutate(agency, |maybe| {
			if let Some(a) = maybe {
				a.status = AgencyStatus::Active;
			}
		});
		Self::deposit_event(Event::AgencyReinstated { agency });
		if !validators.is_empty() {
			Validators::<T>::put(set);
			ValidatorsChanged::<T>::put(true);
		}
		for validator in validators {
			Self::deposit_event(Event::ValidatorReinstated { agency, validator });
		}
		if !seats.is_empty() {
			Council::<T>::put(&council);
			T::CouncilMembership::change_members_sorted(&seats, &[], &council);
		}
		for member in seats {
			Self::deposit_event(Event::CouncilSeatReinstated { agency, member });
		}
		Ok(sizes)
	}

	/// Retires an agency for good, active or suspended: its validators and council seats
	/// are removed. Returns the sizes of [`Validators`] and [`Council`] before the call
	/// (for the weight refund).
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::LastValidator`] if no validator of an active agency with session keys
	///   would remain;
	/// - [`Error::LastCouncilMember`] if the council collective would be empty.
	pub(crate) fn do_retire_agency(agency: AgencyId) -> Result<(u32, u32), DispatchError> {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		ensure!(a.status != AgencyStatus::Retired, Error::<T>::AgencyRetired);
		Self::take_seats_out(agency, AgencyStatus::Retired)
	}

	/// Moves `agency` to `status` (`Suspended` or `Retired`) and takes its validators out
	/// of [`Validators`] and its council seats out of [`Council`] and the collective:
	/// kept on record while suspended, unlisted for good when retired. Checks first that
	/// a keyed validator and a council member remain. Returns the sizes of both sets
	/// before the call (for the weight refund).
	///
	/// A suspended agency's seats are in neither set already: retiring it takes nothing
	/// out of them.
	fn take_seats_out(agency: AgencyId, status: AgencyStatus) -> Result<(u32, u32), DispatchError> {
		let retire = status == AgencyStatus::Retired;
		let validators = AgencyValidators::<T>::get(agency).unwrap_or_default();
		let seats = sorted(AgencyCouncilSeats::<T>::get(agency).unwrap_or_default().into_inner());
		let mut set = Validators::<T>::get();
		let mut council = Council::<T>::get();
		let sizes = (set.len() as u32, council.len() as u32);
		let validators_left = remove_all(&mut set, &validators);
		let seats_left = remove_all(&mut council, &seats);
		if validators_left {
			Self::ensure_keyed_validator_in(&set)?;
		}
		if seats_left {
			ensure!(!council.is_empty(), Error::<T>::LastCouncilMember);
		}

		Agencies::<T>::mutate(agency, |maybe| {
			if let Some(a) = maybe {
				a.status = status;
			}
		});
		Self::deposit_event(if retire {
			Event::AgencyRetired { agency }
		} else {
			Event::AgencySuspended { agency }
		});
		if validators_left {
			Validators::<T>::put(set);
			ValidatorsChanged::<T>::put(true);
		}
		for validator in validators {
			if retire {
				Self::unlist_validator(agency, &validator);
				Self::deposit_event(Event::ValidatorRemoved { agency, validator });
			} else {
				Self::deposit_event(Event::ValidatorSuspended { agency, validator });
			}
		}
		if seats_left {
			Council::<T>::put(&council);
			T::CouncilMembership::change_members_sorted(&[], &seats, &council);
		}
		for member in seats {
			if retire {
				Self::unlist_council_member(agency, &member);
				Self::deposit_event(Event::CouncilMemberRemoved { agency, member });
			} else {
				Self::deposit_event(Event::CouncilSeatSuspended { agency, member });
			}
		}
		Ok(sizes)
	}
}

/// `v`, sorted (what `ChangeMembers` expects of incoming and outgoing members).
fn sorted<A: Ord>(mut v: alloc::vec::Vec<A>) -> alloc::vec::Vec<A> {
	v.sort();
	v
}
