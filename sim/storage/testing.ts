import type { KubeObject } from '../api/types';
import { iso } from '../testing/fixtures';
import type { AccessMode, PersistentVolume, PersistentVolumeClaim, PersistentVolumeSpec, ReclaimPolicy, StorageClass, VolumePhase } from './types';

// Builders for the storage unit tests: PVs, claims and classes shaped as the API server stores them.

export function pv(name: string, storage: string, opts: {
  modes?: AccessMode[]; phase?: VolumePhase; policy?: ReclaimPolicy; className?: string; labels?: Record<string, string>;
  claimRef?: PersistentVolumeSpec['claimRef']; annotations?: Record<string, string>; source?: Partial<PersistentVolumeSpec>;
} = {}): PersistentVolume {
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: {
      name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: iso(0),
      ...(opts.labels !== undefined ? { labels: opts.labels } : {}), ...(opts.annotations !== undefined ? { annotations: opts.annotations } : {}),
    },
    spec: {
      capacity: { storage }, accessModes: opts.modes ?? ['ReadWriteOnce'], persistentVolumeReclaimPolicy: opts.policy ?? 'Retain',
      volumeMode: 'Filesystem', ...(opts.className !== undefined ? { storageClassName: opts.className } : {}),
      ...(opts.claimRef !== undefined ? { claimRef: opts.claimRef } : {}),
      ...(opts.source ?? { nfs: { server: '192.168.56.105', path: `/nfsdata/${name}` } }),
    },
    status: { phase: opts.phase ?? 'Available' },
  };
}

export function pvc(name: string, storage: string, opts: {
  modes?: AccessMode[]; className?: string; selector?: PersistentVolumeClaim['spec']['selector']; volumeName?: string;
  annotations?: Record<string, string>; phase?: 'Pending' | 'Bound' | 'Lost'; namespace?: string;
} = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1', kind: 'PersistentVolumeClaim',
    metadata: {
      name, namespace: opts.namespace ?? 'default', uid: `uid-${name}`, resourceVersion: '7', creationTimestamp: iso(0),
      ...(opts.annotations !== undefined ? { annotations: opts.annotations } : {}),
    },
    spec: {
      accessModes: opts.modes ?? ['ReadWriteOnce'], resources: { requests: { storage } }, volumeMode: 'Filesystem',
      ...(opts.className !== undefined ? { storageClassName: opts.className } : {}),
      ...(opts.selector !== undefined ? { selector: opts.selector } : {}),
      ...(opts.volumeName !== undefined ? { volumeName: opts.volumeName } : {}),
    },
    status: { phase: opts.phase ?? 'Pending' },
  };
}

export function storageClass(name: string, provisioner: string, extra: Partial<StorageClass> = {}, annotations?: Record<string, string>): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: iso(0), ...(annotations !== undefined ? { annotations } : {}) },
    provisioner, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', ...extra,
  } as StorageClass;
}

export const asObjects = (...objs: (PersistentVolume | PersistentVolumeClaim | StorageClass | KubeObject)[]): KubeObject[] => objs;
