import type { KubeObject, Pod } from '../api/types';
import type { ClusterView } from '../engine/types';

// Pod IPs in use per node, for one view (an engine transaction): a node's list is made on first
// use from view.podsOnNode and then kept in step by the kubelet's Pod watch handler, which sees
// every change the transaction applies. A memo of the view's own state (keyed weakly by the view),
// so purity holds; it spares the O(Pods on the node) scan at every sandbox creation.
// A plain list, not a Map of counts: a node holds a few dozen Pods, a list is cheaper to make for
// every node at each transaction's first allocation there, and host-local's allocator usually
// asks about one address (the one after the last it handed out).

/** The addresses Pods on one node hold, one entry per Pod (a multiset, as a Pod list can hold one twice). */
export class HeldIps {
  private readonly ips: string[] = [];

  has(ip: string): boolean {
    return this.ips.includes(ip);
  }

  add(ip: string): void {
    this.ips.push(ip);
  }

  /** Forgets one entry of ip (order does not matter). */
  remove(ip: string): void {
    const i = this.ips.indexOf(ip);
    if (i < 0) return;
    this.ips[i] = this.ips[this.ips.length - 1];
    this.ips.pop();
  }
}

const caches = new WeakMap<object, Map<string, HeldIps>>();

function ipOf(p: Pod | undefined): string | undefined {
  if (p === undefined) return undefined;
  // The address first: most Pods written have none yet, and spec.hostNetwork is absent from most specs (a slow miss).
  const ip = p.status?.podIP;
  if (!ip || !p.spec.nodeName || p.spec.hostNetwork === true) return undefined;
  return ip;
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
  if (bi !== undefined) nodes.get(bn!)?.remove(bi);
  if (ai !== undefined) nodes.get(an!)?.add(ai);
}

/** The Pod IPs (not hostNetwork) held by Pods bound to the node, as of now in this view. */
export function usedIpsOn(view: ClusterView, nodeName: string): { has(ip: string): boolean } {
  let nodes = caches.get(view);
  if (nodes === undefined) caches.set(view, (nodes = new Map()));
  let held = nodes.get(nodeName);
  if (held === undefined) {
    held = new HeldIps();
    for (const p of view.podsOnNode(nodeName)) { const ip = ipOf(p); if (ip !== undefined) held.add(ip); }
    nodes.set(nodeName, held);
  }
  return held;
}
