//! Checking a bundle against a checkpoint, and saying what it proves.

use alloc::{
	format,
	string::{String, ToString},
	vec,
	vec::Vec,
};

use codec::{Compact, DecodeAll, Encode};
use govchain_runtime::{AccountId, BlockNumber, Hash, Header, RuntimeCall, UncheckedExtrinsic};
use sp_consensus_grandpa::AuthorityId;
use sp_core::ByteArray;
use sp_runtime::{generic::Preamble, traits::Header as _, MultiAddress};
use sp_trie::{LayoutV0, LayoutV1, StorageProof};

use crate::{
	bundle::{Bundle, Checkpoint, Inclusion, BUNDLE_FORMAT, CHECKPOINT_FORMAT},
	finality::{check_justification, decode_header, decode_justification, set_change, AuthoritySet, FinalityError, SetChange},
	header_hash,
	record::{account, hex, utc, Record, State},
	TrieHasher as Hashing,
};

/// Why a bundle proves nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
	/// The bundle or checkpoint is not in a format this verifier reads.
	Format(String),
	/// The bundle is for another chain than the checkpoint.
	OtherChain {
		/// The bundle's genesis hash.
		bundle: Vec<u8>,
		/// The checkpoint's.
		checkpoint: Vec<u8>,
	},
	/// The record reference is not valid.
	Record(String),
	/// A header does not decode.
	BadHeader(&'static str, usize),
	/// A justification does not decode.
	BadJustification(&'static str, usize),
	/// The `finality` list is empty.
	NoFinality,
	/// Headers in `finality` are not in increasing block order.
	OutOfOrder(BlockNumber),
	/// A `finality` entry that is not the last one enacts no authority set change.
	NotASetChange(BlockNumber),
	/// A header enacts a change the verifier cannot follow.
	UnsupportedChange(BlockNumber, &'static str),
	/// A header is not proven final.
	NotFinal {
		/// Which part of the bundle.
		part: &'static str,
		/// The block number the header claims.
		number: BlockNumber,
		/// Why.
		why: FinalityError,
	},
	/// The state entries are not the keys the record needs.
	WrongKeys,
	/// The state proof does not lead from the state root to a key.
	StateProof {
		/// The key.
		key: Vec<u8>,
		/// The trie's complaint.
		why: String,
	},
	/// A value in the bundle is not the one the proof gives.
	ValueMismatch {
		/// The key.
		key: Vec<u8>,
	},
	/// The record's value or the timestamp does not decode.
	Undecodable(&'static str),
	/// The inclusion part is inconsistent.
	Inclusion(String),
}

impl core::fmt::Display for Error {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			Error::Format(s) => write!(f, "{s}"),
			Error::OtherChain { bundle, checkpoint } => write!(
				f,
				"the bundle is for the chain with genesis {} but the checkpoint is for {}",
				hex(bundle),
				hex(checkpoint)
			),
			Error::Record(s) => write!(f, "{s}"),
			Error::BadHeader(part, i) => write!(f, "header {i} of {part} does not decode"),
			Error::BadJustification(part, i) => write!(f, "justification {i} of {part} does not decode"),
			Error::NoFinality => write!(f, "the bundle has no finalized header"),
			Error::OutOfOrder(n) => write!(f, "finality headers are out of order at block #{n}"),
			Error::NotASetChange(n) =>
				write!(f, "block #{n} in the authority set chain enacts no authority set change"),
			Error::UnsupportedChange(n, what) => write!(f, "block #{n} enacts {what}, which this verifier cannot follow"),
			Error::NotFinal { part, number, why } => write!(f, "{part} block #{number} is not proven final: {why}"),
			Error::WrongKeys => write!(f, "the state entries are not the storage keys of the record"),
			Error::StateProof { key, why } => write!(
				f,
				"the state proof does not lead from the block's state root to key {} ({why}): a proof node is missing or altered",
				hex(key)
			),
			Error::ValueMismatch { key } =>
				write!(f, "the value of key {} in the bundle is not the value the proof gives (altered)", hex(key)),
			Error::Undecodable(what) => write!(f, "the proven {what} does not decode"),
			Error::Inclusion(s) => write!(f, "{s}"),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

/// The creating extrinsic, as proven.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvenExtrinsic {
	/// Its block.
	pub block: BlockNumber,
	/// That block's hash.
	pub block_hash: Hash,
	/// Index in the block.
	pub index: u32,
	/// The block's time (ms), from its `timestamp.set` inherent.
	pub time_ms: u64,
	/// Signer, if signed.
	pub signer: Option<AccountId>,
	/// Pallet and call names.
	pub call: (String, String),
}

/// What a bundle proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proven {
	/// The record.
	pub record: Record,
	/// Its value at the block; `None`: the record did not exist there.
	pub state: Option<State>,
	/// The block whose state is proven.
	pub block: BlockNumber,
	/// Its hash.
	pub block_hash: Hash,
	/// Its time (ms, `Timestamp::Now`).
	pub time_ms: u64,
	/// The set that finalized it, the weight that signed and the set's total weight.
	pub finalized_by: (u64, u64, u64),
	/// Authority set changes followed from the checkpoint.
	pub set_changes: usize,
	/// The creating extrinsic, when the bundle includes it.
	pub extrinsic: Option<ProvenExtrinsic>,
}

impl Proven {
	/// The proof in words.
	pub fn describe(&self) -> String {
		let (set, signed, total) = self.finalized_by;
		let mut s = match &self.state {
			Some(state) => format!("{} at block #{}: {}", self.record.name(), self.block, state.describe()),
			None => format!("{} did not exist at block #{}", self.record.name(), self.block),
		};
		s += &format!(
			".\nBlock #{} ({}) at {}, finalized by {signed} of {total} validators of authority set {set} ({} set change{} followed from the checkpoint).",
			self.block,
			hex(self.block_hash.as_bytes()),
			utc(self.time_ms),
			self.set_changes,
			if self.set_changes == 1 { "" } else { "s" },
		);
		if let Some(x) = &self.extrinsic {
			s += &format!(
				"\nCreated by extrinsic {}-{} ({}.{}){} in block #{} ({}) at {}.",
				x.block,
				x.index,
				x.call.0,
				x.call.1,
				x.signer.as_ref().map(|a| format!(" signed by {}", account(a))).unwrap_or_default(),
				x.block,
				hex(x.block_hash.as_bytes()),
				utc(x.time_ms),
			);
		}
		s
	}
}

fn authority(bytes: &[u8]) -> Result<AuthorityId, Error> {
	AuthorityId::from_slice(bytes).map_err(|_| Error::Format(format!("checkpoint authority {} is not 32 bytes", hex(bytes))))
}

/// The authority set a checkpoint names.
pub fn checkpoint_set(c: &Checkpoint) -> Result<AuthoritySet, Error> {
	if c.format != CHECKPOINT_FORMAT {
		return Err(Error::Format(format!("unknown checkpoint format '{}' (expected {CHECKPOINT_FORMAT})", c.format)));
	}
	let weights = match &c.weights {
		Some(w) if w.len() != c.authorities.len() =>
			return Err(Error::Format("checkpoint weights do not match its authorities".into())),
		Some(w) => w.clone(),
		None => vec![1; c.authorities.len()],
	};
	let authorities = c
		.authorities
		.iter()
		.zip(weights)
		.map(|(a, w)| Ok((authority(&a.0)?, w)))
		.collect::<Result<Vec<_>, Error>>()?;
	if authorities.is_empty() {
		return Err(Error::Format("the checkpoint names no authority".into()));
	}
	Ok(AuthoritySet { id: c.set_id, authorities, last_block: None })
}

/// Checks `bundle` against `checkpoint` and returns what it proves.
pub fn verify(bundle: &Bundle, checkpoint: &Checkpoint) -> Result<Proven, Error> {
	if bundle.format != BUNDLE_FORMAT {
		return Err(Error::Format(format!("unknown bundle format '{}' (expected {BUNDLE_FORMAT})", bundle.format)));
	}
	let mut set = checkpoint_set(checkpoint)?;
	if bundle.genesis_hash != checkpoint.genesis_hash {
		return Err(Error::OtherChain { bundle: bundle.genesis_hash.0.clone(), checkpoint: checkpoint.genesis_hash.0.clone() });
	}
	let record = Record::from_ref(&bundle.record).map_err(Error::Record)?;

	// 1. Authority sets from the checkpoint, each handing over to the next in a block
	// it finalized; the last entry is the block whose state is proven.
	let last = bundle.finality.len().checked_sub(1).ok_or(Error::NoFinality)?;
	let mut past: Vec<AuthoritySet> = Vec::new();
	let mut previous: Option<BlockNumber> = None;
	let mut proven_block = None;
	for (i, f) in bundle.finality.iter().enumerate() {
		let header = decode_header(&f.header.0).ok_or(Error::BadHeader("the finality chain", i))?;
		let just = decode_justification(&f.justification.0).ok_or(Error::BadJustification("the finality chain", i))?;
		let number = *header.number();
		if previous.is_some_and(|p| p >= number) {
			return Err(Error::OutOfOrder(number));
		}
		previous = Some(number);
		let signed = check_justification(&header, &just, &set).map_err(|why| Error::NotFinal {
			part: if i == last { "the evidence" } else { "an authority set change" },
			number,
			why,
		})?;
		let finalized_by = (set.id, signed, set.total());
		match set_change(&header) {
			Some(SetChange::Now(next)) => {
				let next = AuthoritySet { id: set.id + 1, authorities: next, last_block: None };
				set.last_block = Some(number);
				past.push(core::mem::replace(&mut set, next));
			},
			Some(SetChange::Unsupported(what)) => return Err(Error::UnsupportedChange(number, what)),
			None if i != last => return Err(Error::NotASetChange(number)),
			None => {},
		}
		if i == last {
			proven_block = Some((header, finalized_by));
		}
	}
	let (header, finalized_by) = proven_block.ok_or(Error::NoFinality)?;

	// 2. The record's storage at that block.
	let keys = record.keys();
	if bundle.state.entries.len() != keys.len() || bundle.state.entries.iter().zip(&keys).any(|(e, k)| e.key.0 != *k) {
		return Err(Error::WrongKeys);
	}
	let db = StorageProof::new(bundle.state.proof.iter().map(|n| n.0.clone())).into_memory_db::<Hashing>();
	let mut values = Vec::new();
	for (entry, key) in bundle.state.entries.iter().zip(&keys) {
		let v = sp_trie::read_trie_value::<LayoutV1<Hashing>, _>(&db, header.state_root(), key, None, None)
			.map_err(|e| Error::StateProof { key: key.clone(), why: format!("{e:?}").chars().take(80).collect() })?;
		if v.as_deref() != entry.value.as_ref().map(|h| &h.0[..]) {
			return Err(Error::ValueMismatch { key: key.clone() });
		}
		values.push(v);
	}
	let state = match &values[0] {
		Some(v) => Some(record.decode(v).map_err(|_| Error::Undecodable("record"))?),
		None => None,
	};
	let time_ms = values[1]
		.as_ref()
		.and_then(|v| u64::decode_all(&mut &v[..]).ok())
		.ok_or(Error::Undecodable("timestamp"))?;
	// The genesis hash the chain itself keeps, not the bundle's label of it: GRANDPA
	// signatures do not name the chain, so this is what ties the proof to the
	// checkpoint's chain (another chain with the same genesis authorities fails here).
	if values[2].as_deref() != Some(&checkpoint.genesis_hash.0[..]) {
		return Err(Error::OtherChain {
			bundle: values[2].clone().unwrap_or_default(),
			checkpoint: checkpoint.genesis_hash.0.clone(),
		});
	}

	// 3. The creating extrinsic.
	let created = state.as_ref().and_then(State::created_at);
	let extrinsic = match (&bundle.inclusion, created) {
		(Some(inc), Some(at)) => {
			let state = state.as_ref().expect("created_at is Some only with a state; qed");
			Some(check_inclusion(inc, at, |call| record.created_by(state, call), &header, &past, &set)?)
		},
		(Some(_), None) => return Err(Error::Inclusion("the bundle includes an extrinsic for a record that names none".into())),
		(None, _) => None,
	};

	Ok(Proven {
		record,
		state,
		block: *header.number(),
		block_hash: header_hash(&header),
		time_ms,
		finalized_by,
		set_changes: past.len(),
		extrinsic,
	})
}

fn check_inclusion(
	inc: &Inclusion,
	(block, index): (BlockNumber, Option<u32>),
	creates: impl Fn(&RuntimeCall) -> bool,
	proven: &Header,
	past: &[AuthoritySet],
	current: &AuthoritySet,
) -> Result<ProvenExtrinsic, Error> {
	let headers = inc
		.headers
		.iter()
		.enumerate()
		.map(|(i, h)| decode_header(&h.0).ok_or(Error::BadHeader("the inclusion", i)))
		.collect::<Result<Vec<_>, _>>()?;
	let first = headers.first().ok_or_else(|| Error::Inclusion("the inclusion has no header".into()))?;
	if *first.number() != block {
		return Err(Error::Inclusion(format!(
			"the inclusion is in block #{} but the record was created in block #{block}",
			first.number()
		)));
	}
	for w in headers.windows(2) {
		if *w[1].parent_hash() != header_hash(&w[0]) || *w[1].number() != w[0].number() + 1 {
			return Err(Error::Inclusion(format!("inclusion header #{} is not the child of #{}", w[1].number(), w[0].number())));
		}
	}
	let tip = headers.last().expect("headers is not empty; qed");
	if tip.number() > proven.number() {
		return Err(Error::Inclusion(format!("the inclusion headers go past the proven block #{}", proven.number())));
	}
	match &inc.justification {
		None if header_hash(tip) == header_hash(proven) => {},
		None => return Err(Error::Inclusion("the inclusion headers end at no finalized block".into())),
		Some(j) => {
			let j = decode_justification(&j.0).ok_or(Error::BadJustification("the inclusion", 0))?;
			// The set that finalized a block: the first whose last block is not below it.
			let set = past.iter().find(|s| s.last_block.is_some_and(|l| l >= *tip.number())).unwrap_or(current);
			check_justification(tip, &j, set).map_err(|why| Error::NotFinal { part: "the inclusion", number: *tip.number(), why })?;
		},
	}
	// The extrinsics against the block's extrinsics root.
	let index = match index {
		Some(i) => i,
		None => inc
			.extrinsics
			.iter()
			.map(|x| x.index)
			.find(|i| *i != 0)
			.ok_or_else(|| Error::Inclusion("the inclusion names no extrinsic besides the timestamp".into()))?,
	};
	let find = |i: u32| {
		inc.extrinsics
			.iter()
			.find(|x| x.index == i)
			.map(|x| x.extrinsic.0.clone())
			.ok_or_else(|| Error::Inclusion(format!("the inclusion lacks extrinsic {i}")))
	};
	if inc.extrinsics.iter().any(|x| x.index != 0 && x.index != index) || inc.extrinsics.len() != 2 {
		return Err(Error::Inclusion(format!("the inclusion must hold exactly extrinsics 0 and {index}")));
	}
	let (stamp, xt) = (find(0)?, find(index)?);
	let items = [(Compact(0u32).encode(), Some(stamp.clone())), (Compact(index).encode(), Some(xt.clone()))];
	let proof: Vec<Vec<u8>> = inc.proof.iter().map(|n| n.0.clone()).collect();
	// Layout V0 (the runtime's `system_version` 1), or V1 (from `system_version` 2).
	sp_trie::verify_trie_proof::<LayoutV0<Hashing>, _, _, _>(first.extrinsics_root(), &proof, &items)
		.or_else(|_| sp_trie::verify_trie_proof::<LayoutV1<Hashing>, _, _, _>(first.extrinsics_root(), &proof, &items))
		.map_err(|_e| {
		// The trie's own words, where it can give them (not in the no_std build).
		#[cfg(feature = "std")]
		let why = format!(" ({})", format!("{_e:?}").chars().take(60).collect::<String>());
		#[cfg(not(feature = "std"))]
		let why = "";
		Error::Inclusion(format!(
			"the extrinsics are not in block #{block}: the proof does not match its extrinsics root{why}"
		))
	})?;
	let time_ms = match UncheckedExtrinsic::decode_all(&mut &stamp[..]).map(|x| x.function) {
		Ok(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now })) => now,
		_ => return Err(Error::Inclusion(format!("extrinsic 0 of block #{block} is not timestamp.set"))),
	};
	let xt = UncheckedExtrinsic::decode_all(&mut &xt[..])
		.map_err(|_| Error::Inclusion(format!("extrinsic {index} of block #{block} does not decode")))?;
	let signer = match &xt.preamble {
		Preamble::Signed(MultiAddress::Id(who), ..) => Some(who.clone()),
		_ => None,
	};
	let call = {
		use frame_support::traits::GetCallMetadata;
		let m = xt.function.get_call_metadata();
		(m.pallet_name.to_string(), m.function_name.to_string())
	};
	// The call must be the one that created the record as it stands (possibly in a batch).
	if !creates(&xt.function) {
		return Err(Error::Inclusion(format!(
			"extrinsic {block}-{index} ({}.{}) does not create this record",
			call.0, call.1
		)));
	}
	Ok(ProvenExtrinsic { block, block_hash: header_hash(first), index, time_ms, signer, call })
}

