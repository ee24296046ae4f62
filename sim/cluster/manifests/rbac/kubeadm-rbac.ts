import { rule, type PolicyRule } from './rule';
import { group, serviceAccount, type RoleBindingData, type RoleData } from './namespace-roles';

// The RBAC objects `kubeadm init` creates (cmd/kubeadm/app/phases/...): kubeconfig's
// kubeadm:cluster-admins group (kubeconfig.EnsureAdminClusterRoleBinding), the bootstrap-token
// groups' rights to join (bootstraptoken/node: AllowBootstrapTokensToPostCSRs,
// AllowBootstrapTokensToGetNodes, AutoApproveNodeBootstrapTokens, AutoApproveNodeCertificateRotation),
// the anonymous read of kube-public/cluster-info (bootstraptoken/clusterinfo), reading the
// kubeadm-config and kubelet-config ConfigMaps (uploadconfig, kubelet), and the add-ons' rights
// (addons/proxy: kubeadm:node-proxier, Role kube-proxy; addons/dns: system:coredns). They carry
// no labels or annotations.

const BOOTSTRAPPERS = 'system:bootstrappers:kubeadm:default-node-token';
const NODES = 'system:nodes';

export interface KubeadmClusterRole { readonly name: string; readonly rules: readonly PolicyRule[] }

export const KUBEADM_CLUSTER_ROLES: readonly KubeadmClusterRole[] = [
  { name: 'kubeadm:get-nodes', rules: [rule('get', '', 'nodes')] },
  // cmd/kubeadm/app/phases/addons/dns/manifests.go CoreDNSClusterRole.
  { name: 'system:coredns', rules: [rule('list,watch', '', 'endpoints,services,pods,namespaces'), rule('list,watch', 'discovery.k8s.io', 'endpointslices')] },
];

const crb = (name: string, role: string, ...subjects: RoleBindingData['subjects']): RoleBindingData => ({ name, roleKind: 'ClusterRole', role, subjects });

export const KUBEADM_CLUSTER_ROLE_BINDINGS: readonly RoleBindingData[] = [
  crb('kubeadm:cluster-admins', 'cluster-admin', group('kubeadm:cluster-admins')),
  crb('kubeadm:get-nodes', 'kubeadm:get-nodes', group(BOOTSTRAPPERS)),
  crb('kubeadm:kubelet-bootstrap', 'system:node-bootstrapper', group(BOOTSTRAPPERS)),
  crb('kubeadm:node-autoapprove-bootstrap', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', group(BOOTSTRAPPERS)),
  crb('kubeadm:node-autoapprove-certificate-rotation', 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', group(NODES)),
  crb('kubeadm:node-proxier', 'system:node-proxier', serviceAccount('kube-system', 'kube-proxy')),
  crb('system:coredns', 'system:coredns', serviceAccount('kube-system', 'coredns')),
];

export const KUBEADM_ROLES: readonly RoleData[] = [
  { namespace: 'kube-public', name: 'kubeadm:bootstrap-signer-clusterinfo', rules: [rule('get', '', 'configmaps', 'cluster-info')] },
  { namespace: 'kube-system', name: 'kube-proxy', rules: [rule('get', '', 'configmaps', 'kube-proxy')] },
  { namespace: 'kube-system', name: 'kubeadm:kubelet-config', rules: [rule('get', '', 'configmaps', 'kubelet-config')] },
  { namespace: 'kube-system', name: 'kubeadm:nodes-kubeadm-config', rules: [rule('get', '', 'configmaps', 'kubeadm-config')] },
];

const rb = (namespace: string, name: string, ...subjects: RoleBindingData['subjects']): RoleBindingData => ({ namespace, name, roleKind: 'Role', role: name, subjects });

export const KUBEADM_ROLE_BINDINGS: readonly RoleBindingData[] = [
  rb('kube-public', 'kubeadm:bootstrap-signer-clusterinfo', { kind: 'User', name: 'system:anonymous' }),
  rb('kube-system', 'kube-proxy', group(BOOTSTRAPPERS)),
  rb('kube-system', 'kubeadm:kubelet-config', group(NODES), group(BOOTSTRAPPERS)),
  rb('kube-system', 'kubeadm:nodes-kubeadm-config', group(BOOTSTRAPPERS), group(NODES)),
];
