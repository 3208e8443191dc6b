//! `try_state` invariants.

use crate::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant:
	/// 1. for every loan, outstanding = principal − repaid ≥ 0, and repaid is the sum
	///    of its recorded repayments; a settled loan owes nothing;
	/// 2. at most one active loan per member, and [`ActiveLoan`] names exactly the
	///    active loans;
	/// 3. a pending transfer concerns an account marked transferred, and vice versa;
	///    the status it will restore is not `Transferred`;
	/// 4. every deposit account's history has no gap, and its certificate and loan
	///    lists hold exactly `certificates` and `loans` entries;
	/// 5. every loan's history has exactly `changes` entries, the first one `Filed`;
	/// 6. [`Portfolios`] equals the sum over the loans of each agency (as centre or,
	///    if different, as bank).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut active = BTreeSet::new();
		let mut portfolios: BTreeMap<AgencyId, Portfolio> = BTreeMap::new();
		for (id, l) in Loans::<T>::iter() {
			ensure!(l.principal.checked_sub(l.repaid) == Some(l.outstanding), "outstanding != principal - repaid");
			let sum = (0..l.repayments)
				.map(|seq| Repayments::<T>::get(id, seq).map(|r| r.amount).ok_or("repayment gap"))
				.try_fold(0u128, |acc, a| a.and_then(|a| acc.checked_add(a).ok_or("repayment sum overflows")))?;
			ensure!(sum == l.repaid, "repayments do not add up");
			if l.status == LoanStatus::Settled {
				ensure!(l.outstanding == 0, "settled loan with principal outstanding");
			}
			if l.status.is_active() {
				ensure!(active.insert(l.member), "two active loans for one member");
				ensure!(ActiveLoan::<T>::get(l.member) == Some(id), "active loan not indexed");
			}
			ensure!(LoanHistory::<T>::iter_prefix(id).count() as u32 == l.changes, "loan history count mismatch");
			ensure!(
				LoanHistory::<T>::get(id, 0).map(|r| r.change) == Some(LoanChange::Filed),
				"loan history does not start with its filing"
			);
			let share = Portfolio::of_loan(&l.status, l.outstanding);
			let agencies = if l.bank == l.centre { alloc::vec![l.centre] } else { alloc::vec![l.centre, l.bank] };
			for agency in agencies {
				let p = portfolios.entry(agency).or_default();
				*p = p.checked_add(&share).ok_or("portfolio overflows")?;
			}
		}
		ensure!(ActiveLoan::<T>::iter().count() == active.len(), "stale active-loan index");
		for (agency, stored) in Portfolios::<T>::iter() {
			ensure!(portfolios.get(&agency).copied().unwrap_or_default() == stored, "portfolio out of date");
		}
		for (agency, computed) in portfolios {
			ensure!(Portfolios::<T>::get(agency) == computed, "portfolio missing");
		}
		for (member, a) in Accounts::<T>::iter() {
			let pending = PendingTransfers::<T>::get(member);
			ensure!(
				pending.is_some() == (a.standing.status == AccountStatus::Transferred),
				"pending transfer and account status disagree"
			);
			ensure!(
				pending.is_none_or(|p| p.status != AccountStatus::Transferred),
				"pending transfer would restore a transferred status"
			);
			ensure!(AccountHistory::<T>::iter_prefix(member).count() as u32 == a.changes, "history count mismatch");
			ensure!(
				MemberCertificates::<T>::iter_prefix(member).count() as u32 == a.certificates,
				"certificate list count mismatch"
			);
			ensure!(MemberLoans::<T>::iter_prefix(member).count() as u32 == a.loans, "loan list count mismatch");
		}
		Ok(())
	}
}
