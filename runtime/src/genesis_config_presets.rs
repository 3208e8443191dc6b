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

/// Role of each agency of a region in the `adversarial` preset, with its kind and
/// the suffix of its admin's development key (`//cq-amr`, `//sc-court`, …).
pub const ADVERSARIAL_AGENCIES: [(&str, AgencyKind, Role); 9] = [
	("Administration for Market Regulation", AgencyKind::MarketRegulation, Role::MarketRegulator),
	("Public Security Bureau", AgencyKind::PublicSecurity, Role::SealAuthority),
	("Tax Service", AgencyKind::Tax, Role::TaxAuthority),
	("Justice Bureau", AgencyKind::Justice, Role::LicenseIssuer),
	("Housing Provident Fund Management Centre", AgencyKind::ProvidentFundCenter, Role::FundCenter),
	("Commercial Bank", AgencyKind::CommercialBank, Role::Bank),
	("Press and Publication Administration", AgencyKind::CopyrightOffice, Role::CopyrightOffice),
	("Intermediate People's Court", AgencyKind::Court, Role::Court),
	("Audit Office", AgencyKind::Other, Role::Auditor),
];

/// Sr25519 public keys of the admins of the `adversarial` preset's agencies, in the
/// order of [`ADVERSARIAL_AGENCIES`], Chongqing first, then Sichuan: the development
/// keys `//cq-amr`, `//cq-psb`, …, `//sc-audit` (`subkey inspect //cq-amr`).
pub const ADVERSARIAL_ADMINS: [[u8; 32]; 18] = [
	// //cq-amr: 5CVPfo6A15ntEnu1kPfVXUooPqZ37jMNG31b5qLEGJHCsTcE
	[18, 211, 233, 30, 186, 183, 208, 60, 61, 77, 49, 95, 31, 31, 101, 85, 110, 117, 152, 201, 112, 219, 248, 35, 196, 112, 145, 120, 222, 122, 184, 73],
	// //cq-psb: 5ERRpEK5s3GvUuXvV279cAtPzz8KmAYdwiYre2x8sipk6yJk
	[104, 70, 158, 57, 234, 52, 27, 84, 163, 200, 221, 119, 84, 99, 90, 112, 129, 78, 189, 117, 56, 110, 211, 159, 150, 60, 20, 169, 235, 66, 18, 17],
	// //cq-tax: 5Gs7YTtQdWUtQxsWeSqz4hcWg9u4kBuioxojbbrxY4tqmXuQ
	[212, 85, 245, 0, 122, 89, 153, 45, 143, 144, 9, 159, 136, 96, 236, 65, 21, 71, 154, 190, 104, 149, 181, 62, 7, 67, 192, 157, 171, 48, 191, 21],
	// //cq-justice: 5Ff2Ag7AqE6rdBPiNvfvUuGS6cHbQudYsGrSZFRjFpdXJepg
	[158, 224, 174, 190, 35, 170, 55, 89, 75, 92, 33, 231, 136, 172, 43, 113, 11, 79, 74, 46, 220, 38, 69, 229, 147, 115, 159, 14, 243, 95, 197, 110],
	// //cq-fund: 5FkNePd5Ym7q9QkuYcXGaqiw6K45tjy3fpWCTtajg9dVKBa8
	[162, 245, 216, 31, 64, 223, 202, 105, 47, 179, 39, 105, 242, 142, 57, 54, 247, 94, 172, 200, 215, 225, 51, 125, 46, 203, 25, 18, 11, 232, 173, 9],
	// //cq-bank: 5F4zn6ZvjDUqKAwVGfUDmE5sNPPPxyD6q7Rhh7SchmYCyfnJ
	[132, 237, 169, 127, 205, 163, 1, 82, 58, 29, 251, 42, 33, 123, 177, 226, 118, 7, 223, 12, 117, 237, 179, 132, 6, 156, 117, 171, 3, 218, 128, 72],
	// //cq-press: 5Cr1MT44jQb4BKQXRJJtgQDyUZqseP9d5Vx6HhFwhHGBjgQk
	[34, 140, 240, 213, 23, 113, 74, 16, 155, 39, 50, 235, 180, 56, 99, 107, 51, 80, 187, 247, 242, 83, 242, 227, 191, 128, 34, 125, 195, 93, 57, 49],
	// //cq-court: 5DS9bteucyTGNu2SRFNFiWT7vyUdHbnoU58P4A9XbMicx4b2
	[60, 151, 13, 150, 63, 130, 125, 64, 37, 35, 77, 144, 120, 161, 204, 208, 215, 95, 158, 11, 38, 215, 124, 249, 190, 19, 181, 168, 56, 73, 39, 112],
	// //cq-audit: 5F1mTczJ7iZMVvpvWsAop2MkRvTJBSYcDKrRXBvzGmArLxEo
	[130, 119, 23, 120, 83, 153, 187, 128, 159, 14, 106, 164, 30, 199, 188, 31, 44, 92, 133, 76, 243, 177, 240, 124, 113, 115, 10, 63, 36, 101, 25, 88],
	// //sc-amr: 5G76zAnCB7RL3D39V46bhCquXKDuv1z39EVcxMvvcrAW3EXj
	[178, 197, 72, 236, 129, 40, 154, 66, 197, 118, 4, 131, 131, 32, 124, 153, 137, 93, 107, 217, 153, 237, 195, 179, 191, 127, 20, 19, 74, 161, 145, 0],
	// //sc-psb: 5CmHbd7VNqUzPAnhVzw5yZDv5QTmto1tXQFUJwW7dvRtGS2m
	[30, 243, 101, 171, 193, 111, 150, 226, 5, 203, 161, 139, 22, 178, 115, 107, 210, 125, 238, 177, 147, 93, 210, 145, 11, 206, 224, 78, 206, 72, 194, 70],
	// //sc-tax: 5GQriuVXMbkyJKo3GyzVQKjzhEV28RmB9cHs2N7NaBx6PPs1
	[192, 79, 176, 35, 158, 233, 160, 119, 241, 125, 18, 55, 75, 81, 110, 38, 105, 97, 16, 115, 253, 217, 157, 202, 224, 189, 192, 16, 12, 17, 144, 87],
	// //sc-justice: 5DvnmNVA7U1zzmLYxgqhfv5Gf3GcRWwyFS9XUyPSTRvFBLkq
	[82, 111, 7, 23, 199, 140, 10, 73, 29, 232, 201, 112, 126, 246, 86, 166, 205, 67, 182, 164, 155, 122, 89, 16, 180, 241, 205, 230, 77, 199, 228, 60],
	// //sc-fund: 5DPBGBsaDNJti2MnddWWEa311MxDbyKHx9wae8gV6Kzqa6kT
	[58, 82, 231, 232, 237, 68, 192, 213, 145, 63, 13, 221, 122, 90, 213, 184, 38, 84, 36, 41, 17, 248, 235, 58, 64, 36, 26, 126, 125, 205, 62, 86],
	// //sc-bank: 5EvckjMnSCXA3TCL8cNApoWhDbuKDaGPpuhK9Y7fHSQ2KZLp
	[126, 137, 143, 158, 27, 245, 28, 131, 248, 158, 160, 208, 2, 95, 226, 83, 187, 118, 64, 80, 16, 34, 72, 8, 121, 29, 153, 41, 187, 204, 48, 101],
	// //sc-press: 5DoKrkh5HG5RPH2nvAqxKEdiqGfUaN7gMGTQ3dX14VtkoNjk
	[76, 189, 187, 112, 255, 109, 38, 43, 120, 139, 137, 74, 66, 142, 208, 183, 205, 49, 204, 216, 225, 76, 73, 136, 114, 154, 72, 55, 81, 251, 68, 112],
	// //sc-court: 5EA5ikKWgPXb927FdeV1ApTqG5UTqohBxoTuLXDjaFtjKGj9
	[92, 146, 74, 244, 144, 36, 84, 254, 79, 217, 110, 200, 164, 225, 234, 205, 40, 4, 102, 17, 128, 22, 194, 130, 172, 221, 211, 4, 62, 255, 233, 116],
	// //sc-audit: 5Fe3268rPNBetYdb3L7GWiAtZDoXTaMeVjodfPNPuJD9Dkhs
	[158, 32, 78, 31, 209, 214, 185, 27, 253, 153, 25, 158, 183, 185, 144, 156, 93, 145, 157, 1, 73, 198, 75, 78, 58, 107, 207, 247, 32, 174, 106, 19],
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
/// `council` must be admins of genesis agencies; `endowed` accounts get [`ENDOWMENT`].
fn genesis(
	agencies: Vec<GenesisAgency<AccountId>>,
	validators: Vec<(Sr25519Keyring, Ed25519Keyring, u32)>,
	council: Vec<AccountId>,
	nodes: Vec<(OpaquePeerId, AccountId)>,
	sudo: Option<AccountId>,
	endowed: Vec<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		consortium: ConsortiumConfig {
			agencies,
			validators: validators.iter().map(|(k, _, a)| (k.to_account_id(), *a)).collect::<Vec<_>>(),
			council,
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

/// Accounts endowed in every preset: the well-known development keys.
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
		vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		// A single development node talks to nobody; admit nodes by motion to grow.
		vec![],
		Some(Alice.to_account_id()),
		dev_accounts(),
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
		[Alice, Bob, Charlie, Dave].iter().map(|k| k.to_account_id()).collect(),
		[Alice, Bob, Charlie, Dave]
			.iter()
			.zip(LOCAL_NODE_KEYS.iter())
			.map(|(owner, key)| (peer_id(key), owner.to_account_id()))
			.collect(),
		None,
		dev_accounts(),
	)
}

/// Name of the preset in which every role belongs to a different agency.
pub const ADVERSARIAL_PRESET: &str = "adversarial";

/// The `adversarial` preset: every role held by a different agency, in two regions.
pub fn adversarial() -> Value {
	let admins: Vec<AccountId> = ADVERSARIAL_ADMINS.iter().map(|k| AccountId::from(*k)).collect();
	let mut agencies = vec![agency(
		"GovChain Network Operations Centre",
		CHONGQING,
		AgencyKind::DataResourcesBureau,
		&[],
		Sr25519Keyring::Alice,
	)];
	for (r, (region, place)) in [(CHONGQING, "Chongqing"), (SICHUAN, "Sichuan")].into_iter().enumerate() {
		for (i, (name, kind, role)) in ADVERSARIAL_AGENCIES.iter().enumerate() {
			agencies.push(GenesisAgency {
				name: alloc::format!("{place} {name}"),
				region,
				kind: *kind,
				roles: vec![*role],
				admin: admins[r * ADVERSARIAL_AGENCIES.len() + i].clone(),
				operators: vec![],
			});
		}
	}
	// Council: the operations centre and both market regulators.
	let council =
		vec![Sr25519Keyring::Alice.to_account_id(), admins[0].clone(), admins[ADVERSARIAL_AGENCIES.len()].clone()];
	let mut endowed = dev_accounts();
	endowed.extend(admins);
	genesis(agencies, vec![(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0)], council, vec![], None, endowed)
}

/// The JSON patch of preset `id`, or `None` if there is no such preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		ADVERSARIAL_PRESET => adversarial(),
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
		PresetId::from(ADVERSARIAL_PRESET),
	]
}

