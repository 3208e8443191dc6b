//! Runtime APIs: what the node calls to build and check blocks, and what front-ends
//! call through `api.call.*` in polkadot.js (metadata v15+ describes them all).

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use govchain_primitives::{AgencyId, DocumentHash, HolderRef, LicenseId, LicenseTypeId, Pseudonym, RegionCode, Role, Seconds, Uscc};

use crate::{
	AccountId, Aura, Balance, Block, BlockNumber, Consortium, Copyright, Executive, Enterprises, Grandpa, Hash, InherentDataExt, Licenses, Nonce, ProvidentFund, Runtime,
	RuntimeCall, RuntimeGenesisConfig, SessionKeys, System, TransactionPayment, VERSION,
};

/// Largest page a paged runtime-API query returns.
const MAX_PAGE: u32 = 1_000;

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(owner: Vec<u8>, seed: Option<Vec<u8>>) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// Key ownership proofs need a session-historical pallet; equivocation is
			// handled by governance (see `configs::consensus`).
			None
		}
	}

	impl pallet_consortium::runtime_api::ConsortiumApi<Block, AccountId, BlockNumber> for Runtime {
		fn agency(agency: AgencyId) -> Option<pallet_consortium::runtime_api::AgencyView<AccountId, BlockNumber>> {
			Consortium::agency_view(agency)
		}
		fn agency_of(account: AccountId) -> Option<AgencyId> {
			pallet_consortium::Operators::<Runtime>::get(account)
		}
		fn acting_agency(account: AccountId, role: Option<Role>) -> Result<AgencyId, sp_runtime::DispatchError> {
			Consortium::acting_agency(&account, role)
		}
		fn role_history(agency: AgencyId, from: u32, limit: u32) -> Vec<(u32, pallet_consortium::RoleChange<BlockNumber>)> {
			Consortium::role_history(agency, from, limit.min(MAX_PAGE))
		}
		fn operators(agency: AgencyId, from: u32, limit: u32) -> Vec<AccountId> {
			Consortium::operators_of(agency, from, limit)
		}
	}

	impl pallet_licenses::runtime_api::LicensesApi<Block, AccountId, BlockNumber> for Runtime {
		fn license(id: LicenseId) -> Option<pallet_licenses::License<AccountId, BlockNumber>> {
			pallet_licenses::Licenses::<Runtime>::get(id)
		}
		fn license_type(id: LicenseTypeId) -> Option<pallet_licenses::runtime_api::LicenseTypeView<BlockNumber>> {
			Licenses::type_view(id)
		}
		fn type_by_code(code: Vec<u8>) -> Option<LicenseTypeId> {
			Licenses::type_id_by_code(code)
		}
		fn verify(id: LicenseId, region: u32, at: Option<Seconds>) -> pallet_licenses::Verdict {
			Licenses::verify(id, region, at)
		}
		fn licenses_of(holder: HolderRef<AccountId>, after: Option<LicenseId>, limit: u32) -> Vec<LicenseId> {
			Licenses::licenses_of(&holder, after, limit)
		}
		fn management_record(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, pallet_licenses::ChangeRecord<AccountId, BlockNumber>)> {
			Licenses::management_record(id, from, limit.min(MAX_PAGE))
		}
		fn usage_log(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, pallet_licenses::runtime_api::UsageView<AccountId, BlockNumber>)> {
			Licenses::usage_view(id, from, limit.min(MAX_PAGE))
		}
		fn consents(id: LicenseId, from: u32, limit: u32) -> Vec<(u32, pallet_licenses::runtime_api::ConsentView<BlockNumber>)> {
			Licenses::consents_view(id, from, limit.min(MAX_PAGE))
		}
		fn recognitions_of(accepted: LicenseTypeId, from: u32, limit: u32) -> Vec<(LicenseTypeId, pallet_licenses::Recognition<BlockNumber>)> {
			Licenses::recognitions_of(accepted, from, limit)
		}
		fn holder_account(holder: HolderRef<AccountId>, region: u32) -> Option<AccountId> {
			RegionCode::new(region).and_then(|r| Licenses::holder_account(&holder, r))
		}
	}

	impl pallet_enterprises::runtime_api::EnterprisesApi<Block, AccountId, BlockNumber> for Runtime {
		fn enterprise(uscc: Uscc) -> Option<pallet_enterprises::runtime_api::EnterpriseView<AccountId, BlockNumber>> {
			Enterprises::enterprise_view(&uscc)
		}
		fn by_name(region: RegionCode, name: Vec<u8>) -> Option<Uscc> {
			Enterprises::by_name(region, name)
		}
		fn application(id: pallet_enterprises::ApplicationId) -> Option<pallet_enterprises::runtime_api::ApplicationView<AccountId, BlockNumber>> {
			Enterprises::application_view(id)
		}
		fn pending_for(
			agency: AgencyId,
			after: Option<(pallet_enterprises::ApplicationId, pallet_enterprises::Service)>,
			limit: u32,
		) -> Vec<(pallet_enterprises::ApplicationId, pallet_enterprises::Service)> {
			Enterprises::pending_for(agency, after, limit)
		}
		fn enterprises_in(region: RegionCode, after: Option<Uscc>, limit: u32) -> Vec<Uscc> {
			Enterprises::enterprises_in(region, after, limit)
		}
		fn history(uscc: Uscc, from: u32, limit: u32) -> Vec<(u32, pallet_enterprises::ChangeEntry<AccountId, BlockNumber>)> {
			Enterprises::history_of(&uscc, from, limit.min(MAX_PAGE))
		}
		fn profile_version(uscc: Uscc, version: u32) -> Option<pallet_enterprises::runtime_api::ProfileView> {
			Enterprises::profile_version(&uscc, version)
		}
	}

	impl pallet_copyright::runtime_api::CopyrightApi<Block, AccountId, BlockNumber, Hash> for Runtime {
		fn work(content: DocumentHash) -> Option<pallet_copyright::runtime_api::WorkView<AccountId, BlockNumber, Hash>> {
			Copyright::work(&content).map(pallet_copyright::runtime_api::work_view)
		}
		fn works_of(holder: HolderRef<AccountId>, from: u32, limit: u32) -> Vec<DocumentHash> {
			Copyright::works_of(&holder, from, limit)
		}
		fn grants(content: DocumentHash, from: u32, limit: u32) -> Vec<(u32, pallet_copyright::Grant<AccountId>)> {
			Copyright::grants_of(&content, from, limit)
		}
		fn evidence(
			content: DocumentHash,
			from: u32,
			limit: u32,
		) -> Option<pallet_copyright::runtime_api::EvidenceView<AccountId, BlockNumber, Hash>> {
			Copyright::evidence_view(&content, from, limit)
		}
		fn commitment(account: AccountId, commitment: pallet_copyright::Commitment) -> Option<BlockNumber> {
			Copyright::commitment(&account, &commitment)
		}
	}

	#[api_version(2)]
	impl pallet_provident_fund::runtime_api::ProvidentFundApi<Block, BlockNumber> for Runtime {
		fn account(member: Pseudonym) -> Option<pallet_provident_fund::DepositAccount<BlockNumber>> {
			pallet_provident_fund::Accounts::<Runtime>::get(member)
		}
		fn account_history(member: Pseudonym, from: u32, limit: u32) -> Vec<(u32, pallet_provident_fund::AccountRecord<BlockNumber>)> {
			ProvidentFund::account_history(&member, from, limit.min(MAX_PAGE))
		}
		fn certificate(id: pallet_provident_fund::CertificateId) -> Option<pallet_provident_fund::Certificate<BlockNumber>> {
			pallet_provident_fund::Certificates::<Runtime>::get(id)
		}
		fn verify_certificate(id: pallet_provident_fund::CertificateId, relying: AgencyId) -> Option<pallet_provident_fund::Certificate<BlockNumber>> {
			ProvidentFund::certificate_for(id, relying)
		}
		fn certificates_of(member: Pseudonym, skip: u32, limit: u32) -> Vec<pallet_provident_fund::CertificateId> {
			ProvidentFund::certificates_of(&member, skip, limit.min(MAX_PAGE))
		}
		fn loan(id: pallet_provident_fund::LoanId) -> Option<pallet_provident_fund::Loan<BlockNumber>> {
			pallet_provident_fund::Loans::<Runtime>::get(id)
		}
		fn active_loan(member: Pseudonym) -> Option<pallet_provident_fund::LoanId> {
			pallet_provident_fund::ActiveLoan::<Runtime>::get(member)
		}
		fn loans_of(member: Pseudonym, skip: u32, limit: u32) -> Vec<pallet_provident_fund::LoanId> {
			ProvidentFund::loans_of(&member, skip, limit.min(MAX_PAGE))
		}
		fn repayments(id: pallet_provident_fund::LoanId, from: u32, limit: u32) -> Vec<(u32, pallet_provident_fund::Repayment<BlockNumber>)> {
			ProvidentFund::repayments_of(id, from, limit.min(MAX_PAGE))
		}
		fn portfolio(agency: AgencyId) -> pallet_provident_fund::Portfolio {
			ProvidentFund::portfolio(agency)
		}
		fn loan_history(id: pallet_provident_fund::LoanId, from: u32, limit: u32) -> Vec<(u32, pallet_provident_fund::LoanRecord<BlockNumber>)> {
			ProvidentFund::loan_history(id, from, limit)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use crate::benchmarks::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_storage::TrackedStorageKey;
			use crate::benchmarks::*;

			let mut whitelist: Vec<TrackedStorageKey> =
				crate::AllPalletsWithSystem::whitelisted_storage_keys();
			for key in crate::configs::system::written_before_extrinsics() {
				whitelist.push(key.to_vec().into());
			}
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: a failed check must stop it loudly.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime: execute_block failed")
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
