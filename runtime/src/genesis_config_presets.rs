//! Named genesis presets, served through the `GenesisBuilder` runtime API.
//!
//! - `development`: one validator (//Alice), sudo key //Alice, well-known dev
//!   accounts endowed. For a single node on a laptop or in CI.
//! - `local_testnet`: four validators (//Alice, //Bob, //Charlie, //Dave) standing
//!   for four agencies' nodes; no sudo key.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{AccountId, Balance, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT};

/// Balance given to each endowed account: enough fees for years of agency work.
const ENDOWMENT: Balance = 1_000_000 * UNIT;

/// The consensus keys of a validator.
struct Validator {
	aura: AuraId,
	grandpa: GrandpaId,
}

/// The well-known development validator derived from `//Name`.
fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> Validator {
	Validator { aura: sr.public().into(), grandpa: ed.public().into() }
}

/// Builds a genesis patch from validators, endowed accounts and an optional sudo key.
fn genesis(validators: Vec<Validator>, endowed: Vec<AccountId>, sudo: Option<AccountId>) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: validators.iter().map(|v| v.aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: validators.iter().map(|v| (v.grandpa.clone(), 1)).collect::<Vec<_>>(),
		},
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
	genesis(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// The `local_testnet` preset.
pub fn local_testnet() -> Value {
	genesis(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			dev_validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			dev_validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		dev_accounts(),
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
	fn every_preset_builds_and_only_development_has_sudo() {
		assert_eq!(preset_names().len(), 2);
		build(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<crate::Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
			assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), 1);
		});
		build(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(pallet_sudo::Key::<crate::Runtime>::get(), None);
			assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), 4);
			assert_eq!(pallet_grandpa::Authorities::<crate::Runtime>::get().len(), 4);
		});
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}
}
