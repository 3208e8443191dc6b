//! # GovChain primitives
//!
//! Types and traits shared by GovChain's pallets and runtime. Everything here is
//! `no_std` and SCALE-encodable, so it can appear in storage, calls, events and
//! runtime APIs alike.
//!
//! ## Data privacy
//! No type here carries plaintext personal data. A natural person is a
//! [`Pseudonym`] (a keyed hash computed off chain by the agency that knows the
//! person); a document is a [`DocumentHash`] of a file that the agencies keep.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Identifier of a member agency of the consortium (sequential, assigned on admission).
pub type AgencyId = u32;

/// Blake2-256 (or SHA-256) digest of a document kept off chain by an agency.
pub type DocumentHash = [u8; 32];

/// Keyed hash standing for a natural person; computed off chain, never reversible on chain.
pub type Pseudonym = [u8; 32];

/// Identifier of a licence type in the licence catalogue (sequential).
pub type LicenseTypeId = u32;

/// Identifier of an electronic licence (sequential, never reused).
pub type LicenseId = u64;

/// A reason code from the agencies' shared code list (why a licence was suspended,
/// why an application was rejected, …). The list lives off chain; the chain keeps the code.
pub type ReasonCode = u16;

/// A point in time as Unix seconds (UTC). Licence validity, consent deadlines and
/// certificate expiries are compared against the block's timestamp in these units.
pub type Seconds = u64;

/// A 6-digit administrative division code (GB/T 2260), e.g. `500000` for Chongqing.
///
/// Validity: exactly six digits, a province part (first two digits) between 11 and 82,
/// and — because the code is a number — no leading zero. The chain checks the format,
/// not membership in the national list: that list changes by decree and is kept by
/// the agencies, not by the runtime.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct RegionCode(u32);

impl RegionCode {
	/// Smallest valid province prefix (11 = Beijing).
	const MIN_PROVINCE: u32 = 11;
	/// Largest valid province prefix (82 = Macao).
	const MAX_PROVINCE: u32 = 82;

	/// Builds a region code after checking its format; `None` if malformed.
	pub fn new(code: u32) -> Option<Self> {
		let province = code / 10_000;
		if (100_000..=999_999).contains(&code) &&
			(Self::MIN_PROVINCE..=Self::MAX_PROVINCE).contains(&province)
		{
			Some(Self(code))
		} else {
			None
		}
	}

	/// Whether the code is well formed (a value can be decoded without passing `new`).
	pub fn is_valid(&self) -> bool {
		Self::new(self.0).is_some()
	}

	/// The numeric code.
	pub fn get(&self) -> u32 {
		self.0
	}

	/// The province-level code this region belongs to (`500100` → `500000`).
	pub fn province(&self) -> Self {
		Self(self.0 / 10_000 * 10_000)
	}

	/// Whether this region, taken as a scope, contains `other`.
	///
	/// A province-level code (`500000`) covers every code of that province, a
	/// prefecture-level code (`500100`) covers its counties (`5001xx`), and a county
	/// code covers only itself.
	pub fn covers(&self, other: &RegionCode) -> bool {
		let unit = if self.0 % 10_000 == 0 {
			10_000
		} else if self.0 % 100 == 0 {
			100
		} else {
			1
		};
		self.0 / unit == other.0 / unit
	}
}

/// The roles an agency can hold. Stored as a bit set ([`RoleSet`]).
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum Role {
	/// Registers enterprises and issues business licences.
	MarketRegulator,
	/// Approves seal engraving for new enterprises.
	SealAuthority,
	/// Registers enterprises for tax.
	TaxAuthority,
	/// Defines licence types and issues electronic licences.
	LicenseIssuer,
	/// Housing provident fund centre.
	FundCenter,
	/// Commercial bank commissioned by a fund centre.
	Bank,
	/// Press and publication administration / copyright office.
	CopyrightOffice,
	/// A court: freezes works, attaches evidence, orders transfers.
	Court,
	/// Reads and audits; no write powers in the domain pallets.
	Auditor,
}

impl Role {
	/// Every role, in bit order.
	pub const ALL: [Role; 9] = [
		Role::MarketRegulator,
		Role::SealAuthority,
		Role::TaxAuthority,
		Role::LicenseIssuer,
		Role::FundCenter,
		Role::Bank,
		Role::CopyrightOffice,
		Role::Court,
		Role::Auditor,
	];

