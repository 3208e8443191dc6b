//! The register: USCC assignment, history, status changes, cross-region moves, and
//! the business licence type each regulator issues under.

use super::applications::REASON_REISSUED_ON_MOVE;
use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::{AgencyRegistry, EnterpriseLookup, HolderRef, LicenseIssuer};
use sp_runtime::traits::AccountIdConversion;

/// The register's own account: it signs, in the licences' management records, what
/// governance ends through a force call (no operator signed those).
const REGISTER_ID: frame_support::PalletId = frame_support::PalletId(*b"gc/entrp");

/// GB 11714 weights of the organisation code's first eight characters.
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
/// Organisation codes are eight decimal digits and a check character.
const MAX_SERIAL: u32 = 100_000_000;

impl<T: Config> Pallet<T> {
	/// The current time in Unix seconds.
	pub(crate) fn now() -> Seconds {
		use frame_support::traits::UnixTime;
		T::UnixTime::now().as_secs()
	}

	/// The next USCC for `profile` and the serial after it.
	///
	/// Layout (GB 32100): `9` (registered by market regulation), the category from the
	/// legal form, the 6-digit region, a 9-character organisation code (eight digits
	/// from a chain-wide serial + its GB 11714 check character), and the check character.
	///
	/// # Errors
	/// [`Error::Overflow`] once the serials are used up.
	pub(crate) fn next_uscc(profile: &ProfileOf<T>) -> Result<(Uscc, u32), DispatchError> {
		let serial = NextSerial::<T>::get();
		ensure!(serial < MAX_SERIAL, Error::<T>::Overflow);
		let mut code = [b'0'; 17];
		code[0] = b'9';
		code[1] = profile.entity_type.uscc_category();
		let mut region = profile.region.get();
		for i in (2..8).rev() {
			code[i] = b'0' + (region % 10) as u8;
			region /= 10;
		}
		let mut rest = serial;
		for i in (8..16).rev() {
			code[i] = b'0' + (rest % 10) as u8;
			rest /= 10;
		}
		let sum: u32 = code[8..16].iter().zip(ORG_WEIGHTS).map(|(c, w)| u32::from(c - b'0') * w).sum();
		code[16] = match 11 - sum % 11 {
			10 => b'X',
			11 => b'0',
			d => b'0' + d as u8,
		};
		let uscc = Uscc::with_check(code).map_err(|_| Error::<T>::MalformedUscc)?;
		Ok((uscc, serial + 1))
	}

	/// The enterprise `uscc` if it is still on the register.
	///
	/// # Errors
	/// [`Error::MalformedUscc`], [`Error::UnknownEnterprise`], [`Error::EnterpriseEnded`].
	pub(crate) fn live_enterprise(uscc: &Uscc) -> Result<EnterpriseOf<T>, DispatchError> {
		ensure!(uscc.is_valid(), Error::<T>::MalformedUscc);
		let e = Enterprises::<T>::get(uscc).ok_or(Error::<T>::UnknownEnterprise)?;
		ensure!(!e.status.is_final(), Error::<T>::EnterpriseEnded);
		Ok(e)
	}

	/// Checks that `agency` is `e`'s registration authority and still a market regulator.
	///
	/// # Errors
	/// [`Error::OutsideRegion`] for an agency whose region does not cover the
	/// enterprise's, [`Error::NotAuthority`] for another agency of the region,
	/// [`Error::RoleNotHeld`] if the authority lost the market-regulator role.
	pub(crate) fn ensure_authority(agency: AgencyId, e: &EnterpriseOf<T>) -> DispatchResult {
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(home.covers(&e.profile.region), Error::<T>::OutsideRegion);
		ensure!(e.authority == agency, Error::<T>::NotAuthority);
		ensure!(T::Agencies::has_role(agency, Role::MarketRegulator), Error::<T>::RoleNotHeld);
		Ok(())
	}

	/// The account that signs licence endings decided by governance.
	pub fn register_account() -> T::AccountId {
		REGISTER_ID.into_account_truncating()
	}

	/// Worst-case weight of ending every licence of one holder.
	pub fn end_all_max_weight() -> Weight {
		T::Licenses::end_all_weight(T::Licenses::max_live_per_holder())
	}

