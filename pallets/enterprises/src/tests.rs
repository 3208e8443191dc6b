//! Unit tests: every call with its successes and each of its errors; every test
//! also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	BoundedVec,
};
use govchain_primitives::{EnterpriseLookup, HolderRef, LicenseIssuer};
use sp_runtime::{traits::BadOrigin, DispatchError, DispatchResult};

/// What the mock registry answers for a signer that is not an operator.
const NOT_OPERATOR: DispatchError = DispatchError::Other("not an operator");
/// What the mock registry answers for an operator of a suspended agency.
const CANNOT_ACT: DispatchError = DispatchError::Other("cannot act");
/// An account nobody designated for anything.
const STRANGER: u64 = 666;

/// The entrepreneur's account.
const APPLICANT: u64 = 100;
const REP: Pseudonym = [3; 32];

fn name(s: &str) -> NameOf<Test> {
	s.as_bytes().to_vec().try_into().expect("fits")
}

fn scope(codes: &[&str]) -> ScopeOf<Test> {
	codes
		.iter()
		.map(|c| IndustryCode(c.as_bytes().try_into().expect("5 characters")))
		.collect::<Vec<_>>()
		.try_into()
		.expect("fits")
}

fn services(s: &[Service]) -> ServicesOf {
	s.to_vec().try_into().expect("fits")
}

fn all_three() -> ServicesOf {
	services(&[Service::BusinessLicense, Service::SealEngraving, Service::TaxRegistration])
}

fn apply_as(who: u64, n: &str, region: u32, svc: ServicesOf) -> DispatchResult {
	Registry::apply(
		RuntimeOrigin::signed(who),
		name(n),
		EntityType::LimitedCompany,
		region,
		1_000_000_00,
		scope(&["I6510", "F5191"]),
		REP,
		[1; 32],
		svc,
	)
}

fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

fn approve(agency: AgencyId, id: ApplicationId, service: Service) -> DispatchResult {
	Registry::review(op(agency), id, service, true, 0, Some([8; 32])).map(|_| ()).map_err(|e| e.error)
}

fn reject(agency: AgencyId, id: ApplicationId, service: Service, reason: ReasonCode) -> DispatchResult {
	Registry::review(op(agency), id, service, false, reason, None).map(|_| ()).map_err(|e| e.error)
}

/// Applies and approves all three reviews in Chongqing; returns the USCC.
fn establish(n: &str) -> Uscc {
	let id = NextApplicationId::<Test>::get();
	assert_ok!(apply_as(APPLICANT, n, CHONGQING, all_three()));
	assert_ok!(approve(CQ_TAX, id, Service::TaxRegistration));
	assert_ok!(approve(CQ_PSB, id, Service::SealEngraving));
	assert_ok!(approve(CQ_AMR, id, Service::BusinessLicense));
	match Applications::<Test>::get(id).unwrap().status {
		ApplicationStatus::Approved(uscc) => uscc,
		other => panic!("not approved: {other:?}"),
	}
}

fn enterprise(uscc: &Uscc) -> EnterpriseOf<Test> {
	Enterprises::<Test>::get(uscc).expect("registered")
}

fn amend(uscc: Uscc, n: &str, region: u32) -> DispatchResult {
	Registry::apply_amendment(
		RuntimeOrigin::signed(APPLICANT),
		uscc,
		name(n),
		region,
		2_000_000_00,
		scope(&["I6510"]),
		[4; 32],
		[2; 32],
		services(&[Service::BusinessLicense]),
	)
}

// ---- USCC ----

#[test]
fn uscc_table() {
	// Published codes of real enterprises are valid.
	for ok in ["91350100M000100Y43", "91110000600037341L", "9150010320280508XK"] {
		assert!(Uscc::parse(ok.as_bytes()).is_ok(), "{ok}");
	}
	// Wrong check character, letters outside the alphabet, wrong length.
	for bad in ["91350100M000100Y44", "91350100M000100I43", "91350100M000100O43", "9135010", "91350100M000100Y43X"] {
		assert!(Uscc::parse(bad.as_bytes()).is_err(), "{bad}");
	}
	build_and_execute(|| {
		let uscc = establish("Chongqing Cloud Tech Co., Ltd.");
		let s = core::str::from_utf8(&uscc.0).unwrap();
		assert!(uscc.is_valid(), "{s}");
		// 9 (market regulation) 1 (enterprise) 500000 (region) 00000000 + GB 11714 check.
		assert!(s.starts_with("9150000000000000"), "{s}");
		assert_eq!(&s[16..17], "0"); // 11 - (0 mod 11) = 11 -> '0'
		// The next enterprise gets serial 1: weights end in 2 -> 11 - 2 = 9.
		let second = establish("Chongqing Cloud Tech Two Co., Ltd.");
		assert_eq!(&core::str::from_utf8(&second.0).unwrap()[8..17], "000000019");
		assert_ne!(uscc, second);
		// A malformed code is refused as such before any lookup.
		let mut wrong = uscc;
		wrong.0[17] = if wrong.0[17] == b'0' { b'1' } else { b'0' };
		assert_noop!(amend(wrong, "x", CHONGQING), Error::<Test>::MalformedUscc);
		assert_noop!(
			Registry::set_status(op(CQ_AMR), wrong, EnterpriseStatus::Abnormal, 1),
			Error::<Test>::MalformedUscc
		);
		let unknown = Uscc::with_check(*b"91500000999999990").unwrap();
		assert_noop!(amend(unknown, "x", CHONGQING), Error::<Test>::UnknownEnterprise);
	});
}

#[test]
fn a_sole_proprietorship_gets_category_2() {
	build_and_execute(|| {
		assert_ok!(Registry::apply(
			RuntimeOrigin::signed(APPLICANT),
			name("Old Wang Noodles"),
			EntityType::SoleProprietorship,
			CHONGQING,
			0,
			scope(&["H6201"]),
			REP,
			[1; 32],
			services(&[Service::BusinessLicense]),
		));
		assert_ok!(approve(CQ_AMR, 0, Service::BusinessLicense));
		let ApplicationStatus::Approved(uscc) = Applications::<Test>::get(0).unwrap().status else { panic!() };
		assert_eq!(&uscc.0[..2], b"92");
	});
}

// ---- applications ----

#[test]
fn apply_records_the_application_and_refuses_bad_input() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		System::assert_last_event(
			Event::ApplicationSubmitted {
				id: 0,
				kind: ApplicationKind::Establish,
				submitter: APPLICANT,
				via_agency: None,
				region: RegionCode::new(CHONGQING).unwrap(),
				services: all_three(),
			}
			.into(),
		);
		let app = Applications::<Test>::get(0).unwrap();
		assert_eq!(app.status, ApplicationStatus::UnderReview);
		assert!(app.reviews.iter().all(|(_, r)| *r == Review::Pending));
		// Submitted by a market regulator's front desk for the applicant.
		assert_ok!(apply_as(operator_of(CQ_AMR), "Acme Two", CHONGQING, all_three()));
		assert_eq!(Applications::<Test>::get(1).unwrap().via_agency, Some(CQ_AMR));

		assert_noop!(apply_as(APPLICANT, "", CHONGQING, all_three()), Error::<Test>::EmptyName);
		assert_noop!(apply_as(APPLICANT, "B", 999, all_three()), Error::<Test>::MalformedRegion);
		assert_noop!(
			apply_as(APPLICANT, "B", CHONGQING, services(&[Service::TaxRegistration])),
			Error::<Test>::BusinessLicenseNotRequested
		);
		assert_noop!(
			apply_as(APPLICANT, "B", CHONGQING, services(&[Service::BusinessLicense, Service::BusinessLicense])),
			Error::<Test>::DuplicateService
		);
		let with_scope = |s: ScopeOf<Test>| {
			Registry::apply(RuntimeOrigin::signed(APPLICANT), name("B"), EntityType::Partnership, CHONGQING, 1, s, REP, [1; 32], all_three())
		};
		assert_noop!(with_scope(BoundedVec::new()), Error::<Test>::EmptyScope);
		assert_noop!(with_scope(scope(&["Z1234"])), Error::<Test>::MalformedIndustryCode);
		assert_noop!(with_scope(scope(&["I65X0"])), Error::<Test>::MalformedIndustryCode);
		assert_noop!(
			Registry::apply(RuntimeOrigin::none(), name("B"), EntityType::Partnership, CHONGQING, 1, scope(&["I6510"]), REP, [1; 32], all_three()),
			BadOrigin
		);
		// The same name in the same region is refused once registered; another region is fine.
		establish("Taken Name");
		assert_noop!(apply_as(APPLICANT, "Taken Name", CHONGQING, all_three()), Error::<Test>::NameTaken);
		assert_ok!(apply_as(APPLICANT, "Taken Name", SICHUAN, all_three()));
	});
}

