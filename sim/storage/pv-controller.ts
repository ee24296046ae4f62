import type { KubeObject, Pod } from '../api/types';
import type { Change, ClusterView, Controller, ReconcileContext, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { parseKey } from '../store/keys';
import { isPodTerminal } from '../controllers/util/pod';
import { PV_CONTROLLER } from './binding';
import { syncClaim } from './claim-sync';
import { claimInUse, claimNamesOf, podsUsingClaim } from './pods';
import { SCHEDULER_NAME } from '../scheduler/scheduler';
import { RECYCLER_NAMESPACE, RECYCLER_PREFIX } from './recycle';
import { syncVolume } from './volume-sync';
import { PV_PROTECTION, PVC_PROTECTION, type PersistentVolume, type PersistentVolumeClaim } from './types';

// kube-controller-manager's persistentvolume-binder (pv_controller_base.go: claim and volume work
// queues, syncClaim / syncVolume) with the pvc-protection and pv-protection controllers, as one
// controller keyed by "PersistentVolumeClaim/<ns>/<name>" or "PersistentVolume//<name>".
// Unbound claims and released volumes are synced again every 15 s (--pvclaimbinder-sync-period).

export const SYNC_PERIOD_MS = 15_000;

const claimKey = (ns: string, name: string) => `PersistentVolumeClaim/${ns}/${name}`;
const volumeKey = (name: string) => `PersistentVolume//${name}`;

function withoutFinalizer<T extends KubeObject>(o: T, finalizer: string): T {
  const finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const { finalizers: _f, ...meta } = o.metadata;
  return { ...o, metadata: finalizers.length > 0 ? { ...meta, finalizers } : meta };
}

/** pvc-protection: a claim being deleted keeps its finalizer while a scheduled, unfinished Pod uses it. */
function protectClaim(view: ClusterView, pvc: PersistentVolumeClaim): Change[] {
  if (pvc.metadata.deletionTimestamp === undefined || !(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION)) return [];
  if (claimInUse(view, pvc.metadata.namespace ?? 'default', pvc.metadata.name)) return [];
  return [{ verb: 'update', object: withoutFinalizer(pvc, PVC_PROTECTION) }];
}

/** pv-protection: a PV being deleted keeps its finalizer while it is Bound. */
function protectVolume(pv: PersistentVolume): Change[] {
  if (pv.metadata.deletionTimestamp === undefined || !(pv.metadata.finalizers ?? []).includes(PV_PROTECTION)) return [];
  if (pv.status?.phase === 'Bound') return [];
  return [{ verb: 'update', object: withoutFinalizer(pv, PV_PROTECTION) }];
}

export function reconcilePersistentVolumes(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const ref = parseKey(key);
  if (ref.kind === 'PersistentVolumeClaim') {
    const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace, ref.name);
    if (pvc === undefined) return NO_CHANGES;
    const protect = protectClaim(view, pvc);
    if (protect.length > 0) return { changes: protect };
    const changes = [...syncClaim(view, pvc, ctx)];
    // The scheduler retries Pods that wait for this claim once it binds (VolumeBinding's queueing hint),
    // or, for a ReadWriteOncePod claim, whenever a Pod using it went away (VolumeRestrictions').
    const justBound = pvc.status?.phase !== 'Bound' && changes.some((c) => c.verb === 'status' && c.object.kind === 'PersistentVolumeClaim' && (c.object as PersistentVolumeClaim).status?.phase === 'Bound');
    if (justBound || (pvc.spec.accessModes ?? []).includes('ReadWriteOncePod')) {
      for (const p of podsUsingClaim(view, ref.namespace, ref.name)) {
        if (p.spec.nodeName === undefined) changes.push({ verb: 'enqueue', controller: SCHEDULER_NAME, key: `Pod/${ref.namespace}/${p.metadata.name}`, afterMs: 0 });
      }
    }
    const pending = (pvc.spec.volumeName ?? '') === '' || pvc.status?.phase !== 'Bound';
    return pending ? { changes, requeueAfterMs: SYNC_PERIOD_MS } : { changes };
  }
  if (ref.kind === 'PersistentVolume') {
    const pv = view.get<PersistentVolume>('PersistentVolume', '', ref.name);
    if (pv === undefined) return NO_CHANGES;
    const protect = protectVolume(pv);
    if (protect.length > 0) return { changes: protect };
    const { changes, claims } = syncVolume(view, pv, ctx);
    const out: Change[] = [...changes, ...claims.map((k): Change => ({ verb: 'enqueue', controller: PV_CONTROLLER, key: k, afterMs: 0 }))];
    const retry = pv.status?.phase === 'Released' || pv.status?.phase === 'Failed';
    return retry ? { changes: out, requeueAfterMs: SYNC_PERIOD_MS } : { changes: out };
  }
  return NO_CHANGES;
}

// ---------------------------------------------------------------- watches

const NONE: readonly string[] = Object.freeze([]);

function watchClaim(_v: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const o = (after ?? before) as PersistentVolumeClaim;
  const keys = [claimKey(o.metadata.namespace ?? 'default', o.metadata.name)];
  // A deleted claim releases its volume.
  if (after === undefined && (o.spec.volumeName ?? '') !== '') keys.push(volumeKey(o.spec.volumeName!));
  return keys;
}

function watchVolume(_v: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const o = (after ?? before) as PersistentVolume;
  const keys = after !== undefined ? [volumeKey(o.metadata.name)] : [];
  const ref = o.spec.claimRef;
  if (ref?.name && (after === undefined || (before as PersistentVolume | undefined)?.spec.claimRef?.uid !== ref.uid)) {
    keys.push(claimKey(ref.namespace ?? 'default', ref.name));
  }
  return keys;
}

/** Pods matter when they use claims (scheduled: WaitForFirstConsumer; gone or finished: protection) or are recycler Pods. */
function watchPod(_v: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const p = (after ?? before) as Pod;
  const ns = p.metadata.namespace ?? 'default';
  if (ns === RECYCLER_NAMESPACE && p.metadata.name.startsWith(RECYCLER_PREFIX)) {
    const a = after as Pod | undefined, b = before as Pod | undefined;
    return a?.status?.phase !== b?.status?.phase || a === undefined ? [volumeKey(p.metadata.name.slice(RECYCLER_PREFIX.length))] : NONE;
  }
  if (p.spec.volumes === undefined || p.spec.volumes.length === 0) return NONE;
  const a = after as Pod | undefined, b = before as Pod | undefined;
  const scheduledNow = a?.spec.nodeName !== undefined && b?.spec.nodeName === undefined;
  const created = b === undefined;
  const finished = a === undefined || (isPodTerminal(a) && (b === undefined || !isPodTerminal(b)));
  if (!scheduledNow && !finished && !created) return NONE;
  return claimNamesOf(p).map((c) => claimKey(ns, c));
}

export const persistentVolumeController: Controller = {
  name: PV_CONTROLLER,
  reconcile: reconcilePersistentVolumes,
  watches: { PersistentVolumeClaim: watchClaim, PersistentVolume: watchVolume, Pod: watchPod },
};
