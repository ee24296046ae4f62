import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet } from '../../api/types';
import { emptyCluster, submit, advance } from '../../engine/loop';
import { ctxAt, describeChanges, pod, replicaSet, viewWith, iso } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { reconcileReplicaSet, replicaSetController, BURST_REPLICAS } from './replica-set';

test('creates the missing Pods with generateName <rs>- and a SuccessfulCreate event each', () => {
  const rs = replicaSet('web', 3);
  const { changes } = reconcileReplicaSet(viewWith([rs]), 'default/web', ctxAt(0));
  const lines = describeChanges(changes);
  assert.equal(lines.filter((l) => l.startsWith('create Pod web-')).length, 3);
  const events = changes.filter((c) => c.verb === 'event');
  assert.equal(events.length, 3);
  for (const c of changes) {
    if (c.verb !== 'create') continue;
    const p = c.object as Pod;
    assert.match(p.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(p.metadata.generateName, 'web-');
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(p.metadata.labels, { app: 'web' });
    assert.ok(lines.includes(`event SuccessfulCreate Created pod: ${p.metadata.name}`));
  }
});

test('creates at most burstReplicas Pods per sync', () => {
  const { changes } = reconcileReplicaSet(viewWith([replicaSet('big', 600)]), 'default/big', ctxAt(0));
  assert.equal(changes.filter((c) => c.verb === 'create').length, BURST_REPLICAS);
});

test('a quiet ReplicaSet returns no changes', () => {
  const rs0 = replicaSet('web', 2);
  const pods = [pod('web-a', rs0, { readySinceMs: 0, node: 'n1' }), pod('web-b', rs0, { readySinceMs: 0, node: 'n1' })];
  const rs: ReplicaSet = { ...rs0, status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } };
  assert.deepEqual(reconcileReplicaSet(viewWith([rs, ...pods]), 'default/web', ctxAt(5000)).changes, []);
});

test('scale down deletes unassigned, then pending, then not-ready Pods first', () => {
  const rs = replicaSet('web', 1);
  const pods = [
    pod('web-ready', rs, { readySinceMs: 0, node: 'n1' }),
    pod('web-pending', rs, { node: 'n1' }),
    pod('web-unassigned', rs, {}),
  ];
  const lines = describeChanges(reconcileReplicaSet(viewWith([rs, ...pods]), 'default/web', ctxAt(1000)).changes);
  assert.deepEqual(lines.filter((l) => l.startsWith('delete') || l.startsWith('event')), [
    'delete Pod web-unassigned', 'event SuccessfulDelete Deleted pod: web-unassigned',
    'delete Pod web-pending', 'event SuccessfulDelete Deleted pod: web-pending',
  ]);
});

test('scale down prefers the Pod on the node with more replicas, then the newer Pod', () => {
  const rs = replicaSet('web', 2);
  const pods = [
    pod('web-a', rs, { readySinceMs: 0, node: 'n1', createdMs: 0 }),
    pod('web-b', rs, { readySinceMs: 0, node: 'n2', createdMs: 0 }),
    pod('web-c', rs, { readySinceMs: 0, node: 'n2', createdMs: 0 }),
  ];
  const lines = describeChanges(reconcileReplicaSet(viewWith([rs, ...pods]), 'default/web', ctxAt(1000)).changes);
  const deleted = lines.filter((l) => l.startsWith('delete'));
  assert.equal(deleted.length, 1);
  assert.match(deleted[0], /^delete Pod web-[bc]$/);
});

test('Pods being deleted do not count and are replaced at once', () => {
  const rs = replicaSet('web', 2);
  const pods = [pod('web-a', rs, { readySinceMs: 0, node: 'n1' }), pod('web-b', rs, { readySinceMs: 0, node: 'n1', meta: { deletionTimestamp: iso(30_000) } })];
  const { changes } = reconcileReplicaSet(viewWith([rs, ...pods]), 'default/web', ctxAt(0));
  assert.equal(changes.filter((c) => c.verb === 'create').length, 1);
  const status = changes.find((c) => c.verb === 'status');
  assert.equal(status?.verb === 'status' && (status.object as ReplicaSet).status.replicas, 1);
});

