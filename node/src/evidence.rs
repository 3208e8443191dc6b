//! `evidence_bundle(kind, id, at?)` and `evidence_checkpoint()`: the node writes the
//! evidence bundle of a record, at the latest justified block or at a chosen past block
//! (see the `govchain-evidence` crate), and the checkpoint a verifier starts from.
//!
//! A bundle is made from what every full node keeps: the header and GRANDPA
//! justification of the last block of each authority set (the warp-sync proof), the
//! latest justification, a read proof of the record at that block, and for licences and
//! works the block body and headers up to the next stored justification (the node stores
//! one at least every [`crate::service::GRANDPA_JUSTIFICATION_PERIOD`] blocks).

use std::sync::Arc;

use codec::{Decode, Encode};
use govchain_evidence::{
	assemble,
	bundle::{BUNDLE_FORMAT, CHECKPOINT_FORMAT},
	finality::set_change,
	Bundle, Checkpoint, Entry, Fragment, Hex, Inclusion, IndexedExtrinsic, Record, StateProof,
};
use govchain_runtime::{opaque::Block, BlockNumber, Hash, Header};
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use sc_client_api::{BlockBackend, HeaderBackend, ProofProvider, StorageProvider};
use sc_network_sync::strategy::warp::WarpSyncProvider;
use sp_api::ProvideRuntimeApi;
use sp_consensus_grandpa::{GrandpaApi, GRANDPA_ENGINE_ID};
use sp_core::storage::StorageKey;
use sp_runtime::traits::Header as _;

use crate::service::FullClient;

/// Writes bundles and checkpoints.
pub struct Evidence {
	client: Arc<FullClient>,
	warp: Arc<dyn WarpSyncProvider<Block>>,
}

fn error(code: i32, msg: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, msg.into(), None::<()>)
}

fn internal(e: impl std::fmt::Display) -> ErrorObjectOwned {
	error(9000, e.to_string())
}

type Justification = sp_consensus_grandpa::GrandpaJustification<Header>;

impl Evidence {
	/// Over the node's client and its warp-sync proof provider.
	pub fn new(client: Arc<FullClient>, warp: Arc<dyn WarpSyncProvider<Block>>) -> Self {
		Self { client, warp }
	}

	/// The RPC methods.
	pub fn into_rpc(self) -> RpcModule<Self> {
		let mut module = RpcModule::new(self);
		module
			.register_blocking_method("evidence_bundle", |params, ev, _| {
				let mut seq = params.sequence();
				let kind: String = seq.next()?;
				let id: String = seq.next()?;
				let at: Option<BlockNumber> = seq.optional_next()?;
				let record = Record::parse(&kind, &id).map_err(|e| error(9001, e))?;
				ev.bundle(&record, at)
			})
			.expect("method names are unique; qed");
		module
			.register_blocking_method("evidence_checkpoint", |_, ev, _| ev.checkpoint())
			.expect("method names are unique; qed");
		module
	}

	fn hash_of(&self, n: BlockNumber) -> Result<Hash, ErrorObjectOwned> {
		self.client.hash(n).map_err(internal)?.ok_or_else(|| error(9002, format!("block #{n} is not known")))
	}

	fn header(&self, hash: Hash) -> Result<Header, ErrorObjectOwned> {
		self.client.header(hash).map_err(internal)?.ok_or_else(|| error(9002, format!("header {hash} is not known")))
	}

	/// Genesis hash and the genesis GRANDPA authority set.
	pub fn checkpoint(&self) -> Result<Checkpoint, ErrorObjectOwned> {
		let genesis = self.client.info().genesis_hash;
		let set = self.client.runtime_api().grandpa_authorities(genesis).map_err(internal)?;
		let weighted = set.iter().any(|(_, w)| *w != 1);
		Ok(Checkpoint {
			format: CHECKPOINT_FORMAT.into(),
			genesis_hash: Hex(genesis.as_bytes().to_vec()),
			set_id: 0,
			authorities: set.iter().map(|(a, _)| Hex(sp_core::ByteArray::to_raw_vec(a))).collect(),
			weights: weighted.then(|| set.iter().map(|(_, w)| *w).collect()),
		})
	}

