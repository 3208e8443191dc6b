//! Deposit accounts, certificates, transfers between centres, rules and commissions.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// The current time in Unix seconds.
	pub(crate) fn now() -> Seconds {
		use frame_support::traits::UnixTime;
		T::UnixTime::now().as_secs()
	}

	/// Checks that `agency` is an active fund centre.
	///
	/// # Errors
	/// [`Error::NotFundCentre`].
	pub(crate) fn ensure_centre(agency: AgencyId) -> DispatchResult {
		ensure!(T::Agencies::has_role(agency, Role::FundCenter), Error::<T>::NotFundCentre);
		Ok(())
	}

	/// Checks that `centre`'s region covers `region`.
	///
	/// # Errors
	/// [`Error::UnknownAgency`] if `centre` has no region, [`Error::OutsideJurisdiction`].
	fn ensure_covers(centre: AgencyId, region: &RegionCode) -> DispatchResult {
		let own = T::Agencies::region_of(centre).ok_or(Error::<T>::UnknownAgency)?;
		ensure!(own.covers(region), Error::<T>::OutsideJurisdiction);
		Ok(())
	}

	/// The account of `member`, kept by `centre`.
	///
	/// # Errors
	/// [`Error::UnknownMember`], [`Error::WrongCentre`].
	fn account_at(centre: AgencyId, member: &Pseudonym) -> Result<DepositAccountOf<T>, DispatchError> {
		let a = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		ensure!(a.centre == centre, Error::<T>::WrongCentre);
		Ok(a)
	}

	/// Appends to `member`'s history and writes the account.
	///
	/// # Errors
	/// [`Error::Overflow`] (nothing written).
	fn write_account(
		member: Pseudonym,
		mut account: DepositAccountOf<T>,
		change: AccountChange,
		centre: AgencyId,
	) -> DispatchResult {
		let seq = account.changes;
		account.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let block = frame_system::Pallet::<T>::block_number();
		account.updated_at = block;
		AccountHistory::<T>::insert(member, seq, AccountRecord { change, centre, standing: account.standing, block });
		Accounts::<T>::insert(member, account);
		Ok(())
	}

	/// Records `member`'s standing at `centre`, for an employer in `employer_region`.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::InvalidRegion`], [`Error::TransferPending`]
	/// (also for a recorded status of `Transferred`: that is what release does),
	/// [`Error::WrongCentre`], [`Error::OutsideJurisdiction`], [`Error::Overflow`].
	pub(crate) fn do_record_deposit(
		centre: AgencyId,
		member: Pseudonym,
		standing: Standing,
		employer_region: u32,
	) -> DispatchResult {
		Self::ensure_centre(centre)?;
		let employer_region = RegionCode::new(employer_region).ok_or(Error::<T>::InvalidRegion)?;
		ensure!(standing.status != AccountStatus::Transferred, Error::<T>::TransferPending);
		let account = match Accounts::<T>::get(member) {
			Some(a) => {
				ensure!(a.centre == centre, Error::<T>::WrongCentre);
				ensure!(!PendingTransfers::<T>::contains_key(member), Error::<T>::TransferPending);
				DepositAccount { standing, ..a }
			},
			None => DepositAccount {
				centre,
				standing,
				updated_at: frame_system::Pallet::<T>::block_number(),
				changes: 0,
				certificates: 0,
				loans: 0,
			},
		};
		Self::ensure_covers(centre, &employer_region)?;
		Self::write_account(member, account, AccountChange::Recorded { employer_region }, centre)?;
		Self::deposit_event(Event::DepositRecorded { member, centre, standing, employer_region });
		Ok(())
	}

	/// Certifies `member`'s standing for `relying`; returns the certificate id.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::UnknownMember`], [`Error::WrongCentre`],
	/// [`Error::TransferPending`], [`Error::UnknownAgency`] for an inactive relying
	/// party, [`Error::NotRelyingParty`] for one that is neither centre nor bank,
	/// [`Error::ExpiryInPast`], [`Error::Overflow`].
	pub(crate) fn do_issue_certificate(
		centre: AgencyId,
		member: Pseudonym,
		relying: AgencyId,
		expires: Seconds,
	) -> Result<CertificateId, DispatchError> {
		Self::ensure_centre(centre)?;
		let mut account = Self::account_at(centre, &member)?;
		ensure!(!PendingTransfers::<T>::contains_key(member), Error::<T>::TransferPending);
		ensure!(T::Agencies::is_active(relying), Error::<T>::UnknownAgency);
		ensure!(
			T::Agencies::has_role(relying, Role::FundCenter) || T::Agencies::has_role(relying, Role::Bank),
			Error::<T>::NotRelyingParty
		);
		ensure!(expires > Self::now(), Error::<T>::ExpiryInPast);
		let id = NextCertificate::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let seq = account.certificates;
		account.certificates = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextCertificate::<T>::put(next);
		Certificates::<T>::insert(
			id,
			Certificate {
				member,
				centre,
				relying,
				standing: account.standing,
				issued_at: frame_system::Pallet::<T>::block_number(),
				expires,
			},
		);
		MemberCertificates::<T>::insert(member, seq, id);
		Accounts::<T>::insert(member, account);
		Self::deposit_event(Event::CertificateIssued { id, member, centre, relying, expires });
		Ok(id)
	}

	/// Releases `member`'s account from `centre` to `to`.
	///
	/// # Errors
	/// [`Error::NotFundCentre`] (either side), [`Error::UnknownMember`],
	/// [`Error::WrongCentre`] (also to release to itself), [`Error::TransferPending`],
	/// [`Error::Overflow`].
	pub(crate) fn do_release_account(centre: AgencyId, member: Pseudonym, to: AgencyId) -> DispatchResult {
		Self::ensure_centre(centre)?;
		Self::ensure_centre(to)?;
		let mut account = Self::account_at(centre, &member)?;
		ensure!(to != centre, Error::<T>::WrongCentre);
		ensure!(!PendingTransfers::<T>::contains_key(member), Error::<T>::TransferPending);
		let status = account.standing.status;
		account.standing.status = AccountStatus::Transferred;
		Self::write_account(member, account, AccountChange::Released { to }, centre)?;
		PendingTransfers::<T>::insert(member, PendingTransfer { to, status });
		Self::deposit_event(Event::AccountReleased { member, from: centre, to });
		Ok(())
	}

	/// The destination centre accepts `member`'s released account, which gets back
	/// the status it had before the release.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::NoPendingTransfer`], [`Error::UnknownMember`],
	/// [`Error::Overflow`].
	pub(crate) fn do_accept_account(centre: AgencyId, member: Pseudonym) -> DispatchResult {
		Self::ensure_centre(centre)?;
		let pending =
			PendingTransfers::<T>::get(member).filter(|p| p.to == centre).ok_or(Error::<T>::NoPendingTransfer)?;
		let mut account = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		let from = account.centre;
		account.centre = centre;
		account.standing.status = pending.status;
		Self::write_account(member, account, AccountChange::Accepted { from }, centre)?;
		PendingTransfers::<T>::remove(member);
		Self::deposit_event(Event::AccountAccepted { member, from, to: centre });
		Ok(())
	}

	/// Governance moves `member`'s account to centre `to`, cancelling a pending
	/// transfer (the account gets back the status it had before the release).
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::UnknownMember`], [`Error::SameCentre`] (the
	/// account is at `to` and no transfer is pending), [`Error::Overflow`].
	pub(crate) fn do_force_move_account(member: Pseudonym, to: AgencyId, reason: ReasonCode) -> DispatchResult {
		Self::ensure_centre(to)?;
		let mut account = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		let pending = PendingTransfers::<T>::get(member);
		ensure!(account.centre != to || pending.is_some(), Error::<T>::SameCentre);
		let from = account.centre;
		account.centre = to;
		if let Some(p) = pending {
			account.standing.status = p.status;
		}
		Self::write_account(member, account, AccountChange::ForceMoved { from, reason }, to)?;
		PendingTransfers::<T>::remove(member);
		Self::deposit_event(Event::AccountForceMoved { member, from, to, reason });
		Ok(())
	}

	/// Sets `centre`'s lending rules.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::InvalidAmount`] for a zero maximum.
	pub(crate) fn do_set_rules(centre: AgencyId, rules: Rules) -> DispatchResult {
		Self::ensure_centre(centre)?;
		ensure!(rules.max_amount > 0 && rules.max_term_months > 0, Error::<T>::InvalidAmount);
		LendingRules::<T>::insert(centre, rules);
		Self::deposit_event(Event::RulesSet { centre, rules });
		Ok(())
	}

	/// `centre` commissions `bank`, a bank of its region, or stops commissioning it.
	///
	/// # Errors
	/// [`Error::NotFundCentre`]; commissioning: [`Error::NotBank`] (not an active
	/// bank), [`Error::OutsideJurisdiction`] (a bank of another region); withdrawing:
	/// [`Error::NotCommissioned`].
	pub(crate) fn do_commission_bank(centre: AgencyId, bank: AgencyId, commissioned: bool) -> DispatchResult {
		Self::ensure_centre(centre)?;
		if commissioned {
			ensure!(T::Agencies::has_role(bank, Role::Bank), Error::<T>::NotBank);
			let region = T::Agencies::region_of(bank).ok_or(Error::<T>::NotBank)?;
			Self::ensure_covers(centre, &region)?;
			Commissions::<T>::insert(centre, bank, ());
		} else {
			ensure!(Commissions::<T>::contains_key(centre, bank), Error::<T>::NotCommissioned);
			Commissions::<T>::remove(centre, bank);
		}
		Self::deposit_event(Event::BankCommissioned { centre, bank, commissioned });
		Ok(())
	}
}
