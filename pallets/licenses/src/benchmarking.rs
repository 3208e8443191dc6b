//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as LicensesPallet;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
};
use sp_runtime::Saturating;
use frame_system::RawOrigin;
use govchain_primitives::{AgencyBenchmarkHelper, HolderRef, LicenseIssuer, Uscc};

/// Chongqing: every benchmark agency sits there.
const REGION: u32 = 500_000;

/// A fresh agency holding both issuing roles; its id and a signing origin.
fn issuer<T: Config>() -> (AgencyId, T::RuntimeOrigin, T::AccountId) {
	let region = RegionCode::new(REGION).expect("valid region");
	let (agency, who) = T::BenchmarkHelper::agency_operator(
		&[Role::LicenseIssuer, Role::MarketRegulator],
		region,
	);
	(agency, RawOrigin::Signed(who.clone()).into(), who)
}

/// A fresh agency with no role (a verifier).
fn verifier<T: Config>() -> (AgencyId, T::RuntimeOrigin) {
	let region = RegionCode::new(REGION).expect("valid region");
	let (agency, who) = T::BenchmarkHelper::agency_operator(&[Role::Bank], region);
	(agency, RawOrigin::Signed(who).into())
}

/// `len` bytes of `b'a'`, bounded by `S` (`len` never exceeds it here).
fn filled<S: Get<u32>>(len: u32) -> BoundedVec<u8, S> {
	vec![b'a'; len.min(S::get()) as usize].try_into().unwrap_or_default()
}

/// A type code of maximal length, distinct per `seed`.
fn code<T: Config>(seed: u32) -> TypeCodeOf<T> {
	let mut c = vec![b'c'; T::MaxCodeLength::get() as usize];
	for (i, b) in seed.to_le_bytes().iter().enumerate() {
		if let Some(x) = c.get_mut(i) {
			*x = *b;
		}
	}
	c.try_into().unwrap_or_default()
}

/// Defines a type of `kind` with a default validity; returns its id.
fn define<T: Config>(agency: AgencyId, kind: HolderKind, seed: u32) -> LicenseTypeId {
	LicensesPallet::<T>::do_define_type(
		agency,
		code::<T>(seed),
		filled::<T::MaxNameLength>(T::MaxNameLength::get()),
		REGION,
		kind,
		Role::LicenseIssuer,
		Some(u64::MAX / 4),
		[1; 32],
		[2; 32],
	)
	.expect("benchmark type can be defined")
}

/// An enterprise holder with a valid USCC, distinct per `seed`.
fn enterprise<T: Config>(seed: u32) -> HolderOf<T> {
	let mut first17 = *b"91500000MA0000000";
	let mut rest = seed;
	for i in 0..8 {
		first17[16 - i] = b'0' + (rest % 10) as u8;
		rest /= 10;
	}
	HolderRef::Enterprise(Uscc::with_check(first17).expect("digits are in the alphabet"))
}

/// The province every benchmark agency sits in.
fn province() -> RegionCode {
	RegionCode::new(REGION).expect("valid region").province()
}

/// Gives `who` enough to hold a deposit for every authorisation a licence can have.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = T::ConsentDeposit::get().saturating_mul(T::MaxConsentsPerLicense::get().saturating_add(1).into());
	T::Currency::set_balance(who, T::Currency::minimum_balance().saturating_add(deposits));
}

/// A person holder whose designated account (in the benchmark province) is
/// `account`, funded for deposits; returns the holder.
fn person<T: Config>(account: &T::AccountId) -> HolderOf<T> {
	fund::<T>(account);
	let holder = HolderRef::Person([7; 32]);
	HolderAccounts::<T>::insert(&holder, province(), account);
	holder
}

/// A licence of a fresh person type issued by `agency` to a person acting through
/// `holder_account`; returns its id.
fn licence<T: Config>(agency: AgencyId, holder_account: &T::AccountId) -> LicenseId {
	let t = define::<T>(agency, HolderKind::Person, 0);
	let holder = person::<T>(holder_account);
	issue_n::<T>(agency, t, &holder, 1).pop().expect("one licence issued")
}

