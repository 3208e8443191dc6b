//! Runtime API of the copyright pallet: verification by hash, a holder's works, and
//! the evidence export, as `api.call.copyrightApi.*` in polkadot.js.

use crate::{Evidence, Grant, Work, WorkEvent};
use alloc::vec::Vec;
use govchain_primitives::{DocumentHash, HolderRef};

/// A work as returned by the API (plain vectors).
pub type WorkView<AccountId, BlockNumber, Hash> =
	Work<AccountId, Vec<u8>, Vec<HolderRef<AccountId>>, BlockNumber, Hash>;
/// The evidence record as returned by the API.
pub type EvidenceView<AccountId, BlockNumber, Hash> =
	Evidence<WorkView<AccountId, BlockNumber, Hash>, WorkEvent<AccountId, BlockNumber, Hash>>;

sp_api::decl_runtime_apis! {
	/// Verifying works and exporting court evidence.
	pub trait CopyrightApi<AccountId, BlockNumber, Hash>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
		Hash: codec::Codec,
	{
		/// The work deposited under `content`, if any: who holds it, since when.
		fn work(content: DocumentHash) -> Option<WorkView<AccountId, BlockNumber, Hash>>;
		/// Up to `limit` content hashes of `holder`'s works, skipping `skip`.
		fn works_of(holder: HolderRef<AccountId>, skip: u32, limit: u32) -> Vec<DocumentHash>;
		/// The licences granted on `content`, with their indices.
		fn grants(content: DocumentHash) -> Vec<(u32, Grant<AccountId>)>;
		/// Everything a court needs to check `content`'s record against any node: the
		/// work and its history in order, each entry with block number, parent hash,
		/// extrinsic index and time.
		fn evidence(content: DocumentHash) -> Option<EvidenceView<AccountId, BlockNumber, Hash>>;
	}
}

/// A stored work in the API's shape.
pub fn work_view<A, T: Into<Vec<u8>>, Au: Into<Vec<HolderRef<A>>>, B, H>(
	w: Work<A, T, Au, B, H>,
) -> WorkView<A, B, H> {
	Work {
		title: w.title.into(),
		category: w.category,
		nature: w.nature,
		authors: w.authors.into(),
		holder: w.holder,
		controller: w.controller,
		completed: w.completed,
		publication: w.publication,
		depositor: w.depositor,
		deposited: w.deposited,
		registration: w.registration,
		frozen: w.frozen,
		events: w.events,
		grants: w.grants,
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// The evidence record in the API's shape.
	pub fn evidence_view(
		content: &DocumentHash,
	) -> Option<EvidenceView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>, T::Hash>> {
		Self::evidence(content).map(|e| Evidence { content: e.content, work: work_view(e.work), history: e.history })
	}

	/// The licences granted on `content`.
	pub fn grants_of(content: &DocumentHash) -> Vec<(u32, Grant<T::AccountId>)> {
		let n = crate::Works::<T>::get(content).map_or(0, |w| w.grants);
		(0..n).filter_map(|i| crate::Grants::<T>::get(content, i).map(|g| (i, g))).collect()
	}
}
