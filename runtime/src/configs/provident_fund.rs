//! Provident fund: centres and commissioned banks act through their operators; the
//! pallet checks the `FundCenter` and `Bank` roles per call. Governance repairs
//! stuck records (closes loans, moves accounts).

use crate::{Consortium, Runtime, Timestamp};
use frame_support::traits::ConstU32;

impl pallet_provident_fund::Config for Runtime {
	type AgencyOrigin = pallet_consortium::EnsureAgencyOperator<Runtime>;
	type Agencies = Consortium;
	type UnixTime = Timestamp;
	type ForceOrigin = crate::configs::governance::GovernanceOrigin;
	type MaxPage = ConstU32<100>;
	type WeightInfo = pallet_provident_fund::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Consortium;
}
