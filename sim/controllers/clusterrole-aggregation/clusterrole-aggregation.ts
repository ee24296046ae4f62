import type { KubeObject, LabelSelector } from '../../api/types';
import type { PolicyRule } from '../../auth/policy-rule';
import { NO_CHANGES, type ClusterView, type Controller, type ReconcileResult } from '../../engine/types';

// pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go: a ClusterRole with an
// aggregationRule holds the rules of every other ClusterRole its selectors match (each selector's
// roles sorted by name, a rule added once: ruleExists), rewritten whenever they differ
// (syncClusterRole). Any ClusterRole change requeues every aggregated one (enqueueAll), so a new
// role labelled aggregate-to-view reaches view, then edit and admin, which aggregate view's label too.

export const CLUSTERROLE_AGGREGATION_CONTROLLER = 'clusterrole-aggregation-controller';

interface ClusterRole extends KubeObject {
  readonly rules?: readonly PolicyRule[] | null;
  readonly aggregationRule?: { readonly clusterRoleSelectors?: readonly LabelSelector[] | null } | null;
}

/** equality.Semantic.DeepEqual of two rules: a missing list equals an empty one. */
const ruleKey = (r: PolicyRule): string =>
  JSON.stringify([r.verbs ?? [], r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.nonResourceURLs ?? []]);

const byName = (a: KubeObject, b: KubeObject): number => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/** The rules syncClusterRole computes for an aggregated role. */
export function aggregatedRules(view: ClusterView, role: ClusterRole): PolicyRule[] {
  const rules: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    for (const other of [...view.select<ClusterRole>('ClusterRole', '', selector)].sort(byName)) {
      if (other.metadata.name === role.metadata.name) continue;
      for (const r of other.rules ?? []) {
        const k = ruleKey(r);
        if (!seen.has(k)) { seen.add(k); rules.push(r); }
      }
    }
  }
  return rules;
}

export function syncClusterRole(view: ClusterView, name: string): ReconcileResult {
  const role = view.get<ClusterRole>('ClusterRole', '', name);
  if (role === undefined || role.aggregationRule === undefined || role.aggregationRule === null) return NO_CHANGES;
  const rules = aggregatedRules(view, role);
  const had = role.rules ?? [];
  if (rules.length === had.length && rules.every((r, i) => ruleKey(r) === ruleKey(had[i]))) return NO_CHANGES;
  return { changes: [{ verb: 'update', object: { ...role, rules } as KubeObject }] };
}

/** enqueueAll: every aggregated ClusterRole, whatever ClusterRole changed. */
function enqueueAggregated(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  if (after !== undefined && before !== undefined && after.metadata.resourceVersion === before.metadata.resourceVersion) return [];
  const out: string[] = [];
  for (const r of view.list<ClusterRole>('ClusterRole', '')) if (r.aggregationRule !== undefined && r.aggregationRule !== null) out.push(r.metadata.name);
  return out;
}

export const clusterRoleAggregationController: Controller = {
  name: CLUSTERROLE_AGGREGATION_CONTROLLER,
  reconcile: (view, name) => syncClusterRole(view, name),
  watches: { ClusterRole: enqueueAggregated },
};
