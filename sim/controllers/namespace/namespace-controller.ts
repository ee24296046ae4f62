import type { KubeObject, Namespace } from '../../api/types';
import { allKinds } from '../../api/kinds';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileResult } from '../../engine/types';

// pkg/controller/namespace/deletion/namespaced_resources_deleter.go: a Namespace being deleted is
// Terminating; every namespaced object in it is deleted; when none is left the "kubernetes"
// finalizer is removed from spec.finalizers and the Namespace goes away.

export const NAMESPACE_CONTROLLER = 'namespace-controller';
export const KUBERNETES_FINALIZER = 'kubernetes';

/** The namespaced kinds the API server serves, plus any kind stored in the namespace (Events, unregistered kinds). */
function namespacedKinds(): string[] {
  return allKinds().filter((k) => k.namespaced).map((k) => k.kind);
}

export function reconcileNamespace(view: ClusterView, name: string): ReconcileResult {
  const ns = view.get<Namespace>('Namespace', '', name);
  if (ns !== undefined && ns.metadata.deletionTimestamp === undefined) return NO_CHANGES;
  const changes: Change[] = [];
  if (ns !== undefined && ns.status?.phase !== 'Terminating') {
    changes.push({ verb: 'status', object: { ...ns, status: { ...ns.status, phase: 'Terminating' } } });
  }
  let remaining = 0;
  for (const kind of namespacedKinds()) {
    for (const obj of view.list(kind, name)) {
      remaining++;
      if (obj.metadata.deletionTimestamp !== undefined) continue;
      changes.push({ verb: 'delete', ref: { kind, namespace: name, name: obj.metadata.name }, reason: `namespace ${name} is terminating` });
    }
  }
  if (ns !== undefined && remaining === 0) {
    // finalize: drop "kubernetes" from spec.finalizers; with no metadata.finalizers the API server removes it.
    const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER);
    if ((ns.spec?.finalizers ?? []).length !== finalizers.length) {
      changes.push({ verb: 'update', object: { ...ns, spec: { ...ns.spec, finalizers }, status: { ...ns.status, phase: 'Terminating' } } });
    } else if ((ns.metadata.finalizers ?? []).length === 0) {
      changes.push({ verb: 'purge', ref: { kind: 'Namespace', namespace: '', name }, reason: 'namespace finalized' });
    }
  }
  return { changes };
}

/** Objects leaving a terminating (or already removed) namespace wake its controller. */
function namespaceOfChange(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  const obj = after ?? before!;
  if (obj.kind === 'Namespace') {
    if (after === undefined || after.metadata.deletionTimestamp !== undefined) return [obj.metadata.name];
    return [];
  }
  const ns = obj.metadata.namespace;
  if (!ns || after !== undefined) return [];
  const owner = view.get<Namespace>('Namespace', '', ns);
  return owner !== undefined && owner.metadata.deletionTimestamp !== undefined ? [ns] : [];
}

export const namespaceController: Controller = {
  name: NAMESPACE_CONTROLLER,
  reconcile: (view, key) => reconcileNamespace(view, key),
  watches: { '*': namespaceOfChange },
};