/// Issues `n` licences of type `t` by `agency` to `holder`; returns their ids.
fn issue_n<T: Config>(agency: AgencyId, t: LicenseTypeId, holder: &HolderOf<T>, n: u32) -> Vec<LicenseId> {
	let operator: T::AccountId = account("operator", 0, 0);
	(0..n)
		.map(|_| {
			let item = BatchItem { holder: holder.clone(), content: [9; 32], valid_from: 0, valid_until: None };
			LicensesPallet::<T>::do_issue(agency, &operator, t, item, false)
				.expect("benchmark licence can be issued")
		})
		.collect()
}

/// A licence of a fresh person type issued by `agency` to a person acting through
/// `holder_account`, after as many others that the person's live licences are full
/// (the worst case for the index); returns its id.
fn licence_of_full_holder<T: Config>(agency: AgencyId, holder_account: &T::AccountId) -> LicenseId {
	let t = define::<T>(agency, HolderKind::Person, 0);
	let holder = person::<T>(holder_account);
	issue_n::<T>(agency, t, &holder, T::MaxLivePerHolder::get())
		.first()
		.copied()
		.expect("the cap is at least one")
}

fn purpose<T: Config>() -> PurposeOf<T> {
	filled::<T::MaxPurposeLength>(T::MaxPurposeLength::get())
}

