import { EVENTS, READ, rule, type PolicyRule } from './rule';

// The kube-controller-manager's per-controller ClusterRoles, system:controller:<name>
// (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go ControllerRoles();
// transcribed from its testdata/controller-roles.yaml). Each is bound to the ServiceAccount
// kube-system/<name> (ControllerRoleBindings). Left out: device-taint-eviction-controller, added only
// with the DRADeviceTaints feature gate (alpha, off in v1.34).

export interface ControllerRoleData {
  /** The controller's name: the role is system:controller:<name>, the ServiceAccount <name>. */
  readonly name: string;
  readonly rules: readonly PolicyRule[];
}

const CRUD = 'create,delete,get,list,patch,update,watch';

export const CONTROLLER_ROLES: readonly ControllerRoleData[] = [
  {
    name: 'attachdetach-controller', rules: [
      rule('list,watch', '', 'persistentvolumeclaims,persistentvolumes'),
      rule(READ, '', 'nodes'),
      rule('patch,update', '', 'nodes/status'),
      rule('list,watch', '', 'pods'),
      EVENTS,
      rule('create,delete,get,list,watch', 'storage.k8s.io', 'volumeattachments'),
      rule(READ, 'storage.k8s.io', 'csidrivers'),
      rule(READ, 'storage.k8s.io', 'csinodes'),
    ],
  },
  {
    name: 'certificate-controller', rules: [
      rule('delete,get,list,watch', 'certificates.k8s.io', 'certificatesigningrequests'),
      rule('update', 'certificates.k8s.io', 'certificatesigningrequests/approval,certificatesigningrequests/status'),
      rule('approve', 'certificates.k8s.io', 'signers', 'kubernetes.io/kube-apiserver-client-kubelet'),
      rule('sign', 'certificates.k8s.io', 'signers', 'kubernetes.io/kube-apiserver-client,kubernetes.io/kube-apiserver-client-kubelet,kubernetes.io/kubelet-serving,kubernetes.io/legacy-unknown'),
      rule('create', 'authorization.k8s.io', 'subjectaccessreviews'),
      EVENTS,
    ],
  },
  { name: 'clusterrole-aggregation-controller', rules: [rule('escalate,get,list,patch,update,watch', 'rbac.authorization.k8s.io', 'clusterroles')] },
  {
    name: 'cronjob-controller', rules: [
      rule('get,list,update,watch', 'batch', 'cronjobs'),
      rule(CRUD, 'batch', 'jobs'),
      rule('update', 'batch', 'cronjobs/status'),
      rule('update', 'batch', 'cronjobs/finalizers'),
      rule('delete,list,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'daemon-set-controller', rules: [
      rule(READ, 'apps,extensions', 'daemonsets'),
      rule('update', 'apps,extensions', 'daemonsets/status'),
      rule('update', 'apps,extensions', 'daemonsets/finalizers'),
      rule('list,watch', '', 'nodes'),
      rule('create,delete,list,patch,watch', '', 'pods'),
      rule('create', '', 'pods/binding'),
      rule(CRUD, 'apps', 'controllerrevisions'),
      EVENTS,
    ],
  },
  {
    name: 'deployment-controller', rules: [
      rule('get,list,update,watch', 'apps,extensions', 'deployments'),
      rule('update', 'apps,extensions', 'deployments/status'),
      rule('update', 'apps,extensions', 'deployments/finalizers'),
      rule(CRUD, 'apps,extensions', 'replicasets'),
      rule('get,list,update,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'disruption-controller', rules: [
      rule(READ, 'apps,extensions', 'deployments'),
      rule(READ, 'apps,extensions', 'replicasets'),
      rule(READ, '', 'replicationcontrollers'),
      rule(READ, 'policy', 'poddisruptionbudgets'),
      rule(READ, 'apps', 'statefulsets'),
      rule('update', 'policy', 'poddisruptionbudgets/status'),
      rule('patch,update', '', 'pods/status'),
      rule('get', '*', '*/scale'),
      EVENTS,
    ],
  },
  {
    name: 'endpoint-controller', rules: [
      rule(READ, '', 'pods,services'),
      rule('create,delete,get,list,update,watch', '', 'endpoints'),
      rule('create', '', 'endpoints/restricted'),
      EVENTS,
    ],
  },
  {
    name: 'endpointslice-controller', rules: [
      rule(READ, '', 'nodes,pods,services'),
      rule('update', '', 'services/finalizers'),
      rule('create,delete,get,list,update,watch', 'discovery.k8s.io', 'endpointslices'),
      EVENTS,
    ],
  },
  {
    name: 'endpointslicemirroring-controller', rules: [
      rule(READ, '', 'endpoints,services'),
      rule('update', '', 'services/finalizers'),
      rule('update', '', 'endpoints/finalizers'),
      rule('create,delete,get,list,update,watch', 'discovery.k8s.io', 'endpointslices'),
      EVENTS,
    ],
  },
  {
    name: 'ephemeral-volume-controller', rules: [
      rule(READ, '', 'pods'),
      rule('update', '', 'pods/finalizers'),
      rule('create,get,list,watch', '', 'persistentvolumeclaims'),
      EVENTS,
    ],
  },
  {
    name: 'expand-controller', rules: [
      rule('get,list,patch,update,watch', '', 'persistentvolumes'),
      rule('patch,update', '', 'persistentvolumeclaims/status'),
      rule(READ, '', 'persistentvolumeclaims'),
      EVENTS,
    ],
  },
  { name: 'generic-garbage-collector', rules: [rule('delete,get,list,patch,update,watch', '*', '*'), EVENTS] },
  {
    name: 'horizontal-pod-autoscaler', rules: [
      rule(READ, 'autoscaling', 'horizontalpodautoscalers'),
      rule('update', 'autoscaling', 'horizontalpodautoscalers/status'),
      rule('get,update', '*', '*/scale'),
      rule('list,watch', '', 'pods'),
      rule('list,watch', 'metrics.k8s.io', 'pods'),
      rule(READ, 'custom.metrics.k8s.io', '*'),
      rule(READ, 'external.metrics.k8s.io', '*'),
      EVENTS,
    ],
  },
  {
    name: 'job-controller', rules: [
      rule('get,list,patch,update,watch', 'batch', 'jobs'),
      rule('update', 'batch', 'jobs/status'),
      rule('update', 'batch', 'jobs/finalizers'),
      rule('create,delete,list,patch,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'legacy-service-account-token-cleaner', rules: [
      rule('get', '', 'configmaps', 'kube-apiserver-legacy-service-account-token-tracking'),
      rule('delete,patch', '', 'secrets'),
    ],
  },
  {
    name: 'namespace-controller', rules: [
      rule('delete,get,list,watch', '', 'namespaces'),
      rule('update', '', 'namespaces/finalize,namespaces/status'),
      rule('delete,deletecollection,get,list,watch', '*', '*'),
    ],
  },
  {
    name: 'node-controller', rules: [
      rule('delete,get,list,patch,update,watch', '', 'nodes'),
      rule('patch,update', '', 'nodes/status'),
      rule('patch,update', '', 'pods/status'),
      rule('delete,get,list,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'persistent-volume-binder', rules: [
      rule('create,delete,get,list,update,watch', '', 'persistentvolumes'),
      rule('update', '', 'persistentvolumes/status'),
      rule('get,list,update,watch', '', 'persistentvolumeclaims'),
      rule('update', '', 'persistentvolumeclaims/status'),
      rule('create,delete,get,list,watch', '', 'pods'),
      rule(READ, 'storage.k8s.io', 'storageclasses'),
      rule('list,watch', '', 'nodes'),
      EVENTS,
      rule('watch', '', 'events'),
    ],
  },
  { name: 'pod-garbage-collector', rules: [rule('delete,list,watch', '', 'pods'), rule(READ, '', 'nodes'), rule('patch', '', 'pods/status')] },
  { name: 'pv-protection-controller', rules: [rule('get,list,update,watch', '', 'persistentvolumes'), EVENTS] },
  {
    name: 'pvc-protection-controller', rules: [
      rule('get,list,update,watch', '', 'persistentvolumeclaims'),
      rule('update', '', 'persistentvolumeclaims/status'),
      rule(READ, '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'replicaset-controller', rules: [
      rule('get,list,update,watch', 'apps,extensions', 'replicasets'),
      rule('update', 'apps,extensions', 'replicasets/status'),
      rule('update', 'apps,extensions', 'replicasets/finalizers'),
      rule('create,delete,list,patch,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'replication-controller', rules: [
      rule('get,list,update,watch', '', 'replicationcontrollers'),
      rule('update', '', 'replicationcontrollers/status'),
      rule('update', '', 'replicationcontrollers/finalizers'),
      rule('create,delete,list,patch,watch', '', 'pods'),
      EVENTS,
    ],
  },
  {
    name: 'resource-claim-controller', rules: [
      rule(READ, '', 'pods'),
      rule('update', '', 'pods/finalizers'),
      rule('create,delete,get,list,watch', 'resource.k8s.io', 'resourceclaims'),
      rule('patch,update', 'resource.k8s.io', 'resourceclaims,resourceclaims/status'),
      rule('patch,update', '', 'pods/status'),
      EVENTS,
      rule('patch,update', 'resource.k8s.io', 'resourceclaims/binding'),
    ],
  },
  { name: 'resourcequota-controller', rules: [rule('list,watch', '*', '*'), rule('update', '', 'resourcequotas/status'), EVENTS] },
  { name: 'root-ca-cert-publisher', rules: [rule('create,update', '', 'configmaps'), EVENTS] },
  { name: 'route-controller', rules: [rule('list,watch', '', 'nodes'), rule('patch', '', 'nodes/status'), EVENTS] },
  {
    name: 'selinux-warning-controller', rules: [
      EVENTS,
      rule(READ, '', 'persistentvolumes'),
      rule(READ, '', 'persistentvolumeclaims'),
      rule(READ, '', 'pods'),
      rule(READ, 'storage.k8s.io', 'csidrivers'),
    ],
  },
  { name: 'service-account-controller', rules: [rule('create', '', 'serviceaccounts'), EVENTS] },
  {
    name: 'service-cidrs-controller', rules: [
      rule('get,list,patch,update,watch', 'networking.k8s.io', 'servicecidrs'),
      rule('patch,update', 'networking.k8s.io', 'servicecidrs/finalizers'),
      rule('patch,update', 'networking.k8s.io', 'servicecidrs/status'),
      rule(READ, 'networking.k8s.io', 'ipaddresses'),
      EVENTS,
    ],
  },
  {
    name: 'service-controller', rules: [
      rule(READ, '', 'services'),
      rule('patch,update', '', 'services/status'),
      rule('list,watch', '', 'nodes'),
      EVENTS,
    ],
  },
  {
    name: 'statefulset-controller', rules: [
      rule('list,watch', '', 'pods'),
      rule(READ, 'apps', 'statefulsets'),
      rule('update', 'apps', 'statefulsets/status'),
      rule('update', 'apps', 'statefulsets/finalizers'),
      rule('create,delete,get,patch,update', '', 'pods'),
      rule(CRUD, 'apps', 'controllerrevisions'),
      rule('create,get,list,watch', '', 'persistentvolumeclaims'),
      rule('delete,update', '', 'persistentvolumeclaims'),
      rule('update', '', 'pods/finalizers'),
      EVENTS,
    ],
  },
  { name: 'ttl-after-finished-controller', rules: [rule('delete,get,list,watch', 'batch', 'jobs'), EVENTS] },
  { name: 'ttl-controller', rules: [rule('list,patch,update,watch', '', 'nodes'), EVENTS] },
  {
    name: 'validatingadmissionpolicy-status-controller', rules: [
      rule(READ, 'admissionregistration.k8s.io', 'validatingadmissionpolicies'),
      rule('get,patch,update', 'admissionregistration.k8s.io', 'validatingadmissionpolicies/status'),
      EVENTS,
    ],
  },
  {
    name: 'volumeattributesclass-protection-controller', rules: [
      rule(READ, '', 'persistentvolumeclaims'),
      rule(READ, '', 'persistentvolumes'),
      rule('get,list,update,watch', 'storage.k8s.io', 'volumeattributesclasses'),
      EVENTS,
    ],
  },
];
