// Diagnostic: bench/fingerprint.ts at a size where the scheduler searches part of the nodes (300 nodes,
// 3,000 Pods, a node failure, a rollout of 10 Deployments): a hash to compare before and after a
// performance change of the scale paths. Usage: ts-node bench/fingerprint-scale.ts (~10 s).
import { createHash } from 'node:crypto';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { failNode } from '../sim/cluster/node-ops';
import type { Pod } from '../sim/api/types';
import { applyManifests, advance, advanceUntil } from '../sim/index';
const h = createHash('sha256');
let cluster = bootstrapCluster({ nodes: 300, recordTrace: true, seed: 3 });
const docs: string[] = [];
for (let i = 0; i < 60; i++) docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: 50\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n      - name: web\n        image: ${i % 3 ? 'nginx:1.27' : 'busybox'}\n        ${i % 3 ? '' : 'command: ["sh", "-c", "sleep 3600"]'}\n        resources:\n          requests: {cpu: ${10 + (i % 4) * 100}m, memory: 16Mi}\n`);
docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: app-1}\n  ports: [{port: 80}]\n`);
cluster = applyManifests(cluster, docs.join('---\n'), { mode: 'apply', source: 'f.yml' }).cluster;
cluster = advanceUntil(cluster, 600_000, (v) => v.list<Pod>('Pod', 'default').every((p) => p.status?.phase === 'Running')).cluster;
cluster = failNode(cluster, 'k8s-node7').cluster;
cluster = advance(cluster, 400_000);
const d2 = docs.slice(0, 10).map((d) => d.replace('replicas: 50', 'replicas: 80').replace('nginx:1.27', 'nginx:1.28'));
cluster = applyManifests(cluster, d2.join('---\n'), { mode: 'apply', source: 'g.yml' }).cluster;
cluster = advance(cluster, 300_000);
for (const e of cluster.trace) h.update(JSON.stringify(e));
for (const e of cluster.events) h.update(JSON.stringify(e));
for (const kind of ['Pod', 'ReplicaSet', 'Deployment', 'Node', 'Endpoints', 'EndpointSlice']) for (const o of cluster.store.list(kind)) h.update(JSON.stringify(o));
console.log(cluster.trace.length, cluster.events.length, cluster.store.count('Pod'), h.digest('hex'));
