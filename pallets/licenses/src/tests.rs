//! Unit tests: every call with its successes and each of its errors; every test
//! also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::{HolderRef, LicenseIssuer, Uscc};
use frame_support::traits::ConstU32;
use sp_runtime::{DispatchError, DispatchResult};

const LAWYER: LicenseTypeId = 0;
const CQ_FOOD: LicenseTypeId = 1;
const SC_FOOD: LicenseTypeId = 2;
/// The account designated for [`person`].
const PERSON_ACCOUNT: u64 = 100;

fn bv<S: frame_support::traits::Get<u32>>(s: &[u8]) -> BoundedVec<u8, S> {
	s.to_vec().try_into().expect("fits")
}

fn person() -> HolderOf<Test> {
	HolderRef::Person([7; 32])
}

fn uscc(seq: u8) -> Uscc {
	let mut first17 = *b"91500000MA0000000";
	first17[16] = b'0' + seq;
	Uscc::with_check(first17).expect("valid prefix")
}

fn enterprise(seq: u8) -> HolderOf<Test> {
	HolderRef::Enterprise(uscc(seq))
}

/// Chongqing's province-level code.
fn cq() -> RegionCode {
	RegionCode::new(CHONGQING).expect("valid")
}

/// Sichuan's province-level code.
fn sc() -> RegionCode {
	RegionCode::new(SICHUAN).expect("valid")
}

/// What `who` holds for consents.
fn held(who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&HoldReason::ConsentDeposit.into(), &who)
}

fn define(
	agency: AgencyId,
	code: &[u8],
	region: u32,
	kind: HolderKind,
	role: Role,
	validity: Option<u64>,
) -> DispatchResult {
	LicensesPallet::define_type(
		op(agency),
		bv(code),
		bv(b"name"),
		region,
		kind,
		role,
		validity,
		[1; 32],
		[2; 32],
	)
}

/// Types: 0 lawyer's practice licence (Chongqing, persons, 5 years), 1 Chongqing
/// food business licence, 2 Sichuan food business licence (enterprises).
fn catalogue() {
	assert_ok!(define(CQ_JUSTICE, b"CQ-LAWYER", CHONGQING, HolderKind::Person, Role::LicenseIssuer, Some(5 * 365 * DAY)));
	assert_ok!(define(CQ_JUSTICE, b"CQ-FOOD", CHONGQING, HolderKind::Enterprise, Role::LicenseIssuer, None));
	assert_ok!(define(SC_SAMR, b"SC-FOOD", SICHUAN, HolderKind::Enterprise, Role::LicenseIssuer, None));
}

fn issue(agency: AgencyId, t: LicenseTypeId, holder: HolderOf<Test>) -> LicenseId {
	let id = NextLicenseId::<Test>::get();
	assert_ok!(LicensesPallet::issue(op(agency), t, holder, [9; 32], T0, None));
	id
}

/// A lawyer's licence (id 0) for [`person`], whose account is [`PERSON_ACCOUNT`]
/// (designated by the issuer once the licence is issued).
fn lawyer_licence() -> LicenseId {
	catalogue();
	let id = issue(CQ_JUSTICE, LAWYER, person());
	assert_ok!(LicensesPallet::set_holder_account(op(CQ_JUSTICE), person(), PERSON_ACCOUNT));
	id
}

/// A business licence of [`CQ_FOOD`] issued through [`LicenseIssuer`] (as the
/// enterprise register does) by [`CQ_JUSTICE`] to [`enterprise`] `seq`.
fn register_licence(seq: u8) -> LicenseId {
	<LicensesPallet as LicenseIssuer<u64>>::issue(CQ_JUSTICE, &10, CQ_FOOD, enterprise(seq), [1; 32], T0, None)
		.expect("issued through the trait")
}

fn live(holder: &HolderOf<Test>) -> Vec<LicenseId> {
	LiveLicenses::<Test>::get(holder).into_inner()
}

fn changed(id: LicenseId, seq: u32, action: Action, reason: ReasonCode, agency: Option<AgencyId>, by: Option<u64>) -> Event<Test> {
	Event::LicenseChanged { id, seq, action, reason, agency, by, forced: false }
}

fn purpose() -> PurposeOf<Test> {
	bv(b"loan-review")
}

fn status(id: LicenseId) -> LicenseStatus {
	Licenses::<Test>::get(id).expect("exists").status
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::LicensesPallet(e) => Some(e),
			_ => None,
		})
		.expect("an event")
}

// ---- catalogue ----

#[test]
fn define_type_works_and_checks_everything() {
	build_and_execute(|| {
		assert_ok!(define(CQ_JUSTICE, b"CQ-LAWYER", CHONGQING, HolderKind::Person, Role::LicenseIssuer, Some(DAY)));
		System::assert_last_event(
			Event::TypeDefined { license_type: 0, code: bv(b"CQ-LAWYER"), region: RegionCode::new(CHONGQING).unwrap(), authority: CQ_JUSTICE }
				.into(),
		);
		let t = Types::<Test>::get(0).unwrap();
		assert_eq!((t.authority, t.status, t.default_validity), (CQ_JUSTICE, TypeStatus::Active, Some(DAY)));
		assert_eq!(TypeByCode::<Test>::get(bv::<ConstU32<32>>(b"CQ-LAWYER")), Some(0));
		// A district type inside the city's region is fine.
		assert_ok!(define(CQ_JUSTICE, b"YZ-X", YUZHONG_REGION, HolderKind::Person, Role::LicenseIssuer, None));

		let e = |code: &[u8], agency, region, role, validity| define(agency, code, region, HolderKind::Person, role, validity);
		assert_noop!(e(b"CQ-LAWYER", CQ_JUSTICE, CHONGQING, Role::LicenseIssuer, None), Error::<Test>::CodeTaken);
		assert_noop!(e(b"", CQ_JUSTICE, CHONGQING, Role::LicenseIssuer, None), Error::<Test>::EmptyField);
		assert_noop!(e(b"A", CQ_JUSTICE, CHONGQING, Role::Court, None), Error::<Test>::InvalidIssuerRole);
		assert_noop!(e(b"A", CQ_JUSTICE, CHONGQING, Role::MarketRegulator, None), Error::<Test>::RoleNotHeld);
		assert_noop!(e(b"A", CQ_BANK, CHONGQING, Role::LicenseIssuer, None), Error::<Test>::RoleNotHeld);
		assert_noop!(e(b"A", CQ_JUSTICE, 123, Role::LicenseIssuer, None), Error::<Test>::MalformedRegion);
		assert_noop!(e(b"A", CQ_JUSTICE, SICHUAN, Role::LicenseIssuer, None), Error::<Test>::OutsideRegion);
		// A district bureau cannot define a city-wide type.
		assert_noop!(e(b"A", YUZHONG, CHONGQING, Role::LicenseIssuer, None), Error::<Test>::OutsideRegion);
		assert_noop!(e(b"A", CQ_JUSTICE, CHONGQING, Role::LicenseIssuer, Some(0)), Error::<Test>::InvalidValidity);
		assert_noop!(e(b"A", SUSPENDED, CHONGQING, Role::LicenseIssuer, None), sp_runtime::traits::BadOrigin);
		assert_noop!(
			LicensesPallet::define_type(RuntimeOrigin::signed(999), bv(b"A"), bv(b"n"), CHONGQING, HolderKind::Person, Role::LicenseIssuer, None, [0; 32], [0; 32]),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn retire_type_stops_issuance_only() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_noop!(LicensesPallet::retire_type(op(SC_SAMR), LAWYER), Error::<Test>::NotTypeAuthority);
		assert_noop!(LicensesPallet::retire_type(op(CQ_JUSTICE), 99), Error::<Test>::UnknownType);
		assert_ok!(LicensesPallet::retire_type(op(CQ_JUSTICE), LAWYER));
		System::assert_last_event(Event::TypeRetired { license_type: LAWYER, authority: CQ_JUSTICE }.into());
		assert_noop!(LicensesPallet::retire_type(op(CQ_JUSTICE), LAWYER), Error::<Test>::TypeRetired);
		assert_noop!(
			LicensesPallet::issue(op(CQ_JUSTICE), LAWYER, person(), [9; 32], T0, None),
			Error::<Test>::TypeRetired
		);
		// The licence already issued is unaffected.
		assert_eq!(LicensesPallet::verify(id, CHONGQING, None), Verdict::ValidRecognised { via: None });
	});
}

// ---- issuance ----

#[test]
fn issue_applies_the_default_validity_and_indexes_the_holder() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let l = Licenses::<Test>::get(id).unwrap();
		assert_eq!(l.valid_until, Some(T0 + 5 * 365 * DAY));
		assert_eq!((l.issuer, l.status, l.issued_at), (CQ_JUSTICE, LicenseStatus::Active, 1));
		System::assert_has_event(
			Event::LicenseIssued {
				id,
				license_type: LAWYER,
				holder: person(),
				issuer: CQ_JUSTICE,
				operator: 10,
				content: [9; 32],
				valid_from: T0,
				valid_until: Some(T0 + 5 * 365 * DAY),
			}
			.into(),
		);
		assert_eq!(LicensesPallet::licenses_of(&person(), None, 10), vec![id]);
		assert_eq!(live(&person()), vec![id]);
		// A live licence is listed by the live index alone: issuing wrote no ended entry.
		assert_eq!(EndedLicenses::<Test>::iter().count(), 0);
		assert!(!Licenses::<Test>::get(id).unwrap().managed_by_register);
		// An explicit end wins; a district issuer may issue a city-wide type.
		assert_ok!(LicensesPallet::issue(op(YUZHONG), LAWYER, person(), [8; 32], T0, Some(T0 + DAY)));
		assert_eq!(Licenses::<Test>::get(1).unwrap().valid_until, Some(T0 + DAY));
		// No default and no end: indefinite.
		let food = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
		assert_eq!(Licenses::<Test>::get(food).unwrap().valid_until, None);
	});
}

