//! The runtime's call and event types, read from their `scale_info` description, and
//! the two walks over them: generating the SCALE bytes of a call leaf by leaf from the
//! pools, and reading the values out of encoded events into the learned pools.

use std::collections::{BTreeMap, BTreeSet};

use codec::{Compact, Decode, Encode};
use scale_info::{meta_type, PortableRegistry, Registry, TypeDef, TypeDefPrimitive};

use crate::{pools::*, rng::Rng};
use govchain_runtime::{RuntimeCall, RuntimeEvent};

/// Pallets whose calls are generated: name, weight, and (for `Balances`) the prefix a
/// call's name must have.
pub const TARGETS: [(&str, u32, Option<&str>); 8] = [
	("Consortium", 4, None),
	("Licenses", 4, None),
	("Enterprises", 4, None),
	("Copyright", 4, None),
	("ProvidentFund", 4, None),
	("Balances", 1, Some("transfer")),
	("NodeAuthorization", 1, None),
	("Council", 1, None),
];

/// Relative weights of calls (default [`DEFAULT_CALL_WEIGHT`]): governance calls that
/// wear the genesis state down for the rest of an episode (retiring or suspending an
/// agency, revoking its roles …) are drawn less often, so that the calls of the other
/// agencies keep reaching deep.
const CALL_WEIGHTS: [(&str, u32); 11] = [
	("Consortium.retire_agency", 1),
	("Consortium.suspend_agency", 2),
	("Consortium.revoke_role", 2),
	("Consortium.set_admin", 2),
	("Consortium.remove_council_member", 3),
	("Consortium.remove_validator", 3),
	("Consortium.remove_operator", 5),
	("Enterprises.deregister", 5),
	("Licenses.retire_type", 4),
	("NodeAuthorization.reset_well_known_nodes", 3),
	("Council.set_members", 3),
];

/// Weight of a call not in [`CALL_WEIGHTS`].
const DEFAULT_CALL_WEIGHT: u32 = 10;

/// Pallets whose events feed the learned pools.
const HARVESTED: [&str; 6] = ["Consortium", "Licenses", "Enterprises", "Copyright", "ProvidentFund", "Council"];

/// Deepest nesting of a call inside a call (`consortium.govern(call)`, `council.propose`).
const MAX_CALL_DEPTH: u32 = 1;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
	Plain,
	/// `RuntimeCall` (a nested call).
	Call,
	/// `AccountId32`.
	Account,
	/// `govchain_primitives::Uscc`.
	Uscc,
	/// `govchain_primitives::RegionCode`.
	Region,
	/// `sp_runtime::MultiAddress`.
	MultiAddress,
	/// `sp_core::OpaquePeerId`.
	PeerId,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prim {
	Bool,
	Char,
	Str,
	Uint(u32),
	Int(u32),
}

fn prim_of(p: &TypeDefPrimitive) -> Prim {
	match p {
		TypeDefPrimitive::Bool => Prim::Bool,
		TypeDefPrimitive::Char => Prim::Char,
		TypeDefPrimitive::Str => Prim::Str,
		TypeDefPrimitive::U8 => Prim::Uint(8),
		TypeDefPrimitive::U16 => Prim::Uint(16),
		TypeDefPrimitive::U32 => Prim::Uint(32),
		TypeDefPrimitive::U64 => Prim::Uint(64),
		TypeDefPrimitive::U128 => Prim::Uint(128),
		TypeDefPrimitive::U256 => Prim::Uint(256),
		TypeDefPrimitive::I8 => Prim::Int(8),
		TypeDefPrimitive::I16 => Prim::Int(16),
		TypeDefPrimitive::I32 => Prim::Int(32),
		TypeDefPrimitive::I64 => Prim::Int(64),
		TypeDefPrimitive::I128 => Prim::Int(128),
		TypeDefPrimitive::I256 => Prim::Int(256),
	}
}

fn s<S: AsRef<str>>(x: &S) -> &str {
	x.as_ref()
}

