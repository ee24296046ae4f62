import type { KubeObject } from '../../api/types';
import type { Cluster } from '../../engine/types';
import { PrefixWriter, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline } from './writer';

// kubectl describe of the RBAC kinds (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// RoleDescriber / ClusterRoleDescriber: the rules broken down to one verb per resource
// (rbac.BreakdownRule), merged back per group/resource/name (rbac.CompactRules) and sorted by the
// rule's String() (rbac.SortableRuleSlice), in a Resources / Non-Resource URLs / Resource Names /
// Verbs table; RoleBindingDescriber / ClusterRoleBindingDescriber: the roleRef and a subjects table).
// No events: these describers print none.

type Describer = (cluster: Cluster, obj: KubeObject, nowMs: number) => string;

interface Rule {
  readonly verbs?: readonly string[];
  readonly apiGroups?: readonly string[];
  readonly resources?: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly nonResourceURLs?: readonly string[];
}

/** rbac.BreakdownRule: one rule per group x resource x verb (x name), one per URL x verb. */
function breakdownRule(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        if ((rule.resourceNames ?? []).length > 0) {
          for (const name of rule.resourceNames!) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        } else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** rbac.CompactRules on broken-down rules: the simple resource rules merged, their verbs in first-seen order. */
function compactRules(rules: readonly Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, { rule: Rule; verbs: string[] }>();
  for (const r of rules) {
    const isSimple = (r.resourceNames ?? []).length <= 1 && (r.nonResourceURLs ?? []).length === 0 && r.apiGroups?.length === 1 && r.resources?.length === 1;
    if (!isSimple) { compacted.push(r); continue; }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (existing === undefined) { simple.set(key, { rule: r, verbs: [...(r.verbs ?? [])] }); continue; }
    for (const v of r.verbs ?? []) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  for (const { rule, verbs } of simple.values()) compacted.push({ ...rule, verbs });
  return compacted;
}

/** fmt's %v of a []string. */
const goList = (l: readonly string[] | undefined): string => `[${(l ?? []).join(' ')}]`;

/** The generated PolicyRule.String(), the sort key of SortableRuleSlice. */
const ruleString = (r: Rule): string =>
  `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;

/** CombineResourceGroup: resource.group, a subresource after it (pods.metrics.k8s.io/log). */
export function combineResourceGroup(resources: readonly string[] | undefined, groups: readonly string[] | undefined): string {
  if (resources === undefined || resources.length === 0) return '';
  const slash = resources[0].indexOf('/');
  const base = slash < 0 ? resources[0] : resources[0].slice(0, slash);
  let combined = base;
  if (groups !== undefined && groups.length > 0 && groups[0] !== '') combined += `.${groups[0]}`;
  if (slash >= 0) combined += `/${resources[0].slice(slash + 1)}`;
  return combined;
}

/** The PolicyRule table rows of a role's rules, as describe prints them. */
export function describedRules(rules: readonly Rule[] | undefined): Rule[] {
  const compact = compactRules((rules ?? []).flatMap(breakdownRule));
  const keyed = compact.map((r) => ({ r, k: ruleString(r) }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)); // Array.prototype.sort is stable, as sort.Stable
  return keyed.map((x) => x.r);
}

const describeRole: Describer = (_cluster, obj) => {
  const role = obj as KubeObject & { rules?: readonly Rule[] };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', role.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
  w.write(LEVEL_0, 'PolicyRule:\n');
  w.write(LEVEL_1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of describedRules(role.rules)) {
    w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  }
  return w.toString();
};

const describeBinding: Describer = (_cluster, obj) => {
  const b = obj as KubeObject & { roleRef: { kind: string; name: string }; subjects?: readonly { kind: string; name: string; namespace?: string }[] };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${b.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', b.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations);
  w.write(LEVEL_0, 'Role:\n');
  w.write(LEVEL_1, `Kind:\t${b.roleRef.kind}\n`);
  w.write(LEVEL_1, `Name:\t${b.roleRef.name}\n`);
  w.write(LEVEL_0, 'Subjects:\n');
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
  w.write(LEVEL_1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
};

export const RBAC_DESCRIBERS: Readonly<Record<string, Describer>> = {
  Role: describeRole, ClusterRole: describeRole, RoleBinding: describeBinding, ClusterRoleBinding: describeBinding,
};
