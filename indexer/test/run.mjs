// The indexer's test (part of scripts/test.sh): GovChain's own end-to-end scenarios run
// against one node while the indexer follows it; then the GraphQL answers must match
// what the runtime APIs say, for each domain. The indexer is killed (SIGKILL) between
// two scenario files and restarted; at the end a second indexer catches up from genesis
// on the chain with history, is killed mid-sync, restarted, and must give the same
// answers.
//
//   node indexer/test/run.mjs [e2e test files…]
// Default files: the adversarial scenarios (each role a different agency) of copyright,
// enterprises, licences and the provident fund, in that order. Each ends by having the
// council suspend agencies (and the fund's retires one); between files a council motion
// reinstates the suspended ones, so the next file finds every role acting.
// Environment: GOVCHAIN_NODE (node binary).

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { freePort, startNode } from '../../tests/e2e/lib/node.mjs';
import { connect } from '../../tests/e2e/lib/chain.mjs';
import { councilMembers, motion, presetKeys } from '../../tests/e2e/lib/adversarial.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const e2e = join(root, 'tests/e2e');
const files = process.argv.slice(2).length ? process.argv.slice(2).map((f) => resolve(f))
  : ['73-adversarial-copyright', '72-adversarial-enterprises', '71-adversarial-licenses', '74-adversarial-fund']
    .map((f) => join(e2e, 'tests', `${f}.test.mjs`));
const t0 = Date.now();
const say = (m) => console.log(`[indexer ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const stops = [];
const cleanup = () => { for (const s of stops.splice(0).reverse()) try { s(); } catch {} };
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) process.on(sig, () => { cleanup(); process.exit(code); });

/** One history service (PostgreSQL, indexer, GraphQL) of its own under `dir`. */
async function service(dir, ws) {
  const [pg, gql, ix] = [await freePort(), await freePort(), await freePort()];
  const env = { ...process.env, GOVCHAIN_PG_PORT: String(pg), GOVCHAIN_INDEXER_PORT: String(ix) };
  const sh = (...args) => {
    const r = spawnSync(join(root, 'indexer/indexer.sh'), args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`indexer.sh ${args[0]}: ${r.stderr}${r.stdout}`);
  };
  const s = {
    dir, url: `http://127.0.0.1:${gql}/`,
    start: () => sh('start', dir, ws, String(gql)),
    /** Starts it without waiting, and SIGKILLs the indexer as soon as its own /meta says
     * it is processing block `n` (mid-sync); returns that height. */
    async startAndKillAt(n) {
      const child = spawn(join(root, 'indexer/indexer.sh'), ['start', dir, ws, String(gql)], { env, stdio: 'ignore' });
      const ended = new Promise((r) => child.on('exit', r));
      const limit = Date.now() + 120_000;
      for (;;) {
        const meta = await fetch(`http://127.0.0.1:${ix}/meta`).then((r) => r.json(), () => null);
        if ((meta?.currentProcessingHeight ?? 0) >= n) {
          s.kill();
          await ended;
          return meta.currentProcessingHeight;
        }
        if (Date.now() > limit) throw new Error(`the indexer did not reach block #${n} in 120 s`);
        await sleep(20);
      }
    },
    kill: () => sh('kill-indexer', dir),
    stop: (keepLogs) => {
      if (keepLogs && existsSync(join(dir, 'logs'))) cpSync(join(dir, 'logs'), join(here, '../logs', basename(dir)), { recursive: true });
      sh('wipe', dir);
    },
    async query(q) {
      const r = await fetch(s.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q }) });
      const body = await r.json();
      if (body.errors) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    async height() {
      try { return (await s.query('{ _metadata { lastProcessedHeight } }'))._metadata.lastProcessedHeight ?? 0; } catch { return -1; }
    },
    /** Throws with the end of its log if the indexer process is gone. */
    alive(what) {
      let ok = false;
      try { process.kill(Number(readFileSync(join(dir, 'indexer.pid'), 'utf8')), 0); ok = true; } catch {}
      if (!ok) {
        const log = readFileSync(join(dir, 'logs/indexer.log'), 'utf8').split('\n').filter((l) => /ERROR|Error|at /.test(l)).slice(-12).join('\n');
        throw new Error(`${what}: the indexer stopped:\n${log}`);
      }
    },
    async reach(n, what) {
      const limit = Date.now() + 300_000;
      while ((await s.height()) < n) {
        s.alive(what);
        if (Date.now() > limit) throw new Error(`${what}: the indexer did not reach block #${n} in 300 s`);
        await sleep(500);
      }
    },
  };
  return s;
}