	/// The bundle of `record` at the latest justified block, or with `at`, at the first
	/// block from `at` on whose justification the node keeps (usually within
	/// [`crate::service::GRANDPA_JUSTIFICATION_PERIOD`] blocks; at worst the latest
	/// justified block).
	pub fn bundle(&self, record: &Record, at: Option<BlockNumber>) -> Result<Bundle, ErrorObjectOwned> {
		let info = self.client.info();
		let genesis = info.genesis_hash;
		let proof = self.warp.generate(genesis).map_err(internal)?;
		let (mut fragments, finished) =
			<(Vec<(Header, Justification)>, bool)>::decode(&mut &proof.0[..]).map_err(internal)?;
		if !finished {
			return Err(error(9003, "the authority set history exceeds one warp-sync proof"));
		}
		if let Some(from) = at {
			let (latest, _) = fragments.last().ok_or_else(|| error(9004, "no finalized block with a justification yet"))?;
			let latest = *latest.number();
			if from > latest {
				return Err(error(9007, format!("block #{from} is not finalized with a justification yet (latest: #{latest})")));
			}
			// The set changes before the block, then the first block from it on whose
			// justification the node keeps (a set change's own block keeps one; the latest
			// justified block ends the walk).
			let (mut n, mut h) = (from, self.hash_of(from)?);
			let justification = loop {
				if n == latest {
					break None;
				}
				let stored = self.client.justifications(h).map_err(internal)?;
				if let Some(j) = stored.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID)) {
					break Some(Justification::decode(&mut &j[..]).map_err(internal)?);
				}
				n += 1;
				h = self.hash_of(n)?;
			};
			if let Some(justification) = justification {
				fragments.retain(|(header, _)| *header.number() < n && set_change(header).is_some());
				fragments.push((self.header(h)?, justification));
			}
		}
		let (at, _) = fragments.last().ok_or_else(|| error(9004, "no finalized block with a justification yet"))?;
		let at_hash = at.hash();

		let keys = record.keys();
		let read = self.client.read_proof(at_hash, &mut keys.iter().map(|k| &k[..])).map_err(internal)?;
		let mut entries = Vec::new();
		for k in &keys {
			let value = self.client.storage(at_hash, &StorageKey(k.clone())).map_err(internal)?;
			entries.push(Entry { key: Hex(k.clone()), value: value.map(|v| Hex(v.0)) });
		}
		let state = match &entries[0].value {
			Some(v) => Some(record.decode(&v.0).map_err(internal)?),
			None => None,
		};
		let inclusion = match state.as_ref().and_then(|s| s.created_at()) {
			Some((block, index)) => Some(self.inclusion(record, block, index, at_hash)?),
			None => None,
		};
		Ok(Bundle {
			format: BUNDLE_FORMAT.into(),
			genesis_hash: Hex(genesis.as_bytes().to_vec()),
			record: record.to_ref(),
			finality: fragments
				.iter()
				.map(|(h, j)| Fragment { header: Hex(h.encode()), justification: Hex(j.encode()) })
				.collect(),
			state: StateProof { entries, proof: read.into_iter_nodes().map(Hex).collect() },
			inclusion,
		})
	}

	fn inclusion(
		&self,
		record: &Record,
		block: BlockNumber,
		index: Option<u32>,
		at: Hash,
	) -> Result<Inclusion, ErrorObjectOwned> {
		let hash = self.hash_of(block)?;
		let header = self.header(hash)?;
		let index = match (index, record) {
			(Some(i), _) => i,
			(None, Record::Licence(id)) => {
				let events = self
					.client
					.storage(hash, &StorageKey(assemble::events_key()))
					.map_err(internal)?
					.ok_or_else(|| error(9005, format!("the events of block #{block} are not kept")))?;
				assemble::licence_issued_in(&events.0, *id)
					.ok_or_else(|| error(9005, format!("no LicenseIssued event for licence {id} in block #{block}")))?
			},
			(None, _) => return Err(error(9005, "the record names no extrinsic")),
		};
		let body = self
			.client
			.block_body(hash)
			.map_err(internal)?
			.ok_or_else(|| error(9005, format!("the body of block #{block} is not kept (pruned)")))?;
		let body: Vec<Vec<u8>> = body.iter().map(|x| x.encode()).collect();
		let mut indices = vec![0, index];
		indices.dedup();
		let proof = assemble::extrinsics_proof(&body, &indices, header.extrinsics_root()).map_err(internal)?;
		let extrinsics = indices
			.iter()
			.map(|i| {
				body.get(*i as usize)
					.map(|x| IndexedExtrinsic { index: *i, extrinsic: Hex(x.clone()) })
					.ok_or_else(|| error(9005, format!("block #{block} has no extrinsic {i}")))
			})
			.collect::<Result<Vec<_>, _>>()?;

		// Headers from the block up to one whose justification is stored, or the bundle's
		// justified block (which ends the walk; usually within the justification period,
		// longer after finality stalled).
		let mut headers = Vec::new();
		let (mut n, mut h) = (block, hash);
		let justification = loop {
			headers.push(Hex(self.header(h)?.encode()));
			if h == at {
				break None;
			}
			let stored = self.client.justifications(h).map_err(internal)?;
			if let Some(j) = stored.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID)) {
				break Some(Hex(j));
			}
			n += 1;
			h = self.hash_of(n)?;
		};
		Ok(Inclusion { headers, justification, extrinsics, proof: proof.into_iter().map(Hex).collect() })
	}
}
