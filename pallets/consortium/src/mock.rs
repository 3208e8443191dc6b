//! A test runtime: frame-system and the consortium, root as governance, and a
//! council that just records the seats it is told about.

use crate as pallet_consortium;
use crate::{AgencyKind, GenesisAgency, Role};
use alloc::collections::BTreeSet;
use core::cell::RefCell;
use frame_support::{
	derive_impl,
	traits::{ChangeMembers, ConstU32, Contains, InitializeMembers},
};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Consortium = pallet_consortium;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	/// The seats the council collective was last told about.
	pub static COUNCIL_SEEN: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Stands in for the council collective.
pub struct TestCouncil;
impl ChangeMembers<u64> for TestCouncil {
	fn change_members_sorted(_incoming: &[u64], _outgoing: &[u64], sorted_new: &[u64]) {
		COUNCIL_SEEN.with(|c| *c.borrow_mut() = sorted_new.to_vec());
	}
}
impl InitializeMembers<u64> for TestCouncil {
	fn initialize_members(members: &[u64]) {
		COUNCIL_SEEN.with(|c| *c.borrow_mut() = members.to_vec());
	}
}

/// The council seats the collective knows.
pub fn council_seen() -> Vec<u64> {
	COUNCIL_SEEN.with(|c| c.borrow().clone())
}

thread_local! {
	/// The accounts with session keys registered (the session pallet's `NextKeys`).
	pub static KEYED: RefCell<BTreeSet<u64>> = const { RefCell::new(BTreeSet::new()) };
}

/// Stands in for the session pallet's key registry.
pub struct SessionKeys;
impl Contains<u64> for SessionKeys {
	fn contains(who: &u64) -> bool {
		KEYED.with(|k| k.borrow().contains(who))
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for SessionKeys {
	fn register_session_keys(who: &u64) {
		set_keys(*who);
	}
}

/// `who` registers session keys (`session.setKeys`).
pub fn set_keys(who: u64) {
	KEYED.with(|k| k.borrow_mut().insert(who));
}

/// `who` purges its session keys (`session.purgeKeys`).
pub fn purge_keys(who: u64) {
	KEYED.with(|k| k.borrow_mut().remove(&who));
}

impl pallet_consortium::Config for Test {
	type RuntimeCall = RuntimeCall;
	type GovernanceOrigin = frame_system::EnsureRoot<u64>;
	type CouncilMembership = TestCouncil;
	type MaxNameLength = ConstU32<64>;
	type MaxOperatorsPerAgency = ConstU32<4>;
	type MaxValidators = ConstU32<4>;
	type MaxCouncilMembers = ConstU32<4>;
	type MaxValidatorsPerAgency = ConstU32<2>;
	type MaxSeatsPerAgency = ConstU32<2>;
	type MaxPageSize = ConstU32<5>;
	type ValidatorKeys = SessionKeys;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = SessionKeys;
	type WeightInfo = ();
}

/// Chongqing market regulator (id 0): admin 10, operator 11; roles MarketRegulator.
pub const CQ_SAMR: u32 = 0;
/// Sichuan market regulator (id 1): admin 20.
pub const SC_SAMR: u32 = 1;
/// Chongqing court (id 2): admin 30.
pub const CQ_COURT: u32 = 2;
/// Region codes.
pub const CHONGQING: u32 = 500000;
pub const SICHUAN: u32 = 510000;

fn genesis_agency(name: &str, region: u32, kind: AgencyKind, roles: &[Role], admin: u64, ops: &[u64]) -> GenesisAgency<u64> {
	GenesisAgency {
		name: name.into(),
		region,
		kind,
		roles: roles.to_vec(),
		admin,
		operators: ops.to_vec(),
	}
}

/// Three agencies, validators 100 (run by 0) and 101 (run by 1), both with session keys,
/// council 10 and 20.
pub fn new_test_ext() -> sp_io::TestExternalities {
	KEYED.with(|k| *k.borrow_mut() = BTreeSet::from([100, 101]));
	let config = pallet_consortium::GenesisConfig::<Test> {
		agencies: vec![
			genesis_agency("Chongqing AMR", CHONGQING, AgencyKind::MarketRegulation, &[Role::MarketRegulator], 10, &[11]),
			genesis_agency("Sichuan AMR", SICHUAN, AgencyKind::MarketRegulation, &[Role::MarketRegulator], 20, &[]),
			genesis_agency("Chongqing Court", CHONGQING, AgencyKind::Court, &[Role::Court], 30, &[]),
		],
		validators: vec![(100, CQ_SAMR), (101, SC_SAMR)],
		council: vec![10, 20],
	};
	let storage = RuntimeGenesisConfig { system: Default::default(), consortium: config }
		.build_storage()
		.expect("mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Consortium::do_try_state().expect("invariants hold after the test");
	});
}