	/// The bit of this role in a [`RoleSet`].
	pub const fn bit(self) -> u16 {
		1 << (self as u16)
	}
}

/// A set of [`Role`]s as bit flags; unknown bits are never set by the runtime.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct RoleSet(u16);

impl RoleSet {
	/// Mask of the bits that name a role.
	const KNOWN: u16 = (1 << Role::ALL.len()) - 1;

	/// The empty set.
	pub const fn empty() -> Self {
		Self(0)
	}

	/// A set from a list of roles.
	pub fn from_roles(roles: &[Role]) -> Self {
		Self(roles.iter().fold(0, |acc, r| acc | r.bit()))
	}

	/// Whether the set holds `role`.
	pub fn contains(&self, role: Role) -> bool {
		self.0 & role.bit() != 0
	}

	/// Adds `role`; returns whether it was new.
	pub fn insert(&mut self, role: Role) -> bool {
		let had = self.contains(role);
		self.0 |= role.bit();
		!had
	}

	/// Removes `role`; returns whether it was present.
	pub fn remove(&mut self, role: Role) -> bool {
		let had = self.contains(role);
		self.0 &= !role.bit();
		had
	}

	/// Whether no role is held.
	pub fn is_empty(&self) -> bool {
		self.0 == 0
	}

	/// Whether only known role bits are set.
	pub fn is_valid(&self) -> bool {
		self.0 & !Self::KNOWN == 0
	}

	/// The raw bits.
	pub fn bits(&self) -> u16 {
		self.0
	}

	/// The roles held, in bit order.
	pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
		Role::ALL.into_iter().filter(move |r| self.contains(*r))
	}
}

/// The one who holds a licence, a work or a right: an enterprise or a person.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub enum HolderRef<AccountId> {
	/// An enterprise, by its 18-character Unified Social Credit Code.
	Enterprise(Uscc),
	/// A natural person, by pseudonym.
	Person(Pseudonym),
	/// An on-chain account (e.g. an author depositing a work themselves).
	Account(AccountId),
}

/// An 18-character Unified Social Credit Code (GB 32100-2015), stored as ASCII.
///
/// Use [`Uscc::parse`] to build one: it checks the alphabet, the region part and the
/// check character.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	Serialize,
	Deserialize,
)]
pub struct Uscc(pub [u8; 18]);

/// Why a USCC string was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UsccError {
	/// Not exactly 18 characters.
	BadLength,
	/// A character outside `0-9A-Z` minus `I O S V Z`.
	BadCharacter,
	/// The check character does not match the first 17.
	BadCheckDigit,
}

impl Uscc {
	/// The 31 characters of the code's alphabet, in value order.
	pub const ALPHABET: &'static [u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
	/// Weight of position `i` is `3^i mod 31`.
	const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

	fn value_of(c: u8) -> Option<u32> {
		Self::ALPHABET.iter().position(|a| *a == c).map(|p| p as u32)
	}

	/// The check character for the first 17 characters, or `None` if one is not in the
	/// alphabet.
	pub fn check_char(first17: &[u8]) -> Option<u8> {
		if first17.len() != 17 {
			return None;
		}
		let mut sum = 0u32;
		for (c, w) in first17.iter().zip(Self::WEIGHTS.iter()) {
			sum = sum.saturating_add(Self::value_of(*c)?.saturating_mul(*w));
		}
		let check = (31 - sum % 31) % 31;
		Self::ALPHABET.get(check as usize).copied()
	}

	/// Parses and validates a USCC.
	pub fn parse(s: &[u8]) -> Result<Self, UsccError> {
		let bytes: [u8; 18] = s.try_into().map_err(|_| UsccError::BadLength)?;
		if bytes.iter().any(|c| Self::value_of(*c).is_none()) {
			return Err(UsccError::BadCharacter);
		}
		match Self::check_char(&bytes[..17]) {
			Some(c) if c == bytes[17] => Ok(Self(bytes)),
			_ => Err(UsccError::BadCheckDigit),
		}
	}

