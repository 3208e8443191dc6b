//! Unit tests: every call with its successes and each of its errors, and every wrong
//! party of every call; every test also checks the invariants (`build_and_execute`).

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, BoundedVec};
use govchain_primitives::{HolderRef, Uscc};
use sp_runtime::{traits::BadOrigin, DispatchResult};

const AUTHOR: u64 = 100;
const BUYER: u64 = 200;
const THIEF: u64 = 300;
const STRANGER: u64 = 400;
const SONG: DocumentHash = [1; 32];
const SALT: Salt = [42; 32];
const ALL: u16 = Rights::ALL.0;

fn person(n: u8) -> HolderOf<Test> {
	HolderRef::Person([n; 32])
}

fn acc(who: u64) -> HolderOf<Test> {
	HolderRef::Account(who)
}

/// Registered test enterprise `seq`, acting through account `500 + seq`.
fn ent(seq: u8) -> HolderOf<Test> {
	HolderRef::Enterprise(enterprise_code(seq))
}

fn title(s: &str) -> TitleOf<Test> {
	s.as_bytes().to_vec().try_into().expect("fits")
}

fn authors(a: &[HolderOf<Test>]) -> AuthorsOf<Test> {
	a.to_vec().try_into().expect("fits")
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn next_block() {
	System::set_block_number(System::block_number() + 1);
}

/// Moves past any contest period opened so far.
fn past_contest() {
	System::set_block_number(System::block_number() + 10);
}

fn commit_to(who: u64, contents: &[DocumentHash]) {
	assert_ok!(Copyright::commit(signed(who), Copyright::commitment_of(contents, &who, &SALT)));
}

/// `who`'s `deposit` of `content`, with its weight after dispatch.
fn deposit_call(
	who: u64,
	content: DocumentHash,
	holder: HolderOf<Test>,
	region: u32,
	salt: Salt,
) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Copyright::deposit(
		signed(who),
		content,
		title("Mountain City Nights"),
		Category::Music,
		Nature::Original,
		authors(&[person(1)]),
		holder,
		region,
		T0 - 86_400,
		Some(Publication { date: T0 - 3_600, place: RegionCode::new(CHONGQING).unwrap() }),
		salt,
	)
}

fn reveal_with(who: u64, content: DocumentHash, holder: HolderOf<Test>, region: u32, salt: Salt) -> DispatchResult {
	deposit_call(who, content, holder, region, salt).map(|_| ()).map_err(|e| e.error)
}

/// [`reveal`]'s weight after dispatch (`None`: all that was declared).
fn reveal_weight(who: u64, content: DocumentHash, holder: HolderOf<Test>) -> Option<frame_support::weights::Weight> {
	deposit_call(who, content, holder, YUZHONG, SALT).expect("deposited").actual_weight
}

/// Reveals `who`'s commitment to `content` (Yuzhong district).
fn reveal(who: u64, content: DocumentHash, holder: HolderOf<Test>) -> DispatchResult {
	reveal_with(who, content, holder, YUZHONG, SALT)
}

/// Commits, moves to the next block, and deposits in `region`.
fn deposit_in(who: u64, content: DocumentHash, holder: HolderOf<Test>, region: u32) -> DispatchResult {
	commit_to(who, &[content]);
	next_block();
	reveal_with(who, content, holder, region, SALT)
}

/// Commits, moves to the next block, and deposits (Yuzhong district).
fn deposit_as(who: u64, content: DocumentHash, holder: HolderOf<Test>) -> DispatchResult {
	deposit_in(who, content, holder, YUZHONG)
}

/// The author deposits the song for person 1 (committed in block 1, revealed in 2).
fn deposit_song() {
	assert_ok!(deposit_as(AUTHOR, SONG, person(1)));
}

/// The song, registered by the Chongqing office: person 1 holds it, the author controls it.
fn registered_song() {
	deposit_song();
	assert_ok!(Copyright::register(op(OFFICE), SONG));
}

fn work() -> WorkOf<Test> {
	work_of(SONG)
}

fn work_of(content: DocumentHash) -> WorkOf<Test> {
	Works::<Test>::get(content).expect("deposited")
}

fn last_entry(content: DocumentHash) -> WorkEventOf<Test> {
	History::<Test>::get(content, work_of(content).events - 1).expect("has history")
}

fn transfer(who: u64, content: DocumentHash, to: HolderOf<Test>, new_controller: u64, rights: u16) -> DispatchResult {
	Copyright::transfer(signed(who), content, to, new_controller, Rights(rights), [5; 32])
}

fn accept(who: u64, content: DocumentHash) -> DispatchResult {
	Copyright::accept_holding(signed(who), content)
}

fn refuse(who: u64, content: DocumentHash) -> DispatchResult {
	Copyright::refuse_holding(signed(who), content)
}

#[allow(clippy::too_many_arguments)]
fn grant_on(
	who: u64,
	content: DocumentHash,
	exclusive: bool,
	rights: u16,
	territory: Option<u32>,
	from: u64,
	until: u64,
) -> DispatchResult {
	Copyright::grant_licence(signed(who), content, person(9), exclusive, Rights(rights), territory, from, until, [7; 32])
		.map(|_| ())
		.map_err(|e| e.error)
}

fn grant(who: u64, exclusive: bool, rights: u16, territory: Option<u32>, from: u64, until: u64) -> DispatchResult {
	grant_on(who, SONG, exclusive, rights, territory, from, until)
}

// ---- commit and reveal ----------------------------------------------------------

#[test]
fn first_deposit_wins_with_a_trusted_time() {
	build_and_execute(|| {
		commit_to(AUTHOR, &[SONG]);
		next_block();
		System::set_extrinsic_index(3);
		assert_ok!(reveal(AUTHOR, SONG, person(1)));
		System::assert_last_event(
			Event::WorkDeposited { content: SONG, holder: person(1), depositor: AUTHOR, time: T0 }.into(),
		);
		let w = work();
		assert_eq!((w.depositor, w.controller, w.holder.clone()), (AUTHOR, None, person(1)));
		assert_eq!((w.deposited.block, w.deposited.extrinsic_index, w.deposited.time), (2, 3, T0));
		assert_eq!((w.committed, w.contest_ends, w.region.get()), (1, 12, YUZHONG));
		assert_eq!(w.deposited.parent_hash, System::parent_hash());
		assert_eq!(w.registration, Registration::Unreviewed);
		// The commitment is used up.
		assert!(Commitments::<Test>::get(AUTHOR).is_empty());
		assert_noop!(reveal(AUTHOR, [2; 32], person(1)), Error::<Test>::UnknownCommitment);
		// Someone who saw the hash commits after the author did: refused.
		commit_to(BUYER, &[SONG]);
		next_block();
		assert_noop!(reveal(BUYER, SONG, person(2)), Error::<Test>::AlreadyDeposited);
		// Anyone verifies by hash.
		assert_eq!(Copyright::work(&SONG).unwrap().holder, person(1));
		assert_eq!(Copyright::works_of(&person(1), 0, 10), vec![SONG]);
		assert!(Copyright::work(&[9; 32]).is_none());
	});
}

#[test]
fn the_commitment_is_the_documented_concatenation() {
	new_test_ext().execute_with(|| {
		let mut data = SONG.to_vec();
		data.extend(AUTHOR.encode());
		data.extend(SALT);
		assert_eq!(Copyright::commitment_of(&[SONG], &AUTHOR, &SALT), sp_io::hashing::blake2_256(&data));
		// A batch: the items' hashes in order, then account and salt.
		let mut data = [2u8; 32].to_vec();
		data.extend([3u8; 32]);
		data.extend(AUTHOR.encode());
		data.extend(SALT);
		assert_eq!(Copyright::commitment_of(&[[2; 32], [3; 32]], &AUTHOR, &SALT), sp_io::hashing::blake2_256(&data));
		let c = Copyright::commitment_of(&[SONG], &AUTHOR, &SALT);
		assert_ne!(c, Copyright::commitment_of(&[SONG], &BUYER, &SALT));
		assert_ne!(c, Copyright::commitment_of(&[SONG], &AUTHOR, &[0; 32]));
		assert_ne!(
			Copyright::commitment_of(&[[2; 32], [3; 32]], &AUTHOR, &SALT),
			Copyright::commitment_of(&[[3; 32], [2; 32]], &AUTHOR, &SALT)
		);
	});
}

