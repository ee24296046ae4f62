import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, KubeObject, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { ctxAt, daemonSet, describeChanges, node, pod, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import '../../api/kinds/index'; // registers the ServiceAccount admission of Pods
import { daemonSetController, reconcileDaemonSet } from './daemon-set';
import { exponentialRetryMs } from '../util/create-refusal';

const REFUSED = 'Error creating: pods "d-" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found';
const serviceAccount = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' } });

test('exponentialRetryMs: 5 ms doubling from the first failure, capped at 1000 s; the Job queue 1 s to 1 min', () => {
  assert.deepEqual([0, 5, 15, 35, 75].map((t) => exponentialRetryMs(0, t)), [5, 10, 20, 40, 80]);
  assert.equal(exponentialRetryMs(0, 10_235), 10_240); // attempt 12 runs 5 x (2^11 - 1) ms after the first
  assert.equal(exponentialRetryMs(0, 3_600_000), 1_000_000);
  assert.deepEqual([0, 1000, 3000, 7000, 100_000].map((t) => exponentialRetryMs(0, t, 1000, 60_000)), [1000, 2000, 4000, 8000, 60_000]);
  assert.equal(exponentialRetryMs(5000, 0), 5, 'a start in the future counts as now');
});

test('a refused create: no Pod, one FailedCreate on the DaemonSet, the status still written, a retry after 5 ms', () => {
  const ds = daemonSet('d', { spec: { serviceAccountName: 'builder' } });
  const result = reconcileDaemonSet(viewWith([ds, node('n1'), node('n2')]), 'default/d', ctxAt(0));
  const { requeueAfterMs } = result;
  const changes = result.changes.filter((c) => c.verb !== 'create' || c.object.kind !== 'ControllerRevision'); // the first revision is made before manage
  assert.deepEqual(describeChanges(changes), [`event FailedCreate ${REFUSED}`, 'status DaemonSet d']);
  const event = changes[0];
  assert.ok(event.verb === 'event');
  assert.deepEqual([event.type, event.source, event.ref.kind, event.ref.name], ['Warning', 'daemonset-controller', 'DaemonSet', 'd']);
  const status = (changes[1] as { object: DaemonSet }).object.status;
  assert.deepEqual([status.desiredNumberScheduled, status.currentNumberScheduled, status.numberUnavailable], [2, 0, 2]);
  assert.equal(requeueAfterMs, 5);
  // 35 ms after the DaemonSet was made it is the fourth attempt: the next comes 40 ms later.
  assert.equal(reconcileDaemonSet(viewWith([ds, node('n1'), node('n2')], 35), 'default/d', ctxAt(35)).requeueAfterMs, 40);
});

test('a refused create still deletes what must go, and skips the rolling update', () => {
  const ds = daemonSet('d', { spec: { serviceAccountName: 'builder', nodeSelector: { role: 'x' } } });
  const old = pod('d-aaaaa', ds, { node: 'n1', readySinceMs: 0 }); // no revision hash: an old Pod the rolling update would replace
  const stray = pod('d-bbbbb', ds, { node: 'n3', readySinceMs: 0 });
  const nodes = [node('n1', { labels: { role: 'x' } }), node('n2', { labels: { role: 'x' } }), node('n3')];
  const lines = describeChanges(reconcileDaemonSet(viewWith([ds, ...nodes, old, stray]), 'default/d', ctxAt(0)).changes);
  assert.ok(lines.includes(`event FailedCreate ${REFUSED}`));
  assert.ok(lines.includes('delete Pod d-bbbbb'), 'the Pod on the node that no longer matches goes');
  assert.ok(!lines.includes('delete Pod d-aaaaa'), 'no rolling update after a failed manage');
  assert.ok(!lines.some((l) => l.startsWith('create') && !l.startsWith('create ControllerRevision')));
});

const live = (c: Cluster): Pod[] => c.store.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);

test('through the engine: refused until the ServiceAccount exists, then a Pod per node at the next retry; no WriteFailed', () => {
  const ctl = [daemonSetController, standInKubelet()];
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: node('n2') },
    { verb: 'create', object: daemonSet('d', { spec: { serviceAccountName: 'builder' } }) }], ctl).cluster;
  c = advance(c, 10_000, ctl);
  assert.equal(live(c).length, 0);
  const events = c.events.slice();
  assert.ok(!events.some((e) => e.reason === 'WriteFailed'));
  const failed = events.filter((e) => e.reason === 'FailedCreate');
  assert.ok(failed.length > 10, `retried with back-off: ${failed.length} events`);
  assert.ok(failed.every((e) => e.involved.kind === 'DaemonSet' && e.message === REFUSED));
  c = submit(c, [{ verb: 'create', object: serviceAccount('builder') }], ctl).cluster;
  assert.equal(live(c).length, 0, 'nothing watches ServiceAccounts: the Pods wait for the retry');
  c = advance(c, 15_000, ctl);
  assert.deepEqual(live(c).map((p) => p.spec.nodeName).sort(), ['n1', 'n2']);
  assert.equal(c.store.get<DaemonSet>('DaemonSet', 'default', 'd')!.status.numberReady, 2);
});
