//! # GovChain runtime
//!
//! The state machine that government agencies run together. It composes the
//! consensus pallets (Aura block production, GRANDPA finality), the native currency
//! that pays anti-spam fees, and GovChain's domain pallets.
//!
//! Layout:
//! - [`configs`]: one file per pallet or domain with its `Config` implementation;
//! - [`apis`]: the runtime APIs a node and a front-end call;
//! - [`genesis_config_presets`]: the named genesis presets (`development`,
//!   `local_testnet`).

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-style macros expand to large types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Before `apis`: `define_benchmarks!` creates the macros `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod weights;
pub mod genesis_config_presets;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Block number.
pub type BlockNumber = u32;
/// Signature of a transaction (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// An account: the public key of the signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in the smallest unit (see [`UNIT`]).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Hash of a block, an extrinsic or a trie node.
pub type Hash = sp_core::H256;

/// Opaque types for the node, which does not need to know the runtime's call types.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Block identifier.
	pub type BlockId = generic::BlockId<Block>;
}

impl_opaque_keys! {
	/// The keys a validator node registers: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// Runtime version. Bump `spec_version` on every runtime upgrade.
///
/// | spec_version | what changed |
/// |---|---|
/// | 100 | first release |
/// | 101 | copyright storage version 2: each pending commitment records its deposit |
/// | 102 | weights measured on GovChain's machine (database, base, extension and FRAME pallet weights); 1.5 s of compute per block |
/// | 103 | licences storage version 2: the holder index keeps ended licences only; GovChain's pallet weights measured again on an idle machine; an approval that leaves reviews pending, a deposit superseding nothing and `depositBatch` by its authors charged their own cost |
/// | 104 | ordinary extrinsics may fill 90 % of a block's weight and length instead of 75 % |
/// | 105 | pallet weights measured without proof recording (a solochain records no proofs); the parent hash and the time, written at the start of every block, no longer charged as database reads |
/// | 106 | database weights measured on a state of a million licences and a million works (read 10.1 µs, write 30.2 µs, against 7.4 and 12.0 µs on 30,000 licences): at that scale, blocks of licence batches executed in 136–184 % of spec 105's weight, and in 65–76 % of this one's |
/// | 107 | enterprise registry storage version 2: each pending review listed once, under its application's province, prefecture and region, instead of under each of up to three covering scopes; an application writes one index key per service, not up to three |
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("govchain"),
	impl_name: alloc::borrow::Cow::Borrowed("govchain"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Cannot change once a chain has started (Aura slots).
pub const MILLISECS_PER_BLOCK: u64 = 3000;
/// Aura slot duration.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// One unit of the native token (12 decimals). Fees exist to stop spam, not to earn.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a unit.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a unit.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// Minimum balance an account must keep to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The address format of an account in a call.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Checks and payments applied to every signed transaction, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);
/// An extrinsic as it arrives from the outside.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a transaction's signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Each is versioned: it runs once,
/// on a chain whose pallet storage is at its `FROM` version, and is removed from this
/// list once every network runs the runtime that carried it.
type Migrations = (
	// 100 → 101: copyright storage 1 → 2.
	pallet_copyright::migrations::v2::MigrateV1ToV2<Runtime>,
	// 102 → 103: licences storage 1 → 2.
	pallet_licenses::migrations::v2::MigrateV1ToV2<Runtime>,
	// 106 → 107: enterprise registry storage 1 → 2.
	pallet_enterprises::migrations::v2::MigrateV1ToV2<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: pallets with fixed indices (never reuse or reorder an index: calls
/// and storage are addressed by it).
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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Member agencies, roles, operators, validators and council seats. Before
	/// `Session`, so that genesis seats the validators the session then uses.
	#[runtime::pallet_index(2)]
	pub type Consortium = pallet_consortium;

	/// Rotates the validator set (from `Consortium`) into Aura and GRANDPA.
	#[runtime::pallet_index(3)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(4)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(5)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(6)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(7)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;

	/// The council of member agencies (a collective voting on motions).
	#[runtime::pallet_index(9)]
	pub type Council = pallet_collective<Instance1>;

	/// Present in every runtime, but only the `development` preset sets a key: on
	/// `local_testnet` and real deployments nobody holds it.
	#[runtime::pallet_index(10)]
	pub type Sudo = pallet_sudo;

	/// The peer ids of government nodes admitted to the network, by vote.
	#[runtime::pallet_index(11)]
	pub type NodeAuthorization = pallet_node_authorization;

	/// Electronic licences: catalogue, lifecycle, consented use, mutual recognition.
	#[runtime::pallet_index(12)]
	pub type Licenses = pallet_licenses;

	/// The enterprise registry: one-stop registration with parallel reviews.
	#[runtime::pallet_index(13)]
	pub type Enterprises = pallet_enterprises;

	/// Copyright deposits, transfers, licences, judicial freeze and evidence.
	#[runtime::pallet_index(14)]
	pub type Copyright = pallet_copyright;

	/// Provident-fund deposit records, certificates and loans.
	#[runtime::pallet_index(15)]
	pub type ProvidentFund = pallet_provident_fund;
}

#[cfg(test)]
mod upgrade_tests {
	use super::*;
	use frame_support::traits::{fungible::MutateHold, GetStorageVersion, StorageVersion};
	use pallet_copyright::migrations::{v1, v2};
	use sp_keyring::Sr25519Keyring;

	/// A chain of the previous release (`spec_version` 100: copyright storage version 1)
	/// with pending commitments, upgraded: the runtime's `Migrations` bring copyright to
	/// version 2 and the migration's own pre/post checks and the pallet's invariants hold.
	#[test]
	fn the_runtime_migrates_copyright_storage_from_the_previous_release() {
		crate::genesis_config_presets::tests::build(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			System::set_block_number(5);
			StorageVersion::new(1).put::<Copyright>();
			let deposit = configs::copyright::COMMIT_DEPOSIT;
			for (who, n) in [(Sr25519Keyring::Bob, 2u8), (Sr25519Keyring::Charlie, 1)] {
				let who = who.to_account_id();
				let commits: Vec<_> =
					(0..n).map(|i| v1::PendingCommit { commitment: [i; 32], block: 4 }).collect();
				v1::Commitments::<Runtime>::insert(&who, v1::CommitmentsOf::<Runtime>::truncate_from(commits));
				Balances::hold(&pallet_copyright::HoldReason::CommitDeposit.into(), &who, deposit * n as u128)
					.expect("funded at genesis");
			}
			let state = v2::InnerMigrateV1ToV2::<Runtime>::pre_check().expect("pre-check");

			Executive::execute_on_runtime_upgrade();

			v2::InnerMigrateV1ToV2::<Runtime>::post_check(state).expect("post-check");
			assert_eq!(Copyright::on_chain_storage_version(), StorageVersion::new(2));
			let bob = pallet_copyright::Commitments::<Runtime>::get(Sr25519Keyring::Bob.to_account_id());
			assert_eq!(bob.iter().map(|c| c.deposit).collect::<Vec<_>>(), vec![deposit; 2]);
			Copyright::do_try_state().expect("copyright invariants hold");
		});
	}

	/// A chain of spec 102 (licences storage version 1: every licence in the holder
	/// index) upgraded: the live licence leaves the index, the revoked one moves to
	/// `EndedLicenses`, and listing the holder's licences still gives both.
	#[test]
	fn the_runtime_migrates_licences_storage_from_the_previous_release() {
		use pallet_licenses::{
			migrations::{v1 as l1, v2 as l2},
			EndedLicenses, License, LicenseStatus, LiveLicenses, LiveLicensesOf,
		};
		use govchain_primitives::HolderRef;
		crate::genesis_config_presets::tests::build(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			StorageVersion::new(1).put::<Licenses>();
			let holder = HolderRef::Person([7; 32]);
			for (id, status) in [(0u64, LicenseStatus::Active), (1, LicenseStatus::Revoked)] {
				pallet_licenses::Licenses::<Runtime>::insert(
					id,
					License {
						license_type: 0,
						holder: holder.clone(),
						issuer: 0,
						content: [id as u8; 32],
						valid_from: 0,
						valid_until: None,
						status,
						issued_at: 1,
						changes: u32::from(status != LicenseStatus::Active),
						consents: 0,
						uses: 0,
						managed_by_register: false,
					},
				);
				l1::HolderLicenses::<Runtime>::insert(&holder, id, ());
			}
			LiveLicenses::<Runtime>::insert(&holder, LiveLicensesOf::<Runtime>::truncate_from(vec![0]));
			let state = l2::InnerMigrateV1ToV2::<Runtime>::pre_check().expect("pre-check");

			Executive::execute_on_runtime_upgrade();

			l2::InnerMigrateV1ToV2::<Runtime>::post_check(state).expect("post-check");
			assert_eq!(Licenses::on_chain_storage_version(), StorageVersion::new(2));
			assert_eq!(EndedLicenses::<Runtime>::iter_keys().collect::<Vec<_>>(), vec![(holder.clone(), 1)]);
			assert_eq!(l1::HolderLicenses::<Runtime>::iter_keys().count(), 0);
			assert_eq!(Licenses::licenses_of(&holder, None, 10), vec![0, 1]);
		});
	}
}
