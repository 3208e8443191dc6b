//! What a node needs to write a bundle: the extrinsics proof, and where in a block a
//! licence was issued.

use codec::{Compact, Decode, Encode};
use govchain_runtime::{Hash, RuntimeEvent};
use sp_trie::{LayoutV0, LayoutV1, TrieMut};

type Hashing = sp_runtime::traits::BlakeTwo256;

/// The compact trie proof of the extrinsics at `indices` in a block body (each
/// extrinsic SCALE-encoded as in the body), checked against the header's `root`. The
/// runtime builds its extrinsics trie with layout V0 (`system_version` 1) or V1 (from
/// `system_version` 2); the proof uses the one that gives `root`.
pub fn extrinsics_proof(body: &[Vec<u8>], indices: &[u32], root: &Hash) -> Result<Vec<Vec<u8>>, String> {
	match proof_in::<LayoutV0<Hashing>>(body, indices, root)? {
		Some(p) => Ok(p),
		None => proof_in::<LayoutV1<Hashing>>(body, indices, root)?
			.ok_or_else(|| "the block body does not give the header's extrinsics root".into()),
	}
}

fn proof_in<L: sp_trie::TrieConfiguration<Hash = Hashing>>(
	body: &[Vec<u8>],
	indices: &[u32],
	root: &Hash,
) -> Result<Option<Vec<Vec<u8>>>, String> {
	let mut db = sp_trie::MemoryDB::<Hashing>::default();
	let mut computed = Hash::default();
	{
		let mut trie = sp_trie::TrieDBMutBuilder::<L>::new(&mut db, &mut computed).build();
		for (i, x) in body.iter().enumerate() {
			trie.insert(&Compact(i as u32).encode(), x).map_err(|e| format!("extrinsics trie: {e:?}"))?;
		}
	}
	if computed != *root {
		return Ok(None);
	}
	let keys: Vec<Vec<u8>> = indices.iter().map(|i| Compact(*i).encode()).collect();
	sp_trie::generate_trie_proof::<L, _, _, _>(&db, computed, &keys)
		.map(Some)
		.map_err(|e| format!("extrinsics proof: {e:?}"))
}

/// The storage key of a block's events (`System::Events`).
pub fn events_key() -> Vec<u8> {
	frame_support::storage::storage_prefix(b"System", b"Events").to_vec()
}

/// The index of the extrinsic that issued licence `id`, from its block's events.
pub fn licence_issued_in(events: &[u8], id: u64) -> Option<u32> {
	let records = Vec::<frame_system::EventRecord<RuntimeEvent, Hash>>::decode(&mut &events[..]).ok()?;
	records.into_iter().find_map(|r| match (r.phase, r.event) {
		(
			frame_system::Phase::ApplyExtrinsic(i),
			RuntimeEvent::Licenses(pallet_licenses::Event::LicenseIssued { id: issued, .. }),
		) if issued == id => Some(i),
		_ => None,
	})
}
