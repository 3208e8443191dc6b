//! GRANDPA finality without a node: authority sets handed from one to the next through
//! headers their predecessors finalized, and justifications checked against them.

use alloc::{
	collections::{BTreeMap, BTreeSet},
	vec::Vec,
};

use codec::DecodeAll;
use govchain_runtime::{BlockNumber, Hash, Header};
use sp_consensus_grandpa::{
	localized_payload_with_buffer, AuthorityId, AuthoritySignature, ConsensusLog, Message, RoundNumber, SetId,
	GRANDPA_ENGINE_ID,
};
use sp_core::{ed25519, ByteArray, Pair as _};
use sp_runtime::traits::Header as _;

use crate::{header_hash, record::hex};

/// Whether `signature` is `id`'s ed25519 signature of `message` in `round` of set
/// `set_id` (GRANDPA's localized payload). The same check as
/// `sp_consensus_grandpa::check_message_signature`, done with `sp_core` directly instead
/// of through `sp_io`.
fn signed_by(
	message: &Message<Header>,
	id: &AuthorityId,
	signature: &AuthoritySignature,
	round: RoundNumber,
	set_id: SetId,
	buf: &mut Vec<u8>,
) -> bool {
	localized_payload_with_buffer(round, set_id, message, buf);
	let Ok(public) = ed25519::Public::from_slice(id.as_slice()) else { return false };
	let Ok(raw) = <[u8; 64]>::try_from(AsRef::<[u8]>::as_ref(signature)) else { return false };
	ed25519::Pair::verify(&ed25519::Signature::from_raw(raw), &buf[..], &public)
}

/// A GRANDPA justification of a GovChain header.
pub type Justification = sp_consensus_grandpa::GrandpaJustification<Header>;

/// An authority set: its id, its keys with their weights, and (once it has handed over)
/// the last block it finalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthoritySet {
	/// Set id.
	pub id: SetId,
	/// Keys and weights.
	pub authorities: Vec<(AuthorityId, u64)>,
	/// The block that enacted the next set (the last one this set finalizes).
	pub last_block: Option<BlockNumber>,
}

impl AuthoritySet {
	/// Total weight.
	pub fn total(&self) -> u64 {
		self.authorities.iter().map(|(_, w)| *w).sum()
	}

	/// The weight a justification needs: more than two thirds (`t - (t - 1) / 3`).
	pub fn threshold(&self) -> u64 {
		let t = self.total();
		t - t.saturating_sub(1) / 3
	}

	fn weight_of(&self, id: &AuthorityId) -> Option<u64> {
		self.authorities.iter().find(|(a, _)| a == id).map(|(_, w)| *w)
	}
}

/// Why a header is not proven final.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FinalityError {
	/// The justification does not decode.
	Undecodable,
	/// The justification finalizes another block than this header.
	OtherTarget {
		/// The header's number and hash.
		header: (BlockNumber, Hash),
		/// What the justification's commit names.
		target: (BlockNumber, Hash),
	},
	/// A precommit is signed by a key outside the set.
	NotAnAuthority {
		/// The set.
		set: SetId,
		/// The key.
		key: AuthorityId,
	},
	/// A precommit's signature does not verify for this round and set.
	BadSignature {
		/// The set.
		set: SetId,
		/// The key that supposedly signed.
		key: AuthorityId,
	},
	/// A precommit is signed by an authority of the set, but for another set id: the
	/// bundle skipped an authority set change (or names the wrong one).
	WrongSet {
		/// The set the verifier followed to.
		expected: SetId,
		/// The set the signature is for.
		signed_for: SetId,
	},
	/// A precommit votes for a block that the justification does not show descends from
	/// the target.
	NotDescendant {
		/// The key.
		key: AuthorityId,
	},
	/// Not enough weight signed.
	TooFewSignatures {
		/// The set.
		set: SetId,
		/// Distinct authorities' weight that signed.
		signed: u64,
		/// Weight needed.
		needed: u64,
		/// Total weight.
		total: u64,
	},
}

impl core::fmt::Display for FinalityError {
	fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
		match self {
			FinalityError::Undecodable => write!(f, "the justification does not decode"),
			FinalityError::OtherTarget { header, target } => write!(
				f,
				"the justification finalizes block #{} {} but the header is block #{} {} (a header from another fork or altered)",
				target.0,
				hex(target.1.as_bytes()),
				header.0,
				hex(header.1.as_bytes())
			),
			FinalityError::NotAnAuthority { set, key } => write!(
				f,
				"a precommit is signed by {}, which is not an authority of set {set} (a missing authority set change, or a forged signer)",
				hex(key.as_ref())
			),
			FinalityError::BadSignature { set, key } =>
				write!(f, "the precommit signature of {} does not verify for set {set} (forged or altered)", hex(key.as_ref())),
			FinalityError::WrongSet { expected, signed_for } => write!(
				f,
				"the precommits are signed for authority set {signed_for}, but the bundle's set changes lead to set {expected}: an authority set change is missing"
			),
			FinalityError::NotDescendant { key } => write!(
				f,
				"the precommit of {} is for a block not shown to descend from the target",
				hex(key.as_ref())
			),
			FinalityError::TooFewSignatures { set, signed, needed, total } =>
				write!(f, "only {signed} of {total} authorities of set {set} signed; {needed} are needed"),
		}
	}
}

