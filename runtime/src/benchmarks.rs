//! The pallets whose benchmarks `scripts/bench.sh` runs to generate `weights.rs`.

frame_benchmarking::define_benchmarks!(
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_consortium, Consortium]
	[pallet_licenses, Licenses]
	[pallet_enterprises, Enterprises]
	[pallet_copyright, Copyright]
	[pallet_provident_fund, ProvidentFund]
);

pub use frame_system_benchmarking::{extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench};
pub use crate::{Balances, TransactionPayment, Consortium, Copyright, Council, Enterprises, Licenses, ProvidentFund, Runtime, Sudo, Timestamp, Utility};

impl frame_system_benchmarking::Config for Runtime {}

impl pallet_transaction_payment::BenchmarkConfig for Runtime {}
