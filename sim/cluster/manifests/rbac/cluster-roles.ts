import { READ, rule, urls, type PolicyRule } from './rule';

// The API server's bootstrap ClusterRoles (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go
// ClusterRoles(); transcribed from its testdata/cluster-roles.yaml), rules in the order given there,
// with the rules of the feature gates on by default in v1.34 as cluster-roles-featuregates.yaml
// places them (DRA, KubeletFineGrainedAuthz, MultiCIDRServiceAllocator; the alpha ones left out).
// admin, edit and view carry an aggregationRule and no rules of their own: the
// clusterrole-aggregation controller fills them in (./aggregate.ts).

export interface ClusterRoleData {
  readonly name: string;
  readonly rules: readonly PolicyRule[];
  /** Extra labels besides kubernetes.io/bootstrapping. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The aggregationRule's matchLabels key (value "true"). */
  readonly aggregateFrom?: string;
}

const AGG = 'rbac.authorization.k8s.io/aggregate-to-';
const WRITE = 'create,delete,deletecollection,patch,update';
const ALL = 'create,delete,deletecollection,get,list,patch,update,watch';
const CSR = 'certificates.k8s.io';
const signerApprover = (name: string, signer: string): ClusterRoleData => ({ name, rules: [rule('approve', CSR, 'signers', signer)] });

