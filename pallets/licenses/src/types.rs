//! Types of the licences pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{
	AgencyId, DocumentHash, HolderRef, LicenseId, LicenseTypeId, ReasonCode, RegionCode, Role,
	Seconds,
};
use scale_info::TypeInfo;

use crate::Config;

/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// An amount of the native currency (deposits).
pub type BalanceOf<T> = <<T as Config>::Currency as frame_support::traits::fungible::Inspect<
	AccountIdOf<T>,
>>::Balance;
/// Who holds a licence: an enterprise (USCC), a person (pseudonym) or an account.
pub type HolderOf<T> = HolderRef<AccountIdOf<T>>;
/// A licence type's short code (e.g. `CQ-LAWYER-PRACTICE`), unique across the chain.
pub type TypeCodeOf<T> = BoundedVec<u8, <T as Config>::MaxCodeLength>;
/// A licence type's display name, UTF-8.
pub type TypeNameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// The purpose a licence is used for (e.g. `tender-qualification`), UTF-8.
pub type PurposeOf<T> = BoundedVec<u8, <T as Config>::MaxPurposeLength>;
/// A licence type as stored.
pub type LicenseTypeOf<T> = LicenseType<TypeCodeOf<T>, TypeNameOf<T>, BlockNumberFor<T>>;
/// A licence as stored.
pub type LicenseOf<T> = License<AccountIdOf<T>, BlockNumberFor<T>>;
/// One entry of a licence's management record.
pub type ChangeRecordOf<T> = ChangeRecord<AccountIdOf<T>, BlockNumberFor<T>>;
/// A holder's authorisation for a verifier agency.
pub type ConsentOf<T> = Consent<PurposeOf<T>, BlockNumberFor<T>>;
/// One entry of a licence's usage record.
pub type UsageEntryOf<T> = UsageEntry<AccountIdOf<T>, PurposeOf<T>, BlockNumberFor<T>>;
/// A mutual-recognition declaration between two licence types.
pub type RecognitionOf<T> = Recognition<BlockNumberFor<T>>;
/// One licence of a batch issuance.
pub type BatchItemOf<T> = BatchItem<AccountIdOf<T>>;
/// A batch of licences issued in one call.
pub type BatchOf<T> = BoundedVec<BatchItemOf<T>, <T as Config>::MaxBatchIssue>;
/// The live (active or suspended) licences of one holder.
pub type LiveLicensesOf<T> = BoundedVec<LicenseId, <T as Config>::MaxLivePerHolder>;
/// The authorisations of one licence that may still be in force: `(index, deadline)`.
pub type LiveConsentsOf<T> = BoundedVec<(u32, Seconds), <T as Config>::MaxConsentsPerLicense>;

/// Which kind of holder a licence type is issued to.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum HolderKind {
	/// An enterprise, by USCC (e.g. business licence, food business licence).
	Enterprise,
	/// A natural person, by pseudonym (e.g. lawyer's practice licence).
	Person,
	/// An on-chain account.
	Account,
}

impl HolderKind {
	/// The kind of `holder`.
	pub fn of<A>(holder: &HolderRef<A>) -> Self {
		match holder {
			HolderRef::Enterprise(_) => Self::Enterprise,
			HolderRef::Person(_) => Self::Person,
			HolderRef::Account(_) => Self::Account,
		}
	}
}

/// Whether new licences of a type may be issued.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum TypeStatus {
	/// Licences of this type are issued.
	Active,
	/// No new issuance; licences already issued are unaffected.
	Retired,
}

