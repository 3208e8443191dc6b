//! Identity document numbers and their canonical forms.
//!
//! Every constructor trims surrounding whitespace (Unicode `White_Space`,
//! including the ideographic space U+3000), upper-cases ASCII letters and
//! rejects anything else that is not part of the format. Positions in
//! [`IdError::Character`] count characters of the trimmed input from 0.

use core::{fmt, str::FromStr};

/// Longest canonical value: a passport, `CCC:` + 20 characters.
const MAX_VALUE: usize = 24;

/// Weights of ISO 7064 MOD 11-2 for the 17 digits of a GB 11643 number (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// The check character for a weighted sum modulo 11.
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// Oldest and youngest birth year accepted in a resident identity card number.
const MIN_BIRTH_YEAR: u32 = 1900;
const MAX_BIRTH_YEAR: u32 = 2099;

/// The kind of identity document; its tag prefixes the canonical bytes, so the
/// same characters in two kinds of document never give the same pseudonym.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdKind {
	/// `cn-resident-id`: citizen identity number, GB 11643-1999 (18 characters:
	/// 6-digit address code, 8-digit birth date, 3-digit sequence, check character).
	/// The same 18-character format is used by residence permits for Hong Kong,
	/// Macao and Taiwan residents and by the 2023 foreign permanent resident ID card.
	ResidentId,
	/// `passport`: ICAO issuing state code (1–3 letters, padded with `<` to 3 as in
	/// the machine-readable zone, e.g. `CHN`, `D<<`) and document number `[A-Z0-9]{5,20}`.
	Passport,
	/// `hk-mo-permit`: Mainland Travel Permit for Hong Kong and Macao Residents;
	/// `H`/`M` and the 8-digit lifetime number (the 2 trailing issue-count digits of
	/// the 11-character card number are dropped, so a renewed card keeps the pseudonym).
	HkMacaoPermit,
	/// `tw-permit`: Mainland Travel Permit for Taiwan Residents; the 8-digit lifetime
	/// number (old 10-digit numbers, optionally with an `(X)` issuing-office suffix,
	/// are reduced to their first 8 digits).
	TaiwanPermit,
}

impl IdKind {
	/// Every kind, in declaration order.
	pub const ALL: [IdKind; 4] =
		[IdKind::ResidentId, IdKind::Passport, IdKind::HkMacaoPermit, IdKind::TaiwanPermit];

	/// The ASCII tag hashed into the message (and used in the `kind:value` text form).
	pub const fn tag(self) -> &'static str {
		match self {
			IdKind::ResidentId => "cn-resident-id",
			IdKind::Passport => "passport",
			IdKind::HkMacaoPermit => "hk-mo-permit",
			IdKind::TaiwanPermit => "tw-permit",
		}
	}

	/// The kind with this exact tag.
	pub fn from_tag(tag: &str) -> Option<Self> {
		Self::ALL.into_iter().find(|k| k.tag() == tag)
	}
}

impl fmt::Display for IdKind {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(self.tag())
	}
}

/// Why an identifier was rejected. Never contains the identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdError {
	/// Wrong number of characters for this kind of document.
	Length,
	/// A character not allowed at this position (0-based, in the trimmed input).
	Character {
		/// Position of the first offending character.
		position: usize,
	},
	/// The birth date is not a real calendar date between 1900-01-01 and 2099-12-31.
	BirthDate,
	/// The check character does not match ISO 7064 MOD 11-2 over the first 17 digits.
	CheckCharacter,
	/// The passport's issuing state is not 1–3 letters.
	Country,
	/// Unknown kind tag in the `kind:value` text form.
	Kind,
}

impl fmt::Display for IdError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			IdError::Length => f.write_str("wrong length"),
			IdError::Character { position } =>
				write!(f, "character not allowed at position {} (counted from 0)", position),
			IdError::BirthDate => f.write_str("birth date is not a valid date in 1900..=2099"),
			IdError::CheckCharacter => f.write_str("check character does not match (ISO 7064 MOD 11-2)"),
			IdError::Country => f.write_str("issuing state must be 1-3 letters"),
			IdError::Kind => f.write_str(
				"unknown identifier kind (expected cn-resident-id, passport, hk-mo-permit or tw-permit)",
			),
		}
	}
}

