import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Change } from '../engine/types';
import type { KubeObject, Pod } from '../api/types';
import { ctxAt, describeChanges, node, pod, viewWith } from '../testing/fixtures';
import { volumePreBind } from './volume-binding';
import { reconcilePersistentVolumes } from './pv-controller';
import { reconcileProvisioner } from './provision';
import { pv, pvc, storageClass } from './testing';
import type { PersistentVolume, PersistentVolumeClaim } from './types';

// The PV controller as the unit tests of pv_controller_test.go / binder_test.go see it: one sync,
// the writes it makes.

const claimKey = 'PersistentVolumeClaim/default/c';
const sync = (objs: KubeObject[], key: string) => reconcilePersistentVolumes(viewWith(objs), key, ctxAt(5_000));
const written = <T extends KubeObject>(changes: readonly Change[], verb: 'update' | 'status' | 'create', kind: string): T[] =>
  changes.filter((c) => c.verb === verb && 'object' in c && c.object.kind === kind).map((c) => (c as unknown as { object: T }).object);

test('syncUnboundClaim binds the claim to the matching PV: claimRef first, then both phases Bound', () => {
  const { changes } = sync([pv('mypv1', '1Gi', { className: 'nfs' }), pvc('c', '1Gi', { className: 'nfs' })], claimKey);
  assert.deepEqual(describeChanges(changes), [
    'update PersistentVolume mypv1', 'status PersistentVolume mypv1', 'update PersistentVolumeClaim c', 'status PersistentVolumeClaim c',
  ]);
  const [v] = written<PersistentVolume>(changes, 'update', 'PersistentVolume');
  assert.deepEqual(v.spec.claimRef, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'c', uid: 'uid-c', apiVersion: 'v1', resourceVersion: '7' });
  assert.deepEqual(v.metadata.annotations, { 'pv.kubernetes.io/bound-by-controller': 'yes' });
  const [c] = written<PersistentVolumeClaim>(changes, 'update', 'PersistentVolumeClaim');
  assert.equal(c.spec.volumeName, 'mypv1');
  assert.deepEqual(c.metadata.annotations, { 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
  const [s] = written<PersistentVolumeClaim>(changes, 'status', 'PersistentVolumeClaim');
  assert.deepEqual(s.status, { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } });
});

test('no PV and no class: FailedBinding, and the claim is synced again after 15 s', () => {
  const r = sync([pvc('c', '1Gi', { className: '' })], claimKey);
  assert.deepEqual(describeChanges(r.changes), ['event FailedBinding no persistent volumes available for this claim and no storage class is set']);
  assert.equal(r.requeueAfterMs, 15_000);
});

test('a class that does not exist: ProvisioningFailed with the lister error', () => {
  const r = sync([pvc('c', '1Gi', { className: 'nfs' })], claimKey);
  assert.deepEqual(describeChanges(r.changes), ['event ProvisioningFailed storageclass.storage.k8s.io "nfs" not found']);
});

