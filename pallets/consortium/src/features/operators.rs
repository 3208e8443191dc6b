//! The accounts that act for an agency, and its admin.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::OriginFor;

impl<T: Config> Pallet<T> {
	/// Passes for governance, or for the admin of an active `agency`.
	///
	/// # Errors
	/// - `BadOrigin` if the origin is neither signed nor governance;
	/// - [`Error::UnknownAgency`];
	/// - [`Error::NotAuthorized`] if the signer is not the agency's admin;
	/// - [`Error::AgencySuspended`] / [`Error::AgencyRetired`] if the admin's agency
	///   may not act.
	pub(crate) fn ensure_admin_or_governance(
		origin: OriginFor<T>,
		agency: AgencyId,
	) -> DispatchResult {
		let origin = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => return Ok(()),
			Err(origin) => origin,
		};
		let who = frame_system::ensure_signed(origin)?;
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		ensure!(a.admin == who, Error::<T>::NotAuthorized);
		Self::ensure_status_active(a.status)
	}

	/// Maps a non-active status to its error.
	pub(crate) fn ensure_status_active(status: AgencyStatus) -> DispatchResult {
		match status {
			AgencyStatus::Active => Ok(()),
			AgencyStatus::Suspended => Err(Error::<T>::AgencySuspended.into()),
			AgencyStatus::Retired => Err(Error::<T>::AgencyRetired.into()),
		}
	}

	/// Lets `account` act for `agency`.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::AlreadyOperator`] if the account acts for an agency already;
	/// - [`Error::TooManyOperators`] if the agency is at `MaxOperatorsPerAgency`.
	pub(crate) fn do_add_operator(agency: AgencyId, account: T::AccountId) -> DispatchResult {
		ensure!(!Operators::<T>::contains_key(&account), Error::<T>::AlreadyOperator);
		Agencies::<T>::try_mutate(agency, |maybe| -> DispatchResult {
			let a = maybe.as_mut().ok_or(Error::<T>::UnknownAgency)?;
			ensure!(a.status != AgencyStatus::Retired, Error::<T>::AgencyRetired);
			ensure!(a.operators < T::MaxOperatorsPerAgency::get(), Error::<T>::TooManyOperators);
			a.operators = a.operators.saturating_add(1);
			Ok(())
		})?;
		Operators::<T>::insert(&account, agency);
		AgencyOperators::<T>::insert(agency, &account, ());
		Self::deposit_event(Event::OperatorAdded { agency, account });
		Ok(())
	}

	/// Stops `account` acting for `agency`.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`];
	/// - [`Error::NotOperator`] if the account does not act for this agency;
	/// - [`Error::CannotRemoveAdmin`] for the admin;
	/// - [`Error::HoldsCouncilSeat`] if the account sits on the council.
	pub(crate) fn do_remove_operator(agency: AgencyId, account: T::AccountId) -> DispatchResult {
		ensure!(Operators::<T>::get(&account) == Some(agency), Error::<T>::NotOperator);
		Agencies::<T>::try_mutate(agency, |maybe| -> DispatchResult {
			let a = maybe.as_mut().ok_or(Error::<T>::UnknownAgency)?;
			ensure!(a.admin != account, Error::<T>::CannotRemoveAdmin);
			// Also a suspended agency's seat, which is not in `Council` meanwhile.
			ensure!(!CouncilSeatOwner::<T>::contains_key(&account), Error::<T>::HoldsCouncilSeat);
			a.operators = a.operators.saturating_sub(1);
			Ok(())
		})?;
		Operators::<T>::remove(&account);
		AgencyOperators::<T>::remove(agency, &account);
		Self::deposit_event(Event::OperatorRemoved { agency, account });
		Ok(())
	}

	/// Makes `new_admin` the admin of `agency`, adding it as operator if needed.
	///
	/// # Errors
	/// - [`Error::UnknownAgency`], [`Error::AgencyRetired`];
	/// - [`Error::AlreadyOperator`] if `new_admin` acts for another agency;
	/// - [`Error::TooManyOperators`] if it must be added to a full agency.
	pub(crate) fn do_set_admin(agency: AgencyId, new_admin: T::AccountId) -> DispatchResult {
		let a = Agencies::<T>::get(agency).ok_or(Error::<T>::UnknownAgency)?;
		ensure!(a.status != AgencyStatus::Retired, Error::<T>::AgencyRetired);
		match Operators::<T>::get(&new_admin) {
			Some(other) if other != agency => return Err(Error::<T>::AlreadyOperator.into()),
			Some(_) => {},
			None => Self::do_add_operator(agency, new_admin.clone())?,
		}
		let old = Agencies::<T>::mutate(agency, |maybe| {
			maybe.as_mut().map(|a| core::mem::replace(&mut a.admin, new_admin.clone()))
		})
		.ok_or(Error::<T>::UnknownAgency)?;
		Self::deposit_event(Event::AdminChanged { agency, old, new: new_admin });
		Ok(())
	}
}
