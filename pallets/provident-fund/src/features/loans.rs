//! Loans: filing, decision, disbursement, repayments, overdue, settlement,
//! cancellation and closure by governance.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// The standing a loan decision relies on: the member's own account at the
	/// lending centre, or the certificate the loan names.
	fn standing_for(loan: &LoanOf<T>) -> Result<Standing, DispatchError> {
		match loan.certificate {
			Some(id) => Ok(Self::valid_certificate(id, &loan.member, loan.centre)?.standing),
			None => {
				let a = Accounts::<T>::get(loan.member).ok_or(Error::<T>::UnknownMember)?;
				ensure!(a.centre == loan.centre, Error::<T>::CertificateRequired);
				Ok(a.standing)
			},
		}
	}

	/// Certificate `id`, if it is for `member`, relied on by `relying`, unexpired.
	///
	/// # Errors
	/// [`Error::UnknownCertificate`], [`Error::CertificateMismatch`],
	/// [`Error::CertificateExpired`].
	fn valid_certificate(
		id: CertificateId,
		member: &Pseudonym,
		relying: AgencyId,
	) -> Result<CertificateOf<T>, DispatchError> {
		let c = Certificates::<T>::get(id).ok_or(Error::<T>::UnknownCertificate)?;
		ensure!(&c.member == member && c.relying == relying, Error::<T>::CertificateMismatch);
		ensure!(Self::now() < c.expires, Error::<T>::CertificateExpired);
		Ok(c)
	}

	/// `agency`'s portfolio with one loan's share moved from `before` to `after`.
	///
	/// # Errors
	/// [`Error::Overflow`].
	fn shifted(agency: AgencyId, before: &Portfolio, after: &Portfolio) -> Result<Portfolio, DispatchError> {
		Portfolios::<T>::get(agency)
			.checked_sub(before)
			.and_then(|p| p.checked_add(after))
			.ok_or_else(|| Error::<T>::Overflow.into())
	}

	/// Writes loan `id` (`old` is what was stored, `None` for a new loan): updates the
	/// portfolios of its centre and bank and, with a `change`, appends to its history
	/// as done by `agency` (`None`: governance). Everything is computed before the
	/// first write.
	///
	/// # Errors
	/// [`Error::Overflow`] (nothing written).
	fn write_loan(
		id: LoanId,
		old: Option<&LoanOf<T>>,
		mut loan: LoanOf<T>,
		change: Option<LoanChange>,
		agency: Option<AgencyId>,
	) -> DispatchResult {
		let before = old.map(|l| Portfolio::of_loan(&l.status, l.outstanding)).unwrap_or_default();
		let after = Portfolio::of_loan(&loan.status, loan.outstanding);
		let centre_portfolio = Self::shifted(loan.centre, &before, &after)?;
		let bank_portfolio =
			if loan.bank == loan.centre { None } else { Some(Self::shifted(loan.bank, &before, &after)?) };
		let record = match change {
			Some(change) => {
				let seq = loan.changes;
				loan.changes = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Some((seq, LoanRecord { change, agency, block: frame_system::Pallet::<T>::block_number() }))
			},
			None => None,
		};
		if let Some((seq, r)) = record {
			LoanHistory::<T>::insert(id, seq, r);
		}
		Portfolios::<T>::insert(loan.centre, centre_portfolio);
		if let Some(p) = bank_portfolio {
			Portfolios::<T>::insert(loan.bank, p);
		}
		Loans::<T>::insert(id, loan);
		Ok(())
	}

	/// A bank files a loan; returns its id.
	///
	/// # Errors
	/// [`Error::NotBank`], [`Error::NotFundCentre`] (the lending centre),
	/// [`Error::NotCommissioned`], [`Error::InvalidAmount`], [`Error::UnknownMember`],
	/// [`Error::SecondActiveLoan`], [`Error::CertificateRequired`] and the
	/// certificate's errors, [`Error::Overflow`].
	pub(crate) fn do_file_loan(
		bank: AgencyId,
		member: Pseudonym,
		centre: AgencyId,
		amount: Fen,
		term_months: u32,
		certificate: Option<CertificateId>,
	) -> Result<LoanId, DispatchError> {
		ensure!(T::Agencies::has_role(bank, Role::Bank), Error::<T>::NotBank);
		Self::ensure_centre(centre)?;
		ensure!(Commissions::<T>::contains_key(centre, bank), Error::<T>::NotCommissioned);
		ensure!(amount > 0 && term_months > 0, Error::<T>::InvalidAmount);
		let mut account = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		ensure!(!ActiveLoan::<T>::contains_key(member), Error::<T>::SecondActiveLoan);
		match certificate {
			Some(id) => {
				Self::valid_certificate(id, &member, centre)?;
			},
			None => ensure!(account.centre == centre, Error::<T>::CertificateRequired),
		}
		let id = NextLoan::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let seq = account.loans;
		account.loans = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let loan = Loan {
			member,
			bank,
			centre,
			amount,
			term_months,
			certificate,
			status: LoanStatus::Applied,
			principal: 0,
			repaid: 0,
			outstanding: 0,
			rate_bp: 0,
			method: None,
			contract: None,
			filed_at: frame_system::Pallet::<T>::block_number(),
			repayments: 0,
			changes: 0,
		};
		Self::write_loan(id, None, loan, Some(LoanChange::Filed), Some(bank))?;
		NextLoan::<T>::put(next);
		MemberLoans::<T>::insert(member, seq, id);
		Accounts::<T>::insert(member, account);
		ActiveLoan::<T>::insert(member, id);
		Self::deposit_event(Event::LoanFiled { id, member, bank, centre, amount });
		Ok(id)
	}

	/// The lending centre decides loan `id`.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::UnknownLoan`], [`Error::WrongCentre`],
	/// [`Error::NotPending`]; approving: [`Error::BankInactive`],
	/// [`Error::NotCommissioned`], [`Error::NoRules`], the standing's errors,
	/// [`Error::AccountNotNormal`], [`Error::InsufficientMonths`],
	/// [`Error::AmountTooHigh`], [`Error::TermTooLong`]; [`Error::Overflow`].
	pub(crate) fn do_decide_loan(centre: AgencyId, id: LoanId, approve: bool, reason: ReasonCode) -> DispatchResult {
		Self::ensure_centre(centre)?;
		let old = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(old.centre == centre, Error::<T>::WrongCentre);
		ensure!(old.status == LoanStatus::Applied, Error::<T>::NotPending);
		let mut loan = old;
		if approve {
			ensure!(T::Agencies::has_role(loan.bank, Role::Bank), Error::<T>::BankInactive);
			ensure!(Commissions::<T>::contains_key(centre, loan.bank), Error::<T>::NotCommissioned);
			let rules = LendingRules::<T>::get(centre).ok_or(Error::<T>::NoRules)?;
			let standing = Self::standing_for(&loan)?;
			ensure!(standing.status == AccountStatus::Normal, Error::<T>::AccountNotNormal);
			ensure!(standing.months >= rules.min_months, Error::<T>::InsufficientMonths);
			ensure!(loan.amount <= rules.max_amount, Error::<T>::AmountTooHigh);
			ensure!(loan.term_months <= rules.max_term_months, Error::<T>::TermTooLong);
			loan.status = LoanStatus::Approved;
			Self::write_loan(id, Some(&old), loan, Some(LoanChange::Approved), Some(centre))?;
			Self::deposit_event(Event::LoanApproved { id, centre });
		} else {
			loan.status = LoanStatus::Rejected { reason };
			Self::write_loan(id, Some(&old), loan, Some(LoanChange::Rejected { reason }), Some(centre))?;
			ActiveLoan::<T>::remove(loan.member);
			Self::deposit_event(Event::LoanRejected { id, centre, reason });
		}
		Ok(())
	}

	/// Loan `id` if `bank`, an active bank, filed it.
	///
	/// # Errors
	/// [`Error::NotBank`], [`Error::UnknownLoan`], [`Error::NotLoanBank`].
	fn bank_loan(bank: AgencyId, id: LoanId) -> Result<LoanOf<T>, DispatchError> {
		ensure!(T::Agencies::has_role(bank, Role::Bank), Error::<T>::NotBank);
		let loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(loan.bank == bank, Error::<T>::NotLoanBank);
		Ok(loan)
	}

	/// The filing bank disburses an approved loan.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotApproved`], [`Error::NotCommissioned`] (no
	/// longer commissioned by the lending centre), [`Error::InvalidAmount`],
	/// [`Error::PrincipalAboveApproved`], [`Error::Overflow`].
	pub(crate) fn do_disburse(
		bank: AgencyId,
		id: LoanId,
		principal: Fen,
		rate_bp: u32,
		method: RepaymentMethod,
		contract: DocumentHash,
	) -> DispatchResult {
		let old = Self::bank_loan(bank, id)?;
		ensure!(old.status == LoanStatus::Approved, Error::<T>::NotApproved);
		ensure!(Commissions::<T>::contains_key(old.centre, bank), Error::<T>::NotCommissioned);
		ensure!(principal > 0, Error::<T>::InvalidAmount);
		ensure!(principal <= old.amount, Error::<T>::PrincipalAboveApproved);
		let mut loan = old;
		loan.status = LoanStatus::Disbursed;
		loan.principal = principal;
		loan.outstanding = principal;
		loan.rate_bp = rate_bp;
		loan.method = Some(method);
		loan.contract = Some(contract);
		Self::write_loan(id, Some(&old), loan, Some(LoanChange::Disbursed), Some(bank))?;
		Self::deposit_event(Event::LoanDisbursed { id, principal, rate_bp });
		Ok(())
	}

	/// The filing bank records a repayment; settles the loan when nothing is left.
	/// Returns whether it settled.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotDisbursed`], [`Error::InvalidAmount`],
	/// [`Error::RepaymentExceedsOutstanding`], [`Error::Overflow`].
	pub(crate) fn do_record_repayment(
		bank: AgencyId,
		id: LoanId,
		amount: Fen,
		early: bool,
	) -> Result<bool, DispatchError> {
		let old = Self::bank_loan(bank, id)?;
		ensure!(old.status.is_disbursed(), Error::<T>::NotDisbursed);
		ensure!(amount > 0, Error::<T>::InvalidAmount);
		let outstanding = old.outstanding.checked_sub(amount).ok_or(Error::<T>::RepaymentExceedsOutstanding)?;
		let repaid = old.repaid.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let mut loan = old;
		let seq = loan.repayments;
		loan.repayments = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		loan.outstanding = outstanding;
		loan.repaid = repaid;
		let settled = outstanding == 0;
		if settled {
			loan.status = LoanStatus::Settled;
		}
		Self::write_loan(id, Some(&old), loan, settled.then_some(LoanChange::Settled), Some(bank))?;
		Repayments::<T>::insert(
			id,
			seq,
			Repayment { amount, early, block: frame_system::Pallet::<T>::block_number(), time: Self::now() },
		);
		Self::deposit_event(Event::RepaymentRecorded { id, seq, amount, early, outstanding });
		if settled {
			ActiveLoan::<T>::remove(loan.member);
			Self::deposit_event(Event::LoanSettled { id });
		}
		Ok(settled)
	}

	/// The filing bank marks a loan overdue or cured.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotDisbursed`] to mark a loan that is not being
	/// repaid, [`Error::NotOverdue`] to cure one that is not overdue, [`Error::Overflow`].
	pub(crate) fn do_set_overdue(bank: AgencyId, id: LoanId, overdue: bool) -> DispatchResult {
		let old = Self::bank_loan(bank, id)?;
		let (status, change) = match (overdue, old.status) {
			(true, LoanStatus::Disbursed) => (LoanStatus::Overdue, LoanChange::Overdue),
			(false, LoanStatus::Overdue) => (LoanStatus::Disbursed, LoanChange::Cured),
			(true, _) => return Err(Error::<T>::NotDisbursed.into()),
			(false, _) => return Err(Error::<T>::NotOverdue.into()),
		};
		let loan = Loan { status, ..old };
		Self::write_loan(id, Some(&old), loan, Some(change), Some(bank))?;
		Self::deposit_event(Event::OverdueChanged { id, overdue });
		Ok(())
	}

	/// The filing bank or the lending centre (`agency`) cancels a loan not yet
	/// disbursed, freeing the member.
	///
	/// # Errors
	/// [`Error::UnknownLoan`], [`Error::NotLoanParty`], [`Error::AlreadyDisbursed`],
	/// [`Error::LoanEnded`], [`Error::Overflow`].
	pub(crate) fn do_cancel_loan(agency: AgencyId, id: LoanId, reason: ReasonCode) -> DispatchResult {
		let old = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(agency == old.bank || agency == old.centre, Error::<T>::NotLoanParty);
		ensure!(!old.status.is_disbursed(), Error::<T>::AlreadyDisbursed);
		ensure!(old.status.is_undisbursed(), Error::<T>::LoanEnded);
		let loan = Loan { status: LoanStatus::Cancelled { reason }, ..old };
		Self::write_loan(id, Some(&old), loan, Some(LoanChange::Cancelled { reason }), Some(agency))?;
		ActiveLoan::<T>::remove(loan.member);
		Self::deposit_event(Event::LoanCancelled { id, by: agency, reason });
		Ok(())
	}

	/// Governance closes active loan `id` with `outcome`, freeing the member.
	///
	/// # Errors
	/// [`Error::UnknownLoan`], [`Error::LoanEnded`], [`Error::AlreadyDisbursed`]
	/// ([`Closure::Cancelled`] of a disbursed loan), [`Error::NotDisbursed`]
	/// ([`Closure::Settled`] or [`Closure::WrittenOff`] of a loan not disbursed),
	/// [`Error::Overflow`].
	pub(crate) fn do_force_close_loan(id: LoanId, outcome: Closure, reason: ReasonCode) -> DispatchResult {
		let old = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(old.status.is_active(), Error::<T>::LoanEnded);
		match outcome {
			Closure::Cancelled => ensure!(old.status.is_undisbursed(), Error::<T>::AlreadyDisbursed),
			Closure::Settled | Closure::WrittenOff => ensure!(old.status.is_disbursed(), Error::<T>::NotDisbursed),
		}
		let loan = Loan { status: LoanStatus::Closed { outcome, reason }, ..old };
		Self::write_loan(id, Some(&old), loan, Some(LoanChange::ForceClosed { outcome, reason }), None)?;
		ActiveLoan::<T>::remove(loan.member);
		Self::deposit_event(Event::LoanForceClosed { id, outcome, reason });
		Ok(())
	}
}