#[test]
fn issue_refuses_bad_input() {
	build_and_execute(|| {
		catalogue();
		let i = |agency, t, holder, from, until| LicensesPallet::issue(op(agency), t, holder, [9; 32], from, until);
		assert_noop!(i(CQ_JUSTICE, 9, person(), T0, None), Error::<Test>::UnknownType);
		assert_noop!(i(CQ_BANK, LAWYER, person(), T0, None), Error::<Test>::RoleNotHeld);
		assert_noop!(i(CQ_SAMR, LAWYER, person(), T0, None), Error::<Test>::RoleNotHeld);
		assert_noop!(i(SC_SAMR, LAWYER, person(), T0, None), Error::<Test>::OutsideRegion);
		assert_noop!(i(CQ_JUSTICE, LAWYER, enterprise(1), T0, None), Error::<Test>::HolderKindMismatch);
		assert_noop!(i(CQ_JUSTICE, CQ_FOOD, person(), T0, None), Error::<Test>::HolderKindMismatch);
		assert_noop!(i(CQ_JUSTICE, LAWYER, person(), T0, Some(T0)), Error::<Test>::InvalidValidity);
		assert_noop!(i(CQ_JUSTICE, LAWYER, person(), T0, Some(T0 - 1)), Error::<Test>::InvalidValidity);
		assert_noop!(i(CQ_JUSTICE, LAWYER, person(), u64::MAX, None), Error::<Test>::InvalidValidity);
		let mut bad = uscc(1);
		bad.0[17] = if bad.0[17] == b'0' { b'1' } else { b'0' };
		assert_noop!(i(CQ_JUSTICE, CQ_FOOD, HolderRef::Enterprise(bad), T0, None), Error::<Test>::MalformedUscc);
		NextLicenseId::<Test>::put(u64::MAX);
		assert_noop!(i(CQ_JUSTICE, LAWYER, person(), T0, None), Error::<Test>::Overflow);
	});
}

#[test]
fn issue_batch_is_all_or_nothing() {
	build_and_execute(|| {
		catalogue();
		let item = |seq, until| BatchItem { holder: enterprise(seq), content: [seq; 32], valid_from: T0, valid_until: until };
		let batch: BatchOf<Test> = (1..=8).map(|s| item(s, None)).collect::<Vec<_>>().try_into().unwrap();
		assert_ok!(LicensesPallet::issue_batch(op(CQ_JUSTICE), CQ_FOOD, batch));
		assert_eq!(NextLicenseId::<Test>::get(), 8);
		assert_eq!(LicensesPallet::licenses_of(&enterprise(8), None, 10), vec![7]);

		let mut bad: Vec<_> = (1..=3).map(|s| item(s, None)).collect();
		bad.push(item(4, Some(T0 - 1)));
		assert_noop!(
			LicensesPallet::issue_batch(op(CQ_JUSTICE), CQ_FOOD, bad.try_into().unwrap()),
			Error::<Test>::InvalidValidity
		);
		assert_noop!(
			LicensesPallet::issue_batch(op(CQ_JUSTICE), CQ_FOOD, BoundedVec::new()),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			LicensesPallet::issue_batch(op(CQ_BANK), CQ_FOOD, vec![item(1, None)].try_into().unwrap()),
			Error::<Test>::RoleNotHeld
		);
	});
}

// ---- lifecycle ----

#[test]
fn suspend_reinstate_revoke_with_a_management_record() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 11, Some([5; 32])));
		assert_eq!(last_event(), changed(id, 0, Action::Suspended, 11, Some(CQ_JUSTICE), Some(10)));
		assert_eq!(status(id), LicenseStatus::Suspended);
		assert_noop!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 11, None), Error::<Test>::NotActive);
		assert_eq!(LicensesPallet::verify(id, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Suspended });

		System::set_block_number(2);
		set_now(T0 + DAY);
		assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 12, None));
		assert_noop!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 12, None), Error::<Test>::NotSuspended);
		assert_eq!(status(id), LicenseStatus::Active);

		set_now(T0 + 2 * DAY);
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 13, Some([6; 32])));
		assert_noop!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 12, None), Error::<Test>::LicenseRevoked);
		assert_noop!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 11, None), Error::<Test>::LicenseEnded);
		assert_noop!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 11, None), Error::<Test>::LicenseEnded);

		let record = LicensesPallet::management_record(id, 0, 10);
		let actions: Vec<_> = record.iter().map(|(_, c)| (c.action, c.reason, c.agency, c.by, c.block, c.time)).collect();
		assert_eq!(
			actions,
			vec![
				(Action::Suspended, 11, Some(CQ_JUSTICE), Some(10), 1, T0),
				(Action::Reinstated, 12, Some(CQ_JUSTICE), Some(10), 2, T0 + DAY),
				(Action::Revoked, 13, Some(CQ_JUSTICE), Some(10), 2, T0 + 2 * DAY),
			]
		);
		assert_eq!(record[0].1.legal_basis, Some([5; 32]));
		assert_eq!(LicensesPallet::management_record(id, 1, 1).len(), 1);
		// Verification replays the record: valid before the suspension ended? No —
		// suspended during day 0, valid on day 1, revoked from day 2.
		assert_eq!(LicensesPallet::verify(id, CHONGQING, Some(T0 + DAY / 2)), Verdict::Invalid { reason: InvalidReason::Suspended });
		assert_eq!(LicensesPallet::verify(id, CHONGQING, Some(T0 + DAY + 1)), Verdict::ValidRecognised { via: None });
		assert_eq!(LicensesPallet::verify(id, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Revoked });
	});
}

#[test]
fn only_managers_change_a_licence() {
	build_and_execute(|| {
		let id = lawyer_licence();
		// The district bureau neither issued it nor defined its type.
		assert_noop!(LicensesPallet::suspend(op(YUZHONG), id, 1, None), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::revoke(op(CQ_BANK), id, 1, None), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::suspend(op(CQ_JUSTICE), 99, 1, None), Error::<Test>::UnknownLicense);
		// A licence issued by the district bureau can be managed by the type's authority.
		let yz = issue(YUZHONG, LAWYER, person());
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), yz, 1, None));
		assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), yz, 1, None));
		assert_ok!(LicensesPallet::suspend(op(YUZHONG), yz, 1, None));
		// An agency that lost the role can no longer manage.
		set_active(YUZHONG, false);
		assert_noop!(LicensesPallet::suspend(op(YUZHONG), yz, 1, None), sp_runtime::traits::BadOrigin);
	});
}

#[test]
fn cancel_by_holder_or_issuer() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(101), id, 1), Error::<Test>::NotHolder);
		// An operator of an agency that does not manage the licence, here or elsewhere.
		assert_noop!(LicensesPallet::cancel(op(CQ_BANK), id, 1), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::cancel(op(SC_SAMR), id, 1), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::none(), id, 1), sp_runtime::traits::BadOrigin);
		assert_ok!(LicensesPallet::cancel(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 21));
		assert_eq!(last_event(), changed(id, 0, Action::Cancelled, 21, None, Some(PERSON_ACCOUNT)));
		assert_eq!(live(&person()), Vec::<LicenseId>::new());
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 1), Error::<Test>::LicenseEnded);

		let other = issue(CQ_JUSTICE, LAWYER, person());
		assert_ok!(LicensesPallet::cancel(op(CQ_JUSTICE), other, 22));
		assert_eq!(LicensesPallet::management_record(other, 0, 1)[0].1.agency, Some(CQ_JUSTICE));
		assert_eq!(status(other), LicenseStatus::Cancelled);
	});
}

