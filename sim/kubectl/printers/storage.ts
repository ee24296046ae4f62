import { bytes, formatQuantity } from '../../api/quantity';
import { accessModesText, claimClass, isDefaultClass, volumeClass } from '../../storage/helpers';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../storage/types';
import { age, type TableDef } from './columns';

// `kubectl get` columns of PersistentVolume, PersistentVolumeClaim and StorageClass
// (pkg/printers/internalversion/printers.go printPersistentVolume, printPersistentVolumeClaim,
// printStorageClass). VolumeMode is the wide column (Priority 1).

/** Quantity.String(): the canonical text in the quantity's own format ("1024Mi" prints "1Gi", "1G" stays "1G"). */
function quantityText(q: string | undefined): string {
  if (q === undefined) return '0';
  const n = bytes(q);
  if (n === undefined) return q;
  return formatQuantity(n, /[KMGTPE]i$/.test(q) ? 'BinarySI' : 'DecimalSI');
}

const persistentVolume: TableDef = {
  columns: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
  wideColumns: ['VOLUMEMODE'],
  row: (obj, opts) => {
    const pv = obj as PersistentVolume;
    const ref = pv.spec.claimRef;
    const claim = ref !== undefined && ref !== null ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : '';
    const phase = pv.metadata.deletionTimestamp !== undefined ? 'Terminating' : pv.status?.phase ?? '';
    const cells = [
      pv.metadata.name, quantityText(pv.spec.capacity?.storage), accessModesText(pv.spec.accessModes), pv.spec.persistentVolumeReclaimPolicy ?? '',
      phase, claim, volumeClass(pv), (pv.spec.volumeAttributesClassName as string | undefined) ?? '<unset>', pv.status?.reason ?? '',
      age(pv.metadata.creationTimestamp, opts.nowMs),
    ];
    return opts.wide ? [...cells, pv.spec.volumeMode ?? '<unset>'] : cells;
  },
};

const persistentVolumeClaim: TableDef = {
  columns: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
  wideColumns: ['VOLUMEMODE'],
  row: (obj, opts) => {
    const pvc = obj as PersistentVolumeClaim;
    const phase = pvc.metadata.deletionTimestamp !== undefined ? 'Terminating' : pvc.status?.phase ?? '';
    const bound = (pvc.spec.volumeName ?? '') !== '';
    const cells = [
      pvc.metadata.name, phase, pvc.spec.volumeName ?? '', bound ? quantityText(pvc.status?.capacity?.storage) : '',
      bound ? accessModesText(pvc.status?.accessModes) : '', claimClass(pvc), (pvc.spec.volumeAttributesClassName as string | undefined) ?? '<unset>',
      age(pvc.metadata.creationTimestamp, opts.nowMs),
    ];
    return opts.wide ? [...cells, pvc.spec.volumeMode ?? '<unset>'] : cells;
  },
};

const storageClass: TableDef = {
  columns: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const sc = obj as StorageClass;
    return [
      isDefaultClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name, sc.provisioner, sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate', String(sc.allowVolumeExpansion === true), age(sc.metadata.creationTimestamp, opts.nowMs),
    ];
  },
};

export const STORAGE_TABLES: Readonly<Record<string, TableDef>> = {
  PersistentVolume: persistentVolume, PersistentVolumeClaim: persistentVolumeClaim, StorageClass: storageClass,
};
