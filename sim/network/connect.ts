import type { Node, Pod, Service, ServicePort } from '../api/types';
import { isPodRt } from '../kubelet/types';
import type { ClusterView } from '../engine/types';
import type { Rng } from '../engine/rng';
import { serviceBackends } from './backends';
import { resolve, serviceByClusterIP, type DnsOptions } from './dns';
import { isIP } from './ip';
import { nodeByIP, nodeIP, podByIP } from './addresses';
import { enforcesPolicy, type Endpoint, type Protocol, egressAllowed, ingressAllowed } from './policy';
import { podIP } from './pod-ports';
import { chooseEndpoint, usableEndpoints } from './proxy';
import { ProxyState } from './proxy-state';

// One TCP/UDP connection through the simulated cluster network: name resolution from the
// source Pod, kube-proxy's DNAT (ClusterIP, NodePort, LoadBalancer IP), NetworkPolicy at both
// ends (when the plugin enforces it), and a listening container at the far end. kube-proxy's mode
// is the cluster's (config.proxyMode); its memory (IPVS rr cursors, ClientIP affinity) is read
// from the cluster's `proxy` table, and the result carries the state after the connection:
// `r.proxyState.changes()` are the rows to apply so the next connection goes on from there.

export type ConnectFrom =
  | { readonly pod: { readonly namespace: string; readonly name: string } }
  | { readonly node: string }
  | { readonly external: true; readonly ip?: string };

export type Via = 'service' | 'nodePort' | 'loadBalancer' | 'pod' | 'hostNetwork' | 'external';

export type ConnectResult =
  | {
    readonly result: 'ok'; readonly via: Via; readonly ip: string; readonly port: number;
    /** The Pod that answered (undefined for an outside host). */
    readonly pod?: { readonly namespace: string; readonly name: string };
    readonly service?: { readonly namespace: string; readonly name: string };
    /** The address the client dialled (after DNS, before kube-proxy's DNAT): what wget prints. */
    readonly dialed?: { readonly ip: string; readonly port: number };
    /** kube-proxy's state after this connection (its changes() are the proxy-table rows to apply). */
    readonly proxyState: ProxyState;
  }
  | { readonly result: 'refused' | 'timeout' | 'nxdomain' | 'error'; readonly reason: string; readonly proxyState: ProxyState };

/** Does a container of this Pod listen on the port? The runtime supplies the truth; see defaultListens. */
export type Listens = (pod: Pod, port: number, protocol: Protocol) => boolean;

/** Images that serve HTTP on 80 without declaring it (the book's httpd and nginx). */
const HTTP_SERVER_IMAGES = new Set(['nginx', 'httpd']);

export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  const path = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A container listens on its declared containerPorts; nginx and httpd also on 80. */
export const defaultListens: Listens = (pod, port, protocol) => pod.spec.containers.some((c) =>
  (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol)
  || (protocol === 'TCP' && port === 80 && HTTP_SERVER_IMAGES.has(imageRepository(c.image))));

/** The secure ports kubeadm's control-plane components serve on their node (their manifests declare none). */
const CONTROL_PLANE_PORTS: Readonly<Record<string, readonly number[]>> = {
  'kube-apiserver': [6443], etcd: [2379, 2380], 'kube-controller-manager': [10257], 'kube-scheduler': [10259],
};

function declaresPort(pod: Pod, port: number, protocol: Protocol): boolean {
  if (protocol === 'TCP' && (CONTROL_PLANE_PORTS[pod.metadata.labels?.component ?? ''] ?? []).includes(port)) return true;
  return pod.spec.containers.some((c) => (c.ports ?? []).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === protocol));
}

export interface ConnectOptions {
  readonly protocol?: Protocol;
  readonly listens?: Listens;
  /** kube-proxy's state to start from (default: the cluster's proxy table), to chain connections. */
  readonly proxyState?: ProxyState;
  readonly dns?: DnsOptions;
  /** Outside hosts that answer on a port (the internet); none by default. */
  readonly externalAnswers?: (ip: string, port: number) => boolean;
}

