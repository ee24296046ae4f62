import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../api/kinds/index';
import { daemonSet, node, pod, replicaSet, statefulSet, viewWith } from '../testing/fixtures';
import { daemonSetOnePerNode, ownerReferences, replicaSetReplicas, statefulSetOrdinals } from './index';

test('replicaset-replicas flags a ReplicaSet short of Pods, and ignores terminating ones', () => {
  const rs = replicaSet('web', 2);
  const ok = [pod('a', rs), pod('b', rs)];
  assert.deepEqual(replicaSetReplicas.check(viewWith([rs, ...ok])), []);
  const terminating = { ...ok[1], metadata: { ...ok[1].metadata, deletionTimestamp: '2025-01-01T00:00:30Z' } };
  assert.equal(replicaSetReplicas.check(viewWith([rs, ok[0], terminating])).length, 1);
});

test('daemonset-one-per-node flags missing, doubled and misplaced Pods', () => {
  const ds = daemonSet('d');
  const n1 = node('n1');
  const n2 = node('n2', { taints: [{ key: 'dedicated', effect: 'NoExecute' }] });
  assert.deepEqual(daemonSetOnePerNode.check(viewWith([ds, n1, n2, pod('d-1', ds, { node: 'n1' })])), []);
  assert.equal(daemonSetOnePerNode.check(viewWith([ds, n1, n2])).length, 1);
  assert.equal(daemonSetOnePerNode.check(viewWith([ds, n1, n2, pod('d-1', ds, { node: 'n1' }), pod('d-2', ds, { node: 'n1' })])).length, 1);
  assert.equal(daemonSetOnePerNode.check(viewWith([ds, n1, n2, pod('d-1', ds, { node: 'n1' }), pod('d-2', ds, { node: 'n2' })])).length, 1);
});

test('statefulset-ordinals flags gaps and out-of-range Pods, allows OrderedReady to wait on an unready Pod', () => {
  const set = statefulSet('web', 3);
  const ready = (n: string) => pod(n, set, { readySinceMs: 0, node: 'n1' });
  assert.deepEqual(statefulSetOrdinals.check(viewWith([set, ready('web-0'), ready('web-1'), ready('web-2')])), []);
  assert.deepEqual(statefulSetOrdinals.check(viewWith([set, ready('web-0'), pod('web-1', set)])), []);
  assert.equal(statefulSetOrdinals.check(viewWith([set, ready('web-0'), ready('web-2')])).length >= 1, true);
  assert.equal(statefulSetOrdinals.check(viewWith([set, ready('web-0'), ready('web-1'), ready('web-2'), ready('web-3')])).length, 1);
});

test('owner-references flags a dependent whose owner uid is gone', () => {
  const rs = replicaSet('web', 1);
  const p = pod('a', rs);
  assert.deepEqual(ownerReferences.check(viewWith([rs, p])), []);
  assert.equal(ownerReferences.check(viewWith([p])).length, 1);
  assert.equal(ownerReferences.check(viewWith([replicaSet('web', 1), p])).length, 1, 'same name, other uid');
});
