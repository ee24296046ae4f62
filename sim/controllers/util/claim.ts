import type { KubeObject, LabelSelector } from '../../api/types';
import { matchesSelector } from '../../store/labels';
import type { Change, ClusterView } from '../../engine/types';
import { controllerRef, isControlledBy, withControllerRef, withoutOwner } from './owner';

// controller_ref_manager.go ClaimObject: a controller owns the objects whose controllerRef names it
// and that still match its selector; it adopts matching orphans and releases owned objects that no
// longer match. Objects controlled by someone else are never touched.

export interface Claimed<T extends KubeObject> {
  /** The objects the owner controls after claiming (adopted ones included, as they will be). */
  readonly owned: readonly T[];
  /** Adoption and release patches to submit. */
  readonly changes: readonly Change[];
}

/** ClaimPods / ClaimReplicaSets: `kind` objects of the owner's namespace, by selector and by controllerRef. */
export function claimObjects<T extends KubeObject>(
  view: ClusterView, owner: KubeObject, kind: string, selector: LabelSelector, accept: (obj: T) => boolean = () => true,
): Claimed<T> {
  const ns = owner.metadata.namespace ?? '';
  const owned: T[] = [];
  const changes: Change[] = [];
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  // Adoption looks at the selector's matches only when the namespace has objects of this kind no
  // controller owns; only then are the names already claimed worth remembering.
  const adopting = !ownerDeleting && view.orphanCount(kind, ns) > 0;
  const seen = adopting ? new Set<string>() : undefined;
  // Objects of one template share their ownerReferences and labels objects (immutable): the answers
  // for the previous object's serve the next one's when they are the same objects.
  let lastRefs: unknown = null, controlled = false;
  let lastLabels: unknown = null, matches = false;
  for (const obj of view.dependents(owner.metadata.uid)) {
    if (obj.kind !== kind) continue;
    const refs = obj.metadata.ownerReferences;
    if (refs !== lastRefs) { lastRefs = refs; controlled = isControlledBy(obj, owner); }
    if (!controlled || !accept(obj as T)) continue;
    seen?.add(obj.metadata.name);
    const labels = obj.metadata.labels;
    if (labels !== lastLabels) { lastLabels = labels; matches = matchesSelector(labels, selector); }
    if (matches || ownerDeleting) owned.push(obj as T);
    else changes.push({ verb: 'update', object: withoutOwner(obj, owner.metadata.uid) }); // ReleasePod
  }
  if (seen === undefined) return { owned, changes };
  for (const obj of view.select<T>(kind, ns, selector)) {
    if (seen.has(obj.metadata.name) || controllerRef(obj) !== undefined || !accept(obj)) continue;
    if (obj.metadata.deletionTimestamp !== undefined) continue; // never adopt what is going away
    const adopted = withControllerRef(obj, owner) as T;
    owned.push(adopted);
    changes.push({ verb: 'update', object: adopted });
  }
  return { owned, changes };
}
