//! frame-system: accounts, block weight and length limits.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstU32, Contains},
	weights::{constants::WEIGHT_REF_TIME_PER_MILLIS, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::{
	weights::{
		block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight,
		in_base::InExtrinsicBase, paritydb_weights::constants::ParityDbWeight,
	},
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};

/// Largest block, in bytes.
const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;
/// Share of a block that ordinary (non-operational) extrinsics may fill: 1.35 s of the
/// 1.5 s. The block's total, which bounds how long any node takes to import it, does
/// not depend on this share. It sets what stays open to operational extrinsics
/// (council motions, `consortium.govern`) in a block that ordinary ones have already
/// filled: 150 ms, about a thousand council votes. Operational extrinsics also carry
/// five times their fee as pool priority (`OperationalFeeMultiplier`), so an author
/// takes them before the ordinary ones in the first place. FRAME's usual quarter
/// (375 ms) kept a quarter of every full block from the agencies' calls.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(90);
/// Compute per block: half of the three-second slot. The author builds the block in at
/// most this time (its proposer may use two thirds of the slot), and every other node
/// imports it in about the same time, which leaves the other half of the slot for the
/// block to travel and be imported before the next author builds on it. Every weight
/// charged against it is measured on GovChain's own machine (`scripts/bench.sh`;
/// docs/PERFORMANCE.md, "Weights").
const MAXIMUM_BLOCK_WEIGHT: Weight = Weight::from_parts(1_500 * WEIGHT_REF_TIME_PER_MILLIS, u64::MAX);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// [`MAXIMUM_BLOCK_WEIGHT`], with the block's and each extrinsic's base cost as
	/// `benchmark overhead` measured them; ordinary extrinsics fill up to
	/// [`NORMAL_DISPATCH_RATIO`], operational ones (governance) the rest, with that
	/// tenth of the block kept for them beyond that.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::builder()
		.base_block(BlockExecutionWeight::get())
		.for_class(DispatchClass::all(), |weights| {
			weights.base_extrinsic = ExtrinsicBaseWeight::get();
		})
		.for_class(DispatchClass::Normal, |weights| {
			weights.max_total = Some(NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.for_class(DispatchClass::Operational, |weights| {
			weights.max_total = Some(MAXIMUM_BLOCK_WEIGHT);
			weights.reserved = Some(MAXIMUM_BLOCK_WEIGHT - NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT);
		})
		.avg_block_initialization(Perbill::from_percent(10))
		.build_or_panic();
	/// At most 5 MiB per block, of which ordinary extrinsics may fill 90 %.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAX_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAX_BLOCK_LENGTH
		})
		.build();
	/// Generic Substrate address format, which every polkadot.js wallet understands.
	pub const SS58Prefix: u8 = 42;
}

/// Which calls a non-root origin may dispatch (root, i.e. `consortium.govern` or the
/// development sudo key, bypasses every filter).
///
/// Node admission is the council's: `nodeAuthorization`'s calls for node owners
/// (`claimNode`, `removeClaim`, `transferNode`, `addConnections`,
/// `removeConnections`) carry placeholder weights and unbounded peer lists and would
/// let any funded account write to the permissioned peer set, so they are refused
/// for everyone. The well-known-node calls stay: they require `GovernanceOrigin`
/// (two thirds of the council), which a motion dispatches.
pub struct CallFilter;

impl Contains<RuntimeCall> for CallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		use pallet_node_authorization::Call as Nodes;
		!matches!(
			call,
			RuntimeCall::NodeAuthorization(
				Nodes::claim_node { .. } |
					Nodes::remove_claim { .. } |
					Nodes::transfer_node { .. } |
					Nodes::add_connections { .. } |
					Nodes::remove_connections { .. }
			)
		)
	}
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BaseCallFilter = CallFilter;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// Nodes store state in ParityDB only: its read and write costs as `benchmark storage`
	/// measured them on a filled GovChain state.
	type DbWeight = ParityDbWeight;
	/// The transaction extensions' costs are inside the measured extrinsic base weight.
	type ExtensionsWeightInfo = InExtrinsicBase;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

