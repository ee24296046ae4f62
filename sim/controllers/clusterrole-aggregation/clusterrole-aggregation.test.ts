import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyManifests, emptyCluster, viewOf, type Cluster } from '../../index';
import type { PolicyRule } from '../../auth/policy-rule';
import { syncClusterRole } from './clusterrole-aggregation';
import '../../metrics/kinds'; // registers the RBAC kinds

// clusterroleaggregation_controller_test.go's cases: the aggregated role gets the matching roles'
// rules (sorted by role name, each rule once, not its own), follows new, changed and deleted
// roles, and leaves a role without aggregationRule alone.

function apply(c: Cluster, yaml: string, mode: 'apply' | 'create' = 'apply'): Cluster {
  const r = applyManifests(c, yaml, { mode, source: 'x.yml' });
  assert.deepEqual(r.errors, []);
  return r.cluster;
}
const role = (name: string, labels: Record<string, string>, rules: string, agg?: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}\n${agg ?? ''}rules: ${rules}\n`;
const rulesOf = (c: Cluster, name: string) => (viewOf(c).get('ClusterRole', '', name) as unknown as { rules?: PolicyRule[] }).rules;
const AGG = 'aggregationRule:\n  clusterRoleSelectors:\n  - matchLabels: {team: "true"}\n';
const r = (verb: string, res: string) => `{"verbs": ["${verb}"], "apiGroups": [""], "resources": ["${res}"]}`;

test('an aggregated ClusterRole takes the rules of the roles its selectors match, by name, each once, and follows them', () => {
  let c = apply(emptyCluster({ seed: 1 }), role('agg', {}, '[]', AGG));
  assert.equal(rulesOf(c, 'agg'), null); // rules: [] reads back null (no omitempty, protobuf drops the empty list)
  c = apply(c, role('b', { team: 'true' }, `[${r('get', 'pods')}, ${r('list', 'pods')}]`));
  c = apply(c, role('a', { team: 'true' }, `[${r('get', 'pods')}]`));
  c = apply(c, role('other', { team: 'false' }, `[${r('delete', 'pods')}]`));
  assert.deepEqual(rulesOf(c, 'agg'), [
    { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
    { verbs: ['list'], apiGroups: [''], resources: ['pods'] },
  ]);
  // A changed label takes the role's rules out; a deleted role too.
  c = apply(c, role('b', { team: 'no' }, `[${r('get', 'pods')}, ${r('list', 'pods')}]`));
  assert.deepEqual(rulesOf(c, 'agg'), [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
});

test('syncClusterRole leaves a role without aggregationRule, and one already holding its union, as they are', () => {
  const c = apply(emptyCluster({ seed: 1 }), `${role('plain', {}, `[${r('get', 'pods')}]`)}---\n${role('a', { team: 'true' }, `[${r('get', 'pods')}]`)}---\n${role('agg', {}, '[]', AGG)}`);
  assert.deepEqual(syncClusterRole(viewOf(c), 'plain').changes, []);
  assert.deepEqual(syncClusterRole(viewOf(c), 'agg').changes, []);
  assert.deepEqual(syncClusterRole(viewOf(c), 'missing').changes, []);
});

test('an aggregated role its own selector matches does not feed itself: a removed source\'s rules leave it', () => {
  let c = apply(emptyCluster({ seed: 1 }), `${role('agg', { team: 'true' }, '[]', AGG)}---\n${role('a', { team: 'true' }, `[${r('get', 'pods')}]`)}`);
  assert.deepEqual(rulesOf(c, 'agg'), [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
  c = apply(c, role('a', { team: 'no' }, `[${r('get', 'pods')}]`));
  assert.equal(rulesOf(c, 'agg'), null);
});