#[test]
fn renew_links_both_ways() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_noop!(LicensesPallet::renew(op(YUZHONG), id, [3; 32], T0, None, 1), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::renew(op(CQ_JUSTICE), id, [3; 32], T0, Some(T0), 1), Error::<Test>::InvalidValidity);
		assert_ok!(LicensesPallet::renew(op(CQ_JUSTICE), id, [3; 32], T0 + DAY, None, 31));
		let new = 1;
		assert_eq!(last_event(), Event::LicenseRenewed { old: id, new, issuer: CQ_JUSTICE });
		assert_eq!(status(id), LicenseStatus::Superseded);
		assert_eq!(Successor::<Test>::get(id), Some(new));
		assert_eq!(Predecessor::<Test>::get(new), Some(id));
		assert_eq!(live(&person()), vec![new]);
		let n = Licenses::<Test>::get(new).unwrap();
		assert_eq!((n.holder, n.content, n.valid_until), (person(), [3; 32], Some(T0 + DAY + 5 * 365 * DAY)));
		assert_eq!(
			LicensesPallet::management_record(id, 0, 1)[0].1.action,
			Action::Renewed { successor: new }
		);
		assert_noop!(LicensesPallet::renew(op(CQ_JUSTICE), id, [3; 32], T0, None, 1), Error::<Test>::LicenseEnded);
		assert_eq!(LicensesPallet::verify(id, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Superseded });
		// A retired type is not renewed.
		assert_ok!(LicensesPallet::retire_type(op(CQ_JUSTICE), LAWYER));
		assert_noop!(LicensesPallet::renew(op(CQ_JUSTICE), new, [3; 32], T0, None, 1), Error::<Test>::TypeRetired);
	});
}

#[test]
fn expiry_needs_no_transaction() {
	build_and_execute(|| {
		catalogue();
		assert_ok!(LicensesPallet::issue(op(CQ_JUSTICE), CQ_FOOD, enterprise(1), [9; 32], T0 + DAY, Some(T0 + 3 * DAY)));
		assert_eq!(LicensesPallet::verify(0, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::NotYetValid });
		set_now(T0 + 2 * DAY);
		assert_eq!(LicensesPallet::verify(0, CHONGQING, None), Verdict::ValidRecognised { via: None });
		set_now(T0 + 3 * DAY);
		assert_eq!(LicensesPallet::verify(0, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Expired });
		assert_eq!(status(0), LicenseStatus::Active);
		assert_eq!(LicensesPallet::verify(42, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Unknown });
	});
}

// ---- holder accounts and consented use ----

#[test]
fn consented_use_is_recorded_and_refused_without_consent() {
	build_and_execute(|| {
		let id = lawyer_licence();
		// No consent yet: the bank is refused.
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], None),
			Error::<Test>::ConsentRequired
		);
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(0)),
			Error::<Test>::UnknownConsent
		);
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), T0 + DAY));
		System::assert_last_event(
			Event::ConsentGranted { id, consent: 0, verifier: CQ_BANK, purpose: purpose(), until: T0 + DAY }.into(),
		);
		assert_ok!(LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(0)));
		System::assert_last_event(
			Event::LicenseUsed { id, seq: 0, verifier: CQ_BANK, purpose: purpose(), basis: UseBasis::Consent(0) }.into(),
		);
		// Another agency cannot ride on the bank's consent; another purpose is refused.
		assert_noop!(
			LicensesPallet::record_use(op(CQ_COURT), id, purpose(), [4; 32], Some(0)),
			Error::<Test>::ConsentForOtherAgency
		);
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, bv(b"other"), [4; 32], Some(0)),
			Error::<Test>::PurposeMismatch
		);
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, bv(b""), [4; 32], Some(0)),
			Error::<Test>::EmptyField
		);
		// The issuer's management use needs no consent and is recorded too.
		assert_ok!(LicensesPallet::record_use(op(CQ_JUSTICE), id, bv(b"annual-review"), [5; 32], None));
		let log = LicensesPallet::usage_log(id, 0, 10);
		assert_eq!(log.len(), 2);
		assert_eq!((log[0].1.verifier, log[0].1.operator, log[0].1.basis), (CQ_BANK, 40, UseBasis::Consent(0)));
		assert_eq!((log[1].1.verifier, log[1].1.basis), (CQ_JUSTICE, UseBasis::Management));
		// After the deadline the consent no longer works.
		set_now(T0 + DAY);
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(0)),
			Error::<Test>::ConsentExpired
		);
	});
}

#[test]
fn consent_rules() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let grant = |who, verifier, p: PurposeOf<Test>, until| {
			LicensesPallet::grant_consent(RuntimeOrigin::signed(who), id, verifier, p, until)
		};
		assert_noop!(grant(101, CQ_BANK, purpose(), T0 + DAY), Error::<Test>::NotHolder);
		assert_noop!(grant(PERSON_ACCOUNT, 99, purpose(), T0 + DAY), Error::<Test>::UnknownVerifier);
		assert_noop!(grant(PERSON_ACCOUNT, SUSPENDED, purpose(), T0 + DAY), Error::<Test>::UnknownVerifier);
		assert_noop!(grant(PERSON_ACCOUNT, CQ_BANK, purpose(), T0), Error::<Test>::DeadlineInPast);
		assert_noop!(grant(PERSON_ACCOUNT, CQ_BANK, bv(b""), T0 + 1), Error::<Test>::EmptyField);
		assert_noop!(
			LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), 99, CQ_BANK, purpose(), T0 + 1),
			Error::<Test>::UnknownLicense
		);
		assert_ok!(grant(PERSON_ACCOUNT, CQ_BANK, purpose(), T0 + DAY));

		// Withdrawal: only by the holder, once; the use is then refused.
		assert_noop!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(101), id, 0), Error::<Test>::NotHolder);
		assert_noop!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 1), Error::<Test>::UnknownConsent);
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 0));
		System::assert_last_event(Event::ConsentRevoked { id, consent: 0, verifier: CQ_BANK }.into());
		assert_noop!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 0), Error::<Test>::ConsentRevoked);
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(0)),
			Error::<Test>::ConsentRevoked
		);
		assert_eq!(LicensesPallet::consents_of(id, 0, 10)[0].1.revoked_at, Some(1));

		// A consented use of a suspended or ended licence is refused.
		assert_ok!(grant(PERSON_ACCOUNT, CQ_BANK, purpose(), T0 + DAY));
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
		assert_noop!(LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(1)), Error::<Test>::NotActive);
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
		assert_noop!(grant(PERSON_ACCOUNT, CQ_BANK, purpose(), T0 + DAY), Error::<Test>::LicenseEnded);
	});
}

#[test]
fn consented_use_outside_the_validity_period_is_refused() {
	build_and_execute(|| {
		assert_ok!(define(CQ_JUSTICE, b"CQ-ACC", CHONGQING, HolderKind::Account, Role::LicenseIssuer, None));
		assert_ok!(LicensesPallet::issue(op(CQ_JUSTICE), 0, HolderRef::Account(300), [9; 32], T0 + DAY, None));
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(300), 0, CQ_BANK, purpose(), T0 + 2 * DAY));
		assert_noop!(
			LicensesPallet::record_use(op(CQ_BANK), 0, purpose(), [4; 32], Some(0)),
			Error::<Test>::LicenseNotValid
		);
		set_now(T0 + DAY);
		assert_ok!(LicensesPallet::record_use(op(CQ_BANK), 0, purpose(), [4; 32], Some(0)));
	});
}

// ---- mutual recognition ----

#[test]
fn bilateral_recognition_and_verification() {
	build_and_execute(|| {
		catalogue();
		let sc = issue(SC_SAMR, SC_FOOD, enterprise(2));
		// Not yet recognised in Chongqing.
		assert_eq!(LicensesPallet::verify(sc, CHONGQING, None), Verdict::ValidNotRecognised);
		assert_eq!(LicensesPallet::verify(sc, SICHUAN, None), Verdict::ValidRecognised { via: None });

		assert_ok!(LicensesPallet::declare_recognition(op(CQ_JUSTICE), CQ_FOOD, SC_FOOD));
		System::assert_last_event(Event::RecognitionDeclared { accepting: CQ_FOOD, accepted: SC_FOOD, by: CQ_JUSTICE }.into());
		// Declared but not confirmed: still not recognised.
		assert_eq!(LicensesPallet::verify(sc, CHONGQING, None), Verdict::ValidNotRecognised);
		assert_noop!(LicensesPallet::confirm_recognition(op(CQ_JUSTICE), CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_ok!(LicensesPallet::confirm_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD));
		System::assert_last_event(Event::RecognitionConfirmed { accepting: CQ_FOOD, accepted: SC_FOOD, by: SC_SAMR }.into());
		assert_noop!(LicensesPallet::confirm_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD), Error::<Test>::AlreadyConfirmed);
		assert_eq!(LicensesPallet::verify(sc, CHONGQING, None), Verdict::ValidRecognised { via: Some(CQ_FOOD) });
		assert_eq!(LicensesPallet::verify(sc, YUZHONG_REGION, None), Verdict::ValidRecognised { via: Some(CQ_FOOD) });
		// One direction only: a Chongqing licence is not thereby recognised in Sichuan.
		let cq = issue(CQ_JUSTICE, CQ_FOOD, enterprise(3));
		assert_eq!(LicensesPallet::verify(cq, SICHUAN, None), Verdict::ValidNotRecognised);
		// A revoked licence is invalid whatever the recognition.
		assert_ok!(LicensesPallet::revoke(op(SC_SAMR), sc, 1, None));
		assert_eq!(LicensesPallet::verify(sc, CHONGQING, None), Verdict::Invalid { reason: InvalidReason::Revoked });
		// Either side withdraws.
		assert_noop!(LicensesPallet::withdraw_recognition(op(YUZHONG), CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_ok!(LicensesPallet::withdraw_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD));
		System::assert_last_event(Event::RecognitionWithdrawn { accepting: CQ_FOOD, accepted: SC_FOOD, by: SC_SAMR }.into());
		assert_eq!(Types::<Test>::get(CQ_FOOD).unwrap().recognitions, 0);
		assert_noop!(LicensesPallet::withdraw_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD), Error::<Test>::UnknownRecognition);
		assert_noop!(LicensesPallet::confirm_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD), Error::<Test>::UnknownRecognition);
	});
}

