//! # GovChain pseudonyms
//!
//! The one documented way to turn a natural person's identity document number
//! into the 32-byte [`Pseudonym`] that GovChain's pallets store. No plaintext
//! personal data goes on chain: agencies compute pseudonyms off chain with this
//! crate (or a re-implementation checked against the vectors in `README.md`), so
//! two banks or two fund centres can never compute two different pseudonyms for
//! one person.
//!
//! ```text
//! pseudonym = HMAC-SHA256(key, "govchain/pseudonym/v1/" ‖ domain tag ‖ 0x00 ‖ kind tag ‖ ":" ‖ value)
//! ```
//!
//! - `key`: 32 bytes shared by the agencies of one [`Domain`], distributed off
//!   chain, never on chain.
//! - domain tag: [`Domain::tag`], one per pallet that stores people, so a
//!   pseudonym from one pallet cannot be linked to another's.
//! - kind tag and value: [`PersonId`], the canonical form of an identity document
//!   number ([`IdKind::tag`], [`PersonId::value`]). Canonicalisation is what makes
//!   `110105491231002`, `11010519491231002x` and ` 11010519491231002X ` the same
//!   person.
//!
//! The crate is `no_std` and allocation-free; the `std` feature (default) adds
//! `std::error::Error` impls and the `govchain-pseudonym` command-line tool.

#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

mod id;
#[cfg(test)]
mod tests;

pub use id::{IdError, IdKind, PersonId};

use core::fmt;
use hmac::{digest::KeyInit, Hmac, Mac};
use sha2::Sha256;

/// Version prefix of every message. A new scheme (or a key rotation that must
/// not collide with old pseudonyms) gets a new version.
pub const VERSION_TAG: &str = "govchain/pseudonym/v1/";

/// A natural person as stored on chain (same as `govchain_primitives::Pseudonym`).
pub type Pseudonym = [u8; 32];

/// The secret key of one domain.
pub type Key = [u8; 32];

/// The pallet (and so the group of agencies) a pseudonym is computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
	/// `provident-fund`: members of the housing provident fund (fund centres, commissioned banks).
	ProvidentFund,
	/// `licenses`: persons holding a licence (e.g. a lawyer's practice licence).
	Licenses,
	/// `enterprises`: persons named in the enterprise register (legal representatives, partners).
	Enterprises,
	/// `copyright`: authors, rights holders and licensees who are natural persons.
	Copyright,
}

impl Domain {
	/// Every domain, in declaration order.
	pub const ALL: [Domain; 4] =
		[Domain::ProvidentFund, Domain::Licenses, Domain::Enterprises, Domain::Copyright];

	/// The ASCII tag hashed into the message (and accepted by the CLI).
	pub const fn tag(self) -> &'static str {
		match self {
			Domain::ProvidentFund => "provident-fund",
			Domain::Licenses => "licenses",
			Domain::Enterprises => "enterprises",
			Domain::Copyright => "copyright",
		}
	}

	/// The domain with this exact tag.
	pub fn from_tag(tag: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|d| d.tag() == tag)
	}
}

impl fmt::Display for Domain {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.tag())
	}
}

/// The pseudonym of the person identified by `id`, in `domain`, under `key`.
///
/// `HMAC-SHA256(key, "govchain/pseudonym/v1/" ‖ domain.tag() ‖ 0x00 ‖ id.kind().tag() ‖ ":" ‖ id.value())`.
pub fn pseudonym(key: &Key, domain: Domain, id: &PersonId) -> Pseudonym {
	// HMAC pads a key shorter than the block (64 bytes for SHA-256) with zeros;
	// doing it here lets the MAC be built without a fallible length check.
	let mut block = [0u8; 64];
	for (b, k) in block.iter_mut().zip(key.iter()) {
		*b = *k;
	}
	hmac_sha256_block(
		&block,
		&[
			VERSION_TAG.as_bytes(),
			domain.tag().as_bytes(),
			&[0u8],
			id.kind().tag().as_bytes(),
			b":",
			id.value(),
		],
	)
}

/// HMAC-SHA256 with a key already padded to the SHA-256 block size, over the
/// concatenation of `parts`.
fn hmac_sha256_block(key_block: &[u8; 64], parts: &[&[u8]]) -> [u8; 32] {
	let mut mac = <Hmac<Sha256> as KeyInit>::new(key_block.into());
	for part in parts {
		mac.update(part);
	}
	mac.finalize().into_bytes().into()
}

/// Why a key file's text is not a key. Never contains the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyError {
	/// Not exactly 64 hex digits (after trimming whitespace and an optional `0x`).
	Length,
	/// A character that is not a hex digit.
	Character,
	/// All 32 bytes are zero: a placeholder, not a key.
	AllZero,
}

impl fmt::Display for KeyError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			KeyError::Length => "key must be exactly 64 hex digits (32 bytes)",
			KeyError::Character => "key contains a character that is not a hex digit",
			KeyError::AllZero => "key is all zeros (a placeholder, not a key)",
		})
	}
}

#[cfg(feature = "std")]
impl std::error::Error for KeyError {}

/// Parses the key file format: 64 hex digits (either case), optionally prefixed
/// with `0x`, optionally surrounded by whitespace (e.g. a trailing newline).
pub fn parse_key_hex(text: &str) -> Result<Key, KeyError> {
	let text = text.trim();
	let text = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")).unwrap_or(text);
	let bytes = text.as_bytes();
	if bytes.len() != 64 {
		return Err(KeyError::Length);
	}
	let mut key = [0u8; 32];
	for (k, pair) in key.iter_mut().zip(bytes.chunks_exact(2)) {
		let (hi, lo) = match pair {
			[hi, lo] => (hex_value(*hi), hex_value(*lo)),
			_ => (None, None),
		};
		match (hi, lo) {
			(Some(hi), Some(lo)) => *k = (hi << 4) | lo,
			_ => return Err(KeyError::Character),
		}
	}
	if key.iter().all(|b| *b == 0) {
		return Err(KeyError::AllZero);
	}
	Ok(key)
}

fn hex_value(c: u8) -> Option<u8> {
	match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	}
}

/// Displays a pseudonym as `0x` followed by 64 lower-case hex digits (the form
/// `@polkadot/api` uses for `[u8; 32]`).
pub struct HexDisplay<'a>(pub &'a Pseudonym);

impl fmt::Display for HexDisplay<'_> {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str("0x")?;
		for b in self.0 {
			write!(f, "{:02x}", b)?;
		}
		Ok(())
	}
}
