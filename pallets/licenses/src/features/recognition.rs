//! Mutual recognition of licence types between regions.

use crate::*;
use frame_support::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// `accepting`'s authority declares it accepts `accepted`.
	///
	/// # Errors
	/// [`Error::SameType`], [`Error::UnknownType`], those of `ensure_type_authority`,
	/// [`Error::TypeRetired`] if `accepting` is retired, [`Error::HolderKindMismatch`],
	/// [`Error::RecognitionExists`], [`Error::TooManyRecognitions`].
	pub(crate) fn do_declare_recognition(
		agency: AgencyId,
		accepting: LicenseTypeId,
		accepted: LicenseTypeId,
	) -> DispatchResult {
		ensure!(accepting != accepted, Error::<T>::SameType);
		let mut a = Self::type_of(accepting)?;
		let mut b = Self::type_of(accepted)?;
		Self::ensure_type_authority(agency, &a)?;
		ensure!(a.status == TypeStatus::Active, Error::<T>::TypeRetired);
		ensure!(a.holder_kind == b.holder_kind, Error::<T>::HolderKindMismatch);
		ensure!(
			!Recognitions::<T>::contains_key(accepted, accepting),
			Error::<T>::RecognitionExists
		);
		let max = T::MaxRecognitionsPerType::get();
		ensure!(a.recognitions < max && b.recognitions < max, Error::<T>::TooManyRecognitions);
		a.recognitions = a.recognitions.saturating_add(1);
		b.recognitions = b.recognitions.saturating_add(1);

		Types::<T>::insert(accepting, a);
		Types::<T>::insert(accepted, b);
		Recognitions::<T>::insert(
			accepted,
			accepting,
			Recognition { declared_by: agency, declared_at: Self::block(), confirmed: None },
		);
		Self::deposit_event(Event::RecognitionDeclared { accepting, accepted, by: agency });
		Ok(())
	}

	/// `accepted`'s authority confirms; the recognition is in force.
	///
	/// # Errors
	/// [`Error::UnknownRecognition`], [`Error::UnknownType`], those of
	/// `ensure_authority`, [`Error::AlreadyConfirmed`].
	pub(crate) fn do_confirm_recognition(
		agency: AgencyId,
		accepting: LicenseTypeId,
		accepted: LicenseTypeId,
	) -> DispatchResult {
		let mut r =
			Recognitions::<T>::get(accepted, accepting).ok_or(Error::<T>::UnknownRecognition)?;
		Self::ensure_type_authority(agency, &Self::type_of(accepted)?)?;
		ensure!(r.confirmed.is_none(), Error::<T>::AlreadyConfirmed);
		r.confirmed = Some((agency, Self::block()));
		Recognitions::<T>::insert(accepted, accepting, r);
		Self::deposit_event(Event::RecognitionConfirmed { accepting, accepted, by: agency });
		Ok(())
	}

	/// Either authority withdraws the recognition.
	///
	/// # Errors
	/// [`Error::UnknownRecognition`], [`Error::UnknownType`], [`Error::NotTypeAuthority`]
	/// if `agency` is the authority of neither type, [`Error::RoleNotHeld`] if it no
	/// longer holds that type's issuing role.
	pub(crate) fn do_withdraw_recognition(
		agency: AgencyId,
		accepting: LicenseTypeId,
		accepted: LicenseTypeId,
	) -> DispatchResult {
		ensure!(
			Recognitions::<T>::contains_key(accepted, accepting),
			Error::<T>::UnknownRecognition
		);
		let mut a = Self::type_of(accepting)?;
		let mut b = Self::type_of(accepted)?;
		let side = if a.authority == agency { &a } else { &b };
		Self::ensure_type_authority(agency, side)?;
		a.recognitions = a.recognitions.saturating_sub(1);
		b.recognitions = b.recognitions.saturating_sub(1);

		Types::<T>::insert(accepting, a);
		Types::<T>::insert(accepted, b);
		Recognitions::<T>::remove(accepted, accepting);
		Self::deposit_event(Event::RecognitionWithdrawn { accepting, accepted, by: agency });
		Ok(())
	}
}
