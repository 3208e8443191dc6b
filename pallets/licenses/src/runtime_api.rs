//! Runtime API of the licences pallet: the queries a front-end makes as
//! `api.call.licensesApi.*` in polkadot.js.

use crate::{
	ChangeRecord, Consent, License, LicenseId, LicenseType, LicenseTypeId, Recognition, Seconds,
	UsageEntry, Verdict,
};
use alloc::vec::Vec;
use govchain_primitives::HolderRef;

/// A licence type as returned by the API (code and name as plain bytes).
pub type LicenseTypeView<BlockNumber> = LicenseType<Vec<u8>, Vec<u8>, BlockNumber>;
/// A consent as returned by the API.
pub type ConsentView<BlockNumber> = Consent<Vec<u8>, BlockNumber>;
/// A usage entry as returned by the API.
pub type UsageView<AccountId, BlockNumber> = UsageEntry<AccountId, Vec<u8>, BlockNumber>;

sp_api::decl_runtime_apis! {
	/// Looking up, verifying and auditing electronic licences. Every list is one page:
	/// `limit` is capped at the pallet's `MaxPage`.
	pub trait LicensesApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The licence `id`.
		fn license(id: LicenseId) -> Option<License<AccountId, BlockNumber>>;
		/// The licence type `id`.
		fn license_type(id: LicenseTypeId) -> Option<LicenseTypeView<BlockNumber>>;
		/// The licence type with code `code`.
		fn type_by_code(code: Vec<u8>) -> Option<LicenseTypeId>;
		/// Whether licence `id` is valid for use in region `region` (GB/T 2260) at
		/// `at` (Unix seconds; now if `None`), and recognised there.
		fn verify(id: LicenseId, region: u32, at: Option<Seconds>) -> Verdict;
		/// Up to `limit` licence ids of `holder` (live or ended), starting after licence
		/// `after` (the last id of the previous page; `None`: the first page).
		fn licenses_of(holder: HolderRef<AccountId>, after: Option<LicenseId>, limit: u32) -> Vec<LicenseId>;
		/// Up to `limit` entries of licence `id`'s management record from `from`.
		fn management_record(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ChangeRecord<AccountId, BlockNumber>)>;
		/// Up to `limit` entries of licence `id`'s usage record from `from`.
		fn usage_log(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, UsageView<AccountId, BlockNumber>)>;
		/// Up to `limit` authorisations given for licence `id` from index `from`.
		fn consents(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, ConsentView<BlockNumber>)>;
		/// Up to `limit` of the types that accept type `accepted`, with their
		/// declarations, after skipping `from`.
		fn recognitions_of(accepted: LicenseTypeId, from: u32, limit: u32) -> Vec<(LicenseTypeId, Recognition<BlockNumber>)>;
		/// The account acting for `holder` on the licences of `region`'s province: itself
		/// for an account holder, the account the enterprise register records for a
		/// registered enterprise, else the one set here for that province. `None` for a
		/// malformed region code.
		fn holder_account(holder: HolderRef<AccountId>, region: u32) -> Option<AccountId>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// A licence type in the API's shape.
	pub fn type_view(
		id: LicenseTypeId,
	) -> Option<LicenseTypeView<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		crate::Types::<T>::get(id).map(|t| LicenseType {
			code: t.code.into_inner(),
			name: t.name.into_inner(),
			region: t.region,
			holder_kind: t.holder_kind,
			issuer_role: t.issuer_role,
			default_validity: t.default_validity,
			schema_hash: t.schema_hash,
			template_hash: t.template_hash,
			authority: t.authority,
			status: t.status,
			defined_at: t.defined_at,
			recognitions: t.recognitions,
		})
	}

	/// A licence type id by code.
	pub fn type_id_by_code(code: Vec<u8>) -> Option<LicenseTypeId> {
		crate::TypeCodeOf::<T>::try_from(code).ok().and_then(crate::TypeByCode::<T>::get)
	}

	/// Consents in the API's shape.
	pub fn consents_view(
		id: LicenseId,
		from: u32,
		limit: u32,
	) -> Vec<(u32, ConsentView<frame_system::pallet_prelude::BlockNumberFor<T>>)> {
		Self::consents_of(id, from, limit)
			.into_iter()
			.map(|(i, c)| {
				(
					i,
					Consent {
						verifier: c.verifier,
						purpose: c.purpose.into_inner(),
						until: c.until,
						granted_at: c.granted_at,
						revoked_at: c.revoked_at,
					},
				)
			})
			.collect()
	}

	/// The usage record in the API's shape.
	pub fn usage_view(
		id: LicenseId,
		from: u32,
		limit: u32,
	) -> Vec<(u32, UsageView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>)> {
		Self::usage_log(id, from, limit)
			.into_iter()
			.map(|(i, u)| {
				(
					i,
					UsageEntry {
						verifier: u.verifier,
						operator: u.operator,
						purpose: u.purpose.into_inner(),
						business_ref: u.business_ref,
						basis: u.basis,
						block: u.block,
						time: u.time,
					},
				)
			})
			.collect()
	}
}
