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
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "std")]
pub mod assemble;
pub mod bundle;
pub mod finality;
#[cfg(feature = "std")]
pub mod forge;
pub mod record;
pub mod verify;

pub use bundle::{Bundle, Checkpoint, Entry, Fragment, Hex, IndexedExtrinsic, Inclusion, RecordRef, StateProof};
pub use record::{Record, State};
pub use verify::{check_text, verify, Error, Proven, Verdict};

/// The hash of a header (blake2-256 of its encoding), computed here rather than through
/// `sp_io`, so that the verifier runs in a browser as well as natively.
pub fn header_hash(header: &govchain_runtime::Header) -> govchain_runtime::Hash {
	use codec::Encode;
	sp_core::H256(sp_crypto_hashing::blake2_256(&header.encode()))
}

/// The trie hasher: blake2-256, as `sp_core::Blake2Hasher`, which the runtime-side
/// build (`substrate_runtime`, used for the WASM verifier) leaves out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TrieHasher;

impl sp_core::Hasher for TrieHasher {
	type Out = sp_core::H256;
	type StdHasher = KeyHasher;
	const LENGTH: usize = 32;

	fn hash(s: &[u8]) -> Self::Out {
		sp_core::H256(sp_crypto_hashing::blake2_256(s))
	}
}

/// Hashes keys that are already hashes (for the proof's in-memory node map).
#[derive(Default)]
pub struct KeyHasher(u64);

impl core::hash::Hasher for KeyHasher {
	fn finish(&self) -> u64 {
		self.0
	}

	fn write(&mut self, bytes: &[u8]) {
		for chunk in bytes.chunks(8) {
			let mut word = [0u8; 8];
			word[..chunk.len()].copy_from_slice(chunk);
			self.0 = self.0.rotate_left(29) ^ u64::from_le_bytes(word);
		}
	}
}
