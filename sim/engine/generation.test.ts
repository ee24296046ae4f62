import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster, submit } from './loop';
import { preserveOldObservedGeneration } from './generation';
import type { Change, Cluster } from './types';
import type { Deployment, KubeObject, Pod, PodStatus } from '../api/types';
import { deployment } from '../testing/fixtures';

// metadata.generation as the API server moves it (pod strategy.go, rest/update.go, rest/delete.go,
// generic registry store.go), through the one place that applies changes.

function newPod(name: string, extra: Partial<Pod['spec']> = {}, meta: Partial<Pod['metadata']> = {}): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...meta },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...extra },
    status: { phase: 'Pending' },
  } as Pod;
}

function run(cluster: Cluster, ...changes: Change[]): Cluster {
  const r = submit(cluster, changes, []);
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

function getPod(c: Cluster, name: string): Pod {
  return c.store.get<Pod>('Pod', 'default', name)!;
}

function withImage(p: Pod, image: string): Pod {
  return { ...p, spec: { ...p.spec, containers: [{ ...p.spec.containers[0], image }] } };
}

test('a Pod is created at generation 1 whatever the client sent (PrepareForCreate)', () => {
  const c = run(emptyCluster(), { verb: 'create', object: newPod('a') }, { verb: 'create', object: newPod('b', {}, { generation: 7 }) });
  assert.equal(getPod(c, 'a').metadata.generation, 1);
  assert.equal(getPod(c, 'b').metadata.generation, 1);
});

test('a spec change moves a Pod\'s generation by one; labels, annotations and status writes do not (updatePodGeneration)', () => {
  let c = run(emptyCluster(), { verb: 'create', object: newPod('web') });
  c = run(c, { verb: 'update', object: { ...getPod(c, 'web'), metadata: { ...getPod(c, 'web').metadata, labels: { a: 'b' }, annotations: { x: 'y' } } } });
  assert.equal(getPod(c, 'web').metadata.generation, 1, 'metadata only');
  c = run(c, { verb: 'status', object: { ...getPod(c, 'web'), status: { phase: 'Running' } } });
  assert.equal(getPod(c, 'web').metadata.generation, 1, 'status subresource');
  c = run(c, { verb: 'update', object: withImage(getPod(c, 'web'), 'nginx:1.28') });
  assert.equal(getPod(c, 'web').metadata.generation, 2, 'kubectl set image');
  c = run(c, { verb: 'update', object: { ...getPod(c, 'web'), spec: { ...getPod(c, 'web').spec, activeDeadlineSeconds: 60 } } });
  assert.equal(getPod(c, 'web').metadata.generation, 3, 'activeDeadlineSeconds');
  c = run(c, { verb: 'update', object: { ...getPod(c, 'web'), metadata: { ...getPod(c, 'web').metadata, generation: 40 } } });
  assert.equal(getPod(c, 'web').metadata.generation, 3, 'a request cannot set generation (BeforeUpdate)');
});

test('the binding subresource sets spec.nodeName and keeps generation 1 (BindingREST setPodNodeAndMetadata writes without the strategy)', () => {
  let c = run(emptyCluster(), { verb: 'create', object: newPod('web') });
  const p = getPod(c, 'web');
  c = run(c, { verb: 'update', object: { ...p, spec: { ...p.spec, nodeName: 'n1' } }, subresource: 'binding' });
  assert.equal(getPod(c, 'web').spec.nodeName, 'n1');
  assert.equal(getPod(c, 'web').metadata.generation, 1);
});

test('a kind without generation keeps none, even when a client sends one', () => {
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, data: { a: '1' } } as KubeObject;
  let c = run(emptyCluster(), { verb: 'create', object: cm });
  const stored = c.store.get('ConfigMap', 'default', 'cm')!;
  assert.equal(stored.metadata.generation, undefined);
  c = run(c, { verb: 'update', object: { ...stored, metadata: { ...stored.metadata, generation: 5 } } });
  assert.equal(c.store.get('ConfigMap', 'default', 'cm')!.metadata.generation, undefined);
});

