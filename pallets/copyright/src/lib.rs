//! # Copyright pallet
//!
//! A public deposit and verification service for works (text, music, images, film,
//! software, …), with rights transfers and licences, and a judicial freeze whose
//! record a court can check on its own.
//!
//! ## Overview
//!
//! - **Deposit.** An author or company deposits a work by its content hash (the
//!   file never goes on chain) with title, category, authors, rights holder, nature
//!   of creation, completion date and first publication. The block's timestamp is
//!   the deposit time. The first deposit of a hash wins: a second one is refused
//!   ([`Error::AlreadyDeposited`]) and [`Pallet::work`] tells who holds it. Archives
//!   deposit in bounded batches.
//! - **Registration.** The copyright office grants a registration number or declines.
//! - **Rights.** The work's controller (the account acting for the holder) transfers
//!   rights under a contract — all rights change the holder, listed rights are
//!   recorded as assigned — and grants licences (exclusive or not, rights,
//!   territory, term). A licence overlapping an exclusive one (same right, place and
//!   time) is refused.
//! - **Judicial.** A court freezes a work (transfers and licences refused), attaches
//!   evidence, may order a transfer by ruling while it is frozen, and unfreezes it.
//! - **Evidence.** Every event on a work records its block, the block's parent hash,
//!   the extrinsic index and the time; [`Pallet::evidence`] returns them in order,
//!   so a court can fetch those blocks from any node and check each extrinsic
//!   itself, without trusting the node that answered.
//!
//! ## Calls
//!
//! For anyone (authors, companies, archives): [`deposit`](Pallet::deposit),
//! [`deposit_batch`](Pallet::deposit_batch).
//! For a work's controller: [`transfer`](Pallet::transfer),
//! [`grant_licence`](Pallet::grant_licence).
//! For the copyright office: [`register`](Pallet::register), [`decline`](Pallet::decline).
//! For courts: [`freeze`](Pallet::freeze), [`attach_evidence`](Pallet::attach_evidence),
//! [`rule_transfer`](Pallet::rule_transfer), [`unfreeze`](Pallet::unfreeze).
//!
//! ## Data privacy
//!
//! Works are content hashes; a natural person (author, holder, licensee) is a
//! pseudonym, an enterprise its USCC (checked against the enterprise register).
//! Contracts, case files and rulings are hashes of documents the parties and the
//! court keep.

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

