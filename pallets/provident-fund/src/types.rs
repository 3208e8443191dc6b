//! Types of the provident-fund pallet. Amounts are integers in fen (1/100 yuan).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{AgencyId, DocumentHash, Pseudonym, ReasonCode, RegionCode, Seconds};
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
/// One entry of a loan's history.
pub type LoanRecordOf<T> = LoanRecord<BlockNumberFor<T>>;

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

/// A band of monthly contribution (employer + employee), stored instead of the amount.
///
/// The amount is about a quarter of the wage (both sides pay 5–12 %), so storing it
/// would publish every member's wage to every node. The chain keeps a band of fixed
/// width [`ContributionBand::WIDTH`] (500.00 yuan, about 2,000 yuan of wage):
///
/// | band `b` | monthly contribution (yuan)      |
/// |----------|----------------------------------|
/// | 0        | 0 – 499.99                       |
/// | 1        | 500 – 999.99                     |
/// | `b`      | `500·b` – `500·(b+1)` − 0.01     |
/// | 254      | 127,000 – 127,499.99             |
/// | 255      | 127,500 and more (open-ended)    |
///
/// Centres compute the band off chain from their books
/// ([`ContributionBand::from_monthly`] shows how). It tells a relying bank the order of
/// magnitude of the member's repayment capacity; no lending rule on chain uses it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
)]
pub struct ContributionBand(pub u8);

impl ContributionBand {
	/// Width of a band, fen (500.00 yuan).
	pub const WIDTH: Fen = 500_00;

	/// The band of a monthly contribution of `monthly` fen.
	pub fn from_monthly(monthly: Fen) -> Self {
		Self(u8::try_from(monthly / Self::WIDTH).unwrap_or(u8::MAX))
	}

	/// The contributions in this band, fen: `(from, until)`, `until` exclusive and
	/// `None` for the last, open-ended band.
	pub fn range(&self) -> (Fen, Option<Fen>) {
		let from = Fen::from(self.0).saturating_mul(Self::WIDTH);
		let until = (self.0 < u8::MAX).then(|| from.saturating_add(Self::WIDTH));
		(from, until)
	}
}

/// A member's deposit standing: what another centre or a bank relies on, and no more.
///
/// A loan decision ([`crate::Pallet::decide_loan`]) needs the account's status and
/// the months of continuous contribution; the contribution is kept as a band (see
/// [`ContributionBand`]). The balance is not stored: no rule on chain uses it, and
/// the centre's books hold it.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Standing {
	/// Account state.
	pub status: AccountStatus,
	/// Band of the monthly contribution (employer + employee).
	pub contribution_band: ContributionBand,
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
	/// Certificates issued for the member ([`crate::MemberCertificates`]).
	pub certificates: u32,
	/// Loans filed for the member ([`crate::MemberLoans`]).
	pub loans: u32,
}

/// What changed on a deposit account.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum AccountChange {
	/// The centre recorded the standing from its books, declaring the region of the
	/// member's (last) employer, which the centre's region covers.
	Recorded {
		/// The employer's region (GB/T 2260).
		employer_region: RegionCode,
	},
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
	/// Moved by governance from centre `from` (a wrongly opened account, or a
	/// transfer the destination never accepted); status kept.
	ForceMoved {
		/// The centre that kept the account before.
		from: AgencyId,
		/// Why.
		reason: ReasonCode,
	},
}

/// A released account awaiting its destination centre.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct PendingTransfer {
	/// The destination centre.
	pub to: AgencyId,
	/// The account's status before the release, restored when it is accepted.
	pub status: AccountStatus,
}

/// One entry of a deposit account's history.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct AccountRecord<BlockNumber> {
	/// What changed.
	pub change: AccountChange,
	/// The centre that made the change (for a forced move: the centre the account
	/// moved to).
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
	/// Withdrawn before disbursement by the filing bank or the lending centre (final).
	Cancelled {
		/// Why.
		reason: ReasonCode,
	},
	/// Closed by governance (final): see [`Closure`].
	Closed {
		/// How.
		outcome: Closure,
		/// Why.
		reason: ReasonCode,
	},
}

impl LoanStatus {
	/// Whether the loan counts as the member's one active loan.
	pub fn is_active(&self) -> bool {
		matches!(self, Self::Applied | Self::Approved | Self::Disbursed | Self::Overdue)
	}

	/// Whether the loan is active and not yet disbursed.
	pub fn is_undisbursed(&self) -> bool {
		matches!(self, Self::Applied | Self::Approved)
	}

