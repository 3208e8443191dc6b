//! Read-side: verification, a holder's works, and the evidence record.

use crate::*;
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// The work deposited under `content` (verification by hash).
	pub fn work(content: &DocumentHash) -> Option<WorkOf<T>> {
		Works::<T>::get(content)
	}

	/// Up to `limit` content hashes of `holder`'s works, skipping `skip`.
	pub fn works_of(holder: &HolderOf<T>, skip: u32, limit: u32) -> Vec<DocumentHash> {
		HolderWorks::<T>::iter_key_prefix(holder).skip(skip as usize).take(limit as usize).collect()
	}

	/// Everything a court needs to check `content`'s record against any node.
	pub fn evidence(content: &DocumentHash) -> Option<Evidence<WorkOf<T>, WorkEventOf<T>>> {
		let work = Works::<T>::get(content)?;
		let history = (0..work.events).filter_map(|seq| History::<T>::get(content, seq)).collect();
		Some(Evidence { content: *content, work, history })
	}
}