/// What the generation of one call knows besides the pools: who signs it, and the
/// content and salt of a commitment it should reveal (`copyright.deposit*`).
pub struct Ctx<'a> {
	pub pools: &'a Pools,
	pub signer: Option<[u8; 32]>,
	pub content: Option<[u8; 32]>,
	pub salt: Option<[u8; 32]>,
}

impl<'a> Ctx<'a> {
	/// A context with no signer and nothing to reveal.
	pub fn new(pools: &'a Pools) -> Self {
		Self { pools, signer: None, content: None, salt: None }
	}
}

impl core::ops::Deref for Ctx<'_> {
	type Target = Pools;
	fn deref(&self) -> &Pools {
		self.pools
	}
}

/// A value given for an argument (see [`Schema::build_args`]).
#[derive(Clone, Debug)]
pub enum Val {
	/// Generated from the pools.
	Rand,
	/// An integer (or `bool`: 0/1), of whatever width the type has.
	Int(u128),
	/// Bytes of a `Vec<u8>` or of a `[u8; N]` of exactly that length (accounts too).
	Bytes(Vec<u8>),
	/// The enum variant of this name, with these fields (missing ones generated).
	Var(&'static str, Vec<Val>),
	/// A sequence.
	Seq(Vec<Val>),
	/// A struct's fields or a tuple's items, in order.
	Fields(Vec<Val>),
}

/// SCALE encoding of integer `v` as a `bits`-bit integer.
fn put_int(bits: u32, v: u128, out: &mut Vec<u8>) {
	match bits {
		8 => out.push(v as u8),
		16 => (v as u16).encode_to(out),
		32 => (v as u32).encode_to(out),
		64 => (v as u64).encode_to(out),
		128 => v.encode_to(out),
		_ => {
			v.encode_to(out);
			out.extend_from_slice(&[0u8; 16]);
		},
	}
}

/// One call of a pallet: its index, name and argument types (with a lower-case hint
/// made of the argument's name and type name).
#[derive(Clone, Debug)]
pub struct CallInfo {
	pub index: u8,
	pub name: String,
	/// Each argument: its type, a lower-case hint (name and type name), its name.
	fields: Vec<(u32, String, String)>,
}

/// A pallet whose calls are generated.
#[derive(Clone, Debug)]
pub struct PalletCalls {
	pub index: u8,
	pub name: String,
	pub weight: u32,
	pub calls: Vec<CallInfo>,
}

/// The runtime's types.
pub struct Schema {
	reg: PortableRegistry,
	kinds: Vec<Kind>,
	/// Whether type `i` is `u8`.
	is_u8: Vec<bool>,
	/// The primitive under type `i` (through single-field wrappers), for compacts.
	under: Vec<Option<Prim>>,
	event_ty: u32,
	/// The generated pallets.
	pub pallets: Vec<PalletCalls>,
	/// Pallet names by index (calls and events), for error names.
	pub pallet_names: BTreeMap<u8, String>,
	harvested: BTreeSet<u8>,
	/// Every generated call as (pallet, call) positions in `pallets`.
	flat: Vec<(usize, usize)>,
	/// `Pallet.call` of each flat index.
	names: Vec<String>,
	/// Weight of each flat index: its pallet's weight shared among the pallet's calls,
	/// times the call's weight.
	weights: Vec<u32>,
}

impl Schema {
	/// Reads the types of `RuntimeCall` and `RuntimeEvent`.
	pub fn new() -> Self {
		let mut registry = Registry::new();
		let call_ty = registry.register_type(&meta_type::<RuntimeCall>()).id;
		let event_ty = registry.register_type(&meta_type::<RuntimeEvent>()).id;
		let reg: PortableRegistry = registry.into();
		let n = reg.types.len();
		let mut kinds = vec![Kind::Plain; n];
		let mut is_u8 = vec![false; n];
		for t in reg.types.iter() {
			let id = t.id as usize;
			let last = t.ty.path.segments.last().map(|x| s(x).to_string()).unwrap_or_default();
			kinds[id] = match last.as_str() {
				"AccountId32" => Kind::Account,
				"Uscc" => Kind::Uscc,
				"RegionCode" => Kind::Region,
				"MultiAddress" => Kind::MultiAddress,
				"OpaquePeerId" => Kind::PeerId,
				_ if t.id == call_ty => Kind::Call,
				_ => Kind::Plain,
			};
			is_u8[id] = matches!(t.ty.type_def, TypeDef::Primitive(TypeDefPrimitive::U8));
		}
		let mut under = vec![None; n];
		for id in 0..n {
			under[id] = Self::underlying(&reg, id as u32, 0);
		}
		let mut pallet_names = BTreeMap::new();
		let mut pallets = Vec::new();
		if let Some(TypeDef::Variant(v)) = reg.resolve(call_ty).map(|t| &t.type_def) {
			for pallet in v.variants.iter() {
				pallet_names.insert(pallet.index, s(&pallet.name).to_string());
				let Some(&(_, weight, prefix)) = TARGETS.iter().find(|(name, _, _)| *name == s(&pallet.name))
				else {
					continue;
				};
				let Some(inner) = pallet.fields.first().map(|f| f.ty.id) else { continue };
				let Some(TypeDef::Variant(cv)) = reg.resolve(inner).map(|t| &t.type_def) else { continue };
				let calls: Vec<CallInfo> = cv
					.variants
					.iter()
					.filter(|c| prefix.is_none_or(|p| s(&c.name).starts_with(p)))
					.map(|c| CallInfo {
						index: c.index,
						name: s(&c.name).to_string(),
						fields: c
							.fields
							.iter()
							.map(|f| {
								let hint = format!(
									"{} {}",
									f.name.as_ref().map(s).unwrap_or(""),
									f.type_name.as_ref().map(s).unwrap_or("")
								)
								.to_lowercase();
								(f.ty.id, hint, f.name.as_ref().map(s).unwrap_or("").to_string())
							})
							.collect(),
					})
					.collect();
				if !calls.is_empty() {
					pallets.push(PalletCalls { index: pallet.index, name: s(&pallet.name).to_string(), weight, calls });
				}
			}
		}
		let mut harvested = BTreeSet::new();
		if let Some(TypeDef::Variant(v)) = reg.resolve(event_ty).map(|t| &t.type_def) {
			for pallet in v.variants.iter() {
				pallet_names.entry(pallet.index).or_insert_with(|| s(&pallet.name).to_string());
				if HARVESTED.contains(&s(&pallet.name)) {
					harvested.insert(pallet.index);
				}
			}
		}
		let mut flat = Vec::new();
		let mut names = Vec::new();
		let mut weights = Vec::new();
		for (p, pallet) in pallets.iter().enumerate() {
			for (c, call) in pallet.calls.iter().enumerate() {
				let name = format!("{}.{}", pallet.name, call.name);
				let w = CALL_WEIGHTS.iter().find(|(n, _)| *n == name).map(|(_, w)| *w).unwrap_or(DEFAULT_CALL_WEIGHT);
				weights.push((pallet.weight * 10_000 / pallet.calls.len() as u32 * w / DEFAULT_CALL_WEIGHT).max(1));
				flat.push((p, c));
				names.push(name);
			}
		}
		Self { reg, kinds, is_u8, under, event_ty, pallets, pallet_names, harvested, flat, names, weights }
	}

