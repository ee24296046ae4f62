// Benchmark child: the foundation benchmark's cluster (N nodes, D Deployments x R replicas, all
// available), then one `kubectl apply` that changes every Deployment's image, run in virtual time
// until every rollout has completed. Usage: ts-node bench/rolling-update.ts N D R
// Prints one JSON line of figures; bench/run.ts starts one process per size for a clean heap.
import { performance } from 'node:perf_hooks';
import { gcTime } from './gc-time';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { deploymentManifests } from './manifests';
import { applyManifests, advanceUntil } from '../sim/index';
import type { Cluster, ClusterView } from '../sim/engine/types';
import type { Deployment, ReplicaSet } from '../sim/api/types';

const [nodes, deployments, replicas] = process.argv.slice(2).map(Number);


function allAvailable(v: ClusterView): boolean {
  let n = 0;
  for (const d of v.list<Deployment>('Deployment', 'default')) n += d.status?.availableReplicas ?? 0;
  return n === deployments * replicas;
}

/** kubectl rollout status's "successfully rolled out", for every Deployment, plus no old ReplicaSet still scaled up. */
function allRolledOut(v: ClusterView): boolean {
  for (const d of v.list<Deployment>('Deployment', 'default')) {
    const s = d.status;
    if (s === undefined || (s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return false;
    if (s.updatedReplicas !== replicas || s.availableReplicas !== replicas || s.replicas !== replicas) return false;
  }
  for (const rs of v.list<ReplicaSet>('ReplicaSet', 'default')) {
    if (rs.spec.template.spec.containers[0].image !== 'nginx:1.28' && (rs.spec.replicas ?? 0) > 0) return false;
  }
  return true;
}

/** BENCH_CPU_PROF=<file>: a CPU profile of the measured span only (setup excluded). */
function profileSpan(): () => void {
  const file = process.env.BENCH_CPU_PROF;
  if (file === undefined) return () => undefined;
  const s = new Session();
  s.connect();
  s.post('Profiler.enable');
  s.post('Profiler.start');
  return () => s.post('Profiler.stop', (err, r) => { if (err === null) writeFileSync(file, JSON.stringify(r.profile)); });
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

// Only the newest Cluster is kept (no const per step): a snapshot held here would keep every
// Pod's older versions alive through the rollout, as no user of the simulator would.
function applyOrThrow(from: Cluster, manifests: string, source: string): Cluster {
  const applied = applyManifests(from, manifests, { mode: 'apply', source });
  if (applied.errors.length > 0) throw new Error(applied.errors.join('\n'));
  return applied.cluster;
}

let cluster: Cluster | undefined;
/** Hands the current Cluster over, keeping no reference here. */
function release(): Cluster {
  const c = cluster!;
  cluster = undefined;
  return c;
}

const t0 = performance.now();
cluster = bootstrapCluster({ nodes, recordTrace: false, seed: 1 });
cluster = applyOrThrow(release(), deploymentManifests(deployments, replicas, 'nginx:1.27'), 'bench.yml');
cluster = (() => {
  const ready = advanceUntil(release(), 3_600_000, allAvailable);
  if (!ready.reached) throw new Error('the Deployments did not become available within an hour');
  return ready.cluster;
})();
const startMs = cluster.nowMs;
const setupMs = performance.now() - t0;

const changed = deploymentManifests(deployments, replicas, 'nginx:1.28');
const loadBefore = load();
const t1 = performance.now();
// Time in garbage collection during the measured span (bench/gc-time.ts).
const gc = gcTime();
const cpu1 = process.cpuUsage();
const stopProfile = profileSpan();
cluster = applyOrThrow(release(), changed, 'bench-v2.yml');
const applyMs = performance.now() - t1;
const result = advanceUntil(release(), 3_600_000, allRolledOut);
const rolloutMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu1);
stopProfile();
const pods = result.cluster.store.list('Pod', 'default');
const running = pods.filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
// GC entries arrive asynchronously, after this synchronous run: print once they are in.
setTimeout(() => {
    console.log(JSON.stringify({
    nodes, deployments, replicas, pods: deployments * replicas, reached: result.reached,
    podsAtEnd: pods.length, runningAtEnd: running,
    virtualSeconds: (result.cluster.nowMs - startMs) / 1000,
    setupMs: Math.round(setupMs), applyMs: Math.round(applyMs), rolloutMs: Math.round(rolloutMs),
    // CPU time of the same span (user+system, all threads: includes the GC's helpers); steadier than wall time on a busy machine.
    rolloutCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...gc.stop(),
    loadavg: { before: loadBefore, after: load() },
  }));
}, 50);
