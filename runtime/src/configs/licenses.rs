//! Electronic licences: any operator of an active member agency acts through
//! `AgencyOrigin`; the pallet checks the role each call needs against the consortium.
//! Registered enterprises act through the account the enterprise register records;
//! governance repairs stuck licences and holder accounts.

use crate::{Balance, Balances, Consortium, Enterprises, Runtime, RuntimeHoldReason, Timestamp};
use frame_support::traits::{ConstU128, ConstU32};

/// A consent: its record and its deposit entry, about 128 bytes (0.168 GOV).
pub const CONSENT_DEPOSIT: Balance = super::payments::deposit(2, 128);

impl pallet_licenses::Config for Runtime {
	type AgencyOrigin = pallet_consortium::EnsureAgencyOperator<Runtime>;
	type Agencies = Consortium;
	type Enterprises = Enterprises;
	type ForceOrigin = crate::configs::governance::GovernanceOrigin;
	type UnixTime = Timestamp;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ConsentDeposit = ConstU128<CONSENT_DEPOSIT>;
	type MaxCodeLength = ConstU32<32>;
	type MaxNameLength = ConstU32<128>;
	type MaxPurposeLength = ConstU32<64>;
	/// A batch of 100 licences stays well inside a block (see `weights.rs`); a
	/// migration of a large store sends many batches, several per block.
	type MaxBatchIssue = ConstU32<100>;
	type MaxRecognitionsPerType = ConstU32<64>;
	/// Ending all of a holder's licences (an enterprise deregistered) stays a small
	/// part of a block at 64 (see `end_all` in `weights.rs`).
	type MaxLivePerHolder = ConstU32<64>;
	type MaxConsentsPerLicense = ConstU32<32>;
	/// Runtime API pages.
	type MaxPage = ConstU32<100>;
	type WeightInfo = pallet_licenses::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Consortium;
}
