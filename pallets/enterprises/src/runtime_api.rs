//! Runtime API of the enterprise registry: the front-end's "look up an enterprise"
//! and "my pending reviews", as `api.call.enterprisesApi.*` in polkadot.js.
//!
//! Lists come a page at a time: at most `limit` items, and `limit` at most the
//! pallet's `MaxPage` (larger values are capped); pass the last item (or, for the
//! history, the next sequence number) to get the next page.

use crate::{
	Application, ApplicationId, ChangeEntry, Enterprise, IndustryCode, Profile, Review, Service,
};
use alloc::vec::Vec;
use govchain_primitives::{AgencyId, RegionCode, Uscc};

/// A profile as returned by the API (plain vectors).
pub type ProfileView = Profile<Vec<u8>, Vec<IndustryCode>>;
/// An enterprise as returned by the API.
pub type EnterpriseView<AccountId, BlockNumber> = Enterprise<AccountId, ProfileView, BlockNumber>;
/// An application as returned by the API.
pub type ApplicationView<AccountId, BlockNumber> =
	Application<AccountId, ProfileView, Vec<(Service, Review<AccountId, BlockNumber>)>, BlockNumber>;

sp_api::decl_runtime_apis! {
	/// Looking up the register and the applications under review.
	pub trait EnterprisesApi<AccountId, BlockNumber>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The enterprise with this USCC (with its designated account).
		fn enterprise(uscc: Uscc) -> Option<EnterpriseView<AccountId, BlockNumber>>;
		/// The USCC registered under `name` in `region`, if the name is in use.
		fn by_name(region: RegionCode, name: Vec<u8>) -> Option<Uscc>;
		/// The application `id`.
		fn application(id: ApplicationId) -> Option<ApplicationView<AccountId, BlockNumber>>;
		/// A page of the reviews `agency` could give now (application, service), after
		/// `after`, the last item of the previous page (`None`: from the start).
		fn pending_for(agency: AgencyId, after: Option<(ApplicationId, Service)>, limit: u32) -> Vec<(ApplicationId, Service)>;
		/// A page of the enterprises registered in `region`, after the USCC `after`
		/// (the last of the previous page; `None`: from the start).
		fn enterprises_in(region: RegionCode, after: Option<Uscc>, limit: u32) -> Vec<Uscc>;
		/// A page of an enterprise's history from sequence number `from`.
		fn history(uscc: Uscc, from: u32, limit: u32) -> Vec<(u32, ChangeEntry<AccountId, BlockNumber>)>;
		/// Version `version` of an enterprise's profile (0 = as established).
		fn profile_version(uscc: Uscc, version: u32) -> Option<ProfileView>;
	}
}

/// A stored profile in the API's shape.
pub fn profile_view<N: Into<Vec<u8>>, S: Into<Vec<IndustryCode>>>(p: Profile<N, S>) -> ProfileView {
	Profile {
		name: p.name.into(),
		entity_type: p.entity_type,
		region: p.region,
		capital: p.capital,
		scope: p.scope.into(),
		legal_rep: p.legal_rep,
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// An enterprise in the API's shape.
	pub fn enterprise_view(
		uscc: &Uscc,
	) -> Option<EnterpriseView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		crate::Enterprises::<T>::get(uscc).map(|e| Enterprise {
			profile: profile_view(e.profile),
			authority: e.authority,
			account: e.account,
			status: e.status,
			established_block: e.established_block,
			established_time: e.established_time,
			license: e.license,
			version: e.version,
			changes: e.changes,
		})
	}

	/// An application in the API's shape.
	pub fn application_view(
		id: ApplicationId,
	) -> Option<ApplicationView<T::AccountId, frame_system::pallet_prelude::BlockNumberFor<T>>> {
		crate::Applications::<T>::get(id).map(|a| Application {
			kind: a.kind,
			submitter: a.submitter,
			via_agency: a.via_agency,
			profile: profile_view(a.profile),
			materials: a.materials,
			reviews: a.reviews.into_inner(),
			status: a.status,
			submitted_at: a.submitted_at,
			round_started_at: a.round_started_at,
			rounds: a.rounds,
			decided_at: a.decided_at,
		})
	}

	/// The enterprise using `name` in `region`.
	pub fn by_name(region: RegionCode, name: Vec<u8>) -> Option<Uscc> {
		crate::NameOf::<T>::try_from(name).ok().and_then(|n| crate::Names::<T>::get(region, n))
	}

	/// A profile version in the API's shape.
	pub fn profile_version(uscc: &Uscc, version: u32) -> Option<ProfileView> {
		crate::Versions::<T>::get(uscc, version).map(profile_view)
	}
}