#[cfg(feature = "std")]
impl std::error::Error for IdError {}

/// A natural person's identity document number in canonical form.
///
/// Only constructors that validate can build one. `Debug` does not show the
/// number, so a `PersonId` can't leak into logs by accident.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PersonId {
	kind: IdKind,
	len: usize,
	buf: [u8; MAX_VALUE],
}

impl fmt::Debug for PersonId {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.debug_struct("PersonId").field("kind", &self.kind).finish_non_exhaustive()
	}
}

impl PersonId {
	/// The kind of document.
	pub fn kind(&self) -> IdKind {
		self.kind
	}

	/// The canonical value (ASCII), without the kind tag.
	pub fn value(&self) -> &[u8] {
		self.buf.get(..self.len).unwrap_or(&[])
	}

	fn from_value(kind: IdKind, value: &[u8]) -> Self {
		let mut buf = [0u8; MAX_VALUE];
		let len = value.len().min(MAX_VALUE);
		for (b, v) in buf.iter_mut().zip(value.iter()) {
			*b = *v;
		}
		PersonId { kind, len, buf }
	}

	/// Parses `value` as a document of `kind`. A passport's value is
	/// `STATE:NUMBER` (e.g. `CHN:E12345678`).
	pub fn parse(kind: IdKind, value: &str) -> Result<Self, IdError> {
		match kind {
			IdKind::ResidentId => Self::resident_id(value),
			IdKind::Passport => match value.split_once(':') {
				Some((state, number)) => Self::passport(state, number),
				None => Err(IdError::Country),
			},
			IdKind::HkMacaoPermit => Self::hk_macao_permit(value),
			IdKind::TaiwanPermit => Self::taiwan_permit(value),
		}
	}

	/// A resident identity card number (GB 11643-1999): 18 characters with a valid
	/// birth date and check character (`x` accepted as `X`), or a 15-digit
	/// first-generation number (converted to 18: `19` inserted before the 2-digit
	/// birth year, check character computed).
	pub fn resident_id(input: &str) -> Result<Self, IdError> {
		let input = input.trim();
		let mut d = [0u8; 18];
		match input.chars().count() {
			18 => {
				for (i, (slot, c)) in d.iter_mut().zip(input.chars()).enumerate() {
					*slot = match c {
						'0'..='9' => c as u8,
						'X' | 'x' if i == 17 => b'X',
						_ => return Err(IdError::Character { position: i }),
					};
				}
				check_birth_date(&d)?;
				if check_char(&d) != d[17] {
					return Err(IdError::CheckCharacter);
				}
			},
			15 => {
				// 6-digit address, YYMMDD, 3-digit sequence → address, 19YYMMDD, sequence, check.
				for (i, c) in input.chars().enumerate() {
					if !c.is_ascii_digit() {
						return Err(IdError::Character { position: i });
					}
					let at = if i < 6 { i } else { i + 2 };
					if let Some(slot) = d.get_mut(at) {
						*slot = c as u8;
					}
				}
				d[6] = b'1';
				d[7] = b'9';
				check_birth_date(&d)?;
				d[17] = check_char(&d);
			},
			_ => return Err(IdError::Length),
		}
		Ok(Self::from_value(IdKind::ResidentId, &d))
	}

	/// A passport: issuing state (ICAO code, 1–3 letters; `<` padding accepted) and
	/// document number (`[A-Za-z0-9]{5,20}`, upper-cased). Canonical value
	/// `STATE:NUMBER` with the state padded to 3 with `<` (`CHN:E12345678`, `D<<:C01X00T47`).
	pub fn passport(state: &str, number: &str) -> Result<Self, IdError> {
		let mut v = [0u8; MAX_VALUE];
		let state = state.trim().trim_end_matches('<');
		let state_len = state.chars().count();
		if !(1..=3).contains(&state_len) || !state.chars().all(|c| c.is_ascii_alphabetic()) {
			return Err(IdError::Country);
		}
		v[..3].copy_from_slice(b"<<<");
		for (slot, c) in v.iter_mut().zip(state.chars()) {
			*slot = c.to_ascii_uppercase() as u8;
		}
		v[3] = b':';
		let number = number.trim();
		let len = number.chars().count();
		if !(5..=20).contains(&len) {
			return Err(IdError::Length);
		}
		for (i, (slot, c)) in v[4..].iter_mut().zip(number.chars()).enumerate() {
			if !c.is_ascii_alphanumeric() {
				return Err(IdError::Character { position: i });
			}
			*slot = c.to_ascii_uppercase() as u8;
		}
		Ok(Self::from_value(IdKind::Passport, &v[..4 + len]))
	}

