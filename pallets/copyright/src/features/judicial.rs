//! Courts: freeze, evidence, transfer by ruling, unfreeze.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::AgencyRegistry;

impl<T: Config> Pallet<T> {
	/// Checks that `agency` is a court; returns the work.
	///
	/// # Errors
	/// [`Error::NotCourt`], [`Error::UnknownWork`].
	fn court_and_work(agency: AgencyId, content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		ensure!(T::Agencies::has_role(agency, Role::Court), Error::<T>::NotCourt);
		Self::work_of(content)
	}

	/// The work `content`, frozen by `agency`.
	///
	/// # Errors
	/// Those of `court_and_work`; [`Error::NotFrozen`], [`Error::OtherCourt`].
	fn frozen_by(agency: AgencyId, content: &DocumentHash) -> Result<WorkOf<T>, DispatchError> {
		let work = Self::court_and_work(agency, content)?;
		let freeze = work.frozen.ok_or(Error::<T>::NotFrozen)?;
		ensure!(freeze.court == agency, Error::<T>::OtherCourt);
		Ok(work)
	}

	/// A court freezes a work; this ends its contest period (the court now decides
	/// who holds it).
	///
	/// # Errors
	/// Those of `court_and_work`; [`Error::Frozen`] if already frozen; [`Error::Overflow`].
	pub(crate) fn do_freeze(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		case: DocumentHash,
	) -> DispatchResult {
		let mut work = Self::court_and_work(agency, &content)?;
		ensure!(work.frozen.is_none(), Error::<T>::Frozen);
		work.frozen = Some(Freeze { court: agency, case });
		work.contest_ends = work.contest_ends.min(Self::now());
		Self::push_event(content, &mut work, WorkAction::Frozen { case }, Some(operator), Some(agency))?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::WorkFrozen { content, court: agency, case });
		Ok(())
	}

	/// The court that froze the work attaches evidence.
	///
	/// # Errors
	/// Those of `frozen_by`; [`Error::Overflow`].
	pub(crate) fn do_attach_evidence(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		evidence: DocumentHash,
	) -> DispatchResult {
		let mut work = Self::frozen_by(agency, &content)?;
		Self::push_event(content, &mut work, WorkAction::EvidenceAttached { evidence }, Some(operator), Some(agency))?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::EvidenceAttached { content, court: agency, evidence });
		Ok(())
	}

	/// The freezing court transfers the rights by ruling (any pending offer lapses; no
	/// acceptance needed).
	///
	/// # Errors
	/// Those of `frozen_by`; [`Error::SameHolder`], those of `check_party`; [`Error::Overflow`].
	pub(crate) fn do_rule_transfer(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		to: HolderOf<T>,
		new_controller: T::AccountId,
		ruling: DocumentHash,
	) -> DispatchResult {
		let mut work = Self::frozen_by(agency, &content)?;
		ensure!(work.holder != to, Error::<T>::SameHolder);
		Self::check_party(&to)?;
		let from = work.holder.clone();
		let action = WorkAction::RulingTransfer { from: from.clone(), to: to.clone(), ruling };
		Self::push_event(content, &mut work, action, Some(operator), Some(agency))?;
		Self::change_holder(content, &mut work, to.clone(), new_controller);
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::RulingTransferred { content, court: agency, from, to });
		Ok(())
	}

	/// The freezing court unfreezes the work.
	///
	/// # Errors
	/// Those of `frozen_by`; [`Error::Overflow`].
	pub(crate) fn do_unfreeze(
		agency: AgencyId,
		operator: T::AccountId,
		content: DocumentHash,
		ruling: DocumentHash,
	) -> DispatchResult {
		let mut work = Self::frozen_by(agency, &content)?;
		work.frozen = None;
		Self::push_event(content, &mut work, WorkAction::Unfrozen { ruling }, Some(operator), Some(agency))?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::WorkUnfrozen { content, court: agency, ruling });
		Ok(())
	}

	/// Governance ends a freeze, whichever court put it.
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::NotFrozen`], [`Error::Overflow`].
	pub(crate) fn do_force_unfreeze(content: DocumentHash, reason: ReasonCode) -> DispatchResult {
		let mut work = Self::work_of(&content)?;
		let freeze = work.frozen.take().ok_or(Error::<T>::NotFrozen)?;
		Self::push_event(content, &mut work, WorkAction::ForceUnfrozen { reason }, None, None)?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::WorkForceUnfrozen { content, court: freeze.court, reason });
		Ok(())
	}
}