#[test]
fn parallel_reviews_establish_the_enterprise_with_its_licence() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Chongqing Cloud Tech Co., Ltd.", CHONGQING, all_three()));
		// Every department sees its pending review at once; none waits for another.
		assert_eq!(Registry::pending_for(CQ_PSB, None, 10), vec![(0, Service::SealEngraving)]);
		assert_eq!(Registry::pending_for(CQ_TAX, None, 10), vec![(0, Service::TaxRegistration)]);
		assert_eq!(Registry::pending_for(CQ_AMR, None, 10), vec![(0, Service::BusinessLicense)]);
		assert_eq!(Registry::pending_for(SC_TAX, None, 10), vec![]);

		System::set_block_number(2);
		assert_ok!(approve(CQ_AMR, 0, Service::BusinessLicense));
		System::assert_last_event(Event::ReviewApproved { id: 0, service: Service::BusinessLicense, agency: CQ_AMR }.into());
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		assert!(Enterprises::<Test>::iter().next().is_none());
		assert_eq!(Registry::pending_for(CQ_AMR, None, 10), vec![]);

		System::set_block_number(3);
		assert_ok!(approve(CQ_PSB, 0, Service::SealEngraving));
		let app = Applications::<Test>::get(0).unwrap();
		let ApplicationStatus::Approved(uscc) = app.status else { panic!("not approved") };
		assert_eq!(app.decided_at, Some(3));
		let e = enterprise(&uscc);
		assert_eq!((e.authority, e.status, e.version, e.established_block, e.established_time), (CQ_AMR, EnterpriseStatus::Active, 0, 3, T0));
		assert_eq!(e.profile.legal_rep, REP);
		// The business licence went to the enterprise, with the regulator's file.
		let licence = book(e.license).unwrap();
		assert_eq!((licence.holder, licence.issuer, licence.content, licence.license_type), (HolderRef::Enterprise(uscc), CQ_AMR, [8; 32], CQ_BUSINESS));
		assert!(System::events().iter().any(|r| r.event
			== Event::EnterpriseEstablished { uscc, application: 0, authority: CQ_AMR, license: e.license, submitted_at: 1 }.into()));
		assert_eq!(Registry::enterprises_in(RegionCode::new(CHONGQING).unwrap(), None, 10), vec![uscc]);
		assert_eq!(Registry::by_name(RegionCode::new(CHONGQING).unwrap(), b"Chongqing Cloud Tech Co., Ltd.".to_vec()), Some(uscc));
		assert!(<Registry as EnterpriseLookup<u64>>::is_registered(&uscc));
		let history = Registry::history_of(&uscc, 0, 10);
		assert_eq!(history[0].1.change, Change::Established { application: 0, license: e.license });
		assert_eq!(history[0].1.actor, Actor::Agency { agency: CQ_AMR, by: operator_of(CQ_AMR) });
		// Applied for by a plain account: that account acts for the enterprise.
		assert_eq!(e.account, Some(APPLICANT));
		assert_eq!(<Registry as EnterpriseLookup<u64>>::account_of(&uscc), Some(APPLICANT));
		// After the decision, no more reviews.
		assert_noop!(approve(CQ_TAX, 0, Service::TaxRegistration), Error::<Test>::NotUnderReview);
	});
}

#[test]
fn review_refuses_the_wrong_department() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		assert_noop!(approve(CQ_TAX, 9, Service::TaxRegistration), Error::<Test>::UnknownApplication);
		assert_noop!(approve(CQ_PSB, 0, Service::SealEngraving), Error::<Test>::ServiceNotRequested);
		assert_noop!(approve(CQ_PSB, 0, Service::TaxRegistration), Error::<Test>::RoleNotHeld);
		assert_noop!(approve(SC_TAX, 0, Service::TaxRegistration), Error::<Test>::OutsideRegion);
		assert_noop!(approve(CQ_AMR_2, 0, Service::BusinessLicense), Error::<Test>::NoLicenseType);
		assert_noop!(
			Registry::review(RuntimeOrigin::signed(APPLICANT), 0, Service::TaxRegistration, true, 0, None),
			NOT_OPERATOR
		);
		assert_noop!(Registry::review(RuntimeOrigin::none(), 0, Service::TaxRegistration, true, 0, None), BadOrigin);
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		assert_noop!(approve(CQ_TAX, 0, Service::TaxRegistration), Error::<Test>::AlreadyReviewed);
		set_active(CQ_AMR, false);
		assert_noop!(approve(CQ_AMR, 0, Service::BusinessLicense), CANNOT_ACT);
	});
}

#[test]
fn an_application_is_charged_by_its_scope_and_the_services_it_requests() {
	use frame_support::dispatch::GetDispatchInfo;
	let call = |codes: &[&str], svc: ServicesOf| {
		crate::Call::<Test>::apply {
			name: name("Acme"),
			entity_type: EntityType::LimitedCompany,
			region: CHONGQING,
			capital: 1,
			scope: scope(codes),
			legal_rep: REP,
			materials: [1; 32],
			services: svc,
		}
		.get_dispatch_info()
		.call_weight
	};
	let licence_only = services(&[Service::BusinessLicense]);
	assert_eq!(call(&["I6510"], licence_only.clone()), <() as WeightInfo>::apply(1, 1));
	assert_eq!(call(&["I6510", "F5191"], all_three()), <() as WeightInfo>::apply(2, 3));
	// Each service adds its open reviews: three services cost more than one.
	assert!(call(&["I6510"], all_three()).ref_time() > call(&["I6510"], licence_only).ref_time());
}

#[test]
fn each_review_is_charged_by_the_path_it_took() {
	build_and_execute(|| {
		let review = |a, id, s, approve| {
			Registry::review(op(a), id, s, approve, 1, None).expect("reviewed").actual_weight.expect("refunded")
		};
		let w = |f: fn() -> frame_support::weights::Weight| f();
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		// An approval that leaves others pending, a rejection, and the approval that
		// establishes the enterprise are charged their own benchmarks.
		assert_eq!(review(CQ_TAX, 0, Service::TaxRegistration, true), w(<() as WeightInfo>::review_approve));
		assert_eq!(review(CQ_PSB, 0, Service::SealEngraving, false), w(<() as WeightInfo>::review));
		assert_ok!(apply_as(APPLICANT, "Beta", CHONGQING, all_three()));
		assert_eq!(review(CQ_TAX, 1, Service::TaxRegistration, true), w(<() as WeightInfo>::review_approve));
		assert_eq!(review(CQ_PSB, 1, Service::SealEngraving, true), w(<() as WeightInfo>::review_approve));
		let scope = Applications::<Test>::get(1).unwrap().profile.scope.len() as u32;
		assert_eq!(review(CQ_AMR, 1, Service::BusinessLicense, true), <() as WeightInfo>::review_establish(scope));
		// The last approval of an amendment is charged as declared.
		let uscc = match Applications::<Test>::get(1).unwrap().status {
			ApplicationStatus::Approved(uscc) => uscc,
			other => panic!("not approved: {other:?}"),
		};
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Beta 2"));
		let amendment = NextApplicationId::<Test>::get() - 1;
		let scope = Applications::<Test>::get(amendment).unwrap().profile.scope.len() as u32;
		assert_eq!(review(CQ_AMR, amendment, Service::BusinessLicense, true), <() as WeightInfo>::review_final(scope));
		// An approval closes one service's listings; a rejection closes all of them.
		assert!(<() as WeightInfo>::review_approve().ref_time() < <() as WeightInfo>::review().ref_time());
		// Establishing writes fewer keys than amending (no licence cancelled, no name
		// or region entry moved).
		assert!(<() as WeightInfo>::review_establish(scope).ref_time() < <() as WeightInfo>::review_final(scope).ref_time());
	});
}

#[test]
fn rejection_then_correction_and_resubmission() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		assert_ok!(approve(CQ_AMR, 0, Service::BusinessLicense));
		assert_ok!(reject(CQ_PSB, 0, Service::SealEngraving, 42));
		System::assert_last_event(Event::ReviewRejected { id: 0, service: Service::SealEngraving, agency: CQ_PSB, reason: 42 }.into());
		assert_eq!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Rejected);
		assert_eq!(Registry::pending_for(CQ_TAX, None, 10), vec![]);
		assert_noop!(approve(CQ_TAX, 0, Service::TaxRegistration), Error::<Test>::NotUnderReview);

		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(101), 0, [2; 32]), Error::<Test>::NotSubmitter);
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 0, [1; 32]), Error::<Test>::SameMaterials);
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 9, [2; 32]), Error::<Test>::UnknownApplication);
		System::set_block_number(5);
		assert_ok!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 0, [2; 32]));
		System::assert_last_event(Event::ApplicationResubmitted { id: 0, materials: [2; 32], round: 2 }.into());
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 0, [3; 32]), Error::<Test>::NotRejected);
		let app = Applications::<Test>::get(0).unwrap();
		assert!(app.reviews.iter().all(|(_, r)| *r == Review::Pending));
		assert_eq!((app.rounds, app.round_started_at, app.submitted_at), (2, 5, 1));

		for (a, s) in [(CQ_AMR, Service::BusinessLicense), (CQ_PSB, Service::SealEngraving), (CQ_TAX, Service::TaxRegistration)] {
			assert_ok!(approve(a, 0, s));
		}
		assert!(matches!(Applications::<Test>::get(0).unwrap().status, ApplicationStatus::Approved(_)));
	});
}

#[test]
fn withdrawal() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		assert_noop!(Registry::withdraw(RuntimeOrigin::signed(101), 0), Error::<Test>::NotSubmitter);
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 0));
		System::assert_last_event(Event::ApplicationWithdrawn { id: 0 }.into());
		assert_noop!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 0), Error::<Test>::AlreadyDecided);
		assert_noop!(approve(CQ_AMR, 0, Service::BusinessLicense), Error::<Test>::NotUnderReview);
		establish("Done");
		assert_noop!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 1), Error::<Test>::AlreadyDecided);
	});
}

