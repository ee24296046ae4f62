// Benchmark child: PODS Pods (10 Deployments) on a 20-node cluster, each container with a liveness
// and a readiness probe (busybox with exec `cat /tmp/healthy`, nginx with httpGet), then HOURS
// virtual hours. Usage: ts-node bench/probes.ts PODS HOURS [passing|failing]
// "failing": every readiness probe keeps failing (a file never created, a path nginx answers 404
// for), so no tick can be skipped as settled. Prints one JSON line of figures.
// impliedEvaluations counts the ticks the probe settings imply; a passing probe whose result cannot
// change (pure, settled) skips its ticks, so in "passing" almost none of them run, and in "failing"
// the nginx liveness ticks are skipped too. failedEvaluationsCounted (and failedPerSecond) counts
// only evaluations that really ran: every failure, from the kubelet recorder's Unhealthy counts.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { bootstrapCluster } from '../sim/cluster/bootstrap';
import { applyManifests, advance, advanceUntil } from '../sim/index';
import type { Pod, Probe } from '../sim/api/types';
import type { ClusterView } from '../sim/engine/types';
import { occurrences } from '../sim/engine/event-correlator';

const pods = Number(process.argv[2] ?? 1000);
const hours = Number(process.argv[3] ?? 24);
const variant = process.argv[4] ?? 'passing';
// "every-tick": the kubelet wakes at every tick of a settled failing readiness probe instead of
// accounting the ticks it slept through at its next sync (sim/kubelet/prober/deferred.ts); same results.
const everyTick = process.argv[5] === 'every-tick';
if (variant !== 'passing' && variant !== 'failing') throw new Error(`unknown variant ${variant}`);
const failing = variant === 'failing';
const DEPLOYMENTS = 10;
const NODES = 20;
const replicas = Math.ceil(pods / DEPLOYMENTS);

function deployment(i: number): string {
  const exec = i % 2 === 0;
  const head = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: probed-${i}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: probed-${i}}
  template:
    metadata:
      labels: {app: probed-${i}}
    spec:
      containers:
`;
  if (exec) {
    return `${head}      - name: shell
        image: busybox:1.36
        args: [/bin/sh, -c, 'touch /tmp/healthy; sleep 1000000']
        livenessProbe:
          exec: {command: [cat, /tmp/healthy]}
          initialDelaySeconds: 5
          periodSeconds: 5
        readinessProbe:
          exec: {command: [cat, ${failing ? '/tmp/ready' : '/tmp/healthy'}]}
          initialDelaySeconds: 5
          periodSeconds: 5
`;
  }
  return `${head}      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
        livenessProbe:
          httpGet: {path: /, port: 80}
          initialDelaySeconds: 3
          periodSeconds: 10
        readinessProbe:
          httpGet: {path: ${failing ? '/ready' : '/'}, port: 80}
          periodSeconds: 10
`;
}

function runningPods(v: ClusterView): Pod[] {
  return v.list<Pod>('Pod', 'default').filter((p) => p.status?.phase === 'Running' && (p.status.containerStatuses ?? []).every((c) => c.state?.running !== undefined));
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const t0 = performance.now();
let cluster = bootstrapCluster({ nodes: NODES, recordTrace: false, seed: 1, probeTickBatching: !everyTick });
const docs = Array.from({ length: DEPLOYMENTS }, (_, i) => deployment(i)).join('---\n');
const applied = applyManifests(cluster, docs, { mode: 'apply', source: 'probes.yml' });
if (applied.errors.length > 0) throw new Error(applied.errors.join('\n'));
const up = advanceUntil(applied.cluster, 600_000, (v) => runningPods(v).length === DEPLOYMENTS * replicas);
if (!up.reached) throw new Error('the Pods did not all start within 10 minutes');
// A minute more: every probe has run its first ticks (the passing ones are settled).
cluster = advance(up.cluster, 60_000);
const setupMs = performance.now() - t0;

const probed = runningPods({ list: (k: string, ns: string) => cluster.store.list(k, ns) } as unknown as ClusterView);
const spanMs = hours * 3_600_000;
let implied = 0;
for (const p of probed) {
  for (const c of p.spec.containers) {
    for (const probe of [c.livenessProbe, c.readinessProbe] as (Probe | undefined)[]) {
      if (probe !== undefined) implied += spanMs / ((probe.periodSeconds ?? 10) * 1000);
    }
  }
}
const events0 = cluster.events.length;
const failed0 = occurrences(cluster.eventCorrelator, 'Unhealthy');
const restarts = (c: typeof cluster) => c.store.list<Pod>('Pod', 'default').reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, s) => m + (s.restartCount ?? 0), 0), 0);
const restarts0 = restarts(cluster);

const loadBefore = load();
const t1 = performance.now();
const cpu1 = process.cpuUsage();
for (let done = 0; done < spanMs; done += 3_600_000) cluster = advance(cluster, Math.min(3_600_000, spanMs - done));
const wallMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu1);

// Each failed probe evaluation emits one Unhealthy event (prober.go recordContainerEvent); the recorder's
// correlator counts every one, also those its spam filter keeps from being written. A kubelet that
// sleeps through a settled failing probe's ticks counts them at its next sync, so the last few minutes'
// may not be in yet: failedEvaluationsCounted is a lower bound then. Successful evaluations leave no trace.
const failedEvaluations = occurrences(cluster.eventCorrelator, 'Unhealthy') - failed0;
console.log(JSON.stringify({
  variant, ...(everyTick ? { everyTick } : {}), pods: probed.length, hours, containers: probed.reduce((n, p) => n + p.spec.containers.length, 0),
  impliedEvaluations: implied,
  failedEvaluationsCounted: failedEvaluations,
  failedPerSecond: Math.round(failedEvaluations / (wallMs / 1000)),
  eventsRecorded: cluster.events.length - events0,
  restarts: restarts(cluster) - restarts0,
  setupMs: Math.round(setupMs), wallMs: Math.round(wallMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  impliedPerSecond: Math.round(implied / (wallMs / 1000)),
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  loadavg: { before: loadBefore, after: load() },
}));
