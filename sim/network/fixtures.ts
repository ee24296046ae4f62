import { viewOver } from '../engine/view';
import type { Container, KubeObject, Labels, Namespace, Node, Pod, Service, ServicePort } from '../api/types';
import type { ClusterConfig, ClusterView, NetworkPlugin } from '../engine/types';
import { DEFAULT_CONFIG } from '../engine/loop';
import { Store } from '../store/store';
import { computeSubsets } from './endpoints';

// Builders for the network tests: small objects shaped as the API server stores them, and a
// ClusterView over them. Test support only; the simulator never imports this file.

let uidCounter = 0;
const meta = (name: string, namespace: string | undefined, labels?: Labels) => ({
  name, ...(namespace !== undefined ? { namespace } : {}), uid: `uid-${namespace ?? ''}-${name}-${++uidCounter}`,
  resourceVersion: '1', creationTimestamp: '2025-01-01T00:00:00Z', ...(labels ? { labels } : {}),
});

export interface PodOpts {
  readonly ns?: string;
  readonly labels?: Labels;
  readonly ip?: string;
  readonly ready?: boolean;
  readonly node?: string;
  readonly phase?: Pod['status']['phase'];
  readonly deleting?: boolean;
  readonly ports?: readonly { name?: string; containerPort: number; protocol?: string }[];
  readonly image?: string;
  readonly hostname?: string;
  readonly subdomain?: string;
  readonly hostNetwork?: boolean;
  readonly dnsPolicy?: string;
  readonly dnsConfig?: unknown;
}

export function pod(name: string, o: PodOpts = {}): Pod {
  const container: Container = {
    name: 'main', image: o.image ?? 'busybox', imagePullPolicy: 'IfNotPresent',
    terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    ...(o.ports ? { ports: o.ports.map((p) => ({ protocol: 'TCP', ...p })) } : {}),
  };
  const ready = o.ready ?? true;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { ...meta(name, o.ns ?? 'default', o.labels), ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}) },
    spec: {
      containers: [container], restartPolicy: 'Always', terminationGracePeriodSeconds: 30,
      dnsPolicy: o.dnsPolicy ?? 'ClusterFirst', schedulerName: 'default-scheduler', nodeName: o.node ?? 'k8s-node1',
      ...(o.hostname ? { hostname: o.hostname } : {}), ...(o.subdomain ? { subdomain: o.subdomain } : {}),
      ...(o.hostNetwork ? { hostNetwork: true } : {}),
      ...(o.dnsConfig ? { dnsConfig: o.dnsConfig } : {}),
    } as Pod['spec'],
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
    },
  };
}

export interface ServiceOpts {
  readonly ns?: string;
  readonly selector?: Labels;
  readonly type?: Service['spec']['type'];
  readonly clusterIP?: string;
  readonly ports?: readonly Partial<ServicePort>[];
  readonly publishNotReadyAddresses?: boolean;
  readonly externalName?: string;
  readonly sessionAffinity?: string;
  readonly labels?: Labels;
}

export function service(name: string, o: ServiceOpts = {}): Service {
  const ports = (o.ports ?? [{ port: 80 }]).map((p) => ({ protocol: 'TCP', targetPort: p.port ?? 80, port: 80, ...p })) as ServicePort[];
  return {
    apiVersion: 'v1', kind: 'Service', metadata: meta(name, o.ns ?? 'default', o.labels),
    spec: {
      type: o.type ?? 'ClusterIP',
      ...(o.selector ? { selector: o.selector } : {}),
      ...(o.type === 'ExternalName' ? {} : { ports }),
      ...(o.clusterIP ? { clusterIP: o.clusterIP, clusterIPs: [o.clusterIP] } : {}),
      ...(o.externalName ? { externalName: o.externalName } : {}),
      ...(o.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
      sessionAffinity: o.sessionAffinity ?? 'None',
    },
    status: {},
  };
}

export function namespace(name: string, labels?: Labels): Namespace {
  return {
    apiVersion: 'v1', kind: 'Namespace', metadata: meta(name, undefined, { 'kubernetes.io/metadata.name': name, ...labels }),
    spec: {}, status: { phase: 'Active' },
  };
}

export function node(name: string, ip: string, podCIDR?: string): Node {
  return {
    apiVersion: 'v1', kind: 'Node', metadata: meta(name, undefined, { 'kubernetes.io/hostname': name }),
    spec: podCIDR ? { podCIDR } : {},
    status: { capacity: {}, allocatable: {}, conditions: [], addresses: [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }], nodeInfo: {} },
  };
}

export function networkPolicy(name: string, spec: Record<string, unknown>, ns = 'default'): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: meta(name, ns), spec };
}

/** A ClusterView over these objects (nowMs 0). */
export function viewWith(objects: readonly KubeObject[], config: Partial<ClusterConfig> & { network?: NetworkPlugin } = {}, nowMs = 0): ClusterView {
  const draft = Store.empty().edit();
  for (const o of objects) draft.put(o);
  const store = draft.seal();
  return viewOver(store, nowMs, { ...DEFAULT_CONFIG, ...config }, { nodes: new Map(), pods: new Map(), images: new Map(), proxy: new Map(), taintEvictions: new Map(), access: new Map() });
}

/** Adds the Endpoints the endpoint controller would write for every Service with a selector. */
export function withEndpoints(objects: readonly KubeObject[]): KubeObject[] {
  const pods = objects.filter((o): o is Pod => o.kind === 'Pod');
  const out = [...objects];
  for (const o of objects) {
    if (o.kind !== 'Service') continue;
    const svc = o as Service;
    if (svc.spec.selector === undefined) continue;
    const selected = pods.filter((p) => p.metadata.namespace === svc.metadata.namespace
      && Object.entries(svc.spec.selector!).every(([k, v]) => p.metadata.labels?.[k] === v));
    const subsets = computeSubsets(svc, selected);
    out.push({ apiVersion: 'v1', kind: 'Endpoints', metadata: { ...svc.metadata, labels: undefined, uid: `ep-${svc.metadata.uid}` }, ...(subsets.length ? { subsets } : {}) });
  }
  return out;
}

/** A small kubeadm-like cluster: two nodes, CoreDNS behind kube-dns 10.96.0.10, the `kubernetes` Service. */
export function baseCluster(): KubeObject[] {
  return [
    namespace('default'), namespace('kube-system'),
    node('k8s-master', '192.168.56.100', '10.244.0.0/24'),
    node('k8s-node1', '192.168.56.101', '10.244.1.0/24'),
    node('k8s-node2', '192.168.56.102', '10.244.2.0/24'),
    service('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, targetPort: 6443 }] }),
    service('kube-dns', {
      ns: 'kube-system', clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' },
      ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 }],
    }),
    pod('coredns-a', { ns: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.0.2', node: 'k8s-master', image: 'registry.k8s.io/coredns/coredns:v1.11.1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }] }),
    pod('coredns-b', { ns: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.0.3', node: 'k8s-master', image: 'registry.k8s.io/coredns/coredns:v1.11.1', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53 }] }),
  ];
}
