//! A test runtime: frame-system, balances (for application deposits) and the enterprise registry; the shared test
//! registry and clock stand in for the consortium and the timestamp pallet, and a
//! small licence book for the licences pallet.

use crate as pallet_enterprises;
use core::cell::RefCell;
use frame_support::{ensure, traits::ConstU32, weights::Weight};
use govchain_primitives::{
	AgencyId, AgencyRegistry, DocumentHash, HolderRef, LicenseId, LicenseIssuer, LicenseTypeId,
	ReasonCode, RegionCode, Role, Seconds,
};
pub use govchain_test_utils::{operator_of, set_active, set_agencies, set_now, MockAgency, MockClock, MockRegistry};
use sp_runtime::{DispatchError, DispatchResult};

govchain_test_utils::mock_runtime!(Registry, pallet_enterprises, balances);

/// What an applicant filing for itself has held while its application is open.
pub const APPLICATION_DEPOSIT: u64 = 500;

/// A licence in the mock licence book.
#[derive(Clone, Debug, PartialEq)]
pub struct BookEntry {
	pub license_type: LicenseTypeId,
	pub holder: HolderRef<u64>,
	pub issuer: AgencyId,
	pub content: DocumentHash,
	/// `None` while current; the reason once ended.
	pub ended: Option<(bool, ReasonCode)>,
}

/// Most live licences one holder may hold in the mock book.
pub const MAX_LIVE: u32 = 4;

/// One call of [`LicenseIssuer::end_all`] on the mock: agency, operator, holder,
/// reason, revoke, and how many licences it ended.
#[derive(Clone, Debug, PartialEq)]
pub struct EndAllCall {
	pub agency: AgencyId,
	pub operator: u64,
	pub holder: HolderRef<u64>,
	pub reason: ReasonCode,
	pub revoke: bool,
	pub ended: u32,
}