#[test]
fn a_name_taken_while_under_review_blocks_the_later_approval() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Same", CHONGQING, services(&[Service::BusinessLicense])));
		assert_ok!(apply_as(101, "Same", CHONGQING, services(&[Service::BusinessLicense])));
		assert_ok!(approve(CQ_AMR, 0, Service::BusinessLicense));
		assert_noop!(approve(CQ_AMR, 1, Service::BusinessLicense), Error::<Test>::NameTaken);
	});
}

// ---- amendments ----

#[test]
fn amendment_goes_through_review_and_keeps_versions() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let old_licence = enterprise(&uscc).license;
		assert_ok!(amend(uscc, "Acme Group", 500103));
		assert_noop!(amend(uscc, "Acme Group 2", CHONGQING), Error::<Test>::AmendmentOpen);
		assert_noop!(amend(uscc, "Acme West", SICHUAN), Error::<Test>::AmendmentOpen);
		// Only the enterprise's authority approves its licence change.
		crate::LicenseTypeOf::<Test>::insert(CQ_AMR_2, CQ_BUSINESS);
		assert_noop!(approve(CQ_AMR_2, 1, Service::BusinessLicense), Error::<Test>::NotAuthority);
		assert_ok!(approve(CQ_AMR, 1, Service::BusinessLicense));
		System::assert_last_event(Event::ReviewApproved { id: 1, service: Service::BusinessLicense, agency: CQ_AMR }.into());

		let e = enterprise(&uscc);
		assert_eq!((e.version, e.profile.name.clone(), e.profile.region.get(), e.profile.capital), (1, name("Acme Group"), 500103, 2_000_000_00));
		assert_eq!(Versions::<Test>::get(uscc, 0).unwrap().name, name("Acme"));
		assert_eq!(Versions::<Test>::get(uscc, 1).unwrap(), e.profile);
		// The licence was reissued with the new particulars; the old one ended.
		assert_ne!(e.license, old_licence);
		assert_eq!(book(old_licence).unwrap().ended, Some((false, features::REASON_REISSUED_ON_AMENDMENT)));
		assert!(book(e.license).unwrap().ended.is_none());
		// The old name is free again; the new one is held.
		assert_eq!(Registry::by_name(RegionCode::new(CHONGQING).unwrap(), b"Acme".to_vec()), None);
		assert_eq!(Registry::by_name(RegionCode::new(500103).unwrap(), b"Acme Group".to_vec()), Some(uscc));
		assert_eq!(Registry::history_of(&uscc, 1, 1)[0].1.change, Change::Amended { application: 1, version: 1 });
		// Moving the address out of the authority's region needs a cross-region move.
		assert_noop!(amend(uscc, "Acme Group", SICHUAN), Error::<Test>::MoveRequired);
		// Another enterprise's name is refused.
		let other = establish("Other");
		assert_noop!(amend(other, "Acme Group", 500103), Error::<Test>::NameTaken);
	});
}

// ---- status, deregistration ----

#[test]
fn status_changes_by_the_authority() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_noop!(Registry::set_status(op(SC_AMR), uscc, EnterpriseStatus::Abnormal, 1), Error::<Test>::OutsideRegion);
		assert_noop!(Registry::set_status(op(CQ_AMR_2), uscc, EnterpriseStatus::Abnormal, 1), Error::<Test>::NotAuthority);
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 1), Error::<Test>::InvalidStatus);
		// Deregistration has its own call.
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Deregistered, 1), Error::<Test>::InvalidStatus);
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Abnormal, 7));
		System::assert_last_event(
			Event::StatusChanged { uscc, status: EnterpriseStatus::Abnormal, reason: 7, agency: CQ_AMR, licenses_ended: 0 }.into(),
		);
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Suspended, 8));
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 9));
		assert_eq!(enterprise(&uscc).changes, 4);
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Revoked, 10));
		assert_eq!(book(enterprise(&uscc).license).unwrap().ended, Some((true, 10)));
		assert!(!<Registry as EnterpriseLookup<u64>>::is_registered(&uscc));
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 1), Error::<Test>::EnterpriseEnded);
	});
}

#[test]
fn deregistration_cancels_the_licence_and_frees_the_name() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_ok!(amend(uscc, "Acme 2", CHONGQING));
		assert_noop!(Registry::deregister(op(CQ_AMR), uscc, 5), Error::<Test>::AmendmentOpen);
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 1));
		assert_noop!(Registry::deregister(op(CQ_AMR_2), uscc, 5), Error::<Test>::NotAuthority);
		assert_ok!(Registry::deregister(op(CQ_AMR), uscc, 5));
		let e = enterprise(&uscc);
		assert_eq!(e.status, EnterpriseStatus::Deregistered);
		assert_eq!(book(e.license).unwrap().ended, Some((false, 5)));
		assert_noop!(amend(uscc, "Acme 3", CHONGQING), Error::<Test>::EnterpriseEnded);
		assert_noop!(Registry::deregister(op(CQ_AMR), uscc, 5), Error::<Test>::EnterpriseEnded);
		// The record and its history stay; the name can be registered anew.
		assert_eq!(Registry::history_of(&uscc, 0, 10).len(), 2);
		let again = establish("Acme");
		assert_ne!(again, uscc);
	});
}

// ---- cross-region move ----

#[test]
fn cross_region_move_keeps_the_uscc_and_history() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let old = enterprise(&uscc).license;
		assert_noop!(Registry::request_move(op(CQ_AMR), uscc, 500103), Error::<Test>::NotAcrossRegions);
		assert_noop!(Registry::request_move(op(CQ_AMR), uscc, 12), Error::<Test>::MalformedRegion);
		assert_noop!(Registry::request_move(op(SC_AMR), uscc, SICHUAN), Error::<Test>::OutsideRegion);
		assert_noop!(Registry::request_move(op(CQ_AMR_2), uscc, SICHUAN), Error::<Test>::NotAuthority);
		assert_noop!(Registry::accept_move(op(SC_AMR), uscc, [6; 32]), Error::<Test>::NoPendingMove);
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		System::assert_last_event(
			Event::MoveRequested { uscc, from: RegionCode::new(CHONGQING).unwrap(), to: RegionCode::new(SICHUAN).unwrap(), agency: CQ_AMR }.into(),
		);
		assert_noop!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN), Error::<Test>::MovePending);
		assert_noop!(amend(uscc, "Acme 2", CHONGQING), Error::<Test>::MovePending);
		// Only a regulator of the destination accepts.
		assert_noop!(Registry::accept_move(op(CQ_AMR_2), uscc, [6; 32]), Error::<Test>::OutsideRegion);
		assert_noop!(Registry::accept_move(op(SC_TAX), uscc, [6; 32]), Error::<Test>::RoleNotHeld);
		assert_ok!(Registry::accept_move(op(SC_AMR), uscc, [6; 32]));

		let e = enterprise(&uscc);
		assert_eq!((e.profile.region.get(), e.authority, e.version), (SICHUAN, SC_AMR, 1));
		assert_eq!(book(old).unwrap().ended, Some((false, features::REASON_REISSUED_ON_MOVE)));
		let new = book(e.license).unwrap();
		assert_eq!((new.issuer, new.license_type, new.content), (SC_AMR, SC_BUSINESS, [6; 32]));
		assert_eq!(Registry::enterprises_in(RegionCode::new(SICHUAN).unwrap(), None, 10), vec![uscc]);
		assert!(Registry::enterprises_in(RegionCode::new(CHONGQING).unwrap(), None, 10).is_empty());
		let history = Registry::history_of(&uscc, 0, 10);
		assert_eq!(history.len(), 2);
		assert_eq!(
			history[1].1.change,
			Change::Moved { from: RegionCode::new(CHONGQING).unwrap(), to: RegionCode::new(SICHUAN).unwrap(), license: e.license }
		);
		// The new authority now manages it.
		assert_ok!(Registry::set_status(op(SC_AMR), uscc, EnterpriseStatus::Abnormal, 1));
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 1), Error::<Test>::OutsideRegion);
	});
}

#[test]
fn a_move_can_be_called_off_and_needs_a_free_name() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_noop!(Registry::cancel_move(op(CQ_AMR), uscc), Error::<Test>::NoPendingMove);
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		assert_noop!(Registry::cancel_move(op(SC_AMR), uscc), Error::<Test>::OutsideRegion);
		assert_noop!(Registry::cancel_move(op(CQ_AMR_2), uscc), Error::<Test>::NotAuthority);
		assert_ok!(Registry::cancel_move(op(CQ_AMR), uscc));
		System::assert_last_event(Event::MoveCancelled { uscc, agency: CQ_AMR }.into());

		// "Acme" exists in Sichuan: the move is refused there.
		assert_ok!(apply_as(APPLICANT, "Acme", SICHUAN, services(&[Service::BusinessLicense])));
		assert_ok!(approve(SC_AMR, 1, Service::BusinessLicense));
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		assert_noop!(Registry::accept_move(op(SC_AMR), uscc, [6; 32]), Error::<Test>::NameTaken);
	});
}

// ---- business licence type ----

#[test]
fn set_license_type_checks_the_regulator_can_issue_it() {
	build_and_execute(|| {
		assert_ok!(Registry::set_license_type(op(CQ_AMR_2), CQ_BUSINESS));
		System::assert_last_event(Event::LicenseTypeSet { agency: CQ_AMR_2, license_type: CQ_BUSINESS }.into());
		assert_noop!(Registry::set_license_type(op(CQ_AMR_2), SC_BUSINESS), DispatchError::Other("OutsideRegion"));
		assert_noop!(Registry::set_license_type(op(CQ_AMR_2), 9), DispatchError::Other("UnknownType"));
		assert_noop!(Registry::set_license_type(op(CQ_TAX), CQ_BUSINESS), Error::<Test>::RoleNotHeld);
	});
}

