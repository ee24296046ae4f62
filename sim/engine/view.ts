import type { Store } from '../store/store';
import type { ClusterConfig, ClusterView, RuntimeTables } from './types';

/** A read-only ClusterView over a sealed store: what controllers, kubectl and assertions read. */
export function viewOver(store: Store, nowMs: number, config: ClusterConfig, tables: RuntimeTables): ClusterView {
  return {
    get: (k, ns, n) => store.get(k, ns, n),
    getByKey: (key) => store.getByKey(key),
    list: (k, ns) => store.list(k, ns),
    count: (k, ns) => store.count(k, ns),
    namespacesOf: (k) => store.namespacesOf(k),
    dependents: (uid) => store.dependents(uid),
    podsOnNode: (n) => store.podsOnNode(n),
    firstPodOnNode: (n, test) => store.firstPodOnNode(n, test),
    select: (k, ns, sel) => store.select(k, ns, sel),
    orphanCount: (k, ns) => store.orphanCount(k, ns),
    nowMs,
    config,
    table: (name) => tables[name],
  } as ClusterView;
}
