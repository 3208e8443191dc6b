//! A test runtime: frame-system and the provident-fund pallet; the shared test
//! registry and clock stand in for the consortium and the timestamp pallet.

use crate as pallet_provident_fund;
use govchain_primitives::{AgencyId, Role};
pub use govchain_test_utils::{operator_of, set_active, set_agencies, set_now, MockAgency, MockClock, MockRegistry};

govchain_test_utils::mock_runtime!(Fund, pallet_provident_fund);

govchain_test_utils::mock_agency_origin!(MockAgencyOrigin, RuntimeOrigin);

impl pallet_provident_fund::Config for Test {
	type AgencyOrigin = MockAgencyOrigin;
	type Agencies = MockRegistry;
	type UnixTime = MockClock;
	type ForceOrigin = frame_system::EnsureRoot<u64>;
	type MaxPage = frame_support::traits::ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

/// Region A's fund centre (Chongqing); operator 10.
pub const CENTRE_A: AgencyId = 0;
/// Region B's fund centre (Chengdu); operator 20.
pub const CENTRE_B: AgencyId = 1;
/// A bank in region A commissioned by centre A; operator 30.
pub const BANK_A: AgencyId = 2;
/// A second bank in region A commissioned by centre A; operator 40.
pub const BANK_A2: AgencyId = 3;
/// A bank not commissioned by anyone; operator 50.
pub const BANK_X: AgencyId = 4;
/// A bank in region B; operator 60.
pub const BANK_B: AgencyId = 5;
/// A court in region A (neither centre nor bank); operator 70.
pub const COURT_A: AgencyId = 6;
/// The Yuzhong district (region A) fund sub-centre; operator 80.
pub const CENTRE_YZ: AgencyId = 7;

/// An agency of region A that is both a fund centre and a bank (like the demo
/// agency of the development preset); operator 90.
pub const DEMO: AgencyId = 8;

/// Region A (Chongqing).
pub const REGION_A: u32 = 500000;
/// A district of region A (Yuzhong).
pub const REGION_A_YZ: u32 = 500103;
/// Another district of region A (Jiangbei).
pub const REGION_A_JB: u32 = 500105;
/// Region B (Chengdu).
pub const REGION_B: u32 = 510100;
/// An account that acts for no agency.
pub const STRANGER: u64 = 999;

/// 2026-01-01T00:00:00Z.
pub const T0: u64 = 1_767_225_600;

/// The agencies above (no commissions or rules yet), the clock at [`T0`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_agencies(vec![
		MockAgency::new(500000, &[Role::FundCenter], 10),
		MockAgency::new(510100, &[Role::FundCenter], 20),
		MockAgency::new(500000, &[Role::Bank], 30),
		MockAgency::new(500000, &[Role::Bank], 40),
		MockAgency::new(500000, &[Role::Bank], 50),
		MockAgency::new(510100, &[Role::Bank], 60),
		MockAgency::new(500000, &[Role::Court], 70),
		MockAgency::new(500103, &[Role::FundCenter], 80),
		MockAgency::new(500000, &[Role::FundCenter, Role::Bank], 90),
	]);
	set_now(T0);
	base_ext()
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Fund::do_try_state().expect("invariants hold after the test");
	});
}
