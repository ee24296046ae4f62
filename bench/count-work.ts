// Diagnostic: what the engine does per Pod in the scale benchmark (reconciles per controller,
// writes per verb/kind/cause, events per reason). Usage: ts-node bench/count-work.ts N D R
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { planManifests } from '../sim/api/apply';
import * as loop from '../sim/engine/loop';
import { CONTROLLERS } from '../sim/cluster/controllers';
import type { Controller } from '../sim/engine/types';
import type { Deployment } from '../sim/api/types';

const [nodes, deployments, replicas] = process.argv.slice(2).map(Number);
const reconciles = new Map<string, number>();
const noop = new Map<string, number>();
const wrap = (c: Controller): Controller => ({
  ...c, reconcile: (v, k, x) => {
    reconciles.set(c.name, (reconciles.get(c.name) ?? 0) + 1);
    const r = c.reconcile(v, k, x);
    if (r.changes.length === 0) noop.set(c.name, (noop.get(c.name) ?? 0) + 1);
    return r;
  },
});
const CTL = CONTROLLERS.map(wrap);
let cluster = bootstrapCluster({ nodes, recordTrace: true, seed: 1 });
const from = cluster.trace.length;
const ev0 = cluster.events.length;
const docs: string[] = [];
for (let i = 0; i < deployments; i++) docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: app-${i}}\n  template:\n    metadata:\n      labels: {app: app-${i}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 10m, memory: 16Mi}\n`);
const plan = planManifests(cluster.store, docs.join('---\n'), { mode: 'apply', source: 'bench.yml' });
cluster = loop.submit(cluster, plan.changes, CTL).cluster;
const want = deployments * replicas;
cluster = loop.advanceUntil(cluster, cluster.nowMs + 3_600_000, CTL, (v) => v.list<Deployment>('Deployment', 'default').reduce((n, d) => n + (d.status?.availableReplicas ?? 0), 0) === want).cluster;
const writes = new Map<string, number>();
for (const e of cluster.trace.slice(from)) if (e.verb !== 'event') { const k = `${e.verb} ${e.kind} by ${e.cause}`; writes.set(k, (writes.get(k) ?? 0) + 1); }
const events = new Map<string, number>();
for (const e of cluster.events.slice(ev0)) events.set(e.reason, (events.get(e.reason) ?? 0) + 1);
const per = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / want).toFixed(2).padStart(7)}  ${v}  ${k}`).join('\n');
console.log(`per Pod (${want} Pods)\n-- reconciles\n${per(reconciles)}\n-- no-op reconciles\n${per(noop)}\n-- writes\n${per(writes)}\n-- events\n${per(events)}`);
