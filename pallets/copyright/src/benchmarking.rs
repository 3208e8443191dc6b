//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as Copyright;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate, MutateHold},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use govchain_primitives::{EnterpriseLookup, HolderRef};
use sp_runtime::traits::{Saturating, Zero};

const REGION: u32 = 500_000;
const SALT: Salt = [9; 32];

/// A fresh agency holding `role`; its id and signing origin.
fn agency<T: Config>(role: Role) -> (AgencyId, T::RuntimeOrigin) {
	let region = RegionCode::new(REGION).expect("valid region");
	let (agency, who) = T::BenchmarkHelper::agency_operator(&[role], region);
	(agency, RawOrigin::Signed(who).into())
}

/// A content hash distinct per `n`.
fn hash(n: u32) -> DocumentHash {
	let mut h = [7u8; 32];
	h[..4].copy_from_slice(&n.to_le_bytes());
	h
}

/// A commitment distinct per `n` that no deposit reveals.
fn filler(n: u32) -> Commitment {
	let mut c = [3u8; 32];
	c[..4].copy_from_slice(&n.to_le_bytes());
	c
}

fn set_block<T: Config>(n: u32) {
	frame_system::Pallet::<T>::set_block_number(n.into());
}

/// The worst-case deposit: longest title, most authors, all of them registered
/// enterprises (each looked up), an enterprise holder, a publication. Deposit `n` names
/// enterprises of its own, none shared with another deposit or between its authors and
/// holder, so every lookup reads storage a benchmark has not read before.
fn deposit_of<T: Config>(n: u32) -> DepositOf<T> {
	deposit_with_authors::<T>(n, T::MaxAuthors::get())
}

/// [`deposit_of`] with `authors` enterprise authors (at least one).
fn deposit_with_authors<T: Config>(n: u32, authors: u32) -> DepositOf<T> {
	let per_deposit = T::MaxAuthors::get().saturating_add(1);
	let first = n.saturating_mul(per_deposit);
	let authors = authors.clamp(1, T::MaxAuthors::get());
	let enterprise = |i: u32| HolderRef::Enterprise(T::BenchmarkHelper::registered_enterprise(first.saturating_add(i)));
	Deposit {
		content: hash(n),
		title: alloc::vec![b't'; T::MaxTitleLength::get() as usize].try_into().unwrap_or_default(),
		category: Category::Software,
		nature: Nature::Original,
		authors: (1..=authors).map(enterprise).collect::<Vec<_>>().try_into().unwrap_or_default(),
		holder: enterprise(0),
		region: RegionCode::new(REGION).expect("valid region"),
		completed: 1,
		publication: Some(Publication { date: 2, place: RegionCode::new(REGION).expect("valid region") }),
	}
}

/// Gives `who` enough for a full list of commitments and a full batch of works.
fn fund<T: Config>(who: &T::AccountId) {
	let commits = T::CommitDeposit::get().saturating_mul(T::MaxPendingCommits::get().into());
	let works = T::WorkDeposit::get().saturating_mul(T::MaxBatchDeposit::get().saturating_add(1).into());
	T::Currency::set_balance(who, T::Currency::minimum_balance().saturating_add(commits).saturating_add(works));
}

/// Stores `commits` as `who`'s pending commitments, funding `who` and holding their
/// deposits as `commit` would.
fn store_commitments<T: Config>(who: &T::AccountId, commits: Vec<PendingCommitOf<T>>) -> Result<(), BenchmarkError> {
	fund::<T>(who);
	let held = commits.iter().fold(BalanceOf::<T>::zero(), |sum, c| sum.saturating_add(c.deposit));
	T::Currency::hold(&HoldReason::CommitDeposit.into(), who, held)?;
	Commitments::<T>::insert(who, CommitmentsOf::<T>::truncate_from(commits));
	Ok(())
}

