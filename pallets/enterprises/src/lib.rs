//! # Enterprise registry pallet
//!
//! One-stop enterprise registration: an entrepreneur submits once, every department
//! whose service was requested reviews in parallel, and on approval the enterprise
//! gets its Unified Social Credit Code (USCC) and an electronic business licence
//! that every regulator sees at once.
//!
//! ## Overview
//!
//! - **Application.** Name, legal form, region (GB/T 2260), registered capital (fen),
//!   business scope (GB/T 4754 classes), the legal representative as a pseudonym,
//!   the hash of the materials bundle, and the services requested (the business
//!   licence always; seal engraving, tax registration, provident-fund and bank
//!   accounts as needed). Submitted by the applicant's account, or by an agency
//!   operator of the application's region for the applicant.
//! - **Parallel review.** The department holding each service's role in the
//!   application's region approves or rejects (reason code, optional document).
//!   Nobody waits for anybody; [`Pallet::pending_for`] lists what a department has
//!   left, a page at a time, from the [`OpenReviews`] index. One rejection rejects
//!   the application; its filer resubmits corrected materials (reviews restart) or
//!   withdraws.
//! - **Approval.** The last approval establishes the enterprise: the USCC is
//!   assigned (category from the legal form, the region, a 9-character organisation
//!   code with its GB 11714 check, and the GB 32100 check character computed in the
//!   runtime), and the market regulator that approved the business licence issues
//!   it through [`govchain_primitives::LicenseIssuer`], under the licence type it
//!   configured ([`Pallet::set_license_type`]). That regulator becomes the
//!   enterprise's registration authority.
//! - **Designated account.** An enterprise applied for by a plain account gets that
//!   account as the one acting for it ([`Enterprise::account`]); one filed at an
//!   agency's desk gets none until its authority sets one. The licences pallet reads
//!   it through [`govchain_primitives::EnterpriseLookup::account_of`] as the account
//!   acting for the enterprise as a licence holder.
//! - **Register.** Enterprises by USCC with status (active, abnormal, suspended,
//!   deregistered, revoked), versioned profiles ([`Versions`]) and a history of every
//!   change with who made it ([`History`]). Amendments go through the same review
//!   path. Deregistration cancels, and revocation revokes, every licence the
//!   enterprise holds, and frees the name.
//! - **Cross-region move.** The current regulator releases, the destination region's
//!   regulator accepts: same USCC and history, a new business licence from the new
//!   authority, the old one cancelled.
//! - **Way out of every stuck state.** Governance ([`Config::ForceOrigin`]) closes
//!   any open application or amendment, changes a status (ending the licences as the
//!   authority would), calls off a move, sets the designated account, or hands the
//!   enterprise to another market regulator of its region (e.g. when its authority
//!   was retired); each with a reason code, in the history or the application.
//!
//! ## Who may call what
//!
//! "Operator" means a signer that the agency origin accepts (an operator of an
//! active agency). A signer it refuses gets the agency registry's reason on calls
//! only agencies make (not an operator, agency suspended, agency retired); on calls
//! a plain account may also make, an operator of a suspended agency counts as a
//! plain account. An agency's region covers a region when it is that region or
//! contains it (province ⊃ prefecture ⊃ county).
//!
//! | Call | Who may | Where | Error for others |
//! |------|---------|-------|------------------|
//! | [`set_license_type`](Pallet::set_license_type) | an operator of a market regulator, for itself | the type must be one it may issue in its region | `RoleNotHeld`; the licences pallet's error |
//! | [`apply`](Pallet::apply) | any signed account (it becomes the designated account; it holds [`Config::ApplicationDeposit`] until the decision), or an operator for the applicant (no deposit) | an operator's agency region must cover the application's | `OutsideRegion`, a token error (no funds for the deposit) |
//! | [`apply_amendment`](Pallet::apply_amendment) | the enterprise's designated account, or an operator of its registration authority | new address within the authority's region | `NotAuthorized` (any other account), `OutsideRegion` (agency of another region), `NotAuthority` (other agency of the region), `RoleNotHeld` (authority lost the role), `MoveRequired` |
//! | [`review`](Pallet::review) | an operator of an agency holding the service's role; for an amendment's business licence only the enterprise's authority | agency region covers the application's | `RoleNotHeld`, `OutsideRegion`, `NotAuthority` |
//! | [`resubmit`](Pallet::resubmit), [`withdraw`](Pallet::withdraw) | whoever filed it: the same account, or an operator of the agency that filed it; resubmitting an amendment, the filer must still act for the enterprise | — | `NotSubmitter`; for the filing operator whose agency cannot act, the registry's reason; `NotAuthorized` / `NotAuthority` |
//! | [`set_status`](Pallet::set_status), [`deregister`](Pallet::deregister) | an operator of the registration authority, still a market regulator | its region covers the enterprise's | `OutsideRegion`, `NotAuthority`, `RoleNotHeld` |
//! | [`request_move`](Pallet::request_move), [`cancel_move`](Pallet::cancel_move) | an operator of the registration authority (which released the move) | as above | `OutsideRegion`, `NotAuthority`, `RoleNotHeld` |
//! | [`accept_move`](Pallet::accept_move) | an operator of a market regulator of the destination | its region covers the destination | `RoleNotHeld`, `OutsideRegion` |
//! | [`set_account`](Pallet::set_account) | the designated account (hand-over or give up); while there is none, an operator of the registration authority | authority's region covers the enterprise's | `NotAuthorized`, `AccountAlreadySet`, `OutsideRegion`, `NotAuthority`, `RoleNotHeld` |
//! | [`force_set_account`](Pallet::force_set_account), [`force_close_application`](Pallet::force_close_application), [`force_set_status`](Pallet::force_set_status), [`force_cancel_move`](Pallet::force_cancel_move), [`force_set_authority`](Pallet::force_set_authority) | governance ([`Config::ForceOrigin`]), with a reason code | `force_set_authority`: the new authority is a market regulator whose region covers the enterprise's | `BadOrigin`; `RoleNotHeld` / `OutsideRegion` for an unfit new authority |
//!
//! ## Calls
//!
//! For applicants (any signed account, or an agency operator on their behalf):
//! [`apply`](Pallet::apply), [`resubmit`](Pallet::resubmit),
//! [`withdraw`](Pallet::withdraw).
//!
//! For an enterprise's designated account or its authority:
//! [`apply_amendment`](Pallet::apply_amendment), [`set_account`](Pallet::set_account).
//!
//! For reviewing departments: [`review`](Pallet::review).
//!
//! For market regulators: [`set_license_type`](Pallet::set_license_type),
//! [`set_status`](Pallet::set_status), [`deregister`](Pallet::deregister),
//! [`request_move`](Pallet::request_move), [`accept_move`](Pallet::accept_move),
//! [`cancel_move`](Pallet::cancel_move).
//!
//! For governance: [`force_set_account`](Pallet::force_set_account),
//! [`force_close_application`](Pallet::force_close_application),
//! [`force_set_status`](Pallet::force_set_status),
//! [`force_cancel_move`](Pallet::force_cancel_move),
//! [`force_set_authority`](Pallet::force_set_authority).
//!
//! ## Time to licence
//!
//! `ApplicationSubmitted` and `EnterpriseEstablished` carry their blocks (the event's
//! block and `submitted_at`), so application → licence is measured in blocks from
//! events alone.
//!
//! ## Data privacy
//!
//! The materials stay with the agencies; the chain keeps their hash. The legal
//! representative is a pseudonym. Enterprise names, scopes and capital are public
//! register data by law; the designated account is a public key.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod features;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use govchain_primitives::{
	AgencyId, DocumentHash, LicenseId, LicenseTypeId, Pseudonym, ReasonCode, RegionCode, Role,
	Seconds, Uscc,
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
	use govchain_primitives::{AgencyRegistry, LicenseIssuer};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// An operator of an active agency; succeeds with `(agency, operator)`.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Governance (two thirds of the council, or root): force calls that repair
		/// stuck records.
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Regions, roles and status of agencies (the consortium).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// Issues and ends business licences, and ends every licence of an enterprise
		/// that leaves the register (the licences pallet).
		type Licenses: LicenseIssuer<Self::AccountId>;

		/// The block's time.
		type UnixTime: UnixTime;

		/// The native currency, to hold application deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from an applicant who files for itself (not through an agency desk)
		/// while its application is open, returned when it is approved, withdrawn or
		/// closed by governance. A rejected application keeps it until resubmitted
		/// and decided, or withdrawn.
		#[pallet::constant]
		type ApplicationDeposit: Get<BalanceOf<Self>>;

		/// Longest enterprise name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most industry classes in a business scope.
		#[pallet::constant]
		type MaxScopeCodes: Get<u32>;

		/// Most items a paged query of the runtime API returns at once.
		#[pallet::constant]
		type MaxPage: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates agencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next application gets.
	#[pallet::storage]
	pub type NextApplicationId<T> = StorageValue<_, ApplicationId, ValueQuery>;

	/// The deposit held for each application an applicant filed for itself, while it
	/// is undecided: who it is held from and how much.
	#[pallet::storage]
	pub type ApplicationDeposits<T: Config> =
		StorageMap<_, Twox64Concat, ApplicationId, (T::AccountId, BalanceOf<T>)>;

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An application an applicant filed for itself, until decided.
		#[codec(index = 0)]
		ApplicationDeposit,
	}

	/// Every application ever submitted. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, ApplicationId, ApplicationOf<T>>;

	/// Applications under review (exactly those with status `UnderReview`).
	#[pallet::storage]
	pub type OpenApplications<T> = StorageMap<_, Twox64Concat, ApplicationId, ()>;

	/// Reviews still to give: one entry per pending review, under its service and the
	/// application's [`review_path`] (province, prefecture, region), so that "my
	/// pending reviews" is one prefix per service an agency reviews (its
	/// [`ReviewScope`]), read a page at a time. An entry exists exactly while the
	/// application is under review and that service's review is pending (storage
	/// version 2; version 1 listed each review under up to three scopes, see
	/// [`crate::migrations::v2`]). Services and regions are chosen from short lists
	/// and ids are sequential: `Twox64Concat`.
	#[pallet::storage]
	pub type OpenReviews<T> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, Service>,
			NMapKey<Twox64Concat, RegionCode>,
			NMapKey<Twox64Concat, RegionCode>,
			NMapKey<Twox64Concat, RegionCode>,
			NMapKey<Twox64Concat, ApplicationId>,
		),
		(),
	>;

	/// The serial the next organisation code is built from.
	#[pallet::storage]
	pub type NextSerial<T> = StorageValue<_, u32, ValueQuery>;

	/// The register, by USCC. Codes come from applications: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Enterprises<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, EnterpriseOf<T>>;

	/// Names in use per region (an enterprise that is not deregistered or revoked).
	#[pallet::storage]
	pub type Names<T: Config> =
		StorageDoubleMap<_, Twox64Concat, RegionCode, Blake2_128Concat, NameOf<T>, Uscc>;

	/// Enterprises registered in each region (current registration), to list them.
	#[pallet::storage]
	pub type RegionEnterprises<T> =
		StorageDoubleMap<_, Twox64Concat, RegionCode, Blake2_128Concat, Uscc, ()>;

	/// Each enterprise's profile versions (0 = as established).
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u32, ProfileOf<T>>;

	/// Each enterprise's history, by sequence number.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Uscc, Twox64Concat, u32, ChangeEntryOf<T>>;

	/// The amendment under review for an enterprise (one at a time). A rejected
	/// amendment loses the mark, so it cannot hold the enterprise (deregistration,
	/// revocation, moves) while nobody resubmits it; resubmitting restores it.
	#[pallet::storage]
	pub type OpenAmendment<T> = StorageMap<_, Blake2_128Concat, Uscc, ApplicationId>;

	/// Moves released by the current regulator, awaiting the destination's acceptance.
	#[pallet::storage]
	pub type PendingMoves<T: Config> = StorageMap<_, Blake2_128Concat, Uscc, MoveRequestOf<T>>;

	/// The licence type each market regulator issues business licences under.
	#[pallet::storage]
	pub type LicenseTypeOf<T> = StorageMap<_, Twox64Concat, AgencyId, LicenseTypeId>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A market regulator chose the licence type of the business licences it issues.
		LicenseTypeSet { agency: AgencyId, license_type: LicenseTypeId },
		/// An application was submitted; `services` are reviewed in parallel.
		ApplicationSubmitted {
			id: ApplicationId,
			kind: ApplicationKind,
			submitter: T::AccountId,
			via_agency: Option<AgencyId>,
			region: RegionCode,
			services: ServicesOf,
		},
		/// A department approved its service.
		ReviewApproved { id: ApplicationId, service: Service, agency: AgencyId },
		/// A department rejected its service, and with it the application.
		ReviewRejected { id: ApplicationId, service: Service, agency: AgencyId, reason: ReasonCode },
		/// A rejected application was resubmitted with new materials; reviews restart.
		ApplicationResubmitted { id: ApplicationId, materials: DocumentHash, round: u32 },
		/// The applicant withdrew an application.
		ApplicationWithdrawn { id: ApplicationId },
		/// Governance closed an application under review or rejected (forced).
		ApplicationClosed { id: ApplicationId, reason: ReasonCode },
		/// Every review approved: the enterprise is on the register with its licence.
		/// `submitted_at` is the application's first submission block.
		EnterpriseEstablished {
			uscc: Uscc,
			application: ApplicationId,
			authority: AgencyId,
			license: LicenseId,
			submitted_at: BlockNumberFor<T>,
		},
		/// An amendment was approved: the profile has a new version.
		EnterpriseAmended { uscc: Uscc, application: ApplicationId, version: u32 },
		/// The registration authority changed an enterprise's status. When it ended
		/// the enterprise, `licenses_ended` licences it held were ended with it.
		StatusChanged {
			uscc: Uscc,
			status: EnterpriseStatus,
			reason: ReasonCode,
			agency: AgencyId,
			licenses_ended: u32,
		},
		/// Governance changed an enterprise's status (forced); as [`Event::StatusChanged`].
		StatusForced { uscc: Uscc, status: EnterpriseStatus, reason: ReasonCode, licenses_ended: u32 },
		/// The account designated to act for an enterprise changed; `actor` is the
		/// former account (hand-over), the registration authority, or governance.
		AccountSet { uscc: Uscc, account: Option<T::AccountId>, actor: ActorOf<T> },
		/// Governance made another market regulator the enterprise's authority (forced).
		AuthorityForced { uscc: Uscc, from: AgencyId, to: AgencyId, reason: ReasonCode },
		/// The current regulator released an enterprise to another region.
		MoveRequested { uscc: Uscc, from: RegionCode, to: RegionCode, agency: AgencyId },
		/// A released move was called off.
		MoveCancelled { uscc: Uscc, agency: AgencyId },
		/// Governance called off a released move (forced).
		MoveForceCancelled { uscc: Uscc, reason: ReasonCode },
		/// The destination regulator accepted: new region, new authority, new licence.
		EnterpriseMoved {
			uscc: Uscc,
			from: RegionCode,
			to: RegionCode,
			authority: AgencyId,
			license: LicenseId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name is empty.
		EmptyName,
		/// The region code is not a well-formed 6-digit GB/T 2260 code.
		MalformedRegion,
		/// The business scope is empty.
		EmptyScope,
		/// An industry code is not a GB/T 4754 class (`A`–`T` and four digits).
		MalformedIndustryCode,
		/// The business licence must be among the requested services.
		BusinessLicenseNotRequested,
		/// A service is requested twice.
		DuplicateService,
		/// Another enterprise of the region already has this name.
		NameTaken,
		/// No application has this id.
		UnknownApplication,
		/// The application is not under review (already decided or withdrawn).
		NotUnderReview,
		/// The application did not request this service.
		ServiceNotRequested,
		/// This service was already reviewed in this round.
		AlreadyReviewed,
		/// The acting agency does not hold the role this needs.
		RoleNotHeld,
		/// The acting agency's region does not cover the enterprise's or application's region.
		OutsideRegion,
		/// The approving market regulator has not set its business licence type.
		NoLicenseType,
		/// Only whoever filed the application (the same account, or an operator of the
		/// agency that filed it) may resubmit or withdraw it.
		NotSubmitter,
		/// Only a rejected application can be resubmitted.
		NotRejected,
		/// A resubmission must bring new materials.
		SameMaterials,
		/// The application was already decided, withdrawn or closed.
		AlreadyDecided,
		/// The USCC is malformed or its check character is wrong.
		MalformedUscc,
		/// No enterprise has this USCC.
		UnknownEnterprise,
		/// The enterprise has been deregistered or revoked.
		EnterpriseEnded,
		/// The enterprise already has an amendment under review.
		AmendmentOpen,
		/// The acting agency is not the enterprise's registration authority.
		NotAuthority,
		/// The signer is neither the enterprise's designated account nor an operator of
		/// its registration authority.
		NotAuthorized,
		/// The enterprise has a designated account: only that account hands it over
		/// (or governance changes it).
		AccountAlreadySet,
		/// The designated account is already this one.
		AccountUnchanged,
		/// The agency is already the enterprise's registration authority.
		AuthorityUnchanged,
		/// The new region lies outside the authority's region: use a cross-region move.
		MoveRequired,
		/// The target region is within the current authority's region: amend instead.
		NotAcrossRegions,
		/// The status cannot be set this way (use `deregister`, or it is unchanged).
		InvalidStatus,
		/// A move is already pending.
		MovePending,
		/// No move is pending for this enterprise.
		NoPendingMove,
		/// No more ids or organisation codes.
		Overflow,
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
		/// A market regulator chooses the licence type its business licences are issued
		/// under (an enterprise type it may issue).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_license_type())]
		pub fn set_license_type(origin: OriginFor<T>, license_type: LicenseTypeId) -> DispatchResult {
			let (agency, _) = Self::ensure_agency(origin)?;
			Self::do_set_license_type(agency, license_type)
		}

		/// Applies to establish an enterprise. Signed by the applicant (whose account
		/// becomes the enterprise's designated account), or by an agency operator of the
		/// application's region for the applicant (recorded as `via_agency`; no
		/// designated account until one is set).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::apply(scope.len() as u32, services.len() as u32))]
		pub fn apply(
			origin: OriginFor<T>,
			name: NameOf<T>,
			entity_type: EntityType,
			region: u32,
			capital: u128,
			scope: ScopeOf<T>,
			legal_rep: Pseudonym,
			materials: DocumentHash,
			services: ServicesOf,
		) -> DispatchResult {
			let (submitter, via) = Self::submitter(origin)?;
			let profile = Self::checked_profile(name, entity_type, region, capital, scope, legal_rep)?;
			Self::do_apply(submitter, via, ApplicationKind::Establish, profile, materials, services)
				.map(|_| ())
		}

		/// Applies to amend a registered enterprise's profile (name, scope, capital,
		/// legal representative, address region within the authority's region). Signed
		/// by the enterprise's designated account or an operator of its registration
		/// authority.
		#[pallet::call_index(2)]
		#[pallet::weight({
			let s = T::MaxScopeCodes::get();
			T::WeightInfo::apply_amendment(s).max(T::WeightInfo::apply_amendment_own(s))
		})]
		pub fn apply_amendment(
			origin: OriginFor<T>,
			uscc: Uscc,
			name: NameOf<T>,
			region: u32,
			capital: u128,
			scope: ScopeOf<T>,
			legal_rep: Pseudonym,
			materials: DocumentHash,
			services: ServicesOf,
		) -> DispatchResult {
			let e = Self::live_enterprise(&uscc)?;
			let (submitter, via) = match Self::acting_for(origin, &e)? {
				Actor::Agency { agency, by } => (by, Some(agency)),
				Actor::Account(who) => (who, None),
				Actor::Governance { .. } => return Err(Error::<T>::NotAuthorized.into()),
			};
			let profile = Self::checked_profile(
				name,
				e.profile.entity_type,
				region,
				capital,
				scope,
				legal_rep,
			)?;
			Self::do_apply(submitter, via, ApplicationKind::Amend(uscc), profile, materials, services)
				.map(|_| ())
		}

		/// A department approves or rejects the service it reviews. The last approval
		/// establishes (or amends) the enterprise and issues the business licence.
		/// Charged as the last approval of an amendment, refunded to the path taken.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::review_final(T::MaxScopeCodes::get()))]
		pub fn review(
			origin: OriginFor<T>,
			id: ApplicationId,
			service: Service,
			approve: bool,
			reason: ReasonCode,
			document: Option<DocumentHash>,
		) -> DispatchResultWithPostInfo {
			let (agency, operator) = Self::ensure_agency(origin)?;
			let finalised = Self::do_review(agency, operator, id, service, approve, reason, document)?;
			let weight = match finalised {
				Some((scope, true)) => T::WeightInfo::review_final(scope),
				Some((scope, false)) => T::WeightInfo::review_establish(scope),
				None if approve => T::WeightInfo::review_approve(),
				None => T::WeightInfo::review(),
			};
			Ok(Some(weight).into())
		}

		/// Whoever filed a rejected application resubmits it with corrected materials;
		/// every review restarts.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resubmit())]
		pub fn resubmit(origin: OriginFor<T>, id: ApplicationId, materials: DocumentHash) -> DispatchResult {
			Self::do_resubmit(origin, id, materials)
		}

		/// Whoever filed an application not yet approved withdraws it.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
			Self::do_withdraw(origin, id)
		}

		/// The registration authority lists an enterprise as abnormal, suspends,
		/// reinstates (`Active`) or revokes it. Revocation revokes every licence the
		/// enterprise holds.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_status().saturating_add(Pallet::<T>::end_all_max_weight()))]
		pub fn set_status(
			origin: OriginFor<T>,
			uscc: Uscc,
			status: EnterpriseStatus,
			reason: ReasonCode,
		) -> DispatchResultWithPostInfo {
			let (agency, operator) = Self::ensure_agency(origin)?;
			ensure!(status != EnterpriseStatus::Deregistered, Error::<T>::InvalidStatus);
			let ended = Self::do_set_status(agency, operator, uscc, status, reason)?;
			Ok(Some(Self::with_end_all(T::WeightInfo::set_status(), ended)).into())
		}

		/// The registration authority deregisters an enterprise: every licence it holds
		/// is cancelled and its name freed; its record and history stay.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::deregister().saturating_add(Pallet::<T>::end_all_max_weight()))]
		pub fn deregister(origin: OriginFor<T>, uscc: Uscc, reason: ReasonCode) -> DispatchResultWithPostInfo {
			let (agency, operator) = Self::ensure_agency(origin)?;
			let ended = Self::do_set_status(agency, operator, uscc, EnterpriseStatus::Deregistered, reason)?;
			Ok(Some(Self::with_end_all(T::WeightInfo::deregister(), ended)).into())
		}

		/// The registration authority releases an enterprise to region `to`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::request_move())]
		pub fn request_move(origin: OriginFor<T>, uscc: Uscc, to: u32) -> DispatchResult {
			let (agency, operator) = Self::ensure_agency(origin)?;
			Self::do_request_move(agency, operator, uscc, to)
		}

		/// A market regulator of the destination region accepts a released move and
		/// issues the new business licence (file hash `document`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::accept_move())]
		pub fn accept_move(origin: OriginFor<T>, uscc: Uscc, document: DocumentHash) -> DispatchResult {
			let (agency, operator) = Self::ensure_agency(origin)?;
			Self::do_accept_move(agency, operator, uscc, document)
		}

		/// The releasing authority calls off a pending move.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_move())]
		pub fn cancel_move(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let (agency, _) = Self::ensure_agency(origin)?;
			Self::do_cancel_move(agency, uscc)
		}

		/// Changes the account designated to act for an enterprise: signed by that
		/// account (a hand-over, or `None` to give it up), or — only while the
		/// enterprise has none — by an operator of its registration authority, which
		/// checked the applicant's identity off chain.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_account())]
		pub fn set_account(origin: OriginFor<T>, uscc: Uscc, account: Option<T::AccountId>) -> DispatchResult {
			let e = Self::live_enterprise(&uscc)?;
			let actor = Self::acting_for(origin, &e)?;
			if matches!(actor, Actor::Agency { .. }) {
				ensure!(e.account.is_none(), Error::<T>::AccountAlreadySet);
			}
			Self::do_set_account(uscc, e, account, actor)
		}

		/// Governance sets or clears an enterprise's designated account (forced; e.g.
		/// the key was lost), recorded with `reason`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::force_set_account())]
		pub fn force_set_account(
			origin: OriginFor<T>,
			uscc: Uscc,
			account: Option<T::AccountId>,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			let e = Self::live_enterprise(&uscc)?;
			Self::do_set_account(uscc, e, account, Actor::Governance { reason })
		}

		/// Governance closes an application or amendment that is under review or
		/// rejected (forced; e.g. its filer or reviewer is gone), recorded with `reason`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::force_close_application())]
		pub fn force_close_application(origin: OriginFor<T>, id: ApplicationId, reason: ReasonCode) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_close_application(id, reason)
		}

		/// Governance changes an enterprise's status (forced; e.g. its authority was
		/// retired), with the same effects as the authority's `set_status` /
		/// `deregister`: ending it ends every licence it holds (revoked on
		/// revocation, else cancelled), in the name of its recorded authority.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::force_set_status().saturating_add(Pallet::<T>::end_all_max_weight()))]
		pub fn force_set_status(
			origin: OriginFor<T>,
			uscc: Uscc,
			status: EnterpriseStatus,
			reason: ReasonCode,
		) -> DispatchResultWithPostInfo {
			T::ForceOrigin::ensure_origin(origin)?;
			let ended = Self::do_force_set_status(uscc, status, reason)?;
			Ok(Some(Self::with_end_all(T::WeightInfo::force_set_status(), ended)).into())
		}

		/// Governance calls off a pending move (forced; e.g. the releasing authority was
		/// retired and the destination does not accept), recorded with `reason`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::force_cancel_move())]
		pub fn force_cancel_move(origin: OriginFor<T>, uscc: Uscc, reason: ReasonCode) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_cancel_move(uscc, reason)
		}

		/// Governance makes `agency`, an active market regulator whose region covers
		/// the enterprise's, its registration authority (forced; e.g. the former one was
		/// retired or merged), recorded with `reason`. The business licence stays.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::force_set_authority())]
		pub fn force_set_authority(
			origin: OriginFor<T>,
			uscc: Uscc,
			agency: AgencyId,
			reason: ReasonCode,
		) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_set_authority(uscc, agency, reason)
		}
	}
}