#[test]
fn recognition_refuses_bad_input() {
	build_and_execute(|| {
		catalogue();
		let d = |agency, a, b| LicensesPallet::declare_recognition(op(agency), a, b);
		assert_noop!(d(CQ_JUSTICE, CQ_FOOD, CQ_FOOD), Error::<Test>::SameType);
		assert_noop!(d(CQ_JUSTICE, CQ_FOOD, 9), Error::<Test>::UnknownType);
		assert_noop!(d(CQ_JUSTICE, 9, SC_FOOD), Error::<Test>::UnknownType);
		assert_noop!(d(SC_SAMR, CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_noop!(d(CQ_JUSTICE, LAWYER, SC_FOOD), Error::<Test>::HolderKindMismatch);
		assert_ok!(d(CQ_JUSTICE, CQ_FOOD, SC_FOOD));
		assert_noop!(d(CQ_JUSTICE, CQ_FOOD, SC_FOOD), Error::<Test>::RecognitionExists);
		assert_ok!(d(SC_SAMR, SC_FOOD, CQ_FOOD));
		// CQ_FOOD takes part in two declarations, the bound.
		assert_ok!(define(SC_SAMR, b"SC-FOOD-2", SICHUAN, HolderKind::Enterprise, Role::LicenseIssuer, None));
		assert_noop!(d(CQ_JUSTICE, CQ_FOOD, 3), Error::<Test>::TooManyRecognitions);
		assert_ok!(LicensesPallet::retire_type(op(SC_SAMR), 3));
		assert_noop!(d(SC_SAMR, 3, CQ_FOOD), Error::<Test>::TypeRetired);
		assert_eq!(LicensesPallet::recognitions_of(SC_FOOD, 0, 10).len(), 1);
	});
}

// ---- the trait the enterprise registry uses ----

#[test]
fn license_issuer_trait_checks_like_a_call() {
	build_and_execute(|| {
		catalogue();
		let id = <LicensesPallet as LicenseIssuer<u64>>::issue(CQ_JUSTICE, &10, CQ_FOOD, enterprise(1), [1; 32], T0, None)
			.expect("issued");
		assert!(!<LicensesPallet as LicenseIssuer<u64>>::has_ended(id));
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::issue(CQ_BANK, &40, CQ_FOOD, enterprise(1), [1; 32], T0, None),
			Err(Error::<Test>::RoleNotHeld.into())
		);
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::check_issue(CQ_JUSTICE, CQ_FOOD, &enterprise(2)));
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::check_issue(CQ_JUSTICE, CQ_FOOD, &person()),
			Err(Error::<Test>::HolderKindMismatch.into())
		);
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::check_issue(SC_SAMR, CQ_FOOD, &enterprise(2)),
			Err(Error::<Test>::OutsideRegion.into())
		);
		assert!(!<LicensesPallet as LicenseIssuer<u64>>::has_ended(id));
		assert!(<LicensesPallet as LicenseIssuer<u64>>::has_ended(99));
		let other = <LicensesPallet as LicenseIssuer<u64>>::issue(CQ_JUSTICE, &10, CQ_FOOD, enterprise(2), [1; 32], T0, None)
			.expect("issued");
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::revoke(CQ_JUSTICE, &10, other, 8));
		assert_eq!(status(other), LicenseStatus::Revoked);
		assert!(<LicensesPallet as LicenseIssuer<u64>>::has_ended(other));
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::cancel(CQ_JUSTICE, &10, id, 7));
		assert_eq!(status(id), LicenseStatus::Cancelled);
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::cancel(CQ_JUSTICE, &10, id, 7),
			Err(DispatchError::from(Error::<Test>::LicenseEnded))
		);
	});
}

// ---- invariants ----

#[test]
fn try_state_catches_broken_state() {
	new_test_ext().execute_with(|| {
		let id = lawyer_licence();
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
		assert_ok!(LicensesPallet::do_try_state());
		// A revoked licence turned active behind the record's back.
		Licenses::<Test>::mutate(id, |l| l.as_mut().unwrap().status = LicenseStatus::Active);
		assert!(LicensesPallet::do_try_state().is_err());
		Licenses::<Test>::mutate(id, |l| l.as_mut().unwrap().status = LicenseStatus::Revoked);
		assert_ok!(LicensesPallet::do_try_state());
		// A use without any authorisation.
		Usage::<Test>::insert(
			id,
			0,
			UsageEntry { verifier: CQ_BANK, operator: 40, purpose: purpose(), business_ref: [0; 32], basis: UseBasis::Consent(0), block: 1, time: T0 },
		);
		Licenses::<Test>::mutate(id, |l| l.as_mut().unwrap().uses = 1);
		assert!(LicensesPallet::do_try_state().is_err());
	});
}

#[test]
fn an_oversize_batch_does_not_decode_into_a_call() {
	use codec::{Decode, Encode};
	let item = BatchItem { holder: enterprise(1), content: [1; 32], valid_from: T0, valid_until: None::<u64> };
	// `issue_batch(type, items)` with a plain vector, as a front-end could send it.
	let encoded = |n: usize| (1u8, 3u8, CQ_FOOD, vec![item.clone(); n]).encode();
	assert!(RuntimeCall::decode(&mut &encoded(8)[..]).is_ok());
	assert!(RuntimeCall::decode(&mut &encoded(9)[..]).is_err());
}

// ---- licences the enterprise register manages ----

#[test]
fn register_managed_licences_refuse_direct_changes() {
	build_and_execute(|| {
		catalogue();
		register_enterprise(uscc(1), Some(501));
		let id = register_licence(1);
		assert!(Licenses::<Test>::get(id).unwrap().managed_by_register);
		let managed = || Error::<Test>::ManagedByRegister;
		// The issuer and the type's authority (here the same agency) are refused.
		assert_noop!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None), managed());
		assert_noop!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None), managed());
		assert_noop!(LicensesPallet::cancel(op(CQ_JUSTICE), id, 1), managed());
		assert_noop!(LicensesPallet::renew(op(CQ_JUSTICE), id, [3; 32], T0, None, 1), managed());
		// So is the enterprise's own account, and governance.
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(501), id, 1), managed());
		assert_noop!(LicensesPallet::force_change(RuntimeOrigin::root(), id, Action::Suspended, 1), managed());
		// Wrong parties still get their own error first.
		assert_noop!(LicensesPallet::suspend(op(SC_SAMR), id, 1, None), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(999), id, 1), Error::<Test>::NotHolder);
		assert_noop!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 1, None), managed());

		// Consents by the account the register records, and uses, still work.
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(501), id, CQ_BANK, purpose(), T0 + DAY));
		assert_ok!(LicensesPallet::record_use(op(CQ_BANK), id, purpose(), [4; 32], Some(0)));
		assert_ok!(LicensesPallet::record_use(op(CQ_JUSTICE), id, purpose(), [4; 32], None));
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(501), id, 0));

		// The register ends it through the trait.
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::cancel(CQ_JUSTICE, &10, id, 7));
		assert_eq!(last_event(), changed(id, 0, Action::Cancelled, 7, Some(CQ_JUSTICE), Some(10)));
		assert_eq!(live(&enterprise(1)), Vec::<LicenseId>::new());
		let other = register_licence(1);
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::revoke(CQ_JUSTICE, &10, other, 8));
		assert_eq!(status(other), LicenseStatus::Revoked);
		// A direct issuance is not managed by the register.
		let direct = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
		assert!(!Licenses::<Test>::get(direct).unwrap().managed_by_register);
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), direct, 1, None));
	});
}

