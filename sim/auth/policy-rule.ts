// The evaluation helpers of pkg/apis/rbac/v1/evaluation_helpers.go: does one PolicyRule cover a verb,
// an API group, a resource (with its subresource), a name, a non-resource URL.

export interface PolicyRule {
  readonly verbs: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

const ALL = '*';

/** VerbMatches: `*` or the verb itself. */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === ALL || v === verb);
}

/** APIGroupMatches: `*` or the group itself ('' is the core group). */
export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === ALL || g === group);
}

/**
 * ResourceMatches: `*`, the combined `resource/subresource`, or `*\/subresource`.
 *
 * | rule resources | request         | matches |
 * |----------------|-----------------|---------|
 * | pods           | pods            | yes     |
 * | pods           | pods/log        | no      |
 * | pods/log       | pods/log        | yes     |
 * | *\/scale       | deployments/scale | yes   |
 * | *              | pods/exec       | yes     |
 */
export function resourceMatches(rule: PolicyRule, combinedResource: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === ALL || r === combinedResource) return true;
    if (subresource === '') continue;
    if (r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}

/** ResourceNameMatches: no resourceNames means every name; else the name must be listed (a list has none). */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** NonResourceURLMatches: `*`, the path itself, or a prefix ending in `*` (`/healthz/*`). */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === ALL || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}
