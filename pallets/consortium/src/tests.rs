//! Unit tests: every call with the right origin and each wrong one, every error,
//! the exported origins, the session manager and the invariants.

use crate::{mock::*, *};
use frame_support::{
	assert_noop, assert_ok, parameter_types,
	traits::EnsureOrigin,
	BoundedVec,
};
use frame_system::RawOrigin;
use govchain_primitives::AgencyRegistry;
use pallet_session::SessionManager;
use sp_runtime::DispatchError::BadOrigin;

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn signed(who: u64) -> RuntimeOrigin {
	RawOrigin::Signed(who).into()
}

fn name(s: &str) -> AgencyNameOf<Test> {
	s.as_bytes().to_vec().try_into().expect("short name")
}

fn roles(r: &[Role]) -> BoundedVec<Role, frame_support::traits::ConstU32<16>> {
	r.to_vec().try_into().expect("few roles")
}

fn register(admin: u64, region: u32, r: &[Role]) -> AgencyId {
	assert_ok!(Consortium::register_agency(
		root(),
		name("Chongqing Tax"),
		region,
		AgencyKind::Tax,
		roles(r),
		admin
	));
	NextAgencyId::<Test>::get() - 1
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

parameter_types! {
	pub const CourtRole: Role = Role::Court;
	pub const RegulatorRole: Role = Role::MarketRegulator;
}

#[test]
fn genesis_builds_agencies_seats_and_council() {
	build_and_execute(|| {
		assert_eq!(NextAgencyId::<Test>::get(), 3);
		let a = Agencies::<Test>::get(CQ_SAMR).unwrap();
		assert_eq!(a.region.get(), CHONGQING);
		assert!(a.roles.contains(Role::MarketRegulator));
		assert_eq!(a.operators, 2);
		assert_eq!(Operators::<Test>::get(11), Some(CQ_SAMR));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![100, 101]);
		assert_eq!(Council::<Test>::get().into_inner(), vec![10, 20]);
		assert_eq!(council_seen(), vec![10, 20]);
		assert_eq!(Consortium::new_session_genesis(0), Some(vec![100, 101]));
	});
}

#[test]
fn register_agency_works_and_records_roles() {
	build_and_execute(|| {
		let id = register(40, 500103, &[Role::TaxAuthority, Role::Auditor]);
		assert_eq!(id, 3);
		let a = Agencies::<Test>::get(id).unwrap();
		assert_eq!(a.admin, 40);
		assert_eq!(a.status, AgencyStatus::Active);
		assert!(a.roles.contains(Role::TaxAuthority) && a.roles.contains(Role::Auditor));
		assert_eq!(Operators::<Test>::get(40), Some(id));
		System::assert_has_event(
			Event::AgencyRegistered {
				agency: id,
				name: name("Chongqing Tax"),
				region: RegionCode::new(500103).unwrap(),
				kind: AgencyKind::Tax,
				roles: RoleSet::from_roles(&[Role::TaxAuthority, Role::Auditor]),
				admin: 40,
			}
			.into(),
		);
		System::assert_has_event(Event::OperatorAdded { agency: id, account: 40 }.into());
		System::assert_last_event(Event::RoleGranted { agency: id, role: Role::Auditor }.into());
		let history = Consortium::role_history(id, 0, 10);
		assert_eq!(history.len(), 2);
		assert!(history.iter().all(|(_, c)| c.granted && c.at == 1));
	});
}

#[test]
fn register_agency_rejects_bad_input_and_wrong_origins() {
	build_and_execute(|| {
		let call = |o, n: &str, region, admin| {
			Consortium::register_agency(o, name(n), region, AgencyKind::Tax, roles(&[]), admin)
		};
		assert_noop!(call(signed(10), "x", CHONGQING, 40), BadOrigin);
		assert_noop!(call(RawOrigin::None.into(), "x", CHONGQING, 40), BadOrigin);
		assert_noop!(call(root(), "", CHONGQING, 40), Error::<Test>::EmptyName);
		for bad in [0, 12345, 5000000, 990000, 100000] {
			assert_noop!(call(root(), "x", bad, 40), Error::<Test>::MalformedRegion);
		}
		// The admin of another agency cannot become an admin here too.
		assert_noop!(call(root(), "x", CHONGQING, 11), Error::<Test>::AlreadyOperator);
	});
}

#[test]
fn register_agency_fails_when_ids_run_out() {
	build_and_execute(|| {
		NextAgencyId::<Test>::put(u32::MAX);
		assert_noop!(
			Consortium::register_agency(root(), name("x"), CHONGQING, AgencyKind::Other, roles(&[]), 41),
			Error::<Test>::Overflow
		);
		NextAgencyId::<Test>::put(3);
	});
}