/// Fills `who`'s commitments to the limit, the one over `contents` with [`SALT`] last
/// (the reveal scans them all), all in the current block.
fn full_commitments<T: Config>(who: &T::AccountId, contents: &[DocumentHash]) -> Result<(), BenchmarkError> {
	let block = frame_system::Pallet::<T>::block_number();
	let max = T::MaxPendingCommits::get();
	let mut commits: Vec<PendingCommitOf<T>> =
		(1..max).map(|i| PendingCommit { commitment: filler(i), block, deposit: T::CommitDeposit::get() }).collect();
	commits.push(PendingCommit {
		commitment: Copyright::<T>::commitment_of(contents, who, &SALT),
		block,
		deposit: T::CommitDeposit::get(),
	});
	store_commitments::<T>(who, commits)
}

/// Works `0..n` deposited by another account at block 3 with a commitment of block 2,
/// contestable; the caller then reveals a commitment of block 1 at block 4, so each
/// deposit supersedes one (the heaviest path).
fn contested<T: Config>(who: &T::AccountId, n: u32) -> Result<(), BenchmarkError> {
	set_block::<T>(1);
	let contents: Vec<DocumentHash> = (0..n).map(hash).collect();
	full_commitments::<T>(who, &contents)?;
	set_block::<T>(3);
	let other: T::AccountId = account("front-runner", 0, 0);
	fund::<T>(&other);
	for i in 0..n {
		let d = deposit_of::<T>(i);
		let prev = Copyright::<T>::check_deposit(&d, 2u32.into())?;
		Copyright::<T>::insert_work(other.clone(), d, 2u32.into(), prev)?;
	}
	set_block::<T>(4);
	Ok(())
}

/// Deposits work `n` by a fresh account, held by `holder` (the depositor's own account
/// if `None`); returns the depositor.
fn deposited_as<T: Config>(n: u32, holder: Option<HolderOf<T>>) -> Result<T::AccountId, BenchmarkError> {
	set_block::<T>(1);
	let who: T::AccountId = account("author", n, 0);
	fund::<T>(&who);
	let mut d = deposit_of::<T>(n);
	d.holder = holder.unwrap_or_else(|| HolderRef::Account(who.clone()));
	let prev = Copyright::<T>::check_deposit(&d, Zero::zero())?;
	Copyright::<T>::insert_work(who.clone(), d, Zero::zero(), prev)?;
	Ok(who)
}

/// Work `n`, held by its depositor's own account (so controlled by it), past its
/// contest period; returns the controller.
fn controlled<T: Config>(n: u32) -> Result<T::AccountId, BenchmarkError> {
	let who = deposited_as::<T>(n, None)?;
	let after = T::ContestPeriod::get().saturating_add(2u32.into());
	frame_system::Pallet::<T>::set_block_number(after);
	Ok(who)
}

/// A person, distinct per `n`.
fn person<T: Config>(n: u8) -> HolderOf<T> {
	HolderRef::Person([n; 32])
}

