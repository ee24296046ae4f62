import type { KubeObject, Pod } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { accessModesText, claimClass, isDefaultClass, volumeClass } from '../../storage/helpers';
import { podsUsingClaim } from '../../storage/pods';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../storage/types';
import { humanDuration } from '../duration';
import { eventsFor } from '../events';
import { formatLabels } from '../printers/columns';
import { PrefixWriter, LEVEL_0, LEVEL_1, LEVEL_2, describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe pv / pvc / storageclass (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describePersistentVolume, printPersistentVolumeClaim + "Used By", StorageClassDescriber).

type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

/** Go's %v of a []string: [a b], [] when empty. */
const goList = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(' ')}]`;

function terminating(w: PrefixWriter, deletionTimestamp: string, nowMs: number): void {
  w.write(LEVEL_0, `Status:\tTerminating (lasts ${humanDuration(nowMs - Date.parse(deletionTimestamp))})\n`);
}

/** The Source section: printNFSVolumeSource, printHostPathVolumeSource, printLocalVolumeSource, printCSIPersistentVolumeSource. */
function describeSource(w: PrefixWriter, pv: PersistentVolume): void {
  const s = pv.spec;
  if (s.hostPath !== undefined) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.hostPath.path}\n    HostPathType:\t${s.hostPath.type ?? '<none>'}\n`);
  } else if (s.nfs !== undefined) {
    w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s.nfs.server}\n    Path:\t${s.nfs.path}\n    ReadOnly:\t${s.nfs.readOnly === true}\n`);
  } else if (s.local !== undefined) {
    w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${s.local.path}\n`);
  } else if (s.csi !== undefined) {
    w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${s.csi.driver}\n    FSType:\t${(s.csi.fsType as string | undefined) ?? ''}\n    VolumeHandle:\t${s.csi.volumeHandle}\n    ReadOnly:\t${s.csi.readOnly === true}\n    VolumeAttributes:\t<none>\n`);
  }
}

/** printVolumeNodeAffinity with printNodeSelectorTermsMultilineWithIndent. */
function printVolumeNodeAffinity(w: PrefixWriter, pv: PersistentVolume): void {
  const required = pv.spec.nodeAffinity?.required;
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (required === undefined) { w.line('<none>'); return; }
  w.line('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = required.nodeSelectorTerms ?? [];
  if (terms.length === 0) { w.line('<none>'); return; }
  w.line('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) { w.line('<none>'); return; }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      const values = (r.values ?? []).length > 0 ? ` [${r.values!.join(', ')}]` : '';
      w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`);
    });
  });
}

/** describePersistentVolume. */
const describePersistentVolume: Describer = (cluster, obj, nowMs) => {
  const pv = obj as PersistentVolume;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${volumeClass(pv)}\n`);
  if (pv.metadata.deletionTimestamp !== undefined) terminating(w, pv.metadata.deletionTimestamp, nowMs);
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
  const ref = pv.spec.claimRef;
  w.write(LEVEL_0, `Claim:\t${ref !== undefined && ref !== null ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesText(pv.spec.accessModes)}\n`);
  if (pv.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${pv.spec.capacity?.storage ?? ''}\n`);
  printVolumeNodeAffinity(w, pv);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  describeSource(w, pv);
  describeEvents(w, eventsFor(cluster, pv.metadata.uid), nowMs);
  return w.toString();
};

/** describePersistentVolumeClaim: printPersistentVolumeClaim, then the Pods that mount it ("Used By"). */
const describePersistentVolumeClaim: Describer = (cluster, obj, nowMs) => {
  const pvc = obj as PersistentVolumeClaim;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (pvc.metadata.deletionTimestamp !== undefined) terminating(w, pvc.metadata.deletionTimestamp, nowMs);
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goList(pvc.metadata.finalizers)}\n`);
  const bound = (pvc.spec.volumeName ?? '') !== '';
  w.write(LEVEL_0, `Capacity:\t${bound ? pvc.status?.capacity?.storage ?? '' : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  // getPodsForPVC: Pods of the namespace that mount the claim (printPodsMultiline, sorted by name).
  const users: Pod[] = podsUsingClaim(cluster.store, pvc.metadata.namespace ?? 'default', pvc.metadata.name);
  const names = users.map((p) => p.metadata.name).sort();
  w.write(LEVEL_0, 'Used By:\t');
  if (names.length === 0) w.line('<none>');
  else names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? '' : '\t'}${n}\n`));
  describeEvents(w, eventsFor(cluster, pvc.metadata.uid), nowMs);
  return w.toString();
};

/** StorageClassDescriber. */
const describeStorageClass: Describer = (cluster, obj, nowMs) => {
  const sc = obj as StorageClass;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  if ((sc.mountOptions ?? []).length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
  else { w.write(LEVEL_0, 'MountOptions:\n'); for (const o of sc.mountOptions!) w.write(LEVEL_0, `  ${o}\n`); }
  if (sc.reclaimPolicy !== undefined) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode !== undefined) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  describeEvents(w, eventsFor(cluster, sc.metadata.uid), nowMs);
  return w.toString();
};

export const STORAGE_DESCRIBERS: Readonly<Record<string, Describer>> = {
  PersistentVolume: describePersistentVolume, PersistentVolumeClaim: describePersistentVolumeClaim, StorageClass: describeStorageClass,
};
