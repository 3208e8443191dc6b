//! Types of the enterprise registry.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{
	AgencyId, DocumentHash, LicenseId, Pseudonym, ReasonCode, RegionCode, Role, Seconds, Uscc,
};
use scale_info::TypeInfo;

use crate::Config;

/// Identifier of an application (sequential).
pub type ApplicationId = u64;
/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// An amount of the native currency (deposits).
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	AccountIdOf<T>,
>>::Balance;
/// An enterprise name, UTF-8, unique within its registration region.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// The business scope: industry classes (GB/T 4754).
pub type ScopeOf<T> = BoundedVec<IndustryCode, <T as Config>::MaxScopeCodes>;
/// The services an application requests, each with its review.
pub type ReviewsOf<T> = BoundedVec<(Service, Review<AccountIdOf<T>, BlockNumberFor<T>>), ConstServices>;
/// The services requested, as submitted.
pub type ServicesOf = BoundedVec<Service, ConstServices>;
/// What an enterprise is registered as.
pub type ProfileOf<T> = Profile<NameOf<T>, ScopeOf<T>>;
/// An application as stored.
pub type ApplicationOf<T> = Application<AccountIdOf<T>, ProfileOf<T>, ReviewsOf<T>, BlockNumberFor<T>>;
/// An enterprise as stored.
pub type EnterpriseOf<T> = Enterprise<AccountIdOf<T>, ProfileOf<T>, BlockNumberFor<T>>;
/// One entry of an enterprise's history.
pub type ChangeEntryOf<T> = ChangeEntry<AccountIdOf<T>, BlockNumberFor<T>>;
/// What changed on an enterprise.
pub type ChangeOf<T> = Change<AccountIdOf<T>>;
/// Who made a change.
pub type ActorOf<T> = Actor<AccountIdOf<T>>;
/// A pending cross-region move.
pub type MoveRequestOf<T> = MoveRequest<AccountIdOf<T>, BlockNumberFor<T>>;

/// As many services as the catalogue lists.
pub type ConstServices = frame_support::traits::ConstU32<{ Service::ALL.len() as u32 }>;

/// An industry class of GB/T 4754: a section letter `A`–`T` and four digits
/// (e.g. `C1311`, `I6510`), ASCII.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct IndustryCode(pub [u8; 5]);

impl IndustryCode {
	/// Whether the code is a section letter `A`–`T` followed by four digits.
	pub fn is_valid(&self) -> bool {
		(b'A'..=b'T').contains(&self.0[0]) && self.0[1..].iter().all(u8::is_ascii_digit)
	}
}

/// The legal form of an enterprise; it decides the USCC's category character.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum EntityType {
	/// Limited liability company.
	LimitedCompany,
	/// Company limited by shares.
	JointStockCompany,
	/// Sole proprietorship (individual business).
	SoleProprietorship,
	/// Partnership.
	Partnership,
	/// Branch of an enterprise.
	Branch,
	/// Farmers' specialised cooperative.
	FarmersCooperative,
}

impl EntityType {
	/// The USCC's second character (category under the market regulation authority):
	/// `1` enterprise, `2` individual business, `3` farmers' cooperative.
	pub fn uscc_category(&self) -> u8 {
		match self {
			Self::SoleProprietorship => b'2',
			Self::FarmersCooperative => b'3',
			_ => b'1',
		}
	}
}

/// A service an application can request; each is reviewed by the department that
/// holds its role in the application's region. Adding a service is a runtime upgrade.
#[derive(
	Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Service {
	/// Registration and business licence (market regulator). Always requested.
	BusinessLicense,
	/// Official seal engraving (public security).
	SealEngraving,
	/// Tax registration (tax authority).
	TaxRegistration,
	/// Housing provident fund employer account (fund centre).
	ProvidentFundAccount,
	/// Basic bank account (commissioned bank).
	BankAccount,
}

impl Service {
	/// Every service of the catalogue.
	pub const ALL: [Service; 5] = [
		Self::BusinessLicense,
		Self::SealEngraving,
		Self::TaxRegistration,
		Self::ProvidentFundAccount,
		Self::BankAccount,
	];

	/// The role of the department that reviews it.
	pub fn role(&self) -> Role {
		match self {
			Self::BusinessLicense => Role::MarketRegulator,
			Self::SealEngraving => Role::SealAuthority,
			Self::TaxRegistration => Role::TaxAuthority,
			Self::ProvidentFundAccount => Role::FundCenter,
			Self::BankAccount => Role::Bank,
		}
	}
}

