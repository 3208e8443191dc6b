//! Acceptance of a holding: the holder named at deposit, or the new holder of a
//! transfer of all rights, accepts or refuses.

use crate::*;
use frame_support::pallet_prelude::*;
use govchain_primitives::HolderRef;

impl<T: Config> Pallet<T> {
	/// `who` accepts what waits on `content`: the holding named at deposit (if `who`
	/// acts for that holder) or a transfer offer (if `who` is its nominee, and still the
	/// designated account of an enterprise named).
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::NotAcceptor`], [`Error::NothingPending`]; for an
	/// offer [`Error::ControllerMismatch`], [`Error::Frozen`]; [`Error::Overflow`].
	pub(crate) fn do_accept_holding(who: T::AccountId, content: DocumentHash) -> DispatchResult {
		let mut work = Self::work_of(&content)?;
		if work.controller.is_none() {
			ensure!(Self::acceptor_of(&work.holder).as_ref() == Some(&who), Error::<T>::NotAcceptor);
			work.controller = Some(who.clone());
			Self::push_event(content, &mut work, WorkAction::HoldingAccepted, Some(who.clone()), None)?;
			let holder = work.holder.clone();
			Works::<T>::insert(content, work);
			Self::deposit_event(Event::HoldingAccepted { content, holder, controller: who });
			return Ok(());
		}
		let offer = work.offer.clone().ok_or(Error::<T>::NothingPending)?;
		ensure!(offer.new_controller == who, Error::<T>::NotAcceptor);
		Self::check_controller_for(&offer.to, &who)?;
		ensure!(work.frozen.is_none(), Error::<T>::Frozen);
		let from = work.holder.clone();
		let action =
			WorkAction::Transferred { from: from.clone(), to: offer.to.clone(), rights: Rights::ALL, contract: offer.contract };
		Self::push_event(content, &mut work, action, Some(who.clone()), None)?;
		Self::change_holder(content, &mut work, offer.to.clone(), who);
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::RightsTransferred { content, from, to: offer.to, rights: Rights::ALL });
		Ok(())
	}

	/// `who` ends what waits on `content`: the named holder's account refuses or the
	/// depositor withdraws the holding (the work falls back to the depositor's own
	/// account); an offer's nominee refuses it or the controller withdraws it.
	///
	/// # Errors
	/// [`Error::UnknownWork`], [`Error::NotAcceptor`], [`Error::NothingPending`];
	/// [`Error::Frozen`] for a holding (its holder would change); [`Error::Overflow`].
	pub(crate) fn do_refuse_holding(who: T::AccountId, content: DocumentHash) -> DispatchResult {
		let mut work = Self::work_of(&content)?;
		if work.controller.is_none() {
			let acceptor = Self::acceptor_of(&work.holder);
			ensure!(who == work.depositor || acceptor.as_ref() == Some(&who), Error::<T>::NotAcceptor);
			ensure!(work.frozen.is_none(), Error::<T>::Frozen);
			let depositor = work.depositor.clone();
			let holder = HolderRef::Account(depositor.clone());
			let action = WorkAction::HoldingRefused { holder: holder.clone() };
			Self::push_event(content, &mut work, action, Some(who.clone()), None)?;
			Self::change_holder(content, &mut work, holder.clone(), depositor);
			Works::<T>::insert(content, work);
			Self::deposit_event(Event::HoldingRefused { content, by: who, holder });
			return Ok(());
		}
		let offer = work.offer.take().ok_or(Error::<T>::NothingPending)?;
		ensure!(offer.new_controller == who || work.controller.as_ref() == Some(&who), Error::<T>::NotAcceptor);
		Self::push_event(content, &mut work, WorkAction::TransferCancelled { to: offer.to.clone() }, Some(who.clone()), None)?;
		Works::<T>::insert(content, work);
		Self::deposit_event(Event::TransferCancelled { content, by: who, to: offer.to });
		Ok(())
	}
}
