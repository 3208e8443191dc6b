//! Applications: submission, parallel review, resubmission, withdrawal, and the
//! approval that establishes or amends an enterprise.

use crate::*;
use alloc::collections::btree_set::BTreeSet;
use frame_support::pallet_prelude::*;
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

	/// Submits an application; returns its id.
	///
	/// # Errors
	/// [`Error::BusinessLicenseNotRequested`], [`Error::DuplicateService`],
	/// [`Error::NameTaken`]; for an amendment those of `live_enterprise`,
	/// [`Error::AmendmentOpen`], [`Error::MovePending`], [`Error::MoveRequired`];
	/// [`Error::Overflow`].
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
		match &kind {
			ApplicationKind::Establish => Self::ensure_name_free(profile.region, &profile.name, None)?,
			ApplicationKind::Amend(uscc) => {
				let e = Self::live_enterprise(uscc)?;
				ensure!(!OpenAmendment::<T>::contains_key(uscc), Error::<T>::AmendmentOpen);
				ensure!(!PendingMoves::<T>::contains_key(uscc), Error::<T>::MovePending);
				let home = T::Agencies::region_of(e.authority).ok_or(Error::<T>::MoveRequired)?;
				ensure!(home.covers(&profile.region), Error::<T>::MoveRequired);
				Self::ensure_name_free(profile.region, &profile.name, Some(uscc))?;
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

		NextApplicationId::<T>::put(next);
		if let ApplicationKind::Amend(uscc) = &kind {
			OpenAmendment::<T>::insert(uscc, id);
		}
		OpenApplications::<T>::insert(id, ());
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
	/// amends the enterprise. Returns the scope length when it did (for the weight).
	///
	/// # Errors
	/// [`Error::UnknownApplication`], [`Error::NotUnderReview`],
	/// [`Error::ServiceNotRequested`], [`Error::AlreadyReviewed`],
	/// [`Error::RoleNotHeld`], [`Error::OutsideRegion`]; approving the business
	/// licence: [`Error::NoLicenseType`], [`Error::NotAuthority`] (amendments: only the
	/// enterprise's authority); on the last approval, those of the establishment or
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
	) -> Result<Option<u32>, DispatchError> {
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
		let block = frame_system::Pallet::<T>::block_number();

		if !approve {
			app.reviews[slot].1 = Review::Rejected { agency, by: operator, reason, document, block };
			app.status = ApplicationStatus::Rejected;
			OpenApplications::<T>::remove(id);
			Applications::<T>::insert(id, app);
			Self::deposit_event(Event::ReviewRejected { id, service, agency, reason });
			return Ok(None);
		}

		if service == Service::BusinessLicense {
			ensure!(LicenseTypeOf::<T>::contains_key(agency), Error::<T>::NoLicenseType);
			if let ApplicationKind::Amend(uscc) = &app.kind {
				let e = Self::live_enterprise(uscc)?;
				ensure!(e.authority == agency, Error::<T>::NotAuthority);
			}
		}
		app.reviews[slot].1 = Review::Approved { agency, by: operator, document, block };
		let complete = app.reviews.iter().all(|(_, r)| matches!(r, Review::Approved { .. }));
		if !complete {
			Applications::<T>::insert(id, app);
			Self::deposit_event(Event::ReviewApproved { id, service, agency });
			return Ok(None);
		}

		let issuer = Self::business_license_issuer(&app)?;
		let scope = app.profile.scope.len() as u32;
		match app.kind {
			ApplicationKind::Establish => Self::establish(id, &mut app, issuer, block)?,
			ApplicationKind::Amend(uscc) => Self::amend(id, &mut app, uscc, issuer, block)?,
		}
		Self::deposit_event(Event::ReviewApproved { id, service, agency });
		Ok(Some(scope))
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
			status: EnterpriseStatus::Active,
			established_block: block,
			established_time: now,
			license,
			version: 0,
			changes: 0,
		};
		Self::push_history(&uscc, &mut e, Change::Established { application: id, license }, issuer.agency, issuer.by)?;
		Names::<T>::insert(e.profile.region, &e.profile.name, uscc);
		RegionEnterprises::<T>::insert(e.profile.region, uscc, ());
		Versions::<T>::insert(uscc, 0, &e.profile);
		Enterprises::<T>::insert(uscc, e);
		app.status = ApplicationStatus::Approved(uscc);
		app.decided_at = Some(block);
		OpenApplications::<T>::remove(id);
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
		Self::push_history(&uscc, &mut e, Change::Amended { application: id, version }, issuer.agency, issuer.by)?;
		Enterprises::<T>::insert(uscc, e);
		OpenAmendment::<T>::remove(uscc);
		app.status = ApplicationStatus::Approved(uscc);
		app.decided_at = Some(block);
		OpenApplications::<T>::remove(id);
		Applications::<T>::insert(id, &*app);
		Self::deposit_event(Event::EnterpriseAmended { uscc, application: id, version });
		Ok(())
	}

	/// The submitter resubmits a rejected application with new materials.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], [`Error::NotSubmitter`], [`Error::NotRejected`],
	/// [`Error::SameMaterials`], [`Error::Overflow`].
	pub(crate) fn do_resubmit(who: T::AccountId, id: ApplicationId, materials: DocumentHash) -> DispatchResult {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.submitter == who, Error::<T>::NotSubmitter);
		ensure!(app.status == ApplicationStatus::Rejected, Error::<T>::NotRejected);
		ensure!(app.materials != materials, Error::<T>::SameMaterials);
		app.rounds = app.rounds.checked_add(1).ok_or(Error::<T>::Overflow)?;
		app.materials = materials;
		app.status = ApplicationStatus::UnderReview;
		app.round_started_at = frame_system::Pallet::<T>::block_number();
		for (_, r) in app.reviews.iter_mut() {
			*r = Review::Pending;
		}
		let round = app.rounds;
		OpenApplications::<T>::insert(id, ());
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationResubmitted { id, materials, round });
		Ok(())
	}

	/// The submitter withdraws an application not yet approved.
	///
	/// # Errors
	/// [`Error::UnknownApplication`], [`Error::NotSubmitter`], [`Error::AlreadyDecided`].
	pub(crate) fn do_withdraw(who: T::AccountId, id: ApplicationId) -> DispatchResult {
		let mut app = Applications::<T>::get(id).ok_or(Error::<T>::UnknownApplication)?;
		ensure!(app.submitter == who, Error::<T>::NotSubmitter);
		ensure!(
			matches!(app.status, ApplicationStatus::UnderReview | ApplicationStatus::Rejected),
			Error::<T>::AlreadyDecided
		);
		app.status = ApplicationStatus::Withdrawn;
		app.decided_at = Some(frame_system::Pallet::<T>::block_number());
		if let ApplicationKind::Amend(uscc) = &app.kind {
			OpenAmendment::<T>::remove(uscc);
		}
		OpenApplications::<T>::remove(id);
		Applications::<T>::insert(id, app);
		Self::deposit_event(Event::ApplicationWithdrawn { id });
		Ok(())
	}
}
