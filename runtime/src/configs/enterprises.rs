//! The enterprise registry: applications by anyone (fees are paid by the applicant
//! or, at a service desk, by the agency's operator), reviews and register changes by
//! agency operators, business licences through the licences pallet; force calls
//! that repair stuck records by governance.

use crate::{Balance, Balances, Consortium, Licenses, Runtime, RuntimeHoldReason, Timestamp};
use frame_support::traits::{ConstU128, ConstU32};

/// An application filed by the applicant itself: the application, its open marks and
/// review listings, about 512 bytes (0.572 GOV). Desk filings hold nothing.
pub const APPLICATION_DEPOSIT: Balance = super::payments::deposit(3, 512);

impl pallet_enterprises::Config for Runtime {
	type AgencyOrigin = pallet_consortium::EnsureAgencyOperator<Runtime>;
	type ForceOrigin = crate::configs::governance::GovernanceOrigin;
	type Agencies = Consortium;
	type Licenses = Licenses;
	type UnixTime = Timestamp;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ApplicationDeposit = ConstU128<APPLICATION_DEPOSIT>;
	type MaxNameLength = ConstU32<128>;
	type MaxScopeCodes = ConstU32<32>;
	/// A front-end page of pending reviews, enterprises or history entries.
	type MaxPage = ConstU32<100>;
	type WeightInfo = pallet_enterprises::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::Helper;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use crate::{AccountId, Consortium, Licenses, Runtime, RuntimeOrigin};
	use alloc::vec::Vec;
	use govchain_primitives::{AgencyBenchmarkHelper, AgencyId, AgencyRegistry, LicenseTypeId, RegionCode, Role};

	/// Agencies from the consortium; business licence types from the licences pallet.
	pub struct Helper;

	impl pallet_enterprises::BenchmarkHelper<AccountId> for Helper {
		fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, AccountId) {
			<Consortium as AgencyBenchmarkHelper<AccountId>>::agency_operator(roles, region)
		}

		fn business_license_type(agency: AgencyId, operator: &AccountId) -> LicenseTypeId {
			let id = pallet_licenses::NextTypeId::<Runtime>::get();
			let region = <Consortium as AgencyRegistry<AccountId>>::region_of(agency).map_or(500_000, |r| r.get());
			let mut code: Vec<u8> = b"BENCH-".to_vec();
			code.extend(id.to_le_bytes());
			// The benchmark that uses the type fails loudly if this did not define it.
			let _ = Licenses::define_type(
				RuntimeOrigin::signed(operator.clone()),
				code.try_into().unwrap_or_default(),
				b"Business licence".to_vec().try_into().unwrap_or_default(),
				region,
				pallet_licenses::HolderKind::Enterprise,
				Role::MarketRegulator,
				None,
				[0; 32],
				[0; 32],
			);
			id
		}
	}
}
