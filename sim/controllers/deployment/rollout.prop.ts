import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { rolloutScenario } from '../../testing/rollout-scenario';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { advance, advanceUntil, applyManifests, type Cluster } from '../../index';
import { declareImage } from '../../runtime/images';
import { replay } from '../../../support/timeline';
import { resolveFenceposts } from './util/deployment-util';

// Rolling-update invariants on the full cluster (book claims rollout.zero-downtime,
// rollout.readiness-protects): for any replicas, maxSurge, maxUnavailable and readiness delay of
// the new Pods, the ReplicaSets' total size never exceeds replicas + surge, available replicas never drop below
// replicas - unavailable once reached, and the rollout completes; with new Pods that never become
// ready it stalls at old = replicas - unavailable, new = min(replicas, unavailable + surge).

const CLUSTER_SEED = 7;
const WORKERS = 3;
const BASE: Cluster = bootstrapCluster({ nodes: WORKERS, seed: CLUSTER_SEED, recordTrace: true });
const REPLAY = 'node scripts/unit.js rollout.prop';
const COMPLETES_CLAIMS = ['rollout.zero-downtime', 'rollout.max-surge', 'rollout.max-unavailable'];
const STALLS_CLAIMS = ['rollout.readiness-protects', 'rollout.max-surge', 'rollout.max-unavailable'];

const intOrPercent = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`));

function manifest(replicas: number, surge: number | string, unavailable: number | string, image: string): string {
  const q = (v: number | string) => (typeof v === 'string' ? `"${v}"` : String(v));
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${replicas}
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: ${q(surge)}, maxUnavailable: ${q(unavailable)}}}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
`;
}

interface Run { maxPods: number; minAvailableAfterReached: number; completed: boolean; oldFinal: number; newFinal: number }

export function rollout(replicas: number, surge: number | string, unavailable: number | string, readyAfterMs: number | 'never'): Run {
  let c = declareImage(BASE, 'web:v1', { kind: 'server' });
  c = declareImage(c, 'web:v2', readyAfterMs === 'never' ? { kind: 'server', http: [{ status: 500 }] } : { kind: 'server', startupMs: readyAfterMs });
  const v1 = applyManifests(c, manifest(replicas, surge, unavailable, 'web:v1'), { mode: 'apply', source: 'v1' });
  assert.deepEqual(v1.errors, []);
  c = advanceUntil(v1.cluster, 300_000, (v) => (v.get('Deployment', 'default', 'web')?.status as { availableReplicas?: number } | undefined)?.availableReplicas === replicas || replicas === 0).cluster;
  c = advance(c, 5_000);
  const from = c.trace.length;
  const v2 = applyManifests(c, manifest(replicas, surge, unavailable, 'web:v2'), { mode: 'apply', source: 'v2' });
  assert.deepEqual(v2.errors, []);
  const done = advanceUntil(v2.cluster, 1_800_000, (v) => {
    const d = v.get('Deployment', 'default', 'web') as { spec: { replicas: number }; status?: { updatedReplicas?: number; replicas?: number; availableReplicas?: number } };
    const s = d.status ?? {};
    return (s.updatedReplicas ?? 0) === replicas && (s.replicas ?? 0) === replicas && (s.availableReplicas ?? 0) === replicas;
  });
  c = done.cluster;
  const trace = c.trace.slice(0);
  const { unavailable: u } = resolved(replicas, surge, unavailable);
  let maxPods = 0;
  let minAvail = Infinity;
  let reached = false;
  let oldFinal = 0;
  let newFinal = 0;
  replay(trace, from, (s) => {
    // What NewRSNewReplicas bounds is Σ spec.replicas of the ReplicaSets; Pod objects can briefly
    // outnumber it while the ReplicaSet controller creates new Pods before deleting old ones.
    const rss = s.replicaSetsOf('default', 'web');
    maxPods = Math.max(maxPods, rss.reduce((n, r) => n + r.replicas, 0));
    const available = rss.reduce((n, r) => n + r.available, 0);
    if (available >= replicas - u) reached = true;
    if (reached) minAvail = Math.min(minAvail, available);
    return undefined;
  });
  const d = c.store.get('Deployment', 'default', 'web')!;
  const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  for (const rs of c.store.list('ReplicaSet', 'default')) {
    const n = (rs.spec as { replicas: number }).replicas;
    if (rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev) newFinal = n; else oldFinal += n;
  }
  return { maxPods, minAvailableAfterReached: minAvail, completed: done.reached, oldFinal, newFinal };
}

