//! Issuing licences (one, a batch, a renewal) and the [`LicenseIssuer`] other
//! pallets use.

use crate::*;
use alloc::{vec, vec::Vec};
use frame_support::pallet_prelude::*;
use govchain_primitives::{AgencyRegistry, HolderRef, LicenseIssuer};

impl<T: Config> Pallet<T> {
	/// Checks that `agency` may issue licences of `license_type` now; returns the type.
	///
	/// # Errors
	/// [`Error::UnknownType`], [`Error::TypeRetired`], [`Error::RoleNotHeld`] (also for
	/// an inactive agency), [`Error::OutsideRegion`] if the agency's region is not
	/// within the type's scope.
	pub(crate) fn ensure_can_issue(
		agency: AgencyId,
		license_type: LicenseTypeId,
	) -> Result<LicenseTypeOf<T>, DispatchError> {
		let t = Self::type_of(license_type)?;
		ensure!(t.status == TypeStatus::Active, Error::<T>::TypeRetired);
		ensure!(T::Agencies::has_role(agency, t.issuer_role), Error::<T>::RoleNotHeld);
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(t.region.covers(&home), Error::<T>::OutsideRegion);
		Ok(t)
	}

	/// Checks one item against its type; returns its end of validity.
	///
	/// # Errors
	/// [`Error::HolderKindMismatch`], [`Error::MalformedUscc`], [`Error::InvalidValidity`].
	fn check_item(
		t: &LicenseTypeOf<T>,
		item: &BatchItemOf<T>,
	) -> Result<Option<Seconds>, DispatchError> {
		Self::check_holder(t, &item.holder)?;
		let until = match (item.valid_until, t.default_validity) {
			(Some(until), _) => Some(until),
			(None, Some(d)) =>
				Some(item.valid_from.checked_add(d).ok_or(Error::<T>::InvalidValidity)?),
			(None, None) => None,
		};
		ensure!(until.is_none_or(|u| u > item.valid_from), Error::<T>::InvalidValidity);
		Ok(until)
	}

	/// Checks that `holder` is of `t`'s kind and well formed.
	///
	/// # Errors
	/// [`Error::HolderKindMismatch`], [`Error::MalformedUscc`].
	fn check_holder(t: &LicenseTypeOf<T>, holder: &HolderOf<T>) -> DispatchResult {
		ensure!(HolderKind::of(holder) == t.holder_kind, Error::<T>::HolderKindMismatch);
		Self::ensure_well_formed(holder)
	}

	/// Checks a holder reference's own format.
	///
	/// # Errors
	/// [`Error::MalformedUscc`] for an enterprise whose USCC fails its check.
	pub(crate) fn ensure_well_formed(holder: &HolderOf<T>) -> DispatchResult {
		if let HolderRef::Enterprise(uscc) = holder {
			ensure!(uscc.is_valid(), Error::<T>::MalformedUscc);
		}
		Ok(())
	}

	/// Checks that `holder` has room for `more` live licences.
	///
	/// # Errors
	/// [`Error::TooManyLicenses`].
	pub(crate) fn ensure_room(holder: &HolderOf<T>, more: u32) -> DispatchResult {
		let live = LiveLicenses::<T>::decode_len(holder).unwrap_or(0) as u32;
		ensure!(
			live.saturating_add(more) <= T::MaxLivePerHolder::get(),
			Error::<T>::TooManyLicenses
		);
		Ok(())
	}

