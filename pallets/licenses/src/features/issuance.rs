//! Issuing licences (one, a batch, a renewal) and the [`LicenseIssuer`] other
//! pallets use.

use crate::*;
use alloc::vec::Vec;
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

	/// Writes a checked licence under the next id; returns the id.
	///
	/// # Errors
	/// [`Error::Overflow`] if ids are used up (checked before anything is written).
	fn insert_license(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		item: BatchItemOf<T>,
		valid_until: Option<Seconds>,
	) -> Result<LicenseId, DispatchError> {
		let id = NextLicenseId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextLicenseId::<T>::put(next);
		HolderLicenses::<T>::insert(&item.holder, id, ());
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

	/// Issues one licence; returns its id.
	///
	/// # Errors
	/// Those of `ensure_can_issue` and `check_item`; [`Error::Overflow`].
	pub(crate) fn do_issue(
		agency: AgencyId,
		operator: &T::AccountId,
		license_type: LicenseTypeId,
		item: BatchItemOf<T>,
	) -> Result<LicenseId, DispatchError> {
		let t = Self::ensure_can_issue(agency, license_type)?;
		let until = Self::check_item(&t, &item)?;
		Self::insert_license(agency, operator, license_type, item, until)
	}

	/// Issues every item of a batch, or none: all items are checked before the first
	/// is written.
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
		NextLicenseId::<T>::get()
			.checked_add(checked.len() as u64)
			.ok_or(Error::<T>::Overflow)?;
		for (item, until) in checked {
			Self::insert_license(agency, operator, license_type, item, until)?;
		}
		Ok(())
	}

	/// Replaces licence `id` with a new licence of the same type and holder; returns
	/// the new id.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotIssuer`], [`Error::LicenseEnded`]; those of
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
		ensure!(!old.status.is_final(), Error::<T>::LicenseEnded);
		let item = BatchItem { holder: old.holder.clone(), content, valid_from, valid_until };
		let t = Self::ensure_can_issue(agency, old.license_type)?;
		let until = Self::check_item(&t, &item)?;
		old.changes.checked_add(1).ok_or(Error::<T>::Overflow)?;
		NextLicenseId::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;

		let new = Self::insert_license(agency, &operator, old.license_type, item, until)?;
		Successor::<T>::insert(id, new);
		Predecessor::<T>::insert(new, id);
		Self::record_change(
			id,
			old,
			Action::Renewed { successor: new },
			reason,
			None,
			Some(agency),
			operator,
		)?;
		Self::deposit_event(Event::LicenseRenewed { old: id, new, issuer: agency });
		Ok(new)
	}
}

impl<T: Config> LicenseIssuer<T::AccountId> for Pallet<T> {
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
		)
	}

	fn check_issue(
		agency: AgencyId,
		license_type: LicenseTypeId,
		holder: &HolderOf<T>,
	) -> DispatchResult {
		let t = Self::ensure_can_issue(agency, license_type)?;
		Self::check_holder(&t, holder)?;
		NextLicenseId::<T>::get().checked_add(1).ok_or(Error::<T>::Overflow)?;
		Ok(())
	}

	fn cancel(
		agency: AgencyId,
		operator: &T::AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::do_manage(agency, operator.clone(), license, Action::Cancelled, reason, None)
	}

	fn revoke(
		agency: AgencyId,
		operator: &T::AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> DispatchResult {
		Self::do_manage(agency, operator.clone(), license, Action::Revoked, reason, None)
	}

	fn has_ended(license: LicenseId) -> bool {
		Licenses::<T>::get(license).is_none_or(|l| l.status.is_final())
	}
}