	fn underlying(reg: &PortableRegistry, id: u32, depth: u32) -> Option<Prim> {
		if depth > 8 {
			return None;
		}
		match &reg.resolve(id)?.type_def {
			TypeDef::Primitive(p) => Some(prim_of(p)),
			TypeDef::Composite(c) if c.fields.len() == 1 => Self::underlying(reg, c.fields[0].ty.id, depth + 1),
			TypeDef::Compact(c) => Self::underlying(reg, c.type_param.id, depth + 1),
			_ => None,
		}
	}

	/// Number of generated calls (all pallets).
	pub fn call_count(&self) -> usize {
		self.flat.len()
	}

	/// `Pallet.call` of generated call `call`.
	pub fn call_name(&self, call: usize) -> &str {
		&self.names[call]
	}

	// ------------------------------------------------------------------ generation

	/// A random generated call (by pallet weight, then call weight).
	pub fn pick_call(&self, rng: &mut Rng) -> usize {
		rng.weighted(&self.weights)
	}

	/// The weight of generated call `call`.
	pub fn call_weight(&self, call: usize) -> u32 {
		self.weights[call]
	}

	/// Number of arguments of generated call `call`.
	pub fn arg_count(&self, call: usize) -> usize {
		let (p, c) = self.flat[call];
		self.pallets[p].calls[c].fields.len()
	}