#[test]
fn end_all_ends_every_live_licence_of_the_holder() {
	build_and_execute(|| {
		catalogue();
		let business = register_licence(1);
		let food = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
		let sichuan = issue(SC_SAMR, SC_FOOD, enterprise(1));
		let ended_before = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), ended_before, 1, None));
		assert_ok!(LicensesPallet::suspend(op(SC_SAMR), sichuan, 1, None));
		let elsewhere = issue(CQ_JUSTICE, CQ_FOOD, enterprise(2));
		assert_eq!(live(&enterprise(1)), vec![business, food, sichuan]);
		System::reset_events();

		let ended = <LicensesPallet as LicenseIssuer<u64>>::end_all(CQ_SAMR, &70, &enterprise(1), 9, false);
		assert_eq!(ended, Ok(3));
		for id in [business, food, sichuan] {
			assert_eq!(status(id), LicenseStatus::Cancelled);
			let seq = Licenses::<Test>::get(id).unwrap().changes - 1;
			System::assert_has_event(changed(id, seq, Action::Cancelled, 9, Some(CQ_SAMR), Some(70)).into());
			let (_, c) = LicensesPallet::management_record(id, seq, 1).pop().unwrap();
			assert_eq!((c.action, c.agency, c.by, c.forced), (Action::Cancelled, Some(CQ_SAMR), Some(70), false));
		}
		assert_eq!(status(ended_before), LicenseStatus::Revoked);
		assert_eq!(status(elsewhere), LicenseStatus::Active);
		assert!(!LiveLicenses::<Test>::contains_key(enterprise(1)));
		// Nothing left: nothing ended.
		assert_eq!(<LicensesPallet as LicenseIssuer<u64>>::end_all(CQ_SAMR, &70, &enterprise(1), 9, true), Ok(0));
		// Revocation.
		assert_eq!(<LicensesPallet as LicenseIssuer<u64>>::end_all(CQ_SAMR, &70, &enterprise(2), 9, true), Ok(1));
		assert_eq!(status(elsewhere), LicenseStatus::Revoked);
		assert_eq!(<LicensesPallet as LicenseIssuer<u64>>::max_live_per_holder(), 4);
		assert!(
			<LicensesPallet as LicenseIssuer<u64>>::end_all_weight(4)
				.all_gt(<LicensesPallet as LicenseIssuer<u64>>::end_all_weight(1))
		);
	});
}

#[test]
fn live_licences_are_capped_per_holder() {
	build_and_execute(|| {
		catalogue();
		let ids: Vec<_> = (0..4).map(|_| issue(CQ_JUSTICE, CQ_FOOD, enterprise(1))).collect();
		assert_eq!(live(&enterprise(1)), ids);
		let one = |holder| LicensesPallet::issue(op(CQ_JUSTICE), CQ_FOOD, holder, [9; 32], T0, None);
		assert_noop!(one(enterprise(1)), Error::<Test>::TooManyLicenses);
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::check_issue(CQ_JUSTICE, CQ_FOOD, &enterprise(1)),
			Err(Error::<Test>::TooManyLicenses.into())
		);
		assert_eq!(
			<LicensesPallet as LicenseIssuer<u64>>::issue(CQ_JUSTICE, &10, CQ_FOOD, enterprise(1), [1; 32], T0, None),
			Err(Error::<Test>::TooManyLicenses.into())
		);
		// A batch counts the licences it gives each holder.
		let item = |seq| BatchItem { holder: enterprise(seq), content: [seq; 32], valid_from: T0, valid_until: None };
		let batch: BatchOf<Test> = vec![item(2), item(2), item(2), item(3), item(2), item(2)].try_into().unwrap();
		assert_noop!(LicensesPallet::issue_batch(op(CQ_JUSTICE), CQ_FOOD, batch), Error::<Test>::TooManyLicenses);
		// A suspended licence is still live; a renewal needs no free place.
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), ids[0], 1, None));
		assert_noop!(one(enterprise(1)), Error::<Test>::TooManyLicenses);
		assert_ok!(LicensesPallet::renew(op(CQ_JUSTICE), ids[1], [3; 32], T0, None, 1));
		assert_eq!(live(&enterprise(1)), vec![ids[0], ids[2], ids[3], 4]);
		// An ended licence frees its place.
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), ids[0], 1, None));
		assert_ok!(one(enterprise(1)));
	});
}

// ---- holder accounts ----

#[test]
fn set_holder_account_only_by_an_issuer_of_a_live_licence_and_only_once() {
	build_and_execute(|| {
		catalogue();
		let set = |agency, holder, account| LicensesPallet::set_holder_account(op(agency), holder, account);
		// No live licence yet: nobody may designate an account.
		assert_noop!(set(CQ_JUSTICE, person(), 100), Error::<Test>::NotHoldersIssuer);
		let id = issue(CQ_JUSTICE, LAWYER, person());
		// Agencies that did not issue it: same region, another region, a district.
		assert_noop!(set(CQ_SAMR, person(), 200), Error::<Test>::NotHoldersIssuer);
		assert_noop!(set(SC_SAMR, person(), 200), Error::<Test>::NotHoldersIssuer);
		assert_noop!(set(YUZHONG, person(), 200), Error::<Test>::NotHoldersIssuer);
		assert_noop!(set(CQ_BANK, person(), 200), Error::<Test>::NotHoldersIssuer);
		assert_noop!(set(SUSPENDED, person(), 200), sp_runtime::traits::BadOrigin);
		assert_noop!(
			LicensesPallet::set_holder_account(RuntimeOrigin::signed(999), person(), 200),
			sp_runtime::traits::BadOrigin
		);
		assert_ok!(set(CQ_JUSTICE, person(), 100));
		System::assert_last_event(Event::HolderAccountSet { holder: person(), province: cq(), account: 100, by_agency: CQ_JUSTICE }.into());
		assert_eq!(LicensesPallet::holder_account(&person(), cq()), Some(100));
		// Once set, no agency overwrites it — not even the issuer.
		assert_noop!(set(CQ_JUSTICE, person(), 200), Error::<Test>::AccountAlreadySet);
		assert_noop!(set(SC_SAMR, person(), 200), Error::<Test>::NotHoldersIssuer);
		// Other holders' kinds.
		assert_noop!(set(CQ_JUSTICE, HolderRef::Account(5), 1), Error::<Test>::AccountHolder);
		assert_eq!(LicensesPallet::holder_account(&HolderRef::Account(5), cq()), Some(5));
		assert_noop!(
			set(CQ_JUSTICE, HolderRef::Enterprise(Uscc([b'I'; 18])), 1),
			Error::<Test>::MalformedUscc
		);
		// An issuer that lost the type's issuing role no longer qualifies.
		let other = HolderRef::Person([8; 32]);
		issue(CQ_JUSTICE, LAWYER, other.clone());
		strip_roles(CQ_JUSTICE);
		assert_noop!(set(CQ_JUSTICE, other.clone(), 1), Error::<Test>::RoleNotHeld);
		set_agencies(standard_agencies());
		// Only live licences count.
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
		let third = HolderRef::Person([9; 32]);
		let ended = issue(CQ_JUSTICE, LAWYER, third.clone());
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), ended, 1, None));
		assert_noop!(set(CQ_JUSTICE, third, 1), Error::<Test>::NotHoldersIssuer);
	});
}

#[test]
fn registered_enterprises_act_through_the_register() {
	build_and_execute(|| {
		catalogue();
		let id = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
		// Before registration the issuer designates an account, as for anyone.
		assert_ok!(LicensesPallet::set_holder_account(op(CQ_JUSTICE), enterprise(1), 300));
		register_enterprise(uscc(1), Some(501));
		// The register's account now acts; the one stored here is ignored.
		assert_eq!(LicensesPallet::holder_account(&enterprise(1), cq()), Some(501));
		assert_noop!(
			LicensesPallet::grant_consent(RuntimeOrigin::signed(300), id, CQ_BANK, purpose(), T0 + DAY),
			Error::<Test>::NotHolder
		);
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(501), id, CQ_BANK, purpose(), T0 + DAY));
		// Nobody sets, hands over or forces its account here.
		assert_noop!(
			LicensesPallet::set_holder_account(op(CQ_JUSTICE), enterprise(1), 1),
			Error::<Test>::ManagedByRegister
		);
		assert_noop!(
			LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(501), enterprise(1), CHONGQING, 1),
			Error::<Test>::ManagedByRegister
		);
		assert_noop!(
			LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(300), enterprise(1), CHONGQING, 1),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			LicensesPallet::force_set_holder_account(RuntimeOrigin::root(), enterprise(1), CHONGQING, Some(1), 5),
			Error::<Test>::ManagedByRegister
		);
		// A registered enterprise with no account on the register: nobody acts.
		register_enterprise(uscc(1), None);
		assert_eq!(LicensesPallet::holder_account(&enterprise(1), cq()), None);
		// Off the register, the account stored here acts again.
		deregister_enterprise(&uscc(1));
		assert_eq!(LicensesPallet::holder_account(&enterprise(1), cq()), Some(300));
		assert_ok!(LicensesPallet::cancel(RuntimeOrigin::signed(300), id, 1));
	});
}