/// Checks that `justification` finalizes `header` under `set`; returns the weight that
/// signed.
pub fn check_justification(
	header: &Header,
	justification: &Justification,
	set: &AuthoritySet,
) -> Result<u64, FinalityError> {
	let hash = header_hash(header);
	let commit = &justification.commit;
	if commit.target_hash != hash || commit.target_number != *header.number() {
		return Err(FinalityError::OtherTarget {
			header: (*header.number(), hash),
			target: (commit.target_number, commit.target_hash),
		});
	}
	let ancestry: BTreeMap<Hash, &Header> =
		justification.votes_ancestries.iter().map(|h| (header_hash(h), h)).collect();
	let mut signers = BTreeSet::new();
	let mut signed = 0u64;
	let mut buf = Vec::new();
	for sp in &commit.precommits {
		let weight = set
			.weight_of(&sp.id)
			.ok_or_else(|| FinalityError::NotAnAuthority { set: set.id, key: sp.id.clone() })?;
		let message = Message::<Header>::Precommit(sp.precommit.clone());
		if !signed_by(&message, &sp.id, &sp.signature, justification.round, set.id, &mut buf) {
			// Signed by the key, but for another set id? Then a set change is missing.
			let other = (set.id.saturating_sub(64)..set.id.saturating_add(64)).find(|id| {
				*id != set.id &&
					signed_by(&message, &sp.id, &sp.signature, justification.round, *id, &mut buf)
			});
			return Err(match other {
				Some(signed_for) => FinalityError::WrongSet { expected: set.id, signed_for },
				None => FinalityError::BadSignature { set: set.id, key: sp.id.clone() },
			});
		}
		// The vote must be for the target or a block the justification shows descends
		// from it.
		let (mut h, mut n) = (sp.precommit.target_hash, sp.precommit.target_number);
		while h != hash {
			let parent = match ancestry.get(&h) {
				Some(p) if n > commit.target_number => p,
				_ => return Err(FinalityError::NotDescendant { key: sp.id.clone() }),
			};
			h = *parent.parent_hash();
			n -= 1;
		}
		if signers.insert(sp.id.clone()) {
			signed += weight;
		}
	}
	// An empty or weightless set finalizes nothing.
	if signed < set.threshold().max(1) {
		return Err(FinalityError::TooFewSignatures {
			set: set.id,
			signed,
			needed: set.threshold(),
			total: set.total(),
		});
	}
	Ok(signed)
}

/// The authority-set change a header's digest enacts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetChange {
	/// A standard change enacted in this very block (delay 0, as `pallet_grandpa`
	/// schedules at a session change).
	Now(Vec<(AuthorityId, u64)>),
	/// A change with a delay, or a forced change: the chain of signed hand-overs that a
	/// bundle relies on does not cover it.
	Unsupported(&'static str),
}

/// Reads a GRANDPA authority-set change from a header's digest.
pub fn set_change(header: &Header) -> Option<SetChange> {
	for log in header.digest().logs() {
		let Some(c) = log.consensus_try_to::<ConsensusLog<BlockNumber>>(&GRANDPA_ENGINE_ID) else { continue };
		match c {
			ConsensusLog::ScheduledChange(s) if s.delay == 0 => return Some(SetChange::Now(s.next_authorities)),
			ConsensusLog::ScheduledChange(_) => return Some(SetChange::Unsupported("a delayed authority set change")),
			ConsensusLog::ForcedChange(..) => return Some(SetChange::Unsupported("a forced authority set change")),
			_ => {},
		}
	}
	None
}

/// Decodes a header.
pub fn decode_header(bytes: &[u8]) -> Option<Header> {
	Header::decode_all(&mut &bytes[..]).ok()
}

