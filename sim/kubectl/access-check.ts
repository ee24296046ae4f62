import type { StoreView } from '../store/store';
import type { ResourceAttributes } from '../auth/attributes';
import { authorize } from '../auth/rbac-authorizer';
import { forbiddenStatusMessage } from '../auth/forbidden';
import { subjectRulesReview } from '../auth/rules-review';
import type { UserInfo } from '../auth/user-info';
import { accessRows } from './access-rules';
import { resolveTypes } from './resources';

// A SubjectAccessReview in RBAC's own words, for specs: "may jane list pods in team-a?", the resource
// written as a rule writes it (`pods`, `pods/log`, `deployments.apps`, `deployments/scale`), the group
// found by discovery as `kubectl auth can-i` finds it. On a surprise, what the user may do there.

export interface AccessAnswer {
  readonly allowed: boolean;
  readonly attrs: ResourceAttributes;
  /** The 403's message for the request (when not allowed). */
  readonly forbidden: string;
  /** `kubectl auth can-i --list` rows for the user in that namespace. */
  readonly rules: readonly string[];
}

export function accessCheck(view: StoreView, user: UserInfo, verb: string, resource: string, namespace: string, name?: string): AccessAnswer {
  const slash = resource.indexOf('/');
  const word = slash === -1 ? resource : resource.slice(0, slash);
  const subresource = slash === -1 ? '' : resource.slice(slash + 1);
  const type = word === '*' ? undefined : resolveTypes(word)?.[0];
  const dot = word.indexOf('.');
  const group = type?.group ?? (dot === -1 ? '' : word.slice(dot + 1));
  const plural = type?.plural ?? (dot === -1 ? word : word.slice(0, dot));
  const attrs: ResourceAttributes = { user, verb, apiGroup: group, resource: plural, namespace, ...(subresource !== '' ? { subresource } : {}), ...(name !== undefined ? { name } : {}) };
  const d = authorize(view, attrs);
  return { allowed: d.allowed, attrs, forbidden: d.allowed ? '' : forbiddenStatusMessage(attrs, d.reason), rules: accessRows(subjectRulesReview(view, user, namespace)) };
}