#[test]
fn the_holder_account_hands_over_and_governance_replaces_it() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let hand_over = |who, new| LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(who), person(), CHONGQING, new);
		assert_noop!(hand_over(101, 102), Error::<Test>::NotHolder);
		assert_noop!(
			LicensesPallet::hand_over_holder_account(op(CQ_JUSTICE), person(), CHONGQING, 102),
			Error::<Test>::NotHolder
		);
		assert_noop!(hand_over(PERSON_ACCOUNT, PERSON_ACCOUNT), Error::<Test>::SameAccount);
		assert_noop!(
			LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(5), HolderRef::Account(5), CHONGQING, 6),
			Error::<Test>::AccountHolder
		);
		assert_ok!(hand_over(PERSON_ACCOUNT, 102));
		System::assert_last_event(
			Event::HolderAccountHandedOver { holder: person(), province: cq(), from: PERSON_ACCOUNT, to: 102 }.into(),
		);
		// The old account no longer acts.
		assert_noop!(
			LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), T0 + DAY),
			Error::<Test>::NotHolder
		);
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 1), Error::<Test>::NotHolder);
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(102), id, CQ_BANK, purpose(), T0 + DAY));

		// Governance replaces (the account was lost) or clears it.
		let force = |origin, account| LicensesPallet::force_set_holder_account(origin, person(), CHONGQING, account, 42);
		assert_noop!(force(op(CQ_JUSTICE), Some(103)), sp_runtime::traits::BadOrigin);
		assert_noop!(force(RuntimeOrigin::signed(102), Some(103)), sp_runtime::traits::BadOrigin);
		assert_ok!(force(RuntimeOrigin::root(), Some(103)));
		System::assert_last_event(Event::HolderAccountForceSet { holder: person(), province: cq(), account: Some(103), reason: 42 }.into());
		assert_eq!(LicensesPallet::holder_account(&person(), cq()), Some(103));
		assert_noop!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(102), id, 0), Error::<Test>::NotHolder);
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(103), id, 0));
		assert_ok!(force(RuntimeOrigin::root(), None));
		assert_eq!(LicensesPallet::holder_account(&person(), cq()), None);
		// Cleared: the issuer designates again.
		assert_ok!(LicensesPallet::set_holder_account(op(CQ_JUSTICE), person(), 104));
		assert_noop!(
			LicensesPallet::force_set_holder_account(RuntimeOrigin::root(), HolderRef::Account(5), CHONGQING, Some(6), 1),
			Error::<Test>::AccountHolder
		);
	});
}

// ---- who lifts a suspension; governance ----

#[test]
fn a_suspension_is_lifted_by_whoever_imposed_it_or_its_superior() {
	build_and_execute(|| {
		catalogue();
		// The district bureau issues; the city bureau is the type's authority.
		let yz = issue(YUZHONG, LAWYER, person());
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), yz, 1, None));
		// The issuer cannot undo the authority's suspension, by reinstating or renewing.
		assert_noop!(LicensesPallet::reinstate(op(YUZHONG), yz, 2, None), Error::<Test>::SuspendedByOther);
		assert_noop!(LicensesPallet::renew(op(YUZHONG), yz, [3; 32], T0, None, 2), Error::<Test>::SuspendedByOther);
		// Other agencies are not managers at all.
		assert_noop!(LicensesPallet::reinstate(op(SC_SAMR), yz, 2, None), Error::<Test>::NotIssuer);
		assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), yz, 2, None));
		// A suspension by the issuer: the issuer or its superior lifts it.
		assert_ok!(LicensesPallet::suspend(op(YUZHONG), yz, 3, None));
		assert_ok!(LicensesPallet::reinstate(op(YUZHONG), yz, 4, None));
		assert_ok!(LicensesPallet::suspend(op(YUZHONG), yz, 3, None));
		assert_ok!(LicensesPallet::renew(op(YUZHONG), yz, [3; 32], T0, None, 4));
		let new = Successor::<Test>::get(yz).unwrap();
		assert_ok!(LicensesPallet::suspend(op(YUZHONG), new, 3, None));
		assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), new, 4, None));
		assert_ok!(LicensesPallet::suspend(op(YUZHONG), new, 3, None));
		assert_ok!(LicensesPallet::renew(op(CQ_JUSTICE), new, [3; 32], T0, None, 4));
		assert_eq!(status(new), LicenseStatus::Superseded);
	});
}

#[test]
fn governance_forces_changes_recorded_as_forced() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let force = |origin, action| LicensesPallet::force_change(origin, id, action, 77);
		assert_noop!(force(op(CQ_JUSTICE), Action::Suspended), sp_runtime::traits::BadOrigin);
		assert_noop!(force(RuntimeOrigin::signed(PERSON_ACCOUNT), Action::Suspended), sp_runtime::traits::BadOrigin);
		assert_noop!(force(RuntimeOrigin::root(), Action::Renewed { successor: 5 }), Error::<Test>::NotForceable);
		assert_noop!(force(RuntimeOrigin::root(), Action::Reinstated), Error::<Test>::NotSuspended);
		assert_noop!(
			LicensesPallet::force_change(RuntimeOrigin::root(), 99, Action::Revoked, 1),
			Error::<Test>::UnknownLicense
		);
		assert_ok!(force(RuntimeOrigin::root(), Action::Suspended));
		System::assert_last_event(
			Event::LicenseChanged { id, seq: 0, action: Action::Suspended, reason: 77, agency: None, by: None, forced: true }
				.into(),
		);
		let (_, c) = LicensesPallet::management_record(id, 0, 1).pop().unwrap();
		assert_eq!((c.agency, c.by, c.forced, c.reason), (None, None, true, 77));
		// A forced suspension is lifted by governance only: not the issuer, not the authority.
		assert_noop!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 1, None), Error::<Test>::SuspendedByOther);
		assert_noop!(LicensesPallet::renew(op(CQ_JUSTICE), id, [3; 32], T0, None, 1), Error::<Test>::SuspendedByOther);
		assert_ok!(force(RuntimeOrigin::root(), Action::Reinstated));
		assert_eq!(status(id), LicenseStatus::Active);
		// Governance lifts an agency's suspension when that agency cannot (it left).
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
		set_active(CQ_JUSTICE, false);
		assert_ok!(force(RuntimeOrigin::root(), Action::Reinstated));
		assert_ok!(force(RuntimeOrigin::root(), Action::Revoked));
		assert_eq!(live(&person()), Vec::<LicenseId>::new());
		assert_noop!(force(RuntimeOrigin::root(), Action::Reinstated), Error::<Test>::LicenseRevoked);
		assert_noop!(force(RuntimeOrigin::root(), Action::Cancelled), Error::<Test>::LicenseEnded);
	});
}

// ---- consents ----

#[test]
fn authorisations_in_force_are_capped_per_licence() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let grant = |until| LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), until);
		assert_ok!(grant(T0 + DAY));
		assert_ok!(grant(T0 + 2 * DAY));
		assert_ok!(grant(T0 + 3 * DAY));
		assert_noop!(grant(T0 + DAY), Error::<Test>::TooManyConsents);
		// A withdrawal frees a place.
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 1));
		assert_ok!(grant(T0 + DAY));
		assert_noop!(grant(T0 + 5 * DAY), Error::<Test>::TooManyConsents);
		// So does a deadline passing (consents 0 and 3 end at T0 + DAY).
		set_now(T0 + DAY);
		assert_ok!(grant(T0 + 5 * DAY));
		assert_ok!(grant(T0 + 5 * DAY));
		assert_noop!(grant(T0 + 5 * DAY), Error::<Test>::TooManyConsents);
		assert_eq!(LiveConsents::<Test>::get(id).len(), 3);
		// An ended licence keeps no live authorisation.
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
		assert!(!LiveConsents::<Test>::contains_key(id));
	});
}

// ---- queries ----

