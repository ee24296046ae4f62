import { group, serviceAccount, user, type RoleBindingData } from './namespace-roles';

// The API server's bootstrap ClusterRoleBindings (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/
// policy.go ClusterRoleBindings()). system:node binds no one: since v1.8 nodes are authorized by the
// Node authorizer; the binding is kept, empty, so upgrades do not re-add the system:nodes group.

const binding = (name: string, ...subjects: RoleBindingData['subjects']): RoleBindingData => ({ name, roleKind: 'ClusterRole', role: name, subjects });

export const CLUSTER_ROLE_BINDINGS: readonly RoleBindingData[] = [
  binding('cluster-admin', group('system:masters')),
  binding('system:monitoring', group('system:monitoring')),
  binding('system:discovery', group('system:authenticated')),
  binding('system:basic-user', group('system:authenticated')),
  binding('system:public-info-viewer', group('system:authenticated'), group('system:unauthenticated')),
  binding('system:node-proxier', user('system:kube-proxy')),
  binding('system:kube-controller-manager', user('system:kube-controller-manager')),
  binding('system:kube-dns', serviceAccount('kube-system', 'kube-dns')),
  binding('system:kube-scheduler', user('system:kube-scheduler')),
  binding('system:volume-scheduler', user('system:kube-scheduler')),
  binding('system:node'),
  binding('system:service-account-issuer-discovery', group('system:serviceaccounts')),
];