/// A deadline far in the future.
const LATER: Seconds = u64::MAX / 2;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn define_type() {
		let (_, origin, _) = issuer::<T>();
		let name = filled::<T::MaxNameLength>(T::MaxNameLength::get());
		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			code::<T>(0),
			name,
			REGION,
			HolderKind::Enterprise,
			Role::LicenseIssuer,
			Some(1_000),
			[1; 32],
			[2; 32],
		);
		assert!(Types::<T>::contains_key(0));
	}

	#[benchmark]
	fn retire_type() {
		let (agency, origin, _) = issuer::<T>();
		let t = define::<T>(agency, HolderKind::Enterprise, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, t);
		assert_eq!(Types::<T>::get(t).map(|t| t.status), Some(TypeStatus::Retired));
	}

	/// The holder already has all but one of the live licences it may hold.
	#[benchmark]
	fn issue() {
		let (agency, origin, _) = issuer::<T>();
		let t = define::<T>(agency, HolderKind::Enterprise, 0);
		let max = T::MaxLivePerHolder::get();
		issue_n::<T>(agency, t, &enterprise::<T>(1), max.saturating_sub(1));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, t, enterprise::<T>(1), [9; 32], 0, None);
		assert_eq!(LiveLicenses::<T>::decode_len(enterprise::<T>(1)), Some(max as usize));
	}

	#[benchmark]
	fn issue_batch(n: Linear<1, { T::MaxBatchIssue::get() }>) {
		let (agency, origin, _) = issuer::<T>();
		let t = define::<T>(agency, HolderKind::Enterprise, 0);
		let items: BatchOf<T> = (0..n)
			.map(|i| BatchItem { holder: enterprise::<T>(i), content: [9; 32], valid_from: 0, valid_until: None })
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.unwrap_or_default();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, t, items);
		assert_eq!(NextLicenseId::<T>::get(), n as u64);
	}

	#[benchmark]
	fn suspend() {
		let (agency, origin, _) = issuer::<T>();
		let id = licence::<T>(agency, &account("holder", 0, 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 1, Some([5; 32]));
		assert_eq!(Licenses::<T>::get(id).map(|l| l.status), Some(LicenseStatus::Suspended));
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let (agency, origin, who) = issuer::<T>();
		let id = licence::<T>(agency, &account("holder", 0, 0));
		LicensesPallet::<T>::do_manage(agency, who, id, Action::Suspended, 1, None)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 1, Some([5; 32]));
		assert_eq!(Licenses::<T>::get(id).map(|l| l.status), Some(LicenseStatus::Active));
		Ok(())
	}

	/// The holder's live licences are full: the index is longest.
	#[benchmark]
	fn revoke() {
		let (agency, origin, _) = issuer::<T>();
		let id = licence_of_full_holder::<T>(agency, &account("holder", 0, 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 1, Some([5; 32]));
		assert_eq!(Licenses::<T>::get(id).map(|l| l.status), Some(LicenseStatus::Revoked));
	}

	/// The holder's path: the agency origin is tried first and fails, then the
	/// holder's designated account is looked up; the holder's live licences are full.
	#[benchmark]
	fn cancel() {
		let (agency, _, _) = issuer::<T>();
		let holder: T::AccountId = account("holder", 0, 0);
		let id = licence_of_full_holder::<T>(agency, &holder);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, 1);
		assert_eq!(Licenses::<T>::get(id).map(|l| l.status), Some(LicenseStatus::Cancelled));
	}

	/// A suspended licence (whoever suspended it is looked up) of a holder whose live
	/// licences are full.
	#[benchmark]
	fn renew() -> Result<(), BenchmarkError> {
		let (agency, origin, who) = issuer::<T>();
		let id = licence_of_full_holder::<T>(agency, &account("holder", 0, 0));
		LicensesPallet::<T>::do_manage(agency, who, id, Action::Suspended, 1, None)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, [3; 32], 0, None, 1);
		assert!(Successor::<T>::contains_key(id));
		Ok(())
	}

	/// The holder's live licences are full, and the acting agency issued only the last.
	#[benchmark]
	fn set_holder_account() {
		let (other, _, _) = issuer::<T>();
		let (agency, origin, _) = issuer::<T>();
		let t = define::<T>(other, HolderKind::Enterprise, 0);
		let holder = enterprise::<T>(1);
		issue_n::<T>(other, t, &holder, T::MaxLivePerHolder::get().saturating_sub(1));
		issue_n::<T>(agency, t, &holder, 1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, holder.clone(), account("holder", 0, 0));
		assert!(HolderAccounts::<T>::contains_key(&holder, province()));
	}

	/// All but one of the authorisations allowed are in force.
	#[benchmark]
	fn grant_consent() -> Result<(), BenchmarkError> {
		let (agency, _, _) = issuer::<T>();
		let (bank, _) = verifier::<T>();
		let holder: T::AccountId = account("holder", 0, 0);
		let id = licence::<T>(agency, &holder);
		let before = T::MaxConsentsPerLicense::get().saturating_sub(1);
		for _ in 0..before {
			LicensesPallet::<T>::do_grant_consent(holder.clone(), id, bank, purpose::<T>(), LATER)?;
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, bank, purpose::<T>(), LATER);
		assert!(Consents::<T>::contains_key(id, before));
		Ok(())
	}

	/// As many authorisations as allowed are in force; the last is withdrawn.
	#[benchmark]
	fn revoke_consent() -> Result<(), BenchmarkError> {
		let (agency, _, _) = issuer::<T>();
		let (bank, _) = verifier::<T>();
		let holder: T::AccountId = account("holder", 0, 0);
		let id = licence::<T>(agency, &holder);
		let max = T::MaxConsentsPerLicense::get();
		for _ in 0..max {
			LicensesPallet::<T>::do_grant_consent(holder.clone(), id, bank, purpose::<T>(), LATER)?;
		}
		let last = max.saturating_sub(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder), id, last);
		assert!(Consents::<T>::get(id, last).is_some_and(|c| c.revoked_at.is_some()));
		Ok(())
	}

	/// A consented use: consent, licence and validity are all checked.
	#[benchmark]
	fn record_use() -> Result<(), BenchmarkError> {
		let (agency, _, _) = issuer::<T>();
		let (bank, bank_origin) = verifier::<T>();
		let holder: T::AccountId = account("holder", 0, 0);
		let id = licence::<T>(agency, &holder);
		LicensesPallet::<T>::do_grant_consent(holder, id, bank, purpose::<T>(), LATER)?;
		#[extrinsic_call]
		_(bank_origin as T::RuntimeOrigin, id, purpose::<T>(), [4; 32], Some(0));
		assert!(Usage::<T>::contains_key(id, 0));
		Ok(())
	}

	#[benchmark]
	fn declare_recognition() {
		let (a, origin, _) = issuer::<T>();
		let (b, _, _) = issuer::<T>();
		let accepting = define::<T>(a, HolderKind::Enterprise, 0);
		let accepted = define::<T>(b, HolderKind::Enterprise, 1);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, accepting, accepted);
		assert!(Recognitions::<T>::contains_key(accepted, accepting));
	}

	#[benchmark]
	fn confirm_recognition() -> Result<(), BenchmarkError> {
		let (a, _, _) = issuer::<T>();
		let (b, origin, _) = issuer::<T>();
		let accepting = define::<T>(a, HolderKind::Enterprise, 0);
		let accepted = define::<T>(b, HolderKind::Enterprise, 1);
		LicensesPallet::<T>::do_declare_recognition(a, accepting, accepted)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, accepting, accepted);
		assert!(Recognitions::<T>::get(accepted, accepting).is_some_and(|r| r.confirmed.is_some()));
		Ok(())
	}

	#[benchmark]
	fn withdraw_recognition() -> Result<(), BenchmarkError> {
		let (a, _, _) = issuer::<T>();
		let (b, origin, _) = issuer::<T>();
		let accepting = define::<T>(a, HolderKind::Enterprise, 0);
		let accepted = define::<T>(b, HolderKind::Enterprise, 1);
		LicensesPallet::<T>::do_declare_recognition(a, accepting, accepted)?;
		LicensesPallet::<T>::do_confirm_recognition(b, accepting, accepted)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, accepting, accepted);
		assert!(!Recognitions::<T>::contains_key(accepted, accepting));
		Ok(())
	}

	/// An enterprise holder: the register is asked whether it is registered.
	#[benchmark]
	fn hand_over_holder_account() {
		let holder_account: T::AccountId = account("holder", 0, 0);
		let holder = enterprise::<T>(1);
		HolderAccounts::<T>::insert(&holder, province(), &holder_account);
		let new: T::AccountId = account("holder", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(holder_account), holder.clone(), REGION, new.clone());
		assert_eq!(HolderAccounts::<T>::get(&holder, province()), Some(new));
	}

	#[benchmark]
	fn force_set_holder_account() -> Result<(), BenchmarkError> {
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let holder = enterprise::<T>(1);
		let new: T::AccountId = account("holder", 1, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, holder.clone(), REGION, Some(new.clone()), 1);
		assert_eq!(HolderAccounts::<T>::get(&holder, province()), Some(new));
		Ok(())
	}

	/// A forced revocation of a licence whose holder's live licences are full.
	#[benchmark]
	fn force_change() -> Result<(), BenchmarkError> {
		let origin = T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (agency, _, _) = issuer::<T>();
		let id = licence_of_full_holder::<T>(agency, &account("holder", 0, 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Action::Revoked, 1);
		assert_eq!(Licenses::<T>::get(id).map(|l| l.status), Some(LicenseStatus::Revoked));
		Ok(())
	}

	/// [`LicenseIssuer::end_all`] ending `n` live licences of one holder.
	#[benchmark]
	fn end_all(n: Linear<0, { T::MaxLivePerHolder::get() }>) -> Result<(), BenchmarkError> {
		let (agency, _, operator) = issuer::<T>();
		let t = define::<T>(agency, HolderKind::Enterprise, 0);
		let holder = enterprise::<T>(1);
		let ids = issue_n::<T>(agency, t, &holder, n);
		#[block]
		{
			<LicensesPallet<T> as LicenseIssuer<T::AccountId>>::end_all(
				agency, &operator, &holder, 1, true,
			)?;
		}
		assert!(!LiveLicenses::<T>::contains_key(&holder));
		assert!(ids.iter().all(|id| <LicensesPallet<T> as LicenseIssuer<T::AccountId>>::has_ended(*id)));
		Ok(())
	}

	impl_benchmark_test_suite!(LicensesPallet, crate::mock::new_test_ext(), crate::mock::Test);
}
