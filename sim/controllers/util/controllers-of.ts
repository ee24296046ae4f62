import type { KubeObject, LabelSelector } from '../../api/types';
import type { ClusterView } from '../../engine/types';
import { isEmptySelector, matchesSelector } from '../../store/labels';
import { keyFor } from './events';
import { controllerRef, ownerKey } from './owner';

/**
 * The work-queue keys of the `kind` controllers a dependent's change concerns (the add/update/delete
 * handlers of pkg/controller, e.g. getPodReplicaSets): the controller of each version, and for an
 * orphan that is not going away, every `kind` object of its namespace whose selector matches (one
 * may adopt it; a scan of the namespace, rare).
 */
export function controllersOf(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined, kind: string): string[] {
  const keys = new Set<string>();
  for (const o of [after, before]) if (o !== undefined) { const k = ownerKey(o, kind); if (k !== undefined) keys.add(k); }
  if (after !== undefined && controllerRef(after) === undefined && after.metadata.deletionTimestamp === undefined) {
    for (const owner of view.list<KubeObject & { readonly spec: { readonly selector?: LabelSelector } }>(kind, after.metadata.namespace ?? '')) {
      const selector = owner.spec.selector;
      if (selector !== undefined && !isEmptySelector(selector) && matchesSelector(after.metadata.labels, selector)) keys.add(keyFor(owner));
    }
  }
  return [...keys];
}
