import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject, Pod, StatefulSet } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, describeChanges, node, pod, statefulSet, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import '../../api/kinds/index'; // registers the ServiceAccount admission of Pods
import { reconcileStatefulSet, statefulSetController } from './stateful-set';

const refused = (pod: string) => `event FailedCreate create Pod ${pod} in StatefulSet web failed error: pods "${pod}" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found`;
const serviceAccount = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });

function withAccount(set: StatefulSet, account = 'builder'): StatefulSet {
  const t = set.spec.template;
  return { ...set, spec: { ...set.spec, template: { ...t, spec: { ...t.spec, serviceAccountName: account } } } };
}

test('OrderedReady: web-1 refused is recorded on the set, web-2 is not tried, no scale-down, retry after 5 ms', () => {
  const set = withAccount(statefulSet('web', 3));
  const p0 = pod('web-0', set, { readySinceMs: 0, node: 'n1' });
  const extra = pod('web-5', set, { readySinceMs: 0, node: 'n1' });
  const { changes, requeueAfterMs } = reconcileStatefulSet(viewWith([set, p0, extra]), 'default/web', ctxAt(0));
  const lines = describeChanges(changes);
  assert.deepEqual(lines.filter((l) => !l.startsWith('status') && !l.includes('ControllerRevision')), [refused('web-1')]);
  const event = changes.find((c) => c.verb === 'event');
  assert.ok(event?.verb === 'event');
  assert.deepEqual([event.type, event.source, event.ref.kind], ['Warning', 'statefulset-controller', 'StatefulSet']);
  assert.equal(requeueAfterMs, 5);
  const status = (changes.find((c) => c.verb === 'status') as { object: StatefulSet } | undefined)?.object.status;
  assert.equal(status?.replicas, 2, 'the refused Pod is not counted');
});

test('the back-off counts from when the ordinal before became Ready', () => {
  const set = withAccount(statefulSet('web', 2));
  const p0 = pod('web-0', set, { readySinceMs: 60_000, node: 'n1' });
  // 75 ms after web-0 turned Ready: the fifth attempt, the next 80 ms later (not the 1000 s cap a
  // count from the set's creation a minute earlier would give).
  assert.equal(reconcileStatefulSet(viewWith([set, p0], 60_075), 'default/web', ctxAt(60_075)).requeueAfterMs, 80);
});

test('Parallel: the slow-start batch of one fails and nothing further is tried', () => {
  const set = withAccount(statefulSet('web', 4, { policy: 'Parallel' }));
  assert.deepEqual(describeChanges(reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0)).changes).filter((l) => !l.startsWith('status') && !l.includes('ControllerRevision')), [refused('web-0')]);
  // web-0 exists: the batch web-1, web-2 is tried in full, web-3 (the next batch) is not.
  const p0 = pod('web-0', set, { readySinceMs: 0, node: 'n1' });
  assert.deepEqual(describeChanges(reconcileStatefulSet(viewWith([set, p0]), 'default/web', ctxAt(0)).changes).filter((l) => !l.startsWith('status') && !l.includes('ControllerRevision')), [refused('web-1'), refused('web-2')]);
});

test('the claims of a refused Pod are still created (CreateStatefulPod makes them first)', () => {
  const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } as unknown as KubeObject;
  const set = withAccount(statefulSet('web', 1, { volumeClaimTemplates: [claim] }));
  const lines = describeChanges(reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0)).changes);
  assert.deepEqual(lines.filter((l) => !l.startsWith('status') && !l.includes('ControllerRevision')), ['create PersistentVolumeClaim www-web-0', 'event SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success', refused('web-0')]);
});

const live = (c: Cluster): Pod[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);

test('through the engine: no Pod and no WriteFailed until the ServiceAccount exists, then web-0 and web-1 in order', () => {
  const ctl = [statefulSetController, standInKubelet()];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: withAccount(statefulSet('web', 2)) }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  assert.equal(live(c).length, 0);
  assert.ok(!c.events.slice().some((e) => e.reason === 'WriteFailed'));
  assert.ok(c.events.slice().filter((e) => e.reason === 'FailedCreate' && e.involved.kind === 'StatefulSet').length > 10);
  c = submit(c, [{ verb: 'create', object: serviceAccount('builder') }], ctl).cluster;
  c = advance(c, 15_000, ctl);
  assert.deepEqual(live(c).map((p) => p.metadata.name).sort(), ['web-0', 'web-1']);
});
