//! The file format: a bundle (`govchain-evidence/1`) and a checkpoint
//! (`govchain-checkpoint/1`), JSON with SCALE-encoded parts in `0x` hex.
//!
//! A bundle carries everything needed to check one record; nothing in it is trusted
//! until [`crate::verify`] has checked it against a checkpoint obtained elsewhere (the
//! consortium publishes the network's checkpoint with its chain spec).

use alloc::{format, string::String, vec::Vec};

use serde::{Deserialize, Serialize};

/// The bundle format this crate writes and reads.
pub const BUNDLE_FORMAT: &str = "govchain-evidence/1";
/// The checkpoint format this crate writes and reads.
pub const CHECKPOINT_FORMAT: &str = "govchain-checkpoint/1";

/// Bytes written as a `0x`-prefixed hex string.
#[derive(Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Hex(#[serde(with = "sp_core::bytes")] pub Vec<u8>);

impl core::fmt::Debug for Hex {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		write!(f, "0x{}", sp_core::hexdisplay::HexDisplay::from(&self.0))
	}
}

/// Which record a bundle is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRef {
	/// `licence`, `work`, `enterprise` or `loan`.
	pub kind: String,
	/// Licence or loan number in decimal, work content hash in `0x` hex, enterprise
	/// USCC (18 characters).
	pub id: String,
}

/// One evidence bundle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Bundle {
	/// [`BUNDLE_FORMAT`].
	pub format: String,
	/// The chain's genesis block hash.
	pub genesis_hash: Hex,
	/// The record.
	pub record: RecordRef,
	/// Finalized headers with their GRANDPA justifications, in block order: the last
	/// block of each authority set from the checkpoint on (each carries the digest that
	/// names the next set), then the block whose state `state` proves (the last entry;
	/// it may itself end a set).
	pub finality: Vec<Fragment>,
	/// Storage entries at the last `finality` block, with their read proof.
	pub state: StateProof,
	/// The extrinsic that created the record, for licences and works.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub inclusion: Option<Inclusion>,
}

/// A header and the GRANDPA justification finalizing it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragment {
	/// SCALE-encoded header.
	pub header: Hex,
	/// SCALE-encoded `GrandpaJustification`.
	pub justification: Hex,
}

/// Storage values and the trie nodes that prove them against a state root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateProof {
	/// The keys the record needs (see [`crate::Record::keys`]), in that order, with the
	/// values the proof gives (`null`: absent).
	pub entries: Vec<Entry>,
	/// Trie nodes (`state_getReadProof`).
	pub proof: Vec<Hex>,
}

/// One storage entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
	/// Storage key.
	pub key: Hex,
	/// SCALE-encoded value; `None` when the key is absent.
	pub value: Option<Hex>,
}

/// Where the record's creating extrinsic sits: its block's header, linked by parent
/// hashes to a finalized header, and a proof of the extrinsic (and of the block's
/// `timestamp.set` inherent) against the block's extrinsics root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inclusion {
	/// SCALE-encoded headers: the extrinsic's block first, each next one its child.
	pub headers: Vec<Hex>,
	/// Justification of the last header; `None` when the last header is the last
	/// `finality` block (already justified there).
	#[serde(default)]
	pub justification: Option<Hex>,
	/// The block's extrinsics the proof covers: index 0 (`timestamp.set`) and the
	/// record's extrinsic.
	pub extrinsics: Vec<IndexedExtrinsic>,
	/// Compact trie proof (`sp_trie::generate_trie_proof`, layout V0 as the runtime's
	/// `system_version` 1 builds it, or V1) of those entries
	/// against the first header's extrinsics root.
	pub proof: Vec<Hex>,
}

/// An extrinsic and its index in its block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexedExtrinsic {
	/// Index in the block.
	pub index: u32,
	/// SCALE-encoded extrinsic, as in the block body.
	pub extrinsic: Hex,
}

/// What a verifier trusts: a chain and an authority set of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Checkpoint {
	/// [`CHECKPOINT_FORMAT`].
	pub format: String,
	/// The chain's genesis block hash.
	pub genesis_hash: Hex,
	/// The authority set the checkpoint names (0 at genesis).
	pub set_id: u64,
	/// Its GRANDPA keys (ed25519, 32 bytes each), each with weight 1 unless
	/// `weights` says otherwise.
	pub authorities: Vec<Hex>,
	/// Weights of `authorities`, if not all 1.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub weights: Option<Vec<u64>>,
}

impl Bundle {
	/// Reads a bundle from JSON.
	pub fn from_json(s: &str) -> Result<Self, String> {
		serde_json::from_str(s).map_err(|e| format!("not a GovChain evidence bundle: {e}"))
	}
}

impl Checkpoint {
	/// Reads a checkpoint from JSON.
	pub fn from_json(s: &str) -> Result<Self, String> {
		serde_json::from_str(s).map_err(|e| format!("not a GovChain checkpoint: {e}"))
	}
}
