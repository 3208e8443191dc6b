//! # Licences pallet
//!
//! Electronic certificates and licences (lawyers' practice licences, food business
//! licences, business licences, …) with their management record, their usage record
//! under the holder's consent, and mutual recognition between regions.
//!
//! ## Overview
//!
//! - **Catalogue.** An issuing authority (an agency holding `LicenseIssuer`, or
//!   `MarketRegulator` for business licences) defines licence types: code, name,
//!   region scope, holder kind, issuing role, default validity, and the hashes of
//!   the field schema and template. A retired type is no longer issued; its
//!   licences stay as they are.
//! - **Issuance.** Any active agency holding a type's issuing role whose region lies
//!   within the type's scope issues licences of it, one at a time or in bounded
//!   batches (to migrate existing certificate stores). Ids are sequential.
//! - **Lifecycle.** Active ⇄ suspended; revoked, cancelled and superseded (by a
//!   renewal, linked both ways) are final; expiry follows from `valid_until` and the
//!   block time and needs no transaction. Every change after issuance is kept in the
//!   licence's management record ([`History`]): action, reason code, legal basis,
//!   agency, signer, block and time.
//! - **Usage with consent.** The holder's account (an account holder itself, the
//!   account the enterprise register records for a registered enterprise, or the
//!   account an issuing agency designated for any other holder) authorises
//!   a verifier agency for a purpose until a deadline; each use the verifier records
//!   names that authorisation and lands in the usage record ([`Usage`]). Uses by the
//!   issuing agency or the type's authority are management uses: no consent, still
//!   recorded. The holder can withdraw an authorisation at any time.
//! - **Mutual recognition.** Region A's authority declares that its type X accepts
//!   region B's type Y; it takes effect when B's authority confirms, and either side
//!   can withdraw it. [`Pallet::verify`] answers "valid and recognised in region R",
//!   "valid but not recognised", or "invalid, because …".
//!
//! ## Calls
//!
//! For issuing authorities (`AgencyOrigin` with the right role):
//! [`define_type`](Pallet::define_type), [`retire_type`](Pallet::retire_type),
//! [`issue`](Pallet::issue), [`issue_batch`](Pallet::issue_batch),
//! [`suspend`](Pallet::suspend), [`reinstate`](Pallet::reinstate),
//! [`revoke`](Pallet::revoke), [`renew`](Pallet::renew),
//! [`set_holder_account`](Pallet::set_holder_account),
//! [`declare_recognition`](Pallet::declare_recognition),
//! [`confirm_recognition`](Pallet::confirm_recognition),
//! [`withdraw_recognition`](Pallet::withdraw_recognition).
//!
//! For holders (their account): [`grant_consent`](Pallet::grant_consent),
//! [`revoke_consent`](Pallet::revoke_consent), [`cancel`](Pallet::cancel) (the
//! issuing agency may also cancel on the holder's request),
//! [`hand_over_holder_account`](Pallet::hand_over_holder_account).
//!
//! For verifiers (any agency's operator): [`record_use`](Pallet::record_use).
//!
//! For governance (`ForceOrigin`): [`force_change`](Pallet::force_change),
//! [`force_set_holder_account`](Pallet::force_set_holder_account).
//!
//! Other pallets issue and end licences through
//! [`govchain_primitives::LicenseIssuer`], which this pallet implements: the
//! enterprise register issues business licences with it, and those licences are
//! *managed by the register* ([`License::managed_by_register`]): no direct
//! `suspend`, `reinstate`, `revoke`, `renew` or `cancel` (nor `force_change`) touches
//! them; the register ends them with the trait's `cancel`, `revoke` or `end_all`
//! (which ends every live licence of a holder, whoever issued it). Consents and uses
//! work on them as on any licence.
//!
//! ## Who may call what
//!
//! "Issuer" is the agency that issued the licence, "authority" the agency that
//! defined its type; both must still hold the type's issuing role (else
//! `RoleNotHeld`). An agency's region never changes, and a type's scope lies within
//! its authority's region and covers its issuers' regions, so these rules keep every
//! agency to its region's records. A suspended agency's operators are refused by
//! `AgencyOrigin` (`BadOrigin`); so is anyone who signs for no agency.
//!
//! | Call | Who may | Region / jurisdiction | Error for others |
//! |------|---------|-----------------------|------------------|
//! | `define_type` | an agency holding the chosen issuing role (`LicenseIssuer` or `MarketRegulator`) | the type's scope within the agency's region | `RoleNotHeld`, `InvalidIssuerRole`, `OutsideRegion` |
//! | `retire_type` | the type's authority | its own type | `NotTypeAuthority`, `RoleNotHeld` |
//! | `issue`, `issue_batch` | an agency holding the type's issuing role | its region within the type's scope | `RoleNotHeld`, `OutsideRegion` |
//! | `suspend`, `revoke` | issuer or authority | their licences; not register-managed | `NotIssuer`, `RoleNotHeld`, `ManagedByRegister` |
//! | `reinstate` | the agency that imposed the suspension, or the authority over the issuer's suspension | as `suspend`; a forced suspension: governance only | `NotIssuer`, `SuspendedByOther`, `ManagedByRegister` |
//! | `renew` | issuer or authority (a suspended licence: as `reinstate`) | as `issue` | `NotIssuer`, `SuspendedByOther`, `ManagedByRegister`, `OutsideRegion` |
//! | `cancel` | issuer or authority (the holder's request), or the holder's account | as `suspend` | `NotIssuer` (another agency), `NotHolder` (anyone else), `ManagedByRegister` |
//! | `set_holder_account` | an agency that issued the holder a live licence, once per province | its own holders, for its province's licences; not account holders, not registered enterprises | `NotHoldersIssuer`, `RoleNotHeld`, `AccountAlreadySet`, `AccountHolder`, `ManagedByRegister` |
//! | `hand_over_holder_account` | the account acting for the holder in that province | the province named | `NotHolder`, `AccountHolder`, `ManagedByRegister`, `MalformedRegion` |
//! | `grant_consent`, `revoke_consent` | the account acting for the holder on the licence's province; a grant holds [`Config::ConsentDeposit`] from it until revoked (revoking an expired consent or one of an ended licence returns it) | any active agency as verifier | `NotHolder`, a token error (no funds for the deposit) |
//! | `record_use` with a consent | the agency the consent names | — | `ConsentForOtherAgency` |
//! | `record_use` without | issuer or authority (a management use) | as `suspend` | `ConsentRequired`, `RoleNotHeld` |
//! | `declare_recognition` | authority of the accepting type | its own type | `NotTypeAuthority`, `RoleNotHeld` |
//! | `confirm_recognition` | authority of the accepted type | its own type | `NotTypeAuthority`, `RoleNotHeld` |
//! | `withdraw_recognition` | authority of either type | its own type | `NotTypeAuthority`, `RoleNotHeld` |
//! | `force_change`, `force_set_holder_account` | governance (`ForceOrigin`) | any record; not register-managed ones | `BadOrigin`, `ManagedByRegister` |
//!
//! The account acting for a holder: an account holder is itself; an enterprise on the
//! register acts through the account the register records ([`Config::Enterprises`],
//! read through, never stored here); any other enterprise or person through the
//! account an issuer designated once ([`HolderAccounts`]), which that account hands
//! over or governance replaces. Such an account is designated per province and acts
//! only on the licences of that province (a licence's province is that of its type's
//! scope), so an issuer of one region cannot capture the account acting for a holder
//! on another region's licences by issuing the holder a licence of its own.
//!
//! ## Bounds
//!
//! A holder holds at most [`Config::MaxLivePerHolder`] live licences
//! ([`LiveLicenses`], `TooManyLicenses` beyond), so ending them all is bounded; a
//! licence has at most [`Config::MaxConsentsPerLicense`] authorisations in force
//! ([`LiveConsents`], `TooManyConsents` beyond). Every list the runtime API returns is
//! one page of at most [`Config::MaxPage`] entries. [`Pallet::verify`] finds a
//! licence's status at a past time by binary search over its management record,
//! whose entries are in time order.
//!
//! ## Data privacy
//!
//! The licence file stays with the issuer; the chain keeps its hash. A person is a
//! pseudonym, an enterprise its USCC. Purposes and business references are short
//! codes and hashes, never case contents. All state is replicated to every node of
//! the consortium, so nothing here may be more than what another agency needs to
//! rely on a licence.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use govchain_primitives::{
	AgencyId, DocumentHash, LicenseId, LicenseTypeId, ReasonCode, RegionCode, Role, Seconds,
};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;
	use govchain_primitives::{AgencyRegistry, EnterpriseLookup};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// An operator of an active agency; succeeds with `(agency, operator)`. Roles
		/// are checked per call through [`Config::Agencies`], so each missing role
		/// gets its own error.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Regions, roles and status of agencies (the consortium).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// The enterprise register: whether an enterprise is registered, and the account
		/// that acts for it (read through, never stored here).
		type Enterprises: EnterpriseLookup<Self::AccountId>;

		/// Governance (two thirds of the council, or root): force calls that repair stuck
		/// records.
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The block's time, to derive expiry and check deadlines.
		type UnixTime: UnixTime;

		/// The native currency, to hold consent deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from the holder's account for each authorisation it grants (a write any
		/// holder's account can make), returned when the authorisation is withdrawn —
		/// also after it expired or the licence ended.
		#[pallet::constant]
		type ConsentDeposit: Get<BalanceOf<Self>>;

		/// Longest licence type code, in bytes.
		#[pallet::constant]
		type MaxCodeLength: Get<u32>;

		/// Longest licence type name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Longest usage purpose, in bytes.
		#[pallet::constant]
		type MaxPurposeLength: Get<u32>;

		/// Most licences one `issue_batch` call issues.
		#[pallet::constant]
		type MaxBatchIssue: Get<u32>;

		/// Most recognition declarations one licence type takes part in.
		#[pallet::constant]
		type MaxRecognitionsPerType: Get<u32>;

		/// Most live (active or suspended) licences one holder holds at once; bounds
		/// ending them all when the holder itself ends.
		#[pallet::constant]
		type MaxLivePerHolder: Get<u32>;

		/// Most authorisations of one licence that are in force at once (neither
		/// withdrawn nor past their deadline).
		#[pallet::constant]
		type MaxConsentsPerLicense: Get<u32>;

		/// Most entries one page of a runtime API query returns.
		#[pallet::constant]
		type MaxPage: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates agencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: govchain_primitives::AgencyBenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A holder's authorisation of a verifier, until withdrawn.
		#[codec(index = 0)]
		ConsentDeposit,
	}

	/// The id the next licence type gets.
	#[pallet::storage]
	pub type NextTypeId<T> = StorageValue<_, LicenseTypeId, ValueQuery>;

	/// The licence catalogue. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Types<T: Config> = StorageMap<_, Twox64Concat, LicenseTypeId, LicenseTypeOf<T>>;

	/// Licence types by code. Codes are chosen by agencies: `Blake2_128Concat`.
	#[pallet::storage]
	pub type TypeByCode<T: Config> = StorageMap<_, Blake2_128Concat, TypeCodeOf<T>, LicenseTypeId>;

	/// The id the next licence gets.
	#[pallet::storage]
	pub type NextLicenseId<T> = StorageValue<_, LicenseId, ValueQuery>;

	/// Licences. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Licenses<T: Config> = StorageMap<_, Twox64Concat, LicenseId, LicenseOf<T>>;

	/// Each holder's ended licences (revoked, cancelled or superseded), to list them with
	/// the live ones of [`LiveLicenses`]. A licence enters it when it ends, so issuing one
	/// writes no entry here (storage version 2; version 1 indexed every licence here,
	/// [`crate::migrations::v2`]). Holders are user-chosen: `Blake2_128Concat`.
	#[pallet::storage]
	pub type EndedLicenses<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, HolderOf<T>, Twox64Concat, LicenseId, ()>;

	/// Each holder's live (active or suspended) licences, at most
	/// [`Config::MaxLivePerHolder`]; no entry for a holder with none. Holders are
	/// user-chosen: `Blake2_128Concat`.
	#[pallet::storage]
	pub type LiveLicenses<T: Config> =
		StorageMap<_, Blake2_128Concat, HolderOf<T>, LiveLicensesOf<T>, ValueQuery>;

	/// The account that acts for a person holder, or an enterprise holder that is not
	/// on the enterprise register (consents, cancellation), on the licences of one
	/// province (keyed by the province-level code): set once by an agency of that
	/// province that issued the holder a live licence, then handed over by that
	/// account or replaced by governance. A registered enterprise acts through the
	/// account the register records ([`Config::Enterprises`]); an account holder acts
	/// itself.
	#[pallet::storage]
	pub type HolderAccounts<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, HolderOf<T>, Twox64Concat, RegionCode, T::AccountId>;

	/// Each licence's management record, by licence and sequence number (0, 1, …).
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LicenseId, Twox64Concat, u32, ChangeRecordOf<T>>;

	/// Authorisations given by each licence's holder, by licence and index.
	#[pallet::storage]
	pub type Consents<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LicenseId, Twox64Concat, u32, ConsentOf<T>>;

	/// The deposit held for each authorisation not yet withdrawn: who it is held from
	/// (the account that granted it) and how much.
	#[pallet::storage]
	pub type ConsentDeposits<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		LicenseId,
		Twox64Concat,
		u32,
		(T::AccountId, BalanceOf<T>),
	>;

	/// The authorisations of each live licence that may still be in force, with their
	/// deadlines: at most [`Config::MaxConsentsPerLicense`]. Entries past their deadline
	/// are dropped at the next grant; the entry goes when the licence ends.
	#[pallet::storage]
	pub type LiveConsents<T: Config> =
		StorageMap<_, Twox64Concat, LicenseId, LiveConsentsOf<T>, ValueQuery>;

	/// Each licence's usage record, by licence and sequence number.
	#[pallet::storage]
	pub type Usage<T: Config> =
		StorageDoubleMap<_, Twox64Concat, LicenseId, Twox64Concat, u32, UsageEntryOf<T>>;

	/// The licence that superseded each renewed licence.
	#[pallet::storage]
	pub type Successor<T> = StorageMap<_, Twox64Concat, LicenseId, LicenseId>;

	/// The licence each renewal replaced.
	#[pallet::storage]
	pub type Predecessor<T> = StorageMap<_, Twox64Concat, LicenseId, LicenseId>;

	/// Recognition declarations, keyed by (accepted type, accepting type) so that a
	/// verification finds every type that accepts a licence's type by prefix.
	#[pallet::storage]
	pub type Recognitions<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		LicenseTypeId,
		Twox64Concat,
		LicenseTypeId,
		RecognitionOf<T>,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A licence type was added to the catalogue.
		TypeDefined {
			license_type: LicenseTypeId,
			code: TypeCodeOf<T>,
			region: RegionCode,
			authority: AgencyId,
		},
		/// A licence type is no longer issued.
		TypeRetired { license_type: LicenseTypeId, authority: AgencyId },
		/// A licence was issued.
		LicenseIssued {
			id: LicenseId,
			license_type: LicenseTypeId,
			holder: HolderOf<T>,
			issuer: AgencyId,
			operator: T::AccountId,
			content: DocumentHash,
			valid_from: Seconds,
			valid_until: Option<Seconds>,
		},
		/// A licence's status changed; `seq` indexes its management record. `agency` is
		/// `None` when the holder acted or governance forced it; `by` is `None` (and
		/// `forced` true) when governance forced it.
		LicenseChanged {
			id: LicenseId,
			seq: u32,
			action: Action,
			reason: ReasonCode,
			agency: Option<AgencyId>,
			by: Option<T::AccountId>,
			forced: bool,
		},
		/// A renewed licence replaced `old`.
		LicenseRenewed { old: LicenseId, new: LicenseId, issuer: AgencyId },
		/// An agency that issued the holder a live licence designated its first account
		/// for the licences of the agency's `province`.
		HolderAccountSet { holder: HolderOf<T>, province: RegionCode, account: T::AccountId, by_agency: AgencyId },
		/// The account acting for a holder in `province` handed over to another account.
		HolderAccountHandedOver { holder: HolderOf<T>, province: RegionCode, from: T::AccountId, to: T::AccountId },
		/// Governance set (or with `None` cleared) the account acting for a holder in
		/// `province`.
		HolderAccountForceSet {
			holder: HolderOf<T>,
			province: RegionCode,
			account: Option<T::AccountId>,
			reason: ReasonCode,
		},
		/// A holder authorised `verifier` to use a licence.
		ConsentGranted {
			id: LicenseId,
			consent: u32,
			verifier: AgencyId,
			purpose: PurposeOf<T>,
			until: Seconds,
		},
		/// A holder withdrew an authorisation.
		ConsentRevoked { id: LicenseId, consent: u32, verifier: AgencyId },
		/// A verifier used a licence; `seq` indexes its usage record.
		LicenseUsed {
			id: LicenseId,
			seq: u32,
			verifier: AgencyId,
			purpose: PurposeOf<T>,
			basis: UseBasis,
		},
		/// Type `accepting`'s authority declared it accepts type `accepted`.
		RecognitionDeclared { accepting: LicenseTypeId, accepted: LicenseTypeId, by: AgencyId },
		/// Type `accepted`'s authority confirmed: the recognition is in force.
		RecognitionConfirmed { accepting: LicenseTypeId, accepted: LicenseTypeId, by: AgencyId },
		/// A recognition (pending or in force) was withdrawn.
		RecognitionWithdrawn { accepting: LicenseTypeId, accepted: LicenseTypeId, by: AgencyId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No licence type has this id.
		UnknownType,
		/// The licence type is retired: no new issuance or recognition.
		TypeRetired,
		/// Another licence type already has this code.
		CodeTaken,
		/// The code or name is empty.
		EmptyField,
		/// The region code is not a well-formed 6-digit GB/T 2260 code.
		MalformedRegion,
		/// The region lies outside the acting agency's region (or the type's scope).
		OutsideRegion,
		/// Licence types are issued under `LicenseIssuer` or `MarketRegulator` only.
		InvalidIssuerRole,
		/// The acting agency does not hold the role this needs.
		RoleNotHeld,
		/// The acting agency is not the licence type's authority.
		NotTypeAuthority,
		/// The holder is not of the kind the licence type is issued to.
		HolderKindMismatch,
		/// The validity period ends before it starts (or overflows).
		InvalidValidity,
		/// The batch holds no licence.
		EmptyBatch,
		/// No licence has this id.
		UnknownLicense,
		/// The holder's USCC is malformed or its check character is wrong.
		MalformedUscc,
		/// The acting agency neither issued the licence nor is its type's authority.
		NotIssuer,
		/// Only an active licence can be suspended, renewed or used.
		NotActive,
		/// Only a suspended licence can be reinstated.
		NotSuspended,
		/// A revoked licence can never be reinstated.
		LicenseRevoked,
		/// The licence has ended (revoked, cancelled or superseded): no further change.
		LicenseEnded,
		/// The licence is outside its validity period.
		LicenseNotValid,
		/// The signer is not the account acting for the licence's holder.
		NotHolder,
		/// An account holder acts for itself; no account can be designated for it.
		AccountHolder,
		/// The verifier is not an active agency.
		UnknownVerifier,
		/// The deadline has already passed.
		DeadlineInPast,
		/// No authorisation has this index.
		UnknownConsent,
		/// The authorisation was given to another agency.
		ConsentForOtherAgency,
		/// The authorisation was withdrawn.
		ConsentRevoked,
		/// The authorisation's deadline has passed.
		ConsentExpired,
		/// The use's purpose is not the one authorised.
		PurposeMismatch,
		/// A use by an agency other than the issuer needs the holder's authorisation.
		ConsentRequired,
		/// A type cannot recognise itself.
		SameType,
		/// This recognition is already declared.
		RecognitionExists,
		/// No such recognition is declared.
		UnknownRecognition,
		/// The recognition is already in force.
		AlreadyConfirmed,
		/// A licence type takes part in as many recognitions as allowed.
		TooManyRecognitions,
		/// An id or counter would overflow.
		Overflow,
		/// The licence was issued by the enterprise register (or the holder is a
		/// registered enterprise): it is managed through the register only.
		ManagedByRegister,
		/// The holder holds as many live licences as allowed.
		TooManyLicenses,
		/// The licence has as many authorisations in force as allowed.
		TooManyConsents,
		/// The acting agency issued the holder no live licence.
		NotHoldersIssuer,
		/// The holder already has an account; it hands over, or governance replaces it.
		AccountAlreadySet,
		/// The suspension was imposed by another agency (or by governance); only it, its
		/// superior (the type's authority over an issuer) or governance lifts it.
		SuspendedByOther,
		/// A renewal cannot be forced (governance suspends, reinstates, revokes or
		/// cancels).
		NotForceable,
		/// The new account is the current one.
		SameAccount,
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
		/// Adds a licence type to the catalogue, with the acting agency as its authority.
		///
		/// `region` must lie within the agency's region; the agency must hold
		/// `issuer_role` (`LicenseIssuer` or `MarketRegulator`).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::define_type())]
		pub fn define_type(
			origin: OriginFor<T>,
			code: TypeCodeOf<T>,
			name: TypeNameOf<T>,
			region: u32,
			holder_kind: HolderKind,
			issuer_role: Role,
			default_validity: Option<Seconds>,
			schema_hash: DocumentHash,
			template_hash: DocumentHash,
		) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_define_type(
				agency,
				code,
				name,
				region,
				holder_kind,
				issuer_role,
				default_validity,
				schema_hash,
				template_hash,
			)
			.map(|_| ())
		}

		/// Stops issuance of a type; its licences are unaffected. By the type's authority.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::retire_type())]
		pub fn retire_type(origin: OriginFor<T>, license_type: LicenseTypeId) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_retire_type(agency, license_type)
		}

		/// Issues a licence of `license_type` to `holder`. Without `valid_until`, the
		/// type's default validity applies (none: indefinite).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::issue())]
		pub fn issue(
			origin: OriginFor<T>,
			license_type: LicenseTypeId,
			holder: HolderOf<T>,
			content: DocumentHash,
			valid_from: Seconds,
			valid_until: Option<Seconds>,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			let item = BatchItem { holder, content, valid_from, valid_until };
			Self::do_issue(agency, &operator, license_type, item, false).map(|_| ())
		}

		/// Issues a batch of licences of one type (migration of an existing store).
		/// All or nothing: one bad item refuses the batch.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::issue_batch(T::MaxBatchIssue::get()))]
		pub fn issue_batch(
			origin: OriginFor<T>,
			license_type: LicenseTypeId,
			items: BatchOf<T>,
		) -> DispatchResultWithPostInfo {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			let n = items.len() as u32;
			Self::do_issue_batch(agency, &operator, license_type, items)?;
			Ok(Some(T::WeightInfo::issue_batch(n)).into())
		}

		/// Suspends an active licence. By its issuer or its type's authority (holding the
		/// type's issuing role); not a licence the enterprise register manages.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::suspend())]
		pub fn suspend(
			origin: OriginFor<T>,
			id: LicenseId,
			reason: ReasonCode,
			legal_basis: Option<DocumentHash>,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_manage(agency, operator, id, Action::Suspended, reason, legal_basis)
		}

		/// Lifts a suspension. By the agency that imposed it, or the type's authority
		/// over a suspension the issuer imposed (a forced one: governance only, through
		/// [`Pallet::force_change`]); not a licence the enterprise register manages.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(
			origin: OriginFor<T>,
			id: LicenseId,
			reason: ReasonCode,
			legal_basis: Option<DocumentHash>,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_manage(agency, operator, id, Action::Reinstated, reason, legal_basis)
		}

		/// Revokes a licence for good. By its issuer or its type's authority; not a
		/// licence the enterprise register manages.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			id: LicenseId,
			reason: ReasonCode,
			legal_basis: Option<DocumentHash>,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_manage(agency, operator, id, Action::Revoked, reason, legal_basis)
		}

		/// Cancels a licence at the holder's request (final). Signed by the holder's
		/// account, or by an operator of the issuing agency (or the type's authority)
		/// recording the request; not a licence the enterprise register manages.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: LicenseId, reason: ReasonCode) -> DispatchResult {
			Self::do_cancel_by(origin, id, reason)
		}

		/// Replaces an active (or suspended) licence with a new one (new file, new
		/// validity); the old one is superseded and both are linked. By its issuer or
		/// its type's authority; a suspended licence only by whoever may lift the
		/// suspension; not a licence the enterprise register manages.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(
			origin: OriginFor<T>,
			id: LicenseId,
			content: DocumentHash,
			valid_from: Seconds,
			valid_until: Option<Seconds>,
			reason: ReasonCode,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_renew(agency, operator, id, content, valid_from, valid_until, reason).map(|_| ())
		}

		/// Designates the first account that acts for a person holder, or an enterprise
		/// holder not on the enterprise register, on the licences of the agency's
		/// province. By an agency that issued the holder a live licence (and still holds
		/// that type's issuing role), having checked the holder's identity off chain;
		/// only while the holder has no account in that province.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_holder_account())]
		pub fn set_holder_account(
			origin: OriginFor<T>,
			holder: HolderOf<T>,
			account: T::AccountId,
		) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_holder_account(agency, holder, account)
		}

		/// The holder authorises `verifier` to use licence `id` for `purpose` until
		/// `until` (Unix seconds, exclusive).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::grant_consent())]
		pub fn grant_consent(
			origin: OriginFor<T>,
			id: LicenseId,
			verifier: AgencyId,
			purpose: PurposeOf<T>,
			until: Seconds,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_grant_consent(who, id, verifier, purpose, until).map(|_| ())
		}

		/// The holder withdraws authorisation `consent` of licence `id`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::revoke_consent())]
		pub fn revoke_consent(origin: OriginFor<T>, id: LicenseId, consent: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_consent(who, id, consent)
		}

		/// A verifier agency records a use of licence `id`. With `consent`, the holder's
		/// authorisation of that index must be for this agency and purpose and still in
		/// force, and the licence valid; without, the agency must be the issuer or the
		/// type's authority (a management use).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::record_use())]
		pub fn record_use(
			origin: OriginFor<T>,
			id: LicenseId,
			purpose: PurposeOf<T>,
			business_ref: DocumentHash,
			consent: Option<u32>,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_record_use(agency, operator, id, purpose, business_ref, consent).map(|_| ())
		}

		/// The authority of type `accepting` declares it accepts type `accepted`
		/// (of another region). In force once `accepted`'s authority confirms.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::declare_recognition())]
		pub fn declare_recognition(
			origin: OriginFor<T>,
			accepting: LicenseTypeId,
			accepted: LicenseTypeId,
		) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_declare_recognition(agency, accepting, accepted)
		}

		/// The authority of type `accepted` confirms a declared recognition.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::confirm_recognition())]
		pub fn confirm_recognition(
			origin: OriginFor<T>,
			accepting: LicenseTypeId,
			accepted: LicenseTypeId,
		) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_confirm_recognition(agency, accepting, accepted)
		}

		/// Either side's authority withdraws a recognition, pending or in force.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::withdraw_recognition())]
		pub fn withdraw_recognition(
			origin: OriginFor<T>,
			accepting: LicenseTypeId,
			accepted: LicenseTypeId,
		) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_withdraw_recognition(agency, accepting, accepted)
		}

		/// The account acting for `holder` in the province of `region` hands over to
		/// account `new` (its consent to being replaced). Not for account holders or
		/// registered enterprises.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::hand_over_holder_account())]
		pub fn hand_over_holder_account(
			origin: OriginFor<T>,
			holder: HolderOf<T>,
			region: u32,
			new: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_hand_over_holder_account(who, holder, region, new)
		}

		/// Governance sets (or with `None` clears) the account acting for a person
		/// holder or an enterprise holder not on the register in the province of
		/// `region` — e.g. the account was lost.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::force_set_holder_account())]
		pub fn force_set_holder_account(
			origin: OriginFor<T>,
			holder: HolderOf<T>,
			region: u32,
			account: Option<T::AccountId>,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_set_holder_account(holder, region, account, reason)
		}

		/// Governance suspends, reinstates, revokes or cancels licence `id` whoever
		/// suspended it (e.g. the suspending agency left); recorded as forced, with
		/// `reason`. Not for licences the enterprise register manages.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::force_change())]
		pub fn force_change(
			origin: OriginFor<T>,
			id: LicenseId,
			action: Action,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_change(id, action, reason)
		}
	}
}
