//! `govchain-verify`: checks a GovChain evidence bundle against a checkpoint, trusting
//! no node.
//!
//! ```text
//! govchain-verify BUNDLE.json --checkpoint CHECKPOINT.json [--json]
//!     ✔ and what the bundle proves, in words (exit 0), or ✗ and why not (exit 1);
//!     --json: the verdict as the public page's verifier gives it, plus size and time
//! govchain-verify self-test BUNDLE.json --checkpoint CHECKPOINT.json
//!     checks the bundle, then altered copies of it (govchain_evidence::forge): each must
//!     be refused with its reason; exit 1 if the bundle fails or a forgery passes
//! ```
//! Exit 2: unreadable files or wrong arguments.

use std::{process::exit, time::Instant};

use govchain_evidence::{forge, verify, Bundle, Checkpoint, Verdict};

fn usage() -> ! {
	eprintln!("usage: govchain-verify [self-test] BUNDLE.json --checkpoint CHECKPOINT.json [--json]");
	exit(2)
}

fn read(path: &str) -> String {
	std::fs::read_to_string(path).unwrap_or_else(|e| {
		eprintln!("cannot read {path}: {e}");
		exit(2)
	})
}

fn main() {
	let mut args: Vec<String> = std::env::args().skip(1).collect();
	let self_test = args.first().is_some_and(|a| a == "self-test");
	if self_test {
		args.remove(0);
	}
	let json = args.iter().any(|a| a == "--json");
	args.retain(|a| a != "--json");
	let (bundle_path, checkpoint_path) = match args.as_slice() {
		[b, flag, c] if flag == "--checkpoint" => (b.clone(), c.clone()),
		[flag, c, b] if flag == "--checkpoint" => (b.clone(), c.clone()),
		_ => usage(),
	};
	let text = read(&bundle_path);
	let bundle = Bundle::from_json(&text).unwrap_or_else(|e| {
		eprintln!("{bundle_path}: {e}");
		exit(2)
	});
	let checkpoint = Checkpoint::from_json(&read(&checkpoint_path)).unwrap_or_else(|e| {
		eprintln!("{checkpoint_path}: {e}");
		exit(2)
	});

	let start = Instant::now();
	let outcome = verify(&bundle, &checkpoint);
	let micros = start.elapsed().as_micros();
	match (&outcome, json) {
		(_, true) => {
			// The verdict the public page shows, with the file's size and the time taken.
			let mut v = serde_json::to_value(Verdict::of(&bundle, &outcome)).unwrap_or_default();
			if let Some(o) = v.as_object_mut() {
				o.insert("bytes".into(), text.len().into());
				o.insert("micros".into(), (micros as u64).into());
			}
			println!("{v}")
		},
		(Ok(p), false) => {
			println!("✔ {}", p.describe());
			println!("(bundle of {} bytes checked in {:.1} ms)", text.len(), micros as f64 / 1000.0);
		},
		(Err(e), false) => println!("✗ {e}"),
	}
	if outcome.is_err() {
		exit(1)
	}
	if !self_test {
		return;
	}

	let mut failed = 0;
	let mut tried = 0;
	for f in forge::all() {
		let Some((b, c)) = (f.make)(&bundle, &checkpoint) else {
			println!("- {}: nothing to alter in this bundle", f.name);
			continue;
		};
		tried += 1;
		match verify(&b, &c) {
			Ok(_) => {
				failed += 1;
				println!("FAIL {}: accepted", f.name);
			},
			Err(e) if (f.expected)(&e) => println!("ok   {}: ✗ {e}", f.name),
			Err(e) => {
				failed += 1;
				println!("FAIL {}: refused for another reason: {e}", f.name);
			},
		}
	}
	println!("{} forgeries refused with the expected reason, {failed} not", tried - failed);
	if failed > 0 {
		exit(1)
	}
}