	/// Writes a checked licence under the next id and lists it among its holder's live
	/// licences; returns the id.
	///
	/// # Errors
	/// [`Error::Overflow`] if ids are used up, [`Error::TooManyLicenses`] if the holder
	/// has no room (both checked before anything is written).
	fn insert_license(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		item: BatchItemOf<T>,
		valid_until: Option<Seconds>,
		managed_by_register: bool,
	) -> Result<LicenseId, DispatchError> {
		let id = NextLicenseId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		LiveLicenses::<T>::try_mutate(&item.holder, |live| {
			live.try_push(id).map_err(|_| Error::<T>::TooManyLicenses)
		})?;
		NextLicenseId::<T>::put(next);
		Licenses::<T>::insert(
			id,
			License {
				license_type,
				holder: item.holder.clone(),
				issuer: agency,
				content: item.content,
				valid_from: item.valid_from,
				valid_until,
				status: LicenseStatus::Active,
				issued_at: Self::block(),
				changes: 0,
				consents: 0,
				uses: 0,
				managed_by_register,
			},
		);
		Self::deposit_event(Event::LicenseIssued {
			id,
			license_type,
			holder: item.holder,
			issuer: agency,
			operator: operator.clone(),
			content: item.content,
			valid_from: item.valid_from,
			valid_until,
		});
		Ok(id)
	}

	/// Issues one licence; returns its id. `managed_by_register` when the enterprise
	/// register issues it through [`LicenseIssuer`].
	///
	/// # Errors
	/// Those of `ensure_can_issue` and `check_item`; [`Error::TooManyLicenses`];
	/// [`Error::Overflow`].
	pub(crate) fn do_issue(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		item: BatchItemOf<T>,
		managed_by_register: bool,
	) -> Result<LicenseId, DispatchError> {
		let t = Self::ensure_can_issue(agency, license_type)?;
		let until = Self::check_item(&t, &item)?;
		Self::insert_license(agency, operator, license_type, item, until, managed_by_register)
	}

	/// Issues every item of a batch, or none: all items are checked (each holder's
	/// room for the licences the batch gives it included) before the first is written.
	///
	/// # Errors
	/// [`Error::EmptyBatch`]; those of `do_issue` for any item.
	pub(crate) fn do_issue_batch(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		items: BatchOf<T>,
	) -> DispatchResult {
		ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
		let t = Self::ensure_can_issue(agency, license_type)?;
		let checked = items
			.into_iter()
			.map(|item| Self::check_item(&t, &item).map(|until| (item, until)))
			.collect::<Result<Vec<_>, _>>()?;
		// How many licences the batch gives each holder (a batch is short: a linear
		// search is fine).
		let mut per_holder: Vec<(&HolderOf<T>, u32)> = vec![];
		for (item, _) in &checked {
			match per_holder.iter_mut().find(|(h, _)| *h == &item.holder) {
				Some((_, n)) => *n = n.saturating_add(1),
				None => per_holder.push((&item.holder, 1)),
			}
		}
		for (holder, n) in &per_holder {
			Self::ensure_room(holder, *n)?;
		}
		NextLicenseId::<T>::get()
			.checked_add(checked.len() as u64)
			.ok_or(Error::<T>::Overflow)?;
		for (item, until) in checked {
			Self::insert_license(agency, operator, license_type, item, until, false)?;
		}
		Ok(())
	}

	/// Replaces licence `id` with a new licence of the same type and holder; returns
	/// the new id.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotIssuer`], [`Error::RoleNotHeld`],
	/// [`Error::ManagedByRegister`], [`Error::LicenseEnded`],
	/// [`Error::SuspendedByOther`] for a licence another agency suspended; those of
	/// `do_issue` for the new licence.
	pub(crate) fn do_renew(
		agency: AgencyId,
		operator: T::AccountId,
		id: LicenseId,
		content: DocumentHash,
		valid_from: Seconds,
		valid_until: Option<Seconds>,
		reason: ReasonCode,
	) -> Result<LicenseId, DispatchError> {
		let old = Self::license_of(id)?;
		Self::ensure_manager(agency, &old)?;
		Self::ensure_not_register_managed(&old)?;
		ensure!(!old.status.is_final(), Error::<T>::LicenseEnded);
		if old.status == LicenseStatus::Suspended {
			Self::ensure_may_lift(agency, id, &old)?;
		}
		let item = BatchItem { holder: old.holder.clone(), content, valid_from, valid_until };
		let t = Self::ensure_can_issue(agency, old.license_type)?;
		let until = Self::check_item(&t, &item)?;
		old.changes.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let new = NextLicenseId::<T>::get();
		new.checked_add(1).ok_or(Error::<T>::Overflow)?;

		// The old licence leaves the holder's live licences before the new one joins,
		// so a renewal never needs a free place.
		let license_type = old.license_type;
		Self::apply_change(
			id,
			old,
			Action::Renewed { successor: new },
			reason,
			None,
			Actor::Agency(agency, operator.clone()),
		)?;
		let new = Self::insert_license(agency, &operator, license_type, item, until, false)?;
		Successor::<T>::insert(id, new);
		Predecessor::<T>::insert(new, id);
		Self::deposit_event(Event::LicenseRenewed { old: id, new, issuer: agency });
		Ok(new)
	}