/// Decodes a justification.
pub fn decode_justification(bytes: &[u8]) -> Option<Justification> {
	Justification::decode_all(&mut &bytes[..]).ok()
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use finality_grandpa::SignedPrecommit;
	use sp_consensus_grandpa::{localized_payload, Commit, Precommit};
	use sp_keyring::Ed25519Keyring::{self, *};
	use sp_runtime::{Digest, DigestItem};

	fn header(number: BlockNumber, parent: Hash, digest: Digest) -> Header {
		Header::new(number, Default::default(), Default::default(), parent, digest)
	}

	fn set(id: SetId, keys: &[Ed25519Keyring]) -> AuthoritySet {
		AuthoritySet { id, authorities: keys.iter().map(|k| (k.public().into(), 1)).collect(), last_block: None }
	}

	// Every signer precommits to `vote` (the target or a descendant shown in `ancestry`).
	fn justify(target: &Header, vote: &Header, ancestry: Vec<Header>, set_id: SetId, signers: &[Ed25519Keyring]) -> Justification {
		let round = 7;
		let precommit = Precommit::<Header> { target_hash: vote.hash(), target_number: *vote.number() };
		let payload = localized_payload(round, set_id, &Message::<Header>::Precommit(precommit.clone()));
		let precommits = signers
			.iter()
			.map(|k| SignedPrecommit { precommit: precommit.clone(), signature: k.sign(&payload).into(), id: k.public().into() })
			.collect();
		Justification {
			round,
			commit: Commit::<Header> { target_hash: target.hash(), target_number: *target.number(), precommits },
			votes_ancestries: ancestry,
		}
	}

	#[test]
	fn more_than_two_thirds_of_the_set_finalize() {
		let h = header(5, Hash::repeat_byte(1), Digest::default());
		let s = set(0, &[Alice, Bob, Charlie, Dave]);
		assert_eq!(s.threshold(), 3);
		assert_eq!(check_justification(&h, &justify(&h, &h, vec![], 0, &[Alice, Bob, Charlie]), &s), Ok(3));
		assert_eq!(
			check_justification(&h, &justify(&h, &h, vec![], 0, &[Alice, Bob]), &s),
			Err(FinalityError::TooFewSignatures { set: 0, signed: 2, needed: 3, total: 4 })
		);
		// The same signer twice counts once.
		assert!(matches!(
			check_justification(&h, &justify(&h, &h, vec![], 0, &[Alice, Bob, Bob]), &s),
			Err(FinalityError::TooFewSignatures { signed: 2, .. })
		));
	}

	#[test]
	fn votes_for_a_descendant_count_only_with_their_ancestry() {
		let h = header(5, Hash::repeat_byte(1), Digest::default());
		let child = header(6, h.hash(), Digest::default());
		let grandchild = header(7, child.hash(), Digest::default());
		let s = set(0, &[Alice, Bob, Charlie]);
		let ok = justify(&h, &grandchild, vec![grandchild.clone(), child.clone()], 0, &[Alice, Bob, Charlie]);
		assert_eq!(check_justification(&h, &ok, &s), Ok(3));
		let gap = justify(&h, &grandchild, vec![grandchild.clone()], 0, &[Alice, Bob, Charlie]);
		assert!(matches!(check_justification(&h, &gap, &s), Err(FinalityError::NotDescendant { .. })));
	}

	#[test]
	fn forged_or_foreign_signatures_and_other_targets_are_refused() {
		let h = header(5, Hash::repeat_byte(1), Digest::default());
		let s = set(3, &[Alice, Bob, Charlie, Dave]);
		// A key outside the set.
		assert!(matches!(
			check_justification(&h, &justify(&h, &h, vec![], 3, &[Alice, Bob, Eve]), &s),
			Err(FinalityError::NotAnAuthority { set: 3, .. })
		));
		// Signed for set 4: the verifier skipped a set change.
		assert_eq!(
			check_justification(&h, &justify(&h, &h, vec![], 4, &[Alice, Bob, Charlie]), &s),
			Err(FinalityError::WrongSet { expected: 3, signed_for: 4 })
		);
		// A signature altered.
		let mut j = justify(&h, &h, vec![], 3, &[Alice, Bob, Charlie]);
		let mut sig = j.commit.precommits[1].signature.encode();
		sig[0] ^= 1;
		j.commit.precommits[1].signature = codec::Decode::decode(&mut &sig[..]).unwrap();
		assert!(matches!(check_justification(&h, &j, &s), Err(FinalityError::BadSignature { set: 3, .. })));
		// A header of another block (another fork at the same height).
		let other = header(5, Hash::repeat_byte(2), Digest::default());
		assert!(matches!(
			check_justification(&other, &justify(&h, &h, vec![], 3, &[Alice, Bob, Charlie]), &s),
			Err(FinalityError::OtherTarget { .. })
		));
	}

	#[test]
	fn set_changes_are_read_from_the_digest() {
		let next: Vec<(AuthorityId, u64)> = vec![(Eve.public().into(), 1)];
		let log = |c: ConsensusLog<BlockNumber>| DigestItem::Consensus(GRANDPA_ENGINE_ID, c.encode());
		let now = header(9, Hash::zero(), Digest {
			logs: vec![log(ConsensusLog::ScheduledChange(sp_consensus_grandpa::ScheduledChange { next_authorities: next.clone(), delay: 0 }))],
		});
		assert_eq!(set_change(&now), Some(SetChange::Now(next.clone())));
		let later = header(9, Hash::zero(), Digest {
			logs: vec![log(ConsensusLog::ScheduledChange(sp_consensus_grandpa::ScheduledChange { next_authorities: next.clone(), delay: 2 }))],
		});
		assert!(matches!(set_change(&later), Some(SetChange::Unsupported(_))));
		let forced = header(9, Hash::zero(), Digest {
			logs: vec![log(ConsensusLog::ForcedChange(1, sp_consensus_grandpa::ScheduledChange { next_authorities: next, delay: 0 }))],
		});
		assert!(matches!(set_change(&forced), Some(SetChange::Unsupported(_))));
		assert_eq!(set_change(&header(9, Hash::zero(), Digest::default())), None);
	}
}
