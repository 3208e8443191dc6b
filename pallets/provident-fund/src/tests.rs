//! Unit tests: every call with its successes and each of its errors, and every call
//! tried by the wrong parties (stranger, bank or centre that is not the party, centre
//! of another region, suspended agency); every test also checks the invariants
//! (`build_and_execute`).

use crate::{mock::*, *};
use codec::MaxEncodedLen;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{traits::BadOrigin, DispatchResult};

const WORKER: Pseudonym = [7; 32];
const OTHER: Pseudonym = [8; 32];
const THIRD: Pseudonym = [9; 32];
const DAY: u64 = 86_400;

fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

fn stranger() -> RuntimeOrigin {
	RuntimeOrigin::signed(STRANGER)
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn region(code: u32) -> RegionCode {
	RegionCode::new(code).expect("valid test region")
}

/// A centre's own region, used as the employer's region of its records.
fn home(centre: AgencyId) -> u32 {
	match centre {
		CENTRE_B => REGION_B,
		CENTRE_YZ => REGION_A_YZ,
		_ => REGION_A,
	}
}

/// A contribution of 2,400.00 yuan a month: band 4 (2,000 – 2,499.99).
fn standing(months: u32) -> Standing {
	Standing { status: AccountStatus::Normal, contribution_band: ContributionBand::from_monthly(2_400_00), months }
}

fn with_status(status: AccountStatus, months: u32) -> Standing {
	Standing { status, ..standing(months) }
}

/// `centre` records `standing` for `member`, for an employer of its own region.
fn record(centre: AgencyId, member: Pseudonym, standing: Standing) -> DispatchResult {
	Fund::record_deposit(op(centre), member, standing, home(centre))
}

fn rules() -> Rules {
	Rules { min_months: 12, max_amount: 1_000_000_00, max_term_months: 360 }
}

/// Centre A keeps WORKER (36 months), has rules, and commissions both region-A banks.
fn setup_a() {
	assert_ok!(record(CENTRE_A, WORKER, standing(36)));
	assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
	assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
	assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A2, true));
}

fn file(bank: AgencyId, member: Pseudonym, amount: Fen, cert: Option<CertificateId>) -> DispatchResult {
	Fund::file_loan(op(bank), member, CENTRE_A, amount, 240, cert)
}

/// An approved loan of 500,000.00 yuan (id 0) for WORKER through BANK_A.
fn approved() -> LoanId {
	setup_a();
	assert_ok!(file(BANK_A, WORKER, 500_000_00, None));
	assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
	0
}

/// A disbursed loan of 500,000.00 yuan (id 0) for WORKER through BANK_A.
fn disbursed() -> LoanId {
	let id = approved();
	assert_ok!(Fund::disburse(op(BANK_A), id, 500_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32]));
	id
}

fn loan(id: LoanId) -> LoanOf<Test> {
	Loans::<Test>::get(id).expect("filed")
}

fn account(member: Pseudonym) -> DepositAccountOf<Test> {
	Accounts::<Test>::get(member).expect("opened")
}

/// The changes of loan `id`'s history, with who made them.
fn loan_changes(id: LoanId) -> Vec<(LoanChange, Option<AgencyId>)> {
	Fund::loan_history(id, 0, 3)
		.into_iter()
		.chain(Fund::loan_history(id, 3, 3))
		.chain(Fund::loan_history(id, 6, 3))
		.map(|(_, r)| (r.change, r.agency))
		.collect()
}

fn last_account_change(member: Pseudonym) -> AccountRecordOf<Test> {
	let a = account(member);
	AccountHistory::<Test>::get(member, a.changes - 1).expect("history has no gap")
}

// ---------------------------------------------------------------------------------
// Deposit accounts
// ---------------------------------------------------------------------------------

#[test]
fn deposits_are_recorded_by_the_members_centre_with_history() {
	build_and_execute(|| {
		assert_ok!(record(CENTRE_A, WORKER, standing(1)));
		System::assert_last_event(
			Event::DepositRecorded { member: WORKER, centre: CENTRE_A, standing: standing(1), employer_region: region(REGION_A) }
				.into(),
		);
		System::set_block_number(2);
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(2), REGION_A_JB));
		let a = account(WORKER);
		assert_eq!((a.centre, a.standing, a.updated_at, a.changes), (CENTRE_A, standing(2), 2, 2));
		let history = Fund::account_history(&WORKER, 0, 10);
		assert_eq!(history.iter().map(|(_, r)| r.standing.months).collect::<Vec<_>>(), vec![1, 2]);
		assert_eq!(
			history.iter().map(|(_, r)| r.change).collect::<Vec<_>>(),
			vec![
				AccountChange::Recorded { employer_region: region(REGION_A) },
				AccountChange::Recorded { employer_region: region(REGION_A_JB) }
			]
		);
		assert_noop!(record(CENTRE_B, WORKER, standing(3)), Error::<Test>::WrongCentre);
		assert_noop!(Fund::record_deposit(op(BANK_A), OTHER, standing(3), REGION_A), Error::<Test>::NotFundCentre);
		assert_noop!(record(CENTRE_A, WORKER, with_status(AccountStatus::Transferred, 3)), Error::<Test>::TransferPending);
		assert_noop!(Fund::record_deposit(stranger(), WORKER, standing(3), REGION_A), BadOrigin);
		set_active(CENTRE_A, false);
		assert_noop!(record(CENTRE_A, WORKER, standing(3)), BadOrigin);
	});
}