/// A licence type in the catalogue.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct LicenseType<Code, Name, BlockNumber> {
	/// Short code, unique across the chain.
	pub code: Code,
	/// Display name.
	pub name: Name,
	/// Where the type applies: the defining authority's region or a part of it.
	pub region: RegionCode,
	/// Who may hold a licence of this type.
	pub holder_kind: HolderKind,
	/// The role an agency needs to issue it (`LicenseIssuer`, or `MarketRegulator` for
	/// business licences).
	pub issuer_role: Role,
	/// Validity applied when an issuance names no end, in seconds; `None`: no end.
	pub default_validity: Option<Seconds>,
	/// Hash of the field schema a licence file of this type follows.
	pub schema_hash: DocumentHash,
	/// Hash of the template the licence file is rendered from.
	pub template_hash: DocumentHash,
	/// The agency that defined the type; it retires the type and speaks for it in
	/// mutual recognition.
	pub authority: AgencyId,
	/// Active or retired.
	pub status: TypeStatus,
	/// Block the type was defined in.
	pub defined_at: BlockNumber,
	/// Recognition declarations (pending or confirmed) this type takes part in.
	pub recognitions: u32,
}

/// Where a licence stands. Expiry is not a status: it follows from `valid_until` and
/// the current time, and needs no transaction.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum LicenseStatus {
	/// In force (if within its validity period).
	Active,
	/// Temporarily not in force; can be reinstated.
	Suspended,
	/// Withdrawn by the authority; final.
	Revoked,
	/// Ended at the holder's request (or because the holder ceased to exist); final.
	Cancelled,
	/// Replaced by a renewed licence; final.
	Superseded,
}

impl LicenseStatus {
	/// Whether no further change is possible.
	pub fn is_final(&self) -> bool {
		matches!(self, Self::Revoked | Self::Cancelled | Self::Superseded)
	}
}

/// An electronic licence. Kept small (about 120 bytes): a provincial store migrates
/// well over a hundred million of them. Its history, consents and uses live in
/// separate maps, counted here.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct License<AccountId, BlockNumber> {
	/// Its type in the catalogue.
	pub license_type: LicenseTypeId,
	/// Who holds it.
	pub holder: HolderRef<AccountId>,
	/// The agency that issued it.
	pub issuer: AgencyId,
	/// Hash of the licence file (OFD/PDF) the issuer keeps.
	pub content: DocumentHash,
	/// Start of validity (Unix seconds).
	pub valid_from: Seconds,
	/// End of validity (exclusive, Unix seconds); `None`: indefinite.
	pub valid_until: Option<Seconds>,
	/// Where it stands.
	pub status: LicenseStatus,
	/// Block it was issued in.
	pub issued_at: BlockNumber,
	/// Entries in its management record ([`crate::History`]).
	pub changes: u32,
	/// Authorisations its holder has given ([`crate::Consents`]).
	pub consents: u32,
	/// Entries in its usage record ([`crate::Usage`]).
	pub uses: u32,
	/// Issued by the enterprise register through [`govchain_primitives::LicenseIssuer`]
	/// (a business licence): it is suspended, renewed, cancelled or revoked only
	/// through the register, never by a direct call of this pallet.
	pub managed_by_register: bool,
}

/// A management action on a licence after its issuance.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Action {
	/// Suspended by the authority.
	Suspended,
	/// Suspension lifted.
	Reinstated,
	/// Revoked by the authority (final).
	Revoked,
	/// Cancelled at the holder's request (final).
	Cancelled,
	/// Superseded by a renewed licence (final).
	Renewed {
		/// The licence that replaces it.
		successor: LicenseId,
	},
}

impl Action {
	/// The status a licence has after this action.
	pub fn resulting_status(&self) -> LicenseStatus {
		match self {
			Self::Suspended => LicenseStatus::Suspended,
			Self::Reinstated => LicenseStatus::Active,
			Self::Revoked => LicenseStatus::Revoked,
			Self::Cancelled => LicenseStatus::Cancelled,
			Self::Renewed { .. } => LicenseStatus::Superseded,
		}
	}
}

/// One entry of a licence's management record: who, which agency, when, what, why.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct ChangeRecord<AccountId, BlockNumber> {
	/// What happened.
	pub action: Action,
	/// Why, as a code of the shared reason list.
	pub reason: ReasonCode,
	/// Hash of the decision or legal provision relied on, if any.
	pub legal_basis: Option<DocumentHash>,
	/// The acting agency; `None` when the holder acted or governance forced it.
	pub agency: Option<AgencyId>,
	/// The account that signed; `None` when governance forced it (a council motion
	/// or root has no signer).
	pub by: Option<AccountId>,
	/// Forced by governance (`ForceOrigin`), outside the ordinary rules.
	pub forced: bool,
	/// Block of the change.
	pub block: BlockNumber,
	/// Time of the change (Unix seconds).
	pub time: Seconds,
}

