import { authorize } from '../auth/rbac-authorizer';
import { forbiddenStatusMessage } from '../auth/forbidden';
import { impersonate, wantsImpersonation } from '../auth/impersonation';
import { ADMIN, type UserInfo } from '../auth/user-info';
import type { CommandContext } from './context';
import { list, str, type FlagSpec, type ParsedArgs } from './flags';
import { commandRequests } from './command-requests';

// kubectl's --as / --as-group / --as-uid (genericclioptions.ConfigFlags: the Impersonate-* headers of
// every request). The API server's impersonation filter checks the admin may impersonate them, then
// each request of the command is authorized as the impersonated user; the first refused one is the
// command's error. Without --as, the kubeadm admin (cluster-admin) sends the requests: they are not
// checked, and every command works as it did.

export const IMPERSONATION_FLAGS: readonly FlagSpec[] = [
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'stringArray' },
  { name: 'as-uid', kind: 'string' },
];

function requestOf(args: ParsedArgs) {
  return { user: str(args, 'as') ?? '', groups: list(args, 'as-group'), uid: str(args, 'as-uid') ?? '' };
}

/** The user the command acts as (the admin without --as), or the error kubectl prints. */
export function actingUser(ctx: CommandContext): { user: UserInfo; impersonated: boolean } | { error: string } {
  const req = requestOf(ctx.args);
  if (!wantsImpersonation(req)) return { user: ADMIN, impersonated: false };
  const r = impersonate(ctx.cluster.store, ADMIN, req);
  return 'error' in r ? r : { user: r.user, impersonated: true };
}

/** get and describe visit each type or name on its own (ContinueOnError) and print every error, one a line. */
const READS_EVERY_TARGET = new Set(['kubectl get', 'kubectl describe']);

/**
 * The Forbidden error of the first of the command's requests the user may not send (for get and
 * describe, of each type or object refused), if any.
 */
export function refusedRequest(ctx: CommandContext, user: UserInfo): string | undefined {
  const r = commandRequests(ctx);
  if ('unsupported' in r) return `error: kubespec: "${r.unsupported}" with --as is not simulated (RBAC is checked for get, describe, create, apply, replace, delete, run, logs, exec, attach, scale, label, annotate, edit, cordon, uncordon and auth)`;
  const refused = new Map<string, string>();
  for (const q of r.requests) {
    const attrs = { ...q.attrs, user };
    const target = `${attrs.apiGroup}/${attrs.resource}/${attrs.namespace ?? ''}/${attrs.name ?? ''}`;
    if (refused.has(target)) continue; // a watch after a refused list is never sent
    const d = authorize(ctx.cluster.store, attrs);
    if (d.allowed) continue;
    refused.set(target, `Error from server (Forbidden): ${q.prefix ?? ''}${forbiddenStatusMessage(attrs, d.reason)}`);
    if (!READS_EVERY_TARGET.has(ctx.path)) break;
  }
  return refused.size === 0 ? undefined : [...refused.values()].join('\n');
}
