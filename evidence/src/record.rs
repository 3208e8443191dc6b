//! The records a bundle can prove: which storage keys hold them, how their values
//! decode, where their creating extrinsic is, and how to say what they are in words.

use alloc::{
	format,
	string::{String, ToString},
	vec,
	vec::Vec,
};

use codec::{DecodeAll, Encode};
use frame_support::traits::PalletInfoAccess;
use govchain_primitives::{HolderRef, Uscc};
use govchain_runtime::{AccountId, BlockNumber, Runtime, RuntimeCall};
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};

use crate::bundle::RecordRef;

/// A record, by its identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
	/// A licence, by number.
	Licence(u64),
	/// A copyright work, by content hash.
	Work([u8; 32]),
	/// An enterprise, by USCC.
	Enterprise(Uscc),
	/// A provident-fund loan, by number.
	Loan(u64),
}

/// A record's value as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
	/// `Licenses::Licenses`.
	Licence(pallet_licenses::LicenseOf<Runtime>),
	/// `Copyright::Works`.
	Work(pallet_copyright::WorkOf<Runtime>),
	/// `Enterprises::Enterprises`.
	Enterprise(pallet_enterprises::EnterpriseOf<Runtime>),
	/// `ProvidentFund::Loans`.
	Loan(pallet_provident_fund::LoanOf<Runtime>),
}

impl Record {
	/// Parses `kind` (`licence`/`license`, `work`, `enterprise`, `loan`) and `id`.
	pub fn parse(kind: &str, id: &str) -> Result<Self, String> {
		let id = id.trim();
		let number = || id.parse::<u64>().map_err(|_| format!("{kind} number '{id}' is not a whole number"));
		match kind {
			"licence" | "license" => Ok(Record::Licence(number()?)),
			"loan" => Ok(Record::Loan(number()?)),
			"work" => {
				let hex = id.strip_prefix("0x").unwrap_or(id);
				let bytes = sp_core::bytes::from_hex(hex).map_err(|_| format!("work hash '{id}' is not hex"))?;
				let hash: [u8; 32] =
					bytes.try_into().map_err(|_| format!("work hash '{id}' is not 32 bytes"))?;
				Ok(Record::Work(hash))
			},
			"enterprise" => Uscc::parse(id.as_bytes())
				.map(Record::Enterprise)
				.map_err(|e| format!("'{id}' is not a valid USCC ({e:?})")),
			other => Err(format!("unknown record kind '{other}' (licence, work, enterprise, loan)")),
		}
	}

	/// Reads a bundle's record reference.
	pub fn from_ref(r: &RecordRef) -> Result<Self, String> {
		Self::parse(&r.kind, &r.id)
	}

	/// The reference written into a bundle.
	pub fn to_ref(&self) -> RecordRef {
		let (kind, id) = match self {
			Record::Licence(n) => ("licence", n.to_string()),
			Record::Loan(n) => ("loan", n.to_string()),
			Record::Work(h) => ("work", hex(h)),
			Record::Enterprise(u) => ("enterprise", String::from_utf8_lossy(&u.0).into_owned()),
		};
		RecordRef { kind: kind.into(), id }
	}

	/// The storage keys a bundle proves, in order: the record, the block's timestamp
	/// (`Timestamp::Now`) and the genesis block's hash (`System::BlockHash(0)`, kept for
	/// ever), which ties the proof to the checkpoint's chain.
	///
	/// Computed with `sp_crypto_hashing` from the pallets' names in the runtime and the
	/// maps' hashers (as `frame_support` does through `sp_io`), so the verifier also runs
	/// in a browser; a test holds them equal to the pallets' `hashed_key_for`.
	pub fn keys(&self) -> Vec<Vec<u8>> {
		let record = match self {
			Record::Licence(id) =>
				map_key(pallet_licenses::Pallet::<Runtime>::name(), "Licenses", twox64_concat(&id.encode())),
			Record::Work(h) => map_key(pallet_copyright::Pallet::<Runtime>::name(), "Works", blake2_128_concat(h)),
			Record::Enterprise(u) =>
				map_key(pallet_enterprises::Pallet::<Runtime>::name(), "Enterprises", blake2_128_concat(&u.encode())),
			Record::Loan(id) =>
				map_key(pallet_provident_fund::Pallet::<Runtime>::name(), "Loans", twox64_concat(&id.encode())),
		};
		vec![
			record,
			map_key(pallet_timestamp::Pallet::<Runtime>::name(), "Now", Vec::new()),
			map_key(frame_system::Pallet::<Runtime>::name(), "BlockHash", twox64_concat(&BlockNumber::encode(&0))),
		]
	}

