//! Copyright deposits: anyone signed commits and then deposits (authors, companies,
//! archives); a copyright office of the work's region registers; courts freeze and
//! rule; governance repairs stuck records. Enterprise parties are checked against
//! the enterprise register, which also names the account that accepts for them.

use crate::{Balance, Balances, Consortium, Enterprises, Runtime, RuntimeHoldReason, Timestamp, DAYS, HOURS};
use frame_support::traits::{ConstU128, ConstU32};

/// A pending commitment: one entry of about 40 bytes (0.06 GOV), back at the reveal.
pub const COMMIT_DEPOSIT: Balance = super::payments::deposit(1, 40);
/// A work deposited by an account of no agency: the work, its holder listing and first
/// history entry, about 1 KiB with a full title and authors (1.084 GOV), back when a
/// copyright office decides it.
pub const WORK_DEPOSIT: Balance = super::payments::deposit(3, 1024);

impl pallet_copyright::Config for Runtime {
	type AgencyOrigin = pallet_consortium::EnsureAgencyOperator<Runtime>;
	type Agencies = Consortium;
	type Enterprises = Enterprises;
	type UnixTime = Timestamp;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type CommitDeposit = ConstU128<COMMIT_DEPOSIT>;
	type WorkDeposit = ConstU128<WORK_DEPOSIT>;
	type MaxTitleLength = ConstU32<256>;
	type MaxAuthors = ConstU32<16>;
	/// An archive of 100,000 works migrates in a thousand batches.
	type MaxBatchDeposit = ConstU32<100>;
	type MaxGrantsPerWork = ConstU32<64>;
	type ForceOrigin = crate::configs::governance::GovernanceOrigin;
	/// Enough for an author's or an archive's pending batches.
	type MaxPendingCommits = ConstU32<16>;
	/// A commitment stays revealable for a day.
	type CommitLifetime = ConstU32<{ DAYS }>;
	/// An hour for an author whose reveal was delayed to take the work back from a
	/// front-runner (registration or a freeze ends it sooner).
	type ContestPeriod = ConstU32<{ HOURS }>;
	type MaxPage = ConstU32<100>;
	type WeightInfo = pallet_copyright::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark::Helper;
}

#[cfg(feature = "runtime-benchmarks")]
mod benchmark {
	use crate::{AccountId, Consortium, Runtime};
	use govchain_primitives::{AgencyBenchmarkHelper, AgencyId, RegionCode, Role, Uscc};
	use pallet_enterprises::{Enterprise, EnterpriseStatus, EntityType, Profile};

	/// Agencies from the consortium; an enterprise written straight onto the register.
	pub struct Helper;

	impl pallet_copyright::BenchmarkHelper<AccountId> for Helper {
		fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, AccountId) {
			<Consortium as AgencyBenchmarkHelper<AccountId>>::agency_operator(roles, region)
		}

		fn registered_enterprise(i: u32) -> Uscc {
			// `9150000` and `i` in ten digits: distinct codes, each well formed (benchmarks
			// abort loudly if one were not).
			let mut first17 = *b"91500000000000000";
			let mut rest = i;
			for digit in first17[7..].iter_mut().rev() {
				*digit = b'0' + (rest % 10) as u8;
				rest /= 10;
			}
			let uscc = Uscc::with_check(first17).expect("digits are in the alphabet");
			let region = RegionCode::new(500_000).expect("Chongqing is a region");
			pallet_enterprises::Enterprises::<Runtime>::insert(
				uscc,
				Enterprise {
					profile: Profile {
						name: Default::default(),
						entity_type: EntityType::LimitedCompany,
						region,
						capital: 0,
						scope: Default::default(),
						legal_rep: [0; 32],
					},
					authority: 0,
					account: None,
					status: EnterpriseStatus::Active,
					established_block: 0,
					established_time: 0,
					license: 0,
					version: 0,
					changes: 0,
				},
			);
			uscc
		}
	}
}
