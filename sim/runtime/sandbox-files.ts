import type { Pod } from '../api/types';
import { formatResolvConf, podResolvConf } from '../network/resolv-conf';
import { treeOf, type Mount, type Tree } from './fs';

// The files the kubelet writes for a Pod's sandbox and bind-mounts into every container:
// /etc/resolv.conf (pkg/kubelet/network/dns GetPodDNS), /etc/hosts (kubelet_pods.go
// managedHostsFileContent) and /etc/hostname. Built once per Pod object (Pods are immutable).

const LOOPBACK_HOSTS = [
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::0\tip6-localnet',
  'fe00::0\tip6-mcastprefix',
  'fe00::1\tip6-allnodes',
  'fe00::2\tip6-allrouters',
];

export const SANDBOX_STORE = 'sandbox';

export const SANDBOX_MOUNTS: readonly Mount[] = ['resolv.conf', 'hosts', 'hostname'].map((f) => ({
  path: `/etc/${f}`, store: SANDBOX_STORE, base: `/${f}`, readOnly: false,
}));

const treesByPod = new WeakMap<Pod, Tree>();

export function sandboxTree(pod: Pod): Tree {
  let tree = treesByPod.get(pod);
  if (tree === undefined) {
    const hostname = pod.spec.hostname ?? pod.metadata.name;
    tree = treeOf({ '/resolv.conf': formatResolvConf(podResolvConf(pod)), '/hosts': hostsFile(pod, hostname), '/hostname': `${hostname}\n` });
    treesByPod.set(pod, tree);
  }
  return tree;
}

/** managedHostsFileContent: loopback entries, then the Pod's own name (with its subdomain FQDN, if any). */
function hostsFile(pod: Pod, hostname: string): string {
  if (pod.spec.hostNetwork) return `# Kubernetes-managed hosts file (host network).\n${LOOPBACK_HOSTS.join('\n')}\n`;
  const lines = ['# Kubernetes-managed hosts file.', ...LOOPBACK_HOSTS];
  const ip = pod.status?.podIP;
  if (ip !== undefined) {
    const ns = pod.metadata.namespace ?? 'default';
    lines.push(pod.spec.subdomain ? `${ip}\t${hostname}.${pod.spec.subdomain}.${ns}.svc.cluster.local\t${hostname}` : `${ip}\t${hostname}`);
  }
  return `${lines.join('\n')}\n`;
}