#[test]
fn a_centre_opens_accounts_only_for_employers_in_its_jurisdiction() {
	build_and_execute(|| {
		// Region B's centre cannot open (squat) the account of a region-A worker.
		assert_noop!(Fund::record_deposit(op(CENTRE_B), WORKER, standing(1), REGION_A), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			Fund::record_deposit(op(CENTRE_B), WORKER, standing(1), REGION_A_YZ),
			Error::<Test>::OutsideJurisdiction
		);
		// A district centre covers only its district, not the province nor another district.
		assert_noop!(Fund::record_deposit(op(CENTRE_YZ), WORKER, standing(1), REGION_A), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			Fund::record_deposit(op(CENTRE_YZ), WORKER, standing(1), REGION_A_JB),
			Error::<Test>::OutsideJurisdiction
		);
		// Malformed region codes.
		for bad in [0, 99_999, 1_000_000, 990_000, 5000] {
			assert_noop!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(1), bad), Error::<Test>::InvalidRegion);
		}
		// The province-level centre covers its districts.
		assert_ok!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(1), REGION_A_YZ));
		assert_eq!(account(WORKER).centre, CENTRE_A);
		// Once open, no other centre writes it, whatever employer it declares.
		assert_noop!(Fund::record_deposit(op(CENTRE_YZ), WORKER, standing(2), REGION_A_YZ), Error::<Test>::WrongCentre);
		assert_noop!(record(CENTRE_B, WORKER, standing(2)), Error::<Test>::WrongCentre);
		// The member's own centre cannot declare an employer outside its region either.
		assert_noop!(Fund::record_deposit(op(CENTRE_A), WORKER, standing(2), REGION_B), Error::<Test>::OutsideJurisdiction);
		// The district centre opens accounts in its district.
		assert_ok!(Fund::record_deposit(op(CENTRE_YZ), OTHER, standing(1), REGION_A_YZ));
		assert_eq!(
			last_account_change(OTHER).change,
			AccountChange::Recorded { employer_region: region(REGION_A_YZ) }
		);
	});
}

#[test]
fn standing_keeps_a_contribution_band_not_the_wage() {
	build_and_execute(|| {
		// The band table: fixed width of 500 yuan, the last band open-ended.
		assert_eq!(ContributionBand::WIDTH, 500_00);
		assert_eq!(ContributionBand::from_monthly(0), ContributionBand(0));
		assert_eq!(ContributionBand::from_monthly(499_99), ContributionBand(0));
		assert_eq!(ContributionBand::from_monthly(500_00), ContributionBand(1));
		assert_eq!(ContributionBand::from_monthly(2_400_00), ContributionBand(4));
		assert_eq!(ContributionBand::from_monthly(127_499_99), ContributionBand(254));
		assert_eq!(ContributionBand::from_monthly(127_500_00), ContributionBand(255));
		assert_eq!(ContributionBand::from_monthly(Fen::MAX), ContributionBand(255));
		assert_eq!(ContributionBand(4).range(), (2_000_00, Some(2_500_00)));
		assert_eq!(ContributionBand(255).range(), (127_500_00, None));
		// What is stored: status (1 byte), band (1 byte), months (4 bytes); no amount.
		assert_eq!(Standing::max_encoded_len(), 6);
		assert_ok!(record(CENTRE_A, WORKER, standing(36)));
		assert_ok!(Fund::issue_certificate(op(CENTRE_A), WORKER, CENTRE_B, T0 + DAY));
		assert_eq!(Certificates::<Test>::get(0).unwrap().standing.contribution_band, ContributionBand(4));
		assert_eq!(account(WORKER).standing.contribution_band, ContributionBand(4));
	});
}

#[test]
fn certificates_name_a_relying_party_and_expire() {
	build_and_execute(|| {
		assert_ok!(record(CENTRE_B, WORKER, standing(24)));
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), OTHER, CENTRE_A, T0 + DAY), Error::<Test>::UnknownMember);
		// Only the member's centre certifies: another centre of any region, a bank, a stranger.
		assert_noop!(Fund::issue_certificate(op(CENTRE_A), WORKER, CENTRE_A, T0 + DAY), Error::<Test>::WrongCentre);
		assert_noop!(Fund::issue_certificate(op(CENTRE_YZ), WORKER, CENTRE_A, T0 + DAY), Error::<Test>::WrongCentre);
		assert_noop!(Fund::issue_certificate(op(BANK_B), WORKER, CENTRE_A, T0 + DAY), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::issue_certificate(stranger(), WORKER, CENTRE_A, T0 + DAY), BadOrigin);
		// The relying party is an active centre or bank.
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, 99, T0 + DAY), Error::<Test>::UnknownAgency);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, COURT_A, T0 + DAY), Error::<Test>::NotRelyingParty);
		set_active(BANK_A, false);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, BANK_A, T0 + DAY), Error::<Test>::UnknownAgency);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0), Error::<Test>::ExpiryInPast);
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + DAY));
		System::assert_last_event(
			Event::CertificateIssued { id: 0, member: WORKER, centre: CENTRE_B, relying: CENTRE_A, expires: T0 + DAY }.into(),
		);
		assert_eq!(Fund::certificate_for(0, CENTRE_A).unwrap().standing, standing(24));
		assert!(Fund::certificate_for(0, BANK_A).is_none());
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, BANK_B, T0 + DAY));
		set_now(T0 + DAY);
		assert!(Fund::certificate_for(0, CENTRE_A).is_none());
		assert_eq!(Fund::certificates_of(&WORKER, 0, 10), vec![0, 1]);
		// A suspended centre cannot certify; a released account is not certified.
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A));
		assert_noop!(
			Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + 2 * DAY),
			Error::<Test>::TransferPending
		);
		set_active(CENTRE_B, false);
		assert_noop!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + 2 * DAY), BadOrigin);
	});
}