#[test]
fn grant_and_revoke_role() {
	build_and_execute(|| {
		assert_noop!(Consortium::grant_role(signed(10), CQ_SAMR, Role::Court), BadOrigin);
		assert_ok!(Consortium::grant_role(root(), CQ_SAMR, Role::LicenseIssuer));
		System::assert_last_event(
			Event::RoleGranted { agency: CQ_SAMR, role: Role::LicenseIssuer }.into(),
		);
		assert_noop!(
			Consortium::grant_role(root(), CQ_SAMR, Role::LicenseIssuer),
			Error::<Test>::RoleAlreadyHeld
		);
		assert_noop!(Consortium::grant_role(root(), 99, Role::Court), Error::<Test>::UnknownAgency);

		assert_noop!(Consortium::revoke_role(signed(10), CQ_SAMR, Role::LicenseIssuer), BadOrigin);
		assert_ok!(Consortium::revoke_role(root(), CQ_SAMR, Role::LicenseIssuer));
		System::assert_last_event(
			Event::RoleRevoked { agency: CQ_SAMR, role: Role::LicenseIssuer }.into(),
		);
		assert_noop!(
			Consortium::revoke_role(root(), CQ_SAMR, Role::LicenseIssuer),
			Error::<Test>::RoleNotHeld
		);
		assert_noop!(Consortium::revoke_role(root(), 99, Role::Court), Error::<Test>::UnknownAgency);

		// History: genesis grant, grant, revoke — in order.
		let history: Vec<_> = Consortium::role_history(CQ_SAMR, 0, 10)
			.into_iter()
			.map(|(seq, c)| (seq, c.role, c.granted))
			.collect();
		assert_eq!(
			history,
			vec![
				(0, Role::MarketRegulator, true),
				(1, Role::LicenseIssuer, true),
				(2, Role::LicenseIssuer, false)
			]
		);
		// Paging.
		assert_eq!(Consortium::role_history(CQ_SAMR, 1, 1).len(), 1);
		assert_eq!(Consortium::role_history(CQ_SAMR, 1, 1)[0].0, 1);
		assert!(Consortium::role_history(CQ_SAMR, 3, 10).is_empty());
	});
}

#[test]
fn suspend_and_reinstate() {
	build_and_execute(|| {
		assert_noop!(Consortium::suspend_agency(signed(10), CQ_SAMR), BadOrigin);
		assert_noop!(Consortium::suspend_agency(root(), 99), Error::<Test>::UnknownAgency);
		assert_noop!(Consortium::reinstate_agency(root(), CQ_SAMR), Error::<Test>::NotSuspended);
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		System::assert_last_event(Event::AgencySuspended { agency: CQ_COURT }.into());
		assert_noop!(Consortium::suspend_agency(root(), CQ_COURT), Error::<Test>::AgencySuspended);
		assert_noop!(Consortium::reinstate_agency(signed(30), CQ_COURT), BadOrigin);
		assert_ok!(Consortium::reinstate_agency(root(), CQ_COURT));
		System::assert_last_event(Event::AgencyReinstated { agency: CQ_COURT }.into());
	});
}

#[test]
fn suspension_stops_operators_in_every_pallet_at_once() {
	build_and_execute(|| {
		// A domain pallet's origin, e.g. an enterprise-registration call for regulators.
		type Regulator = EnsureAgencyRole<Test, RegulatorRole>;
		assert_eq!(Regulator::try_origin(signed(11)).ok(), Some((CQ_SAMR, 11)));
		assert_eq!(EnsureAgencyOperator::<Test>::try_origin(signed(11)).ok(), Some((CQ_SAMR, 11)));
		assert!(<Consortium as AgencyRegistry<u64>>::has_role(CQ_SAMR, Role::MarketRegulator));

		assert_ok!(Consortium::suspend_agency(root(), CQ_SAMR));
		assert!(Regulator::try_origin(signed(11)).is_err());
		assert!(Regulator::try_origin(signed(10)).is_err());
		assert!(EnsureAgencyOperator::<Test>::try_origin(signed(11)).is_err());
		assert!(!<Consortium as AgencyRegistry<u64>>::is_active(CQ_SAMR));
		assert!(!<Consortium as AgencyRegistry<u64>>::has_role(CQ_SAMR, Role::MarketRegulator));
		assert_eq!(
			<Consortium as AgencyRegistry<u64>>::acting_agency(&11, None),
			Err(Error::<Test>::AgencySuspended.into())
		);
		// Other agencies are unaffected.
		assert_eq!(Regulator::try_origin(signed(20)).ok(), Some((SC_SAMR, 20)));

		assert_ok!(Consortium::reinstate_agency(root(), CQ_SAMR));
		assert_eq!(Regulator::try_origin(signed(11)).ok(), Some((CQ_SAMR, 11)));
	});
}

