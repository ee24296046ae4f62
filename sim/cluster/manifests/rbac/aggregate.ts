import type { PolicyRule } from './rule';
import type { ClusterRoleData } from './cluster-roles';

// The rules of the aggregated ClusterRoles (admin, edit, view) once the kube-controller-manager's
// clusterrole-aggregation controller has run (pkg/controller/clusterroleaggregation
// ClusterRoleAggregationController.syncClusterRole): the rules of every other ClusterRole whose labels
// match the aggregationRule, those roles sorted by name, a rule added only if not already there
// (ruleExists). Aggregated roles feed each other (view into edit into admin), so it runs to a fixpoint.

const key = (r: PolicyRule): string => JSON.stringify([r.verbs, r.apiGroups, r.resources, r.resourceNames, r.nonResourceURLs]);

export function aggregateRules(roles: readonly ClusterRoleData[]): ReadonlyMap<string, readonly PolicyRule[]> {
  const rules = new Map<string, readonly PolicyRule[]>(roles.map((r) => [r.name, r.rules]));
  const sorted = [...roles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let changed = true; changed;) {
    changed = false;
    for (const role of roles) {
      if (role.aggregateFrom === undefined) continue;
      const out: PolicyRule[] = [];
      const seen = new Set<string>();
      for (const other of sorted) {
        if (other.name === role.name || other.labels?.[role.aggregateFrom] !== 'true') continue;
        for (const r of rules.get(other.name)!) {
          const k = key(r);
          if (!seen.has(k)) { seen.add(k); out.push(r); }
        }
      }
      if (out.length !== rules.get(role.name)!.length) { rules.set(role.name, out); changed = true; }
    }
  }
  return rules;
}
