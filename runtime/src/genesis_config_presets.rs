//! Named genesis presets, served through the `GenesisBuilder` runtime API.
//!
//! - `development`: one node. //Alice validates, holds the sudo key and is admin of
//!   a demo agency holding every role; //Bob … //Ferdie are admins of one agency
//!   each (Sichuan market regulation, Chongqing public security, tax, provident
//!   fund centre, bank); council = Alice, Bob, Charlie.
//! - `local_testnet`: four agencies with one validator node each (Chongqing and
//!   Sichuan market regulation, Chongqing provident fund centre, Chongqing press
//!   and publication administration: //Alice … //Dave), a bank (//Eve) and a court
//!   (//Ferdie) without validators; council = the four; no sudo key.
//!
//! A real deployment writes its own chain spec from a config file (agencies, roles,
//! accounts, session keys): see `scripts/consortium-spec.sh`.

use alloc::{string::String, vec, vec::Vec};
use frame_support::build_struct_json_patch;
use govchain_primitives::Role;
use pallet_consortium::{AgencyKind, GenesisAgency};
use serde_json::Value;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	AccountId, Balance, BalancesConfig, ConsortiumConfig, NodeAuthorizationConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, UNIT,
};
use sp_core::OpaquePeerId;

/// Ed25519 public keys of the node keys `0x…01` … `0x…04` that `scripts/network.sh` and
/// the compose file give the four `local_testnet` nodes.
const LOCAL_NODE_KEYS: [[u8; 32]; 4] = [
	[76, 181, 171, 246, 173, 121, 251, 245, 171, 188, 202, 252, 194, 105, 216, 92, 210, 101, 30, 212, 184, 133, 181, 134, 159, 36, 26, 237, 240, 165, 186, 41],
	[116, 34, 185, 136, 117, 152, 6, 142, 50, 196, 68, 138, 148, 154, 219, 41, 13, 15, 78, 53, 185, 224, 27, 14, 229, 241, 161, 230, 0, 254, 38, 116],
	[243, 129, 98, 110, 65, 231, 2, 126, 164, 49, 191, 227, 0, 158, 148, 189, 210, 90, 116, 107, 238, 196, 104, 148, 141, 108, 60, 124, 93, 201, 165, 75],
	[253, 80, 184, 227, 177, 68, 234, 36, 79, 191, 119, 55, 245, 80, 188, 141, 208, 194, 101, 11, 188, 26, 173, 168, 51, 202, 23, 255, 141, 191, 50, 155],
];

/// The libp2p peer id (bytes) of a node whose network key is the Ed25519 key `public`:
/// an identity multihash (`0x00`, length `0x24`) of the protobuf-encoded public key
/// (`0x08 0x01` = Ed25519, `0x12 0x20` = 32 bytes follow).
fn peer_id(public: &[u8; 32]) -> OpaquePeerId {
	let mut bytes = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
	bytes.extend_from_slice(public);
	OpaquePeerId(bytes)
}

/// Balance given to each endowed account: enough fees for years of agency work.
const ENDOWMENT: Balance = 1_000_000 * UNIT;
/// Chongqing (province-level municipality).
const CHONGQING: u32 = 500000;
/// Sichuan province.
const SICHUAN: u32 = 510000;

/// A genesis agency whose admin is the development key `admin`.
fn agency(name: &str, region: u32, kind: AgencyKind, roles: &[Role], admin: Sr25519Keyring) -> GenesisAgency<AccountId> {
	GenesisAgency {
		name: String::from(name),
		region,
		kind,
		roles: roles.to_vec(),
		admin: admin.to_account_id(),
		operators: vec![],
	}
}

/// Builds a genesis patch.
///
/// `validators` are `(account and Aura key, GRANDPA key, id of the agency running it)`;
/// `council` must be admins of genesis agencies.
fn genesis(
	agencies: Vec<GenesisAgency<AccountId>>,
	validators: Vec<(Sr25519Keyring, Ed25519Keyring, u32)>,
	council: Vec<Sr25519Keyring>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	sudo: Option<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: dev_accounts().into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		consortium: ConsortiumConfig {
			agencies,
			validators: validators.iter().map(|(k, _, a)| (k.to_account_id(), *a)).collect::<Vec<_>>(),
			council: council.iter().map(|k| k.to_account_id()).collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|(k, ed, _)| {
					let keys = SessionKeys { aura: k.public().into(), grandpa: ed.public().into() };
					(k.to_account_id(), k.to_account_id(), keys)
				})
				.collect::<Vec<_>>(),
			non_authority_keys: vec![],
		},
		node_authorization: NodeAuthorizationConfig { nodes },
		sudo: SudoConfig { key: sudo },
	})
}

/// Accounts endowed in both presets: the well-known development keys.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter()
		.filter(|k| *k != Sr25519Keyring::One && *k != Sr25519Keyring::Two)
		.map(|k| k.to_account_id())
		.collect()
}

