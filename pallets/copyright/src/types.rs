//! Types of the copyright pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{AgencyId, DocumentHash, HolderRef, RegionCode, Seconds, Uscc};
use scale_info::TypeInfo;

use crate::Config;

/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// An amount of the native currency (deposits).
pub type BalanceOf<T> = <<T as crate::Config>::Currency as frame_support::traits::fungible::Inspect<
	AccountIdOf<T>,
>>::Balance;
/// Hash of the runtime's blocks.
pub type HashOf<T> = <T as frame_system::Config>::Hash;
/// A rights holder, author or licensee: an account, an enterprise (USCC) or a person (pseudonym).
pub type HolderOf<T> = HolderRef<AccountIdOf<T>>;
/// A work's title, UTF-8.
pub type TitleOf<T> = BoundedVec<u8, <T as Config>::MaxTitleLength>;
/// A work's authors.
pub type AuthorsOf<T> = BoundedVec<HolderOf<T>, <T as Config>::MaxAuthors>;
/// A work as stored.
pub type WorkOf<T> = Work<AccountIdOf<T>, TitleOf<T>, AuthorsOf<T>, BlockNumberFor<T>, HashOf<T>>;
/// A secret the depositor picks at random for each commitment (32 bytes).
pub type Salt = [u8; 32];
/// `blake2_256(content_1 ‖ … ‖ content_n ‖ account ‖ salt)`: see [`crate::Pallet::commitment_of`].
pub type Commitment = [u8; 32];
/// A pending commitment of an account, with the deposit held for it.
pub type PendingCommitOf<T> = PendingCommit<BlockNumberFor<T>, BalanceOf<T>>;
/// The pending commitments of one account, oldest first.
pub type CommitmentsOf<T> = BoundedVec<PendingCommitOf<T>, <T as Config>::MaxPendingCommits>;
/// A transfer of all rights waiting for the new holder's acceptance.
pub type OfferOf<T> = Offer<AccountIdOf<T>>;
/// Where and when something happened on chain.
pub type AnchorOf<T> = Anchor<BlockNumberFor<T>, HashOf<T>>;
/// One entry of a work's history.
pub type WorkEventOf<T> = WorkEvent<AccountIdOf<T>, BlockNumberFor<T>, HashOf<T>>;
/// A licence granted on a work.
pub type GrantOf<T> = Grant<AccountIdOf<T>>;
/// One deposit of a batch.
pub type DepositOf<T> = Deposit<AccountIdOf<T>, TitleOf<T>, AuthorsOf<T>>;
/// A batch of deposits.
pub type BatchOf<T> = BoundedVec<DepositOf<T>, <T as Config>::MaxBatchDeposit>;

/// The kind of work (Copyright Law art. 3).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Category {
	/// Written works.
	Text,
	/// Oral works.
	Oral,
	/// Musical works.
	Music,
	/// Dramatic, quyi, choreographic and acrobatic works.
	Performance,
	/// Works of fine art and architecture.
	FineArt,
	/// Photographic works.
	Photography,
	/// Audiovisual works (film, television, video).
	Audiovisual,
	/// Drawings of engineering designs, product designs, maps, sketches.
	Drawing,
	/// Computer software.
	Software,
	/// Anything else that qualifies.
	Other,
}

/// How the work came about.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Nature {
	/// Original creation.
	Original,
	/// Adaptation of another work.
	Adaptation,
	/// Translation.
	Translation,
	/// Compilation.
	Compilation,
	/// Annotation or arrangement.
	Arrangement,
}

/// A set of economic rights (Copyright Law art. 10 (5)–(17)) as bit flags.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Rights(pub u16);

impl Rights {
	/// Reproduction, distribution, rental, exhibition, performance, screening,
	/// broadcasting, information-network dissemination, filming, adaptation,
	/// translation, compilation, and other rights: 13 bits.
	pub const ALL: Rights = Rights((1 << 13) - 1);

	/// Whether the set is non-empty and names only known rights.
	pub fn is_valid(&self) -> bool {
		self.0 != 0 && self.0 & !Self::ALL.0 == 0
	}

	/// Whether the two sets share a right.
	pub fn intersects(&self, other: &Rights) -> bool {
		self.0 & other.0 != 0
	}
}

/// First publication of a work.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Publication {
	/// Date (Unix seconds).
	pub date: Seconds,
	/// Place (GB/T 2260 region).
	pub place: RegionCode,
}

/// The copyright office's decision on a deposit.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum Registration {
	/// Deposited, not (yet) reviewed.
	Unreviewed,
	/// Registered under an official number.
	Registered {
		/// The registration number (sequential across the chain).
		number: u64,
		/// The office.
		office: AgencyId,
	},
	/// Declined.
	Declined {
		/// The office.
		office: AgencyId,
		/// Why.
		reason: govchain_primitives::ReasonCode,
	},
}

