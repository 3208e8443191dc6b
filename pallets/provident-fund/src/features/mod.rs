//! The pallet's logic, one file per topic; calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod deposits;
mod invariants;
mod loans;
mod queries;
