import type { Change, ClusterView, ReconcileContext } from '../engine/types';
import { bind, claimEvent, updateClaimStatus, updateClaimStatusWithEvent } from './binding';
import { capacityBytes, claimClass, claimHasClass, defaultClassOf, requestBytes, volumeClass } from './helpers';
import { findByClaim, isVolumeBoundToClaim } from './match';
import { podsUsingClaim } from './pods';
import { provisionClaim } from './provision';
import {
  ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE,
  type PersistentVolume, type PersistentVolumeClaim, type StorageClass,
} from './types';

// pv_controller.go syncClaim: syncUnboundClaim (find a PV or provision one) and syncBoundClaim
// (keep both sides bound, or mark the claim Lost). WaitForFirstConsumer claims are bound by the
// scheduler's VolumeBinding PreBind (volume-binding.ts), or provisioned once it names a node.

/** IsDelayBindingMode: the claim's class binds only once a Pod uses the claim. */
function isDelayBinding(view: ClusterView, pvc: PersistentVolumeClaim): boolean {
  const name = claimClass(pvc);
  if (name === '') return false;
  return view.get<StorageClass>('StorageClass', '', name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** checkVolumeSatisfyClaim: why a PV the claim names cannot be bound to it, or undefined. */
export function volumeMismatch(pv: PersistentVolume, pvc: PersistentVolumeClaim): string | undefined {
  if (capacityBytes(pv) < requestBytes(pvc)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(pvc)) return 'storageClassName does not match';
  if ((pv.spec.volumeMode ?? 'Filesystem') !== (pvc.spec.volumeMode ?? 'Filesystem')) return 'incompatible volumeMode';
  if (!(pvc.spec.accessModes ?? []).every((m) => (pv.spec.accessModes ?? []).includes(m))) return 'incompatible accessMode';
  return undefined;
}

/** emitEventForUnboundDelayBindingClaim: who the claim waits for. */
function waitingEvent(view: ClusterView, pvc: PersistentVolumeClaim): Change {
  const pods = podsUsingClaim(view, pvc.metadata.namespace ?? 'default', pvc.metadata.name);
  const waiting = pods.filter((p) => p.spec.nodeName === undefined).map((p) => p.metadata.name);
  if (waiting.length === 0) return claimEvent(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
  return claimEvent(pvc, 'Normal', 'WaitForPodScheduled', waiting.length > 1 ? `waiting for pods ${waiting.join(',')} to be scheduled` : `waiting for pod ${waiting[0]} to be scheduled`);
}

function syncUnboundClaim(view: ClusterView, pvc: PersistentVolumeClaim, ctx: ReconcileContext): readonly Change[] {
  // Retroactive default StorageClass assignment (1.28+): a claim that names no class gets the default.
  if (!claimHasClass(pvc)) {
    const def = defaultClassOf(view.list<StorageClass>('StorageClass'));
    if (def !== undefined) return [{ verb: 'update', object: { ...pvc, spec: { ...pvc.spec, storageClassName: def.metadata.name } } }];
  }
  const volumeName = pvc.spec.volumeName ?? '';
  if (volumeName === '') {
    const delayBinding = isDelayBinding(view, pvc);
    const pv = findByClaim(pvc, view.list<PersistentVolume>('PersistentVolume'), delayBinding);
    if (pv !== undefined) return bind(pv, pvc, ctx);
    const changes: Change[] = [];
    const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE] !== undefined;
    if (delayBinding && !selected) {
      changes.push(waitingEvent(view, pvc));
    } else if (claimClass(pvc) !== '') {
      return provisionClaim(view, pvc).changes;
    } else {
      changes.push(claimEvent(pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set'));
    }
    return [...changes, ...updateClaimStatus(pvc, 'Pending', undefined).changes];
  }
  // The user asked for a specific PV.
  const pv = view.get<PersistentVolume>('PersistentVolume', '', volumeName);
  if (pv === undefined) return updateClaimStatus(pvc, 'Pending', undefined).changes;
  if (pv.spec.claimRef === undefined || pv.spec.claimRef === null) {
    const mismatch = volumeMismatch(pv, pvc);
    if (mismatch !== undefined) {
      return [claimEvent(pvc, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volumeName}": ${mismatch}`), ...updateClaimStatus(pvc, 'Pending', undefined).changes];
    }
    return bind(pv, pvc, ctx);
  }
  if (isVolumeBoundToClaim(pv, pvc)) return bind(pv, pvc, ctx);
  // Claimed by someone else: wait (a controller-made binding here would be a bug, left alone).
  return pvc.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined ? updateClaimStatus(pvc, 'Pending', undefined).changes : [];
}

function syncBoundClaim(view: ClusterView, pvc: PersistentVolumeClaim, ctx: ReconcileContext): readonly Change[] {
  const volumeName = pvc.spec.volumeName ?? '';
  if (volumeName === '') {
    return updateClaimStatusWithEvent(pvc, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!').changes;
  }
  const pv = view.get<PersistentVolume>('PersistentVolume', '', volumeName);
  if (pv === undefined) {
    return updateClaimStatusWithEvent(pvc, 'Lost', undefined, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!').changes;
  }
  if (pv.spec.claimRef === undefined || pv.spec.claimRef === null || pv.spec.claimRef.uid === pvc.metadata.uid) return bind(pv, pvc, ctx);
  return updateClaimStatusWithEvent(pvc, 'Lost', undefined, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly').changes;
}

/** syncClaim: bound claims (bind-completed annotation) and unbound ones take different paths. */
export function syncClaim(view: ClusterView, pvc: PersistentVolumeClaim, ctx: ReconcileContext): readonly Change[] {
  return pvc.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined ? syncUnboundClaim(view, pvc, ctx) : syncBoundClaim(view, pvc, ctx);
}
