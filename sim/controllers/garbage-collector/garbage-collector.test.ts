import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Cluster, Controller } from '../../engine/types';
import { describeChanges, deployment, node, pod, replicaSet, viewWith } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { replicaSetController } from '../replicaset/replica-set';
import { deploymentController } from '../deployment/deployment-controller';
import { garbageCollector, reconcileGarbage } from './garbage-collector';

test('a dependent whose only owner is gone is deleted; one with a remaining owner only loses the dangling reference', () => {
  const rs = replicaSet('web', 1);
  const gone = replicaSet('gone', 1);
  const orphaned = pod('p1', gone);
  const shared = { ...pod('p2', rs), metadata: { ...pod('p2', rs).metadata, ownerReferences: [...pod('p2', rs).metadata.ownerReferences!, { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'gone', uid: gone.metadata.uid }] } };
  const view = viewWith([rs, orphaned, shared]);
  const lines = describeChanges(reconcileGarbage(view, `uid:${gone.metadata.uid}`).changes);
  assert.deepEqual(lines, ['delete Pod p1', 'update Pod p2']);
  const update = reconcileGarbage(view, `uid:${gone.metadata.uid}`).changes[1];
  assert.ok(update.verb === 'update');
  assert.deepEqual(update.object.metadata.ownerReferences?.map((r) => r.name), ['web']);
});

const CTL: Controller[] = [deploymentController, replicaSetController, garbageCollector, standInKubelet({ terminateAfterMs: 5000 })];
const pods = (c: Cluster): Pod[] => [...c.store.list<Pod>('Pod', 'default')];

function withDeployment(seed: number): Cluster {
  let c = submit(emptyCluster({ seed }), [{ verb: 'create', object: node('n1') }, { verb: 'create', object: deployment('web', 2) }], CTL).cluster;
  c = advance(c, 1000, CTL);
  assert.equal(pods(c).length, 2);
  return c;
}

test('background: deleting a Deployment deletes its ReplicaSet, then its Pods (graceful)', () => {
  let c = withDeployment(1);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Deployment', namespace: 'default', name: 'web' }, reason: 'kubectl delete' }], CTL).cluster;
  assert.equal(c.store.count('ReplicaSet', 'default'), 0);
  assert.ok(pods(c).every((p) => p.metadata.deletionTimestamp !== undefined), 'Pods are terminating');
  c = advance(c, 5000, CTL);
  assert.equal(pods(c).length, 0);
});

test('foreground: the ReplicaSet stays (with its finalizer) until its Pods are gone', () => {
  let c = withDeployment(2);
  const { name: rsName, uid: rsUid } = c.store.list<ReplicaSet>('ReplicaSet', 'default')[0].metadata;
  c = submit(c, [{ verb: 'delete', ref: { kind: 'ReplicaSet', namespace: 'default', name: rsName }, reason: 'kubectl delete', propagation: 'Foreground' }], CTL).cluster;
  const rs = c.store.get<ReplicaSet>('ReplicaSet', 'default', rsName);
  assert.ok(rs?.metadata.deletionTimestamp !== undefined);
  assert.deepEqual(rs?.metadata.finalizers, ['foregroundDeletion']);
  assert.ok(pods(c).every((p) => p.metadata.deletionTimestamp !== undefined));
  c = advance(c, 4999, CTL);
  assert.equal(c.store.get('ReplicaSet', 'default', rsName)?.metadata.uid, rsUid, 'still there while its Pods terminate');
  c = advance(c, 1, CTL);
  assert.equal(pods(c).filter((p) => p.metadata.ownerReferences?.[0].uid === rsUid).length, 0);
  // Gone; the Deployment then creates a ReplicaSet of the same name (same template hash) with a new uid.
  assert.notEqual(c.store.get('ReplicaSet', 'default', rsName)?.metadata.uid, rsUid);
});

test('orphan: deleting a ReplicaSet with propagation Orphan leaves its Pods, without ownerReferences', () => {
  let c = submit(emptyCluster({ seed: 3 }), [{ verb: 'create', object: replicaSet('web', 2) }], CTL).cluster;
  c = submit(c, [{ verb: 'delete', ref: { kind: 'ReplicaSet', namespace: 'default', name: 'web' }, reason: 'kubectl delete --cascade=orphan', propagation: 'Orphan' }], CTL).cluster;
  assert.equal(c.store.get('ReplicaSet', 'default', 'web'), undefined);
  assert.equal(pods(c).length, 2);
  assert.ok(pods(c).every((p) => p.metadata.ownerReferences === undefined));
});
