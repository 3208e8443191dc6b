//! Registration decisions, transfers and licences.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// The copyright office registers (`reason: None`) or declines a work.
	///
	/// # Errors
	/// [`Error::NotOffice`], [`Error::UnknownWork`], [`Error::AlreadyDecided`],
	/// [`Error::Overflow`].
	pub(crate) fn do_decide(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		reason: Option<ReasonCode>,
	) -> DispatchResult {
		ensure!(T::Agencies::has_role(agency, Role::CopyrightOffice), Error::<T>::NotOffice);
		let mut work = Self::work_of(&content)?;
		ensure!(work.registration == Registration::Unreviewed, Error::<T>::AlreadyDecided);
		let (registration, action, event) = match reason {
			None => {
				let number = NextRegistration::<T>::get();
				let next = number.checked_add(1).ok_or(Error::<T>::Overflow)?;
				NextRegistration::<T>::put(next);
				(
					Registration::Registered { number, office: agency },
					WorkAction::Registered { number },
					Event::WorkRegistered { content, number, office: agency },
				)
			},
			Some(reason) => (
				Registration::Declined { office: agency, reason },
				WorkAction::Declined { reason },
				Event::RegistrationDeclined { content, office: agency, reason },
			),
		};
		work.registration = registration;
		Self::push_event(content, &mut work, action, operator, Some(agency))?;
		Works::<T>::insert(content, work);
		Self::deposit_event(event);
		Ok(())
	}

	/// The work `content` if `who` controls it and it is not frozen.
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::NotController`], [`Error::Frozen`].
	fn controlled(who: &T::AccountId, content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		let work = Self::work_of(content)?;
		ensure!(&work.controller == who, Error::<T>::NotController);
		ensure!(work.frozen.is_none(), Error::<T>::Frozen);
		Ok(work)
	}

	/// Moves `work` to holder `to` controlled by `controller` (the caller writes it).
	pub(crate) fn change_holder(
		content: DocumentHash,
		work: &mut WorkOf<T>,
		to: HolderOf<T>,
		controller: T::AccountId,
	) {
		HolderWorks::<T>::remove(&work.holder, content);
		HolderWorks::<T>::insert(&to, content, ());
		work.holder = to;
		work.controller = controller;
	}

	/// The controller transfers rights.
	///
	/// # Errors
	/// Those of `controlled`; [`Error::InvalidRights`], [`Error::SameHolder`], those of
	/// `check_party`; [`Error::Overflow`].
	pub(crate) fn do_transfer(
		who: T::AccountId,
		content: DocumentHash,
		to: HolderOf<T>,
		new_controller: T::AccountId,
		rights: Rights,
		contract: DocumentHash,
	) -> DispatchResult {
		let mut work = Self::controlled(&who, &content)?;
		ensure!(rights.is_valid(), Error::<T>::InvalidRights);
		ensure!(work.holder != to, Error::<T>::SameHolder);
		Self::check_party(&to)?;
		let from = work.holder.clone();
		let action = WorkAction::Transferred { from: from.clone(), to: to.clone(), rights, contract };
		Self::push_event(content, &mut work, action, who, None)?;
		if rights == Rights::ALL {
			Self::change_holder(content, &mut work, to.clone(), new_controller);
		}
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::RightsTransferred { content, from, to, rights });
		Ok(())
	}

	/// The controller grants a licence; returns how many grants were checked for overlap.
	///
	/// # Errors
	/// Those of `controlled`; [`Error::InvalidRights`], [`Error::InvalidTerm`],
	/// [`Error::MalformedRegion`], those of `check_party`, [`Error::TooManyGrants`],
	/// [`Error::OverlappingExclusive`], [`Error::Overflow`].
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_grant_licence(
		who: T::AccountId,
		content: DocumentHash,
		licensee: HolderOf<T>,
		exclusive: bool,
		rights: Rights,
		territory: Option<u32>,
		from: Seconds,
		until: Seconds,
		contract: DocumentHash,
	) -> Result<u32, DispatchError> {
		let mut work = Self::controlled(&who, &content)?;
		ensure!(rights.is_valid(), Error::<T>::InvalidRights);
		ensure!(from < until, Error::<T>::InvalidTerm);
		let territory = match territory {
			Some(code) => Some(RegionCode::new(code).ok_or(Error::<T>::MalformedRegion)?),
			None => None,
		};
		Self::check_party(&licensee)?;
		ensure!(work.grants < T::MaxGrantsPerWork::get(), Error::<T>::TooManyGrants);
		let grant = Grant { licensee: licensee.clone(), exclusive, rights, territory, from, until, contract };
		let existing = work.grants;
		for i in 0..existing {
			if let Some(g) = Grants::<T>::get(content, i) {
				ensure!(!((g.exclusive || exclusive) && g.overlaps(&grant)), Error::<T>::OverlappingExclusive);
			}
		}
		let index = existing;
		work.grants = index.checked_add(1).ok_or(Error::<T>::Overflow)?;
		Self::push_event(content, &mut work, WorkAction::Licensed { grant: index }, who, None)?;
		Grants::<T>::insert(content, index, grant);
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::LicenceGranted { content, grant: index, licensee, exclusive });
		Ok(existing)
	}
}
