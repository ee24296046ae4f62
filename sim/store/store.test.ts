import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './store';
import type { KubeObject } from '../api/types';

function pod(name: string, labels: Record<string, string>, extra: { node?: string; owner?: string; ns?: string } = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: extra.ns ?? 'default', uid: `uid-${name}`, labels, ...(extra.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: extra.owner, controller: true }] } : {}) },
    spec: { containers: [], ...(extra.node ? { nodeName: extra.node } : {}) },
  } as unknown as KubeObject;
}

test('get, getByKey, list, count, select, dependents and podsOnNode agree after puts and removes', () => {
  const d = Store.empty().edit();
  d.put(pod('a', { app: 'web', tier: 'fe' }, { node: 'n1', owner: 'rs1' }));
  d.put(pod('b', { app: 'web' }, { node: 'n2', owner: 'rs1' }));
  d.put(pod('c', { app: 'db' }, { node: 'n1', ns: 'other' }));
  d.put({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'n1' }, spec: {} } as unknown as KubeObject);
  d.remove('Pod/default/b');
  const s = d.seal();
  assert.equal(s.get('Pod', 'default', 'a')?.metadata.name, 'a');
  assert.equal(s.get('Pod', 'default', 'b'), undefined);
  assert.equal(s.getByKey('Pod/other/c')?.metadata.name, 'c');
  assert.equal(s.getByKey('Pod/default/a')?.metadata.name, 'a');
  assert.equal(s.getByKey('Node//n1')?.metadata.name, 'n1');
  assert.equal(s.getByKey('Pod/default/c'), undefined, 'a name in another namespace is not found');
  assert.equal(s.getByKey('nonsense'), undefined);
  assert.deepEqual(s.list('Pod').map((p) => p.metadata.name), ['a', 'c']);
  assert.equal(s.count('Pod', 'default'), 1);
  assert.deepEqual(s.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['a']);
  assert.deepEqual(s.select('Pod', 'other', { matchLabels: { app: 'web' } }), []);
  assert.deepEqual(s.dependents('rs1').map((p) => p.metadata.name), ['a']);
  assert.deepEqual(s.podsOnNode('n1').map((p) => p.metadata.name), ['a', 'c']);
  assert.deepEqual(s.namespacesOf('Pod'), ['default', 'other']);
});

test('a relabelled object moves between label sets; a status write keeps its place', () => {
  const d = Store.empty().edit();
  d.put(pod('a', { app: 'web' }));
  d.put(pod('b', { app: 'web' }));
  const a = d.get('Pod', 'default', 'a')!;
  d.put({ ...a, status: { phase: 'Running' } } as KubeObject);
  assert.deepEqual(d.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['a', 'b']);
  d.put({ ...a, metadata: { ...a.metadata, labels: { app: 'db' } } } as KubeObject);
  assert.deepEqual(d.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['b']);
  assert.deepEqual(d.select('Pod', 'default', { matchLabels: { app: 'db' } }).map((p) => p.metadata.name), ['a']);
});

test('an edit never changes the snapshot it started from', () => {
  const d1 = Store.empty().edit();
  d1.put(pod('a', { app: 'web' }, { node: 'n1' }));
  const s1 = d1.seal();
  const d2 = s1.edit();
  d2.remove('Pod/default/a');
  d2.put(pod('z', { app: 'web' }, { node: 'n1' }));
  const s2 = d2.seal();
  assert.equal(s1.get('Pod', 'default', 'a')?.metadata.name, 'a');
  assert.equal(s1.get('Pod', 'default', 'z'), undefined);
  assert.deepEqual(s1.podsOnNode('n1').map((p) => p.metadata.name), ['a']);
  assert.deepEqual(s2.podsOnNode('n1').map((p) => p.metadata.name), ['z']);
  assert.deepEqual(s1.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['a']);
});

test('a binding moves a Pod between node sets and keeps its place among its owner\'s and label\'s', () => {
  const d = Store.empty().edit();
  d.put(pod('a', { app: 'web' }, { owner: 'rs1' }));
  d.put(pod('b', { app: 'web' }, { owner: 'rs1' }));
  const a = d.get('Pod', 'default', 'a')!;
  const bound = (node: string) => ({ ...a, spec: { ...(a as unknown as { spec: object }).spec, nodeName: node } }) as unknown as KubeObject;
  d.put(bound('n1'));
  assert.deepEqual(d.podsOnNode('n1').map((p) => p.metadata.name), ['a']);
  d.put(bound('n2'));
  assert.deepEqual(d.podsOnNode('n1'), []);
  assert.deepEqual(d.podsOnNode('n2').map((p) => p.metadata.name), ['a']);
  assert.deepEqual(d.dependents('rs1').map((p) => p.metadata.name), ['a', 'b']);
  assert.deepEqual(d.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['a', 'b']);
  assert.equal((d.get('Pod', 'default', 'a') as unknown as { spec: { nodeName: string } }).spec.nodeName, 'n2');
});

