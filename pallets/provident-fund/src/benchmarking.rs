//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as Fund;
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use govchain_primitives::{AgencyBenchmarkHelper, RegionCode};

const MEMBER: Pseudonym = [7; 32];
/// The employer's region of every deposit record (the benchmark agencies' region).
const EMPLOYER_REGION: u32 = 500_000;
/// Far in the future (Unix seconds).
const LATER: Seconds = u64::MAX / 2;

/// A fresh agency holding `role`; its id and signing origin.
fn agency<T: Config>(role: Role) -> (AgencyId, T::RuntimeOrigin) {
	let region = RegionCode::new(500_000).expect("valid region");
	let (agency, who) = T::BenchmarkHelper::agency_operator(&[role], region);
	(agency, RawOrigin::Signed(who).into())
}

fn standing() -> Standing {
	Standing { status: AccountStatus::Normal, contribution_band: ContributionBand(4), months: 120 }
}

/// Two centres (the member deposits at `home`, borrows at `lending`), a bank
/// commissioned by `lending`, rules, and a certificate from `home` for `lending`.
struct Setup<T: Config> {
	lending: AgencyId,
	lending_origin: T::RuntimeOrigin,
	bank: AgencyId,
	bank_origin: T::RuntimeOrigin,
	certificate: CertificateId,
}

fn setup<T: Config>() -> Result<Setup<T>, BenchmarkError> {
	let (home, _) = agency::<T>(Role::FundCenter);
	let (lending, lending_origin) = agency::<T>(Role::FundCenter);
	let (bank, bank_origin) = agency::<T>(Role::Bank);
	Fund::<T>::do_record_deposit(home, MEMBER, standing(), EMPLOYER_REGION)?;
	Fund::<T>::do_set_rules(lending, Rules { min_months: 12, max_amount: u128::MAX, max_term_months: 360 })?;
	Fund::<T>::do_commission_bank(lending, bank, true)?;
	let certificate = Fund::<T>::do_issue_certificate(home, MEMBER, lending, LATER)?;
	Ok(Setup { lending, lending_origin, bank, bank_origin, certificate })
}

/// A cross-region loan filed (and, with `approve`, approved); returns its id.
fn filed<T: Config>(s: &Setup<T>, approve: bool) -> Result<LoanId, BenchmarkError> {
	let id = Fund::<T>::do_file_loan(s.bank, MEMBER, s.lending, 1_000_000_00, 240, Some(s.certificate))?;
	if approve {
		Fund::<T>::do_decide_loan(s.lending, id, true, 0)?;
	}
	Ok(id)
}

