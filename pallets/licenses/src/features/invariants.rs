//! `try_state` invariants.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's state:
	/// 1. every type id is below `NextTypeId`, `TypeByCode` maps each type's code to it
	///    and holds nothing else;
	/// 2. every licence id is below `NextLicenseId`, its type exists, and an ended
	///    licence is listed under its holder in `EndedLicenses` (which lists nothing
	///    else);
	/// 3. a licence's status is the one its management record leads to; no entry
	///    follows a final action (a revoked licence never becomes active again); the
	///    entries' times never decrease (what `status_at`'s binary search relies on);
	///    an entry is forced exactly when it names neither agency nor signer; a licence
	///    the register manages has at most one entry, its ending by an agency; its
	///    counters match its records;
	/// 4. every usage entry has a valid authorisation: a consent of the same licence,
	///    for the same agency and purpose, given before the use, not withdrawn before
	///    it, with a deadline after it — or a management use by the issuer or the
	///    type's authority;
	/// 5. renewals are linked both ways, and a renewed licence is superseded;
	/// 6. each type's recognition count is the number of declarations naming it, and
	///    every declaration names two existing types;
	/// 7. `LiveLicenses` lists, for each holder, exactly its active and suspended
	///    licences, each once, and holds no empty list;
	/// 8. `LiveConsents` has entries only for live licences; each names, once, an
	///    authorisation of that licence not withdrawn, with its deadline; every
	///    authorisation of a live licence neither withdrawn nor past its deadline is
	///    listed.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_type = NextTypeId::<T>::get();
		let mut types = 0u32;
		for (id, t) in Types::<T>::iter() {
			ensure!(id < next_type, "type id not below NextTypeId");
			ensure!(TypeByCode::<T>::get(&t.code) == Some(id), "type code not indexed");
			types += 1;
		}
		ensure!(TypeByCode::<T>::iter().count() as u32 == types, "stale type code index");

		let next = NextLicenseId::<T>::get();
		let mut ended = 0usize;
		for (id, l) in Licenses::<T>::iter() {
			ensure!(id < next, "licence id not below NextLicenseId");
			ensure!(Types::<T>::contains_key(l.license_type), "licence of unknown type");
			Self::check_history(id, &l)?;
			Self::check_usage(id, &l)?;
			Self::check_consents(id, &l)?;
			let listed = LiveLicenses::<T>::get(&l.holder).contains(&id);
			ensure!(listed == !l.status.is_final(), "live licence index differs from statuses");
			if l.status.is_final() {
				ended += 1;
				ensure!(EndedLicenses::<T>::contains_key(&l.holder, id), "ended licence not indexed by holder");
			}
		}
		ensure!(EndedLicenses::<T>::iter().count() == ended, "stale ended licence index");
		for (holder, live) in LiveLicenses::<T>::iter() {
			ensure!(!live.is_empty(), "empty live licence list stored");
			for (i, id) in live.iter().enumerate() {
				ensure!(!live[..i].contains(id), "licence listed twice as live");
				ensure!(
					Licenses::<T>::get(id).is_some_and(|l| l.holder == holder && !l.status.is_final()),
					"live licence index names a licence not live or of another holder"
				);
			}
		}
		for (id, consent, _) in ConsentDeposits::<T>::iter() {
			ensure!(
				Consents::<T>::get(id, consent).is_some_and(|c| c.revoked_at.is_none()),
				"deposit held for an unknown or withdrawn authorisation"
			);
		}
		for (id, _) in LiveConsents::<T>::iter() {
			ensure!(
				Licenses::<T>::get(id).is_some_and(|l| !l.status.is_final()),
				"live consents of an ended or unknown licence"
			);
		}

		for (old, new) in Successor::<T>::iter() {
			ensure!(Predecessor::<T>::get(new) == Some(old), "renewal not linked both ways");
			ensure!(
				Licenses::<T>::get(old).is_some_and(|l| l.status == LicenseStatus::Superseded),
				"renewed licence not superseded"
			);
		}
		ensure!(
			Predecessor::<T>::iter().count() == Successor::<T>::iter().count(),
			"renewal links unbalanced"
		);

		let mut counts: BTreeMap<LicenseTypeId, u32> = BTreeMap::new();
		for (accepted, accepting, _) in Recognitions::<T>::iter() {
			ensure!(
				Types::<T>::contains_key(accepted) && Types::<T>::contains_key(accepting),
				"recognition of unknown type"
			);
			*counts.entry(accepted).or_default() += 1;
			*counts.entry(accepting).or_default() += 1;
		}
		for (id, t) in Types::<T>::iter() {
			ensure!(
				counts.get(&id).copied().unwrap_or(0) == t.recognitions,
				"recognition count mismatch"
			);
		}
		Ok(())
	}

	/// Invariant 3 for licence `id`.
	fn check_history(id: LicenseId, l: &LicenseOf<T>) -> Result<(), TryRuntimeError> {
		let mut status = LicenseStatus::Active;
		let mut last_time = 0;
		for seq in 0..l.changes {
			let c = History::<T>::get(id, seq).ok_or("management record has a gap")?;
			ensure!(!status.is_final(), "a change follows a final action");
			ensure!(c.time >= last_time, "management record out of time order");
			ensure!(c.forced == (c.agency.is_none() && c.by.is_none()), "forced marker mismatch");
			ensure!(c.forced || c.by.is_some(), "unforced change without a signer");
			if l.managed_by_register {
				ensure!(
					c.agency.is_some() && matches!(c.action, Action::Cancelled | Action::Revoked),
					"register-managed licence changed other than ended by an agency"
				);
			}
			last_time = c.time;
			status = c.action.resulting_status();
		}
		ensure!(status == l.status, "status differs from the management record");
		ensure!(History::<T>::iter_prefix(id).count() as u32 == l.changes, "change count mismatch");
		Ok(())
	}

	/// Invariant 8 (and the consent count) for licence `id`.
	fn check_consents(id: LicenseId, l: &LicenseOf<T>) -> Result<(), TryRuntimeError> {
		ensure!(
			Consents::<T>::iter_prefix(id).count() as u32 == l.consents,
			"consent count mismatch"
		);
		let live = LiveConsents::<T>::get(id);
		for (i, (index, until)) in live.iter().enumerate() {
			ensure!(!live[..i].iter().any(|(x, _)| x == index), "consent listed twice as live");
			ensure!(
				Consents::<T>::get(id, index).is_some_and(|c| c.revoked_at.is_none() && c.until == *until),
				"live consent withdrawn, unknown or with another deadline"
			);
		}
		if !l.status.is_final() {
			let now = Self::now();
			for (index, c) in Consents::<T>::iter_prefix(id) {
				if c.revoked_at.is_none() && c.until > now {
					ensure!(live.iter().any(|(x, _)| *x == index), "consent in force not listed as live");
				}
			}
		}
		Ok(())
	}

	/// Invariant 4 for licence `id`.
	fn check_usage(id: LicenseId, l: &LicenseOf<T>) -> Result<(), TryRuntimeError> {
		for seq in 0..l.uses {
			let u = Usage::<T>::get(id, seq).ok_or("usage record has a gap")?;
			match u.basis {
				UseBasis::Consent(index) => {
					let c = Consents::<T>::get(id, index).ok_or("use names an unknown consent")?;
					ensure!(c.verifier == u.verifier, "use by an agency the consent does not name");
					ensure!(c.purpose == u.purpose, "use for a purpose not consented");
					ensure!(c.granted_at <= u.block, "use before the consent");
					ensure!(c.revoked_at.is_none_or(|r| u.block <= r), "use after withdrawal");
					ensure!(u.time < c.until, "use after the consent's deadline");
				},
				UseBasis::Management => ensure!(
					l.issuer == u.verifier ||
						Types::<T>::get(l.license_type).is_some_and(|t| t.authority == u.verifier),
					"management use by an agency that does not manage the licence"
				),
			}
		}
		ensure!(Usage::<T>::iter_prefix(id).count() as u32 == l.uses, "use count mismatch");
		Ok(())
	}
}