#[test]
fn accounts_move_between_centres() {
	build_and_execute(|| {
		assert_ok!(record(CENTRE_B, WORKER, standing(24)));
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, BANK_A), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_B), Error::<Test>::WrongCentre);
		// Only the member's centre releases.
		assert_noop!(Fund::release_account(op(CENTRE_A), WORKER, CENTRE_YZ), Error::<Test>::WrongCentre);
		assert_noop!(Fund::release_account(op(BANK_B), WORKER, CENTRE_A), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::release_account(stranger(), WORKER, CENTRE_A), BadOrigin);
		assert_noop!(Fund::accept_account(op(CENTRE_A), WORKER), Error::<Test>::NoPendingTransfer);
		// Not to a suspended centre.
		set_active(CENTRE_YZ, false);
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_YZ), Error::<Test>::NotFundCentre);
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A));
		System::assert_last_event(Event::AccountReleased { member: WORKER, from: CENTRE_B, to: CENTRE_A }.into());
		assert_eq!(account(WORKER).standing.status, AccountStatus::Transferred);
		assert_eq!(
			PendingTransfers::<Test>::get(WORKER),
			Some(PendingTransfer { to: CENTRE_A, status: AccountStatus::Normal })
		);
		assert_noop!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A), Error::<Test>::TransferPending);
		assert_noop!(record(CENTRE_B, WORKER, standing(25)), Error::<Test>::TransferPending);
		// Only the destination accepts.
		assert_noop!(Fund::accept_account(op(CENTRE_B), WORKER), Error::<Test>::NoPendingTransfer);
		assert_noop!(Fund::accept_account(op(BANK_A), WORKER), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::accept_account(stranger(), WORKER), BadOrigin);
		assert_ok!(Fund::accept_account(op(CENTRE_A), WORKER));
		System::assert_last_event(Event::AccountAccepted { member: WORKER, from: CENTRE_B, to: CENTRE_A }.into());
		let a = account(WORKER);
		assert_eq!((a.centre, a.standing.status, a.standing.months), (CENTRE_A, AccountStatus::Normal, 24));
		assert!(!PendingTransfers::<Test>::contains_key(WORKER));
		let changes: Vec<_> = Fund::account_history(&WORKER, 0, 10).into_iter().map(|(_, r)| r.change).collect();
		assert_eq!(
			changes,
			vec![
				AccountChange::Recorded { employer_region: region(REGION_B) },
				AccountChange::Released { to: CENTRE_A },
				AccountChange::Accepted { from: CENTRE_B }
			]
		);
		// The new centre keeps it now; the old one no longer writes it.
		assert_noop!(record(CENTRE_B, WORKER, standing(25)), Error::<Test>::WrongCentre);
		assert_ok!(record(CENTRE_A, WORKER, standing(25)));
	});
}

#[test]
fn a_transferred_account_keeps_its_sealed_or_closed_status() {
	build_and_execute(|| {
		// Sealed (employment ended) in B, moved to A: still sealed.
		assert_ok!(record(CENTRE_B, WORKER, with_status(AccountStatus::Sealed, 24)));
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A));
		assert_eq!(
			PendingTransfers::<Test>::get(WORKER),
			Some(PendingTransfer { to: CENTRE_A, status: AccountStatus::Sealed })
		);
		assert_ok!(Fund::accept_account(op(CENTRE_A), WORKER));
		assert_eq!(account(WORKER).standing, with_status(AccountStatus::Sealed, 24));
		assert_eq!(last_account_change(WORKER).standing.status, AccountStatus::Sealed);
		// Closed stays closed.
		assert_ok!(record(CENTRE_B, OTHER, with_status(AccountStatus::Closed, 10)));
		assert_ok!(Fund::release_account(op(CENTRE_B), OTHER, CENTRE_YZ));
		assert_ok!(Fund::accept_account(op(CENTRE_YZ), OTHER));
		assert_eq!(account(OTHER).standing.status, AccountStatus::Closed);
		// A sealed account moved this way cannot back a loan at its new centre.
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_ok!(file(BANK_A, WORKER, 100_000_00, None));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::AccountNotNormal);
	});
}

#[test]
fn governance_moves_a_wrongly_opened_account() {
	build_and_execute(|| {
		// Centre A opened the account of a worker whose employer is really in B.
		assert_ok!(record(CENTRE_A, WORKER, standing(3)));
		assert_noop!(record(CENTRE_B, WORKER, standing(3)), Error::<Test>::WrongCentre);
		// Only governance moves it.
		assert_noop!(Fund::force_move_account(op(CENTRE_B), WORKER, CENTRE_B, 5), BadOrigin);
		assert_noop!(Fund::force_move_account(op(CENTRE_A), WORKER, CENTRE_B, 5), BadOrigin);
		assert_noop!(Fund::force_move_account(stranger(), WORKER, CENTRE_B, 5), BadOrigin);
		assert_noop!(Fund::force_move_account(root(), OTHER, CENTRE_B, 5), Error::<Test>::UnknownMember);
		assert_noop!(Fund::force_move_account(root(), WORKER, BANK_B, 5), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::force_move_account(root(), WORKER, CENTRE_A, 5), Error::<Test>::SameCentre);
		set_active(CENTRE_YZ, false);
		assert_noop!(Fund::force_move_account(root(), WORKER, CENTRE_YZ, 5), Error::<Test>::NotFundCentre);
		System::set_block_number(3);
		assert_ok!(Fund::force_move_account(root(), WORKER, CENTRE_B, 5));
		System::assert_last_event(
			Event::AccountForceMoved { member: WORKER, from: CENTRE_A, to: CENTRE_B, reason: 5 }.into(),
		);
		let a = account(WORKER);
		assert_eq!((a.centre, a.standing, a.changes, a.updated_at), (CENTRE_B, standing(3), 2, 3));
		let r = last_account_change(WORKER);
		assert_eq!((r.change, r.centre, r.block), (AccountChange::ForceMoved { from: CENTRE_A, reason: 5 }, CENTRE_B, 3));
		// The right centre keeps it now.
		assert_noop!(record(CENTRE_A, WORKER, standing(4)), Error::<Test>::WrongCentre);
		assert_ok!(record(CENTRE_B, WORKER, standing(4)));
	});
}