test('the first graceful deletion of a Pod moves generation to 2; a second delete does not (rest/delete.go BeforeDelete)', () => {
  let c = run(emptyCluster(), { verb: 'create', object: newPod('web', { nodeName: 'n1' }) });
  c = run(c, { verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web' }, reason: 'test' });
  const deleting = getPod(c, 'web');
  assert.equal(deleting.metadata.generation, 2);
  assert.equal(deleting.metadata.deletionGracePeriodSeconds, 30);
  c = run(c, { verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web' }, reason: 'again', propagation: 'Foreground' });
  assert.equal(getPod(c, 'web').metadata.generation, 2);
});

test('a Pod not gracefully deleted that waits on a finalizer: generation 2, deletionGracePeriodSeconds 0', () => {
  let c = run(emptyCluster(), { verb: 'create', object: newPod('held', {}, { finalizers: ['example.com/hold'] }) });
  c = run(c, { verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'held' }, reason: 'test' });
  const p = getPod(c, 'held');
  assert.equal(p.metadata.generation, 2);
  assert.equal(p.metadata.deletionGracePeriodSeconds, 0);
  assert.equal(p.metadata.deletionTimestamp, '2025-01-01T00:00:00Z');
});

test('a Deployment deleted in the foreground: generation 2 and deletionGracePeriodSeconds 0 (store.go markAsDeleting), once', () => {
  let c = run(emptyCluster(), { verb: 'create', object: deployment('web', 2) });
  const ref = { kind: 'Deployment', namespace: 'default', name: 'web' };
  c = run(c, { verb: 'delete', ref, reason: 'test', propagation: 'Foreground' });
  const d = c.store.get<Deployment>('Deployment', 'default', 'web')!;
  assert.equal(d.metadata.generation, 2);
  assert.equal(d.metadata.deletionGracePeriodSeconds, 0);
  assert.deepEqual(d.metadata.finalizers, ['foregroundDeletion']);
  c = run(c, { verb: 'delete', ref, reason: 'again', propagation: 'Orphan' });
  assert.equal(c.store.get<Deployment>('Deployment', 'default', 'web')!.metadata.generation, 2);
});

test('a Pod status write without observedGeneration keeps the stored ones, per condition type (preserveOldObservedGeneration)', () => {
  const old: PodStatus = {
    observedGeneration: 2, phase: 'Running',
    conditions: [{ type: 'Ready', observedGeneration: 2, status: 'True' }, { type: 'PodScheduled', observedGeneration: 1, status: 'True' }],
  };
  const cleared: PodStatus = { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', observedGeneration: 3, status: 'True' }, { type: 'X', status: 'True' }] };
  const kept = preserveOldObservedGeneration(cleared, old)!;
  assert.equal(kept.observedGeneration, 2);
  assert.deepEqual(kept.conditions, [{ type: 'Ready', observedGeneration: 2, status: 'False' }, { type: 'PodScheduled', observedGeneration: 3, status: 'True' }, { type: 'X', status: 'True' }]);
  assert.deepEqual(Object.keys(kept)[0], 'observedGeneration');
  const full: PodStatus = { observedGeneration: 3, phase: 'Running', conditions: [{ type: 'Ready', observedGeneration: 3, status: 'True' }] };
  assert.equal(preserveOldObservedGeneration(full, old), full, 'nothing to keep: the same status');
  let c = run(emptyCluster(), { verb: 'create', object: newPod('web') });
  c = run(c, { verb: 'status', object: { ...getPod(c, 'web'), status: old } });
  c = run(c, { verb: 'status', object: { ...getPod(c, 'web'), status: { phase: 'Running' } } });
  assert.equal(getPod(c, 'web').status.observedGeneration, 2);
});
