//! Read-side: verification, a holder's works, licences, commitments and the evidence
//! record. Every list is paged `(from, limit)` with `limit` capped at `MaxPage`.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> Pallet<T> {
	/// `limit` capped at [`Config::MaxPage`].
	fn page(limit: u32) -> usize {
		limit.min(T::MaxPage::get()) as usize
	}

	/// The work deposited under `content` (verification by hash).
	pub fn work(content: &DocumentHash) -> Option<WorkOf<T>> {
		Works::<T>::get(content)
	}

	/// Up to `limit` content hashes of `holder`'s works, skipping the first `from`.
	pub fn works_of(holder: &HolderOf<T>, from: u32, limit: u32) -> Vec<DocumentHash> {
		HolderWorks::<T>::iter_key_prefix(holder).skip(from as usize).take(Self::page(limit)).collect()
	}

	/// Up to `limit` licences granted on `content`, from index `from`, with their indices.
	pub fn grants_of(content: &DocumentHash, from: u32, limit: u32) -> Vec<(u32, GrantOf<T>)> {
		let n = Works::<T>::get(content).map_or(0, |w| w.grants);
		(from..n)
			.take(Self::page(limit))
			.filter_map(|i| Grants::<T>::get(content, i).map(|g| (i, g)))
			.collect()
	}

	/// The block `who` made `commitment` in, if it is pending.
	pub fn commitment(who: &T::AccountId, commitment: &Commitment) -> Option<BlockNumberFor<T>> {
		Commitments::<T>::get(who).into_iter().find(|c| &c.commitment == commitment).map(|c| c.block)
	}

	/// What a court needs to check `content`'s record against any node: the work and up
	/// to `limit` entries of its history from sequence number `from` (0 = the deposit).
	pub fn evidence(content: &DocumentHash, from: u32, limit: u32) -> Option<Evidence<WorkOf<T>, WorkEventOf<T>>> {
		let work = Works::<T>::get(content)?;
		let history =
			(from..work.events).take(Self::page(limit)).filter_map(|seq| History::<T>::get(content, seq)).collect();
		Some(Evidence { content: *content, work, from, history })
	}
}
