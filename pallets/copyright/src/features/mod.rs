//! The pallet's logic, one file per topic; calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod deposits;
mod holding;
mod invariants;
mod judicial;
mod queries;
mod rights;
