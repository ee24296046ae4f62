// Helm's releaseutil.InstallOrder and UninstallOrder (kind_sorter.go): kinds a release's objects are
// created and deleted in; unknown kinds go last, alphabetically; the same kind keeps its order.

export const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role',
  'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
  'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
];

export const UNINSTALL_ORDER = [
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'APIService', 'Ingress', 'IngressClass', 'Service',
  'CronJob', 'Job', 'StatefulSet', 'HorizontalPodAutoscaler', 'Deployment', 'ReplicaSet', 'ReplicationController', 'Pod',
  'DaemonSet', 'RoleBindingList', 'RoleBinding', 'RoleList', 'Role', 'ClusterRoleBindingList', 'ClusterRoleBinding',
  'ClusterRoleList', 'ClusterRole', 'CustomResourceDefinition', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass',
  'ConfigMap', 'SecretList', 'Secret', 'ServiceAccount', 'PodDisruptionBudget', 'PodSecurityPolicy', 'LimitRange',
  'ResourceQuota', 'NetworkPolicy', 'Namespace', 'PriorityClass',
];

/** lessByKind as a stable sort. */
export function sortByKind<T>(items: readonly T[], kindOf: (t: T) => string, order: readonly string[]): T[] {
  const rank = new Map(order.map((k, i) => [k, i]));
  return items.map((t, i) => ({ t, i })).sort((a, b) => {
    const ka = kindOf(a.t);
    const kb = kindOf(b.t);
    const ra = rank.get(ka);
    const rb = rank.get(kb);
    if (ra === undefined && rb === undefined) return ka !== kb ? (ka < kb ? -1 : 1) : a.i - b.i;
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra !== rb ? ra - rb : a.i - b.i;
  }).map((x) => x.t);
}
