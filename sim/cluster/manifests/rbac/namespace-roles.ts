import { EVENTS, READ, rule, type PolicyRule } from './rule';

// The API server's bootstrap Roles and RoleBindings in kube-system and kube-public
// (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/namespace_policy.go NamespaceRoles() /
// NamespaceRoleBindings(); transcribed from testdata/namespace-roles.yaml and
// namespace-role-bindings.yaml).

export interface Subject {
  readonly kind: 'User' | 'Group' | 'ServiceAccount';
  readonly name: string;
  readonly namespace?: string;
}

export interface RoleData {
  readonly namespace: string;
  readonly name: string;
  readonly rules: readonly PolicyRule[];
}

export interface RoleBindingData {
  readonly namespace?: string;
  readonly name: string;
  readonly roleKind: 'Role' | 'ClusterRole';
  readonly role: string;
  readonly subjects: readonly Subject[];
}

const LEASE_RW = 'create,get,list,update,watch';
const leaderLocking = (namespace: string, name: string): RoleData => ({
  namespace, name, rules: [rule(LEASE_RW, 'coordination.k8s.io', 'leases'), rule(LEASE_RW, 'coordination.k8s.io', 'leasecandidates')],
});

export const user = (name: string): Subject => ({ kind: 'User', name });
export const group = (name: string): Subject => ({ kind: 'Group', name });
export const serviceAccount = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

export const NAMESPACE_ROLES: readonly RoleData[] = [
  {
    namespace: 'kube-public', name: 'system:controller:bootstrap-signer', rules: [
      rule(READ, '', 'configmaps'),
      rule('update', '', 'configmaps', 'cluster-info'),
      EVENTS,
    ],
  },
  { namespace: 'kube-system', name: 'extension-apiserver-authentication-reader', rules: [rule(READ, '', 'configmaps', 'extension-apiserver-authentication')] },
  leaderLocking('kube-system', 'system::leader-locking-kube-controller-manager'),
  leaderLocking('kube-system', 'system::leader-locking-kube-scheduler'),
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', rules: [rule(READ, '', 'secrets')] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', rules: [rule('create,get,list,watch', '', 'configmaps')] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', rules: [rule('delete,get,list,watch', '', 'secrets'), EVENTS] },
];

const KCM = 'system:kube-controller-manager';
const SCHEDULER = 'system:kube-scheduler';

export const NAMESPACE_ROLE_BINDINGS: readonly RoleBindingData[] = [
  { namespace: 'kube-public', name: 'system:controller:bootstrap-signer', roleKind: 'Role', role: 'system:controller:bootstrap-signer', subjects: [serviceAccount('kube-system', 'bootstrap-signer')] },
  { namespace: 'kube-system', name: 'system::extension-apiserver-authentication-reader', roleKind: 'Role', role: 'extension-apiserver-authentication-reader', subjects: [user(KCM), user(SCHEDULER)] },
  {
    namespace: 'kube-system', name: 'system::leader-locking-kube-controller-manager', roleKind: 'Role', role: 'system::leader-locking-kube-controller-manager',
    subjects: [user(KCM), serviceAccount('kube-system', 'kube-controller-manager'), serviceAccount('kube-system', 'leader-election-controller')],
  },
  {
    namespace: 'kube-system', name: 'system::leader-locking-kube-scheduler', roleKind: 'Role', role: 'system::leader-locking-kube-scheduler',
    subjects: [user(SCHEDULER), serviceAccount('kube-system', 'kube-scheduler')],
  },
  { namespace: 'kube-system', name: 'system:controller:bootstrap-signer', roleKind: 'Role', role: 'system:controller:bootstrap-signer', subjects: [serviceAccount('kube-system', 'bootstrap-signer')] },
  { namespace: 'kube-system', name: 'system:controller:cloud-provider', roleKind: 'Role', role: 'system:controller:cloud-provider', subjects: [serviceAccount('kube-system', 'cloud-provider')] },
  { namespace: 'kube-system', name: 'system:controller:token-cleaner', roleKind: 'Role', role: 'system:controller:token-cleaner', subjects: [serviceAccount('kube-system', 'token-cleaner')] },
];