	/// Decodes the record's stored value (all of it: trailing bytes are an error).
	pub fn decode(&self, mut value: &[u8]) -> Result<State, codec::Error> {
		let v = &mut value;
		Ok(match self {
			Record::Licence(_) => State::Licence(DecodeAll::decode_all(v)?),
			Record::Work(_) => State::Work(DecodeAll::decode_all(v)?),
			Record::Enterprise(_) => State::Enterprise(DecodeAll::decode_all(v)?),
			Record::Loan(_) => State::Loan(DecodeAll::decode_all(v)?),
		})
	}

	/// Whether `call` (or a call batched in it through `Utility`) creates this record as
	/// `state` shows it: a licence's issuance with its type, holder and content (or its
	/// renewal with that content; a business licence: an approving review of the
	/// register); a work's deposit of its content hash.
	pub fn created_by(&self, state: &State, call: &RuntimeCall) -> bool {
		use pallet_utility::Call as U;
		match (self, state, call) {
			(_, _, RuntimeCall::Utility(U::batch { calls } | U::batch_all { calls } | U::force_batch { calls })) =>
				calls.iter().any(|c| self.created_by(state, c)),
			(Record::Licence(_), State::Licence(l), RuntimeCall::Licenses(c)) => match c {
				pallet_licenses::Call::issue { license_type, holder, content, .. } =>
					*license_type == l.license_type && *holder == l.holder && *content == l.content,
				pallet_licenses::Call::issue_batch { license_type, items } =>
					*license_type == l.license_type && items.iter().any(|i| i.holder == l.holder && i.content == l.content),
				pallet_licenses::Call::renew { content, .. } => *content == l.content,
				_ => false,
			},
			(Record::Licence(_), State::Licence(l), RuntimeCall::Enterprises(pallet_enterprises::Call::review { approve, .. })) =>
				l.managed_by_register && *approve,
			(Record::Work(hash), State::Work(_), RuntimeCall::Copyright(c)) => match c {
				pallet_copyright::Call::deposit { content, .. } => content == hash,
				pallet_copyright::Call::deposit_batch { items, .. } => items.iter().any(|i| i.content == *hash),
				_ => false,
			},
			_ => false,
		}
	}

	/// Words for the record itself ("licence 12", "work 0x…").
	pub fn name(&self) -> String {
		let r = self.to_ref();
		match self {
			Record::Enterprise(_) => format!("enterprise {}", r.id),
			_ => format!("{} {}", r.kind, r.id),
		}
	}
}

impl State {
	/// The block (and, if the record says, the extrinsic index) that created it, for
	/// the records whose creating extrinsic a bundle includes (licences and works).
	pub fn created_at(&self) -> Option<(BlockNumber, Option<u32>)> {
		match self {
			State::Licence(l) => Some((l.issued_at, None)),
			State::Work(w) => Some((w.deposited.block, Some(w.deposited.extrinsic_index))),
			State::Enterprise(_) | State::Loan(_) => None,
		}
	}

	/// What the record says, in words.
	pub fn describe(&self) -> String {
		match self {
			State::Licence(l) => format!(
				"type {}, held by {}, issued by agency {} in block #{}, status {:?}, valid from {}{}, content hash {}, {} management records, {} uses",
				l.license_type,
				holder(&l.holder),
				l.issuer,
				l.issued_at,
				l.status,
				utc(l.valid_from.saturating_mul(1000)),
				l.valid_until.map(|u| format!(" until {}", utc(u.saturating_mul(1000)))).unwrap_or_default(),
				hex(&l.content),
				l.changes,
				l.uses,
			),
			State::Work(w) => format!(
				"\"{}\", {:?}, held by {}, deposited by {} in block #{} (extrinsic {}) at {}, registration {:?}{}",
				String::from_utf8_lossy(&w.title),
				w.category,
				holder(&w.holder),
				account(&w.depositor),
				w.deposited.block,
				w.deposited.extrinsic_index,
				utc(w.deposited.time.saturating_mul(1000)),
				w.registration,
				if w.frozen.is_some() { ", frozen by a court" } else { "" },
			),
			State::Enterprise(e) => format!(
				"\"{}\", registered with agency {}, status {:?}, established in block #{} at {}, business licence {}, profile version {}",
				String::from_utf8_lossy(&e.profile.name),
				e.authority,
				e.status,
				e.established_block,
				utc(e.established_time.saturating_mul(1000)),
				e.license,
				e.version,
			),
			State::Loan(l) => format!(
				"member {}, bank agency {}, centre agency {}, {} fen over {} months, status {:?}, principal {} fen, repaid {} fen, outstanding {} fen, filed in block #{}",
				hex(&l.member),
				l.bank,
				l.centre,
				l.amount,
				l.term_months,
				l.status,
				l.principal,
				l.repaid,
				l.outstanding,
				l.filed_at,
			),
		}
	}
}