#[test]
fn origins_check_role_and_operator() {
	build_and_execute(|| {
		type CourtOnly = EnsureAgencyRole<Test, CourtRole>;
		assert_eq!(CourtOnly::try_origin(signed(30)).ok(), Some((CQ_COURT, 30)));
		// A regulator is no court.
		assert!(CourtOnly::try_origin(signed(10)).is_err());
		// An account acting for no agency, root and none are refused.
		assert!(CourtOnly::try_origin(signed(999)).is_err());
		assert!(CourtOnly::try_origin(root()).is_err());
		assert!(EnsureAgencyOperator::<Test>::try_origin(RawOrigin::None.into()).is_err());
		assert_eq!(Consortium::acting_agency(&10, Some(Role::Court)), Err(Error::<Test>::RoleNotHeld.into()));
		assert_eq!(Consortium::acting_agency(&999, None), Err(Error::<Test>::NotOperator.into()));
		assert_eq!(
			<Consortium as AgencyRegistry<u64>>::region_of(SC_SAMR).map(|r| r.get()),
			Some(SICHUAN)
		);
		assert_eq!(<Consortium as AgencyRegistry<u64>>::region_of(99), None);
		// Losing the role stops the origin.
		assert_ok!(Consortium::revoke_role(root(), CQ_COURT, Role::Court));
		assert!(CourtOnly::try_origin(signed(30)).is_err());
	});
}

#[test]
fn operators_are_managed_by_admin_or_governance() {
	build_and_execute(|| {
		// Admin adds.
		assert_ok!(Consortium::add_operator(signed(10), CQ_SAMR, 12));
		System::assert_last_event(Event::OperatorAdded { agency: CQ_SAMR, account: 12 }.into());
		// Governance adds.
		assert_ok!(Consortium::add_operator(root(), SC_SAMR, 21));
		// Not the admin: a plain operator, another agency's admin, a stranger.
		assert_noop!(Consortium::add_operator(signed(11), CQ_SAMR, 13), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::add_operator(signed(20), CQ_SAMR, 13), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::add_operator(RawOrigin::None.into(), CQ_SAMR, 13), BadOrigin);
		assert_noop!(Consortium::add_operator(signed(10), 99, 13), Error::<Test>::UnknownAgency);
		// Duplicate account, in the same or another agency.
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 12), Error::<Test>::AlreadyOperator);
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 20), Error::<Test>::AlreadyOperator);
		// Bound: 10, 11, 12 + one more = 4.
		assert_ok!(Consortium::add_operator(signed(10), CQ_SAMR, 13));
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 14), Error::<Test>::TooManyOperators);
		assert_eq!(Consortium::operators_of(CQ_SAMR, 0, 10).len(), 4);

		// Removal.
		assert_noop!(Consortium::remove_operator(signed(11), CQ_SAMR, 12), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::remove_operator(signed(10), CQ_SAMR, 21), Error::<Test>::NotOperator);
		assert_noop!(Consortium::remove_operator(signed(10), CQ_SAMR, 10), Error::<Test>::CannotRemoveAdmin);
		assert_ok!(Consortium::remove_operator(signed(10), CQ_SAMR, 12));
		System::assert_last_event(Event::OperatorRemoved { agency: CQ_SAMR, account: 12 }.into());
		assert_eq!(Operators::<Test>::get(12), None);
		assert_ok!(Consortium::remove_operator(root(), SC_SAMR, 21));
	});
}

#[test]
fn a_suspended_agency_admin_cannot_manage_operators_but_governance_can() {
	build_and_execute(|| {
		assert_ok!(Consortium::suspend_agency(root(), CQ_SAMR));
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 12), Error::<Test>::AgencySuspended);
		assert_noop!(
			Consortium::remove_operator(signed(10), CQ_SAMR, 11),
			Error::<Test>::AgencySuspended
		);
		assert_ok!(Consortium::remove_operator(root(), CQ_SAMR, 11));
	});
}

#[test]
fn council_seat_holders_cannot_be_removed_as_operators() {
	build_and_execute(|| {
		assert_ok!(Consortium::add_council_member(root(), CQ_SAMR, 11));
		assert_noop!(Consortium::remove_operator(signed(10), CQ_SAMR, 11), Error::<Test>::HoldsCouncilSeat);
	});
}

#[test]
fn set_admin_moves_the_admin_role() {
	build_and_execute(|| {
		assert_noop!(Consortium::set_admin(signed(10), CQ_SAMR, 11), BadOrigin);
		assert_noop!(Consortium::set_admin(root(), 99, 11), Error::<Test>::UnknownAgency);
		assert_noop!(Consortium::set_admin(root(), CQ_SAMR, 20), Error::<Test>::AlreadyOperator);
		// An existing operator.
		assert_ok!(Consortium::set_admin(root(), CQ_SAMR, 11));
		System::assert_last_event(Event::AdminChanged { agency: CQ_SAMR, old: 10, new: 11 }.into());
		// The old admin is a plain operator now: it can no longer manage operators.
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 13), Error::<Test>::NotAuthorized);
		assert_ok!(Consortium::add_operator(signed(11), CQ_SAMR, 13));
		// A fresh account becomes an operator too.
		assert_ok!(Consortium::set_admin(root(), SC_SAMR, 22));
		assert_eq!(Operators::<Test>::get(22), Some(SC_SAMR));
		assert_eq!(Agencies::<Test>::get(SC_SAMR).unwrap().operators, 2);
	});
}

