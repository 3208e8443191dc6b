//! Runtime API of the provident-fund pallet, as `api.call.providentFundApi.*` in
//! polkadot.js: a member's standing, certificates, loans and repayments, and a
//! centre's or bank's portfolio.
//!
//! Every list is paged by `(from, limit)`; a page holds at most the pallet's
//! `MaxPage` entries whatever `limit` asks for. Portfolios are running summaries
//! (one read). Version 2 adds [`ProvidentFundApi::loan_history`].

use crate::{
	AccountRecord, Certificate, CertificateId, DepositAccount, Loan, LoanId, LoanRecord, Portfolio, Repayment,
};
use alloc::vec::Vec;
use govchain_primitives::{AgencyId, Pseudonym};

sp_api::decl_runtime_apis! {
	/// Deposit standing, certificates and loans by member pseudonym (base version 1;
	/// version 2 adds `loan_history`).
	pub trait ProvidentFundApi<BlockNumber>
	where
		BlockNumber: codec::Codec,
	{
		/// The member's deposit account.
		fn account(member: Pseudonym) -> Option<DepositAccount<BlockNumber>>;
		/// Up to `limit` entries of the member's deposit history from `from`.
		fn account_history(member: Pseudonym, from: u32, limit: u32) -> Vec<(u32, AccountRecord<BlockNumber>)>;
		/// Certificate `id`.
		fn certificate(id: CertificateId) -> Option<Certificate<BlockNumber>>;
		/// Certificate `id` if `relying` may rely on it now (addressed to it, unexpired).
		fn verify_certificate(id: CertificateId, relying: AgencyId) -> Option<Certificate<BlockNumber>>;
		/// Up to `limit` certificate ids of the member, in order of issue, from the `skip`-th.
		fn certificates_of(member: Pseudonym, skip: u32, limit: u32) -> Vec<CertificateId>;
		/// Loan `id`.
		fn loan(id: LoanId) -> Option<Loan<BlockNumber>>;
		/// The member's active loan, if any.
		fn active_loan(member: Pseudonym) -> Option<LoanId>;
		/// Up to `limit` loan ids of the member, in order of filing, from the `skip`-th.
		fn loans_of(member: Pseudonym, skip: u32, limit: u32) -> Vec<LoanId>;
		/// Up to `limit` repayments of loan `id` from `from`.
		fn repayments(id: LoanId, from: u32, limit: u32) -> Vec<(u32, Repayment<BlockNumber>)>;
		/// The portfolio of a lending centre or servicing bank.
		fn portfolio(agency: AgencyId) -> Portfolio;
		/// Up to `limit` entries of loan `id`'s history from `from`.
		#[api_version(2)]
		fn loan_history(id: LoanId, from: u32, limit: u32) -> Vec<(u32, LoanRecord<BlockNumber>)>;
	}
}