// ---- invariants ----

#[test]
fn try_state_catches_broken_state() {
	new_test_ext().execute_with(|| {
		let uscc = establish("Acme");
		assert_ok!(Registry::do_try_state());
		// The business licence ended behind the register's back.
		assert_ok!(<MockLicenses as govchain_primitives::LicenseIssuer<u64>>::cancel(CQ_AMR, &10, enterprise(&uscc).license, 1));
		assert!(Registry::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		let uscc = establish("Acme");
		// A second enterprise under the same name.
		Names::<Test>::remove(RegionCode::new(CHONGQING).unwrap(), name("Acme"));
		assert!(Registry::do_try_state().is_err());
		Names::<Test>::insert(RegionCode::new(CHONGQING).unwrap(), name("Acme"), uscc);
		assert_ok!(Registry::do_try_state());
		// A serial spent without an enterprise.
		NextSerial::<Test>::put(2);
		assert!(Registry::do_try_state().is_err());
	});
}

// ---- helpers for the trust-boundary tests ----

fn amend_as(origin: RuntimeOrigin, uscc: Uscc, n: &str) -> DispatchResult {
	Registry::apply_amendment(
		origin,
		uscc,
		name(n),
		CHONGQING,
		2_000_000_00,
		scope(&["I6510"]),
		[4; 32],
		[2; 32],
		services(&[Service::BusinessLicense]),
	)
}

/// An enterprise filed at the Chongqing regulator's desk (no designated account).
fn establish_at_desk(n: &str) -> Uscc {
	let id = NextApplicationId::<Test>::get();
	assert_ok!(apply_as(operator_of(CQ_AMR), n, CHONGQING, services(&[Service::BusinessLicense])));
	assert_ok!(approve(CQ_AMR, id, Service::BusinessLicense));
	match Applications::<Test>::get(id).unwrap().status {
		ApplicationStatus::Approved(uscc) => uscc,
		other => panic!("not approved: {other:?}"),
	}
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn last_change(uscc: &Uscc) -> ChangeEntryOf<Test> {
	let e = enterprise(uscc);
	History::<Test>::get(uscc, e.changes - 1).expect("an entry")
}

/// Runs `call` with `origin` and checks it fails with `error` without changing state.
fn refused<R: core::fmt::Debug + PartialEq>(call: impl Fn(RuntimeOrigin) -> Result<R, DispatchError>, origin: RuntimeOrigin, error: DispatchError) {
	assert_noop!(call(origin), error);
}

fn plain(r: DispatchResultWithPostInfo) -> Result<PostDispatchInfo, DispatchError> {
	r.map_err(|e| e.error)
}

use frame_support::dispatch::DispatchResultWithPostInfo;

// ---- 1. who files amendments ----

#[test]
fn only_the_enterprise_or_its_authority_files_an_amendment() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		// The attack: a stranger files an amendment for somebody else's enterprise.
		assert_noop!(amend_as(RuntimeOrigin::signed(STRANGER), uscc, "Hijack"), Error::<Test>::NotAuthorized);
		// Agencies that are not its registration authority.
		assert_noop!(amend_as(op(SC_AMR), uscc, "Acme 2"), Error::<Test>::OutsideRegion);
		assert_noop!(amend_as(op(YZ_AMR), uscc, "Acme 2"), Error::<Test>::OutsideRegion);
		assert_noop!(amend_as(op(CQ_AMR_2), uscc, "Acme 2"), Error::<Test>::NotAuthority);
		assert_noop!(amend_as(op(CQ_TAX), uscc, "Acme 2"), Error::<Test>::NotAuthority);
		// The authority's operator while it is suspended is a plain account.
		set_active(CQ_AMR, false);
		assert_noop!(amend_as(op(CQ_AMR), uscc, "Acme 2"), Error::<Test>::NotAuthorized);
		set_active(CQ_AMR, true);
		assert_noop!(amend_as(RuntimeOrigin::none(), uscc, "Acme 2"), BadOrigin);

		// The designated account files.
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		System::assert_last_event(
			Event::ApplicationSubmitted {
				id: 1,
				kind: ApplicationKind::Amend(uscc),
				submitter: APPLICANT,
				via_agency: None,
				region: RegionCode::new(CHONGQING).unwrap(),
				services: services(&[Service::BusinessLicense]),
			}
			.into(),
		);
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 1));
		// So does its authority.
		assert_ok!(amend_as(op(CQ_AMR), uscc, "Acme 3"));
		assert_eq!(Applications::<Test>::get(2).unwrap().via_agency, Some(CQ_AMR));
		assert_eq!(OpenAmendment::<Test>::get(uscc), Some(2));
	});
}

#[test]
fn a_rejected_amendment_does_not_block_the_register() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		// Only the enterprise's authority decides its licence change, either way.
		assert_noop!(reject(CQ_AMR_2, 1, Service::BusinessLicense, 3), Error::<Test>::NotAuthority);
		assert_ok!(reject(CQ_AMR, 1, Service::BusinessLicense, 3));
		// Rejected, the amendment no longer holds the enterprise: the authority acts.
		assert_eq!(OpenAmendment::<Test>::get(uscc), None);
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		assert_ok!(Registry::cancel_move(op(CQ_AMR), uscc));
		// Resubmitted, it is open again, with the same checks as a new one.
		assert_ok!(amend_as(op(CQ_AMR), uscc, "Acme 3"));
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 1, [9; 32]), Error::<Test>::AmendmentOpen);
		assert_ok!(Registry::withdraw(op(CQ_AMR), 2));
		assert_ok!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 1, [9; 32]));
		assert_eq!(OpenAmendment::<Test>::get(uscc), Some(1));
		assert_ok!(reject(CQ_AMR, 1, Service::BusinessLicense, 4));
		assert_ok!(Registry::deregister(op(CQ_AMR), uscc, 5));
		// An amendment of an ended enterprise cannot come back.
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 1, [10; 32]), Error::<Test>::EnterpriseEnded);
	});
}

#[test]
fn only_the_filer_withdraws_or_resubmits() {
	build_and_execute(|| {
		// Filed at the Chongqing regulator's desk.
		assert_ok!(apply_as(operator_of(CQ_AMR), "Desk Co", CHONGQING, all_three()));
		refused(|o| Registry::withdraw(o, 0), RuntimeOrigin::signed(APPLICANT), Error::<Test>::NotSubmitter.into());
		refused(|o| Registry::withdraw(o, 0), RuntimeOrigin::signed(STRANGER), Error::<Test>::NotSubmitter.into());
		refused(|o| Registry::withdraw(o, 0), op(CQ_PSB), Error::<Test>::NotSubmitter.into());
		refused(|o| Registry::withdraw(o, 0), op(SC_AMR), Error::<Test>::NotSubmitter.into());
		refused(|o| Registry::withdraw(o, 0), RuntimeOrigin::none(), BadOrigin.into());
		set_active(CQ_AMR, false);
		refused(|o| Registry::withdraw(o, 0), op(CQ_AMR), CANNOT_ACT);
		set_active(CQ_AMR, true);
		assert_ok!(reject(CQ_PSB, 0, Service::SealEngraving, 1));
		refused(|o| Registry::resubmit(o, 0, [2; 32]), RuntimeOrigin::signed(APPLICANT), Error::<Test>::NotSubmitter.into());
		refused(|o| Registry::resubmit(o, 0, [2; 32]), op(CQ_TAX), Error::<Test>::NotSubmitter.into());
		assert_ok!(Registry::resubmit(op(CQ_AMR), 0, [2; 32]));
		assert_ok!(Registry::withdraw(op(CQ_AMR), 0));
		System::assert_last_event(Event::ApplicationWithdrawn { id: 0 }.into());

		// An amendment's filer that no longer acts for the enterprise cannot bring it back.
		let uscc = establish("Acme");
		let id = NextApplicationId::<Test>::get();
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		assert_ok!(reject(CQ_AMR, id, Service::BusinessLicense, 3));
		assert_ok!(Registry::set_account(RuntimeOrigin::signed(APPLICANT), uscc, Some(200)));
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), id, [9; 32]), Error::<Test>::NotAuthorized);
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), id));
	});
}

// ---- 2. the designated account ----

