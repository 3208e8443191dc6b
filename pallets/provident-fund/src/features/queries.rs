//! Read-side: the queries behind the runtime API. Every list is paged by
//! `(from, limit)` and each page holds at most [`Config::MaxPage`] entries, read
//! directly by sequence number (nothing is iterated to skip).

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// `limit`, capped to [`Config::MaxPage`].
	fn page(limit: u32) -> u32 {
		limit.min(T::MaxPage::get())
	}

	/// Sequence numbers `from..end` of a page of at most `limit` entries.
	fn page_range(from: u32, limit: u32, end: u32) -> core::ops::Range<u32> {
		from..end.min(from.saturating_add(Self::page(limit)))
	}

	/// Whether certificate `id` is valid now for `relying`: the certificate if so.
	pub fn certificate_for(id: CertificateId, relying: AgencyId) -> Option<CertificateOf<T>> {
		Certificates::<T>::get(id).filter(|c| c.relying == relying && Self::now() < c.expires)
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) certificate ids of `member`, in
	/// order of issue, from the `from`-th.
	pub fn certificates_of(member: &Pseudonym, from: u32, limit: u32) -> Vec<CertificateId> {
		let end = Accounts::<T>::get(member).map_or(0, |a| a.certificates);
		Self::page_range(from, limit, end).filter_map(|seq| MemberCertificates::<T>::get(member, seq)).collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) loan ids of `member`, in order of
	/// filing, from the `from`-th.
	pub fn loans_of(member: &Pseudonym, from: u32, limit: u32) -> Vec<LoanId> {
		let end = Accounts::<T>::get(member).map_or(0, |a| a.loans);
		Self::page_range(from, limit, end).filter_map(|seq| MemberLoans::<T>::get(member, seq)).collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) repayments of loan `id` from `from`.
	pub fn repayments_of(id: LoanId, from: u32, limit: u32) -> Vec<(u32, RepaymentOf<T>)> {
		let end = Loans::<T>::get(id).map_or(0, |l| l.repayments);
		Self::page_range(from, limit, end).filter_map(|seq| Repayments::<T>::get(id, seq).map(|r| (seq, r))).collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) entries of loan `id`'s history from `from`.
	pub fn loan_history(id: LoanId, from: u32, limit: u32) -> Vec<(u32, LoanRecordOf<T>)> {
		let end = Loans::<T>::get(id).map_or(0, |l| l.changes);
		Self::page_range(from, limit, end).filter_map(|seq| LoanHistory::<T>::get(id, seq).map(|r| (seq, r))).collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) entries of `member`'s deposit
	/// history from `from`.
	pub fn account_history(member: &Pseudonym, from: u32, limit: u32) -> Vec<(u32, AccountRecordOf<T>)> {
		let end = Accounts::<T>::get(member).map_or(0, |a| a.changes);
		Self::page_range(from, limit, end)
			.filter_map(|seq| AccountHistory::<T>::get(member, seq).map(|r| (seq, r)))
			.collect()
	}

	/// The portfolio of `agency` (as lending centre or as bank): one read of its
	/// running summary.
	pub fn portfolio(agency: AgencyId) -> Portfolio {
		Portfolios::<T>::get(agency)
	}
}