/// The `development` preset.
pub fn development() -> Value {
	use AgencyKind::*;
	use Sr25519Keyring::*;
	genesis(
		vec![
			agency("GovChain Demo Agency", CHONGQING, DataResourcesBureau, &Role::ALL, Alice),
			agency("Sichuan Administration for Market Regulation", SICHUAN, MarketRegulation, &[Role::MarketRegulator, Role::LicenseIssuer], Bob),
			agency("Chongqing Public Security Bureau", CHONGQING, PublicSecurity, &[Role::SealAuthority], Charlie),
			agency("Chongqing Tax Service", CHONGQING, Tax, &[Role::TaxAuthority], Dave),
			agency("Chongqing Housing Provident Fund Management Centre", CHONGQING, ProvidentFundCenter, &[Role::FundCenter], Eve),
			agency("Bank of Chongqing", CHONGQING, CommercialBank, &[Role::Bank], Ferdie),
		],
		vec![(Alice, Ed25519Keyring::Alice, 0)],
		vec![Alice, Bob, Charlie],
		// A single development node talks to nobody; admit nodes by motion to grow.
		vec![],
		Some(Alice.to_account_id()),
	)
}

/// The `local_testnet` preset.
pub fn local_testnet() -> Value {
	use AgencyKind::*;
	use Sr25519Keyring::*;
	genesis(
		vec![
			agency("Chongqing Administration for Market Regulation", CHONGQING, MarketRegulation, &[Role::MarketRegulator, Role::LicenseIssuer], Alice),
			agency("Sichuan Administration for Market Regulation", SICHUAN, MarketRegulation, &[Role::MarketRegulator, Role::LicenseIssuer], Bob),
			agency("Chongqing Housing Provident Fund Management Centre", CHONGQING, ProvidentFundCenter, &[Role::FundCenter], Charlie),
			agency("Chongqing Press and Publication Administration", CHONGQING, CopyrightOffice, &[Role::CopyrightOffice], Dave),
			agency("Bank of Chongqing", CHONGQING, CommercialBank, &[Role::Bank], Eve),
			agency("Chongqing First Intermediate People's Court", CHONGQING, Court, &[Role::Court], Ferdie),
		],
		vec![
			(Alice, Ed25519Keyring::Alice, 0),
			(Bob, Ed25519Keyring::Bob, 1),
			(Charlie, Ed25519Keyring::Charlie, 2),
			(Dave, Ed25519Keyring::Dave, 3),
		],
		vec![Alice, Bob, Charlie, Dave],
		[Alice, Bob, Charlie, Dave]
			.iter()
			.zip(LOCAL_NODE_KEYS.iter())
			.map(|(owner, key)| (peer_id(key), owner.to_account_id()))
			.collect(),
		None,
	)
}

/// The JSON patch of preset `id`, or `None` if there is no such preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	// Serialising a `serde_json::Value` to a string cannot fail.
	serde_json::to_string(&patch).ok().map(|json| json.into_bytes())
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::Runtime;
	use sp_runtime::BuildStorage;

	fn build(id: &str) -> sp_io::TestExternalities {
		let patch = get_preset(&PresetId::from(id)).expect("preset exists");
		let mut config: Value =
			serde_json::to_value(RuntimeGenesisConfig::default()).expect("default serialises");
		sc_chain_spec::json_merge(&mut config, serde_json::from_slice(&patch).expect("json"));
		let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("valid config");
		config.build_storage().expect("genesis builds").into()
	}

	#[test]
	fn development_preset_has_sudo_one_validator_and_every_role() {
		build(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 1);
			let alice = Sr25519Keyring::Alice.to_account_id();
			for role in Role::ALL {
				assert_eq!(pallet_consortium::Pallet::<Runtime>::acting_agency(&alice, Some(role)), Ok(0));
			}
			assert_eq!(pallet_collective::Members::<Runtime, crate::configs::governance::CouncilCollective>::get().len(), 3);
		});
	}

	#[test]
	fn local_testnet_preset_has_four_validators_a_council_and_no_sudo() {
		build(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(pallet_consortium::Validators::<Runtime>::get().len(), 4);
			assert_eq!(pallet_consortium::NextAgencyId::<Runtime>::get(), 6);
			assert_eq!(pallet_collective::Members::<Runtime, crate::configs::governance::CouncilCollective>::get().len(), 4);
			let nodes = pallet_node_authorization::WellKnownNodes::<Runtime>::get();
			assert_eq!(nodes.len(), 4);
			// `govchain-node key inspect-node-key` prints 12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
			// for node key 0x…01; these are its base58-decoded bytes.
			let alice_node: &[u8] = b"\x00\x24\x08\x01\x12\x20\x4c\xb5\xab\xf6\xad\x79\xfb\xf5\xab\xbc\xca\xfc\xc2\x69\xd8\x5c\xd2\x65\x1e\xd4\xb8\x85\xb5\x86\x9f\x24\x1a\xed\xf0\xa5\xba\x29";
			assert!(nodes.iter().any(|p| p.0 == alice_node));
		});
	}

	#[test]
	fn unknown_presets_are_refused() {
		assert_eq!(preset_names().len(), 2);
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}
}
