//! Storage migrations of the enterprise registry pallet.
//!
//! | version | change | migration |
//! |---|---|---|
//! | 1 | first release (`spec_version` 100) | — |
//! | 2 | [`crate::OpenReviews`] lists each pending review once, under its application's [`crate::review_path`], instead of once per covering scope (up to three): an application writes one index key per service, not up to three | [`v2::MigrateV1ToV2`] |

use crate::*;

/// The layout of storage version 1.
pub mod v1 {
	use super::*;
	use frame_support::{storage_alias, Twox64Concat};

	/// Each pending review under every region scope that covers the application's
	/// region (its province, prefecture and the code itself, each once), in version 1.
	#[storage_alias]
	pub type OpenReviews<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, (RegionCode, Service), Twox64Concat, ApplicationId, ()>;
}

/// Version 1 → 2: every pending review listed once.
pub mod v2 {
	use super::*;
	use alloc::{collections::btree_set::BTreeSet, vec::Vec};
	use codec::{Decode, Encode};
	use frame_support::{
		ensure,
		migrations::VersionedMigration,
		traits::{GetStorageVersion, StorageVersion, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::{traits::Get, TryRuntimeError};

	/// Runs [`InnerMigrateV1ToV2`] once, on a chain whose enterprise registry storage
	/// is at version 1, and sets it to version 2. Add it to the runtime's migrations.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		InnerMigrateV1ToV2<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;

	/// Clears version 1's index and lists again, once each, the pending reviews of
	/// every application under review ([`crate::OpenApplications`]): the index is
	/// derived from the applications alone, so nothing of version 1 has to be decoded
	/// to rebuild it. One pass over the old entries and the open applications.
	pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

	/// What [`InnerMigrateV1ToV2::pre_check`] hands to the post-check: every
	/// (application, service) the version-1 index listed, once.
	type Snapshot = BTreeSet<(ApplicationId, Service)>;

	impl<T: Config> InnerMigrateV1ToV2<T> {
		/// The reviews the version-1 index listed, encoded.
		///
		/// # Errors
		/// None today; the signature is that of `pre_upgrade`.
		pub fn pre_check() -> Result<Vec<u8>, TryRuntimeError> {
			let snapshot: Snapshot =
				v1::OpenReviews::<T>::iter_keys().map(|((_, service), id)| (id, service)).collect();
			Ok(snapshot.encode())
		}

		/// Checks the migration against the pre-check's `state`: the index lists
		/// exactly the reviews version 1 listed, each once, under its application's
		/// [`review_path`], and the storage is at version 2.
		///
		/// # Errors
		/// A message naming the first difference.
		pub fn post_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let snapshot = Snapshot::decode(&mut &state[..])
				.map_err(|_| TryRuntimeError::Other("pre-upgrade state does not decode"))?;
			let mut listed = 0usize;
			for (service, province, prefecture, code, id) in OpenReviews::<T>::iter_keys() {
				let a = Applications::<T>::get(id).ok_or("review of an unknown application")?;
				ensure!(review_path(a.profile.region) == (province, prefecture, code), "review listed elsewhere");
				ensure!(snapshot.contains(&(id, service)), "review not listed before");
				listed += 1;
			}
			ensure!(listed == snapshot.len(), "a review listed before is missing");
			ensure!(
				Pallet::<T>::on_chain_storage_version() == StorageVersion::new(2),
				"enterprise registry storage is not at version 2"
			);
			Ok(())
		}

		/// Rewrites the index; returns how many entries version 1 had, how many
		/// applications were open and how many reviews are listed now.
		pub fn migrate() -> (u64, u64, u64) {
			let removed = u64::from(v1::OpenReviews::<T>::clear(u32::MAX, None).unique);
			let (mut open, mut listed) = (0u64, 0u64);
			for id in OpenApplications::<T>::iter_keys() {
				open = open.saturating_add(1);
				let Some(a) = Applications::<T>::get(id) else { continue };
				let pending: Vec<Service> =
					a.reviews.iter().filter(|(_, r)| matches!(r, Review::Pending)).map(|(s, _)| *s).collect();
				listed = listed.saturating_add(pending.len() as u64);
				Pallet::<T>::open_reviews(id, a.profile.region, pending.into_iter());
			}
			(removed, open, listed)
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
		fn on_runtime_upgrade() -> Weight {
			let (removed, open, listed) = Self::migrate();
			T::DbWeight::get().reads_writes(
				removed.saturating_add(open.saturating_mul(2)),
				removed.saturating_add(listed),
			)
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