	/// A Mainland Travel Permit for Hong Kong and Macao Residents: `H` or `M` and 8
	/// digits, optionally followed by the 2-digit issue count (dropped).
	pub fn hk_macao_permit(input: &str) -> Result<Self, IdError> {
		let input = input.trim();
		let len = input.chars().count();
		if len != 9 && len != 11 {
			return Err(IdError::Length);
		}
		let mut v = [0u8; 11];
		for (i, (slot, c)) in v.iter_mut().zip(input.chars()).enumerate() {
			let c = c.to_ascii_uppercase();
			let ok = if i == 0 { c == 'H' || c == 'M' } else { c.is_ascii_digit() };
			if !ok {
				return Err(IdError::Character { position: i });
			}
			*slot = c as u8;
		}
		Ok(Self::from_value(IdKind::HkMacaoPermit, &v[..9]))
	}

	/// A Mainland Travel Permit for Taiwan Residents: the 8-digit lifetime number,
	/// or an old 10-digit number (8 digits + 2-digit issue count), optionally
	/// followed by an issuing-office code in parentheses such as `(B)`; reduced to
	/// the 8-digit lifetime number.
	pub fn taiwan_permit(input: &str) -> Result<Self, IdError> {
		let input = input.trim();
		let len = input.chars().count();
		if len != 8 && len != 10 && len != 13 {
			return Err(IdError::Length);
		}
		let mut v = [0u8; 8];
		for (i, c) in input.chars().enumerate() {
			let ok = match i {
				0..=9 => c.is_ascii_digit(),
				10 => c == '(',
				11 => c.is_ascii_alphanumeric(),
				_ => c == ')',
			};
			if !ok {
				return Err(IdError::Character { position: i });
			}
			if let Some(slot) = v.get_mut(i) {
				*slot = c as u8;
			}
		}
		Ok(Self::from_value(IdKind::TaiwanPermit, &v))
	}
}

impl FromStr for PersonId {
	type Err = IdError;

	/// The text form `kind:value`, e.g. `cn-resident-id:11010519491231002X`,
	/// `passport:CHN:E12345678`, `hk-mo-permit:H12345678`, `tw-permit:12345678`.
	fn from_str(s: &str) -> Result<Self, IdError> {
		let (kind, value) = s.trim().split_once(':').ok_or(IdError::Kind)?;
		let kind = IdKind::from_tag(kind).ok_or(IdError::Kind)?;
		Self::parse(kind, value)
	}
}

/// ISO 7064 MOD 11-2 check character over the first 17 (ASCII digit) bytes.
fn check_char(d: &[u8; 18]) -> u8 {
	let sum: u32 =
		d.iter().zip(WEIGHTS.iter()).map(|(c, w)| u32::from(c.saturating_sub(b'0')) * w).sum();
	CHECK_CHARS[(sum % 11) as usize]
}

/// Checks the birth date in positions 6..14 (YYYYMMDD) of an 18-digit number.
fn check_birth_date(d: &[u8; 18]) -> Result<(), IdError> {
	let num = |range: core::ops::Range<usize>| -> u32 {
		d[range].iter().fold(0u32, |acc, c| acc * 10 + u32::from(c.saturating_sub(b'0')))
	};
	let (year, month, day) = (num(6..10), num(10..12), num(12..14));
	let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	let days = match month {
		1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
		4 | 6 | 9 | 11 => 30,
		2 if leap => 29,
		2 => 28,
		_ => return Err(IdError::BirthDate),
	};
	if !(MIN_BIRTH_YEAR..=MAX_BIRTH_YEAR).contains(&year) || !(1..=days).contains(&day) {
		return Err(IdError::BirthDate);
	}
	Ok(())
}