/// A disbursed loan.
fn disbursed<T: Config>(s: &Setup<T>) -> Result<LoanId, BenchmarkError> {
	let id = filed::<T>(s, true)?;
	Fund::<T>::do_disburse(s.bank, id, 1_000_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32])?;
	Ok(id)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// An update of an existing account.
	#[benchmark]
	fn record_deposit() -> Result<(), BenchmarkError> {
		let (centre, origin) = agency::<T>(Role::FundCenter);
		Fund::<T>::do_record_deposit(centre, MEMBER, standing(), EMPLOYER_REGION)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MEMBER, standing(), EMPLOYER_REGION);
		assert_eq!(Accounts::<T>::get(MEMBER).map(|a| a.changes), Some(2));
		Ok(())
	}

	#[benchmark]
	fn issue_certificate() -> Result<(), BenchmarkError> {
		let (centre, origin) = agency::<T>(Role::FundCenter);
		let (relying, _) = agency::<T>(Role::FundCenter);
		Fund::<T>::do_record_deposit(centre, MEMBER, standing(), EMPLOYER_REGION)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MEMBER, relying, LATER);
		assert!(Certificates::<T>::contains_key(0));
		Ok(())
	}

	#[benchmark]
	fn release_account() -> Result<(), BenchmarkError> {
		let (centre, origin) = agency::<T>(Role::FundCenter);
		let (to, _) = agency::<T>(Role::FundCenter);
		Fund::<T>::do_record_deposit(centre, MEMBER, standing(), EMPLOYER_REGION)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MEMBER, to);
		assert!(PendingTransfers::<T>::contains_key(MEMBER));
		Ok(())
	}

	#[benchmark]
	fn accept_account() -> Result<(), BenchmarkError> {
		let (centre, _) = agency::<T>(Role::FundCenter);
		let (to, origin) = agency::<T>(Role::FundCenter);
		Fund::<T>::do_record_deposit(centre, MEMBER, standing(), EMPLOYER_REGION)?;
		Fund::<T>::do_release_account(centre, MEMBER, to)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MEMBER);
		assert_eq!(Accounts::<T>::get(MEMBER).map(|a| a.centre), Some(to));
		Ok(())
	}

	#[benchmark]
	fn set_rules() {
		let (centre, origin) = agency::<T>(Role::FundCenter);
		let rules = Rules { min_months: 12, max_amount: 1, max_term_months: 360 };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, rules);
		assert!(LendingRules::<T>::contains_key(centre));
	}

	#[benchmark]
	fn commission_bank() {
		let (centre, origin) = agency::<T>(Role::FundCenter);
		let (bank, _) = agency::<T>(Role::Bank);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank, true);
		assert!(Commissions::<T>::contains_key(centre, bank));
	}

	/// A cross-region filing: the certificate is checked.
	#[benchmark]
	fn file_loan() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		#[extrinsic_call]
		_(s.bank_origin as T::RuntimeOrigin, MEMBER, s.lending, 1_000_000_00, 240, Some(s.certificate));
		assert!(ActiveLoan::<T>::contains_key(MEMBER));
		Ok(())
	}

	/// An approval against the rules, relying on a certificate.
	#[benchmark]
	fn decide_loan() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = filed::<T>(&s, false)?;
		#[extrinsic_call]
		_(s.lending_origin as T::RuntimeOrigin, id, true, 0);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Approved));
		Ok(())
	}

	#[benchmark]
	fn disburse() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = filed::<T>(&s, true)?;
		#[extrinsic_call]
		_(s.bank_origin as T::RuntimeOrigin, id, 1_000_000_00, 310, RepaymentMethod::EqualInstalments, [3; 32]);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Disbursed));
		Ok(())
	}

	/// The final repayment: the loan settles and the member is freed.
	#[benchmark]
	fn record_repayment() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disbursed::<T>(&s)?;
		#[extrinsic_call]
		_(s.bank_origin as T::RuntimeOrigin, id, 1_000_000_00, true);
		assert!(!ActiveLoan::<T>::contains_key(MEMBER));
		Ok(())
	}

	/// A repayment that leaves principal outstanding: the loan and both portfolios
	/// change and the repayment is recorded; no history entry, the member stays bound.
	/// [`Pallet::record_repayment`] refunds down to this when the loan does not settle.
	#[benchmark]
	fn record_repayment_partial() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disbursed::<T>(&s)?;
		#[extrinsic_call]
		record_repayment(s.bank_origin as T::RuntimeOrigin, id, 1_000_00, false);
		assert!(ActiveLoan::<T>::contains_key(MEMBER));
		Ok(())
	}

	#[benchmark]
	fn set_overdue() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disbursed::<T>(&s)?;
		#[extrinsic_call]
		_(s.bank_origin as T::RuntimeOrigin, id, true);
		assert_eq!(Loans::<T>::get(id).map(|l| l.status), Some(LoanStatus::Overdue));
		Ok(())
	}

	/// The lending centre cancels an approved loan of another agency's bank: both
	/// portfolios change.
	#[benchmark]
	fn cancel_loan() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = filed::<T>(&s, true)?;
		#[extrinsic_call]
		_(s.lending_origin as T::RuntimeOrigin, id, 7);
		assert!(!ActiveLoan::<T>::contains_key(MEMBER));
		Ok(())
	}

	/// A disbursed loan written off.
	#[benchmark]
	fn force_close_loan() -> Result<(), BenchmarkError> {
		let s = setup::<T>()?;
		let id = disbursed::<T>(&s)?;
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Closure::WrittenOff, 7);
		assert!(!ActiveLoan::<T>::contains_key(MEMBER));
		Ok(())
	}

	/// A released account moved back to its centre: the pending transfer is cancelled.
	#[benchmark]
	fn force_move_account() -> Result<(), BenchmarkError> {
		let (centre, _) = agency::<T>(Role::FundCenter);
		let (to, _) = agency::<T>(Role::FundCenter);
		Fund::<T>::do_record_deposit(centre, MEMBER, standing(), EMPLOYER_REGION)?;
		Fund::<T>::do_release_account(centre, MEMBER, to)?;
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, MEMBER, centre, 7);
		assert!(!PendingTransfers::<T>::contains_key(MEMBER));
		Ok(())
	}

	impl_benchmark_test_suite!(Fund, crate::mock::new_test_ext(), crate::mock::Test);
}
