// Diagnostic: where the heap goes once N nodes run D Deployments x R replicas: the retained size of
// each part of the Cluster (events, correlator, runtime tables, store), measured by dropping the
// parts one after another and collecting. Usage: node --expose-gc -r ts-node/register bench/heap-breakdown.ts N D R [rollout]
// With `rollout`, every Deployment then rolls to a new image and the breakdown is taken once it completes.
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { deploymentManifests } from './manifests';
import { applyManifests, advanceUntil } from '../sim/index';
import type { Deployment } from '../sim/api/types';
import type { Cluster, ClusterView } from '../sim/engine/types';

const [nodes, deployments, replicas] = process.argv.slice(2, 5).map(Number);
const rollout = process.argv[5] === 'rollout';
const pods = deployments * replicas;
const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with node --expose-gc');

// Built in a function so that no intermediate Cluster stays reachable from this scope.
function build(): Cluster {
  const cluster = bootstrapCluster({ nodes, recordTrace: false, seed: 1 });
  const applied = applyManifests(cluster, deploymentManifests(deployments, replicas, 'nginx:1.27'), { mode: 'apply', source: 'bench.yml' });
  if (applied.errors.length > 0) throw new Error(applied.errors.join('\n'));
  const available = (list: readonly Deployment[]) => list.reduce((n, d) => n + (d.status?.availableReplicas ?? 0), 0);
  const allAvailable = (v: ClusterView) => available(v.list<Deployment>('Deployment', 'default')) === pods;
  const running = advanceUntil(applied.cluster, 3_600_000, allAvailable).cluster;
  if (!rollout) return running;
  const updated = applyManifests(running, deploymentManifests(deployments, replicas, 'nginx:1.28'), { mode: 'apply', source: 'bench-v2.yml' });
  const rolledOut = (v: ClusterView) => allAvailable(v) && v.count('Pod', 'default') === pods
    && v.list<Deployment>('Deployment', 'default').every((d) => d.status?.updatedReplicas === replicas);
  return advanceUntil(updated.cluster, 3_600_000, rolledOut).cluster;
}

function heapMb(): number {
  collect!(); collect!();
  return process.memoryUsage().heapUsed / 1e6;
}

let cluster: Record<string, unknown> | undefined = build() as unknown as Record<string, unknown>;
let last = heapMb();
console.log(`heap ${last.toFixed(0)} MB for ${pods} Pods (${Math.round(last * 1e6 / pods)} B a Pod, code included)`);
const parts: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
  ['events', (c) => ({ ...c, events: undefined })],
  ['event correlator', (c) => ({ ...c, eventCorrelator: undefined })],
  ['trace', (c) => ({ ...c, trace: undefined })],
  ['timers', (c) => ({ ...c, timers: undefined })],
  ['pods table (kubelet rows)', (c) => ({ ...c, tables: { ...(c.tables as object), pods: undefined } })],
  ['other tables', (c) => ({ ...c, tables: undefined })],
  ['store (objects + indexes)', (c) => ({ ...c, store: undefined })],
];
const bytesAPod: Record<string, number> = { heap: Math.round(last * 1e6 / pods) };
for (const [name, drop] of parts) {
  cluster = drop(cluster);
  const now = heapMb();
  bytesAPod[name] = Math.round((last - now) * 1e6 / pods);
  console.log(`${name.padEnd(28)} ${(last - now).toFixed(1).padStart(7)} MB ${String(bytesAPod[name]).padStart(6)} B a Pod`);
  last = now;
}
cluster = undefined;
// The last line, for bench/run.ts.
console.log(JSON.stringify({ nodes, deployments, replicas, pods, afterRollout: rollout, bytesAPod }));
