//! Validator nodes and council seats: both decided by governance, both held by
//! member agencies.
//!
//! Every seat is recorded three ways: the owner map ([`ValidatorOwner`],
//! [`CouncilSeatOwner`]), the agency's own list ([`AgencyValidators`],
//! [`AgencyCouncilSeats`]) and — only while its agency is active — the set handed on
//! ([`Validators`] to the session pallet, [`Council`] to the council collective).

use crate::*;
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{ChangeMembers, Contains},
};

impl<T: Config> Pallet<T> {
	/// Adds `validator`, run by `agency`, to the set the next session uses. Returns the
	/// size of that set before the call (for the weight refund).
	///
	/// # Errors
	/// - [`Error::NoSessionKeys`] if `validator` has not registered session keys;
	/// - those of [`Self::insert_validator`].
	pub(crate) fn do_add_validator(
		agency: AgencyId,
		validator: T::AccountId,
	) -> Result<u32, DispatchError> {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		ensure!(T::ValidatorKeys::contains(&validator), Error::<T>::NoSessionKeys);
		let before = Validators::<T>::decode_len().unwrap_or(0) as u32;
		Self::insert_validator(agency, validator.clone())?;
		Self::deposit_event(Event::ValidatorAdded { agency, validator });
		Ok(before)
	}

	/// Seats `validator` for the active `agency` without looking at session keys (genesis
	/// uses it: the session pallet sets the keys after this pallet's genesis).
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencySuspended`], [`Error::AgencyRetired`];
	/// - [`Error::AlreadyValidator`] if it is seated (for any agency, active or not);
	/// - [`Error::TooManyValidators`] at `MaxValidatorsPerAgency`;
	/// - [`Error::ValidatorSetFull`] at `MaxValidators`.
	pub(crate) fn insert_validator(agency: AgencyId, validator: T::AccountId) -> DispatchResult {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		ensure!(!ValidatorOwner::<T>::contains_key(&validator), Error::<T>::AlreadyValidator);
		let mut mine = AgencyValidators::<T>::get(agency).unwrap_or_default();
		mine.try_push(validator.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
		ensure!(ValidatorOwner::<T>::count() < T::MaxValidators::get(), Error::<T>::ValidatorSetFull);
		let mut set = Validators::<T>::get();
		insert_sorted(&mut set, validator.clone(), Error::<T>::AlreadyValidator, Error::<T>::ValidatorSetFull)?;

		Validators::<T>::put(set);
		AgencyValidators::<T>::insert(agency, mine);
		ValidatorOwner::<T>::insert(&validator, agency);
		ValidatorsChanged::<T>::put(true);
		Ok(())
	}

	/// Removes `validator` (of an active or suspended agency) for good. Returns the size
	/// of the active set before the call (for the weight refund).
	///
	/// # Errors
	/// - [`Error::NotValidator`];
	/// - [`Error::LastValidator`] if no validator of an active agency with session keys
	///   would remain.
	pub(crate) fn do_remove_validator(validator: T::AccountId) -> Result<u32, DispatchError> {
		let agency = ValidatorOwner::<T>::get(&validator).ok_or(Error::<T>::NotValidator)?;
		let mut set = Validators::<T>::get();
		let before = set.len() as u32;
		let was_active = remove_all(&mut set, core::slice::from_ref(&validator));
		if was_active {
			Self::ensure_keyed_validator_in(&set)?;
		}

		Self::unlist_validator(agency, &validator);
		if was_active {
			Validators::<T>::put(set);
			ValidatorsChanged::<T>::put(true);
		}
		Self::deposit_event(Event::ValidatorRemoved { agency, validator });
		Ok(before)
	}

	/// Seats `member`, an operator of `agency`, on the council and tells the collective.
	/// Returns the size of the council collective before the call (for the weight refund).
	///
	/// # Errors
	/// Those of [`Self::insert_council_member`].
	pub(crate) fn do_add_council_member(
		agency: AgencyId,
		member: T::AccountId,
	) -> Result<u32, DispatchError> {
		let before = Council::<T>::decode_len().unwrap_or(0) as u32;
		Self::insert_council_member(agency, member.clone())?;
		T::CouncilMembership::change_members_sorted(&[member.clone()], &[], &Council::<T>::get());
		Self::deposit_event(Event::CouncilMemberAdded { agency, member });
		Ok(before)
	}

	/// Inserts a council seat without notifying the council (genesis uses it before
	/// `initialize_members`).
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencySuspended`], [`Error::AgencyRetired`];
	/// - [`Error::NotOperator`] if `member` does not act for `agency`;
	/// - [`Error::AlreadyCouncilMember`];
	/// - [`Error::TooManySeats`] at `MaxSeatsPerAgency`;
	/// - [`Error::TooManyCouncilMembers`] at `MaxCouncilMembers`.
	pub(crate) fn insert_council_member(agency: AgencyId, member: T::AccountId) -> DispatchResult {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		Self::ensure_status_active(a.status)?;
		ensure!(Operators::<T>::get(&member) == Some(agency), Error::<T>::NotOperator);
		ensure!(!CouncilSeatOwner::<T>::contains_key(&member), Error::<T>::AlreadyCouncilMember);
		let mut mine = AgencyCouncilSeats::<T>::get(agency).unwrap_or_default();
		mine.try_push(member.clone()).map_err(|_| Error::<T>::TooManySeats)?;
		ensure!(
			CouncilSeatOwner::<T>::count() < T::MaxCouncilMembers::get(),
			Error::<T>::TooManyCouncilMembers
		);
		let mut seats = Council::<T>::get();
		insert_sorted(&mut seats, member.clone(), Error::<T>::AlreadyCouncilMember, Error::<T>::TooManyCouncilMembers)?;

		Council::<T>::put(seats);
		AgencyCouncilSeats::<T>::insert(agency, mine);
		CouncilSeatOwner::<T>::insert(&member, agency);
		Ok(())
	}

	/// Vacates `member`'s council seat (of an active or suspended agency). Returns the
	/// size of the council collective before the call (for the weight refund).
	///
	/// # Errors
	/// - [`Error::NotCouncilMember`];
	/// - [`Error::LastCouncilMember`] for the only member of the council collective.
	pub(crate) fn do_remove_council_member(member: T::AccountId) -> Result<u32, DispatchError> {
		let agency = CouncilSeatOwner::<T>::get(&member).ok_or(Error::<T>::NotCouncilMember)?;
		let mut seats = Council::<T>::get();
		let before = seats.len() as u32;
		let was_active = remove_all(&mut seats, core::slice::from_ref(&member));
		if was_active {
			ensure!(!seats.is_empty(), Error::<T>::LastCouncilMember);
		}

		Self::unlist_council_member(agency, &member);
		if was_active {
			Council::<T>::put(&seats);
			T::CouncilMembership::change_members_sorted(&[], &[member.clone()], &seats);
		}
		Self::deposit_event(Event::CouncilMemberRemoved { agency, member });
		Ok(before)
	}

	/// Passes if one of `set` has session keys: the authority set would not be empty.
	///
	/// # Errors
	/// [`Error::LastValidator`] otherwise.
	pub(crate) fn ensure_keyed_validator_in(set: &[T::AccountId]) -> DispatchResult {
		ensure!(set.iter().any(|v| T::ValidatorKeys::contains(v)), Error::<T>::LastValidator);
		Ok(())
	}

	/// Deletes `validator` from its agency's list and the owner map.
	pub(crate) fn unlist_validator(agency: AgencyId, validator: &T::AccountId) {
		AgencyValidators::<T>::mutate_exists(agency, |maybe| {
			if let Some(list) = maybe {
				list.retain(|v| v != validator);
				if list.is_empty() {
					*maybe = None;
				}
			}
		});
		ValidatorOwner::<T>::remove(validator);
	}

	/// Deletes `member` from its agency's seat list and the owner map.
	pub(crate) fn unlist_council_member(agency: AgencyId, member: &T::AccountId) {
		AgencyCouncilSeats::<T>::mutate_exists(agency, |maybe| {
			if let Some(list) = maybe {
				list.retain(|m| m != member);
				if list.is_empty() {
					*maybe = None;
				}
			}
		});
		CouncilSeatOwner::<T>::remove(member);
	}
}

