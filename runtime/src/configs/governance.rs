//! Governance: the consortium of agencies, its council, and the validator set.
//!
//! Admitting an agency, granting or removing roles, suspending an agency, seating a
//! validator or a council member, admitting a node to the network
//! (`nodeAuthorization.addWellKnownNode`), and runtime upgrades (`consortium.govern`)
//! all pass by council motion with at least two thirds of the seats in favour. Root (the
//! sudo key, present only in the development preset) may do the same.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, Contains, EitherOfDiverse},
	weights::Weight,
};
use frame_system::{EnsureNever, EnsureRoot};
use sp_runtime::{traits::ConvertInto, Perbill};

use crate::{
	configs::RuntimeBlockWeights, AccountId, Balances, BlockNumber, Consortium, Council, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeOrigin, SessionKeys, DAYS, MINUTES,
};

/// The council of member agencies.
pub type CouncilCollective = pallet_collective::Instance1;

/// Two thirds of the council, or root.
pub type GovernanceOrigin = EitherOfDiverse<
	EnsureRoot<AccountId>,
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>,
>;

parameter_types! {
	/// A motion stays open for votes this long.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may use at most half a block.
	pub MaxProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
	pub const SessionOffset: BlockNumber = 0;
}

parameter_types! {
	/// A session (the validator set can change at its end) lasts ten minutes. Kept in
	/// storage under `twox_128(":SessionPeriod:")` (a `u32`), so that governance can
	/// change it with `system.setStorage`, and a test network's chain spec can shorten
	/// it (`tests/network/join.sh` sets 10 blocks); absent, ten minutes.
	pub storage SessionPeriod: BlockNumber = 10 * MINUTES;
}

/// Most council seats (one or two per member agency).
pub type MaxCouncilMembers = ConstU32<64>;

/// Accounts whose session keys are registered (`session.setKeys`): only these can be
/// seated as validators, so that the authority set never holds a node that cannot author.
pub struct SessionKeysRegistered;
impl Contains<AccountId> for SessionKeysRegistered {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

/// Registers session keys for benchmark accounts straight in the session pallet's
/// storage (benchmarks need the keys to exist, not to be usable).
#[cfg(feature = "runtime-benchmarks")]
pub struct ConsortiumBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_consortium::BenchmarkHelper<AccountId> for ConsortiumBenchmarkHelper {
	fn register_session_keys(who: &AccountId) {
		use codec::Decode;
		// Keys derived from the account's bytes; decoding from an endless input succeeds.
		let input = AsRef::<[u8]>::as_ref(who);
		if let Ok(keys) = SessionKeys::decode(&mut sp_runtime::traits::TrailingZeroInput::new(input)) {
			pallet_session::NextKeys::<Runtime>::insert(who, keys);
		}
	}
}

impl pallet_consortium::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type GovernanceOrigin = GovernanceOrigin;
	type CouncilMembership = Council;
	type MaxNameLength = ConstU32<128>;
	type MaxOperatorsPerAgency = ConstU32<256>;
	type MaxValidators = super::consensus::MaxAuthorities;
	type MaxCouncilMembers = MaxCouncilMembers;
	/// One node per agency, and a second to move it without a gap.
	type MaxValidatorsPerAgency = ConstU32<2>;
	/// One or two seats per member agency.
	type MaxSeatsPerAgency = ConstU32<2>;
	/// One page lists a whole agency's operators.
	type MaxPageSize = ConstU32<256>;
	type ValidatorKeys = SessionKeysRegistered;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ConsortiumBenchmarkHelper;
	type WeightInfo = pallet_consortium::weights::SubstrateWeight<Runtime>;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = MaxCouncilMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Seats change only through the consortium (`consortium.addCouncilMember`).
	type SetMembersOrigin = EnsureNever<()>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = GovernanceOrigin;
	type KillOrigin = GovernanceOrigin;
	type Consideration = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	/// The consortium decides the validator set.
	type SessionManager = Consortium;
	type SessionHandler = <SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Validators are admitted by vote; no deposit is needed to register keys.
	type KeyDeposit = ConstU128<0>;
}

/// Government nodes: only peers whose id governance admitted may connect to a node
/// (each node's offchain worker applies the list). A node's owner (its agency's
/// account) may additionally allow connections to its own node.
impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type MaxWellKnownNodes = ConstU32<256>;
	/// A libp2p peer id of an Ed25519 key is 38 bytes; leave room for other key types.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = GovernanceOrigin;
	type RemoveOrigin = GovernanceOrigin;
	type SwapOrigin = GovernanceOrigin;
	type ResetOrigin = GovernanceOrigin;
	type WeightInfo = ();
}

#[cfg(test)]
mod tests {
	use super::SessionPeriod;
	use crate::MINUTES;

	#[test]
	fn the_session_period_is_read_from_its_documented_key() {
		sp_io::TestExternalities::default().execute_with(|| {
			assert_eq!(SessionPeriod::get(), 10 * MINUTES);
			let key = sp_io::hashing::twox_128(b":SessionPeriod:");
			assert_eq!(SessionPeriod::key(), key);
			sp_io::storage::set(&key, &10u32.to_le_bytes());
			assert_eq!(SessionPeriod::get(), 10);
		});
	}
}