pub use govchain_primitives::{AgencyId, DocumentHash, ReasonCode, RegionCode, Role, Seconds};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use govchain_primitives::{AgencyRegistry, EnterpriseLookup};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// An operator of an active agency; succeeds with `(agency, operator)`.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Roles of agencies (copyright office, court).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// The enterprise register, to accept only registered enterprises as parties.
		type Enterprises: EnterpriseLookup;

		/// The block's time.
		type UnixTime: UnixTime;

		/// Longest title, in bytes.
		#[pallet::constant]
		type MaxTitleLength: Get<u32>;

		/// Most authors of one work.
		#[pallet::constant]
		type MaxAuthors: Get<u32>;

		/// Most works in one `deposit_batch`.
		#[pallet::constant]
		type MaxBatchDeposit: Get<u32>;

		/// Most licences granted on one work.
		#[pallet::constant]
		type MaxGrantsPerWork: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up agencies and enterprises for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Works by content hash. Hashes are user-supplied: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Works<T: Config> = StorageMap<_, Blake2_128Concat, DocumentHash, WorkOf<T>>;

	/// Each work's history, by sequence number (0 = the deposit).
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DocumentHash, Twox64Concat, u32, WorkEventOf<T>>;

	/// Licences granted on each work, by index.
	#[pallet::storage]
	pub type Grants<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DocumentHash, Twox64Concat, u32, GrantOf<T>>;

	/// Works of each holder, to list them.
	#[pallet::storage]
	pub type HolderWorks<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, HolderOf<T>, Blake2_128Concat, DocumentHash, ()>;

	/// The number the next registration gets.
	#[pallet::storage]
	pub type NextRegistration<T> = StorageValue<_, u64, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A work was deposited; `time` is the trusted deposit time.
		WorkDeposited { content: DocumentHash, holder: HolderOf<T>, depositor: T::AccountId, time: Seconds },
		/// The copyright office registered a work.
		WorkRegistered { content: DocumentHash, number: u64, office: AgencyId },
		/// The copyright office declined a registration.
		RegistrationDeclined { content: DocumentHash, office: AgencyId, reason: ReasonCode },
		/// Rights were transferred.
		RightsTransferred { content: DocumentHash, from: HolderOf<T>, to: HolderOf<T>, rights: Rights },
		/// A licence was granted.
		LicenceGranted { content: DocumentHash, grant: u32, licensee: HolderOf<T>, exclusive: bool },
		/// A court froze a work.
		WorkFrozen { content: DocumentHash, court: AgencyId, case: DocumentHash },
		/// A court attached evidence.
		EvidenceAttached { content: DocumentHash, court: AgencyId, evidence: DocumentHash },
		/// A court's ruling transferred the rights.
		RulingTransferred { content: DocumentHash, court: AgencyId, from: HolderOf<T>, to: HolderOf<T> },
		/// A court unfroze a work.
		WorkUnfrozen { content: DocumentHash, court: AgencyId, ruling: DocumentHash },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// This content hash is already deposited; `work(hash)` tells who holds it.
		AlreadyDeposited,
		/// The batch deposits the same hash twice.
		DuplicateInBatch,
		/// The batch is empty.
		EmptyBatch,
		/// The title is empty.
		EmptyTitle,
		/// A work needs at least one author.
		NoAuthors,
		/// A USCC is malformed or its check character is wrong.
		MalformedUscc,
		/// The enterprise is not on the register.
		UnknownEnterprise,
		/// A region code is not a well-formed GB/T 2260 code.
		MalformedRegion,
		/// No work has this content hash.
		UnknownWork,
		/// The signer is not the work's controller.
		NotController,
		/// The acting agency is not a copyright office.
		NotOffice,
		/// The registration was already decided.
		AlreadyDecided,
		/// The acting agency is not a court.
		NotCourt,
		/// The work is frozen by a court.
		Frozen,
		/// The work is not frozen.
		NotFrozen,
		/// Another court froze the work.
		OtherCourt,
		/// The rights set is empty or names unknown rights.
		InvalidRights,
		/// The new holder is the current one.
		SameHolder,
		/// The licence term ends before it starts.
		InvalidTerm,
		/// The licence overlaps an exclusive licence (same right, place and time).
		OverlappingExclusive,
		/// The work has as many licences as allowed.
		TooManyGrants,
		/// A counter would overflow.
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
		/// Deposits a work by its content hash; the signer becomes its controller.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::deposit())]
		pub fn deposit(
			origin: OriginFor<T>,
			content: DocumentHash,
			title: TitleOf<T>,
			category: Category,
			nature: Nature,
			authors: AuthorsOf<T>,
			holder: HolderOf<T>,
			completed: Seconds,
			publication: Option<Publication>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let d = Deposit { content, title, category, nature, authors, holder, completed, publication };
			Self::check_deposit(&d)?;
			Self::insert_work(who, d)
		}

		/// Deposits a batch of works (an archive); all or nothing.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::deposit_batch(T::MaxBatchDeposit::get()))]
		pub fn deposit_batch(origin: OriginFor<T>, items: BatchOf<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let n = items.len() as u32;
			Self::do_deposit_batch(who, items)?;
			Ok(Some(T::WeightInfo::deposit_batch(n)).into())
		}

		/// The copyright office registers a deposited work under the next number.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, content: DocumentHash) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide(agency, operator, content, None)
		}

		/// The copyright office declines to register a deposited work.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::decline())]
		pub fn decline(origin: OriginFor<T>, content: DocumentHash, reason: ReasonCode) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide(agency, operator, content, Some(reason))
		}

		/// The controller transfers `rights` to `to` under `contract`. All rights: `to`
		/// becomes the holder and `new_controller` its controller; listed rights: the
		/// assignment is recorded and the holder keeps the rest.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			content: DocumentHash,
			to: HolderOf<T>,
			new_controller: T::AccountId,
			rights: Rights,
			contract: DocumentHash,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(who, content, to, new_controller, rights, contract)
		}

		/// The controller grants a licence. `territory` is a GB/T 2260 code (`None`:
		/// nationwide); the term runs from `from` to `until` (exclusive).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::grant_licence(T::MaxGrantsPerWork::get()))]
		pub fn grant_licence(
			origin: OriginFor<T>,
			content: DocumentHash,
			licensee: HolderOf<T>,
			exclusive: bool,
			rights: Rights,
			territory: Option<u32>,
			from: Seconds,
			until: Seconds,
			contract: DocumentHash,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let existing = Self::do_grant_licence(
				who, content, licensee, exclusive, rights, territory, from, until, contract,
			)?;
			Ok(Some(T::WeightInfo::grant_licence(existing)).into())
		}

		/// A court freezes a work: no transfer or licence until it is unfrozen.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, content: DocumentHash, case: DocumentHash) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_freeze(agency, operator, content, case)
		}

		/// A court attaches an evidence hash to a work's record.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::attach_evidence())]
		pub fn attach_evidence(
			origin: OriginFor<T>,
			content: DocumentHash,
			evidence: DocumentHash,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_attach_evidence(agency, operator, content, evidence)
		}

		/// The court that froze a work orders its rights transferred to `to`
		/// (controlled by `new_controller`) by `ruling`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::rule_transfer())]
		pub fn rule_transfer(
			origin: OriginFor<T>,
			content: DocumentHash,
			to: HolderOf<T>,
			new_controller: T::AccountId,
			ruling: DocumentHash,
		) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_rule_transfer(agency, operator, content, to, new_controller, ruling)
		}

		/// The court that froze a work unfreezes it under `ruling`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, content: DocumentHash, ruling: DocumentHash) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_unfreeze(agency, operator, content, ruling)
		}
	}
}