	/// SCALE bytes of argument `arg` of generated call `call` (`None` if a leaf cannot
	/// be generated, e.g. a call nested too deep).
	pub fn gen_arg(&self, call: usize, arg: usize, rng: &mut Rng, pools: &Ctx) -> Option<Vec<u8>> {
		let (p, c) = self.flat[call];
		let (ty, hint, _) = self.pallets[p].calls[c].fields.get(arg)?;
		let mut out = Vec::new();
		self.value(*ty, hint, rng, pools, &mut out, 0)?;
		Some(out)
	}

	/// SCALE bytes of `RuntimeCall` for generated call `call` with `args`.
	pub fn encode_call(&self, call: usize, args: &[Vec<u8>]) -> Vec<u8> {
		let (p, c) = self.flat[call];
		let mut out = vec![self.pallets[p].index, self.pallets[p].calls[c].index];
		for a in args {
			out.extend_from_slice(a);
		}
		out
	}

	fn top_call(&self, rng: &mut Rng, pools: &Ctx, out: &mut Vec<u8>, depth: u32) -> Option<()> {
		let (p, c) = self.flat[self.pick_call(rng)];
		let pallet = &self.pallets[p];
		let call = &pallet.calls[c];
		out.push(pallet.index);
		out.push(call.index);
		for (ty, hint, _) in call.fields.iter() {
			self.value(*ty, hint, rng, pools, out, depth)?;
		}
		Some(())
	}

	/// The generated call named `Pallet.call`, if any.
	pub fn find_call(&self, name: &str) -> Option<usize> {
		self.names.iter().position(|n| n == name)
	}

	/// Arguments of `call`: those named in `given` encoded from their values, the
	/// others generated. `None` if a value does not fit its argument's type.
	pub fn build_args(&self, call: usize, given: &[(&str, Val)], rng: &mut Rng, pools: &Ctx) -> Option<Vec<Vec<u8>>> {
		let (p, c) = self.flat[call];
		let mut args = Vec::new();
		for (i, (ty, _, name)) in self.pallets[p].calls[c].fields.iter().enumerate() {
			match given.iter().find(|(n, _)| n == name) {
				Some((_, v)) => {
					let mut out = Vec::new();
					self.encode_val(*ty, v, rng, pools, &mut out)?;
					args.push(out);
				},
				None => args.push(self.gen_arg(call, i, rng, pools)?),
			}
		}
		Some(args)
	}