const boundPv = (policy: 'Retain' | 'Delete' | 'Recycle', extra: Parameters<typeof pv>[2] = {}) =>
  pv('mypv1', '1Gi', { phase: 'Bound', policy, claimRef: { namespace: 'default', name: 'c', uid: 'uid-c' }, annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' }, ...extra });
const pvKey = 'PersistentVolume//mypv1';

test('Retain: a PV whose claim is gone becomes Released and keeps its claimRef', () => {
  const { changes } = sync([boundPv('Retain')], pvKey);
  assert.deepEqual(describeChanges(changes), ['status PersistentVolume mypv1']);
  const [s] = written<PersistentVolume>(changes, 'status', 'PersistentVolume');
  assert.equal(s.status?.phase, 'Released');
  assert.equal(s.spec.claimRef?.uid, 'uid-c');
});

test('a claim created again with the same name is a different claim: the PV is still released', () => {
  const { changes } = sync([boundPv('Retain'), { ...pvc('c', '1Gi'), metadata: { ...pvc('c', '1Gi').metadata, uid: 'uid-new' } }], pvKey);
  assert.equal(written<PersistentVolume>(changes, 'status', 'PersistentVolume')[0].status?.phase, 'Released');
});

test('Delete on a static NFS PV: no plugin can delete it, so the PV is Failed with the reason', () => {
  const { changes } = sync([boundPv('Delete')], pvKey);
  assert.deepEqual(describeChanges(changes), [
    'status PersistentVolume mypv1', 'status PersistentVolume mypv1',
    'event VolumeFailedDelete error getting deleter volume plugin for volume "mypv1": no deletable volume plugin matched',
  ]);
  const last = written<PersistentVolume>(changes, 'status', 'PersistentVolume')[1];
  assert.deepEqual([last.status?.phase, last.status?.message], ['Failed', 'error getting deleter volume plugin for volume "mypv1": no deletable volume plugin matched']);
});

test('Recycle: the released PV gets a recycler-for-<pv> Pod that mounts its NFS export at /scrub', () => {
  const { changes } = sync([boundPv('Recycle', { phase: 'Released' })], pvKey);
  const [p] = written<Pod>(changes, 'create', 'Pod');
  assert.equal(p.metadata.name, 'recycler-for-mypv1');
  assert.equal(p.metadata.namespace, 'default');
  assert.deepEqual(p.spec.volumes, [{ name: 'vol', nfs: { server: '192.168.56.105', path: '/nfsdata/mypv1' } }]);
  assert.deepEqual(p.spec.containers[0].volumeMounts, [{ name: 'vol', mountPath: '/scrub' }]);
  assert.equal((p.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds, 300);
});

test('Recycle: once the recycler Pod succeeded it is deleted and the PV is Available without a claimRef', () => {
  const recycler = pod('recycler-for-mypv1', undefined, { phase: 'Succeeded', node: 'k8s-node1' });
  const { changes } = sync([boundPv('Recycle', { phase: 'Released' }), recycler], pvKey);
  assert.deepEqual(describeChanges(changes), [
    'runtime nodes nfs:192.168.56.105', 'delete Pod recycler-for-mypv1', 'event VolumeRecycled Volume recycled',
    'update PersistentVolume mypv1', 'status PersistentVolume mypv1',
  ]);
  const [v] = written<PersistentVolume>(changes, 'update', 'PersistentVolume');
  assert.equal(v.spec.claimRef, undefined);
  assert.equal(v.metadata.annotations, undefined);
  assert.equal(written<PersistentVolume>(changes, 'status', 'PersistentVolume')[0].status?.phase, 'Available');
});

test('dynamic provisioning: the claim is annotated for its provisioner, which creates pvc-<uid> with the class reclaimPolicy', () => {
  const sc = storageClass('standard', 'kubernetes.io/aws-ebs', { reclaimPolicy: 'Retain' });
  const c = pvc('c', '1Gi', { className: 'standard' });
  const { changes } = sync([sc, c], claimKey);
  assert.deepEqual(describeChanges(changes), [
    'update PersistentVolumeClaim c',
    "event ExternalProvisioning Waiting for a volume to be created either by the external provisioner 'ebs.csi.aws.com' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
  ]);
  const [annotated] = written<PersistentVolumeClaim>(changes, 'update', 'PersistentVolumeClaim');
  assert.equal(annotated.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'], 'ebs.csi.aws.com');
  const p = reconcileProvisioner(viewWith([sc, annotated]), claimKey, ctxAt(5_000));
  const [created] = written<PersistentVolume>(p.changes, 'create', 'PersistentVolume');
  assert.equal(created.metadata.name, 'pvc-uid-c');
  assert.equal(created.spec.persistentVolumeReclaimPolicy, 'Retain');
  assert.equal(created.spec.storageClassName, 'standard');
  assert.equal(created.metadata.annotations?.['pv.kubernetes.io/provisioned-by'], 'ebs.csi.aws.com');
  assert.deepEqual(describeChanges(p.changes).filter((l) => l.startsWith('event')), [
    'event Provisioning External provisioner is provisioning volume for claim "default/c"',
    'event ProvisioningSucceeded Successfully provisioned volume pvc-uid-c',
  ]);
});

test('WaitForFirstConsumer: the PV controller only waits; the scheduler\'s PreBind names the node for provisioning', () => {
  const sc = storageClass('local', 'rancher.io/local-path', { volumeBindingMode: 'WaitForFirstConsumer' });
  const c = pvc('c', '1Gi', { className: 'local' });
  assert.deepEqual(describeChanges(sync([sc, c], claimKey).changes), ['event WaitForFirstConsumer waiting for first consumer to be created before binding']);
  const user = pod('app', undefined, { spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'c' } }] } });
  assert.deepEqual(describeChanges(sync([sc, c, user], claimKey).changes), ['event WaitForPodScheduled waiting for pod app to be scheduled']);
  const changes = volumePreBind(viewWith([sc, c, user]), user, node('k8s-node1'), ctxAt(5_000))!;
  const [selected] = written<PersistentVolumeClaim>(changes, 'update', 'PersistentVolumeClaim');
  assert.equal(selected.metadata.annotations?.['volume.kubernetes.io/selected-node'], 'k8s-node1');
  // With a static PV of the class that fits the node, PreBind binds it instead.
  const local = pv('local-1', '5Gi', { className: 'local' });
  assert.deepEqual(describeChanges(volumePreBind(viewWith([sc, c, user, local]), user, node('k8s-node1'), ctxAt(5_000))!).slice(0, 2), [
    'update PersistentVolume local-1', 'status PersistentVolume local-1',
  ]);
  // Nothing to wait for once the claim is bound.
  const bound = pvc('c', '1Gi', { className: 'local', volumeName: 'local-1', phase: 'Bound', annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } });
  assert.equal(volumePreBind(viewWith([sc, bound, user, local]), user, node('k8s-node1'), ctxAt(5_000)), undefined);
});

test('pvc-protection: a claim being deleted keeps its finalizer while a scheduled Pod uses it', () => {
  const c = { ...pvc('c', '1Gi'), metadata: { ...pvc('c', '1Gi').metadata, deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: ['kubernetes.io/pvc-protection'] } };
  const user = pod('app', undefined, { node: 'k8s-node1', spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'c' } }] } });
  assert.deepEqual(describeChanges(sync([c, user], claimKey).changes).filter((l) => l.startsWith('update')), []);
  const freed = sync([c], claimKey).changes;
  assert.deepEqual(describeChanges(freed), ['update PersistentVolumeClaim c']);
  assert.equal(written<PersistentVolumeClaim>(freed, 'update', 'PersistentVolumeClaim')[0].metadata.finalizers, undefined);
});
