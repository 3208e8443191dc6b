//! Unit tests: every call with its successes and each of its errors; every test
//! also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::{EnterpriseLookup, HolderRef};
use sp_runtime::{traits::BadOrigin, DispatchError, DispatchResult};

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
		assert_eq!(Registry::pending_for(CQ_PSB, 10), vec![(0, Service::SealEngraving)]);
		assert_eq!(Registry::pending_for(CQ_TAX, 10), vec![(0, Service::TaxRegistration)]);
		assert_eq!(Registry::pending_for(CQ_AMR, 10), vec![(0, Service::BusinessLicense)]);
		assert_eq!(Registry::pending_for(SC_TAX, 10), vec![]);

		System::set_block_number(2);
		assert_ok!(approve(CQ_AMR, 0, Service::BusinessLicense));
		System::assert_last_event(Event::ReviewApproved { id: 0, service: Service::BusinessLicense, agency: CQ_AMR }.into());
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		assert!(Enterprises::<Test>::iter().next().is_none());
		assert_eq!(Registry::pending_for(CQ_AMR, 10), vec![]);

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
		assert_eq!(Registry::enterprises_in(RegionCode::new(CHONGQING).unwrap(), 0, 10), vec![uscc]);
		assert_eq!(Registry::by_name(RegionCode::new(CHONGQING).unwrap(), b"Chongqing Cloud Tech Co., Ltd.".to_vec()), Some(uscc));
		assert!(<Registry as EnterpriseLookup>::is_registered(&uscc));
		let history = Registry::history_of(&uscc, 0, 10);
		assert_eq!(history[0].1.change, Change::Established { application: 0, license: e.license });
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
			BadOrigin
		);
		assert_ok!(approve(CQ_TAX, 0, Service::TaxRegistration));
		assert_noop!(approve(CQ_TAX, 0, Service::TaxRegistration), Error::<Test>::AlreadyReviewed);
		set_active(CQ_AMR, false);
		assert_noop!(approve(CQ_AMR, 0, Service::BusinessLicense), BadOrigin);
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
		assert_eq!(Registry::pending_for(CQ_TAX, 10), vec![]);
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
		assert_noop!(Registry::set_status(op(SC_AMR), uscc, EnterpriseStatus::Abnormal, 1), Error::<Test>::NotAuthority);
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 1), Error::<Test>::InvalidStatus);
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Abnormal, 7));
		System::assert_last_event(Event::StatusChanged { uscc, status: EnterpriseStatus::Abnormal, reason: 7, agency: CQ_AMR }.into());
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Suspended, 8));
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 9));
		assert_eq!(enterprise(&uscc).changes, 4);
		assert_ok!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Revoked, 10));
		assert_eq!(book(enterprise(&uscc).license).unwrap().ended, Some((true, 10)));
		assert!(!<Registry as EnterpriseLookup>::is_registered(&uscc));
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
		assert_noop!(Registry::request_move(op(SC_AMR), uscc, SICHUAN), Error::<Test>::NotAuthority);
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
		assert_eq!(Registry::enterprises_in(RegionCode::new(SICHUAN).unwrap(), 0, 10), vec![uscc]);
		assert!(Registry::enterprises_in(RegionCode::new(CHONGQING).unwrap(), 0, 10).is_empty());
		let history = Registry::history_of(&uscc, 0, 10);
		assert_eq!(history.len(), 2);
		assert_eq!(
			history[1].1.change,
			Change::Moved { from: RegionCode::new(CHONGQING).unwrap(), to: RegionCode::new(SICHUAN).unwrap(), license: e.license }
		);
		// The new authority now manages it.
		assert_ok!(Registry::set_status(op(SC_AMR), uscc, EnterpriseStatus::Abnormal, 1));
		assert_noop!(Registry::set_status(op(CQ_AMR), uscc, EnterpriseStatus::Active, 1), Error::<Test>::NotAuthority);
	});
}

#[test]
fn a_move_can_be_called_off_and_needs_a_free_name() {
	build_and_execute(|| {
		let uscc = establish("Acme");
		assert_noop!(Registry::cancel_move(op(CQ_AMR), uscc), Error::<Test>::NoPendingMove);
		assert_ok!(Registry::request_move(op(CQ_AMR), uscc, SICHUAN));
		assert_noop!(Registry::cancel_move(op(SC_AMR), uscc), Error::<Test>::NotAuthority);
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
