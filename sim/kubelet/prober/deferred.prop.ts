import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { failNode, recoverNode } from '../../cluster/node-ops';
import { advance, applyManifests, submit } from '../../index';
import { runKubectl } from '../../kubectl/index';
import type { Cluster } from '../../engine/types';

// The kubelet sleeping through the ticks of settled failing readiness probes (deferred.ts) must be
// invisible: for random probe settings and random interleavings of time, `kubectl exec` changing
// what the probe reads, node failure and recovery and Pod deletion, a cluster that batches and one
// that wakes at every tick hold the same objects, the same Events written and the same trace after
// every step. Up to order within an instant: Pods whose wake-ups fall at one instant are synced in
// the order their timers were set, which differs (as two kubelets' writes in one millisecond have no
// order in Kubernetes); resourceVersions follow that order, so they are left out.

type Action =
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'exec'; readonly pod: number; readonly create: boolean }
  | { readonly kind: 'fail' | 'recover' }
  | { readonly kind: 'delete'; readonly pod: number };

interface Scenario {
  readonly periodS: number;
  readonly failureThreshold: number;
  readonly successThreshold: number;
  readonly initialDelayS: number;
  readonly http: boolean;
  /** A second container whose readiness fails too, with another message and period (the recorder aggregates them), and a passing liveness probe. */
  readonly sidecar: boolean;
  readonly actions: readonly Action[];
}

function podYaml(s: Scenario, i: number): string {
  const probe = s.http
    ? `httpGet: {path: /ready, port: 80}`
    : `exec: {command: [cat, /tmp/ready]}`;
  const container = s.http
    ? `  - name: web\n    image: nginx:1.27\n    ports: [{containerPort: 80}]\n`
    : `  - name: shell\n    image: busybox:1.36\n    args: [/bin/sh, -c, 'sleep 1000000']\n`;
  const sidecar = !s.sidecar ? '' : `  - name: side\n    image: busybox:1.36\n    args: [/bin/sh, -c, 'sleep 1000000']\n    readinessProbe:\n      exec: {command: [cat, /tmp/side]}\n      periodSeconds: ${s.periodS + 2}\n    livenessProbe:\n      exec: {command: [cat, /etc/hostname]}\n      periodSeconds: ${s.periodS}\n`;
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: probed-${i}\nspec:\n  containers:\n${container}    readinessProbe:\n      ${probe}\n      periodSeconds: ${s.periodS}\n      initialDelaySeconds: ${s.initialDelayS}\n      failureThreshold: ${s.failureThreshold}\n      successThreshold: ${s.successThreshold}\n${sidecar}`;
}

function act(c: Cluster, a: Action, s: Scenario): Cluster {
  switch (a.kind) {
    case 'advance': return advance(c, a.ms);
    case 'fail': return failNode(c, 'k8s-node1').cluster;
    case 'recover': return recoverNode(c, 'k8s-node1').cluster;
    case 'delete': return submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: `probed-${a.pod}` }, reason: 'test' }]).cluster;
    case 'exec': {
      const file = s.http ? '/usr/share/nginx/html/ready' : '/tmp/ready';
      const cmd = a.create ? `echo ok > ${file}` : `rm -f ${file}`;
      return runKubectl(c, ['exec', `probed-${a.pod}`, '-c', s.http ? 'web' : 'shell', '--', 'sh', '-c', cmd], { readFile: () => undefined }).cluster;
    }
  }
}

/** Entries sorted by time, then by their text: the same multiset at each instant compares equal. */
function byInstant(entries: readonly { readonly timeMs: number }[]): string[] {
  return entries.map((e) => ({ t: e.timeMs, s: JSON.stringify(e) })).sort((a, b) => a.t - b.t || (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)).map((e) => e.s);
}

/** What a user or a step can see: objects (but their resourceVersion), Events written, the trace. */
function observable(c: Cluster): string {
  const objects = ['Pod', 'Node'].flatMap((k) => c.store.list(k).map((o) => JSON.stringify({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } })));
  return JSON.stringify({ now: c.nowMs, objects, events: byInstant([...c.events]), trace: byInstant([...c.trace]) });
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.oneof(fc.integer({ min: 1, max: 4_000 }), fc.integer({ min: 1, max: 200 }).map((s) => s * 1000), fc.integer({ min: 1, max: 1_800 }).map((s) => s * 1000)).map((ms) => ({ kind: 'advance' as const, ms })) },
  { weight: 3, arbitrary: fc.record({ pod: fc.integer({ min: 0, max: 1 }), create: fc.boolean() }).map((r) => ({ kind: 'exec' as const, ...r })) },
  { weight: 3, arbitrary: fc.constantFrom('fail' as const, 'recover' as const).map((kind) => ({ kind })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }).map((pod) => ({ kind: 'delete' as const, pod })) },
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  periodS: fc.integer({ min: 1, max: 10 }),
  failureThreshold: fc.integer({ min: 1, max: 4 }),
  successThreshold: fc.integer({ min: 1, max: 3 }),
  initialDelayS: fc.integer({ min: 0, max: 10 }),
  http: fc.boolean(),
  sidecar: fc.boolean(),
  actions: fc.array(action, { minLength: 1, maxLength: 12 }),
});

function run(s: Scenario, batching: boolean): string[] {
  let c = bootstrapCluster({ nodes: 1, seed: 3, probeTickBatching: batching });
  const applied = applyManifests(c, [0, 1].map((i) => podYaml(s, i)).join('---\n'), { mode: 'apply', source: 'probed.yml' });
  assert.deepEqual(applied.errors, []);
  c = advance(applied.cluster, 20_000);
  const seen = [observable(c)];
  for (const a of s.actions) {
    c = act(c, a, s);
    seen.push(observable(c));
  }
  return seen;
}

test('a kubelet that sleeps through settled failing readiness ticks shows exactly what one waking at every tick shows', () => {
  fc.assert(fc.property(scenario, (s) => {
    const batched = run(s, true);
    const everyTick = run(s, false);
    for (let i = 0; i < batched.length; i++) assert.equal(batched[i], everyTick[i], `after step ${i}`);
  }), { numRuns: Number(process.env.RUNS ?? 40), seed: Number(process.env.SEED ?? 20261129) });
});

test('the failing probe is written as one Event whose count is every tick, also those the spam filter dropped', () => {
  // 1 h of a readiness probe failing every 2 s: the spam filter lets one write through every 300 s,
  // and each write's count is every probe since the first, whether the kubelet woke for it or not:
  // the one the container's start triggered (UpdatePodStatus, at firstTimeMs, off the ticker's grid)
  // and the ticks after it, every 2 s up to the write's time.
  const s: Scenario = { periodS: 2, failureThreshold: 1, successThreshold: 1, initialDelayS: 0, http: false, sidecar: false, actions: [] };
  const writes: number[] = [];
  for (const batching of [true, false]) {
    let c = bootstrapCluster({ nodes: 1, seed: 3, probeTickBatching: batching });
    c = applyManifests(c, podYaml(s, 0), { mode: 'apply', source: 'probed.yml' }).cluster;
    c = advance(c, 3_600_000);
    const unhealthy = [...c.events].filter((e) => e.reason === 'Unhealthy');
    writes.push(unhealthy.length);
    const [a, b] = unhealthy.slice(-2);
    assert.equal(b.message, "Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory");
    assert.equal(b.timeMs - a.timeMs, 300_000);
    assert.equal(b.count, 1 + Math.ceil((b.timeMs - b.firstTimeMs!) / 2000));
  }
  assert.equal(writes[0], writes[1]);
});