#[test]
fn retire_agency_is_final() {
	build_and_execute(|| {
		assert_noop!(Consortium::retire_agency(signed(30), CQ_COURT), BadOrigin);
		assert_noop!(Consortium::retire_agency(root(), 99), Error::<Test>::UnknownAgency);
		assert_ok!(Consortium::retire_agency(root(), CQ_COURT));
		System::assert_last_event(Event::AgencyRetired { agency: CQ_COURT }.into());
		assert_noop!(Consortium::retire_agency(root(), CQ_COURT), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::reinstate_agency(root(), CQ_COURT), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::suspend_agency(root(), CQ_COURT), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::grant_role(root(), CQ_COURT, Role::Auditor), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::add_operator(root(), CQ_COURT, 31), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::add_operator(signed(30), CQ_COURT, 31), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::set_admin(root(), CQ_COURT, 31), Error::<Test>::AgencyRetired);
		set_keys(102);
		assert_noop!(Consortium::add_validator(root(), CQ_COURT, 102), Error::<Test>::AgencyRetired);
		assert_noop!(Consortium::add_council_member(root(), CQ_COURT, 30), Error::<Test>::AgencyRetired);
		assert_eq!(Consortium::acting_agency(&30, None), Err(Error::<Test>::AgencyRetired.into()));
	});
}

#[test]
fn validators_join_and_leave_at_the_next_session() {
	build_and_execute(|| {
		// Nothing changed since genesis: the session keeps its set.
		assert_eq!(Consortium::new_session(1), None);
		set_keys(102);
		set_keys(99);
		assert_noop!(Consortium::add_validator(signed(10), CQ_SAMR, 102), BadOrigin);
		assert_noop!(Consortium::add_validator(root(), 99, 102), Error::<Test>::UnknownAgency);
		assert_noop!(Consortium::add_validator(root(), CQ_SAMR, 101), Error::<Test>::AlreadyValidator);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		System::assert_last_event(Event::ValidatorAdded { agency: CQ_COURT, validator: 102 }.into());
		assert_eq!(Consortium::new_session(2), Some(vec![100, 101, 102]));
		assert_eq!(Consortium::new_session(3), None);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 99));
		assert_eq!(AgencyValidators::<Test>::get(CQ_COURT).unwrap().into_inner(), vec![102, 99]);

		assert_noop!(Consortium::remove_validator(signed(10), 100), BadOrigin);
		assert_noop!(Consortium::remove_validator(root(), 555), Error::<Test>::NotValidator);
		assert_ok!(Consortium::remove_validator(root(), 100));
		System::assert_last_event(Event::ValidatorRemoved { agency: CQ_SAMR, validator: 100 }.into());
		assert_eq!(Consortium::new_session(4), Some(vec![99, 101, 102]));
		assert_eq!(AgencyValidators::<Test>::get(CQ_SAMR), None);
		assert_ok!(Consortium::remove_validator(root(), 99));
		assert_ok!(Consortium::remove_validator(root(), 101));
		assert_noop!(Consortium::remove_validator(root(), 102), Error::<Test>::LastValidator);
	});
}

#[test]
fn a_suspended_agency_cannot_gain_a_validator_or_seat() {
	build_and_execute(|| {
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_noop!(Consortium::add_validator(root(), CQ_COURT, 102), Error::<Test>::AgencySuspended);
		assert_noop!(Consortium::add_council_member(root(), CQ_COURT, 30), Error::<Test>::AgencySuspended);
	});
}

#[test]
fn council_seats_follow_governance() {
	build_and_execute(|| {
		assert_noop!(Consortium::add_council_member(signed(30), CQ_COURT, 30), BadOrigin);
		assert_noop!(Consortium::add_council_member(root(), 99, 30), Error::<Test>::UnknownAgency);
		assert_noop!(Consortium::add_council_member(root(), CQ_COURT, 10), Error::<Test>::NotOperator);
		assert_noop!(Consortium::add_council_member(root(), CQ_SAMR, 10), Error::<Test>::AlreadyCouncilMember);
		assert_ok!(Consortium::add_council_member(root(), CQ_COURT, 30));
		System::assert_last_event(Event::CouncilMemberAdded { agency: CQ_COURT, member: 30 }.into());
		assert_eq!(council_seen(), vec![10, 20, 30]);
		assert_ok!(Consortium::add_council_member(root(), CQ_SAMR, 11));
		let t = register(40, CHONGQING, &[]);
		assert_noop!(Consortium::add_council_member(root(), t, 40), Error::<Test>::TooManyCouncilMembers);

		assert_noop!(Consortium::remove_council_member(signed(10), 10), BadOrigin);
		assert_noop!(Consortium::remove_council_member(root(), 40), Error::<Test>::NotCouncilMember);
		for m in [10, 11, 20] {
			assert_ok!(Consortium::remove_council_member(root(), m));
		}
		assert_eq!(last_event(), Event::CouncilMemberRemoved { agency: SC_SAMR, member: 20 }.into());
		assert_eq!(council_seen(), vec![30]);
		assert_noop!(Consortium::remove_council_member(root(), 30), Error::<Test>::LastCouncilMember);
	});
}