	/// Builds a code from its first 17 characters, appending the check character.
	pub fn with_check(first17: [u8; 17]) -> Result<Self, UsccError> {
		let check = Self::check_char(&first17).ok_or(UsccError::BadCharacter)?;
		let mut bytes = [0u8; 18];
		bytes[..17].copy_from_slice(&first17);
		bytes[17] = check;
		Ok(Self(bytes))
	}

	/// Whether a stored code is well formed.
	pub fn is_valid(&self) -> bool {
		Self::parse(&self.0).is_ok()
	}
}

/// What the domain pallets may ask about agencies, without depending on the
/// consortium pallet (which implements it).
pub trait AgencyRegistry<AccountId> {
	/// The region of `agency`, if it exists.
	fn region_of(agency: AgencyId) -> Option<RegionCode>;
	/// Whether `agency` exists and is active (not suspended, not retired).
	fn is_active(agency: AgencyId) -> bool;
	/// Whether `agency` exists, is active and holds `role`.
	fn has_role(agency: AgencyId, role: Role) -> bool;
	/// The agency `who` acts for now, if that agency is active and holds `role` (any
	/// role with `None`); otherwise the reason as a distinct error.
	fn acting_agency(
		who: &AccountId,
		role: Option<Role>,
	) -> Result<AgencyId, sp_runtime::DispatchError>;
}

/// How other pallets issue and end electronic licences (implemented by the licences
/// pallet). The enterprise registry issues business licences through it.
///
/// A licence issued through [`LicenseIssuer::issue`] is *managed by the register*:
/// the licences pallet refuses every direct change of it (suspend, reinstate, revoke,
/// renew, cancel, and governance's forced changes) with `ManagedByRegister`; it ends
/// only through [`LicenseIssuer::cancel`], [`LicenseIssuer::revoke`] or
/// [`LicenseIssuer::end_all`]. The calling pallet answers for who may call these.
pub trait LicenseIssuer<AccountId> {
	/// Issues a licence of `license_type` to `holder` on behalf of `agency` (acting
	/// through `operator`), with the same checks as a direct issuance: the type exists
	/// and is not retired, the agency holds the type's issuing role within its region,
	/// the holder is of the type's kind and holds fewer than
	/// [`LicenseIssuer::max_live_per_holder`] live licences. The licence is managed by
	/// the register from then on.
	fn issue(
		agency: AgencyId,
		operator: &AccountId,
		license_type: LicenseTypeId,
		holder: HolderRef<AccountId>,
		content: DocumentHash,
		valid_from: Seconds,
		valid_until: Option<Seconds>,
	) -> Result<LicenseId, sp_runtime::DispatchError>;

	/// Checks, without writing, that `agency` could issue a licence of `license_type`
	/// to `holder` now (same checks as [`LicenseIssuer::issue`], validity aside; the
	/// holder must have room for one more live licence).
	fn check_issue(
		agency: AgencyId,
		license_type: LicenseTypeId,
		holder: &HolderRef<AccountId>,
	) -> sp_runtime::DispatchResult;

	/// Cancels `license` for good on behalf of `agency`, its issuer or its type's
	/// authority (e.g. the business licence was reissued on an amendment).
	fn cancel(
		agency: AgencyId,
		operator: &AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> sp_runtime::DispatchResult;

	/// Revokes `license` for good on behalf of `agency` (e.g. the holder's registration
	/// was revoked).
	fn revoke(
		agency: AgencyId,
		operator: &AccountId,
		license: LicenseId,
		reason: ReasonCode,
	) -> sp_runtime::DispatchResult;

	/// Whether `license` has ended for good (revoked, cancelled, superseded) or does
	/// not exist.
	fn has_ended(license: LicenseId) -> bool;

	/// Ends every live (active or suspended) licence `holder` holds, whoever issued
	/// it and whether the register manages it, on behalf of `agency` (acting through
	/// `operator`): revoked when `revoke`, else cancelled. Each ending lands in that
	/// licence's management record with `reason` and `agency`, with a `LicenseChanged`
	/// event. All or nothing. The licences pallet does not check `agency`'s standing:
	/// the caller does. Used when the holder itself ends (an enterprise deregistered or
	/// its registration revoked). Returns how many licences it ended (at most
	/// [`LicenseIssuer::max_live_per_holder`]; weigh the call with
	/// [`LicenseIssuer::end_all_weight`] of that bound and refund the rest).
	fn end_all(
		agency: AgencyId,
		operator: &AccountId,
		holder: &HolderRef<AccountId>,
		reason: ReasonCode,
		revoke: bool,
	) -> Result<u32, sp_runtime::DispatchError>;

	/// Most live licences one holder can hold at once (bounds [`LicenseIssuer::end_all`]).
	fn max_live_per_holder() -> u32;

	/// Weight of [`LicenseIssuer::end_all`] ending `n` licences (from its benchmark).
	fn end_all_weight(n: u32) -> sp_runtime::Weight;
}

/// Whether an enterprise is on the register, and who acts for it (implemented by the
/// enterprise registry).
pub trait EnterpriseLookup<AccountId> {
	/// Whether `uscc` names a registered enterprise that has not been deregistered or
	/// revoked.
	fn is_registered(uscc: &Uscc) -> bool;

