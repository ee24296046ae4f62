import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateRules } from './aggregate';
import { CLUSTER_ROLES } from './cluster-roles';
import { CONTROLLER_ROLES } from './controller-roles';
import { CLUSTER_ROLE_BINDINGS } from './cluster-role-bindings';
import { apiServerRbacObjects, kubeadmRbacObjects } from './objects';
import { CONTROLLER_SERVICE_ACCOUNTS } from '../controller-service-accounts';
import { rule } from './rule';

test('aggregation: view gets aggregate-to-view rules, edit gets edit + view rules, admin edit + admin rules, each rule once', () => {
  const rules = aggregateRules(CLUSTER_ROLES);
  const own = (name: string) => CLUSTER_ROLES.find((r) => r.name === name)!.rules;
  assert.deepEqual(rules.get('view'), own('system:aggregate-to-view'));
  // edit: its matches sorted by name, system:aggregate-to-edit before view.
  assert.deepEqual(rules.get('edit'), [...own('system:aggregate-to-edit'), ...own('system:aggregate-to-view')]);
  assert.deepEqual(rules.get('admin'), [...rules.get('edit')!, ...own('system:aggregate-to-admin')]);
  assert.deepEqual(rules.get('cluster-admin'), own('cluster-admin'));
});

test('aggregation skips a rule already there (ruleExists), whichever role brought it', () => {
  const r = rule('get', '', 'pods');
  const rules = aggregateRules([
    { name: 'agg', rules: [], aggregateFrom: 'x' },
    { name: 'a', rules: [r], labels: { x: 'true' } },
    { name: 'b', rules: [r, rule('list', '', 'pods')], labels: { x: 'true' } },
    { name: 'c', rules: [rule('delete', '', 'pods')], labels: { x: 'false' } },
  ]);
  assert.deepEqual(rules.get('agg'), [r, rule('list', '', 'pods')]);
});

test('every bootstrap object is labelled rbac-defaults and auto-updated; names are unique per kind and namespace', () => {
  const objects = apiServerRbacObjects();
  for (const o of objects) {
    assert.equal(o.metadata.labels?.['kubernetes.io/bootstrapping'], 'rbac-defaults', o.metadata.name);
    assert.equal(o.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'], 'true', o.metadata.name);
  }
  const keys = [...objects, ...kubeadmRbacObjects()].map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  assert.equal(new Set(keys).size, keys.length);
  for (const o of kubeadmRbacObjects()) assert.equal(o.metadata.labels, undefined, o.metadata.name);
});

test('each controller role is bound to its ServiceAccount; every running controller has a role', () => {
  const objects = apiServerRbacObjects();
  for (const { name } of CONTROLLER_ROLES) {
    const binding = objects.find((o) => o.kind === 'ClusterRoleBinding' && o.metadata.name === `system:controller:${name}`) as unknown as
      { roleRef: { kind: string; name: string }; subjects: { kind: string; name: string; namespace: string }[] };
    assert.deepEqual(binding.roleRef, { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `system:controller:${name}` });
    assert.deepEqual(binding.subjects, [{ kind: 'ServiceAccount', name, namespace: 'kube-system' }]);
  }
  const roles = new Set(CONTROLLER_ROLES.map((r) => r.name));
  // bootstrap-signer and token-cleaner have namespaced Roles instead (namespace_policy.go).
  for (const sa of CONTROLLER_SERVICE_ACCOUNTS) if (sa !== 'bootstrap-signer' && sa !== 'token-cleaner') assert.ok(roles.has(sa), sa);
});

test('bootstrap ClusterRoleBindings: each binds the role of its name; system:node binds no one', () => {
  for (const b of CLUSTER_ROLE_BINDINGS) assert.equal(b.role, b.name);
  const node = apiServerRbacObjects().find((o) => o.kind === 'ClusterRoleBinding' && o.metadata.name === 'system:node') as unknown as Record<string, unknown>;
  assert.equal(node.subjects, undefined);
});