	fn encode_val(&self, ty: u32, v: &Val, rng: &mut Rng, pools: &Ctx, out: &mut Vec<u8>) -> Option<()> {
		if let Val::Rand = v {
			return self.value(ty, "", rng, pools, out, 0);
		}
		let t = self.reg.resolve(ty)?;
		match (&t.type_def, v) {
			(TypeDef::Composite(c), Val::Fields(vs)) if c.fields.len() == vs.len() =>
				for (f, v) in c.fields.iter().zip(vs) {
					self.encode_val(f.ty.id, v, rng, pools, out)?;
				},
			(TypeDef::Composite(c), v) if c.fields.len() == 1 => self.encode_val(c.fields[0].ty.id, v, rng, pools, out)?,
			(TypeDef::Tuple(tu), Val::Fields(vs)) if tu.fields.len() == vs.len() =>
				for (f, v) in tu.fields.iter().zip(vs) {
					self.encode_val(f.id, v, rng, pools, out)?;
				},
			(TypeDef::Variant(var), Val::Var(name, vs)) => {
				let x = var.variants.iter().find(|x| s(&x.name) == *name)?;
				out.push(x.index);
				for (i, f) in x.fields.iter().enumerate() {
					self.encode_val(f.ty.id, vs.get(i).unwrap_or(&Val::Rand), rng, pools, out)?;
				}
			},
			(TypeDef::Sequence(sq), Val::Bytes(b)) if self.is_u8[sq.type_param.id as usize] => b.encode_to(out),
			(TypeDef::Sequence(sq), Val::Seq(vs)) => {
				Compact(vs.len() as u32).encode_to(out);
				for v in vs {
					self.encode_val(sq.type_param.id, v, rng, pools, out)?;
				}
			},
			(TypeDef::Array(a), Val::Bytes(b)) if self.is_u8[a.type_param.id as usize] && b.len() == a.len as usize =>
				out.extend_from_slice(b),
			(TypeDef::Array(a), Val::Seq(vs)) if vs.len() == a.len as usize =>
				for v in vs {
					self.encode_val(a.type_param.id, v, rng, pools, out)?;
				},
			(TypeDef::Primitive(p), Val::Int(x)) => match prim_of(p) {
				Prim::Bool => out.push((*x != 0) as u8),
				Prim::Uint(bits) | Prim::Int(bits) => put_int(bits, *x, out),
				_ => return None,
			},
			(TypeDef::Compact(_), Val::Int(x)) => Compact(*x).encode_to(out),
			_ => return None,
		}
		Some(())
	}

	fn value(&self, ty: u32, hint: &str, rng: &mut Rng, pools: &Ctx, out: &mut Vec<u8>, depth: u32) -> Option<()> {
		match self.kinds[ty as usize] {
			Kind::Call => {
				if depth >= MAX_CALL_DEPTH {
					return None;
				}
				return self.top_call(rng, pools, out, depth + 1);
			},
			Kind::Account => {
				out.extend_from_slice(&self.account(rng, pools));
				return Some(());
			},
			Kind::Uscc => {
				out.extend_from_slice(&self.uscc(rng, pools));
				return Some(());
			},
			Kind::Region => {
				out.extend_from_slice(&(self.int(rng, pools, 32, "region") as u32).encode());
				return Some(());
			},
			Kind::MultiAddress if rng.chance(90) => {
				out.push(0); // MultiAddress::Id
				out.extend_from_slice(&self.account(rng, pools));
				return Some(());
			},
			Kind::PeerId => {
				let p = rng.pick(&pools.peer_ids)?;
				p.encode_to(out);
				return Some(());
			},
			_ => {},
		}
		let t = self.reg.resolve(ty)?;
		match &t.type_def {
			TypeDef::Composite(c) => {
				for f in c.fields.iter() {
					let h;
					let hint = match (&f.name, &f.type_name) {
						(None, None) => hint,
						(n, tn) => {
							h = format!("{} {}", n.as_ref().map(s).unwrap_or(""), tn.as_ref().map(s).unwrap_or(""))
								.to_lowercase();
							&h
						},
					};
					self.value(f.ty.id, hint, rng, pools, out, depth)?;
				}
			},
			TypeDef::Tuple(tu) =>
				for f in tu.fields.iter() {
					self.value(f.id, hint, rng, pools, out, depth)?;
				},
			TypeDef::Variant(v) => {
				let var = rng.pick(&v.variants)?;
				out.push(var.index);
				for f in var.fields.iter() {
					let h = format!("{} {}", hint, f.name.as_ref().map(s).unwrap_or(""));
					self.value(f.ty.id, &h, rng, pools, out, depth)?;
				}
			},
			TypeDef::Sequence(sq) => {
				let inner = sq.type_param.id;
				if self.is_u8[inner as usize] {
					self.byte_string(rng, pools, hint).encode_to(out);
				} else {
					// A reveal carries one deposit (the commitment is to its content).
					let n = if pools.content.is_some() && hint.contains("items") {
						1
					} else {
						[0u32, 1, 1, 1, 2, 2, 3][rng.index(7)]
					};
					Compact(n).encode_to(out);
					for _ in 0..n {
						self.value(inner, hint, rng, pools, out, depth)?;
					}
				}
			},
			TypeDef::Array(a) => {
				let inner = a.type_param.id;
				if self.is_u8[inner as usize] {
					let forced = match (pools.salt, pools.content) {
						(Some(salt), _) if a.len == 32 && hint.contains("salt") => Some(salt),
						(_, Some(content)) if a.len == 32 && hint.contains("content") => Some(content),
						_ => None,
					};
					match forced {
						Some(bytes) => out.extend_from_slice(&bytes),
						None => self.byte_array(rng, pools, a.len as usize, out),
					}
				} else {
					for _ in 0..a.len {
						self.value(inner, hint, rng, pools, out, depth)?;
					}
				}
			},
			TypeDef::Primitive(p) => match prim_of(p) {
				Prim::Bool => out.push(rng.below(2) as u8),
				Prim::Char => ('a' as u32 + rng.below(26) as u32).encode_to(out),
				Prim::Str => String::from_utf8_lossy(&self.byte_string(rng, pools, hint)).into_owned().encode_to(out),
				Prim::Uint(bits) | Prim::Int(bits) => self.fixed_int(rng, pools, bits, hint, out),
			},
			TypeDef::Compact(c) => match self.under[c.type_param.id as usize] {
				Some(Prim::Uint(bits)) => Compact(self.int(rng, pools, bits.min(128), hint)).encode_to(out),
				_ => return None,
			},
			TypeDef::BitSequence(_) => return None,
		}
		Some(())
	}