/// A holder and the account acting for it: the registered enterprise if the register
/// designates an account for it (one more lookup), else a plain account.
fn accepting_holder<T: Config>() -> (HolderOf<T>, T::AccountId) {
	let uscc = T::BenchmarkHelper::registered_enterprise(u32::MAX);
	match T::Enterprises::account_of(&uscc) {
		Some(acc) => (HolderRef::Enterprise(uscc), acc),
		None => {
			let acc: T::AccountId = account("holder", 0, 0);
			(HolderRef::Account(acc.clone()), acc)
		},
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Supersedes a contestable deposit, scanning a full list of commitments.
	#[benchmark]
	fn deposit(a: Linear<1, { T::MaxAuthors::get() }>) -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("author", 0, 0);
		contested::<T>(&who, 1)?;
		let d = deposit_with_authors::<T>(0, a);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			d.content,
			d.title,
			d.category,
			d.nature,
			d.authors,
			d.holder,
			REGION,
			d.completed,
			d.publication,
			SALT,
		);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.depositor), Some(who));
		Ok(())
	}

	/// A deposit of a work nobody deposited before (what most deposits are), with `a`
	/// enterprise authors: no front-runner's deposit to release. `deposit` is refunded
	/// to this when it supersedes nothing.
	#[benchmark]
	fn deposit_new(a: Linear<1, { T::MaxAuthors::get() }>) -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("author", 0, 0);
		set_block::<T>(1);
		full_commitments::<T>(&who, &[hash(0)])?;
		fund::<T>(&who);
		set_block::<T>(4);
		let d = deposit_with_authors::<T>(0, a);
		#[extrinsic_call]
		deposit(
			RawOrigin::Signed(who.clone()),
			d.content,
			d.title,
			d.category,
			d.nature,
			d.authors,
			d.holder,
			REGION,
			d.completed,
			d.publication,
			SALT,
		);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.depositor), Some(who));
		Ok(())
	}

	/// `n` deposits of one enterprise author each, each superseding a contestable one.
	/// Further authors are charged what one more adds to `deposit`
	/// ([`Pallet::deposit_batch_weight`]).
	#[benchmark]
	fn deposit_batch(n: Linear<1, { T::MaxBatchDeposit::get() }>) -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("archive", 0, 0);
		contested::<T>(&who, n)?;
		let items: BatchOf<T> =
			(0..n).map(|i| deposit_with_authors::<T>(i, 1)).collect::<Vec<_>>().try_into().unwrap_or_default();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), items, SALT);
		assert_eq!(Works::<T>::get(hash(n - 1)).map(|w| w.depositor), Some(who));
		Ok(())
	}

	/// A person named as holder: registration also accepts the holding.
	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		deposited_as::<T>(0, Some(person::<T>(1)))?;
		let (_, office) = agency::<T>(Role::CopyrightOffice);
		#[extrinsic_call]
		_(office as T::RuntimeOrigin, hash(0));
		let w = Works::<T>::get(hash(0)).ok_or(BenchmarkError::Stop("work"))?;
		assert!(matches!(w.registration, Registration::Registered { .. }) && w.controller.is_some());
		Ok(())
	}

	#[benchmark]
	fn decline() -> Result<(), BenchmarkError> {
		deposited_as::<T>(0, None)?;
		let (_, office) = agency::<T>(Role::CopyrightOffice);
		#[extrinsic_call]
		_(office as T::RuntimeOrigin, hash(0), 1);
		assert!(matches!(Works::<T>::get(hash(0)).map(|w| w.registration), Some(Registration::Declined { .. })));
		Ok(())
	}

	/// All rights to a person the controller acts for: carried out at once, the holder
	/// index moves.
	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let who = controlled::<T>(0)?;
		let to = person::<T>(2);
		let controller = who.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(0), to.clone(), controller, Rights::ALL, [5; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.holder), Some(to));
		Ok(())
	}

	/// `g` earlier grants checked for overlap (none overlapping: later terms).
	#[benchmark]
	fn grant_licence(g: Linear<0, { T::MaxGrantsPerWork::get() - 1 }>) -> Result<(), BenchmarkError> {
		let who = controlled::<T>(0)?;
		for i in 0..g {
			let from = u64::from(i) * 10;
			Copyright::<T>::do_grant_licence(who.clone(), hash(0), person::<T>(9), true, Rights::ALL, None, from, from + 10, [7; 32])?;
		}
		let from = u64::from(g) * 10;
		#[extrinsic_call]
		_(RawOrigin::Signed(who), hash(0), person::<T>(9), true, Rights::ALL, Some(REGION), from, from + 10, [7; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.grants), Some(g + 1));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		deposited_as::<T>(0, None)?;
		let (_, court) = agency::<T>(Role::Court);
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [4; 32]);
		assert!(Works::<T>::get(hash(0)).is_some_and(|w| w.frozen.is_some()));
		Ok(())
	}

	#[benchmark]
	fn attach_evidence() -> Result<(), BenchmarkError> {
		let who = deposited_as::<T>(0, None)?;
		let (court_id, court) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who, hash(0), [4; 32])?;
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [6; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.events), Some(3));
		Ok(())
	}

	#[benchmark]
	fn rule_transfer() -> Result<(), BenchmarkError> {
		let who = deposited_as::<T>(0, None)?;
		let (court_id, court) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who.clone(), hash(0), [4; 32])?;
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), person::<T>(2), who, [8; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.holder), Some(person::<T>(2)));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let who = deposited_as::<T>(0, None)?;
		let (court_id, court) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who, hash(0), [4; 32])?;
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [8; 32]);
		assert!(Works::<T>::get(hash(0)).is_some_and(|w| w.frozen.is_none()));
		Ok(())
	}

	/// The signer has one fewer than the most commitments, all expired: each is
	/// scanned and dropped, their deposits returned, and the new one's held.
	#[benchmark]
	fn commit() -> Result<(), BenchmarkError> {
		let who: T::AccountId = account("author", 0, 0);
		set_block::<T>(1);
		let max = T::MaxPendingCommits::get();
		let commits: Vec<PendingCommitOf<T>> =
			(1..max).map(|i| PendingCommit { commitment: filler(i), block: 1u32.into(), deposit: T::CommitDeposit::get() }).collect();
		store_commitments::<T>(&who, commits)?;
		let expired = T::CommitLifetime::get().saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(expired);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), filler(0));
		assert_eq!(Commitments::<T>::get(&who).len(), 1);
		Ok(())
	}

	/// Someone else removes an expired commitment, last of a full list.
	#[benchmark]
	fn remove_commitment() -> Result<(), BenchmarkError> {
		let owner: T::AccountId = account("author", 0, 0);
		set_block::<T>(1);
		full_commitments::<T>(&owner, &[hash(0)])?;
		let last = Copyright::<T>::commitment_of(&[hash(0)], &owner, &SALT);
		let expired = T::CommitLifetime::get().saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(expired);
		let cleaner: T::AccountId = account("cleaner", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(cleaner), owner.clone(), last);
		assert!(Copyright::<T>::commitment(&owner, &last).is_none());
		Ok(())
	}

	/// The nominee accepts a transfer of all rights (the holder index moves).
	#[benchmark]
	fn accept_holding() -> Result<(), BenchmarkError> {
		let who = controlled::<T>(0)?;
		let (to, acceptor) = accepting_holder::<T>();
		Copyright::<T>::do_transfer(who, hash(0), to.clone(), acceptor.clone(), Rights::ALL, [5; 32])?;
		#[extrinsic_call]
		_(RawOrigin::Signed(acceptor.clone()), hash(0));
		let w = Works::<T>::get(hash(0)).ok_or(BenchmarkError::Stop("work"))?;
		assert!(w.holder == to && w.controller == Some(acceptor));
		Ok(())
	}

	/// The named holder's account refuses; the work falls back to the depositor (the
	/// holder index moves).
	#[benchmark]
	fn refuse_holding() -> Result<(), BenchmarkError> {
		let (holder, acceptor) = accepting_holder::<T>();
		let who = deposited_as::<T>(0, Some(holder))?;
		#[extrinsic_call]
		_(RawOrigin::Signed(acceptor), hash(0));
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.holder), Some(HolderRef::Account(who)));
		Ok(())
	}

	#[benchmark]
	fn force_reopen() -> Result<(), BenchmarkError> {
		deposited_as::<T>(0, None)?;
		let (office_id, _) = agency::<T>(Role::CopyrightOffice);
		let operator: T::AccountId = account("operator", 0, 0);
		Copyright::<T>::do_decide(office_id, operator, hash(0), Some(1))?;
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash(0), 1);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.registration), Some(Registration::Unreviewed));
		Ok(())
	}

	#[benchmark]
	fn force_unfreeze() -> Result<(), BenchmarkError> {
		let who = deposited_as::<T>(0, None)?;
		let (court_id, _) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who, hash(0), [4; 32])?;
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, hash(0), 1);
		assert!(Works::<T>::get(hash(0)).is_some_and(|w| w.frozen.is_none()));
		Ok(())
	}

	impl_benchmark_test_suite!(Copyright, crate::mock::new_test_ext(), crate::mock::Test);
}
