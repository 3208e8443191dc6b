//! Deposits, and the anchored history every later event lands in.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::pallet_prelude::*;
use govchain_primitives::{EnterpriseLookup, HolderRef};

impl<T: Config> Pallet<T> {
	/// Where and when the current extrinsic runs.
	pub(crate) fn anchor() -> AnchorOf<T> {
		use frame_support::traits::UnixTime;
		Anchor {
			block: frame_system::Pallet::<T>::block_number(),
			parent_hash: frame_system::Pallet::<T>::parent_hash(),
			extrinsic_index: frame_system::Pallet::<T>::extrinsic_index().unwrap_or_default(),
			time: T::UnixTime::now().as_secs(),
		}
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

	/// Checks one deposit against the chain's state.
	///
	/// # Errors
	/// [`Error::AlreadyDeposited`], [`Error::EmptyTitle`], [`Error::NoAuthors`],
	/// [`Error::MalformedRegion`] for a publication place, those of `check_party`.
	pub(crate) fn check_deposit(d: &DepositOf<T>) -> DispatchResult {
		ensure!(!Works::<T>::contains_key(d.content), Error::<T>::AlreadyDeposited);
		ensure!(!d.title.is_empty(), Error::<T>::EmptyTitle);
		ensure!(!d.authors.is_empty(), Error::<T>::NoAuthors);
		if let Some(p) = &d.publication {
			ensure!(p.place.is_valid(), Error::<T>::MalformedRegion);
		}
		d.authors.iter().try_for_each(Self::check_party)?;
		Self::check_party(&d.holder)
	}

	/// Appends an event to `content`'s history (the caller writes `work`).
	///
	/// # Errors
	/// [`Error::Overflow`] if the history is full (nothing written).
	pub(crate) fn push_event(
		content: DocumentHash,
		work: &mut WorkOf<T>,
		action: WorkAction<T::AccountId>,
		by: T::AccountId,
		agency: Option<AgencyId>,
	) -> DispatchResult {
		let seq = work.events;
		work.events = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;
		History::<T>::insert(content, seq, WorkEvent { action, by, agency, anchor: Self::anchor() });
		Ok(())
	}

	/// Writes a checked deposit; `who` becomes depositor and controller.
	pub(crate) fn insert_work(who: T::AccountId, d: DepositOf<T>) -> DispatchResult {
		let anchor = Self::anchor();
		let mut work = Work {
			title: d.title,
			category: d.category,
			nature: d.nature,
			authors: d.authors,
			holder: d.holder.clone(),
			controller: who.clone(),
			completed: d.completed,
			publication: d.publication,
			depositor: who.clone(),
			deposited: anchor,
			registration: Registration::Unreviewed,
			frozen: None,
			events: 0,
			grants: 0,
		};
		Self::push_event(d.content, &mut work, WorkAction::Deposited, who.clone(), None)?;
		HolderWorks::<T>::insert(&d.holder, d.content, ());
		Works::<T>::insert(d.content, work);
		Self::deposit_event(Event::WorkDeposited {
			content: d.content,
			holder: d.holder,
			depositor: who,
			time: anchor.time,
		});
		Ok(())
	}

	/// Deposits every item or none: all are checked before the first is written.
	///
	/// # Errors
	/// [`Error::EmptyBatch`], [`Error::DuplicateInBatch`], those of `check_deposit`.
	pub(crate) fn do_deposit_batch(who: T::AccountId, items: BatchOf<T>) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
		let distinct: BTreeSet<_> = items.iter().map(|d| d.content).collect();
		ensure!(distinct.len() == items.len(), Error::<T>::DuplicateInBatch);
		items.iter().try_for_each(Self::check_deposit)?;
		for d in items {
			Self::insert_work(who.clone(), d)?;
		}
		Ok(())
	}

	/// The work `content`, or [`Error::UnknownWork`].
	pub(crate) fn work_of(content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		Works::<T>::get(content).ok_or(Error::<T>::UnknownWork.into())
	}
}