export const CLUSTER_ROLES: readonly ClusterRoleData[] = [
  { name: 'admin', rules: [], aggregateFrom: `${AGG}admin` },
  { name: 'cluster-admin', rules: [rule('*', '*', '*'), urls('*', '*')] },
  { name: 'edit', rules: [], labels: { [`${AGG}admin`]: 'true' }, aggregateFrom: `${AGG}edit` },
  {
    name: 'system:aggregate-to-admin', labels: { [`${AGG}admin`]: 'true' }, rules: [
      rule('create', 'authorization.k8s.io', 'localsubjectaccessreviews'),
      rule(ALL, 'rbac.authorization.k8s.io', 'rolebindings,roles'),
    ],
  },
  {
    name: 'system:aggregate-to-edit', labels: { [`${AGG}edit`]: 'true' }, rules: [
      rule(READ, '', 'pods/attach,pods/exec,pods/portforward,pods/proxy,secrets,services/proxy'),
      rule('impersonate', '', 'serviceaccounts'),
      rule(WRITE, '', 'pods,pods/attach,pods/exec,pods/portforward,pods/proxy'),
      rule('create', '', 'pods/eviction'),
      rule(WRITE, '', 'configmaps,events,persistentvolumeclaims,replicationcontrollers,replicationcontrollers/scale,secrets,serviceaccounts,services,services/proxy'),
      rule('create', '', 'serviceaccounts/token'),
      rule(WRITE, 'apps', 'daemonsets,deployments,deployments/rollback,deployments/scale,replicasets,replicasets/scale,statefulsets,statefulsets/scale'),
      rule(WRITE, 'autoscaling', 'horizontalpodautoscalers'),
      rule(WRITE, 'batch', 'cronjobs,jobs'),
      rule(WRITE, 'extensions', 'daemonsets,deployments,deployments/rollback,deployments/scale,ingresses,networkpolicies,replicasets,replicasets/scale,replicationcontrollers/scale'),
      rule(WRITE, 'policy', 'poddisruptionbudgets'),
      rule(WRITE, 'networking.k8s.io', 'ingresses,networkpolicies'),
      rule(ALL, 'coordination.k8s.io', 'leases'),
    ],
  },
  {
    name: 'system:aggregate-to-view', labels: { [`${AGG}view`]: 'true' }, rules: [
      rule(READ, '', 'configmaps,endpoints,persistentvolumeclaims,persistentvolumeclaims/status,pods,replicationcontrollers,replicationcontrollers/scale,serviceaccounts,services,services/status'),
      rule(READ, '', 'bindings,events,limitranges,namespaces/status,pods/log,pods/status,replicationcontrollers/status,resourcequotas,resourcequotas/status'),
      rule(READ, '', 'namespaces'),
      rule(READ, 'discovery.k8s.io', 'endpointslices'),
      rule(READ, 'apps', 'controllerrevisions,daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,replicasets,replicasets/scale,replicasets/status,statefulsets,statefulsets/scale,statefulsets/status'),
      rule(READ, 'autoscaling', 'horizontalpodautoscalers,horizontalpodautoscalers/status'),
      rule(READ, 'batch', 'cronjobs,cronjobs/status,jobs,jobs/status'),
      rule(READ, 'extensions', 'daemonsets,daemonsets/status,deployments,deployments/scale,deployments/status,ingresses,ingresses/status,networkpolicies,replicasets,replicasets/scale,replicasets/status,replicationcontrollers/scale'),
      rule(READ, 'policy', 'poddisruptionbudgets,poddisruptionbudgets/status'),
      rule(READ, 'networking.k8s.io', 'ingresses,ingresses/status,networkpolicies'),
    ],
  },
  { name: 'system:auth-delegator', rules: [rule('create', 'authentication.k8s.io', 'tokenreviews'), rule('create', 'authorization.k8s.io', 'subjectaccessreviews')] },
  {
    name: 'system:basic-user', rules: [
      rule('create', 'authorization.k8s.io', 'selfsubjectaccessreviews,selfsubjectrulesreviews'),
      rule('create', 'authentication.k8s.io', 'selfsubjectreviews'),
    ],
  },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:nodeclient', rules: [rule('create', CSR, 'certificatesigningrequests/nodeclient')] },
  { name: 'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', rules: [rule('create', CSR, 'certificatesigningrequests/selfnodeclient')] },
  signerApprover('system:certificates.k8s.io:kube-apiserver-client-approver', 'kubernetes.io/kube-apiserver-client'),
  signerApprover('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', 'kubernetes.io/kube-apiserver-client-kubelet'),
  signerApprover('system:certificates.k8s.io:kubelet-serving-approver', 'kubernetes.io/kubelet-serving'),
  signerApprover('system:certificates.k8s.io:legacy-unknown-approver', 'kubernetes.io/legacy-unknown'),
  { name: 'system:discovery', rules: [urls('get', '/api,/api/*,/apis,/apis/*,/healthz,/livez,/openapi,/openapi/*,/readyz,/version,/version/')] },
  { name: 'system:heapster', rules: [rule(READ, '', 'events,namespaces,nodes,pods'), rule(READ, 'extensions', 'deployments')] },
  { name: 'system:kube-aggregator', rules: [rule(READ, '', 'endpoints,services')] },
  {
    name: 'system:kube-controller-manager', rules: [
      rule('create,patch,update', ',events.k8s.io', 'events'),
      rule('create', 'coordination.k8s.io', 'leases'),
      rule('get,update', 'coordination.k8s.io', 'leases', 'kube-controller-manager'),
      rule('create', '', 'secrets,serviceaccounts'),
      rule('delete', '', 'secrets'),
      rule('get', '', 'configmaps,namespaces,secrets,serviceaccounts'),
      rule('update', '', 'secrets,serviceaccounts'),
      rule('create', 'authentication.k8s.io', 'tokenreviews'),
      rule('create', 'authorization.k8s.io', 'subjectaccessreviews'),
      rule('list,watch', '*', '*'),
      rule('create', '', 'serviceaccounts/token'),
    ],
  },
  { name: 'system:kube-dns', rules: [rule('list,watch', '', 'endpoints,services')] },
  {
    name: 'system:kube-scheduler', rules: [
      rule('create,patch,update', ',events.k8s.io', 'events'),
      rule('create', 'coordination.k8s.io', 'leases'),
      rule('get,update', 'coordination.k8s.io', 'leases', 'kube-scheduler'),
      rule(READ, '', 'nodes'),
      rule('delete,get,list,watch', '', 'pods'),
      rule('create', '', 'bindings,pods/binding'),
      rule('patch,update', '', 'pods/status'),
      rule(READ, '', 'replicationcontrollers,services'),
      rule(READ, 'apps,extensions', 'replicasets'),
      rule(READ, 'apps', 'statefulsets'),
      rule(READ, 'policy', 'poddisruptionbudgets'),
      rule(READ, '', 'persistentvolumeclaims,persistentvolumes'),
      rule('create', 'authentication.k8s.io', 'tokenreviews'),
      rule('create', 'authorization.k8s.io', 'subjectaccessreviews'),
      rule(READ, 'storage.k8s.io', 'csinodes'),
      rule(READ, '', 'namespaces'),
      rule(READ, 'storage.k8s.io', 'csidrivers'),
      rule(READ, 'storage.k8s.io', 'csistoragecapacities'),
      // DynamicResourceAllocation (GA and on in v1.34).
      rule(READ, 'resource.k8s.io', 'deviceclasses'),
      rule('get,list,patch,update,watch', 'resource.k8s.io', 'resourceclaims'),
      rule('get,list,patch,update,watch', 'resource.k8s.io', 'resourceclaims/status'),
      rule('get,list,patch,update,watch', '', 'pods/finalizers'),
      rule(READ, 'resource.k8s.io', 'resourceslices'),
    ],
  },
  {
    name: 'system:kubelet-api-admin', rules: [
      rule(READ, '', 'nodes'),
      rule('proxy', '', 'nodes'),
      rule('*', '', 'nodes/log,nodes/metrics,nodes/proxy,nodes/stats'),
      // KubeletFineGrainedAuthz (beta, on since v1.33).
      rule('*', '', 'nodes/configz,nodes/healthz,nodes/pods'),
    ],
  },
  { name: 'system:monitoring', rules: [urls('get', '/healthz,/healthz/*,/livez,/livez/*,/metrics,/metrics/slis,/readyz,/readyz/*')] },
  {
    name: 'system:node', rules: [
      rule('create', 'authentication.k8s.io', 'tokenreviews'),
      rule('create', 'authorization.k8s.io', 'localsubjectaccessreviews,subjectaccessreviews'),
      rule(READ, '', 'services'),
      rule('create,get,list,watch', '', 'nodes'),
      rule('patch,update', '', 'nodes/status'),
      rule('patch,update', '', 'nodes'),
      rule('create,patch,update', '', 'events'),
      rule(READ, '', 'pods'),
      rule('create,delete', '', 'pods'),
      rule('patch,update', '', 'pods/status'),
      rule('create', '', 'pods/eviction'),
      rule(READ, '', 'configmaps,secrets'),
      rule('get', '', 'persistentvolumeclaims,persistentvolumes'),
      rule('get', '', 'endpoints'),
      rule('create,get,list,watch', CSR, 'certificatesigningrequests'),
      rule('create,delete,get,patch,update', 'coordination.k8s.io', 'leases'),
      rule('get', 'storage.k8s.io', 'volumeattachments'),
      rule('create', '', 'serviceaccounts/token'),
      rule('get,patch,update', '', 'persistentvolumeclaims/status'),
      rule(READ, 'storage.k8s.io', 'csidrivers'),
      rule('create,delete,get,patch,update', 'storage.k8s.io', 'csinodes'),
      rule(READ, 'node.k8s.io', 'runtimeclasses'),
      // DynamicResourceAllocation (GA and on in v1.34).
      rule('get', 'resource.k8s.io', 'resourceclaims'),
      rule('deletecollection', 'resource.k8s.io', 'resourceslices'),
    ],
  },
  { name: 'system:node-bootstrapper', rules: [rule('create,get,list,watch', CSR, 'certificatesigningrequests')] },
  {
    name: 'system:node-problem-detector', rules: [
      rule('get', '', 'nodes'),
      rule('patch', '', 'nodes/status'),
      rule('create,patch,update', ',events.k8s.io', 'events'),
    ],
  },
  {
    name: 'system:node-proxier', rules: [
      rule('list,watch', '', 'endpoints,services'),
      rule(READ, '', 'nodes'),
      rule('create,patch,update', ',events.k8s.io', 'events'),
      // MultiCIDRServiceAllocator (on in v1.34).
      rule('list,watch', 'networking.k8s.io', 'servicecidrs'),
      rule('list,watch', 'discovery.k8s.io', 'endpointslices'),
    ],
  },
  {
    name: 'system:persistent-volume-provisioner', rules: [
      rule('create,delete,get,list,watch', '', 'persistentvolumes'),
      rule('get,list,update,watch', '', 'persistentvolumeclaims'),
      rule(READ, 'storage.k8s.io', 'storageclasses'),
      rule('watch', '', 'events'),
      rule('create,patch,update', ',events.k8s.io', 'events'),
    ],
  },
  { name: 'system:public-info-viewer', rules: [urls('get', '/healthz,/livez,/readyz,/version,/version/')] },
  { name: 'system:service-account-issuer-discovery', rules: [urls('get', '/.well-known/openid-configuration,/openid/v1/jwks')] },
  {
    name: 'system:volume-scheduler', rules: [
      rule('get,list,patch,update,watch', '', 'persistentvolumes'),
      rule(READ, 'storage.k8s.io', 'storageclasses'),
      rule('get,list,patch,update,watch', '', 'persistentvolumeclaims'),
    ],
  },
  { name: 'view', rules: [], labels: { [`${AGG}edit`]: 'true' }, aggregateFrom: `${AGG}view` },
];
