//! GovChain node.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod evidence;
mod rpc;
mod service;

fn main() {
	// One line on stderr and a non-zero exit for every error (bad `--chain`,
	// malformed spec, database trouble), never a panic trace.
	if let Err(e) = command::run() {
		eprintln!("Error: {}", e.to_string().replace('\n', " "));
		std::process::exit(1);
	}
}
