//! Provident fund: centres and commissioned banks act through their operators; the
//! pallet checks the `FundCenter` and `Bank` roles per call.

use crate::{Consortium, Runtime, Timestamp};

impl pallet_provident_fund::Config for Runtime {
	type AgencyOrigin = pallet_consortium::EnsureAgencyOperator<Runtime>;
	type Agencies = Consortium;
	type UnixTime = Timestamp;
	type WeightInfo = pallet_provident_fund::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Consortium;
}
