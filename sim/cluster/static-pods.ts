import type { Container, Node, Pod } from '../api/types';
import { KUBELET_VERSION } from './node-object';

// The control plane kubeadm writes to /etc/kubernetes/manifests on the control-plane node, as the
// kubelet mirrors them into the API: Pods <component>-<node> in kube-system, bound to the node,
// hostNetwork, owned by the Node, priority system-node-critical, tolerating every NoExecute taint.
// (kubeadm's probes and hostPath volumes for certificates and etcd data are left out.)

export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.4-0';
export const CONTROL_PLANE_COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'] as const;
/** scheduling.SystemCriticalPriority + 1000: the system-node-critical PriorityClass. */
export const SYSTEM_NODE_CRITICAL = 2_000_001_000;

function commandOf(component: string, ip: string): string[] {
  switch (component) {
    case 'etcd': return ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--name=k8s-master'];
    case 'kube-apiserver': return ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--enable-admission-plugins=NodeRestriction', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/12'];
    case 'kube-controller-manager': return ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/12', '--use-service-account-credentials=true'];
    default: return ['kube-scheduler', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'];
  }
}

const CPU: Readonly<Record<string, string>> = { etcd: '100m', 'kube-apiserver': '250m', 'kube-controller-manager': '200m', 'kube-scheduler': '100m' };

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(4);
}

/** The image kubeadm runs a control-plane component from. */
export function controlPlaneImage(component: string): string {
  return component === 'etcd' ? ETCD_IMAGE : `registry.k8s.io/${component}:${KUBELET_VERSION}`;
}

/** The mirror Pod of one control-plane component on `node` (before API defaulting). */
export function staticPod(component: string, node: Node, ip: string, seenIso: string): Pod {
  const nodeName = node.metadata.name;
  const image = controlPlaneImage(component);
  const container: Container = {
    name: component, image, imagePullPolicy: 'IfNotPresent', command: commandOf(component, ip),
    resources: { requests: { cpu: CPU[component], ...(component === 'etcd' ? { memory: '100Mi' } : {}) } },
    terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
  };
  const configHash = hash(`${component}/${nodeName}`);
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: `${component}-${nodeName}`, namespace: 'kube-system', uid: '', resourceVersion: '', creationTimestamp: '',
      labels: { component, tier: 'control-plane' },
      annotations: {
        ...(component === 'kube-apiserver' ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` } : {}),
        ...(component === 'etcd' ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` } : {}),
        'kubernetes.io/config.hash': configHash, 'kubernetes.io/config.mirror': configHash,
        'kubernetes.io/config.seen': seenIso, 'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid, controller: true }],
    },
    spec: {
      containers: [container], nodeName, hostNetwork: true,
      priorityClassName: 'system-node-critical', priority: SYSTEM_NODE_CRITICAL, preemptionPolicy: 'PreemptLowerPriority',
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30,
      enableServiceLinks: true, securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    } as Pod['spec'],
    status: { phase: 'Pending' },
  };
}
