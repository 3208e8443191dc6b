//! Bundles written by a development node (`govchain-node --dev`, one validator; the
//! licence and work of `tests/network/join.mjs records`), checked and forged.

use govchain_evidence::{forge, verify, Bundle, Checkpoint, Error, Record};

fn load(name: &str) -> String {
	std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bundles() -> Vec<Bundle> {
	["licence-dev.json", "work-dev.json"].iter().map(|f| Bundle::from_json(&load(f)).unwrap()).collect()
}

fn checkpoint() -> Checkpoint {
	Checkpoint::from_json(&load("checkpoint-dev.json")).unwrap()
}

#[test]
fn genuine_bundles_prove_their_record_and_its_creating_extrinsic() {
	let [licence, work] = bundles().try_into().unwrap();
	let p = verify(&licence, &checkpoint()).unwrap();
	assert_eq!(p.record, Record::Licence(0));
	assert_eq!((p.block, p.finalized_by, p.set_changes), (6, (0, 1, 1), 0));
	let x = p.extrinsic.as_ref().unwrap();
	assert_eq!((x.block, x.index, x.call.0.as_str(), x.call.1.as_str()), (4, 1, "Licenses", "issue"));
	let words = p.describe();
	assert!(words.contains("licence 0 at block #6: type 0"), "{words}");
	assert!(words.contains("signed by 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"), "{words}");

	let p = verify(&work, &checkpoint()).unwrap();
	let x = p.extrinsic.as_ref().unwrap();
	assert_eq!((x.block, x.index, x.call.1.as_str()), (6, 1, "deposit"));
	assert!(p.describe().contains("\"Mountain City Nights\", Music"));
}

#[test]
fn every_forgery_is_refused_with_its_reason() {
	for b in bundles() {
		let mut tried = 0;
		for f in forge::all() {
			let Some((fb, fc)) = (f.make)(&b, &checkpoint()) else { continue };
			tried += 1;
			let e = verify(&fb, &fc).expect_err(f.name);
			assert!((f.expected)(&e), "{}: refused for another reason: {e}", f.name);
		}
		// No set change on a one-validator development chain: nothing to remove.
		assert_eq!(tried, forge::all().len() - 1);
	}
}

#[test]
fn bundle_and_checkpoint_mismatches_are_refused() {
	let mut b = bundles().remove(0);
	let c = checkpoint();
	b.record.id = "1".into();
	assert_eq!(verify(&b, &c), Err(Error::WrongKeys));
	let mut b = bundles().remove(0);
	b.format = "govchain-evidence/0".into();
	assert!(matches!(verify(&b, &c), Err(Error::Format(_))));
	let mut b = bundles().remove(0);
	b.finality.clear();
	assert_eq!(verify(&b, &c), Err(Error::NoFinality));
	// The extrinsic of another index claimed for the licence: not in the proof.
	let mut b = bundles().remove(0);
	b.inclusion.as_mut().unwrap().extrinsics.retain(|x| x.index == 0);
	assert!(matches!(verify(&b, &c), Err(Error::Inclusion(_))));
	assert!(Bundle::from_json("{\"format\":1}").is_err());
}
