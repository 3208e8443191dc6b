//! Runtime API of the consortium: the queries a front-end makes as
//! `api.call.consortiumApi.*` in polkadot.js.

use crate::{Agency, AgencyId, RoleChange};
use alloc::vec::Vec;
use govchain_primitives::Role;
use sp_runtime::DispatchError;

/// An agency as returned by the API (name as plain bytes).
pub type AgencyView<AccountId, BlockNumber> = Agency<AccountId, Vec<u8>, BlockNumber>;

sp_api::decl_runtime_apis! {
	/// Who the member agencies are and who acts for them.
	pub trait ConsortiumApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The agency with id `agency`.
		fn agency(agency: AgencyId) -> Option<AgencyView<AccountId, BlockNumber>>;
		/// The agency `account` acts for, whatever its status.
		fn agency_of(account: AccountId) -> Option<AgencyId>;
		/// Whether `account` may act now with `role` (any role with `None`): the agency
		/// it acts for, or why not (`NotOperator`, `AgencySuspended`, `RoleNotHeld`, …).
		fn acting_agency(account: AccountId, role: Option<Role>) -> Result<AgencyId, DispatchError>;
		/// Up to `limit` entries of an agency's role history, from sequence number `from`.
		/// `limit` is capped by the pallet's `MaxPageSize`.
		fn role_history(agency: AgencyId, from: u32, limit: u32) -> Vec<(u32, RoleChange<BlockNumber>)>;
		/// Up to `limit` operator accounts of an agency, from position `from` of the
		/// listing (stable while the agency's operators do not change). `limit` is capped
		/// by the pallet's `MaxPageSize`.
		fn operators(agency: AgencyId, from: u32, limit: u32) -> Vec<AccountId>;
	}
}
