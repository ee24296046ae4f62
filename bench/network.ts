// Benchmark child: a calico cluster with SERVICES Deployments x REPLICAS nginx Pods, a Service per
// Deployment, spread over 5 labelled namespaces, and POLICIES NetworkPolicies (podSelector,
// namespaceSelector, both, ipBlock with except; ingress, and egress with DNS allowed). Measures
// connect() from random Pods to random Service names (DNS, kube-proxy, policy at both ends) and
// the Pod x Pod reachability matrix of MATRIX Pods on port 80.
// Usage: ts-node bench/network.ts [SERVICES=1000] [REPLICAS=10] [POLICIES=200] [CONNECTIONS=5000] [MATRIX=1000] [NODES=100]
// Prints one JSON line of figures.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { applyManifests, advanceUntil, viewOf } from '../sim/index';
import { connect } from '../sim/network/connect';
import { reachabilityMatrix } from '../sim/network/policy-matrix';
import { EMPTY_PROXY_STATE } from '../sim/network/proxy';
import { rngFrom, seedState } from '../sim/engine/rng';
import type { Deployment, Pod } from '../sim/api/types';

const arg = (i: number, dflt: number) => (process.argv[2 + i] !== undefined ? Number(process.argv[2 + i]) : dflt);
const services = arg(0, 1000);
const replicas = arg(1, 10);
const policies = arg(2, 200);
const connections = arg(3, 5000);
const matrixPods = arg(4, 1000);
const nodes = arg(5, 100);
const NAMESPACES = 5;
const nsOf = (i: number) => `team-${i % NAMESPACES}`;

function manifests(): string {
  const docs: string[] = [];
  for (let t = 0; t < NAMESPACES; t++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-${t}\n  labels: {team: t${t}, tier: ${t % 2 === 0 ? 'front' : 'back'}}\n`);
  }
  for (let i = 0; i < services; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${nsOf(i)}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}, group: g${i % 20}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80, name: http}]
        resources:
          requests: {cpu: 10m, memory: 16Mi}
`, `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: ${nsOf(i)}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: http}]
`);
  }
  // Policies select every 5th app (so 1 in 5 Services is isolated), with peers of every shape.
  for (let k = 0; k < policies; k++) {
    const target = (k * 5) % services;
    const shape = k % 5;
    const peers = [
      `      - podSelector: {matchLabels: {group: g${k % 20}}}`,
      `      - namespaceSelector: {matchLabels: {tier: front}}`,
      `      - namespaceSelector: {matchLabels: {team: t${k % NAMESPACES}}}\n        podSelector: {matchExpressions: [{key: group, operator: In, values: [g${k % 20}, g${(k + 7) % 20}]}]}`,
      `      - ipBlock: {cidr: 10.244.0.0/16, except: [10.244.${k % 100}.0/24]}`,
      `      - podSelector: {}`,
    ][shape];
    const egress = k % 4 === 0
      ? `  - Egress
  egress:
  - to:
    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
    ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]
  - to:
${peers}
    ports: [{port: 80}]
`
      : '';
    docs.push(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: policy-${k}
  namespace: ${nsOf(target)}
spec:
  podSelector: {matchLabels: {app: app-${target}}}
  policyTypes:
  - Ingress
${egress}  ingress:
  - from:
${peers}
    ports: [{port: http}]
`);
  }
  return docs.join('---\n');
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const t0 = performance.now();
let cluster = bootstrapCluster({ nodes, network: 'calico', recordTrace: false, seed: 1 });
const applied = applyManifests(cluster, manifests(), { mode: 'apply', source: 'network.yml' });
if (applied.errors.length > 0) throw new Error(applied.errors.slice(0, 5).join('\n'));
const want = services * replicas;
const up = advanceUntil(applied.cluster, 3_600_000, (v) => {
  let n = 0;
  for (let t = 0; t < NAMESPACES; t++) for (const d of v.list<Deployment>('Deployment', `team-${t}`)) n += d.status?.availableReplicas ?? 0;
  return n === want;
});
if (!up.reached) throw new Error('the Deployments did not become available within an hour');
cluster = up.cluster;
const setupMs = performance.now() - t0;

const view = viewOf(cluster);
const pods: Pod[] = [];
for (let t = 0; t < NAMESPACES; t++) pods.push(...view.list<Pod>('Pod', `team-${t}`));
pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)); // store order is not part of the contract
const rng = rngFrom(seedState(1));

// Connections: a random Pod dials a random Service by the name a client in another namespace must use (svc.ns).
const picks = Array.from({ length: connections }, () => {
  const p = pods[rng.int(pods.length)];
  const s = rng.int(services);
  const name = nsOf(s) === p.metadata.namespace && rng.int(2) === 0 ? `svc-${s}` : `svc-${s}.${nsOf(s)}`;
  return { from: { pod: { namespace: p.metadata.namespace!, name: p.metadata.name } }, to: name };
});
const loadConn = load();
// Two passes over the same picks: the first includes first-call compilation, the second is the steady rate.
const passes: { ms: number; outcomes: Record<string, number> }[] = [];
for (let pass = 0; pass < 2; pass++) {
  const outcomes: Record<string, number> = {};
  const connRng = rngFrom(seedState(2 + pass));
  let proxyState = EMPTY_PROXY_STATE;
  const t1 = performance.now();
  for (const c of picks) {
    const r = connect(view, connRng, c.from, c.to, 80, { proxyState });
    proxyState = r.proxyState;
    outcomes[r.result] = (outcomes[r.result] ?? 0) + 1;
  }
  passes.push({ ms: performance.now() - t1, outcomes });
}
const connectMs = passes[1].ms;

// The matrix: MATRIX Pods chosen at random (seeded), all pairs, port 80.
const chosen = [...pods];
for (let i = chosen.length - 1; i > 0; i--) { const j = rng.int(i + 1); [chosen[i], chosen[j]] = [chosen[j], chosen[i]]; }
const subset = chosen.slice(0, matrixPods);
const loadMatrix = load();
const runs: number[] = [];
let allowedPairs = 0;
for (let r = 0; r < 3; r++) { // first run includes first-call compilation; report all three
  const t2 = performance.now();
  const m = reachabilityMatrix(view, subset, 80);
  runs.push(performance.now() - t2);
  if (r === 0) for (const row of m.rows) for (let j = 0; j < row.length; j++) allowedPairs += row[j];
}

console.log(JSON.stringify({
  nodes, services, pods: pods.length, policies, namespaces: NAMESPACES,
  setupMs: Math.round(setupMs),
  connections, connectMs: passes.map((p) => Math.round(p.ms)), connectionsPerSecond: Math.round(connections / (connectMs / 1000)), outcomes: passes[0].outcomes,
  matrixPods: subset.length, matrixPairs: subset.length ** 2, matrixAllowedPairs: allowedPairs,
  matrixMs: runs.map((x) => Math.round(x * 10) / 10),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  loadavg: { connect: loadConn, matrix: loadMatrix, end: load() },
}));