#[test]
fn the_designated_account_comes_from_the_application_and_changes_hands() {
	build_and_execute(|| {
		let own = establish("Acme");
		assert_eq!(enterprise(&own).account, Some(APPLICANT));
		let desk = establish_at_desk("Desk Co");
		assert_eq!(enterprise(&desk).account, None);
		assert_eq!(<Registry as EnterpriseLookup<u64>>::account_of(&desk), None);

		// While none is set, only the authority sets one.
		refused(|o| Registry::set_account(o, desk, Some(300)), RuntimeOrigin::signed(STRANGER), Error::<Test>::NotAuthorized.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), RuntimeOrigin::signed(APPLICANT), Error::<Test>::NotAuthorized.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), op(SC_AMR), Error::<Test>::OutsideRegion.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), op(CQ_AMR_2), Error::<Test>::NotAuthority.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), op(CQ_TAX), Error::<Test>::NotAuthority.into());
		set_active(CQ_AMR, false);
		refused(|o| Registry::set_account(o, desk, Some(300)), op(CQ_AMR), Error::<Test>::NotAuthorized.into());
		set_active(CQ_AMR, true);
		refused(|o| Registry::set_account(o, desk, None), op(CQ_AMR), Error::<Test>::AccountUnchanged.into());
		assert_ok!(Registry::set_account(op(CQ_AMR), desk, Some(300)));
		let by_authority = Actor::Agency { agency: CQ_AMR, by: operator_of(CQ_AMR) };
		System::assert_last_event(Event::AccountSet { uscc: desk, account: Some(300), actor: by_authority.clone() }.into());
		assert_eq!(last_change(&desk).change, Change::AccountSet { account: Some(300) });
		assert_eq!(last_change(&desk).actor, by_authority);
		assert_eq!(<Registry as EnterpriseLookup<u64>>::account_of(&desk), Some(300));

		// Once set, the authority no longer takes it over: only a hand-over.
		refused(|o| Registry::set_account(o, desk, Some(301)), op(CQ_AMR), Error::<Test>::AccountAlreadySet.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), RuntimeOrigin::signed(300), Error::<Test>::AccountUnchanged.into());
		assert_ok!(Registry::set_account(RuntimeOrigin::signed(300), desk, Some(301)));
		System::assert_last_event(Event::AccountSet { uscc: desk, account: Some(301), actor: Actor::Account(300) }.into());
		refused(|o| Registry::set_account(o, desk, Some(300)), RuntimeOrigin::signed(300), Error::<Test>::NotAuthorized.into());
		// The new account acts for the enterprise; the old one does not.
		assert_noop!(amend_as(RuntimeOrigin::signed(300), desk, "Desk Co 2"), Error::<Test>::NotAuthorized);
		assert_ok!(amend_as(RuntimeOrigin::signed(301), desk, "Desk Co 2"));
		// Given up, the authority may set one again.
		assert_ok!(Registry::set_account(RuntimeOrigin::signed(301), desk, None));
		assert_ok!(Registry::set_account(op(CQ_AMR), desk, Some(302)));

		// Governance sets or clears it, recorded with its reason.
		refused(|o| Registry::force_set_account(o, own, None, 12), RuntimeOrigin::signed(APPLICANT), BadOrigin.into());
		refused(|o| Registry::force_set_account(o, own, Some(APPLICANT), 12), root(), Error::<Test>::AccountUnchanged.into());
		assert_ok!(Registry::force_set_account(root(), own, Some(400), 12));
		System::assert_last_event(
			Event::AccountSet { uscc: own, account: Some(400), actor: Actor::Governance { reason: 12 } }.into(),
		);
		assert_eq!(last_change(&own).actor, Actor::Governance { reason: 12 });
		assert_eq!(<Registry as EnterpriseLookup<u64>>::account_of(&own), Some(400));

		// An ended enterprise has no account acting for it, and it cannot change.
		assert_ok!(Registry::deregister(op(CQ_AMR), own, 1));
		assert_eq!(<Registry as EnterpriseLookup<u64>>::account_of(&own), None);
		assert_noop!(Registry::set_account(RuntimeOrigin::signed(400), own, Some(1)), Error::<Test>::EnterpriseEnded);
		assert_noop!(Registry::force_set_account(root(), own, Some(1), 1), Error::<Test>::EnterpriseEnded);
	});
}

// ---- 3. no stuck state ----

#[test]
fn governance_closes_any_open_application() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let id = NextApplicationId::<Test>::get();
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		// Its filer is gone; the authority cannot deregister while it is open.
		assert_noop!(Registry::deregister(op(CQ_AMR), uscc, 5), Error::<Test>::AmendmentOpen);
		refused(|o| Registry::force_close_application(o, id, 21), op(CQ_AMR), BadOrigin.into());
		refused(|o| Registry::force_close_application(o, id, 21), RuntimeOrigin::signed(APPLICANT), BadOrigin.into());
		refused(|o| Registry::force_close_application(o, 99, 21), root(), Error::<Test>::UnknownApplication.into());
		System::set_block_number(4);
		assert_ok!(Registry::force_close_application(root(), id, 21));
		System::assert_last_event(Event::ApplicationClosed { id, reason: 21 }.into());
		let app = Applications::<Test>::get(id).unwrap();
		assert_eq!((app.status, app.decided_at), (ApplicationStatus::Closed(21), Some(4)));
		assert_eq!(OpenAmendment::<Test>::get(uscc), None);
		assert!(Registry::pending_for(CQ_AMR, None, 10).is_empty());
		refused(|o| Registry::force_close_application(o, id, 21), root(), Error::<Test>::AlreadyDecided.into());
		assert_noop!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), id), Error::<Test>::AlreadyDecided);
		assert_noop!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), id, [9; 32]), Error::<Test>::NotRejected);
		assert_ok!(Registry::deregister(op(CQ_AMR), uscc, 5));

		// A rejected establishment closes too; an approved one does not.
		assert_ok!(apply_as(APPLICANT, "Beta", CHONGQING, all_three()));
		let beta = NextApplicationId::<Test>::get() - 1;
		assert_ok!(reject(CQ_TAX, beta, Service::TaxRegistration, 2));
		assert_ok!(Registry::force_close_application(root(), beta, 22));
		assert_eq!(Applications::<Test>::get(beta).unwrap().status, ApplicationStatus::Closed(22));
		refused(|o| Registry::force_close_application(o, 0, 21), root(), Error::<Test>::AlreadyDecided.into());
	});
}

#[test]
fn governance_repairs_an_enterprise_whose_authority_cannot_act() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let licence = enterprise(&uscc).license;
		// The authority is retired: its operators can no longer act.
		set_active(CQ_AMR, false);
		assert_noop!(Registry::deregister(op(CQ_AMR), uscc, 5), CANNOT_ACT);
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Abnormal, 5), CANNOT_ACT);
		assert_noop!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN), CANNOT_ACT);
		// Nor does another regulator of the region take over by itself.
		assert_noop!(Registry::set_status(op(CQ_AMR_2), uscc, EnterpriseStatus::Abnormal, 5), Error::<Test>::NotAuthority);

		// Governance hands it to a fit successor.
		refused(|o| Registry::force_set_authority(o, uscc, CQ_AMR_2, 31), op(CQ_AMR_2), BadOrigin.into());
		refused(|o| Registry::force_set_authority(o, uscc, CQ_TAX, 31), root(), Error::<Test>::RoleNotHeld.into());
		refused(|o| Registry::force_set_authority(o, uscc, SC_AMR, 31), root(), Error::<Test>::OutsideRegion.into());
		refused(|o| Registry::force_set_authority(o, uscc, YZ_AMR, 31), root(), Error::<Test>::OutsideRegion.into());
		refused(|o| Registry::force_set_authority(o, uscc, 99, 31), root(), Error::<Test>::RoleNotHeld.into());
		set_active(CQ_AMR, true);
		refused(|o| Registry::force_set_authority(o, uscc, CQ_AMR, 31), root(), Error::<Test>::AuthorityUnchanged.into());
		set_active(CQ_AMR, false);
		assert_ok!(Registry::force_set_authority(root(), uscc, CQ_AMR_2, 31));
		System::assert_last_event(Event::AuthorityForced { uscc, from: CQ_AMR, to: CQ_AMR_2, reason: 31 }.into());
		assert_eq!(last_change(&uscc).change, Change::AuthorityChanged { from: CQ_AMR, to: CQ_AMR_2 });
		assert_eq!(last_change(&uscc).actor, Actor::Governance { reason: 31 });
		let e = enterprise(&uscc);
		assert_eq!((e.authority, e.license), (CQ_AMR_2, licence));
		// The successor now manages it.
		assert_ok!(Registry::set_status(op(CQ_AMR_2), uscc, EnterpriseStatus::Abnormal, 5));
		assert_ok!(Registry::request_move(op(CQ_AMR_2), uscc, SICHUAN));
		refused(|o| Registry::force_set_authority(o, uscc, CQ_AMR, 31), root(), Error::<Test>::MovePending.into());

		// A move nobody calls off any more: governance does.
		set_active(CQ_AMR_2, false);
		assert_noop!(Registry::cancel_move(op(CQ_AMR_2), uscc), CANNOT_ACT);
		refused(|o| Registry::force_cancel_move(o, uscc, 32), op(SC_AMR), BadOrigin.into());
		assert_ok!(Registry::force_cancel_move(root(), uscc, 32));
		System::assert_last_event(Event::MoveForceCancelled { uscc, reason: 32 }.into());
		refused(|o| Registry::force_cancel_move(o, uscc, 32), root(), Error::<Test>::NoPendingMove.into());

		// And governance ends it, ending its licences as its authority would.
		refused(|o| plain(Registry::force_set_status(o, uscc, EnterpriseStatus::Revoked, 33)), op(SC_AMR), BadOrigin.into());
		refused(|o| plain(Registry::force_set_status(o, uscc, EnterpriseStatus::Abnormal, 33)), root(), Error::<Test>::InvalidStatus.into());
		assert_ok!(Registry::force_set_status(root(), uscc, EnterpriseStatus::Revoked, 33));
		System::assert_last_event(
			Event::StatusForced { uscc, status: EnterpriseStatus::Revoked, reason: 33, licenses_ended: 1 }.into(),
		);
		assert_eq!(
			end_all_calls(),
			vec![EndAllCall {
				agency: CQ_AMR_2,
				operator: Registry::register_account(),
				holder: HolderRef::Enterprise(uscc),
				reason: 33,
				revoke: true,
				ended: 1,
			}]
		);
		assert_eq!(book(licence).unwrap().ended, Some((true, 33)));
		assert_eq!(last_change(&uscc).actor, Actor::Governance { reason: 33 });
		refused(|o| plain(Registry::force_set_status(o, uscc, EnterpriseStatus::Active, 33)), root(), Error::<Test>::EnterpriseEnded.into());
	});
}

