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
//! next session. Only an account whose session keys are registered (`session.setKeys`,
//! checked through `Config::ValidatorKeys`) can be seated. Council seats are pushed to
//! the council collective through [`frame_support::traits::ChangeMembers`].
//!
//! ## Seats follow the agency's status
//!
//! Each agency runs at most `MaxValidatorsPerAgency` validators and holds at most
//! `MaxSeatsPerAgency` council seats. While it is **suspended**, its validators are left
//! out of the set handed to the session pallet ([`Validators`]) and its seats out of the
//! council collective ([`Council`]); both stay recorded for it ([`AgencyValidators`],
//! [`AgencyCouncilSeats`]) and come back when it is **reinstated**
//! ([`Event::ValidatorSuspended`], [`Event::CouncilSeatSuspended`],
//! [`Event::ValidatorReinstated`], [`Event::CouncilSeatReinstated`]). **Retiring** removes
//! them for good ([`Event::ValidatorRemoved`], [`Event::CouncilMemberRemoved`]).
//!
//! The chain cannot be governed into a halt: a removal, suspension or retirement that
//! would leave no validator of an active agency with session keys fails with
//! [`Error::LastValidator`], and one that would leave the council collective empty with
//! [`Error::LastCouncilMember`]. Roles play no part in either set. The session manager
//! never hands over a set in which no validator has keys (it keeps the current
//! authorities instead).
//!
//! ## Who may call what
//!
//! *Governance* is `Config::GovernanceOrigin`: a council motion passed by two thirds of
//! the seats, or root. A single council member, an agency admin or an operator is not
//! governance. Agencies are not confined to a region here: the region is a property
//! other pallets check.
//!
//! | Call | Who may | Where | Error for others |
//! |---|---|---|---|
//! | `register_agency` | governance | any region | `BadOrigin` |
//! | `grant_role`, `revoke_role` | governance | any agency not retired | `BadOrigin` |
//! | `suspend_agency`, `reinstate_agency`, `retire_agency` | governance | any agency | `BadOrigin` |
//! | `set_admin` | governance | any agency not retired | `BadOrigin` |
//! | `add_operator` | governance, or the admin of that active agency | that agency only | `BadOrigin` (unsigned), `NotAuthorized` (not its admin: a plain operator, another agency's admin, a stranger), `AgencySuspended` / `AgencyRetired` (its admin while it may not act) |
//! | `remove_operator` | governance, or the admin of that active agency | operators of that agency only (`NotOperator` for another's) | as `add_operator`; `CannotRemoveAdmin`, `HoldsCouncilSeat` for anyone |
//! | `add_validator` | governance | an active agency, account with session keys | `BadOrigin`; `NoSessionKeys`, `TooManyValidators`, `ValidatorSetFull` |
//! | `remove_validator` | governance | any seated validator | `BadOrigin`; `LastValidator` |
//! | `add_council_member` | governance | an operator of that active agency | `BadOrigin`; `NotOperator`, `TooManySeats`, `TooManyCouncilMembers` |
//! | `remove_council_member` | governance | any seat | `BadOrigin`; `LastCouncilMember` |
//! | `govern` | governance | — | `BadOrigin` |
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

