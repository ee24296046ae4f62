import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCluster, submit, advance, MAX_RECONCILES_PER_KEY_PER_INSTANT } from './loop';
import { isoAt } from './transaction';
import type { Controller, Change } from './types';
import type { KubeObject } from '../api/types';

// A toy controller: a ConfigMap "counter" gets a Pod per unit of data.n, and ticks every 10 s.
const toy: Controller = {
  name: 'toy',
  watches: { Counter: (_v, after, before) => [`${(after ?? before)!.metadata.name}`] },
  reconcile: (view, key) => {
    const c = view.get('Counter', 'default', key);
    if (c === undefined) return { changes: [] };
    const want = (c.spec as { n: number }).n;
    const have = view.list('Pod', 'default').length;
    const changes: Change[] = [];
    for (let i = have; i < want; i++) {
      changes.push({ verb: 'create', object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: '', generateName: `${key}-`, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { containers: [] }, status: {} } });
    }
    return { changes, requeueAfterMs: 10_000 };
  },
};

const counter = (n: number): KubeObject => ({ apiVersion: 'v1', kind: 'Counter', metadata: { name: 'c', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { n } });

test('submit applies changes and reconciles until quiet at the same instant', () => {
  const { cluster, errors } = submit(emptyCluster({ seed: 7 }), [{ verb: 'create', object: counter(3) }], [toy]);
  assert.deepEqual(errors, []);
  assert.equal(cluster.store.count('Pod', 'default'), 3);
  assert.equal(cluster.nowMs, 0);
  for (const p of cluster.store.list('Pod', 'default')) assert.match(p.metadata.name, /^c-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('a refused change leaves the cluster as it was', () => {
  const first = submit(emptyCluster(), [{ verb: 'create', object: counter(1) }], [toy]).cluster;
  const again = submit(first, [{ verb: 'create', object: counter(2) }], [toy]);
  assert.equal(again.cluster, first);
  assert.deepEqual(again.errors, ['counters "c" already exists']);
});

test('timers fire as time passes and the input snapshot is never mutated', () => {
  const start = submit(emptyCluster(), [{ verb: 'create', object: counter(1) }], [toy]).cluster;
  const frozenCount = start.store.count('Pod', 'default');
  const traceLength = start.trace.length;
  const later = advance(start, 35_000, [toy]);
  assert.equal(later.nowMs, 35_000);
  assert.equal(start.nowMs, 0);
  assert.equal(start.store.count('Pod', 'default'), frozenCount);
  assert.equal(start.trace.length, traceLength);
});

test('the same seed and inputs give the same trace', () => {
  const run = () => advance(submit(emptyCluster({ seed: 42 }), [{ verb: 'create', object: counter(5) }], [toy]).cluster, 60_000, [toy]);
  assert.deepEqual(run().trace.slice(), run().trace.slice());
  const other = advance(submit(emptyCluster({ seed: 43 }), [{ verb: 'create', object: counter(5) }], [toy]).cluster, 60_000, [toy]);
  assert.notDeepEqual(run().trace.slice().map((e) => e.name), other.trace.slice().map((e) => e.name));
});

test('a key reconciled more than MAX_RECONCILES_PER_KEY_PER_INSTANT times at one instant is a simulator bug; the count starts again at the next drain', () => {
  let runs = 0;
  const spinner: Controller = {
    name: 'spinner', watches: {},
    reconcile: (_v, key) => { runs++; return { changes: key === 'k' ? [{ verb: 'enqueue', controller: 'spinner', key: 'k', afterMs: 0 }] : [] }; },
  };
  const seed: Change = { verb: 'enqueue', controller: 'spinner', key: 'k', afterMs: 0 };
  assert.throws(() => submit(emptyCluster(), [seed], [spinner]), new RegExp(`spinner reconciled k ${MAX_RECONCILES_PER_KEY_PER_INSTANT + 1} times at t=0s without settling`));
  assert.equal(runs, MAX_RECONCILES_PER_KEY_PER_INSTANT);
  let twice = 0;
  const settles: Controller = {
    name: 'settles', watches: {},
    reconcile: () => { twice++; return { changes: twice % 4000 === 0 ? [] : [{ verb: 'enqueue', controller: 'settles', key: 'k', afterMs: 0 }] }; },
  };
  const once = submit(emptyCluster(), [{ verb: 'enqueue', controller: 'settles', key: 'k', afterMs: 0 }], [settles]);
  const again = submit(once.cluster, [{ verb: 'enqueue', controller: 'settles', key: 'k', afterMs: 0 }], [settles]);
  assert.deepEqual([again.errors, twice], [[], 8000]);
});

test('watch handlers get the changed object\'s store key', () => {
  const seen: (string | undefined)[] = [];
  const watcher: Controller = { name: 'w', watches: { ConfigMap: (_v, _a, _b, key) => { seen.push(key); return []; } }, reconcile: () => ({ changes: [] }) };
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: {} } as unknown as KubeObject;
  const created = submit(emptyCluster(), [{ verb: 'create', object: cm }], [watcher]);
  const stored = created.cluster.store.get('ConfigMap', 'default', 'c')!;
  const updated = submit(created.cluster, [{ verb: 'update', object: { ...stored, data: { a: '1' } } as KubeObject }], [watcher]);
  submit(updated.cluster, [{ verb: 'delete', ref: { kind: 'ConfigMap', namespace: 'default', name: 'c' }, reason: 'test' }], [watcher]);
  assert.deepEqual(seen, ['ConfigMap/default/c', 'ConfigMap/default/c', 'ConfigMap/default/c']);
});

test('isoAt: interleaved instants (now, now + a grace period) each get their own text', () => {
  const epoch = Date.UTC(2025, 0, 1);
  const asked = [0, 30_000, 0, 30_000, 1_500, 0];
  assert.deepEqual(asked.map((ms) => isoAt(epoch, ms)), asked.map((ms) => new Date(epoch + ms).toISOString().replace(/\.\d{3}Z$/, 'Z')));
  assert.equal(isoAt(epoch + 1000, 0), '2025-01-01T00:00:01Z', 'another epoch, another instant');
});
