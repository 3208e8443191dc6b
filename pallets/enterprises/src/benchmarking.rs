//! Benchmarks (v2) of every call at its worst case.

use super::*;
use crate::Pallet as Registry;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use sp_runtime::Saturating;
use frame_system::RawOrigin;

const CHONGQING: u32 = 500_000;
const SICHUAN: u32 = 510_000;
/// A county-level region: the longest path in the review index (province, prefecture, county).
const YUZHONG: u32 = 500_103;

/// A fresh agency in `region` holding every reviewing role, with its business
/// licence type set; its id, operator and signing origin.
fn department<T: Config>(region: u32) -> (AgencyId, T::AccountId, T::RuntimeOrigin) {
	let roles: Vec<Role> = Service::ALL.iter().map(Service::role).collect();
	let region = RegionCode::new(region).expect("valid region");
	let (agency, who) = T::BenchmarkHelper::agency_operator(&roles, region);
	let license_type = T::BenchmarkHelper::business_license_type(agency, &who);
	Registry::<T>::do_set_license_type(agency, license_type).expect("regulator can issue its type");
	(agency, who.clone(), RawOrigin::Signed(who).into())
}

/// A name of maximal length, distinct per `seed`.
fn long_name<T: Config>(seed: u8) -> NameOf<T> {
	let mut n = alloc::vec![b'n'; T::MaxNameLength::get() as usize];
	if let Some(first) = n.first_mut() {
		*first = seed;
	}
	n.try_into().unwrap_or_default()
}

/// A scope of `s` industry classes.
fn scope<T: Config>(s: u32) -> ScopeOf<T> {
	(0..s)
		.map(|i| IndustryCode([b'C', b'1', b'3', b'0' + (i / 10 % 10) as u8, b'0' + (i % 10) as u8]))
		.collect::<Vec<_>>()
		.try_into()
		.unwrap_or_default()
}

fn profile<T: Config>(seed: u8, s: u32) -> ProfileOf<T> {
	in_region::<T>(seed, s, CHONGQING)
}

fn in_region<T: Config>(seed: u8, s: u32, region: u32) -> ProfileOf<T> {
	Profile {
		name: long_name::<T>(seed),
		entity_type: EntityType::LimitedCompany,
		region: RegionCode::new(region).expect("valid region"),
		capital: u128::MAX,
		scope: scope::<T>(s),
		legal_rep: [3; 32],
	}
}

fn all_services() -> ServicesOf {
	Service::ALL.to_vec().try_into().unwrap_or_default()
}

/// The first `v` services (the business licence always among them).
fn first_services(v: u32) -> ServicesOf {
	Service::ALL.iter().take(v as usize).copied().collect::<Vec<_>>().try_into().unwrap_or_default()
}

/// Gives `who` enough to hold a few application deposits.
fn fund<T: Config>(who: &T::AccountId) {
	let deposits = T::ApplicationDeposit::get().saturating_mul(4u32.into());
	T::Currency::set_balance(who, T::Currency::minimum_balance().saturating_add(deposits));
}

/// Registers an enterprise through `agency` (applied for by `who` itself, so with
/// `who` as its designated account); returns its USCC.
fn registered<T: Config>(agency: AgencyId, who: &T::AccountId, s: u32) -> Result<Uscc, BenchmarkError> {
	registered_via::<T>(agency, who, s, None)
}

/// Registers an enterprise through `agency`, filed through `via` if given (then it
/// has no designated account); returns its USCC.
fn registered_via<T: Config>(
	agency: AgencyId,
	who: &T::AccountId,
	s: u32,
	via: Option<AgencyId>,
) -> Result<Uscc, BenchmarkError> {
	if via.is_none() {
		fund::<T>(who);
	}
	let id = Registry::<T>::do_apply(
		who.clone(),
		via,
		ApplicationKind::Establish,
		profile::<T>(b'a', s),
		[1; 32],
		services_of(&[Service::BusinessLicense]),
	)?;
	Registry::<T>::do_review(agency, who.clone(), id, Service::BusinessLicense, true, 0, None)?;
	match Applications::<T>::get(id).map(|a| a.status) {
		Some(ApplicationStatus::Approved(uscc)) => Ok(uscc),
		_ => Err(BenchmarkError::Stop("benchmark enterprise was not established")),
	}
}

fn services_of(s: &[Service]) -> ServicesOf {
	s.to_vec().try_into().unwrap_or_default()
}

