//! Storage migrations of the copyright pallet.
//!
//! | version | change | migration |
//! |---|---|---|
//! | 1 | first release (`spec_version` 100) | — |
//! | 2 | each pending commitment records the deposit held for it | [`v2::MigrateV1ToV2`] |

use crate::*;

/// The layout of storage version 1.
pub mod v1 {
	use super::*;
	use codec::{Decode, Encode, MaxEncodedLen};
	use frame_support::{pallet_prelude::ValueQuery, storage_alias, Blake2_128Concat, BoundedVec};
	use frame_system::pallet_prelude::BlockNumberFor;
	use scale_info::TypeInfo;

	/// A pending commitment as version 1 stored it: no deposit, all held for an
	/// account's commitments returned at once when its last one went.
	#[derive(Clone, Copy, PartialEq, Eq, Encode, Decode, MaxEncodedLen, TypeInfo, Debug)]
	pub struct PendingCommit<BlockNumber> {
		/// The commitment.
		pub commitment: Commitment,
		/// The block it was made in.
		pub block: BlockNumber,
	}

	/// An account's pending commitments in version 1.
	pub type CommitmentsOf<T> =
		BoundedVec<PendingCommit<BlockNumberFor<T>>, <T as Config>::MaxPendingCommits>;

	/// [`crate::Commitments`] in version 1.
	#[storage_alias]
	pub type Commitments<T: Config> = StorageMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		CommitmentsOf<T>,
		ValueQuery,
	>;
}

/// Version 1 → 2: every pending commitment gets the deposit held for it.
pub mod v2 {
	use super::*;
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		ensure,
		migrations::VersionedMigration,
		traits::{fungible::InspectHold, GetStorageVersion, StorageVersion, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::{
		traits::{Get, Saturating, Zero},
		TryRuntimeError,
	};

	/// Runs [`InnerMigrateV1ToV2`] once, on a chain whose copyright storage is at
	/// version 1, and sets it to version 2. Add it to the runtime's migrations.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Version 1 held [`Config::CommitDeposit`] per commitment but did not record it:
	/// it returned one current deposit per commitment and, with the last one, whatever
	/// was left. This gives each of an account's commitments an equal share of what is
	/// held from the account for commitments (the oldest also the remainder), so the
	/// shares add up to the hold exactly and nothing stays held after the last one.
	///
	/// One pass over the accounts with pending commitments (they expire after
	/// [`Config::CommitLifetime`]): two reads and one write each.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	/// What [`InnerMigrateV1ToV2::pre_check`] hands to the post-check: each account,
	/// its commitments and blocks in order, and what is held from it.
	type Snapshot<T> = Vec<(
		<T as frame_system::Config>::AccountId,
		Vec<(Commitment, BlockNumberFor<T>)>,
		BalanceOf<T>,
	)>;

	/// Splits `held` into `n` shares that add up to it, the first taking the remainder.
	pub(crate) fn shares<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(held: B, n: u32) -> Vec<B> {
		if n == 0 {
			return Vec::new();
		}
		let share = held / B::from(n);
		let first = held.saturating_sub(share.saturating_mul(B::from(n - 1)));
		core::iter::once(first).chain(core::iter::repeat(share).take(n as usize - 1)).collect()
	}

	fn held<T: Config>(who: &T::AccountId) -> BalanceOf<T> {
		T::Currency::balance_on_hold(&HoldReason::CommitDeposit.into(), who)
	}

	impl<T: Config> InnerMigrateV1ToV2<T> {
		/// The state the post-check compares with: every account's commitments (read
		/// in the version-1 layout) and its hold, encoded.
		///
		/// # Errors
		/// None today; the signature is that of `pre_upgrade`.
		pub fn pre_check() -> Result<Vec<u8>, TryRuntimeError> {
			let snapshot: Snapshot<T> = v1::Commitments::<T>::iter()
				.map(|(who, commits)| {
					let held = held::<T>(&who);
					(who, commits.iter().map(|c| (c.commitment, c.block)).collect(), held)
				})
				.collect();
			Ok(snapshot.encode())
		}

		/// Checks the migration against the pre-check's `state`: the same accounts with
		/// the same commitments in the same order, each account's hold unchanged and its
		/// deposits adding up to it, and the storage at version 2.
		///
		/// # Errors
		/// A message naming the first difference.
		pub fn post_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let snapshot = Snapshot::<T>::decode(&mut &state[..])
				.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
			ensure!(
				Commitments::<T>::iter_keys().count() == snapshot.len(),
				"number of accounts with commitments changed"
			);
			for (who, before, held_before) in snapshot {
				let after = Commitments::<T>::get(&who);
				let kept: Vec<_> = after.iter().map(|c| (c.commitment, c.block)).collect();
				ensure!(kept == before, "an account's commitments changed");
				let sum = after.iter().fold(BalanceOf::<T>::zero(), |s, c| s.saturating_add(c.deposit));
				ensure!(held::<T>(&who) == held_before, "a hold changed");
				ensure!(sum == held_before, "deposits do not add up to the hold");
			}
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
				"copyright storage is not at version 2"
			);
			Ok(())
		}
	}

	impl<T: Config> InnerMigrateV1ToV2<T> {
		/// Rewrites every account's commitments in the version-2 layout; returns how many
		/// accounts it read.
		pub fn migrate() -> u64 {
			let mut accounts = 0u64;
			Commitments::<T>::translate::<v1::CommitmentsOf<T>, _>(|who, old| {
				accounts.saturating_inc();
				if old.is_empty() {
					return None;
				}
				let shares = shares(held::<T>(&who), old.len() as u32);
				let new: Vec<PendingCommitOf<T>> = old
					.iter()
					.zip(shares)
					.map(|(c, deposit)| PendingCommit { commitment: c.commitment, block: c.block, deposit })
					.collect();
				// Same bound, one entry per old entry: always fits.
				Some(CommitmentsOf::<T>::truncate_from(new))
			});
			accounts
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let accounts = Self::migrate();
			T::DbWeight::get().reads_writes(accounts.saturating_mul(2), accounts)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_check()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_check(state)
		}
	}
}
