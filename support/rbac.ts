import { accessCheck } from '../sim/kubectl/access-check';
import { GET_TABWRITER, tabwrite } from '../sim/kubectl/tabwriter';
import { serviceAccountUser, type UserInfo } from '../sim/auth/user-info';
import type { SimWorld } from './world';

// RBAC assertions: may a user (or a service account, with its groups) do something, as the API
// server's authorizer answers over the scenario's Roles, ClusterRoles and bindings.

export function userNamed(name: string): UserInfo {
  return { name, groups: ['system:authenticated'] };
}

export function serviceAccountNamed(namespace: string, name: string): UserInfo {
  return serviceAccountUser(namespace, name);
}

/** `namespace` '' is the cluster scope. */
export function expectAccess(world: SimWorld, user: UserInfo, allowed: boolean, verb: string, resource: string, namespace: string): void {
  const a = accessCheck(world.cluster.store, user, verb, resource, namespace);
  if (a.allowed === allowed) return;
  const where = namespace === '' ? 'at the cluster scope' : `in namespace "${namespace}"`;
  const table = tabwrite(`Resources\tNon-Resource URLs\tResource Names\tVerbs\n${a.rules.join('\n')}\n`, GET_TABWRITER).trimEnd();
  const rules = `what ${user.name} may do ${where} (kubectl auth can-i --list):\n    ${table.split('\n').join('\n    ')}`;
  throw new Error(allowed
    ? `Expected ${user.name} to be allowed to ${verb} ${resource} ${where}, but RBAC refuses it:\n  ${a.forbidden}\n  ${rules}\n${world.replayHint()}`
    : `Expected ${user.name} not to be allowed to ${verb} ${resource} ${where}, but RBAC allows it.\n  ${rules}\n${world.replayHint()}`);
}