#[test]
fn try_state_catches_broken_invariants() {
	new_test_ext().execute_with(|| {
		assert_ok!(Consortium::do_try_state());
		// An operator entry without its mirror.
		Operators::<Test>::insert(77, CQ_SAMR);
		assert!(Consortium::do_try_state().is_err());
		Operators::<Test>::remove(77);
		// A role set that the history does not explain.
		Agencies::<Test>::mutate(CQ_SAMR, |a| {
			a.as_mut().unwrap().roles.insert(Role::Court);
		});
		assert!(Consortium::do_try_state().is_err());
		Agencies::<Test>::mutate(CQ_SAMR, |a| {
			a.as_mut().unwrap().roles.remove(Role::Court);
		});
		assert_ok!(Consortium::do_try_state());
		// A council seat held by a stranger.
		Council::<Test>::put(BoundedVec::truncate_from(vec![10, 20, 999]));
		assert!(Consortium::do_try_state().is_err());
	});
}

#[test]
fn governance_dispatches_calls_as_root() {
	build_and_execute(|| {
		let call = Box::new(RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 7 }));
		assert_noop!(Consortium::govern(signed(10), call.clone()), BadOrigin);
		assert_ok!(Consortium::govern(root(), call));
		System::assert_last_event(Event::Governed { result: Ok(()) }.into());
		// A failing inner call is reported, not hidden.
		let bad = Box::new(RuntimeCall::Consortium(crate::Call::suspend_agency { agency: 99 }));
		assert_ok!(Consortium::govern(root(), bad));
		System::assert_last_event(
			Event::Governed { result: Err(Error::<Test>::UnknownAgency.into()) }.into(),
		);
	});
}

// --- Suspension, retirement and the sets handed to the session and the council ---

#[test]
fn suspending_an_agency_takes_its_validators_and_seats_out_until_reinstated() {
	build_and_execute(|| {
		// CQ_SAMR runs validator 100 and holds seats 10 and 11.
		assert_ok!(Consortium::add_council_member(root(), CQ_SAMR, 11));
		assert_eq!(council_seen(), vec![10, 11, 20]);
		assert_eq!(Consortium::new_session(1), None);

		assert_ok!(Consortium::suspend_agency(root(), CQ_SAMR));
		System::assert_has_event(Event::AgencySuspended { agency: CQ_SAMR }.into());
		System::assert_has_event(Event::ValidatorSuspended { agency: CQ_SAMR, validator: 100 }.into());
		System::assert_has_event(Event::CouncilSeatSuspended { agency: CQ_SAMR, member: 10 }.into());
		System::assert_has_event(Event::CouncilSeatSuspended { agency: CQ_SAMR, member: 11 }.into());
		// The session pallet gets the set without it; the collective loses its members.
		assert_eq!(Consortium::new_session(2), Some(vec![101]));
		assert_eq!(Consortium::new_session(3), None);
		assert_eq!(council_seen(), vec![20]);
		assert_eq!(Council::<Test>::get().into_inner(), vec![20]);
		// The seats stay the agency's: nobody else can take them meanwhile, and the seat
		// holder cannot be dropped as operator.
		assert_eq!(ValidatorOwner::<Test>::get(100), Some(CQ_SAMR));
		assert_noop!(Consortium::add_validator(root(), SC_SAMR, 100), Error::<Test>::AlreadyValidator);
		assert_noop!(Consortium::remove_operator(root(), CQ_SAMR, 11), Error::<Test>::HoldsCouncilSeat);
		// Nor can the suspended agency gain seats.
		set_keys(102);
		assert_noop!(Consortium::add_validator(root(), CQ_SAMR, 102), Error::<Test>::AgencySuspended);

		assert_ok!(Consortium::reinstate_agency(root(), CQ_SAMR));
		System::assert_has_event(Event::AgencyReinstated { agency: CQ_SAMR }.into());
		System::assert_has_event(Event::ValidatorReinstated { agency: CQ_SAMR, validator: 100 }.into());
		System::assert_has_event(Event::CouncilSeatReinstated { agency: CQ_SAMR, member: 10 }.into());
		System::assert_has_event(Event::CouncilSeatReinstated { agency: CQ_SAMR, member: 11 }.into());
		assert_eq!(Consortium::new_session(4), Some(vec![100, 101]));
		assert_eq!(council_seen(), vec![10, 11, 20]);
	});
}