#[test]
fn governance_undoes_a_transfer_the_destination_never_accepts() {
	build_and_execute(|| {
		assert_ok!(record(CENTRE_B, WORKER, with_status(AccountStatus::Sealed, 24)));
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_A));
		// The destination is suspended: it cannot accept, the origin cannot write.
		set_active(CENTRE_A, false);
		assert_noop!(Fund::accept_account(op(CENTRE_A), WORKER), BadOrigin);
		assert_noop!(record(CENTRE_B, WORKER, standing(25)), Error::<Test>::TransferPending);
		// Governance moves it back to B (same centre, but a transfer is pending).
		assert_ok!(Fund::force_move_account(root(), WORKER, CENTRE_B, 9));
		System::assert_last_event(
			Event::AccountForceMoved { member: WORKER, from: CENTRE_B, to: CENTRE_B, reason: 9 }.into(),
		);
		assert!(!PendingTransfers::<Test>::contains_key(WORKER));
		assert_eq!((account(WORKER).centre, account(WORKER).standing.status), (CENTRE_B, AccountStatus::Sealed));
		assert_ok!(record(CENTRE_B, WORKER, standing(25)));
		// Forcing a pending transfer through to its destination works too.
		assert_ok!(Fund::release_account(op(CENTRE_B), WORKER, CENTRE_YZ));
		assert_ok!(Fund::force_move_account(root(), WORKER, CENTRE_YZ, 9));
		assert_eq!((account(WORKER).centre, account(WORKER).standing.status), (CENTRE_YZ, AccountStatus::Normal));
		assert_noop!(Fund::accept_account(op(CENTRE_YZ), WORKER), Error::<Test>::NoPendingTransfer);
	});
}

// ---------------------------------------------------------------------------------
// Rules and commissions
// ---------------------------------------------------------------------------------

#[test]
fn rules_and_commissions() {
	build_and_execute(|| {
		assert_noop!(Fund::set_rules(op(BANK_A), rules()), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::set_rules(op(COURT_A), rules()), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::set_rules(stranger(), rules()), BadOrigin);
		assert_noop!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 0, ..rules() }), Error::<Test>::InvalidAmount);
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		System::assert_last_event(Event::RulesSet { centre: CENTRE_A, rules: rules() }.into());
		assert_noop!(Fund::commission_bank(op(CENTRE_A), CENTRE_B, true), Error::<Test>::NotBank);
		assert_noop!(Fund::commission_bank(op(BANK_A), BANK_A2, true), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::commission_bank(stranger(), BANK_A, true), BadOrigin);
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		System::assert_last_event(Event::BankCommissioned { centre: CENTRE_A, bank: BANK_A, commissioned: true }.into());
		assert!(Commissions::<Test>::contains_key(CENTRE_A, BANK_A));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, false));
		System::assert_last_event(Event::BankCommissioned { centre: CENTRE_A, bank: BANK_A, commissioned: false }.into());
		assert!(!Commissions::<Test>::contains_key(CENTRE_A, BANK_A));
		assert_noop!(Fund::commission_bank(op(CENTRE_A), BANK_A, false), Error::<Test>::NotCommissioned);
		set_active(CENTRE_A, false);
		assert_noop!(Fund::set_rules(op(CENTRE_A), rules()), BadOrigin);
		assert_noop!(Fund::commission_bank(op(CENTRE_A), BANK_A, true), BadOrigin);
	});
}

#[test]
fn a_centre_commissions_only_active_banks_of_its_region() {
	build_and_execute(|| {
		// A bank of another region, or a province-level bank for a district centre.
		assert_noop!(Fund::commission_bank(op(CENTRE_A), BANK_B, true), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Fund::commission_bank(op(CENTRE_B), BANK_A, true), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Fund::commission_bank(op(CENTRE_YZ), BANK_A, true), Error::<Test>::OutsideJurisdiction);
		assert_ok!(Fund::commission_bank(op(CENTRE_B), BANK_B, true));
		// A suspended bank is not commissioned; its commission can be withdrawn.
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		set_active(BANK_A, false);
		assert_noop!(Fund::commission_bank(op(CENTRE_A), BANK_A, true), Error::<Test>::NotBank);
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, false));
		// One centre's commissions are its own: B cannot withdraw A's.
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A2, true));
		assert_noop!(Fund::commission_bank(op(CENTRE_B), BANK_A2, false), Error::<Test>::NotCommissioned);
		assert!(Commissions::<Test>::contains_key(CENTRE_A, BANK_A2));
	});
}

// ---------------------------------------------------------------------------------
// Loans
// ---------------------------------------------------------------------------------

#[test]
fn filing_refuses_bad_input_the_wrong_parties_and_a_second_active_loan() {
	build_and_execute(|| {
		setup_a();
		assert_ok!(Fund::commission_bank(op(CENTRE_B), BANK_B, true));
		assert_noop!(file(BANK_X, WORKER, 1, None), Error::<Test>::NotCommissioned);
		// A bank commissioned by region B's centre, not by the lending centre.
		assert_noop!(file(BANK_B, WORKER, 1, None), Error::<Test>::NotCommissioned);
		assert_noop!(file(CENTRE_B, WORKER, 1, None), Error::<Test>::NotBank);
		assert_noop!(file(COURT_A, WORKER, 1, None), Error::<Test>::NotBank);
		assert_noop!(Fund::file_loan(stranger(), WORKER, CENTRE_A, 1, 240, None), BadOrigin);
		// The named lending centre must be a centre.
		assert_noop!(Fund::file_loan(op(BANK_A), WORKER, BANK_A2, 1, 240, None), Error::<Test>::NotFundCentre);
		assert_noop!(file(BANK_A, OTHER, 1, None), Error::<Test>::UnknownMember);
		assert_noop!(file(BANK_A, WORKER, 0, None), Error::<Test>::InvalidAmount);
		assert_noop!(Fund::file_loan(op(BANK_A), WORKER, CENTRE_A, 1, 0, None), Error::<Test>::InvalidAmount);
		assert_ok!(file(BANK_A, WORKER, 300_000_00, None));
		System::assert_last_event(
			Event::LoanFiled { id: 0, member: WORKER, bank: BANK_A, centre: CENTRE_A, amount: 300_000_00 }.into(),
		);
		assert_eq!(loan_changes(0), vec![(LoanChange::Filed, Some(BANK_A))]);
		// Another bank cannot open a second loan for the same member.
		assert_noop!(file(BANK_A2, WORKER, 100_000_00, None), Error::<Test>::SecondActiveLoan);
		assert_eq!(ActiveLoan::<Test>::get(WORKER), Some(0));
		// A rejection frees the member to apply again.
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, false, 17));
		System::assert_last_event(Event::LoanRejected { id: 0, centre: CENTRE_A, reason: 17 }.into());
		assert_eq!(loan(0).status, LoanStatus::Rejected { reason: 17 });
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		assert_eq!(Fund::loans_of(&WORKER, 0, 10), vec![0, 1]);
		// Suspended parties: the bank cannot act; nobody files with a suspended centre.
		assert_ok!(record(CENTRE_A, OTHER, standing(36)));
		set_active(BANK_A, false);
		assert_noop!(file(BANK_A, OTHER, 1, None), BadOrigin);
		set_active(CENTRE_A, false);
		assert_noop!(file(BANK_A2, OTHER, 1, None), Error::<Test>::NotFundCentre);
	});
}

