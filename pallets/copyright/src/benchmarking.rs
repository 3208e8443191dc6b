//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as Copyright;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use govchain_primitives::HolderRef;

const REGION: u32 = 500_000;

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

/// The worst-case deposit: longest title, most authors, all of them registered
/// enterprises (each looked up), an enterprise holder, a publication.
fn deposit_of<T: Config>(n: u32) -> DepositOf<T> {
	let enterprise = HolderRef::Enterprise(T::BenchmarkHelper::registered_enterprise());
	Deposit {
		content: hash(n),
		title: alloc::vec![b't'; T::MaxTitleLength::get() as usize].try_into().unwrap_or_default(),
		category: Category::Software,
		nature: Nature::Original,
		authors: alloc::vec![enterprise.clone(); T::MaxAuthors::get() as usize].try_into().unwrap_or_default(),
		holder: enterprise,
		completed: 1,
		publication: Some(Publication { date: 2, place: RegionCode::new(REGION).expect("valid region") }),
	}
}

/// Deposits work `n` controlled by a fresh account; returns the account.
fn deposited<T: Config>(n: u32) -> Result<T::AccountId, BenchmarkError> {
	let who: T::AccountId = account("author", n, 0);
	let d = deposit_of::<T>(n);
	Copyright::<T>::check_deposit(&d)?;
	Copyright::<T>::insert_work(who.clone(), d)?;
	Ok(who)
}

/// A person, distinct per `n`.
fn person<T: Config>(n: u8) -> HolderOf<T> {
	HolderRef::Person([n; 32])
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn deposit() {
		let who: T::AccountId = account("author", 0, 0);
		let d = deposit_of::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), d.content, d.title, d.category, d.nature, d.authors, d.holder, d.completed, d.publication);
		assert!(Works::<T>::contains_key(hash(0)));
	}

	#[benchmark]
	fn deposit_batch(n: Linear<1, { T::MaxBatchDeposit::get() }>) {
		let who: T::AccountId = account("archive", 0, 0);
		let items: BatchOf<T> =
			(0..n).map(deposit_of::<T>).collect::<Vec<_>>().try_into().unwrap_or_default();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), items);
		assert!(Works::<T>::contains_key(hash(n - 1)));
	}

	#[benchmark]
	fn register() -> Result<(), BenchmarkError> {
		deposited::<T>(0)?;
		let (_, office) = agency::<T>(Role::CopyrightOffice);
		#[extrinsic_call]
		_(office as T::RuntimeOrigin, hash(0));
		assert!(matches!(Works::<T>::get(hash(0)).map(|w| w.registration), Some(Registration::Registered { .. })));
		Ok(())
	}

	#[benchmark]
	fn decline() -> Result<(), BenchmarkError> {
		deposited::<T>(0)?;
		let (_, office) = agency::<T>(Role::CopyrightOffice);
		#[extrinsic_call]
		_(office as T::RuntimeOrigin, hash(0), 1);
		assert!(matches!(Works::<T>::get(hash(0)).map(|w| w.registration), Some(Registration::Declined { .. })));
		Ok(())
	}

	/// All rights to a registered enterprise: the holder index moves.
	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let who = deposited::<T>(0)?;
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
		let who = deposited::<T>(0)?;
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
		deposited::<T>(0)?;
		let (_, court) = agency::<T>(Role::Court);
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [4; 32]);
		assert!(Works::<T>::get(hash(0)).is_some_and(|w| w.frozen.is_some()));
		Ok(())
	}

	#[benchmark]
	fn attach_evidence() -> Result<(), BenchmarkError> {
		deposited::<T>(0)?;
		let (_, court) = agency::<T>(Role::Court);
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [6; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.events), Some(2));
		Ok(())
	}

	#[benchmark]
	fn rule_transfer() -> Result<(), BenchmarkError> {
		let who = deposited::<T>(0)?;
		let (court_id, court) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who.clone(), hash(0), [4; 32])?;
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), person::<T>(2), who, [8; 32]);
		assert_eq!(Works::<T>::get(hash(0)).map(|w| w.holder), Some(person::<T>(2)));
		Ok(())
	}

	#[benchmark]
	fn unfreeze() -> Result<(), BenchmarkError> {
		let who = deposited::<T>(0)?;
		let (court_id, court) = agency::<T>(Role::Court);
		Copyright::<T>::do_freeze(court_id, who, hash(0), [4; 32])?;
		#[extrinsic_call]
		_(court as T::RuntimeOrigin, hash(0), [8; 32]);
		assert!(Works::<T>::get(hash(0)).is_some_and(|w| w.frozen.is_none()));
		Ok(())
	}

	impl_benchmark_test_suite!(Copyright, crate::mock::new_test_ext(), crate::mock::Test);
}