/// A holder's authorisation for a verifier agency to use a licence.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Consent<Purpose, BlockNumber> {
	/// The agency allowed to use the licence.
	pub verifier: AgencyId,
	/// What for.
	pub purpose: Purpose,
	/// Deadline (exclusive, Unix seconds).
	pub until: Seconds,
	/// Block it was given in.
	pub granted_at: BlockNumber,
	/// Block the holder withdrew it in, if withdrawn.
	pub revoked_at: Option<BlockNumber>,
}

/// On what authority a use was recorded.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum UseBasis {
	/// The holder's authorisation with this index in [`crate::Consents`].
	Consent(u32),
	/// A management use by the issuing agency or the type's authority; no consent needed.
	Management,
}

/// One use of a licence.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct UsageEntry<AccountId, Purpose, BlockNumber> {
	/// The agency that used it.
	pub verifier: AgencyId,
	/// The operator who recorded the use.
	pub operator: AccountId,
	/// What for.
	pub purpose: Purpose,
	/// Hash of the verifier's business record (case file, tender, application).
	pub business_ref: DocumentHash,
	/// Consent or management.
	pub basis: UseBasis,
	/// Block of the use.
	pub block: BlockNumber,
	/// Time of the use (Unix seconds).
	pub time: Seconds,
}

/// "Type `accepting` (region A) accepts type `accepted` (region B)": declared by A's
/// authority, in force once B's authority confirms.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Recognition<BlockNumber> {
	/// The agency that declared it (authority of the accepting type).
	pub declared_by: AgencyId,
	/// Block of the declaration.
	pub declared_at: BlockNumber,
	/// The confirming agency (authority of the accepted type) and block, once confirmed.
	pub confirmed: Option<(AgencyId, BlockNumber)>,
}

/// One licence of a batch issuance (migration of an existing certificate store).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct BatchItem<AccountId> {
	/// Who holds it.
	pub holder: HolderRef<AccountId>,
	/// Hash of the licence file.
	pub content: DocumentHash,
	/// Start of validity.
	pub valid_from: Seconds,
	/// End of validity; `None`: the type's default validity.
	pub valid_until: Option<Seconds>,
}

/// Why a licence is not valid at the time asked about.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum InvalidReason {
	/// No licence has this id.
	Unknown,
	/// Its validity had not started.
	NotYetValid,
	/// Its validity had ended.
	Expired,
	/// It was suspended.
	Suspended,
	/// It was revoked.
	Revoked,
	/// It was cancelled.
	Cancelled,
	/// A renewed licence replaced it.
	Superseded,
}

/// The answer to "is this licence valid for use in region R at time t?".
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Verdict {
	/// Valid, and region R accepts it: its own type applies there (`via: None`), or a
	/// confirmed recognition by type `via` of region R does.
	ValidRecognised {
		/// The type of region R that recognises it, if it is not R's own.
		via: Option<LicenseTypeId>,
	},
	/// Valid, but region R neither issues nor recognises its type.
	ValidNotRecognised,
	/// Not valid at that time.
	Invalid {
		/// Why.
		reason: InvalidReason,
	},
}

/// Who applies a change to a licence; decides how the management record names it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum Actor<AccountId> {
	/// An operator (the account) of an agency.
	Agency(AgencyId, AccountId),
	/// The account acting for the holder.
	Holder(AccountId),
	/// Governance (`ForceOrigin`): no agency, no signer.
	Governance,
}

impl<AccountId> Actor<AccountId> {
	/// The agency, the signer and whether it was forced, as the record keeps them.
	pub(crate) fn into_parts(self) -> (Option<AgencyId>, Option<AccountId>, bool) {
		match self {
			Self::Agency(agency, by) => (Some(agency), Some(by), false),
			Self::Holder(by) => (None, Some(by), false),
			Self::Governance => (None, None, true),
		}
	}
}
