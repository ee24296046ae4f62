import type { StoreView } from '../store/store';
import { isResourceRequest, type Attributes } from './attributes';
import { apiGroupMatches, nonResourceURLMatches, resourceMatches, resourceNameMatches, verbMatches, type PolicyRule } from './policy-rule';
import { visitRulesFor } from './rule-resolver';
import { SYSTEM_MASTERS } from './user-info';

// The API server's authorizer chain as kubeadm configures it (--authorization-mode=Node,RBAC, behind
// the privileged-group authorizer every apiserver puts first): system:masters is allowed everything
// (authorizerfactory.NewPrivilegedGroups), the Node authorizer has no opinion on anyone but kubelets
// (not simulated: no request here comes from a kubelet), then plugin/pkg/auth/authorizer/rbac/rbac.go
// RBACAuthorizer.Authorize. No authorizer denies outright: "not allowed" is NoOpinion.

export interface Decision {
  readonly allowed: boolean;
  /** RBAC's reason when not allowed: "RBAC: " + the errors met resolving roles (a binding to a missing role), else ''. */
  readonly reason: string;
}

/** RuleAllows: a resource request against verbs, groups, resources (`res/sub`) and names; a non-resource one against verbs and URLs. */
export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (isResourceRequest(a)) {
    const sub = a.subresource ?? '';
    const combined = sub === '' ? a.resource : `${a.resource}/${sub}`;
    return verbMatches(rule, a.verb) && apiGroupMatches(rule, a.apiGroup) && resourceMatches(rule, combined, sub) && resourceNameMatches(rule, a.name ?? '');
  }
  return verbMatches(rule, a.verb) && nonResourceURLMatches(rule, a.path);
}

/** RBACAuthorizer.Authorize: walks the user's rules until one allows (authorizingVisitor.visit). */
export function rbacAuthorize(view: StoreView, a: Attributes): Decision {
  let allowed = false;
  const errors: string[] = [];
  visitRulesFor(view, a.user, isResourceRequest(a) ? a.namespace ?? '' : '', (_source, rule, err) => {
    if (rule !== undefined && ruleAllows(a, rule)) {
      allowed = true;
      return false;
    }
    if (err !== undefined) errors.push(err);
    return true;
  });
  if (allowed) return { allowed: true, reason: '' };
  // utilerrors.NewAggregate(errors).Error(): one message as is, several in brackets.
  const reason = errors.length === 0 ? '' : `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`}`;
  return { allowed: false, reason };
}

/** The whole chain: privileged group, then RBAC. */
export function authorize(view: StoreView, a: Attributes): Decision {
  if (a.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: '' };
  return rbacAuthorize(view, a);
}
