//! Read-side: verification and the paged queries behind the runtime API.

use crate::*;
use alloc::vec::Vec;

impl<T: Config> Pallet<T> {
	/// The status licence `license` (id `id`) had at `time`, replayed from its
	/// management record.
	pub fn status_at(id: LicenseId, license: &LicenseOf<T>, time: Seconds) -> LicenseStatus {
		(0..license.changes)
			.filter_map(|seq| History::<T>::get(id, seq))
			.take_while(|c| c.time <= time)
			.fold(LicenseStatus::Active, |_, c| c.action.resulting_status())
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

	/// Up to `limit` licence ids of `holder`, after skipping `skip` (unordered).
	pub fn licenses_of(holder: &HolderOf<T>, skip: u32, limit: u32) -> Vec<LicenseId> {
		HolderLicenses::<T>::iter_key_prefix(holder)
			.skip(skip as usize)
			.take(limit as usize)
			.collect()
	}

	/// Up to `limit` entries of licence `id`'s management record from `from`.
	pub fn management_record(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ChangeRecordOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.changes);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| History::<T>::get(id, seq).map(|c| (seq, c)))
			.collect()
	}

	/// Up to `limit` entries of licence `id`'s usage record from `from`.
	pub fn usage_log(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, UsageEntryOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.uses);
		(from..end)
			.take(limit as usize)
			.filter_map(|seq| Usage::<T>::get(id, seq).map(|u| (seq, u)))
			.collect()
	}

	/// Up to `limit` authorisations of licence `id` from index `from`.
	pub fn consents_of(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ConsentOf<T>)> {
		let end = Licenses::<T>::get(id).map_or(0, |l| l.consents);
		(from..end)
			.take(limit as usize)
			.filter_map(|i| Consents::<T>::get(id, i).map(|c| (i, c)))
			.collect()
	}

	/// Every recognition of type `accepted` by another type: `(accepting, declaration)`.
	pub fn recognitions_of(accepted: LicenseTypeId) -> Vec<(LicenseTypeId, RecognitionOf<T>)> {
		Recognitions::<T>::iter_prefix(accepted).collect()
	}
}