/// What the benchmarks need from outside this pallet.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Registers session keys for `who`, so that `Config::ValidatorKeys` contains it.
	fn register_session_keys(who: &AccountId);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::{boxed::Box, vec::Vec};
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{ChangeMembers, Contains, InitializeMembers, UnfilteredDispatchable},
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

		/// Most validators one agency may run (counted while it is suspended too).
		#[pallet::constant]
		type MaxValidatorsPerAgency: Get<u32>;

		/// Most council seats one agency may hold (counted while it is suspended too).
		#[pallet::constant]
		type MaxSeatsPerAgency: Get<u32>;

		/// Most entries a runtime-API query returns in one page.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Accounts that have registered session keys (`session.setKeys`); only these
		/// may be seated as validators. In the runtime: `pallet_session::NextKeys`.
		type ValidatorKeys: Contains<Self::AccountId>;

		/// Sets up, for the benchmarks, what this pallet needs from outside it.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;

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

	/// The validators of *active* agencies, sorted: the set handed to the session pallet.
	/// A suspended agency's validators leave it and come back on reinstatement.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorsOf<T>, ValueQuery>;

	/// The agency that runs each seated validator, whatever the agency's status; counted,
	/// so that `MaxValidators` bounds all seated validators, suspended ones included.
	/// `Blake2_128Concat`: accounts are user-chosen.
	#[pallet::storage]
	pub type ValidatorOwner<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, AgencyId>;

	/// The validators each agency runs (no entry for none). Ids are sequential:
	/// `Twox64Concat`.
	#[pallet::storage]
	pub type AgencyValidators<T: Config> =
		StorageMap<_, Twox64Concat, AgencyId, AgencyValidatorsOf<T>, OptionQuery>;

	/// Whether [`Validators`] changed since the session pallet last took it.
	#[pallet::storage]
	pub type ValidatorsChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// The council seats of *active* agencies, sorted: the membership of the council
	/// collective. A suspended agency's seats leave it and come back on reinstatement.
	#[pallet::storage]
	pub type Council<T: Config> = StorageValue<_, CouncilOf<T>, ValueQuery>;

	/// The agency each council seat holder sits for, whatever the agency's status;
	/// counted, so that `MaxCouncilMembers` bounds all seats, suspended ones included.
	/// `Blake2_128Concat`: accounts are user-chosen.
	#[pallet::storage]
	pub type CouncilSeatOwner<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, T::AccountId, AgencyId>;

	/// The council seats each agency holds (no entry for none). `Twox64Concat`: ids
	/// are sequential.
	#[pallet::storage]
	pub type AgencyCouncilSeats<T: Config> =
		StorageMap<_, Twox64Concat, AgencyId, AgencySeatsOf<T>, OptionQuery>;

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
			// Session keys are set by the session pallet's genesis, after this one: they
			// are not checked here.
			for (v, agency) in &self.validators {
				Pallet::<T>::insert_validator(*agency, v.clone()).expect("invalid genesis validator");
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
		/// The agency was suspended: its validator leaves the authority set at the next
		/// session (it stays seated and comes back on reinstatement).
		ValidatorSuspended { agency: AgencyId, validator: T::AccountId },
		/// The agency was reinstated: its validator rejoins the authority set at the next
		/// session.
		ValidatorReinstated { agency: AgencyId, validator: T::AccountId },
		/// The agency was suspended: its member left the council collective (the seat is
		/// kept and comes back on reinstatement).
		CouncilSeatSuspended { agency: AgencyId, member: T::AccountId },
		/// The agency was reinstated: its member rejoined the council collective.
		CouncilSeatReinstated { agency: AgencyId, member: T::AccountId },
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
		/// The operator holds a council seat; vacate it first.
		HoldsCouncilSeat,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The change would leave no validator of an active agency with session keys: the
		/// chain would stop.
		LastValidator,
		/// The agency runs as many validators as allowed (`MaxValidatorsPerAgency`).
		TooManyValidators,
		/// The validator set (suspended agencies' validators included) is full.
		ValidatorSetFull,
		/// The account has no session keys registered (`session.setKeys` first).
		NoSessionKeys,
		/// The account already holds a council seat.
		AlreadyCouncilMember,
		/// The account holds no council seat.
		NotCouncilMember,
		/// The change would leave the council collective without members: nobody could
		/// govern.
		LastCouncilMember,
		/// The council (suspended agencies' seats included) is full.
		TooManyCouncilMembers,
		/// The agency holds as many council seats as allowed (`MaxSeatsPerAgency`).
		TooManySeats,
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
		/// reinstated, its validators leave the authority set at the next session and its
		/// council seats leave the council collective (both stay seated and come back on
		/// reinstatement). Refused if that would leave no keyed validator or no council
		/// member.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend_agency(T::MaxValidators::get(), T::MaxCouncilMembers::get()))]
		pub fn suspend_agency(origin: OriginFor<T>, agency: AgencyId) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let (v, c) = Self::do_suspend_agency(agency)?;
			Ok(Some(T::WeightInfo::suspend_agency(v, c)).into())
		}

		/// Lifts the suspension of `agency`; its validators and council seats come back.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate_agency(T::MaxValidators::get(), T::MaxCouncilMembers::get()))]
		pub fn reinstate_agency(origin: OriginFor<T>, agency: AgencyId) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let (v, c) = Self::do_reinstate_agency(agency)?;
			Ok(Some(T::WeightInfo::reinstate_agency(v, c)).into())
		}

		/// Retires `agency` for good: its validators and council seats are removed.
		/// Refused if that would leave no keyed validator or no council member.
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
		/// The validator's session keys must already be registered (`session.setKeys`).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get().saturating_sub(1)))]
		pub fn add_validator(
			origin: OriginFor<T>,
			agency: AgencyId,
			validator: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let v = Self::do_add_validator(agency, validator)?;
			Ok(Some(T::WeightInfo::add_validator(v)).into())
		}

		/// Removes `validator` from the authority set from the next session. Refused if no
		/// validator of an active agency with session keys would remain.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(
			origin: OriginFor<T>,
			validator: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let v = Self::do_remove_validator(validator)?;
			Ok(Some(T::WeightInfo::remove_validator(v)).into())
		}

		/// Gives `member`, an operator of `agency`, a council seat.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::add_council_member(T::MaxCouncilMembers::get().saturating_sub(1)))]
		pub fn add_council_member(
			origin: OriginFor<T>,
			agency: AgencyId,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let c = Self::do_add_council_member(agency, member)?;
			Ok(Some(T::WeightInfo::add_council_member(c)).into())
		}

		/// Vacates `member`'s council seat (also one of a suspended agency). Refused for
		/// the last member of the council collective.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::remove_council_member(T::MaxCouncilMembers::get()))]
		pub fn remove_council_member(
			origin: OriginFor<T>,
			member: T::AccountId,
		) -> DispatchResultWithPostInfo {
			T::GovernanceOrigin::ensure_origin(origin)?;
			let c = Self::do_remove_council_member(member)?;
			Ok(Some(T::WeightInfo::remove_council_member(c)).into())
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
