import type { Cluster, NetworkPlugin, ClusterView, ProxyMode } from '../engine/types';
import type { Node, Pod } from '../api/types';
import { emptyCluster } from '../engine/loop';
import { isoAt } from '../engine/transaction';
import { applyManifests, advanceUntil, submit } from '../index';
import { kindInfo } from '../api/kinds';
import '../api/kinds/index';
// The RBAC kinds (registered with the add-on kinds), for the bootstrap policy below.
import '../metrics/kinds';
import { NAMESPACES_YAML } from './manifests/namespaces';
import { COREDNS_IMAGE, COREDNS_YAML, KUBE_DNS_SERVICE_YAML, KUBE_PROXY_IMAGE, KUBE_PROXY_YAML, KUBERNETES_SERVICE_YAML } from './manifests/kubeadm-addons';
import { FLANNEL_YAML } from './manifests/flannel';
import { CALICO_YAML, CANAL_YAML } from './manifests/calico';
import { registerNode } from './node-object';
import { kubeProxyConfigMapYaml } from '../network/kube-proxy-config';
import { CONTROL_PLANE_COMPONENTS, controlPlaneImage, staticPod } from './static-pods';
import { parseImageRef } from '../runtime/image-behaviours';
import { apiServerRbacObjects, kubeadmRbacObjects } from './manifests/rbac/objects';
import { apiServerConfigMaps } from './manifests/apiserver-configmaps';
import { controllerServiceAccountObjects } from './manifests/controller-service-accounts';
import { kubeadmConfigObjects } from './manifests/kubeadm-configmaps';
import type { KubeObject } from '../api/types';
import { systemPriorityClasses } from '../scheduling/priority-class';
import { controlPlaneLeases } from '../coordination/control-plane-leases';

// A kubeadm-like cluster, as the book installs it: `kubeadm init` on k8s-master (static control
// plane Pods, kube-proxy, CoreDNS, the kubernetes and kube-dns Services), `kubeadm join` on each
// worker, then the Pod network add-on. Virtual time then runs until every Pod is Running and Ready
// (or, without a Pod network, Pending as unschedulable), at most BOOTSTRAP_LIMIT_MS: the cluster
// "was installed before" and starts at that instant.

export const CONTROL_PLANE_NODE = 'k8s-master';
export const BOOTSTRAP_LIMIT_MS = 10 * 60_000;

/** `kubeadm config images list` (the pause image aside: the simulator has no sandbox image). */
const KUBEADM_IMAGES: readonly string[] = [...CONTROL_PLANE_COMPONENTS.map(controlPlaneImage), KUBE_PROXY_IMAGE, COREDNS_IMAGE];

export interface BootstrapOptions {
  /** Worker nodes (default 2), named k8s-node1, k8s-node2, ... */
  readonly nodes?: number;
  readonly network?: NetworkPlugin;
  /** kube-proxy's mode (kubeadm's KubeProxyConfiguration `mode`; default iptables). */
  readonly proxyMode?: ProxyMode;
  readonly seed?: number;
  readonly recordTrace?: boolean;
  /** Worker names instead of k8s-node<i> (their number wins over `nodes`). */
  readonly nodeNames?: readonly string[];
  /** ClusterConfig.probeTickBatching (default true). */
  readonly probeTickBatching?: boolean;
}

const CNI_MANIFESTS: Readonly<Record<Exclude<NetworkPlugin, 'none'>, { readonly yaml: string; readonly source: string }>> = {
  flannel: { yaml: FLANNEL_YAML, source: 'kube-flannel.yml' },
  calico: { yaml: CALICO_YAML, source: 'calico.yaml' },
  canal: { yaml: CANAL_YAML, source: 'canal.yaml' },
};

function must(step: string, result: { cluster: Cluster; errors: readonly string[] }): Cluster {
  if (result.errors.length > 0) {
    throw new Error(`bootstrapCluster: ${step} was refused: ${result.errors.join('; ')}; this is a simulator bug, please report it`);
  }
  return result.cluster;
}

export function workerNames(opts: BootstrapOptions): string[] {
  if (opts.nodeNames !== undefined) return [...opts.nodeNames];
  const n = opts.nodes ?? 2;
  return Array.from({ length: n }, (_, i) => `k8s-node${i + 1}`);
}

/** How many Pods the installed cluster runs: control plane, kube-proxy and CNI per node, CoreDNS. */
export function expectedPodCount(nodes: number, network: NetworkPlugin): number {
  const cni = network === 'none' ? 0 : nodes + (network === 'flannel' ? 0 : 1);
  return CONTROL_PLANE_COMPONENTS.length + nodes + cni + 2;
}

/** Every Pod Running and Ready, or waiting as unschedulable; none being deleted. */
export function clusterSettled(view: ClusterView, expectedPods: number): boolean {
  let n = 0;
  for (const ns of view.namespacesOf('Pod')) {
    for (const pod of view.list<Pod>('Pod', ns)) {
      n++;
      if (pod.metadata.deletionTimestamp !== undefined) return false;
      const conditions = pod.status?.conditions ?? [];
      if (!pod.spec.nodeName) {
        if (conditions.some((c) => c.type === 'PodScheduled' && c.status === 'False')) continue;
        return false;
      }
      if (pod.status?.phase !== 'Running' || !conditions.some((c) => c.type === 'Ready' && c.status === 'True')) return false;
    }
  }
  return n >= expectedPods;
}