	fn fixed_int(&self, rng: &mut Rng, pools: &Ctx, bits: u32, hint: &str, out: &mut Vec<u8>) {
		put_int(bits, self.int(rng, pools, bits.min(128), hint), out);
	}

	/// An integer of `bits` bits, chosen by the argument's hint from the pools.
	fn int(&self, rng: &mut Rng, pools: &Ctx, bits: u32, hint: &str) -> u128 {
		let max = if bits >= 128 { u128::MAX } else { (1u128 << bits) - 1 };
		let small = |rng: &mut Rng| rng.below(21) as u128;
		let time = |rng: &mut Rng| {
			let now = pools.now_s as i128;
			let offsets: [i128; 11] = [0, 1, 3, 60, 3600, 86_400 * 30, 86_400 * 365 * 3, -1, -86_400, -now, 1 - now];
			(now + offsets[rng.index(offsets.len())]).max(0) as u128
		};
		let has = |words: &[&str]| words.iter().any(|w| hint.contains(w));
		let v: u128 = if bits <= 8 {
			match rng.below(10) {
				0..=6 => small(rng),
				7 => 255,
				_ => rng.below(256) as u128,
			}
		} else if bits <= 16 {
			match rng.below(10) {
				0..=5 => small(rng),
				6 => [0x1ff, 0xffff, 0x100, 0x80, 0x7fff][rng.index(5)],
				7 => 1 << rng.below(16),
				_ => rng.below(0x10000) as u128,
			}
		} else if has(&["region"]) && rng.chance(80) {
			REGIONS[rng.index(REGIONS.len())] as u128
		} else if has(&["second", "until", "valid", "expir", "deadline", "time", "moment"]) && rng.chance(80) {
			time(rng)
		} else if has(&["reason"]) && rng.chance(80) {
			small(rng)
		} else if has(&["amount", "principal", "fen", "balance", "value", "salary", "sum"]) && rng.chance(70) {
			match rng.below(3) {
				0 => pools.learned.u128s.pick(rng).unwrap_or(1_000_000),
				_ => AMOUNTS[rng.index(AMOUNTS.len())],
			}
		} else if bits >= 128 {
			match rng.below(10) {
				0..=2 => small(rng),
				3..=5 => pools.learned.u128s.pick(rng).unwrap_or(10_000),
				_ => AMOUNTS[rng.index(AMOUNTS.len())],
			}
		} else {
			match rng.below(100) {
				0..=44 => small(rng),
				45..=69 => {
					let learned = if bits >= 64 && rng.chance(60) {
						pools.learned.u64s.pick(rng).map(|x| x as u128)
					} else {
						pools.learned.u32s.pick(rng).map(|x| x as u128)
					};
					learned.unwrap_or_else(|| small(rng))
				},
				70..=79 => REGIONS[rng.index(REGIONS.len())] as u128,
				80..=87 =>
					if bits >= 64 {
						time(rng)
					} else {
						(pools.block as u128 + rng.below(20) as u128).saturating_sub(10)
					},
				88..=93 => AMOUNTS[rng.index(7)],
				_ => [max, max - 1, 1000, 100, 65_535, 1 << 31][rng.index(6)],
			}
		};
		if v > max {
			v & max
		} else {
			v
		}
	}

