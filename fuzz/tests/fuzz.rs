//! The fuzz run: `FUZZ_CALLS` calls (default 20 000, the CI run) from seed `FUZZ_SEED`.

use govchain_fuzz::{run, schema::Schema, Config};

#[test]
fn generator_covers_every_govchain_pallet() {
	let schema = Schema::new();
	for pallet in ["Consortium", "Licenses", "Enterprises", "Copyright", "ProvidentFund"] {
		let p = schema.pallets.iter().find(|p| p.name == pallet).unwrap_or_else(|| panic!("{pallet} missing"));
		assert!(!p.calls.is_empty(), "{pallet} has no calls");
	}
	let balances = schema.pallets.iter().find(|p| p.name == "Balances").expect("balances");
	assert!(balances.calls.iter().all(|c| c.name.starts_with("transfer")));
}

#[test]
fn random_calls_never_panic_nor_break_an_invariant() {
	let cfg = Config::from_env();
	let report = run(&cfg);
	report.print();
	assert!(report.findings.is_empty(), "{} finding(s), first:\n{}", report.findings.len(), report.findings[0]);
	assert_eq!(report.panics, 0);
	assert_eq!(report.invariant_failures, 0);
	assert_eq!(report.dispatched, cfg.calls);
	// The generator must reach deep: a run that only collects errors proves little
	// (the CI run reaches about 70 of 100 calls, the million 90).
	assert!(report.calls_reaching_ok() >= 40, "only {} calls reach Ok", report.calls_reaching_ok());
}
