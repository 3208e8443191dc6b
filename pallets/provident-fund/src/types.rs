//! Types of the provident-fund pallet. Amounts are integers in fen (1/100 yuan).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{AgencyId, DocumentHash, Pseudonym, ReasonCode, Seconds};
use scale_info::TypeInfo;

/// An amount in fen.
pub type Fen = u128;
/// Identifier of a loan (sequential).
pub type LoanId = u64;
/// Identifier of a deposit certificate (sequential).
pub type CertificateId = u64;
/// A deposit account as stored.
pub type DepositAccountOf<T> = DepositAccount<BlockNumberFor<T>>;
/// One entry of a deposit account's history.
pub type AccountRecordOf<T> = AccountRecord<BlockNumberFor<T>>;
/// A certificate as stored.
pub type CertificateOf<T> = Certificate<BlockNumberFor<T>>;
/// A loan as stored.
pub type LoanOf<T> = Loan<BlockNumberFor<T>>;
/// A repayment as stored.
pub type RepaymentOf<T> = Repayment<BlockNumberFor<T>>;

/// State of a member's deposit account at their centre.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum AccountStatus {
	/// Contributions are being paid.
	Normal,
	/// Sealed (封存): employment ended, balance kept.
	Sealed,
	/// Closed (销户): balance withdrawn.
	Closed,
	/// Released to another centre, awaiting its acceptance.
	Transferred,
}

/// A member's deposit standing: what another centre or a bank relies on.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Standing {
	/// Account state.
	pub status: AccountStatus,
	/// Monthly contribution (employer + employee), fen.
	pub monthly: Fen,
	/// Balance, fen.
	pub balance: Fen,
	/// Months of continuous contribution.
	pub months: u32,
}

/// A member's deposit account.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct DepositAccount<BlockNumber> {
	/// The centre that keeps it.
	pub centre: AgencyId,
	/// Its standing as the centre's books show.
	pub standing: Standing,
	/// Block of the last change.
	pub updated_at: BlockNumber,
	/// Entries in its history ([`crate::AccountHistory`]).
	pub changes: u32,
}

/// What changed on a deposit account.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum AccountChange {
	/// The centre recorded the standing from its books.
	Recorded,
	/// Released to centre `to`.
	Released {
		/// Destination centre.
		to: AgencyId,
	},
	/// Accepted from centre `from`.
	Accepted {
		/// Origin centre.
		from: AgencyId,
	},
}

/// One entry of a deposit account's history.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct AccountRecord<BlockNumber> {
	/// What changed.
	pub change: AccountChange,
	/// The centre that made the change.
	pub centre: AgencyId,
	/// Standing after the change.
	pub standing: Standing,
	/// Block of the change.
	pub block: BlockNumber,
}

/// A deposit certificate (缴存证明): a centre's statement of a member's standing for a
/// named relying party, until an expiry.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Certificate<BlockNumber> {
	/// The member.
	pub member: Pseudonym,
	/// The issuing centre.
	pub centre: AgencyId,
	/// The centre or bank that may rely on it.
	pub relying: AgencyId,
	/// The standing certified.
	pub standing: Standing,
	/// Block of issue.
	pub issued_at: BlockNumber,
	/// Expiry (exclusive, Unix seconds).
	pub expires: Seconds,
}

/// A centre's lending rules.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Rules {
	/// Least months of continuous contribution.
	pub min_months: u32,
	/// Largest loan, fen.
	pub max_amount: Fen,
	/// Longest term, months.
	pub max_term_months: u32,
}

/// How a loan is repaid.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum RepaymentMethod {
	/// Equal monthly instalments (等额本息).
	EqualInstalments,
	/// Equal principal (等额本金).
	EqualPrincipal,
}

/// Where a loan stands.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum LoanStatus {
	/// Filed by the bank, awaiting the centre.
	Applied,
	/// Approved by the centre, awaiting disbursement.
	Approved,
	/// Rejected by the centre (final).
	Rejected {
		/// Why.
		reason: ReasonCode,
	},
	/// Disbursed and being repaid.
	Disbursed,
	/// Disbursed and marked overdue.
	Overdue,
	/// Repaid in full (final).
	Settled,
}

impl LoanStatus {
	/// Whether the loan counts as the member's one active loan.
	pub fn is_active(&self) -> bool {
		matches!(self, Self::Applied | Self::Approved | Self::Disbursed | Self::Overdue)
	}
}

/// A provident-fund loan.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Loan<BlockNumber> {
	/// The borrower.
	pub member: Pseudonym,
	/// The commissioned bank that filed and services it.
	pub bank: AgencyId,
	/// The lending centre that decides it.
	pub centre: AgencyId,
	/// Amount applied for, fen.
	pub amount: Fen,
	/// Term applied for, months.
	pub term_months: u32,
	/// The deposit certificate relied on (cross-region loans).
	pub certificate: Option<CertificateId>,
	/// Where it stands.
	pub status: LoanStatus,
	/// Principal disbursed, fen (0 before disbursement).
	pub principal: Fen,
	/// Principal repaid so far, fen.
	pub repaid: Fen,
	/// Principal outstanding, fen (`principal - repaid`).
	pub outstanding: Fen,
	/// Annual rate in basis points, once disbursed.
	pub rate_bp: u32,
	/// Repayment method, once disbursed.
	pub method: Option<RepaymentMethod>,
	/// Hash of the loan contract, once disbursed.
	pub contract: Option<DocumentHash>,
	/// Block it was filed in.
	pub filed_at: BlockNumber,
	/// Repayments recorded ([`crate::Repayments`]).
	pub repayments: u32,
}

/// One repayment of a loan.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Repayment<BlockNumber> {
	/// Principal repaid, fen.
	pub amount: Fen,
	/// Early (prepayment) rather than scheduled.
	pub early: bool,
	/// Block of the record.
	pub block: BlockNumber,
	/// Time of the record (Unix seconds).
	pub time: Seconds,
}

/// A centre's or bank's portfolio.
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, TypeInfo, Debug, Default)]
pub struct Portfolio {
	/// Loans awaiting a decision or disbursement.
	pub pending: u32,
	/// Loans being repaid (incl. overdue).
	pub active: u32,
	/// Of which overdue.
	pub overdue: u32,
	/// Loans settled.
	pub settled: u32,
	/// Outstanding principal, fen.
	pub outstanding: Fen,
}
