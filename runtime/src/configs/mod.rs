//! `Config` implementations, one file per pallet or domain.
//!
//! - [`system`]: frame-system, block limits;
//! - [`consensus`]: timestamp, Aura, GRANDPA;
//! - [`payments`]: balances and transaction fees;
//! - [`admin`]: utility (batches) and sudo (development preset only);
//! - [`governance`]: the consortium, its council, and the session (validator set);
//! - [`licenses`]: electronic licences;
//! - [`enterprises`]: the enterprise registry;
//! - [`copyright`]: copyright deposits and evidence;
//! - [`provident_fund`]: provident-fund deposits and loans.

pub mod admin;
pub mod consensus;
pub mod copyright;
pub mod enterprises;
pub mod governance;
pub mod licenses;
pub mod payments;
pub mod provident_fund;
pub mod system;

pub use system::RuntimeBlockWeights;
