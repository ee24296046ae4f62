import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import { submit } from '../engine/loop';
import { controllers } from './index';
import { syncIsNoop } from './sync';
import { isPodRt } from './types';
import { clusterWith, getPod, run, testContainer, testPod, PULLED_MS } from './testing';

// The kubelet reports the generation of the Pod it synced (v1.34, KEP-5067, PodObservedGenerationTracking
// Beta): status.observedGeneration (status manager SetPodStatus -> CalculatePodStatusObservedGeneration)
// and observedGeneration on each condition it generates (generate.go, kubelet_pods.go generateAPIPodStatus
// -> CalculatePodConditionObservedGeneration), PodScheduled included.

const web = () => testPod('web', { containers: [testContainer({ name: 'web', image: 'nginx:1.27' })] });
const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

function withImage(p: Pod, image: string): Pod {
  return { ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image }] } };
}

test('a synced Pod shows observedGeneration 1 in its status and on every kubelet condition (right after type, as in Go\'s PodCondition)', () => {
  const c = run(clusterWith(web()), PULLED_MS + 1000);
  const p = getPod(c, 'web');
  assert.equal(p.metadata.generation, 1);
  assert.equal(p.status.phase, 'Running');
  assert.equal(p.status.observedGeneration, 1);
  assert.deepEqual(p.status.conditions!.map((x) => x.type), KUBELET_CONDITIONS);
  for (const x of p.status.conditions!) {
    assert.equal(x.observedGeneration, 1, x.type);
    assert.deepEqual(Object.keys(x).slice(0, 3), ['type', 'observedGeneration', 'status']);
  }
  // PodScheduled is the kubelet's own now, with the binding's lastTransitionTime kept (status unchanged).
  assert.equal(p.status.conditions!.at(-1)!.lastTransitionTime, '2025-01-01T00:00:00Z');
});

test('Pods at one generation share their conditions (interned per generation value)', () => {
  const other = { ...web(), metadata: { ...web().metadata, name: 'other' } };
  const c = run(clusterWith(web(), other), PULLED_MS + 1000);
  const a = getPod(c, 'web').status.conditions!;
  const b = getPod(c, 'other').status.conditions!;
  for (let i = 0; i < a.length; i++) assert.equal(a[i], b[i], a[i].type);
  assert.ok(Object.isFrozen(a[0]));
});

test('kubectl set image: generation 2, and the kubelet\'s next sync reports observedGeneration 2 on the status and every condition', () => {
  let c = run(clusterWith(web()), PULLED_MS + 1000);
  const r = submit(c, [{ verb: 'update', object: withImage(getPod(c, 'web'), 'nginx:1.28') }], controllers);
  assert.deepEqual(r.errors, []);
  c = r.cluster;
  const p = getPod(c, 'web');
  assert.equal(p.metadata.generation, 2);
  assert.equal(p.status.observedGeneration, 2);
  assert.deepEqual(p.status.conditions!.map((x) => x.observedGeneration), [2, 2, 2, 2, 2]);
});

test('a spec change the containers do not notice (activeDeadlineSeconds) still gets a status with the new observedGeneration', () => {
  let c = run(clusterWith(web()), PULLED_MS + 1000);
  const p1 = getPod(c, 'web');
  c = submit(c, [{ verb: 'update', object: { ...p1, spec: { ...p1.spec, activeDeadlineSeconds: 3600 } } }], controllers).cluster;
  const p2 = getPod(c, 'web');
  assert.equal(p2.metadata.generation, 2);
  assert.equal(p2.status.observedGeneration, 2);
  assert.ok(p2.status.conditions!.every((x) => x.observedGeneration === 2));
});

test('graceful deletion moves generation to 2; the kubelet\'s status of the terminating Pod reports it', () => {
  const shell = testPod('sh', { containers: [testContainer({ name: 'sh', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] })] });
  let c = run(clusterWith(shell), PULLED_MS + 1000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'sh' }, reason: 'test' }], controllers).cluster;
  const p = getPod(c, 'sh');
  assert.notEqual(p.metadata.deletionTimestamp, undefined);
  assert.equal(p.metadata.generation, 2);
  assert.equal(p.status.observedGeneration, 2);
  assert.ok(p.status.conditions!.every((x) => x.observedGeneration === 2));
});

test('a mirror Pod shows generation 1 but no observedGeneration: the kubelet syncs its static Pod, which has none', () => {
  const base = web();
  const mirror: Pod = { ...base, metadata: { ...base.metadata, name: 'etcd-node1', annotations: { 'kubernetes.io/config.mirror': 'abc', 'kubernetes.io/config.source': 'file' } }, status: { phase: 'Pending' } };
  const c = run(clusterWith(mirror), PULLED_MS + 1000);
  const p = getPod(c, 'etcd-node1');
  assert.equal(p.metadata.generation, 1);
  assert.equal(p.status.phase, 'Running');
  assert.equal(p.status.observedGeneration, undefined);
  assert.deepEqual(p.status.conditions!.map((x) => x.type), KUBELET_CONDITIONS, 'PodScheduled True from the kubelet, though nothing bound it');
  assert.ok(p.status.conditions!.every((x) => !('observedGeneration' in x)));
});

test('a sync is no no-op while the status reports an older generation, even when the status object is the one the kubelet wrote', () => {
  const c = run(clusterWith(web()), PULLED_MS + 1000);
  const p = getPod(c, 'web');
  const row = c.tables.pods.get(p.metadata.uid);
  assert.ok(isPodRt(row));
  assert.equal(syncIsNoop(p, row, c.nowMs, false), true);
  const updated: Pod = { ...p, metadata: { ...p.metadata, generation: 2 } };
  assert.equal(updated.status, row.lastStatus);
  assert.equal(syncIsNoop(updated, row, c.nowMs, false), false);
});

test('a sync writes the new observedGeneration though nothing else in the status changed', () => {
  let c = run(clusterWith(web()), PULLED_MS + 1000);
  const p1 = getPod(c, 'web');
  // The spec update alone (no kubelet yet), then the kubelet's row made to say it produced the status now stored.
  c = submit(c, [{ verb: 'update', object: { ...p1, spec: { ...p1.spec, activeDeadlineSeconds: 3600 } } }], []).cluster;
  const p2 = getPod(c, 'web');
  assert.equal(p2.status.observedGeneration, 1);
  const row = c.tables.pods.get(p2.metadata.uid);
  assert.ok(isPodRt(row));
  c = submit(c, [{ verb: 'runtime', table: 'pods', key: p2.metadata.uid, value: { ...row, lastStatus: p2.status } }], controllers).cluster;
  assert.equal(getPod(c, 'web').status.observedGeneration, 2);
});
