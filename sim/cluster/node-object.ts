import type { Node, Taint } from '../api/types';
import type { Change, NodeRuntime } from '../engine/types';
import type { KubeletNodeFields } from '../kubelet/sync';
import { kubeletConditions } from '../controllers/node-lifecycle/node-status';
import { stableHex } from '../api/stable-hex';

// A Node as the kubelet registers it (kubelet_node_status.go initialNode + the status setters),
// and the kubelet's start-up events. Names, IPs and CIDRs follow the book's kubeadm cluster:
// k8s-master 192.168.56.100, k8s-node1 .101, ...; podCIDR 10.244.<i>.0/24 (master i = 0).

export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
export const CONTROL_PLANE_TAINT: Taint = { key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' };
export const KUBELET_VERSION = 'v1.34.0';

export interface NodeOptions {
  readonly index: number;
  readonly controlPlane?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

/** 192.168.56.100 + index, carrying into the next octets past .255. */
export function nodeIp(index: number): string {
  const n = (192 << 24 >>> 0) + (168 << 16) + (56 << 8) + 100 + index;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** 10.244.<index>.0/24, carrying into the second octet past 255 nodes. */
export function podCidr(index: number): string {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}

/** The node index an InternalIP stands for (inverse of nodeIp), or undefined. */
export function indexOfIp(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p))) return undefined;
  const n = ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
  const base = ((192 << 24) >>> 0) + (168 << 16) + (56 << 8) + 100;
  return n >= base ? n - base : undefined;
}

export function kubeletNode(name: string, opts: NodeOptions, nowIso: string): Node {
  const roleLabels: Record<string, string> = opts.controlPlane
    ? { [CONTROL_PLANE_LABEL]: '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {};
  const cidr = podCidr(opts.index);
  const machine = stableHex(name, 32);
  const taints: Taint[] = [
    ...(opts.controlPlane ? [CONTROL_PLANE_TAINT] : []),
    // The kubelet registers a node not-ready until it posts Ready.
    { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
  ];
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: {
      name, uid: '', resourceVersion: '', creationTimestamp: '',
      labels: {
        'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
        ...roleLabels, ...opts.labels,
      },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cidr, podCIDRs: [cidr], taints } as Node['spec'],
    status: {
      capacity: { cpu: '2', 'ephemeral-storage': '19475088Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '4030792Ki', pods: '110' },
      // capacity minus the default hard eviction thresholds (memory.available<100Mi, nodefs.available<10%)
      allocatable: { cpu: '2', 'ephemeral-storage': '17948241072', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '3928392Ki', pods: '110' },
      conditions: kubeletConditions([], undefined, nowIso),
      addresses: [{ type: 'InternalIP', address: nodeIp(opts.index) }, { type: 'Hostname', address: name }],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } }, // the kubelet's own port: it is a host process, not a Pod
      nodeInfo: {
        architecture: 'amd64', bootID: `${machine.slice(0, 8)}-${machine.slice(8, 12)}-${machine.slice(12, 16)}-${machine.slice(16, 20)}-${machine.slice(20, 32)}`,
        containerRuntimeVersion: 'containerd://1.7.27', kernelVersion: '6.8.0-60-generic', kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION, machineID: stableHex(`${name}/machine`, 32), operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.2 LTS', systemUUID: stableHex(`${name}/uuid`, 32),
      },
    },
  };
}

/**
 * The kubelet's row: alive, lease renewals counted from now; started at kubeletStartMs (for its probe
 * workers' start-up jitter; null: long before anything it will run).
 */
export function aliveRow(nowMs: number, previous?: NodeRuntime, kubeletStartMs: number | null = nowMs): NodeRuntime {
  const row: NodeRuntime & KubeletNodeFields = { ...(previous ?? { images: new Set<string>() }), alive: true, lastHeartbeatMs: nowMs, kubeletStartMs: kubeletStartMs ?? undefined };
  return row;
}

/** Events a kubelet records when it starts and registers its node, and the node controller's RegisteredNode. */
export function registrationEvents(name: string): Change[] {
  const ref = { kind: 'Node', namespace: '', name, uid: name };
  const ev = (reason: string, message: string, source = 'kubelet'): Change => ({ verb: 'event', ref, type: 'Normal', reason, message, source });
  return [
    ev('Starting', 'Starting kubelet.'),
    ev('NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`),
    ev('NodeHasNoDiskPressure', `Node ${name} status is now: NodeHasNoDiskPressure`),
    ev('NodeHasSufficientPID', `Node ${name} status is now: NodeHasSufficientPID`),
    ev('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'),
    ev('RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, 'node-controller'),
  ];
}

/** The Changes that register a node: the Node object, the kubelet's runtime row, its events. */
export function registerNode(name: string, opts: NodeOptions, nowMs: number, nowIso: string, previous?: NodeRuntime, kubeletStartMs: number | null = nowMs): Change[] {
  return [
    { verb: 'create', object: kubeletNode(name, opts, nowIso) },
    { verb: 'runtime', table: 'nodes', key: name, value: aliveRow(nowMs, previous, kubeletStartMs) },
    ...registrationEvents(name),
  ];
}