/// The outcome of checking a bundle file against a checkpoint file, as
/// `govchain-verify --json` prints it and the public verification page (the WASM build)
/// shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Verdict {
	/// Whether the bundle proves its record.
	pub valid: bool,
	/// The record the bundle names, once it has been read.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub record: Option<crate::RecordRef>,
	/// What it proves, in words ([`Proven::describe`]).
	#[serde(skip_serializing_if = "Option::is_none")]
	pub proves: Option<String>,
	/// The block whose state is proven.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub block: Option<BlockNumber>,
	/// Why not.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
}

impl Verdict {
	fn refused(record: Option<crate::RecordRef>, reason: String) -> Self {
		Verdict { valid: false, record, proves: None, block: None, reason: Some(reason) }
	}

	/// The verdict on `bundle` given what [`verify`] said about it.
	pub fn of(bundle: &Bundle, outcome: &Result<Proven, Error>) -> Self {
		let record = Some(bundle.record.clone());
		match outcome {
			Ok(p) => Verdict { valid: true, record, proves: Some(p.describe()), block: Some(p.block), reason: None },
			Err(e) => Verdict::refused(record, e.to_string()),
		}
	}

	/// As one line of JSON.
	pub fn to_json(&self) -> String {
		serde_json::to_string(self).unwrap_or_default()
	}
}

/// Reads a bundle and a checkpoint (JSON text) and checks one against the other.
pub fn check_text(bundle: &str, checkpoint: &str) -> Verdict {
	let bundle = match Bundle::from_json(bundle) {
		Ok(b) => b,
		Err(e) => return Verdict::refused(None, e),
	};
	let checkpoint = match Checkpoint::from_json(checkpoint) {
		Ok(c) => c,
		Err(e) => return Verdict::refused(Some(bundle.record), e),
	};
	Verdict::of(&bundle, &verify(&bundle, &checkpoint))
}
