#!/usr/bin/env bash
# docker/docker-compose.yml runs the network `scripts/network.sh start` runs: it is what
# `scripts/network.sh compose 4` prints today, and every node gets the same flags in
# both, except where a container differs by nature (paths inside the container, its
# own address and fixed ports, peers by service name with the peer ids of the network's
# compose.env, Prometheus reachable from outside the container). Each
# validator serves RPC on localhost only, with safe methods; only the RPC node has
# --rpc-external, with limited CORS. Containers themselves cannot run on the machine
# this test was written on, so it checks the files, not a running compose network.
TEST=compose
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
compose="$ROOT/docker/docker-compose.yml"
trap test_cleanup EXIT
work="$TESTS_DIR/$TEST"
mkdir -p "$work"

fresh=$(GOVCHAIN_RPC_CORS='' net_compose 4)
diff <(echo "$fresh") "$compose" >"$work/compose.diff" ||
	fail "docker/docker-compose.yml is not what 'scripts/network.sh compose 4' prints: $(head -20 "$work/compose.diff")"
say "docker/docker-compose.yml is up to date with 'scripts/network.sh compose 4'"
if python3 -c 'import yaml' 2>/dev/null; then
	python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(len(d["services"]))' "$compose" >/dev/null ||
		fail "docker/docker-compose.yml is not valid YAML"
	say "valid YAML (python3 yaml)"
fi

# The network the script would start (keys and spec only; nothing runs).
template="$TESTS_DIR/template-4"
[ -f "$template/network.env" ] || (NET_DIR=$template net_init 4) >/dev/null
NET_DIR=$template
net_load
for name in $(net_nodes); do
	node_args local "$name" >"$work/args-$name"
