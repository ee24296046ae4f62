import type { KubeObject, OwnerReference } from '../../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileResult } from '../../engine/types';
import { objectKey, refOf } from '../../store/keys';
import { sameJson } from '../util/events';
import { withoutOwner } from '../util/owner';

// pkg/controller/garbagecollector/garbagecollector.go: attemptToDeleteItem (dependents whose owners
// are gone), processDeletingDependentsItem (foreground deletion) and orphanDependents (orphan).
// Work-queue keys: `uid:<uid>` - an owner with that uid was deleted, check its dependents;
// `obj:<kind/ns/name>` - check one object, as a dependent and as an owner being deleted.

export const GARBAGE_COLLECTOR = 'garbage-collector';
export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

type OwnerState = 'solid' | 'dangling' | 'waiting';

/** Looks an owner up by kind and name (namespaced in the dependent's namespace, else cluster-scoped) and uid. */
function ownerState(view: ClusterView, dependent: KubeObject, ref: OwnerReference): OwnerState {
  const ns = dependent.metadata.namespace ?? '';
  const owner = view.get(ref.kind, ns, ref.name) ?? (ns !== '' ? view.get(ref.kind, '', ref.name) : undefined);
  if (owner === undefined || owner.metadata.uid !== ref.uid) return 'dangling';
  if (owner.metadata.deletionTimestamp !== undefined && (owner.metadata.finalizers ?? []).includes(FOREGROUND)) return 'waiting';
  return 'solid';
}

/** attemptToDeleteItem: delete a dependent whose owners are all gone; drop dangling refs when some owner remains. */
export function checkDependent(view: ClusterView, obj: KubeObject): Change[] {
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0) return [];
  const deleting = obj.metadata.deletionTimestamp !== undefined;
  if (deleting && !(obj.metadata.finalizers ?? []).includes(FOREGROUND)) return [];
  const states = refs.map((r) => ownerState(view, obj, r));
  const solid = states.filter((s) => s === 'solid').length;
  const ref = refOf(obj);
  if (solid > 0) {
    const drop = refs.filter((_r, i) => states[i] !== 'solid');
    if (drop.length === 0) return [];
    let next = obj;
    for (const r of drop) next = withoutOwner(next, r.uid);
    return [{ verb: 'update', object: next }];
  }
  if (deleting) return [];
  const waiting = states.includes('waiting');
  const hasDependents = view.dependents(obj.metadata.uid).length > 0;
  const finalizers = obj.metadata.finalizers ?? [];
  const propagation = waiting && hasDependents ? 'Foreground'
    : finalizers.includes(ORPHAN) ? 'Orphan' : finalizers.includes(FOREGROUND) ? 'Foreground' : 'Background';
  return [{ verb: 'delete', ref, reason: `garbage collector: owner ${refs.map((r) => `${r.kind}/${r.name}`).join(', ')} is gone`, propagation }];
}

/** An owner being deleted with the orphan or foregroundDeletion finalizer. */
export function processDeletingOwner(view: ClusterView, owner: KubeObject): Change[] {
  if (owner.metadata.deletionTimestamp === undefined) return [];
  const finalizers = owner.metadata.finalizers ?? [];
  const uid = owner.metadata.uid;
  const dependents = view.dependents(uid);
  const changes: Change[] = [];
  if (finalizers.includes(ORPHAN)) {
    // orphanDependents: strip the ownerReference from every dependent, then the finalizer.
    for (const d of dependents) changes.push({ verb: 'update', object: withoutOwner(d, uid) });
    changes.push(removeFinalizer(owner, ORPHAN));
    return changes;
  }
  if (finalizers.includes(FOREGROUND)) {
    let blocking = 0;
    for (const d of dependents) {
      const ref = d.metadata.ownerReferences?.find((r) => r.uid === uid);
      if (ref?.blockOwnerDeletion === true) blocking++;
      if (d.metadata.deletionTimestamp === undefined) changes.push(...checkDependent(view, d));
    }
    if (blocking === 0) changes.push(removeFinalizer(owner, FOREGROUND));
  }
  return changes;
}

function removeFinalizer(obj: KubeObject, finalizer: string): Change {
  const finalizers = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  const { finalizers: _old, ...rest } = obj.metadata;
  return { verb: 'update', object: { ...obj, metadata: finalizers.length > 0 ? { ...rest, finalizers } : rest } };
}

export function reconcileGarbage(view: ClusterView, key: string): ReconcileResult {
  if (key.startsWith('uid:')) {
    const changes: Change[] = [];
    for (const d of view.dependents(key.slice(4))) changes.push(...checkDependent(view, d));
    return { changes };
  }
  if (!key.startsWith('obj:')) return NO_CHANGES;
  const obj = view.getByKey(key.slice(4));
  if (obj === undefined) return NO_CHANGES;
  return { changes: [...processDeletingOwner(view, obj), ...checkDependent(view, obj)] };
}

/** Whether the object carries one of the GC's finalizers (orphan, foregroundDeletion). */
function hasGcFinalizer(o: KubeObject | undefined): boolean {
  const finalizers = o?.metadata.finalizers;
  if (finalizers === undefined) return false;
  for (const f of finalizers) if (f === ORPHAN || f === FOREGROUND) return true;
  return false;
}

const NONE: readonly string[] = Object.freeze([]);

/** The GC's graph builder, as a watch on every kind. */
function watchEverything(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  // The common write (a status update, a scale): same owners, no deletion in progress. Nothing to look at.
  if (after !== undefined && before !== undefined && after.metadata.ownerReferences === before.metadata.ownerReferences
    && after.metadata.deletionTimestamp === undefined) return NONE;
  const keys: string[] = [];
  if (after === undefined && before !== undefined) {
    if (view.dependents(before.metadata.uid).length > 0) keys.push(`uid:${before.metadata.uid}`);
    // A dependent gone may unblock an owner waiting in foreground deletion.
    for (const r of before.metadata.ownerReferences ?? []) {
      const ns = before.metadata.namespace ?? '';
      const owner = view.get(r.kind, ns, r.name) ?? (ns !== '' ? view.get(r.kind, '', r.name) : undefined);
      if (owner !== undefined && owner.metadata.uid === r.uid && owner.metadata.deletionTimestamp !== undefined && hasGcFinalizer(owner)) keys.push(`obj:${objectKey(owner)}`);
    }
    return keys;
  }
  if (after === undefined) return keys;
  const refsChanged = !sameJson(after.metadata.ownerReferences, before?.metadata.ownerReferences);
  // A new or changed ownerReference needs a look only when an owner is not there (or is going away).
  if (refsChanged && (after.metadata.ownerReferences ?? []).some((r) => ownerState(view, after, r) !== 'solid')) keys.push(`obj:${objectKey(after)}`);
  else if (after.metadata.deletionTimestamp !== undefined && hasGcFinalizer(after)
    && (before?.metadata.deletionTimestamp === undefined || !sameJson(after.metadata.finalizers, before.metadata.finalizers))) keys.push(`obj:${objectKey(after)}`);
  return keys;
}

export const garbageCollector: Controller = {
  name: GARBAGE_COLLECTOR,
  reconcile: (view, key) => reconcileGarbage(view, key),
  watches: { '*': watchEverything },
};
