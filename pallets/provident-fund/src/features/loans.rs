//! Loans: filing, decision, disbursement, repayments, overdue and settlement.

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

	/// A bank files a loan; returns its id.
	///
	/// # Errors
	/// [`Error::NotBank`], [`Error::NotCommissioned`], [`Error::InvalidAmount`],
	/// [`Error::UnknownMember`], [`Error::SecondActiveLoan`],
	/// [`Error::CertificateRequired`] and the certificate's errors, [`Error::Overflow`].
	pub(crate) fn do_file_loan(
		bank: AgencyId,
		member: Pseudonym,
		centre: AgencyId,
		amount: Fen,
		term_months: u32,
		certificate: Option<CertificateId>,
	) -> Result<LoanId, DispatchError> {
		ensure!(T::Agencies::has_role(bank, Role::Bank), Error::<T>::NotBank);
		ensure!(Commissions::<T>::contains_key(centre, bank), Error::<T>::NotCommissioned);
		ensure!(amount > 0 && term_months > 0, Error::<T>::InvalidAmount);
		let account = Accounts::<T>::get(member).ok_or(Error::<T>::UnknownMember)?;
		ensure!(!ActiveLoan::<T>::contains_key(member), Error::<T>::SecondActiveLoan);
		match certificate {
			Some(id) => {
				Self::valid_certificate(id, &member, centre)?;
			},
			None => ensure!(account.centre == centre, Error::<T>::CertificateRequired),
		}
		let id = NextLoan::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextLoan::<T>::put(next);
		Loans::<T>::insert(
			id,
			Loan {
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
			},
		);
		MemberLoans::<T>::insert(member, id, ());
		ActiveLoan::<T>::insert(member, id);
		Self::deposit_event(Event::LoanFiled { id, member, bank, centre, amount });
		Ok(id)
	}

	/// The lending centre decides loan `id`.
	///
	/// # Errors
	/// [`Error::NotFundCentre`], [`Error::UnknownLoan`], [`Error::WrongCentre`],
	/// [`Error::NotPending`]; approving: [`Error::NoRules`], the standing's errors,
	/// [`Error::AccountNotNormal`], [`Error::InsufficientMonths`],
	/// [`Error::AmountTooHigh`], [`Error::TermTooLong`].
	pub(crate) fn do_decide_loan(centre: AgencyId, id: LoanId, approve: bool, reason: ReasonCode) -> DispatchResult {
		Self::ensure_centre(centre)?;
		let mut loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(loan.centre == centre, Error::<T>::WrongCentre);
		ensure!(loan.status == LoanStatus::Applied, Error::<T>::NotPending);
		if approve {
			let rules = LendingRules::<T>::get(centre).ok_or(Error::<T>::NoRules)?;
			let standing = Self::standing_for(&loan)?;
			ensure!(standing.status == AccountStatus::Normal, Error::<T>::AccountNotNormal);
			ensure!(standing.months >= rules.min_months, Error::<T>::InsufficientMonths);
			ensure!(loan.amount <= rules.max_amount, Error::<T>::AmountTooHigh);
			ensure!(loan.term_months <= rules.max_term_months, Error::<T>::TermTooLong);
			loan.status = LoanStatus::Approved;
			Loans::<T>::insert(id, loan);
			Self::deposit_event(Event::LoanApproved { id, centre });
		} else {
			loan.status = LoanStatus::Rejected { reason };
			ActiveLoan::<T>::remove(loan.member);
			Loans::<T>::insert(id, loan);
			Self::deposit_event(Event::LoanRejected { id, centre, reason });
		}
		Ok(())
	}

	/// Loan `id` if `bank` filed it.
	///
	/// # Errors
	/// [`Error::UnknownLoan`], [`Error::NotLoanBank`].
	fn bank_loan(bank: AgencyId, id: LoanId) -> Result<LoanOf<T>, DispatchError> {
		let loan = Loans::<T>::get(id).ok_or(Error::<T>::UnknownLoan)?;
		ensure!(loan.bank == bank, Error::<T>::NotLoanBank);
		Ok(loan)
	}

	/// The filing bank disburses an approved loan.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotApproved`], [`Error::InvalidAmount`],
	/// [`Error::PrincipalAboveApproved`].
	pub(crate) fn do_disburse(
		bank: AgencyId,
		id: LoanId,
		principal: Fen,
		rate_bp: u32,
		method: RepaymentMethod,
		contract: DocumentHash,
	) -> DispatchResult {
		let mut loan = Self::bank_loan(bank, id)?;
		ensure!(loan.status == LoanStatus::Approved, Error::<T>::NotApproved);
		ensure!(principal > 0, Error::<T>::InvalidAmount);
		ensure!(principal <= loan.amount, Error::<T>::PrincipalAboveApproved);
		loan.status = LoanStatus::Disbursed;
		loan.principal = principal;
		loan.outstanding = principal;
		loan.rate_bp = rate_bp;
		loan.method = Some(method);
		loan.contract = Some(contract);
		Loans::<T>::insert(id, loan);
		Self::deposit_event(Event::LoanDisbursed { id, principal, rate_bp });
		Ok(())
	}

	/// The filing bank records a repayment; settles the loan when nothing is left.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotDisbursed`], [`Error::InvalidAmount`],
	/// [`Error::RepaymentExceedsOutstanding`], [`Error::Overflow`].
	pub(crate) fn do_record_repayment(bank: AgencyId, id: LoanId, amount: Fen, early: bool) -> DispatchResult {
		let mut loan = Self::bank_loan(bank, id)?;
		ensure!(matches!(loan.status, LoanStatus::Disbursed | LoanStatus::Overdue), Error::<T>::NotDisbursed);
		ensure!(amount > 0, Error::<T>::InvalidAmount);
		let outstanding = loan.outstanding.checked_sub(amount).ok_or(Error::<T>::RepaymentExceedsOutstanding)?;
		let repaid = loan.repaid.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		let seq = loan.repayments;
		loan.repayments = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		loan.outstanding = outstanding;
		loan.repaid = repaid;
		Repayments::<T>::insert(
			id,
			seq,
			Repayment { amount, early, block: frame_system::Pallet::<T>::block_number(), time: Self::now() },
		);
		Self::deposit_event(Event::RepaymentRecorded { id, seq, amount, early, outstanding });
		if outstanding == 0 {
			loan.status = LoanStatus::Settled;
			ActiveLoan::<T>::remove(loan.member);
			Self::deposit_event(Event::LoanSettled { id });
		}
		Loans::<T>::insert(id, loan);
		Ok(())
	}

	/// The filing bank marks a loan overdue or cured.
	///
	/// # Errors
	/// Those of `bank_loan`; [`Error::NotDisbursed`] to mark a loan that is not being
	/// repaid, [`Error::NotOverdue`] to cure one that is not overdue.
	pub(crate) fn do_set_overdue(bank: AgencyId, id: LoanId, overdue: bool) -> DispatchResult {
		let mut loan = Self::bank_loan(bank, id)?;
		loan.status = match (overdue, loan.status) {
			(true, LoanStatus::Disbursed) => LoanStatus::Overdue,
			(false, LoanStatus::Overdue) => LoanStatus::Disbursed,
			(true, _) => return Err(Error::<T>::NotDisbursed.into()),
			(false, _) => return Err(Error::<T>::NotOverdue.into()),
		};
		Loans::<T>::insert(id, loan);
		Self::deposit_event(Event::OverdueChanged { id, overdue });
		Ok(())
	}
}
