//! Commitments, deposits that reveal them, and the anchored history every later event
//! lands in.

use crate::*;
use alloc::{collections::btree_set::BTreeSet, vec::Vec};
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{AgencyRegistry, EnterpriseLookup, HolderRef};
use sp_runtime::traits::{BlakeTwo256, Hash, Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// What a `deposit_batch` of `items` is charged: the benchmarked batch of as many
	/// works with one author each, and for every further author what one more author
	/// adds to a `deposit` (a lookup of the enterprise named). Known from the call
	/// itself, so nothing is refunded.
	pub fn deposit_batch_weight(items: &BatchOf<T>) -> Weight {
		let n = items.len() as u32;
		let authors: u32 = items.iter().map(|d| d.authors.len() as u32).fold(0, u32::saturating_add);
		let per_author = T::WeightInfo::deposit(2).saturating_sub(T::WeightInfo::deposit(1));
		T::WeightInfo::deposit_batch(n)
			.saturating_add(per_author.saturating_mul(u64::from(authors.saturating_sub(n))))
	}

	/// The current block.
	pub(crate) fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// Where and when the current extrinsic runs.
	pub(crate) fn anchor() -> AnchorOf<T> {
		use frame_support::traits::UnixTime;
		Anchor {
			block: Self::now(),
			parent_hash: frame_system::Pallet::<T>::parent_hash(),
			extrinsic_index: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
			time: T::UnixTime::now().as_secs(),
		}
	}

	/// The commitment a deposit of `contents` by `who` with `salt` reveals:
	/// `blake2_256(content_1 ‖ … ‖ content_n ‖ SCALE(who) ‖ salt)`, plain concatenation
	/// (no length prefix; for `AccountId32`, `SCALE(who)` is its 32 raw bytes).
	pub fn commitment_of(contents: &[DocumentHash], who: &T::AccountId, salt: &Salt) -> Commitment {
		let mut data = Vec::with_capacity(contents.len().saturating_mul(32).saturating_add(64));
		for c in contents {
			data.extend_from_slice(c);
		}
		who.encode_to(&mut data);
		data.extend_from_slice(salt);
		BlakeTwo256::hash(&data).0
	}

	/// Whether a commitment made in `block` has expired by `now`.
	pub(crate) fn expired(block: BlockNumberFor<T>, now: BlockNumberFor<T>) -> bool {
		now >= block.saturating_add(T::CommitLifetime::get())
	}

	/// Records `commitment` for `who`, dropping `who`'s expired ones first (their
	/// deposits returned), and holds [`Config::CommitDeposit`] for it.
	///
	/// # Errors
	/// [`Error::DuplicateCommitment`], [`Error::TooManyCommits`]; a token error if `who`
	/// cannot hold the deposit.
	pub(crate) fn do_commit(who: T::AccountId, commitment: Commitment) -> DispatchResult {
		let now = Self::now();
		let mut commits = Commitments::<T>::get(&who);
		let mut dropped = BalanceOf::<T>::zero();
		commits.retain(|c| {
			let live = !Self::expired(c.block, now);
			if !live {
				dropped = dropped.saturating_add(c.deposit);
			}
			live
		});
		ensure!(commits.iter().all(|c| c.commitment != commitment), Error::<T>::DuplicateCommitment);
		let deposit = T::CommitDeposit::get();
		commits
			.try_push(PendingCommit { commitment, block: now, deposit })
			.map_err(|_| Error::<T>::TooManyCommits)?;
		Self::release_commit_deposit(&who, dropped)?;
		T::Currency::hold(&HoldReason::CommitDeposit.into(), &who, deposit)?;
		Commitments::<T>::insert(&who, commits);
		Self::deposit_event(Event::Committed { who, commitment });
		Ok(())
	}

	/// Returns `amount` held for commitments to `owner`.
	///
	/// # Errors
	/// A token error if the hold cannot be released (it always can).
	fn release_commit_deposit(owner: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(&HoldReason::CommitDeposit.into(), owner, amount, Precision::BestEffort)?;
		}
		Ok(())
	}

	/// Drops `commitment` from `owner`'s pending ones (no entry left when none remain)
	/// and returns the deposit held for it.
	///
	/// # Errors
	/// Those of `release_commit_deposit`.
	fn consume(owner: &T::AccountId, commitment: &Commitment) -> DispatchResult {
		let mut commits = Commitments::<T>::get(owner);
		let deposit: BalanceOf<T> = commits
			.iter()
			.filter(|c| &c.commitment == commitment)
			.fold(Zero::zero(), |sum, c| sum.saturating_add(c.deposit));
		commits.retain(|c| &c.commitment != commitment);
		if commits.is_empty() {
			Commitments::<T>::remove(owner);
		} else {
			Commitments::<T>::insert(owner, commits);
		}
		Self::release_commit_deposit(owner, deposit)
	}

	/// Holds [`Config::WorkDeposit`] from `who` for the work `content` unless `who`
	/// signs for an active agency.
	///
	/// # Errors
	/// A token error if `who` cannot hold it.
	fn hold_work_deposit(who: &T::AccountId, content: DocumentHash) -> DispatchResult {
		if T::Agencies::acting_agency(who, None).is_err() {
			let amount = T::WorkDeposit::get();
			T::Currency::hold(&HoldReason::WorkDeposit.into(), who, amount)?;
			WorkDeposits::<T>::insert(content, (who, amount));
		}
		Ok(())
	}

	/// Returns the deposit held for the work `content`, if any, to its depositor.
	///
	/// # Errors
	/// A token error if the hold cannot be released (it always can).
	pub(crate) fn release_work_deposit(content: &DocumentHash) -> DispatchResult {
		if let Some((who, amount)) = WorkDeposits::<T>::take(content) {
			T::Currency::release(&HoldReason::WorkDeposit.into(), &who, amount, Precision::BestEffort)?;
		}
		Ok(())
	}

	/// `who` removes `owner`'s pending `commitment`.
	///
	/// # Errors
	/// [`Error::UnknownCommitment`]; [`Error::CommitmentLive`] for someone else's
	/// unexpired commitment.
	pub(crate) fn do_remove_commitment(
		who: T::AccountId,
		owner: T::AccountId,
		commitment: Commitment,
	) -> DispatchResult {
		let pending = Commitments::<T>::get(&owner)
			.into_iter()
			.find(|c| c.commitment == commitment)
			.ok_or(Error::<T>::UnknownCommitment)?;
		ensure!(who == owner || Self::expired(pending.block, Self::now()), Error::<T>::CommitmentLive);
		Self::consume(&owner, &commitment)?;
		Self::deposit_event(Event::CommitmentRemoved { who: owner, commitment, by: who });
		Ok(())
	}

	/// Finds `who`'s commitment to `contents` with `salt`; returns it and its block.
	///
	/// # Errors
	/// [`Error::UnknownCommitment`], [`Error::CommitmentTooRecent`], [`Error::CommitmentExpired`].
	pub(crate) fn check_reveal(
		who: &T::AccountId,
		contents: &[DocumentHash],
		salt: &Salt,
	) -> Result<(Commitment, BlockNumberFor<T>), DispatchError> {
		let commitment = Self::commitment_of(contents, who, salt);
		let pending = Commitments::<T>::get(who)
			.into_iter()
			.find(|c| c.commitment == commitment)
			.ok_or(Error::<T>::UnknownCommitment)?;
		let now = Self::now();
		ensure!(pending.block < now, Error::<T>::CommitmentTooRecent);
		ensure!(!Self::expired(pending.block, now), Error::<T>::CommitmentExpired);
		Ok((commitment, pending.block))
	}

	/// Checks a party named on a work: an enterprise must be on the register.
	///
	/// # Errors
	/// [`Error::MalformedUscc`], [`Error::UnknownEnterprise`].
	pub(crate) fn check_party(party: &HolderOf<T>) -> DispatchResult {
		if let HolderRef::Enterprise(uscc) = party {
			ensure!(uscc.is_valid(), Error::<T>::MalformedUscc);
			ensure!(T::Enterprises::is_registered(uscc), Error::<T>::UnknownEnterprise);
		}
		Ok(())
	}

	/// The account that accepts `holder` on its own behalf: the account itself, or the
	/// enterprise's designated account; `None` for a person (an office accepts it).
	pub(crate) fn acceptor_of(holder: &HolderOf<T>) -> Option<T::AccountId> {
		match holder {
			HolderRef::Account(x) => Some(x.clone()),
			HolderRef::Enterprise(uscc) => T::Enterprises::account_of(uscc),
			HolderRef::Person(_) => None,
		}
	}

	/// Checks one deposit committed in block `committed` against the chain's state;
	/// returns the deposit it supersedes, if any.
	///
	/// # Errors
	/// [`Error::AlreadyDeposited`] unless the hash is new or its deposit is still
	/// contestable and was committed later; [`Error::EmptyTitle`], [`Error::NoAuthors`],
	/// [`Error::MalformedRegion`] for the region or a publication place, those of
	/// `check_party`.
	pub(crate) fn check_deposit(
		d: &DepositOf<T>,
		committed: BlockNumberFor<T>,
	) -> Result<Option<WorkOf<T>>, DispatchError> {
		let existing = Works::<T>::get(d.content);
		if let Some(w) = &existing {
			ensure!(Self::in_contest(w) && committed < w.committed, Error::<T>::AlreadyDeposited);
		}
		ensure!(!d.title.is_empty(), Error::<T>::EmptyTitle);
		ensure!(!d.authors.is_empty(), Error::<T>::NoAuthors);
		ensure!(d.region.is_valid(), Error::<T>::MalformedRegion);
		if let Some(p) = &d.publication {
			ensure!(p.place.is_valid(), Error::<T>::MalformedRegion);
		}
		d.authors.iter().try_for_each(Self::check_party)?;
		Self::check_party(&d.holder)?;
		Ok(existing)
	}

	/// Whether `work` can still be taken by a reveal of an earlier commitment.
	pub(crate) fn in_contest(work: &WorkOf<T>) -> bool {
		Self::now() < work.contest_ends
	}

	/// Appends an event to `content`'s history (the caller writes `work`); `by: None`
	/// for governance.
	///
	/// # Errors
	/// [`Error::Overflow`] if the history is full (nothing written).
	pub(crate) fn push_event(
		content: DocumentHash,
		work: &mut WorkOf<T>,
		action: WorkAction<T::AccountId>,
		by: Option<T::AccountId>,
		agency: Option<AgencyId>,
	) -> DispatchResult {
		let seq = work.events;
		work.events = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		History::<T>::insert(content, seq, WorkEvent { action, by, agency, anchor: Self::anchor() });
		Ok(())
	}

	/// Writes a checked deposit committed in block `committed`, superseding `previous`
	/// (as returned by `check_deposit`, whose deposit goes back). `who` becomes
	/// depositor, and controller if the holder is its own account or an enterprise it
	/// acts for; unless it signs for an agency, it holds [`Config::WorkDeposit`].
	///
	/// # Errors
	/// [`Error::Overflow`]; a token error if `who` cannot hold the deposit.
	pub(crate) fn insert_work(
		who: T::AccountId,
		d: DepositOf<T>,
		committed: BlockNumberFor<T>,
		previous: Option<WorkOf<T>>,
	) -> DispatchResult {
		let anchor = Self::anchor();
		let controller = (Self::acceptor_of(&d.holder).as_ref() == Some(&who)).then(|| who.clone());
		let (events, grants) = previous.as_ref().map_or((0, 0), |w| (w.events, w.grants));
		let mut work = Work {
			title: d.title,
			category: d.category,
			nature: d.nature,
			authors: d.authors,
			holder: d.holder.clone(),
			controller,
			offer: None,
			region: d.region,
			completed: d.completed,
			publication: d.publication,
			depositor: who.clone(),
			deposited: anchor,
			committed,
			contest_ends: anchor.block.saturating_add(T::ContestPeriod::get()),
			registration: Registration::Unreviewed,
			frozen: None,
			events,
			grants,
		};
		match previous {
			None => {
				Self::push_event(d.content, &mut work, WorkAction::Deposited, Some(who.clone()), None)?;
				Self::hold_work_deposit(&who, d.content)?;
				HolderWorks::<T>::insert(&d.holder, d.content, ());
				Works::<T>::insert(d.content, work);
				Self::deposit_event(Event::WorkDeposited {
					content: d.content,
					holder: d.holder,
					depositor: who,
					time: anchor.time,
				});
			},
			Some(old) => {
				let action = WorkAction::Superseded { previous: old.depositor.clone(), holder: d.holder.clone() };
				Self::push_event(d.content, &mut work, action, Some(who.clone()), None)?;
				Self::release_work_deposit(&d.content)?;
				Self::hold_work_deposit(&who, d.content)?;
				HolderWorks::<T>::remove(&old.holder, d.content);
				HolderWorks::<T>::insert(&d.holder, d.content, ());
				Works::<T>::insert(d.content, work);
				Self::deposit_event(Event::DepositSuperseded {
					content: d.content,
					previous: old.depositor,
					depositor: who,
					holder: d.holder,
					time: anchor.time,
				});
			},
		}
		Ok(())
	}

	/// Deposits every item or none, revealing `who`'s commitment to the items' hashes
	/// with `salt`: all are checked before the first is written, and the commitment is
	/// used up. Returns how many of them superseded a contestable deposit.
	///
	/// # Errors
	/// [`Error::EmptyBatch`], [`Error::DuplicateInBatch`], those of `check_reveal` and
	/// `check_deposit`; [`Error::Overflow`].
	pub(crate) fn do_deposit(who: T::AccountId, items: Vec<DepositOf<T>>, salt: Salt) -> Result<u32, DispatchError> {
		ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
		let contents: Vec<DocumentHash> = items.iter().map(|d| d.content).collect();
		let distinct: BTreeSet<_> = contents.iter().collect();
		ensure!(distinct.len() == items.len(), Error::<T>::DuplicateInBatch);
		let (commitment, committed) = Self::check_reveal(&who, &contents, &salt)?;
		let previous = items
			.iter()
			.map(|d| Self::check_deposit(d, committed))
			.collect::<Result<Vec<_>, _>>()?;
		Self::consume(&who, &commitment)?;
		let superseded = previous.iter().filter(|p| p.is_some()).count() as u32;
		for (d, prev) in items.into_iter().zip(previous) {
			Self::insert_work(who.clone(), d, committed, prev)?;
		}
		Ok(superseded)
	}

	/// The work `content`, or [`Error::UnknownWork`].
	pub(crate) fn work_of(content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		Works::<T>::get(content).ok_or(Error::<T>::UnknownWork.into())
	}
}