/// Storage keys written at the start of every block, before any signed extrinsic runs: the
/// parent hash (by `System::initialize`) and the time (by the mandatory timestamp inherent).
/// A call that reads them reads the block's overlay, never the database, so the benchmarks
/// whitelist them (`dispatch_benchmark` in `apis.rs`).
#[cfg(any(feature = "runtime-benchmarks", test))]
pub(crate) fn written_before_extrinsics() -> [[u8; 32]; 2] {
	use frame_support::storage::storage_prefix;
	[storage_prefix(b"System", b"ParentHash"), storage_prefix(b"Timestamp", b"Now")]
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn keys_whitelisted_for_benchmarks_are_written_when_a_block_starts() {
		use codec::Encode;
		let mut ext = crate::genesis_config_presets::tests::build(sp_genesis_builder::DEV_RUNTIME_PRESET);
		ext.execute_with(|| {
			let [parent_key, now_key] = written_before_extrinsics();
			let parent = sp_core::H256::repeat_byte(7);
			crate::System::initialize(&1, &parent, &Default::default());
			assert_eq!(sp_io::storage::get(&parent_key).map(|v| v.to_vec()), Some(parent.encode()));
			// Within slot 0, the slot Aura is at without a pre-runtime digest.
			crate::Timestamp::set(crate::RuntimeOrigin::none(), 1_000).expect("the inherent is accepted");
			assert_eq!(sp_io::storage::get(&now_key).map(|v| v.to_vec()), Some(1_000u64.encode()));
		});
	}

	#[test]
	fn block_weights_hold_together_and_keep_a_tenth_for_governance() {
		use crate::configs::governance::{CouncilCollective, MaxCouncilMembers};
		use frame_support::traits::Get;
		use pallet_collective::WeightInfo as _;
		let ms = |n: u64| n * WEIGHT_REF_TIME_PER_MILLIS;
		let w = RuntimeBlockWeights::get();
		assert!(w.clone().validate().is_ok());
		assert_eq!(w.max_block.ref_time(), ms(1_500));
		assert_eq!(w.base_block, BlockExecutionWeight::get());
		// Ordinary extrinsics: 1.35 s of the 1.5 s, and 90 % of the 5 MiB.
		let normal = w.get(DispatchClass::Normal);
		assert_eq!(normal.max_total.map(|m| m.ref_time()), Some(ms(1_350)));
		assert_eq!(normal.base_extrinsic, ExtrinsicBaseWeight::get());
		assert_eq!(*RuntimeBlockLength::get().max.get(DispatchClass::Normal), 4_718_592);
		// Operational ones may use the whole block, and 150 ms of it stays theirs in a
		// block that ordinary ones filled: room for hundreds of council votes.
		let operational = w.get(DispatchClass::Operational);
		assert_eq!(operational.max_total.map(|m| m.ref_time()), Some(ms(1_500)));
		assert_eq!(operational.reserved.map(|r| r.ref_time()), Some(ms(150)));
		let vote = <<crate::Runtime as pallet_collective::Config<CouncilCollective>>::WeightInfo>::vote(
			MaxCouncilMembers::get(),
		)
		.ref_time() + ExtrinsicBaseWeight::get().ref_time();
		assert!(ms(150) / vote >= 500, "the reserve holds only {} council votes", ms(150) / vote);
	}
	use frame_support::traits::OriginTrait;
	use sp_core::OpaquePeerId;

	#[test]
	fn node_owner_calls_are_refused_to_accounts_and_governance_calls_pass_the_filter() {
		use pallet_node_authorization::Call as Nodes;
		let node = OpaquePeerId(alloc::vec![7; 38]);
		let stranger = RuntimeOrigin::signed(AccountId::new([2; 32]));
		let owner_calls = [
			Nodes::claim_node { node: node.clone() },
			Nodes::remove_claim { node: node.clone() },
			Nodes::transfer_node { node: node.clone(), owner: AccountId::new([3; 32]).into() },
			Nodes::add_connections { node: node.clone(), connections: alloc::vec![node.clone()] },
			Nodes::remove_connections { node: node.clone(), connections: alloc::vec![node.clone()] },
		];
		for call in owner_calls {
			let call = RuntimeCall::NodeAuthorization(call);
			assert!(!stranger.filter_call(&call), "{call:?} passes the filter");
			// Root (a `consortium.govern` motion) is never filtered.
			assert!(RuntimeOrigin::root().filter_call(&call));
		}
		let admit = RuntimeCall::NodeAuthorization(Nodes::add_well_known_node {
			node,
			owner: AccountId::new([3; 32]).into(),
		});
		// Passes the filter; `GovernanceOrigin` then refuses a plain account.
		assert!(stranger.filter_call(&admit));
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: AccountId::new([3; 32]).into(),
			value: 1,
		});
		assert!(stranger.filter_call(&transfer));
	}
}
