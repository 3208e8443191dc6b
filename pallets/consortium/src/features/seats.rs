//! Validator nodes and council seats: both decided by governance, both held by
//! member agencies.

use crate::*;
use alloc::vec::Vec;
use frame_support::{pallet_prelude::*, traits::ChangeMembers};

impl<T: Config> Pallet<T> {
	/// Adds `validator`, run by `agency`, to the set the next session uses.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencySuspended`], [`Error::AgencyRetired`];
	/// - [`Error::AlreadyValidator`];
	/// - [`Error::TooManyValidators`] at `MaxValidators`.
	pub(crate) fn do_add_validator(agency: AgencyId, validator: T::AccountId) -> DispatchResult {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		Validators::<T>::try_mutate(|set| {
			insert_sorted(set, validator.clone(), Error::<T>::AlreadyValidator, Error::<T>::TooManyValidators)
		})?;
		ValidatorOwner::<T>::insert(&validator, agency);
		ValidatorsChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorAdded { agency, validator });
		Ok(())
	}

	/// Removes `validator` from the set the next session uses.
	///
	/// # Errors
	/// - [`Error::NotValidator`];
	/// - [`Error::LastValidator`] for the only validator left.
	pub(crate) fn do_remove_validator(validator: T::AccountId) -> DispatchResult {
		Validators::<T>::try_mutate(|set| {
			remove_sorted(set, &validator, Error::<T>::NotValidator, Error::<T>::LastValidator)
		})?;
		let agency = ValidatorOwner::<T>::take(&validator).ok_or(Error::<T>::NotValidator)?;
		ValidatorsChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { agency, validator });
		Ok(())
	}

	/// Seats `member`, an operator of `agency`, on the council.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencySuspended`], [`Error::AgencyRetired`];
	/// - [`Error::NotOperator`] if `member` does not act for `agency`;
	/// - [`Error::AlreadyCouncilMember`]; [`Error::TooManyCouncilMembers`].
	pub(crate) fn do_add_council_member(agency: AgencyId, member: T::AccountId) -> DispatchResult {
		Self::insert_council_member(agency, member.clone())?;
		T::CouncilMembership::change_members_sorted(&[member.clone()], &[], &Council::<T>::get());
		Self::deposit_event(Event::CouncilMemberAdded { agency, member });
		Ok(())
	}

	/// Inserts a council seat without notifying the council (genesis uses it before
	/// `initialize_members`).
	pub(crate) fn insert_council_member(agency: AgencyId, member: T::AccountId) -> DispatchResult {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		ensure!(Operators::<T>::get(&member) == Some(agency), Error::<T>::NotOperator);
		Council::<T>::try_mutate(|seats| {
			insert_sorted(seats, member, Error::<T>::AlreadyCouncilMember, Error::<T>::TooManyCouncilMembers)
		})
	}

	/// Vacates `member`'s council seat.
	///
	/// # Errors
	/// - [`Error::NotCouncilMember`];
	/// - [`Error::LastCouncilMember`] for the only seat left.
	pub(crate) fn do_remove_council_member(member: T::AccountId) -> DispatchResult {
		// Seat holders are always operators: `remove_operator` refuses them.
		let agency = Operators::<T>::get(&member).ok_or(Error::<T>::NotCouncilMember)?;
		Council::<T>::try_mutate(|seats| {
			remove_sorted(seats, &member, Error::<T>::NotCouncilMember, Error::<T>::LastCouncilMember)
		})?;
		let new = Council::<T>::get();
		T::CouncilMembership::change_members_sorted(&[], &[member.clone()], &new);
		Self::deposit_event(Event::CouncilMemberRemoved { agency, member });
		Ok(())
	}
}

/// Inserts `item` into the sorted `set`; `duplicate` if present, `full` at the bound.
fn insert_sorted<A: Ord, S: Get<u32>, T: Config>(
	set: &mut BoundedVec<A, S>,
	item: A,
	duplicate: Error<T>,
	full: Error<T>,
) -> DispatchResult {
	let pos = set.binary_search(&item).err().ok_or(duplicate)?;
	set.try_insert(pos, item).map_err(|_| full)?;
	Ok(())
}

/// Removes `item` from the sorted `set`; `missing` if absent, `last` if it is the only
/// one left (a set that must never become empty).
fn remove_sorted<A: Ord, S: Get<u32>, T: Config>(
	set: &mut BoundedVec<A, S>,
	item: &A,
	missing: Error<T>,
	last: Error<T>,
) -> DispatchResult {
	let pos = set.binary_search(item).map_err(|_| missing)?;
	ensure!(set.len() > 1, last);
	set.remove(pos);
	Ok(())
}

/// Feeds the validator set to `pallet-session`: a changed set is handed over at the
/// next session; an unchanged one keeps the current authorities.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(_new_index: u32) -> Option<Vec<T::AccountId>> {
		if ValidatorsChanged::<T>::take() {
			Some(Validators::<T>::get().into_inner())
		} else {
			None
		}
	}

	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		Some(Validators::<T>::get().into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