	fn account(&self, rng: &mut Rng, pools: &Ctx) -> [u8; 32] {
		if let Some(signer) = pools.signer.filter(|_| rng.chance(20)) {
			return signer;
		}
		match rng.below(10) {
			0 => pools.learned.accounts.pick(rng).unwrap_or([0u8; 32]),
			1 if rng.chance(30) => pools.hashes[rng.index(pools.hashes.len())],
			_ => pools.accounts[rng.index(pools.accounts.len())],
		}
	}

	fn uscc(&self, rng: &mut Rng, pools: &Ctx) -> [u8; 18] {
		match rng.below(10) {
			0..=3 if !pools.state_usccs.is_empty() => pools.state_usccs[rng.index(pools.state_usccs.len())],
			4..=5 if !pools.learned.usccs.is_empty() => pools.learned.usccs.pick(rng).unwrap_or([b'0'; 18]),
			9 => {
				let mut u = [0u8; 18];
				for c in u.iter_mut() {
					*c = govchain_primitives::Uscc::ALPHABET[rng.index(31)];
				}
				u
			},
			_ => pools.usccs[rng.index(pools.usccs.len())],
		}
	}

	fn byte_string(&self, rng: &mut Rng, pools: &Ctx, hint: &str) -> Vec<u8> {
		if (hint.contains("peer") || hint.contains("node")) && rng.chance(80) {
			return pools.peer_ids[rng.index(pools.peer_ids.len())].clone();
		}
		match rng.below(20) {
			0..=1 => Vec::new(),
			2..=6 => pools.learned.bytes.pick(rng).unwrap_or_default(),
			7 => {
				let n = 1 + rng.index(40);
				(0..n).map(|_| b'a' + rng.below(26) as u8).collect()
			},
			// The last (over every bound: does not decode) rarely.
			8 if rng.chance(20) => pools.bytes.last().cloned().unwrap_or_default(),
			_ => pools.bytes[rng.index(pools.bytes.len() - 1)].clone(),
		}
	}

	fn byte_array(&self, rng: &mut Rng, pools: &Ctx, len: usize, out: &mut Vec<u8>) {
		match len {
			32 => {
				let v = match rng.below(10) {
					0..=2 if !pools.state_hashes.is_empty() && rng.chance(70) =>
						pools.state_hashes[rng.index(pools.state_hashes.len())],
					0..=2 => pools.accounts[rng.index(pools.accounts.len())],
					3..=5 => pools.hashes[rng.index(pools.hashes.len())],
					6..=8 => pools.learned.hashes.pick(rng).unwrap_or(pools.hashes[0]),
					_ => {
						let mut h = [0u8; 32];
						h.iter_mut().for_each(|b| *b = rng.below(256) as u8);
						h
					},
				};
				out.extend_from_slice(&v);
			},
			18 => out.extend_from_slice(&self.uscc(rng, pools)),
			5 => out.extend_from_slice(&pools.industry[rng.index(pools.industry.len())]),
			_ => match rng.below(3) {
				0 => out.extend(std::iter::repeat_n(0u8, len)),
				1 => out.extend((0..len).map(|_| b'0' + rng.below(10) as u8)),
				_ => out.extend((0..len).map(|_| rng.below(256) as u8)),
			},
		}
	}

