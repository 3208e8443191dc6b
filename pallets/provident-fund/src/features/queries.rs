//! Read-side: the queries behind the runtime API.

use crate::*;
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// Whether certificate `id` is valid now for `relying`: the certificate if so.
	pub fn certificate_for(id: CertificateId, relying: AgencyId) -> Option<CertificateOf<T>> {
		Certificates::<T>::get(id).filter(|c| c.relying == relying && Self::now() < c.expires)
	}

	/// Up to `limit` certificate ids of `member`, skipping `skip`.
	pub fn certificates_of(member: &Pseudonym, skip: u32, limit: u32) -> Vec<CertificateId> {
		MemberCertificates::<T>::iter_key_prefix(member).skip(skip as usize).take(limit as usize).collect()
	}

	/// Up to `limit` loan ids of `member`, skipping `skip`.
	pub fn loans_of(member: &Pseudonym, skip: u32, limit: u32) -> Vec<LoanId> {
		MemberLoans::<T>::iter_key_prefix(member).skip(skip as usize).take(limit as usize).collect()
	}

	/// Up to `limit` repayments of loan `id` from `from`.
	pub fn repayments_of(id: LoanId, from: u32, limit: u32) -> Vec<(u32, RepaymentOf<T>)> {
		let end = Loans::<T>::get(id).map_or(0, |l| l.repayments);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| Repayments::<T>::get(id, seq).map(|r| (seq, r)))
			.collect()
	}

	/// Up to `limit` entries of `member`'s deposit history from `from`.
	pub fn account_history(member: &Pseudonym, from: u32, limit: u32) -> Vec<(u32, AccountRecordOf<T>)> {
		let end = Accounts::<T>::get(member).map_or(0, |a| a.changes);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| AccountHistory::<T>::get(member, seq).map(|r| (seq, r)))
			.collect()
	}

	/// The portfolio of `agency` (as lending centre or as bank). Reads every loan:
	/// for the runtime API only, never inside a call.
	pub fn portfolio(agency: AgencyId) -> Portfolio {
		Loans::<T>::iter_values().filter(|l| l.centre == agency || l.bank == agency).fold(
			Portfolio::default(),
			|mut p, l| {
				match l.status {
					LoanStatus::Applied | LoanStatus::Approved => p.pending += 1,
					LoanStatus::Disbursed => p.active += 1,
					LoanStatus::Overdue => {
						p.active += 1;
						p.overdue += 1;
					},
					LoanStatus::Settled => p.settled += 1,
					LoanStatus::Rejected { .. } => {},
				}
				p.outstanding = p.outstanding.saturating_add(l.outstanding);
				p
			},
		)
	}
}
