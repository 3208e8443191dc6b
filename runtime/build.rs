fn main() {
	#[cfg(feature = "std")]
	{
		// GovChain builds into a target directory outside the workspace
		// ($HOME/.cache/govchain/target), where the WASM builder cannot find our
		// Cargo.lock on its own. Point it at the workspace so the WASM runtime uses
		// exactly the locked versions. Set here, not in the environment, so that other
		// crates' WASM builds (e.g. benchmark test runtimes) are not pointed at it.
		if std::env::var_os("WASM_BUILD_WORKSPACE_HINT").is_none() {
			let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
			std::env::set_var("WASM_BUILD_WORKSPACE_HINT", workspace);
		}
		substrate_wasm_builder::WasmBuilder::build_using_defaults();
	}
}