test('orphanCount counts the objects of a kind in a namespace that no controller owns', () => {
  const d = Store.empty().edit();
  d.put(pod('owned', { app: 'web' }, { owner: 'rs1' }));
  d.put(pod('loose', { app: 'web' }));
  d.put(pod('elsewhere', { app: 'web' }, { ns: 'other' }));
  assert.equal(d.orphanCount('Pod', 'default'), 1);
  assert.equal(d.orphanCount('Pod', 'other'), 1);
  assert.equal(d.orphanCount('ReplicaSet', 'default'), 0);
  const loose = d.get('Pod', 'default', 'loose')!;
  const adopted = { ...loose, metadata: { ...loose.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs1', controller: true }] } } as KubeObject;
  d.put(adopted);
  assert.equal(d.orphanCount('Pod', 'default'), 0);
  d.remove('Pod/other/elsewhere');
  assert.equal(d.orphanCount('Pod', 'other'), 0);
});

test('firstPodOnNode: the first of podsOnNode that passes the test, reading no further', () => {
  const d = Store.empty().edit();
  d.put(pod('a', { app: 'web' }, { node: 'n1' }));
  d.put(pod('b', { app: 'agent' }, { node: 'n1' }));
  d.put(pod('c', { app: 'agent' }, { node: 'n1' }));
  const s = d.seal();
  const read: string[] = [];
  const agent = s.firstPodOnNode('n1', (p) => { read.push(p.metadata.name); return p.metadata.labels?.app === 'agent'; });
  assert.equal(agent?.metadata.name, 'b');
  assert.deepEqual(read, ['a', 'b']);
  assert.equal(s.firstPodOnNode('n1', () => false), undefined);
  assert.equal(s.firstPodOnNode('n9', () => true), undefined);
});

test('bucket keys are made once per kind and namespace', async () => {
  const { bucketKeyOf } = await import('./store');
  assert.equal(bucketKeyOf('Pod', 'default'), 'Pod/default');
  assert.equal(bucketKeyOf('Pod', ''), 'Pod/');
  assert.equal(bucketKeyOf('Pod', 'default'), bucketKeyOf('Pod', 'default'));
  assert.notEqual(bucketKeyOf('Pod', 'a'), bucketKeyOf('Pod', 'b'));
});

test('dependents and podsOnNode hand out the latest version of each object; an older snapshot keeps its own', () => {
  const d1 = Store.empty().edit();
  d1.put(pod('a', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  d1.put(pod('b', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  const s1 = d1.seal();
  const d2 = s1.edit();
  const a = d2.get('Pod', 'default', 'a')!;
  const running = { ...a, status: { phase: 'Running' } } as KubeObject;
  d2.put(running); // a status write: the owner and node entries keep their place, with the new object
  const s2 = d2.seal();
  assert.equal(s2.dependents('rs1')[0], running);
  assert.equal(s2.podsOnNode('n1')[0], running);
  assert.deepEqual(s2.dependents('rs1').map((p) => p.metadata.name), ['a', 'b']);
  assert.equal(s1.dependents('rs1')[0], a);
  assert.equal(s1.podsOnNode('n1')[0], a);
});

test('a draft copies each inner map once, remembers the last one per index, and forgets an emptied one', () => {
  const d1 = Store.empty().edit();
  d1.put(pod('a', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  const s1 = d1.seal();
  // Two drafts of one snapshot: neither sees the other's writes, nor does the snapshot.
  const d2 = s1.edit();
  const d3 = s1.edit();
  d2.put(pod('b', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  d3.put(pod('c', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  d2.put(pod('d', { app: 'web' }, { node: 'n1', owner: 'rs1' })); // the same inner maps, now d2's own
  assert.deepEqual(d2.podsOnNode('n1').map((p) => p.metadata.name), ['a', 'b', 'd']);
  assert.deepEqual(d3.podsOnNode('n1').map((p) => p.metadata.name), ['a', 'c']);
  assert.deepEqual(s1.podsOnNode('n1').map((p) => p.metadata.name), ['a']);
  assert.deepEqual(s1.dependents('rs1').map((p) => p.metadata.name), ['a']);
  // Emptying a bucket drops it; the next write makes a new one rather than reviving the dropped one.
  for (const name of ['a', 'b', 'd']) d2.remove(`Pod/default/${name}`);
  assert.equal(d2.count('Pod', 'default'), 0);
  assert.deepEqual(d2.namespacesOf('Pod'), []);
  d2.put(pod('e', { app: 'web' }, { node: 'n1', owner: 'rs1' }));
  const s2 = d2.seal();
  assert.deepEqual(s2.list('Pod').map((p) => p.metadata.name), ['e']);
  assert.deepEqual(s2.podsOnNode('n1').map((p) => p.metadata.name), ['e']);
  assert.deepEqual(s2.dependents('rs1').map((p) => p.metadata.name), ['e']);
  assert.deepEqual(s2.select('Pod', 'default', { matchLabels: { app: 'web' } }).map((p) => p.metadata.name), ['e']);
  // A draft of the new snapshot copies again before writing.
  const d4 = s2.edit();
  d4.remove('Pod/default/e');
  assert.deepEqual(s2.podsOnNode('n1').map((p) => p.metadata.name), ['e']);
  assert.deepEqual(d4.podsOnNode('n1'), []);
});