/** An address no one in a test owns, for a client "outside the cluster" (RFC 5737 TEST-NET-3). */
export const DEFAULT_EXTERNAL_CLIENT_IP = '203.0.113.10';

/** The client: its address, and the node whose kube-proxy rules its traffic meets first (none outside the cluster). */
interface Source { readonly endpoint: Endpoint; readonly ip: string; readonly pod?: Pod; readonly node?: string; readonly external: boolean }

function splitHostPort(to: string): { host: string; port?: number } {
  const m = /^(.*):(\d+)$/.exec(to);
  return m && !m[1].includes(':') ? { host: m[1], port: Number(m[2]) } : { host: to };
}

/**
 * connect(view, rng, from, to, port): where a new connection from `from` to `to` (a name, a
 * ClusterIP, nodeIP:nodePort, a Pod IP, an outside IP; `host:port` is accepted) ends up.
 *
 * | to                       | from a Pod | from a node | from outside |
 * |--------------------------|------------|-------------|--------------|
 * | service name             | resolved   | nxdomain    | nxdomain     |
 * | ClusterIP:port           | backend    | backend     | timeout      |
 * | nodeIP:nodePort          | backend    | backend     | backend      |
 * | Pod IP:port              | the Pod    | the Pod     | timeout      |
 * Backend chosen among ready endpoints (kube-proxy); none → refused. NetworkPolicy denial → timeout
 * (calico drops). Nothing listening → refused.
 */
export function connect(view: ClusterView, rng: Rng, from: ConnectFrom, to: string, port?: number, opts: ConnectOptions = {}): ConnectResult {
  let dialed: { ip: string; port: number } | undefined;
  const r = dial(view, rng, from, to, port, opts, (d) => { dialed = d; });
  return r.result === 'ok' && dialed !== undefined ? { ...r, dialed } : r;
}

