//! Invariants checked by `try_state` (and after every unit test).

use crate::*;

impl<T: Config> Pallet<T> {
	/// Checks, for the whole state:
	/// 1. every agency id is below [`NextAgencyId`]; its region and role bits are valid;
	/// 2. [`Operators`] and [`AgencyOperators`] mirror each other, and each agency's
	///    `operators` count equals its number of operator entries;
	/// 3. every agency's admin is one of its operators;
	/// 4. each agency's `role_changes` equals its number of [`RoleHistory`] entries,
	///    and replaying the history gives its current roles;
	/// 5. every [`ValidatorOwner`] entry names an agency that is not retired and lists
	///    the validator in [`AgencyValidators`], whose lists are non-empty and name only
	///    validators owned by that agency; the owner map's counter is its entry count;
	/// 6. [`Validators`] is sorted without duplicates and holds exactly the validators
	///    of active agencies; if any validator is seated, one of them is active;
	/// 7. likewise for council seats: [`CouncilSeatOwner`], [`AgencyCouncilSeats`] and
	///    [`Council`] (exactly the seats of active agencies, sorted); each seat holder is
	///    an operator of its agency; if any seat exists, one of them is active.
	#[cfg(any(feature = "try-runtime", feature = "std", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::vec::Vec;
		use frame_support::ensure;
		let next = NextAgencyId::<T>::get();
		for (id, a) in Agencies::<T>::iter() {
			ensure!(id < next, "agency id not below NextAgencyId");
			ensure!(a.region.is_valid(), "agency region malformed");
			ensure!(a.roles.is_valid(), "agency holds unknown role bits");
			let ops = AgencyOperators::<T>::iter_key_prefix(id).count() as u32;
			ensure!(ops == a.operators, "operator count differs from operator entries");
			ensure!(Operators::<T>::get(&a.admin) == Some(id), "admin is not an operator");

			let entries = RoleHistory::<T>::iter_prefix(id).count() as u32;
			// Replay in sequence order: revocations must follow their grants.
			let mut ordered = RoleSet::empty();
			for seq in 0..a.role_changes {
				let c = RoleHistory::<T>::get(id, seq).ok_or("role history has a gap")?;
				if c.granted {
					ordered.insert(c.role);
				} else {
					ordered.remove(c.role);
				}
			}
			ensure!(entries == a.role_changes, "role history length differs from role_changes");
			ensure!(ordered == a.roles, "role history does not replay to current roles");
		}
		for (account, agency) in Operators::<T>::iter() {
			ensure!(
				AgencyOperators::<T>::contains_key(agency, &account),
				"operator missing from its agency's list"
			);
		}
		for (agency, account, ()) in AgencyOperators::<T>::iter() {
			ensure!(Operators::<T>::get(&account) == Some(agency), "listed operator not mapped back");
		}

		let active =
			|agency: AgencyId| Agencies::<T>::get(agency).map(|a| a.status == AgencyStatus::Active);

		let mut owned = 0u32;
		for (v, agency) in ValidatorOwner::<T>::iter() {
			owned = owned.saturating_add(1);
			ensure!(active(agency).is_some(), "validator owned by unknown agency");
			ensure!(
				Agencies::<T>::get(agency).is_some_and(|a| a.status != AgencyStatus::Retired),
				"retired agency runs a validator"
			);
			ensure!(
				AgencyValidators::<T>::get(agency).is_some_and(|l| l.contains(&v)),
				"validator missing from its agency's list"
			);
		}
		ensure!(owned == ValidatorOwner::<T>::count(), "validator owner counter is off");
		let mut expected = Vec::new();
		let mut listed = 0u32;
		for (agency, list) in AgencyValidators::<T>::iter() {
			ensure!(!list.is_empty(), "empty validator list stored");
			for v in list.iter() {
				listed = listed.saturating_add(1);
				ensure!(ValidatorOwner::<T>::get(v) == Some(agency), "listed validator owned elsewhere");
			}
			if active(agency) == Some(true) {
				expected.extend(list.into_inner());
			}
		}
		ensure!(listed == owned, "validator listed twice");
		expected.sort();
		let validators = Validators::<T>::get();
		ensure!(validators.windows(2).all(|w| w[0] < w[1]), "validators not sorted/unique");
		ensure!(validators.as_slice() == expected.as_slice(), "validators differ from active agencies' validators");
		ensure!(owned == 0 || !validators.is_empty(), "every seated validator is suspended");

		let mut seated = 0u32;
		for (m, agency) in CouncilSeatOwner::<T>::iter() {
			seated = seated.saturating_add(1);
			ensure!(
				Agencies::<T>::get(agency).is_some_and(|a| a.status != AgencyStatus::Retired),
				"council seat of an unknown or retired agency"
			);
			ensure!(Operators::<T>::get(&m) == Some(agency), "council seat held by a non-operator");
			ensure!(
				AgencyCouncilSeats::<T>::get(agency).is_some_and(|l| l.contains(&m)),
				"council seat missing from its agency's list"
			);
		}
		ensure!(seated == CouncilSeatOwner::<T>::count(), "council seat counter is off");
		let mut expected = Vec::new();
		let mut listed = 0u32;
		for (agency, list) in AgencyCouncilSeats::<T>::iter() {
			ensure!(!list.is_empty(), "empty seat list stored");
			for m in list.iter() {
				listed = listed.saturating_add(1);
				ensure!(CouncilSeatOwner::<T>::get(m) == Some(agency), "listed seat owned elsewhere");
			}
			if active(agency) == Some(true) {
				expected.extend(list.into_inner());
			}
		}
		ensure!(listed == seated, "council seat listed twice");
		expected.sort();
		let council = Council::<T>::get();
		ensure!(council.windows(2).all(|w| w[0] < w[1]), "council not sorted/unique");
		ensure!(council.as_slice() == expected.as_slice(), "council differs from active agencies' seats");
		ensure!(seated == 0 || !council.is_empty(), "every council seat is suspended");
		Ok(())
	}
}
