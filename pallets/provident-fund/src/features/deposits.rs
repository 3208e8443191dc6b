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
		AccountHistory::<T>::insert(
			member,
			seq,
			AccountRecord { change, centre, standing: account.standing, block },
		);
		Accounts::<T>::insert(member, account);
		Ok(())
	}

	/// Records `member`'s standing at `centre`.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::WrongCentre`], [`Error::TransferPending`]
	/// (also for a recorded status of `Transferred`: that is what release does),
	/// [`Error::Overflow`].
	pub(crate) fn do_record_deposit(centre: AgencyId, member: Pseudonym, standing: Standing) -> DispatchResult {
		Self::ensure_centre(centre)?;
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
			},
		};
		Self::write_account(member, account, AccountChange::Recorded, centre)?;
		Self::deposit_event(Event::DepositRecorded { member, centre, standing });
		Ok(())
	}

	/// Certifies `member`'s standing for `relying`; returns the certificate id.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::UnknownMember`], [`Error::WrongCentre`],
	/// [`Error::UnknownAgency`] for an inactive relying party, [`Error::ExpiryInPast`],
	/// [`Error::Overflow`].
	pub(crate) fn do_issue_certificate(
		centre: AgencyId,
		member: Pseudonym,
		relying: AgencyId,
		expires: Seconds,
	) -> Result<CertificateId, DispatchError> {
		Self::ensure_centre(centre)?;
		let account = Self::account_at(centre, &member)?;
		ensure!(T::Agencies::is_active(relying), Error::<T>::UnknownAgency);
		ensure!(expires > Self::now(), Error::<T>::ExpiryInPast);
		let id = NextCertificate::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
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
		MemberCertificates::<T>::insert(member, id, ());
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
		account.standing.status = AccountStatus::Transferred;
		Self::write_account(member, account, AccountChange::Released { to }, centre)?;
		PendingTransfers::<T>::insert(member, to);
		Self::deposit_event(Event::AccountReleased { member, from: centre, to });
		Ok(())
	}

	/// The destination centre accepts `member`'s released account.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::NoPendingTransfer`], [`Error::UnknownMember`],
	/// [`Error::Overflow`].
	pub(crate) fn do_accept_account(centre: AgencyId, member: Pseudonym) -> DispatchResult {
		Self::ensure_centre(centre)?;
		ensure!(PendingTransfers::<T>::get(member) == Some(centre), Error::<T>::NoPendingTransfer);
		let mut account = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		let from = account.centre;
		account.centre = centre;
		account.standing.status = AccountStatus::Normal;
		Self::write_account(member, account, AccountChange::Accepted { from }, centre)?;
		PendingTransfers::<T>::remove(member);
		Self::deposit_event(Event::AccountAccepted { member, from, to: centre });
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

	/// `centre` commissions `bank` (or stops).
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::NotBank`].
	pub(crate) fn do_commission_bank(centre: AgencyId, bank: AgencyId, commissioned: bool) -> DispatchResult {
		Self::ensure_centre(centre)?;
		ensure!(!commissioned || T::Agencies::has_role(bank, Role::Bank), Error::<T>::NotBank);
		if commissioned {
			Commissions::<T>::insert(centre, bank, ());
		} else {
			Commissions::<T>::remove(centre, bank);
		}
		Self::deposit_event(Event::BankCommissioned { centre, bank, commissioned });
		Ok(())
	}
}