/// Where and when something happened: enough to find it in any node's copy of the
/// chain and check it there.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Anchor<BlockNumber, Hash> {
	/// The block that holds the extrinsic.
	pub block: BlockNumber,
	/// That block's parent hash (its header names it), tying the record to one chain.
	pub parent_hash: Hash,
	/// The extrinsic's index in the block.
	pub extrinsic_index: u32,
	/// The block's timestamp (Unix seconds), set by the `timestamp.set` inherent.
	pub time: Seconds,
}

/// A judicial freeze.
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Freeze {
	/// The court.
	pub court: AgencyId,
	/// Hash of the case reference.
	pub case: DocumentHash,
}

/// A transfer of all rights offered by the controller, carried out when accepted.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Offer<AccountId> {
	/// The new holder.
	pub to: HolderRef<AccountId>,
	/// The account that accepts and then acts for the new holder.
	pub new_controller: AccountId,
	/// Hash of the transfer contract.
	pub contract: DocumentHash,
}

/// A commitment waiting to be revealed by a deposit (storage version 2; version 1
/// had no `deposit`: see [`crate::migrations::v2`]).
#[derive(
	Clone, Copy, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct PendingCommit<BlockNumber, Balance> {
	/// The commitment.
	pub commitment: Commitment,
	/// The block it was made in.
	pub block: BlockNumber,
	/// What is held from the account for it ([`crate::HoldReason::CommitDeposit`]),
	/// returned exactly when it is revealed or removed, whatever the deposit is by then.
	pub deposit: Balance,
}

/// A deposited work, keyed by its content hash.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Work<AccountId, Title, Authors, BlockNumber, Hash> {
	/// Title.
	pub title: Title,
	/// Kind of work.
	pub category: Category,
	/// How it came about.
	pub nature: Nature,
	/// Authors.
	pub authors: Authors,
	/// Who holds the economic rights (those not assigned elsewhere).
	pub holder: HolderRef<AccountId>,
	/// The account that acts for the holder on this work (transfers, licences);
	/// `None` until the holder named at deposit accepted (see [`crate::Pallet::accept_holding`]).
	pub controller: Option<AccountId>,
	/// A transfer of all rights waiting for the new holder's acceptance.
	pub offer: Option<Offer<AccountId>>,
	/// The region the depositor declared (GB/T 2260): copyright offices whose region
	/// covers it decide on the registration.
	pub region: RegionCode,
	/// Completion date (Unix seconds).
	pub completed: Seconds,
	/// First publication, if published.
	pub publication: Option<Publication>,
	/// The account that deposited it.
	pub depositor: AccountId,
	/// Where and when it was deposited (the deposit time is the block's timestamp);
	/// for a superseded deposit, the reveal that took the work.
	pub deposited: Anchor<BlockNumber, Hash>,
	/// The block of the commitment the deposit revealed: priority between deposits
	/// of the same hash.
	pub committed: BlockNumber,
	/// While the current block is below this one, a reveal of an earlier commitment of
	/// the same hash takes the work; registration or a freeze ends it early.
	pub contest_ends: BlockNumber,
	/// The copyright office's decision.
	pub registration: Registration,
	/// Set while a court has frozen the work.
	pub frozen: Option<Freeze>,
	/// Entries in its history ([`crate::History`]).
	pub events: u32,
	/// Licences granted ([`crate::Grants`]).
	pub grants: u32,
}

/// A licence granted on a work.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Grant<AccountId> {
	/// Who may use the work.
	pub licensee: HolderRef<AccountId>,
	/// Whether nobody else may be licensed the same rights, place and time.
	pub exclusive: bool,
	/// Rights licensed.
	pub rights: Rights,
	/// Territory; `None`: nationwide.
	pub territory: Option<RegionCode>,
	/// Start (Unix seconds).
	pub from: Seconds,
	/// End (exclusive, Unix seconds).
	pub until: Seconds,
	/// Hash of the licence contract.
	pub contract: DocumentHash,
}

impl<AccountId> Grant<AccountId> {
	/// Whether the two grants cover a common right, place and time.
	pub fn overlaps(&self, other: &Grant<AccountId>) -> bool {
		let places = match (&self.territory, &other.territory) {
			(None, _) | (_, None) => true,
			(Some(a), Some(b)) => a.covers(b) || b.covers(a),
		};
		self.rights.intersects(&other.rights) && places && self.from < other.until && other.from < self.until
	}
}

