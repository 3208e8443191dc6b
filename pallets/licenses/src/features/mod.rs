//! The pallet's logic, one file per topic; calls in `lib.rs` hand off to the
//! `do_*` functions here.

mod catalogue;
mod holders;
mod invariants;
mod issuance;
mod lifecycle;
mod queries;
#[cfg(test)]
pub(crate) use queries::last_at_or_before;
mod recognition;
mod usage;
