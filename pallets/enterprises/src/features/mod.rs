//! The pallet's logic, one file per topic; calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod applications;
pub use applications::{REASON_REISSUED_ON_AMENDMENT, REASON_REISSUED_ON_MOVE};
mod invariants;
mod queries;
mod register;
