//! Read-side: the queries behind the runtime API. Every list is read a page at a
//! time: a page holds at most `limit` items, and `limit` at most
//! [`Config::MaxPage`]; the next page starts after the last item of the previous one.

use crate::*;
use alloc::{boxed::Box, vec::Vec};
use frame_support::{storage::KeyPrefixIterator, traits::Get};
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// A page of the reviews `agency` could give now ("my pending reviews"): open
	/// applications in its region with a pending review of a service whose role it
	/// holds, by service (in [`Service::ALL`] order), then in storage order. Pass the
	/// last item of the previous page as `after` (or `None` for the first page).
	/// Reads at most one prefix per service and `limit` entries (and, with `after`,
	/// that application's region, to find where its entry is).
	pub fn pending_for(
		agency: AgencyId,
		after: Option<(ApplicationId, Service)>,
		limit: u32,
	) -> Vec<(ApplicationId, Service)> {
		let limit = limit.min(T::MaxPage::get()) as usize;
		let Some(home) = T::Agencies::region_of(agency) else { return Vec::new() };
		let scope = ReviewScope::of(home);
		let mut page = Vec::new();
		for service in Service::ALL {
			if page.len() >= limit {
				break;
			}
			if after.is_some_and(|(_, s)| service < s) || !T::Agencies::has_role(agency, service.role()) {
				continue;
			}
			// Applications are kept once decided, so the previous page's last entry
			// can always be located, listed or not.
			let resume = match after {
				Some((id, s)) if s == service => match Applications::<T>::get(id) {
					Some(a) => {
						let (province, prefecture, code) = review_path(a.profile.region);
						Some(OpenReviews::<T>::hashed_key_for((service, province, prefecture, code, id)))
					},
					None => continue,
				},
				_ => None,
			};
			let room = limit.saturating_sub(page.len());
			page.extend(Self::reviews_listed(service, scope, resume).take(room).map(|id| (id, service)));
		}
		page
	}

	/// The applications with a pending review of `service` listed under `scope`, in
	/// storage order, after the raw key `resume` if given.
	fn reviews_listed(
		service: Service,
		scope: ReviewScope,
		resume: Option<Vec<u8>>,
	) -> Box<dyn Iterator<Item = ApplicationId>> {
		fn from<K>(mut keys: KeyPrefixIterator<K>, resume: Option<Vec<u8>>) -> KeyPrefixIterator<K> {
			if let Some(raw) = resume {
				keys.set_last_raw_key(raw);
			}
			keys
		}
		match scope {
			ReviewScope::Province(p) => {
				Box::new(from(OpenReviews::<T>::iter_key_prefix((service, p)), resume).map(|(_, _, id)| id))
			},
			ReviewScope::Prefecture(p, f) => {
				Box::new(from(OpenReviews::<T>::iter_key_prefix((service, p, f)), resume).map(|(_, id)| id))
			},
			ReviewScope::County(p, f, c) => Box::new(from(OpenReviews::<T>::iter_key_prefix((service, p, f, c)), resume)),
		}
	}

	/// A page of the USCCs of enterprises registered in `region`, in storage order,
	/// after `after` (the last USCC of the previous page; `None` for the first).
	pub fn enterprises_in(region: RegionCode, after: Option<Uscc>, limit: u32) -> Vec<Uscc> {
		let limit = limit.min(T::MaxPage::get()) as usize;
		let usccs = match after {
			Some(last) => RegionEnterprises::<T>::iter_key_prefix_from(
				region,
				RegionEnterprises::<T>::hashed_key_for(region, last),
			),
			None => RegionEnterprises::<T>::iter_key_prefix(region),
		};
		usccs.take(limit).collect()
	}

	/// A page of `uscc`'s history from sequence number `from`.
	pub fn history_of(uscc: &Uscc, from: u32, limit: u32) -> Vec<(u32, ChangeEntryOf<T>)> {
		let limit = limit.min(T::MaxPage::get());
		let end = Enterprises::<T>::get(uscc).map_or(0, |e| e.changes);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| History::<T>::get(uscc, seq).map(|c| (seq, c)))
			.collect()
	}
}