	// ------------------------------------------------------------------ harvesting

	/// Reads the values of an encoded event of a harvested pallet into `learned`.
	pub fn harvest_event(&self, encoded: &[u8], learned: &mut Learned) {
		if encoded.first().is_some_and(|p| self.harvested.contains(p)) {
			let mut input = encoded;
			let _ = self.read(self.event_ty, &mut input, learned, 0);
		}
	}

	fn take<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
		if input.len() < n {
			return None;
		}
		let (head, tail) = input.split_at(n);
		*input = tail;
		Some(head)
	}

	fn read(&self, ty: u32, input: &mut &[u8], learned: &mut Learned, depth: u32) -> Option<()> {
		if depth > 32 {
			return None;
		}
		match self.kinds[ty as usize] {
			Kind::Account => {
				let a: [u8; 32] = Self::take(input, 32)?.try_into().ok()?;
				learned.accounts.push(a);
				return Some(());
			},
			Kind::Uscc => {
				let u: [u8; 18] = Self::take(input, 18)?.try_into().ok()?;
				learned.usccs.push(u);
				return Some(());
			},
			_ => {},
		}
		let t = self.reg.resolve(ty)?;
		match &t.type_def {
			TypeDef::Composite(c) =>
				for f in c.fields.iter() {
					self.read(f.ty.id, input, learned, depth + 1)?;
				},
			TypeDef::Tuple(tu) =>
				for f in tu.fields.iter() {
					self.read(f.id, input, learned, depth + 1)?;
				},
			TypeDef::Variant(v) => {
				let idx = Self::take(input, 1)?[0];
				let var = v.variants.iter().find(|x| x.index == idx)?;
				for f in var.fields.iter() {
					self.read(f.ty.id, input, learned, depth + 1)?;
				}
			},
			TypeDef::Sequence(sq) => {
				let n = <Compact<u32>>::decode(input).ok()?.0 as usize;
				if n > input.len() {
					return None;
				}
				let inner = sq.type_param.id;
				if self.is_u8[inner as usize] {
					let b = Self::take(input, n)?;
					if !b.is_empty() && b.len() <= 64 {
						learned.bytes.push(b.to_vec());
					}
				} else {
					for _ in 0..n {
						self.read(inner, input, learned, depth + 1)?;
					}
				}
			},
			TypeDef::Array(a) => {
				let inner = a.type_param.id;
				if self.is_u8[inner as usize] {
					let b = Self::take(input, a.len as usize)?;
					if let Ok(h) = <[u8; 32]>::try_from(b) {
						learned.hashes.push(h);
					}
				} else {
					for _ in 0..a.len {
						self.read(inner, input, learned, depth + 1)?;
					}
				}
			},
			TypeDef::Primitive(p) => match prim_of(p) {
				Prim::Bool => {
					Self::take(input, 1)?;
				},
				Prim::Char => {
					Self::take(input, 4)?;
				},
				Prim::Str => {
					let n = <Compact<u32>>::decode(input).ok()?.0 as usize;
					Self::take(input, n)?;
				},
				Prim::Uint(32) => learned.u32s.push(u32::decode(input).ok()?),
				Prim::Uint(64) => learned.u64s.push(u64::decode(input).ok()?),
				Prim::Uint(128) => learned.u128s.push(u128::decode(input).ok()?),
				Prim::Uint(bits) | Prim::Int(bits) => {
					Self::take(input, bits as usize / 8)?;
				},
			},
			TypeDef::Compact(c) => {
				let v = <Compact<u128>>::decode(input).ok()?.0;
				match self.under[c.type_param.id as usize] {
					Some(Prim::Uint(32)) => learned.u32s.push(v as u32),
					Some(Prim::Uint(64)) => learned.u64s.push(v as u64),
					Some(Prim::Uint(128)) => learned.u128s.push(v),
					_ => {},
				}
			},
			TypeDef::BitSequence(_) => return None,
		}
		Some(())
	}
}

impl Default for Schema {
	fn default() -> Self {
		Self::new()
	}
}
