//! Unit tests: every call with its successes and each of its errors; every test
//! also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{traits::BadOrigin, DispatchResult};

const WORKER: Pseudonym = [7; 32];
const OTHER: Pseudonym = [8; 32];
const DAY: u64 = 86_400;

fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

fn standing(months: u32) -> Standing {
	Standing { status: AccountStatus::Normal, monthly: 2_400_00, balance: 86_400_00, months }
}

fn rules() -> Rules {
	Rules { min_months: 12, max_amount: 1_000_000_00, max_term_months: 360 }
}

/// Centre A keeps WORKER (36 months), has rules, and commissions both region-A banks.
fn setup_a() {
	assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(36)));
	assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
	assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
	assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A2, true));
}

fn file(bank: AgencyId, member: Pseudonym, amount: Fen, cert: Option<CertificateId>) -> DispatchResult {
	Fund::file_loan(op(bank), member, CENTRE_A, amount, 240, cert)
}

/// A disbursed loan of 500,000.00 yuan (id 0) for WORKER through BANK_A.
fn disbursed() -> LoanId {
	setup_a();
	assert_ok!(file(BANK_A, WORKER, 500_000_00, None));
	assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
	assert_ok!(Fund::disburse(op(BANK_A), 0, 500_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32]));
	0
}

fn loan(id: LoanId) -> LoanOf<Test> {
	Loans::<Test>::get(id).expect("filed")
}

#[test]
fn deposits_are_recorded_by_the_members_centre_with_history() {
	build_and_execute(|| {
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(1)));
		System::assert_last_event(Event::DepositRecorded { member: WORKER, centre: CENTRE_A, standing: standing(1) }.into());
		System::set_block_number(2);
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(2)));
		let a = Accounts::<Test>::get(WORKER).unwrap();
		assert_eq!((a.centre, a.standing, a.updated_at, a.changes), (CENTRE_A, standing(2), 2, 2));
		assert_eq!(Fund::account_history(&WORKER, 0, 10).iter().map(|(_, r)| r.standing.months).collect::<Vec<_>>(), vec![1, 2]);
		assert_noop!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(3)), Error::<Test>::WrongCentre);
		assert_noop!(Fund::record_deposit(op(BANK_A), OTHER, standing(3)), Error::<Test>::NotFundCentre);
		let transferred = Standing { status: AccountStatus::Transferred, ..standing(3) };
		assert_noop!(Fund::record_deposit(op(CENTRE_A), WORKER, transferred), Error::<Test>::TransferPending);
		assert_noop!(Fund::record_deposit(RuntimeOrigin::signed(999), WORKER, standing(3)), BadOrigin);
	});
}

#[test]
fn certificates_name_a_relying_party_and_expire() {
	build_and_execute(|| {
		assert_ok!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(24)));
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), OTHER, CENTRE_A, T0 + DAY), Error::<Test>::UnknownMember);
		assert_noop!(Fund::issue_certificate(op(CENTRE_A), WORKER, CENTRE_A, T0 + DAY), Error::<Test>::WrongCentre);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, 99, T0 + DAY), Error::<Test>::UnknownAgency);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0), Error::<Test>::ExpiryInPast);
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + DAY));
		System::assert_last_event(
			Event::CertificateIssued { id: 0, member: WORKER, centre: CENTRE_B, relying: CENTRE_A, expires: T0 + DAY }.into(),
		);
		assert_eq!(Fund::certificate_for(0, CENTRE_A).unwrap().standing, standing(24));
		assert!(Fund::certificate_for(0, BANK_A).is_none());
		set_now(T0 + DAY);
		assert!(Fund::certificate_for(0, CENTRE_A).is_none());
		assert_eq!(Fund::certificates_of(&WORKER, 0, 10), vec![0]);
	});
}

