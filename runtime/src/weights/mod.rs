//! Weights measured on GovChain's own machine by `scripts/bench.sh` (generated files: run
//! the script again rather than editing them). GovChain's pallets keep theirs in
//! `pallets/*/src/weights.rs`; here are the runtime's base costs and the FRAME pallets'
//! weights that every transaction pays.
//!
//! | file | what | command |
//! |---|---|---|
//! | `block_weights.rs` | executing an empty block | `scripts/bench.sh base` |
//! | `extrinsic_weights.rs` | each extrinsic's fixed cost (a signed `system.remark`) | `scripts/bench.sh base` |
//! | `paritydb_weights.rs` | one database read and one write, on a filled state | `scripts/bench.sh storage` |
//! | `pallet_balances.rs` | transfers | `scripts/bench.sh frame` |
//! | `in_base.rs` | the transaction extensions and the fee: inside the extrinsic base weight | — |

pub mod block_weights;
pub mod extrinsic_weights;
pub mod in_base;
pub mod pallet_balances;
// The generated file documents each constant's statistics on struct fields.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
