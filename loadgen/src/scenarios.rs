//! The scenarios and the setup each needs, against the `development` preset:
//! agency 0 (//Alice, Chongqing, every role), 1 (//Bob, Sichuan market regulator and
//! licence issuer), 2 (//Charlie, Chongqing seal authority), 3 (//Dave, Chongqing tax),
//! 4 (//Eve, Chongqing provident fund centre), 5 (//Ferdie, Bank of Chongqing). Each
//! agency's admin adds `--ops-per-agency` derived operator accounts, so agency calls
//! come from several signers per agency; plain calls come from `--users` derived
//! accounts, all funded by //Alice first.

use crate::*;
use subxt_signer::sr25519::dev;

const CHONGQING: u32 = 500000;
const SICHUAN: u32 = 510000;
const UNIT: u128 = 1_000_000_000_000;


fn bytes(b: &[u8]) -> Value {
	Value::from_bytes(b)
}
fn u(n: u128) -> Value {
	Value::u128(n)
}
fn none() -> Value {
	Value::unnamed_variant("None", vec![])
}
fn some(v: Value) -> Value {
	Value::unnamed_variant("Some", vec![v])
}
fn variant(name: &str) -> Value {
	Value::unnamed_variant(name, vec![])
}
fn person(p: [u8; 32]) -> Value {
	Value::unnamed_variant("Person", vec![bytes(&p)])
}
fn holder_account(a: &AccountId32) -> Value {
	Value::unnamed_variant("Account", vec![bytes(&a.0)])
}
fn address(a: &AccountId32) -> Value {
	Value::unnamed_variant("Id", vec![bytes(&a.0)])
}
/// A call as an argument of another (`utility.batchAll`).
fn nested(pallet: &str, name: &str, args: Vec<Value>) -> Value {
	Value::unnamed_variant(pallet, vec![Value::unnamed_variant(name, args)])
}

/// State the scenarios build on; filled as scenarios need it.
#[derive(Default)]
pub struct World {
	/// Signers per development agency id (admin first).
	pub agencies: Vec<Vec<Keypair>>,
	pub users: Vec<Keypair>,
	/// Person-holder licence types of agencies 0 (Chongqing) and 1 (Sichuan).
	pub person_types: Option<(u32, u32)>,
	/// Licences held by accounts, each with a consent per verifier agency 0..=5:
	/// (licence id, [consent index by agency]).
	pub consented: Vec<(u64, Vec<u32>)>,
	/// Loans ready for repayments: (loan id, filing bank agency).
	pub loans: Vec<(u64, u32)>,
	pub enterprise_types_set: bool,
	pub works: Vec<[u8; 32]>,
	pub usccs: Vec<[u8; 18]>,
	pub apps_seq: usize,
	/// Works and enterprises sampled from the finalized state by the first `read`
	/// window of a run that created none of them, reused by the windows after it.
	pub sampled_works: Option<Vec<[u8; 32]>>,
	pub sampled_usccs: Option<Vec<[u8; 18]>>,
}

pub async fn run_all(ctx: Arc<Ctx>) -> Result<(Vec<Outcome>, Vec<String>)> {
	let mut w = World::default();
	// The read scenario signs nothing: alone, it runs against any chain (a kept state,
	// a restarted node) without funding accounts first.
	if ctx.opts.scenarios.iter().any(|s| s != "read") {
		common_setup(&ctx, &mut w).await?;
	}
	let mut outs = Vec::new();
	let mut extra = Vec::new();
	let mut read_windows = 0;
	for s in ctx.opts.scenarios.clone() {
		let n = ctx.opts.counts[&s];
		if s == "read" {
			eprintln!("scenario read ({} clients, {} s)", read_clients(&ctx, read_windows), ctx.opts.read_secs);
		} else {
			eprintln!("scenario {s} ({n})");
		}
		let r = match s.as_str() {
			"transfer" => transfer(&ctx, &w, n).await.map(|o| vec![o]),
			"licence-issue" => licence_issue(&ctx, &mut w, n).await.map(|o| vec![o]),
			"licence-use" => licence_use(&ctx, &mut w, n).await.map(|o| vec![o]),
			"copyright" => copyright(&ctx, &mut w, n).await,
			"copyright-batch" => copyright_batch(&ctx, &mut w, n).await.map(|o| vec![o]),
			"enterprise" => enterprise(&ctx, &mut w, n).await,
			"fund-repay" => fund_repay(&ctx, &mut w, n).await.map(|o| vec![o]),
			"mix" => mix(&ctx, &mut w, n).await.map(|o| vec![o]),
			"licence-batch" => licence_batch(&ctx, &mut w, n).await.map(|o| vec![o]),
			"read" => {
				read_windows += 1;
				match read(&ctx, &mut w, read_clients(&ctx, read_windows - 1)).await {
					Ok(lines) => extra.extend(lines),
					Err(e) => extra.push(format!("read: failed: {e:#}")),
				}
				Ok(vec![])
			},
			_ => unreachable!(),
		};
		match r {
			Ok(o) => {
				for o in &o {
					eprintln!("  -> {} ok, {} failed, {:.1} TPS", o.ok, o.failed, o.tps);
				}
				outs.extend(o)
			},
			Err(e) => {
				eprintln!("scenario {s} failed: {e:#}");
				extra.push(format!("{s}: not measured: {e:#}"));
			},
		}
	}
	Ok((outs, extra))
}

