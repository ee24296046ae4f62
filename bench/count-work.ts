// Diagnostic: what the engine does per Pod in the scale benchmark (reconciles per controller,
// writes per verb/kind/cause, events per reason). Usage: ts-node bench/count-work.ts N D R [rollout]
// (`rollout`: counts the rolling update of every Deployment to a new image instead of the apply).
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { planManifests } from '../sim/api/apply';
import * as loop from '../sim/engine/loop';
import { CONTROLLERS } from '../sim/cluster/controllers';
import type { Cluster, ClusterView, Controller } from '../sim/engine/types';
import type { Deployment, ReplicaSet } from '../sim/api/types';
import { deploymentManifests } from './manifests';

const [nodes, deployments, replicas] = process.argv.slice(2, 5).map(Number);
const rollout = process.argv[5] === 'rollout';
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
const want = deployments * replicas;
const manifests = (image: string): string => deploymentManifests(deployments, replicas, image);
const available = (v: ClusterView): boolean => v.list<Deployment>('Deployment', 'default').reduce((n, d) => n + (d.status?.availableReplicas ?? 0), 0) === want;
const rolledOut = (v: ClusterView): boolean => available(v) && v.list<ReplicaSet>('ReplicaSet', 'default').every((rs) => rs.spec.template.spec.containers[0].image === 'nginx:1.28' || rs.spec.replicas === 0)
  && v.list<Deployment>('Deployment', 'default').every((d) => d.status?.updatedReplicas === replicas && d.status?.replicas === replicas);
const run = (from: Cluster, image: string, done: (v: ClusterView) => boolean, ctl: readonly Controller[]): Cluster => {
  const plan = planManifests(from.store, manifests(image), { mode: 'apply', source: 'bench.yml' });
  return loop.advanceUntil(loop.submit(from, plan.changes, ctl).cluster, from.nowMs + 3_600_000, ctl, done).cluster;
};
let cluster = bootstrapCluster({ nodes, recordTrace: true, seed: 1 });
if (rollout) cluster = run(cluster, 'nginx:1.27', available, CONTROLLERS);
const from = cluster.trace.length;
const ev0 = cluster.events.length;
cluster = rollout ? run(cluster, 'nginx:1.28', rolledOut, CTL) : run(cluster, 'nginx:1.27', available, CTL);
const writes = new Map<string, number>();
for (const e of cluster.trace.slice(from)) if (e.verb !== 'event') { const k = `${e.verb} ${e.kind} by ${e.cause}`; writes.set(k, (writes.get(k) ?? 0) + 1); }
const events = new Map<string, number>();
for (const e of cluster.events.slice(ev0)) events.set(e.reason, (events.get(e.reason) ?? 0) + 1);
const per = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / want).toFixed(2).padStart(7)}  ${v}  ${k}`).join('\n');
console.log(`per Pod (${want} Pods)\n-- reconciles\n${per(reconciles)}\n-- no-op reconciles\n${per(noop)}\n-- writes\n${per(writes)}\n-- events\n${per(events)}`);
