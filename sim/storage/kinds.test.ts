import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldError } from '../api/field-errors';
import type { KubeObject } from '../api/types';
import { viewWith } from '../testing/fixtures';
import {
  admitClaim, defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass,
  storageKinds, validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass,
} from './kinds';
import { pv, pvc, storageClass } from './testing';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from './types';

const messages = (errs: readonly { type: string; field: string }[]) => errs.map((e) => formatFieldError(e as never));
const manifest = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, uid: '', resourceVersion: '', creationTimestamp: '' }, status: undefined });

test('SetDefaults_PersistentVolume: Retain, Filesystem, phase Pending, and the pv-protection finalizer on create', () => {
  const raw = manifest(pv('a', '1Gi'));
  const { persistentVolumeReclaimPolicy: _p, volumeMode: _m, ...spec } = (raw as PersistentVolume).spec;
  const d = defaultPersistentVolume({ ...raw, spec }) as PersistentVolume;
  assert.equal(d.spec.persistentVolumeReclaimPolicy, 'Retain');
  assert.equal(d.spec.volumeMode, 'Filesystem');
  assert.equal(d.status?.phase, 'Pending');
  assert.deepEqual(d.metadata.finalizers, ['kubernetes.io/pv-protection']);
  // Defaulting again (every write) changes nothing; a stored object gets no new finalizer.
  assert.deepEqual(defaultPersistentVolume(d), d);
  assert.equal(defaultPersistentVolume(pv('b', '1Gi')).metadata.finalizers, undefined);
});

test('SetDefaults_PersistentVolumeClaim: Filesystem, Pending, pvc-protection; StorageClass: Delete, Immediate', () => {
  const d = defaultPersistentVolumeClaim(manifest(pvc('c', '1Gi'))) as PersistentVolumeClaim;
  assert.equal(d.spec.volumeMode, 'Filesystem');
  assert.equal(d.status?.phase, 'Pending');
  assert.deepEqual(d.metadata.finalizers, ['kubernetes.io/pvc-protection']);
  const sc = storageClass('s', 'example.com/nfs');
  const { reclaimPolicy: _r, volumeBindingMode: _v, ...bare } = sc;
  const ds = defaultStorageClass(bare as KubeObject) as StorageClass;
  assert.deepEqual([ds.reclaimPolicy, ds.volumeBindingMode], ['Delete', 'Immediate']);
});

test('ValidatePersistentVolume: a PV with no modes, capacity or source gets the API server messages', () => {
  const empty = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'code-pv', uid: '', resourceVersion: '', creationTimestamp: '' }, spec: { persistentVolumeReclaimPolicy: 'Retain' } } as KubeObject;
  assert.deepEqual(messages(validatePersistentVolume(empty, undefined)), [
    'spec.accessModes: Required value',
    'spec.capacity: Required value',
    'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"',
    'spec: Required value: must specify a volume type',
  ]);
});

test('ValidatePersistentVolume: unknown access mode and reclaim policy, zero capacity, relative nfs path', () => {
  const bad = pv('x', '0', { modes: ['ReadWrite' as never], policy: 'Scrub' as never, source: { nfs: { server: 's', path: 'data' } } });
  assert.deepEqual(messages(validatePersistentVolume(bad, undefined)), [
    'spec.accessModes: Unsupported value: "ReadWrite": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    'spec.persistentVolumeReclaimPolicy: Unsupported value: "Scrub": supported values: "Delete", "Recycle", "Retain"',
    'spec.nfs.path: Invalid value: "data": must be an absolute path',
  ]);
  assert.deepEqual(messages(validatePersistentVolume(pv('rwop', '1Gi', { modes: ['ReadWriteOncePod', 'ReadWriteOnce'] }), undefined)), [
    'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
  ]);
  assert.deepEqual(validatePersistentVolume(pv('ok', '1Gi'), undefined), []);
});

test('ValidatePersistentVolumeClaim: modes and a storage request are required; the spec is immutable', () => {
  const c = pvc('c', '1Gi');
  const bare = { ...c, spec: { volumeMode: 'Filesystem' } } as KubeObject;
  assert.deepEqual(messages(validatePersistentVolumeClaim(bare, undefined)), [
    'spec.accessModes: Required value: at least 1 access mode is required',
    'spec.resources[storage]: Required value',
  ]);
  const changed = { ...c, spec: { ...c.spec, accessModes: ['ReadWriteMany'] } } as KubeObject;
  assert.deepEqual(messages(validatePersistentVolumeClaim(changed, c)), [
    'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
  ]);
  const grown = { ...c, spec: { ...c.spec, resources: { requests: { storage: '2Gi' } } } } as KubeObject;
  assert.deepEqual(validatePersistentVolumeClaim(grown, c), []);
});

test('ValidateStorageClass: provisioner required, reclaimPolicy Delete or Retain, and no updates to either', () => {
  const sc = storageClass('s', '');
  assert.deepEqual(messages(validateStorageClass({ ...sc, reclaimPolicy: 'Recycle' } as KubeObject, undefined)), [
    'provisioner: Required value',
    'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
  ]);
  const old = storageClass('s', 'a.example.com');
  assert.deepEqual(messages(validateStorageClass(storageClass('s', 'b.example.com', { reclaimPolicy: 'Retain' }), old)), [
    'provisioner: Forbidden: updates to provisioner are forbidden.',
    'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
  ]);
});

test('DefaultStorageClass admission: a new claim without storageClassName gets the newest default class; "" stays ""', () => {
  const older = storageClass('old', 'x.io', {}, { 'storageclass.kubernetes.io/is-default-class': 'true' });
  const newer = { ...storageClass('new', 'y.io', {}, { 'storageclass.kubernetes.io/is-default-class': 'true' }), metadata: { ...storageClass('new', 'y.io').metadata, creationTimestamp: '2030-01-01T00:00:00Z', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } };
  const view = viewWith([older, newer]);
  assert.equal((admitClaim(pvc('c', '1Gi'), undefined, view) as PersistentVolumeClaim).spec.storageClassName, 'new');
  assert.equal((admitClaim(pvc('c', '1Gi', { className: '' }), undefined, view) as PersistentVolumeClaim).spec.storageClassName, '');
  assert.equal((admitClaim(pvc('c', '1Gi'), undefined, viewWith([storageClass('plain', 'x.io')])) as PersistentVolumeClaim).spec.storageClassName, undefined);
});

test('the registry entries: pv and pvc are core/v1 (PVs cluster-scoped), sc is storage.k8s.io/v1', () => {
  assert.deepEqual(storageKinds.map((k) => [k.kind, k.apiVersions[0], k.plural, k.shortNames.join(','), k.namespaced]), [
    ['PersistentVolume', 'v1', 'persistentvolumes', 'pv', false],
    ['PersistentVolumeClaim', 'v1', 'persistentvolumeclaims', 'pvc', true],
    ['StorageClass', 'storage.k8s.io/v1', 'storageclasses', 'sc', false],
  ]);
  const decode = storageKinds[0].decode!;
  assert.equal(decode({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'a' }, spec: { capacity: { storage: '1Gi' }, acessModes: [] } }),
    'strict decoding error: unknown field "spec.acessModes"');
});