/// An amendment of `uscc` filed by `agency`'s operator `who`, moving the address to a
/// county (reviews under three scopes), every service requested; its id.
fn amendment<T: Config>(agency: AgencyId, who: &T::AccountId, uscc: Uscc) -> Result<ApplicationId, BenchmarkError> {
	let p = in_region::<T>(b'b', T::MaxScopeCodes::get(), YUZHONG);
	Ok(Registry::<T>::do_apply(who.clone(), Some(agency), ApplicationKind::Amend(uscc), p, [2; 32], all_services())?)
}

/// An enterprise registered by `agency` for the applicant `owner`, and an amendment
/// its owner filed for itself (a deposit held), moving to a county with every service;
/// the USCC and the amendment's id.
fn own_amendment<T: Config>(
	agency: AgencyId,
	owner: &T::AccountId,
) -> Result<(Uscc, ApplicationId), BenchmarkError> {
	let uscc = registered::<T>(agency, owner, 1)?;
	let p = in_region::<T>(b'b', T::MaxScopeCodes::get(), YUZHONG);
	let id = Registry::<T>::do_apply(owner.clone(), None, ApplicationKind::Amend(uscc), p, [2; 32], all_services())?;
	Ok((uscc, id))
}

fn force_origin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Every service of application `id` approved by `agency` except `except`.
fn approve_all_but<T: Config>(
	agency: AgencyId,
	who: &T::AccountId,
	id: ApplicationId,
	except: Service,
) -> Result<(), BenchmarkError> {
	for s in Service::ALL.into_iter().filter(|s| *s != except) {
		Registry::<T>::do_review(agency, who.clone(), id, s, true, 0, None)?;
	}
	Ok(())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_license_type() {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let license_type = T::BenchmarkHelper::business_license_type(agency, &who);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, license_type);
		assert_eq!(LicenseTypeOf::<T>::get(agency), Some(license_type));
	}

	/// `v` services requested in a county (three open reviews each), a scope of `s`
	/// classes, filed by an applicant for itself.
	#[benchmark]
	fn apply(s: Linear<1, { T::MaxScopeCodes::get() }>, v: Linear<1, { Service::ALL.len() as u32 }>) {
		// An applicant filing for itself: asked whether it signs for an agency, then a
		// deposit held.
		department::<T>(CHONGQING);
		let applicant: T::AccountId = account("entrepreneur", 0, 0);
		fund::<T>(&applicant);
		let p = in_region::<T>(b'a', s, YUZHONG);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(applicant),
			p.name,
			p.entity_type,
			YUZHONG,
			p.capital,
			p.scope,
			p.legal_rep,
			[1; 32],
			first_services(v),
		);
		assert!(Applications::<T>::contains_key(0));
		assert!(ApplicationDeposits::<T>::contains_key(0));
	}

	/// Signed by the enterprise's authority for it: an amendment moving to a county
	/// with every service (fifteen open reviews), a scope of `s` classes.
	#[benchmark]
	fn apply_amendment(s: Linear<1, { T::MaxScopeCodes::get() }>) -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		// Filed at the desk: no designated account, so the authority's path is taken.
		let uscc = registered_via::<T>(agency, &who, T::MaxScopeCodes::get(), Some(agency))?;
		let p = in_region::<T>(b'b', s, YUZHONG);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, p.name, YUZHONG, p.capital, p.scope, p.legal_rep, [2; 32], all_services());
		let id = OpenAmendment::<T>::get(uscc).ok_or(BenchmarkError::Stop("amendment not open"))?;
		assert_eq!(Applications::<T>::get(id).and_then(|a| a.via_agency), Some(agency));
		Ok(())
	}

	/// Signed by the enterprise's own account: an amendment moving to a county with
	/// every service (fifteen open reviews), a scope of `s` classes, a deposit held.
	#[benchmark]
	fn apply_amendment_own(s: Linear<1, { T::MaxScopeCodes::get() }>) -> Result<(), BenchmarkError> {
		let (agency, _, _) = department::<T>(CHONGQING);
		let owner: T::AccountId = account("entrepreneur", 0, 0);
		let uscc = registered::<T>(agency, &owner, T::MaxScopeCodes::get())?;
		let p = in_region::<T>(b'b', s, YUZHONG);
		#[extrinsic_call]
		apply_amendment(
			RawOrigin::Signed(owner.clone()),
			uscc,
			p.name,
			YUZHONG,
			p.capital,
			p.scope,
			p.legal_rep,
			[2; 32],
			all_services(),
		);
		let id = OpenAmendment::<T>::get(uscc).ok_or(BenchmarkError::Stop("amendment not open"))?;
		assert_eq!(ApplicationDeposits::<T>::get(id).map(|(who, _)| who), Some(owner));
		Ok(())
	}

	/// A decision that does not finish the application; the worst is the authority
	/// rejecting an amendment with every service pending in a county (fifteen open
	/// reviews and the open marks removed).
	#[benchmark]
	fn review() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, 1)?;
		let id = amendment::<T>(agency, &who, uscc)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, Service::BusinessLicense, false, 1, Some([8; 32]));
		assert!(!OpenApplications::<T>::contains_key(id));
		assert!(!OpenAmendment::<T>::contains_key(uscc));
		Ok(())
	}

	/// An approval that does not finish the application (what most decisions are): the
	/// worst is the authority approving an amendment's business licence while every
	/// other service is pending (its three listings in the county's scopes removed).
	/// A rejection, which closes every listing, is [`review`].
	#[benchmark]
	fn review_approve() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, 1)?;
		let id = amendment::<T>(agency, &who, uscc)?;
		#[extrinsic_call]
		review(origin as T::RuntimeOrigin, id, Service::BusinessLicense, true, 0, Some([8; 32]));
		assert!(OpenApplications::<T>::contains_key(id));
		assert!(OpenAmendment::<T>::contains_key(uscc));
		Ok(())
	}

	/// The last approval of a new registration, every service requested: the USCC
	/// assigned, the enterprise, its name and region entry written, its business
	/// licence issued, the deposit returned. [`Pallet::review`] refunds down to this
	/// when the application was not an amendment.
	#[benchmark]
	fn review_establish(s: Linear<1, { T::MaxScopeCodes::get() }>) -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		fund::<T>(&who);
		let p = in_region::<T>(b'e', s, YUZHONG);
		let id = Registry::<T>::do_apply(who.clone(), None, ApplicationKind::Establish, p, [2; 32], all_services())?;
		approve_all_but::<T>(agency, &who, id, Service::BusinessLicense)?;
		#[extrinsic_call]
		review(origin as T::RuntimeOrigin, id, Service::BusinessLicense, true, 0, Some([8; 32]));
		assert!(matches!(Applications::<T>::get(id).map(|a| a.status), Some(ApplicationStatus::Approved(_))));
		Ok(())
	}

	/// The last approval of an amendment: a new profile version, the licence reissued
	/// (issue + cancel), names and region index moved.
	#[benchmark]
	fn review_final(s: Linear<1, { T::MaxScopeCodes::get() }>) -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, s)?;
		let mut p = profile::<T>(b'b', s);
		p.region = RegionCode::new(500_103).ok_or(BenchmarkError::Weightless)?;
		fund::<T>(&who);
		let id = Registry::<T>::do_apply(who.clone(), None, ApplicationKind::Amend(uscc), p, [2; 32], all_services())?;
		approve_all_but::<T>(agency, &who, id, Service::BusinessLicense)?;
		#[extrinsic_call]
		review(origin as T::RuntimeOrigin, id, Service::BusinessLicense, true, 0, Some([8; 32]));
		assert_eq!(Enterprises::<T>::get(uscc).map(|e| e.version), Some(1));
		Ok(())
	}

	/// A rejected amendment filed by the authority, resubmitted by its operator: the
	/// amendment checked again, fifteen reviews listed again.
	#[benchmark]
	fn resubmit() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, 1)?;
		let id = amendment::<T>(agency, &who, uscc)?;
		Registry::<T>::do_review(agency, who.clone(), id, Service::BankAccount, false, 1, None)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, [3; 32]);
		assert!(OpenApplications::<T>::contains_key(id));
		assert_eq!(OpenAmendment::<T>::get(uscc), Some(id));
		Ok(())
	}

	/// Withdrawing an amendment under review that the enterprise filed for itself
	/// (fifteen open reviews and the open marks removed, the deposit returned).
	#[benchmark]
	fn withdraw() -> Result<(), BenchmarkError> {
		let (agency, _, _) = department::<T>(CHONGQING);
		let owner: T::AccountId = account("entrepreneur", 0, 0);
		let (uscc, id) = own_amendment::<T>(agency, &owner)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);
		assert!(!OpenAmendment::<T>::contains_key(uscc));
		assert!(!ApplicationDeposits::<T>::contains_key(id));
		Ok(())
	}

	/// Revocation: the enterprise's licences are revoked (`end_all`, whose own weight
	/// for more licences is added by the call) and the name freed.
	#[benchmark]
	fn set_status() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, EnterpriseStatus::Revoked, 1);
		assert_eq!(Enterprises::<T>::get(uscc).map(|e| e.status), Some(EnterpriseStatus::Revoked));
		Ok(())
	}

	#[benchmark]
	fn deregister() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, 1);
		assert_eq!(Enterprises::<T>::get(uscc).map(|e| e.status), Some(EnterpriseStatus::Deregistered));
		Ok(())
	}

	#[benchmark]
	fn request_move() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, SICHUAN);
		assert!(PendingMoves::<T>::contains_key(uscc));
		Ok(())
	}

	#[benchmark]
	fn accept_move() -> Result<(), BenchmarkError> {
		let (agency, who, _) = department::<T>(CHONGQING);
		let (_, _, destination) = department::<T>(SICHUAN);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		Registry::<T>::do_request_move(agency, who, uscc, SICHUAN)?;
		#[extrinsic_call]
		_(destination as T::RuntimeOrigin, uscc, [6; 32]);
		assert!(!PendingMoves::<T>::contains_key(uscc));
		Ok(())
	}

	#[benchmark]
	fn cancel_move() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, 1)?;
		Registry::<T>::do_request_move(agency, who, uscc, SICHUAN)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc);
		assert!(!PendingMoves::<T>::contains_key(uscc));
		Ok(())
	}

	/// The registration authority sets the account of an enterprise filed through it.
	#[benchmark]
	fn set_account() -> Result<(), BenchmarkError> {
		let (agency, who, origin) = department::<T>(CHONGQING);
		let uscc = registered_via::<T>(agency, &who, T::MaxScopeCodes::get(), Some(agency))?;
		let account: T::AccountId = account("entrepreneur", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, Some(account.clone()));
		assert_eq!(Enterprises::<T>::get(uscc).and_then(|e| e.account), Some(account));
		Ok(())
	}

	#[benchmark]
	fn force_set_account() -> Result<(), BenchmarkError> {
		let (agency, who, _) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		let origin = force_origin::<T>()?;
		let account: T::AccountId = account("entrepreneur", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, Some(account.clone()), 1);
		assert_eq!(Enterprises::<T>::get(uscc).and_then(|e| e.account), Some(account));
		Ok(())
	}

	/// Closing an amendment under review in a county that the enterprise filed for
	/// itself (fifteen open reviews and the open marks removed, the deposit returned).
	#[benchmark]
	fn force_close_application() -> Result<(), BenchmarkError> {
		let (agency, _, _) = department::<T>(CHONGQING);
		let owner: T::AccountId = account("entrepreneur", 0, 0);
		let (uscc, id) = own_amendment::<T>(agency, &owner)?;
		let origin = force_origin::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 1);
		assert!(!OpenAmendment::<T>::contains_key(uscc));
		assert!(!ApplicationDeposits::<T>::contains_key(id));
		Ok(())
	}

	/// Revocation by governance, as `set_status`.
	#[benchmark]
	fn force_set_status() -> Result<(), BenchmarkError> {
		let (agency, who, _) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		let origin = force_origin::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, EnterpriseStatus::Revoked, 1);
		assert_eq!(Enterprises::<T>::get(uscc).map(|e| e.status), Some(EnterpriseStatus::Revoked));
		Ok(())
	}

	#[benchmark]
	fn force_cancel_move() -> Result<(), BenchmarkError> {
		let (agency, who, _) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, 1)?;
		Registry::<T>::do_request_move(agency, who, uscc, SICHUAN)?;
		let origin = force_origin::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, 1);
		assert!(!PendingMoves::<T>::contains_key(uscc));
		Ok(())
	}

	#[benchmark]
	fn force_set_authority() -> Result<(), BenchmarkError> {
		let (agency, who, _) = department::<T>(CHONGQING);
		let (successor, _, _) = department::<T>(CHONGQING);
		let uscc = registered::<T>(agency, &who, T::MaxScopeCodes::get())?;
		let origin = force_origin::<T>()?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, uscc, successor, 1);
		assert_eq!(Enterprises::<T>::get(uscc).map(|e| e.authority), Some(successor));
		Ok(())
	}

	impl_benchmark_test_suite!(Registry, crate::mock::new_test_ext(), crate::mock::Test);
}
