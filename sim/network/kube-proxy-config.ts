import type { ConfigMap } from '../config/types';
import type { Change, Cluster, ProxyMode } from '../engine/types';

// kube-proxy's configuration as kubeadm writes it: the ConfigMap kube-system/kube-proxy whose
// config.conf is the defaulted KubeProxyConfiguration (cmd/kubeadm/app/phases/addons/proxy
// manifests.go KubeProxyConfigMap19; componentconfigs/kubeproxy.go Default sets bindAddress,
// clusterCIDR from --pod-network-cidr and the kubeconfig path). `mode: ""` means the default,
// iptables on Linux. The simulated kube-proxy reads its mode from ClusterConfig.proxyMode, which
// this ConfigMap mirrors.

export interface KubeProxyConfigOptions {
  readonly mode: ProxyMode;
  /** https://<control-plane address>:6443 */
  readonly server: string;
  /** kubeadm init --pod-network-cidr */
  readonly clusterCIDR: string;
}

/** The KubeProxyConfiguration (v1alpha1) as kubeadm marshals it: JSON field names, keys sorted, zero values kept. */
export function kubeProxyConfigConf(o: KubeProxyConfigOptions): string {
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1
bindAddress: 0.0.0.0
bindAddressHardFail: false
clientConnection:
  acceptContentTypes: ""
  burst: 0
  contentType: ""
  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf
  qps: 0
clusterCIDR: ${o.clusterCIDR}
configSyncPeriod: 0s
conntrack:
  maxPerCore: null
  min: null
  tcpBeLiberal: false
  tcpCloseWaitTimeout: null
  tcpEstablishedTimeout: null
  udpStreamTimeout: 0s
  udpTimeout: 0s
detectLocal:
  bridgeInterface: ""
  interfaceNamePrefix: ""
detectLocalMode: ""
enableProfiling: false
healthzBindAddress: ""
hostnameOverride: ""
iptables:
  localhostNodePorts: null
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
ipvs:
  excludeCIDRs: null
  minSyncPeriod: 0s
  scheduler: ""
  strictARP: false
  syncPeriod: 0s
  tcpFinTimeout: 0s
  tcpTimeout: 0s
  udpTimeout: 0s
kind: KubeProxyConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
metricsBindAddress: ""
mode: ${modeValue(o.mode)}
nftables:
  masqueradeAll: false
  masqueradeBit: null
  minSyncPeriod: 0s
  syncPeriod: 0s
nodePortAddresses: null
oomScoreAdj: null
portRange: ""
showHiddenMetricsForVersion: ""
winkernel:
  enableDSR: false
  forwardHealthCheckVip: false
  networkName: ""
  rootHnsEndpointName: ""
  sourceVip: ""`;
}

/** kubeadm leaves mode empty unless the user configured one. */
function modeValue(mode: ProxyMode): string {
  return mode === 'iptables' ? '""' : mode;
}

const indent = (text: string) => text.split('\n').map((l) => `    ${l}`).join('\n');

/** The ConfigMap manifest kubeadm applies (KubeProxyConfigMap19). */
export function kubeProxyConfigMapYaml(o: KubeProxyConfigOptions): string {
  return `kind: ConfigMap
apiVersion: v1
metadata:
  name: kube-proxy
  namespace: kube-system
  labels:
    app: kube-proxy
data:
  kubeconfig.conf: |-
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt
        server: ${o.server}
      name: default
    contexts:
    - context:
        cluster: default
        namespace: default
        user: default
      name: default
    current-context: default
    users:
    - name: default
      user:
        tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token
  config.conf: |-
${indent(kubeProxyConfigConf(o))}
`;
}

/**
 * Switches kube-proxy's mode, as an admin would: edit `mode` in the kube-proxy ConfigMap and
 * restart the kube-proxy Pods, which start with fresh rules (no rr cursors, no affinity entries).
 * Returns the changes for the ConfigMap and the cleared proxy-table rows, and the new config.
 */
export function proxyModeChanges(cluster: Cluster, mode: ProxyMode): { readonly changes: Change[]; readonly config: Cluster['config'] } {
  const changes: Change[] = [];
  const cm = cluster.store.get<ConfigMap>('ConfigMap', 'kube-system', 'kube-proxy');
  const conf = cm?.data?.['config.conf'];
  if (cm !== undefined && conf !== undefined) {
    const next = conf.replace(/^mode: .*$/m, `mode: ${modeValue(mode)}`);
    if (next !== conf) changes.push({ verb: 'update', object: { ...cm, data: { ...cm.data, 'config.conf': next } } });
  }
  for (const key of cluster.tables.proxy.keys()) changes.push({ verb: 'runtime', table: 'proxy', key, value: undefined });
  return { changes, config: { ...cluster.config, proxyMode: mode } };
}