function resolved(replicas: number, surge: number | string, unavailable: number | string): { surge: number; unavailable: number } {
  const r = resolveFenceposts(surge as never, unavailable as never, replicas);
  if ('error' in r) throw new Error(r.error);
  return { surge: r.surge, unavailable: replicas === 0 ? 0 : Math.min(r.unavailable, replicas) };
}

const notBothZero = ([s, u]: [number | string, number | string]) => !(parseInt(String(s), 10) === 0 && parseInt(String(u), 10) === 0);
const numRuns = Number(process.env.FC_NUM_RUNS ?? 10);

test('rolling update: replica sets never total more than replicas + maxSurge, never drops below replicas - maxUnavailable, and completes', (t) => {
  checkProperty(t, fc.property(fc.integer({ min: 0, max: 50 }), fc.tuple(intOrPercent, intOrPercent).filter(notBothZero), fc.integer({ min: 0, max: 30 }), (replicas, [surge, unavailable], readySeconds) => {
    const { surge: s, unavailable: u } = resolved(replicas, surge, unavailable);
    const r = rollout(replicas, surge, unavailable, readySeconds * 1000);
    assert.ok(r.completed, `the rollout completes: ${JSON.stringify(r)}`);
    assert.ok(r.maxPods <= replicas + s, `at most ${replicas}+${s} pods, saw ${r.maxPods}`);
    if (r.minAvailableAfterReached !== Infinity) assert.ok(r.minAvailableAfterReached >= replicas - u, `available >= ${replicas}-${u}, saw ${r.minAvailableAfterReached}`);
  }), {
    claims: COMPLETES_CLAIMS, numRuns, verbose: true, env: process.env, replay: REPLAY,
    explain: ([replicas, [surge, unavailable], readySeconds]) => scenarioOf(replicas, surge, unavailable, readySeconds * 1000, COMPLETES_CLAIMS),
  });
});

test('with new Pods that never become ready the rollout stalls at old = replicas - unavailable, new = min(replicas, unavailable + surge)', (t) => {
  checkProperty(t, fc.property(fc.integer({ min: 1, max: 50 }), fc.tuple(intOrPercent, intOrPercent).filter(notBothZero), (replicas, [surge, unavailable]) => {
    const { surge: s, unavailable: u } = resolved(replicas, surge, unavailable);
    const r = rollout(replicas, surge, unavailable, 'never');
    assert.equal(r.completed, false, JSON.stringify(r));
    assert.deepEqual({ old: r.oldFinal, new: r.newFinal }, { old: replicas - u, new: Math.min(replicas, u + s) });
    assert.ok(r.maxPods <= replicas + s);
  }), {
    claims: STALLS_CLAIMS, numRuns, verbose: true, env: process.env, replay: REPLAY,
    explain: ([replicas, [surge, unavailable]]) => scenarioOf(replicas, surge, unavailable, 'never', STALLS_CLAIMS),
  });
});

/** The counterexample as a Gherkin scenario (issue 3: "prints the counterexample as a Gherkin scenario"). */
function scenarioOf(replicas: number, maxSurge: number | string, maxUnavailable: number | string, readyAfterMs: number | 'never', claims: string[]): string {
  const { surge, unavailable } = resolved(replicas, maxSurge, maxUnavailable);
  return rolloutScenario({ replicas, maxSurge, maxUnavailable, newPodsReadyAfterMs: readyAfterMs, surge, unavailable, clusterSeed: CLUSTER_SEED, workers: WORKERS, claims });
}