test('adopts a matching orphan Pod and ignores one controlled by someone else', () => {
  const rs = replicaSet('web', 2);
  const other = replicaSet('other', 0, { labels: { app: 'web' } });
  const orphan = pod('loose', undefined, { labels: { app: 'web' } });
  const foreign = pod('foreign', other, { labels: { app: 'web' } });
  const { changes } = reconcileReplicaSet(viewWith([rs, other, orphan, foreign]), 'default/web', ctxAt(0));
  const adopt = changes.find((c) => c.verb === 'update');
  assert.ok(adopt && adopt.verb === 'update');
  assert.equal(adopt.object.metadata.name, 'loose');
  assert.equal(adopt.object.metadata.ownerReferences?.[0].uid, rs.metadata.uid);
  assert.equal(changes.filter((c) => c.verb === 'create').length, 1); // 2 wanted, 1 adopted
});

test('status counts ready and available Pods with minReadySeconds, and requeues for the instant one becomes available', () => {
  const rs = replicaSet('web', 2, { minReadySeconds: 10 });
  const pods = [pod('web-a', rs, { readySinceMs: 0, node: 'n1' }), pod('web-b', rs, { readySinceMs: 5000, node: 'n1' })];
  const r = reconcileReplicaSet(viewWith([rs, ...pods], 12_000), 'default/web', ctxAt(12_000));
  const status = r.changes.find((c) => c.verb === 'status');
  assert.ok(status?.verb === 'status');
  assert.deepEqual((status.object as ReplicaSet).status, { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 1 });
  assert.equal(r.requeueAfterMs, 15_001 - 12_000);
});

test('through the engine: Pods come, go Ready, become available after minReadySeconds, and a deleted Pod is replaced', () => {
  const ctl = [replicaSetController, standInKubelet({ readyAfterMs: 2000 })];
  let c = submit(emptyCluster({ seed: 3 }), [{ verb: 'create', object: replicaSet('web', 3, { minReadySeconds: 5 }) }], ctl).cluster;
  const rsNow = () => c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web')!;
  assert.equal(c.store.count('Pod', 'default'), 3);
  assert.equal(rsNow().status.replicas, 3);
  c = advance(c, 2000, ctl);
  assert.equal(rsNow().status.readyReplicas, 3);
  assert.equal(rsNow().status.availableReplicas, undefined, 'omitempty: 0 is not stored');
  c = advance(c, 5000, ctl);
  assert.equal(rsNow().status.availableReplicas ?? 0, 0, 'Ready for exactly minReadySeconds is not yet available');
  c = advance(c, 1, ctl);
  assert.equal(rsNow().status.availableReplicas, 3);
  const victim = c.store.list<Pod>('Pod', 'default')[0].metadata.name;
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: victim }, reason: 'test' }], ctl).cluster;
  const names = c.store.list<Pod>('Pod', 'default').map((p) => p.metadata.name);
  assert.equal(names.length, 3);
  assert.ok(!names.includes(victim));
  const events = c.events.slice().filter((e) => e.source === 'replicaset-controller');
  assert.equal(events.filter((e) => e.reason === 'SuccessfulCreate').length, 4);
});

test('through the engine: scaling down deletes down to spec.replicas', () => {
  const ctl = [replicaSetController, standInKubelet()];
  let c = submit(emptyCluster({ seed: 4 }), [{ verb: 'create', object: replicaSet('web', 5) }], ctl).cluster;
  c = advance(c, 1000, ctl);
  const rs = c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web')!;
  c = submit(c, [{ verb: 'update', object: { ...rs, spec: { ...rs.spec, replicas: 2 } } }], ctl).cluster;
  assert.equal(c.store.count('Pod', 'default'), 2);
  assert.equal(c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web')!.status.replicas, 2);
  assert.equal(c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web')!.status.observedGeneration, 2);
});

test('the SuccessfulCreate events of one sync share one reference to the ReplicaSet', () => {
  const rs = replicaSet('web', 3);
  const events = reconcileReplicaSet(viewWith([rs]), 'default/web', ctxAt(0)).changes.filter((c) => c.verb === 'event');
  assert.equal(events.length, 3);
  assert.deepEqual(events[0].ref, { kind: 'ReplicaSet', namespace: 'default', name: 'web', uid: rs.metadata.uid });
  assert.ok(events.every((e) => e.ref === events[0].ref));
  assert.deepEqual(events.map((e) => [e.type, e.reason, e.source]), Array(3).fill(['Normal', 'SuccessfulCreate', 'replicaset-controller']));
});