/// A storage key: `twox128(pallet) ++ twox128(item) ++ hashed map key`.
fn map_key(pallet: &str, item: &str, hashed: Vec<u8>) -> Vec<u8> {
	let mut k = sp_crypto_hashing::twox_128(pallet.as_bytes()).to_vec();
	k.extend_from_slice(&sp_crypto_hashing::twox_128(item.as_bytes()));
	k.extend(hashed);
	k
}

fn twox64_concat(key: &[u8]) -> Vec<u8> {
	[&sp_crypto_hashing::twox_64(key)[..], key].concat()
}

fn blake2_128_concat(key: &[u8]) -> Vec<u8> {
	[&sp_crypto_hashing::blake2_128(key)[..], key].concat()
}

/// `0x`-prefixed lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes))
}

/// An account in GovChain's SS58 format (prefix 42).
pub fn account(a: &AccountId) -> String {
	a.to_ss58check_with_version(Ss58AddressFormat::custom(42))
}

fn holder(h: &HolderRef<AccountId>) -> String {
	match h {
		HolderRef::Enterprise(u) => format!("enterprise {}", String::from_utf8_lossy(&u.0)),
		HolderRef::Person(p) => format!("person {}", hex(p)),
		HolderRef::Account(a) => format!("account {}", account(a)),
	}
}

/// A Unix time in milliseconds as `YYYY-MM-DD hh:mm:ss UTC`.
pub fn utc(ms: u64) -> String {
	let secs = ms / 1000;
	let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
	// Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let d = doy - (153 * mp + 2) / 5 + 1;
	let m = if mp < 10 { mp + 3 } else { mp - 9 };
	let y = yoe + era * 400 + i64::from(m <= 2);
	format!("{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02} UTC", rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn utc_formats_known_instants() {
		assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
		assert_eq!(utc(1_795_428_127_000), "2026-11-23 10:02:07 UTC");
		assert_eq!(utc(951_782_400_000), "2000-02-29 00:00:00 UTC");
	}

	#[test]
	fn parse_reads_each_kind_and_refuses_bad_ids() {
		assert_eq!(Record::parse("licence", "12"), Ok(Record::Licence(12)));
		assert_eq!(Record::parse("license", "12"), Ok(Record::Licence(12)));
		assert_eq!(Record::parse("loan", "3"), Ok(Record::Loan(3)));
		let h = format!("0x{}", "ab".repeat(32));
		assert_eq!(Record::parse("work", &h), Ok(Record::Work([0xab; 32])));
		assert!(Record::parse("work", "0xabcd").unwrap_err().contains("32 bytes"));
		assert!(Record::parse("licence", "x").unwrap_err().contains("whole number"));
		assert!(Record::parse("enterprise", "91500000MA5U7XX9X1").is_err());
		assert!(Record::parse("deed", "1").unwrap_err().contains("unknown record kind"));
		for r in [Record::Licence(7), Record::Loan(1), Record::Work([1; 32])] {
			assert_eq!(Record::from_ref(&r.to_ref()), Ok(r));
		}
	}

	#[test]
	fn keys_are_the_pallets_storage_keys() {
		let uscc = Uscc::parse(b"91350100M000100Y43").expect("a valid USCC");
		let records = vec![
			(Record::Licence(5), pallet_licenses::Licenses::<Runtime>::hashed_key_for(5)),
			(Record::Loan(9), pallet_provident_fund::Loans::<Runtime>::hashed_key_for(9)),
			(Record::Work([7; 32]), pallet_copyright::Works::<Runtime>::hashed_key_for([7; 32])),
			(Record::Enterprise(uscc.clone()), pallet_enterprises::Enterprises::<Runtime>::hashed_key_for(uscc)),
		];
		for (record, key) in records {
			let k = record.keys();
			assert_eq!(k, vec![
				key,
				pallet_timestamp::Now::<Runtime>::hashed_key().to_vec(),
				frame_system::BlockHash::<Runtime>::hashed_key_for(0),
			]);
		}
	}
}
