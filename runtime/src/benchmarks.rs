//! The benchmarks the runtime offers to `benchmark pallet`: `scripts/bench.sh` turns GovChain's
//! pallets' and balances' into weights; the transaction extensions' and the fee's are there
//! to compare with the extrinsic base weight (`weights/in_base.rs`).

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
