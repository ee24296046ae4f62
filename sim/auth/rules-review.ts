import type { StoreView } from '../store/store';
import type { PolicyRule } from './policy-rule';
import { visitRulesFor } from './rule-resolver';
import type { UserInfo } from './user-info';

// The SelfSubjectRulesReview (pkg/registry/authorization/selfsubjectrulesreview/rest.go) over
// RBACAuthorizer.RulesFor (DefaultRuleResolver.RulesFor's ruleAccumulator): every rule of the
// user's bindings, cluster-wide then in the namespace, in visit order and not merged. Resolution
// errors (a binding to a missing role) become evaluationError; the list is not "incomplete" for them.
// The privileged-group authorizer resolves no rules, and the Node authorizer none for non-nodes.

export interface RulesReview {
  readonly resourceRules: readonly PolicyRule[];
  readonly nonResourceRules: readonly PolicyRule[];
  readonly evaluationError: string;
}

export function subjectRulesReview(view: StoreView, user: UserInfo, namespace: string): RulesReview {
  const resourceRules: PolicyRule[] = [];
  const nonResourceRules: PolicyRule[] = [];
  const errors: string[] = [];
  visitRulesFor(view, user, namespace, (_source, rule, err) => {
    if (err !== undefined) errors.push(err);
    if (rule === undefined) return true;
    if ((rule.resources ?? []).length > 0) resourceRules.push({ verbs: rule.verbs, apiGroups: rule.apiGroups ?? [], resources: rule.resources ?? [], resourceNames: rule.resourceNames ?? [] });
    if ((rule.nonResourceURLs ?? []).length > 0) nonResourceRules.push({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs ?? [] });
    return true;
  });
  return { resourceRules, nonResourceRules, evaluationError: errors.length === 0 ? '' : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
}
