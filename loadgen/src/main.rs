//! `govchain-loadgen`: load generator for a GovChain node.
//!
//! Builds every call with subxt's dynamic API against the metadata the node serves at
//! run time, so it follows the runtime as it changes. For each scenario it performs
//! the setup transactions the scenario needs (agency operators, licence types,
//! consents, loans, commitments…) and waits for their finality, pre-signs all of the
//! scenario's extrinsics with explicit nonces, submits them over WebSocket (as fast as
//! possible or at a target rate) and then measures from finalized blocks only:
//! successful scenario extrinsics per block over the blocks' timestamps (edge blocks
//! excluded), submit→finalized latency of a sample of watched transactions, block
//! fullness (normal-class weight and length) and block build time from the node log.
//!
//! Run `govchain-loadgen --help` for the options; `scripts/loadgen.sh` starts a fresh
//! development node and runs every scenario.

mod scenarios;

use anyhow::{anyhow, bail, Context, Result};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};
use subxt::backend::LegacyBackend;
use subxt::config::{DefaultExtrinsicParamsBuilder, Header as _, RpcConfigFor};
use subxt::dynamic::Value;
use subxt::events::Phase;
use subxt::ext::codec::{Compact, Decode, Encode};
use subxt::rpcs::methods::legacy::{NumberOrHex, TransactionStatus};
use subxt::rpcs::{LegacyRpcMethods, RpcClient};
use subxt::utils::{AccountId32, H256};
use subxt::{OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::Keypair;
use subxt_signer::SecretUri;
use tokio::sync::{Mutex, Semaphore};

pub type C = PolkadotConfig;
pub type Rpc = LegacyRpcMethods<RpcConfigFor<C>>;
pub type Call = subxt::transactions::DynamicPayload<Vec<Value>>;

/// A dynamic call.
pub fn call(pallet: &str, name: &str, args: Vec<Value>) -> Call {
	subxt::dynamic::transaction(pallet, name, args)
}

/// Options from the command line.
#[derive(Clone, Debug)]
pub struct Opts {
	pub url: String,
	pub node_log: Option<String>,
	pub scenarios: Vec<String>,
	pub counts: HashMap<String, usize>,
	pub rate: Option<f64>,
	/// Per-scenario submission rates (by the measured name, e.g. `licence-batch`), over `rate`.
	pub rates: HashMap<String, f64>,
	pub users: usize,
	pub ops_per_agency: usize,
	pub sample_every: usize,
	pub in_flight: usize,
	pub batch_size: usize,
	pub read_secs: u64,
	/// Clients of each read window in turn; the last one serves the windows after.
	pub read_clients: Vec<usize>,
	pub markdown: Option<String>,
	/// Fail unless every scenario's extrinsics were accepted and succeeded.
	pub check: bool,
}

pub const ALL_SCENARIOS: &[&str] = &[
	"transfer",
	"licence-issue",
	"licence-use",
	"copyright",
	"copyright-batch",
	"enterprise",
	"fund-repay",
	"mix",
	"licence-batch",
	"read",
];

fn default_count(s: &str) -> usize {
	match s {
		"transfer" => 20000,
		"licence-issue" => 20000,
		"licence-use" => 20000,
		"copyright" => 12000,
		"copyright-batch" => 160,
		"enterprise" => 12000,
		"fund-repay" => 16000,
		"mix" => 16000,
		"licence-batch" => 800,
		_ => 0,
	}
}

const HELP: &str = "govchain-loadgen: load generator for a GovChain node

USAGE: govchain-loadgen [OPTIONS]

  --url URL             node WebSocket RPC (default ws://127.0.0.1:9944)
  --node-log FILE       the node's log, for block build times (`Prepared block for proposing`)
  --scenarios LIST      comma-separated, in order (default: all):
                        transfer, licence-issue, licence-use, copyright, copyright-batch,
                        enterprise, fund-repay, mix, licence-batch, read. The read
                        scenario alone signs nothing: it runs against any chain (a kept
                        or restarted one), sampling works and enterprises from state
  --count N             extrinsics per scenario (overrides every default)
  --counts a=N,b=M      per-scenario counts (licence-batch, copyright-batch: batches;
                        copyright: deposits; both at most 16 per user; enterprise:
                        applications). Defaults: transfer 20000, licence-issue 20000,
                        licence-use 20000, copyright 12000, copyright-batch 160,
                        enterprise 12000, fund-repay 16000, mix 16000, licence-batch 800
                        (copyright and enterprise fill three blocks or more)
  --rate TPS            submit at this rate (default: as fast as possible)
  --rates a=R,b=S       per-scenario rates over --rate (names as in the result table,
                        e.g. licence-batch=55,copyright-batch=18)
  --users N             funded plain accounts used as senders (default 768)
  --ops-per-agency N    extra operators added to each development agency (default 2)
  --sample-every N      watch one transaction in N for latency (default 20)
  --in-flight N         submissions awaiting the node's answer (default 512)
  --batch-size N        records per issueBatch / depositBatch (default 100)
  --read-secs S         duration of the read scenario (default 15)
  --read-clients N,..   concurrent WebSocket clients of each read window in turn, the
                        last for the windows after (default 16; e.g. 16,16,1 with
                        --scenarios read,read,read,read: 16, 16, 1, 1)
  --markdown FILE       also write the result table there
  --check               exit with an error if a scenario had an extrinsic refused at
                        submission, failed or never finalized (the CI smoke run)
";

fn parse_opts() -> Result<Opts> {
	let mut o = Opts {
		url: "ws://127.0.0.1:9944".into(),
		node_log: None,
		scenarios: ALL_SCENARIOS.iter().map(|s| s.to_string()).collect(),
		counts: HashMap::new(),
		rate: None,
		rates: HashMap::new(),
		users: 768,
		ops_per_agency: 2,
		sample_every: 20,
		in_flight: 512,
		batch_size: 100,
		read_secs: 15,
		read_clients: vec![16],
		markdown: None,
		check: false,
	};
	let mut global_count: Option<usize> = None;
	let mut args = std::env::args().skip(1);
	while let Some(a) = args.next() {
		let mut val = || args.next().ok_or_else(|| anyhow!("{a} needs a value"));
		match a.as_str() {
			"-h" | "--help" => {
				print!("{HELP}");
				std::process::exit(0);
			},
			"--url" => o.url = val()?,
			"--node-log" => o.node_log = Some(val()?),
			"--scenarios" => o.scenarios = val()?.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
			"--count" => global_count = Some(val()?.parse()?),
			"--counts" =>
				for kv in val()?.split(',') {
					let (k, v) = kv.split_once('=').ok_or_else(|| anyhow!("--counts wants name=N"))?;
					o.counts.insert(k.trim().to_string(), v.trim().parse()?);
				},
			"--rate" => o.rate = Some(val()?.parse()?),
			"--rates" =>
				for kv in val()?.split(',') {
					let (k, v) = kv.split_once('=').ok_or_else(|| anyhow!("--rates wants name=R"))?;
					o.rates.insert(k.trim().to_string(), v.trim().parse()?);
				},
			"--users" => o.users = val()?.parse()?,
			"--ops-per-agency" => o.ops_per_agency = val()?.parse()?,
			"--sample-every" => o.sample_every = val()?.parse::<usize>()?.max(1),
			"--in-flight" => o.in_flight = val()?.parse::<usize>()?.max(1),
			"--batch-size" => o.batch_size = val()?.parse::<usize>()?.max(1),
			"--read-secs" => o.read_secs = val()?.parse()?,
			"--read-clients" => {
				o.read_clients =
					val()?.split(',').map(|c| c.trim().parse::<usize>().map(|c| c.max(1))).collect::<Result<_, _>>()?
			},
			"--markdown" => o.markdown = Some(val()?),
			"--check" => o.check = true,
			other => bail!("unknown option {other} (see --help)"),
		}
	}
	for s in &o.scenarios {
		if !ALL_SCENARIOS.contains(&s.as_str()) {
			bail!("unknown scenario {s}; known: {}", ALL_SCENARIOS.join(", "));
		}
	}
	for s in ALL_SCENARIOS {
		let n = o.counts.get(*s).copied().or(global_count).unwrap_or_else(|| default_count(s));
		o.counts.insert(s.to_string(), n);
	}
	Ok(o)
}

/// Connection, metadata-derived limits and the signing keys.
pub struct Ctx {
	pub opts: Opts,
	pub api: OnlineClient<C>,
	pub rpc: Rpc,
	pub rpc_client: RpcClient,
	/// Normal-class weight limit (ref time) and length limit (bytes) of a block.
	pub max_normal_ref_time: u128,
	pub max_normal_len: u64,
	/// Distinguishes the names this run creates (type codes, enterprise names).
	pub run_tag: String,
	pub rng: Mutex<u64>,
	/// When the run connected: read windows report their start from it.
	pub started: Instant,
}

/// One signer's calls, in nonce order.
pub struct Job {
	pub signer: Keypair,
	pub calls: Vec<Call>,
}

/// An event from a finalized block, with its raw field bytes.
#[derive(Clone, Debug)]
pub struct Ev {
	pub pallet: String,
	pub name: String,
	pub fields: Vec<u8>,
}

/// A finalized block as the measurement sees it.
#[derive(Clone, Debug, Default)]
pub struct BlockRec {
	pub number: u64,
	pub ts_ms: u64,
	pub ok: u64,
	pub failed: u64,
	pub weight_pct: f64,
	pub len_pct: f64,
}

/// The result of one scenario.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
	pub name: String,
	pub submitted: usize,
	pub submit_errors: usize,
	pub ok: u64,
	pub failed: u64,
	pub records_per_xt: u64,
	pub tps: f64,
	pub lat: Vec<f64>,
	pub weight_pct: f64,
	pub len_pct: f64,
	pub build_ms: Option<f64>,
	/// Why the proposer ended the middle blocks (`end:` of the node's log line), counted.
	pub ends: BTreeMap<String, usize>,
	pub blocks: usize,
	pub first_block: u64,
	pub last_block: u64,
	pub submit_secs: f64,
	pub note: String,
	pub first_error: Option<String>,
}

impl Ctx {
	pub async fn rand32(&self) -> [u8; 32] {
		let mut s = self.rng.lock().await;
		let mut out = [0u8; 32];
		for chunk in out.chunks_mut(8) {
			// splitmix64
			*s = s.wrapping_add(0x9E3779B97F4A7C15);
			let mut z = *s;
			z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
			z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
			z ^= z >> 31;
			chunk.copy_from_slice(&z.to_le_bytes());
		}
		out
	}

	pub async fn finalized_number(&self) -> Result<u64> {
		let h = self.rpc.chain_get_finalized_head().await?;
		let header = self.rpc.chain_get_header(Some(h)).await?.ok_or_else(|| anyhow!("no header"))?;
		Ok(header.number())
	}

	/// Timestamp (ms) of the finalized head.
	pub async fn now_ms(&self) -> Result<u64> {
		let at = self.api.at_current_block().await?;
		let v = at.storage().fetch(subxt::dynamic::storage::<(), u64>("Timestamp", "Now"), ()).await?;
		Ok(v.decode()?)
	}

	/// Signs every job's calls with consecutive nonces from the signer's next index.
	pub async fn sign(&self, jobs: Vec<Job>) -> Result<Vec<Vec<Vec<u8>>>> {
		let at = self.api.at_current_block().await?;
		let mut out = Vec::with_capacity(jobs.len());
		let mut handles = Vec::new();
		for job in jobs {
			let who: AccountId32 = job.signer.public_key().to_account_id();
			let first = self.rpc.system_account_next_index(&who).await?;
			let at = at.clone();
			handles.push(tokio::task::spawn_blocking(move || -> Result<Vec<Vec<u8>>> {
				let mut txs = Vec::with_capacity(job.calls.len());
				for (i, c) in job.calls.iter().enumerate() {
					let params = DefaultExtrinsicParamsBuilder::<C>::new().nonce(first + i as u64).build();
					let mut signable = at.tx().create_signable_offline(c, params)?;
					txs.push(signable.sign(&job.signer)?.into_encoded());
				}
				Ok(txs)
			}));
		}
		for h in handles {
			out.push(h.await??);
		}
		Ok(out)
	}

	/// Runs setup jobs: signs, submits with a watch on each, waits until all are
	/// finalized, fails on any failed extrinsic, and returns the events of those
	/// extrinsics in chain order.
	pub async fn setup(&self, what: &str, jobs: Vec<Job>) -> Result<Vec<Ev>> {
		let txs: Vec<Vec<u8>> = self.sign(jobs).await?.into_iter().flatten().collect();
		if txs.is_empty() {
			return Ok(vec![]);
		}
		let t = Instant::now();
		let mut tasks = Vec::new();
		let mut hashes = HashSet::new();
		for tx in txs {
			hashes.insert(H256(sp_crypto_hashing::blake2_256(&tx)));
			let rpc = self.rpc.clone();
			tasks.push(tokio::spawn(async move {
				let mut sub = rpc.author_submit_and_watch_extrinsic(&tx).await?;
				while let Some(st) = sub.next().await {
					match st? {
						TransactionStatus::Finalized(h) => return Ok(h),
						TransactionStatus::Dropped => bail!("dropped"),
						TransactionStatus::Invalid => bail!("invalid"),
						TransactionStatus::Usurped(_) => bail!("usurped"),
						TransactionStatus::FinalityTimeout(_) => bail!("finality timeout"),
						_ => {},
					}
				}
				bail!("watch ended")
			}));
		}
		let mut blocks = BTreeMap::new();
		for t in tasks {
			let h = t.await?.with_context(|| format!("setup `{what}`"))?;
			blocks.insert(h, ());
		}
		let mut ordered = Vec::new();
		for h in blocks.keys() {
			let at = self.api.at_block(*h).await?;
			ordered.push((at.block_number(), *h));
		}
		ordered.sort();
		let mut evs = Vec::new();
		for (_, h) in ordered {
			let at = self.api.at_block(h).await?;
			let block = self.rpc.chain_get_block(Some(h)).await?.ok_or_else(|| anyhow!("block gone"))?;
			let ours: HashSet<u32> = block
				.block
				.extrinsics
				.iter()
				.enumerate()
				.filter(|(_, x)| hashes.contains(&H256(sp_crypto_hashing::blake2_256(&x.0))))
				.map(|(i, _)| i as u32)
				.collect();
			let events = at.events().fetch().await?;
			for e in events.iter() {
				let e = e?;
				let Phase::ApplyExtrinsic(i) = e.phase() else { continue };
				if !ours.contains(&i) {
					continue;
				}
				if e.pallet_name() == "System" && e.event_name() == "ExtrinsicFailed" {
					let v = e.decode_as::<Value>().map(|v| v.to_string()).unwrap_or_default();
					bail!("setup `{what}`: an extrinsic failed: {v}");
				}
				evs.push(Ev { pallet: e.pallet_name().into(), name: e.event_name().into(), fields: e.field_bytes().to_vec() });
			}
		}
		eprintln!("  setup {what}: {} extrinsics final in {:.1} s", hashes.len(), t.elapsed().as_secs_f64());
		Ok(evs)
	}

	/// Submits pre-signed transactions (round robin over signers, each signer's in
	/// nonce order), watching one in `sample_every` for latency, and measures the
	/// finalized blocks that carry extrinsics of `calls` (pallet, call) names.
	pub async fn measure(
		&self,
		name: &str,
		signed: Vec<Vec<Vec<u8>>>,
		calls: &[(&str, &str)],
		records_per_xt: u64,
	) -> Result<Outcome> {
		let mut order = Vec::new();
		let longest = signed.iter().map(Vec::len).max().unwrap_or(0);
		let mut queues: Vec<std::vec::IntoIter<Vec<u8>>> = signed.into_iter().map(|v| v.into_iter()).collect();
		for _ in 0..longest {
			for q in queues.iter_mut() {
				if let Some(tx) = q.next() {
					order.push(tx);
				}
			}
		}
		let total = order.len();
		let start_block = self.finalized_number().await? + 1;
		let sem = Arc::new(Semaphore::new(self.opts.in_flight));
		let errors = Arc::new(Mutex::new((0usize, None::<String>)));
		let lat = Arc::new(Mutex::new(Vec::<f64>::new()));
		let rate = self.opts.rates.get(name).copied().or(self.opts.rate);
		let t0 = Instant::now();
		let mut watchers = Vec::new();
		for (i, tx) in order.into_iter().enumerate() {
			if let Some(rate) = rate {
				let due = t0 + Duration::from_secs_f64(i as f64 / rate);
				tokio::time::sleep_until(due.into()).await;
			}
			let rpc = self.rpc.clone();
			let errors = errors.clone();
			if i % self.opts.sample_every == 0 {
				let lat = lat.clone();
				watchers.push(tokio::spawn(async move {
					let t = Instant::now();
					let res: Result<()> = async {
						let mut sub = rpc.author_submit_and_watch_extrinsic(&tx).await?;
						while let Some(st) = sub.next().await {
							match st? {
								TransactionStatus::Finalized(_) => {
									lat.lock().await.push(t.elapsed().as_secs_f64());
									return Ok(());
								},
								TransactionStatus::Dropped => bail!("dropped"),
								TransactionStatus::Invalid => bail!("invalid"),
								TransactionStatus::Usurped(_) => bail!("usurped"),
								_ => {},
							}
						}
						Ok(())
					}
					.await;
					if let Err(e) = res {
						let mut g = errors.lock().await;
						g.0 += 1;
						g.1.get_or_insert(e.to_string());
					}
				}));
			} else {
				let permit = sem.clone().acquire_owned().await?;
				tokio::spawn(async move {
					if let Err(e) = rpc.author_submit_extrinsic(&tx).await {
						let mut g = errors.lock().await;
						g.0 += 1;
						g.1.get_or_insert(e.to_string());
					}
					drop(permit);
				});
			}
		}
		// Wait until every plain submission has its answer.
		let _ = sem.acquire_many(self.opts.in_flight as u32).await?;
		let submit_secs = t0.elapsed().as_secs_f64();
		let (submit_errors, first_error) = errors.lock().await.clone();
		match &first_error {
			Some(e) => eprintln!("  {name}: {total} submitted in {submit_secs:.1} s ({submit_errors} refused; first: {e})"),
			None => eprintln!("  {name}: {total} submitted in {submit_secs:.1} s (0 refused)"),
		}

		// Follow finalized blocks until every accepted extrinsic is in one.
		let want: HashSet<(String, String)> = calls.iter().map(|(p, c)| (p.to_string(), c.to_string())).collect();
		let expected = (total - submit_errors) as u64;
		let mut recs: Vec<BlockRec> = Vec::new();
		let mut next = start_block;
		let mut seen = 0u64;
		let mut last_progress = Instant::now();
		while seen < expected {
			let fin = self.finalized_number().await?;
			if next > fin {
				if last_progress.elapsed() > Duration::from_secs(60) {
					eprintln!("  {name}: no progress for 60 s, {seen} of {expected} seen; stopping");
					break;
				}
				tokio::time::sleep(Duration::from_millis(500)).await;
				continue;
			}
			while next <= fin {
				let r = self.block_rec(next, &want).await?;
				if r.ok + r.failed > 0 {
					seen += r.ok + r.failed;
					last_progress = Instant::now();
					recs.push(r);
				} else if !recs.is_empty() {
					recs.push(r);
				}
				next += 1;
			}
		}
		// Let the sampled watchers see their finality: 30 s in all, not each (a watcher
		// of a transaction that never made it must not hold the run).
		let watch_deadline = Instant::now() + Duration::from_secs(30);
		for w in watchers {
			let left = watch_deadline.saturating_duration_since(Instant::now());
			if tokio::time::timeout(left, w).await.is_err() {
				break;
			}
		}
		while recs.last().is_some_and(|r| r.ok + r.failed == 0) {
			recs.pop();
		}
		let mut out = Outcome {
			name: name.into(),
			submitted: total,
			submit_errors,
			records_per_xt,
			first_error,
			submit_secs,
			..Default::default()
		};
		out.ok = recs.iter().map(|r| r.ok).sum();
		out.failed = recs.iter().map(|r| r.failed).sum();
		out.blocks = recs.len();
		out.first_block = recs.first().map(|r| r.number).unwrap_or(0);
		out.last_block = recs.last().map(|r| r.number).unwrap_or(0);
		let mut l = lat.lock().await.clone();
		l.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
		out.lat = l;
		// Throughput: the middle blocks' successes over the time from the first block's
		// timestamp to the last middle block's (each block's extrinsics fill the slot
		// that ends at its timestamp).
		let middle: &[BlockRec] = if recs.len() >= 3 { &recs[1..recs.len() - 1] } else { &recs[..] };
		if recs.len() >= 3 {
			let dt = (middle.last().unwrap().ts_ms.saturating_sub(recs[0].ts_ms)) as f64 / 1000.0;
			out.tps = middle.iter().map(|r| r.ok).sum::<u64>() as f64 / dt.max(0.001);
		} else if !recs.is_empty() {
			out.tps = out.ok as f64 / (3.0 * recs.len() as f64);
			out.note = "fewer than 3 blocks: TPS over 3 s per block".into();
		}
		if !middle.is_empty() {
			out.weight_pct = middle.iter().map(|r| r.weight_pct).sum::<f64>() / middle.len() as f64;
			out.len_pct = middle.iter().map(|r| r.len_pct).sum::<f64>() / middle.len() as f64;
		}
		(out.build_ms, out.ends) = self.build_times(middle.iter().map(|r| r.number).collect());
		if out.failed > 0 {
			eprintln!("  {name}: {} extrinsics failed (ExtrinsicFailed)", out.failed);
		}
		Ok(out)
	}

	async fn block_rec(&self, n: u64, want: &HashSet<(String, String)>) -> Result<BlockRec> {
		let hash = self
			.rpc
			.chain_get_block_hash(Some(NumberOrHex::Number(n)))
			.await?
			.ok_or_else(|| anyhow!("no block {n}"))?;
		let block = self.rpc.chain_get_block(Some(hash)).await?.ok_or_else(|| anyhow!("no block {n}"))?;
		let at = self.api.at_block(hash).await?;
		let raw: Vec<Vec<u8>> = block.block.extrinsics.iter().map(|b| b.0.clone()).collect();
		let len: u64 = raw.iter().map(|x| x.len() as u64).sum::<u64>() + Compact(raw.len() as u32).encode().len() as u64;
		let exts = at.extrinsics().from_bytes(raw).await;
		let mut ours = HashSet::new();
		for x in exts.iter() {
			let x = x?;
			if x.is_signed() && want.contains(&(x.pallet_name().to_string(), x.call_name().to_string())) {
				ours.insert(x.index() as u32);
			}
		}
		let mut rec = BlockRec { number: n, ..Default::default() };
		if !ours.is_empty() {
			let events = at.events().fetch().await?;
			for e in events.iter() {
				let e = e?;
				let Phase::ApplyExtrinsic(i) = e.phase() else { continue };
				if !ours.contains(&i) || e.pallet_name() != "System" {
					continue;
				}
				match e.event_name() {
					"ExtrinsicSuccess" => rec.ok += 1,
					"ExtrinsicFailed" => rec.failed += 1,
					_ => {},
				}
			}
		}
		rec.ts_ms = at.storage().fetch(subxt::dynamic::storage::<(), u64>("Timestamp", "Now"), ()).await?.decode()?;
		#[derive(scale_decode::DecodeAsType)]
		struct W {
			ref_time: u128,
		}
		#[derive(scale_decode::DecodeAsType)]
		struct PerClass {
			normal: W,
		}
		let w: PerClass = at
			.storage()
			.fetch(subxt::dynamic::storage::<(), PerClass>("System", "BlockWeight"), ())
			.await?
			.decode()?;
		rec.weight_pct = 100.0 * w.normal.ref_time as f64 / self.max_normal_ref_time as f64;
		rec.len_pct = 100.0 * len as f64 / self.max_normal_len as f64;
		Ok(rec)
	}

	/// Average of the node's `Prepared block for proposing at N (X ms) … end: R;` over
	/// `blocks`, and how often each end reason R occurred.
	fn build_times(&self, blocks: Vec<u64>) -> (Option<f64>, BTreeMap<String, usize>) {
		let mut ends = BTreeMap::new();
		let Some(path) = self.opts.node_log.as_ref() else { return (None, ends) };
		let Ok(text) = std::fs::read_to_string(path) else { return (None, ends) };
		let mut map = HashMap::new();
		let mut end_of = HashMap::new();
		const KEY: &str = "Prepared block for proposing at ";
		for line in text.lines() {
			let Some(p) = line.find(KEY) else { continue };
			let rest = &line[p + KEY.len()..];
			let num: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
			let Some(open) = rest.find('(') else { continue };
			let ms: String = rest[open + 1..].chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
			if let (Ok(n), Ok(ms)) = (num.parse::<u64>(), ms.parse::<f64>()) {
				map.insert(n, ms);
				if let Some(e) = rest.find("end: ") {
					let r: String = rest[e + 5..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
					end_of.insert(n, r);
				}
			}
		}
		for n in &blocks {
			if let Some(r) = end_of.get(n) {
				*ends.entry(r.clone()).or_insert(0) += 1;
			}
		}
		let v: Vec<f64> = blocks.iter().filter_map(|n| map.get(n).copied()).collect();
		let avg = if v.is_empty() { None } else { Some(v.iter().sum::<f64>() / v.len() as f64) };
		(avg, ends)
	}
}

/// The sr25519 key of a secret URI such as `//Alice` or `//Alice//loadgen//…`.
pub fn key(path: &str) -> Result<Keypair> {
	let uri: SecretUri = path.parse().map_err(|e| anyhow!("bad key uri {path}: {e:?}"))?;
	Keypair::from_uri(&uri).map_err(|e| anyhow!("key {path}: {e:?}"))
}

pub fn account(k: &Keypair) -> AccountId32 {
	k.public_key().to_account_id()
}

/// Decodes the SCALE value at the start of `b` (e.g. an event's leading fields).
pub fn decode<T: Decode>(mut b: &[u8]) -> Result<T> {
	Ok(T::decode(&mut b)?)
}

fn pct(v: &[f64], p: f64) -> Option<f64> {
	if v.is_empty() {
		return None;
	}
	let i = ((p / 100.0) * (v.len() as f64 - 1.0)).round() as usize;
	Some(v[i.min(v.len() - 1)])
}

fn fmt_s(v: Option<f64>) -> String {
	v.map(|x| format!("{x:.1}")).unwrap_or_else(|| "–".into())
}

pub fn table(outs: &[Outcome]) -> String {
	let base = outs.iter().find(|o| o.name == "transfer").map(|o| o.tps).filter(|t| *t > 0.0);
	let mut s = String::new();
	s.push_str("| scenario | extrinsics ok (failed) | TPS finalized | records/s | ratio to baseline | latency p50 / p95 / p99 (s) | avg weight % | avg length % | avg block build ms | blocks | block end (middle blocks) |\n");
	s.push_str("|---|---|---|---|---|---|---|---|---|---|---|\n");
	for o in outs {
		let ratio = base.map(|b| format!("{:.2}", o.tps / b)).unwrap_or_else(|| "–".into());
		let recs = if o.records_per_xt > 1 { format!("{:.0}", o.tps * o.records_per_xt as f64) } else { format!("{:.0}", o.tps) };
		s.push_str(&format!(
			"| {} | {} ({}) | {:.1} | {} | {} | {} / {} / {} | {:.1} | {:.2} | {} | {} (#{}–#{}) | {} |\n",
			o.name,
			o.ok,
			o.failed,
			o.tps,
			recs,
			ratio,
			fmt_s(pct(&o.lat, 50.0)),
			fmt_s(pct(&o.lat, 95.0)),
			fmt_s(pct(&o.lat, 99.0)),
			o.weight_pct,
			o.len_pct,
			o.build_ms.map(|m| format!("{m:.0}")).unwrap_or_else(|| "–".into()),
			o.blocks,
			o.first_block,
			o.last_block,
			o.ends.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", "),
		));
	}
	s
}

#[tokio::main]
async fn main() -> Result<()> {
	let opts = parse_opts()?;
	let rpc_client = RpcClient::from_insecure_url(&opts.url).await.with_context(|| format!("connect {}", opts.url))?;
	let backend = LegacyBackend::<C>::builder().build(rpc_client.clone());
	let api = OnlineClient::<C>::from_backend(Arc::new(backend)).await?;
	let rpc = Rpc::new(rpc_client.clone());

	#[derive(scale_decode::DecodeAsType)]
	struct Wt {
		ref_time: u128,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct ClassW {
		max_total: Option<Wt>,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct PerClassW {
		normal: ClassW,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct BlockWeights {
		max_block: Wt,
		per_class: PerClassW,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct PerClassL {
		normal: u32,
	}
	#[derive(scale_decode::DecodeAsType)]
	struct BlockLength {
		max: PerClassL,
	}
	let at = api.at_current_block().await?;
	let bw = at.constants().entry(subxt::dynamic::constant::<BlockWeights>("System", "BlockWeights"))?;
	let bl = at.constants().entry(subxt::dynamic::constant::<BlockLength>("System", "BlockLength"))?;
	let max_normal_ref_time = bw.per_class.normal.max_total.map(|w| w.ref_time).unwrap_or(bw.max_block.ref_time);
	let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH)?.as_nanos() as u64;
	let ctx = Arc::new(Ctx {
		run_tag: format!("{:06x}", seed % 0xFFFFFF),
		rng: Mutex::new(seed),
		opts: opts.clone(),
		api,
		rpc,
		rpc_client,
		max_normal_ref_time,
		max_normal_len: bl.max.normal as u64,
		started: Instant::now(),
	});
	eprintln!(
		"govchain-loadgen: {} (spec {}), normal-class limits: {} ref time, {} bytes; scenarios: {}",
		ctx.opts.url,
		at.spec_version(),
		ctx.max_normal_ref_time,
		ctx.max_normal_len,
		ctx.opts.scenarios.join(",")
	);
	let outs = scenarios::run_all(ctx.clone()).await?;
	let t = table(&outs.0);
	println!("\n{t}");
	for o in &outs.0 {
		let mut notes = Vec::new();
		if o.submit_errors > 0 {
			notes.push(format!("{} refused at submission (first: {})", o.submit_errors, o.first_error.clone().unwrap_or_default()));
		}
		if !o.note.is_empty() {
			notes.push(o.note.clone());
		}
		notes.push(format!("submitted {} in {:.1} s, latency sample {}", o.submitted, o.submit_secs, o.lat.len()));
		println!("- {}: {}", o.name, notes.join("; "));
	}
	for line in &outs.1 {
		println!("{line}");
	}
	if let Some(p) = &ctx.opts.markdown {
		let mut md = t.clone();
		for line in &outs.1 {
			md.push_str(&format!("\n{line}\n"));
		}
		std::fs::write(p, md)?;
	}
	if ctx.opts.check {
		let bad: Vec<String> = outs
			.0
			.iter()
			.filter(|o| {
				// Every accepted extrinsic must be in a finalized block: one the pool dropped
				// fails the run like a refused or failed one.
				let accepted = o.submitted.saturating_sub(o.submit_errors) as u64;
				o.name != "read" && (o.submit_errors > 0 || o.failed > 0 || o.ok == 0 || o.ok + o.failed < accepted)
			})
			.map(|o| format!("{} ({} of {} ok, {} failed, {} refused)", o.name, o.ok, o.submitted, o.failed, o.submit_errors))
			.collect();
		if !bad.is_empty() {
			bail!("--check: {}", bad.join("; "));
		}
		eprintln!("--check: every scenario's extrinsics were accepted and succeeded");
	}
	Ok(())
}
