//! The usage record: holders' authorisations and the uses verifiers record.

use crate::*;
use frame_support::{pallet_prelude::*, traits::fungible::MutateHold};
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// Checks that `who` acts for the holder of licence `id`; returns the licence.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotHolder`].
	fn license_for_holder(who: &T::AccountId, id: LicenseId) -> Result<LicenseOf<T>, DispatchError> {
		let license = Self::license_of(id)?;
		Self::ensure_holder_account(who, &license)?;
		Ok(license)
	}

	/// The holder (signed by `who`) authorises `verifier`; returns the consent's index.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotHolder`], [`Error::LicenseEnded`],
	/// [`Error::EmptyField`] for an empty purpose, [`Error::UnknownVerifier`],
	/// [`Error::DeadlineInPast`], [`Error::TooManyConsents`] if as many authorisations
	/// as allowed are in force, [`Error::Overflow`]; a token error if `who` cannot
	/// hold [`Config::ConsentDeposit`].
	pub(crate) fn do_grant_consent(
		who: T::AccountId,
		id: LicenseId,
		verifier: AgencyId,
		purpose: PurposeOf<T>,
		until: Seconds,
	) -> Result<u32, DispatchError> {
		let mut license = Self::license_for_holder(&who, id)?;
		ensure!(!license.status.is_final(), Error::<T>::LicenseEnded);
		ensure!(!purpose.is_empty(), Error::<T>::EmptyField);
		ensure!(T::Agencies::is_active(verifier), Error::<T>::UnknownVerifier);
		let now = Self::now();
		ensure!(until > now, Error::<T>::DeadlineInPast);
		let consent = license.consents;
		license.consents = consent.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let mut live = LiveConsents::<T>::get(id);
		live.retain(|(_, deadline)| *deadline > now);
		live.try_push((consent, until)).map_err(|_| Error::<T>::TooManyConsents)?;

		let deposit = T::ConsentDeposit::get();
		T::Currency::hold(&HoldReason::ConsentDeposit.into(), &who, deposit)?;

		LiveConsents::<T>::insert(id, live);
		ConsentDeposits::<T>::insert(id, consent, (&who, deposit));

		Consents::<T>::insert(
			id,
			consent,
			Consent {
				verifier,
				purpose: purpose.clone(),
				until,
				granted_at: Self::block(),
				revoked_at: None,
			},
		);
		Licenses::<T>::insert(id, license);
		Self::deposit_event(Event::ConsentGranted { id, consent, verifier, purpose, until });
		Ok(consent)
	}

	/// The holder (signed by `who`) withdraws authorisation `consent`; its deposit goes
	/// back to the account that granted it. Also for an authorisation past its deadline
	/// or of an ended licence, to take the deposit back.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::NotHolder`], [`Error::UnknownConsent`],
	/// [`Error::ConsentRevoked`] if already withdrawn.
	pub(crate) fn do_revoke_consent(who: T::AccountId, id: LicenseId, consent: u32) -> DispatchResult {
		Self::license_for_holder(&who, id)?;
		if let Some((depositor, amount)) = ConsentDeposits::<T>::get(id, consent) {
			T::Currency::release(
				&HoldReason::ConsentDeposit.into(),
				&depositor,
				amount,
				frame_support::traits::tokens::Precision::BestEffort,
			)?;
		}
		let verifier = Consents::<T>::try_mutate(id, consent, |c| {
			let c = c.as_mut().ok_or(Error::<T>::UnknownConsent)?;
			ensure!(c.revoked_at.is_none(), Error::<T>::ConsentRevoked);
			c.revoked_at = Some(Self::block());
			Ok::<_, DispatchError>(c.verifier)
		})?;
		ConsentDeposits::<T>::remove(id, consent);
		LiveConsents::<T>::mutate_exists(id, |live| {
			if let Some(list) = live {
				list.retain(|(index, _)| *index != consent);
				if list.is_empty() {
					*live = None;
				}
			}
		});
		Self::deposit_event(Event::ConsentRevoked { id, consent, verifier });
		Ok(())
	}

	/// Records a use of licence `id` by `agency`; returns its sequence number.
	///
	/// # Errors
	/// [`Error::UnknownLicense`], [`Error::EmptyField`]; with a consent:
	/// [`Error::UnknownConsent`], [`Error::ConsentForOtherAgency`],
	/// [`Error::ConsentRevoked`], [`Error::ConsentExpired`], [`Error::PurposeMismatch`],
	/// [`Error::NotActive`], [`Error::LicenseNotValid`]; without:
	/// [`Error::ConsentRequired`] unless `agency` manages the licence,
	/// [`Error::RoleNotHeld`] if it no longer holds the type's issuing role;
	/// [`Error::Overflow`].
	pub(crate) fn do_record_use(
		agency: AgencyId,
		operator: T::AccountId,
		id: LicenseId,
		purpose: PurposeOf<T>,
		business_ref: DocumentHash,
		consent: Option<u32>,
	) -> Result<u32, DispatchError> {
		let mut license = Self::license_of(id)?;
		ensure!(!purpose.is_empty(), Error::<T>::EmptyField);
		let now = Self::now();
		let basis = match consent {
			Some(index) => {
				let c = Consents::<T>::get(id, index).ok_or(Error::<T>::UnknownConsent)?;
				ensure!(c.verifier == agency, Error::<T>::ConsentForOtherAgency);
				ensure!(c.revoked_at.is_none(), Error::<T>::ConsentRevoked);
				ensure!(now < c.until, Error::<T>::ConsentExpired);
				ensure!(c.purpose == purpose, Error::<T>::PurposeMismatch);
				ensure!(license.status == LicenseStatus::Active, Error::<T>::NotActive);
				ensure!(Self::is_valid_at(&license, now), Error::<T>::LicenseNotValid);
				UseBasis::Consent(index)
			},
			None => {
				ensure!(Self::is_manager(agency, &license), Error::<T>::ConsentRequired);
				Self::ensure_manager(agency, &license)?;
				UseBasis::Management
			},
		};
		let seq = license.uses;
		license.uses = seq.checked_add(1).ok_or(Error::<T>::Overflow)?;

		Usage::<T>::insert(
			id,
			seq,
			UsageEntry {
				verifier: agency,
				operator,
				purpose: purpose.clone(),
				business_ref,
				basis,
				block: Self::block(),
				time: now,
			},
		);
		Licenses::<T>::insert(id, license);
		Self::deposit_event(Event::LicenseUsed { id, seq, verifier: agency, purpose, basis });
		Ok(seq)
	}
}
