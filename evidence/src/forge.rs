//! Altered copies of a genuine bundle, each with the refusal a verifier must give.
//! `govchain-verify self-test` runs them, so that anyone holding a bundle can see the
//! verifier refuse every kind of forgery before trusting its ✔.

use codec::Encode;
use sp_runtime::traits::Header as _;

use crate::{
	bundle::{Bundle, Checkpoint, Hex},
	finality::{decode_header, decode_justification, set_change, FinalityError, SetChange},
	verify::Error,
};

/// One way to forge a bundle (or the checkpoint it is checked against).
pub struct Forgery {
	/// What was altered.
	pub name: &'static str,
	/// Makes the altered copy; `None` when the bundle has nothing to alter this way.
	pub make: fn(&Bundle, &Checkpoint) -> Option<(Bundle, Checkpoint)>,
	/// Whether a refusal gives the reason expected for this alteration.
	pub expected: fn(&Error) -> bool,
}

fn flip(bytes: &mut [u8], at: usize) {
	if let Some(b) = bytes.get_mut(at) {
		*b ^= 0x01;
	}
}

fn with_last_justification(
	b: &Bundle,
	c: &Checkpoint,
	f: impl Fn(&mut crate::finality::Justification),
) -> Option<(Bundle, Checkpoint)> {
	let mut b = b.clone();
	let last = b.finality.last_mut()?;
	let mut j = decode_justification(&last.justification.0)?;
	f(&mut j);
	last.justification = Hex(j.encode());
	Some((b, c.clone()))
}

fn not_final(e: &Error, f: fn(&FinalityError) -> bool) -> bool {
	matches!(e, Error::NotFinal { why, .. } if f(why))
}

/// Every forgery, in the order `self-test` prints them.
pub fn all() -> Vec<Forgery> {
	vec![
		Forgery {
			name: "a changed record value",
			make: |b, c| {
				let mut b = b.clone();
				let v = b.state.entries.first_mut()?.value.as_mut()?;
				let at = v.0.len() / 2;
				flip(&mut v.0, at);
				Some((b, c.clone()))
			},
			expected: |e| matches!(e, Error::ValueMismatch { .. }),
		},
		Forgery {
			name: "a changed state proof node",
			make: |b, c| {
				let mut b = b.clone();
				let node = b.state.proof.iter_mut().max_by_key(|n| n.0.len())?;
				let at = node.0.len() / 2;
				flip(&mut node.0, at);
				Some((b, c.clone()))
			},
			expected: |e| matches!(e, Error::StateProof { .. }),
		},
		Forgery {
			name: "a header from another fork (other state root, same number)",
			make: |b, c| {
				let mut b = b.clone();
				let last = b.finality.last_mut()?;
				let mut h = decode_header(&last.header.0)?;
				let mut root = *h.state_root();
				flip(root.as_mut(), 0);
				h.set_state_root(root);
				last.header = Hex(h.encode());
				Some((b, c.clone()))
			},
			expected: |e| not_final(e, |w| matches!(w, FinalityError::OtherTarget { .. })),
		},
		Forgery {
			name: "a justification with too few signatures",
			make: |b, c| {
				with_last_justification(b, c, |j| {
					let keep = j.commit.precommits.len() * 2 / 3;
					j.commit.precommits.truncate(keep);
				})
			},
			expected: |e| not_final(e, |w| matches!(w, FinalityError::TooFewSignatures { .. })),
		},
		Forgery {
			name: "a forged precommit signature",
			make: |b, c| {
				with_last_justification(b, c, |j| {
					if let Some(p) = j.commit.precommits.first_mut() {
						let mut sig = p.signature.encode();
						flip(&mut sig, 10);
						if let Ok(forged) = codec::Decode::decode(&mut &sig[..]) {
							p.signature = forged;
						}
					}
				})
			},
			expected: |e| not_final(e, |w| matches!(w, FinalityError::BadSignature { .. })),
		},
		Forgery {
			name: "a missing authority set change",
			make: |b, c| {
				let mut b = b.clone();
				let last = b.finality.len().checked_sub(1)?;
				let i = b.finality[..last].iter().position(|f| {
					decode_header(&f.header.0).and_then(|h| set_change(&h)).is_some_and(|s| matches!(s, SetChange::Now(_)))
				})?;
				b.finality.remove(i);
				Some((b, c.clone()))
			},
			expected: |e| {
				not_final(e, |w| matches!(w, FinalityError::WrongSet { .. } | FinalityError::NotAnAuthority { .. }))
			},
		},
		Forgery {
			name: "a checkpoint of another chain",
			make: |b, c| {
				let mut c = c.clone();
				flip(&mut c.genesis_hash.0, 31);
				Some((b.clone(), c))
			},
			expected: |e| matches!(e, Error::OtherChain { .. }),
		},
		Forgery {
			name: "a bundle and checkpoint relabelled for another chain with the same authorities",
			make: |b, c| {
				let (mut b, mut c) = (b.clone(), c.clone());
				flip(&mut b.genesis_hash.0, 0);
				c.genesis_hash = b.genesis_hash.clone();
				Some((b, c))
			},
			expected: |e| matches!(e, Error::OtherChain { .. }),
		},
		Forgery {
			name: "a checkpoint with other authorities",
			make: |b, c| {
				let mut c = c.clone();
				for a in c.authorities.iter_mut() {
					flip(&mut a.0, 0);
				}
				Some((b.clone(), c))
			},
			expected: |e| not_final(e, |w| matches!(w, FinalityError::NotAnAuthority { .. })),
		},
		Forgery {
			name: "a changed creating extrinsic",
			make: |b, c| {
				let mut b = b.clone();
				let x = b.inclusion.as_mut()?.extrinsics.iter_mut().find(|x| x.index != 0)?;
				let at = x.extrinsic.0.len().checked_sub(1)?;
				flip(&mut x.extrinsic.0, at);
				Some((b, c.clone()))
			},
			expected: |e| matches!(e, Error::Inclusion(s) if s.contains("extrinsics root")),
		},
		Forgery {
			name: "an inclusion header not linked to the finalized chain",
			make: |b, c| {
				let mut b = b.clone();
				let inc = b.inclusion.as_mut()?;
				let first = inc.headers.first_mut()?;
				let mut h = decode_header(&first.0)?;
				let mut root = *h.extrinsics_root();
				flip(root.as_mut(), 0);
				h.set_extrinsics_root(root);
				first.0 = h.encode();
				Some((b, c.clone()))
			},
			expected: |e| {
				matches!(e, Error::Inclusion(s) if s.contains("is not the child of") || s.contains("end at no finalized block"))
					|| not_final(e, |w| matches!(w, FinalityError::OtherTarget { .. }))
			},
		},
	]
}