#[test]
fn forced_status_changes_follow_the_same_rules() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_ok!(Registry::force_set_status(root(), uscc, EnterpriseStatus::Suspended, 41));
		System::assert_last_event(
			Event::StatusForced { uscc, status: EnterpriseStatus::Suspended, reason: 41, licenses_ended: 0 }.into(),
		);
		assert!(end_all_calls().is_empty());
		assert_eq!(last_change(&uscc).change, Change::StatusChanged { status: EnterpriseStatus::Suspended, reason: 41 });
		// An open amendment or move must be closed first (force_close_application,
		// force_cancel_move), so that nothing open points at an ended enterprise.
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		refused(|o| plain(Registry::force_set_status(o, uscc, EnterpriseStatus::Deregistered, 42)), root(), Error::<Test>::AmendmentOpen.into());
		assert_ok!(Registry::force_close_application(root(), 1, 42));
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		refused(|o| plain(Registry::force_set_status(o, uscc, EnterpriseStatus::Deregistered, 42)), root(), Error::<Test>::MovePending.into());
		assert_ok!(Registry::force_cancel_move(root(), uscc, 42));
		let info = Registry::force_set_status(root(), uscc, EnterpriseStatus::Deregistered, 42).expect("deregistered");
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::force_set_status() + MockLicenses::end_all_weight(1)));
		assert_eq!(book(enterprise(&uscc).license).unwrap().ended, Some((false, 42)));
		// The name is free again.
		assert_eq!(Registry::by_name(RegionCode::new(CHONGQING).unwrap(), b"Acme".to_vec()), None);
	});
}

// ---- 4. ending an enterprise ends every licence it holds ----

#[test]
fn deregistration_cancels_every_licence_and_refunds_the_rest() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let business = enterprise(&uscc).license;
		let holder = HolderRef::Enterprise(uscc);
		// Licences of other departments, even of another region, and one already ended.
		let food = grant(holder.clone(), CQ_PSB);
		let transport = grant(holder.clone(), SC_AMR);
		let old = grant(holder.clone(), CQ_TAX);
		assert_ok!(MockLicenses::cancel(CQ_TAX, &30, old, 1));
		let other = establish("Other");
		let others = enterprise(&other).license;

		let declared = crate::Call::<Test>::deregister { uscc, reason: 5 }.get_dispatch_info().call_weight;
		assert_eq!(declared, <() as WeightInfo>::deregister() + MockLicenses::end_all_weight(MAX_LIVE));
		let info = Registry::deregister(op(CQ_AMR), uscc, 5).expect("deregistered");
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::deregister() + MockLicenses::end_all_weight(3)));
		assert!(info.actual_weight.unwrap().all_lt(declared));
		System::assert_last_event(
			Event::StatusChanged { uscc, status: EnterpriseStatus::Deregistered, reason: 5, agency: CQ_AMR, licenses_ended: 3 }.into(),
		);
		assert_eq!(
			end_all_calls(),
			vec![EndAllCall { agency: CQ_AMR, operator: 10, holder: holder.clone(), reason: 5, revoke: false, ended: 3 }]
		);
		for l in [business, food, transport] {
			assert_eq!(book(l).unwrap().ended, Some((false, 5)), "licence {l}");
		}
		assert_eq!(book(old).unwrap().ended, Some((false, 1)));
		assert_eq!(live_of(&holder), 0);
		// Another enterprise's licence is untouched.
		assert_eq!(book(others).unwrap().ended, None);
	});
}

#[test]
fn revocation_revokes_every_licence_and_other_statuses_end_none() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let holder = HolderRef::Enterprise(uscc);
		for issuer in [CQ_PSB, CQ_TAX, SC_TAX] {
			grant(holder.clone(), issuer);
		}
		let declared = crate::Call::<Test>::set_status { uscc, status: EnterpriseStatus::Revoked, reason: 9 }
			.get_dispatch_info()
			.call_weight;
		assert_eq!(declared, <() as WeightInfo>::set_status() + MockLicenses::end_all_weight(MAX_LIVE));
		// A status that does not end the enterprise ends no licence, and pays for none.
		let info = Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Suspended, 8).expect("suspended");
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::set_status()));
		assert!(end_all_calls().is_empty());
		assert_eq!(live_of(&holder), 4);

		let info = Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Revoked, 9).expect("revoked");
		assert_eq!(info.actual_weight, Some(<() as WeightInfo>::set_status() + MockLicenses::end_all_weight(4)));
		assert_eq!(end_all_calls()[0].revoke, true);
		assert_eq!(end_all_calls()[0].ended, 4);
		assert_eq!(live_of(&holder), 0);
		assert_eq!(book(enterprise(&uscc).license).unwrap().ended, Some((true, 9)));
	});
}

// ---- 5. jurisdiction: every call, every wrong party ----

#[test]
fn set_license_type_wrong_parties() {
	build_and_execute(|| {
		let call = |o| Registry::set_license_type(o, CQ_BUSINESS);
		refused(call, RuntimeOrigin::signed(STRANGER), NOT_OPERATOR);
		refused(call, op(CQ_TAX), Error::<Test>::RoleNotHeld.into());
		refused(call, op(SC_AMR), DispatchError::Other("OutsideRegion"));
		set_active(CQ_AMR_2, false);
		refused(call, op(CQ_AMR_2), CANNOT_ACT);
	});
}

#[test]
fn review_wrong_parties() {
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		let tax = |o| Registry::review(o, 0, Service::TaxRegistration, true, 0, None).map_err(|e| e.error);
		refused(tax, RuntimeOrigin::signed(STRANGER), NOT_OPERATOR);
		refused(tax, op(CQ_PSB), Error::<Test>::RoleNotHeld.into());
		refused(tax, op(SC_TAX), Error::<Test>::OutsideRegion.into());
		// A city-level department does not cover an application at province level.
		refused(tax, op(CQC_TAX), Error::<Test>::OutsideRegion.into());
		set_active(CQ_TAX, false);
		refused(tax, op(CQ_TAX), CANNOT_ACT);
		let licence = |o| Registry::review(o, 0, Service::BusinessLicense, false, 1, None).map_err(|e| e.error);
		refused(licence, op(SC_AMR), Error::<Test>::OutsideRegion.into());
		refused(licence, op(YZ_AMR), Error::<Test>::OutsideRegion.into());

		// In a county, the province, city and county departments all cover it.
		assert_ok!(apply_as(APPLICANT, "Yuzhong Co", YUZHONG, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		assert_ok!(approve(CQC_TAX, 1, Service::TaxRegistration));
		assert_ok!(approve(YZ_AMR, 1, Service::BusinessLicense));
		assert_eq!(enterprise(&Registry::enterprises_in(RegionCode::new(YUZHONG).unwrap(), None, 1)[0]).authority, YZ_AMR);
	});
}

#[test]
fn register_calls_wrong_parties() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		let wrong = |call: &dyn Fn(RuntimeOrigin) -> Result<(), DispatchError>| {
			assert_noop!(call(RuntimeOrigin::signed(STRANGER)), NOT_OPERATOR);
			assert_noop!(call(RuntimeOrigin::signed(APPLICANT)), NOT_OPERATOR);
			assert_noop!(call(op(CQ_AMR_2)), Error::<Test>::NotAuthority);
			assert_noop!(call(op(CQ_TAX)), Error::<Test>::NotAuthority);
			assert_noop!(call(op(SC_AMR)), Error::<Test>::OutsideRegion);
			assert_noop!(call(op(YZ_AMR)), Error::<Test>::OutsideRegion);
			set_active(CQ_AMR, false);
			assert_noop!(call(op(CQ_AMR)), CANNOT_ACT);
			set_active(CQ_AMR, true);
		};
		wrong(&|o: RuntimeOrigin| Registry::set_status(o, uscc, EnterpriseStatus::Abnormal, 1).map(|_| ()).map_err(|e| e.error));
		wrong(&|o: RuntimeOrigin| Registry::deregister(o, uscc, 1).map(|_| ()).map_err(|e| e.error));
		wrong(&|o: RuntimeOrigin| Registry::request_move(o, uscc, SICHUAN));
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		wrong(&|o: RuntimeOrigin| Registry::cancel_move(o, uscc));

		// Only a market regulator of the destination accepts.
		let accept = |o| Registry::accept_move(o, uscc, [6; 32]);
		refused(accept, RuntimeOrigin::signed(STRANGER), NOT_OPERATOR);
		refused(accept, op(SC_TAX), Error::<Test>::RoleNotHeld.into());
		refused(accept, op(SC_PSB), Error::<Test>::RoleNotHeld.into());
		refused(accept, op(CQ_AMR_2), Error::<Test>::OutsideRegion.into());
		refused(accept, op(CQ_AMR), Error::<Test>::OutsideRegion.into());
		set_active(SC_AMR, false);
		refused(accept, op(SC_AMR), CANNOT_ACT);
		set_active(SC_AMR, true);
		assert_ok!(accept(op(SC_AMR)));
		// The former authority has no say any more; the new one has.
		assert_noop!(amend_as(op(CQ_AMR), uscc, "Acme 2"), Error::<Test>::OutsideRegion);
		assert_ok!(Registry::set_status(op(SC_AMR), uscc, EnterpriseStatus::Abnormal, 1));
	});
}

