// Who a request comes from (staging/src/k8s.io/apiserver/pkg/authentication/user.Info), and the
// users the simulated cluster knows: kubeadm's admin.conf user and service accounts
// (staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go).

export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups: readonly string[];
}

export const ALL_AUTHENTICATED = 'system:authenticated';
export const ALL_UNAUTHENTICATED = 'system:unauthenticated';
export const ANONYMOUS = 'system:anonymous';
/** user.SystemPrivilegedGroup: the privileged-group authorizer allows it everything, before RBAC. */
export const SYSTEM_MASTERS = 'system:masters';

const SA_PREFIX = 'system:serviceaccount:';
const SA_GROUP = 'system:serviceaccounts';

/** kubeadm's admin.conf (v1.29+): kubernetes-admin in kubeadm:cluster-admins, bound to cluster-admin. */
export const ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', ALL_AUTHENTICATED] };

/** serviceaccount.MakeUsername. */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_PREFIX}${namespace}:${name}`;
}

/** serviceaccount.SplitUsername: the namespace and name of `system:serviceaccount:<ns>:<name>`, else undefined. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SA_PREFIX)) return undefined;
  const parts = username.slice(SA_PREFIX.length).split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { namespace: parts[0], name: parts[1] };
}

/** serviceaccount.MakeGroupNames. */
export function serviceAccountGroups(namespace: string): string[] {
  return [SA_GROUP, `${SA_GROUP}:${namespace}`];
}

/** What the service account token authenticator makes of a ServiceAccount's token. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return { name: serviceAccountUsername(namespace, name), groups: [...serviceAccountGroups(namespace), ALL_AUTHENTICATED] };
}
