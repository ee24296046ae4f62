import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, Pod, StatefulSet } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, describeChanges, node, statefulSet, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { garbageCollector } from '../garbage-collector/garbage-collector';
import { hashControllerRevision, revisionRaw, templatePatch } from '../history/controller-history';
import { reconcileStatefulSet, statefulSetController } from './stateful-set';
import { getStatefulSetRevisions, truncateHistory } from './revisions';

// stateful_set_control.go getStatefulSetRevisions / truncateHistory and stateful_set_utils.go
// newRevision / newVersionedStatefulSetPod.

const ctl = [statefulSetController, standInKubelet({ readyAfterMs: 1000, terminateAfterMs: 1000 }), garbageCollector];
const setNow = (c: Cluster): StatefulSet => c.store.get<StatefulSet>('StatefulSet', 'default', 'web')!;
const revisions = (c: Cluster): string[] => c.store.list<ControllerRevision>('ControllerRevision', 'default').map((r) => `${r.metadata.name}:${r.revision}`).sort();
const image = (c: Cluster, name: string): string => c.store.get<Pod>('Pod', 'default', name)?.spec.containers[0].image ?? '-';
const label = (c: Cluster, name: string): string => c.store.get<Pod>('Pod', 'default', name)?.metadata.labels?.['controller-revision-hash'] ?? '-';
const withImage = (set: StatefulSet, img: string): StatefulSet => {
  const t = set.spec.template;
  return { ...set, spec: { ...set.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: img }] } } } };
};
const nameOf = (set: StatefulSet, collisionCount = 0): string => {
  const raw = revisionRaw({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: '', uid: '', resourceVersion: '', creationTimestamp: '' }, data: templatePatch(set.spec.template), revision: 0 });
  return `web-${hashControllerRevision(raw, collisionCount)}`;
};

test('newRevision: <set>-<HashControllerRevision(patch, 0)>, template labels plus controller.kubernetes.io/hash; the Pod is labelled with the name', () => {
  const set = statefulSet('web', 1);
  const { changes } = reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0));
  const cr = changes.find((c) => c.verb === 'create' && c.object.kind === 'ControllerRevision') as unknown as { object: ControllerRevision };
  const name = nameOf(set);
  assert.equal(cr.object.metadata.name, name);
  assert.equal(cr.object.revision, 1);
  assert.deepEqual(cr.object.metadata.labels, { app: 'web', 'controller.kubernetes.io/hash': name.slice('web-'.length) });
  const p = changes.find((c) => c.verb === 'create' && c.object.kind === 'Pod') as unknown as { object: Pod };
  assert.equal(p.object.metadata.labels?.['controller-revision-hash'], name);
  const status = (changes.find((c) => c.verb === 'status') as unknown as { object: StatefulSet }).object.status;
  assert.deepEqual([status.currentRevision, status.updateRevision, status.collisionCount], [name, name, 0]);
});

test('through the engine: an update is revision 2; going back renumbers revision 1 to 3 and the Pods return to its name', () => {
  let c = submit(emptyCluster({ seed: 3 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: statefulSet('web', 2) }], ctl).cluster;
  c = advance(c, 5000, ctl);
  const v1 = setNow(c);
  c = submit(c, [{ verb: 'update', object: withImage(v1, 'nginx:2') }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  const v2 = setNow(c);
  assert.deepEqual(revisions(c), [`${nameOf(v1)}:1`, `${nameOf(v2)}:2`].sort());
  assert.deepEqual([v2.status.currentRevision, v2.status.updateRevision], [nameOf(v2), nameOf(v2)]);
  c = submit(c, [{ verb: 'update', object: { ...v2, spec: { ...v2.spec, template: v1.spec.template } } }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  assert.deepEqual(revisions(c), [`${nameOf(v1)}:3`, `${nameOf(v2)}:2`].sort());
  assert.deepEqual([label(c, 'web-0'), label(c, 'web-1')], [nameOf(v1), nameOf(v1)]);
  assert.equal(setNow(c).status.currentRevision, nameOf(v1));
});

test('through the engine: below the partition a deleted Pod comes back at the current revision, above it at the update revision', () => {
  const base = statefulSet('web', 3);
  let c = submit(emptyCluster({ seed: 3 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: base }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  const v1 = setNow(c);
  const partitioned = withImage({ ...v1, spec: { ...v1.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } } }, 'nginx:2');
  c = submit(c, [{ verb: 'update', object: partitioned }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  assert.deepEqual(['web-0', 'web-1', 'web-2'].map((n) => image(c, n)), ['nginx:1.7.9', 'nginx:1.7.9', 'nginx:2']);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web-0' }, reason: 'test' }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  assert.equal(image(c, 'web-0'), 'nginx:1.7.9', 'recreated from the current revision, not the template');
  assert.equal(label(c, 'web-0'), nameOf(v1));
  const st = setNow(c).status;
  assert.deepEqual([st.currentRevision, st.updateRevision, st.currentReplicas, st.updatedReplicas], [nameOf(v1), nameOf(partitioned), 2, 1]);
});

test('CreateControllerRevision: a name taken by other data raises collisionCount and rehashes the name; the hash label keeps the first hash', () => {
  const set = statefulSet('web', 1);
  const other = withImage(set, 'nginx:other');
  const squatter: ControllerRevision = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: nameOf(set), namespace: 'default', uid: 'cr-x', resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'other' } },
    data: templatePatch(other.spec.template), revision: 1,
  };
  const r = getStatefulSetRevisions(viewWith([set, squatter]), set);
  assert.equal(r.collisionCount, 1);
  assert.equal(r.update.metadata.name, nameOf(set, 1));
  assert.equal(r.update.metadata.labels?.['controller.kubernetes.io/hash'], nameOf(set, 0).slice('web-'.length));
  assert.deepEqual(describeChanges(r.changes), [`create ControllerRevision ${nameOf(set, 1)}`]);
});

test('truncateHistory: revisions neither current, update nor any Pod\'s go, oldest first, down to revisionHistoryLimit', () => {
  const set = { ...statefulSet('web', 1), spec: { ...statefulSet('web', 1).spec, revisionHistoryLimit: 1 } };
  const cr = (n: number): ControllerRevision => ({
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `web-r${n}`, namespace: 'default', uid: `u${n}`, resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z' }, data: {}, revision: n,
  });
  const all = [1, 2, 3, 4].map(cr);
  const pod = { metadata: { name: 'web-0', labels: { 'controller-revision-hash': 'web-r2' } } } as unknown as Pod;
  const lines = describeChanges(truncateHistory(set, [pod], { current: all[3], update: all[3], collisionCount: 0, revisions: all, changes: [] }));
  assert.deepEqual(lines, ['delete ControllerRevision web-r1'], 'history is r1 and r3 (r2 is a Pod\'s, r4 current): one goes');
});

test('through the engine: deleting the StatefulSet lets the garbage collector delete its revisions', () => {
  let c = submit(emptyCluster({ seed: 3 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: statefulSet('web', 1) }], ctl).cluster;
  c = advance(c, 5000, ctl);
  assert.equal(revisions(c).length, 1);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'StatefulSet', namespace: 'default', name: 'web' }, reason: 'test' }], ctl).cluster;
  c = advance(c, 60_000, ctl);
  assert.deepEqual(revisions(c), []);
});
