import type { PolicyRule } from '../auth/policy-rule';
import type { RulesReview } from '../auth/rules-review';

// How `kubectl auth can-i --list` turns a SelfSubjectRulesReview into its table
// (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go printStatus, convertToPolicyRule, printAccess;
// staging/src/k8s.io/kubectl/pkg/util/rbac/rbac.go BreakdownRule, CompactRules, SortableRuleSlice).

/** BreakdownRule: one rule per group x resource (x name), one per non-resource URL. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      const names = rule.resourceNames ?? [];
      if (names.length > 0) for (const name of names) out.push({ verbs: rule.verbs, apiGroups: [group], resources: [resource], resourceNames: [name] });
      else out.push({ verbs: rule.verbs, apiGroups: [group], resources: [resource] });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: rule.verbs, nonResourceURLs: [url] });
  return out;
}

/** isSimpleResourceRule's key: one group, one resource, at most one name, no URLs. */
function simpleKey(rule: PolicyRule): string | undefined {
  if ((rule.resourceNames ?? []).length > 1 || (rule.nonResourceURLs ?? []).length > 0) return undefined;
  if ((rule.apiGroups ?? []).length !== 1 || (rule.resources ?? []).length !== 1) return undefined;
  const names = rule.resourceNames ?? [];
  return JSON.stringify([rule.apiGroups![0], rule.resources![0], names.length > 0, names[0] ?? '']);
}

/** CompactRules: simple rules on the same group/resource/name merge their verbs (first seen first); the others stay as they are, before them. */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const key = simpleKey(rule);
    if (key === undefined) { compacted.push(rule); continue; }
    const had = simple.get(key);
    if (had === undefined) { simple.set(key, rule); continue; }
    const verbs = [...had.verbs];
    for (const v of rule.verbs) if (!verbs.includes(v)) verbs.push(v);
    simple.set(key, { ...had, verbs });
  }
  return [...compacted, ...simple.values()];
}

const goList = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(' ')}]`;

/** PolicyRule.String() (generated.pb): what SortableRuleSlice compares. */
export function policyRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps`, `pods/log`, `*.*`. */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (resources === undefined || resources.length === 0) return '';
  const [res, sub] = splitOnce(resources[0]);
  let out = res;
  if (groups !== undefined && groups.length > 0 && groups[0] !== '') out += `.${groups[0]}`;
  return sub === undefined ? out : `${out}/${sub}`;
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf('/');
  return i === -1 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** printStatus' rows (before the tab writer): broken down, compacted, stably sorted by String(). */
export function accessRows(review: RulesReview): string[] {
  const rules = [...review.resourceRules, ...review.nonResourceRules].flatMap(breakdownRule);
  const keyed = compactRules(rules).map((r) => ({ r, s: policyRuleString(r) }));
  keyed.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)); // Array.prototype.sort is stable, as sort.Stable
  return keyed.map(({ r }) => `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}`);
}