#[test]
fn an_agency_without_seats_is_suspended_without_touching_the_sets() {
	build_and_execute(|| {
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_eq!(Consortium::new_session(1), None);
		assert_eq!(council_seen(), vec![10, 20]);
		assert_ok!(Consortium::reinstate_agency(root(), CQ_COURT));
		assert_eq!(Consortium::new_session(2), None);
	});
}

#[test]
fn a_suspended_agencys_seats_can_still_be_removed_by_governance() {
	build_and_execute(|| {
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		assert_ok!(Consortium::add_council_member(root(), CQ_COURT, 30));
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_eq!(council_seen(), vec![10, 20]);
		assert_ok!(Consortium::remove_validator(root(), 102));
		System::assert_last_event(Event::ValidatorRemoved { agency: CQ_COURT, validator: 102 }.into());
		assert_ok!(Consortium::remove_council_member(root(), 30));
		System::assert_last_event(Event::CouncilMemberRemoved { agency: CQ_COURT, member: 30 }.into());
		assert_eq!(council_seen(), vec![10, 20]);
		// Reinstated, it has nothing to bring back.
		assert_ok!(Consortium::reinstate_agency(root(), CQ_COURT));
		assert_eq!(Validators::<Test>::get().into_inner(), vec![100, 101]);
		assert_eq!(Council::<Test>::get().into_inner(), vec![10, 20]);
	});
}

#[test]
fn retiring_an_agency_removes_its_validators_and_seats_for_good() {
	build_and_execute(|| {
		assert_ok!(Consortium::retire_agency(root(), CQ_SAMR));
		System::assert_has_event(Event::AgencyRetired { agency: CQ_SAMR }.into());
		System::assert_has_event(Event::ValidatorRemoved { agency: CQ_SAMR, validator: 100 }.into());
		System::assert_has_event(Event::CouncilMemberRemoved { agency: CQ_SAMR, member: 10 }.into());
		assert_eq!(Consortium::new_session(1), Some(vec![101]));
		assert_eq!(council_seen(), vec![20]);
		assert_eq!(ValidatorOwner::<Test>::get(100), None);
		assert_eq!(AgencyCouncilSeats::<Test>::get(CQ_SAMR), None);
		// The account is free to be seated for another agency.
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 100));
	});
}

#[test]
fn retiring_a_suspended_agency_removes_its_kept_seats() {
	build_and_execute(|| {
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		assert_ok!(Consortium::add_council_member(root(), CQ_COURT, 30));
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_eq!(Consortium::new_session(1), Some(vec![100, 101]));
		assert_ok!(Consortium::retire_agency(root(), CQ_COURT));
		System::assert_has_event(Event::ValidatorRemoved { agency: CQ_COURT, validator: 102 }.into());
		System::assert_has_event(Event::CouncilMemberRemoved { agency: CQ_COURT, member: 30 }.into());
		assert_eq!(ValidatorOwner::<Test>::get(102), None);
		assert_eq!(CouncilSeatOwner::<Test>::get(30), None);
		// The active sets did not change: nothing new for the session.
		assert_eq!(Consortium::new_session(2), None);
		assert_eq!(council_seen(), vec![10, 20]);
	});
}

// --- Session keys and an authority set that never runs dry ---

#[test]
fn a_validator_needs_session_keys_to_be_seated() {
	build_and_execute(|| {
		assert_noop!(Consortium::add_validator(root(), CQ_COURT, 102), Error::<Test>::NoSessionKeys);
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		System::assert_last_event(Event::ValidatorAdded { agency: CQ_COURT, validator: 102 }.into());
	});
}

#[test]
fn no_change_may_leave_the_chain_without_a_keyed_validator() {
	build_and_execute(|| {
		// 101 purged its keys: 100 is the only validator that can author.
		purge_keys(101);
		assert_noop!(Consortium::remove_validator(root(), 100), Error::<Test>::LastValidator);
		assert_noop!(Consortium::suspend_agency(root(), CQ_SAMR), Error::<Test>::LastValidator);
		assert_noop!(Consortium::retire_agency(root(), CQ_SAMR), Error::<Test>::LastValidator);
		// The unkeyed one may go.
		assert_ok!(Consortium::remove_validator(root(), 101));
		// With a keyed validator beside it, 100 may go too.
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		assert_ok!(Consortium::suspend_agency(root(), CQ_SAMR));
		assert_eq!(Consortium::new_session(1), Some(vec![102]));
	});
}

#[test]
fn removing_a_suspended_agencys_validator_does_not_need_a_keyed_one_left() {
	build_and_execute(|| {
		assert_ok!(Consortium::suspend_agency(root(), SC_SAMR));
		purge_keys(100);
		// 101 is not in the active set: removing it leaves the set as it is.
		assert_ok!(Consortium::remove_validator(root(), 101));
		assert_noop!(Consortium::remove_validator(root(), 100), Error::<Test>::LastValidator);
	});
}