#[test]
fn accounts_move_between_centres() {
	build_and_execute(|| {
		assert_ok!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(24)));
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, BANK_A), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_B), Error::<Test>::WrongCentre);
		assert_noop!(Fund::accept_account(op(CENTRE_A), WORKER), Error::<Test>::NoPendingTransfer);
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A));
		System::assert_last_event(Event::AccountReleased { member: WORKER, from: CENTRE_B, to: CENTRE_A }.into());
		assert_eq!(Accounts::<Test>::get(WORKER).unwrap().standing.status, AccountStatus::Transferred);
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A), Error::<Test>::TransferPending);
		assert_noop!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(25)), Error::<Test>::TransferPending);
		assert_ok!(Fund::accept_account(op(CENTRE_A), WORKER));
		let a = Accounts::<Test>::get(WORKER).unwrap();
		assert_eq!((a.centre, a.standing.status, a.standing.months), (CENTRE_A, AccountStatus::Normal, 24));
		let changes: Vec<_> = Fund::account_history(&WORKER, 0, 10).into_iter().map(|(_, r)| r.change).collect();
		assert_eq!(
			changes,
			vec![AccountChange::Recorded, AccountChange::Released { to: CENTRE_A }, AccountChange::Accepted { from: CENTRE_B }]
		);
	});
}

#[test]
fn rules_and_commissions() {
	build_and_execute(|| {
		assert_noop!(Fund::set_rules(op(BANK_A), rules()), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 0, ..rules() }), Error::<Test>::InvalidAmount);
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_noop!(Fund::commission_bank(op(CENTRE_A), CENTRE_B, true), Error::<Test>::NotBank);
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert!(Commissions::<Test>::contains_key(CENTRE_A, BANK_A));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, false));
		System::assert_last_event(Event::BankCommissioned { centre: CENTRE_A, bank: BANK_A, commissioned: false }.into());
		assert!(!Commissions::<Test>::contains_key(CENTRE_A, BANK_A));
	});
}

#[test]
fn filing_refuses_bad_input_and_a_second_active_loan() {
	build_and_execute(|| {
		setup_a();
		assert_noop!(file(BANK_X, WORKER, 1, None), Error::<Test>::NotCommissioned);
		assert_noop!(file(CENTRE_B, WORKER, 1, None), Error::<Test>::NotBank);
		assert_noop!(file(BANK_A, OTHER, 1, None), Error::<Test>::UnknownMember);
		assert_noop!(file(BANK_A, WORKER, 0, None), Error::<Test>::InvalidAmount);
		assert_ok!(file(BANK_A, WORKER, 300_000_00, None));
		System::assert_last_event(Event::LoanFiled { id: 0, member: WORKER, bank: BANK_A, centre: CENTRE_A, amount: 300_000_00 }.into());
		// Another bank cannot open a second loan for the same member.
		assert_noop!(file(BANK_A2, WORKER, 100_000_00, None), Error::<Test>::SecondActiveLoan);
		assert_eq!(ActiveLoan::<Test>::get(WORKER), Some(0));
		// A rejection frees the member to apply again.
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, false, 17));
		System::assert_last_event(Event::LoanRejected { id: 0, centre: CENTRE_A, reason: 17 }.into());
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		assert_eq!(Fund::loans_of(&WORKER, 0, 10).len(), 2);
	});
}

#[test]
fn decisions_follow_the_centres_rules() {
	build_and_execute(|| {
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(6)));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_ok!(file(BANK_A, WORKER, 2_000_000_00, None));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::NoRules);
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_noop!(Fund::decide_loan(op(CENTRE_B), 0, true, 0), Error::<Test>::WrongCentre);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 9, true, 0), Error::<Test>::UnknownLoan);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::InsufficientMonths);
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(12)));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::AmountTooHigh);
		assert_ok!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 3_000_000_00, max_term_months: 120, ..rules() }));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::TermTooLong);
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, Standing { status: AccountStatus::Sealed, ..standing(12) }));
		assert_ok!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 3_000_000_00, ..rules() }));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::AccountNotNormal);
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(12)));
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		System::assert_last_event(Event::LoanApproved { id: 0, centre: CENTRE_A }.into());
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::NotPending);
	});
}

#[test]
fn a_cross_region_loan_relies_on_the_other_centres_certificate() {
	build_and_execute(|| {
		// The worker deposits in B and borrows in A without moving the account.
		assert_ok!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(48)));
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_noop!(file(BANK_A, WORKER, 1_00, None), Error::<Test>::CertificateRequired);
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, BANK_A, T0 + DAY)); // 0: for the bank
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + DAY)); // 1: for centre A
		assert_noop!(file(BANK_A, WORKER, 1_00, Some(0)), Error::<Test>::CertificateMismatch);
		assert_noop!(file(BANK_A, WORKER, 1_00, Some(9)), Error::<Test>::UnknownCertificate);
		assert_ok!(file(BANK_A, WORKER, 300_000_00, Some(1)));
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		// An expired certificate is refused.
		assert_ok!(Fund::record_deposit(op(CENTRE_B), OTHER, standing(48)));
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), OTHER, CENTRE_A, T0 + 10));
		set_now(T0 + 10);
		assert_noop!(file(BANK_A, OTHER, 1_00, Some(2)), Error::<Test>::CertificateExpired);
	});
}

