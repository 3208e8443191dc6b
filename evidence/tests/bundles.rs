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

#[test]
fn only_the_call_that_created_the_licence_as_proven_counts() {
	use govchain_runtime::RuntimeCall;
	let b = bundles().remove(0);
	let record = Record::from_ref(&b.record).unwrap();
	let state = record.decode(&b.state.entries[0].value.as_ref().unwrap().0).unwrap();
	let govchain_evidence::State::Licence(l) = &state else { panic!("a licence") };
	let issue = |content: [u8; 32]| {
		RuntimeCall::Licenses(pallet_licenses::Call::issue {
			license_type: l.license_type,
			holder: l.holder.clone(),
			content,
			valid_from: l.valid_from,
			valid_until: l.valid_until,
		})
	};
	assert!(record.created_by(&state, &issue(l.content)));
	assert!(!record.created_by(&state, &issue([7; 32])), "another licence's issuance");
	let batched = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![issue([7; 32]), issue(l.content)] });
	assert!(record.created_by(&state, &batched));
	let suspend = RuntimeCall::Licenses(pallet_licenses::Call::suspend { id: 0, reason: 1, legal_basis: None });
	assert!(!record.created_by(&state, &suspend), "a call of the right pallet that creates nothing");
	// The same call does not create a work.
	assert!(!Record::Work(l.content).created_by(&state, &issue(l.content)));
}
