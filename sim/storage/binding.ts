import type { Change, ReconcileContext } from '../engine/types';
import { isVolumeBoundToClaim } from './match';
import {
  ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER,
  type ClaimPhase, type PersistentVolume, type PersistentVolumeClaim, type VolumePhase,
} from './types';

// The PV controller's writes, as Changes (pv_controller.go bind, bindVolumeToClaim,
// bindClaimToVolume, updateVolumePhase, updateClaimStatus, unbindVolume). Each takes the object as
// the controller last wrote it and returns the next version with the changes that write it.

export const PV_CONTROLLER = 'persistentvolume-controller';

export interface Written<T> { readonly obj: T; readonly changes: readonly Change[] }

const withAnnotation = <T extends PersistentVolume | PersistentVolumeClaim>(o: T, key: string, value: string): T =>
  ({ ...o, metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), [key]: value } } });

/** updateVolumePhase: a status write when the phase (or message) moves; lastPhaseTransitionTime follows the phase. */
export function updateVolumePhase(pv: PersistentVolume, phase: VolumePhase, message: string, ctx: ReconcileContext): Written<PersistentVolume> {
  if (pv.status?.phase === phase && (pv.status?.message ?? '') === message) return { obj: pv, changes: [] };
  const { message: _old, ...rest } = pv.status ?? {};
  const status = {
    ...rest, phase, ...(message !== '' ? { message } : {}),
    ...(pv.status?.phase !== phase ? { lastPhaseTransitionTime: ctx.iso() } : {}),
  };
  const obj: PersistentVolume = { ...pv, status };
  return { obj, changes: [{ verb: 'status', object: obj }] };
}

/** updateVolumePhaseWithEvent: the event only when the phase actually changes. */
export function updateVolumePhaseWithEvent(pv: PersistentVolume, phase: VolumePhase, type: 'Normal' | 'Warning', reason: string, message: string, ctx: ReconcileContext): Written<PersistentVolume> {
  if (pv.status?.phase === phase) return { obj: pv, changes: [] };
  const w = updateVolumePhase(pv, phase, message, ctx);
  return { obj: w.obj, changes: [...w.changes, volumeEvent(pv, type, reason, message)] };
}

export function volumeEvent(pv: PersistentVolume, type: 'Normal' | 'Warning', reason: string, message: string): Change {
  return { verb: 'event', ref: { kind: 'PersistentVolume', namespace: '', name: pv.metadata.name, uid: pv.metadata.uid }, type, reason, message, source: PV_CONTROLLER };
}

export function claimEvent(pvc: PersistentVolumeClaim, type: 'Normal' | 'Warning', reason: string, message: string, source = PV_CONTROLLER): Change {
  return { verb: 'event', ref: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name, uid: pvc.metadata.uid }, type, reason, message, source };
}

/** updateClaimStatus: phase, and the bound volume's access modes and capacity (cleared without one). */
export function updateClaimStatus(pvc: PersistentVolumeClaim, phase: ClaimPhase, pv: PersistentVolume | undefined): Written<PersistentVolumeClaim> {
  const cur = pvc.status ?? {};
  const accessModes = pv?.spec.accessModes;
  const capacity = pv?.spec.capacity;
  const same = cur.phase === phase
    && JSON.stringify(cur.accessModes ?? null) === JSON.stringify(accessModes ?? null)
    && (cur.capacity?.storage ?? null) === (capacity?.storage ?? null);
  if (same) return { obj: pvc, changes: [] };
  const { accessModes: _a, capacity: _c, ...rest } = cur;
  const status = { ...rest, phase, ...(accessModes !== undefined ? { accessModes } : {}), ...(capacity !== undefined ? { capacity } : {}) };
  const obj: PersistentVolumeClaim = { ...pvc, status };
  return { obj, changes: [{ verb: 'status', object: obj }] };
}

/** updateClaimStatusWithEvent: status and event only when the phase changes. */
export function updateClaimStatusWithEvent(pvc: PersistentVolumeClaim, phase: ClaimPhase, pv: PersistentVolume | undefined, type: 'Normal' | 'Warning', reason: string, message: string): Written<PersistentVolumeClaim> {
  if (pvc.status?.phase === phase) return { obj: pvc, changes: [] };
  const w = updateClaimStatus(pvc, phase, pv);
  return { obj: w.obj, changes: [...w.changes, claimEvent(pvc, type, reason, message)] };
}

/** bindVolumeToClaim: claimRef (GetReference) and, unless the PV was pre-bound, bound-by-controller. */
function bindVolumeToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): Written<PersistentVolume> {
  const preBound = isVolumeBoundToClaim(pv, pvc);
  let obj = pv;
  const ref = pv.spec.claimRef;
  if (ref === undefined || ref === null || ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace || ref.uid !== pvc.metadata.uid) {
    obj = {
      ...obj,
      spec: {
        ...obj.spec,
        claimRef: {
          kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace ?? 'default', name: pvc.metadata.name,
          uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion,
        },
      },
    };
  }
  if (!preBound && obj.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) obj = withAnnotation(obj, ANN_BOUND_BY_CONTROLLER, 'yes');
  return obj === pv ? { obj, changes: [] } : { obj, changes: [{ verb: 'update', object: obj }] };
}

/** bindClaimToVolume: spec.volumeName, bound-by-controller (when the controller chose the PV) and bind-completed. */
function bindClaimToVolume(pvc: PersistentVolumeClaim, pv: PersistentVolume): Written<PersistentVolumeClaim> {
  let obj = pvc;
  const chosenByController = pvc.spec.volumeName !== pv.metadata.name;
  if (obj.spec.volumeName !== pv.metadata.name) obj = { ...obj, spec: { ...obj.spec, volumeName: pv.metadata.name } };
  if (chosenByController && obj.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) obj = withAnnotation(obj, ANN_BOUND_BY_CONTROLLER, 'yes');
  if (obj.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) obj = withAnnotation(obj, ANN_BIND_COMPLETED, 'yes');
  return obj === pvc ? { obj, changes: [] } : { obj, changes: [{ verb: 'update', object: obj }] };
}

/** bind: the volume first (claimRef, then phase Bound), then the claim (volumeName, then phase Bound). */
export function bind(pv: PersistentVolume, pvc: PersistentVolumeClaim, ctx: ReconcileContext): Change[] {
  const v1 = bindVolumeToClaim(pv, pvc);
  const v2 = updateVolumePhase(v1.obj, 'Bound', '', ctx);
  const c1 = bindClaimToVolume(pvc, v2.obj);
  const c2 = updateClaimStatus(c1.obj, 'Bound', v2.obj);
  return [...v1.changes, ...v2.changes, ...c1.changes, ...c2.changes];
}

/** unbindVolume: a controller-made binding is dropped; a user's pre-binding keeps its claimRef minus the uid. Then Available. */
export function unbindVolume(pv: PersistentVolume, ctx: ReconcileContext): Change[] {
  let obj: PersistentVolume;
  if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    const { [ANN_BOUND_BY_CONTROLLER]: _gone, ...annotations } = pv.metadata.annotations;
    const { claimRef: _ref, ...spec } = pv.spec;
    const { annotations: _a, ...meta } = pv.metadata;
    obj = { ...pv, metadata: Object.keys(annotations).length > 0 ? { ...meta, annotations } : meta, spec };
  } else {
    const { uid: _uid, ...ref } = pv.spec.claimRef ?? {};
    obj = { ...pv, spec: { ...pv.spec, claimRef: ref } };
  }
  const phase = updateVolumePhase(obj, 'Available', '', ctx);
  return [{ verb: 'update', object: obj }, ...phase.changes];
}
