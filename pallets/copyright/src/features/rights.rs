//! Registration decisions, transfers and licences.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::{AgencyRegistry, HolderRef};

impl<T: Config> Pallet<T> {
	/// A copyright office whose region covers the work's registers (`reason: None`) or
	/// declines it. Registration ends the contest period and, for a person named as
	/// holder, accepts the holding for the depositor. Either way the depositor's
	/// deposit goes back.
	///
	/// # Errors
	/// [`Error::NotOffice`], [`Error::UnknownWork`], [`Error::OutsideJurisdiction`],
	/// [`Error::AlreadyDecided`], [`Error::Overflow`].
	pub(crate) fn do_decide(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		reason: Option<ReasonCode>,
	) -> DispatchResult {
		ensure!(T::Agencies::has_role(agency, Role::CopyrightOffice), Error::<T>::NotOffice);
		let mut work = Self::work_of(&content)?;
		let region = T::Agencies::region_of(agency).ok_or(Error::<T>::NotOffice)?;
		ensure!(region.covers(&work.region), Error::<T>::OutsideJurisdiction);
		ensure!(work.registration == Registration::Unreviewed, Error::<T>::AlreadyDecided);
		let mut accepted = None;
		let (registration, action, event) = match reason {
			None => {
				let number = NextRegistration::<T>::get();
				let next = number.checked_add(1).ok_or(Error::<T>::Overflow)?;
				NextRegistration::<T>::put(next);
				let person = matches!(work.holder, HolderRef::Person(_));
				if person && work.controller.is_none() {
					work.controller = Some(work.depositor.clone());
					accepted = Some(work.depositor.clone());
				}
				work.contest_ends = work.contest_ends.min(Self::now());
				(
					Registration::Registered { number, office: agency },
					WorkAction::Registered { number, holder_accepted: accepted.is_some() },
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
		Self::push_event(content, &mut work, action, Some(operator), Some(agency))?;
		Self::release_work_deposit(&content)?;
		let holder = work.holder.clone();
		Works::<T>::insert(content, work);
		Self::deposit_event(event);
		if let Some(controller) = accepted {
			Self::deposit_event(Event::HoldingAccepted { content, holder, controller });
		}
		Ok(())
	}

	/// Governance reopens a declined registration.
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::NotDeclined`], [`Error::Overflow`].
	pub(crate) fn do_force_reopen(content: DocumentHash, reason: ReasonCode) -> DispatchResult {
		let mut work = Self::work_of(&content)?;
		ensure!(matches!(work.registration, Registration::Declined { .. }), Error::<T>::NotDeclined);
		work.registration = Registration::Unreviewed;
		Self::push_event(content, &mut work, WorkAction::Reopened { reason }, None, None)?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::RegistrationReopened { content, reason });
		Ok(())
	}

	/// The work `content` if `who` controls it and it may change hands now.
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::HolderNotAccepted`], [`Error::NotController`],
	/// [`Error::Frozen`], [`Error::UnderContest`], [`Error::OfferPending`].
	fn controlled(who: &T::AccountId, content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		let work = Self::work_of(content)?;
		let controller = work.controller.as_ref().ok_or(Error::<T>::HolderNotAccepted)?;
		ensure!(controller == who, Error::<T>::NotController);
		ensure!(work.frozen.is_none(), Error::<T>::Frozen);
		ensure!(!Self::in_contest(&work), Error::<T>::UnderContest);
		ensure!(work.offer.is_none(), Error::<T>::OfferPending);
		Ok(work)
	}

	/// Checks that `controller` is the account that acts for `holder`: the account
	/// itself, an enterprise's designated account; any account for a person.
	///
	/// # Errors
	/// [`Error::ControllerMismatch`].
	pub(crate) fn check_controller_for(holder: &HolderOf<T>, controller: &T::AccountId) -> DispatchResult {
		if !matches!(holder, HolderRef::Person(_)) {
			ensure!(Self::acceptor_of(holder).as_ref() == Some(controller), Error::<T>::ControllerMismatch);
		}
		Ok(())
	}

	/// Moves `work` to holder `to` controlled by `controller`, dropping any offer (the
	/// caller writes it).
	pub(crate) fn change_holder(
		content: DocumentHash,
		work: &mut WorkOf<T>,
		to: HolderOf<T>,
		controller: T::AccountId,
	) {
		HolderWorks::<T>::remove(&work.holder, content);
		HolderWorks::<T>::insert(&to, content, ());
		work.holder = to;
		work.controller = Some(controller);
		work.offer = None;
	}

	/// The controller transfers rights: listed rights are recorded at once; all rights
	/// are offered to `new_controller` (carried out at once if that is `who`).
	///
	/// # Errors
	/// Those of `controlled`; [`Error::InvalidRights`], [`Error::SameHolder`], those of
	/// `check_party`; [`Error::ControllerMismatch`]; [`Error::Overflow`].
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
		if rights == Rights::ALL {
			Self::check_controller_for(&to, &new_controller)?;
			if new_controller != who {
				let action = WorkAction::TransferOffered { to: to.clone(), new_controller: new_controller.clone(), contract };
				Self::push_event(content, &mut work, action, Some(who), None)?;
				work.offer = Some(Offer { to: to.clone(), new_controller: new_controller.clone(), contract });
				Works::<T>::insert(content, work);
				Self::deposit_event(Event::TransferOffered { content, from, to, new_controller });
				return Ok(());
			}
		}
		let action = WorkAction::Transferred { from: from.clone(), to: to.clone(), rights, contract };
		Self::push_event(content, &mut work, action, Some(who), None)?;
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
		Self::push_event(content, &mut work, WorkAction::Licensed { grant: index }, Some(who), None)?;
		Grants::<T>::insert(content, index, grant);
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::LicenceGranted { content, grant: index, licensee, exclusive });
		Ok(existing)
	}
}
