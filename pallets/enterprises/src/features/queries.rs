//! Read-side: the queries behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// Up to `limit` open applications with a review `agency` could give now, each
	/// with the service it would review ("my pending reviews").
	pub fn pending_for(agency: AgencyId, limit: u32) -> Vec<(ApplicationId, Service)> {
		let Some(home) = T::Agencies::region_of(agency) else { return Vec::new() };
		OpenApplications::<T>::iter_keys()
			.filter_map(|id| Applications::<T>::get(id).map(|a| (id, a)))
			.filter(|(_, a)| home.covers(&a.profile.region))
			.flat_map(|(id, a)| {
				a.reviews
					.into_iter()
					.filter(|(s, r)| matches!(r, Review::Pending) && T::Agencies::has_role(agency, s.role()))
					.map(move |(s, _)| (id, s))
			})
			.take(limit as usize)
			.collect()
	}

	/// Up to `limit` USCCs of enterprises registered in `region`, skipping `skip`.
	pub fn enterprises_in(region: RegionCode, skip: u32, limit: u32) -> Vec<Uscc> {
		RegionEnterprises::<T>::iter_key_prefix(region)
			.skip(skip as usize)
			.take(limit as usize)
			.collect()
	}

	/// Up to `limit` entries of `uscc`'s history from `from`.
	pub fn history_of(uscc: &Uscc, from: u32, limit: u32) -> Vec<(u32, ChangeEntryOf<T>)> {
		let end = Enterprises::<T>::get(uscc).map_or(0, |e| e.changes);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| History::<T>::get(uscc, seq).map(|c| (seq, c)))
			.collect()
	}
}
