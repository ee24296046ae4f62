import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from '../store/store';
import { viewOver } from '../engine/view';
import type { RuntimeTables } from '../engine/types';
import { CONFIG, pod } from '../testing/fixtures';
import { treeOf } from '../runtime/fs';
import { pvcVolumeProjection, reconcileVolumeData, replaceSubtree, subtree } from './data';
import { pv, pvc } from './testing';

// Where a PV's files live between Pods (data.ts): the NFS server's row, copied into a Pod's volume
// when it is mounted and back when the Pod writes.

test('subtree and replaceSubtree work on the directory only', () => {
  const files = treeOf({ '/nfsdata/pv1/a': '1', '/nfsdata/pv1/d/b': '2', '/nfsdata/pv2/c': '3' });
  assert.deepEqual([...subtree(files, '/nfsdata/pv1')], [['/a', '1'], ['/d/b', '2']]);
  const next = replaceSubtree(files, '/nfsdata/pv1', treeOf({ '/x': '9' }));
  assert.deepEqual([...next].sort(), [['/nfsdata/pv1', null], ['/nfsdata/pv1/x', '9'], ['/nfsdata/pv2/c', '3']]);
});

const bound = pvc('c', '1Gi', { volumeName: 'mypv1', phase: 'Bound', annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } });
const user = pod('app', undefined, { node: 'k8s-node1', spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'c' } }] } });

function viewOf(tables: Partial<RuntimeTables>, objs = [pv('mypv1', '1Gi', { phase: 'Bound' }), bound, user]) {
  const draft = Store.empty().edit();
  for (const o of objs) draft.put(o);
  return viewOver(draft.seal(), 0, CONFIG, { nodes: new Map(), pods: new Map(), images: new Map(), proxy: new Map(), taintEvictions: new Map(), access: new Map(), ...tables });
}

test('a bound claim mounts the files of its PV; an unbound one is not mounted yet', () => {
  const nfs = { alive: true, lastHeartbeatMs: 0, images: new Set<string>(), hostFiles: treeOf({ '/nfsdata/mypv1/hello': 'hi' }) as ReadonlyMap<string, string> };
  const view = viewOf({ nodes: new Map([['nfs:192.168.56.105', nfs]]) });
  assert.deepEqual(pvcVolumeProjection(view, user, user.spec.volumes![0]), { files: { '/hello': 'hi' } });
  const pending = viewOf({}, [pv('mypv1', '1Gi'), pvc('c', '1Gi'), user]);
  assert.deepEqual(pvcVolumeProjection(pending, user, user.spec.volumes![0]), { error: 'PVC default/c has non-bound phase ("Pending") or empty pvc.Spec.VolumeName ("")' });
  assert.equal(pvcVolumeProjection(view, user, { name: 'e', emptyDir: {} }), undefined);
});

test('what a Pod writes to its PVC volume is copied to the NFS server, once per change of its tree', () => {
  const tree = treeOf({ '/hello': 'hi' });
  const row = { ref: 'default/app', uid: user.metadata.uid, node: 'k8s-node1', ip: '', hostIP: '', startMs: 0, volumes: { d: tree }, containers: [] };
  const view = viewOf({ pods: new Map([[user.metadata.uid, row]]) });
  const { changes } = reconcileVolumeData(view, user.metadata.uid);
  assert.equal(changes.length, 1);
  const written = changes[0] as { key: string; value: { hostFiles: Map<string, string | null> } };
  assert.equal(written.key, 'nfs:192.168.56.105');
  assert.equal(written.value.hostFiles.get('/nfsdata/mypv1/hello'), 'hi');
  // The same tree again (a probe tick changed the Pod's row, not its files): nothing to copy.
  const again = viewOf({ pods: new Map([[user.metadata.uid, row]]), nodes: new Map([[written.key, written.value as never]]) });
  assert.deepEqual(reconcileVolumeData(again, user.metadata.uid).changes, []);
});
