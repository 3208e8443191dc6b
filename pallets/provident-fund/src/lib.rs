//! # Provident-fund pallet
//!
//! Housing provident fund centres (one per city or region) and the banks they
//! commission share deposit and loan records, so a worker who deposits in one
//! region borrows in another without paper certificates, and nobody holds two
//! provident-fund loans at once.
//!
//! ## Overview
//!
//! - **Deposit records.** The member's centre records the account's standing from
//!   its books: status (normal, sealed, closed, transferred), the band of the monthly
//!   contribution ([`ContributionBand`], never the amount) and months of continuous
//!   contribution. A centre opens an account only for an employer in its jurisdiction:
//!   each record declares the employer's region, which the centre's region must
//!   cover. Every change is kept in [`AccountHistory`].
//! - **Deposit certificates.** The centre certifies a member's standing for a named
//!   relying centre or bank until an expiry; the relying party checks it on chain.
//! - **Transfers.** When a worker moves city, the origin centre releases the account
//!   and the destination centre accepts it, the account keeping its status (a sealed
//!   account stays sealed); history is kept.
//! - **Loans.** A bank commissioned by the lending centre (a bank of the centre's
//!   region) files an application for a member; the lending centre approves against
//!   its rules (minimum months, maximum amount and term) using the member's own
//!   standing or, for a member of another centre, that centre's certificate addressed
//!   to it; the bank records disbursement (contract, principal, rate, method), each
//!   repayment, overdue and cure, and the loan settles when nothing is outstanding.
//!   Every change of a loan is kept in [`LoanHistory`].
//! - **One active loan per member**, across all banks and regions: [`ActiveLoan`]
//!   holds a member's loan from filing until rejection, cancellation, settlement or
//!   closure by governance.
//! - **No stuck state.** Before disbursement the filing bank or the lending centre
//!   cancels a loan (so a bank that left cannot block a member); after disbursement
//!   governance closes it ([`force_close_loan`](Pallet::force_close_loan)), as it
//!   also closes an undisbursed loan whose bank and centre are both gone. An account
//!   opened by the wrong centre, or released to a centre that never accepts it, is
//!   moved by governance ([`force_move_account`](Pallet::force_move_account)).
//! - **Portfolios.** Each centre's and bank's loan totals are kept as running
//!   summaries ([`Portfolios`]) updated on every change of a loan, so reading them
//!   never iterates the loans.
//!
//! ## Who may call what
//!
//! "Centre" and "bank" mean an operator of an active agency holding the `FundCenter`
//! or `Bank` role (the agency origin refuses strangers and operators of suspended or
//! retired agencies with `BadOrigin`). Errors are listed in the order they are checked.
//!
//! | Call | Who may | Jurisdiction | Error for others |
//! |------|---------|--------------|------------------|
//! | [`record_deposit`](Pallet::record_deposit) | a centre | the first record opens the account at the acting centre; later ones only by the member's current centre, no transfer pending; the declared employer region must be well formed and covered by the centre's region | `NotFundCentre`, `InvalidRegion`, `WrongCentre`, `TransferPending`, `OutsideJurisdiction` |
//! | [`issue_certificate`](Pallet::issue_certificate) | a centre | the member's current centre, no transfer pending; relying party an active centre or bank | `NotFundCentre`, `UnknownMember`, `WrongCentre`, `TransferPending`, `UnknownAgency`, `NotRelyingParty` |
//! | [`release_account`](Pallet::release_account) | a centre | the member's current centre, to another active centre | `NotFundCentre`, `UnknownMember`, `WrongCentre`, `TransferPending` |
//! | [`accept_account`](Pallet::accept_account) | a centre | the destination of the pending transfer | `NotFundCentre`, `NoPendingTransfer` |
//! | [`set_rules`](Pallet::set_rules) | a centre | its own rules | `NotFundCentre` |
//! | [`commission_bank`](Pallet::commission_bank) | a centre | its own commissions; commissions only an active bank its region covers; withdraws any it holds | `NotFundCentre`, `NotBank`, `OutsideJurisdiction`, `NotCommissioned` |
//! | [`file_loan`](Pallet::file_loan) | a bank | commissioned by the named lending centre, which must be an active centre | `NotBank`, `NotFundCentre`, `NotCommissioned` |
//! | [`decide_loan`](Pallet::decide_loan) | a centre | the loan's lending centre; approval only while the filing bank is active and still commissioned | `NotFundCentre`, `WrongCentre`, `BankInactive`, `NotCommissioned` |
//! | [`disburse`](Pallet::disburse) | a bank | the loan's filing bank, still commissioned by the lending centre | `NotBank`, `NotLoanBank`, `NotCommissioned` |
//! | [`record_repayment`](Pallet::record_repayment) | a bank | the loan's filing bank | `NotBank`, `NotLoanBank` |
//! | [`set_overdue`](Pallet::set_overdue) | a bank | the loan's filing bank | `NotBank`, `NotLoanBank` |
//! | [`cancel_loan`](Pallet::cancel_loan) | the loan's filing bank or lending centre (any active agency that is one of them, so the centre acts alone when the bank left) | before disbursement | `NotLoanParty`, `AlreadyDisbursed`, `LoanEnded` |
//! | [`force_close_loan`](Pallet::force_close_loan) | `ForceOrigin` (governance) | any active loan: undisbursed as `Cancelled`, disbursed as `Settled` or `WrittenOff` | `BadOrigin`; `LoanEnded`, `AlreadyDisbursed`, `NotDisbursed` |
//! | [`force_move_account`](Pallet::force_move_account) | `ForceOrigin` (governance) | any account, to an active centre; cancels a pending transfer | `BadOrigin`; `NotFundCentre`, `UnknownMember`, `SameCentre` |
//!
//! ## Pseudonyms and what every node sees
//!
//! A member is a [`Pseudonym`]: `HMAC-SHA256(k, "CN-ID:" || id_number)`, computed off
//! chain with a key `k` the centres share among themselves (rotated by agreement;
//! never on chain). The same person has the same pseudonym at every centre, which
//! is what makes "one loan per member" and cross-region certificates work, while a
//! node that sees the chain cannot go back to the ID number without `k`.
//!
//! Threat model, honestly: every node of the consortium replicates all state, so
//! every agency can read every member's standing and loans by pseudonym. The chain
//! enforces who may *write* (a centre for its members, a bank for the loans it
//! filed), not who may read. Holders of `k` (the centres) can test whether a known
//! ID number has records — which they can anyway from their own books. Banks and
//! other agencies without `k` see loan amounts and dates linked to an opaque
//! pseudonym; a leak of `k` would link pseudonyms to ID numbers, so `k` lives in the
//! centres' HSMs. No names, ID numbers, employers or addresses are stored; of the
//! deposit account only what a loan decision needs is kept — status, months of
//! continuous contribution, and the contribution as a band of 500 yuan (the amount
//! would reveal the wage) — plus the employer's region code as the centre declared
//! it (to show the account was opened in the centre's jurisdiction). The balance
//! stays in the centre's books.
//!
//! ## Calls
//!
//! For fund centres (role `FundCenter`): [`record_deposit`](Pallet::record_deposit),
//! [`issue_certificate`](Pallet::issue_certificate),
//! [`release_account`](Pallet::release_account), [`accept_account`](Pallet::accept_account),
//! [`set_rules`](Pallet::set_rules), [`commission_bank`](Pallet::commission_bank),
//! [`decide_loan`](Pallet::decide_loan), [`cancel_loan`](Pallet::cancel_loan).
//!
//! For commissioned banks (role `Bank`): [`file_loan`](Pallet::file_loan),
//! [`disburse`](Pallet::disburse), [`record_repayment`](Pallet::record_repayment),
//! [`set_overdue`](Pallet::set_overdue), [`cancel_loan`](Pallet::cancel_loan).
//!
//! For governance (`ForceOrigin`): [`force_close_loan`](Pallet::force_close_loan),
//! [`force_move_account`](Pallet::force_move_account).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use govchain_primitives::{AgencyId, DocumentHash, Pseudonym, ReasonCode, RegionCode, Role, Seconds};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_primitives::AgencyRegistry;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// An operator of an active agency; succeeds with `(agency, operator)`.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Roles of agencies (fund centres, banks).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// The block's time (certificate expiry).
		type UnixTime: UnixTime;

		/// Governance (two thirds of the council, or root): force calls that repair
		/// stuck records.
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most entries one query of a list returns (the `limit` of every paged query
		/// is capped to it). Suggested: 100.
		#[pallet::constant]
		type MaxPage: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates agencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: govchain_primitives::AgencyBenchmarkHelper<Self::AccountId>;
	}

	/// Deposit accounts by member pseudonym (user-derived keys: `Blake2_128Concat`).
	#[pallet::storage]
	pub type Accounts<T: Config> = StorageMap<_, Blake2_128Concat, Pseudonym, DepositAccountOf<T>>;

	/// Each deposit account's history, by sequence number.
	#[pallet::storage]
	pub type AccountHistory<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Pseudonym, Twox64Concat, u32, AccountRecordOf<T>>;

	/// Accounts released by their centre: the destination centre and the status the
	/// account had before.
	#[pallet::storage]
	pub type PendingTransfers<T> = StorageMap<_, Blake2_128Concat, Pseudonym, PendingTransfer>;

	/// The id the next certificate gets.
	#[pallet::storage]
	pub type NextCertificate<T> = StorageValue<_, CertificateId, ValueQuery>;

	/// Deposit certificates. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Certificates<T: Config> = StorageMap<_, Twox64Concat, CertificateId, CertificateOf<T>>;

	/// Certificates of each member, to list them: by member and sequence number
	/// (`0..account.certificates`), so a page is read directly.
	#[pallet::storage]
	pub type MemberCertificates<T> =
		StorageDoubleMap<_, Blake2_128Concat, Pseudonym, Twox64Concat, u32, CertificateId>;

	/// Each centre's lending rules.
	#[pallet::storage]
	pub type LendingRules<T> = StorageMap<_, Twox64Concat, AgencyId, Rules>;

	/// Banks each centre has commissioned: (centre, bank).
	#[pallet::storage]
	pub type Commissions<T> = StorageDoubleMap<_, Twox64Concat, AgencyId, Twox64Concat, AgencyId, ()>;

	/// The id the next loan gets.
	#[pallet::storage]
	pub type NextLoan<T> = StorageValue<_, LoanId, ValueQuery>;

	/// Loans. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Loans<T: Config> = StorageMap<_, Twox64Concat, LoanId, LoanOf<T>>;

	/// Loans of each member, to list them: by member and sequence number
	/// (`0..account.loans`), so a page is read directly.
	#[pallet::storage]
	pub type MemberLoans<T> = StorageDoubleMap<_, Blake2_128Concat, Pseudonym, Twox64Concat, u32, LoanId>;

	/// A member's one active loan (filed, approved, disbursed or overdue).
	#[pallet::storage]
	pub type ActiveLoan<T> = StorageMap<_, Blake2_128Concat, Pseudonym, LoanId>;

	/// Each loan's repayments, by sequence number.
	#[pallet::storage]
	pub type Repayments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LoanId, Twox64Concat, u32, RepaymentOf<T>>;

	/// Each loan's history (filed, decided, disbursed, overdue, cured, settled,
	/// cancelled, closed), by sequence number (`0..loan.changes`). Sequential keys:
	/// `Twox64Concat`.
	#[pallet::storage]
	pub type LoanHistory<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LoanId, Twox64Concat, u32, LoanRecordOf<T>>;

	/// Running loan totals of each agency as lending centre or servicing bank (a loan
	/// counts once for an agency that is both), updated on every change of a loan.
	/// Agency ids are assigned by governance: `Twox64Concat`.
	#[pallet::storage]
	pub type Portfolios<T> = StorageMap<_, Twox64Concat, AgencyId, Portfolio, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A centre recorded a member's standing, declaring the employer's region.
		DepositRecorded { member: Pseudonym, centre: AgencyId, standing: Standing, employer_region: RegionCode },
		/// A centre certified a member's standing for `relying`.
		CertificateIssued { id: CertificateId, member: Pseudonym, centre: AgencyId, relying: AgencyId, expires: Seconds },
		/// A centre released a member's account to another centre.
		AccountReleased { member: Pseudonym, from: AgencyId, to: AgencyId },
		/// The destination centre accepted the account.
		AccountAccepted { member: Pseudonym, from: AgencyId, to: AgencyId },
		/// A centre set its lending rules.
		RulesSet { centre: AgencyId, rules: Rules },
		/// A centre commissioned (or stopped commissioning) a bank.
		BankCommissioned { centre: AgencyId, bank: AgencyId, commissioned: bool },
		/// A bank filed a loan application.
		LoanFiled { id: LoanId, member: Pseudonym, bank: AgencyId, centre: AgencyId, amount: Fen },
		/// The lending centre approved a loan.
		LoanApproved { id: LoanId, centre: AgencyId },
		/// The lending centre rejected a loan.
		LoanRejected { id: LoanId, centre: AgencyId, reason: ReasonCode },
		/// The bank disbursed a loan.
		LoanDisbursed { id: LoanId, principal: Fen, rate_bp: u32 },
		/// The bank recorded a repayment.
		RepaymentRecorded { id: LoanId, seq: u32, amount: Fen, early: bool, outstanding: Fen },
		/// A loan was marked overdue (`true`) or cured (`false`).
		OverdueChanged { id: LoanId, overdue: bool },
		/// A loan was repaid in full.
		LoanSettled { id: LoanId },
		/// The filing bank or the lending centre (`by`) cancelled a loan before disbursement.
		LoanCancelled { id: LoanId, by: AgencyId, reason: ReasonCode },
		/// Governance closed a loan.
		LoanForceClosed { id: LoanId, outcome: Closure, reason: ReasonCode },
		/// Governance moved a member's account from centre `from` to centre `to`.
		AccountForceMoved { member: Pseudonym, from: AgencyId, to: AgencyId, reason: ReasonCode },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The acting agency (or the named centre) is not an active fund centre.
		NotFundCentre,
		/// The acting agency (or the bank to commission) is not an active bank.
		NotBank,
		/// The agency is not active.
		UnknownAgency,
		/// No deposit account for this member.
		UnknownMember,
		/// The member's account is kept by another centre.
		WrongCentre,
		/// The account is released and awaiting the destination centre.
		TransferPending,
		/// No transfer is pending for this member (or not to this centre).
		NoPendingTransfer,
		/// The expiry is not in the future.
		ExpiryInPast,
		/// The bank is not commissioned by that centre.
		NotCommissioned,
		/// The member already has an active provident-fund loan.
		SecondActiveLoan,
		/// A member of another centre needs that centre's certificate.
		CertificateRequired,
		/// No certificate has this id.
		UnknownCertificate,
		/// The certificate is for another member or another relying party.
		CertificateMismatch,
		/// The certificate has expired.
		CertificateExpired,
		/// Amounts and terms must be positive.
		InvalidAmount,
		/// No loan has this id.
		UnknownLoan,
		/// The loan is not awaiting a decision.
		NotPending,
		/// The lending centre has no rules.
		NoRules,
		/// Fewer months of continuous contribution than the rules require.
		InsufficientMonths,
		/// More than the rules allow.
		AmountTooHigh,
		/// Longer than the rules allow.
		TermTooLong,
		/// The member's account is not in normal standing.
		AccountNotNormal,
		/// The acting bank did not file this loan.
		NotLoanBank,
		/// The loan is not approved (disbursement of an unapproved loan).
		NotApproved,
		/// The principal exceeds the approved amount.
		PrincipalAboveApproved,
		/// The loan is not being repaid.
		NotDisbursed,
		/// The loan is not overdue.
		NotOverdue,
		/// The repayment exceeds the outstanding principal.
		RepaymentExceedsOutstanding,
		/// An amount or counter would overflow.
		Overflow,
		/// The employer's region is not a well-formed GB/T 2260 code.
		InvalidRegion,
		/// The region (employer's or bank's) is outside the acting centre's region.
		OutsideJurisdiction,
		/// The relying party is neither a fund centre nor a bank.
		NotRelyingParty,
		/// The acting agency is neither the loan's filing bank nor its lending centre.
		NotLoanParty,
		/// The loan is disbursed: only governance closes it (`force_close_loan`).
		AlreadyDisbursed,
		/// The loan has ended (rejected, settled, cancelled or closed).
		LoanEnded,
		/// The loan's bank is no longer an active bank: cancel the loan instead.
		BankInactive,
		/// The account is already kept by that centre.
		SameCentre,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// The member's centre records the standing from its books, declaring the region
		/// (GB/T 2260) of the member's (last) employer, which the centre's region must
		/// cover. The first record opens the account at the acting centre.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::record_deposit())]
		pub fn record_deposit(
			origin: OriginFor<T>,
			member: Pseudonym,
			standing: Standing,
			employer_region: u32,
		) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_record_deposit(centre, member, standing, employer_region)
		}

		/// The member's centre certifies the current standing for `relying` until `expires`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::issue_certificate())]
		pub fn issue_certificate(
			origin: OriginFor<T>,
			member: Pseudonym,
			relying: AgencyId,
			expires: Seconds,
		) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_issue_certificate(centre, member, relying, expires).map(|_| ())
		}

		/// The member's centre releases the account to centre `to`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::release_account())]
		pub fn release_account(origin: OriginFor<T>, member: Pseudonym, to: AgencyId) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_release_account(centre, member, to)
		}

		/// The destination centre accepts a released account.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accept_account())]
		pub fn accept_account(origin: OriginFor<T>, member: Pseudonym) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_accept_account(centre, member)
		}

		/// A centre sets its lending rules.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, rules: Rules) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_rules(centre, rules)
		}

		/// A centre commissions `bank`, a bank of its region (or, with `false`, stops
		/// commissioning it).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::commission_bank())]
		pub fn commission_bank(origin: OriginFor<T>, bank: AgencyId, commissioned: bool) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_commission_bank(centre, bank, commissioned)
		}

		/// A bank commissioned by `centre` files a loan application for `member`,
		/// naming the certificate it relies on when the member belongs to another centre.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::file_loan())]
		pub fn file_loan(
			origin: OriginFor<T>,
			member: Pseudonym,
			centre: AgencyId,
			amount: Fen,
			term_months: u32,
			certificate: Option<CertificateId>,
		) -> DispatchResult {
			let (bank, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_file_loan(bank, member, centre, amount, term_months, certificate).map(|_| ())
		}

		/// The lending centre approves (against its rules) or rejects a loan.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::decide_loan())]
		pub fn decide_loan(origin: OriginFor<T>, id: LoanId, approve: bool, reason: ReasonCode) -> DispatchResult {
			let (centre, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide_loan(centre, id, approve, reason)
		}

		/// The filing bank records the disbursement of an approved loan.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::disburse())]
		pub fn disburse(
			origin: OriginFor<T>,
			id: LoanId,
			principal: Fen,
			rate_bp: u32,
			method: RepaymentMethod,
			contract: DocumentHash,
		) -> DispatchResult {
			let (bank, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_disburse(bank, id, principal, rate_bp, method, contract)
		}

		/// The filing bank records a repayment of principal (scheduled or early); the
		/// loan settles when nothing is outstanding. Charged as a settling repayment,
		/// refunded down to a partial one when principal is left.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::record_repayment())]
		pub fn record_repayment(
			origin: OriginFor<T>,
			id: LoanId,
			amount: Fen,
			early: bool,
		) -> DispatchResultWithPostInfo {
			let (bank, _) = T::AgencyOrigin::ensure_origin(origin)?;
			let settled = Self::do_record_repayment(bank, id, amount, early)?;
			Ok((!settled).then(|| T::WeightInfo::record_repayment_partial()).into())
		}

		/// The filing bank marks a loan overdue (`true`) or cured (`false`).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_overdue())]
		pub fn set_overdue(origin: OriginFor<T>, id: LoanId, overdue: bool) -> DispatchResult {
			let (bank, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_overdue(bank, id, overdue)
		}

		/// The filing bank or the lending centre cancels a loan not yet disbursed; the
		/// member is free to apply again.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::cancel_loan())]
		pub fn cancel_loan(origin: OriginFor<T>, id: LoanId, reason: ReasonCode) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_cancel_loan(agency, id, reason)
		}

		/// Governance closes an active loan nobody else can: a loan not yet disbursed
		/// as [`Closure::Cancelled`], a disbursed one as [`Closure::Settled`] or
		/// [`Closure::WrittenOff`]. The member is free to apply again.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::force_close_loan())]
		pub fn force_close_loan(
			origin: OriginFor<T>,
			id: LoanId,
			outcome: Closure,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_close_loan(id, outcome, reason)
		}

		/// Governance moves `member`'s account to centre `to` (an account opened by the
		/// wrong centre, or released to a centre that never accepts it), cancelling a
		/// pending transfer; the account keeps its status.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::force_move_account())]
		pub fn force_move_account(
			origin: OriginFor<T>,
			member: Pseudonym,
			to: AgencyId,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_move_account(member, to, reason)
		}
	}
}