#[test]
fn a_reveal_needs_the_signers_own_earlier_live_commitment() {
	build_and_execute(|| {
		assert_noop!(reveal(AUTHOR, SONG, person(1)), Error::<Test>::UnknownCommitment);
		commit_to(AUTHOR, &[SONG]);
		System::assert_last_event(
			Event::Committed { who: AUTHOR, commitment: Copyright::commitment_of(&[SONG], &AUTHOR, &SALT) }.into(),
		);
		// Same block: a mempool observer could otherwise commit and reveal at once.
		assert_noop!(reveal(AUTHOR, SONG, person(1)), Error::<Test>::CommitmentTooRecent);
		next_block();
		// The commitment binds the account: nobody else reveals it.
		assert_noop!(reveal(THIEF, SONG, person(1)), Error::<Test>::UnknownCommitment);
		// Another salt or hash does not match.
		assert_noop!(reveal_with(AUTHOR, SONG, person(1), YUZHONG, [0; 32]), Error::<Test>::UnknownCommitment);
		assert_noop!(reveal(AUTHOR, [2; 32], person(1)), Error::<Test>::UnknownCommitment);
		// Expired after `CommitLifetime` (20) blocks.
		System::set_block_number(21);
		assert_noop!(reveal(AUTHOR, SONG, person(1)), Error::<Test>::CommitmentExpired);
		System::set_block_number(20);
		assert_ok!(reveal(AUTHOR, SONG, person(1)));
		assert_eq!(work().committed, 1);
	});
}

#[test]
fn commitments_are_bounded_expire_and_can_be_removed() {
	build_and_execute(|| {
		let c = |n: u8| [n; 32];
		let commit = |who: u64, n: u8| Copyright::commit(signed(who), c(n));
		let remove = |who: u64, owner: u64, n: u8| Copyright::remove_commitment(signed(who), owner, c(n));
		assert_ok!(commit(AUTHOR, 1));
		assert_eq!(Copyright::commitment(&AUTHOR, &c(1)), Some(1));
		assert_noop!(commit(AUTHOR, 1), Error::<Test>::DuplicateCommitment);
		assert_ok!(commit(AUTHOR, 2));
		assert_ok!(commit(AUTHOR, 3));
		assert_noop!(commit(AUTHOR, 4), Error::<Test>::TooManyCommits);
		assert_ok!(commit(BUYER, 4));
		assert_noop!(Copyright::commit(RuntimeOrigin::none(), c(5)), BadOrigin);
		// Only the owner removes a live commitment: not a stranger, not an agency.
		assert_noop!(remove(STRANGER, AUTHOR, 1), Error::<Test>::CommitmentLive);
		assert_noop!(remove(BUYER, AUTHOR, 1), Error::<Test>::CommitmentLive);
		assert_noop!(remove(operator_of(OFFICE), AUTHOR, 1), Error::<Test>::CommitmentLive);
		assert_noop!(remove(AUTHOR, AUTHOR, 9), Error::<Test>::UnknownCommitment);
		assert_ok!(remove(AUTHOR, AUTHOR, 1));
		System::assert_last_event(Event::CommitmentRemoved { who: AUTHOR, commitment: c(1), by: AUTHOR }.into());
		assert_eq!(Copyright::commitment(&AUTHOR, &c(1)), None);
		// Once expired, anyone removes one; a new commitment drops the expired ones.
		System::set_block_number(21);
		assert_ok!(remove(STRANGER, AUTHOR, 2));
		System::assert_last_event(Event::CommitmentRemoved { who: AUTHOR, commitment: c(2), by: STRANGER }.into());
		assert_ok!(commit(AUTHOR, 5));
		let pending: Vec<_> = Commitments::<Test>::get(AUTHOR).into_iter().map(|p| (p.commitment, p.block)).collect();
		assert_eq!(pending, vec![(c(5), 21)]);
		// The last one removed leaves no entry.
		assert_ok!(remove(BUYER, BUYER, 4));
		assert!(!Commitments::<Test>::contains_key(BUYER));
	});
}

#[test]
fn a_deposit_superseding_nothing_is_refunded_to_a_new_works_cost() {
	build_and_execute(|| {
		commit_to(AUTHOR, &[SONG]);
		next_block();
		commit_to(THIEF, &[SONG]);
		next_block();
		// A new work: charged the benchmark of a deposit that releases nobody's deposit.
		assert_eq!(reveal_weight(THIEF, SONG, acc(THIEF)), Some(<() as WeightInfo>::deposit_new(1)));
		// Superseding the front-runner: the full (worst-case) weight.
		assert_eq!(reveal_weight(AUTHOR, SONG, person(1)), None);
		assert_eq!(work().depositor, AUTHOR);
		assert!(<() as WeightInfo>::deposit_new(1).ref_time() < <() as WeightInfo>::deposit(1).ref_time());
	});
}

#[test]
fn a_front_runner_who_copies_a_revealed_hash_loses() {
	build_and_execute(|| {
		// Block 1: the author commits. Block 2: the author's reveal waits in the pool;
		// the thief copies its hash and commits.
		commit_to(AUTHOR, &[SONG]);
		next_block();
		commit_to(THIEF, &[SONG]);
		next_block();
		// Block 3: the thief's reveal lands first, naming itself.
		assert_ok!(reveal(THIEF, SONG, acc(THIEF)));
		assert_eq!((work().depositor, work().controller), (THIEF, Some(THIEF)));
		// While contestable, it can neither sell nor license the work.
		assert_noop!(transfer(THIEF, SONG, person(2), THIEF, ALL), Error::<Test>::UnderContest);
		assert_noop!(grant(THIEF, false, 1, None, T0, T0 + 1), Error::<Test>::UnderContest);
		// The author's earlier commitment takes the work.
		System::set_extrinsic_index(2);
		assert_ok!(reveal(AUTHOR, SONG, person(1)));
		System::assert_last_event(
			Event::DepositSuperseded { content: SONG, previous: THIEF, depositor: AUTHOR, holder: person(1), time: T0 }
				.into(),
		);
		let w = work();
		assert_eq!((w.depositor, w.holder.clone(), w.controller, w.committed), (AUTHOR, person(1), None, 1));
		assert_eq!((w.deposited.block, w.deposited.extrinsic_index), (3, 2));
		assert!(Copyright::works_of(&acc(THIEF), 0, 5).is_empty());
		assert_eq!(Copyright::works_of(&person(1), 0, 5), vec![SONG]);
		// The history keeps both.
		let e = Copyright::evidence(&SONG, 0, 5).unwrap();
		let entries: Vec<_> = e.history.iter().map(|h| (h.action.clone(), h.by)).collect();
		assert_eq!(
			entries,
			vec![
				(WorkAction::Deposited, Some(THIEF)),
				(WorkAction::Superseded { previous: THIEF, holder: person(1) }, Some(AUTHOR)),
			]
		);
		// A fresh commitment of the thief's is later still.
		commit_to(THIEF, &[SONG]);
		next_block();
		assert_noop!(reveal(THIEF, SONG, acc(THIEF)), Error::<Test>::AlreadyDeposited);
	});
}