thread_local! {
	static BOOK: RefCell<Vec<BookEntry>> = const { RefCell::new(Vec::new()) };
	static END_ALL_CALLS: RefCell<Vec<EndAllCall>> = const { RefCell::new(Vec::new()) };
	/// Licence types: the region each covers (issuer must be a market regulator there).
	static TYPES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The licence `id` of the mock book.
pub fn book(id: LicenseId) -> Option<BookEntry> {
	BOOK.with(|b| b.borrow().get(id as usize).cloned())
}

/// The calls of `end_all` so far.
pub fn end_all_calls() -> Vec<EndAllCall> {
	END_ALL_CALLS.with(|c| c.borrow().clone())
}

/// Live licences of `holder` in the mock book.
pub fn live_of(holder: &HolderRef<u64>) -> u32 {
	BOOK.with(|b| b.borrow().iter().filter(|e| &e.holder == holder && e.ended.is_none()).count() as u32)
}

/// Writes a licence of another type to `holder` straight into the book, as another
/// department (`issuer`) of the licences pallet would; its id.
pub fn grant(holder: HolderRef<u64>, issuer: AgencyId) -> LicenseId {
	BOOK.with(|b| {
		let mut b = b.borrow_mut();
		b.push(BookEntry { license_type: 99, holder, issuer, content: [7; 32], ended: None });
		(b.len() - 1) as LicenseId
	})
}

/// Stands in for the licences pallet: types cover a region; a market regulator of
/// that region may issue them to enterprises. It declares [`MAX_LIVE`] as the bound
/// of `end_all` but does not enforce it (the book is thread-local, so benchmark
/// repetitions, whose storage is rolled back, would pile up licences in it).
pub struct MockLicenses;
impl LicenseIssuer<u64> for MockLicenses {
	fn issue(
		agency: AgencyId,
		_operator: &u64,
		license_type: LicenseTypeId,
		holder: HolderRef<u64>,
		content: DocumentHash,
		_valid_from: Seconds,
		_valid_until: Option<Seconds>,
	) -> Result<LicenseId, DispatchError> {
		Self::check_issue(agency, license_type, &holder)?;
		Ok(BOOK.with(|b| {
			let mut b = b.borrow_mut();
			b.push(BookEntry { license_type, holder, issuer: agency, content, ended: None });
			(b.len() - 1) as LicenseId
		}))
	}
	fn check_issue(agency: AgencyId, license_type: LicenseTypeId, holder: &HolderRef<u64>) -> DispatchResult {
		let region = TYPES
			.with(|t| t.borrow().get(license_type as usize).copied())
			.ok_or(DispatchError::Other("UnknownType"))?;
		ensure!(MockRegistry::has_role(agency, Role::MarketRegulator), DispatchError::Other("RoleNotHeld"));
		let home = MockRegistry::region_of(agency).ok_or(DispatchError::Other("OutsideRegion"))?;
		ensure!(RegionCode::new(region).is_some_and(|r| r.covers(&home)), DispatchError::Other("OutsideRegion"));
		ensure!(matches!(holder, HolderRef::Enterprise(u) if u.is_valid()), DispatchError::Other("HolderKindMismatch"));
		Ok(())
	}
	fn cancel(agency: AgencyId, _: &u64, license: LicenseId, reason: ReasonCode) -> DispatchResult {
		end(agency, license, false, reason)
	}
	fn revoke(agency: AgencyId, _: &u64, license: LicenseId, reason: ReasonCode) -> DispatchResult {
		end(agency, license, true, reason)
	}
	fn has_ended(license: LicenseId) -> bool {
		book(license).is_none_or(|e| e.ended.is_some())
	}
	fn end_all(
		agency: AgencyId,
		operator: &u64,
		holder: &HolderRef<u64>,
		reason: ReasonCode,
		revoke: bool,
	) -> Result<u32, DispatchError> {
		let ended = BOOK.with(|b| {
			let mut ended = 0;
			for e in b.borrow_mut().iter_mut().filter(|e| &e.holder == holder && e.ended.is_none()) {
				e.ended = Some((revoke, reason));
				ended += 1;
			}
			ended
		});
		END_ALL_CALLS.with(|c| {
			c.borrow_mut().push(EndAllCall { agency, operator: *operator, holder: holder.clone(), reason, revoke, ended })
		});
		Ok(ended)
	}
	fn max_live_per_holder() -> u32 {
		MAX_LIVE
	}
	fn end_all_weight(n: u32) -> Weight {
		Weight::from_parts(5_000_000 + 1_000_000 * u64::from(n), 100 * u64::from(n))
	}
}

fn end(agency: AgencyId, license: LicenseId, revoked: bool, reason: ReasonCode) -> DispatchResult {
	BOOK.with(|b| {
		let mut b = b.borrow_mut();
		let e = b.get_mut(license as usize).ok_or(DispatchError::Other("UnknownLicense"))?;
		ensure!(e.issuer == agency, DispatchError::Other("NotIssuer"));
		ensure!(e.ended.is_none(), DispatchError::Other("LicenseEnded"));
		e.ended = Some((revoked, reason));
		Ok(())
	})
}

govchain_test_utils::mock_agency_origin!(MockAgencyOrigin, RuntimeOrigin);

impl crate::BenchmarkHelper<u64> for MockRegistry {
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, u64) {
		<MockRegistry as govchain_primitives::AgencyBenchmarkHelper<u64>>::agency_operator(roles, region)
	}
	fn business_license_type(agency: AgencyId, _operator: &u64) -> LicenseTypeId {
		let region = MockRegistry::region_of(agency).map_or(0, |r| r.get());
		TYPES.with(|t| {
			let mut t = t.borrow_mut();
			t.push(region);
			(t.len() - 1) as LicenseTypeId
		})
	}
}

