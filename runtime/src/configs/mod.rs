//! `Config` implementations, one file per pallet or domain.
//!
//! - [`system`]: frame-system, block limits;
//! - [`consensus`]: timestamp, Aura, GRANDPA;
//! - [`payments`]: balances and transaction fees;
//! - [`admin`]: utility (batches) and sudo (development preset only).

pub mod admin;
pub mod consensus;
pub mod payments;
pub mod system;

pub use system::RuntimeBlockWeights;