/// What happened to a work.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub enum WorkAction<AccountId> {
	/// Deposited.
	Deposited,
	/// A reveal of an earlier commitment took the work from an earlier deposit of the
	/// same hash (the entry's signer is the new depositor).
	Superseded {
		/// The depositor who lost the work.
		previous: AccountId,
		/// The holder the new deposit names.
		holder: HolderRef<AccountId>,
	},
	/// Registered by the copyright office.
	Registered {
		/// Registration number.
		number: u64,
		/// Whether the registration also accepted a person named as holder at deposit
		/// (the office checked the person's identity off chain).
		holder_accepted: bool,
	},
	/// Registration declined.
	Declined {
		/// Why.
		reason: govchain_primitives::ReasonCode,
	},
	/// The account acting for the named holder accepted the holding (it became the controller).
	HoldingAccepted,
	/// The holder named at deposit refused, or the depositor withdrew the naming; the
	/// work fell back to the depositor's own account.
	HoldingRefused {
		/// The holder it fell back to.
		holder: HolderRef<AccountId>,
	},
	/// The controller offered all rights to a new holder.
	TransferOffered {
		/// The new holder offered.
		to: HolderRef<AccountId>,
		/// The account that must accept.
		new_controller: AccountId,
		/// Contract hash.
		contract: DocumentHash,
	},
	/// An offer was refused by its nominee or withdrawn by the controller.
	TransferCancelled {
		/// The holder that was offered.
		to: HolderRef<AccountId>,
	},
	/// Rights transferred under a contract (all rights: the holder changed, recorded
	/// when the new holder accepted).
	Transferred {
		/// Previous holder.
		from: HolderRef<AccountId>,
		/// New holder (of `rights`).
		to: HolderRef<AccountId>,
		/// Rights transferred.
		rights: Rights,
		/// Contract hash.
		contract: DocumentHash,
	},
	/// A licence was granted.
	Licensed {
		/// Index in [`crate::Grants`].
		grant: u32,
	},
	/// Frozen by a court.
	Frozen {
		/// Case reference hash.
		case: DocumentHash,
	},
	/// Evidence attached by a court.
	EvidenceAttached {
		/// Evidence hash.
		evidence: DocumentHash,
	},
	/// A ruling transferred the rights.
	RulingTransfer {
		/// Previous holder.
		from: HolderRef<AccountId>,
		/// New holder.
		to: HolderRef<AccountId>,
		/// Ruling hash.
		ruling: DocumentHash,
	},
	/// Unfrozen under a ruling.
	Unfrozen {
		/// Ruling hash.
		ruling: DocumentHash,
	},
	/// Governance ended a freeze (forced).
	ForceUnfrozen {
		/// Why.
		reason: govchain_primitives::ReasonCode,
	},
	/// Governance reopened a declined registration (forced).
	Reopened {
		/// Why.
		reason: govchain_primitives::ReasonCode,
	},
}

/// One entry of a work's history: what, who (and for which agency), where on chain.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct WorkEvent<AccountId, BlockNumber, Hash> {
	/// What happened.
	pub action: WorkAction<AccountId>,
	/// The signer; `None` for a governance decision (council motion or root).
	pub by: Option<AccountId>,
	/// The agency it acted for, if any (office, court).
	pub agency: Option<AgencyId>,
	/// Where and when.
	pub anchor: Anchor<BlockNumber, Hash>,
}

/// One deposit (a call's arguments, or an item of a batch).
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Deposit<AccountId, Title, Authors> {
	/// Content hash of the file (the file never goes on chain).
	pub content: DocumentHash,
	/// Title.
	pub title: Title,
	/// Kind of work.
	pub category: Category,
	/// How it came about.
	pub nature: Nature,
	/// Authors.
	pub authors: Authors,
	/// Rights holder.
	pub holder: HolderRef<AccountId>,
	/// The region the work is deposited in (GB/T 2260): whose copyright offices decide.
	pub region: RegionCode,
	/// Completion date.
	pub completed: Seconds,
	/// First publication, if any.
	pub publication: Option<Publication>,
}

/// Everything a court needs to check a work's record against any node: the work,
/// where its deposit sits on chain, and its events in order, one page at a time.
#[derive(Clone, PartialEq, Eq, Encode, Decode, TypeInfo, Debug)]
pub struct Evidence<Work, Event> {
	/// The content hash.
	pub content: DocumentHash,
	/// The work as it stands (`work.events` entries in all).
	pub work: Work,
	/// Sequence number of the first entry in `history` (0 = the deposit).
	pub from: u32,
	/// A page of its history in order, each with its block, parent hash, extrinsic
	/// index and time.
	pub history: alloc::vec::Vec<Event>,
}

/// What the benchmarks need from a runtime.
pub trait BenchmarkHelper<AccountId> {
	/// Admits a fresh active agency in `region` holding `roles`; its id and an operator.
	fn agency_operator(roles: &[govchain_primitives::Role], region: RegionCode) -> (AgencyId, AccountId);
	/// The `i`-th of distinct enterprises put on the register (for deposits naming
	/// enterprise authors and holders: distinct, so no lookup is served by a cache).
	fn registered_enterprise(i: u32) -> Uscc;
}
