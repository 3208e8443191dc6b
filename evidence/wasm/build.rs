//! Exports exactly the verifier's interface from the WebAssembly module.
fn main() {
	if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
		for arg in ["--no-entry", "--export=gv_alloc", "--export=gv_verify"] {
			println!("cargo:rustc-link-arg-bins={arg}");
		}
	}
}