#[test]
fn a_desk_files_only_in_its_region() {
	build_and_execute(|| {
		assert_noop!(apply_as(operator_of(SC_TAX), "Acme", CHONGQING, all_three()), Error::<Test>::OutsideRegion);
		assert_noop!(apply_as(operator_of(YZ_AMR), "Acme", CHONGQING, all_three()), Error::<Test>::OutsideRegion);
		assert_ok!(apply_as(operator_of(YZ_AMR), "Acme", YUZHONG, all_three()));
		assert_eq!(Applications::<Test>::get(0).unwrap().via_agency, Some(YZ_AMR));
	});
}

// ---- 6. paged queries ----

#[test]
fn pending_reviews_are_read_a_page_at_a_time() {
	build_and_execute(|| {
		for i in 0..7 {
			assert_ok!(apply_as(APPLICANT, &format!("Co {i}"), CHONGQING, all_three()));
		}
		// The page is capped at MaxPage; the next one starts after the last item.
		let first = Registry::pending_for(CQ_TAX, None, 100);
		assert_eq!(first.len(), MAX_PAGE as usize);
		let second = Registry::pending_for(CQ_TAX, first.last().copied(), 100);
		assert_eq!(second.len(), 2);
		assert!(Registry::pending_for(CQ_TAX, second.last().copied(), 100).is_empty());
		let mut all: Vec<_> = first.into_iter().chain(second).collect();
		all.sort();
		assert_eq!(all, (0..7).map(|id| (id, Service::TaxRegistration)).collect::<Vec<_>>());

		// A department with two roles pages through both services.
		let (both, _) = <MockRegistry as govchain_primitives::AgencyBenchmarkHelper<u64>>::agency_operator(
			&[Role::SealAuthority, Role::TaxAuthority],
			RegionCode::new(CHONGQING).unwrap(),
		);
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = Registry::pending_for(both, after, 3);
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 3);
			after = page.last().copied();
			seen.extend(page);
		}
		assert_eq!(seen.len(), 14);
		assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "services in catalogue order");

		// Reviews leave the list when given, and the whole application on rejection.
		let cq = RegionCode::new(CHONGQING).unwrap();
		let listed = |service, id| OpenReviews::<Test>::contains_key((service, cq, cq, cq, id));
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		assert!(!listed(Service::TaxRegistration, 0));
		assert!(listed(Service::SealEngraving, 0));
		assert_ok!(reject(CQ_PSB, 1, Service::SealEngraving, 1));
		assert!(OpenReviews::<Test>::iter_keys().all(|(.., id)| id != 1));
		let mut tax = Registry::pending_for(CQ_TAX, None, 5);
		tax.extend(Registry::pending_for(CQ_TAX, tax.last().copied(), 5));
		assert_eq!(tax.len(), 5);
		assert!(tax.iter().all(|(id, _)| *id > 1));
		// Resubmitted, it is listed again.
		assert_ok!(Registry::resubmit(RuntimeOrigin::signed(APPLICANT), 1, [2; 32]));
		assert!(listed(Service::SealEngraving, 1));
	});
}

