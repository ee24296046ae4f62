import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../api/types';
import { iso, pod, replicaSet } from '../../testing/fixtures';
import { isPodActive, isPodAvailable, msOf } from './pod';
import { compareForDeletion, podsToDelete, POD_DELETION_COST } from './active-pods';
import { podFromTemplate } from './pod-template';

const EPOCH = Date.UTC(2025, 0, 1);
const rs = replicaSet('web', 3);

test('IsPodAvailable: Ready, and Ready for minReadySeconds strictly before now', () => {
  const p = pod('a', rs, { readySinceMs: 0 });
  assert.equal(isPodAvailable(p, 0, 0, EPOCH), true);
  assert.equal(isPodAvailable(p, 10, 10_000, EPOCH), false);
  assert.equal(isPodAvailable(p, 10, 10_001, EPOCH), true);
  assert.equal(isPodAvailable(pod('b', rs), 0, 5000, EPOCH), false);
});

test('IsPodActive: not terminal and not being deleted', () => {
  assert.equal(isPodActive(pod('a', rs)), true);
  assert.equal(isPodActive(pod('a', rs, { phase: 'Failed' })), false);
  assert.equal(isPodActive(pod('a', rs, { meta: { deletionTimestamp: iso(1000) } })), false);
});

test('ActivePodsWithRanks: deletion cost, then Ready time (log buckets), then restarts, then newer first', () => {
  const ranked = (p: Pod, rank = 0) => ({ pod: p, rank });
  const now = 1_000_000;
  const cheap = pod('cheap', rs, { readySinceMs: 0, node: 'n', meta: { annotations: { [POD_DELETION_COST]: '-5' } } });
  const plain = pod('plain', rs, { readySinceMs: 0, node: 'n' });
  assert.equal(compareForDeletion(ranked(cheap), ranked(plain), now, EPOCH), -1);
  const young = pod('young', rs, { readySinceMs: 999_000, node: 'n' });
  assert.equal(compareForDeletion(ranked(young), ranked(plain), now, EPOCH), -1, 'ready for less time goes first');
  assert.equal(compareForDeletion(ranked(plain, 1), ranked(plain, 3), now, EPOCH), 1, 'higher rank (more on its node) goes first');
  const newer = pod('newer', rs, { readySinceMs: 0, node: 'n', createdMs: 0 });
  const older = { ...newer, metadata: { ...newer.metadata, creationTimestamp: iso(-900_000) } };
  assert.equal(compareForDeletion(ranked(newer), ranked(older), now, EPOCH), -1);
});

test('podsToDelete ranks by related Pods on the same node', () => {
  const a = pod('a', rs, { readySinceMs: 0, node: 'n1' });
  const b = pod('b', rs, { readySinceMs: 0, node: 'n2' });
  const c = pod('c', rs, { readySinceMs: 0, node: 'n2' });
  assert.deepEqual(podsToDelete([a, b, c], [a, b, c], 2, 10_000, EPOCH).map((p) => p.metadata.name).sort(), ['b', 'c']);
});

test('podFromTemplate: labels, annotations, controller ownerReference, spec', () => {
  const p = podFromTemplate({ metadata: { labels: { app: 'x' }, annotations: { a: 'b' } }, spec: rs.spec.template.spec }, rs, 'web-', 'default');
  assert.equal(p.metadata.generateName, 'web-');
  assert.equal(p.metadata.name, '');
  assert.deepEqual(p.metadata.labels, { app: 'x' });
  assert.deepEqual(p.metadata.annotations, { a: 'b' });
  assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  assert.equal(p.spec, rs.spec.template.spec);
});

test('podFromTemplate: Pods of one template and owner share their metadata objects, as the same JSON', () => {
  const template = Object.freeze({ metadata: Object.freeze({ labels: Object.freeze({ app: 'x' }) }), spec: rs.spec.template.spec });
  const a = podFromTemplate(template, rs, 'web-', 'default', 'web-a');
  const b = podFromTemplate(template, rs, 'web-', 'default', 'web-b');
  assert.equal(a.metadata.labels, b.metadata.labels);
  assert.equal(a.metadata.ownerReferences, b.metadata.ownerReferences);
  assert.notEqual(a.metadata.labels, template.metadata.labels, 'a copy: the owner often holds the same labels object');
  assert.deepEqual(Object.keys(a.metadata), ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'labels', 'ownerReferences']);
  assert.ok(Object.isFrozen(template.metadata.labels), 'nothing written to the template');
  const other = { ...rs, metadata: { ...rs.metadata, name: 'api', uid: 'other-uid' } };
  const c = podFromTemplate(template, other, 'api-', 'default', 'api-c');
  assert.deepEqual(c.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api', uid: 'other-uid', controller: true, blockOwnerDeletion: true }]);
  assert.equal(c.metadata.generateName, 'api-');
  assert.equal(podFromTemplate(template, other, 'api-', 'default', 'api-d').metadata.ownerReferences, c.metadata.ownerReferences);
  const unnamed = podFromTemplate(template, other, '', 'default', 'api-0');
  assert.equal(unnamed.metadata.generateName, undefined, 'no generateName when none is given');
  assert.deepEqual(unnamed.metadata.ownerReferences, c.metadata.ownerReferences);
});

test('ownerKey: one string for every object sharing a controller reference, by namespace', async () => {
  const { ownerKey } = await import('./owner');
  const refs = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'u1', controller: true }];
  const obj = (name: string, namespace: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, ownerReferences: refs }, spec: {} }) as unknown as import('../../api/types').KubeObject;
  const a = ownerKey(obj('a', 'default'), 'ReplicaSet');
  assert.equal(a, 'default/web-1');
  assert.equal(ownerKey(obj('b', 'default'), 'ReplicaSet'), a);
  assert.equal(ownerKey(obj('c', 'team'), 'ReplicaSet'), 'team/web-1');
  assert.equal(ownerKey(obj('d', 'default'), 'Deployment'), undefined);
});

test('msOf: memoised parses give the same answers, whatever the order of asking', () => {
  const texts = ['2025-01-01T00:00:03Z', '2025-01-01T00:00:33Z', 'not a time', '2025-01-01T00:00:03Z'];
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(texts.map((t) => msOf(t, EPOCH)), [3000, 33000, undefined, 3000]);
  }
  assert.equal(msOf('2025-01-01T00:00:03Z', EPOCH - 1000), 4000, 'the epoch is applied after the memo');
  assert.equal(msOf('', EPOCH), undefined);
});
