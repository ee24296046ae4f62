import { bytes } from '../api/quantity';
import type { KubeObject } from '../api/types';
import {
  ANN_BETA_DEFAULT_CLASS, ANN_BETA_STORAGE_CLASS, ANN_DEFAULT_CLASS,
  type AccessMode, type PersistentVolume, type PersistentVolumeClaim, type StorageClass,
} from './types';

// Small readers over PVs, PVCs and StorageClasses, each named after the helper it mirrors
// (component-helpers/storage/volume/helpers.go, pkg/apis/core/helper, storage/util).

/** GetPersistentVolumeClass: the beta annotation first, then spec.storageClassName, else "". */
export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pv.spec.storageClassName ?? '';
}

/** GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName, else "". */
export function claimClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] ?? pvc.spec.storageClassName ?? '';
}

/** PersistentVolumeClaimHasClass: a class asked for, even "" (nil means "the default class"). */
export function claimHasClass(pvc: PersistentVolumeClaim): boolean {
  return pvc.metadata.annotations?.[ANN_BETA_STORAGE_CLASS] !== undefined || pvc.spec.storageClassName !== undefined;
}

export function capacityBytes(pv: PersistentVolume): number {
  return bytes(pv.spec.capacity?.storage) ?? 0;
}

export function requestBytes(pvc: PersistentVolumeClaim): number {
  return bytes(pvc.spec.resources?.requests?.storage) ?? 0;
}

/**
 * GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates dropped.
 *
 * | modes                              | text      |
 * |------------------------------------|-----------|
 * | [ReadWriteMany, ReadWriteOnce]     | "RWO,RWX" |
 * | [ReadWriteOncePod]                 | "RWOP"    |
 * | []                                 | ""        |
 */
export function accessModesText(modes: readonly AccessMode[] | undefined): string {
  const has = (m: AccessMode) => (modes ?? []).includes(m);
  const out: string[] = [];
  if (has('ReadWriteOnce')) out.push('RWO');
  if (has('ReadOnlyMany')) out.push('ROX');
  if (has('ReadWriteMany')) out.push('RWX');
  if (has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** IsDefaultAnnotation: the GA or the beta annotation set to "true". */
export function isDefaultClass(sc: KubeObject): boolean {
  const a = sc.metadata.annotations;
  return a?.[ANN_DEFAULT_CLASS] === 'true' || a?.[ANN_BETA_DEFAULT_CLASS] === 'true';
}

/**
 * GetDefaultClass (storage/util): among the classes annotated default, the newest wins (1.26+);
 * ties on creation time go to the name that sorts first.
 */
export function defaultClassOf(classes: readonly StorageClass[]): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const sc of classes) {
    if (!isDefaultClass(sc)) continue;
    if (best === undefined) { best = sc; continue; }
    const a = sc.metadata.creationTimestamp, b = best.metadata.creationTimestamp;
    if (a > b || (a === b && sc.metadata.name < best.metadata.name)) best = sc;
  }
  return best;
}

/** `namespace/name` of a claim, as the PV controller's messages print it (claimToClaimKey). */
export function claimKey(pvc: { readonly metadata: { readonly namespace?: string; readonly name: string } }): string {
  return `${pvc.metadata.namespace ?? 'default'}/${pvc.metadata.name}`;
}
