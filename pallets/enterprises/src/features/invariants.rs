//! `try_state` invariants.

use crate::*;
use frame_support::ensure;
use govchain_primitives::LicenseIssuer;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the register:
	/// 1. every USCC on the register is well formed (no two enterprises share one:
	///    it is the map's key), and one serial was used per enterprise;
	/// 2. every enterprise still on the register has exactly one current business
	///    licence — the one it names, not ended — holds its name in its region, and is
	///    listed in its region; an ended enterprise's licence has ended too;
	/// 3. its current profile is its latest version, and its history has no gap;
	/// 4. the name index holds only names of enterprises on the register;
	/// 5. open applications are exactly those under review;
	/// 6. the open-amendment marks are exactly the amendments under review, each of
	///    an enterprise still on the register;
	/// 7. the open-review index lists exactly the pending reviews of applications
	///    under review, each under every scope covering the application's region and
	///    no other;
	/// 8. a pending move concerns an enterprise still on the register and was
	///    released by its current authority.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut count = 0u32;
		for (uscc, e) in Enterprises::<T>::iter() {
			count += 1;
			ensure!(uscc.is_valid(), "malformed USCC on the register");
			if e.status.is_final() {
				ensure!(T::Licenses::has_ended(e.license), "ended enterprise with a live licence");
			} else {
				ensure!(!T::Licenses::has_ended(e.license), "enterprise without a current licence");
				ensure!(
					Names::<T>::get(e.profile.region, &e.profile.name) == Some(uscc),
					"name not held by its enterprise"
				);
			}
			ensure!(RegionEnterprises::<T>::contains_key(e.profile.region, uscc), "not listed in its region");
			ensure!(Versions::<T>::get(uscc, e.version) == Some(e.profile.clone()), "profile is not the latest version");
			ensure!(History::<T>::iter_prefix(uscc).count() as u32 == e.changes, "history count mismatch");
		}
		ensure!(NextSerial::<T>::get() == count, "serials used differ from enterprises");
		for (region, _, uscc) in Names::<T>::iter() {
			let e = Enterprises::<T>::get(uscc).ok_or("name of an unknown enterprise")?;
			ensure!(!e.status.is_final() && e.profile.region == region, "stale name");
		}
		let mut listed = 0usize;
		for (id, (who, _)) in ApplicationDeposits::<T>::iter() {
			ensure!(
				Applications::<T>::get(id).is_some_and(|a| a.via_agency.is_none() &&
					a.submitter == who &&
					matches!(a.status, ApplicationStatus::UnderReview | ApplicationStatus::Rejected)),
				"deposit held for an application decided, filed by a desk, or of another account"
			);
		}
		for (id, a) in Applications::<T>::iter() {
			let open = a.status == ApplicationStatus::UnderReview;
			ensure!(OpenApplications::<T>::contains_key(id) == open, "open applications differ from those under review");
			if let ApplicationKind::Amend(uscc) = a.kind {
				ensure!(
					(OpenAmendment::<T>::get(uscc) == Some(id)) == open,
					"open-amendment marks differ from the amendments under review"
				);
			}
			if open {
				let (province, prefecture, code) = review_path(a.profile.region);
				for (service, review) in a.reviews.iter() {
					let pending = matches!(review, Review::Pending);
					ensure!(
						OpenReviews::<T>::contains_key((*service, province, prefecture, code, id)) == pending,
						"open reviews differ from the pending reviews"
					);
					listed += usize::from(pending);
				}
			}
		}
		ensure!(OpenReviews::<T>::iter_keys().count() == listed, "open review of no pending review");
		for (uscc, id) in OpenAmendment::<T>::iter() {
			let a = Applications::<T>::get(id).ok_or("open amendment of an unknown application")?;
			ensure!(a.kind == ApplicationKind::Amend(uscc), "open amendment of another enterprise");
			ensure!(Self::live_enterprise(&uscc).is_ok(), "open amendment of an ended enterprise");
		}
		for (uscc, m) in PendingMoves::<T>::iter() {
			let e = Self::live_enterprise(&uscc).map_err(|_| "pending move of an ended enterprise")?;
			ensure!(m.from_agency == e.authority, "pending move not released by the authority");
		}
		Ok(())
	}
}
