import { formatQuantity } from '../api/quantity';
import type { Change, ClusterView, Controller, ReconcileContext, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { parseKey } from '../store/keys';
import { claimEvent, type Written } from './binding';
import { sourceBacking, writeBacking } from './data';
import { claimClass, claimKey, requestBytes } from './helpers';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER,
  type PersistentVolume, type PersistentVolumeClaim, type StorageClass,
} from './types';

// Dynamic provisioning through a StorageClass. The PV controller's half (pv_controller.go
// provisionClaim, findProvisionablePlugin, provisionClaimOperationExternal) marks the claim for its
// provisioner; the other half is the external provisioner (kubernetes-csi/external-provisioner,
// sig-storage-lib-external-provisioner controller.go provisionClaimOperation / deleteVolumeOperation),
// simulated here as running for every provisioner a StorageClass names: it creates PV "pvc-<claim uid>"
// with the class's reclaimPolicy and, when that PV is released under Delete, deletes it.

/** In-tree provisioners whose CSI migration is GA: the claim is handed to the CSI driver (csi-translation-lib). */
const MIGRATED: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
};

/** The provisioner that serves a class, or the error findProvisionablePlugin reports for it. */
export function provisionerOf(sc: StorageClass): { readonly name: string } | { readonly error: string } {
  const migrated = MIGRATED[sc.provisioner];
  if (migrated !== undefined) return { name: migrated };
  // No in-tree provisioner is left (kubernetes.io/no-provisioner marks local, pre-created volumes).
  if (sc.provisioner.startsWith('kubernetes.io/')) return { error: `no volume plugin matched name: ${sc.provisioner}` };
  return { name: sc.provisioner };
}

/** provisionClaim: the claim's class is looked up, annotated with its provisioner, and an event says who is expected to act. */
export function provisionClaim(view: ClusterView, pvc: PersistentVolumeClaim): Written<PersistentVolumeClaim> {
  const className = claimClass(pvc);
  const sc = view.get<StorageClass>('StorageClass', '', className);
  if (sc === undefined) return { obj: pvc, changes: [claimEvent(pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`)] };
  const p = provisionerOf(sc);
  if ('error' in p) return { obj: pvc, changes: [claimEvent(pvc, 'Warning', 'ProvisioningFailed', p.error)] };
  const changes: Change[] = [];
  let obj = pvc;
  const ann = pvc.metadata.annotations ?? {};
  if (ann[ANN_STORAGE_PROVISIONER] !== p.name || ann[ANN_BETA_STORAGE_PROVISIONER] !== p.name) {
    // setClaimProvisioner
    obj = { ...pvc, metadata: { ...pvc.metadata, annotations: { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: p.name, [ANN_STORAGE_PROVISIONER]: p.name } } };
    changes.push({ verb: 'update', object: obj });
  }
  changes.push(claimEvent(obj, 'Normal', 'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${p.name}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`));
  return { obj, changes };
}

// ---------------------------------------------------------------- the external provisioner

export const EXTERNAL_PROVISIONER = 'external-provisioner';

/** The PV a provisioner makes for a claim: the request's size, the claim's modes, the class's policy and options. */
export function provisionedVolume(pvc: PersistentVolumeClaim, sc: StorageClass, provisioner: string): PersistentVolume {
  const name = `pvc-${pvc.metadata.uid}`;
  const selectedNode = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: {
      name, uid: '', resourceVersion: '', creationTimestamp: '',
      annotations: { [ANN_DYNAMICALLY_PROVISIONED]: provisioner },
    },
    spec: {
      accessModes: pvc.spec.accessModes,
      capacity: { storage: formatQuantity(requestBytes(pvc), 'BinarySI') },
      claimRef: {
        kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name,
        uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion,
      },
      csi: { driver: provisioner, volumeHandle: name },
      // A volume provisioned for a node (WaitForFirstConsumer) is reachable from that node only.
      ...(selectedNode !== undefined ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [selectedNode] }] }] } } } : {}),
      ...(sc.mountOptions !== undefined ? { mountOptions: sc.mountOptions } : {}),
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
    },
  } as PersistentVolume;
}

/** Provision for a claim this provisioner was asked for (annotation), unless already done or waiting for a node. */
function provisionFor(view: ClusterView, pvc: PersistentVolumeClaim): ReconcileResult {
  const provisioner = pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER];
  if (provisioner === undefined || pvc.metadata.deletionTimestamp !== undefined || (pvc.spec.volumeName ?? '') !== '') return NO_CHANGES;
  const sc = view.get<StorageClass>('StorageClass', '', claimClass(pvc));
  if (sc === undefined) return NO_CHANGES;
  const p = provisionerOf(sc);
  if (!('name' in p) || p.name !== provisioner) return NO_CHANGES;
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && pvc.metadata.annotations?.[ANN_SELECTED_NODE] === undefined) return NO_CHANGES;
  if (view.get('PersistentVolume', '', `pvc-${pvc.metadata.uid}`) !== undefined) return NO_CHANGES;
  const pv = provisionedVolume(pvc, sc, provisioner);
  const backing = sourceBacking(pv.spec, undefined, pv.metadata.name)!;
  return {
    changes: [
      claimEvent(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(pvc)}"`, provisioner),
      writeBacking(view, backing, new Map()),
      { verb: 'create', object: pv },
      claimEvent(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, provisioner),
    ],
  };
}

/** deleteVolumeOperation: a released PV this provisioner made, with reclaim policy Delete, is deleted with its data. */
function deleteFor(view: ClusterView, pv: PersistentVolume): ReconcileResult {
  const provisioner = pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  if (provisioner === undefined || pv.spec.persistentVolumeReclaimPolicy !== 'Delete' || pv.metadata.deletionTimestamp !== undefined) return NO_CHANGES;
  if (pv.status?.phase !== 'Released') return NO_CHANGES;
  const changes: Change[] = [];
  const backing = sourceBacking(pv.spec, undefined, pv.metadata.name);
  if (backing !== undefined && view.table('nodes').get(backing.row) !== undefined) changes.push(writeBacking(view, backing, new Map()));
  changes.push({ verb: 'delete', ref: { kind: 'PersistentVolume', namespace: '', name: pv.metadata.name }, reason: `${provisioner}: volume deleted` });
  return { changes };
}

export function reconcileProvisioner(view: ClusterView, key: string, _ctx: ReconcileContext): ReconcileResult {
  const ref = parseKey(key);
  if (ref.kind === 'PersistentVolumeClaim') {
    const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
    return pvc === undefined ? NO_CHANGES : provisionFor(view, pvc);
  }
  const pv = view.get<PersistentVolume>('PersistentVolume', '', ref.name);
  return pv === undefined ? NO_CHANGES : deleteFor(view, pv);
}

const keyOfObj = (o: { kind: string; metadata: { namespace?: string; name: string } }) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export const externalProvisioner: Controller = {
  name: EXTERNAL_PROVISIONER,
  reconcile: reconcileProvisioner,
  watches: {
    PersistentVolumeClaim: (_v, after) => (after === undefined ? [] : [keyOfObj(after)]),
    PersistentVolume: (_v, after) => (after === undefined ? [] : [keyOfObj(after)]),
  },
};
