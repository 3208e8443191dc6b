//! The register: USCC assignment, history, status changes, cross-region moves, and
//! the business licence type each regulator issues under.

use super::applications::REASON_REISSUED_ON_MOVE;
use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::{AgencyRegistry, EnterpriseLookup, HolderRef, LicenseIssuer};

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
	/// [`Error::NotAuthority`], [`Error::RoleNotHeld`].
	fn ensure_authority(agency: AgencyId, e: &EnterpriseOf<T>) -> DispatchResult {
		ensure!(e.authority == agency, Error::<T>::NotAuthority);
		ensure!(T::Agencies::has_role(agency, Role::MarketRegulator), Error::<T>::RoleNotHeld);
		Ok(())
	}

	/// Appends an entry to `uscc`'s history (the caller writes `e`).
	///
	/// # Errors
	/// [`Error::Overflow`] if the history is full (nothing written).
	pub(crate) fn push_history(
		uscc: &Uscc,
		e: &mut EnterpriseOf<T>,
		change: Change,
		agency: AgencyId,
		by: T::AccountId,
	) -> DispatchResult {
		let seq = e.changes;
		e.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		History::<T>::insert(
			uscc,
			seq,
			ChangeEntry {
				change,
				agency,
				by,
				block: frame_system::Pallet::<T>::block_number(),
				time: Self::now(),
			},
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
	/// revocation revokes the business licence; both free the name.
	///
	/// # Errors
	/// Those of `live_enterprise` and `ensure_authority`; [`Error::InvalidStatus`] if
	/// unchanged; [`Error::AmendmentOpen`] / [`Error::MovePending`] when ending an
	/// enterprise with an open amendment or move; the licences pallet's errors.
	pub(crate) fn do_set_status(
		agency: AgencyId,
		operator: T::AccountId,
		uscc: Uscc,
		status: EnterpriseStatus,
		reason: ReasonCode,
	) -> DispatchResult {
		let mut e = Self::live_enterprise(&uscc)?;
		Self::ensure_authority(agency, &e)?;
		ensure!(e.status != status, Error::<T>::InvalidStatus);
		if status.is_final() {
			ensure!(!OpenAmendment::<T>::contains_key(uscc), Error::<T>::AmendmentOpen);
			ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
			match status {
				EnterpriseStatus::Revoked => T::Licenses::revoke(agency, &operator, e.license, reason)?,
				_ => T::Licenses::cancel(agency, &operator, e.license, reason)?,
			}
			Names::<T>::remove(e.profile.region, &e.profile.name);
		}
		e.status = status;
		Self::push_history(&uscc, &mut e, Change::StatusChanged { status, reason }, agency, operator)?;
		Enterprises::<T>::insert(uscc, e);
		Self::deposit_event(Event::StatusChanged { uscc, status, reason, agency });
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
		Self::push_history(&uscc, &mut e, Change::Moved { from, to: m.to, license }, agency, operator)?;
		Enterprises::<T>::insert(uscc, e);
		PendingMoves::<T>::remove(uscc);
		Self::deposit_event(Event::EnterpriseMoved { uscc, from, to: m.to, authority: agency, license });
		Ok(())
	}

	/// The releasing authority calls off a pending move.
	///
	/// # Errors
	/// [`Error::NoPendingMove`], [`Error::NotAuthority`].
	pub(crate) fn do_cancel_move(agency: AgencyId, uscc: Uscc) -> DispatchResult {
		let m = PendingMoves::<T>::get(uscc).ok_or(Error::<T>::NoPendingMove)?;
		ensure!(m.from_agency == agency, Error::<T>::NotAuthority);
		PendingMoves::<T>::remove(uscc);
		Self::deposit_event(Event::MoveCancelled { uscc, agency });
		Ok(())
	}
}

impl<T: Config> EnterpriseLookup for Pallet<T> {
	fn is_registered(uscc: &Uscc) -> bool {
		Enterprises::<T>::get(uscc).is_some_and(|e| !e.status.is_final())
	}
}
