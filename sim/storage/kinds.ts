import type { KindInfo } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { forbidden, invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { bytes, isQuantity } from '../api/quantity';
import { decodeWith } from '../api/schema/decode';
import { objectMeta } from '../api/schema/fields';
import { listOf, mapOf, struct, type Struct } from '../api/schema/types';
import { FIELD_IMMUTABLE_ERROR_MSG, validateLabelSelector, validateObjectMeta } from '../api/validation/meta';
import { isDNS1123Subdomain, nameIsDNSSubdomain } from '../api/validation/names';
import type { StoreView } from '../store/store';
import { defaultClassOf } from './helpers';
import {
  ACCESS_MODES, PV_PROTECTION, PVC_PROTECTION,
  type PersistentVolume, type PersistentVolumeClaim, type StorageClass,
} from './types';

// The storage kinds for the API registry (sim/api/kinds/index.ts registers them): core/v1
// PersistentVolume (persistentvolumes, pv), PersistentVolumeClaim (persistentvolumeclaims, pvc) and
// storage.k8s.io/v1 StorageClass (storageclasses, sc): strict decoding, SetDefaults_*, the
// admission plugins that touch them (DefaultStorageClass, StorageObjectInUseProtection) and
// pkg/apis/core/validation ValidatePersistentVolume*, pkg/apis/storage/validation ValidateStorageClass*.

// ---------------------------------------------------------------- schemas (k8s.io/api core/v1, storage/v1)

const strings = listOf('string');
const stringMap = mapOf('string');
const quantities = mapOf('quantity');
const labelSelector = struct('LabelSelector', {
  matchLabels: stringMap,
  matchExpressions: listOf(struct('LabelSelectorRequirement', { key: 'string', operator: 'string', values: strings })),
});
const top = (go: string, fields: Record<string, import('../api/schema/types').FieldType>): Struct =>
  struct(go, { apiVersion: 'string', kind: 'string', metadata: objectMeta, ...fields });

const PV_SCHEMA = top('PersistentVolume', {
  status: 'any',
  spec: struct('PersistentVolumeSpec', {
    capacity: quantities, accessModes: strings, claimRef: struct('ObjectReference', {
      kind: 'string', namespace: 'string', name: 'string', uid: 'string', apiVersion: 'string', resourceVersion: 'string', fieldPath: 'string',
    }),
    persistentVolumeReclaimPolicy: 'string', storageClassName: 'string', mountOptions: strings, volumeMode: 'string',
    nodeAffinity: 'any', volumeAttributesClassName: 'string',
    nfs: struct('NFSVolumeSource', { server: 'string', path: 'string', readOnly: 'bool' }),
    hostPath: struct('HostPathVolumeSource', { path: 'string', type: 'string' }),
    local: struct('LocalVolumeSource', { path: 'string', fsType: 'string' }),
    csi: 'any', gcePersistentDisk: 'any', awsElasticBlockStore: 'any', glusterfs: 'any', rbd: 'any', iscsi: 'any', cinder: 'any',
    cephfs: 'any', fc: 'any', flocker: 'any', flexVolume: 'any', azureFile: 'any', vsphereVolume: 'any', quobyte: 'any',
    azureDisk: 'any', photonPersistentDisk: 'any', portworxVolume: 'any', scaleIO: 'any', storageos: 'any',
  }),
});

const PVC_SCHEMA = top('PersistentVolumeClaim', {
  status: 'any',
  spec: struct('PersistentVolumeClaimSpec', {
    accessModes: strings, selector: labelSelector, resources: struct('VolumeResourceRequirements', { limits: quantities, requests: quantities }),
    volumeName: 'string', storageClassName: 'string', volumeMode: 'string', dataSource: 'any', dataSourceRef: 'any', volumeAttributesClassName: 'string',
  }),
});

const SC_SCHEMA = top('StorageClass', {
  provisioner: 'string', parameters: stringMap, reclaimPolicy: 'string', mountOptions: strings, allowVolumeExpansion: 'bool',
  volumeBindingMode: 'string', allowedTopologies: 'any',
});

// ---------------------------------------------------------------- defaulting

/** An object that the API server has not stored yet (admission runs on create only). */
const isNew = (o: KubeObject): boolean => !o.metadata.creationTimestamp;

/** StorageObjectInUseProtection admission: the protection finalizer on every new PV / PVC. */
function withFinalizer(o: KubeObject, finalizer: string): KubeObject {
  const fs = o.metadata.finalizers ?? [];
  if (!isNew(o) || fs.includes(finalizer)) return o;
  return { ...o, metadata: { ...o.metadata, finalizers: [...fs, finalizer] } };
}

/** SetDefaults_PersistentVolume: phase Pending, reclaim policy Retain, volumeMode Filesystem (hostPath type ""). */
export function defaultPersistentVolume(obj: KubeObject): KubeObject {
  const pv = obj as PersistentVolume;
  const spec = pv.spec ?? {};
  const hostPath = spec.hostPath !== undefined && spec.hostPath !== null && spec.hostPath.type === undefined ? { ...spec.hostPath, type: '' } : spec.hostPath;
  const out = {
    ...pv,
    spec: {
      ...spec,
      ...(hostPath !== undefined ? { hostPath } : {}),
      persistentVolumeReclaimPolicy: spec.persistentVolumeReclaimPolicy || 'Retain',
      volumeMode: spec.volumeMode ?? 'Filesystem',
    },
    status: { ...(pv.status ?? {}), phase: pv.status?.phase || 'Pending' },
  };
  return withFinalizer(out, PV_PROTECTION);
}

/** SetDefaults_PersistentVolumeClaim: phase Pending, volumeMode Filesystem. */
export function defaultPersistentVolumeClaim(obj: KubeObject): KubeObject {
  const pvc = obj as PersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  const out = {
    ...pvc,
    spec: { ...spec, volumeMode: spec.volumeMode ?? 'Filesystem' },
    status: { ...(pvc.status ?? {}), phase: pvc.status?.phase || 'Pending' },
  };
  return withFinalizer(out, PVC_PROTECTION);
}

/** SetDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function defaultStorageClass(obj: KubeObject): KubeObject {
  const sc = obj as StorageClass;
  return { ...sc, reclaimPolicy: sc.reclaimPolicy ?? 'Delete', volumeBindingMode: sc.volumeBindingMode ?? 'Immediate' };
}

/**
 * The DefaultStorageClass admission plugin: a new claim that names no class (storageClassName
 * absent, not "") gets the default class, when there is one.
 */
export function admitClaim(obj: KubeObject, old: KubeObject | undefined, view: StoreView): KubeObject {
  const pvc = obj as PersistentVolumeClaim;
  if (old !== undefined || pvc.spec.storageClassName !== undefined || pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return obj;
  const def = defaultClassOf(view.list<StorageClass>('StorageClass'));
  return def === undefined ? obj : { ...pvc, spec: { ...pvc.spec, storageClassName: def.metadata.name } };
}

// ---------------------------------------------------------------- validation

const SUPPORTED_MODES = [...ACCESS_MODES].sort();
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_SOURCES = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'cinder', 'cephfs', 'iscsi', 'fc',
  'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local',
  'storageos', 'csi',
];

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** ValidatePositiveQuantityValue (+ validateBasicResource's parse), for a storage quantity. */
function positiveQuantity(value: unknown, field: string): FieldError[] {
  if (!isQuantity(value)) return [];
  return (bytes(value as string) ?? 0) <= 0 ? [invalid(field, String(value), 'must be greater than zero')] : [];
}

function accessModeErrors(modes: readonly string[] | undefined, field: string, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((modes ?? []).length === 0) errs.push(required(field, requiredDetail));
  let rwop = false, other = false;
  for (const m of modes ?? []) {
    if (!(SUPPORTED_MODES as string[]).includes(m)) errs.push(notSupported(field, m, SUPPORTED_MODES));
    if (m === 'ReadWriteOncePod') rwop = true;
    else if ((SUPPORTED_MODES as string[]).includes(m)) other = true;
  }
  if (rwop && other) errs.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

/** ValidateClassName: a DNS-1123 subdomain. */
function classNameErrors(name: string | undefined, field: string): FieldError[] {
  if (name === undefined || name === '') return [];
  return isDNS1123Subdomain(name).map((msg) => invalid(field, name, msg));
}

/** validateNFSVolumeSource / validateHostPathVolumeSource (the parts a PV manifest gets wrong). */
function sourceErrors(spec: PersistentVolume['spec']): FieldError[] {
  const errs: FieldError[] = [];
  if (present(spec.nfs)) {
    if (!spec.nfs!.server) errs.push(required('spec.nfs.server', ''));
    if (!spec.nfs!.path) errs.push(required('spec.nfs.path', ''));
    else if (!spec.nfs!.path.startsWith('/')) errs.push(invalid('spec.nfs.path', spec.nfs!.path, 'must be an absolute path'));
  }
  if (present(spec.hostPath)) {
    if (!spec.hostPath!.path) errs.push(required('spec.hostPath.path', ''));
    if (spec.persistentVolumeReclaimPolicy === 'Recycle' && spec.hostPath!.path === '/') {
      errs.push(forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"));
    }
  }
  return errs;
}

/** ValidatePersistentVolume (+ ValidatePersistentVolumeUpdate with `old`). */
export function validatePersistentVolume(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const pv = obj as PersistentVolume;
  const spec = pv.spec ?? {};
  const errs: FieldError[] = old === undefined ? validateObjectMeta(obj, false, nameIsDNSSubdomain) : [];
  errs.push(...accessModeErrors(spec.accessModes, 'spec.accessModes', ''));
  const capacity = spec.capacity;
  const keys = Object.keys(capacity ?? {});
  if (keys.length === 0) errs.push(required('spec.capacity', ''));
  if (!keys.includes('storage') || keys.length > 1) {
    const printed = keys.length === 0 ? 'core.ResourceList(nil)' : `core.ResourceList{${keys.map((k) => `"${k}":resource.Quantity{...}`).join(', ')}}`;
    errs.push(notSupported('spec.capacity', capacity, ['storage'], printed));
  }
  for (const k of keys) errs.push(...positiveQuantity(capacity![k], `spec.capacity[${k}]`));
  if (spec.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(spec.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  errs.push(...classNameErrors(spec.storageClassName, 'spec.storageClassName'));
  const sources = PV_SOURCES.filter((s) => present(spec[s]));
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  errs.push(...sourceErrors(spec));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (old !== undefined) {
    const o = (old as PersistentVolume).spec ?? {};
    const src = (s: PersistentVolume['spec']) => JSON.stringify(PV_SOURCES.map((k) => s[k] ?? null));
    if (src(spec) !== src(o)) errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
    if ((spec.volumeMode ?? 'Filesystem') !== (o.volumeMode ?? 'Filesystem')) errs.push(invalid('spec.volumeMode', spec.volumeMode, FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}

const PVC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/** ValidatePersistentVolumeClaim (+ ValidatePersistentVolumeClaimUpdate with `old`). */
export function validatePersistentVolumeClaim(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const pvc = obj as PersistentVolumeClaim;
  const spec = pvc.spec ?? {};
  const errs: FieldError[] = old === undefined ? validateObjectMeta(obj, true, nameIsDNSSubdomain) : [];
  errs.push(...accessModeErrors(spec.accessModes, 'spec.accessModes', 'at least 1 access mode is required'));
  if (spec.selector !== undefined) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required('spec.resources[storage]', ''));
  else errs.push(...positiveQuantity(storage, 'spec.resources[storage]'));
  errs.push(...classNameErrors(spec.storageClassName, 'spec.storageClassName'));
  if (spec.volumeMode !== undefined && !VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  if (old !== undefined) {
    const o = (old as PersistentVolumeClaim).spec ?? {};
    // Binding sets volumeName once; a bound claim may grow (resources.requests).
    const comparable = (s: PersistentVolumeClaim['spec'], volumeName: string | undefined) =>
      JSON.stringify({ ...s, volumeName: volumeName ?? '', resources: { ...(s.resources ?? {}), requests: undefined } });
    const oldName = o.volumeName || spec.volumeName;
    if (comparable(spec, spec.volumeName) !== comparable(o, oldName)) errs.push(forbidden('spec', PVC_IMMUTABLE));
  }
  return errs;
}

/** ValidateStorageClass (+ ValidateStorageClassUpdate with `old`). */
export function validateStorageClass(obj: KubeObject, old: KubeObject | undefined): FieldError[] {
  const sc = obj as StorageClass;
  const errs: FieldError[] = old === undefined ? validateObjectMeta(obj, false, nameIsDNSSubdomain) : [];
  if (!sc.provisioner) errs.push(required('provisioner', ''));
  if (sc.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (sc.volumeBindingMode !== undefined && !['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) {
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  if (old !== undefined) {
    const o = old as StorageClass;
    if (JSON.stringify(sc.parameters ?? {}) !== JSON.stringify(o.parameters ?? {})) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (sc.provisioner !== o.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (sc.reclaimPolicy !== o.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (sc.volumeBindingMode !== o.volumeBindingMode) errs.push(invalid('volumeBindingMode', sc.volumeBindingMode, FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}

// ---------------------------------------------------------------- registry entries

/** The status is the controller's: an update through the main resource keeps the stored one (PrepareForUpdate). */
const keepStatus = (obj: KubeObject, old: KubeObject): KubeObject => ({ ...obj, status: old.status });

export const storageKinds: readonly KindInfo[] = [
  {
    kind: 'PersistentVolume', group: '', apiVersions: ['v1'], plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], namespaced: false,
    defaults: defaultPersistentVolume, validate: validatePersistentVolume, decode: (raw) => decodeWith(PV_SCHEMA, raw), prepareForUpdate: keepStatus,
  },
  {
    kind: 'PersistentVolumeClaim', group: '', apiVersions: ['v1'], plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], namespaced: true,
    defaults: defaultPersistentVolumeClaim, validate: validatePersistentVolumeClaim, decode: (raw) => decodeWith(PVC_SCHEMA, raw), prepareForUpdate: keepStatus,
    allocate: (obj, old, view) => ({ obj: admitClaim(obj, old, view) }),
  },
  {
    kind: 'StorageClass', group: 'storage.k8s.io', apiVersions: ['storage.k8s.io/v1'], plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], namespaced: false,
    defaults: defaultStorageClass, validate: validateStorageClass, decode: (raw) => decodeWith(SC_SCHEMA, raw),
  },
];