	/// The account designated to act for the registered enterprise `uscc` (its own
	/// account, as the register records it), if it has one and is still registered.
	fn account_of(uscc: &Uscc) -> Option<AccountId>;
}

/// Creates agencies for benchmarks of pallets that take agency origins (implemented by
/// the consortium pallet; only called by benchmarking code).
pub trait AgencyBenchmarkHelper<AccountId> {
	/// Admits a fresh active agency in `region` holding `roles`; returns its id and an
	/// operator account that signs for it.
	fn agency_operator(roles: &[Role], region: RegionCode) -> (AgencyId, AccountId);
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn region_scope() {
		let r = |c| RegionCode::new(c).unwrap();
		assert!(r(500000).covers(&r(500103)));
		assert!(r(500100).covers(&r(500103)));
		assert!(!r(500100).covers(&r(500203)));
		assert!(!r(500000).covers(&r(510000)));
		assert!(r(500103).covers(&r(500103)));
		assert!(!r(500103).covers(&r(500100)));
		assert!(!r(500100).covers(&r(500000)));
	}

	#[test]
	fn region_codes() {
		assert!(RegionCode::new(500000).is_some());
		assert!(RegionCode::new(510100).is_some());
		assert_eq!(RegionCode::new(500103).map(|r| r.province().get()), Some(500000));
		for bad in [0, 99_999, 1_000_000, 100_000, 990_000, 830_000, 5000] {
			assert!(RegionCode::new(bad).is_none(), "{bad} accepted");
		}
	}

	#[test]
	fn role_sets() {
		let mut s = RoleSet::from_roles(&[Role::Bank, Role::Court]);
		assert!(s.contains(Role::Bank) && s.contains(Role::Court));
		assert!(!s.contains(Role::Auditor));
		assert!(s.insert(Role::Auditor));
		assert!(!s.insert(Role::Auditor));
		assert!(s.remove(Role::Bank));
		assert!(!s.remove(Role::Bank));
		assert_eq!(s.iter().collect::<Vec<_>>(), vec![Role::Court, Role::Auditor]);
		assert!(s.is_valid());
		assert!(!RoleSet(1 << 15).is_valid());
	}

	#[test]
	fn uscc_table() {
		// Published codes of real enterprises (valid) and corrupted variants.
		let valid: [&[u8]; 3] =
			[b"91350100M000100Y43", b"91110000600037341L", b"9150010320280508XK"];
		for v in valid {
			assert_eq!(Uscc::parse(v).map(|u| u.0.to_vec()), Ok(v.to_vec()), "{:?}", v);
		}
		assert_eq!(Uscc::parse(b"91350100M000100Y44"), Err(UsccError::BadCheckDigit));
		assert_eq!(Uscc::parse(b"91350100M000100Y4"), Err(UsccError::BadLength));
		assert_eq!(Uscc::parse(b"91350100M000100I43"), Err(UsccError::BadCharacter));
		assert_eq!(Uscc::parse(b"91350100m000100Y43"), Err(UsccError::BadCharacter));
		let built = Uscc::with_check(*b"91350100M000100Y4").unwrap();
		assert_eq!(&built.0, b"91350100M000100Y43");
	}
}