	/// `base`, plus ending `ended` licences if the call ended any (`None`: it did not
	/// try).
	pub(crate) fn with_end_all(base: Weight, ended: Option<u32>) -> Weight {
		match ended {
			Some(n) => base.saturating_add(T::Licenses::end_all_weight(n)),
			None => base,
		}
	}

	/// Appends an entry to `uscc`'s history (the caller writes `e`).
	///
	/// # Errors
	/// [`Error::Overflow`] if the history is full (nothing written).
	pub(crate) fn push_history(
		uscc: &Uscc,
		e: &mut EnterpriseOf<T>,
		change: ChangeOf<T>,
		actor: ActorOf<T>,
	) -> DispatchResult {
		let seq = e.changes;
		e.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		History::<T>::insert(
			uscc,
			seq,
			ChangeEntry { change, actor, block: frame_system::Pallet::<T>::block_number(), time: Self::now() },
		);
		Ok(())
	}

	/// A market regulator sets the licence type of the business licences it issues.
	///
	/// # Errors
	/// [`Error::RoleNotHeld`]; the licences pallet's errors if the agency could not
	/// issue that type to an enterprise.
	pub(crate) fn do_set_license_type(agency: AgencyId, license_type: LicenseTypeId) -> DispatchResult {
		ensure!(T::Agencies::has_role(agency, Role::MarketRegulator), Error::<T>::RoleNotHeld);
		let sample = Uscc::with_check(*b"91110000000000000").map_err(|_| Error::<T>::MalformedUscc)?;
		T::Licenses::check_issue(agency, license_type, &HolderRef::Enterprise(sample))?;
		LicenseTypeOf::<T>::insert(agency, license_type);
		Self::deposit_event(Event::LicenseTypeSet { agency, license_type });
		Ok(())
	}

	/// The registration authority changes `uscc`'s status. Deregistration cancels and
	/// revocation revokes every licence the enterprise holds; both free the name.
	/// Returns how many licences were ended (`None` if the enterprise did not end).
	///
	/// # Errors
	/// Those of `live_enterprise`, `ensure_authority` and `change_status`.
	pub(crate) fn do_set_status(
		agency: AgencyId,
		operator: T::AccountId,
		uscc: Uscc,
		status: EnterpriseStatus,
		reason: ReasonCode,
	) -> Result<Option<u32>, DispatchError> {
		let e = Self::live_enterprise(&uscc)?;
		Self::ensure_authority(agency, &e)?;
		let ended = Self::change_status(uscc, e, status, reason, agency, &operator, Actor::Agency { agency, by: operator.clone() })?;
		Self::deposit_event(Event::StatusChanged { uscc, status, reason, agency, licenses_ended: ended.unwrap_or(0) });
		Ok(ended)
	}

	/// Governance changes `uscc`'s status, as `do_set_status` does; licences are
	/// ended in the name of the enterprise's recorded authority, signed by
	/// [`Pallet::register_account`].
	///
	/// # Errors
	/// Those of `live_enterprise` and `change_status`.
	pub(crate) fn do_force_set_status(
		uscc: Uscc,
		status: EnterpriseStatus,
		reason: ReasonCode,
	) -> Result<Option<u32>, DispatchError> {
		let e = Self::live_enterprise(&uscc)?;
		let authority = e.authority;
		let ended =
			Self::change_status(uscc, e, status, reason, authority, &Self::register_account(), Actor::Governance { reason })?;
		Self::deposit_event(Event::StatusForced { uscc, status, reason, licenses_ended: ended.unwrap_or(0) });
		Ok(ended)
	}