#[test]
fn every_list_is_paged_and_capped() {
	build_and_execute(|| {
		catalogue();
		// Eight licences for one holder (four ended, to stay under the live cap).
		let mut ids = vec![];
		for _ in 0..8 {
			let id = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
			if ids.len() % 2 == 0 {
				assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
			}
			ids.push(id);
		}
		// Ended licences go to the ended index when they end, live ones stay in the live list.
		let revoked: Vec<_> = ids.iter().step_by(2).copied().collect();
		let mut ended: Vec<_> = EndedLicenses::<Test>::iter_key_prefix(enterprise(1)).collect();
		ended.sort();
		assert_eq!(ended, revoked);
		// Pages of at most `MaxPage` (5), however large the limit, the live ones first in
		// issue order; a cursor walks them all.
		let first = LicensesPallet::licenses_of(&enterprise(1), None, 100);
		assert_eq!(first.len(), 5);
		assert_eq!(first[..4], [ids[1], ids[3], ids[5], ids[7]]);
		let after_live = LicensesPallet::licenses_of(&enterprise(1), Some(ids[5]), 2);
		assert_eq!(after_live[0], ids[7]);
		assert!(revoked.contains(&after_live[1]));
		let second = LicensesPallet::licenses_of(&enterprise(1), first.last().copied(), 100);
		assert_eq!(second.len(), 3);
		let mut all: Vec<_> = first.into_iter().chain(second.clone()).collect();
		all.sort();
		assert_eq!(all, ids);
		assert_eq!(LicensesPallet::licenses_of(&enterprise(1), second.last().copied(), 100), Vec::<LicenseId>::new());

		let id = ids[1];
		for _ in 0..4 {
			assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
			assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 1, None));
		}
		assert_eq!(LicensesPallet::management_record(id, 0, 100).len(), 5);
		assert_eq!(LicensesPallet::management_record(id, 5, 100).len(), 3);
		for _ in 0..7 {
			assert_ok!(LicensesPallet::record_use(op(CQ_JUSTICE), id, purpose(), [4; 32], None));
		}
		assert_eq!(LicensesPallet::usage_log(id, 0, 100).len(), 5);
		assert_eq!(LicensesPallet::usage_view(id, 5, 100).len(), 2);
		register_enterprise(uscc(1), Some(501));
		for i in 0..7 {
			assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(501), id, CQ_BANK, purpose(), T0 + 1 + i));
			assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(501), id, i as u32));
		}
		assert_eq!(LicensesPallet::consents_of(id, 0, 100).len(), 5);
		assert_eq!(LicensesPallet::consents_view(id, 5, 100).len(), 2);
		assert_ok!(LicensesPallet::declare_recognition(op(SC_SAMR), SC_FOOD, CQ_FOOD));
		assert_eq!(LicensesPallet::recognitions_of(CQ_FOOD, 0, 100).len(), 1);
		assert_eq!(LicensesPallet::recognitions_of(CQ_FOOD, 1, 100).len(), 0);
		assert_eq!(LicensesPallet::recognitions_of(CQ_FOOD, 0, 0).len(), 0);
	});
}

#[test]
fn the_status_search_reads_logarithmically_many_entries() {
	use crate::features::last_at_or_before;
	// Entry `i` happens at time `10 * i`.
	for len in [0u32, 1, 2, 3, 7, 8, 1000, 1_000_000] {
		let bound = 32 - len.leading_zeros(); // ⌈log2(len + 1)⌉
		for time in [0u64, 5, 10, 15, 10 * u64::from(len / 2), 10 * u64::from(len), u64::MAX] {
			let mut reads = 0u32;
			let found = last_at_or_before(len, time, |i| {
				reads += 1;
				Some((10 * u64::from(i), i))
			});
			let expected = (0..len).take_while(|i| 10 * u64::from(*i) <= time).last();
			assert_eq!(found, expected, "len {len} time {time}");
			assert!(reads <= bound, "len {len} time {time}: {reads} reads > {bound}");
		}
	}
}

#[test]
fn verify_replays_a_long_record_by_search() {
	build_and_execute(|| {
		let id = lawyer_licence();
		// 120 entries, one an hour: suspended on even hours, reinstated on odd ones.
		for i in 0..120u64 {
			set_now(T0 + 3600 * (i + 1));
			if i % 2 == 0 {
				assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
			} else {
				assert_ok!(LicensesPallet::reinstate(op(CQ_JUSTICE), id, 1, None));
			}
		}
		let license = Licenses::<Test>::get(id).unwrap();
		assert_eq!(license.changes, 120);
		let linear = |time: u64| {
			(0..license.changes)
				.filter_map(|seq| History::<Test>::get(id, seq))
				.take_while(|c| c.time <= time)
				.fold(LicenseStatus::Active, |_, c| c.action.resulting_status())
		};
		for t in (T0..T0 + 3600 * 125).step_by(1800) {
			assert_eq!(LicensesPallet::status_at(id, &license, t), linear(t), "at {t}");
		}
		assert_eq!(LicensesPallet::verify(id, CHONGQING, Some(T0 + 3600 + 1)), Verdict::Invalid { reason: InvalidReason::Suspended });
		assert_eq!(LicensesPallet::verify(id, CHONGQING, Some(T0 + 7200)), Verdict::ValidRecognised { via: None });
		assert_eq!(LicensesPallet::verify(id, CHONGQING, Some(T0)), Verdict::ValidRecognised { via: None });
	});
}

// ---- jurisdiction ----

#[test]
fn an_agency_of_another_region_cannot_act_on_a_regions_records() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let sc = op(SC_SAMR);
		assert_noop!(LicensesPallet::retire_type(sc.clone(), LAWYER), Error::<Test>::NotTypeAuthority);
		assert_noop!(LicensesPallet::issue(sc.clone(), LAWYER, person(), [9; 32], T0, None), Error::<Test>::OutsideRegion);
		assert_noop!(
			LicensesPallet::issue_batch(sc.clone(), CQ_FOOD, vec![BatchItem { holder: enterprise(1), content: [1; 32], valid_from: T0, valid_until: None }].try_into().unwrap()),
			Error::<Test>::OutsideRegion
		);
		assert_noop!(LicensesPallet::suspend(sc.clone(), id, 1, None), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::revoke(sc.clone(), id, 1, None), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::renew(sc.clone(), id, [3; 32], T0, None, 1), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::cancel(sc.clone(), id, 1), Error::<Test>::NotIssuer);
		assert_noop!(LicensesPallet::set_holder_account(sc.clone(), person(), 20), Error::<Test>::NotHoldersIssuer);
		assert_noop!(LicensesPallet::grant_consent(sc.clone(), id, SC_SAMR, purpose(), T0 + 1), Error::<Test>::NotHolder);
		assert_noop!(LicensesPallet::record_use(sc.clone(), id, purpose(), [4; 32], None), Error::<Test>::ConsentRequired);
		assert_noop!(LicensesPallet::declare_recognition(sc.clone(), CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_ok!(LicensesPallet::declare_recognition(op(CQ_JUSTICE), CQ_FOOD, SC_FOOD));
		// Only the accepted type's authority confirms; a third region's agency withdraws nothing.
		assert_noop!(LicensesPallet::confirm_recognition(op(CQ_JUSTICE), CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_noop!(LicensesPallet::withdraw_recognition(op(YUZHONG), CQ_FOOD, SC_FOOD), Error::<Test>::NotTypeAuthority);
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
		assert_noop!(LicensesPallet::reinstate(sc, id, 1, None), Error::<Test>::NotIssuer);
	});
}

#[test]
fn an_agency_that_lost_its_issuing_role_keeps_no_power_over_its_records() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_ok!(LicensesPallet::declare_recognition(op(CQ_JUSTICE), CQ_FOOD, SC_FOOD));
		strip_roles(CQ_JUSTICE);
		let cq = op(CQ_JUSTICE);
		assert_noop!(LicensesPallet::retire_type(cq.clone(), LAWYER), Error::<Test>::RoleNotHeld);
		assert_noop!(LicensesPallet::withdraw_recognition(cq.clone(), CQ_FOOD, SC_FOOD), Error::<Test>::RoleNotHeld);
		assert_noop!(LicensesPallet::record_use(cq.clone(), id, purpose(), [4; 32], None), Error::<Test>::RoleNotHeld);
		assert_noop!(LicensesPallet::suspend(cq.clone(), id, 1, None), Error::<Test>::RoleNotHeld);
		assert_noop!(LicensesPallet::cancel(cq, id, 1), Error::<Test>::RoleNotHeld);
		// The other side still withdraws.
		assert_ok!(LicensesPallet::withdraw_recognition(op(SC_SAMR), CQ_FOOD, SC_FOOD));
	});
}

#[test]
fn try_state_catches_a_broken_live_index() {
	new_test_ext().execute_with(|| {
		let id = lawyer_licence();
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), T0 + DAY));
		assert_ok!(LicensesPallet::do_try_state());
		LiveLicenses::<Test>::remove(person());
		assert!(LicensesPallet::do_try_state().is_err());
		LiveLicenses::<Test>::insert(person(), LiveLicensesOf::<Test>::truncate_from(vec![id, id]));
		assert!(LicensesPallet::do_try_state().is_err());
		LiveLicenses::<Test>::insert(person(), LiveLicensesOf::<Test>::truncate_from(vec![id]));
		assert_ok!(LicensesPallet::do_try_state());
		LiveConsents::<Test>::remove(id);
		assert!(LicensesPallet::do_try_state().is_err());
		LiveConsents::<Test>::insert(id, LiveConsentsOf::<Test>::truncate_from(vec![(0, T0 + 2 * DAY)]));
		assert!(LicensesPallet::do_try_state().is_err());
		LiveConsents::<Test>::insert(id, LiveConsentsOf::<Test>::truncate_from(vec![(0, T0 + DAY)]));
		assert_ok!(LicensesPallet::do_try_state());
		// A forced marker without governance.
		assert_ok!(LicensesPallet::suspend(op(CQ_JUSTICE), id, 1, None));
		History::<Test>::mutate(id, 0, |c| c.as_mut().unwrap().forced = true);
		assert!(LicensesPallet::do_try_state().is_err());
	});
}

