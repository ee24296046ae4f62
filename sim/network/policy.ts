import type { KubeObject, LabelSelector, Labels, Pod } from '../api/types';
import type { NetworkPlugin } from '../engine/types';
import type { StoreView } from '../store/store';
import { matchesSelector } from '../store/labels';
import { cidrContains, parseCIDR, parseIP } from './ip';
import { namedPort, podIP } from './pod-ports';

// NetworkPolicy evaluation, the cyclonus truth model (mattfenwick/cyclonus pkg/matcher):
// a Pod is isolated for a direction iff a policy of its namespace selects it and lists that
// direction; an isolated Pod allows what the union of its selecting policies' rules allows;
// a connection needs egress at the source and ingress at the destination.

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type Direction = 'Ingress' | 'Egress';
/** One end of a connection: a Pod (by its object) or a bare IP (a node, an outside client). */
export type Endpoint = Pod | { readonly ip: string };

interface PolicyPort { readonly protocol?: string; readonly port?: number | string; readonly endPort?: number }
interface IPBlock { readonly cidr: string; readonly except?: readonly string[] }
interface PolicyPeer { readonly podSelector?: LabelSelector; readonly namespaceSelector?: LabelSelector; readonly ipBlock?: IPBlock }
interface PolicyRule { readonly ports?: readonly PolicyPort[]; readonly from?: readonly PolicyPeer[]; readonly to?: readonly PolicyPeer[] }
export interface NetworkPolicySpec {
  readonly podSelector?: LabelSelector;
  readonly policyTypes?: readonly Direction[];
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
}
export interface NetworkPolicy extends KubeObject { readonly kind: 'NetworkPolicy'; readonly spec: NetworkPolicySpec }

/** Which plugins enforce NetworkPolicy: calico and canal do; flannel accepts the objects and ignores them. */
export function enforcesPolicy(plugin: NetworkPlugin): boolean {
  return plugin === 'calico' || plugin === 'canal';
}

/** policyTypes as defaulted (SetDefaults_NetworkPolicy), also for objects stored without defaulting. */
export function policyTypes(spec: NetworkPolicySpec): readonly Direction[] {
  if (spec.policyTypes && spec.policyTypes.length > 0) return spec.policyTypes;
  return (spec.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

function isPod(e: Endpoint): e is Pod {
  return (e as Pod).kind === 'Pod';
}

/** A hostNetwork Pod is not a policy endpoint: it is its node's IP. */
function asPolicyPod(e: Endpoint): Pod | undefined {
  return isPod(e) && !e.spec.hostNetwork ? e : undefined;
}

function ipOf(e: Endpoint): string | undefined {
  return isPod(e) ? (e.spec.hostNetwork ? e.status?.hostIP : podIP(e)) : e.ip;
}

/** A namespace's labels, with the `kubernetes.io/metadata.name` label the API server always sets. */
export function namespaceLabels(view: StoreView, ns: string): Labels {
  return { ...(view.get('Namespace', '', ns)?.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns };
}

export function ipBlockMatches(block: IPBlock, ip: string | undefined): boolean {
  const n = ip === undefined ? undefined : parseIP(ip);
  const cidr = parseCIDR(block.cidr);
  if (n === undefined || cidr === undefined || !cidrContains(cidr, n)) return false;
  for (const e of block.except ?? []) {
    const c = parseCIDR(e);
    if (c !== undefined && cidrContains(c, n)) return false;
  }
  return true;
}

/** Does a peer of a policy in namespace `policyNs` match this endpoint? */
export function peerMatches(view: StoreView, peer: PolicyPeer, policyNs: string, e: Endpoint): boolean {
  if (peer.ipBlock) return ipBlockMatches(peer.ipBlock, ipOf(e));
  const pod = asPolicyPod(e);
  if (pod === undefined) return false;
  const ns = pod.metadata.namespace ?? '';
  if (peer.namespaceSelector !== undefined) {
    if (!matchesSelector(namespaceLabels(view, ns), peer.namespaceSelector)) return false;
  } else if (ns !== policyNs) {
    return false;
  }
  return peer.podSelector === undefined || matchesSelector(pod.metadata.labels, peer.podSelector);
}

/** Does a rule's port list admit this port at this destination (named ports resolve against it)? */
export function portMatches(ports: readonly PolicyPort[] | undefined, port: number, protocol: Protocol, dest: Endpoint): boolean {
  if (ports === undefined || ports.length === 0) return true;
  for (const p of ports) {
    if ((p.protocol ?? 'TCP') !== protocol) continue;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') {
      if (p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port) return true;
    } else {
      const pod = asPolicyPod(dest);
      if (pod !== undefined && namedPort(pod, p.port, protocol) === port) return true;
    }
  }
  return false;
}

/** Policies of the Pod's namespace that select it for a direction. */
export function selectingPolicies(view: StoreView, pod: Pod, direction: Direction): NetworkPolicy[] {
  const out: NetworkPolicy[] = [];
  for (const np of view.list<NetworkPolicy>('NetworkPolicy', pod.metadata.namespace ?? '')) {
    if (!policyTypes(np.spec).includes(direction)) continue;
    if (matchesSelector(pod.metadata.labels, np.spec.podSelector ?? {})) out.push(np);
  }
  return out;
}

export function isIsolated(view: StoreView, pod: Pod, direction: Direction): boolean {
  return selectingPolicies(view, pod, direction).length > 0;
}

function directionAllows(view: StoreView, subject: Pod, direction: Direction, peer: Endpoint, port: number, protocol: Protocol, dest: Endpoint): boolean {
  const policies = selectingPolicies(view, subject, direction);
  if (policies.length === 0) return true;
  for (const np of policies) {
    const ns = np.metadata.namespace ?? '';
    for (const rule of (direction === 'Ingress' ? np.spec.ingress : np.spec.egress) ?? []) {
      if (!portMatches(rule.ports, port, protocol, dest)) continue;
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      if (peers === undefined || peers.length === 0) return true;
      if (peers.some((p) => peerMatches(view, p, ns, peer))) return true;
    }
  }
  return false;
}

/** Egress at the source allows this connection (always, when the source is not a policy Pod). */
export function egressAllowed(view: StoreView, from: Endpoint, to: Endpoint, port: number, protocol: Protocol = 'TCP'): boolean {
  const pod = asPolicyPod(from);
  return pod === undefined || directionAllows(view, pod, 'Egress', to, port, protocol, to);
}

/** Ingress at the destination allows this connection (always, when the destination is not a policy Pod). */
export function ingressAllowed(view: StoreView, from: Endpoint, to: Endpoint, port: number, protocol: Protocol = 'TCP'): boolean {
  const pod = asPolicyPod(to);
  return pod === undefined || directionAllows(view, pod, 'Ingress', from, port, protocol, to);
}

/** cyclonus IsTrafficAllowed: egress at the source and ingress at the destination. Ignores the network plugin. */
export function allowed(view: StoreView, from: Endpoint, to: Endpoint, port: number, protocol: Protocol = 'TCP'): boolean {
  return egressAllowed(view, from, to, port, protocol) && ingressAllowed(view, from, to, port, protocol);
}