export function bootstrapCluster(opts: BootstrapOptions = {}): Cluster {
  const network = opts.network ?? 'flannel';
  const proxyMode = opts.proxyMode ?? 'iptables';
  let cluster = emptyCluster({ seed: opts.seed ?? 0, network, proxyMode, recordTrace: opts.recordTrace ?? true, ...(opts.probeTickBatching === false ? { probeTickBatching: false } : {}) });
  const iso = () => isoAt(cluster.config.epochMs, cluster.nowMs);

  cluster = must('creating the namespaces', applyManifests(cluster, NAMESPACES_YAML, { mode: 'create', source: 'kubeadm' }));
  const creates = (objects: readonly KubeObject[]) => objects.map((object) => ({ verb: 'create' as const, object }));
  // The API server's start-up: its bootstrap RBAC policy and its kube-system ConfigMaps.
  cluster = must('bootstrapping the RBAC policy', submit(cluster, creates([...apiServerRbacObjects(), ...apiServerConfigMaps(cluster.config.seed, iso())]), 'kube-apiserver'));
  // The API server's post-start hook creates the built-in PriorityClasses (AddSystemPriorityClasses).
  cluster = must('creating the system PriorityClasses', submit(cluster, systemPriorityClasses().map((object) => ({ verb: 'create' as const, object })), 'kube-apiserver'));

  const names = [CONTROL_PLANE_NODE, ...workerNames(opts)];
  // A kubeadm cluster's kubelets were set up well before the user's first command (bootstrap only
  // compresses that into a few virtual seconds): Pods applied later get no probe start-up jitter,
  // which worker.go draws only when the kubelet started less than a probe period before.
  const registrations = names.flatMap((name, index) => registerNode(name, { index, controlPlane: index === 0 }, cluster.nowMs, iso(), undefined, null));
  cluster = must('registering the nodes', submit(cluster, registrations, 'kubelet'));
  // kubeadm init's preflight pulls the images of `kubeadm config images list` on the control-plane
  // node before it starts the kubelet: its Pods find them "already present on machine".
  const masterRow = cluster.tables.nodes.get(CONTROL_PLANE_NODE)!;
  const prePulled = new Set([...masterRow.images, ...KUBEADM_IMAGES.map((image) => parseImageRef(image).canonical)]);
  cluster = must('pulling the kubeadm images', submit(cluster, [{ verb: 'runtime', table: 'nodes', key: CONTROL_PLANE_NODE, value: { ...masterRow, images: prePulled } }], 'kubeadm'));

  const master = cluster.store.get<Node>('Node', '', CONTROL_PLANE_NODE)!;
  const ip = master.status.addresses.find((a) => a.type === 'InternalIP')!.address;
  const podInfo = kindInfo('Pod');
  const staticPods = CONTROL_PLANE_COMPONENTS.map((c) => staticPod(c, master, ip, iso()));
  cluster = must('creating the control-plane Pods', submit(cluster,
    staticPods.map((p) => ({ verb: 'create' as const, object: podInfo !== undefined ? podInfo.defaults(p) : p })), 'kubelet'));
  // The control plane's leader-election and identity Leases (sim/coordination/control-plane-leases.ts).
  cluster = must('electing the control plane leaders', submit(cluster, controlPlaneLeases(CONTROL_PLANE_NODE, cluster.config.epochMs, cluster.nowMs).map((object) => ({ verb: 'create' as const, object })), 'kube-controller-manager'));

  // The controller-manager's controllers, each with its own ServiceAccount.
  cluster = must('starting the controller-manager', submit(cluster, creates(controllerServiceAccountObjects()), 'kube-controller-manager'));

  // --pod-network-cidr=10.244.0.0/16, as the book's kubeadm init gives it for flannel.
  const podSubnet = '10.244.0.0/16';
  // kubeadm init's upload-config, bootstrap-token and addon phases: its ConfigMaps, token and RBAC.
  const kubeadmObjects = kubeadmConfigObjects({
    seed: cluster.config.seed, kubernetesVersion: cluster.config.kubernetesVersion, server: `https://${ip}:6443`, podSubnet, nowMs: cluster.config.epochMs + cluster.nowMs,
  });
  cluster = must('uploading the kubeadm configuration', submit(cluster, creates([...kubeadmObjects, ...kubeadmRbacObjects()]), 'kubeadm'));
  const proxyConfig = kubeProxyConfigMapYaml({ mode: proxyMode, server: `https://${ip}:6443`, clusterCIDR: podSubnet });
  const addons = [KUBERNETES_SERVICE_YAML, KUBE_DNS_SERVICE_YAML, proxyConfig, KUBE_PROXY_YAML, COREDNS_YAML].join('---\n');
  cluster = must('installing the kubeadm add-ons', applyManifests(cluster, addons, { mode: 'create', source: 'kubeadm' }));

  if (network !== 'none') {
    const cni = CNI_MANIFESTS[network];
    // kubectl applies a file's documents one by one, so the namespace exists before what lives in it.
    for (const doc of cni.yaml.split(/^---\n/m)) {
      cluster = must(`installing ${network}`, applyManifests(cluster, doc, { mode: 'apply', source: cni.source }));
    }
  }

  const expected = expectedPodCount(names.length, network);
  return advanceUntil(cluster, BOOTSTRAP_LIMIT_MS, (view) => clusterSettled(view, expected)).cluster;
}
