import type { StoreView } from '../store/store';
import type { ResourceAttributes } from './attributes';
import { forbiddenStatusMessage } from './forbidden';
import { authorize } from './rbac-authorizer';
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, ANONYMOUS, serviceAccountGroups, splitServiceAccountUsername, type UserInfo } from './user-info';

// staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go WithImpersonation: the
// Impersonate-User / -Group / -Uid headers (kubectl --as, --as-group, --as-uid) each need the
// requestor's `impersonate` on users (serviceaccounts in their namespace for a service account's
// name), groups, uids.authentication.k8s.io; the request then runs as the user they name.

export interface ImpersonationRequest {
  readonly user?: string;
  readonly groups: readonly string[];
  readonly uid?: string;
}

export function wantsImpersonation(req: ImpersonationRequest): boolean {
  return (req.user ?? '') !== '' || req.groups.length > 0 || (req.uid ?? '') !== '';
}

/** A v1.ObjectReference printed with %v: its seven fields, space-separated. */
function objectRefText(kind: string, name: string, namespace = '', apiVersion = ''): string {
  return `{${[kind, namespace, name, '', apiVersion, '', ''].join(' ')}}`;
}

/** The user a request acts as, or the error kubectl prints ("Error from server (...): ..."). */
export function impersonate(view: StoreView, requestor: UserInfo, req: ImpersonationRequest): { user: UserInfo } | { error: string } {
  const username = req.user ?? '';
  const uid = req.uid ?? '';
  const checks: { attrs: ResourceAttributes; ref: string }[] = [];
  let name = '';
  let groups: string[] = [];
  const sa = splitServiceAccountUsername(username);
  if (username !== '' && sa !== undefined) {
    checks.push({ attrs: { user: requestor, verb: 'impersonate', apiGroup: '', resource: 'serviceaccounts', namespace: sa.namespace, name: sa.name }, ref: objectRefText('ServiceAccount', sa.name, sa.namespace) });
    name = username;
    if (req.groups.length === 0) groups = serviceAccountGroups(sa.namespace);
  } else if (username !== '') {
    checks.push({ attrs: { user: requestor, verb: 'impersonate', apiGroup: '', resource: 'users', name: username }, ref: objectRefText('User', username) });
    name = username;
  }
  for (const g of req.groups) {
    checks.push({ attrs: { user: requestor, verb: 'impersonate', apiGroup: '', resource: 'groups', name: g }, ref: objectRefText('Group', g) });
    groups.push(g);
  }
  if (uid !== '') checks.push({ attrs: { user: requestor, verb: 'impersonate', apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid }, ref: objectRefText('UID', uid, '', 'authentication.k8s.io/v1') });
  // buildImpersonationRequests: groups, extras or a uid without a user is refused (InternalError).
  if (username === '') return { error: `Error from server (InternalError): Internal error occurred: requested [${checks.map((c) => c.ref).join(' ')}] without impersonating a user` };
  for (const { attrs } of checks) {
    const d = authorize(view, attrs);
    if (!d.allowed) return { error: `Error from server (Forbidden): ${forbiddenStatusMessage(attrs, d.reason)}` };
  }
  // A non-anonymous user gets system:authenticated unless a group says (un)authenticated; anonymous gets system:unauthenticated.
  if (name !== ANONYMOUS) {
    if (!groups.some((g) => g === ALL_AUTHENTICATED || g === ALL_UNAUTHENTICATED)) groups = [...groups, ALL_AUTHENTICATED];
  } else if (!groups.includes(ALL_UNAUTHENTICATED)) {
    groups = [...groups, ALL_UNAUTHENTICATED];
  }
  return { user: { name, groups, ...(uid !== '' ? { uid } : {}) } };
}
