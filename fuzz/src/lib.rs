//! # GovChain runtime fuzzer
//!
//! Drives random sequences of calls from random origins against the real GovChain
//! runtime (`govchain_runtime::Runtime`, not a mock) and checks every GovChain
//! pallet's invariants (`do_try_state`) after every block.
//!
//! - **Genesis**: the runtime's `adversarial` preset (every role held by a different
//!   agency, in Chongqing and Sichuan), merged into the default genesis config; each
//!   *episode* starts again from it, so governance calls (retiring agencies, revoking
//!   roles) cannot wear the state down for the rest of the run.
//! - **Origins**: the 18 agency admins (`//cq-amr` … `//sc-audit`), the strangers
//!   //Alice … //Ferdie, fresh accounts, council origins (`Members(n, m)` with and
//!   without two thirds, `Member`), root and unsigned.
//! - **Calls**: generated leaf by leaf from the `scale_info` type of `RuntimeCall`,
//!   restricted to consortium, licenses, enterprises, copyright, providentFund,
//!   balances transfers, nodeAuthorization and the council, with nested calls
//!   (`consortium.govern`, `council.propose`). Leaves come from small pools (ids,
//!   region codes, timestamps, amounts, actors' accounts, document hashes, valid USCCs)
//!   and from values *learned* from the events of earlier blocks and from the register
//!   (`Enterprises` keys), so ids and codes that exist get hit.
//! - **Warm-up**: each episode opens with 27 calls by the right parties (licence
//!   types, licences, registered enterprises, deposit accounts, a disbursed loan,
//!   commitments), so that random calls find records to act on.
//! - **Mutation**: the best variant of each call so far (by rarity of its outcome,
//!   `Ok` best) is re-dispatched with one argument or the origin changed, climbing check
//!   by check towards `Ok`.
//! - **Blocks**: `Executive::initialize_block` (with an Aura slot digest), the timestamp
//!   inherent (3 s per block), the calls (each through `Dispatchable::dispatch`, which
//!   applies the call filter and is transactional, inside `catch_unwind`), then
//!   `Executive::finalize_block` and the invariants.
//!
//! A panic or a broken invariant is a finding: the report names the seed, episode,
//! call, origin and error, and the command that replays it (runs are deterministic).
//!
//! Run: `FUZZ_CALLS=1000000 SKIP_WASM_BUILD=1 cargo test --release -p govchain-fuzz -- --nocapture`
//! (see `README.md` for every `FUZZ_*` variable).

pub mod pools;
pub mod rng;
mod runner;
pub mod schema;

pub use runner::{genesis, run, CallStats, Config, Report};