#[test]
fn decisions_follow_the_centres_rules() {
	build_and_execute(|| {
		assert_ok!(record(CENTRE_A, WORKER, standing(6)));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_ok!(file(BANK_A, WORKER, 2_000_000_00, None));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::NoRules);
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		// Only the lending centre decides: a centre of another region, another centre
		// of the same region, the bank, a stranger.
		assert_noop!(Fund::decide_loan(op(CENTRE_B), 0, true, 0), Error::<Test>::WrongCentre);
		assert_noop!(Fund::decide_loan(op(CENTRE_YZ), 0, false, 0), Error::<Test>::WrongCentre);
		assert_noop!(Fund::decide_loan(op(BANK_A), 0, true, 0), Error::<Test>::NotFundCentre);
		assert_noop!(Fund::decide_loan(stranger(), 0, true, 0), BadOrigin);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 9, true, 0), Error::<Test>::UnknownLoan);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::InsufficientMonths);
		assert_ok!(record(CENTRE_A, WORKER, standing(12)));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::AmountTooHigh);
		assert_ok!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 3_000_000_00, max_term_months: 120, ..rules() }));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::TermTooLong);
		assert_ok!(record(CENTRE_A, WORKER, with_status(AccountStatus::Sealed, 12)));
		assert_ok!(Fund::set_rules(op(CENTRE_A), Rules { max_amount: 3_000_000_00, ..rules() }));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::AccountNotNormal);
		assert_ok!(record(CENTRE_A, WORKER, standing(12)));
		// Approval needs the filing bank still commissioned and active.
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, false));
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::NotCommissioned);
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		set_active(BANK_A, false);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::BankInactive);
		set_active(BANK_A, true);
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		System::assert_last_event(Event::LoanApproved { id: 0, centre: CENTRE_A }.into());
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, true, 0), Error::<Test>::NotPending);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, false, 1), Error::<Test>::NotPending);
		// A suspended centre cannot decide.
		set_active(CENTRE_A, false);
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 0, false, 1), BadOrigin);
	});
}

