//! Test vectors. The pseudonym vectors are repeated in `README.md`; keep both in step.

extern crate std;

use crate::*;
use std::{format, string::String, vec::Vec};

/// The vector key: bytes 0x01, 0x02, …, 0x20.
const KEY: Key = {
	let mut k = [0u8; 32];
	let mut i = 0;
	while i < 32 {
		k[i] = (i + 1) as u8;
		i += 1;
	}
	k
};

fn hex(bytes: &[u8]) -> String {
	bytes.iter().map(|b| format!("{:02x}", b)).collect()
}

fn unhex(s: &str) -> Vec<u8> {
	(0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn rid(s: &str) -> PersonId {
	PersonId::resident_id(s).unwrap()
}

fn canonical(id: &PersonId) -> &str {
	core::str::from_utf8(id.value()).unwrap()
}

// (a) RFC 4231 HMAC-SHA256 test cases 1–4, through the same zero-padded-key path
// that `pseudonym` uses (all four keys are shorter than the 64-byte block).
#[test]
fn rfc4231_hmac_sha256_cases_1_to_4() {
	let cases: [(Vec<u8>, Vec<u8>, &str); 4] = [
		(
			[0x0b; 20].to_vec(),
			b"Hi There".to_vec(),
			"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
		),
		(
			b"Jefe".to_vec(),
			b"what do ya want for nothing?".to_vec(),
			"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
		),
		(
			[0xaa; 20].to_vec(),
			[0xdd; 50].to_vec(),
			"773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
		),
		(
			(0x01..=0x19).collect(),
			[0xcd; 50].to_vec(),
			"82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
		),
	];
	for (n, (key, data, expected)) in cases.iter().enumerate() {
		let mut block = [0u8; 64];
		block[..key.len()].copy_from_slice(key);
		assert_eq!(
			hex(&hmac_sha256_block(&block, &[data.as_slice()])),
			*expected,
			"RFC 4231 case {}",
			n + 1
		);
		// Split input gives the same MAC as one piece.
		let (a, b) = data.split_at(data.len() / 2);
		assert_eq!(hex(&hmac_sha256_block(&block, &[a, b])), *expected);
	}
}

/// The documented message layout, built by hand and fed to the hmac crate's own
/// key handling, gives what `pseudonym` gives.
#[test]
fn pseudonym_is_hmac_of_the_documented_message() {
	let id = rid("11010519491231002X");
	for domain in Domain::ALL {
		let mut msg = Vec::new();
		msg.extend_from_slice(b"govchain/pseudonym/v1/");
		msg.extend_from_slice(domain.tag().as_bytes());
		msg.push(0);
		msg.extend_from_slice(b"cn-resident-id:11010519491231002X");
		let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&KEY).unwrap();
		mac.update(&msg);
		let expected: [u8; 32] = mac.finalize().into_bytes().into();
		assert_eq!(pseudonym(&KEY, domain, &id), expected);
	}
}

// (b) Canonicalisation table.
#[test]
fn resident_id_canonicalisation_table() {
	let ok: &[(&str, &str)] = &[
		// GB 11643-1999's example.
		("11010519491231002X", "11010519491231002X"),
		// Its first-generation (15-digit) form.
		("110105491231002", "11010519491231002X"),
		// Lower-case check character.
		("11010519491231002x", "11010519491231002X"),
		// Surrounding whitespace: spaces, tab, newline, ideographic space U+3000.
		("  11010519491231002X\t\n", "11010519491231002X"),
		("\u{3000}110105491231002\u{3000}", "11010519491231002X"),
		// Check character 0..9 cases and 15 → 18 conversions.
		("440524198001010013", "440524198001010013"),
		("440524800101001", "440524198001010013"),
		("320102198512311232", "320102198512311232"),
		("320102851231123", "320102198512311232"),
		// 29 February of a leap year; 2000 is a leap year (divisible by 400).
		("110105200002291235", "110105200002291235"),
	];
	for (input, expected) in ok {
		let id = PersonId::resident_id(input).unwrap_or_else(|e| panic!("{:?}: {:?}", input, e));
		assert_eq!(id.kind(), IdKind::ResidentId);
		assert_eq!(canonical(&id), *expected, "input {:?}", input);
	}

	let bad: &[(&str, IdError)] = &[
		// Wrong check character (X expected).
		("110105194912310021", IdError::CheckCharacter),
		("11010519491231002Y", IdError::Character { position: 17 }),
		// 31 February (check character correct for the digits).
		("110105194902310026", IdError::BirthDate),
		("110105490231002", IdError::BirthDate),
		// 1900 is not a leap year.
		("110105190002291239", IdError::BirthDate),
		// Month 13, day 00.
		("110105194913010029", IdError::BirthDate),
		("110105194912000021", IdError::BirthDate),
		// Outside 1900..=2099.
		("110105189912310023", IdError::BirthDate),
		("110105210001010023", IdError::BirthDate),
		// Wrong lengths.
		("", IdError::Length),
		("   ", IdError::Length),
		("11010519491231002", IdError::Length),
		("11010519491231002X0", IdError::Length),
		("1101054912310020", IdError::Length),
		// Characters: X only as the 18th character, never in a 15-digit number;
		// inner whitespace and full-width digits are not repaired.
		("1101051949123100X2", IdError::Character { position: 16 }),
		("11010549123100X", IdError::Character { position: 14 }),
		("110105 19491231002", IdError::Character { position: 6 }),
		("１10105194912310021", IdError::Character { position: 0 }),
	];
	for (input, expected) in bad {
		assert_eq!(PersonId::resident_id(input), Err(*expected), "input {:?}", input);
	}
}

/// ISO 7064 MOD 11-2 catches every single-digit substitution: changing any
/// digit of a valid number gives a birth-date or check-character error.
#[test]
fn every_single_digit_change_is_rejected() {
	let valid = *b"11010519491231002X";
	for pos in 0..18 {
		for c in b"0123456789X".iter().copied() {
			if c == valid[pos] || (c == b'X' && pos != 17) {
				continue;
			}
			let mut v = valid;
			v[pos] = c;
			let s = core::str::from_utf8(&v).unwrap();
			match PersonId::resident_id(s) {
				Err(IdError::CheckCharacter) => {},
				Err(IdError::BirthDate) if (6..14).contains(&pos) => {},
				other => panic!("{} accepted or wrong error: {:?}", s, other),
			}
		}
	}
}

#[test]
fn other_document_kinds() {
	let ok: &[(IdKind, &str, &str)] = &[
		(IdKind::Passport, "CHN:E12345678", "CHN:E12345678"),
		(IdKind::Passport, " chn : e12345678 ", "CHN:E12345678"),
		(IdKind::Passport, "D:c01x00t47", "D<<:C01X00T47"),
		(IdKind::Passport, "D<<:C01X00T47", "D<<:C01X00T47"),
		(IdKind::Passport, "USA:12345", "USA:12345"),
		(IdKind::Passport, "GBR:ABCDEFGHIJ0123456789", "GBR:ABCDEFGHIJ0123456789"),
		(IdKind::HkMacaoPermit, "H12345678", "H12345678"),
		(IdKind::HkMacaoPermit, "h1234567800", "H12345678"),
		(IdKind::HkMacaoPermit, "H1234567803", "H12345678"),
		(IdKind::HkMacaoPermit, " M87654321 ", "M87654321"),
		(IdKind::TaiwanPermit, "12345678", "12345678"),
		(IdKind::TaiwanPermit, "1234567801", "12345678"),
		(IdKind::TaiwanPermit, "1234567802(B)", "12345678"),
	];
	for (kind, input, expected) in ok {
		let id = PersonId::parse(*kind, input).unwrap_or_else(|e| panic!("{:?}: {:?}", input, e));
		assert_eq!(id.kind(), *kind);
		assert_eq!(canonical(&id), *expected, "input {:?}", input);
	}

	let bad: &[(IdKind, &str, IdError)] = &[
		(IdKind::Passport, "E12345678", IdError::Country),
		(IdKind::Passport, ":E12345678", IdError::Country),
		(IdKind::Passport, "CHNA:E12345678", IdError::Country),
		(IdKind::Passport, "C1N:E12345678", IdError::Country),
		(IdKind::Passport, "CHN:E123", IdError::Length),
		(IdKind::Passport, "CHN:ABCDEFGHIJ01234567890", IdError::Length),
		(IdKind::Passport, "CHN:E1234-5678", IdError::Character { position: 5 }),
		(IdKind::Passport, "CHN:E1234 5678", IdError::Character { position: 5 }),
		(IdKind::HkMacaoPermit, "K12345678", IdError::Character { position: 0 }),
		(IdKind::HkMacaoPermit, "H1234567A", IdError::Character { position: 8 }),
		(IdKind::HkMacaoPermit, "H123456780", IdError::Length),
		(IdKind::TaiwanPermit, "1234567", IdError::Length),
		(IdKind::TaiwanPermit, "123456789", IdError::Length),
		(IdKind::TaiwanPermit, "1234567A", IdError::Character { position: 7 }),
		(IdKind::TaiwanPermit, "1234567802[B]", IdError::Character { position: 10 }),
	];
	for (kind, input, expected) in bad {
		assert_eq!(PersonId::parse(*kind, input), Err(*expected), "input {:?}", input);
	}
}

#[test]
fn text_form_and_tags() {
	let id: PersonId = "cn-resident-id:110105491231002".parse().unwrap();
	assert_eq!(id, rid("11010519491231002X"));
	let id: PersonId = "passport:chn:e12345678".parse().unwrap();
	assert_eq!(canonical(&id), "CHN:E12345678");
	assert_eq!("11010519491231002X".parse::<PersonId>(), Err(IdError::Kind));
	assert_eq!("resident:11010519491231002X".parse::<PersonId>(), Err(IdError::Kind));
	for d in Domain::ALL {
		assert_eq!(Domain::from_tag(d.tag()), Some(d));
		assert!(d.tag().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
	}
	for k in IdKind::ALL {
		assert_eq!(IdKind::from_tag(k.tag()), Some(k));
	}
	assert_eq!(
		Domain::ALL.map(Domain::tag),
		["provident-fund", "licenses", "enterprises", "copyright"]
	);
	assert_eq!(Domain::from_tag("ProvidentFund"), None);
}

#[test]
fn debug_and_errors_do_not_show_the_number() {
	let id = rid("11010519491231002X");
	let shown = format!("{:?}", id);
	assert!(shown.contains("ResidentId"));
	assert!(!shown.contains("110105"), "{}", shown);
	let e = PersonId::resident_id("110105194912310021").unwrap_err();
	assert!(!format!("{} {:?}", e, e).contains("110105"));
}

// (c) Fixed pseudonym vectors; key = 0x01 0x02 … 0x20. Also in README.md.
pub(crate) const VECTORS: [(Domain, &str, &str); 8] = [
	(
		Domain::ProvidentFund,
		"cn-resident-id:11010519491231002X",
		"0x64a47aebac11815c9fe0163f114d54a5518fb97b864fa82a6597e85a2728aed5",
	),
	(
		Domain::Licenses,
		"cn-resident-id:11010519491231002X",
		"0xc2858ea14667481ac49ddcf381ce2da3d158fed339bc0e08b4d5050868fae4f5",
	),
	(
		Domain::Enterprises,
		"cn-resident-id:11010519491231002X",
		"0xe7587be8a8883b50d5fb01a27dfb30ec6a9dd8ef02467bc708e772c94735e77f",
	),
	(
		Domain::Copyright,
		"cn-resident-id:11010519491231002X",
		"0xb54b116ce9f9c5f984a9b8898a96a5fc1d37bcd1b756c8bdcdcd01d390172432",
	),
	(
		Domain::ProvidentFund,
		"passport:CHN:E12345678",
		"0x3964efda5de313bc7dab775f63c07e8c230274f0b98ebee5aa07ab13332798f9",
	),
	(
		Domain::Copyright,
		"passport:D<<:C01X00T47",
		"0xd380bf265dd5cb2f87736a90586527ebc4023656a889f2104cee93688b96bea0",
	),
	(
		Domain::Licenses,
		"hk-mo-permit:H12345678",
		"0x79d83e6f074708eb0d3f3a89306bac43c26eece147b00b32450b4c75ce2e78b5",
	),
	(
		Domain::Enterprises,
		"tw-permit:12345678",
		"0xff963ec4ec9e57ce84886b517e1b03e847d973a02c6bec58f1578039f2ef3767",
	),
];

#[test]
fn fixed_pseudonym_vectors() {
	assert_eq!(hex(&KEY), "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
	for (domain, id, expected) in VECTORS {
		let id: PersonId = id.parse().unwrap();
		let p = pseudonym(&KEY, domain, &id);
		assert_eq!(format!("{}", HexDisplay(&p)), expected, "{} {:?}", domain, id);
		assert_eq!(p.to_vec(), unhex(&expected[2..]));
	}
}

/// Non-canonical spellings of the vector identifiers give the vector pseudonyms.
#[test]
fn vectors_from_non_canonical_input() {
	let pf = VECTORS[0].2;
	for input in ["110105491231002", " 11010519491231002x ", "\u{3000}110105491231002"] {
		assert_eq!(
			format!("{}", HexDisplay(&pseudonym(&KEY, Domain::ProvidentFund, &rid(input)))),
			pf
		);
	}
	let id = PersonId::passport("chn", " e12345678").unwrap();
	assert_eq!(
		format!("{}", HexDisplay(&pseudonym(&KEY, Domain::ProvidentFund, &id))),
		VECTORS[4].2
	);
	let id = PersonId::hk_macao_permit("H1234567805").unwrap();
	assert_eq!(format!("{}", HexDisplay(&pseudonym(&KEY, Domain::Licenses, &id))), VECTORS[6].2);
	let id = PersonId::taiwan_permit("1234567801(B)").unwrap();
	assert_eq!(format!("{}", HexDisplay(&pseudonym(&KEY, Domain::Enterprises, &id))), VECTORS[7].2);
}

// (d) Properties.

/// Every valid 15-digit number in a sample (all address codes below, every day of
/// five years incl. two leap years and 1900, a few sequence codes) gives the same
/// pseudonym as its 18-digit form, in every domain; the 18-digit form is built
/// here independently with the standard's weights.
#[test]
fn fifteen_and_eighteen_digit_forms_give_the_same_pseudonym() {
	let weights = [7u32, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	let mut checked = 0;
	for address in ["110105", "440524", "500103", "650102"] {
		for yy in [0u32, 48, 49, 96, 99] {
			for month in 1u32..=12 {
				for day in 1u32..=31 {
					for seq in [1u32, 2, 457, 998] {
						let fifteen =
							format!("{}{:02}{:02}{:02}{:03}", address, yy, month, day, seq);
						let seventeen =
							format!("{}19{:02}{:02}{:02}{:03}", address, yy, month, day, seq);
						let sum: u32 = seventeen
							.bytes()
							.zip(weights)
							.map(|(c, w)| u32::from(c - b'0') * w)
							.sum();
						let eighteen = format!(
							"{}{}",
							seventeen,
							char::from(b"10X98765432"[(sum % 11) as usize])
						);
						let (a, b) =
							(PersonId::resident_id(&fifteen), PersonId::resident_id(&eighteen));
						let leap = yy % 4 == 0 && yy != 0;
						let real = day
							<= match month {
								2 if leap => 29,
								2 => 28,
								4 | 6 | 9 | 11 => 30,
								_ => 31,
							};
						if !real {
							assert_eq!((a, b), (Err(IdError::BirthDate), Err(IdError::BirthDate)));
							continue;
						}
						let (a, b) = (a.unwrap(), b.unwrap());
						assert_eq!(a, b);
						for d in Domain::ALL {
							assert_eq!(pseudonym(&KEY, d, &a), pseudonym(&KEY, d, &b));
						}
						checked += 1;
					}
				}
			}
		}
	}
	// 1900, 1949 and 1999 have 365 days, 1948 and 1996 have 366.
	assert_eq!(checked, 4 * 4 * (365 * 3 + 366 * 2));
}

/// Different domains, keys, kinds or persons give different pseudonyms.
#[test]
fn separation() {
	let ids: Vec<PersonId> = [
		"cn-resident-id:11010519491231002X",
		"cn-resident-id:440524198001010013",
		"passport:CHN:12345678",
		"hk-mo-permit:H12345678",
		"tw-permit:12345678",
	]
	.iter()
	.map(|s| s.parse().unwrap())
	.collect();
	let mut other_key = KEY;
	other_key[31] ^= 1;
	let mut all = Vec::new();
	for key in [KEY, other_key] {
		for d in Domain::ALL {
			for id in &ids {
				all.push(pseudonym(&key, d, id));
			}
		}
	}
	let n = all.len();
	assert_eq!(n, 2 * 4 * 5);
	all.sort();
	all.dedup();
	assert_eq!(all.len(), n, "two (key, domain, id) triples collided");
}

#[test]
fn key_file_format() {
	let text = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
	assert_eq!(parse_key_hex(text), Ok(KEY));
	assert_eq!(parse_key_hex(&format!("{}\n", text)), Ok(KEY));
	assert_eq!(parse_key_hex(&format!("  0x{}\r\n", text.to_uppercase())), Ok(KEY));
	assert_eq!(parse_key_hex(&text[2..]), Err(KeyError::Length));
	assert_eq!(parse_key_hex(&format!("{}00", text)), Err(KeyError::Length));
	assert_eq!(parse_key_hex(&format!("{}g0", &text[2..])), Err(KeyError::Character));
	assert_eq!(parse_key_hex(&format!("01 {}", &text[3..])), Err(KeyError::Character));
	assert_eq!(parse_key_hex(&"0".repeat(64)), Err(KeyError::AllZero));
	assert_eq!(parse_key_hex(""), Err(KeyError::Length));
}
