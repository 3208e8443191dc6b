//! Storage migrations of the licences pallet.
//!
//! | version | change | migration |
//! |---|---|---|
//! | 1 | first release (`spec_version` 100) | — |
//! | 2 | the holder index keeps ended licences only ([`crate::EndedLicenses`]); the live ones are listed by [`crate::LiveLicenses`] alone, so an issuance writes one key fewer | [`v2::MigrateV1ToV2`] |

use crate::*;

/// The layout of storage version 1.
pub mod v1 {
	use super::*;
	use frame_support::{storage_alias, Blake2_128Concat, Twox64Concat};

	/// Every licence of each holder, live or ended, in version 1.
	#[storage_alias]
	pub type HolderLicenses<T: Config> =
		StorageDoubleMap<Pallet<T>, Blake2_128Concat, HolderOf<T>, Twox64Concat, LicenseId, ()>;
}

/// Version 1 → 2: the holder index keeps only ended licences, under a new name.
pub mod v2 {
	use super::*;
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use frame_support::{
		ensure,
		migrations::VersionedMigration,
		traits::{GetStorageVersion, StorageVersion, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::{traits::Get, TryRuntimeError};

	/// Runs [`InnerMigrateV1ToV2`] once, on a chain whose licences storage is at
	/// version 1, and sets it to version 2. Add it to the runtime's migrations.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Moves the ended licences of version 1's `HolderLicenses` into
	/// [`crate::EndedLicenses`] and removes the rest: one pass over every licence
	/// (two reads, and one or two writes, each). The live ones stay listed in
	/// [`crate::LiveLicenses`], which both versions keep.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	/// What [`InnerMigrateV1ToV2::pre_check`] hands to the post-check: every holder
	/// and licence the version-1 index listed.
	type Snapshot<T> = Vec<(HolderOf<T>, LicenseId)>;

	impl<T: Config> InnerMigrateV1ToV2<T> {
		/// The version-1 index, encoded.
		///
		/// # Errors
		/// None today; the signature is that of `pre_upgrade`.
		pub fn pre_check() -> Result<Vec<u8>, TryRuntimeError> {
			let snapshot: Snapshot<T> = v1::HolderLicenses::<T>::iter_keys().collect();
			Ok(snapshot.encode())
		}

		/// Checks the migration against the pre-check's `state`: the old index is gone,
		/// each licence it listed is now listed by exactly one of the live and the ended
		/// indexes (the one its status names), the ended index lists nothing else, and
		/// the storage is at version 2.
		///
		/// # Errors
		/// A message naming the first difference.
		pub fn post_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let snapshot = Snapshot::<T>::decode(&mut &state[..])
				.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
			ensure!(v1::HolderLicenses::<T>::iter_keys().next().is_none(), "version-1 index left");
			let mut ended = 0usize;
			for (holder, id) in snapshot {
				let l = Licenses::<T>::get(id).ok_or("indexed licence missing")?;
				let live = LiveLicenses::<T>::get(&holder).contains(&id);
				let in_ended = EndedLicenses::<T>::contains_key(&holder, id);
				ensure!(live != in_ended, "licence not listed exactly once");
				ensure!(in_ended == l.status.is_final(), "licence listed by the wrong index");
				ended += usize::from(in_ended);
			}
			ensure!(EndedLicenses::<T>::iter_keys().count() == ended, "ended index lists more");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
				"licences storage is not at version 2"
			);
			Ok(())
		}

		/// Rewrites the index; returns how many entries version 1 had and how many of
		/// them were ended.
		pub fn migrate() -> (u64, u64) {
			let (mut entries, mut ended) = (0u64, 0u64);
			for (holder, id, ()) in v1::HolderLicenses::<T>::drain() {
				entries = entries.saturating_add(1);
				if Licenses::<T>::get(id).is_some_and(|l| l.status.is_final()) {
					EndedLicenses::<T>::insert(&holder, id, ());
					ended = ended.saturating_add(1);
				}
			}
			(entries, ended)
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (entries, ended) = Self::migrate();
			T::DbWeight::get()
				.reads_writes(entries.saturating_mul(2), entries.saturating_add(ended))
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