done
NODES="$(net_nodes | tr '\n' ' ')" node - "$compose" "$work" "$NET_DIR" <<'JS' || fail "flags differ"
const fs = require('fs');
const [composePath, argsDir, netDir] = process.argv.slice(2);
const text = fs.readFileSync(composePath, 'utf8');
// compose.env of the network: its directory and every node's peer id.
const env = Object.fromEntries(fs.readFileSync(`${netDir}/compose.env`, 'utf8').trim().split('\n').map((l) => l.split('=')));
const expand = (v) => v.replace(/\$\{([A-Z_]+)\}/g, (_, k) => env[k] ?? `<unset ${k}>`);
const services = {};
let current = null, key = null;
for (const line of text.split('\n')) {
  const s = line.match(/^  ([a-z0-9-]+):$/);
  if (s) { current = services[s[1]] = { command: [], volumes: [], ports: [] }; continue; }
  if (!current) continue;
  const k = line.match(/^    ([a-z_]+):(.*)$/);
  if (k) {
    key = k[1];
    if (key === 'ports') current.ports = JSON.parse(k[2]);
    continue;
  }
  const item = line.match(/^      - (.*)$/);
  if (item && key === 'command') current.command.push(JSON.parse(item[1]));
  else if (item && key === 'volumes') current.volumes.push(item[1]);
}
const nodes = process.env.NODES.trim().split(' ');
const problems = [];
const check = (ok, msg) => { if (!ok) problems.push(msg); };
check(JSON.stringify(Object.keys(services)) === JSON.stringify(nodes), `services ${Object.keys(services)} != nodes ${nodes}`);
// flag -> [values] (a flag without value -> [true]), in order.
const flags = (args) => {
  const out = new Map();
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[++i] : true;
    out.set(flag, [...(out.get(flag) ?? []), value]);
  }
  return out;
};
const peerName = Object.fromEntries(nodes.map((n) => [fs.readFileSync(`${netDir}/nodes/${n}/peer-id`, 'utf8').trim(), n]));
// Values that differ by nature between a process on this machine and a container:
// local value -> container value.
const container = (name) => ({
  '--chain': () => '/network/spec.json',
  '--base-path': (v) => (v === `${netDir}/nodes/${name}/base` ? '/data/base' : `unexpected ${v}`),
  '--node-key-file': (v) => (v === `${netDir}/nodes/${name}/node.key` ? '/data/node.key' : `unexpected ${v}`),
  '--listen-addr': () => '/ip4/0.0.0.0/tcp/30333',
  '--rpc-port': () => '9944',
  '--prometheus-port': () => '9615',
  // A peer's address: its service name and the same peer id.
  '--reserved-nodes': (v) => { const id = v.split('/p2p/')[1]; return `/dns/${peerName[id]}/tcp/30333/p2p/${id}`; },
});
for (const name of nodes) {
  const svc = services[name];
  if (!svc?.command.length) { problems.push(`${name}: no command`); continue; }
  const localArgs = fs.readFileSync(`${argsDir}/args-${name}`, 'utf8').trimEnd().split('\n');
  const local = flags(localArgs), docker = flags(svc.command.map(expand));
  const mapped = container(name);
  let compared = 0;
  for (const [flag, values] of local) {
    const want = values.map((v) => (mapped[flag] ? mapped[flag](v) : v));
    check(JSON.stringify(docker.get(flag)) === JSON.stringify(want),
      `${name}: ${flag} ${JSON.stringify(values)} locally -> expected ${JSON.stringify(want)} in compose, found ${JSON.stringify(docker.get(flag))}`);
    compared += values.length;
  }
  const extra = [...docker.keys()].filter((f) => !local.has(f));
  check(JSON.stringify(extra) === '["--prometheus-external"]', `${name}: compose-only flags ${extra}`);
  // Mounts: the node's own directory and the spec with container boot nodes.
  check(svc.volumes.some((v) => v.endsWith(`/nodes/${name}:/data`)), `${name}: /data is not nodes/${name}`);
  check(svc.volumes.some((v) => v.endsWith('/spec-docker.json:/network/spec.json:ro')), `${name}: spec not mounted`);
  // Policy: validators localhost RPC with safe methods; only the RPC node external, CORS limited;
  // reserved-only with every other admitted node.
  const one = (f) => local.get(f)?.[0];
  const validator = name !== 'rpc';
  check(!!one('--validator') === validator, `${name}: --validator ${!!one('--validator')}`);
  check(one('--rpc-methods') === 'safe', `${name}: --rpc-methods ${one('--rpc-methods')}`);
  check(!!one('--rpc-external') === !validator, `${name}: --rpc-external on a validator`);
  check(validator || (one('--rpc-cors') && one('--rpc-cors') !== 'all'), `${name}: CORS not limited`);
  check(one('--offchain-worker') === 'always', `${name}: offchain worker (node authorization) not always on`);
  check(one('--reserved-only') === true && (local.get('--reserved-nodes') ?? []).length === nodes.length - 1,
    `${name}: not reserved-only with the ${nodes.length - 1} other nodes`);
  const published = svc.ports.map((p) => p.split(':').slice(-1)[0]);
  check(validator ? !published.includes('9944') : published.includes('9944'), `${name}: RPC published ${svc.ports}`);
  check(svc.ports.every((p) => p.startsWith('127.0.0.1:') || p === '9944:9944'), `${name}: published beyond localhost: ${svc.ports}`);
  console.log(`${name}: ${compared} flag values equal (${Object.keys(mapped).length} flags mapped to container paths, ports, service names), compose adds --prometheus-external`);
}
// The container spec is the same chain: same genesis, boot nodes by service name, same peer ids.
const spec = JSON.parse(fs.readFileSync(`${netDir}/spec.json`, 'utf8'));
const dspec = JSON.parse(fs.readFileSync(`${netDir}/spec-docker.json`, 'utf8'));
check(JSON.stringify(spec.genesis) === JSON.stringify(dspec.genesis), 'spec-docker.json has another genesis');
const ids = (s) => s.bootNodes.map((a) => a.split('/p2p/')[1]).join();
check(ids(spec) === ids(dspec), 'boot node peer ids differ');
check(dspec.bootNodes.every((a, i) => a.startsWith(`/dns/${nodes[i]}/tcp/30333/p2p/`)), `container boot nodes ${dspec.bootNodes}`);
console.log(`spec-docker.json: same genesis, boot nodes ${dspec.bootNodes.map((a) => a.split('/tcp')[0]).join(' ')}`);
for (const p of problems) console.log(`MISMATCH ${p}`);
process.exit(problems.length ? 1 : 0);
JS
NET_DIR="$TESTS_DIR/$TEST"
pass "compose and script give every node the same flags"
