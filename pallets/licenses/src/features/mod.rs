//! The pallet's logic, one file per topic; calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod catalogue;
mod invariants;
mod issuance;
mod lifecycle;
mod queries;
mod recognition;
mod usage;
