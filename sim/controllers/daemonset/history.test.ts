import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ControllerRevision, DaemonSet, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { computeHash } from '../../api/naming';
import { ctxAt, daemonSet, describeChanges, node, pod, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { garbageCollector } from '../garbage-collector/garbage-collector';
import { templatePatch } from '../history/controller-history';
import { daemonSetController, reconcileDaemonSet } from './daemon-set';
import { cleanupHistory } from './history';

// update.go constructHistory / snapshot / cleanupHistory: a DaemonSet's ControllerRevisions.

const ctl = [daemonSetController, standInKubelet({ readyAfterMs: 1000 }), garbageCollector];
const dsNow = (c: Cluster): DaemonSet => c.store.get<DaemonSet>('DaemonSet', 'default', 'd')!;
const revisions = (c: Cluster): string[] => c.store.list<ControllerRevision>('ControllerRevision', 'default')
  .map((r) => `${r.metadata.name}:${r.revision}`).sort();
const withImage = (ds: DaemonSet, image: string): DaemonSet => {
  const t = ds.spec.template;
  return { ...ds, spec: { ...ds.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image }] } } } };
};
const hashOf = (ds: DaemonSet): string => computeHash(ds.spec.template, ds.status?.collisionCount);

test('snapshot: the first revision is <ds>-<hash>, revision 1, labelled, annotated and owned like the DaemonSet; its Pods carry the hash', () => {
  const ds = { ...daemonSet('d'), metadata: { ...daemonSet('d').metadata, annotations: { 'kubernetes.io/change-cause': 'kubectl apply' } } };
  const { changes } = reconcileDaemonSet(viewWith([ds, node('n1')]), 'default/d', ctxAt(0));
  const created = changes.filter((c) => c.verb === 'create').map((c) => (c as { object: ControllerRevision | Pod }).object);
  const cr = created.find((o) => o.kind === 'ControllerRevision') as ControllerRevision;
  const hash = hashOf(ds);
  assert.equal(cr.metadata.name, `d-${hash}`);
  assert.equal(cr.revision, 1);
  assert.deepEqual(cr.metadata.labels, { app: 'd', 'controller-revision-hash': hash });
  assert.deepEqual(cr.metadata.annotations, { 'kubernetes.io/change-cause': 'kubectl apply' });
  assert.deepEqual(cr.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'd', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(cr.data, templatePatch(ds.spec.template));
  const p = created.find((o) => o.kind === 'Pod') as Pod;
  assert.equal(p.metadata.labels?.['controller-revision-hash'], hash);
});

test('through the engine: a new template is revision 2; going back renumbers revision 1 to 3 and makes none', () => {
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: daemonSet('d') }], ctl).cluster;
  c = advance(c, 2000, ctl);
  const v1 = dsNow(c);
  const first = `d-${hashOf(v1)}`;
  assert.deepEqual(revisions(c), [`${first}:1`]);
  c = submit(c, [{ verb: 'update', object: withImage(v1, 'nginx:2') }], ctl).cluster;
  c = advance(c, 5000, ctl);
  const second = `d-${hashOf(dsNow(c))}`;
  assert.deepEqual(revisions(c), [`${first}:1`, `${second}:2`].sort());
  c = submit(c, [{ verb: 'update', object: { ...dsNow(c), spec: { ...dsNow(c).spec, template: v1.spec.template } } }], ctl).cluster;
  c = advance(c, 5000, ctl);
  assert.deepEqual(revisions(c), [`${first}:3`, `${second}:2`].sort());
  const pods = c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  assert.deepEqual(pods.map((p) => p.metadata.labels?.['controller-revision-hash']), [hashOf(v1)]);
});

test('through the engine: deleting the DaemonSet lets the garbage collector delete its revisions', () => {
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: daemonSet('d') }], ctl).cluster;
  c = advance(c, 2000, ctl);
  assert.equal(revisions(c).length, 1);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'DaemonSet', namespace: 'default', name: 'd' }, reason: 'test' }], ctl).cluster;
  c = advance(c, 60_000, ctl);
  assert.deepEqual(revisions(c), []);
});

test('an orphaned revision that matches the selector is adopted, and is the current one when its template is', () => {
  const ds = daemonSet('d');
  const orphan: ControllerRevision = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `d-${hashOf(ds)}`, namespace: 'default', uid: 'cr-1', resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'd', 'controller-revision-hash': hashOf(ds) } },
    data: templatePatch(ds.spec.template), revision: 4,
  };
  const lines = describeChanges(reconcileDaemonSet(viewWith([ds, orphan]), 'default/d', ctxAt(0)).changes);
  assert.ok(lines.includes(`update ControllerRevision d-${hashOf(ds)}`), 'adopted');
  assert.ok(!lines.some((l) => l.startsWith('create ControllerRevision')));
});

test('a revision of the name with another template is a hash collision: collisionCount goes up, nothing else is done', () => {
  const ds = daemonSet('d');
  const other = withImage(ds, 'nginx:other');
  const squatter: ControllerRevision = {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `d-${hashOf(ds)}`, namespace: 'default', uid: 'cr-1', resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { app: 'other' } },
    data: templatePatch(other.spec.template), revision: 1,
  };
  const { changes } = reconcileDaemonSet(viewWith([ds, node('n1'), squatter]), 'default/d', ctxAt(0));
  assert.deepEqual(describeChanges(changes), ['status DaemonSet d']);
  const bumped = (changes[0] as { object: DaemonSet }).object;
  assert.equal(bumped.status.collisionCount, 1);
  assert.notEqual(hashOf(bumped), hashOf(ds), 'the next sync names its revision with the new count');
});

test('cleanupHistory: beyond revisionHistoryLimit the oldest old revisions go, except those a Pod still carries', () => {
  const ds = { ...daemonSet('d'), spec: { ...daemonSet('d').spec, revisionHistoryLimit: 1 } };
  const old = [1, 2, 3].map((n): ControllerRevision => ({
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `d-h${n}`, namespace: 'default', uid: `u${n}`, resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', labels: { 'controller-revision-hash': `h${n}` } },
    data: {}, revision: n,
  }));
  const onOld = pod('d-aaaaa', ds, { labels: { app: 'd', 'controller-revision-hash': 'h1' } });
  assert.deepEqual(describeChanges(cleanupHistory(ds, old, [onOld])), ['delete ControllerRevision d-h2', 'delete ControllerRevision d-h3'], 'two to go: h1 is live, so h2 and h3');
  assert.deepEqual(describeChanges(cleanupHistory(ds, old, [])), ['delete ControllerRevision d-h1', 'delete ControllerRevision d-h2']);
  assert.deepEqual(cleanupHistory({ ...ds, spec: { ...ds.spec, revisionHistoryLimit: 10 } }, old, []), []);
});
