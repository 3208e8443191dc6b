//! `try_state` invariants.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{Saturating, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant:
	/// 1. one record per content hash (the map's key), listed under its holder, and
	///    the holder index lists nothing else;
	/// 2. each work's history starts with its deposit, has no gap, and matches its
	///    counters; grants likewise; the work's deposit anchor is that of its last
	///    deposit (the first entry, or the last supersession);
	/// 3. while a work is frozen its holder changes only by ruling: replaying the
	///    history, no transfer of all rights, refused holding or supersession happens
	///    between a freeze and its end (by the court or by governance), and the frozen
	///    flag matches the replay;
	/// 4. the holder after replaying every change of holder is the current holder;
	/// 5. a transfer offer exists only on an accepted work (one with a controller);
	///    the deposit revealed a commitment made in an earlier block; the region is
	///    well formed; a registered or frozen work is no longer contestable;
	/// 6. each account's pending commitments are non-empty, distinct, and made no
	///    later than the current block, and their deposits add up to what is held from
	///    the account for commitments.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		for (content, (who, _)) in WorkDeposits::<T>::iter() {
			ensure!(
				Works::<T>::get(content)
					.is_some_and(|w| w.depositor == who && w.registration == Registration::Unreviewed),
				"deposit held for a work decided, unknown or of another depositor"
			);
		}
		let now = Self::now();
		let mut works = 0usize;
		for (content, w) in Works::<T>::iter() {
			works += 1;
			ensure!(HolderWorks::<T>::contains_key(&w.holder, content), "work not listed under its holder");
			ensure!(Grants::<T>::iter_prefix(content).count() as u32 == w.grants, "grant count mismatch");
			let first = History::<T>::get(content, 0).ok_or("history has no deposit")?;
			ensure!(first.action == WorkAction::Deposited, "history does not start with the deposit");
			let mut deposit = first.anchor;
			let mut frozen = false;
			let mut holder: Option<HolderOf<T>> = None;
			for seq in 0..w.events {
				let e = History::<T>::get(content, seq).ok_or("history has a gap")?;
				match e.action {
					WorkAction::Deposited => ensure!(seq == 0, "a second deposit entry"),
					WorkAction::Superseded { holder: h, .. } => {
						ensure!(!frozen, "superseded while frozen");
						deposit = e.anchor;
						holder = Some(h);
					},
					WorkAction::Frozen { .. } => frozen = true,
					WorkAction::Unfrozen { .. } | WorkAction::ForceUnfrozen { .. } => frozen = false,
					WorkAction::Transferred { to, rights, .. } if rights == Rights::ALL => {
						ensure!(!frozen, "holder changed while frozen, not by ruling");
						holder = Some(to);
					},
					WorkAction::HoldingRefused { holder: h } => {
						ensure!(!frozen, "holding refused while frozen");
						holder = Some(h);
					},
					WorkAction::RulingTransfer { to, .. } => holder = Some(to),
					_ => {},
				}
			}
			ensure!(frozen == w.frozen.is_some(), "frozen flag differs from the history");
			if let Some(h) = holder {
				ensure!(h == w.holder, "holder differs from the history");
			}
			ensure!(deposit == w.deposited, "deposit anchor differs");
			ensure!(History::<T>::iter_prefix(content).count() as u32 == w.events, "event count mismatch");
			ensure!(w.offer.is_none() || w.controller.is_some(), "offer on a work nobody controls");
			ensure!(w.committed < w.deposited.block, "deposit revealed a commitment of its own block");
			ensure!(w.region.is_valid(), "malformed region");
			let decided = matches!(w.registration, Registration::Registered { .. }) || w.frozen.is_some();
			ensure!(!decided || w.contest_ends <= now, "registered or frozen work still contestable");
		}
		ensure!(HolderWorks::<T>::iter().count() == works, "stale holder index");
		for (who, commits) in Commitments::<T>::iter() {
			ensure!(!commits.is_empty(), "empty commitment list stored");
			let deposits =
				commits.iter().fold(BalanceOf::<T>::zero(), |sum, c| sum.saturating_add(c.deposit));
			ensure!(
				deposits == T::Currency::balance_on_hold(&HoldReason::CommitDeposit.into(), &who),
				"commitment deposits differ from the amount held"
			);
			let distinct: BTreeSet<_> = commits.iter().map(|c| c.commitment).collect();
			ensure!(distinct.len() == commits.len(), "duplicate commitment");
			ensure!(commits.iter().all(|c| c.block <= now), "commitment from a future block");
		}
		Ok(())
	}
}
