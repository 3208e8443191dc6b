//! Chain specifications: the built-in `dev` and `local` chains, or a JSON file.

use sc_service::ChainType;

/// A chain specification of GovChain (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The runtime code the built-in specs start from.
fn wasm_binary() -> Result<&'static [u8], String> {
	govchain_runtime::WASM_BINARY.ok_or_else(|| {
		"the WASM runtime was not built into this node (built with SKIP_WASM_BUILD?)".to_string()
	})
}

/// Token properties shown by wallets and polkadot.js.
fn properties() -> sc_service::Properties {
	let mut p = sc_service::Properties::new();
	p.insert("tokenSymbol".into(), "GOV".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}

/// One node, //Alice validating, sudo present: `--dev` / `--chain dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("GovChain Development")
		.with_id("govchain_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sc_chain_spec::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// Four validators, no sudo: `--chain local`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("GovChain Local Testnet")
		.with_id("govchain_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sc_chain_spec::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// One node (//Alice validating), every role held by a different agency in two
/// regions, no sudo: `--chain adversarial`, for the adversarial end-to-end suite.
pub fn adversarial_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("GovChain Adversarial")
		.with_id("govchain_adversarial")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name("adversarial")
		.with_properties(properties())
		.build())
}

/// Loads a chain spec from a JSON file, with a one-line error on failure.
pub fn from_file(path: &str) -> Result<ChainSpec, String> {
	let path = std::path::PathBuf::from(path);
	if !path.is_file() {
		return Err(format!(
			"chain spec '{}' not found: use --chain dev, --chain local, --chain adversarial or the path of a JSON chain spec",
			path.display()
		));
	}
	ChainSpec::from_json_file(path.clone()).map_err(|e| {
		format!("chain spec '{}' is not valid: {}", path.display(), e.replace('\n', " "))
	})
}
