// Diagnostic: a hash of everything a run produced (trace, events, objects, runtime rows' IPs), to
// check that a performance change kept behaviour byte for byte. Usage: ts-node bench/fingerprint.ts [dump.txt]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { failNode } from '../sim/cluster/node-ops';
import { applyManifests, advance, submit } from '../sim/index';

const h = createHash('sha256');
let cluster = bootstrapCluster({ nodes: 6, recordTrace: true, seed: 7 });
const docs: string[] = [];
for (let i = 0; i < 4; i++) docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: ${10 + i}\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n      - name: web\n        image: ${i % 2 ? 'nginx:1.27' : 'busybox'}\n        ${i % 2 ? '' : 'command: ["sh", "-c", "sleep 20; exit 1"]'}\n        resources:\n          requests: {cpu: 10m, memory: 16Mi}\n`);
docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: app-1}\n  ports: [{port: 80}]\n`);
cluster = applyManifests(cluster, docs.join('---\n'), { mode: 'apply', source: 'f.yml' }).cluster;
cluster = advance(cluster, 30_000);
cluster = failNode(cluster, 'k8s-node2').cluster;
cluster = advance(cluster, 400_000);
const pods = cluster.store.list('Pod', 'default').slice(0, 5);
cluster = submit(cluster, pods.map((p) => ({ verb: 'delete' as const, ref: { kind: 'Pod', namespace: 'default', name: p.metadata.name }, reason: 'test' }))).cluster;
cluster = advance(cluster, 120_000);
for (const e of cluster.trace) h.update(JSON.stringify(e));
for (const e of cluster.events) h.update(JSON.stringify(e));
for (const kind of ['Pod', 'ReplicaSet', 'Deployment', 'Node', 'Endpoints', 'EndpointSlice']) for (const o of cluster.store.list(kind)) h.update(JSON.stringify(o));
// With a path argument, also writes everything hashed, one JSON per line (to diff two trees' runs).
if (process.argv[2]) writeFileSync(process.argv[2], [...cluster.trace].map((e) => JSON.stringify(e)).concat([...cluster.events].map((e) => JSON.stringify(e))).concat(['Pod', 'ReplicaSet', 'Deployment', 'Node', 'Endpoints', 'EndpointSlice'].flatMap((k) => cluster.store.list(k).map((o) => JSON.stringify(o)))).join('\n'));
console.log(cluster.trace.length, cluster.events.length, cluster.store.count('Pod'), h.digest('hex'));
