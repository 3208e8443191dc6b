//! A test runtime: frame-system and the licences pallet, with a small agency
//! registry and clock standing in for the consortium and the timestamp pallet.

use crate as pallet_licenses;
use core::{cell::RefCell, time::Duration};
use frame_support::{
	derive_impl,
	traits::{ConstU32, EnsureOrigin, UnixTime},
};
use frame_system::RawOrigin;
use govchain_primitives::{AgencyId, AgencyRegistry, RegionCode, Role, RoleSet};
use sp_runtime::{BuildStorage, DispatchError};

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
	pub type LicensesPallet = pallet_licenses;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// An agency of the mock registry.
#[derive(Clone)]
pub struct MockAgency {
	pub region: u32,
	pub roles: RoleSet,
	pub active: bool,
	pub operator: u64,
}

thread_local! {
	static AGENCIES: RefCell<Vec<MockAgency>> = const { RefCell::new(Vec::new()) };
	static NOW: RefCell<u64> = const { RefCell::new(0) };
}

/// Chongqing justice bureau (500000), `LicenseIssuer`; operator 10.
pub const CQ_JUSTICE: AgencyId = 0;
/// Sichuan market regulator (510000), `LicenseIssuer` + `MarketRegulator`; operator 20.
pub const SC_SAMR: AgencyId = 1;
/// Yuzhong district bureau in Chongqing (500103), `LicenseIssuer`; operator 30.
pub const YUZHONG: AgencyId = 2;
/// A bank in Chongqing (500000), `Bank`; operator 40.
pub const CQ_BANK: AgencyId = 3;
/// A court in Chongqing (500000), `Court`; operator 50.
pub const CQ_COURT: AgencyId = 4;
/// A suspended licence issuer in Chongqing; operator 60.
pub const SUSPENDED: AgencyId = 5;
/// Chongqing market regulator (500000), `MarketRegulator` only; operator 70.
pub const CQ_SAMR: AgencyId = 6;

/// Region codes.
pub const CHONGQING: u32 = 500000;
pub const SICHUAN: u32 = 510000;
pub const YUZHONG_REGION: u32 = 500103;

/// 2026-01-01T00:00:00Z, the mock clock's start.
pub const T0: u64 = 1_767_225_600;
/// A day in seconds.
pub const DAY: u64 = 86_400;

/// The operator account of `agency`.
pub fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(AGENCIES.with(|a| a.borrow()[agency as usize].operator))
}

/// Suspends or reinstates a mock agency.
pub fn set_active(agency: AgencyId, active: bool) {
	AGENCIES.with(|a| a.borrow_mut()[agency as usize].active = active);
}

/// Sets the clock.
pub fn set_now(secs: u64) {
	NOW.with(|n| *n.borrow_mut() = secs);
}

fn agency(id: AgencyId) -> Option<MockAgency> {
	AGENCIES.with(|a| a.borrow().get(id as usize).cloned())
}

/// The registry the pallet asks about agencies.
pub struct MockRegistry;
impl AgencyRegistry<u64> for MockRegistry {
	fn region_of(id: AgencyId) -> Option<RegionCode> {
		agency(id).and_then(|a| RegionCode::new(a.region))
	}
	fn is_active(id: AgencyId) -> bool {
		agency(id).is_some_and(|a| a.active)
	}
	fn has_role(id: AgencyId, role: Role) -> bool {
		agency(id).is_some_and(|a| a.active && a.roles.contains(role))
	}
	fn acting_agency(who: &u64, role: Option<Role>) -> Result<AgencyId, DispatchError> {
		let id = AGENCIES
			.with(|a| a.borrow().iter().position(|x| x.operator == *who))
			.ok_or(DispatchError::Other("not an operator"))? as AgencyId;
		let ok = match role {
			Some(r) => Self::has_role(id, r),
			None => Self::is_active(id),
		};
		ok.then_some(id).ok_or(DispatchError::Other("cannot act"))
	}
}

impl govchain_primitives::AgencyBenchmarkHelper<u64> for MockRegistry {
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, u64) {
		AGENCIES.with(|a| {
			let mut a = a.borrow_mut();
			let id = a.len() as AgencyId;
			let operator = 1_000 + id as u64;
			a.push(MockAgency { region: region.get(), roles: RoleSet::from_roles(roles), active: true, operator });
			(id, operator)
		})
	}
}

/// "Signed by an operator of an active agency", like the consortium's origin.
pub struct MockAgencyOrigin;
impl EnsureOrigin<RuntimeOrigin> for MockAgencyOrigin {
	type Success = (AgencyId, u64);
	fn try_origin(o: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) =>
				MockRegistry::acting_agency(&who, None).map(|a| (a, who)).map_err(|_| o),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(10))
	}
}

/// The mock clock.
pub struct MockTime;
impl UnixTime for MockTime {
	fn now() -> Duration {
		Duration::from_secs(NOW.with(|n| *n.borrow()))
	}
}

impl pallet_licenses::Config for Test {
	type AgencyOrigin = MockAgencyOrigin;
	type Agencies = MockRegistry;
	type UnixTime = MockTime;
	type MaxCodeLength = ConstU32<32>;
	type MaxNameLength = ConstU32<64>;
	type MaxPurposeLength = ConstU32<32>;
	type MaxBatchIssue = ConstU32<8>;
	type MaxRecognitionsPerType = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

fn mock_agency(region: u32, roles: &[Role], active: bool, operator: u64) -> MockAgency {
	MockAgency { region, roles: RoleSet::from_roles(roles), active, operator }
}

/// The agencies above, the clock at [`T0`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	AGENCIES.with(|a| {
		*a.borrow_mut() = vec![
			mock_agency(CHONGQING, &[Role::LicenseIssuer], true, 10),
			mock_agency(SICHUAN, &[Role::LicenseIssuer, Role::MarketRegulator], true, 20),
			mock_agency(YUZHONG_REGION, &[Role::LicenseIssuer], true, 30),
			mock_agency(CHONGQING, &[Role::Bank], true, 40),
			mock_agency(CHONGQING, &[Role::Court], true, 50),
			mock_agency(CHONGQING, &[Role::LicenseIssuer], false, 60),
			mock_agency(CHONGQING, &[Role::MarketRegulator], true, 70),
		]
	});
	set_now(T0);
	let storage = RuntimeGenesisConfig::default().build_storage().expect("mock genesis builds");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		LicensesPallet::do_try_state().expect("invariants hold after the test");
	});
}