#[test]
fn the_session_never_gets_an_unkeyed_or_empty_set() {
	build_and_execute(|| {
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		for v in [100, 101, 102] {
			purge_keys(v);
		}
		// Nobody could author: keep the current authorities, and try again later.
		assert_eq!(Consortium::new_session(1), None);
		assert!(ValidatorsChanged::<Test>::get());
		set_keys(102);
		assert_eq!(Consortium::new_session(2), Some(vec![100, 101, 102]));
		assert!(!ValidatorsChanged::<Test>::get());
		// An empty set is never handed over.
		Validators::<Test>::kill();
		ValidatorsChanged::<Test>::put(true);
		assert_eq!(Consortium::new_session(3), None);
		assert_eq!(Consortium::new_session_genesis(0), None);
		// Restore the state the invariants expect.
		Validators::<Test>::put(BoundedVec::truncate_from(vec![100, 101, 102]));
	});
}

#[test]
fn no_change_may_leave_the_council_collective_empty() {
	build_and_execute(|| {
		// A keyed validator outside CQ_SAMR and SC_SAMR, so only the council matters.
		set_keys(102);
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		assert_ok!(Consortium::suspend_agency(root(), CQ_SAMR));
		assert_eq!(council_seen(), vec![20]);
		assert_noop!(Consortium::suspend_agency(root(), SC_SAMR), Error::<Test>::LastCouncilMember);
		assert_noop!(Consortium::retire_agency(root(), SC_SAMR), Error::<Test>::LastCouncilMember);
		assert_noop!(Consortium::remove_council_member(root(), 20), Error::<Test>::LastCouncilMember);
		// The suspended agency's kept seat is no member of the collective: it may go.
		assert_ok!(Consortium::remove_council_member(root(), 10));
		assert_eq!(council_seen(), vec![20]);
	});
}

// --- Caps per agency ---

#[test]
fn validators_and_seats_per_agency_are_capped() {
	build_and_execute(|| {
		for v in [102, 103, 104] {
			set_keys(v);
		}
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 102));
		assert_ok!(Consortium::add_validator(root(), CQ_COURT, 103));
		assert_noop!(Consortium::add_validator(root(), CQ_COURT, 104), Error::<Test>::TooManyValidators);
		// The whole set (4) is full too.
		let t = register(40, CHONGQING, &[]);
		assert_noop!(Consortium::add_validator(root(), t, 104), Error::<Test>::ValidatorSetFull);
		// A suspended agency's validators still count: reinstating it must fit.
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_noop!(Consortium::add_validator(root(), t, 104), Error::<Test>::ValidatorSetFull);
		assert_ok!(Consortium::reinstate_agency(root(), CQ_COURT));

		assert_ok!(Consortium::add_operator(signed(10), CQ_SAMR, 12));
		assert_ok!(Consortium::add_council_member(root(), CQ_SAMR, 11));
		assert_noop!(Consortium::add_council_member(root(), CQ_SAMR, 12), Error::<Test>::TooManySeats);
		// Council full (4), suspended seats included.
		assert_ok!(Consortium::add_council_member(root(), CQ_COURT, 30));
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_noop!(Consortium::add_council_member(root(), t, 40), Error::<Test>::TooManyCouncilMembers);
	});
}

// --- Wrong parties ---

#[test]
fn governance_only_calls_refuse_a_single_council_member_and_agency_admins() {
	build_and_execute(|| {
		set_keys(102);
		// 10 and 20 sit on the council and administer their agencies; 11 is an operator.
		for who in [10, 20, 11, 999] {
			let o = || signed(who);
			assert_noop!(
				Consortium::register_agency(o(), name("x"), CHONGQING, AgencyKind::Tax, roles(&[]), 40),
				BadOrigin
			);
			assert_noop!(Consortium::grant_role(o(), CQ_SAMR, Role::Court), BadOrigin);
			assert_noop!(Consortium::revoke_role(o(), CQ_SAMR, Role::MarketRegulator), BadOrigin);
			assert_noop!(Consortium::suspend_agency(o(), CQ_COURT), BadOrigin);
			assert_noop!(Consortium::reinstate_agency(o(), CQ_COURT), BadOrigin);
			assert_noop!(Consortium::retire_agency(o(), CQ_COURT), BadOrigin);
			assert_noop!(Consortium::set_admin(o(), CQ_SAMR, 11), BadOrigin);
			assert_noop!(Consortium::add_validator(o(), CQ_SAMR, 102), BadOrigin);
			assert_noop!(Consortium::remove_validator(o(), 101), BadOrigin);
			assert_noop!(Consortium::add_council_member(o(), CQ_SAMR, 11), BadOrigin);
			assert_noop!(Consortium::remove_council_member(o(), 20), BadOrigin);
			let call = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
			assert_noop!(Consortium::govern(o(), call), BadOrigin);
		}
	});
}

