//! Who acts for a holder: an account holder itself, a registered enterprise through
//! the account the register records, anyone else through the account an issuing
//! agency of the licence's province designated once (then handed over, or replaced by
//! governance). Accounts designated in one province act only on that province's
//! licences, so no region's issuer can capture a holder of another region.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::{AgencyRegistry, EnterpriseLookup, HolderRef, RegionCode};

impl<T: Config> Pallet<T> {
	/// The account acting for `holder` on licences of `province` (a province-level
	/// code): itself for an account holder; for an enterprise on the register, the
	/// account the register records; else the one in [`HolderAccounts`].
	pub fn holder_account(holder: &HolderOf<T>, province: RegionCode) -> Option<T::AccountId> {
		match holder {
			HolderRef::Account(a) => Some(a.clone()),
			HolderRef::Enterprise(uscc) if T::Enterprises::is_registered(uscc) =>
				T::Enterprises::account_of(uscc),
			other => HolderAccounts::<T>::get(other, province.province()),
		}
	}

	/// The province of `license`: that of its type's scope, which lies within the
	/// authority's region and covers every issuer's region.
	///
	/// # Errors
	/// [`Error::UnknownType`].
	pub(crate) fn province_of(license: &LicenseOf<T>) -> Result<RegionCode, DispatchError> {
		Ok(Self::type_of(license.license_type)?.region.province())
	}

	/// Checks that `who` is the account acting for the holder of `license` (the one
	/// rule every holder's call applies).
	///
	/// # Errors
	/// [`Error::NotHolder`].
	pub(crate) fn ensure_holder_account(who: &T::AccountId, license: &LicenseOf<T>) -> DispatchResult {
		let province = Self::province_of(license).map_err(|_| Error::<T>::NotHolder)?;
		ensure!(Self::holder_account(&license.holder, province).as_ref() == Some(who), Error::<T>::NotHolder);
		Ok(())
	}

	/// The province-level code of `region`.
	///
	/// # Errors
	/// [`Error::MalformedRegion`].
	fn province(region: u32) -> Result<RegionCode, DispatchError> {
		Ok(RegionCode::new(region).ok_or(Error::<T>::MalformedRegion)?.province())
	}

	/// Checks that this pallet keeps `holder`'s account: not an account holder, a
	/// well-formed reference, and not an enterprise on the register.
	///
	/// # Errors
	/// [`Error::AccountHolder`], [`Error::MalformedUscc`], [`Error::ManagedByRegister`].
	fn ensure_account_kept_here(holder: &HolderOf<T>) -> DispatchResult {
		ensure!(!matches!(holder, HolderRef::Account(_)), Error::<T>::AccountHolder);
		Self::ensure_well_formed(holder)?;
		if let HolderRef::Enterprise(uscc) = holder {
			ensure!(!T::Enterprises::is_registered(uscc), Error::<T>::ManagedByRegister);
		}
		Ok(())
	}

	/// Checks that `agency` issued `holder` a live licence and still holds that
	/// licence type's issuing role. Reads the holder's live licences only (bounded).
	///
	/// # Errors
	/// [`Error::NotHoldersIssuer`]; [`Error::RoleNotHeld`] if it issued one but lost
	/// the role.
	fn ensure_holders_issuer(agency: AgencyId, holder: &HolderOf<T>) -> DispatchResult {
		let mut issued = false;
		for id in LiveLicenses::<T>::get(holder) {
			let Some(l) = Licenses::<T>::get(id) else { continue };
			if l.issuer != agency {
				continue;
			}
			issued = true;
			if Types::<T>::get(l.license_type).is_some_and(|t| T::Agencies::has_role(agency, t.issuer_role)) {
				return Ok(());
			}
		}
		Err(if issued { Error::<T>::RoleNotHeld } else { Error::<T>::NotHoldersIssuer }.into())
	}

	/// `agency` designates the first account acting for `holder` on licences of the
	/// agency's province.
	///
	/// # Errors
	/// Those of `ensure_account_kept_here` and `ensure_holders_issuer`;
	/// [`Error::AccountAlreadySet`].
	pub(crate) fn do_set_holder_account(
		agency: AgencyId,
		holder: HolderOf<T>,
		account: T::AccountId,
	) -> DispatchResult {
		Self::ensure_account_kept_here(&holder)?;
		Self::ensure_holders_issuer(agency, &holder)?;
		let province = T::Agencies::region_of(agency).ok_or(Error::<T>::RoleNotHeld)?.province();
		ensure!(!HolderAccounts::<T>::contains_key(&holder, province), Error::<T>::AccountAlreadySet);
		HolderAccounts::<T>::insert(&holder, province, &account);
		Self::deposit_event(Event::HolderAccountSet { holder, province, account, by_agency: agency });
		Ok(())
	}

	/// The account acting for `holder` in the province of `region` (`who`) hands over
	/// to `new`.
	///
	/// # Errors
	/// [`Error::MalformedRegion`]; [`Error::NotHolder`] unless `who` acts for
	/// `holder` there; those of `ensure_account_kept_here`; [`Error::SameAccount`].
	pub(crate) fn do_hand_over_holder_account(
		who: T::AccountId,
		holder: HolderOf<T>,
		region: u32,
		new: T::AccountId,
	) -> DispatchResult {
		let province = Self::province(region)?;
		ensure!(Self::holder_account(&holder, province).as_ref() == Some(&who), Error::<T>::NotHolder);
		Self::ensure_account_kept_here(&holder)?;
		ensure!(new != who, Error::<T>::SameAccount);
		HolderAccounts::<T>::insert(&holder, province, &new);
		Self::deposit_event(Event::HolderAccountHandedOver { holder, province, from: who, to: new });
		Ok(())
	}

	/// Governance sets (or clears) the account acting for `holder` in the province
	/// of `region`.
	///
	/// # Errors
	/// [`Error::MalformedRegion`]; those of `ensure_account_kept_here`.
	pub(crate) fn do_force_set_holder_account(
		holder: HolderOf<T>,
		region: u32,
		account: Option<T::AccountId>,
		reason: ReasonCode,
	) -> DispatchResult {
		let province = Self::province(region)?;
		Self::ensure_account_kept_here(&holder)?;
		match &account {
			Some(a) => HolderAccounts::<T>::insert(&holder, province, a),
			None => HolderAccounts::<T>::remove(&holder, province),
		}
		Self::deposit_event(Event::HolderAccountForceSet { holder, province, account, reason });
		Ok(())
	}
}
