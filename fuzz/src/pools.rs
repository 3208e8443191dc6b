//! The small pools of values the generator draws leaves from, and the values it
//! learns while running (from events and from storage).

use std::collections::VecDeque;

use crate::rng::Rng;

/// A bounded set of recently seen values, oldest dropped first.
#[derive(Clone, Debug)]
pub struct Ring<T> {
	items: VecDeque<T>,
	cap: usize,
}

impl<T: PartialEq + Clone> Ring<T> {
	/// An empty ring holding at most `cap` values.
	pub fn new(cap: usize) -> Self {
		Self { items: VecDeque::with_capacity(cap), cap }
	}

	/// Remembers `v` (no duplicates).
	pub fn push(&mut self, v: T) {
		if self.items.contains(&v) {
			return;
		}
		if self.items.len() == self.cap {
			self.items.pop_front();
		}
		self.items.push_back(v);
	}

	/// A uniformly chosen remembered value.
	pub fn pick(&self, rng: &mut Rng) -> Option<T> {
		if self.items.is_empty() {
			None
		} else {
			self.items.get(rng.index(self.items.len())).cloned()
		}
	}

	/// Number of remembered values.
	pub fn len(&self) -> usize {
		self.items.len()
	}

	/// Whether nothing is remembered.
	pub fn is_empty(&self) -> bool {
		self.items.is_empty()
	}
}

/// Values seen in the events of GovChain's pallets (ids, hashes, codes, amounts …).
#[derive(Clone, Debug)]
pub struct Learned {
	pub u32s: Ring<u32>,
	pub u64s: Ring<u64>,
	pub u128s: Ring<u128>,
	pub hashes: Ring<[u8; 32]>,
	pub accounts: Ring<[u8; 32]>,
	pub usccs: Ring<[u8; 18]>,
	pub bytes: Ring<Vec<u8>>,
}

impl Default for Learned {
	fn default() -> Self {
		Self {
			u32s: Ring::new(48),
			u64s: Ring::new(48),
			u128s: Ring::new(24),
			hashes: Ring::new(48),
			accounts: Ring::new(24),
			usccs: Ring::new(32),
			bytes: Ring::new(24),
		}
	}
}

/// Everything the generator draws from.
#[derive(Clone, Debug)]
pub struct Pools {
	/// Account ids of the actors (agency admins, strangers, fresh accounts).
	pub accounts: Vec<[u8; 32]>,
	/// A few document hashes / pseudonyms.
	pub hashes: Vec<[u8; 32]>,
	/// Valid USCCs (and two malformed ones).
	pub usccs: Vec<[u8; 18]>,
	/// USCCs on the register now (refreshed every block from storage).
	pub state_usccs: Vec<[u8; 18]>,
	/// Content hashes of deposited works now (refreshed every block from storage).
	pub state_hashes: Vec<[u8; 32]>,
	/// Byte strings for names, codes, titles, purposes.
	pub bytes: Vec<Vec<u8>>,
	/// libp2p peer ids.
	pub peer_ids: Vec<Vec<u8>>,
	/// GB/T 4754 industry codes (and malformed ones).
	pub industry: Vec<[u8; 5]>,
	/// What the run has learned so far in this episode.
	pub learned: Learned,
	/// The current block's timestamp, in seconds.
	pub now_s: u64,
	/// The current block number.
	pub block: u32,
}

/// Region codes: Chongqing, Sichuan, a prefecture, a county, Beijing, and malformed ones.
pub const REGIONS: [u32; 9] = [500000, 510000, 500100, 510100, 500103, 110000, 0, 999_999, 830_000];

/// Amounts (fen or planck).
pub const AMOUNTS: [u128; 13] = [
	0,
	1,
	100,
	10_000,
	1_000_000,
	50_000_000,
	10_000_000_000,
	1_000_000_000_000,
	1_000_000_000_000_000,
	1_000_000_000_000_000_000,
	u64::MAX as u128,
	u128::MAX - 1,
	u128::MAX,
];

impl Pools {
	/// Pools for the given actor accounts.
	pub fn new(accounts: Vec<[u8; 32]>) -> Self {
		use govchain_primitives::Uscc;
		let mut usccs = Vec::new();
		for region in ["500000", "510000", "500100", "500103"] {
			for serial in ["MA0000001", "MA0000002", "MA01B2C3D"] {
				let mut first = [0u8; 17];
				first[..2].copy_from_slice(b"91");
				first[2..8].copy_from_slice(region.as_bytes());
				first[8..].copy_from_slice(serial.as_bytes());
				if let Ok(u) = Uscc::with_check(first) {
					usccs.push(u.0);
				}
			}
		}
		// Published codes of real enterprises, and two malformed codes.
		for code in [b"91350100M000100Y43", b"91110000600037341L", b"9150010320280508XK"] {
			usccs.push(*code);
		}
		usccs.push(*b"91350100M000100Y44");
		usccs.push(*b"91350100M000100I43");

		// Stand-ins for document digests / pseudonyms: any 32 bytes will do.
		let hashes = (1u8..=4)
			.map(|i| core::array::from_fn(|k| (k as u8).wrapping_mul(37).wrapping_add(i.wrapping_mul(101))))
			.collect();
		let bytes: Vec<Vec<u8>> = [
			&b"a"[..],
			b"LAW",
			b"LAW-PRACTICE",
			b"FOOD-01",
			b"Acme Trading Co., Ltd.",
			"重庆山城火锅有限公司".as_bytes(),
			"四川天府软件有限公司".as_bytes(),
			b"C1311",
			b"loan-verification",
			b"verify",
			b"\xff\xfe\x00",
		]
		.iter()
		.map(|b| b.to_vec())
		.chain([vec![b'x'; 64], vec![b'A'; 300]])
		.collect();
		// Ed25519 peer ids (identity multihash of the protobuf-encoded key) and junk.
		let peer_ids = (1u8..=3)
			.map(|i| {
				let mut p = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
				p.extend_from_slice(&[i; 32]);
				p
			})
			.chain([vec![], vec![7; 200]])
			.collect();
		let industry = vec![*b"C1311", *b"I6510", *b"A0111", *b"T9700", *b"Z1234", *b"c1311", *b"I65X0"];
		Self {
			accounts,
			hashes,
			usccs,
			state_usccs: Vec::new(),
			state_hashes: Vec::new(),
			bytes,
			peer_ids,
			industry,
			learned: Learned::default(),
			now_s: 0,
			block: 0,
		}
	}

	/// Forgets everything learned (a new episode starts from genesis).
	pub fn reset(&mut self) {
		self.learned = Learned::default();
		self.state_usccs.clear();
		self.state_hashes.clear();
	}
}
