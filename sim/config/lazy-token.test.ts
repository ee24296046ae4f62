import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configEnvSource } from './env-source';
import { internTree } from './lazy-token';
import { applyManifests, viewOf } from '../index';
import { bootstrapCluster } from '../cluster/bootstrap';
import { LazyFileTree, treeOf } from '../runtime/fs';
import { serviceAccountToken } from '../serviceaccount/token';
import type { Pod, Volume } from '../api/types';
import type { ConfigMap } from './types';

const r = applyManifests(bootstrapCluster({ nodes: 1, seed: 1 }),
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: pw\n---\n'
  + 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: k8s-node1\n  containers:\n  - name: c\n    image: busybox\n',
  { mode: 'create', source: 'p.yml' });
assert.deepEqual(r.errors, []);
const view = viewOf(r.cluster);
const pod = view.get<Pod>('Pod', 'default', 'p')!;
const tokenVolume = pod.spec.volumes!.find((v) => v.name.startsWith('kube-api-access-'))!;
const project = (v: Volume) => {
  const p = configEnvSource.projectVolume!(view, pod, v);
  assert.ok(p !== undefined && 'files' in p);
  return p;
};
const projected = (...sources: unknown[]) => ({ name: 'v', projected: { sources } }) as unknown as Volume;

test('the kube-api-access volume keeps its token as a lazy file: the same files, in the same order, as when it was made at once', () => {
  const p = project(tokenVolume);
  assert.ok(p.tree instanceof LazyFileTree);
  const token = serviceAccountToken(view, pod, 3607);
  assert.deepEqual(p.files, { token, 'ca.crt': view.get<ConfigMap>('ConfigMap', 'default', 'kube-root-ca.crt')!.data!['ca.crt'], namespace: 'default' });
  assert.deepEqual([...p.tree], [...treeOf(p.files)]);
  assert.equal(p.tree.get('/token'), token);
});

test('Pods of a namespace share one Map of the files beside the token; each has its own token', () => {
  const other = { ...pod, metadata: { ...pod.metadata, name: 'q', uid: 'uid-q' } };
  const a = project(tokenVolume).tree!;
  const b = project(tokenVolume).tree!;
  const c = configEnvSource.projectVolume!(view, other, tokenVolume);
  assert.ok(c !== undefined && 'files' in c && c.tree !== undefined);
  assert.equal(a.get('/token'), b.get('/token'));
  assert.notEqual(a.get('/token'), c.tree.get('/token'));
  assert.deepEqual([...a].slice(1), [...c.tree].slice(1));
  assert.equal(internTree([['/ca.crt', 'CA'], ['/namespace', 'team']]), internTree([['/ca.crt', 'CA'], ['/namespace', 'team']]));
  assert.notEqual(internTree([['/ca.crt', 'CA'], ['/namespace', 'team']]), internTree([['/ca.crt', 'CA'], ['/namespace', 'shop']]));
  assert.notEqual(internTree([['/a', 'b'], ['/c', 'd']]), internTree([['/a', 'b'], ['/c', 'e']]));
  assert.deepEqual([...internTree([['/x', '1'], ['/y', '2']])], [['/x', '1'], ['/y', '2']]);
});

test('a projected volume whose other sources write over the token, or that has two tokens, gets the files as they are made at once', () => {
  const token = { serviceAccountToken: { path: 'token', expirationSeconds: 600 } };
  const over = project(projected(token, { secret: { name: 's', items: [{ key: 'password', path: 'token' }] } }));
  assert.deepEqual(over.files, { token: 'pw' });
  assert.deepEqual([...over.tree ?? treeOf(over.files)], [['/token', 'pw']]);
  const overDotted = project(projected(token, { secret: { name: 's', items: [{ key: 'password', path: './token' }] } }));
  assert.deepEqual([...overDotted.tree ?? treeOf(overDotted.files)], [['/token', 'pw']]);
  const under = project(projected({ secret: { name: 's', items: [{ key: 'password', path: './token' }] } }, token));
  assert.ok(under.tree instanceof LazyFileTree);
  assert.deepEqual([...under.tree], [...treeOf(under.files)]);
  assert.equal(under.tree.get('/token'), serviceAccountToken(view, pod, 600));
  const two = project(projected(token, { secret: { name: 's' } }, { serviceAccountToken: { path: 'other' } }));
  assert.equal(two.tree, undefined);
  assert.deepEqual(two.files, { token: serviceAccountToken(view, pod, 600), password: 'pw', other: serviceAccountToken(view, pod, 3600) });
});

test('the shared part of a token volume follows the namespace and the objects it reads', () => {
  const inTeam = { ...pod, metadata: { ...pod.metadata, name: 'r', uid: 'uid-r', namespace: 'team' } };
  // No root CA ConfigMap in "team": the general way's error, not the default namespace's files.
  assert.deepEqual(configEnvSource.projectVolume!(view, inTeam, tokenVolume), { error: 'configmap "kube-root-ca.crt" not found' });
  // One projected source, read through two snapshots holding two versions of its ConfigMap.
  const source = projected({ serviceAccountToken: { path: 'token' } }, { configMap: { name: 'cfg' } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } });
  const cfg = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  k: ${value}\n`;
  const v1 = applyManifests(r.cluster, cfg('one'), { mode: 'apply', source: 'cfg.yml' });
  const v2 = applyManifests(v1.cluster, cfg('two'), { mode: 'apply', source: 'cfg.yml' });
  const treeIn = (c: typeof r.cluster) => {
    const p = configEnvSource.projectVolume!(viewOf(c), pod, source);
    assert.ok(p !== undefined && 'files' in p && p.tree !== undefined);
    return [...p.tree].map(([k, v]) => (k === '/token' ? [k, 'TOKEN'] : [k, v]));
  };
  assert.deepEqual(treeIn(v1.cluster), [['/token', 'TOKEN'], ['/k', 'one'], ['/ns', 'default']]);
  assert.deepEqual(treeIn(v2.cluster), [['/token', 'TOKEN'], ['/k', 'two'], ['/ns', 'default']]);
  assert.deepEqual(treeIn(v1.cluster), [['/token', 'TOKEN'], ['/k', 'one'], ['/ns', 'default']], 'the earlier snapshot still reads its own ConfigMap');
  const namespaceItem = projected({ serviceAccountToken: { path: 't' } }, { downwardAPI: { items: [{ path: 'who', fieldRef: { fieldPath: 'metadata.name' } }] } });
  assert.deepEqual(project(namespaceItem).files, { t: serviceAccountToken(view, pod, 3600), who: 'p' }, 'a per-Pod field is not shared');
});
