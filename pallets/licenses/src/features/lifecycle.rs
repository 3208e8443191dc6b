//! A licence's lifecycle after issuance: suspension, reinstatement, revocation,
//! cancellation, governance's forced changes, and the management record every change
//! lands in.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::OriginFor;
use govchain_primitives::AgencyRegistry;

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

	/// Checks that a direct call of this pallet may change `license`.
	///
	/// # Errors
	/// [`Error::ManagedByRegister`] for a licence the enterprise register issued.
	pub(crate) fn ensure_not_register_managed(license: &LicenseOf<T>) -> DispatchResult {
		ensure!(!license.managed_by_register, Error::<T>::ManagedByRegister);
		Ok(())
	}

	/// Who imposed the current suspension of licence `id`: `Some(agency)`, or `None`
	/// when governance forced it. Read from the last entry of the management record
	/// (a suspended licence's last entry is its suspension): one read.
	pub(crate) fn suspended_by(id: LicenseId, license: &LicenseOf<T>) -> Option<AgencyId> {
		license
			.changes
			.checked_sub(1)
			.and_then(|seq| History::<T>::get(id, seq))
			.filter(|c| c.action == Action::Suspended)
			.and_then(|c| c.agency)
	}

	/// Checks that `agency` may lift the suspension of licence `id` (reinstate it, or
	/// renew it while suspended): it imposed the suspension, or it is the type's
	/// authority and the issuer imposed it. A suspension governance forced is lifted
	/// by governance only.
	///
	/// # Errors
	/// [`Error::SuspendedByOther`].
	pub(crate) fn ensure_may_lift(
		agency: AgencyId,
		id: LicenseId,
		license: &LicenseOf<T>,
	) -> DispatchResult {
		let authority = Types::<T>::get(license.license_type).map(|t| t.authority);
		match Self::suspended_by(id, license) {
			Some(imposer) if imposer == agency || authority == Some(agency) => Ok(()),
			_ => Err(Error::<T>::SuspendedByOther.into()),
		}
	}

	/// Whether `action` may be applied to a licence in `status`.
	///
	/// # Errors
	/// [`Error::LicenseRevoked`] to reinstate a revoked licence; [`Error::LicenseEnded`]
	/// for any other change of an ended licence; [`Error::NotActive`] to suspend a
	/// suspended one; [`Error::NotSuspended`] to reinstate an active one.
	pub(crate) fn check_transition(status: LicenseStatus, action: &Action) -> DispatchResult {
		match (action, status) {
			(Action::Reinstated, LicenseStatus::Revoked) => Err(Error::<T>::LicenseRevoked.into()),
			(_, s) if s.is_final() => Err(Error::<T>::LicenseEnded.into()),
			(Action::Suspended, LicenseStatus::Suspended) => Err(Error::<T>::NotActive.into()),
			(Action::Reinstated, LicenseStatus::Active) => Err(Error::<T>::NotSuspended.into()),
			_ => Ok(()),
		}
	}

	/// Applies a management `action` by `agency` to licence `id` (a direct call).
	///
	/// # Errors
	/// [`Error::UnknownLicense`]; those of `ensure_manager`;
	/// [`Error::ManagedByRegister`]; those of `check_transition`;
	/// [`Error::SuspendedByOther`] to reinstate a suspension another agency imposed;
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
		Self::ensure_not_register_managed(&license)?;
		Self::check_transition(license.status, &action)?;
		if action == Action::Reinstated {
			Self::ensure_may_lift(agency, id, &license)?;
		}
		Self::apply_change(id, license, action, reason, legal_basis, Actor::Agency(agency, operator))
	}

	/// Ends licence `id` (`Cancelled` or `Revoked`) for the enterprise register, through
	/// [`govchain_primitives::LicenseIssuer`]. A licence the register manages is ended
	/// on the register's word: the register has already checked who may end the
	/// enterprise (its authority, or governance), and the issuing agency may since
	/// have lost its role or been replaced as the enterprise's authority. Any other
	/// licence needs `agency` to manage it.
	///
	/// # Errors
	/// [`Error::UnknownLicense`]; for a licence the register does not manage those of
	/// `ensure_manager`; those of `check_transition`; [`Error::Overflow`].
	pub(crate) fn do_end_for_register(
		agency: AgencyId,
		operator: T::AccountId,
		id: LicenseId,
		action: Action,
		reason: ReasonCode,
	) -> DispatchResult {
		let license = Self::license_of(id)?;
		if !license.managed_by_register {
			Self::ensure_manager(agency, &license)?;
		}
		Self::check_transition(license.status, &action)?;
		Self::apply_change(id, license, action, reason, None, Actor::Agency(agency, operator))
	}

	/// Cancels licence `id` for the holder: signed by an operator of an agency managing
	/// the licence (recording the holder's request), or by the holder's account.
	///
	/// # Errors
	/// [`Error::UnknownLicense`]; for a managing agency those of `do_manage`; else
	/// [`Error::NotIssuer`] for an operator of another agency and [`Error::NotHolder`]
	/// for any other signer; [`Error::ManagedByRegister`], [`Error::LicenseEnded`],
	/// [`Error::Overflow`]; `BadOrigin` if unsigned.
	pub(crate) fn do_cancel_by(origin: OriginFor<T>, id: LicenseId, reason: ReasonCode) -> DispatchResult {
		let license = Self::license_of(id)?;
		let acting = T::AgencyOrigin::try_origin(origin.clone()).ok();
		if let Some((agency, operator)) = &acting {
			if Self::is_manager(*agency, &license) {
				return Self::do_manage(*agency, operator.clone(), id, Action::Cancelled, reason, None);
			}
		}
		let who = frame_system::ensure_signed(origin)?;
		if Self::ensure_holder_account(&who, &license).is_err() {
			return Err(if acting.is_some() { Error::<T>::NotIssuer } else { Error::<T>::NotHolder }.into());
		}
		Self::ensure_not_register_managed(&license)?;
		Self::check_transition(license.status, &Action::Cancelled)?;
		Self::apply_change(id, license, Action::Cancelled, reason, None, Actor::Holder(who))
	}

	/// Governance applies `action` to licence `id`, whoever suspended it.
	///
	/// # Errors
	/// [`Error::NotForceable`] for a renewal; [`Error::UnknownLicense`];
	/// [`Error::ManagedByRegister`]; those of `check_transition`; [`Error::Overflow`].
	pub(crate) fn do_force_change(id: LicenseId, action: Action, reason: ReasonCode) -> DispatchResult {
		ensure!(!matches!(action, Action::Renewed { .. }), Error::<T>::NotForceable);
		let license = Self::license_of(id)?;
		Self::ensure_not_register_managed(&license)?;
		Self::check_transition(license.status, &action)?;
		Self::apply_change(id, license, action, reason, None, Actor::Governance)
	}

	/// Records a change and, when it ends the licence, drops it from its holder's live
	/// licences.
	///
	/// # Errors
	/// [`Error::Overflow`] if the record is full (nothing written).
	pub(crate) fn apply_change(
		id: LicenseId,
		license: LicenseOf<T>,
		action: Action,
		reason: ReasonCode,
		legal_basis: Option<DocumentHash>,
		actor: Actor<T::AccountId>,
	) -> DispatchResult {
		let holder = license.holder.clone();
		Self::record_change(id, license, action, reason, legal_basis, actor)?;
		if action.resulting_status().is_final() {
			Self::unindex_live(&holder, id);
		}
		Ok(())
	}

	/// Writes one management record entry and the licence's new status; an ended
	/// licence's live authorisations are dropped and it is listed among its holder's
	/// [`EndedLicenses`]. Leaves [`LiveLicenses`] to the caller.
	///
	/// # Errors
	/// [`Error::Overflow`] if the record is full (nothing written).
	pub(crate) fn record_change(
		id: LicenseId,
		mut license: LicenseOf<T>,
		action: Action,
		reason: ReasonCode,
		legal_basis: Option<DocumentHash>,
		actor: Actor<T::AccountId>,
	) -> DispatchResult {
		let seq = license.changes;
		license.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		license.status = action.resulting_status();
		let (agency, by, forced) = actor.into_parts();
		History::<T>::insert(
			id,
			seq,
			ChangeRecord {
				action,
				reason,
				legal_basis,
				agency,
				by: by.clone(),
				forced,
				block: Self::block(),
				time: Self::now(),
			},
		);
		if license.status.is_final() {
			LiveConsents::<T>::remove(id);
			EndedLicenses::<T>::insert(&license.holder, id, ());
		}
		Licenses::<T>::insert(id, license);
		Self::deposit_event(Event::LicenseChanged { id, seq, action, reason, agency, by, forced });
		Ok(())
	}

	/// Removes licence `id` from `holder`'s live licences (the entry goes with the last).
	pub(crate) fn unindex_live(holder: &HolderOf<T>, id: LicenseId) {
		LiveLicenses::<T>::mutate_exists(holder, |live| {
			if let Some(list) = live {
				list.retain(|x| *x != id);
				if list.is_empty() {
					*live = None;
				}
			}
		});
	}

	/// Whether `license` is in force at `time` by its current status and validity period.
	pub(crate) fn is_valid_at(license: &LicenseOf<T>, time: Seconds) -> bool {
		license.status == LicenseStatus::Active &&
			license.valid_from <= time &&
			license.valid_until.is_none_or(|u| time < u)
	}
}