#[cfg(test)]
pub(crate) mod tests {
	use super::*;
	use crate::Runtime;
	use sp_runtime::BuildStorage;

	/// The genesis state of preset `id`.
	pub(crate) fn build(id: &str) -> sp_io::TestExternalities {
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
	fn adversarial_preset_gives_each_role_to_a_different_agency_in_two_regions() {
		build(ADVERSARIAL_PRESET).execute_with(|| {
			use pallet_consortium::Pallet as Consortium;
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
			assert_eq!(pallet_consortium::NextAgencyId::<Runtime>::get(), 19);
			// //Alice acts for the operations centre, which holds no domain role.
			let alice = Sr25519Keyring::Alice.to_account_id();
			assert_eq!(Consortium::<Runtime>::acting_agency(&alice, None), Ok(0));
			for role in Role::ALL {
				assert!(Consortium::<Runtime>::acting_agency(&alice, Some(role)).is_err());
			}
			// Admin n holds exactly one role; Chongqing's and Sichuan's regions differ.
			for (n, key) in ADVERSARIAL_ADMINS.iter().enumerate() {
				let who = AccountId::from(*key);
				let agency = Consortium::<Runtime>::acting_agency(&who, None).expect("admin acts");
				assert_eq!(agency as usize, n + 1);
				let (_, _, role) = ADVERSARIAL_AGENCIES[n % ADVERSARIAL_AGENCIES.len()];
				for other in Role::ALL {
					assert_eq!(Consortium::<Runtime>::acting_agency(&who, Some(other)).is_ok(), other == role);
				}
				let region = pallet_consortium::Agencies::<Runtime>::get(agency).expect("exists").region.get();
				assert_eq!(region, if n < ADVERSARIAL_AGENCIES.len() { CHONGQING } else { SICHUAN });
				assert_eq!(pallet_balances::Pallet::<Runtime>::free_balance(&who), ENDOWMENT);
			}
			assert_eq!(pallet_collective::Members::<Runtime, crate::configs::governance::CouncilCollective>::get().len(), 3);
		});
	}

	#[test]
	fn unknown_presets_are_refused() {
		assert_eq!(preset_names().len(), 3);
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}
}
