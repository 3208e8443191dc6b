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
//!   operator for the applicant.
//! - **Parallel review.** The department holding each service's role in the
//!   application's region approves or rejects (reason code, optional document).
//!   Nobody waits for anybody; [`Pallet::pending_for`] lists what a department has
//!   left. One rejection rejects the application; the applicant resubmits corrected
//!   materials (reviews restart) or withdraws.
//! - **Approval.** The last approval establishes the enterprise: the USCC is
//!   assigned (category from the legal form, the region, a 9-character organisation
//!   code with its GB 11714 check, and the GB 32100 check character computed in the
//!   runtime), and the market regulator that approved the business licence issues
//!   it through [`govchain_primitives::LicenseIssuer`], under the licence type it
//!   configured ([`Pallet::set_license_type`]).
//! - **Register.** Enterprises by USCC with status (active, abnormal, suspended,
//!   deregistered, revoked), versioned profiles ([`Versions`]) and a history of every
//!   change ([`History`]). Amendments go through the same review path.
//!   Deregistration cancels the business licence and frees the name.
//! - **Cross-region move.** The current regulator releases, the destination region's
//!   regulator accepts: same USCC and history, a new business licence from the new
//!   authority, the old one cancelled.
//!
//! ## Calls
//!
//! For applicants (any signed account, or an agency operator on their behalf):
//! [`apply`](Pallet::apply), [`apply_amendment`](Pallet::apply_amendment),
//! [`resubmit`](Pallet::resubmit), [`withdraw`](Pallet::withdraw).
//!
//! For reviewing departments: [`review`](Pallet::review).
//!
//! For market regulators: [`set_license_type`](Pallet::set_license_type),
//! [`set_status`](Pallet::set_status), [`deregister`](Pallet::deregister),
//! [`request_move`](Pallet::request_move), [`accept_move`](Pallet::accept_move),
//! [`cancel_move`](Pallet::cancel_move).
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
//! register data by law.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod features;
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
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_primitives::{AgencyRegistry, LicenseIssuer};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// An operator of an active agency; succeeds with `(agency, operator)`.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Regions, roles and status of agencies (the consortium).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// Issues and ends business licences (the licences pallet).
		type Licenses: LicenseIssuer<Self::AccountId>;

		/// The block's time.
		type UnixTime: UnixTime;

		/// Longest enterprise name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most industry classes in a business scope.
		#[pallet::constant]
		type MaxScopeCodes: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates agencies for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The id the next application gets.
	#[pallet::storage]
	pub type NextApplicationId<T> = StorageValue<_, ApplicationId, ValueQuery>;

	/// Every application ever submitted. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Applications<T: Config> = StorageMap<_, Twox64Concat, ApplicationId, ApplicationOf<T>>;

	/// Applications under review, to list what departments have pending.
	#[pallet::storage]
	pub type OpenApplications<T> = StorageMap<_, Twox64Concat, ApplicationId, ()>;

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

	/// The amendment application open for an enterprise (one at a time).
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
		/// The registration authority changed an enterprise's status.
		StatusChanged { uscc: Uscc, status: EnterpriseStatus, reason: ReasonCode, agency: AgencyId },
		/// The current regulator released an enterprise to another region.
		MoveRequested { uscc: Uscc, from: RegionCode, to: RegionCode, agency: AgencyId },
		/// A released move was called off.
		MoveCancelled { uscc: Uscc, agency: AgencyId },
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
		/// Only the submitter may resubmit or withdraw.
		NotSubmitter,
		/// Only a rejected application can be resubmitted.
		NotRejected,
		/// A resubmission must bring new materials.
		SameMaterials,
		/// The application was already decided or withdrawn.
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
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_license_type(agency, license_type)
		}

		/// Applies to establish an enterprise. Signed by the applicant, or by an agency
		/// operator for the applicant (recorded as `via_agency`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::apply(T::MaxScopeCodes::get()))]
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
		/// legal representative, address region within the authority's region).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::apply(T::MaxScopeCodes::get()))]
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
			let (submitter, via) = Self::submitter(origin)?;
			let e = Self::live_enterprise(&uscc)?;
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
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			let finalised = Self::do_review(agency, operator, id, service, approve, reason, document)?;
			let weight = match finalised {
				Some(scope) => T::WeightInfo::review_final(scope),
				None => T::WeightInfo::review(),
			};
			Ok(Some(weight).into())
		}

		/// The submitter resubmits a rejected application with corrected materials;
		/// every review restarts.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resubmit())]
		pub fn resubmit(origin: OriginFor<T>, id: ApplicationId, materials: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_resubmit(who, id, materials)
		}

		/// The submitter withdraws an application not yet approved.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, id)
		}

		/// The registration authority lists an enterprise as abnormal, suspends,
		/// reinstates (`Active`) or revokes it (revocation also revokes its licence).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_status())]
		pub fn set_status(
			origin: OriginFor<T>,
			uscc: Uscc,
			status: EnterpriseStatus,
			reason: ReasonCode,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_status(agency, operator, uscc, status, reason)
		}

		/// The registration authority deregisters an enterprise: its business licence
		/// is cancelled and its name freed; its record and history stay.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::deregister())]
		pub fn deregister(origin: OriginFor<T>, uscc: Uscc, reason: ReasonCode) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_set_status(agency, operator, uscc, EnterpriseStatus::Deregistered, reason)
		}

		/// The registration authority releases an enterprise to region `to`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::request_move())]
		pub fn request_move(origin: OriginFor<T>, uscc: Uscc, to: u32) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_request_move(agency, operator, uscc, to)
		}

		/// A market regulator of the destination region accepts a released move and
		/// issues the new business licence (file hash `document`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::accept_move())]
		pub fn accept_move(origin: OriginFor<T>, uscc: Uscc, document: DocumentHash) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_accept_move(agency, operator, uscc, document)
		}

		/// The releasing authority calls off a pending move.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::cancel_move())]
		pub fn cancel_move(origin: OriginFor<T>, uscc: Uscc) -> DispatchResult {
			let (agency, _) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_cancel_move(agency, uscc)
		}
	}
}