function dial(view: ClusterView, rng: Rng, from: ConnectFrom, to: string, port: number | undefined, opts: ConnectOptions, onDial: (d: { ip: string; port: number }) => void): ConnectResult {
  let proxyState = opts.proxyState ?? ProxyState.of(view.table('proxy'));
  const fail = (result: 'refused' | 'timeout' | 'nxdomain' | 'error', reason: string): ConnectResult => ({ result, reason, proxyState });
  const protocol = opts.protocol ?? 'TCP';
  const listens = opts.listens ?? defaultListens;
  const mode = view.config.proxyMode;

  // The source.
  let src: Source;
  if ('pod' in from) {
    const pod = view.get<Pod>('Pod', from.pod.namespace, from.pod.name);
    if (pod === undefined) return fail('error', `pods "${from.pod.name}" not found`);
    // A container's own traffic leaves from its sandbox's address, which the kubelet's row has before
    // the Pod's status shows it (the first SyncPod writes it only once its containers started).
    const row = view.table('pods').get(pod.metadata.uid);
    const ip = pod.spec.hostNetwork ? pod.status?.hostIP : (isPodRt(row) && row.ip !== '' ? row.ip : podIP(pod));
    if (ip === undefined) return fail('error', `pod ${from.pod.namespace}/${from.pod.name} has no IP (not running, or the cluster has no Pod network)`);
    src = { endpoint: pod, ip, pod, ...(pod.spec.nodeName ? { node: pod.spec.nodeName } : {}), external: false };
  } else if ('node' in from) {
    const node = view.get<Node>('Node', '', from.node);
    const ip = node && nodeIP(node);
    if (ip === undefined) return fail('error', `nodes "${from.node}" not found`);
    src = { endpoint: { ip }, ip, node: from.node, external: false };
  } else {
    const ip = from.ip ?? DEFAULT_EXTERNAL_CLIENT_IP;
    src = { endpoint: { ip }, ip, external: true };
  }

  // The destination address.
  const hp = splitHostPort(to);
  const dport = port ?? hp.port;
  if (dport === undefined) return fail('error', `no port given for ${to}`);
  let ip = hp.host;
  // Loopback: the containers of one Pod share its network namespace (/etc/hosts maps localhost).
  if (ip === 'localhost' || ip.startsWith('127.')) {
    if (src.pod === undefined) return fail('refused', `nothing listens on ${ip}:${dport}/${protocol}`);
    return src.pod.status?.phase === 'Running' && listens(src.pod, dport, protocol)
      ? { result: 'ok', via: 'pod', ip: '127.0.0.1', port: dport, pod: { namespace: src.pod.metadata.namespace ?? '', name: src.pod.metadata.name }, proxyState }
      : fail('refused', `nothing listens on 127.0.0.1:${dport}/${protocol}`);
  }
  if (!isIP(ip)) {
    if (src.pod === undefined) {
      const ext = opts.dns?.external?.(ip.toLowerCase());
      if (!ext || ext.length === 0) return fail('nxdomain', `bad address '${hp.host}'`);
      ip = ext[0];
    } else {
      const r = resolve(view, src.pod, ip, opts.dns);
      if (r.result !== 'ok' || r.ips.length === 0) return fail('nxdomain', r.result === 'timeout' ? `bad address '${hp.host}' (${r.reason})` : `bad address '${hp.host}'`);
      ip = r.ips[0];
    }
  }

  onDial({ ip, port: dport });
  let masquerade: Endpoint | undefined;
  const enforce = enforcesPolicy(view.config.network);
  const toPod = (pod: Pod, targetIP: string, targetPort: number, via: Via, service?: Service): ConnectResult => {
    if (view.config.network === 'none') return fail('timeout', 'the cluster has no Pod network');
    const dest = pod.spec.hostNetwork ? { ip: targetIP } : pod;
    if (enforce && !(egressAllowed(view, src.endpoint, dest, targetPort, protocol) && ingressAllowed(view, masquerade ?? src.endpoint, dest, targetPort, protocol))) {
      return fail('timeout', `NetworkPolicy drops ${src.ip} -> ${pod.metadata.namespace}/${pod.metadata.name}:${targetPort}/${protocol}`);
    }
    if (pod.status?.phase !== 'Running' || !listens(pod, targetPort, protocol)) {
      return fail('refused', `nothing listens on ${targetIP}:${targetPort}/${protocol} (${pod.metadata.namespace}/${pod.metadata.name})`);
    }
    return {
      result: 'ok', via, ip: targetIP, port: targetPort, pod: { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name },
      ...(service ? { service: { namespace: service.metadata.namespace ?? '', name: service.metadata.name } } : {}), proxyState,
    };
  };
  const toEndpointIP = (targetIP: string, targetPort: number, via: Via, service?: Service): ConnectResult => {
    const pod = podByIP(view, targetIP);
    if (pod !== undefined) return toPod(pod, targetIP, targetPort, via, service);
    const node = nodeByIP(view, targetIP);
    if (node !== undefined) {
      // A hostNetwork Pod answers on the node's address only on ports it declares: the runtime treats an
      // image without declared ports as listening everywhere, which would make kube-proxy answer any port.
      const hostPod = view.podsOnNode(node.metadata.name).find((p) => p.spec.hostNetwork && declaresPort(p, targetPort, protocol) && listens(p, targetPort, protocol));
      return hostPod !== undefined ? toPod(hostPod, targetIP, targetPort, via === 'pod' ? 'hostNetwork' : via, service) : fail('refused', `nothing listens on ${targetIP}:${targetPort}/${protocol}`);
    }
    return fail('timeout', `no route to ${targetIP}`);
  };
  // proxyNode: the node whose rules DNAT the connection (the client's for a ClusterIP, the dialled
  // node's for a NodePort: KUBE-NODEPORTS matches only addresses local to the node).
  const viaService = (svc: Service, sp: ServicePort, via: Via, proxyNode: string, onlyNode?: string): ConnectResult => {
    const endpoints = usableEndpoints(serviceBackends(view, svc), sp, onlyNode);
    const choice = chooseEndpoint(svc, sp, endpoints, {
      rng, state: proxyState, mode, node: proxyNode, virtualServer: `${ip}:${dport}/${protocol}`, clientIP: src.ip, nowMs: view.nowMs,
    });
    proxyState = choice.state;
    if (choice.endpoint === undefined) {
      // externalTrafficPolicy Local without a local endpoint: dropped; otherwise kube-proxy REJECTs.
      if (onlyNode !== undefined) return fail('timeout', `no local endpoints for ${svc.metadata.namespace}/${svc.metadata.name} on ${onlyNode}`);
      return fail('refused', `service ${svc.metadata.namespace}/${svc.metadata.name} has no endpoints`);
    }
    return toEndpointIP(choice.endpoint.ip, choice.endpoint.port, via, svc);
  };
  const servicePort = (svc: Service, match: (p: ServicePort) => boolean) => (svc.spec.ports ?? []).find((p) => (p.protocol ?? 'TCP') === protocol && match(p));

  // A ClusterIP.
  const svc = serviceByClusterIP(view, ip);
  if (svc !== undefined && svc.spec.clusterIP !== 'None') {
    if (src.external) return fail('timeout', `ClusterIP ${ip} is reachable only from inside the cluster`);
    const sp = servicePort(svc, (p) => p.port === dport);
    if (sp === undefined) return mode === 'ipvs' ? fail('refused', `service ${svc.metadata.namespace}/${svc.metadata.name} has no port ${dport}`) : fail('timeout', `service ${svc.metadata.namespace}/${svc.metadata.name} has no port ${dport}`);
    return viaService(svc, sp, 'service', src.node ?? '');
  }

  // A node address: NodePort, or a hostNetwork Pod, or the node itself.
  const node = nodeByIP(view, ip);
  if (node !== undefined) {
    for (const s of view.list<Service>('Service')) {
      if (s.spec.type !== 'NodePort' && s.spec.type !== 'LoadBalancer') continue;
      const sp = servicePort(s, (p) => p.nodePort === dport);
      if (sp === undefined) continue;
      const local = s.spec.externalTrafficPolicy === 'Local' ? node.metadata.name : undefined;
      // externalTrafficPolicy Cluster: kube-proxy masquerades NodePort traffic (KUBE-MARK-MASQ), so the
      // backend (and its ingress policy) sees the node's address, not the client's.
      if (local === undefined) masquerade = { ip };
      return viaService(s, sp, 'nodePort', node.metadata.name, local);
    }
    return toEndpointIP(ip, dport, 'pod');
  }

  // A LoadBalancer ingress IP or an externalIP.
  for (const s of view.list<Service>('Service')) {
    const lb = (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip);
    const ext = Array.isArray(s.spec.externalIPs) && (s.spec.externalIPs as string[]).includes(ip);
    if (!lb && !ext) continue;
    const sp = servicePort(s, (p) => p.port === dport);
    if (sp === undefined) return fail('timeout', `service ${s.metadata.namespace}/${s.metadata.name} has no port ${dport}`);
    // From outside, the cloud's load balancer hands the connection to a node; the simulator has none
    // and uses the first node by name.
    return viaService(s, sp, 'loadBalancer', src.node ?? view.list<Node>('Node')[0]?.metadata.name ?? '');
  }

  // A Pod IP.
  const pod = podByIP(view, ip);
  if (pod !== undefined) {
    if (src.external) return fail('timeout', `Pod IP ${ip} is not routable from outside the cluster`);
    return toPod(pod, ip, dport, 'pod');
  }

  // Somewhere outside.
  if (enforce && !egressAllowed(view, src.endpoint, { ip }, dport, protocol)) return fail('timeout', `NetworkPolicy drops ${src.ip} -> ${ip}:${dport}/${protocol}`);
  if (opts.externalAnswers?.(ip, dport)) return { result: 'ok', via: 'external', ip, port: dport, proxyState };
  return fail('timeout', `no answer from ${ip}:${dport}`);
}
