import type { KubeObject, Service } from '../api/types';
import type { ClusterView } from '../engine/types';

// The Services with a selector in a namespace, for one view (an engine transaction): listed on
// first use, then forgotten for a namespace whenever one of its Services changes (the endpoint
// controllers' Service watches call serviceChanged, and see every Service write the transaction
// applies). Every Pod write reaches servicesForPodChange; with this it builds no list of Services.
// A memo of the view's own state, keyed weakly by the view, so purity holds.

const caches = new WeakMap<object, Map<string, readonly Service[]>>();

/** The namespace's Services that have a selector, in the store's order. */
export function selectorServices(view: ClusterView, namespace: string): readonly Service[] {
  let byNs = caches.get(view);
  if (byNs === undefined) caches.set(view, (byNs = new Map()));
  let services = byNs.get(namespace);
  if (services === undefined) {
    services = view.count('Service', namespace) === 0 ? [] : view.list<Service>('Service', namespace).filter((svc) => svc.spec.selector !== undefined);
    byNs.set(namespace, services);
  }
  return services;
}

/** Keeps the view's memo (if any) in step with one Service change. */
export function serviceChanged(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): void {
  caches.get(view)?.delete((after ?? before)!.metadata.namespace ?? '');
}

