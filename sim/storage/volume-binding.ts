import type { Node, Pod } from '../api/types';
import type { Change, ReconcileContext } from '../engine/types';
import { bind } from './binding';
import type { StoreView } from '../store/store';
import { REASON, fitErrorMessage, postFilterMessage } from '../scheduler/fit-error';
import { claimClass } from './helpers';
import { findMatchingVolume, volumeFitsNode } from './match';
import { claimNamesOf, podsUsingClaim } from './pods';
import { provisionerOf } from './provision';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, type PersistentVolume, type PersistentVolumeClaim, type StorageClass } from './types';

// The scheduler's VolumeRestrictions (ReadWriteOncePod) and VolumeBinding plugins
// (pkg/scheduler/framework/plugins/volumerestrictions, volumebinding): PreFilter
// rejects a Pod whose claims are missing, being deleted, lost or not yet bound (Immediate binding);
// Filter rejects nodes a bound PV's node affinity excludes, and, for WaitForFirstConsumer claims,
// nodes where no PV fits and nothing can be provisioned.

export const VOLUME_REASON = {
  unboundImmediate: 'pod has unbound immediate PersistentVolumeClaims',
  nodeConflict: 'node(s) had volume node affinity conflict',
  bindConflict: "node(s) didn't find available persistent volumes to bind",
  missingPv: 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)',
} as const;

export interface VolumeBinding {
  /** The PreFilter's message: every node is rejected (the FitError message is built from it). */
  readonly preFilter?: string;
  /**
   * Filter (VolumeRestrictions, then VolumeBinding): why this node cannot host the Pod's volumes,
   * and whether preemption could help (a ReadWriteOncePod conflict: removing the other Pod would).
   */
  filter(node: Node): { readonly reason: string; readonly resolvable: boolean } | undefined;
}

/** VolumeRestrictions: ErrReasonReadWriteOncePodConflict. */
export const RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

/** VolumeRestrictions PreFilter: another scheduled, unfinished Pod already uses one of this Pod's ReadWriteOncePod claims. */
function readWriteOncePodConflict(view: StoreView, pod: Pod, claims: readonly PersistentVolumeClaim[]): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  for (const pvc of claims) {
    if (!(pvc.spec.accessModes ?? []).includes('ReadWriteOncePod')) continue;
    const others = podsUsingClaim(view, ns, pvc.metadata.name)
      .filter((p) => p.metadata.uid !== pod.metadata.uid && p.spec.nodeName !== undefined && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    if (others.length > 0) return true;
  }
  return false;
}

/** isPVCFullyBound: volumeName set and the bind-completed annotation present. */
const fullyBound = (pvc: PersistentVolumeClaim) => (pvc.spec.volumeName ?? '') !== '' && pvc.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined;

/** The plugin's view of a Pod; undefined when the Pod uses no claims (the plugin is skipped). */
export function volumeBindingFor(view: StoreView, pod: Pod): VolumeBinding | undefined {
  const names = claimNamesOf(pod);
  if (names.length === 0) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const bound: PersistentVolumeClaim[] = [];
  const delayed: PersistentVolumeClaim[] = [];
  let preFilter: string | undefined;
  let immediate = false;
  for (const name of names) {
    const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
    // podHasPVCs: the first problem claim decides the message.
    if (pvc === undefined) { preFilter ??= `persistentvolumeclaim "${name}" not found`; continue; }
    if (pvc.status?.phase === 'Lost') { preFilter ??= `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${pvc.spec.volumeName ?? ''}"`; continue; }
    if (pvc.metadata.deletionTimestamp !== undefined) { preFilter ??= `persistentvolumeclaim "${name}" is being deleted`; continue; }
    if (fullyBound(pvc)) { bound.push(pvc); continue; }
    const sc = claimClass(pvc) === '' ? undefined : view.get<StorageClass>('StorageClass', '', claimClass(pvc));
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer') delayed.push(pvc);
    else immediate = true;
  }
  if (preFilter === undefined && immediate) preFilter = VOLUME_REASON.unboundImmediate;
  const rwopConflict = preFilter === undefined && readWriteOncePodConflict(view, pod, [...bound, ...delayed]);
  const unresolvable = (reason: string) => ({ reason, resolvable: false });
  return {
    ...(preFilter !== undefined ? { preFilter } : {}),
    filter(node: Node) {
      if (rwopConflict) return { reason: RWOP_CONFLICT, resolvable: true };
      for (const pvc of bound) {
        const pv = view.get<PersistentVolume>('PersistentVolume', '', pvc.spec.volumeName!);
        if (pv === undefined) return unresolvable(VOLUME_REASON.missingPv);
        if (!volumeFitsNode(pv, node)) return unresolvable(VOLUME_REASON.nodeConflict);
      }
      for (const pvc of delayed) {
        if (findMatchingVolume(pvc, view.list<PersistentVolume>('PersistentVolume'), node, true) !== undefined) continue;
        const sc = view.get<StorageClass>('StorageClass', '', claimClass(pvc));
        if (sc === undefined || 'error' in provisionerOf(sc)) return unresolvable(VOLUME_REASON.bindConflict);
      }
      return undefined;
    },
  };
}

/**
 * FitError.Error() when a PreFilter rejected the Pod: its message stands for every node (no
 * histogram), and preemption cannot help anywhere.
 * `0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`
 */
export function preFilterFitMessage(numAllNodes: number, preFilter: string): string {
  const preemption = fitErrorMessage(numAllNodes, new Map([[REASON.notHelpful, numAllNodes]]));
  return `0/${numAllNodes} nodes are available: ${preFilter}. ${postFilterMessage(preemption)}`;
}

/**
 * VolumeBinding PreBind (binder.go AssumePodVolumes + BindPodVolumes), run once a node is chosen:
 * each WaitForFirstConsumer claim of the Pod that is not bound yet is bound to a PV that fits the
 * node, or marked with volume.kubernetes.io/selected-node for its provisioner. The Pod is bound to
 * the node only after its claims are (the scheduler tries again when they bind). Undefined when
 * there is nothing to wait for.
 */
export function volumePreBind(view: StoreView, pod: Pod, node: Node, ctx: ReconcileContext): readonly Change[] | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const changes: Change[] = [];
  let waiting = false;
  for (const name of claimNamesOf(pod)) {
    const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, name);
    if (pvc === undefined || fullyBound(pvc)) continue;
    waiting = true;
    if (pvc.metadata.annotations?.[ANN_SELECTED_NODE] !== undefined) continue; // provisioning already asked for
    const pv = findMatchingVolume(pvc, view.list<PersistentVolume>('PersistentVolume'), node, true);
    if (pv !== undefined) { changes.push(...bind(pv, pvc, ctx)); continue; }
    const annotations = { ...(pvc.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: node.metadata.name };
    changes.push({ verb: 'update', object: { ...pvc, metadata: { ...pvc.metadata, annotations } } });
  }
  return waiting ? changes : undefined;
}
