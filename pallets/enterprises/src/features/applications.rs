//! Applications: submission, parallel review, resubmission, withdrawal, and the
//! approval that establishes or amends an enterprise.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use frame_system::pallet_prelude::{BlockNumberFor, OriginFor};
use govchain_primitives::{AgencyRegistry, HolderRef, LicenseIssuer};

/// Reason code recorded on a business licence replaced after an amendment.
pub const REASON_REISSUED_ON_AMENDMENT: ReasonCode = 9001;
/// Reason code recorded on a business licence replaced after a cross-region move.
pub const REASON_REISSUED_ON_MOVE: ReasonCode = 9002;

/// The department that approved the business licence: who issues it, and the file.
struct Issuer<AccountId> {
	agency: AgencyId,
	by: AccountId,
	document: Option<DocumentHash>,
	license_type: LicenseTypeId,
}

impl<AccountId> Issuer<AccountId> {
	/// Issues the business licence to `holder`: the approving regulator's file, or
	/// the application's materials if it named none; valid from `now`, indefinitely.
	fn issue<T: Config<AccountId = AccountId>>(
		&self,
		holder: HolderRef<AccountId>,
		materials: DocumentHash,
		now: Seconds,
	) -> Result<LicenseId, DispatchError> {
		T::Licenses::issue(
			self.agency,
			&self.by,
			self.license_type,
			holder,
			self.document.unwrap_or(materials),
			now,
			None,
		)
	}
}

impl<T: Config> Pallet<T> {
	/// Who submits: an agency operator for the applicant, or the applicant's account.
	///
	/// # Errors
	/// `BadOrigin` if unsigned.
	pub(crate) fn submitter(
		origin: OriginFor<T>,
	) -> Result<(T::AccountId, Option<AgencyId>), DispatchError> {
		if let Ok((agency, operator)) = T::AgencyOrigin::try_origin(origin.clone()) {
			return Ok((operator, Some(agency)));
		}
		Ok((frame_system::ensure_signed(origin)?, None))
	}

	/// The agency the signer acts for now, through `AgencyOrigin`.
	///
	/// # Errors
	/// `BadOrigin` if unsigned; otherwise, if the signer cannot act for an agency,
	/// the agency registry's reason (not an operator, agency suspended or retired),
	/// so that each wrong party gets its own error.
	pub(crate) fn ensure_agency(origin: OriginFor<T>) -> Result<(AgencyId, T::AccountId), DispatchError> {
		match T::AgencyOrigin::try_origin(origin) {
			Ok(found) => Ok(found),
			Err(origin) => {
				let who = frame_system::ensure_signed(origin)?;
				Err(T::Agencies::acting_agency(&who, None).err().unwrap_or(DispatchError::BadOrigin))
			},
		}
	}

	/// Who acts for enterprise `e`: its designated account (checked first), or an
	/// operator of its registration authority.
	///
	/// # Errors
	/// `BadOrigin` if unsigned; for an agency operator those of `ensure_authority`;
	/// [`Error::NotAuthorized`] for any other account (an operator of a suspended
	/// agency counts as a plain account here).
	pub(crate) fn acting_for(origin: OriginFor<T>, e: &EnterpriseOf<T>) -> Result<ActorOf<T>, DispatchError> {
		let who = frame_system::ensure_signed(origin.clone())?;
		if e.account.as_ref() == Some(&who) {
			return Ok(Actor::Account(who));
		}
		match T::AgencyOrigin::try_origin(origin) {
			Ok((agency, by)) => {
				Self::ensure_authority(agency, e)?;
				Ok(Actor::Agency { agency, by })
			},
			Err(_) => Err(Error::<T>::NotAuthorized.into()),
		}
	}

