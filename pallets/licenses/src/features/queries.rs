//! Read-side: verification and the paged queries behind the runtime API.

use crate::*;
use alloc::vec::Vec;
use frame_support::traits::Get;

/// The value of the last of `len` entries in time order (times never decrease) whose
/// time is at or before `time`, or `None` if there is none. Binary search over the
/// sequence numbers: at most ⌈log2(len + 1)⌉ calls of `get`, which returns an entry's
/// time and value (`None`, a missing entry, counts as later than `time`).
pub(crate) fn last_at_or_before<R>(
	len: u32,
	time: Seconds,
	mut get: impl FnMut(u32) -> Option<(Seconds, R)>,
) -> Option<R> {
	// Entries below `lo` are at or before `time`; entries from `hi` on are after it.
	let (mut lo, mut hi) = (0u32, len);
	let mut found = None;
	while lo < hi {
		let mid = lo + (hi - lo) / 2;
		match get(mid) {
			Some((t, value)) if t <= time => {
				// `lo` only grows: the last value kept is the entry at `lo - 1`.
				found = Some(value);
				lo = mid + 1;
			},
			_ => hi = mid,
		}
	}
	found
}

impl<T: Config> Pallet<T> {
	/// The status licence `license` (id `id`) had at `time`: that of the last entry of
	/// its management record at or before `time` (active before the first), found by
	/// binary search — O(log n) reads, however long the record.
	pub fn status_at(id: LicenseId, license: &LicenseOf<T>, time: Seconds) -> LicenseStatus {
		last_at_or_before(license.changes, time, |seq| {
			History::<T>::get(id, seq).map(|c| (c.time, c.action.resulting_status()))
		})
		.unwrap_or(LicenseStatus::Active)
	}

	/// `limit`, capped at [`Config::MaxPage`].
	fn page(limit: u32) -> usize {
		limit.min(T::MaxPage::get()) as usize
	}

	/// Whether licence `id` is valid for use in `region` at `at` (now if `None`).
	///
	/// Status is taken as it was at that time (from the management record);
	/// recognitions as they stand now. A malformed region is recognised nowhere.
	pub fn verify(id: LicenseId, region: u32, at: Option<Seconds>) -> Verdict {
		let invalid = |reason| Verdict::Invalid { reason };
		let Some(license) = Licenses::<T>::get(id) else { return invalid(InvalidReason::Unknown) };
		let time = at.unwrap_or_else(Self::now);
		match Self::status_at(id, &license, time) {
			LicenseStatus::Active => {},
			LicenseStatus::Suspended => return invalid(InvalidReason::Suspended),
			LicenseStatus::Revoked => return invalid(InvalidReason::Revoked),
			LicenseStatus::Cancelled => return invalid(InvalidReason::Cancelled),
			LicenseStatus::Superseded => return invalid(InvalidReason::Superseded),
		}
		if time < license.valid_from {
			return invalid(InvalidReason::NotYetValid);
		}
		if license.valid_until.is_some_and(|u| u <= time) {
			return invalid(InvalidReason::Expired);
		}
		let (Some(region), Some(own)) = (RegionCode::new(region), Types::<T>::get(license.license_type))
		else {
			return Verdict::ValidNotRecognised;
		};
		if own.region.covers(&region) {
			return Verdict::ValidRecognised { via: None };
		}
		Recognitions::<T>::iter_prefix(license.license_type)
			.filter(|(_, r)| r.confirmed.is_some())
			.find(|(accepting, _)| Types::<T>::get(accepting).is_some_and(|t| t.region.covers(&region)))
			.map_or(Verdict::ValidNotRecognised, |(accepting, _)| Verdict::ValidRecognised {
				via: Some(accepting),
			})
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) licence ids of `holder`: first its live
	/// ones in the order they were issued ([`LiveLicenses`]), then its ended ones in
	/// storage order ([`EndedLicenses`]), starting after licence `after` (the last id of
	/// the previous page; `None`: from the start). Reads the live list (bounded) and the
	/// page. A licence that ends between two pages may be listed twice or, if it was the
	/// cursor, the ended ones before it in storage order are skipped; a walk started
	/// again from `None` lists each licence once.
	pub fn licenses_of(holder: &HolderOf<T>, after: Option<LicenseId>, limit: u32) -> Vec<LicenseId> {
		let limit = Self::page(limit);
		let live = LiveLicenses::<T>::get(holder);
		let (from_live, ended_after) = match after {
			None => (0, None),
			Some(last) => match live.iter().position(|id| *id == last) {
				Some(i) => (i + 1, None),
				None => (live.len(), Some(last)),
			},
		};
		let mut page: Vec<LicenseId> = live.iter().skip(from_live).take(limit).copied().collect();
		let rest = limit - page.len();
		if rest > 0 {
			match ended_after {
				None => page.extend(EndedLicenses::<T>::iter_key_prefix(holder).take(rest)),
				Some(last) => page.extend(
					EndedLicenses::<T>::iter_key_prefix_from(
						holder,
						EndedLicenses::<T>::hashed_key_for(holder, last),
					)
					.take(rest),
				),
			}
		}
		page
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) entries of licence `id`'s management
	/// record from `from`.
	pub fn management_record(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ChangeRecordOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.changes);
		(from..end)
			.take(Self::page(limit))
			.filter_map(|seq| History::<T>::get(id, seq).map(|c| (seq, c)))
			.collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) entries of licence `id`'s usage
	/// record from `from`.
	pub fn usage_log(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, UsageEntryOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.uses);
		(from..end)
			.take(Self::page(limit))
			.filter_map(|seq| Usage::<T>::get(id, seq).map(|u| (seq, u)))
			.collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) authorisations of licence `id` from
	/// index `from`.
	pub fn consents_of(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ConsentOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.consents);
		(from..end)
			.take(Self::page(limit))
			.filter_map(|i| Consents::<T>::get(id, i).map(|c| (i, c)))
			.collect()
	}

	/// Up to `limit` (at most [`Config::MaxPage`]) recognitions of type `accepted` by
	/// other types, `(accepting, declaration)`, in storage order after skipping `from`
	/// (a type takes part in at most [`Config::MaxRecognitionsPerType`]).
	pub fn recognitions_of(
		accepted: LicenseTypeId,
		from: u32,
		limit: u32,
	) -> Vec<(LicenseTypeId, RecognitionOf<T>)> {
		Recognitions::<T>::iter_prefix(accepted)
			.skip(from as usize)
			.take(Self::page(limit))
			.collect()
	}
}