/// Funds the users and operators, and has each agency admin add its operators.
async fn common_setup(ctx: &Ctx, w: &mut World) -> Result<()> {
	let admins = [dev::alice(), dev::bob(), dev::charlie(), dev::dave(), dev::eve(), dev::ferdie()];
	let tag = &ctx.run_tag;
	for (a, admin) in admins.iter().enumerate() {
		let mut v = vec![admin.clone()];
		for k in 0..ctx.opts.ops_per_agency {
			v.push(key(&format!("//Alice//loadgen//{tag}//agency{a}//op{k}"))?);
		}
		w.agencies.push(v);
	}
	for i in 0..ctx.opts.users {
		w.users.push(key(&format!("//Alice//loadgen//{tag}//user{i}"))?);
	}
	// The six agency admins fund the accounts round robin: 2,000 GOV each, or less when an
	// admin cannot fund its share (a long user list, or a kept chain that earlier runs
	// drew on), at most 80 % of what the admin has left.
	#[derive(scale_decode::DecodeAsType)]
	struct AccountData {
		free: u128,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct AccountInfo {
		data: AccountData,
	}
	let at = ctx.api.at_current_block().await?;
	let funded: Vec<&Keypair> = w.users.iter().chain(w.agencies.iter().flat_map(|v| v.iter().skip(1))).collect();
	let mut setup = Vec::new();
	let (mut least, mut most) = (u128::MAX, 0);
	for (a, admin) in admins.iter().enumerate() {
		let share: Vec<&Keypair> = funded.iter().skip(a).step_by(admins.len()).copied().collect();
		if share.is_empty() {
			continue;
		}
		let info: AccountInfo = at
			.storage()
			.fetch(subxt::dynamic::storage::<(AccountId32,), AccountInfo>("System", "Account"), (account(admin),))
			.await?
			.decode()?;
		let each = (2_000 * UNIT).min(info.data.free / 5 * 4 / share.len() as u128);
		(least, most) = (least.min(each), most.max(each));
		let transfers: Vec<Value> = share
			.iter()
			.map(|k| nested("Balances", "transfer_keep_alive", vec![address(&account(k)), u(each)]))
			.collect();
		let calls = transfers.chunks(200).map(|c| call("Utility", "batch_all", vec![Value::unnamed_composite(c.to_vec())])).collect();
		setup.push(Job { signer: admin.clone(), calls });
	}
	if most > 0 {
		eprintln!("  funding {} accounts with {}–{} GOV each", funded.len(), least / UNIT, most / UNIT);
	}
	for (a, signers) in w.agencies.iter().enumerate() {
		if signers.len() < 2 {
			continue;
		}
		let adds: Vec<Value> = signers[1..]
			.iter()
			.map(|k| nested("Consortium", "add_operator", vec![u(a as u128), bytes(&account(k).0)]))
			.collect();
		setup.push(Job { signer: signers[0].clone(), calls: vec![call("Utility", "batch_all", vec![Value::unnamed_composite(adds)])] });
	}
	let setup = merge(setup);
	ctx.setup("fund users and operators", setup).await?;
	Ok(())
}

/// Spreads `calls` over `signers` round robin.
fn spread(signers: &[Keypair], calls: Vec<Call>) -> Vec<Job> {
	let mut jobs: Vec<Job> = signers.iter().map(|s| Job { signer: s.clone(), calls: vec![] }).collect();
	for (i, c) in calls.into_iter().enumerate() {
		let n = jobs.len();
		jobs[i % n].calls.push(c);
	}
	jobs.retain(|j| !j.calls.is_empty());
	jobs
}

/// Merges jobs of the same signer (keeping order) so nonces stay consecutive.
fn merge(jobs: Vec<Job>) -> Vec<Job> {
	let mut out: Vec<Job> = Vec::new();
	for j in jobs {
		let id = account(&j.signer);
		if let Some(o) = out.iter_mut().find(|o| account(&o.signer) == id) {
			o.calls.extend(j.calls);
		} else {
			out.push(j);
		}
	}
	out
}

async fn transfer_calls(ctx: &Ctx, w: &World, n: usize) -> Vec<Job> {
	let _ = ctx;
	let users = &w.users;
	let mut jobs: Vec<Job> = users.iter().map(|s| Job { signer: s.clone(), calls: vec![] }).collect();
	for i in 0..n {
		let from = i % users.len();
		let to = account(&users[(from + 1 + i / users.len()) % users.len()]);
		jobs[from].calls.push(call("Balances", "transfer_keep_alive", vec![address(&to), u(UNIT / 1000)]));
	}
	jobs.retain(|j| !j.calls.is_empty());
	jobs
}

async fn transfer(ctx: &Ctx, w: &World, n: usize) -> Result<Outcome> {
	let jobs = transfer_calls(ctx, w, n).await;
	let t = Instant::now();
	let signed = ctx.sign(jobs).await?;
	eprintln!("  signed {n} in {:.1} s", t.elapsed().as_secs_f64());
	ctx.measure("transfer", signed, &[("Balances", "transfer_keep_alive")], 1).await
}

/// `licenses.define_type` of `code` for `holder_kind` holders under `issuer_role`, with
/// placeholder schema and template hashes made of bytes `seed` and `seed + 1`.
fn define_type(code: &str, name: &str, region: u32, holder_kind: &str, issuer_role: &str, seed: u8) -> Call {
	call(
		"Licenses",
		"define_type",
		vec![
			bytes(code.as_bytes()),
			bytes(name.as_bytes()),
			u(region as u128),
			variant(holder_kind),
			variant(issuer_role),
			none(),
			bytes(&[seed; 32]),
			bytes(&[seed + 1; 32]),
		],
	)
}

async fn ensure_person_types(ctx: &Ctx, w: &mut World) -> Result<(u32, u32)> {
	if let Some(t) = w.person_types {
		return Ok(t);
	}
	let tag = &ctx.run_tag;
	let def = |code: String, region: u32| {
		let name = format!("Load test practice licence {code}");
		define_type(&code, &name, region, "Person", "LicenseIssuer", 1)
	};
	let evs = ctx
		.setup(
			"licence types",
			vec![
				Job { signer: w.agencies[0][0].clone(), calls: vec![def(format!("LGCQ{tag}"), CHONGQING)] },
				Job { signer: w.agencies[1][0].clone(), calls: vec![def(format!("LGSC{tag}"), SICHUAN)] },
			],
		)
		.await?;
	let ids: Vec<(u32, u32)> = evs
		.iter()
		.filter(|e| e.name == "TypeDefined")
		.map(|e| decode::<(u32, Vec<u8>, u32, u32)>(&e.fields).map(|(id, _, _, authority)| (id, authority)))
		.collect::<Result<_>>()?;
	let cq = ids.iter().find(|(_, a)| *a == 0).ok_or_else(|| anyhow!("no Chongqing type"))?.0;
	let sc = ids.iter().find(|(_, a)| *a == 1).ok_or_else(|| anyhow!("no Sichuan type"))?.0;
	w.person_types = Some((cq, sc));
	Ok((cq, sc))
}

async fn issue_calls(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Job>> {
	let (cq, sc) = ensure_person_types(ctx, w).await?;
	let now_s = ctx.now_ms().await? / 1000;
	let mut cq_calls = Vec::new();
	let mut sc_calls = Vec::new();
	for i in 0..n {
		let c = call(
			"Licenses",
			"issue",
			vec![
				u(if i % 2 == 0 { cq } else { sc } as u128),
				person(ctx.rand32().await),
				bytes(&ctx.rand32().await),
				u(now_s as u128),
				some(u((now_s + 5 * 365 * 86_400) as u128)),
			],
		);
		if i % 2 == 0 { cq_calls.push(c) } else { sc_calls.push(c) }
	}
	let mut jobs = spread(&w.agencies[0], cq_calls);
	jobs.extend(spread(&w.agencies[1], sc_calls));
	Ok(jobs)
}

async fn licence_issue(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let jobs = issue_calls(ctx, w, n).await?;
	let signed = ctx.sign(jobs).await?;
	ctx.measure("licence-issue", signed, &[("Licenses", "issue")], 1).await
}

async fn licence_batch(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let (cq, sc) = ensure_person_types(ctx, w).await?;
	let now_s = ctx.now_ms().await? / 1000;
	let bs = ctx.opts.batch_size;
	let mut cq_calls = Vec::new();
	let mut sc_calls = Vec::new();
	for i in 0..n {
		let mut items = Vec::with_capacity(bs);
		for _ in 0..bs {
			items.push(Value::named_composite(vec![
				("holder", person(ctx.rand32().await)),
				("content", bytes(&ctx.rand32().await)),
				("valid_from", u(now_s as u128)),
				("valid_until", none()),
			]));
		}
		let c = call("Licenses", "issue_batch", vec![u(if i % 2 == 0 { cq } else { sc } as u128), Value::unnamed_composite(items)]);
		if i % 2 == 0 { cq_calls.push(c) } else { sc_calls.push(c) }
	}
	let mut jobs = spread(&w.agencies[0], cq_calls);
	jobs.extend(spread(&w.agencies[1], sc_calls));
	let t = Instant::now();
	let signed = ctx.sign(jobs).await?;
	eprintln!("  signed {n} batches in {:.1} s", t.elapsed().as_secs_f64());
	let mut o = ctx.measure("licence-batch", signed, &[("Licenses", "issue_batch")], bs as u64).await?;
	o.name = format!("licence-batch ({bs}/xt)");
	Ok(o)
}

/// Licences held by users' accounts, each with a consent to every agency.
async fn ensure_consents(ctx: &Ctx, w: &mut World) -> Result<()> {
	if !w.consented.is_empty() {
		return Ok(());
	}
	let tag = &ctx.run_tag;
	let code = format!("LGAC{tag}");
	let evs = ctx
		.setup(
			"account licence type",
			vec![Job {
				signer: w.agencies[0][0].clone(),
				calls: vec![define_type(&code, "Load test account licence", CHONGQING, "Account", "LicenseIssuer", 3)],
			}],
		)
		.await?;
	let ty = evs
		.iter()
		.find(|e| e.name == "TypeDefined")
		.map(|e| decode::<u32>(&e.fields))
		.ok_or_else(|| anyhow!("no TypeDefined"))??;
	let now_s = ctx.now_ms().await? / 1000;
	let holders: Vec<Keypair> = w.users.iter().take(8).cloned().collect();
	let mut issues = Vec::new();
	for h in &holders {
		issues.push(call(
			"Licenses",
			"issue",
			vec![u(ty as u128), holder_account(&account(h)), bytes(&ctx.rand32().await), u(now_s as u128), none()],
		));
	}
	let evs = ctx.setup("account licences", vec![Job { signer: w.agencies[0][0].clone(), calls: issues }]).await?;
	let ids: Vec<u64> =
		evs.iter().filter(|e| e.name == "LicenseIssued").map(|e| decode::<u64>(&e.fields)).collect::<Result<_>>()?;
	if ids.len() != holders.len() {
		bail!("expected {} licences, got {}", holders.len(), ids.len());
	}
	let until = ctx.now_ms().await? / 1000 + 86_400;
	let mut jobs = Vec::new();
	for (h, id) in holders.iter().zip(&ids) {
		let calls = (0..w.agencies.len())
			.map(|a| call("Licenses", "grant_consent", vec![u(*id as u128), u(a as u128), bytes(b"loadgen-check"), u(until as u128)]))
			.collect();
		jobs.push(Job { signer: h.clone(), calls });
	}
	let evs = ctx.setup("consents", jobs).await?;
	let mut map: BTreeMap<u64, Vec<u32>> = ids.iter().map(|id| (*id, vec![u32::MAX; w.agencies.len()])).collect();
	for e in evs.iter().filter(|e| e.name == "ConsentGranted") {
		let (id, consent, verifier) = decode::<(u64, u32, u32)>(&e.fields)?;
		if let Some(v) = map.get_mut(&id) {
			v[verifier as usize] = consent;
		}
	}
	w.consented = map.into_iter().collect();
	Ok(())
}

async fn use_calls(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Job>> {
	ensure_consents(ctx, w).await?;
	let agencies = w.agencies.len();
	let mut per_agency: Vec<Vec<Call>> = vec![vec![]; agencies];
	for i in 0..n {
		let a = i % agencies;
		let (id, consents) = &w.consented[(i / agencies) % w.consented.len()];
		per_agency[a].push(call(
			"Licenses",
			"record_use",
			vec![u(*id as u128), bytes(b"loadgen-check"), bytes(&ctx.rand32().await), some(u(consents[a] as u128))],
		));
	}
	let mut jobs = Vec::new();
	for (a, calls) in per_agency.into_iter().enumerate() {
		jobs.extend(spread(&w.agencies[a], calls));
	}
	Ok(jobs)
}

async fn licence_use(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let jobs = use_calls(ctx, w, n).await?;
	let signed = ctx.sign(jobs).await?;
	ctx.measure("licence-use", signed, &[("Licenses", "record_use")], 1).await
}

/// Commit, wait for finality, deposit: one work per commitment, up to 16 pending
/// commitments per account (`MaxPendingCommits`), so `n` is capped at 16 × users.
async fn copyright(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Outcome>> {
	let per = 16usize;
	let n = n.min(per * w.users.len());
	let works_before = w.works.len();
	let now_s = ctx.now_ms().await? / 1000;
	let mut commits: Vec<Job> = Vec::new();
	let mut deposits: Vec<Job> = Vec::new();
	let mut made = 0;
	for user in &w.users {
		if made >= n {
			break;
		}
		let who = account(user);
		let k = per.min(n - made);
		let mut cs = Vec::new();
		let mut ds = Vec::new();
		for i in 0..k {
			let content = ctx.rand32().await;
			let salt = ctx.rand32().await;
			let mut pre = content.to_vec();
			pre.extend_from_slice(&who.0);
			pre.extend_from_slice(&salt);
			let commitment = sp_crypto_hashing::blake2_256(&pre);
			cs.push(call("Copyright", "commit", vec![bytes(&commitment)]));
			ds.push(call(
				"Copyright",
				"deposit",
				vec![
					bytes(&content),
					bytes(format!("Load test work {} of {}", i, &who.to_string()[..8]).as_bytes()),
					variant("Text"),
					variant("Original"),
					Value::unnamed_composite(vec![holder_account(&who)]),
					holder_account(&who),
					u(CHONGQING as u128),
					u((now_s - 86_400) as u128),
					none(),
					bytes(&salt),
				],
			));
			w.works.push(content);
		}
		made += k;
		commits.push(Job { signer: user.clone(), calls: cs });
		deposits.push(Job { signer: user.clone(), calls: ds });
	}
	let signed = ctx.sign(commits).await?;
	let c = ctx.measure("copyright-commit", signed, &[("Copyright", "commit")], 1).await?;
	// The reveals are signed after the commitments are final (nonces follow them).
	let signed = ctx.sign(deposits).await?;
	let d = ctx.measure("copyright-deposit", signed, &[("Copyright", "deposit")], 1).await?;
	keep_works_if_deposited(w, works_before, &d);
	Ok(vec![c, d])
}

/// Archives: one commitment per batch of `--batch-size` works (setup, final first),
/// then `copyright.depositBatch` revealing it; `n` batches, at most 16 per user.
async fn copyright_batch(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let bs = ctx.opts.batch_size;
	let n = n.min(16 * w.users.len());
	let works_before = w.works.len();
	let now_s = ctx.now_ms().await? / 1000;
	let mut commits: Vec<Job> = Vec::new();
	let mut deposits: Vec<Job> = Vec::new();
	for b in 0..n {
		let user = &w.users[b % w.users.len()];
		let who = account(user);
		let salt = ctx.rand32().await;
		let mut pre = Vec::new();
		let mut items = Vec::new();
		for i in 0..bs {
			let content = ctx.rand32().await;
			pre.extend_from_slice(&content);
			items.push(Value::named_composite(vec![
				("content", bytes(&content)),
				("title", bytes(format!("Archive item {b}/{i}").as_bytes())),
				("category", variant("Photography")),
				("nature", variant("Original")),
				("authors", Value::unnamed_composite(vec![holder_account(&who)])),
				("holder", holder_account(&who)),
				("region", u(CHONGQING as u128)),
				("completed", u((now_s - 86_400) as u128)),
				("publication", none()),
			]));
			w.works.push(content);
		}
		pre.extend_from_slice(&who.0);
		pre.extend_from_slice(&salt);
		let commit = call("Copyright", "commit", vec![bytes(&sp_crypto_hashing::blake2_256(&pre))]);
		let deposit = call("Copyright", "deposit_batch", vec![Value::unnamed_composite(items), bytes(&salt)]);
		match commits.iter().position(|j| account(&j.signer) == who) {
			Some(k) => {
				commits[k].calls.push(commit);
				deposits[k].calls.push(deposit);
			},
			None => {
				commits.push(Job { signer: user.clone(), calls: vec![commit] });
				deposits.push(Job { signer: user.clone(), calls: vec![deposit] });
			},
		}
	}
	ctx.setup("archive commitments", commits).await?;
	let signed = ctx.sign(deposits).await?;
	let mut o = ctx.measure("copyright-batch", signed, &[("Copyright", "deposit_batch")], bs as u64).await?;
	o.name = format!("copyright-batch ({bs}/xt)");
	keep_works_if_deposited(w, works_before, &o);
	Ok(o)
}

/// Keeps the works a deposit scenario added to the run's list only if every deposit
/// succeeded: which ones failed is not tracked, and the read scenario must look up works
/// that exist (without a list of its own, it samples them from state).
fn keep_works_if_deposited(w: &mut World, before: usize, o: &Outcome) {
	if o.failed > 0 || o.submit_errors > 0 {
		w.works.truncate(before);
	}
}

async fn ensure_enterprise_types(ctx: &Ctx, w: &mut World) -> Result<()> {
	if w.enterprise_types_set {
		return Ok(());
	}
	let tag = &ctx.run_tag;
	let def = |code: String, region: u32| {
		define_type(&code, "Business licence (load test)", region, "Enterprise", "MarketRegulator", 5)
	};
	let evs = ctx
		.setup(
			"business licence types",
			vec![
				Job { signer: w.agencies[0][0].clone(), calls: vec![def(format!("LGBLCQ{tag}"), CHONGQING)] },
				Job { signer: w.agencies[1][0].clone(), calls: vec![def(format!("LGBLSC{tag}"), SICHUAN)] },
			],
		)
		.await?;
	let mut jobs = Vec::new();
	for e in evs.iter().filter(|e| e.name == "TypeDefined") {
		let (id, _, _, authority) = decode::<(u32, Vec<u8>, u32, u32)>(&e.fields)?;
		jobs.push(Job {
			signer: w.agencies[authority as usize][0].clone(),
			calls: vec![call("Enterprises", "set_license_type", vec![u(id as u128)])],
		});
	}
	ctx.setup("set business licence types", jobs).await?;
	w.enterprise_types_set = true;
	Ok(())
}

/// Applications by users: three in four in Chongqing (business licence, seal, tax),
/// one in four in Sichuan (business licence only).
async fn apply_calls(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Job>> {
	ensure_enterprise_types(ctx, w).await?;
	let tag = ctx.run_tag.clone();
	let mut jobs: Vec<Job> = Vec::new();
	for i in 0..n {
		let seq = w.apps_seq;
		w.apps_seq += 1;
		let ui = i % w.users.len();
		let sichuan = ui % 4 == 3;
		let services = if sichuan {
			vec![variant("BusinessLicense")]
		} else {
			vec![variant("BusinessLicense"), variant("SealEngraving"), variant("TaxRegistration")]
		};
		let c = call(
			"Enterprises",
			"apply",
			vec![
				bytes(format!("Load Test Trading Co {tag}-{seq}").as_bytes()),
				variant("LimitedCompany"),
				u(if sichuan { SICHUAN } else { CHONGQING } as u128),
				u(1_000_000_00),
				Value::unnamed_composite(vec![bytes(b"I6510")]),
				bytes(&ctx.rand32().await),
				bytes(&ctx.rand32().await),
				Value::unnamed_composite(services),
			],
		);
		if let Some(j) = jobs.iter_mut().find(|j| account(&j.signer) == account(&w.users[ui])) {
			j.calls.push(c);
		} else {
			jobs.push(Job { signer: w.users[ui].clone(), calls: vec![c] });
		}
	}
	Ok(jobs)
}

async fn enterprise(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Outcome>> {
	let jobs = apply_calls(ctx, w, n).await?;
	let applicants: HashMap<[u8; 32], bool> =
		w.users.iter().enumerate().map(|(i, k)| (account(k).0, i % 4 == 3)).collect();
	let signed = ctx.sign(jobs).await?;
	let start = ctx.finalized_number().await?;
	let a = ctx.measure("enterprise-apply", signed, &[("Enterprises", "apply")], 1).await?;
	// The applications' ids, from the ApplicationSubmitted events of those blocks.
	let mut apps = Vec::new();
	let end = ctx.finalized_number().await?;
	for b in start + 1..=end {
		for e in block_events(ctx, b).await? {
			if e.pallet == "Enterprises" && e.name == "ApplicationSubmitted" {
				let (id, _kind, submitter) = decode::<(u64, u8, [u8; 32])>(&e.fields)?;
				if let Some(sichuan) = applicants.get(&submitter) {
					apps.push((id, *sichuan));
				}
			}
		}
	}
	let mut per_agency: Vec<Vec<Call>> = vec![vec![]; w.agencies.len()];
	let review = |id: u64, service: &str| {
		call("Enterprises", "review", vec![u(id as u128), variant(service), Value::bool(true), u(0), none()])
	};
	for (id, sichuan) in &apps {
		if *sichuan {
			per_agency[1].push(review(*id, "BusinessLicense"));
		} else {
			per_agency[2].push(review(*id, "SealEngraving"));
			per_agency[3].push(review(*id, "TaxRegistration"));
			per_agency[0].push(review(*id, "BusinessLicense"));
		}
	}
	let mut jobs = Vec::new();
	for (ag, calls) in per_agency.into_iter().enumerate() {
		jobs.extend(spread(&w.agencies[ag], calls));
	}
	let signed = ctx.sign(jobs).await?;
	let start = ctx.finalized_number().await?;
	let r = ctx.measure("enterprise-review", signed, &[("Enterprises", "review")], 1).await?;
	let end = ctx.finalized_number().await?;
	let mut established = 0;
	for b in start + 1..=end {
		for e in block_events(ctx, b).await? {
			if e.pallet == "Enterprises" && e.name == "EnterpriseEstablished" {
				w.usccs.push(decode::<[u8; 18]>(&e.fields)?);
				established += 1;
			}
		}
	}
	eprintln!("  {established} enterprises established from {} applications", apps.len());
	Ok(vec![a, r])
}

/// All events of finalized block `n`.
async fn block_events(ctx: &Ctx, n: u64) -> Result<Vec<Ev>> {
	let hash = ctx.rpc.chain_get_block_hash(Some(NumberOrHex::Number(n))).await?.ok_or_else(|| anyhow!("no block {n}"))?;
	let at = ctx.api.at_block(hash).await?;
	let events = at.events().fetch().await?;
	let mut out = Vec::new();
	for e in events.iter() {
		let e = e?;
		out.push(Ev { pallet: e.pallet_name().into(), name: e.event_name().into(), fields: e.field_bytes().to_vec() });
	}
	Ok(out)
}

/// Disbursed loans of members of the Chongqing fund centre (agency 4), filed by the
/// Bank of Chongqing (agency 5) and by agency 0 acting as a bank.
async fn ensure_loans(ctx: &Ctx, w: &mut World) -> Result<()> {
	if !w.loans.is_empty() {
		return Ok(());
	}
	let centre = 4u32;
	let banks = [5u32, 0u32];
	let members: Vec<[u8; 32]> = {
		let mut v = Vec::new();
		for _ in 0..64 {
			v.push(ctx.rand32().await);
		}
		v
	};
	let rules = Value::named_composite(vec![
		("min_months", u(6)),
		("max_amount", u(100_000_000_00)),
		("max_term_months", u(360)),
	]);
	let mut centre_calls = vec![
		call("ProvidentFund", "set_rules", vec![rules]),
		call("ProvidentFund", "commission_bank", vec![u(banks[0] as u128), Value::bool(true)]),
		call("ProvidentFund", "commission_bank", vec![u(banks[1] as u128), Value::bool(true)]),
	];
	for m in &members {
		let standing = Value::named_composite(vec![
			("status", variant("Normal")),
			("contribution_band", Value::unnamed_composite(vec![u(6)])),
			("months", u(48)),
		]);
		centre_calls.push(call("ProvidentFund", "record_deposit", vec![bytes(m), standing, u(CHONGQING as u128)]));
	}
	ctx.setup("fund rules, commissions, deposit records", spread(&w.agencies[centre as usize], centre_calls)).await?;
	let mut jobs = Vec::new();
	for (bi, bank) in banks.iter().enumerate() {
		let calls = members
			.iter()
			.skip(bi)
			.step_by(2)
			.map(|m| call("ProvidentFund", "file_loan", vec![bytes(m), u(centre as u128), u(50_000_000_00), u(240), none()]))
			.collect();
		jobs.extend(spread(&w.agencies[*bank as usize], calls));
	}
	let evs = ctx.setup("loan applications", jobs).await?;
	let mut loans = Vec::new();
	for e in evs.iter().filter(|e| e.name == "LoanFiled") {
		let (id, _member, bank) = decode::<(u64, [u8; 32], u32)>(&e.fields)?;
		loans.push((id, bank));
	}
	let decide = loans
		.iter()
		.map(|(id, _)| call("ProvidentFund", "decide_loan", vec![u(*id as u128), Value::bool(true), u(0)]))
		.collect();
	ctx.setup("loan approvals", spread(&w.agencies[centre as usize], decide)).await?;
	let mut jobs = Vec::new();
	for bank in banks {
		let mut calls = Vec::new();
		for (id, _) in loans.iter().filter(|(_, b)| *b == bank) {
			calls.push(call(
				"ProvidentFund",
				"disburse",
				vec![u(*id as u128), u(50_000_000_00), u(325), variant("EqualInstalments"), bytes(&ctx.rand32().await)],
			));
		}
		jobs.extend(spread(&w.agencies[bank as usize], calls));
	}
	ctx.setup("disbursements", jobs).await?;
	w.loans = loans;
	Ok(())
}

async fn repay_calls(ctx: &Ctx, w: &mut World, n: usize) -> Result<Vec<Job>> {
	ensure_loans(ctx, w).await?;
	let mut per_agency: Vec<Vec<Call>> = vec![vec![]; w.agencies.len()];
	for i in 0..n {
		let (id, bank) = w.loans[i % w.loans.len()];
		per_agency[bank as usize].push(call("ProvidentFund", "record_repayment", vec![u(id as u128), u(2_000_00), Value::bool(false)]));
	}
	let mut jobs = Vec::new();
	for (a, calls) in per_agency.into_iter().enumerate() {
		jobs.extend(spread(&w.agencies[a], calls));
	}
	Ok(jobs)
}

async fn fund_repay(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let jobs = repay_calls(ctx, w, n).await?;
	let signed = ctx.sign(jobs).await?;
	ctx.measure("fund-repay", signed, &[("ProvidentFund", "record_repayment")], 1).await
}

/// A day of mixed agency work: 30 % licence uses under consent, 20 % licence issues,
/// 20 % transfers, 15 % loan repayments, 10 % enterprise applications, 5 % copyright
/// commitments.
async fn mix(ctx: &Ctx, w: &mut World, n: usize) -> Result<Outcome> {
	let part = |p: usize| n * p / 100;
	let mut jobs = Vec::new();
	jobs.extend(use_calls(ctx, w, part(30)).await?);
	jobs.extend(issue_calls(ctx, w, part(20)).await?);
	jobs.extend(transfer_calls(ctx, w, part(20)).await);
	jobs.extend(repay_calls(ctx, w, part(15)).await?);
	jobs.extend(apply_calls(ctx, w, part(10)).await?);
	let mut commits = Vec::new();
	for _ in 0..part(5) {
		commits.push(call("Copyright", "commit", vec![bytes(&ctx.rand32().await)]));
	}
	// A user holds at most 16 pending commitments.
	let committers: Vec<Keypair> = w.users.iter().rev().take((part(5) / 8).max(1)).cloned().collect();
	jobs.extend(spread(&committers, commits));
	let jobs = merge(jobs);
	let signed = ctx.sign(jobs).await?;
	ctx.measure(
		"mix",
		signed,
		&[
			("Licenses", "record_use"),
			("Licenses", "issue"),
			("Balances", "transfer_keep_alive"),
			("ProvidentFund", "record_repayment"),
			("Enterprises", "apply"),
			("Copyright", "commit"),
		],
		1,
	)
	.await
}

/// Up to `want` distinct keys of the map `pallet::item`, hashed `Blake2_128Concat`, each
/// returned as its `key_len` bytes of key. Pages of 256 keys are read from random points
/// of the map's key space, so the sample is spread over the whole map.
async fn sample_keys(ctx: &Ctx, at: H256, pallet: &str, item: &str, key_len: usize, want: usize) -> Result<Vec<Vec<u8>>> {
	const PAGE: u32 = 256;
	let mut prefix = sp_crypto_hashing::twox_128(pallet.as_bytes()).to_vec();
	prefix.extend_from_slice(&sp_crypto_hashing::twox_128(item.as_bytes()));
	let mut seen = HashSet::new();
	let mut out = Vec::new();
	let mut take = |keys: Vec<Vec<u8>>, out: &mut Vec<Vec<u8>>| {
		for k in keys {
			if k.len() == 48 + key_len && seen.insert(k.clone()) {
				out.push(k[48..].to_vec());
			}
		}
	};
	let first = ctx.rpc.state_get_keys_paged(&prefix, PAGE, None, Some(at)).await?;
	let whole = first.len() < PAGE as usize;
	take(first, &mut out);
	let mut pages = 0;
	while !whole && out.len() < want && pages < 4 * want / PAGE as usize + 4 {
		pages += 1;
		let mut start = prefix.clone();
		start.extend_from_slice(&ctx.rand32().await[..16]);
		let keys = ctx.rpc.state_get_keys_paged(&prefix, PAGE, Some(&start), Some(at)).await?;
		take(keys, &mut out);
	}
	out.truncate(want);
	Ok(out)
}

/// The clients of the run's `window`-th read window (from 0): `--read-clients` gives one
/// figure per window, its last one for the windows after.
fn read_clients(ctx: &Ctx, window: usize) -> usize {
	let c = &ctx.opts.read_clients;
	c[window.min(c.len() - 1)]
}

/// Concurrent clients calling the verification runtime APIs through `state_call`.
///
/// Licences are looked up by id across `0..NextLicenseId`. Works and enterprises are
/// those this run created; where it created none (the read scenario alone, against a
/// kept chain), up to 50,000 of them are sampled from the finalized state, once per
/// run: the windows after the first reuse the sample, so they follow each other
/// closely (how a restarted node warms up shows window by window).
async fn read(ctx: &Ctx, w: &mut World, clients: usize) -> Result<Vec<String>> {
	const SAMPLE: usize = 50_000;
	let fin = ctx.rpc.chain_get_finalized_head().await?;
	let at = ctx.api.at_block(fin).await?;
	let next_licence: u64 =
		at.storage().fetch(subxt::dynamic::storage::<(), u64>("Licenses", "NextLicenseId"), ()).await?.decode()?;
	if next_licence == 0 {
		bail!("no licences in state");
	}
	let t = Instant::now();
	let mut sampled = false;
	if w.works.is_empty() && w.sampled_works.is_none() {
		let keys = sample_keys(ctx, fin, "Copyright", "Works", 32, SAMPLE).await?;
		w.sampled_works = Some(keys.into_iter().filter_map(|k| k.try_into().ok()).collect());
		sampled = true;
	}
	if w.usccs.is_empty() && w.sampled_usccs.is_none() {
		let keys = sample_keys(ctx, fin, "Enterprises", "Enterprises", 18, SAMPLE).await?;
		w.sampled_usccs = Some(keys.into_iter().filter_map(|k| k.try_into().ok()).collect());
		sampled = true;
	}
	let works = if w.works.is_empty() { w.sampled_works.clone().unwrap_or_default() } else { w.works.clone() };
	let usccs = if w.usccs.is_empty() { w.sampled_usccs.clone().unwrap_or_default() } else { w.usccs.clone() };
	let origin = |ours: bool| if ours { "from this run" } else { "sampled from the finalized state" };
	let source = format!("(works {}, enterprises {})", origin(!w.works.is_empty()), origin(!w.usccs.is_empty()));
	if sampled {
		eprintln!("  {} works and {} enterprises {source}, in {:.1} s", works.len(), usccs.len(), t.elapsed().as_secs_f64());
	}
	let secs = ctx.opts.read_secs;
	let mut tasks = Vec::new();
	let t0 = Instant::now();
	for c in 0..clients {
		let client = RpcClient::from_insecure_url(&ctx.opts.url).await?;
		let rpc = Rpc::new(client);
		let works = works.clone();
		let usccs = usccs.clone();
		tasks.push(tokio::spawn(async move {
			let mut lat: Vec<(u8, f64)> = Vec::new();
			let mut errors = 0u64;
			let mut i = c as u64 * 7919;
			while t0.elapsed() < Duration::from_secs(secs) {
				i = i.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
				let kind = match (i >> 33) % 3 {
					1 if !works.is_empty() => 1,
					2 if !usccs.is_empty() => 2,
					_ => 0,
				};
				let (f, args): (&str, Vec<u8>) = match kind {
					1 => ("CopyrightApi_work", works[(i >> 40) as usize % works.len()].encode()),
					2 => ("EnterprisesApi_enterprise", usccs[(i >> 40) as usize % usccs.len()].encode()),
					_ => ("LicensesApi_verify", ((i >> 20) % next_licence, CHONGQING, None::<u64>).encode()),
				};
				let t = Instant::now();
				match rpc.state_call(f, Some(&args), Some(fin)).await {
					Ok(_) => lat.push((kind, t.elapsed().as_secs_f64() * 1000.0)),
					Err(_) => errors += 1,
				}
			}
			(lat, errors)
		}));
	}
	let mut all = Vec::new();
	let mut errors = 0;
	for t in tasks {
		let (l, e) = t.await?;
		all.extend(l);
		errors += e;
	}
	let elapsed = t0.elapsed().as_secs_f64();
	let pct = |kind: Option<u8>| {
		let mut ms: Vec<f64> = all.iter().filter(|(k, _)| kind.is_none_or(|x| x == *k)).map(|(_, m)| *m).collect();
		ms.sort_by(|a, b| a.total_cmp(b));
		let p = |q: f64| ms.get(((q / 100.0) * (ms.len().max(1) - 1) as f64).round() as usize).copied().unwrap_or(0.0);
		(ms.len(), p(50.0), p(99.0))
	};
	let (n, p50, p99) = pct(None);
	let kinds = ["licences.verify", "copyright.work", "enterprises.enterprise"]
		.iter()
		.enumerate()
		.map(|(k, name)| {
			let (n, p50, p99) = pct(Some(k as u8));
			format!("{name} {n} (p50 {p50:.2} ms, p99 {p99:.2} ms)")
		})
		.collect::<Vec<_>>()
		.join(", ");
	Ok(vec![format!(
		"read: {} clients, {:.0} s from +{:.0} s: {} calls ({:.0} req/s; {}), {} errors; latency p50 {:.2} ms, p99 {:.2} ms; in state: {} licences; looked up: {} works and {} enterprises {}",
		clients,
		elapsed,
		t0.duration_since(ctx.started).as_secs_f64(),
		n,
		n as f64 / elapsed,
		kinds,
		errors,
		p50,
		p99,
		next_licence,
		works.len(),
		usccs.len(),
		source,
	)])
}