#[test]
fn the_contest_ends_with_its_period_registration_or_a_freeze() {
	build_and_execute(|| {
		let (a, b, c) = ([2; 32], [3; 32], [4; 32]);
		for x in [a, b, c] {
			commit_to(AUTHOR, &[x]);
		}
		next_block();
		commit_to(THIEF, &[a]);
		commit_to(THIEF, &[b]);
		commit_to(THIEF, &[c]);
		commit_to(BUYER, &[a]);
		next_block();
		// Block 3: the thief deposits all three first (contestable until block 13).
		for x in [a, b, c] {
			assert_ok!(reveal(THIEF, x, acc(THIEF)));
		}
		assert_eq!(work_of(a).contest_ends, 13);
		// The same commitment block is not earlier: the first deposit stays.
		assert_noop!(reveal(BUYER, a, acc(BUYER)), Error::<Test>::AlreadyDeposited);
		// Registration and a freeze end the contest.
		assert_ok!(Copyright::register(op(OFFICE), b));
		assert_ok!(Copyright::freeze(op(COURT), c, [4; 32]));
		next_block();
		assert_noop!(reveal(AUTHOR, b, person(1)), Error::<Test>::AlreadyDeposited);
		assert_noop!(reveal(AUTHOR, c, person(1)), Error::<Test>::AlreadyDeposited);
		// So does the period's end.
		System::set_block_number(13);
		assert_noop!(reveal(AUTHOR, a, person(1)), Error::<Test>::AlreadyDeposited);
		System::set_block_number(12);
		assert_ok!(reveal(AUTHOR, a, person(1)));
		assert_eq!(work_of(a).depositor, AUTHOR);
	});
}

#[test]
fn deposit_refuses_bad_input() {
	build_and_execute(|| {
		commit_to(AUTHOR, &[SONG]);
		next_block();
		let d = |t: TitleOf<Test>, a: AuthorsOf<Test>, holder, region, publication| {
			Copyright::deposit(signed(AUTHOR), SONG, t, Category::Text, Nature::Translation, a, holder, region, T0, publication, SALT)
		};
		assert_noop!(d(title(""), authors(&[person(1)]), person(1), YUZHONG, None), Error::<Test>::EmptyTitle);
		assert_noop!(d(title("t"), authors(&[]), person(1), YUZHONG, None), Error::<Test>::NoAuthors);
		let unregistered = HolderRef::Enterprise(enterprise_code(7));
		assert_noop!(d(title("t"), authors(&[person(1)]), unregistered, YUZHONG, None), Error::<Test>::UnknownEnterprise);
		assert_noop!(
			d(title("t"), authors(&[HolderRef::Enterprise(Uscc([b'I'; 18]))]), person(1), YUZHONG, None),
			Error::<Test>::MalformedUscc
		);
		let bad_place = Some(Publication { date: T0, place: codec::Decode::decode(&mut &12u32.encode()[..]).unwrap() });
		assert_noop!(d(title("t"), authors(&[person(1)]), person(1), YUZHONG, bad_place), Error::<Test>::MalformedRegion);
		assert_noop!(d(title("t"), authors(&[person(1)]), person(1), 12, None), Error::<Test>::MalformedRegion);
		assert_noop!(d(title("t"), authors(&[person(1)]), person(1), 990000, None), Error::<Test>::MalformedRegion);
		assert_noop!(
			Copyright::deposit(RuntimeOrigin::none(), SONG, title("t"), Category::Text, Nature::Original, authors(&[person(1)]), person(1), YUZHONG, T0, None, SALT),
			BadOrigin
		);
		// A registered enterprise may hold the work.
		assert_ok!(d(title("t"), authors(&[person(1)]), ent(1), YUZHONG, None));
	});
}

#[test]
fn batch_deposit_is_all_or_nothing_under_one_commitment() {
	build_and_execute(|| {
		let item = |n: u8| Deposit {
			content: [n; 32],
			title: title("archived work"),
			category: Category::FineArt,
			nature: Nature::Original,
			authors: authors(&[person(n)]),
			holder: acc(AUTHOR),
			region: RegionCode::new(CHONGQING).unwrap(),
			completed: T0,
			publication: None,
		};
		let batch = |items: Vec<DepositOf<Test>>| Copyright::deposit_batch(signed(AUTHOR), items.try_into().unwrap(), SALT);
		commit_to(AUTHOR, &[[10; 32], [11; 32], [12; 32]]);
		next_block();
		assert_ok!(batch(vec![item(10), item(11), item(12)]));
		assert_eq!(Works::<Test>::iter().count(), 3);
		assert!(Works::<Test>::iter().all(|(_, w)| w.committed == 1 && w.controller == Some(AUTHOR)));
		// The commitment covers the batch in its order.
		commit_to(AUTHOR, &[[21; 32], [20; 32]]);
		next_block();
		assert_noop!(batch(vec![item(20), item(21)]), Error::<Test>::UnknownCommitment);
		assert_noop!(batch(vec![item(20), item(20)]), Error::<Test>::DuplicateInBatch);
		commit_to(AUTHOR, &[[21; 32], [10; 32]]);
		let mut bad = item(22);
		bad.region = codec::Decode::decode(&mut &12u32.encode()[..]).unwrap();
		commit_to(AUTHOR, &[[21; 32], [22; 32]]);
		next_block();
		assert_noop!(batch(vec![item(21), item(10)]), Error::<Test>::AlreadyDeposited);
		assert_noop!(batch(vec![item(21), bad]), Error::<Test>::MalformedRegion);
		assert_noop!(
			Copyright::deposit_batch(signed(AUTHOR), BoundedVec::new(), SALT),
			Error::<Test>::EmptyBatch
		);
		assert_ok!(batch(vec![item(21), item(20)]));
		assert_eq!(Works::<Test>::iter().count(), 5);

		// Charged by its works and, beyond one each, by its authors: from the call alone.
		let mut items: BatchOf<Test> = vec![item(30), item(31)].try_into().unwrap();
		assert_eq!(Copyright::deposit_batch_weight(&items), <() as WeightInfo>::deposit_batch(2));
		items[1].authors = authors(&[person(31), person(32), person(33), person(34)]);
		let per_author = <() as WeightInfo>::deposit(2) - <() as WeightInfo>::deposit(1);
		assert!(per_author.ref_time() > 0);
		assert_eq!(Copyright::deposit_batch_weight(&items), <() as WeightInfo>::deposit_batch(2) + per_author * 3);
	});
}

// ---- holder acceptance ----------------------------------------------------------

