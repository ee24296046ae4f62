import type { Node, Pod, Service } from '../api/types';
import { Transaction } from '../engine/transaction';
import type { StoreView } from '../store/store';
import { cidrContains, parseCIDR, parseIP } from './ip';
import { podIP } from './pod-ports';

// Who owns an address: a node (InternalIP), a Pod (status.podIP), a Service (ClusterIP). Memoized
// per view object, so a step that makes many connections on one snapshot pays O(nodes + pods +
// services) once. A Transaction changes under its own feet, so it is never memoized; a hit is
// re-checked against the view anyway, and a Pod miss falls back to the node whose podCIDR holds it.

interface Ref { readonly namespace: string; readonly name: string }
interface AddressIndex { readonly nodes: Map<string, Node>; readonly pods: Map<string, Ref>; readonly services: Map<string, Ref> }
const memo = new WeakMap<object, AddressIndex>();

function build(view: StoreView): AddressIndex {
  const nodes = new Map<string, Node>();
  for (const n of view.list<Node>('Node')) for (const a of n.status?.addresses ?? []) if (a.type === 'InternalIP') nodes.set(a.address, n);
  const pods = new Map<string, { namespace: string; name: string }>();
  for (const p of view.list<Pod>('Pod')) {
    const ip = podIP(p);
    if (ip !== undefined && !p.spec.hostNetwork) pods.set(ip, { namespace: p.metadata.namespace ?? '', name: p.metadata.name });
  }
  const services = new Map<string, Ref>();
  for (const s of view.list<Service>('Service')) {
    for (const ip of s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])) {
      if (ip !== 'None' && !services.has(ip)) services.set(ip, { namespace: s.metadata.namespace ?? '', name: s.metadata.name });
    }
  }
  return { nodes, pods, services };
}

function indexOf(view: StoreView): AddressIndex {
  if (view instanceof Transaction) return build(view);
  let idx = memo.get(view);
  if (idx === undefined) memo.set(view, (idx = build(view)));
  return idx;
}

export function nodeByIP(view: StoreView, ip: string): Node | undefined {
  const n = indexOf(view).nodes.get(ip);
  if (n !== undefined && view.get('Node', '', n.metadata.name) !== undefined) return n;
  return undefined;
}

export function nodeIP(node: Node): string | undefined {
  return node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
}

/** The (non-hostNetwork) Pod holding this IP, if any. */
export function podByIP(view: StoreView, ip: string): Pod | undefined {
  const ref = indexOf(view).pods.get(ip);
  if (ref !== undefined) {
    const p = view.get<Pod>('Pod', ref.namespace, ref.name);
    if (p !== undefined && podIP(p) === ip && !p.spec.hostNetwork) return p;
  }
  const n = parseIP(ip);
  if (n === undefined) return undefined;
  for (const node of indexOf(view).nodes.values()) {
    const cidr = node.spec?.podCIDR ? parseCIDR(node.spec.podCIDR) : undefined;
    if (cidr === undefined || !cidrContains(cidr, n)) continue;
    return view.podsOnNode(node.metadata.name).find((p) => podIP(p) === ip && !p.spec.hostNetwork);
  }
  return undefined;
}

/** The Service whose ClusterIP this is, if any. */
export function serviceByIP(view: StoreView, ip: string): Service | undefined {
  const ref = indexOf(view).services.get(ip);
  if (ref === undefined) return undefined;
  const s = view.get<Service>('Service', ref.namespace, ref.name);
  return s !== undefined && (s.spec.clusterIP === ip || (s.spec.clusterIPs ?? []).includes(ip)) ? s : undefined;
}