#[test]
fn a_cross_region_loan_relies_on_the_other_centres_certificate() {
	build_and_execute(|| {
		// The worker deposits in B and borrows in A without moving the account.
		assert_ok!(record(CENTRE_B, WORKER, standing(48)));
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_noop!(file(BANK_A, WORKER, 1_00, None), Error::<Test>::CertificateRequired);
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, BANK_A, T0 + DAY)); // 0: for the bank
		assert_ok!(Fund::issue_certificate(op(CENTRE_B), WORKER, CENTRE_A, T0 + DAY)); // 1: for centre A
		assert_noop!(file(BANK_A, WORKER, 1_00, Some(0)), Error::<Test>::CertificateMismatch);
		assert_noop!(file(BANK_A, WORKER, 1_00, Some(9)), Error::<Test>::UnknownCertificate);
		assert_ok!(file(BANK_A, WORKER, 300_000_00, Some(1)));
		// The member's own centre in B is not the lending centre: it does not decide.
		assert_noop!(Fund::decide_loan(op(CENTRE_B), 0, true, 0), Error::<Test>::WrongCentre);
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		assert_eq!(Fund::loans_of(&WORKER, 0, 10), vec![0]);
		// An expired certificate is refused.
		assert_ok!(record(CENTRE_B, OTHER, standing(48)));
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
		let disburse =
			|bank, principal| Fund::disburse(op(bank), 0, principal, 310, RepaymentMethod::EqualPrincipal, [3; 32]);
		assert_noop!(disburse(BANK_A, 500_000_00), Error::<Test>::NotApproved);
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		// Only the filing bank disburses.
		assert_noop!(disburse(BANK_A2, 500_000_00), Error::<Test>::NotLoanBank);
		assert_noop!(disburse(BANK_B, 500_000_00), Error::<Test>::NotLoanBank);
		assert_noop!(disburse(CENTRE_A, 500_000_00), Error::<Test>::NotBank);
		assert_noop!(
			Fund::disburse(stranger(), 0, 1, 310, RepaymentMethod::EqualPrincipal, [3; 32]),
			BadOrigin
		);
		assert_noop!(disburse(BANK_A, 500_000_01), Error::<Test>::PrincipalAboveApproved);
		assert_noop!(disburse(BANK_A, 0), Error::<Test>::InvalidAmount);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 1, false), Error::<Test>::NotDisbursed);
		// Not after the lending centre withdrew the commission.
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, false));
		assert_noop!(disburse(BANK_A, 400_000_00), Error::<Test>::NotCommissioned);
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		assert_ok!(disburse(BANK_A, 400_000_00));
		System::assert_last_event(Event::LoanDisbursed { id: 0, principal: 400_000_00, rate_bp: 310 }.into());
		assert_eq!((loan(0).outstanding, loan(0).method), (400_000_00, Some(RepaymentMethod::EqualPrincipal)));

		assert_ok!(Fund::record_repayment(op(BANK_A), 0, 1_000_00, false));
		assert_noop!(
			Fund::record_repayment(op(BANK_A), 0, 399_000_01, false),
			Error::<Test>::RepaymentExceedsOutstanding
		);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 0, false), Error::<Test>::InvalidAmount);
		// Only the filing bank services the loan.
		assert_noop!(Fund::record_repayment(op(BANK_A2), 0, 1, false), Error::<Test>::NotLoanBank);
		assert_noop!(Fund::record_repayment(op(BANK_B), 0, 1, false), Error::<Test>::NotLoanBank);
		assert_noop!(Fund::record_repayment(op(CENTRE_A), 0, 1, false), Error::<Test>::NotBank);
		assert_noop!(Fund::record_repayment(stranger(), 0, 1, false), BadOrigin);
		assert_noop!(Fund::record_repayment(op(BANK_A), 9, 1, false), Error::<Test>::UnknownLoan);
		assert_noop!(Fund::set_overdue(op(BANK_A2), 0, true), Error::<Test>::NotLoanBank);
		assert_noop!(Fund::set_overdue(op(CENTRE_A), 0, true), Error::<Test>::NotBank);
		assert_noop!(Fund::set_overdue(stranger(), 0, true), BadOrigin);
		assert_noop!(Fund::set_overdue(op(BANK_A), 0, false), Error::<Test>::NotOverdue);
		assert_ok!(Fund::set_overdue(op(BANK_A), 0, true));
		System::assert_last_event(Event::OverdueChanged { id: 0, overdue: true }.into());
		let overdue = Portfolio { active: 1, overdue: 1, outstanding: 399_000_00, ..Default::default() };
		assert_eq!(Fund::portfolio(BANK_A), overdue);
		assert_eq!(Fund::portfolio(CENTRE_A), overdue);
		assert_noop!(Fund::set_overdue(op(BANK_A), 0, true), Error::<Test>::NotDisbursed);
		// Repayment while overdue, then cure. A repayment that leaves principal
		// outstanding is refunded to the partial repayment's weight.
		let info = Fund::record_repayment(op(BANK_A), 0, 9_000_00, false).expect("recorded");
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::record_repayment_partial()));
		assert!(<() as WeightInfo>::record_repayment_partial().ref_time() < <() as WeightInfo>::record_repayment().ref_time());
		assert_ok!(Fund::set_overdue(op(BANK_A), 0, false));
		// Early repayment of the rest settles the loan and frees the member, and is
		// charged what was declared.
		let info = Fund::record_repayment(op(BANK_A), 0, 390_000_00, true).expect("settled");
		assert_eq!(info.actual_weight, None);
		System::assert_last_event(Event::LoanSettled { id: 0 }.into());
		let l = loan(0);
		assert_eq!((l.status, l.outstanding, l.repaid, l.repayments), (LoanStatus::Settled, 0, 400_000_00, 3));
		assert!(ActiveLoan::<Test>::get(WORKER).is_none());
		let r = Fund::repayments_of(0, 0, 10);
		assert_eq!(
			r.iter().map(|(_, r)| (r.amount, r.early)).collect::<Vec<_>>(),
			vec![(1_000_00, false), (9_000_00, false), (390_000_00, true)]
		);
		assert_eq!(
			loan_changes(0),
			vec![
				(LoanChange::Filed, Some(BANK_A)),
				(LoanChange::Approved, Some(CENTRE_A)),
				(LoanChange::Disbursed, Some(BANK_A)),
				(LoanChange::Overdue, Some(BANK_A)),
				(LoanChange::Cured, Some(BANK_A)),
				(LoanChange::Settled, Some(BANK_A)),
			]
		);
		assert_noop!(Fund::record_repayment(op(BANK_A), 0, 1, false), Error::<Test>::NotDisbursed);
		assert_eq!(Fund::portfolio(CENTRE_A), Portfolio { settled: 1, ..Default::default() });
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		// A suspended bank cannot service its loans.
		set_active(BANK_A2, false);
		assert_noop!(Fund::set_overdue(op(BANK_A2), 1, true), BadOrigin);
	});
}

#[test]
fn the_filing_bank_or_the_lending_centre_cancels_before_disbursement() {
	build_and_execute(|| {
		let id = approved();
		assert_ok!(Fund::commission_bank(op(CENTRE_B), BANK_B, true));
		// Neither another bank, nor another centre (of either region), nor a stranger.
		assert_noop!(Fund::cancel_loan(op(BANK_A2), id, 1), Error::<Test>::NotLoanParty);
		assert_noop!(Fund::cancel_loan(op(BANK_B), id, 1), Error::<Test>::NotLoanParty);
		assert_noop!(Fund::cancel_loan(op(CENTRE_B), id, 1), Error::<Test>::NotLoanParty);
		assert_noop!(Fund::cancel_loan(op(CENTRE_YZ), id, 1), Error::<Test>::NotLoanParty);
		assert_noop!(Fund::cancel_loan(op(COURT_A), id, 1), Error::<Test>::NotLoanParty);
		assert_noop!(Fund::cancel_loan(stranger(), id, 1), BadOrigin);
		assert_noop!(Fund::cancel_loan(op(BANK_A), 9, 1), Error::<Test>::UnknownLoan);
		// The filing bank withdraws the approved loan; the member is free.
		assert_ok!(Fund::cancel_loan(op(BANK_A), id, 21));
		System::assert_last_event(Event::LoanCancelled { id, by: BANK_A, reason: 21 }.into());
		assert_eq!(loan(id).status, LoanStatus::Cancelled { reason: 21 });
		assert!(ActiveLoan::<Test>::get(WORKER).is_none());
		assert_eq!(loan_changes(id).last(), Some(&(LoanChange::Cancelled { reason: 21 }, Some(BANK_A))));
		assert_noop!(Fund::cancel_loan(op(BANK_A), id, 1), Error::<Test>::LoanEnded);
		assert_noop!(Fund::cancel_loan(op(CENTRE_A), id, 1), Error::<Test>::LoanEnded);
		assert_noop!(
			Fund::disburse(op(BANK_A), id, 1, 310, RepaymentMethod::EqualInstalments, [3; 32]),
			Error::<Test>::NotApproved
		);
		// The lending centre cancels an application (not yet decided) too.
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		assert_ok!(Fund::cancel_loan(op(CENTRE_A), 1, 22));
		System::assert_last_event(Event::LoanCancelled { id: 1, by: CENTRE_A, reason: 22 }.into());
		assert_noop!(Fund::decide_loan(op(CENTRE_A), 1, true, 0), Error::<Test>::NotPending);
		assert_eq!(Fund::portfolio(CENTRE_A), Portfolio::default());
		assert_ok!(file(BANK_A, WORKER, 100_000_00, None));
	});
}

