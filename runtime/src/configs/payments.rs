//! The native currency and transaction fees.
//!
//! Fees are anti-spam: every extrinsic pays a small fee in the native unit.
//! Agencies' operator accounts are funded at genesis and later by governance; an
//! applicant (an entrepreneur, an author) is funded by the agency that serves them
//! (a plain transfer from one of its operator accounts), so no call is free for
//! anyone who merely holds a key.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32, ConstU8, VariantCountOf},
	weights::{ConstantMultiplier, IdentityFee},
};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_runtime::traits::One;

use crate::{
	Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System,
	EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT,
};

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// Fees do not float with congestion: agencies budget a fixed cost per call.
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

/// Fee per byte of an extrinsic: 10 µGOV. Storage and block space are what junk
/// costs the network, so length dominates the fee of a large call: a full block of
/// ordinary extrinsics (90 % of 5 MiB) costs about 47 GOV in length fees alone,
/// while a typical agency call of ~200 bytes pays about 0.002 GOV.
pub const FEE_PER_BYTE: Balance = 10 * MICRO_UNIT;

/// Held per storage item of a record a non-agency account creates: 20 mGOV.
pub const DEPOSIT_PER_ITEM: Balance = 20 * MILLI_UNIT;
/// Held per byte of such a record: 1 mGOV, a hundred times the length fee, since the
/// byte stays in every node's state until the record is decided or removed.
pub const DEPOSIT_PER_BYTE: Balance = MILLI_UNIT;

/// The deposit held for a record of `items` storage entries and about `bytes` bytes.
pub const fn deposit(items: u32, bytes: u32) -> Balance {
	items as Balance * DEPOSIT_PER_ITEM + bytes as Balance * DEPOSIT_PER_BYTE
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned (dropped), not paid to validators: agencies do not earn from them.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	/// One picounit per picosecond of reference time.
	type WeightToFee = IdentityFee<Balance>;
	/// [`FEE_PER_BYTE`] per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<FEE_PER_BYTE>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	/// Withdrawing the fee is inside the measured extrinsic base weight.
	type WeightInfo = crate::weights::in_base::InExtrinsicBase;
}
