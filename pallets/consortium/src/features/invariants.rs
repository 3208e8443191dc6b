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
	/// 5. [`Validators`] is sorted without duplicates, each with a [`ValidatorOwner`]
	///    naming an existing agency, and no owner entry exists without a validator;
	/// 6. [`Council`] is sorted without duplicates and each seat is an operator.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
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

		let validators = Validators::<T>::get();
		ensure!(validators.windows(2).all(|w| w[0] < w[1]), "validators not sorted/unique");
		for v in validators.iter() {
			let owner = ValidatorOwner::<T>::get(v).ok_or("validator without owner")?;
			ensure!(Agencies::<T>::contains_key(owner), "validator owned by unknown agency");
		}
		ensure!(
			ValidatorOwner::<T>::iter_keys().count() == validators.len(),
			"owner entry without validator"
		);

		let council = Council::<T>::get();
		ensure!(council.windows(2).all(|w| w[0] < w[1]), "council not sorted/unique");
		for m in council.iter() {
			ensure!(Operators::<T>::contains_key(m), "council seat held by a non-operator");
		}
		Ok(())
	}
}