#[test]
fn a_bank_that_left_does_not_block_the_member() {
	build_and_execute(|| {
		let id = approved();
		// The bank is suspended (or retired): it can neither disburse nor cancel.
		set_active(BANK_A, false);
		assert_noop!(
			Fund::disburse(op(BANK_A), id, 1, 310, RepaymentMethod::EqualInstalments, [3; 32]),
			BadOrigin
		);
		assert_noop!(Fund::cancel_loan(op(BANK_A), id, 1), BadOrigin);
		assert_noop!(file(BANK_A2, WORKER, 100_000_00, None), Error::<Test>::SecondActiveLoan);
		// Another centre cannot act in its place; the lending centre can.
		assert_noop!(Fund::cancel_loan(op(CENTRE_B), id, 30), Error::<Test>::NotLoanParty);
		assert_ok!(Fund::cancel_loan(op(CENTRE_A), id, 30));
		System::assert_last_event(Event::LoanCancelled { id, by: CENTRE_A, reason: 30 }.into());
		assert_eq!(loan_changes(id).last(), Some(&(LoanChange::Cancelled { reason: 30 }, Some(CENTRE_A))));
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		assert_eq!(ActiveLoan::<Test>::get(WORKER), Some(1));
	});
}

#[test]
fn governance_closes_a_disbursed_loan() {
	build_and_execute(|| {
		let id = disbursed();
		assert_ok!(Fund::record_repayment(op(BANK_A), id, 100_000_00, false));
		// Disbursed: neither party cancels.
		assert_noop!(Fund::cancel_loan(op(BANK_A), id, 1), Error::<Test>::AlreadyDisbursed);
		assert_noop!(Fund::cancel_loan(op(CENTRE_A), id, 1), Error::<Test>::AlreadyDisbursed);
		// The bank retires; only governance closes the loan.
		set_active(BANK_A, false);
		assert_noop!(Fund::force_close_loan(op(CENTRE_A), id, Closure::WrittenOff, 40), BadOrigin);
		assert_noop!(Fund::force_close_loan(op(BANK_A2), id, Closure::WrittenOff, 40), BadOrigin);
		assert_noop!(Fund::force_close_loan(stranger(), id, Closure::WrittenOff, 40), BadOrigin);
		assert_noop!(Fund::force_close_loan(root(), 9, Closure::WrittenOff, 40), Error::<Test>::UnknownLoan);
		assert_noop!(Fund::force_close_loan(root(), id, Closure::Cancelled, 40), Error::<Test>::AlreadyDisbursed);
		assert_ok!(Fund::force_close_loan(root(), id, Closure::WrittenOff, 40));
		System::assert_last_event(Event::LoanForceClosed { id, outcome: Closure::WrittenOff, reason: 40 }.into());
		let l = loan(id);
		assert_eq!(
			(l.status, l.outstanding, l.repaid),
			(LoanStatus::Closed { outcome: Closure::WrittenOff, reason: 40 }, 400_000_00, 100_000_00)
		);
		assert!(ActiveLoan::<Test>::get(WORKER).is_none());
		assert_eq!(
			loan_changes(id).last(),
			Some(&(LoanChange::ForceClosed { outcome: Closure::WrittenOff, reason: 40 }, None))
		);
		assert_eq!(Fund::portfolio(CENTRE_A), Portfolio { written_off: 1, ..Default::default() });
		assert_noop!(Fund::force_close_loan(root(), id, Closure::Settled, 40), Error::<Test>::LoanEnded);
		// The member borrows again through another bank; governance settles that one.
		assert_ok!(file(BANK_A2, WORKER, 100_000_00, None));
		assert_noop!(Fund::force_close_loan(root(), 1, Closure::Settled, 41), Error::<Test>::NotDisbursed);
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 1, true, 0));
		assert_ok!(Fund::disburse(op(BANK_A2), 1, 100_000_00, 310, RepaymentMethod::EqualPrincipal, [4; 32]));
		assert_ok!(Fund::set_overdue(op(BANK_A2), 1, true));
		assert_ok!(Fund::force_close_loan(root(), 1, Closure::Settled, 41));
		assert_eq!(
			Fund::portfolio(CENTRE_A),
			Portfolio { settled: 1, written_off: 1, ..Default::default() }
		);
		assert_eq!(Fund::portfolio(BANK_A2), Portfolio { settled: 1, ..Default::default() });
	});
}

#[test]
fn governance_cancels_an_undisbursed_loan_whose_bank_and_centre_are_gone() {
	build_and_execute(|| {
		let id = approved();
		set_active(BANK_A, false);
		set_active(CENTRE_A, false);
		assert_noop!(Fund::cancel_loan(op(CENTRE_A), id, 1), BadOrigin);
		assert_noop!(Fund::force_close_loan(root(), id, Closure::WrittenOff, 50), Error::<Test>::NotDisbursed);
		assert_ok!(Fund::force_close_loan(root(), id, Closure::Cancelled, 50));
		System::assert_last_event(Event::LoanForceClosed { id, outcome: Closure::Cancelled, reason: 50 }.into());
		assert!(ActiveLoan::<Test>::get(WORKER).is_none());
		assert_eq!(Fund::portfolio(BANK_A), Portfolio::default());
	});
}

// ---------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------

