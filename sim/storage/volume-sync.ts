import type { Change, ClusterView, ReconcileContext } from '../engine/types';
import { PV_CONTROLLER, unbindVolume, updateVolumePhase, updateVolumePhaseWithEvent } from './binding';
import { sourceBacking, writeBacking } from './data';
import { recycleVolume } from './recycle';
import { ANN_DYNAMICALLY_PROVISIONED, type PersistentVolume, type PersistentVolumeClaim } from './types';

// pv_controller.go syncVolume: an unclaimed PV is Available; a PV whose claim is gone is Released
// and its reclaim policy runs (reclaimVolume): Retain keeps it Released with the old claimRef until
// an admin clears it, Recycle scrubs it through a recycler Pod (recycle.ts), Delete removes it
// (provisioned PVs by their provisioner, provision.ts; static ones only where a plugin can delete).

const claimKeyOf = (pv: PersistentVolume) => `PersistentVolumeClaim/${pv.spec.claimRef?.namespace ?? ''}/${pv.spec.claimRef?.name ?? ''}`;

/** deleteVolumeOperation for PVs no external provisioner owns: the in-tree deleters (only hostPath under /tmp remains). */
function deleteVolume(view: ClusterView, pv: PersistentVolume, ctx: ReconcileContext): readonly Change[] {
  if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== undefined) return []; // the provisioner deletes it
  let error: string;
  if (pv.spec.hostPath !== undefined) {
    if (/\/tmp\/.+/.test(pv.spec.hostPath.path)) {
      // hostPath deleter: rm -rf on the node; the PV object is deleted after.
      const changes: Change[] = [];
      for (const node of view.list('Node')) {
        const b = sourceBacking(pv.spec, node.metadata.name);
        if (b !== undefined && view.table('nodes').get(b.row)?.hostFiles !== undefined) changes.push(writeBacking(view, b, new Map()));
      }
      return [...changes, { verb: 'delete', ref: { kind: 'PersistentVolume', namespace: '', name: pv.metadata.name }, reason: `${PV_CONTROLLER}: reclaim policy Delete` }];
    }
    error = `failed to create deleter for volume "${pv.metadata.name}": host_path deleter only supports /tmp/.+ but received provided ${pv.spec.hostPath.path}`;
  } else {
    error = `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
  }
  return updateVolumePhaseWithEvent(pv, 'Failed', 'Warning', 'VolumeFailedDelete', error, ctx).changes;
}

/** reclaimVolume. */
function reclaimVolume(view: ClusterView, pv: PersistentVolume, ctx: ReconcileContext): readonly Change[] {
  switch (pv.spec.persistentVolumeReclaimPolicy) {
    case 'Retain': return [];
    case 'Recycle': return recycleVolume(view, pv, ctx);
    case 'Delete': return deleteVolume(view, pv, ctx);
    default: return updateVolumePhaseWithEvent(pv, 'Failed', 'Warning', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy', ctx).changes;
  }
}

export interface VolumeSync {
  readonly changes: readonly Change[];
  /** Claim keys to sync next (syncVolume's claimQueue.Add). */
  readonly claims: readonly string[];
}

export function syncVolume(view: ClusterView, pv: PersistentVolume, ctx: ReconcileContext): VolumeSync {
  const ref = pv.spec.claimRef;
  if (ref === undefined || ref === null || !ref.uid) {
    // Unused, or pre-bound by a user to a claim that has not bound yet.
    return { changes: updateVolumePhase(pv, 'Available', '', ctx).changes, claims: ref?.name ? [claimKeyOf(pv)] : [] };
  }
  let claim = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace ?? '', ref.name ?? '');
  if (claim !== undefined && claim.metadata.uid !== ref.uid) claim = undefined; // deleted and created again
  if (claim === undefined) return { changes: releaseAndReclaim(view, pv, ctx), claims: [] };
  const volumeName = claim.spec.volumeName ?? '';
  if (volumeName === '') return { changes: [], claims: [claimKeyOf(pv)] };
  if (volumeName === pv.metadata.name) return { changes: updateVolumePhase(pv, 'Bound', '', ctx).changes, claims: [] };
  // The claim is bound to another PV.
  if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== undefined && pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
    return { changes: releaseAndReclaim(view, pv, ctx), claims: [] };
  }
  return { changes: unbindVolume(pv, ctx), claims: [] };
}

/** The volume is Released (a Failed one keeps its phase: the user sees what went wrong while reclaim is retried), then reclaimed. */
function releaseAndReclaim(view: ClusterView, pv: PersistentVolume, ctx: ReconcileContext): Change[] {
  const changes: Change[] = [];
  let current = pv;
  if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
    const w = updateVolumePhase(pv, 'Released', '', ctx);
    current = w.obj;
    changes.push(...w.changes);
  }
  return [...changes, ...reclaimVolume(view, current, ctx)];
}
