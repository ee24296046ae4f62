import type { KubeObject, LabelSelector } from '../api/types';

// core/v1 PersistentVolume and PersistentVolumeClaim, storage.k8s.io/v1 StorageClass, as stored.
// Only the fields the simulator reads are typed; the rest of a manifest is kept as written.

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type ReclaimPolicy = 'Retain' | 'Recycle' | 'Delete';
export type VolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';
export type ClaimPhase = 'Pending' | 'Bound' | 'Lost';

export interface ObjectReference {
  readonly kind?: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly uid?: string;
  readonly apiVersion?: string;
  readonly resourceVersion?: string;
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly { readonly key: string; readonly operator: string; readonly values?: readonly string[] }[];
}

export interface PersistentVolumeSpec {
  readonly capacity?: Readonly<Record<string, string>>;
  readonly accessModes?: readonly AccessMode[];
  readonly persistentVolumeReclaimPolicy?: ReclaimPolicy;
  readonly storageClassName?: string;
  readonly volumeMode?: string;
  readonly claimRef?: ObjectReference;
  readonly mountOptions?: readonly string[];
  readonly nodeAffinity?: { readonly required?: { readonly nodeSelectorTerms?: readonly NodeSelectorTerm[] } };
  readonly nfs?: { readonly server: string; readonly path: string; readonly readOnly?: boolean };
  readonly hostPath?: { readonly path: string; readonly type?: string };
  readonly local?: { readonly path: string };
  readonly csi?: { readonly driver: string; readonly volumeHandle: string; readonly [field: string]: unknown };
  readonly [source: string]: unknown;
}

export interface PersistentVolume extends KubeObject {
  readonly kind: 'PersistentVolume';
  readonly spec: PersistentVolumeSpec;
  readonly status?: { readonly phase?: VolumePhase; readonly message?: string; readonly reason?: string; readonly lastPhaseTransitionTime?: string };
}

export interface PersistentVolumeClaimSpec {
  readonly accessModes?: readonly AccessMode[];
  readonly selector?: LabelSelector;
  readonly resources?: { readonly requests?: Readonly<Record<string, string>>; readonly limits?: Readonly<Record<string, string>> };
  readonly volumeName?: string;
  readonly storageClassName?: string;
  readonly volumeMode?: string;
  readonly [field: string]: unknown;
}

export interface PersistentVolumeClaim extends KubeObject {
  readonly kind: 'PersistentVolumeClaim';
  readonly spec: PersistentVolumeClaimSpec;
  readonly status?: {
    readonly phase?: ClaimPhase;
    readonly accessModes?: readonly AccessMode[];
    readonly capacity?: Readonly<Record<string, string>>;
  };
}

export interface StorageClass extends KubeObject {
  readonly kind: 'StorageClass';
  readonly provisioner: string;
  readonly parameters?: Readonly<Record<string, string>>;
  readonly reclaimPolicy?: 'Retain' | 'Delete';
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  readonly allowVolumeExpansion?: boolean;
  readonly mountOptions?: readonly string[];
}

// Annotations and finalizers, as Kubernetes spells them (component-helpers/storage/volume/helpers.go,
// pkg/controller/volume/persistentvolume/util, storage/util/helpers.go).
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';

export const ACCESS_MODES: readonly AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
