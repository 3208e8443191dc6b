//! The pallet's logic, one file per topic; the calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod agencies;
mod invariants;
mod operators;
mod queries;
mod seats;
