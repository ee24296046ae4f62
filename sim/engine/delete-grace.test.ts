import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, emptyCluster, submit } from './loop';
import type { Cluster } from './types';
import type { KubeObject } from '../api/types';

// rest/delete.go BeforeDelete on a Pod already being deleted gracefully: only a shorter grace
// period changes it; deletionTimestamp moves back by the difference; 0 deletes it at once.

const boundPod = (finalizers?: string[]): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '', ...(finalizers ? { finalizers } : {}) },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }], terminationGracePeriodSeconds: 30 },
});
const ref = { kind: 'Pod', namespace: 'default', name: 'p' };
const del = (c: Cluster, gracePeriodSeconds?: number) => {
  const r = submit(c, [{ verb: 'delete', ref, reason: 'test', ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}) }], []);
  assert.deepEqual(r.errors, []);
  return r.cluster;
};
const meta = (c: Cluster) => c.store.get('Pod', 'default', 'p')?.metadata;

test('BeforeDelete: a terminating Pod keeps its grace period unless a shorter one comes', () => {
  let c = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: boundPod() }], []).cluster;
  c = del(c, 60); // at t=0: deletionTimestamp t=60s
  assert.deepEqual([meta(c)?.deletionTimestamp, meta(c)?.deletionGracePeriodSeconds, meta(c)?.generation], ['2025-01-01T00:01:00Z', 60, 2]);
  c = advance(c, 10_000, []);
  const rv = meta(c)?.resourceVersion;
  for (const g of [undefined, 60, 90]) c = del(c, g);
  assert.equal(meta(c)?.resourceVersion, rv); // pending: nothing written
  c = del(c, 20);
  // first request time (t=0) + 20 s; generation not moved again
  assert.deepEqual([meta(c)?.deletionTimestamp, meta(c)?.deletionGracePeriodSeconds, meta(c)?.generation], ['2025-01-01T00:00:20Z', 20, 2]);
  c = del(c, 0);
  assert.equal(meta(c), undefined);
});

test('BeforeDelete: shortened to 0 with a finalizer, the Pod waits for it', () => {
  let c = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: boundPod(['example.com/hold']) }], []).cluster;
  c = del(c, 30);
  c = del(c, 0);
  assert.deepEqual([meta(c)?.deletionTimestamp, meta(c)?.deletionGracePeriodSeconds], ['2025-01-01T00:00:00Z', 0]);
});

test('priorityclass REST.Delete: a built-in class cannot be deleted', () => {
  const pc = (name: string, value: number): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name, uid: '', resourceVersion: '', creationTimestamp: '' }, value } as KubeObject);
  const c = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: pc('system-node-critical', 2000001000) }, { verb: 'create', object: pc('mine', 5) }], []).cluster;
  const refuse = submit(c, [{ verb: 'delete', ref: { kind: 'PriorityClass', namespace: '', name: 'system-node-critical' }, reason: 'test' }], []);
  assert.deepEqual(refuse.errors, ['priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted']);
  assert.deepEqual(submit(c, [{ verb: 'delete', ref: { kind: 'PriorityClass', namespace: '', name: 'mine' }, reason: 'test' }], []).errors, []);
});