	/// Sets the status of the live enterprise `e`; ending it ends every licence it
	/// holds (revoked on revocation, else cancelled) on behalf of `agency`.
	///
	/// # Errors
	/// [`Error::InvalidStatus`] if unchanged; [`Error::AmendmentOpen`] /
	/// [`Error::MovePending`] when ending an enterprise with an amendment under
	/// review or a move pending; [`Error::Overflow`]; the licences pallet's errors.
	#[allow(clippy::too_many_arguments)]
	fn change_status(
		uscc: Uscc,
		mut e: EnterpriseOf<T>,
		status: EnterpriseStatus,
		reason: ReasonCode,
		agency: AgencyId,
		operator: &T::AccountId,
		actor: ActorOf<T>,
	) -> Result<Option<u32>, DispatchError> {
		ensure!(e.status != status, Error::<T>::InvalidStatus);
		e.changes.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut ended = None;
		if status.is_final() {
			ensure!(!OpenAmendment::<T>::contains_key(uscc), Error::<T>::AmendmentOpen);
			ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
			let revoke = status == EnterpriseStatus::Revoked;
			ended = Some(T::Licenses::end_all(agency, operator, &HolderRef::Enterprise(uscc), reason, revoke)?);
			Names::<T>::remove(e.profile.region, &e.profile.name);
		}
		e.status = status;
		Self::push_history(&uscc, &mut e, Change::StatusChanged { status, reason }, actor)?;
		Enterprises::<T>::insert(uscc, e);
		Ok(ended)
	}

	/// Sets the designated account of the live enterprise `e` (`uscc`); the caller
	/// checked that `actor` may.
	///
	/// # Errors
	/// [`Error::AccountUnchanged`], [`Error::Overflow`].
	pub(crate) fn do_set_account(
		uscc: Uscc,
		mut e: EnterpriseOf<T>,
		account: Option<T::AccountId>,
		actor: ActorOf<T>,
	) -> DispatchResult {
		ensure!(e.account != account, Error::<T>::AccountUnchanged);
		e.account = account.clone();
		Self::push_history(&uscc, &mut e, Change::AccountSet { account: account.clone() }, actor.clone())?;
		Enterprises::<T>::insert(uscc, e);
		Self::deposit_event(Event::AccountSet { uscc, account, actor });
		Ok(())
	}

	/// Governance makes `agency` the registration authority of `uscc`.
	///
	/// # Errors
	/// Those of `live_enterprise`, [`Error::AuthorityUnchanged`],
	/// [`Error::MovePending`], [`Error::RoleNotHeld`] (not an active market
	/// regulator), [`Error::OutsideRegion`], [`Error::Overflow`].
	pub(crate) fn do_force_set_authority(uscc: Uscc, agency: AgencyId, reason: ReasonCode) -> DispatchResult {
		let mut e = Self::live_enterprise(&uscc)?;
		let from = e.authority;
		ensure!(from != agency, Error::<T>::AuthorityUnchanged);
		ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
		ensure!(T::Agencies::has_role(agency, Role::MarketRegulator), Error::<T>::RoleNotHeld);
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(home.covers(&e.profile.region), Error::<T>::OutsideRegion);
		e.authority = agency;
		Self::push_history(&uscc, &mut e, Change::AuthorityChanged { from, to: agency }, Actor::Governance { reason })?;
		Enterprises::<T>::insert(uscc, e);
		Self::deposit_event(Event::AuthorityForced { uscc, from, to: agency, reason });
		Ok(())
	}

	/// The registration authority releases `uscc` to region `to`.
	///
	/// # Errors
	/// Those of `live_enterprise` and `ensure_authority`; [`Error::MalformedRegion`],
	/// [`Error::NotAcrossRegions`], [`Error::MovePending`], [`Error::AmendmentOpen`].
	pub(crate) fn do_request_move(
		agency: AgencyId,
		operator: T::AccountId,
		uscc: Uscc,
		to: u32,
	) -> DispatchResult {
		let e = Self::live_enterprise(&uscc)?;
		Self::ensure_authority(agency, &e)?;
		let to = RegionCode::new(to).ok_or(Error::<T>::MalformedRegion)?;
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(!home.covers(&to), Error::<T>::NotAcrossRegions);
		ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
		ensure!(!OpenAmendment::<T>::contains_key(uscc), Error::<T>::AmendmentOpen);
		PendingMoves::<T>::insert(
			uscc,
			MoveRequest { to, from_agency: agency, by: operator, block: frame_system::Pallet::<T>::block_number() },
		);
		Self::deposit_event(Event::MoveRequested { uscc, from: e.profile.region, to, agency });
		Ok(())
	}

