import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../api/kinds/index';
import type { Namespace, Pod } from '../../api/types';
import { advance, emptyCluster, submit } from '../../engine/loop';
import type { Controller } from '../../engine/types';
import { namespace, node, replicaSet } from '../../testing/fixtures';
import { standInKubelet } from '../../testing/stand-in-kubelet';
import { replicaSetController } from '../replicaset/replica-set';
import { garbageCollector } from '../garbage-collector/garbage-collector';
import { namespaceController } from './namespace-controller';

const CTL: Controller[] = [replicaSetController, garbageCollector, namespaceController, standInKubelet({ terminateAfterMs: 30_000 })];

test('a Namespace being deleted is Terminating until its objects are gone, then it is removed', () => {
  const rs = replicaSet('web', 2, { namespace: 'team' });
  // metadata.finalizers holds it until the controller is done (the API server does this through spec.finalizers).
  let c = submit(emptyCluster({ seed: 1 }), [
    { verb: 'create', object: node('n1') }, { verb: 'create', object: namespace('team', { finalizers: ['test/hold'] }) }, { verb: 'create', object: rs },
  ], CTL).cluster;
  c = advance(c, 1000, CTL);
  assert.equal(c.store.count('Pod', 'team'), 2);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Namespace', namespace: '', name: 'team' }, reason: 'kubectl delete ns' }], CTL).cluster;
  assert.equal(c.store.get<Namespace>('Namespace', '', 'team')?.status.phase, 'Terminating');
  assert.equal(c.store.count('ReplicaSet', 'team'), 0);
  assert.ok(c.store.list<Pod>('Pod', 'team').every((p) => p.metadata.deletionTimestamp !== undefined));
  c = advance(c, 30_000, CTL);
  assert.equal(c.store.count('Pod', 'team'), 0);
  const ns = c.store.get<Namespace>('Namespace', '', 'team');
  assert.deepEqual(ns?.spec.finalizers, [], 'the "kubernetes" finalizer is removed once the namespace is empty');
});

test('a Namespace removed outright still has its objects deleted', () => {
  let c = submit(emptyCluster({ seed: 2 }), [{ verb: 'create', object: namespace('tmp') }, { verb: 'create', object: replicaSet('web', 1, { namespace: 'tmp' }) }], CTL).cluster;
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Namespace', namespace: '', name: 'tmp' }, reason: 'kubectl delete ns' }], CTL).cluster;
  assert.equal(c.store.count('ReplicaSet', 'tmp'), 0);
  assert.equal(c.store.count('Pod', 'tmp'), 0);
});

test('reconcileNamespace: Terminating and deletes first; finalize only when empty', async () => {
  const { reconcileNamespace } = await import('./namespace-controller');
  const { describeChanges, viewWith, iso } = await import('../../testing/fixtures');
  const ns = namespace('team', { deletionTimestamp: iso(0), finalizers: ['test/hold'] });
  const rs = replicaSet('web', 1, { namespace: 'team' });
  assert.deepEqual(describeChanges(reconcileNamespace(viewWith([ns, rs]), 'team').changes), ['status Namespace team', 'delete ReplicaSet web']);
  const terminating = { ...ns, status: { phase: 'Terminating' as const } };
  const done = reconcileNamespace(viewWith([terminating]), 'team').changes;
  assert.deepEqual(describeChanges(done), ['update Namespace team']);
  assert.ok(done[0].verb === 'update' && (done[0].object as Namespace).spec.finalizers?.length === 0);
  assert.deepEqual(reconcileNamespace(viewWith([namespace('live')]), 'live').changes, []);
});
