//! `try_state` invariants.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant:
	/// 1. for every loan, outstanding = principal − repaid ≥ 0, and repaid is the sum
	///    of its recorded repayments; a settled loan owes nothing;
	/// 2. at most one active loan per member, and [`ActiveLoan`] names exactly the
	///    active loans;
	/// 3. a pending transfer concerns an account marked transferred, and vice versa;
	/// 4. every deposit account's history has no gap.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut active = BTreeSet::new();
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
		}
		ensure!(ActiveLoan::<T>::iter().count() == active.len(), "stale active-loan index");
		for (member, a) in Accounts::<T>::iter() {
			ensure!(
				PendingTransfers::<T>::contains_key(member) == (a.standing.status == AccountStatus::Transferred),
				"pending transfer and account status disagree"
			);
			ensure!(AccountHistory::<T>::iter_prefix(member).count() as u32 == a.changes, "history count mismatch");
		}
		Ok(())
	}
}
