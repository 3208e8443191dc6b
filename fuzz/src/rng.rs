//! A tiny seeded PRNG (SplitMix64): the same seed gives the same run on every machine.

/// SplitMix64 generator.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
	/// A generator for `seed`.
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	/// The generator of episode `episode` of a run seeded with `seed`.
	pub fn for_episode(seed: u64, episode: u64) -> Self {
		let mut r = Self(seed ^ episode.wrapping_mul(0xA076_1D64_78BD_642F));
		r.next_u64();
		r
	}

	/// Next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// Uniform in `0..n` (`0` if `n == 0`).
	pub fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next_u64() % n
		}
	}

	/// Uniform index into a slice of length `n`.
	pub fn index(&mut self, n: usize) -> usize {
		self.below(n as u64) as usize
	}

	/// True with probability `percent` / 100.
	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}

	/// A uniformly chosen element (`None` if empty).
	pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
		if items.is_empty() {
			None
		} else {
			items.get(self.index(items.len()))
		}
	}

	/// Index chosen with the given weights (`0` if all are zero).
	pub fn weighted(&mut self, weights: &[u32]) -> usize {
		let total: u64 = weights.iter().map(|w| *w as u64).sum();
		let mut x = self.below(total);
		for (i, w) in weights.iter().enumerate() {
			if x < *w as u64 {
				return i;
			}
			x -= *w as u64;
		}
		0
	}
}