	/// Whether the loan is disbursed and being repaid (incl. overdue).
	pub fn is_disbursed(&self) -> bool {
		matches!(self, Self::Disbursed | Self::Overdue)
	}
}

/// How governance closes a loan nobody else can ([`crate::Pallet::force_close_loan`]).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Closure {
	/// A loan not yet disbursed, withdrawn (its bank and centre can no longer act).
	Cancelled,
	/// A disbursed loan repaid outside the chain's record (e.g. its bank left); the
	/// loan keeps the outstanding principal last recorded.
	Settled,
	/// A disbursed loan written off; the loan keeps the outstanding principal last
	/// recorded.
	WrittenOff,
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
	/// Entries in its history ([`crate::LoanHistory`]).
	pub changes: u32,
}

/// What happened to a loan.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum LoanChange {
	/// Filed by the bank.
	Filed,
	/// Approved by the lending centre.
	Approved,
	/// Rejected by the lending centre.
	Rejected {
		/// Why.
		reason: ReasonCode,
	},
	/// Disbursed by the bank.
	Disbursed,
	/// Marked overdue by the bank.
	Overdue,
	/// Cured (no longer overdue) by the bank.
	Cured,
	/// Repaid in full (the last repayment).
	Settled,
	/// Withdrawn before disbursement by the filing bank or the lending centre.
	Cancelled {
		/// Why.
		reason: ReasonCode,
	},
	/// Closed by governance.
	ForceClosed {
		/// How.
		outcome: Closure,
		/// Why.
		reason: ReasonCode,
	},
}

/// One entry of a loan's history.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct LoanRecord<BlockNumber> {
	/// What happened.
	pub change: LoanChange,
	/// The agency that acted; `None` for governance.
	pub agency: Option<AgencyId>,
	/// Block of the change.
	pub block: BlockNumber,
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

/// A centre's or bank's portfolio: a running summary of the loans it lends or
/// services, updated on every change of one of them ([`crate::Portfolios`]).
#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug, Default)]
pub struct Portfolio {
	/// Loans awaiting a decision or disbursement.
	pub pending: u32,
	/// Loans being repaid (incl. overdue).
	pub active: u32,
	/// Of which overdue.
	pub overdue: u32,
	/// Loans settled (repaid in full, or settled by governance).
	pub settled: u32,
	/// Loans written off by governance.
	pub written_off: u32,
	/// Outstanding principal of the loans being repaid, fen.
	pub outstanding: Fen,
}

impl Portfolio {
	/// What one loan in `status` with `outstanding` principal adds to a portfolio.
	pub fn of_loan(status: &LoanStatus, outstanding: Fen) -> Self {
		let mut p = Self::default();
		match status {
			LoanStatus::Applied | LoanStatus::Approved => p.pending = 1,
			LoanStatus::Disbursed => p.active = 1,
			LoanStatus::Overdue => {
				p.active = 1;
				p.overdue = 1;
			},
			LoanStatus::Settled | LoanStatus::Closed { outcome: Closure::Settled, .. } => p.settled = 1,
			LoanStatus::Closed { outcome: Closure::WrittenOff, .. } => p.written_off = 1,
			LoanStatus::Rejected { .. } |
			LoanStatus::Cancelled { .. } |
			LoanStatus::Closed { outcome: Closure::Cancelled, .. } => {},
		}
		if status.is_disbursed() {
			p.outstanding = outstanding;
		}
		p
	}

	/// `self + other`, `None` on overflow.
	pub fn checked_add(&self, o: &Self) -> Option<Self> {
		Some(Self {
			pending: self.pending.checked_add(o.pending)?,
			active: self.active.checked_add(o.active)?,
			overdue: self.overdue.checked_add(o.overdue)?,
			settled: self.settled.checked_add(o.settled)?,
			written_off: self.written_off.checked_add(o.written_off)?,
			outstanding: self.outstanding.checked_add(o.outstanding)?,
		})
	}

	/// `self - other`, `None` on underflow.
	pub fn checked_sub(&self, o: &Self) -> Option<Self> {
		Some(Self {
			pending: self.pending.checked_sub(o.pending)?,
			active: self.active.checked_sub(o.active)?,
			overdue: self.overdue.checked_sub(o.overdue)?,
			settled: self.settled.checked_sub(o.settled)?,
			written_off: self.written_off.checked_sub(o.written_off)?,
			outstanding: self.outstanding.checked_sub(o.outstanding)?,
		})
	}
}