#[test]
fn holders_other_than_the_signer_accept_before_anyone_acts() {
	build_and_execute(|| {
		// The signer's own account, or an enterprise it acts for: accepted at once.
		assert_ok!(deposit_as(AUTHOR, [2; 32], acc(AUTHOR)));
		assert_eq!(work_of([2; 32]).controller, Some(AUTHOR));
		assert_ok!(deposit_as(501, [3; 32], ent(1)));
		assert_eq!(work_of([3; 32]).controller, Some(501));
		// Someone else's account, another enterprise, a person: nobody controls them yet.
		assert_ok!(deposit_as(AUTHOR, [4; 32], acc(BUYER)));
		assert_ok!(deposit_as(AUTHOR, [5; 32], ent(2)));
		deposit_song();
		past_contest();
		for content in [[4; 32], [5; 32], SONG] {
			assert_eq!(work_of(content).controller, None);
			assert_noop!(transfer(AUTHOR, content, person(3), AUTHOR, ALL), Error::<Test>::HolderNotAccepted);
			assert_noop!(transfer(BUYER, content, person(3), BUYER, 1), Error::<Test>::HolderNotAccepted);
			assert_noop!(grant_on(AUTHOR, content, false, 1, None, T0, T0 + 1), Error::<Test>::HolderNotAccepted);
		}
		// Wrong parties cannot accept: the depositor, a stranger, another enterprise's
		// account, an agency's operator; a person's holding only by registration.
		assert_noop!(accept(AUTHOR, [4; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(accept(STRANGER, [4; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(accept(AUTHOR, [5; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(accept(501, [5; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(accept(operator_of(OFFICE), SONG), Error::<Test>::NotAcceptor);
		assert_noop!(accept(AUTHOR, SONG), Error::<Test>::NotAcceptor);
		assert_noop!(accept(AUTHOR, [9; 32]), Error::<Test>::UnknownWork);
		// The right parties accept and become controllers.
		assert_ok!(accept(BUYER, [4; 32]));
		System::assert_last_event(Event::HoldingAccepted { content: [4; 32], holder: acc(BUYER), controller: BUYER }.into());
		assert_eq!(last_entry([4; 32]).action, WorkAction::HoldingAccepted);
		assert_ok!(accept(502, [5; 32]));
		assert_eq!(work_of([5; 32]).controller, Some(502));
		assert_noop!(accept(502, [5; 32]), Error::<Test>::NothingPending);
		// A person: the office of the work's region registers, accepting for the depositor.
		assert_ok!(Copyright::register(op(OFFICE), SONG));
		System::assert_has_event(Event::HoldingAccepted { content: SONG, holder: person(1), controller: AUTHOR }.into());
		assert_eq!(last_entry(SONG).action, WorkAction::Registered { number: 0, holder_accepted: true });
		// Now the controllers act, and the depositor of [4; 32] does not.
		assert_ok!(transfer(BUYER, [4; 32], person(7), BUYER, 1));
		assert_noop!(transfer(AUTHOR, [4; 32], person(7), AUTHOR, 1), Error::<Test>::NotController);
		assert_ok!(grant(AUTHOR, false, 1, None, T0, T0 + 1));
	});
}

#[test]
fn a_refused_or_withdrawn_holding_falls_back_to_the_depositor() {
	build_and_execute(|| {
		assert_ok!(deposit_as(AUTHOR, [4; 32], acc(BUYER)));
		assert_ok!(deposit_as(AUTHOR, [5; 32], ent(2)));
		deposit_song();
		assert_noop!(refuse(STRANGER, [4; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(refuse(502, [4; 32]), Error::<Test>::NotAcceptor);
		assert_noop!(refuse(operator_of(OFFICE), SONG), Error::<Test>::NotAcceptor);
		// The named account refuses.
		assert_ok!(refuse(BUYER, [4; 32]));
		System::assert_last_event(Event::HoldingRefused { content: [4; 32], by: BUYER, holder: acc(AUTHOR) }.into());
		assert_eq!((work_of([4; 32]).holder, work_of([4; 32]).controller), (acc(AUTHOR), Some(AUTHOR)));
		assert!(Copyright::works_of(&acc(BUYER), 0, 5).is_empty());
		assert_eq!(Copyright::works_of(&acc(AUTHOR), 0, 5), vec![[4; 32]]);
		assert_noop!(refuse(BUYER, [4; 32]), Error::<Test>::NothingPending);
		// The enterprise's account refuses.
		assert_ok!(refuse(502, [5; 32]));
		assert_eq!(work_of([5; 32]).holder, acc(AUTHOR));
		// The office declines the person's work: the depositor withdraws the naming,
		// but not while a court holds the work.
		assert_ok!(Copyright::decline(op(OFFICE), SONG, 3));
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		assert_noop!(refuse(AUTHOR, SONG), Error::<Test>::Frozen);
		assert_ok!(Copyright::unfreeze(op(COURT), SONG, [4; 32]));
		assert_ok!(refuse(AUTHOR, SONG));
		System::assert_last_event(Event::HoldingRefused { content: SONG, by: AUTHOR, holder: acc(AUTHOR) }.into());
		assert_eq!(last_entry(SONG).action, WorkAction::HoldingRefused { holder: acc(AUTHOR) });
	});
}

#[test]
fn a_transfer_of_all_rights_waits_for_the_new_holders_acceptance() {
	build_and_execute(|| {
		registered_song();
		// `new_controller` must be the account that acts for the new holder.
		assert_noop!(transfer(AUTHOR, SONG, acc(BUYER), STRANGER, ALL), Error::<Test>::ControllerMismatch);
		assert_noop!(transfer(AUTHOR, SONG, ent(2), BUYER, ALL), Error::<Test>::ControllerMismatch);
		assert_noop!(transfer(AUTHOR, SONG, ent(2), AUTHOR, ALL), Error::<Test>::ControllerMismatch);
		assert_ok!(transfer(AUTHOR, SONG, ent(2), 502, ALL));
		System::assert_last_event(
			Event::TransferOffered { content: SONG, from: person(1), to: ent(2), new_controller: 502 }.into(),
		);
		assert_eq!((work().holder, work().controller), (person(1), Some(AUTHOR)));
		// While it waits, the controller neither transfers again nor licenses.
		assert_noop!(transfer(AUTHOR, SONG, person(3), AUTHOR, 1), Error::<Test>::OfferPending);
		assert_noop!(grant(AUTHOR, false, 1, None, T0, T0 + 1), Error::<Test>::OfferPending);
		// Wrong parties neither accept nor refuse.
		for who in [STRANGER, AUTHOR, 501, operator_of(OFFICE)] {
			assert_noop!(accept(who, SONG), Error::<Test>::NotAcceptor);
		}
		assert_noop!(refuse(STRANGER, SONG), Error::<Test>::NotAcceptor);
		assert_noop!(refuse(501, SONG), Error::<Test>::NotAcceptor);
		// The nominee refuses: nothing changes hands.
		assert_ok!(refuse(502, SONG));
		System::assert_last_event(Event::TransferCancelled { content: SONG, by: 502, to: ent(2) }.into());
		assert_noop!(accept(502, SONG), Error::<Test>::NothingPending);
		// Offered again and withdrawn by the controller.
		assert_ok!(transfer(AUTHOR, SONG, ent(2), 502, ALL));
		assert_ok!(refuse(AUTHOR, SONG));
		System::assert_last_event(Event::TransferCancelled { content: SONG, by: AUTHOR, to: ent(2) }.into());
		// Offered to a person the buyer acts for; not accepted while frozen.
		assert_ok!(transfer(AUTHOR, SONG, person(2), BUYER, ALL));
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		assert_noop!(accept(BUYER, SONG), Error::<Test>::Frozen);
		assert_ok!(Copyright::unfreeze(op(COURT), SONG, [4; 32]));
		assert_ok!(accept(BUYER, SONG));
		System::assert_last_event(
			Event::RightsTransferred { content: SONG, from: person(1), to: person(2), rights: Rights::ALL }.into(),
		);
		let w = work();
		assert_eq!((w.holder, w.controller, w.offer), (person(2), Some(BUYER), None));
		assert!(Copyright::works_of(&person(1), 0, 5).is_empty());
		assert_noop!(transfer(AUTHOR, SONG, person(3), AUTHOR, 1), Error::<Test>::NotController);
		// Naming itself as controller, the controller transfers at once.
		assert_ok!(transfer(BUYER, SONG, acc(BUYER), BUYER, ALL));
		assert_eq!((work().holder, work().controller), (acc(BUYER), Some(BUYER)));
		// An enterprise whose account accepts an offer.
		assert_ok!(transfer(BUYER, SONG, ent(1), 501, ALL));
		assert_ok!(accept(501, SONG));
		assert_eq!((work().holder, work().controller), (ent(1), Some(501)));
	});
}

// ---- rights ---------------------------------------------------------------------

#[test]
fn transfers_by_the_controller() {
	build_and_execute(|| {
		registered_song();
		assert_noop!(transfer(BUYER, SONG, person(2), BUYER, ALL), Error::<Test>::NotController);
		assert_noop!(transfer(AUTHOR, SONG, person(2), BUYER, 0), Error::<Test>::InvalidRights);
		assert_noop!(transfer(AUTHOR, SONG, person(2), BUYER, 1 << 14), Error::<Test>::InvalidRights);
		assert_noop!(transfer(AUTHOR, SONG, person(1), AUTHOR, ALL), Error::<Test>::SameHolder);
		assert_noop!(
			transfer(AUTHOR, SONG, HolderRef::Enterprise(enterprise_code(8)), AUTHOR, ALL),
			Error::<Test>::UnknownEnterprise
		);
		assert_noop!(transfer(AUTHOR, [9; 32], person(2), BUYER, ALL), Error::<Test>::UnknownWork);
		// Listed rights: recorded at once, the holder keeps the rest.
		assert_ok!(transfer(AUTHOR, SONG, person(3), STRANGER, 0b11));
		System::assert_last_event(
			Event::RightsTransferred { content: SONG, from: person(1), to: person(3), rights: Rights(0b11) }.into(),
		);
		assert_eq!((work().holder, work().controller), (person(1), Some(AUTHOR)));
		// All rights to a person the controller itself acts for: at once.
		assert_ok!(transfer(AUTHOR, SONG, person(4), AUTHOR, ALL));
		assert_eq!((work().holder, work().controller), (person(4), Some(AUTHOR)));
		assert!(Copyright::works_of(&person(1), 0, 10).is_empty());
	});
}

#[test]
fn a_contestable_work_is_neither_transferred_nor_licensed() {
	build_and_execute(|| {
		assert_ok!(deposit_as(AUTHOR, SONG, acc(AUTHOR)));
		assert_noop!(transfer(AUTHOR, SONG, person(2), AUTHOR, ALL), Error::<Test>::UnderContest);
		assert_noop!(grant(AUTHOR, false, 1, None, T0, T0 + 1), Error::<Test>::UnderContest);
		// Block 12 = deposit block 2 + ContestPeriod 10: over.
		System::set_block_number(12);
		assert_ok!(grant(AUTHOR, false, 1, None, T0, T0 + 1));
	});
}

#[test]
fn controller_calls_refuse_every_other_party() {
	build_and_execute(|| {
		registered_song();
		let parties = [STRANGER, BUYER, 501, operator_of(OFFICE), operator_of(COURT), operator_of(SC_OFFICE)];
		for who in parties {
			assert_noop!(transfer(who, SONG, person(2), who, ALL), Error::<Test>::NotController);
			assert_noop!(transfer(who, SONG, person(2), who, 1), Error::<Test>::NotController);
			assert_noop!(grant(who, false, 1, None, T0, T0 + 1), Error::<Test>::NotController);
		}
		assert_noop!(
			Copyright::transfer(RuntimeOrigin::none(), SONG, person(2), AUTHOR, Rights::ALL, [5; 32]),
			BadOrigin
		);
	});
}

#[test]
fn exclusive_licences_block_overlapping_grants() {
	build_and_execute(|| {
		registered_song();
		const NET: u16 = 1 << 7; // information-network dissemination
		const BROADCAST: u16 = 1 << 6;
		assert_noop!(grant(BUYER, false, NET, None, T0, T0 + 10), Error::<Test>::NotController);
		assert_noop!(grant(AUTHOR, false, NET, None, T0, T0), Error::<Test>::InvalidTerm);
		assert_noop!(grant(AUTHOR, false, 0, None, T0, T0 + 1), Error::<Test>::InvalidRights);
		assert_noop!(grant(AUTHOR, false, NET, Some(12), T0, T0 + 1), Error::<Test>::MalformedRegion);
		// Exclusive network rights in Chongqing for 100 s.
		assert_ok!(grant(AUTHOR, true, NET, Some(CHONGQING), T0, T0 + 100));
		System::assert_last_event(
			Event::LicenceGranted { content: SONG, grant: 0, licensee: person(9), exclusive: true }.into(),
		);
		// Same right, overlapping place and time: refused, exclusive or not.
		assert_noop!(grant(AUTHOR, true, NET, Some(YUZHONG), T0 + 50, T0 + 150), Error::<Test>::OverlappingExclusive);
		assert_noop!(grant(AUTHOR, false, NET, None, T0 + 99, T0 + 200), Error::<Test>::OverlappingExclusive);
		// Another right, another place or a later term is fine.
		assert_ok!(grant(AUTHOR, true, BROADCAST, Some(CHONGQING), T0, T0 + 100));
		assert_ok!(grant(AUTHOR, true, NET, Some(510000), T0, T0 + 100));
		assert_eq!(Copyright::grants_of(&SONG, 0, 10).len(), 3);
		assert_noop!(grant(AUTHOR, false, NET, Some(CHONGQING), T0 + 100, T0 + 200), Error::<Test>::TooManyGrants);
	});
}

// ---- registration ---------------------------------------------------------------

#[test]
fn only_an_office_covering_the_works_region_decides() {
	build_and_execute(|| {
		deposit_song(); // Yuzhong district
		assert_ok!(deposit_in(AUTHOR, [2; 32], person(1), JIANGBEI));
		// Wrong parties: the depositor (not an agency), a bank, a court, another
		// province's office, a district office for another district, a suspended office.
		assert_noop!(Copyright::register(signed(AUTHOR), SONG), BadOrigin);
		assert_noop!(Copyright::register(op(BANK), SONG), Error::<Test>::NotOffice);
		assert_noop!(Copyright::register(op(COURT), SONG), Error::<Test>::NotOffice);
		assert_noop!(Copyright::decline(op(BANK), SONG, 3), Error::<Test>::NotOffice);
		assert_noop!(Copyright::register(op(SC_OFFICE), SONG), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Copyright::decline(op(SC_OFFICE), SONG, 3), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Copyright::register(op(DISTRICT_OFFICE), [2; 32]), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Copyright::decline(op(DISTRICT_OFFICE), [2; 32], 3), Error::<Test>::OutsideJurisdiction);
		assert_noop!(Copyright::register(op(OFFICE), [9; 32]), Error::<Test>::UnknownWork);
		set_active(OFFICE, false);
		assert_noop!(Copyright::register(op(OFFICE), SONG), BadOrigin);
		assert_noop!(Copyright::decline(op(OFFICE), SONG, 3), BadOrigin);
		set_active(OFFICE, true);
		// The district's own office registers it.
		assert_ok!(Copyright::register(op(DISTRICT_OFFICE), SONG));
		System::assert_has_event(Event::WorkRegistered { content: SONG, number: 0, office: DISTRICT_OFFICE }.into());
		assert_eq!(work().registration, Registration::Registered { number: 0, office: DISTRICT_OFFICE });
		assert_noop!(Copyright::register(op(OFFICE), SONG), Error::<Test>::AlreadyDecided);
		assert_noop!(Copyright::decline(op(OFFICE), SONG, 3), Error::<Test>::AlreadyDecided);
		// The province's office covers every district.
		assert_ok!(Copyright::decline(op(OFFICE), [2; 32], 3));
		System::assert_last_event(Event::RegistrationDeclined { content: [2; 32], office: OFFICE, reason: 3 }.into());
		assert_noop!(Copyright::register(op(OFFICE), [2; 32]), Error::<Test>::AlreadyDecided);
	});
}

#[test]
fn governance_reopens_a_wrongly_declined_work() {
	build_and_execute(|| {
		deposit_song();
		assert_noop!(Copyright::force_reopen(root(), SONG, 7), Error::<Test>::NotDeclined);
		assert_ok!(Copyright::decline(op(OFFICE), SONG, 3));
		assert_noop!(Copyright::force_reopen(signed(AUTHOR), SONG, 7), BadOrigin);
		assert_noop!(Copyright::force_reopen(op(OFFICE), SONG, 7), BadOrigin);
		assert_noop!(Copyright::force_reopen(root(), [9; 32], 7), Error::<Test>::UnknownWork);
		assert_ok!(Copyright::force_reopen(root(), SONG, 7));
		System::assert_last_event(Event::RegistrationReopened { content: SONG, reason: 7 }.into());
		assert_eq!(work().registration, Registration::Unreviewed);
		let entry = last_entry(SONG);
		assert_eq!((entry.action, entry.by, entry.agency), (WorkAction::Reopened { reason: 7 }, None, None));
		assert_ok!(Copyright::register(op(OFFICE), SONG));
	});
}

// ---- courts ---------------------------------------------------------------------

#[test]
fn a_court_freezes_and_rules() {
	build_and_execute(|| {
		registered_song();
		assert_noop!(Copyright::freeze(op(OFFICE), SONG, [4; 32]), Error::<Test>::NotCourt);
		assert_noop!(Copyright::freeze(signed(STRANGER), SONG, [4; 32]), BadOrigin);
		assert_noop!(Copyright::unfreeze(op(COURT), SONG, [4; 32]), Error::<Test>::NotFrozen);
		assert_noop!(Copyright::rule_transfer(op(COURT), SONG, person(2), BUYER, [4; 32]), Error::<Test>::NotFrozen);
		assert_noop!(Copyright::attach_evidence(op(COURT), SONG, [6; 32]), Error::<Test>::NotFrozen);
		set_active(COURT, false);
		assert_noop!(Copyright::freeze(op(COURT), SONG, [4; 32]), BadOrigin);
		set_active(COURT, true);
		// A pending offer lapses with the court's ruling.
		assert_ok!(transfer(AUTHOR, SONG, acc(BUYER), BUYER, ALL));
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		System::assert_last_event(Event::WorkFrozen { content: SONG, court: COURT, case: [4; 32] }.into());
		assert_noop!(Copyright::freeze(op(OTHER_COURT), SONG, [4; 32]), Error::<Test>::Frozen);
		// Frozen: no transfer, no licence.
		assert_noop!(transfer(AUTHOR, SONG, person(2), AUTHOR, ALL), Error::<Test>::Frozen);
		assert_noop!(grant(AUTHOR, false, 1, None, T0, T0 + 1), Error::<Test>::Frozen);
		// Only the freezing court attaches evidence, rules and unfreezes.
		assert_noop!(Copyright::attach_evidence(op(OTHER_COURT), SONG, [6; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::attach_evidence(op(BANK), SONG, [6; 32]), Error::<Test>::NotCourt);
		assert_noop!(Copyright::attach_evidence(signed(STRANGER), SONG, [6; 32]), BadOrigin);
		assert_ok!(Copyright::attach_evidence(op(COURT), SONG, [6; 32]));
		System::assert_last_event(Event::EvidenceAttached { content: SONG, court: COURT, evidence: [6; 32] }.into());
		assert_noop!(Copyright::rule_transfer(op(OTHER_COURT), SONG, person(2), BUYER, [8; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::rule_transfer(op(OFFICE), SONG, person(2), BUYER, [8; 32]), Error::<Test>::NotCourt);
		assert_noop!(Copyright::rule_transfer(op(COURT), SONG, person(1), BUYER, [8; 32]), Error::<Test>::SameHolder);
		assert_ok!(Copyright::rule_transfer(op(COURT), SONG, person(2), BUYER, [8; 32]));
		System::assert_last_event(
			Event::RulingTransferred { content: SONG, court: COURT, from: person(1), to: person(2) }.into(),
		);
		assert_eq!((work().holder, work().controller, work().offer), (person(2), Some(BUYER), None));
		assert_noop!(Copyright::unfreeze(op(OTHER_COURT), SONG, [8; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::unfreeze(op(OFFICE), SONG, [8; 32]), Error::<Test>::NotCourt);
		set_active(COURT, false);
		assert_noop!(Copyright::unfreeze(op(COURT), SONG, [8; 32]), BadOrigin);
		assert_noop!(Copyright::attach_evidence(op(COURT), SONG, [6; 32]), BadOrigin);
		set_active(COURT, true);
		assert_ok!(Copyright::unfreeze(op(COURT), SONG, [8; 32]));
		System::assert_last_event(Event::WorkUnfrozen { content: SONG, court: COURT, ruling: [8; 32] }.into());
		assert!(work().frozen.is_none());
		assert_ok!(transfer(BUYER, SONG, person(3), BUYER, ALL));
	});
}

#[test]
fn governance_ends_the_freeze_of_a_suspended_court() {
	build_and_execute(|| {
		registered_song();
		assert_noop!(Copyright::force_unfreeze(root(), SONG, 5), Error::<Test>::NotFrozen);
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		set_active(COURT, false);
		// The freezing court can no longer act; no other court may.
		assert_noop!(Copyright::unfreeze(op(COURT), SONG, [8; 32]), BadOrigin);
		assert_noop!(Copyright::unfreeze(op(OTHER_COURT), SONG, [8; 32]), Error::<Test>::OtherCourt);
		assert_noop!(Copyright::force_unfreeze(signed(AUTHOR), SONG, 5), BadOrigin);
		assert_noop!(Copyright::force_unfreeze(op(OTHER_COURT), SONG, 5), BadOrigin);
		assert_noop!(Copyright::force_unfreeze(root(), [9; 32], 5), Error::<Test>::UnknownWork);
		assert_ok!(Copyright::force_unfreeze(root(), SONG, 5));
		System::assert_last_event(Event::WorkForceUnfrozen { content: SONG, court: COURT, reason: 5 }.into());
		assert!(work().frozen.is_none());
		let entry = last_entry(SONG);
		assert_eq!((entry.action, entry.by, entry.agency), (WorkAction::ForceUnfrozen { reason: 5 }, None, None));
		// The work is usable again.
		assert_ok!(grant(AUTHOR, false, 1, None, T0, T0 + 1));
	});
}

// ---- queries --------------------------------------------------------------------

#[test]
fn evidence_lists_every_event_in_order_with_its_anchor() {
	build_and_execute(|| {
		deposit_song();
		System::set_block_number(3);
		System::set_extrinsic_index(1);
		set_now(T0 + 3);
		assert_ok!(Copyright::register(op(OFFICE), SONG));
		System::set_block_number(4);
		assert_ok!(Copyright::freeze(op(COURT), SONG, [4; 32]));
		let e = Copyright::evidence(&SONG, 0, 10).unwrap();
		assert_eq!((e.content, e.from), (SONG, 0));
		let actions: Vec<_> = e.history.iter().map(|h| (h.action.clone(), h.by, h.agency, h.anchor.block)).collect();
		assert_eq!(
			actions,
			vec![
				(WorkAction::Deposited, Some(AUTHOR), None, 2),
				(WorkAction::Registered { number: 0, holder_accepted: true }, Some(10), Some(OFFICE), 3),
				(WorkAction::Frozen { case: [4; 32] }, Some(20), Some(COURT), 4),
			]
		);
		assert_eq!((e.history[1].anchor.extrinsic_index, e.history[1].anchor.time), (1, T0 + 3));
		assert!(Copyright::evidence(&[9; 32], 0, 10).is_none());
	});
}

#[test]
fn list_queries_are_paged_and_capped() {
	build_and_execute(|| {
		// Seven works of one holder; `MaxPage` is 5.
		for n in 10..17u8 {
			assert_ok!(deposit_as(AUTHOR, [n; 32], acc(AUTHOR)));
		}
		let holder = acc(AUTHOR);
		assert_eq!(Copyright::works_of(&holder, 0, 100).len(), 5);
		assert_eq!(Copyright::works_of(&holder, 0, 2).len(), 2);
		let mut all = Copyright::works_of(&holder, 0, 5);
		all.extend(Copyright::works_of(&holder, 5, 5));
		all.sort();
		assert_eq!(all, (10..17u8).map(|n| [n; 32]).collect::<Vec<_>>());
		// Eight history entries: a deposit, a freeze and six pieces of evidence.
		let c = [10; 32];
		assert_ok!(Copyright::freeze(op(COURT), c, [4; 32]));
		for n in 0..6u8 {
			assert_ok!(Copyright::attach_evidence(op(COURT), c, [n; 32]));
		}
		let first = Copyright::evidence(&c, 0, 100).unwrap();
		assert_eq!((first.from, first.history.len(), first.work.events), (0, 5, 8));
		assert_eq!(first.history[0].action, WorkAction::Deposited);
		let rest = Copyright::evidence(&c, 5, 100).unwrap();
		assert_eq!((rest.from, rest.history.len()), (5, 3));
		assert_eq!(rest.history[0].action, WorkAction::EvidenceAttached { evidence: [3; 32] });
		assert!(Copyright::evidence(&c, 8, 5).unwrap().history.is_empty());
		// Licences, from an index.
		past_contest();
		let g = [11; 32];
		for n in 0..3u64 {
			assert_ok!(grant_on(AUTHOR, g, false, 1, None, T0 + n, T0 + n + 1));
		}
		assert_eq!(Copyright::grants_of(&g, 0, 100).len(), 3);
		let page: Vec<u32> = Copyright::grants_of(&g, 1, 1).into_iter().map(|(i, _)| i).collect();
		assert_eq!(page, vec![1]);
		assert!(Copyright::grants_of(&g, 3, 5).is_empty());
	});
}

// ---- invariants and decoding ----------------------------------------------------

#[test]
fn try_state_catches_broken_state() {
	new_test_ext().execute_with(|| {
		registered_song();
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
		Copyright::push_event(SONG, &mut w, WorkAction::Frozen { case: [0; 32] }, Some(1), None).unwrap();
		let action = WorkAction::Transferred { from: person(1), to: person(2), rights: Rights::ALL, contract: [0; 32] };
		Copyright::push_event(SONG, &mut w, action, Some(1), None).unwrap();
		w.holder = person(2);
		w.frozen = Some(Freeze { court: COURT, case: [0; 32] });
		w.contest_ends = 0;
		HolderWorks::<Test>::remove(person(1), SONG);
		HolderWorks::<Test>::insert(person(2), SONG, ());
		Works::<Test>::insert(SONG, w);
		assert!(Copyright::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		deposit_song();
		// An offer on a work nobody controls.
		let offer = Offer { to: person(2), new_controller: BUYER, contract: [0; 32] };
		Works::<Test>::mutate(SONG, |w| w.as_mut().unwrap().offer = Some(offer));
		assert!(Copyright::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		registered_song();
		// A registered work still contestable.
		Works::<Test>::mutate(SONG, |w| w.as_mut().unwrap().contest_ends = 100);
		assert!(Copyright::do_try_state().is_err());
	});
	new_test_ext().execute_with(|| {
		// A duplicate commitment.
		let pending = PendingCommit { commitment: [1; 32], block: 1, deposit: 0 };
		Commitments::<Test>::insert(AUTHOR, CommitmentsOf::<Test>::truncate_from(vec![pending, pending]));
		assert!(Copyright::do_try_state().is_err());
	});
}

#[test]
fn oversize_fields_do_not_decode_into_a_call() {
	use codec::Decode;
	// The deposit call's arguments with plain vectors, as a front-end could send them.
	let encoded = |title_len: usize, authors: usize| {
		let head = (
			1u8, // pallet index of Copyright in the mock
			0u8, // call index of `deposit`
			SONG,
			vec![b't'; title_len],
			Category::Music,
			Nature::Original,
			vec![person(1); authors],
			person(1),
		);
		let tail = (YUZHONG, T0, None::<Publication>, SALT);
		let mut bytes = head.encode();
		bytes.extend(tail.encode());
		bytes
	};
	assert!(RuntimeCall::decode(&mut &encoded(64, 4)[..]).is_ok());
	assert!(RuntimeCall::decode(&mut &encoded(65, 4)[..]).is_err());
	assert!(RuntimeCall::decode(&mut &encoded(64, 5)[..]).is_err());
}

// ---- deposits held for commitments and works ----

fn held(reason: HoldReason, who: u64) -> u64 {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&reason.into(), &who)
}

const START: u64 = govchain_test_utils::MOCK_ENDOWMENT;

#[test]
fn a_commitment_holds_a_deposit_until_revealed_and_a_work_until_decided() {
	build_and_execute(|| {
		commit_to(AUTHOR, &[SONG]);
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), COMMIT_DEPOSIT);
		next_block();
		assert_ok!(reveal(AUTHOR, SONG, person(1)));
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), 0);
		assert_eq!(held(HoldReason::WorkDeposit, AUTHOR), WORK_DEPOSIT);
		assert_eq!(WorkDeposits::<Test>::get(SONG), Some((AUTHOR, WORK_DEPOSIT)));
		assert_ok!(Copyright::register(op(OFFICE), SONG));
		assert_eq!(held(HoldReason::WorkDeposit, AUTHOR), 0);
		assert!(!WorkDeposits::<Test>::contains_key(SONG));
		assert_eq!(Balances::free_balance(AUTHOR), START);
		// Declining returns it as well.
		let other = [2; 32];
		assert_ok!(deposit_as(AUTHOR, other, person(1)));
		assert_eq!(held(HoldReason::WorkDeposit, AUTHOR), WORK_DEPOSIT);
		assert_ok!(Copyright::decline(op(OFFICE), other, 7));
		assert_eq!(Balances::free_balance(AUTHOR), START);
	});
}

#[test]
fn removed_and_expired_commitments_give_their_deposits_back() {
	build_and_execute(|| {
		commit_to(AUTHOR, &[SONG]);
		commit_to(AUTHOR, &[[2; 32]]);
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), 2 * COMMIT_DEPOSIT);
		let first = Copyright::commitment_of(&[SONG], &AUTHOR, &SALT);
		assert_ok!(Copyright::remove_commitment(signed(AUTHOR), AUTHOR, first));
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), COMMIT_DEPOSIT);
		// Past its lifetime, the next commitment drops the old one and its deposit.
		System::set_block_number(System::block_number() + 30);
		commit_to(AUTHOR, &[[3; 32]]);
		assert_eq!(Commitments::<Test>::get(AUTHOR).len(), 1);
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), COMMIT_DEPOSIT);
		// Anyone removes an expired one; the owner gets the deposit.
		System::set_block_number(System::block_number() + 30);
		let third = Copyright::commitment_of(&[[3; 32]], &AUTHOR, &SALT);
		assert_ok!(Copyright::remove_commitment(signed(STRANGER), AUTHOR, third));
		assert_eq!(held(HoldReason::CommitDeposit, AUTHOR), 0);
		assert_eq!(Balances::free_balance(AUTHOR), START);
		assert_eq!(Balances::free_balance(STRANGER), START);
	});
}

#[test]
fn an_office_deposits_without_a_work_deposit_and_an_account_without_funds_cannot_commit() {
	build_and_execute(|| {
		let desk = operator_of(OFFICE);
		assert_ok!(deposit_as(desk, SONG, person(1)));
		assert_eq!(held(HoldReason::WorkDeposit, desk), 0);
		assert_eq!(held(HoldReason::CommitDeposit, desk), 0);
		assert!(!WorkDeposits::<Test>::contains_key(SONG));
		let broke = 5_000;
		assert_noop!(
			Copyright::commit(signed(broke), Copyright::commitment_of(&[[9; 32]], &broke, &SALT)),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn a_superseded_deposit_gives_its_depositor_the_deposit_back() {
	build_and_execute(|| {
		// The author commits first; a copier who saw the hash deposits first; the
		// author's reveal within the contest period takes the work.
		commit_to(AUTHOR, &[SONG]);
		next_block();
		assert_ok!(deposit_as(THIEF, SONG, acc(THIEF)));
		assert_eq!(held(HoldReason::WorkDeposit, THIEF), WORK_DEPOSIT);
		assert_ok!(reveal(AUTHOR, SONG, person(1)));
		assert_eq!(held(HoldReason::WorkDeposit, THIEF), 0);
		assert_eq!(Balances::free_balance(THIEF), START);
		assert_eq!(held(HoldReason::WorkDeposit, AUTHOR), WORK_DEPOSIT);
		assert_eq!(WorkDeposits::<Test>::get(SONG), Some((AUTHOR, WORK_DEPOSIT)));
	});
}

// ---- storage migration v1 → v2 (deposit recorded per commitment) ----

mod migration_v2 {
	use super::*;
	use crate::migrations::{v1, v2};
	use frame_support::traits::{fungible::MutateHold, GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	/// Version-1 state as the first release left it: `who`'s commitments `tags` (made
	/// in blocks 1, 2, …) with `held` held for them.
	fn v1_commitments(who: u64, tags: &[u8], held: u64) {
		let commits: Vec<_> = tags
			.iter()
			.enumerate()
			.map(|(i, t)| v1::PendingCommit { commitment: [*t; 32], block: i as u64 + 1 })
			.collect();
		v1::Commitments::<Test>::insert(who, v1::CommitmentsOf::<Test>::truncate_from(commits));
		assert_ok!(Balances::hold(&HoldReason::CommitDeposit.into(), &who, held));
	}

	fn deposits(who: u64) -> Vec<u64> {
		Commitments::<Test>::get(who).iter().map(|c| c.deposit).collect()
	}

	/// Generated state of a chain at storage version 1: works and history untouched by
	/// the migration, three accounts with commitments (one whose hold is not a multiple
	/// of the current deposit, as after a change of `CommitDeposit`).
	fn chain_at_v1() {
		deposit_song();
		System::set_block_number(10);
		StorageVersion::new(1).put::<Copyright>();
		v1_commitments(AUTHOR, &[7, 8, 9], 3 * COMMIT_DEPOSIT);
		v1_commitments(BUYER, &[7, 8], 25);
		v1_commitments(THIEF, &[5], COMMIT_DEPOSIT);
	}

	#[test]
	fn a_new_chain_starts_at_version_2() {
		new_test_ext().execute_with(|| {
			assert_eq!(Copyright::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(Copyright::in_code_storage_version(), StorageVersion::new(2));
		});
	}

	#[test]
	fn each_commitment_gets_its_share_of_the_hold_and_nothing_else_changes() {
		new_test_ext().execute_with(|| {
			chain_at_v1();
			let works = Works::<Test>::iter().count();
			let history = History::<Test>::iter().count();
			let state = v2::InnerMigrateV1ToV2::<Test>::pre_check().unwrap();

			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();

			v2::InnerMigrateV1ToV2::<Test>::post_check(state).unwrap();
			assert_eq!(Copyright::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(deposits(AUTHOR), vec![COMMIT_DEPOSIT; 3]);
			assert_eq!(deposits(BUYER), vec![13, 12]);
			assert_eq!(deposits(THIEF), vec![COMMIT_DEPOSIT]);
			let blocks: Vec<_> = Commitments::<Test>::get(AUTHOR).iter().map(|c| (c.commitment, c.block)).collect();
			assert_eq!(blocks, vec![([7; 32], 1), ([8; 32], 2), ([9; 32], 3)]);
			assert_eq!(Works::<Test>::iter().count(), works);
			assert_eq!(History::<Test>::iter().count(), history);
			Copyright::do_try_state().expect("invariants hold after the migration");
		});
	}

	#[test]
	fn migrated_commitments_return_exactly_what_was_held() {
		new_test_ext().execute_with(|| {
			chain_at_v1();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_ok!(Copyright::remove_commitment(signed(BUYER), BUYER, [7; 32]));
			assert_eq!(held(HoldReason::CommitDeposit, BUYER), 12);
			assert_ok!(Copyright::remove_commitment(signed(BUYER), BUYER, [8; 32]));
			assert_eq!(held(HoldReason::CommitDeposit, BUYER), 0);
			assert_eq!(Balances::free_balance(BUYER), START);
			// A new commitment next to migrated ones holds and records today's deposit.
			commit_to(THIEF, &[[3; 32]]);
			assert_eq!(deposits(THIEF), vec![COMMIT_DEPOSIT, COMMIT_DEPOSIT]);
			assert_eq!(held(HoldReason::CommitDeposit, THIEF), 2 * COMMIT_DEPOSIT);
			Copyright::do_try_state().expect("invariants hold");
		});
	}

	#[test]
	fn the_migration_runs_only_from_version_1() {
		new_test_ext().execute_with(|| {
			commit_to(AUTHOR, &[SONG]);
			let before = Commitments::<Test>::get(AUTHOR);
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Commitments::<Test>::get(AUTHOR), before);
			assert_eq!(Copyright::on_chain_storage_version(), StorageVersion::new(2));
		});
	}

	#[test]
	fn the_post_check_catches_a_wrong_migration() {
		new_test_ext().execute_with(|| {
			chain_at_v1();
			let state = v2::InnerMigrateV1ToV2::<Test>::pre_check().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			Commitments::<Test>::mutate(BUYER, |c| c[0].deposit = 12);
			assert!(v2::InnerMigrateV1ToV2::<Test>::post_check(state.clone()).is_err());
			let swap = |c: &mut CommitmentsOf<Test>| {
				let first = c[0];
				c[0] = c[1];
				c[1] = first;
			};
			Commitments::<Test>::mutate(BUYER, |c| {
				c[0].deposit = 13;
				swap(c);
			});
			assert!(v2::InnerMigrateV1ToV2::<Test>::post_check(state.clone()).is_err());
			Commitments::<Test>::mutate(BUYER, swap);
			v2::InnerMigrateV1ToV2::<Test>::post_check(state.clone()).unwrap();
			Commitments::<Test>::remove(THIEF);
			assert!(v2::InnerMigrateV1ToV2::<Test>::post_check(state).is_err());
		});
	}

	/// The hooks `try-runtime` calls around the upgrade, through the versioned wrapper.
	#[cfg(feature = "try-runtime")]
	#[test]
	fn the_try_runtime_hooks_check_the_migration() {
		new_test_ext().execute_with(|| {
			chain_at_v1();
			let state = v2::MigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			v2::MigrateV1ToV2::<Test>::post_upgrade(state).unwrap();
			// Once at version 2 the wrapper skips the migration and its checks.
			let state = v2::MigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			v2::MigrateV1ToV2::<Test>::post_upgrade(state).unwrap();
		});
		// A migration that went wrong: the post-upgrade hook refuses it.
		new_test_ext().execute_with(|| {
			chain_at_v1();
			let state = v2::MigrateV1ToV2::<Test>::pre_upgrade().unwrap();
			v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
			Commitments::<Test>::mutate(THIEF, |c| c[0].deposit = 0);
			assert!(v2::MigrateV1ToV2::<Test>::post_upgrade(state).is_err());
		});
	}

	#[test]
	fn the_migration_reads_each_account_once() {
		new_test_ext().execute_with(|| {
			chain_at_v1();
			assert_eq!(v2::InnerMigrateV1ToV2::<Test>::migrate(), 3);
		});
	}

	#[test]
	fn shares_add_up_to_the_hold() {
		assert_eq!(v2::shares(30u64, 3), vec![10, 10, 10]);
		assert_eq!(v2::shares(25u64, 2), vec![13, 12]);
		assert_eq!(v2::shares(2u64, 3), vec![2, 0, 0]);
		assert_eq!(v2::shares(7u64, 1), vec![7]);
		assert!(v2::shares(7u64, 0).is_empty());
	}

	#[test]
	fn the_invariant_ties_deposits_to_the_hold() {
		new_test_ext().execute_with(|| {
			commit_to(AUTHOR, &[SONG]);
			Copyright::do_try_state().unwrap();
			Commitments::<Test>::mutate(AUTHOR, |c| c[0].deposit += 1);
			assert!(Copyright::do_try_state().is_err());
		});
	}
}