impl pallet_enterprises::Config for Test {
	type AgencyOrigin = MockAgencyOrigin;
	type ForceOrigin = frame_system::EnsureRoot<u64>;
	type Agencies = MockRegistry;
	type Licenses = MockLicenses;
	type UnixTime = MockClock;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApplicationDeposit = frame_support::traits::ConstU64<APPLICATION_DEPOSIT>;
	type MaxNameLength = ConstU32<64>;
	type MaxScopeCodes = ConstU32<4>;
	type MaxPage = ConstU32<MAX_PAGE>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockRegistry;
}

/// Largest page of the queries in the mock (small, to test paging).
pub const MAX_PAGE: u32 = 5;

/// Chongqing market regulator (500000); operator 10.
pub const CQ_AMR: AgencyId = 0;
/// Chongqing public security bureau (seal engraving); operator 20.
pub const CQ_PSB: AgencyId = 1;
/// Chongqing tax service; operator 30.
pub const CQ_TAX: AgencyId = 2;
/// Sichuan market regulator (510000); operator 40.
pub const SC_AMR: AgencyId = 3;
/// Sichuan tax service; operator 50.
pub const SC_TAX: AgencyId = 4;
/// Chongqing market regulator without a licence type set; operator 60.
pub const CQ_AMR_2: AgencyId = 5;
/// Yuzhong district (500103) market regulator, type 0 set; operator 70.
pub const YZ_AMR: AgencyId = 6;
/// Chongqing city proper (500100) tax service; operator 80.
pub const CQC_TAX: AgencyId = 7;
/// Sichuan public security bureau (seal engraving); operator 90.
pub const SC_PSB: AgencyId = 8;

/// Region codes.
pub const CHONGQING: u32 = 500000;
pub const SICHUAN: u32 = 510000;
/// Chongqing city proper (a prefecture-level code) and Yuzhong district in it.
pub const CHONGQING_CITY: u32 = 500100;
pub const YUZHONG: u32 = 500103;

/// Licence types of the mock book: 0 covers Chongqing, 1 Sichuan.
pub const CQ_BUSINESS: LicenseTypeId = 0;
pub const SC_BUSINESS: LicenseTypeId = 1;

/// 2026-01-01T00:00:00Z.
pub const T0: u64 = 1_767_225_600;

/// The agencies above, the two licence types (set for CQ_AMR, YZ_AMR and SC_AMR),
/// the clock at [`T0`], block 1.
pub fn new_test_ext() -> sp_io::TestExternalities {
	set_agencies(vec![
		MockAgency::new(CHONGQING, &[Role::MarketRegulator], 10),
		MockAgency::new(CHONGQING, &[Role::SealAuthority], 20),
		MockAgency::new(CHONGQING, &[Role::TaxAuthority], 30),
		MockAgency::new(SICHUAN, &[Role::MarketRegulator], 40),
		MockAgency::new(SICHUAN, &[Role::TaxAuthority], 50),
		MockAgency::new(CHONGQING, &[Role::MarketRegulator], 60),
		MockAgency::new(YUZHONG, &[Role::MarketRegulator], 70),
		MockAgency::new(CHONGQING_CITY, &[Role::TaxAuthority], 80),
		MockAgency::new(SICHUAN, &[Role::SealAuthority], 90),
	]);
	BOOK.with(|b| b.borrow_mut().clear());
	END_ALL_CALLS.with(|c| c.borrow_mut().clear());
	TYPES.with(|t| *t.borrow_mut() = vec![CHONGQING, SICHUAN]);
	set_now(T0);
	let mut ext = base_ext();
	ext.execute_with(|| {
		crate::LicenseTypeOf::<Test>::insert(CQ_AMR, CQ_BUSINESS);
		crate::LicenseTypeOf::<Test>::insert(SC_AMR, SC_BUSINESS);
		crate::LicenseTypeOf::<Test>::insert(YZ_AMR, CQ_BUSINESS);
	});
	ext
}

/// Runs `test` on the standard state, then checks every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Registry::do_try_state().expect("invariants hold after the test");
	});
}