// ---- holder accounts per province, consent deposits, the register's word ----

#[test]
fn another_regions_issuer_cannot_capture_a_holders_account_by_issuing_it_a_licence() {
	build_and_execute(|| {
		let cq_licence = lawyer_licence();
		assert_ok!(define(SC_SAMR, b"SC-LAWYER", SICHUAN, HolderKind::Person, Role::LicenseIssuer, None));
		let sc_type = NextTypeId::<Test>::get() - 1;
		// Sichuan issues the Chongqing lawyer a licence of its own and designates an
		// account of its choosing: allowed, for Sichuan's licences only.
		let sc_licence = issue(SC_SAMR, sc_type, person());
		assert_ok!(LicensesPallet::set_holder_account(op(SC_SAMR), person(), 666));
		System::assert_last_event(
			Event::HolderAccountSet { holder: person(), province: sc(), account: 666, by_agency: SC_SAMR }.into(),
		);
		assert_eq!(LicensesPallet::holder_account(&person(), sc()), Some(666));
		assert_eq!(LicensesPallet::holder_account(&person(), cq()), Some(PERSON_ACCOUNT));
		// That account acts on nothing of Chongqing's.
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(666), cq_licence, 1), Error::<Test>::NotHolder);
		assert_noop!(
			LicensesPallet::grant_consent(RuntimeOrigin::signed(666), cq_licence, SC_SAMR, purpose(), T0 + DAY),
			Error::<Test>::NotHolder
		);
		assert_noop!(
			LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(666), person(), CHONGQING, 667),
			Error::<Test>::NotHolder
		);
		// Nor does Chongqing's account act on Sichuan's licence.
		assert_noop!(LicensesPallet::cancel(RuntimeOrigin::signed(PERSON_ACCOUNT), sc_licence, 1), Error::<Test>::NotHolder);
		// Each account acts on its own province's licence; a county code names its province.
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(666), sc_licence, SC_SAMR, purpose(), T0 + DAY));
		assert_ok!(LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(PERSON_ACCOUNT), person(), YUZHONG_REGION, 101));
		assert_eq!(LicensesPallet::holder_account(&person(), cq()), Some(101));
		assert_noop!(
			LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(101), person(), 123, 102),
			Error::<Test>::MalformedRegion
		);
		assert_noop!(
			LicensesPallet::force_set_holder_account(RuntimeOrigin::root(), person(), 99, None, 1),
			Error::<Test>::MalformedRegion
		);
		// A Chongqing district that issued the holder nothing still cannot designate.
		assert_noop!(LicensesPallet::set_holder_account(op(YUZHONG), person(), 5), Error::<Test>::NotHoldersIssuer);
	});
}

#[test]
fn each_authorisation_holds_a_deposit_until_it_is_withdrawn() {
	build_and_execute(|| {
		let id = lawyer_licence();
		let grant = |until| LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), until);
		assert_ok!(grant(T0 + DAY));
		assert_ok!(grant(T0 + 2 * DAY));
		assert_eq!(held(PERSON_ACCOUNT), 2 * CONSENT_DEPOSIT);
		assert_eq!(ConsentDeposits::<Test>::get(id, 0), Some((PERSON_ACCOUNT, CONSENT_DEPOSIT)));
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 0));
		assert_eq!(held(PERSON_ACCOUNT), CONSENT_DEPOSIT);
		assert!(!ConsentDeposits::<Test>::contains_key(id, 0));
		// Past its deadline and after the licence ended, withdrawing takes the deposit back.
		set_now(T0 + 3 * DAY);
		assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, 1));
		assert_eq!(held(PERSON_ACCOUNT), 0);
		assert_eq!(Balances::free_balance(PERSON_ACCOUNT), govchain_test_utils::MOCK_ENDOWMENT);
	});
}

#[test]
fn the_deposit_goes_back_to_the_account_that_granted_it_and_cannot_be_overdrawn() {
	build_and_execute(|| {
		let id = lawyer_licence();
		assert_ok!(LicensesPallet::grant_consent(RuntimeOrigin::signed(PERSON_ACCOUNT), id, CQ_BANK, purpose(), T0 + DAY));
		// The holder moves to a new account, which has no funds at all.
		let poor = 5_000;
		assert_ok!(LicensesPallet::hand_over_holder_account(RuntimeOrigin::signed(PERSON_ACCOUNT), person(), CHONGQING, poor));
		assert_noop!(
			LicensesPallet::grant_consent(RuntimeOrigin::signed(poor), id, CQ_BANK, purpose(), T0 + DAY),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_ok!(LicensesPallet::revoke_consent(RuntimeOrigin::signed(poor), id, 0));
		assert_eq!(held(PERSON_ACCOUNT), 0);
		assert_eq!(Balances::free_balance(PERSON_ACCOUNT), govchain_test_utils::MOCK_ENDOWMENT);
	});
}

#[test]
fn the_register_ends_its_licence_after_the_issuer_lost_its_role() {
	build_and_execute(|| {
		catalogue();
		let id = register_licence(1);
		strip_roles(CQ_JUSTICE);
		assert_ok!(<LicensesPallet as LicenseIssuer<u64>>::revoke(CQ_SAMR, &70, id, 8));
		assert_eq!(status(id), LicenseStatus::Revoked);
		// A licence the register does not manage still needs its manager.
		set_agencies(standard_agencies());
		let other = issue(CQ_JUSTICE, CQ_FOOD, enterprise(2));
		assert_noop!(<LicensesPallet as LicenseIssuer<u64>>::cancel(CQ_SAMR, &70, other, 7), Error::<Test>::NotIssuer);
	});
}

// ---- storage migration v1 → v2 (the holder index keeps ended licences only) ----

mod migration_v2 {
	use super::*;
	use crate::migrations::{v1, v2};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	/// Licences of two holders, some ended, in version 1's layout: every licence in
	/// `HolderLicenses`, no `EndedLicenses`. Returns the ended ones.
	fn chain_at_v1() -> Vec<LicenseId> {
		catalogue();
		let mut ended = vec![];
		for i in 0..6u8 {
			let id = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1 + i % 2));
			if i % 3 == 0 {
				assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
				ended.push(id);
			}
		}
		let _ = EndedLicenses::<Test>::clear(u32::MAX, None);
		for (id, l) in Licenses::<Test>::iter() {
			v1::HolderLicenses::<Test>::insert(&l.holder, id, ());
		}
		StorageVersion::new(1).put::<LicensesPallet>();
		ended
	}

	#[test]
	fn a_new_chain_starts_at_version_2() {
		build_and_execute(|| {
			assert_eq!(LicensesPallet::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(LicensesPallet::in_code_storage_version(), StorageVersion::new(2));
		});
	}

	#[test]
	fn ended_licences_move_to_the_ended_index_and_live_ones_leave_it() {
		build_and_execute(|| {
			let mut ended = chain_at_v1();
			let all: Vec<_> = Licenses::<Test>::iter_keys().collect();
			let state = v2::InnerMigrateV1ToV2::<Test>::pre_check().unwrap();

			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();

			v2::InnerMigrateV1ToV2::<Test>::post_check(state).unwrap();
			assert_eq!(LicensesPallet::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(v1::HolderLicenses::<Test>::iter().count(), 0);
			let mut moved: Vec<_> = EndedLicenses::<Test>::iter_keys().map(|(_, id)| id).collect();
			moved.sort();
			ended.sort();
			assert_eq!(moved, ended);
			let mut listed: Vec<_> = [enterprise(1), enterprise(2)]
				.iter()
				.flat_map(|h| LicensesPallet::licenses_of(h, None, 100))
				.collect();
			listed.sort();
			let mut all = all;
			all.sort();
			assert_eq!(listed, all);
			LicensesPallet::do_try_state().expect("invariants hold after the migration");
		});
	}

	#[test]
	fn the_migration_runs_only_from_version_1() {
		build_and_execute(|| {
			catalogue();
			let id = issue(CQ_JUSTICE, CQ_FOOD, enterprise(1));
			assert_ok!(LicensesPallet::revoke(op(CQ_JUSTICE), id, 1, None));
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(EndedLicenses::<Test>::iter_keys().collect::<Vec<_>>(), vec![(enterprise(1), id)]);
			assert_eq!(LicensesPallet::on_chain_storage_version(), StorageVersion::new(2));
		});
	}
}
