//! Types of the consortium pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;
use govchain_primitives::{RegionCode, Role, RoleSet};
use scale_info::TypeInfo;

use crate::Config;

/// An account of the runtime.
pub type AccountIdOf<T> = <T as frame_system::Config>::AccountId;
/// An agency's display name, at most `MaxNameLength` bytes of UTF-8.
pub type AgencyNameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;
/// An agency as stored.
pub type AgencyOf<T> = Agency<AccountIdOf<T>, AgencyNameOf<T>, BlockNumberFor<T>>;
/// The validator set fed to the session pallet.
pub type ValidatorsOf<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxValidators>;
/// The council seats, sorted.
pub type CouncilOf<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxCouncilMembers>;
/// The validators one agency runs.
pub type AgencyValidatorsOf<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxValidatorsPerAgency>;
/// The council seats one agency holds.
pub type AgencySeatsOf<T> = BoundedVec<AccountIdOf<T>, <T as Config>::MaxSeatsPerAgency>;
/// One entry of an agency's role history.
pub type RoleChangeOf<T> = RoleChange<BlockNumberFor<T>>;

/// What kind of government body (or commissioned institution) an agency is.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AgencyKind {
	/// Administration for market regulation.
	MarketRegulation,
	/// Public security bureau (seal engraving approval).
	PublicSecurity,
	/// Tax bureau.
	Tax,
	/// Bureau of justice (lawyers' licences, notaries).
	Justice,
	/// Housing provident fund management centre.
	ProvidentFundCenter,
	/// Commercial bank commissioned by a fund centre.
	CommercialBank,
	/// Press and publication administration / copyright office.
	CopyrightOffice,
	/// A people's court.
	Court,
	/// Big-data / data resources bureau running shared infrastructure.
	DataResourcesBureau,
	/// Any other public body.
	Other,
}

/// Whether an agency may act.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum AgencyStatus {
	/// Its operators act in every pallet, within its roles.
	Active,
	/// Temporarily stopped by governance: no operator may act anywhere.
	Suspended,
	/// Left the consortium; final.
	Retired,
}

/// A member agency.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct Agency<AccountId, Name, BlockNumber> {
	/// Display name (e.g. "Chongqing Administration for Market Regulation").
	pub name: Name,
	/// Administrative division it serves (GB/T 2260).
	pub region: RegionCode,
	/// What kind of body it is.
	pub kind: AgencyKind,
	/// The roles it holds.
	pub roles: RoleSet,
	/// Whether it may act.
	pub status: AgencyStatus,
	/// The account that manages the agency's operators; itself an operator.
	pub admin: AccountId,
	/// How many operator accounts act for it (including the admin).
	pub operators: u32,
	/// How many role changes its history holds (the next history index).
	pub role_changes: u32,
	/// When it was admitted.
	pub admitted_at: BlockNumber,
}

/// One role granted to or revoked from an agency.
#[derive(
	Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Debug,
)]
pub struct RoleChange<BlockNumber> {
	/// The role.
	pub role: Role,
	/// `true` if granted, `false` if revoked.
	pub granted: bool,
	/// Block of the change.
	pub at: BlockNumber,
}

/// An agency in the genesis configuration.
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[serde(bound(
	serialize = "AccountId: serde::Serialize",
	deserialize = "AccountId: serde::Deserialize<'de>"
))]
pub struct GenesisAgency<AccountId> {
	/// Display name, UTF-8.
	pub name: alloc::string::String,
	/// Region code (6 digits).
	pub region: u32,
	/// Kind of body.
	pub kind: AgencyKind,
	/// Roles held.
	pub roles: alloc::vec::Vec<Role>,
	/// Admin account (also an operator).
	pub admin: AccountId,
	/// Further operator accounts.
	#[serde(default)]
	pub operators: alloc::vec::Vec<AccountId>,
}
