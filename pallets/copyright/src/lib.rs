//! # Copyright pallet
//!
//! A public deposit and verification service for works (text, music, images, film,
//! software, …), with rights transfers and licences, and a judicial freeze whose
//! record a court can check on its own.
//!
//! ## Overview
//!
//! - **Deposit by commit and reveal.** An author or company first
//!   [`commit`](Pallet::commit)s to a work without showing it, then, at least one
//!   block later, deposits it by its content hash (the file never goes on chain) with
//!   title, category, authors, rights holder, region, nature of creation, completion
//!   date and first publication, naming the salt of the commitment. The block's
//!   timestamp is the deposit time; the commitment's block is the work's priority.
//!   Archives deposit in bounded batches under one commitment.
//! - **First to commit wins.** A later deposit of the same hash is refused
//!   ([`Error::AlreadyDeposited`]) and [`Pallet::work`] tells who holds it — unless it
//!   reveals an *earlier* commitment while the first deposit is still contestable
//!   (within [`Config::ContestPeriod`] blocks, not registered, not frozen): then it
//!   takes the work ([`Event::DepositSuperseded`]). Whoever copies a hash seen in a
//!   pending deposit can only commit after it, so they cannot take the work. While a
//!   work is contestable, its rights are neither transferred nor licensed.
//! - **The holder accepts.** A holder other than the depositor's own account must
//!   accept before anyone acts on the work ([`Error::HolderNotAccepted`]); the account
//!   that accepts becomes the work's controller. See "Holder acceptance" below.
//! - **Registration.** A copyright office whose region covers the work's region grants
//!   a registration number or declines (final, but governance may reopen it).
//! - **Rights.** The work's controller transfers rights under a contract — all rights
//!   change the holder once the new holder accepts, listed rights are recorded as
//!   assigned at once — and grants licences (exclusive or not, rights, territory,
//!   term). A licence overlapping an exclusive one (same right, place and time) is
//!   refused.
//! - **Judicial.** A court freezes a work (transfers and licences refused); the court
//!   that froze it attaches evidence, may order a transfer by ruling, and unfreezes it.
//!   Governance ends any freeze (e.g. of a court since suspended), with a reason.
//! - **Evidence.** Every event on a work records its block, the block's parent hash,
//!   the extrinsic index and the time; [`Pallet::evidence`] returns them in order, a
//!   page at a time, so a court can fetch those blocks from any node and check each
//!   extrinsic itself, without trusting the node that answered.
//!
//! ## Commit and reveal (for front-ends)
//!
//! 1. Pick a fresh random 32-byte `salt` and keep it with the file.
//! 2. Compute `commitment = blake2_256(content ‖ account ‖ salt)`: the plain
//!    concatenation of the 32-byte content hash, the depositor's 32-byte account id
//!    (the SCALE encoding of `AccountId32`, which is its raw bytes) and the salt — no
//!    length prefixes. In polkadot.js:
//!    `blake2AsU8a(u8aConcat(contentHash, decodeAddress(signer.address), salt))`.
//!    For `deposit_batch` the commitment covers the whole batch:
//!    `blake2_256(content_1 ‖ … ‖ content_n ‖ account ‖ salt)` with the items' content
//!    hashes in the batch's order. [`Pallet::commitment_of`] computes the same.
//! 3. Submit `commit(commitment)` and wait until it is in a block.
//! 4. In any later block, within [`Config::CommitLifetime`] blocks, submit
//!    `deposit(…, salt)` (or `deposit_batch(items, salt)`) from the same account. The
//!    commitment is used up; an expired one can be removed by anyone
//!    ([`remove_commitment`](Pallet::remove_commitment)), a pending one by its owner.
//!
//! An account has at most [`Config::MaxPendingCommits`] commitments pending; expired
//! ones are dropped when it commits again.
//!
//! ## Holder acceptance
//!
//! | Holder named | accepted by | becomes controller |
//! |---|---|---|
//! | `Account(x)` | `x` ([`accept_holding`](Pallet::accept_holding)); at once if `x` is the signer | `x` |
//! | `Enterprise(uscc)` | the enterprise's designated account (`EnterpriseLookup::account_of`); at once if that is the signer | that account |
//! | `Person(p)` | a copyright office of the work's region, by registering the work: it checks off chain that the depositor acts for the person | the depositor |
//!
//! Until then nobody transfers or licenses the work. The named account may refuse and
//! the depositor may withdraw the naming ([`refuse_holding`](Pallet::refuse_holding)):
//! the work then falls back to the depositor's own account. A transfer of all rights
//! follows the same rule: it is an offer to `new_controller`, who must be `x` for
//! `Account(x)` and the designated account for `Enterprise(uscc)` (any account for a
//! person, acting for them under the contract); it takes effect when that account
//! accepts, and the nominee may refuse or the controller withdraw it. If the
//! controller names itself as `new_controller`, the transfer takes effect at once.
//! Assignments of listed rights are recorded at once: they give the assignee no power
//! on chain. A court's ruling sets holder and controller without acceptance.
//!
//! ## Who may call what
//!
//! | Call | Who may | Region / jurisdiction | Error for others |
//! |---|---|---|---|
//! | [`commit`](Pallet::commit) | any signed account, holding [`Config::CommitDeposit`] (recorded with the commitment and returned as recorded) until revealed or removed | — | `BadOrigin` (unsigned), a token error (no funds for the deposit) |
//! | [`remove_commitment`](Pallet::remove_commitment) | the committer; anyone once expired | — | `CommitmentLive` |
//! | [`deposit`](Pallet::deposit), [`deposit_batch`](Pallet::deposit_batch) | the account that made the commitment, a block or more earlier; unless it signs for an agency it holds [`Config::WorkDeposit`] per work until an office decides | declares the work's region | `UnknownCommitment`, `CommitmentTooRecent`, `CommitmentExpired`, `AlreadyDeposited`, a token error |
//! | [`accept_holding`](Pallet::accept_holding) | the account acting for the named holder (table above); the nominee of an offer | — | `NotAcceptor` |
//! | [`refuse_holding`](Pallet::refuse_holding) | that account or the depositor; an offer's nominee or the controller | — | `NotAcceptor` |
//! | [`register`](Pallet::register), [`decline`](Pallet::decline) | operator of an active copyright office | office's region covers the work's region | `BadOrigin` (not an operator of an active agency), `NotOffice`, `OutsideJurisdiction` |
//! | [`transfer`](Pallet::transfer), [`grant_licence`](Pallet::grant_licence) | the work's controller, once the holder accepted | — | `HolderNotAccepted`, `NotController` |
//! | [`freeze`](Pallet::freeze) | operator of any active court | nationwide: a court's jurisdiction follows the infringement or the defendant, not where the work was deposited | `BadOrigin`, `NotCourt` |
//! | [`attach_evidence`](Pallet::attach_evidence), [`rule_transfer`](Pallet::rule_transfer), [`unfreeze`](Pallet::unfreeze) | operator of the court that froze the work, while active | — | `BadOrigin`, `NotCourt`, `NotFrozen`, `OtherCourt` |
//! | [`force_reopen`](Pallet::force_reopen), [`force_unfreeze`](Pallet::force_unfreeze) | `ForceOrigin` (governance) | — | `BadOrigin` |
//!
//! A suspended agency's operators are refused by the agency origin (`BadOrigin`).
//!
//! ## Queries
//!
//! [`Pallet::work`], and paged lists — [`Pallet::works_of`], [`Pallet::grants_of`],
//! [`Pallet::evidence`] take `(from, limit)` with `limit` capped at
//! [`Config::MaxPage`] — mirrored by the runtime API in [`runtime_api`].
//!
//! ## Data privacy
//!
//! Works are content hashes; a natural person (author, holder, licensee) is a
//! pseudonym, an enterprise its USCC (checked against the enterprise register).
//! Contracts, case files and rulings are hashes of documents the parties and the
//! court keep. Commitments reveal nothing until the deposit.

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