#[test]
fn disbursement_repayments_overdue_and_settlement() {
	build_and_execute(|| {
		setup_a();
		assert_ok!(file(BANK_A, WORKER, 500_000_00, None));
		let disburse = |bank, principal| Fund::disburse(op(bank), 0, principal, 310, RepaymentMethod::EqualPrincipal, [3; 32]);
		assert_noop!(disburse(BANK_A, 500_000_00), Error::<Test>::NotApproved);
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		assert_noop!(disburse(BANK_A2, 500_000_00), Error::<Test>::NotLoanBank);
		assert_noop!(disburse(BANK_A, 500_000_01), Error::<Test>::PrincipalAboveApproved);
		assert_noop!(disburse(BANK_A, 0), Error::<Test>::InvalidAmount);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 1, false), Error::<Test>::NotDisbursed);
		assert_ok!(disburse(BANK_A, 400_000_00));
		System::assert_last_event(Event::LoanDisbursed { id: 0, principal: 400_000_00, rate_bp: 310 }.into());
		assert_eq!((loan(0).outstanding, loan(0).method), (400_000_00, Some(RepaymentMethod::EqualPrincipal)));

		assert_ok!(Fund::record_repayment(op(BANK_A), 0, 1_000_00, false));
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 399_000_01, false), Error::<Test>::RepaymentExceedsOutstanding);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 0, false), Error::<Test>::InvalidAmount);
		assert_noop!(Fund::record_repayment(op(BANK_A2), 0, 1, false), Error::<Test>::NotLoanBank);
		assert_noop!(Fund::set_overdue(op(BANK_A), 0, false), Error::<Test>::NotOverdue);
		assert_ok!(Fund::set_overdue(op(BANK_A), 0, true));
		assert_eq!(Fund::portfolio(BANK_A), Portfolio { pending: 0, active: 1, overdue: 1, settled: 0, outstanding: 399_000_00 });
		assert_noop!(Fund::set_overdue(op(BANK_A), 0, true), Error::<Test>::NotDisbursed);
		// Repayment while overdue, then cure.
		assert_ok!(Fund::record_repayment(op(BANK_A), 0, 9_000_00, false));
		assert_ok!(Fund::set_overdue(op(BANK_A), 0, false));
		// Early repayment of the rest settles the loan and frees the member.
		assert_ok!(Fund::record_repayment(op(BANK_A), 0, 390_000_00, true));
		System::assert_last_event(Event::LoanSettled { id: 0 }.into());
		let l = loan(0);
		assert_eq!((l.status, l.outstanding, l.repaid, l.repayments), (LoanStatus::Settled, 0, 400_000_00, 3));
		assert!(ActiveLoan::<Test>::get(WORKER).is_none());
		let r = Fund::repayments_of(0, 0, 10);
		assert_eq!(r.iter().map(|(_, r)| (r.amount, r.early)).collect::<Vec<_>>(), vec![(1_000_00, false), (9_000_00, false), (390_000_00, true)]);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 1, false), Error::<Test>::NotDisbursed);
		assert_eq!(Fund::portfolio(CENTRE_A).settled, 1);
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
	});
}

#[test]
fn try_state_catches_broken_state() {
	new_test_ext().execute_with(|| {
		let id = disbursed();
		assert_ok!(Fund::record_repayment(op(BANK_A), id, 100_00, false));
		assert_ok!(Fund::do_try_state());
		// Outstanding no longer principal minus repayments.
		Loans::<Test>::mutate(id, |l| l.as_mut().unwrap().outstanding += 1);
		assert!(Fund::do_try_state().is_err());
		Loans::<Test>::mutate(id, |l| l.as_mut().unwrap().outstanding -= 1);
		assert_ok!(Fund::do_try_state());
		// A second active loan for the same member.
		Loans::<Test>::insert(7, LoanOf::<Test> { status: LoanStatus::Applied, principal: 0, repaid: 0, outstanding: 0, repayments: 0, ..loan(id) });
		assert!(Fund::do_try_state().is_err());
	});
}
