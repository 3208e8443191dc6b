//! Unit tests: every call with its successes and each of its errors; every test
//! also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::{HolderRef, Uscc};
use sp_runtime::{traits::BadOrigin, DispatchResult};

const AUTHOR: u64 = 100;
const BUYER: u64 = 200;
const SONG: DocumentHash = [1; 32];

fn person(n: u8) -> HolderOf<Test> {
	HolderRef::Person([n; 32])
}

fn title(s: &str) -> TitleOf<Test> {
	s.as_bytes().to_vec().try_into().expect("fits")
}

fn authors(a: &[HolderOf<Test>]) -> AuthorsOf<Test> {
	a.to_vec().try_into().expect("fits")
}

fn deposit_as(who: u64, content: DocumentHash, holder: HolderOf<Test>) -> DispatchResult {
	Copyright::deposit(
		RuntimeOrigin::signed(who),
		content,
		title("Mountain City Nights"),
		Category::Music,
		Nature::Original,
		authors(&[person(1)]),
		holder,
		T0 - 86_400,
		Some(Publication { date: T0 - 3_600, place: RegionCode::new(500000).unwrap() }),
	)
}

fn deposit_song() {
	assert_ok!(deposit_as(AUTHOR, SONG, person(1)));
}

fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

fn work() -> WorkOf<Test> {
	Works::<Test>::get(SONG).expect("deposited")
}

