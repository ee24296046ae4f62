import type { KubeObject, Pod } from '../api/types';
import type { ClusterView } from '../engine/types';

// Pod IPs in use per node, for one view (an engine transaction): a node's set is computed on first
// use from view.podsOnNode and then kept in step by the kubelet's Pod watch handler, which sees
// every change the transaction applies. A memo of the view's own state (keyed weakly by the view),
// so purity holds; it spares the O(Pods on the node) scan at every sandbox creation.

type Counts = Map<string, number>;
const caches = new WeakMap<object, Map<string, Counts>>();

function ipOf(p: Pod | undefined): string | undefined {
  if (p === undefined) return undefined;
  // The address first: most Pods written have none yet, and spec.hostNetwork is absent from most specs (a slow miss).
  const ip = p.status?.podIP;
  if (!ip || !p.spec.nodeName || p.spec.hostNetwork === true) return undefined;
  return ip;
}

function bump(counts: Counts | undefined, ip: string, by: 1 | -1): void {
  if (counts === undefined) return;
  const n = (counts.get(ip) ?? 0) + by;
  if (n <= 0) counts.delete(ip); else counts.set(ip, n);
}

/** Keeps the view's cache (if any) in step with one Pod change. */
export function podIpChanged(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): void {
  const a = after as Pod | undefined;
  const b = before as Pod | undefined;
  // Same spec and status objects (a metadata write, such as a deletion): the same address on the same node.
  if (a !== undefined && b !== undefined && a.spec === b.spec && a.status === b.status) return;
  const nodes = caches.get(view);
  if (nodes === undefined) return;
  const ai = ipOf(a);
  const bi = ipOf(b);
  const an = a?.spec.nodeName;
  const bn = b?.spec.nodeName;
  if (ai === bi && an === bn) return;
  if (bi !== undefined) bump(nodes.get(bn!), bi, -1);
  if (ai !== undefined) bump(nodes.get(an!), ai, 1);
}

/** The Pod IPs (not hostNetwork) held by Pods bound to the node, as of now in this view. */
export function usedIpsOn(view: ClusterView, nodeName: string): { has(ip: string): boolean } {
  let nodes = caches.get(view);
  if (nodes === undefined) caches.set(view, (nodes = new Map()));
  let counts = nodes.get(nodeName);
  if (counts === undefined) {
    counts = new Map();
    for (const p of view.podsOnNode(nodeName)) { const ip = ipOf(p); if (ip !== undefined) bump(counts, ip, 1); }
    nodes.set(nodeName, counts);
  }
  return counts;
}