pub use govchain_primitives::{AgencyId, DocumentHash, ReasonCode, RegionCode, Role, Seconds};
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
		/// An operator of an active agency; succeeds with `(agency, operator)`.
		type AgencyOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = (AgencyId, Self::AccountId)>;

		/// Roles of agencies (copyright office, court).
		type Agencies: AgencyRegistry<Self::AccountId>;

		/// The enterprise register, to accept only registered enterprises as parties.
		type Enterprises: EnterpriseLookup<Self::AccountId>;

		/// The block's time.
		type UnixTime: UnixTime;

		/// The native currency, to hold commitment and work deposits.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// Held from the signer for each pending commitment, returned when it is
		/// revealed or removed (also when it is dropped as expired).
		#[pallet::constant]
		type CommitDeposit: Get<BalanceOf<Self>>;

		/// Held from a depositor that signs for no agency for each work it deposits,
		/// returned when a copyright office registers or declines the work (or a later
		/// deposit supersedes it).
		#[pallet::constant]
		type WorkDeposit: Get<BalanceOf<Self>>;

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

		/// Governance (two thirds of the council, or root): force calls that repair stuck records.
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most commitments one account may have pending.
		#[pallet::constant]
		type MaxPendingCommits: Get<u32>;

		/// Blocks a commitment stays revealable; after that it has expired and anyone
		/// may remove it.
		#[pallet::constant]
		type CommitLifetime: Get<BlockNumberFor<Self>>;

		/// Blocks after a deposit during which a reveal of an earlier commitment of the
		/// same hash takes the work (ended early by registration or a freeze).
		#[pallet::constant]
		type ContestPeriod: Get<BlockNumberFor<Self>>;

		/// Largest page a list query returns.
		#[pallet::constant]
		type MaxPage: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up agencies and enterprises for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Pending commitments, until revealed or removed.
		#[codec(index = 0)]
		CommitDeposit,
		/// A work deposited by an account that signs for no agency, until decided.
		#[codec(index = 1)]
		WorkDeposit,
	}

	/// The deposit held for each undecided work deposited by an account that signs for
	/// no agency: who it is held from and how much.
	#[pallet::storage]
	pub type WorkDeposits<T: Config> =
		StorageMap<_, Blake2_128Concat, DocumentHash, (T::AccountId, BalanceOf<T>)>;

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

	/// Pending commitments of each account, oldest first (at most
	/// `MaxPendingCommits`; no entry when none). Accounts are user-chosen keys:
	/// `Blake2_128Concat`.
	#[pallet::storage]
	pub type Commitments<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, CommitmentsOf<T>, ValueQuery>;

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
		/// An account committed to a deposit it will reveal later.
		Committed { who: T::AccountId, commitment: Commitment },
		/// A pending commitment was removed (by its owner, or by anyone once expired).
		CommitmentRemoved { who: T::AccountId, commitment: Commitment, by: T::AccountId },
		/// A reveal of an earlier commitment took the work from a contestable deposit.
		DepositSuperseded {
			content: DocumentHash,
			previous: T::AccountId,
			depositor: T::AccountId,
			holder: HolderOf<T>,
			time: Seconds,
		},
		/// The holder named on a work accepted it; `controller` now acts for it.
		HoldingAccepted { content: DocumentHash, holder: HolderOf<T>, controller: T::AccountId },
		/// The named holder refused or the depositor withdrew the naming; the work fell
		/// back to `holder`, the depositor's own account.
		HoldingRefused { content: DocumentHash, by: T::AccountId, holder: HolderOf<T> },
		/// The controller offered all rights; `new_controller` must accept.
		TransferOffered { content: DocumentHash, from: HolderOf<T>, to: HolderOf<T>, new_controller: T::AccountId },
		/// An offer was refused by its nominee or withdrawn by the controller.
		TransferCancelled { content: DocumentHash, by: T::AccountId, to: HolderOf<T> },
		/// Governance reopened a declined registration.
		RegistrationReopened { content: DocumentHash, reason: ReasonCode },
		/// Governance ended the freeze `court` had put on a work.
		WorkForceUnfrozen { content: DocumentHash, court: AgencyId, reason: ReasonCode },
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
		/// No pending commitment of the signer matches the content hashes and salt.
		UnknownCommitment,
		/// The commitment was made in this block; reveal it in a later one.
		CommitmentTooRecent,
		/// The commitment is older than `CommitLifetime` blocks.
		CommitmentExpired,
		/// The signer already has this commitment pending.
		DuplicateCommitment,
		/// The signer has `MaxPendingCommits` commitments pending.
		TooManyCommits,
		/// Only its owner may remove a commitment that has not expired.
		CommitmentLive,
		/// The holder named on the work has not accepted it yet.
		HolderNotAccepted,
		/// The signer may not accept or refuse this holding or offer.
		NotAcceptor,
		/// Nothing on this work waits for acceptance.
		NothingPending,
		/// A transfer of all rights waits for acceptance; it must be accepted or cancelled first.
		OfferPending,
		/// `new_controller` is not the account that acts for the new holder.
		ControllerMismatch,
		/// The work can still be taken by an earlier commitment: no transfer or licence
		/// until it is registered or the contest period ends.
		UnderContest,
		/// The work's region is outside the office's region.
		OutsideJurisdiction,
		/// The registration was not declined.
		NotDeclined,
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
		/// Deposits a work by its content hash, revealing the signer's commitment
		/// `blake2_256(content ‖ signer ‖ salt)` made at least one block earlier.
		/// `region` is a GB/T 2260 code. The signer becomes controller at once if
		/// `holder` is its own account (or an enterprise it acts for); otherwise the
		/// holder accepts first.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::deposit(authors.len() as u32))]
		pub fn deposit(
			origin: OriginFor<T>,
			content: DocumentHash,
			title: TitleOf<T>,
			category: Category,
			nature: Nature,
			authors: AuthorsOf<T>,
			holder: HolderOf<T>,
			region: u32,
			completed: Seconds,
			publication: Option<Publication>,
			salt: Salt,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let region = RegionCode::new(region).ok_or(Error::<T>::MalformedRegion)?;
			let a = authors.len() as u32;
			let d = Deposit { content, title, category, nature, authors, holder, region, completed, publication };
			let superseded = Self::do_deposit(who, alloc::vec![d], salt)?;
			Ok(if superseded == 0 { Some(T::WeightInfo::deposit_new(a)) } else { None }.into())
		}

		/// Deposits a batch of works (an archive); all or nothing. One commitment covers
		/// the batch: `blake2_256(content_1 ‖ … ‖ content_n ‖ signer ‖ salt)`.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::deposit_batch_weight(&items))]
		pub fn deposit_batch(origin: OriginFor<T>, items: BatchOf<T>, salt: Salt) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit(who, items.into_inner(), salt).map(|_| ())
		}

		/// A copyright office whose region covers the work's registers it under the next
		/// number; for a person named as holder this also accepts the holding for the
		/// depositor (the office checked the person's identity off chain).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, content: DocumentHash) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide(agency, operator, content, None)
		}

		/// A copyright office whose region covers the work's declines to register it (final;
		/// governance may reopen it).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::decline())]
		pub fn decline(origin: OriginFor<T>, content: DocumentHash, reason: ReasonCode) -> DispatchResult {
			let (agency, operator) = T::AgencyOrigin::ensure_origin(origin)?;
			Self::do_decide(agency, operator, content, Some(reason))
		}

		/// The controller transfers `rights` to `to` under `contract`. All rights: an offer
		/// that `new_controller` (the account acting for `to`) accepts, upon which `to`
		/// becomes the holder and `new_controller` its controller (at once if
		/// `new_controller` is the signer); listed rights: the assignment is recorded and
		/// the holder keeps the rest (`new_controller` is ignored).
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

		/// The court that froze a work attaches an evidence hash to its record.
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

		/// Commits to a deposit to reveal later: see "Commit and reveal" in the module
		/// docs. Expired commitments of the signer are dropped first.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::commit())]
		pub fn commit(origin: OriginFor<T>, commitment: Commitment) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_commit(who, commitment)
		}

		/// Removes `owner`'s pending `commitment`: the owner at any time, anyone once it
		/// has expired.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::remove_commitment())]
		pub fn remove_commitment(origin: OriginFor<T>, owner: T::AccountId, commitment: Commitment) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_commitment(who, owner, commitment)
		}

		/// The account acting for the holder named at deposit accepts the work and
		/// becomes its controller; or the nominee of a transfer offer accepts it and the
		/// transfer takes effect.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::accept_holding())]
		pub fn accept_holding(origin: OriginFor<T>, content: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_holding(who, content)
		}

		/// Ends what waits for acceptance: the named holder's account refuses, or the
		/// depositor withdraws, the holding (the work falls back to the depositor's own
		/// account); or an offer's nominee refuses it, or the controller withdraws it.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::refuse_holding())]
		pub fn refuse_holding(origin: OriginFor<T>, content: DocumentHash) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_refuse_holding(who, content)
		}

		/// Governance reopens a declined registration (back to unreviewed), recorded in
		/// the work's history with `reason`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::force_reopen())]
		pub fn force_reopen(origin: OriginFor<T>, content: DocumentHash, reason: ReasonCode) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_reopen(content, reason)
		}

		/// Governance ends a work's freeze, whichever court put it (e.g. one since
		/// suspended), recorded in the work's history with `reason`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::force_unfreeze())]
		pub fn force_unfreeze(origin: OriginFor<T>, content: DocumentHash, reason: ReasonCode) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Self::do_force_unfreeze(content, reason)
		}
	}
}