fn grant(who: u64, exclusive: bool, rights: u16, territory: Option<u32>, from: u64, until: u64) -> DispatchResult {
	Copyright::grant_licence(
		RuntimeOrigin::signed(who),
		SONG,
		person(9),
		exclusive,
		Rights(rights),
		territory,
		from,
		until,
		[7; 32],
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

#[test]
fn first_deposit_wins_with_a_trusted_time() {
	build_and_execute(|| {
		System::set_extrinsic_index(3);
		deposit_song();
		System::assert_last_event(Event::WorkDeposited { content: SONG, holder: person(1), depositor: AUTHOR, time: T0 }.into());
		let w = work();
		assert_eq!((w.depositor, w.controller, w.holder.clone()), (AUTHOR, AUTHOR, person(1)));
		assert_eq!((w.deposited.block, w.deposited.extrinsic_index, w.deposited.time), (1, 3, T0));
		assert_eq!(w.deposited.parent_hash, System::parent_hash());
		assert_eq!(w.registration, Registration::Unreviewed);
		// Anyone verifies by hash; a second deposit of the same hash is refused.
		assert_noop!(deposit_as(BUYER, SONG, person(2)), Error::<Test>::AlreadyDeposited);
		assert_eq!(Copyright::work(&SONG).unwrap().holder, person(1));
		assert_eq!(Copyright::works_of(&person(1), 0, 10), vec![SONG]);
		assert!(Copyright::work(&[9; 32]).is_none());
	});
}

#[test]
fn deposit_refuses_bad_input() {
	build_and_execute(|| {
		let d = |t: TitleOf<Test>, a: AuthorsOf<Test>, holder, publication| {
			Copyright::deposit(RuntimeOrigin::signed(AUTHOR), SONG, t, Category::Text, Nature::Translation, a, holder, T0, publication)
		};
		assert_noop!(d(title(""), authors(&[person(1)]), person(1), None), Error::<Test>::EmptyTitle);
		assert_noop!(d(title("t"), authors(&[]), person(1), None), Error::<Test>::NoAuthors);
		let unregistered = HolderRef::Enterprise(enterprise_code(7));
		assert_noop!(d(title("t"), authors(&[person(1)]), unregistered, None), Error::<Test>::UnknownEnterprise);
		assert_noop!(
			d(title("t"), authors(&[HolderRef::Enterprise(Uscc([b'I'; 18]))]), person(1), None),
			Error::<Test>::MalformedUscc
		);
		let bad_place = Some(Publication { date: T0, place: codec::Decode::decode(&mut &12u32.encode()[..]).unwrap() });
		assert_noop!(d(title("t"), authors(&[person(1)]), person(1), bad_place), Error::<Test>::MalformedRegion);
		assert_noop!(
			Copyright::deposit(RuntimeOrigin::none(), SONG, title("t"), Category::Text, Nature::Original, authors(&[person(1)]), person(1), T0, None),
			BadOrigin
		);
		// A registered enterprise may hold the work.
		assert_ok!(d(title("t"), authors(&[person(1)]), HolderRef::Enterprise(enterprise_code(1)), None));
	});
}

use codec::Encode;

#[test]
fn batch_deposit_is_all_or_nothing() {
	build_and_execute(|| {
		let item = |n: u8| Deposit {
			content: [n; 32],
			title: title("archived work"),
			category: Category::FineArt,
			nature: Nature::Original,
			authors: authors(&[person(n)]),
			holder: person(n),
			completed: T0,
			publication: None,
		};
		assert_ok!(Copyright::deposit_batch(RuntimeOrigin::signed(AUTHOR), vec![item(10), item(11), item(12)].try_into().unwrap()));
		assert_eq!(Works::<Test>::iter().count(), 3);
		assert_noop!(
			Copyright::deposit_batch(RuntimeOrigin::signed(AUTHOR), vec![item(20), item(20)].try_into().unwrap()),
			Error::<Test>::DuplicateInBatch
		);
		assert_noop!(
			Copyright::deposit_batch(RuntimeOrigin::signed(AUTHOR), vec![item(21), item(10)].try_into().unwrap()),
			Error::<Test>::AlreadyDeposited
		);
		assert_noop!(Copyright::deposit_batch(RuntimeOrigin::signed(AUTHOR), BoundedVec::new()), Error::<Test>::EmptyBatch);
	});
}

#[test]
fn registration_by_the_office() {
	build_and_execute(|| {
		deposit_song();
		assert_noop!(Copyright::register(op(BANK), SONG), Error::<Test>::NotOffice);
		assert_noop!(Copyright::register(op(OFFICE), [9; 32]), Error::<Test>::UnknownWork);
		assert_noop!(Copyright::register(RuntimeOrigin::signed(AUTHOR), SONG), BadOrigin);
		assert_ok!(Copyright::register(op(OFFICE), SONG));
		System::assert_last_event(Event::WorkRegistered { content: SONG, number: 0, office: OFFICE }.into());
		assert_eq!(work().registration, Registration::Registered { number: 0, office: OFFICE });
		assert_noop!(Copyright::register(op(OFFICE), SONG), Error::<Test>::AlreadyDecided);
		assert_noop!(Copyright::decline(op(OFFICE), SONG, 3), Error::<Test>::AlreadyDecided);

		assert_ok!(deposit_as(AUTHOR, [2; 32], person(1)));
		assert_ok!(Copyright::decline(op(OFFICE), [2; 32], 3));
		System::assert_last_event(Event::RegistrationDeclined { content: [2; 32], office: OFFICE, reason: 3 }.into());
		assert_noop!(Copyright::decline(op(BANK), SONG, 3), Error::<Test>::NotOffice);
	});
}

#[test]
fn transfers_by_the_controller() {
	build_and_execute(|| {
		deposit_song();
		let t = |who, to, rights| Copyright::transfer(RuntimeOrigin::signed(who), SONG, to, BUYER, Rights(rights), [5; 32]);
		assert_noop!(t(BUYER, person(2), Rights::ALL.0), Error::<Test>::NotController);
		assert_noop!(t(AUTHOR, person(2), 0), Error::<Test>::InvalidRights);
		assert_noop!(t(AUTHOR, person(2), 1 << 14), Error::<Test>::InvalidRights);
		assert_noop!(t(AUTHOR, person(1), Rights::ALL.0), Error::<Test>::SameHolder);
		assert_noop!(t(AUTHOR, HolderRef::Enterprise(enterprise_code(8)), Rights::ALL.0), Error::<Test>::UnknownEnterprise);
		assert_noop!(
			Copyright::transfer(RuntimeOrigin::signed(AUTHOR), [9; 32], person(2), BUYER, Rights::ALL, [5; 32]),
			Error::<Test>::UnknownWork
		);
		// Listed rights: recorded, the holder keeps the rest.
		assert_ok!(t(AUTHOR, person(3), 0b11));
		assert_eq!((work().holder, work().controller), (person(1), AUTHOR));
		// All rights: the holder and controller change.
		assert_ok!(t(AUTHOR, HolderRef::Enterprise(enterprise_code(2)), Rights::ALL.0));
		System::assert_last_event(
			Event::RightsTransferred { content: SONG, from: person(1), to: HolderRef::Enterprise(enterprise_code(2)), rights: Rights::ALL }.into(),
		);
		assert_eq!((work().holder, work().controller), (HolderRef::Enterprise(enterprise_code(2)), BUYER));
		assert!(Copyright::works_of(&person(1), 0, 10).is_empty());
		assert_noop!(t(AUTHOR, person(4), Rights::ALL.0), Error::<Test>::NotController);
	});
}

#[test]
fn exclusive_licences_block_overlapping_grants() {
	build_and_execute(|| {
		deposit_song();
		const NET: u16 = 1 << 7; // information-network dissemination
		const BROADCAST: u16 = 1 << 6;
		assert_noop!(grant(BUYER, false, NET, None, T0, T0 + 10), Error::<Test>::NotController);
		assert_noop!(grant(AUTHOR, false, NET, None, T0, T0), Error::<Test>::InvalidTerm);
		assert_noop!(grant(AUTHOR, false, 0, None, T0, T0 + 1), Error::<Test>::InvalidRights);
		assert_noop!(grant(AUTHOR, false, NET, Some(12), T0, T0 + 1), Error::<Test>::MalformedRegion);
		// Exclusive network rights in Chongqing for 100 s.
		assert_ok!(grant(AUTHOR, true, NET, Some(500000), T0, T0 + 100));
		System::assert_last_event(Event::LicenceGranted { content: SONG, grant: 0, licensee: person(9), exclusive: true }.into());
		// Same right, overlapping place and time: refused, exclusive or not.
		assert_noop!(grant(AUTHOR, true, NET, Some(500103), T0 + 50, T0 + 150), Error::<Test>::OverlappingExclusive);
		assert_noop!(grant(AUTHOR, false, NET, None, T0 + 99, T0 + 200), Error::<Test>::OverlappingExclusive);
		// Another right, another place or a later term is fine.
		assert_ok!(grant(AUTHOR, true, BROADCAST, Some(500000), T0, T0 + 100));
		assert_ok!(grant(AUTHOR, true, NET, Some(510000), T0, T0 + 100));
		assert_eq!(Copyright::grants_of(&SONG).len(), 3);
		assert_noop!(grant(AUTHOR, false, NET, Some(500000), T0 + 100, T0 + 200), Error::<Test>::TooManyGrants);
	});
}

#[test]
fn a_court_freezes_and_rules() {
	build_and_execute(|| {
		deposit_song();
		assert_noop!(Copyright::freeze(op(OFFICE), SONG, [4; 32]), Error::<Test>::NotCourt);
		assert_noop!(Copyright::unfreeze(op(COURT), SONG, [4; 32]), Error::<Test>::NotFrozen);
		assert_noop!(Copyright::rule_transfer(op(COURT), SONG, person(2), BUYER, [4; 32]), Error::<Test>::NotFrozen);
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		System::assert_last_event(Event::WorkFrozen { content: SONG, court: COURT, case: [4; 32] }.into());
		assert_noop!(Copyright::freeze(op(OTHER_COURT), SONG, [4; 32]), Error::<Test>::Frozen);
		// Frozen: no transfer, no licence.
		assert_noop!(
			Copyright::transfer(RuntimeOrigin::signed(AUTHOR), SONG, person(2), BUYER, Rights::ALL, [5; 32]),
			Error::<Test>::Frozen
		);
		assert_noop!(grant(AUTHOR, false, 1, None, T0, T0 + 1), Error::<Test>::Frozen);
		assert_ok!(Copyright::attach_evidence(op(COURT), SONG, [6; 32]));
		assert_noop!(Copyright::attach_evidence(op(BANK), SONG, [6; 32]), Error::<Test>::NotCourt);
		// Only the freezing court rules and unfreezes.
		assert_noop!(Copyright::rule_transfer(op(OTHER_COURT), SONG, person(2), BUYER, [8; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::rule_transfer(op(COURT), SONG, person(1), BUYER, [8; 32]), Error::<Test>::SameHolder);
		assert_ok!(Copyright::rule_transfer(op(COURT), SONG, person(2), BUYER, [8; 32]));
		System::assert_last_event(Event::RulingTransferred { content: SONG, court: COURT, from: person(1), to: person(2) }.into());
		assert_eq!((work().holder, work().controller), (person(2), BUYER));
		assert_noop!(Copyright::unfreeze(op(OTHER_COURT), SONG, [8; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::unfreeze(op(OFFICE), SONG, [8; 32]), Error::<Test>::NotCourt);
		assert_ok!(Copyright::unfreeze(op(COURT), SONG, [8; 32]));
		assert!(work().frozen.is_none());
		assert_ok!(Copyright::transfer(RuntimeOrigin::signed(BUYER), SONG, person(3), AUTHOR, Rights::ALL, [5; 32]));
	});
}

#[test]
fn evidence_lists_every_event_in_order_with_its_anchor() {
	build_and_execute(|| {
		deposit_song();
		System::set_block_number(2);
		System::set_extrinsic_index(1);
		set_now(T0 + 3);
		assert_ok!(Copyright::register(op(OFFICE), SONG));
		System::set_block_number(3);
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		let e = Copyright::evidence(&SONG).unwrap();
		assert_eq!(e.content, SONG);
		let actions: Vec<_> = e.history.iter().map(|h| (h.action.clone(), h.by, h.agency, h.anchor.block)).collect();
		assert_eq!(
			actions,
			vec![
				(WorkAction::Deposited, AUTHOR, None, 1),
				(WorkAction::Registered { number: 0 }, 10, Some(OFFICE), 2),
				(WorkAction::Frozen { case: [4; 32] }, 20, Some(COURT), 3),
			]
		);
		assert_eq!((e.history[1].anchor.extrinsic_index, e.history[1].anchor.time), (1, T0 + 3));
		assert!(Copyright::evidence(&[9; 32]).is_none());
	});
}

#[test]
fn try_state_catches_broken_state() {
	new_test_ext().execute_with(|| {
		deposit_song();
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		assert_ok!(Copyright::do_try_state());
		// The holder changed while frozen without a ruling.
		Works::<Test>::mutate(SONG, |w| w.as_mut().unwrap().holder = person(5));
		assert!(Copyright::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		deposit_song();
		// A transfer of all rights recorded while frozen.
		let mut w = work();
		Copyright::push_event(SONG, &mut w, WorkAction::Frozen { case: [0; 32] }, 1, None).unwrap();
		Copyright::push_event(SONG, &mut w, WorkAction::Transferred { from: person(1), to: person(2), rights: Rights::ALL, contract: [0; 32] }, 1, None).unwrap();
		w.holder = person(2);
		w.frozen = Some(Freeze { court: COURT, case: [0; 32] });
		HolderWorks::<Test>::remove(person(1), SONG);
		HolderWorks::<Test>::insert(person(2), SONG, ());
		Works::<Test>::insert(SONG, w);
		assert!(Copyright::do_try_state().is_err());
	});
}

#[test]
fn oversize_fields_do_not_decode_into_a_call() {
	use codec::Decode;
	// The deposit call's arguments with plain vectors, as a front-end could send them.
	let encoded = |title_len: usize, authors: usize| {
		(
			1u8, // pallet index of Copyright in the mock
			0u8, // call index of `deposit`
			SONG,
			vec![b't'; title_len],
			Category::Music,
			Nature::Original,
			vec![person(1); authors],
			person(1),
			T0,
			None::<Publication>,
		)
			.encode()
	};
	assert!(RuntimeCall::decode(&mut &encoded(64, 4)[..]).is_ok());
	assert!(RuntimeCall::decode(&mut &encoded(65, 4)[..]).is_err());
	assert!(RuntimeCall::decode(&mut &encoded(64, 5)[..]).is_err());
}