#[test]
fn portfolios_are_running_summaries() {
	build_and_execute(|| {
		setup_a();
		assert_ok!(record(CENTRE_A, OTHER, standing(36)));
		assert_ok!(file(BANK_A, WORKER, 500_000_00, None));
		assert_ok!(file(BANK_A2, OTHER, 200_000_00, None));
		let pending2 = Portfolio { pending: 2, ..Default::default() };
		assert_eq!(Fund::portfolio(CENTRE_A), pending2);
		assert_eq!(Portfolios::<Test>::get(BANK_A), Portfolio { pending: 1, ..Default::default() });
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 0, true, 0));
		assert_eq!(Fund::portfolio(CENTRE_A), pending2);
		assert_ok!(Fund::disburse(op(BANK_A), 0, 300_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32]));
		assert_ok!(Fund::record_repayment(op(BANK_A), 0, 50_000_00, false));
		assert_eq!(
			Fund::portfolio(CENTRE_A),
			Portfolio { pending: 1, active: 1, outstanding: 250_000_00, ..Default::default() }
		);
		assert_eq!(Fund::portfolio(BANK_A), Portfolio { active: 1, outstanding: 250_000_00, ..Default::default() });
		assert_eq!(Fund::portfolio(BANK_A2), Portfolio { pending: 1, ..Default::default() });
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 1, false, 3));
		assert_eq!(Fund::portfolio(BANK_A2), Portfolio::default());
		// An agency that is both the lending centre and the bank counts a loan once.
		assert_ok!(Fund::set_rules(op(DEMO), rules()));
		assert_ok!(Fund::commission_bank(op(DEMO), DEMO, true));
		assert_ok!(Fund::record_deposit(op(DEMO), THIRD, standing(36), REGION_A));
		assert_ok!(Fund::file_loan(op(DEMO), THIRD, DEMO, 100_000_00, 120, None));
		assert_eq!(Fund::portfolio(DEMO), Portfolio { pending: 1, ..Default::default() });
		assert_ok!(Fund::decide_loan(op(DEMO), 2, true, 0));
		assert_ok!(Fund::disburse(op(DEMO), 2, 100_000_00, 310, RepaymentMethod::EqualInstalments, [5; 32]));
		assert_eq!(Fund::portfolio(DEMO), Portfolio { active: 1, outstanding: 100_000_00, ..Default::default() });
	});
}

#[test]
fn lists_are_paged_and_capped() {
	build_and_execute(|| {
		// MaxPage is 3 in the mock.
		for months in 12..=16 {
			assert_ok!(record(CENTRE_A, WORKER, standing(months)));
		}
		let page = |from| Fund::account_history(&WORKER, from, u32::MAX).into_iter().map(|(seq, _)| seq).collect::<Vec<_>>();
		assert_eq!(page(0), vec![0, 1, 2]);
		assert_eq!(page(3), vec![3, 4]);
		assert_eq!(page(5), Vec::<u32>::new());
		assert_eq!(Fund::account_history(&WORKER, u32::MAX, u32::MAX), vec![]);
		for relying in [CENTRE_B, BANK_A, BANK_A2, CENTRE_YZ, BANK_B] {
			assert_ok!(Fund::issue_certificate(op(CENTRE_A), WORKER, relying, T0 + DAY));
		}
		assert_eq!(Fund::certificates_of(&WORKER, 0, 100), vec![0, 1, 2]);
		assert_eq!(Fund::certificates_of(&WORKER, 3, 100), vec![3, 4]);
		assert_eq!(Fund::certificates_of(&WORKER, 1, 1), vec![1]);
		assert_eq!(account(WORKER).certificates, 5);
		// Loans, their repayments and history.
		assert_ok!(Fund::set_rules(op(CENTRE_A), rules()));
		assert_ok!(Fund::commission_bank(op(CENTRE_A), BANK_A, true));
		for _ in 0..4 {
			assert_ok!(file(BANK_A, WORKER, 1_000_00, None));
			let id = ActiveLoan::<Test>::get(WORKER).unwrap();
			assert_ok!(Fund::cancel_loan(op(BANK_A), id, 1));
		}
		assert_eq!(Fund::loans_of(&WORKER, 0, 100), vec![0, 1, 2]);
		assert_eq!(Fund::loans_of(&WORKER, 3, 100), vec![3]);
		assert_ok!(file(BANK_A, WORKER, 1_000_00, None));
		assert_ok!(Fund::decide_loan(op(CENTRE_A), 4, true, 0));
		assert_ok!(Fund::disburse(op(BANK_A), 4, 1_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32]));
		for _ in 0..4 {
			assert_ok!(Fund::record_repayment(op(BANK_A), 4, 100_00, false));
		}
		assert_eq!(Fund::repayments_of(4, 0, 100).len(), 3);
		assert_eq!(Fund::repayments_of(4, 3, 100).len(), 1);
		assert_eq!(Fund::loan_history(4, 0, 100).len(), 3);
		assert_eq!(Fund::loan_history(4, 2, 100).into_iter().map(|(s, r)| (s, r.change)).collect::<Vec<_>>(), vec![(2, LoanChange::Disbursed)]);
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
		// A portfolio that disagrees with the loans.
		Portfolios::<Test>::mutate(BANK_A, |p| p.outstanding += 1);
		assert!(Fund::do_try_state().is_err());
		Portfolios::<Test>::mutate(BANK_A, |p| p.outstanding -= 1);
		assert_ok!(Fund::do_try_state());
		// A gap in a loan's history.
		let last = LoanHistory::<Test>::take(id, 0).unwrap();
		assert!(Fund::do_try_state().is_err());
		LoanHistory::<Test>::insert(id, 0, last);
		assert_ok!(Fund::do_try_state());
		// A pending transfer that would restore "transferred".
		assert_ok!(Fund::release_account(op(CENTRE_A), WORKER, CENTRE_B));
		PendingTransfers::<Test>::mutate(WORKER, |p| p.as_mut().unwrap().status = AccountStatus::Transferred);
		assert!(Fund::do_try_state().is_err());
		PendingTransfers::<Test>::mutate(WORKER, |p| p.as_mut().unwrap().status = AccountStatus::Normal);
		assert_ok!(Fund::do_try_state());
		// A second active loan for the same member.
		Loans::<Test>::insert(
			7,
			LoanOf::<Test> { status: LoanStatus::Applied, principal: 0, repaid: 0, outstanding: 0, repayments: 0, ..loan(id) },
		);
		assert!(Fund::do_try_state().is_err());
	});
}