#[test]
fn each_review_is_listed_once_where_every_covering_agency_finds_it() {
	let r = |c| RegionCode::new(c).unwrap();
	assert_eq!(review_path(r(500000)), (r(500000), r(500000), r(500000)));
	assert_eq!(review_path(r(500100)), (r(500000), r(500100), r(500100)));
	assert_eq!(review_path(r(500103)), (r(500000), r(500100), r(500103)));
	assert_eq!(review_path(r(500001)), (r(500000), r(500000), r(500001)));
	assert_eq!(ReviewScope::of(r(500000)), ReviewScope::Province(r(500000)));
	assert_eq!(ReviewScope::of(r(500100)), ReviewScope::Prefecture(r(500000), r(500100)));
	assert_eq!(ReviewScope::of(r(500001)), ReviewScope::County(r(500000), r(500000), r(500001)));
	// An agency's scope is a prefix of an application's path exactly when the
	// agency covers the application's region.
	for region in [500000, 500100, 500103, 500001, 500200, 510104] {
		let (p, f, c) = review_path(r(region));
		for home in [500000, 500100, 500103, 500001, 500200, 510000, 510100, 510104] {
			let prefix = match ReviewScope::of(r(home)) {
				ReviewScope::Province(hp) => hp == p,
				ReviewScope::Prefecture(hp, hf) => (hp, hf) == (p, f),
				ReviewScope::County(hp, hf, hc) => (hp, hf, hc) == (p, f, c),
			};
			assert_eq!(prefix, r(home).covers(&r(region)), "{home} / {region}");
		}
	}
	build_and_execute(|| {
		assert_ok!(apply_as(APPLICANT, "Yuzhong Co", YUZHONG, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		assert_ok!(apply_as(APPLICANT, "Banan Co", 500113, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		// One entry per pending review, whatever the region's level.
		assert_eq!(OpenReviews::<Test>::iter_keys().count(), 4);
		assert_eq!(Registry::pending_for(CQC_TAX, None, 5).len(), 2);
		assert_eq!(Registry::pending_for(CQ_TAX, None, 5).len(), 2);
		assert_eq!(Registry::pending_for(YZ_AMR, None, 5), vec![(0, Service::BusinessLicense)]);
		assert!(Registry::pending_for(SC_TAX, None, 5).is_empty());
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), 0));
		assert_eq!(Registry::pending_for(CQC_TAX, None, 5), vec![(1, Service::TaxRegistration)]);
	});
}

/// A province's agency pages through applications at every level of its province,
/// one item a page: each page resumes after the last item, whatever the path it was
/// listed under, so every pending review comes exactly once. A county's agency pages
/// through its own only.
#[test]
fn pages_resume_across_the_levels_of_a_province() {
	build_and_execute(|| {
		let tax = || services(&[Service::BusinessLicense, Service::TaxRegistration]);
		for (i, region) in [CHONGQING, YUZHONG, CHONGQING_CITY, 500113, 500001, YUZHONG, CHONGQING_CITY].into_iter().enumerate() {
			assert_ok!(apply_as(APPLICANT, &format!("Level {i} Co"), region, tax()));
		}
		let walk = |agency| {
			let mut seen = Vec::new();
			let mut after = None;
			loop {
				let page = Registry::pending_for(agency, after, 1);
				let Some(last) = page.last().copied() else { break };
				assert!(seen.len() < 20, "pages do not end");
				seen.extend(page);
				after = Some(last);
			}
			seen
		};
		let mut province = walk(CQ_TAX);
		province.sort();
		assert_eq!(province, (0..7).map(|id| (id, Service::TaxRegistration)).collect::<Vec<_>>());
		let mut city = walk(CQC_TAX);
		city.sort();
		assert_eq!(city, [1, 2, 3, 5, 6].map(|id| (id, Service::TaxRegistration)).to_vec());
		let mut county: Vec<_> = walk(YZ_AMR);
		county.sort();
		assert_eq!(county, vec![(1, Service::BusinessLicense), (5, Service::BusinessLicense)]);
	});
}

#[test]
fn enterprises_and_history_are_read_a_page_at_a_time() {
	build_and_execute(|| {
		let mut registered: Vec<_> = (0..7).map(|i| establish(&format!("Co {i}"))).collect();
		let cq = RegionCode::new(CHONGQING).unwrap();
		let first = Registry::enterprises_in(cq, None, 100);
		assert_eq!(first.len(), MAX_PAGE as usize);
		let second = Registry::enterprises_in(cq, first.last().copied(), 100);
		assert_eq!(second.len(), 2);
		assert!(Registry::enterprises_in(cq, second.last().copied(), 100).is_empty());
		let mut listed: Vec<_> = first.into_iter().chain(second).collect();
		listed.sort();
		registered.sort();
		assert_eq!(listed, registered);

		let uscc = registered[0];
		for (i, s) in [EnterpriseStatus::Abnormal, EnterpriseStatus::Active].repeat(3).into_iter().enumerate() {
			assert_ok!(Registry::set_status(op(CQ_AMR), uscc, s, i as u16));
		}
		assert_eq!(enterprise(&uscc).changes, 7);
		let page = Registry::history_of(&uscc, 0, 100);
		assert_eq!(page.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
		assert_eq!(Registry::history_of(&uscc, 5, 100).len(), 2);
	});
}

// ---- invariants of the new indexes ----

#[test]
fn try_state_catches_broken_indexes() {
	let cq = RegionCode::new(CHONGQING).unwrap();
	new_test_ext().execute_with(|| {
		assert_ok!(apply_as(APPLICANT, "Acme", CHONGQING, all_three()));
		assert_ok!(Registry::do_try_state());
		// A pending review missing from the index.
		OpenReviews::<Test>::remove((Service::TaxRegistration, cq, cq, cq, 0));
		assert!(Registry::do_try_state().is_err());
		OpenReviews::<Test>::insert((Service::TaxRegistration, cq, cq, cq, 0), ());
		assert_ok!(Registry::do_try_state());
		// A review listed under a path that is not the application's region's.
		let yuzhong = RegionCode::new(500103).unwrap();
		let prefecture = RegionCode::new(500100).unwrap();
		OpenReviews::<Test>::insert((Service::TaxRegistration, cq, prefecture, yuzhong, 0), ());
		assert!(Registry::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		let uscc = establish("Acme");
		assert_ok!(amend_as(RuntimeOrigin::signed(APPLICANT), uscc, "Acme 2"));
		assert_ok!(reject(CQ_AMR, 1, Service::BusinessLicense, 1));
		assert_ok!(Registry::do_try_state());
		// A rejected amendment still marked open.
		OpenAmendment::<Test>::insert(uscc, 1);
		assert!(Registry::do_try_state().is_err());
		OpenAmendment::<Test>::remove(uscc);
		// A move released by an agency that is not the authority.
		PendingMoves::<Test>::insert(
			uscc,
			MoveRequest { to: RegionCode::new(SICHUAN).unwrap(), from_agency: CQ_AMR_2, by: 60, block: 1 },
		);
		assert!(Registry::do_try_state().is_err());
	});
}

// ---- application deposits ----

/// What `who` holds for applications.
fn held(who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
}

#[test]
fn an_applicant_filing_for_itself_holds_a_deposit_until_the_decision() {
	build_and_execute(|| {
		// Approval returns it.
		establish("Deposit Returned Co");
		assert_eq!(held(APPLICANT), 0);
		assert_eq!(Balances::free_balance(APPLICANT), govchain_test_utils::MOCK_ENDOWMENT);
		// Held while under review, and while rejected; withdrawal returns it.
		let id = NextApplicationId::<Test>::get();
		assert_ok!(apply_as(APPLICANT, "Held Co", CHONGQING, all_three()));
		System::assert_has_event(
			pallet_balances::Event::Held {
				reason: RuntimeHoldReason::Registry(HoldReason::ApplicationDeposit),
				who: APPLICANT,
				amount: APPLICATION_DEPOSIT,
			}
			.into(),
		);
		assert_eq!(held(APPLICANT), APPLICATION_DEPOSIT);
		assert_eq!(ApplicationDeposits::<Test>::get(id), Some((APPLICANT, APPLICATION_DEPOSIT)));
		assert_ok!(reject(CQ_TAX, id, Service::TaxRegistration, 3));
		assert_eq!(held(APPLICANT), APPLICATION_DEPOSIT);
		assert_ok!(Registry::withdraw(RuntimeOrigin::signed(APPLICANT), id));
		assert_eq!(held(APPLICANT), 0);
		assert!(!ApplicationDeposits::<Test>::contains_key(id));
		// Governance closing an application returns it too.
		let id = NextApplicationId::<Test>::get();
		assert_ok!(apply_as(APPLICANT, "Closed Co", CHONGQING, all_three()));
		assert_ok!(Registry::force_close_application(root(), id, 4));
		assert_eq!(held(APPLICANT), 0);
		assert_eq!(Balances::free_balance(APPLICANT), govchain_test_utils::MOCK_ENDOWMENT);
	});
}

#[test]
fn an_amendment_filed_by_the_enterprises_own_account_holds_a_deposit_and_one_at_the_desk_does_not() {
	build_and_execute(|| {
		let uscc = establish("Amended Deposit Co");
		assert_eq!(enterprise(&uscc).account, Some(APPLICANT));
		let id = NextApplicationId::<Test>::get();
		assert_ok!(amend(uscc, "Amended Deposit Holdings", CHONGQING));
		assert_eq!(held(APPLICANT), APPLICATION_DEPOSIT);
		assert_eq!(ApplicationDeposits::<Test>::get(id), Some((APPLICANT, APPLICATION_DEPOSIT)));
		assert_ok!(approve(CQ_AMR, id, Service::BusinessLicense));
		assert_eq!(held(APPLICANT), 0);
		assert!(!ApplicationDeposits::<Test>::contains_key(id));
		assert_eq!(Balances::free_balance(APPLICANT), govchain_test_utils::MOCK_ENDOWMENT);
		// The regulator's desk files one for the same enterprise: nothing held from anyone.
		let desk = operator_of(CQ_AMR);
		let before = Balances::free_balance(desk);
		let id = NextApplicationId::<Test>::get();
		assert_ok!(amend_as(op(CQ_AMR), uscc, "Amended Again Co"));
		assert!(!ApplicationDeposits::<Test>::contains_key(id));
		assert_eq!(Balances::free_balance(desk), before);
		assert_eq!(held(APPLICANT), 0);
	});
}

#[test]
fn an_agency_desk_holds_nothing_and_an_applicant_without_funds_is_refused() {
	build_and_execute(|| {
		let desk = operator_of(CQ_AMR);
		let before = Balances::free_balance(desk);
		let id = NextApplicationId::<Test>::get();
		assert_ok!(apply_as(desk, "Desk Co", CHONGQING, all_three()));
		assert_eq!(Balances::free_balance(desk), before);
		assert!(!ApplicationDeposits::<Test>::contains_key(id));
		let broke = 5_000;
		assert_noop!(
			apply_as(broke, "Broke Co", CHONGQING, all_three()),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

// ---- storage migrations ----

mod migration_v2 {
	use super::*;
	use crate::migrations::{v1, v2};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	const AGENCIES: [AgencyId; 6] = [CQ_TAX, CQ_AMR, CQ_PSB, CQC_TAX, YZ_AMR, SC_TAX];

	fn pending() -> Vec<Vec<(ApplicationId, Service)>> {
		AGENCIES.into_iter().map(|agency| Registry::pending_for(agency, None, 10)).collect()
	}

	/// A chain at storage version 1 (each pending review under every covering scope):
	/// applications at the province, county and prefecture level, one partly reviewed,
	/// and one decided. Returns what each agency had pending.
	fn chain_at_v1() -> Vec<Vec<(ApplicationId, Service)>> {
		assert_ok!(apply_as(APPLICANT, "Chongqing Co", CHONGQING, all_three()));
		assert_ok!(apply_as(APPLICANT, "Yuzhong Co", YUZHONG, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		assert_ok!(apply_as(APPLICANT, "City Co", 500100, services(&[Service::BusinessLicense, Service::TaxRegistration])));
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		establish("Done Co");
		let before = pending();
		let entries: Vec<_> = OpenReviews::<Test>::iter_keys().collect();
		let _ = OpenReviews::<Test>::clear(u32::MAX, None);
		let mut old = 0;
		for (service, province, prefecture, code, id) in entries {
			let mut scopes = vec![province, prefecture, code];
			scopes.dedup();
			for scope in scopes {
				v1::OpenReviews::<Test>::insert((scope, service), id, ());
				old += 1;
			}
		}
		assert_eq!(old, 2 + 2 * 3 + 2 * 2);
		StorageVersion::new(1).put::<Registry>();
		before
	}

	/// Upgraded, each pending review is listed once, the migration's checks and the
	/// pallet's invariants hold, and the agencies of every level still find what they
	/// cover.
	#[test]
	fn storage_version_1_is_migrated_to_one_entry_per_review() {
		build_and_execute(|| {
			let before = chain_at_v1();
			let state = v2::InnerMigrateV1ToV2::<Test>::pre_check().expect("pre-check");

			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();

			v2::InnerMigrateV1ToV2::<Test>::post_check(state).expect("post-check");
			assert_eq!(Registry::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(OpenReviews::<Test>::iter_keys().count(), 2 + 2 + 2);
			assert_ok!(Registry::do_try_state());
			let after = pending();
			assert_eq!(after, before);
			assert_eq!(after[0].len(), 2, "the province's tax office: Yuzhong and the city");
			assert!(after[5].is_empty(), "Sichuan covers none of them");
			// Run again, it does nothing: the version is already 2.
			let keys: Vec<_> = OpenReviews::<Test>::iter_keys().collect();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(OpenReviews::<Test>::iter_keys().collect::<Vec<_>>(), keys);
		});
	}

	/// The post-check refuses an index that lost a review or lists one elsewhere.
	#[test]
	fn the_post_check_catches_a_wrong_index() {
		build_and_execute(|| {
			chain_at_v1();
			let state = v2::InnerMigrateV1ToV2::<Test>::pre_check().expect("pre-check");
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			let (service, p, f, c, id) = OpenReviews::<Test>::iter_keys()
				.find(|(_, p, f, c, _)| (f, c) != (p, p))
				.expect("a review of a county or prefecture application");
			// Missing.
			OpenReviews::<Test>::remove((service, p, f, c, id));
			assert!(v2::InnerMigrateV1ToV2::<Test>::post_check(state.clone()).is_err());
			// Listed under the province instead.
			OpenReviews::<Test>::insert((service, p, p, p, id), ());
			assert!(v2::InnerMigrateV1ToV2::<Test>::post_check(state.clone()).is_err());
			// Back where it belongs.
			OpenReviews::<Test>::remove((service, p, p, p, id));
			OpenReviews::<Test>::insert((service, p, f, c, id), ());
			assert_ok!(v2::InnerMigrateV1ToV2::<Test>::post_check(state));
		});
	}

	/// The hooks `try-runtime` calls around the upgrade, through the versioned wrapper.
	#[cfg(feature = "try-runtime")]
	#[test]
	fn the_try_runtime_hooks_check_the_migration() {
		build_and_execute(|| {
			chain_at_v1();
			let state = v2::MigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			v2::MigrateV1ToV2::<Test>::post_upgrade(state).unwrap();
			// Once at version 2 the wrapper skips the migration and its checks.
			let state = v2::MigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			v2::MigrateV1ToV2::<Test>::post_upgrade(state).unwrap();
		});
	}
}