#[test]
fn an_agency_admin_manages_only_its_own_agencys_operators() {
	build_and_execute(|| {
		// Another agency's admin, either way.
		assert_noop!(Consortium::add_operator(signed(10), SC_SAMR, 21), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::add_operator(signed(20), CQ_SAMR, 12), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::remove_operator(signed(20), CQ_SAMR, 11), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::remove_operator(signed(30), CQ_SAMR, 11), Error::<Test>::NotAuthorized);
		// Its own agency, but someone else's operator: neither taken nor removed.
		assert_noop!(Consortium::add_operator(signed(10), CQ_SAMR, 20), Error::<Test>::AlreadyOperator);
		assert_noop!(Consortium::remove_operator(signed(10), CQ_SAMR, 20), Error::<Test>::NotOperator);
		// A plain operator and a stranger.
		assert_noop!(Consortium::add_operator(signed(11), CQ_SAMR, 12), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::add_operator(signed(999), CQ_SAMR, 12), Error::<Test>::NotAuthorized);
		assert_noop!(Consortium::remove_operator(signed(999), CQ_SAMR, 11), Error::<Test>::NotAuthorized);
		// A suspended agency's admin, adding or removing.
		assert_ok!(Consortium::suspend_agency(root(), CQ_COURT));
		assert_noop!(Consortium::add_operator(signed(30), CQ_COURT, 31), Error::<Test>::AgencySuspended);
		assert_ok!(Consortium::add_operator(root(), CQ_COURT, 31));
		assert_noop!(Consortium::remove_operator(signed(30), CQ_COURT, 31), Error::<Test>::AgencySuspended);
		// The right admin.
		assert_ok!(Consortium::add_operator(signed(20), SC_SAMR, 21));
		System::assert_last_event(Event::OperatorAdded { agency: SC_SAMR, account: 21 }.into());
		assert_ok!(Consortium::remove_operator(signed(20), SC_SAMR, 21));
		System::assert_last_event(Event::OperatorRemoved { agency: SC_SAMR, account: 21 }.into());
	});
}

// --- Runtime-API paging ---

#[test]
fn runtime_api_lists_are_paged_and_capped() {
	build_and_execute(|| {
		// Seven role changes; a page holds at most `MaxPageSize` (5).
		for _ in 0..3 {
			assert_ok!(Consortium::grant_role(root(), CQ_COURT, Role::Auditor));
			assert_ok!(Consortium::revoke_role(root(), CQ_COURT, Role::Auditor));
		}
		assert_eq!(Agencies::<Test>::get(CQ_COURT).unwrap().role_changes, 7);
		let first = Consortium::role_history(CQ_COURT, 0, 100);
		assert_eq!(first.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
		let rest = Consortium::role_history(CQ_COURT, 5, 100);
		assert_eq!(rest.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(), vec![5, 6]);

		// Operators page by position.
		assert_ok!(Consortium::add_operator(signed(10), CQ_SAMR, 12));
		assert_ok!(Consortium::add_operator(signed(10), CQ_SAMR, 13));
		let all = Consortium::operators_of(CQ_SAMR, 0, 100);
		assert_eq!(all.len(), 4);
		let mut paged = Consortium::operators_of(CQ_SAMR, 0, 3);
		assert_eq!(paged.len(), 3);
		paged.extend(Consortium::operators_of(CQ_SAMR, 3, 3));
		assert_eq!(paged, all);
		assert!(Consortium::operators_of(CQ_SAMR, 4, 3).is_empty());
		let mut sorted = all.clone();
		sorted.sort();
		assert_eq!(sorted, vec![10, 11, 12, 13]);
	});
}

#[test]
fn try_state_catches_broken_seat_records() {
	new_test_ext().execute_with(|| {
		// A suspended agency's validator still handed to the session.
		Agencies::<Test>::mutate(CQ_SAMR, |a| a.as_mut().unwrap().status = AgencyStatus::Suspended);
		assert!(Consortium::do_try_state().is_err());
		Agencies::<Test>::mutate(CQ_SAMR, |a| a.as_mut().unwrap().status = AgencyStatus::Active);
		assert_ok!(Consortium::do_try_state());
		// A validator in the set that no agency runs.
		Validators::<Test>::put(BoundedVec::truncate_from(vec![100, 101, 102]));
		assert!(Consortium::do_try_state().is_err());
		Validators::<Test>::put(BoundedVec::truncate_from(vec![100, 101]));
		// An agency's seat list that names a seat owned elsewhere.
		AgencyCouncilSeats::<Test>::insert(CQ_COURT, BoundedVec::truncate_from(vec![20]));
		assert!(Consortium::do_try_state().is_err());
		AgencyCouncilSeats::<Test>::remove(CQ_COURT);
		assert_ok!(Consortium::do_try_state());
	});
}