	/// A market regulator of the destination accepts: it becomes the authority and
	/// issues a new business licence (file `document`); the old licence is cancelled
	/// in the releasing regulator's name.
	///
	/// # Errors
	/// [`Error::NoPendingMove`], those of `live_enterprise`, [`Error::RoleNotHeld`],
	/// [`Error::OutsideRegion`], [`Error::NameTaken`], [`Error::NoLicenseType`],
	/// [`Error::Overflow`], the licences pallet's errors.
	pub(crate) fn do_accept_move(
		agency: AgencyId,
		operator: T::AccountId,
		uscc: Uscc,
		document: DocumentHash,
	) -> DispatchResult {
		let m = PendingMoves::<T>::get(uscc).ok_or(Error::<T>::NoPendingMove)?;
		let mut e = Self::live_enterprise(&uscc)?;
		ensure!(T::Agencies::has_role(agency, Role::MarketRegulator), Error::<T>::RoleNotHeld);
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(home.covers(&m.to), Error::<T>::OutsideRegion);
		Self::ensure_name_free(m.to, &e.profile.name, None)?;
		let license_type = LicenseTypeOf::<T>::get(agency).ok_or(Error::<T>::NoLicenseType)?;
		let holder = HolderRef::Enterprise(uscc);
		T::Licenses::check_issue(agency, license_type, &holder)?;
		let version = e.version.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let license = T::Licenses::issue(agency, &operator, license_type, holder, document, Self::now(), None)?;
		T::Licenses::cancel(m.from_agency, &m.by, e.license, REASON_REISSUED_ON_MOVE)?;
		let from = e.profile.region;
		Names::<T>::remove(from, &e.profile.name);
		RegionEnterprises::<T>::remove(from, uscc);
		Names::<T>::insert(m.to, &e.profile.name, uscc);
		RegionEnterprises::<T>::insert(m.to, uscc, ());
		e.profile.region = m.to;
		e.authority = agency;
		e.license = license;
		e.version = version;
		Versions::<T>::insert(uscc, version, &e.profile);
		Self::push_history(&uscc, &mut e, Change::Moved { from, to: m.to, license }, Actor::Agency { agency, by: operator })?;
		Enterprises::<T>::insert(uscc, e);
		PendingMoves::<T>::remove(uscc);
		Self::deposit_event(Event::EnterpriseMoved { uscc, from, to: m.to, authority: agency, license });
		Ok(())
	}

	/// The releasing authority (the enterprise's authority) calls off a pending move.
	///
	/// # Errors
	/// [`Error::NoPendingMove`], those of `live_enterprise` and `ensure_authority`.
	pub(crate) fn do_cancel_move(agency: AgencyId, uscc: Uscc) -> DispatchResult {
		ensure!(PendingMoves::<T>::contains_key(uscc), Error::<T>::NoPendingMove);
		let e = Self::live_enterprise(&uscc)?;
		Self::ensure_authority(agency, &e)?;
		PendingMoves::<T>::remove(uscc);
		Self::deposit_event(Event::MoveCancelled { uscc, agency });
		Ok(())
	}

	/// Governance calls off a pending move.
	///
	/// # Errors
	/// [`Error::NoPendingMove`].
	pub(crate) fn do_force_cancel_move(uscc: Uscc, reason: ReasonCode) -> DispatchResult {
		ensure!(PendingMoves::<T>::contains_key(uscc), Error::<T>::NoPendingMove);
		PendingMoves::<T>::remove(uscc);
		Self::deposit_event(Event::MoveForceCancelled { uscc, reason });
		Ok(())
	}
}

impl<T: Config> EnterpriseLookup<T::AccountId> for Pallet<T> {
	fn is_registered(uscc: &Uscc) -> bool {
		Enterprises::<T>::get(uscc).is_some_and(|e| !e.status.is_final())
	}

	fn account_of(uscc: &Uscc) -> Option<T::AccountId> {
		Enterprises::<T>::get(uscc).filter(|e| !e.status.is_final()).and_then(|e| e.account)
	}
}