/// Inserts `item` into the sorted `set`; `duplicate` if present, `full` at the bound.
pub(crate) fn insert_sorted<A: Ord, S: Get<u32>, T: Config>(
	set: &mut BoundedVec<A, S>,
	item: A,
	duplicate: Error<T>,
	full: Error<T>,
) -> DispatchResult {
	let pos = set.binary_search(&item).err().ok_or(duplicate)?;
	set.try_insert(pos, item).map_err(|_| full)?;
	Ok(())
}

/// Removes each of `items` from the sorted `set`; whether any was there.
pub(crate) fn remove_all<A: Ord, S: Get<u32>>(set: &mut BoundedVec<A, S>, items: &[A]) -> bool {
	let mut removed = false;
	for item in items {
		if let Ok(pos) = set.binary_search(item) {
			set.remove(pos);
			removed = true;
		}
	}
	removed
}

/// Feeds the validator set to `pallet-session`: a changed set is handed over at the
/// next session; an unchanged one keeps the current authorities. A set in which no
/// validator has session keys is never handed over (the chain would stop): the current
/// authorities stay until it has one.
impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
		if !ValidatorsChanged::<T>::get() {
			return None;
		}
		let set = Validators::<T>::get();
		if Self::ensure_keyed_validator_in(&set).is_err() {
			log::warn!(
				target: "runtime::consortium",
				"session {new_index}: no validator of an active agency has session keys; keeping the current set",
			);
			return None;
		}
		ValidatorsChanged::<T>::put(false);
		Some(set.into_inner())
	}

	fn new_session_genesis(_new_index: u32) -> Option<Vec<T::AccountId>> {
		// Session keys are not known to this pallet at genesis; an empty set makes the
		// session pallet fall back to its own configured keys.
		let set = Validators::<T>::get();
		(!set.is_empty()).then(|| set.into_inner())
	}

	fn end_session(_end_index: u32) {}

	fn start_session(_start_index: u32) {}
}
