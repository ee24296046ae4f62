// Benchmark child: a kubeadm-like cluster of N nodes, then D Deployments x R replicas applied in
// one `kubectl apply`, run in virtual time until every Pod is Running and available.
// Prints one JSON line of figures; bench/run.ts starts one process per size for a clean heap.
import { performance } from 'node:perf_hooks';
import { gcTime } from './gc-time';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { deploymentManifests } from './manifests';
import { applyManifests, advanceUntil } from '../sim/index';
import type { Deployment } from '../sim/api/types';
import type { Cluster } from '../sim/engine/types';

const [nodes, deployments, replicas] = process.argv.slice(2).map(Number);


function applyOrThrow(from: Cluster, manifests: string): Cluster {
  const applied = applyManifests(from, manifests, { mode: 'apply', source: 'bench.yml' });
  if (applied.errors.length > 0) throw new Error(applied.errors.join('\n'));
  return applied.cluster;
}

/** Hands the current Cluster over, keeping no reference here. */
function release(): Cluster {
  const c = cluster!;
  cluster = undefined;
  return c;
}

function availableTotal(list: readonly Deployment[]): number {
  let n = 0;
  for (const d of list) n += d.status?.availableReplicas ?? 0;
  return n;
}

const t0 = performance.now();
let cluster: Cluster | undefined = bootstrapCluster({ nodes, recordTrace: false, seed: 1 });
const bootstrapMs = performance.now() - t0;
const text = deploymentManifests(deployments, replicas, 'nginx:1.27');
const t1 = performance.now();
// Time in garbage collection during the measured span (bench/gc-time.ts).
const gc = gcTime();
const cpu1 = process.cpuUsage();
// Only the newest Cluster is kept: a snapshot held here would keep every Pod's older version alive.
cluster = applyOrThrow(cluster, text);
const applyMs = performance.now() - t1;
const startMs = cluster.nowMs;
const want = deployments * replicas;
const result = advanceUntil(release(), 3_600_000, (v) => availableTotal(v.list<Deployment>('Deployment', 'default')) === want);
const totalMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu1);
const running = result.cluster.store.list('Pod', 'default').filter((p) => (p.status as { phase?: string }).phase === 'Running').length;
// GC entries arrive asynchronously, after this synchronous run: print once they are in.
setTimeout(() => {
    console.log(JSON.stringify({
    nodes, deployments, replicas, pods: want, running, reached: result.reached,
    virtualSeconds: (result.cluster.nowMs - startMs) / 1000,
    bootstrapMs: Math.round(bootstrapMs), applyMs: Math.round(applyMs), applyToAllRunningMs: Math.round(totalMs),
    // CPU time of the same span (user+system, all threads: includes the GC's helpers); steadier than wall time on a busy machine.
    applyToAllRunningCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...gc.stop(),
  }));
}, 50);