	/// Checks that `origin` is whoever filed `app`: the same plain account, or — for
	/// an application filed through an agency — an operator of that agency acting now.
	/// Returns the agency acting, if any.
	///
	/// # Errors
	/// `BadOrigin` if unsigned; [`Error::NotSubmitter`]; for the operator who filed
	/// it but whose agency cannot act now, the agency registry's reason.
	fn ensure_filer(origin: OriginFor<T>, app: &ApplicationOf<T>) -> Result<Option<AgencyId>, DispatchError> {
		let Some(filing) = app.via_agency else {
			let who = frame_system::ensure_signed(origin)?;
			ensure!(who == app.submitter, Error::<T>::NotSubmitter);
			return Ok(None);
		};
		match T::AgencyOrigin::try_origin(origin) {
			Ok((agency, _)) => {
				ensure!(agency == filing, Error::<T>::NotSubmitter);
				Ok(Some(agency))
			},
			Err(origin) => {
				let who = frame_system::ensure_signed(origin)?;
				ensure!(who == app.submitter, Error::<T>::NotSubmitter);
				Err(T::Agencies::acting_agency(&who, None).err().unwrap_or(Error::<T>::NotSubmitter.into()))
			},
		}
	}

	/// Lists the pending reviews of `services` of application `id` (in `region`),
	/// one entry each under the region's [`review_path`].
	pub(crate) fn open_reviews(id: ApplicationId, region: RegionCode, services: impl Iterator<Item = Service>) {
		let (province, prefecture, code) = review_path(region);
		for service in services {
			OpenReviews::<T>::insert((service, province, prefecture, code, id), ());
		}
	}

	/// Removes the listed pending reviews of `services` of application `id`.
	pub(crate) fn close_reviews(id: ApplicationId, region: RegionCode, services: impl Iterator<Item = Service>) {
		let (province, prefecture, code) = review_path(region);
		for service in services {
			OpenReviews::<T>::remove((service, province, prefecture, code, id));
		}
	}

	/// Returns the deposit held for application `id` (decided now) to its applicant.
	///
	/// # Errors
	/// A token error if the hold cannot be released (it always can: nothing else
	/// touches it).
	fn release_deposit(id: ApplicationId) -> DispatchResult {
		if let Some((who, amount)) = ApplicationDeposits::<T>::take(id) {
			T::Currency::release(&HoldReason::ApplicationDeposit.into(), &who, amount, Precision::BestEffort)?;
		}
		Ok(())
	}

	/// Removes every listing of `app` (id `id`) as under review: its pending reviews,
	/// its open-application mark and, for an amendment, the enterprise's open mark.
	fn close_open(id: ApplicationId, app: &ApplicationOf<T>) {
		if app.status == ApplicationStatus::UnderReview {
			let pending = app.reviews.iter().filter(|(_, r)| matches!(r, Review::Pending)).map(|(s, _)| *s);
			Self::close_reviews(id, app.profile.region, pending);
		}
		OpenApplications::<T>::remove(id);
		if let ApplicationKind::Amend(uscc) = &app.kind {
			if OpenAmendment::<T>::get(uscc) == Some(id) {
				OpenAmendment::<T>::remove(uscc);
			}
		}
	}

	/// Checks that an amendment of `uscc` to `profile` may be under review now.
	///
	/// # Errors
	/// Those of `live_enterprise`, [`Error::AmendmentOpen`], [`Error::MovePending`],
	/// [`Error::MoveRequired`], [`Error::NameTaken`].
	fn check_amendment(uscc: &Uscc, profile: &ProfileOf<T>) -> Result<EnterpriseOf<T>, DispatchError> {
		let e = Self::live_enterprise(uscc)?;
		ensure!(!OpenAmendment::<T>::contains_key(uscc), Error::<T>::AmendmentOpen);
		ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
		let home = T::Agencies::region_of(e.authority).ok_or(Error::<T>::MoveRequired)?;
		ensure!(home.covers(&profile.region), Error::<T>::MoveRequired);
		Self::ensure_name_free(profile.region, &profile.name, Some(uscc))?;
		Ok(e)
	}

