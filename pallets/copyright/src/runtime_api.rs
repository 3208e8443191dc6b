//! Runtime API of the copyright pallet: verification by hash, a holder's works, and
//! the evidence export, as `api.call.copyrightApi.*` in polkadot.js.

use crate::{Commitment, Evidence, Grant, Work, WorkEvent};
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
		/// Up to `limit` (at most `MaxPage`) content hashes of `holder`'s works,
		/// skipping the first `from`.
		fn works_of(holder: HolderRef<AccountId>, from: u32, limit: u32) -> Vec<DocumentHash>;
		/// Up to `limit` (at most `MaxPage`) licences granted on `content` from index
		/// `from`, with their indices.
		fn grants(content: DocumentHash, from: u32, limit: u32) -> Vec<(u32, Grant<AccountId>)>;
		/// What a court needs to check `content`'s record against any node: the work
		/// (`work.events` entries in all) and up to `limit` (at most `MaxPage`) entries
		/// of its history from sequence number `from` (0 = the deposit), in order, each
		/// with block number, parent hash, extrinsic index and time.
		fn evidence(content: DocumentHash, from: u32, limit: u32) -> Option<EvidenceView<AccountId, BlockNumber, Hash>>;
		/// The block `account` made `commitment` in, if it is pending (not yet revealed
		/// or removed).
		fn commitment(account: AccountId, commitment: Commitment) -> Option<BlockNumber>;
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
		offer: w.offer,
		region: w.region,
		completed: w.completed,
		publication: w.publication,
		depositor: w.depositor,
		deposited: w.deposited,
		committed: w.committed,
		contest_ends: w.contest_ends,
		registration: w.registration,
		frozen: w.frozen,
		events: w.events,
		grants: w.grants,
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// A page of the evidence record in the API's shape.
	pub fn evidence_view(
		content: &DocumentHash,
		from: u32,
		limit: u32,
	) -> Option<EvidenceView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>, T::Hash>> {
		Self::evidence(content, from, limit).map(|e| Evidence {
			content: e.content,
			work: work_view(e.work),
			from: e.from,
			history: e.history,
		})
	}
}