/// What an enterprise is registered as; an amendment submits a new one.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Profile<Name, Scope> {
	/// Registered name.
	pub name: Name,
	/// Legal form.
	pub entity_type: EntityType,
	/// Registration (and address) region, GB/T 2260.
	pub region: RegionCode,
	/// Registered capital in fen (1/100 yuan).
	pub capital: u128,
	/// Business scope.
	pub scope: Scope,
	/// The legal representative, as a pseudonym (never a name or ID number).
	pub legal_rep: Pseudonym,
}

/// One department's review of one requested service.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Review<AccountId, BlockNumber> {
	/// Not reviewed yet.
	Pending,
	/// Approved.
	Approved {
		/// The reviewing department.
		agency: AgencyId,
		/// Its operator.
		by: AccountId,
		/// A document it produced (for the business licence: the licence file).
		document: Option<DocumentHash>,
		/// Block of the decision.
		block: BlockNumber,
	},
	/// Rejected.
	Rejected {
		/// The reviewing department.
		agency: AgencyId,
		/// Its operator.
		by: AccountId,
		/// Why, as a code of the shared reason list.
		reason: ReasonCode,
		/// The written decision, if any.
		document: Option<DocumentHash>,
		/// Block of the decision.
		block: BlockNumber,
	},
}

/// What an application asks for.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum ApplicationKind {
	/// Establish a new enterprise.
	Establish,
	/// Amend a registered enterprise's profile.
	Amend(Uscc),
}

/// Where an application stands.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum ApplicationStatus {
	/// Reviews are running.
	UnderReview,
	/// A department rejected it; the applicant may resubmit or withdraw.
	Rejected,
	/// Every review approved; the enterprise was established or amended.
	Approved(Uscc),
	/// The applicant withdrew it.
	Withdrawn,
	/// Governance closed it (`force_close_application`), with the reason code.
	Closed(ReasonCode),
}

/// An application (establishment or amendment) with its parallel reviews.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Application<AccountId, Profile, Reviews, BlockNumber> {
	/// Establishment or amendment.
	pub kind: ApplicationKind,
	/// The account that submitted it (the applicant, or an operator for them).
	pub submitter: AccountId,
	/// The agency whose operator submitted it for the applicant, if any.
	pub via_agency: Option<AgencyId>,
	/// The profile applied for.
	pub profile: Profile,
	/// Hash of the materials bundle.
	pub materials: DocumentHash,
	/// Each requested service and its review.
	pub reviews: Reviews,
	/// Where it stands.
	pub status: ApplicationStatus,
	/// Block of the first submission.
	pub submitted_at: BlockNumber,
	/// Block of the latest (re)submission; reviews restart from here.
	pub round_started_at: BlockNumber,
	/// Submissions so far (1 + resubmissions).
	pub rounds: u32,
	/// Block of the final decision, once decided.
	pub decided_at: Option<BlockNumber>,
}

/// Where an enterprise stands on the register.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum EnterpriseStatus {
	/// Operating.
	Active,
	/// Listed as abnormal in operation (e.g. unreachable at its address).
	Abnormal,
	/// Business suspended.
	Suspended,
	/// Deregistered (final); its licences were cancelled.
	Deregistered,
	/// Business licence revoked (final).
	Revoked,
}

impl EnterpriseStatus {
	/// Whether the enterprise has left the register for good.
	pub fn is_final(&self) -> bool {
		matches!(self, Self::Deregistered | Self::Revoked)
	}
}

/// An enterprise on the register.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Enterprise<AccountId, Profile, BlockNumber> {
	/// Its current profile (version `version` in [`crate::Versions`]).
	pub profile: Profile,
	/// The market regulator it is registered with.
	pub authority: AgencyId,
	/// The account designated to act for it (file amendments, hold its licences'
	/// consents): the applicant's account when the application was signed by a
	/// plain account, none when an agency operator filed it. Changed with
	/// `set_account` / `force_set_account`.
	pub account: Option<AccountId>,
	/// Where it stands.
	pub status: EnterpriseStatus,
	/// Block it was established in.
	pub established_block: BlockNumber,
	/// Time it was established (Unix seconds).
	pub established_time: Seconds,
	/// Its current business licence (in the licences pallet).
	pub license: LicenseId,
	/// Current profile version (0 at establishment, +1 per amendment).
	pub version: u32,
	/// Entries in its history ([`crate::History`]).
	pub changes: u32,
}

