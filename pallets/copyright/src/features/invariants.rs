//! `try_state` invariants.

use crate::*;
use frame_support::ensure;
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks every invariant:
	/// 1. one record per content hash (the map's key), listed under its holder, and
	///    the holder index lists nothing else;
	/// 2. each work's history starts with its deposit, has no gap, and matches its
	///    counters; grants likewise;
	/// 3. while a work is frozen its holder changes only by ruling: replaying the
	///    history, a transfer of all rights never happens between a freeze and the
	///    unfreeze, and the frozen flag matches the replay;
	/// 4. the holder after replaying every change of holder is the current holder.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut works = 0usize;
		for (content, w) in Works::<T>::iter() {
			works += 1;
			ensure!(HolderWorks::<T>::contains_key(&w.holder, content), "work not listed under its holder");
			ensure!(Grants::<T>::iter_prefix(content).count() as u32 == w.grants, "grant count mismatch");
			let first = History::<T>::get(content, 0).ok_or("history has no deposit")?;
			ensure!(first.action == WorkAction::Deposited, "history does not start with the deposit");
			ensure!(first.anchor == w.deposited, "deposit anchor differs");
			let mut frozen = false;
			let mut holder: Option<HolderOf<T>> = None;
			for seq in 0..w.events {
				let e = History::<T>::get(content, seq).ok_or("history has a gap")?;
				match e.action {
					WorkAction::Frozen { .. } => frozen = true,
					WorkAction::Unfrozen { .. } => frozen = false,
					WorkAction::Transferred { to, rights, .. } if rights == Rights::ALL => {
						ensure!(!frozen, "holder changed while frozen, not by ruling");
						holder = Some(to);
					},
					WorkAction::RulingTransfer { to, .. } => holder = Some(to),
					_ => {},
				}
			}
			ensure!(frozen == w.frozen.is_some(), "frozen flag differs from the history");
			if let Some(h) = holder {
				ensure!(h == w.holder, "holder differs from the history");
			}
			ensure!(History::<T>::iter_prefix(content).count() as u32 == w.events, "event count mismatch");
		}
		ensure!(HolderWorks::<T>::iter().count() == works, "stale holder index");
		Ok(())
	}
}
