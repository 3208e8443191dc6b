//! The licence catalogue: defining and retiring licence types.

use crate::*;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// Adds a licence type with `agency` as its authority; returns its id.
	///
	/// # Errors
	/// - [`Error::EmptyField`] for an empty code or name;
	/// - [`Error::InvalidIssuerRole`] unless `issuer_role` is `LicenseIssuer` or
	///   `MarketRegulator`; [`Error::RoleNotHeld`] if the agency lacks it;
	/// - [`Error::MalformedRegion`]; [`Error::OutsideRegion`] if `region` is not
	///   within the agency's region;
	/// - [`Error::InvalidValidity`] for a zero default validity;
	/// - [`Error::CodeTaken`]; [`Error::Overflow`].
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_define_type(
		agency: AgencyId,
		code: TypeCodeOf<T>,
		name: TypeNameOf<T>,
		region: u32,
		holder_kind: HolderKind,
		issuer_role: Role,
		default_validity: Option<Seconds>,
		schema_hash: DocumentHash,
		template_hash: DocumentHash,
	) -> Result<LicenseTypeId, DispatchError> {
		ensure!(!code.is_empty() && !name.is_empty(), Error::<T>::EmptyField);
		ensure!(
			matches!(issuer_role, Role::LicenseIssuer | Role::MarketRegulator),
			Error::<T>::InvalidIssuerRole
		);
		ensure!(T::Agencies::has_role(agency, issuer_role), Error::<T>::RoleNotHeld);
		let region = RegionCode::new(region).ok_or(Error::<T>::MalformedRegion)?;
		Self::ensure_within_agency_region(agency, &region)?;
		ensure!(default_validity != Some(0), Error::<T>::InvalidValidity);
		ensure!(!TypeByCode::<T>::contains_key(&code), Error::<T>::CodeTaken);
		let id = NextTypeId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;

		NextTypeId::<T>::put(next);
		TypeByCode::<T>::insert(&code, id);
		Types::<T>::insert(
			id,
			LicenseType {
				code: code.clone(),
				name,
				region,
				holder_kind,
				issuer_role,
				default_validity,
				schema_hash,
				template_hash,
				authority: agency,
				status: TypeStatus::Active,
				defined_at: frame_system::Pallet::<T>::block_number(),
				recognitions: 0,
			},
		);
		Self::deposit_event(Event::TypeDefined { license_type: id, code, region, authority: agency });
		Ok(id)
	}

	/// Checks that `agency` is the authority of `t` and still holds its issuing role.
	///
	/// # Errors
	/// [`Error::NotTypeAuthority`], [`Error::RoleNotHeld`].
	pub(crate) fn ensure_type_authority(agency: AgencyId, t: &LicenseTypeOf<T>) -> DispatchResult {
		ensure!(t.authority == agency, Error::<T>::NotTypeAuthority);
		ensure!(T::Agencies::has_role(agency, t.issuer_role), Error::<T>::RoleNotHeld);
		Ok(())
	}

	/// Retires `license_type`.
	///
	/// # Errors
	/// [`Error::UnknownType`], those of `ensure_type_authority`, [`Error::TypeRetired`].
	pub(crate) fn do_retire_type(agency: AgencyId, license_type: LicenseTypeId) -> DispatchResult {
		Types::<T>::try_mutate(license_type, |t| {
			let t = t.as_mut().ok_or(Error::<T>::UnknownType)?;
			Self::ensure_type_authority(agency, t)?;
			ensure!(t.status == TypeStatus::Active, Error::<T>::TypeRetired);
			t.status = TypeStatus::Retired;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::TypeRetired { license_type, authority: agency });
		Ok(())
	}

	/// The type `license_type`, or [`Error::UnknownType`].
	pub(crate) fn type_of(license_type: LicenseTypeId) -> Result<LicenseTypeOf<T>, DispatchError> {
		Types::<T>::get(license_type).ok_or(Error::<T>::UnknownType.into())
	}

	/// Checks that `region` lies within `agency`'s region.
	///
	/// # Errors
	/// [`Error::OutsideRegion`] (also for an agency the registry does not know).
	pub(crate) fn ensure_within_agency_region(
		agency: AgencyId,
		region: &RegionCode,
	) -> DispatchResult {
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(home.covers(region), Error::<T>::OutsideRegion);
		Ok(())
	}

	/// The current time in Unix seconds.
	pub(crate) fn now() -> Seconds {
		use frame_support::traits::UnixTime;
		T::UnixTime::now().as_secs()
	}

	/// The current block number.
	pub(crate) fn block() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}
}