/** Runs one e2e scenario file against the node, as the e2e harness would. */
function runE2e(file, ws) {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['--test', '--test-reporter=dot', file], { cwd: e2e, env: { ...process.env, GOVCHAIN_WS: ws }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${basename(file)} failed:\n${out.slice(-3000)}`))));
  });
}

const all = async (s, entity, fields) => {
  const out = [];
  for (let after = null; ;) {
    const page = (await s.query(`{ ${entity}(first: 100${after ? `, after: "${after}"` : ''}, orderBy: ID_ASC) { pageInfo { hasNextPage endCursor } nodes { ${fields} } } }`))[entity];
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
};

/** The GraphQL answers, per domain, that the runtime APIs must agree with. */
async function answers(s) {
  return {
    agencies: await all(s, 'agencies', 'id name region status'),
    licences: await all(s, 'licences', 'id licenceType holder issuer status changeCount useCount changes { totalCount } uses { totalCount }'),
    enterprises: await all(s, 'enterprises', 'id status authority version licence history { totalCount }'),
    applications: await all(s, 'applications', 'id status reviews { totalCount }'),
    works: await all(s, 'works', 'id holder registration frozen events { totalCount }'),
    loans: await all(s, 'loans', 'id status bank centre outstanding repaid events { totalCount }'),
    motions: await all(s, 'motions', 'id index status ayes nays votes { totalCount }'),
    events: (await s.query('{ events { totalCount } calls { totalCount } }')),
  };
}

const text = (c) => c.toUtf8();
const holderText = (h) => (h.isEnterprise ? `Enterprise:${text(h.asEnterprise)}` : h.isPerson ? `Person:${h.asPerson.toHex()}` : `Account:${h.asAccount}`);

/** Checks every indexed record against the runtime APIs at block `at`, and the counts against the chain's. */
async function compare(api, at, a) {
  const x = await api.at(at);
  const counts = {};
  // Agencies: all of them, including those made at genesis.
  assert.equal(a.agencies.length, (await x.query.consortium.nextAgencyId()).toNumber(), 'agencies');
  for (const g of a.agencies) {
    const s = (await x.query.consortium.agencies(Number(g.id))).unwrap();
    assert.equal(g.name, text(s.name), `agency ${g.id} name`);
    assert.equal(g.status, s.status.type, `agency ${g.id} status`);
  }
  // Licences: every one issued; status, holder, issuer, and the management and usage
  // records' lengths equal the licence's own counters.
  assert.equal(a.licences.length, (await x.query.licenses.nextLicenseId()).toNumber(), 'licences');
  for (const l of a.licences) {
    const v = (await api.call.licensesApi.license(Number(l.id))).unwrap();
    assert.deepEqual([l.status, l.holder, l.issuer, l.licenceType], [v.status.type, holderText(v.holder), v.issuer.toNumber(), v.licenseType.toNumber()], `licence ${l.id}`);
    assert.equal(l.changes.totalCount, v.changes.toNumber(), `licence ${l.id}: management record`);
    assert.equal(l.uses.totalCount, v.uses.toNumber(), `licence ${l.id}: usage record`);
  }
  counts.licenceChanges = a.licences.reduce((n, l) => n + l.changes.totalCount, 0);
  counts.licenceUses = a.licences.reduce((n, l) => n + l.uses.totalCount, 0);
  // Enterprises and applications.
  assert.equal(a.enterprises.length, (await x.query.enterprises.enterprises.keys()).length, 'enterprises');
  for (const e of a.enterprises) {
    const v = (await api.call.enterprisesApi.enterprise(e.id)).unwrap();
    assert.deepEqual([e.status, e.authority, e.version, Number(e.licence)], [v.status.type, v.authority.toNumber(), v.version.toNumber(), v.license.toNumber()], `enterprise ${e.id}`);
    assert.ok(e.history.totalCount >= 1, `enterprise ${e.id} has its history`);
  }
  assert.equal(a.applications.length, (await x.query.enterprises.nextApplicationId()).toNumber(), 'applications');
  for (const p of a.applications) {
    const v = (await x.query.enterprises.applications(Number(p.id))).unwrap();
    assert.equal(p.status, v.status.type, `application ${p.id}`);
  }
  // Works.
  assert.equal(a.works.length, (await x.query.copyright.works.keys()).length, 'works');
  for (const w of a.works) {
    const v = (await api.call.copyrightApi.work(w.id)).unwrap();
    assert.deepEqual([w.holder, w.registration, w.frozen], [holderText(v.holder), v.registration.type, v.frozen.isSome], `work ${w.id}`);
    assert.ok(w.events.totalCount >= 1, `work ${w.id} has its events`);
  }
  // Loans.
  assert.equal(a.loans.length, (await x.query.providentFund.nextLoan()).toNumber(), 'loans');
  for (const l of a.loans) {
    const v = (await api.call.providentFundApi.loan(Number(l.id))).unwrap();
    assert.deepEqual([l.status, l.bank, l.centre, BigInt(l.outstanding), BigInt(l.repaid)],
      [v.status.type, v.bank.toNumber(), v.centre.toNumber(), v.outstanding.toBigInt(), v.repaid.toBigInt()], `loan ${l.id}`);
  }
  // Council motions: every one proposed, each seat's vote.
  assert.equal(a.motions.length, (await x.query.council.proposalCount()).toNumber(), 'motions');
  for (const m of a.motions) assert.equal(m.votes.totalCount, m.ayes + m.nays, `motion ${m.index}: one vote per seat that voted`);
  return {
    agencies: a.agencies.length, licences: a.licences.length, ...counts, enterprises: a.enterprises.length,
    applications: a.applications.length, works: a.works.length, loans: a.loans.length, motions: a.motions.length,
    events: a.events.events.totalCount, calls: a.events.calls.totalCount,
  };
}

/** A council motion that reinstates every suspended agency; returns their ids. */
async function reinstateAll(api) {
  const suspended = [];
  for (const [key, a] of await api.query.consortium.agencies.entries()) {
    if (a.unwrap().status.toString() === 'Suspended') suspended.push(key.args[0].toNumber());
  }
  if (!suspended.length) return '(none suspended)';
  const k = presetKeys();
  const byAddress = new Map([k.alice, k.bob, k.charlie, k.dave, k.eve, k.ferdie, ...Object.values(k.cq), ...Object.values(k.sc)].map((p) => [p.address, p]));
  const seats = (await councilMembers(api)).map((m) => byAddress.get(m)).filter(Boolean);
  if (seats.length < 2) throw new Error('fewer than two council seats with known keys');
  await motion(api, api.tx.utility.batchAll(suspended.map((id) => api.tx.consortium.reinstateAgency(id))), { proposer: seats[0], voter: seats[1] });
  return suspended.join(', ');
}

let code = 1;
let failed = true;
try {
  const node = await startNode('adversarial', 'indexer', join(here, '../logs'));
  stops.push(() => node.stop(failed, 'indexer test failures'));
  const ws = `ws://127.0.0.1:${node.port}`;
  const work = mkdtempSync(join(tmpdir(), 'govchain-indexer-'));
  chmodSync(work, 0o755); // PostgreSQL runs as its own user (indexer/indexer.sh)
  stops.push(() => rmSync(work, { recursive: true, force: true }));
  const live = await service(join(work, 'live'), ws);
  stops.push(() => live.stop(failed));
  live.start();
  say(`node ${ws} (adversarial preset); indexer following it, GraphQL ${live.url}`);

  process.env.GOVCHAIN_WS = ws;
  const api = await connect();
  stops.push(() => api.disconnect());
  for (const [i, file] of files.entries()) {
    const started = Date.now();
    await runE2e(file, ws);
    live.alive(basename(file));
    say(`${basename(file)}: passed in ${((Date.now() - started) / 1000).toFixed(0)} s; indexed up to #${await live.height()}`);
    if (i === 0) {
      live.kill();
      say('indexer killed (SIGKILL); restarting it');
      live.start();
    }
    if (i < files.length - 1) say(`council motion reinstating agencies ${await reinstateAll(api)}`);
  }

  // Every transaction the files sent is in a block; wait until those blocks are final.
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  let head = await api.rpc.chain.getFinalizedHead();
  while ((await api.rpc.chain.getHeader(head)).number.toNumber() < best) {
    await sleep(1_000);
    head = await api.rpc.chain.getFinalizedHead();
  }
  const headNumber = (await api.rpc.chain.getHeader(head)).number.toNumber();
  await live.reach(headNumber, 'live');
  const liveAnswers = await answers(live);
  const counts = await compare(api, head, liveAnswers);
  say(`live indexer at #${headNumber} agrees with the runtime APIs: ${JSON.stringify(counts)}`);

  // From genesis, on the chain with history; killed mid-sync.
  const replay = await service(join(work, 'replay'), ws);
  stops.push(() => replay.stop(failed));
  const replayStart = Date.now();
  const killedAt = await replay.startAndKillAt(Math.floor(headNumber / 3));
  say(`replay indexer killed (SIGKILL) at #${killedAt} of #${headNumber}; restarting it`);
  replay.start();
  await replay.reach(headNumber, 'replay');
  const replayAnswers = await answers(replay);
  await compare(api, head, replayAnswers);
  assert.deepEqual(replayAnswers, liveAnswers, 'the replay from genesis gives the same answers');
  say(`replay from genesis (killed once) gives the same answers: ${headNumber} blocks, ${replayAnswers.events.events.totalCount} events in ${((Date.now() - replayStart) / 1000).toFixed(0)} s with its start and restart`);

  // The example queries of indexer/README.md answer.
  const uses = await live.query('{ licenceUses(first: 5, orderBy: TIME_DESC) { totalCount nodes { licence { id } verifier time } } }');
  const byAgency = await live.query('{ events(filter: { module: { equalTo: "licenses" }, method: { in: ["LicenseIssued", "LicenseChanged"] }, agency: { isNull: false } }) { groupedAggregates(groupBy: AGENCY) { keys distinctCount { id } } } }');
  say(`examples: ${uses.licenceUses.totalCount} licence uses; licence events by agency ${JSON.stringify(byAgency.events.groupedAggregates.map((g) => [g.keys[0], Number(g.distinctCount.id)]))}`);
  assert.equal(uses.licenceUses.totalCount, counts.licenceUses);
  failed = false;
  code = 0;
  say('PASS');
} catch (e) {
  console.error(`indexer test: ${e.stack ?? e}`);
} finally {
  cleanup();
}
process.exit(code);
