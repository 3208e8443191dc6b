//! # GovChain evidence bundles
//!
//! One file that proves a record (a licence, a copyright work, an enterprise, a
//! provident-fund loan) had a given state at a given finalized block, which anyone
//! checks with nothing but a checkpoint of the chain: its genesis hash and first GRANDPA
//! authority set, published by the consortium.
//!
//! A bundle ([`Bundle`], format `govchain-evidence/1`) holds:
//! - the header and GRANDPA justification of the last block of each authority set since
//!   the checkpoint: each is signed by more than two thirds of its set and names the next
//!   set in its digest, so the verifier follows every hand-over;
//! - the header and justification of the block whose state is proven;
//! - the record's storage values at that block (and the block's timestamp) with their
//!   read proof against the header's state root;
//! - for licences and works, the extrinsic that created the record and the block's
//!   `timestamp.set` inherent, proven against that block's extrinsics root, with the
//!   headers linking that block to a finalized one.
//!
//! Nodes write bundles (`evidence_bundle` RPC method); [`verify`] checks one and
//! [`Proven::describe`] says what it proves. The `govchain-verify` command does both, and
//! `govchain-verify self-test` also shows that altered copies of a bundle are refused
//! ([`forge`]).

#![warn(missing_docs)]

pub mod assemble;
pub mod bundle;
pub mod finality;
pub mod forge;
pub mod record;
pub mod verify;

pub use bundle::{Bundle, Checkpoint, Entry, Fragment, Hex, IndexedExtrinsic, Inclusion, RecordRef, StateProof};
pub use record::{Record, State};
pub use verify::{verify, Error, Proven};
