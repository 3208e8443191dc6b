//! A licence's lifecycle after issuance: suspension, reinstatement, revocation,
//! cancellation, and the management record every change lands in.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::OriginFor;
use govchain_primitives::{AgencyRegistry, HolderRef};

impl<T: Config> Pallet<T> {
	/// The licence `id`, or [`Error::UnknownLicense`].
	pub(crate) fn license_of(id: LicenseId) -> Result<LicenseOf<T>, DispatchError> {
		Licenses::<T>::get(id).ok_or(Error::<T>::UnknownLicense.into())
	}

	/// Whether `agency` manages `license`: it issued it or is its type's authority.
	pub(crate) fn is_manager(agency: AgencyId, license: &LicenseOf<T>) -> bool {
		license.issuer == agency ||
			Types::<T>::get(license.license_type).is_some_and(|t| t.authority == agency)
	}

	/// Checks that `agency` may manage `license` now.
	///
	/// # Errors
	/// [`Error::NotIssuer`]; [`Error::RoleNotHeld`] if the agency no longer holds the
	/// type's issuing role (or is not active).
	pub(crate) fn ensure_manager(agency: AgencyId, license: &LicenseOf<T>) -> DispatchResult {
		ensure!(Self::is_manager(agency, license), Error::<T>::NotIssuer);
		let t = Self::type_of(license.license_type)?;
		ensure!(T::Agencies::has_role(agency, t.issuer_role), Error::<T>::RoleNotHeld);
		Ok(())
	}

	/// Whether `action` may be applied to a licence in `status`.
	///
	/// # Errors
	/// [`Error::LicenseRevoked`] to reinstate a revoked licence; [`Error::LicenseEnded`]
	/// for any other change of an ended licence; [`Error::NotActive`] to suspend a
	/// suspended one; [`Error::NotSuspended`] to reinstate an active one.
	fn check_transition(status: LicenseStatus, action: &Action) -> DispatchResult {
		match (action, status) {
			(Action::Reinstated, LicenseStatus::Revoked) => Err(Error::<T>::LicenseRevoked.into()),
			(_, s) if s.is_final() => Err(Error::<T>::LicenseEnded.into()),
			(Action::Suspended, LicenseStatus::Suspended) => Err(Error::<T>::NotActive.into()),
			(Action::Reinstated, LicenseStatus::Active) => Err(Error::<T>::NotSuspended.into()),
			_ => Ok(()),
		}
	}

	/// Applies a management `action` by `agency` to licence `id`.
	///
	/// # Errors
	/// [`Error::UnknownLicense`]; those of `ensure_manager` and `check_transition`;
	/// [`Error::Overflow`].
	pub(crate) fn do_manage(
		agency: AgencyId,
		operator: T::AccountId,
		id: LicenseId,
		action: Action,
		reason: ReasonCode,
		legal_basis: Option<DocumentHash>,
	) -> DispatchResult {
		let license = Self::license_of(id)?;
		Self::ensure_manager(agency, &license)?;
		Self::check_transition(license.status, &action)?;
		Self::record_change(id, license, action, reason, legal_basis, Some(agency), operator)
	}

	/// Cancels licence `id` for the holder: signed by the holder's account, or by an
	/// operator of an agency managing the licence (recording the holder's request).
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotHolder`] if the signer is neither,
	/// [`Error::LicenseEnded`], [`Error::Overflow`]; `BadOrigin` if unsigned.
	pub(crate) fn do_cancel_by(origin: OriginFor<T>, id: LicenseId, reason: ReasonCode) -> DispatchResult {
		let license = Self::license_of(id)?;
		if let Ok((agency, operator)) = T::AgencyOrigin::try_origin(origin.clone()) {
			if Self::is_manager(agency, &license) {
				return Self::do_manage(agency, operator, id, Action::Cancelled, reason, None);
			}
		}
		let who = frame_system::ensure_signed(origin)?;
		ensure!(Self::holder_account(&license.holder).as_ref() == Some(&who), Error::<T>::NotHolder);
		Self::check_transition(license.status, &Action::Cancelled)?;
		Self::record_change(id, license, Action::Cancelled, reason, None, None, who)
	}

	/// Writes one management record entry and the licence's new status.
	///
	/// # Errors
	/// [`Error::Overflow`] if the record is full (nothing written).
	pub(crate) fn record_change(
		id: LicenseId,
		mut license: LicenseOf<T>,
		action: Action,
		reason: ReasonCode,
		legal_basis: Option<DocumentHash>,
		agency: Option<AgencyId>,
		by: T::AccountId,
	) -> DispatchResult {
		let seq = license.changes;
		license.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		license.status = action.resulting_status();
		History::<T>::insert(
			id,
			seq,
			ChangeRecord {
				action,
				reason,
				legal_basis,
				agency,
				by: by.clone(),
				block: Self::block(),
				time: Self::now(),
			},
		);
		Licenses::<T>::insert(id, license);
		Self::deposit_event(Event::LicenseChanged { id, seq, action, reason, agency, by });
		Ok(())
	}

	/// The account acting for `holder`: itself for an account holder, else the
	/// designated one.
	pub fn holder_account(holder: &HolderOf<T>) -> Option<T::AccountId> {
		match holder {
			HolderRef::Account(a) => Some(a.clone()),
			other => HolderAccounts::<T>::get(other),
		}
	}

	/// Designates (or clears) the account acting for `holder`.
	///
	/// # Errors
	/// [`Error::RoleNotHeld`] unless `agency` holds `LicenseIssuer` or
	/// `MarketRegulator`; [`Error::AccountHolder`]; [`Error::MalformedUscc`].
	pub(crate) fn do_set_holder_account(
		agency: AgencyId,
		holder: HolderOf<T>,
		account: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(
			T::Agencies::has_role(agency, Role::LicenseIssuer) ||
				T::Agencies::has_role(agency, Role::MarketRegulator),
			Error::<T>::RoleNotHeld
		);
		ensure!(!matches!(holder, HolderRef::Account(_)), Error::<T>::AccountHolder);
		Self::ensure_well_formed(&holder)?;
		match &account {
			Some(a) => HolderAccounts::<T>::insert(&holder, a),
			None => HolderAccounts::<T>::remove(&holder),
		}
		Self::deposit_event(Event::HolderAccountSet { holder, account, by_agency: agency });
		Ok(())
	}

	/// Whether `license` is in force at `time` by its current status and validity period.
	pub(crate) fn is_valid_at(license: &LicenseOf<T>, time: Seconds) -> bool {
		license.status == LicenseStatus::Active &&
			license.valid_from <= time &&
			license.valid_until.is_none_or(|u| time < u)
	}
}