	/// A profile from call arguments, checked.
	///
	/// # Errors
	/// [`Error::EmptyName`], [`Error::MalformedRegion`], [`Error::EmptyScope`],
	/// [`Error::MalformedIndustryCode`].
	pub(crate) fn checked_profile(
		name: NameOf<T>,
		entity_type: EntityType,
		region: u32,
		capital: u128,
		scope: ScopeOf<T>,
		legal_rep: Pseudonym,
	) -> Result<ProfileOf<T>, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let region = RegionCode::new(region).ok_or(Error::<T>::MalformedRegion)?;
		ensure!(!scope.is_empty(), Error::<T>::EmptyScope);
		ensure!(scope.iter().all(IndustryCode::is_valid), Error::<T>::MalformedIndustryCode);
		Ok(Profile { name, entity_type, region, capital, scope, legal_rep })
	}

	/// Checks that `name` is free in `region`, or already held by `owner`.
	///
	/// # Errors
	/// [`Error::NameTaken`].
	pub(crate) fn ensure_name_free(
		region: RegionCode,
		name: &NameOf<T>,
		owner: Option<&Uscc>,
	) -> DispatchResult {
		match Names::<T>::get(region, name) {
			Some(holder) if Some(&holder) != owner => Err(Error::<T>::NameTaken.into()),
			_ => Ok(()),
		}
	}

	/// Submits an application; returns its id. For an amendment the caller has
	/// checked that the submitter acts for the enterprise (`acting_for`). An applicant
	/// filing for itself has [`Config::ApplicationDeposit`] held until the decision.
	///
	/// # Errors
	/// [`Error::BusinessLicenseNotRequested`], [`Error::DuplicateService`],
	/// [`Error::NameTaken`]; [`Error::OutsideRegion`] if filed through an agency whose
	/// region does not cover the application's; for an amendment those of
	/// `check_amendment`; [`Error::Overflow`]; a token error if the applicant cannot
	/// hold the deposit.
	pub(crate) fn do_apply(
		submitter: T::AccountId,
		via_agency: Option<AgencyId>,
		kind: ApplicationKind,
		profile: ProfileOf<T>,
		materials: DocumentHash,
		services: ServicesOf,
	) -> Result<ApplicationId, DispatchError> {
		ensure!(services.contains(&Service::BusinessLicense), Error::<T>::BusinessLicenseNotRequested);
		let distinct: BTreeSet<_> = services.iter().collect();
		ensure!(distinct.len() == services.len(), Error::<T>::DuplicateService);
		if let Some(agency) = via_agency {
			let desk = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
			ensure!(desk.covers(&profile.region), Error::<T>::OutsideRegion);
		}
		match &kind {
			ApplicationKind::Establish => Self::ensure_name_free(profile.region, &profile.name, None)?,
			ApplicationKind::Amend(uscc) => {
				Self::check_amendment(uscc, &profile)?;
			},
		}
		let id = NextApplicationId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let reviews: ReviewsOf<T> = services
			.iter()
			.map(|s| (*s, Review::Pending))
			.collect::<alloc::vec::Vec<_>>()
			.try_into()
			.map_err(|_| Error::<T>::DuplicateService)?;
		let now = frame_system::Pallet::<T>::block_number();
		let region = profile.region;

		if via_agency.is_none() {
			let deposit = T::ApplicationDeposit::get();
			T::Currency::hold(&HoldReason::ApplicationDeposit.into(), &submitter, deposit)?;
			ApplicationDeposits::<T>::insert(id, (&submitter, deposit));
		}
		NextApplicationId::<T>::put(next);
		if let ApplicationKind::Amend(uscc) = &kind {
			OpenAmendment::<T>::insert(uscc, id);
		}
		OpenApplications::<T>::insert(id, ());
		Self::open_reviews(id, region, services.iter().copied());
		Applications::<T>::insert(
			id,
			Application {
				kind,
				submitter: submitter.clone(),
				via_agency,
				profile,
				materials,
				reviews,
				status: ApplicationStatus::UnderReview,
				submitted_at: now,
				round_started_at: now,
				rounds: 1,
				decided_at: None,
			},
		);
		Self::deposit_event(Event::ApplicationSubmitted { id, kind, submitter, via_agency, region, services });
		Ok(id)
	}

	/// Records one department's review; if it is the last approval, establishes or
	/// amends the enterprise. Returns, when it did (for the weight), the scope length
	/// and whether it amended an enterprise.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], [`Error::NotUnderReview`],
	/// [`Error::ServiceNotRequested`], [`Error::AlreadyReviewed`],
	/// [`Error::RoleNotHeld`], [`Error::OutsideRegion`]; the business licence of an
	/// amendment: those of `live_enterprise`, [`Error::NotAuthority`] (only the
	/// enterprise's authority reviews it); approving the business licence:
	/// [`Error::NoLicenseType`]; on the last approval, those of the establishment or
	/// amendment.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_review(
		agency: AgencyId,
		operator: T::AccountId,
		id: ApplicationId,
		service: Service,
		approve: bool,
		reason: ReasonCode,
		document: Option<DocumentHash>,
	) -> Result<Option<(u32, bool)>, DispatchError> {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.status == ApplicationStatus::UnderReview, Error::<T>::NotUnderReview);
		let slot = app
			.reviews
			.iter()
			.position(|(s, _)| *s == service)
			.ok_or(Error::<T>::ServiceNotRequested)?;
		ensure!(matches!(app.reviews[slot].1, Review::Pending), Error::<T>::AlreadyReviewed);
		ensure!(T::Agencies::has_role(agency, service.role()), Error::<T>::RoleNotHeld);
		let home = T::Agencies::region_of(agency).ok_or(Error::<T>::OutsideRegion)?;
		ensure!(home.covers(&app.profile.region), Error::<T>::OutsideRegion);
		if let (Service::BusinessLicense, ApplicationKind::Amend(uscc)) = (service, &app.kind) {
			let e = Self::live_enterprise(uscc)?;
			ensure!(e.authority == agency, Error::<T>::NotAuthority);
		}
		let block = frame_system::Pallet::<T>::block_number();

		if !approve {
			Self::close_open(id, &app);
			app.reviews[slot].1 = Review::Rejected { agency, by: operator, reason, document, block };
			app.status = ApplicationStatus::Rejected;
			Applications::<T>::insert(id, app);
			Self::deposit_event(Event::ReviewRejected { id, service, agency, reason });
			return Ok(None);
		}

		if service == Service::BusinessLicense {
			ensure!(LicenseTypeOf::<T>::contains_key(agency), Error::<T>::NoLicenseType);
		}
		Self::close_reviews(id, app.profile.region, core::iter::once(service));
		app.reviews[slot].1 = Review::Approved { agency, by: operator, document, block };
		let complete = app.reviews.iter().all(|(_, r)| matches!(r, Review::Approved { .. }));
		if !complete {
			Applications::<T>::insert(id, app);
			Self::deposit_event(Event::ReviewApproved { id, service, agency });
			return Ok(None);
		}

		let issuer = Self::business_license_issuer(&app)?;
		let scope = app.profile.scope.len() as u32;
		let amended = match app.kind {
			ApplicationKind::Establish => {
				Self::establish(id, &mut app, issuer, block)?;
				false
			},
			ApplicationKind::Amend(uscc) => {
				Self::amend(id, &mut app, uscc, issuer, block)?;
				true
			},
		};
		Self::deposit_event(Event::ReviewApproved { id, service, agency });
		Ok(Some((scope, amended)))
	}

	/// The approved business-licence review of `app`.
	fn business_license_issuer(app: &ApplicationOf<T>) -> Result<Issuer<T::AccountId>, DispatchError> {
		app.reviews
			.iter()
			.find_map(|(s, r)| match (s, r) {
				(Service::BusinessLicense, Review::Approved { agency, by, document, .. }) => {
					LicenseTypeOf::<T>::get(agency).map(|license_type| Issuer {
						agency: *agency,
						by: by.clone(),
						document: *document,
						license_type,
					})
				},
				_ => None,
			})
			.ok_or(Error::<T>::NoLicenseType.into())
	}

	/// Assigns the USCC, issues the business licence and writes the enterprise.
	///
	/// # Errors
	/// [`Error::NameTaken`] (taken while under review), [`Error::Overflow`], and the
	/// licences pallet's errors (checked before anything is written).
	fn establish(
		id: ApplicationId,
		app: &mut ApplicationOf<T>,
		issuer: Issuer<T::AccountId>,
		block: BlockNumberFor<T>,
	) -> DispatchResult {
		Self::ensure_name_free(app.profile.region, &app.profile.name, None)?;
		let (uscc, next_serial) = Self::next_uscc(&app.profile)?;
		let holder = HolderRef::Enterprise(uscc);
		T::Licenses::check_issue(issuer.agency, issuer.license_type, &holder)?;
		let now = Self::now();

		NextSerial::<T>::put(next_serial);
		let license = issuer.issue::<T>(holder, app.materials, now)?;
		let mut e = Enterprise {
			profile: app.profile.clone(),
			authority: issuer.agency,
			account: app.via_agency.is_none().then(|| app.submitter.clone()),
			status: EnterpriseStatus::Active,
			established_block: block,
			established_time: now,
			license,
			version: 0,
			changes: 0,
		};
		let actor = Actor::Agency { agency: issuer.agency, by: issuer.by };
		Self::push_history(&uscc, &mut e, Change::Established { application: id, license }, actor)?;
		Names::<T>::insert(e.profile.region, &e.profile.name, uscc);
		RegionEnterprises::<T>::insert(e.profile.region, uscc, ());
		Versions::<T>::insert(uscc, 0, &e.profile);
		Enterprises::<T>::insert(uscc, e);
		app.status = ApplicationStatus::Approved(uscc);
		app.decided_at = Some(block);
		OpenApplications::<T>::remove(id);
		Self::release_deposit(id)?;
		Applications::<T>::insert(id, &*app);
		Self::deposit_event(Event::EnterpriseEstablished {
			uscc,
			application: id,
			authority: issuer.agency,
			license,
			submitted_at: app.submitted_at,
		});
		Ok(())
	}

	/// Applies an approved amendment: new profile version, business licence reissued.
	///
	/// # Errors
	/// Those of `live_enterprise`, [`Error::NameTaken`], [`Error::Overflow`], and the
	/// licences pallet's errors.
	fn amend(
		id: ApplicationId,
		app: &mut ApplicationOf<T>,
		uscc: Uscc,
		issuer: Issuer<T::AccountId>,
		block: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut e = Self::live_enterprise(&uscc)?;
		Self::ensure_name_free(app.profile.region, &app.profile.name, Some(&uscc))?;
		let holder = HolderRef::Enterprise(uscc);
		T::Licenses::check_issue(issuer.agency, issuer.license_type, &holder)?;
		let version = e.version.checked_add(1).ok_or(Error::<T>::Overflow)?;

		let license = issuer.issue::<T>(holder, app.materials, Self::now())?;
		T::Licenses::cancel(issuer.agency, &issuer.by, e.license, REASON_REISSUED_ON_AMENDMENT)?;
		Names::<T>::remove(e.profile.region, &e.profile.name);
		RegionEnterprises::<T>::remove(e.profile.region, uscc);
		Names::<T>::insert(app.profile.region, &app.profile.name, uscc);
		RegionEnterprises::<T>::insert(app.profile.region, uscc, ());
		e.profile = app.profile.clone();
		e.version = version;
		e.license = license;
		Versions::<T>::insert(uscc, version, &e.profile);
		let actor = Actor::Agency { agency: issuer.agency, by: issuer.by };
		Self::push_history(&uscc, &mut e, Change::Amended { application: id, version }, actor)?;
		Enterprises::<T>::insert(uscc, e);
		OpenAmendment::<T>::remove(uscc);
		app.status = ApplicationStatus::Approved(uscc);
		app.decided_at = Some(block);
		OpenApplications::<T>::remove(id);
		Self::release_deposit(id)?;
		Applications::<T>::insert(id, &*app);
		Self::deposit_event(Event::EnterpriseAmended { uscc, application: id, version });
		Ok(())
	}

	/// Whoever filed a rejected application resubmits it with new materials. An
	/// amendment is checked again as when filed: its filer must still act for the
	/// enterprise, and no other amendment or move may have opened meanwhile.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], those of `ensure_filer`, [`Error::NotRejected`],
	/// [`Error::SameMaterials`]; for an amendment [`Error::NotAuthorized`] (the filing
	/// account no longer acts for the enterprise), those of `ensure_authority` (the
	/// filing agency is no longer its authority) and of `check_amendment`;
	/// [`Error::Overflow`].
	pub(crate) fn do_resubmit(origin: OriginFor<T>, id: ApplicationId, materials: DocumentHash) -> DispatchResult {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		let via = Self::ensure_filer(origin, &app)?;
		ensure!(app.status == ApplicationStatus::Rejected, Error::<T>::NotRejected);
		ensure!(app.materials != materials, Error::<T>::SameMaterials);
		if let ApplicationKind::Amend(uscc) = &app.kind {
			let e = Self::check_amendment(uscc, &app.profile)?;
			match via {
				Some(agency) => Self::ensure_authority(agency, &e)?,
				None => ensure!(e.account.as_ref() == Some(&app.submitter), Error::<T>::NotAuthorized),
			}
		}
		app.rounds = app.rounds.checked_add(1).ok_or(Error::<T>::Overflow)?;
		app.materials = materials;
		app.status = ApplicationStatus::UnderReview;
		app.round_started_at = frame_system::Pallet::<T>::block_number();
		for (_, r) in app.reviews.iter_mut() {
			*r = Review::Pending;
		}
		let round = app.rounds;
		OpenApplications::<T>::insert(id, ());
		Self::open_reviews(id, app.profile.region, app.reviews.iter().map(|(s, _)| *s));
		if let ApplicationKind::Amend(uscc) = &app.kind {
			OpenAmendment::<T>::insert(uscc, id);
		}
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationResubmitted { id, materials, round });
		Ok(())
	}

	/// Whoever filed an application not yet approved withdraws it.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], those of `ensure_filer`, [`Error::AlreadyDecided`].
	pub(crate) fn do_withdraw(origin: OriginFor<T>, id: ApplicationId) -> DispatchResult {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		Self::ensure_filer(origin, &app)?;
		ensure!(
			matches!(app.status, ApplicationStatus::UnderReview | ApplicationStatus::Rejected),
			Error::<T>::AlreadyDecided
		);
		Self::close_open(id, &app);
		app.status = ApplicationStatus::Withdrawn;
		app.decided_at = Some(frame_system::Pallet::<T>::block_number());
		Self::release_deposit(id)?;
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationWithdrawn { id });
		Ok(())
	}

	/// Governance closes an application under review or rejected.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], [`Error::AlreadyDecided`].
	pub(crate) fn do_force_close_application(id: ApplicationId, reason: ReasonCode) -> DispatchResult {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(
			matches!(app.status, ApplicationStatus::UnderReview | ApplicationStatus::Rejected),
			Error::<T>::AlreadyDecided
		);
		Self::close_open(id, &app);
		app.status = ApplicationStatus::Closed(reason);
		app.decided_at = Some(frame_system::Pallet::<T>::block_number());
		Self::release_deposit(id)?;
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationClosed { id, reason });
		Ok(())
	}
}