	/// Ends every live licence of `holder` for the enterprise register; returns how
	/// many. All are checked before the first is written.
	///
	/// # Errors
	/// [`Error::UnknownLicense`] (a broken index), [`Error::Overflow`].
	pub(crate) fn do_end_all(
		agency: AgencyId,
		operator: &T::AccountId,
		holder: &HolderOf<T>,
		reason: ReasonCode,
		action: Action,
	) -> Result<u32, DispatchError> {
		let ids = LiveLicenses::<T>::get(holder);
		let licenses = ids
			.iter()
			.map(|id| {
				let l = Self::license_of(*id)?;
				Self::check_transition(l.status, &action)?;
				l.changes.checked_add(1).ok_or(Error::<T>::Overflow)?;
				Ok((*id, l))
			})
			.collect::<Result<Vec<_>, DispatchError>>()?;
		for (id, l) in licenses {
			Self::record_change(id, l, action, reason, None, Actor::Agency(agency, operator.clone()))?;
		}
		LiveLicenses::<T>::remove(holder);
		Ok(ids.len() as u32)
	}
}

impl<T: Config> LicenseIssuer<T::AccountId> for Pallet<T> {
	/// Issues a licence the register manages from now on (see
	/// [`License::managed_by_register`]).
	fn issue(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		holder: HolderOf<T>,
		content: DocumentHash,
		valid_from: Seconds,
		valid_until: Option<Seconds>,
	) -> Result<LicenseId, DispatchError> {
		Self::do_issue(
			agency,
			operator,
			license_type,
			BatchItem { holder, content, valid_from, valid_until },
			true,
		)
	}

	fn check_issue(
		agency: AgencyId,
		license_type: LicenseTypeId,
		holder: &HolderOf<T>,
	) -> DispatchResult {
		let t = Self::ensure_can_issue(agency, license_type)?;
		Self::check_holder(&t, holder)?;
		Self::ensure_room(holder, 1)?;
		NextLicenseId::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ok(())
	}

	fn cancel(
		agency: AgencyId,
		operator: &T::AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::do_end_for_register(agency, operator.clone(), license, Action::Cancelled, reason)
	}

	fn revoke(
		agency: AgencyId,
		operator: &T::AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::do_end_for_register(agency, operator.clone(), license, Action::Revoked, reason)
	}

	fn has_ended(license: LicenseId) -> bool {
		Licenses::<T>::get(license).is_none_or(|l| l.status.is_final())
	}

	fn end_all(
		agency: AgencyId,
		operator: &T::AccountId,
		holder: &HolderOf<T>,
		reason: ReasonCode,
		revoke: bool,
	) -> Result<u32, DispatchError> {
		let action = if revoke { Action::Revoked } else { Action::Cancelled };
		Self::do_end_all(agency, operator, holder, reason, action)
	}

	fn max_live_per_holder() -> u32 {
		T::MaxLivePerHolder::get()
	}

	fn end_all_weight(n: u32) -> Weight {
		T::WeightInfo::end_all(n)
	}
}
