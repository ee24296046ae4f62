import type { KubeObject, Service } from '../api/types';
import type { ClusterView } from '../engine/types';

// Whether a namespace has a Service with a selector, per view (an engine transaction): every Pod
// write asks it twice (Endpoints and EndpointSlice controllers), and the answer changes only with
// a Service. Computed on first use, dropped by the endpoint controllers' Service watch handlers,
// which see every Service change the transaction applies. A memo of the view's own state.

const byView = new WeakMap<object, Map<string, boolean>>();

export function hasSelectorService(view: ClusterView, namespace: string): boolean {
  let byNs = byView.get(view);
  if (byNs === undefined) byView.set(view, (byNs = new Map()));
  let yes = byNs.get(namespace);
  if (yes === undefined) {
    yes = view.count('Service', namespace) > 0 && view.list<Service>('Service', namespace).some((svc) => svc.spec.selector !== undefined);
    byNs.set(namespace, yes);
  }
  return yes;
}

/** Drops the view's answer for the namespace of a Service that changed. */
export function serviceChanged(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): void {
  byView.get(view)?.delete((after ?? before)!.metadata.namespace ?? '');
}
