import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, StatefulSet } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, describeChanges, node, pod, statefulSet, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { reconcileStatefulSet, statefulSetController } from './stateful-set';

test('OrderedReady creates only web-0 first, with its stable identity', () => {
  const set = statefulSet('web', 3, { serviceName: 'nginx' });
  const { changes } = reconcileStatefulSet(viewWith([set]), 'default/web', ctxAt(0));
  const creates = changes.filter((c) => c.verb === 'create' && c.object.kind === 'Pod').map((c) => (c as { object: Pod }).object);
  assert.deepEqual(creates.map((p) => p.metadata.name), ['web-0']);
  const p = creates[0];
  assert.equal(p.spec.hostname, 'web-0');
  assert.equal(p.spec.subdomain, 'nginx');
  assert.equal(p.metadata.labels?.['statefulset.kubernetes.io/pod-name'], 'web-0');
  assert.equal(p.metadata.labels?.['apps.kubernetes.io/pod-index'], '0');
  assert.match(p.metadata.labels?.['controller-revision-hash'] ?? '', /^web-[4-9bcdf]+$/);
  assert.ok(describeChanges(changes).includes('event SuccessfulCreate create Pod web-0 in StatefulSet web successful'));
});

test('OrderedReady waits while web-0 is not Running and Ready; Parallel creates all at once', () => {
  const set = statefulSet('web', 3);
  const p0 = pod('web-0', set, {});
  assert.deepEqual(reconcileStatefulSet(viewWith([set, p0]), 'default/web', ctxAt(0)).changes.filter((c) => c.verb === 'create' && c.object.kind === 'Pod'), []);
  const parallel = statefulSet('web', 3, { policy: 'Parallel' });
  const creates = reconcileStatefulSet(viewWith([parallel]), 'default/web', ctxAt(0)).changes.filter((c) => c.verb === 'create' && c.object.kind === 'Pod');
  assert.deepEqual(creates.map((c) => (c as { object: Pod }).object.metadata.name), ['web-0', 'web-1', 'web-2']);
});

test('scale down deletes the highest ordinal first, one at a time', () => {
  const set = statefulSet('web', 1);
  const pods = [0, 1, 2].map((i) => pod(`web-${i}`, set, { readySinceMs: 0, node: 'n1' }));
  const lines = describeChanges(reconcileStatefulSet(viewWith([set, ...pods]), 'default/web', ctxAt(0)).changes);
  assert.deepEqual(lines.filter((l) => l.startsWith('delete')), ['delete Pod web-2']);
  const terminating = { ...pods[2], metadata: { ...pods[2].metadata, deletionTimestamp: '2025-01-01T00:00:30Z' } };
  const waiting = describeChanges(reconcileStatefulSet(viewWith([set, pods[0], pods[1], terminating]), 'default/web', ctxAt(0)).changes);
  assert.deepEqual(waiting.filter((l) => l.startsWith('delete')), [], 'waits for web-2 to be gone before deleting web-1');
});

const live = (c: Cluster): string[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
const setNow = (c: Cluster): StatefulSet => c.store.get<StatefulSet>('StatefulSet', 'default', 'web')!;

test('through the engine: ordinals come up in order, a deleted Pod comes back with the same name, scale down removes the top', () => {
  const ctl = [statefulSetController, standInKubelet({ readyAfterMs: 1000, terminateAfterMs: 2000 })];
  // A node, so Pods are bound and deletion is graceful (an unbound Pod is removed at once).
  let c = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: statefulSet('web', 3) }], ctl).cluster;
  assert.deepEqual(live(c), ['web-0']);
  c = advance(c, 1000, ctl);
  assert.deepEqual(live(c), ['web-0', 'web-1']);
  c = advance(c, 2000, ctl);
  assert.deepEqual(live(c), ['web-0', 'web-1', 'web-2']);
  assert.equal(setNow(c).status.readyReplicas, 3);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web-1' }, reason: 'test' }], ctl).cluster;
  c = advance(c, 4000, ctl);
  assert.deepEqual(live(c), ['web-0', 'web-1', 'web-2']);
  const set = setNow(c);
  c = submit(c, [{ verb: 'update', object: { ...set, spec: { ...set.spec, replicas: 1 } } }], ctl).cluster;
  assert.deepEqual(live(c), ['web-0', 'web-1']);
  c = advance(c, 2000, ctl);
  assert.deepEqual(live(c), ['web-0']);
  c = advance(c, 2000, ctl);
  assert.equal(setNow(c).status.replicas, 1);
});

test('through the engine: a template change replaces Pods from the highest ordinal down', () => {
  const ctl = [statefulSetController, standInKubelet({ readyAfterMs: 1000 })];
  let c = submit(emptyCluster({ seed: 1 }), [{ verb: 'create', object: statefulSet('web', 3) }], ctl).cluster;
  c = advance(c, 5000, ctl);
  const set = setNow(c);
  const rev1 = set.status.currentRevision;
  const t = set.spec.template;
  c = submit(c, [{ verb: 'update', object: { ...set, spec: { ...set.spec, template: { ...t, spec: { ...t.spec, containers: [{ ...t.spec.containers[0], image: 'nginx:2' }] } } } } }], ctl).cluster;
  const image = (n: string): string => c.store.get<Pod>('Pod', 'default', n)?.spec.containers[0].image ?? '-';
  assert.deepEqual([image('web-0'), image('web-1'), image('web-2')], ['nginx:1.7.9', 'nginx:1.7.9', 'nginx:2']);
  c = advance(c, 5000, ctl);
  assert.deepEqual([image('web-0'), image('web-1'), image('web-2')], ['nginx:2', 'nginx:2', 'nginx:2']);
  assert.notEqual(setNow(c).status.currentRevision, rev1);
  assert.equal(setNow(c).status.currentRevision, setNow(c).status.updateRevision);
});
