//! # Consortium pallet
//!
//! The root of trust of GovChain: which agencies are members, in which region,
//! with which roles, which accounts act for them, which nodes validate, and who
//! sits on the council that governs all of it.
//!
//! ## Overview
//!
//! An *agency* (market regulator, seal authority, tax bureau, fund centre, bank,
//! copyright office, court, …) is admitted by governance with a region
//! (GB/T 2260 code), a kind and a set of [`Role`]s. Its *admin* account manages the
//! agency's *operator* accounts — the officials and systems that act for it. An
//! account acts for at most one agency.
//!
//! Other pallets never call this pallet. They receive their permissions through
//! their `Config` as origins exported here:
//! - [`EnsureAgencyRole`]: "an operator of an active agency holding role R",
//!   succeeding with `(agency, account)`;
//! - [`EnsureAgencyOperator`]: "an operator of any active agency";
//!
//! and ask about agencies through [`govchain_primitives::AgencyRegistry`], which
//! this pallet implements. Suspending an agency therefore stops its operators in
//! every pallet at once.
//!
//! The validator set is fed to `pallet-session` through [`pallet_session::SessionManager`]:
//! a validator added by governance joins the Aura and GRANDPA authority sets at the
//! next session (once its session keys are set). Council seats are pushed to the
//! council collective through [`frame_support::traits::ChangeMembers`].
//!
//! ## Calls
//!
//! For governance (`GovernanceOrigin`, a council motion on a real network):
//! [`register_agency`](Pallet::register_agency), [`grant_role`](Pallet::grant_role),
//! [`revoke_role`](Pallet::revoke_role), [`suspend_agency`](Pallet::suspend_agency),
//! [`reinstate_agency`](Pallet::reinstate_agency), [`retire_agency`](Pallet::retire_agency),
//! [`set_admin`](Pallet::set_admin), [`add_validator`](Pallet::add_validator),
//! [`remove_validator`](Pallet::remove_validator),
//! [`add_council_member`](Pallet::add_council_member),
//! [`remove_council_member`](Pallet::remove_council_member),
//! [`govern`](Pallet::govern) (dispatch a call as root, e.g. a runtime upgrade).
//!
//! For an agency's admin (or governance): [`add_operator`](Pallet::add_operator),
//! [`remove_operator`](Pallet::remove_operator).
//!
//! ## History
//!
//! Every change emits an event. An agency's role changes are also kept in
//! [`RoleHistory`], indexed per agency, so "which roles did this agency hold, and
//! since when" is answerable from state alone.
//!
//! ## Data privacy
//!
//! Only public bodies and their accounts are stored: agency names, region codes,
//! roles. No personal data of officials — an operator is an account, nothing more.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod features;
#[cfg(test)]
mod mock;
mod origins;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use govchain_primitives::{AgencyId, RegionCode, Role, RoleSet};
pub use origins::{EnsureAgencyOperator, EnsureAgencyRole};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{ChangeMembers, InitializeMembers, UnfilteredDispatchable},
	};
	use frame_system::pallet_prelude::*;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who admits agencies, changes roles, suspends, and seats validators and
		/// council members: a council motion on a real network.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Calls governance may dispatch as root through [`Pallet::govern`] (runtime
		/// upgrades, parameter changes).
		type RuntimeCall: Parameter
			+ UnfilteredDispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<frame_system::Call<Self>>;

		/// Receives the council seats whenever they change (the council collective).
		type CouncilMembership: ChangeMembers<Self::AccountId> + InitializeMembers<Self::AccountId>;

		/// Longest agency name, in bytes.
		#[pallet::constant]
		type MaxNameLength: Get<u32>;

		/// Most operator accounts one agency may have (admin included).
		#[pallet::constant]
		type MaxOperatorsPerAgency: Get<u32>;

		/// Most validators in the authority set.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Most council seats.
		#[pallet::constant]
		type MaxCouncilMembers: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The id the next admitted agency gets.
	#[pallet::storage]
	pub type NextAgencyId<T> = StorageValue<_, AgencyId, ValueQuery>;

	/// Member agencies by id. Ids are sequential, not chosen by users: `Twox64Concat`.
	#[pallet::storage]
	pub type Agencies<T: Config> = StorageMap<_, Twox64Concat, AgencyId, AgencyOf<T>>;

	/// The agency an account acts for (at most one). Keys are user-chosen accounts:
	/// `Blake2_128Concat`.
	#[pallet::storage]
	pub type Operators<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AgencyId>;

	/// The operators of each agency, to list them; mirrors [`Operators`].
	#[pallet::storage]
	pub type AgencyOperators<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		AgencyId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Each agency's role changes, by agency and sequence number (0, 1, …).
	#[pallet::storage]
	pub type RoleHistory<T: Config> =
		StorageDoubleMap<_, Twox64Concat, AgencyId, Twox64Concat, u32, RoleChangeOf<T>>;

	/// The validator accounts, sorted; the session pallet reads them at each new session.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The agency that runs each validator. `Blake2_128Concat`: accounts are user-chosen.
	#[pallet::storage]
	pub type ValidatorOwner<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AgencyId>;

	/// Whether [`Validators`] changed since the session pallet last read it.
	#[pallet::storage]
	pub type ValidatorsChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// The council seats (operator accounts of member agencies), sorted.
	#[pallet::storage]
	pub type Council<T: Config> = StorageValue<_, CouncilOf<T>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Agencies admitted at genesis, ids 0, 1, … in this order.
		pub agencies: Vec<GenesisAgency<T::AccountId>>,
		/// Initial validators and the index (in `agencies`) of the agency running each.
		pub validators: Vec<(T::AccountId, AgencyId)>,
		/// Initial council seats; each must be an operator of a genesis agency.
		pub council: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis is checked once by whoever writes the chain spec; a bad spec must
			// not produce a chain, so failing loudly here is intended.
			for a in &self.agencies {
				let id = Pallet::<T>::do_register_agency(
					a.name.as_bytes().to_vec().try_into().expect("genesis agency name too long"),
					a.region,
					a.kind,
					RoleSet::from_roles(&a.roles),
					a.admin.clone(),
				)
				.expect("invalid genesis agency");
				for op in &a.operators {
					Pallet::<T>::do_add_operator(id, op.clone()).expect("invalid genesis operator");
				}
			}
			for (v, agency) in &self.validators {
				Pallet::<T>::do_add_validator(*agency, v.clone()).expect("invalid genesis validator");
			}
			for m in &self.council {
				let agency = Operators::<T>::get(m).expect("genesis council member is no operator");
				Pallet::<T>::insert_council_member(agency, m.clone())
					.expect("invalid genesis council member");
			}
			T::CouncilMembership::initialize_members(&Council::<T>::get());
			ValidatorsChanged::<T>::put(false);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An agency was admitted.
		AgencyRegistered {
			agency: AgencyId,
			name: AgencyNameOf<T>,
			region: RegionCode,
			kind: AgencyKind,
			roles: RoleSet,
			admin: T::AccountId,
		},
		/// A role was granted to an agency.
		RoleGranted { agency: AgencyId, role: Role },
		/// A role was taken from an agency.
		RoleRevoked { agency: AgencyId, role: Role },
		/// An agency was suspended: its operators can no longer act.
		AgencySuspended { agency: AgencyId },
		/// A suspended agency was reinstated.
		AgencyReinstated { agency: AgencyId },
		/// An agency left the consortium for good.
		AgencyRetired { agency: AgencyId },
		/// An agency's admin account changed.
		AdminChanged { agency: AgencyId, old: T::AccountId, new: T::AccountId },
		/// An account now acts for an agency.
		OperatorAdded { agency: AgencyId, account: T::AccountId },
		/// An account no longer acts for an agency.
		OperatorRemoved { agency: AgencyId, account: T::AccountId },
		/// A validator joins the authority set at the next session.
		ValidatorAdded { agency: AgencyId, validator: T::AccountId },
		/// A validator leaves the authority set at the next session.
		ValidatorRemoved { agency: AgencyId, validator: T::AccountId },
		/// An agency's operator took a council seat.
		CouncilMemberAdded { agency: AgencyId, member: T::AccountId },
		/// A council seat was vacated.
		CouncilMemberRemoved { agency: AgencyId, member: T::AccountId },
		/// Governance dispatched a call as root; `result` is the call's outcome.
		Governed { result: DispatchResult },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No agency has this id.
		UnknownAgency,
		/// The name is empty.
		EmptyName,
		/// The region code is not a well-formed 6-digit GB/T 2260 code.
		MalformedRegion,
		/// The account already acts for an agency.
		AlreadyOperator,
		/// The account does not act for this agency.
		NotOperator,
		/// The agency does not hold this role.
		RoleNotHeld,
		/// The agency already holds this role.
		RoleAlreadyHeld,
		/// The agency is suspended.
		AgencySuspended,
		/// The agency is not suspended.
		NotSuspended,
		/// The agency has retired.
		AgencyRetired,
		/// The caller is neither governance nor the agency's admin.
		NotAuthorized,
		/// The admin cannot be removed as operator; appoint another admin first.
		CannotRemoveAdmin,
		/// The agency has as many operators as allowed.
		TooManyOperators,
		/// The agency still runs validators or holds council seats.
		StillHoldsSeats,
		/// The operator holds a council seat; vacate it first.
		HoldsCouncilSeat,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The last validator cannot be removed: the chain would stop.
		LastValidator,
		/// The validator set is full.
		TooManyValidators,
		/// The account already holds a council seat.
		AlreadyCouncilMember,
		/// The account holds no council seat.
		NotCouncilMember,
		/// The last council seat cannot be vacated: nobody could govern.
		LastCouncilMember,
		/// The council is full.
		TooManyCouncilMembers,
		/// No more agency ids.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admits an agency with its region, kind, roles and admin account.
		///
		/// The admin account becomes the agency's first operator.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_agency())]
		pub fn register_agency(
			origin: OriginFor<T>,
			name: AgencyNameOf<T>,
			region: u32,
			kind: AgencyKind,
			roles: BoundedVec<Role, ConstU32<16>>,
			admin: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_register_agency(name, region, kind, RoleSet::from_roles(&roles), admin)
				.map(|_| ())
		}

		/// Grants `role` to `agency`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::grant_role())]
		pub fn grant_role(origin: OriginFor<T>, agency: AgencyId, role: Role) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_change_role(agency, role, true)
		}

		/// Takes `role` from `agency`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::revoke_role())]
		pub fn revoke_role(origin: OriginFor<T>, agency: AgencyId, role: Role) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_change_role(agency, role, false)
		}

		/// Suspends `agency`: none of its operators can act in any pallet until it is
		/// reinstated.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend_agency())]
		pub fn suspend_agency(origin: OriginFor<T>, agency: AgencyId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_status(agency, AgencyStatus::Suspended)
		}

		/// Lifts the suspension of `agency`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate_agency())]
		pub fn reinstate_agency(origin: OriginFor<T>, agency: AgencyId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_status(agency, AgencyStatus::Active)
		}

		/// Retires `agency` for good. It must first give up its validators and
		/// council seats.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::retire_agency(T::MaxValidators::get(), T::MaxCouncilMembers::get()))]
		pub fn retire_agency(origin: OriginFor<T>, agency: AgencyId) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let (v, c) = Self::do_retire_agency(agency)?;
			Ok(Some(T::WeightInfo::retire_agency(v, c)).into())
		}

		/// Makes `new_admin` the admin of `agency`; the account becomes an operator of
		/// the agency if it was not one.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_admin())]
		pub fn set_admin(
			origin: OriginFor<T>,
			agency: AgencyId,
			new_admin: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_admin(agency, new_admin)
		}

		/// Lets `account` act for `agency`. Called by the agency's admin or governance.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_operator())]
		pub fn add_operator(
			origin: OriginFor<T>,
			agency: AgencyId,
			account: T::AccountId,
		) -> DispatchResult {
			Self::ensure_admin_or_governance(origin, agency)?;
			Self::do_add_operator(agency, account)
		}

		/// Stops `account` acting for `agency`. Called by the agency's admin or governance.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_operator())]
		pub fn remove_operator(
			origin: OriginFor<T>,
			agency: AgencyId,
			account: T::AccountId,
		) -> DispatchResult {
			Self::ensure_admin_or_governance(origin, agency)?;
			Self::do_remove_operator(agency, account)
		}

		/// Adds `validator`, run by `agency`, to the authority set from the next session.
		/// The validator's session keys must be set (`session.setKeys`) for it to author.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(
			origin: OriginFor<T>,
			agency: AgencyId,
			validator: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(agency, validator)
		}

		/// Removes `validator` from the authority set from the next session.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(validator)
		}

		/// Gives `member`, an operator of `agency`, a council seat.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::add_council_member(T::MaxCouncilMembers::get()))]
		pub fn add_council_member(
			origin: OriginFor<T>,
			agency: AgencyId,
			member: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_council_member(agency, member)
		}

		/// Vacates `member`'s council seat.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_council_member(T::MaxCouncilMembers::get()))]
		pub fn remove_council_member(origin: OriginFor<T>, member: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_council_member(member)
		}

		/// Dispatches `call` as root on governance's behalf — how a council motion
		/// upgrades the runtime (`system.setCode`) on a chain without a sudo key. The
		/// call's own result is reported in [`Event::Governed`].
		#[pallet::call_index(13)]
		#[pallet::weight({
			let info = call.get_dispatch_info();
			(T::WeightInfo::govern().saturating_add(info.call_weight), info.class)
		})]
		pub fn govern(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let res = call.dispatch_bypass_filter(frame_system::RawOrigin::Root.into());
			let actual = res
				.map(|post| post.actual_weight)
				.unwrap_or_else(|e| e.post_info.actual_weight)
				.map(|w| T::WeightInfo::govern().saturating_add(w));
			Self::deposit_event(Event::Governed { result: res.map(|_| ()).map_err(|e| e.error) });
			Ok(PostDispatchInfo { actual_weight: actual, pays_fee: Pays::Yes })
		}
	}
}
