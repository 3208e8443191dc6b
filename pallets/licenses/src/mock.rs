//! A test runtime: frame-system, balances (for consent deposits) and the licences pallet; the shared test registry
//! and clock stand in for the consortium and the timestamp pallet, a thread-local
//! register for the enterprise registry, root for governance.

use crate as pallet_licenses;
use core::cell::RefCell;
use frame_support::traits::ConstU32;
use govchain_primitives::{AgencyId, EnterpriseLookup, Role, Uscc};
use std::collections::BTreeMap;
pub use govchain_test_utils::{operator_of, set_active, set_agencies, set_now, MockAgency, MockClock, MockRegistry};

govchain_test_utils::mock_runtime!(LicensesPallet, pallet_licenses, balances);

/// What each authorisation holds from the holder's account.
pub const CONSENT_DEPOSIT: u64 = 100;

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

/// The operator account of `agency`, signing.
pub fn op(agency: AgencyId) -> RuntimeOrigin {
	RuntimeOrigin::signed(operator_of(agency))
}

govchain_test_utils::mock_agency_origin!(MockAgencyOrigin, RuntimeOrigin);

thread_local! {
	static REGISTER: RefCell<BTreeMap<Uscc, Option<u64>>> = const { RefCell::new(BTreeMap::new()) };
}

/// Puts `uscc` on the mock enterprise register, acting through `account`.
pub fn register_enterprise(uscc: Uscc, account: Option<u64>) {
	REGISTER.with(|r| r.borrow_mut().insert(uscc, account));
}

/// Takes `uscc` off the mock enterprise register (deregistered).
pub fn deregister_enterprise(uscc: &Uscc) {
	REGISTER.with(|r| r.borrow_mut().remove(uscc));
}

/// Stands in for the enterprise register.
pub struct MockEnterprises;
impl EnterpriseLookup<u64> for MockEnterprises {
	fn is_registered(uscc: &Uscc) -> bool {
		REGISTER.with(|r| r.borrow().contains_key(uscc))
	}
	fn account_of(uscc: &Uscc) -> Option<u64> {
		REGISTER.with(|r| r.borrow().get(uscc).copied().flatten())
	}
}

impl pallet_licenses::Config for Test {
	type AgencyOrigin = MockAgencyOrigin;
	type Agencies = MockRegistry;
	type Enterprises = MockEnterprises;
	type ForceOrigin = frame_system::EnsureRoot<u64>;
	type UnixTime = MockClock;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ConsentDeposit = frame_support::traits::ConstU64<CONSENT_DEPOSIT>;
	type MaxCodeLength = ConstU32<32>;
	type MaxNameLength = ConstU32<64>;
	type MaxPurposeLength = ConstU32<32>;
	type MaxBatchIssue = ConstU32<8>;
	type MaxRecognitionsPerType = ConstU32<2>;
	type MaxLivePerHolder = ConstU32<4>;
	type MaxConsentsPerLicense = ConstU32<3>;
	type MaxPage = ConstU32<5>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

/// The agencies above, in id order.
pub fn standard_agencies() -> Vec<MockAgency> {
	vec![
		MockAgency::new(CHONGQING, &[Role::LicenseIssuer], 10),
		MockAgency::new(SICHUAN, &[Role::LicenseIssuer, Role::MarketRegulator], 20),
		MockAgency::new(YUZHONG_REGION, &[Role::LicenseIssuer], 30),
		MockAgency::new(CHONGQING, &[Role::Bank], 40),
		MockAgency::new(CHONGQING, &[Role::Court], 50),
		MockAgency { active: false, ..MockAgency::new(CHONGQING, &[Role::LicenseIssuer], 60) },
		MockAgency::new(CHONGQING, &[Role::MarketRegulator], 70),
	]
}

/// Takes every role from `agency`; it stays active (its operators still sign for it).
pub fn strip_roles(agency: AgencyId) {
	let mut agencies = standard_agencies();
	agencies[agency as usize].roles = govchain_primitives::RoleSet::empty();
	set_agencies(agencies);
}

/// The agencies above, the clock at [`T0`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_agencies(standard_agencies());
	set_now(T0);
	REGISTER.with(|r| r.borrow_mut().clear());
	base_ext()
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		LicensesPallet::do_try_state().expect("invariants hold after the test");
	});
}