/// What changed on an enterprise.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Change<AccountId> {
	/// Established by an approved application, with a business licence.
	Established {
		/// The application.
		application: ApplicationId,
		/// The business licence.
		license: LicenseId,
	},
	/// Profile amended by an approved application.
	Amended {
		/// The application.
		application: ApplicationId,
		/// The new profile version.
		version: u32,
	},
	/// Status changed by the registration authority.
	StatusChanged {
		/// The new status.
		status: EnterpriseStatus,
		/// Why.
		reason: ReasonCode,
	},
	/// Registration moved to another region's regulator; a new business licence was issued.
	Moved {
		/// Region before.
		from: RegionCode,
		/// Region after.
		to: RegionCode,
		/// The licence issued by the new authority.
		license: LicenseId,
	},
	/// The designated account changed (`None`: no account acts for it any more).
	AccountSet {
		/// The new account.
		account: Option<AccountId>,
	},
	/// Governance made another market regulator of the region the registration
	/// authority (e.g. the former one was retired); the business licence stays.
	AuthorityChanged {
		/// The authority before.
		from: AgencyId,
		/// The authority after.
		to: AgencyId,
	},
}

/// Who made a change on the register.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Actor<AccountId> {
	/// An operator of an agency.
	Agency {
		/// The agency.
		agency: AgencyId,
		/// Its operator who signed.
		by: AccountId,
	},
	/// The enterprise's designated account.
	Account(AccountId),
	/// Governance, through a force call, with the reason code.
	Governance {
		/// Why.
		reason: ReasonCode,
	},
}

/// One entry of an enterprise's history.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ChangeEntry<AccountId, BlockNumber> {
	/// What changed.
	pub change: Change<AccountId>,
	/// Who decided it.
	pub actor: Actor<AccountId>,
	/// Block of the change.
	pub block: BlockNumber,
	/// Time of the change (Unix seconds).
	pub time: Seconds,
}

/// A cross-region move released by the current regulator, awaiting the destination's.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct MoveRequest<AccountId, BlockNumber> {
	/// Destination region.
	pub to: RegionCode,
	/// The releasing regulator.
	pub from_agency: AgencyId,
	/// Its operator (who will be recorded as cancelling the old licence).
	pub by: AccountId,
	/// Block of the release.
	pub block: BlockNumber,
}

/// What the benchmarks need from a runtime: agencies, and a business licence type a
/// market regulator may issue (the licences pallet defines it in the real runtime).
pub trait BenchmarkHelper<AccountId> {
	/// Admits a fresh active agency in `region` holding `roles`; its id and an operator.
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, AccountId);
	/// Defines an enterprise licence type that `agency` (acting through `operator`)
	/// may issue in its region; returns its id.
	fn business_license_type(agency: AgencyId, operator: &AccountId) -> govchain_primitives::LicenseTypeId;
}

/// Where a pending review of an application in `region` is listed in
/// [`crate::OpenReviews`], after its service: the region's province, its prefecture
/// (the province itself for a code directly under it) and the code itself.
///
/// An agency whose home region is `h` covers `region` exactly when its
/// [`ReviewScope`] is a prefix of this path, so one entry per pending review serves
/// the agencies of all three levels.
pub fn review_path(region: RegionCode) -> (RegionCode, RegionCode, RegionCode) {
	let province = region.province();
	let prefecture = RegionCode::new(region.get() / 100 * 100).unwrap_or(province);
	(province, prefecture, region)
}

/// The part of [`review_path`] an agency's home region fixes: the prefix of
/// [`crate::OpenReviews`] (after the service) that lists the reviews it covers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReviewScope {
	/// A province-level home: every application of the province.
	Province(RegionCode),
	/// A prefecture-level home: the applications of its counties and its own.
	Prefecture(RegionCode, RegionCode),
	/// Any other home: the applications of that code alone.
	County(RegionCode, RegionCode, RegionCode),
}

impl ReviewScope {
	/// The scope of an agency whose home region is `home`.
	pub fn of(home: RegionCode) -> Self {
		let (province, prefecture, code) = review_path(home);
		if home == province {
			Self::Province(province)
		} else if home == prefecture {
			Self::Prefecture(province, prefecture)
		} else {
			Self::County(province, prefecture, code)
		}
	}
}
