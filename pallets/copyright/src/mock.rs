//! A test runtime: frame-system, balances (for deposits) and the copyright pallet; the shared test registry
//! and clock stand in for the consortium and the timestamp pallet, and a set of
//! USCCs for the enterprise register.

use crate as pallet_copyright;
use core::cell::RefCell;
use frame_support::traits::{ConstU32, ConstU64};
use govchain_primitives::{AgencyId, EnterpriseLookup, RegionCode, Role, Uscc};
pub use govchain_test_utils::{operator_of, set_active, set_agencies, set_now, MockAgency, MockClock, MockRegistry};

govchain_test_utils::mock_runtime!(Copyright, pallet_copyright, balances);

/// What each pending commitment holds.
pub const COMMIT_DEPOSIT: u64 = 10;
/// What each work deposited by an account of no agency holds until decided.
pub const WORK_DEPOSIT: u64 = 200;

thread_local! {
	static REGISTERED: RefCell<Vec<Uscc>> = const { RefCell::new(Vec::new()) };
}

/// A registered enterprise (seq 1..) for tests.
pub fn enterprise_code(seq: u8) -> Uscc {
	let mut first17 = *b"91500000000000000";
	first17[15] = b'0' + seq;
	Uscc::with_check(first17).expect("digits are in the alphabet")
}

/// Stands in for the enterprise register.
pub struct MockEnterprises;
impl EnterpriseLookup<u64> for MockEnterprises {
	fn is_registered(uscc: &Uscc) -> bool {
		REGISTERED.with(|r| r.borrow().contains(uscc))
	}
	fn account_of(uscc: &Uscc) -> Option<u64> {
		// Registered test enterprise `seq` acts through account `500 + seq`.
		Self::is_registered(uscc).then(|| 500 + u64::from(uscc.0[15] - b'0'))
	}
}

govchain_test_utils::mock_agency_origin!(MockAgencyOrigin, RuntimeOrigin);

impl crate::BenchmarkHelper<u64> for MockRegistry {
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, u64) {
		<MockRegistry as govchain_primitives::AgencyBenchmarkHelper<u64>>::agency_operator(roles, region)
	}
	fn registered_enterprise(i: u32) -> Uscc {
		// Nine test enterprises stand in for as many as a benchmark asks for.
		let code = enterprise_code(1 + (i % 9) as u8);
		REGISTERED.with(|r| {
			let mut r = r.borrow_mut();
			if !r.contains(&code) {
				r.push(code);
			}
		});
		code
	}
}

impl pallet_copyright::Config for Test {
	type AgencyOrigin = MockAgencyOrigin;
	type Agencies = MockRegistry;
	type Enterprises = MockEnterprises;
	type UnixTime = MockClock;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CommitDeposit = frame_support::traits::ConstU64<COMMIT_DEPOSIT>;
	type WorkDeposit = frame_support::traits::ConstU64<WORK_DEPOSIT>;
	type MaxTitleLength = ConstU32<64>;
	type MaxAuthors = ConstU32<4>;
	type MaxBatchDeposit = ConstU32<4>;
	type MaxGrantsPerWork = ConstU32<3>;
	type ForceOrigin = frame_system::EnsureRoot<u64>;
	type MaxPendingCommits = ConstU32<3>;
	type CommitLifetime = ConstU64<20>;
	type ContestPeriod = ConstU64<10>;
	type MaxPage = ConstU32<5>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

/// Chongqing press and publication administration (copyright office); operator 10.
pub const OFFICE: AgencyId = 0;
/// Chongqing intermediate court; operator 20.
pub const COURT: AgencyId = 1;
/// Another court; operator 30.
pub const OTHER_COURT: AgencyId = 2;
/// A bank (no copyright role); operator 40.
pub const BANK: AgencyId = 3;
/// Sichuan copyright office; operator 50.
pub const SC_OFFICE: AgencyId = 4;
/// Yuzhong district (Chongqing) copyright office; operator 60.
pub const DISTRICT_OFFICE: AgencyId = 5;

/// Chongqing.
pub const CHONGQING: u32 = 500000;
/// Yuzhong district, Chongqing.
pub const YUZHONG: u32 = 500103;
/// Jiangbei district, Chongqing.
pub const JIANGBEI: u32 = 500105;

/// 2026-01-01T00:00:00Z.
pub const T0: u64 = 1_767_225_600;

/// The agencies above, enterprises 1 and 2 registered (acting through accounts 501
/// and 502), the clock at [`T0`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_agencies(vec![
		MockAgency::new(500000, &[Role::CopyrightOffice], 10),
		MockAgency::new(500000, &[Role::Court], 20),
		MockAgency::new(510000, &[Role::Court], 30),
		MockAgency::new(500000, &[Role::Bank], 40),
		MockAgency::new(510000, &[Role::CopyrightOffice], 50),
		MockAgency::new(500103, &[Role::CopyrightOffice], 60),
	]);
	REGISTERED.with(|r| *r.borrow_mut() = vec![enterprise_code(1), enterprise_code(2)]);
	set_now(T0);
	base_ext()
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Copyright::do_try_state().expect("invariants hold after the test");
	});
}
