//! Test doubles for GovChain pallet tests (std only, never in a runtime).
//!
//! Domain pallets take agencies through `AgencyRegistry` and an agency origin;
//! their mock runtimes use [`MockRegistry`], [`mock_agency_origin!`] and [`MockClock`]
//! instead of the consortium and the timestamp pallet. State is thread-local, so
//! each test thread has its own.

use core::{cell::RefCell, time::Duration};
use frame_support::traits::UnixTime;
use govchain_primitives::{AgencyBenchmarkHelper, AgencyId, AgencyRegistry, RegionCode, Role, RoleSet};
use sp_runtime::DispatchError;

/// An agency of the mock registry; its id is its index.
#[derive(Clone, Debug)]
pub struct MockAgency {
	/// GB/T 2260 code.
	pub region: u32,
	/// Roles held.
	pub roles: RoleSet,
	/// Whether it may act.
	pub active: bool,
	/// Its one operator account.
	pub operator: u64,
}

impl MockAgency {
	/// An active agency.
	pub fn new(region: u32, roles: &[Role], operator: u64) -> Self {
		Self { region, roles: RoleSet::from_roles(roles), active: true, operator }
	}
}

thread_local! {
	static AGENCIES: RefCell<Vec<MockAgency>> = const { RefCell::new(Vec::new()) };
	static NOW: RefCell<u64> = const { RefCell::new(0) };
}

/// Replaces the registry's agencies (ids 0, 1, … in order).
pub fn set_agencies(agencies: Vec<MockAgency>) {
	AGENCIES.with(|a| *a.borrow_mut() = agencies);
}

/// Suspends (`false`) or reinstates a mock agency.
pub fn set_active(agency: AgencyId, active: bool) {
	AGENCIES.with(|a| {
		if let Some(x) = a.borrow_mut().get_mut(agency as usize) {
			x.active = active;
		}
	});
}

/// The operator account of `agency` (panics for an unknown agency: a broken test).
pub fn operator_of(agency: AgencyId) -> u64 {
	AGENCIES.with(|a| a.borrow()[agency as usize].operator)
}

/// Sets the clock (Unix seconds).
pub fn set_now(secs: u64) {
	NOW.with(|n| *n.borrow_mut() = secs);
}

fn agency(id: AgencyId) -> Option<MockAgency> {
	AGENCIES.with(|a| a.borrow().get(id as usize).cloned())
}

/// Answers like the consortium, from the agencies set with [`set_agencies`].
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

impl AgencyBenchmarkHelper<u64> for MockRegistry {
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, u64) {
		AGENCIES.with(|a| {
			let mut a = a.borrow_mut();
			let id = a.len() as AgencyId;
			let operator = 1_000 + u64::from(id);
			a.push(MockAgency::new(region.get(), roles, operator));
			(id, operator)
		})
	}
}

/// Declares `$name`, the mock runtime's "signed by an operator of an active
/// agency" origin (like the consortium's `EnsureAgencyOperator`), succeeding with
/// `(agency, operator)` from [`MockRegistry`]. A macro so that its benchmark half
/// follows the calling pallet's `runtime-benchmarks` feature.
#[macro_export]
macro_rules! mock_agency_origin {
	($name:ident, $origin:ty) => {
		/// "Signed by an operator of an active agency" in the mock runtime.
		pub struct $name;
		impl frame_support::traits::EnsureOrigin<$origin> for $name {
			type Success = (govchain_primitives::AgencyId, u64);

			fn try_origin(o: $origin) -> Result<Self::Success, $origin> {
				use govchain_primitives::AgencyRegistry;
				match o.clone().into() {
					Ok(frame_system::RawOrigin::Signed(who)) => $crate::MockRegistry::acting_agency(&who, None)
						.map(|a| (a, who))
						.map_err(|_| o),
					_ => Err(o),
				}
			}

			#[cfg(feature = "runtime-benchmarks")]
			fn try_successful_origin() -> Result<$origin, ()> {
				use govchain_primitives::AgencyBenchmarkHelper;
				let region = govchain_primitives::RegionCode::new(500_000).ok_or(())?;
				let (_, who) = $crate::MockRegistry::agency_operator(&[], region);
				Ok(frame_system::RawOrigin::Signed(who).into())
			}
		}
	};
}

/// The mock clock, set with [`set_now`].
pub struct MockClock;

impl UnixTime for MockClock {
	fn now() -> Duration {
		Duration::from_secs(NOW.with(|n| *n.borrow()))
	}
}

/// Accounts `0..MOCK_ENDOWED` start with [`MOCK_ENDOWMENT`] in a mock runtime
/// declared with balances.
pub const MOCK_ENDOWED: u64 = 1_000;
/// What each endowed mock account starts with.
pub const MOCK_ENDOWMENT: u64 = 1_000_000;

/// Declares the mock runtime `Test` of a GovChain pallet's tests: `frame_system` at
/// index 0 and the pallet (imported as `$pallet`, e.g. `use crate as pallet_x;`)
/// at index 1 under the name `$alias`, frame-system's test defaults, and
/// `base_ext()`: default genesis at block 1. The caller implements the pallet's
/// `Config` for `Test`.
///
/// With a third argument `balances`, `pallet_balances` joins at index 2 as
/// `Balances` (its test defaults, `u64` balances; the calling crate depends on
/// `pallet-balances`) for pallets that hold deposits, and accounts
/// `0..MOCK_ENDOWED` start with `MOCK_ENDOWMENT` each.
#[macro_export]
macro_rules! mock_runtime {
	($alias:ident, $pallet:ident) => {
		$crate::mock_runtime!(@build $alias, $pallet, {}, {}, { |_: &mut sp_runtime::Storage| {} });
	};
	($alias:ident, $pallet:ident, balances) => {
		$crate::mock_runtime!(@build $alias, $pallet,
			{
				#[runtime::pallet_index(2)]
				pub type Balances = pallet_balances;
			},
			{ type AccountData = pallet_balances::AccountData<u64>; },
			{
				|storage: &mut sp_runtime::Storage| {
					pallet_balances::GenesisConfig::<Test> {
						balances: (0..$crate::MOCK_ENDOWED).map(|a| (a, $crate::MOCK_ENDOWMENT)).collect(),
						..Default::default()
					}
					.assimilate_storage(storage)
					.expect("mock balances genesis builds");
				}
			}
		);

		#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
		impl pallet_balances::Config for Test {
			type AccountStore = System;
		}
	};
	(@build $alias:ident, $pallet:ident, { $($extra_pallet:tt)* }, { $($system_extra:tt)* }, { $genesis_extra:expr }) => {
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
			pub type $alias = $pallet;

			$($extra_pallet)*
		}

		use frame_support::derive_impl;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
		impl frame_system::Config for Test {
			type Block = Block;
			$($system_extra)*
		}

		/// Default genesis (endowed accounts where balances are in), block 1.
		pub fn base_ext() -> sp_io::TestExternalities {
			use sp_runtime::BuildStorage;
			let mut storage = RuntimeGenesisConfig::default().build_storage().expect("mock genesis builds");
			($genesis_extra)(&mut storage);
			let mut ext = sp_io::TestExternalities::new(storage);
			ext.execute_with(|| System::set_block_number(1));
			ext
		}
	};
}
