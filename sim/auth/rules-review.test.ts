import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/types';
import { storeOf } from './test-store';
import { subjectRulesReview } from './rules-review';
import { accessRows, breakdownRule, compactRules } from '../kubectl/access-rules';

// RBACAuthorizer.RulesFor through the SelfSubjectRulesReview, and kubectl can-i --list's
// BreakdownRule / CompactRules / SortableRuleSlice (kubectl/pkg/util/rbac/rbac_test.go's cases).

const obj = (x: object) => x as unknown as KubeObject;

test('BreakdownRule: one rule per group x resource (x name), one per URL', () => {
  assert.deepEqual(breakdownRule({ verbs: ['get'], apiGroups: ['', 'apps'], resources: ['a', 'b'] }).length, 4);
  assert.deepEqual(breakdownRule({ verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['x', 'y'] }),
    [{ verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['x'] }, { verbs: ['get'], apiGroups: [''], resources: ['cm'], resourceNames: ['y'] }]);
  assert.deepEqual(breakdownRule({ verbs: ['get'], nonResourceURLs: ['/a', '/b'] }), [{ verbs: ['get'], nonResourceURLs: ['/a'] }, { verbs: ['get'], nonResourceURLs: ['/b'] }]);
});

test('CompactRules merges the verbs of simple rules on one group/resource/name; URL rules stay apart', () => {
  assert.deepEqual(compactRules([
    { verbs: ['get'], apiGroups: [''], resources: ['pods'] },
    { verbs: ['get'], nonResourceURLs: ['/a'] },
    { verbs: ['list', 'get'], apiGroups: [''], resources: ['pods'] },
    { verbs: ['get'], nonResourceURLs: ['/a'] },
  ]), [{ verbs: ['get'], nonResourceURLs: ['/a'] }, { verbs: ['get'], nonResourceURLs: ['/a'] }, { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]);
});

test('the rules review of a user: its ClusterRoleBindings\' and the namespace\'s RoleBindings\' rules, printed sorted by String()', () => {
  const store = storeOf([
    obj({ kind: 'Role', metadata: { name: 'r', namespace: 'ns' }, rules: [{ verbs: ['get', 'list'], apiGroups: ['', 'apps'], resources: ['pods', 'deployments'] }, { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app'] }] }),
    obj({ kind: 'RoleBinding', metadata: { name: 'rb', namespace: 'ns' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }] }),
    obj({ kind: 'ClusterRole', metadata: { name: 'c' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }, { verbs: ['watch'], apiGroups: [''], resources: ['pods'] }] }),
    obj({ kind: 'ClusterRoleBinding', metadata: { name: 'cb' }, roleRef: { kind: 'ClusterRole', name: 'c' }, subjects: [{ kind: 'Group', name: 'system:authenticated' }] }),
  ]);
  const jane = { name: 'jane', groups: ['system:authenticated'] };
  const review = subjectRulesReview(store, jane, 'ns');
  assert.equal(review.resourceRules.length, 3);
  assert.deepEqual(accessRows(review), [
    // "Verbs:[get list]" < "Verbs:[get]" < "Verbs:[watch ...]"; APIGroups:[] (the core group prints so) < APIGroups:[apps].
    'deployments\t[]\t[]\t[get list]',
    'deployments.apps\t[]\t[]\t[get list]',
    'pods.apps\t[]\t[]\t[get list]',
    '\t[/healthz]\t[]\t[get]',
    'configmaps\t[]\t[app]\t[get]',
    'pods\t[]\t[]\t[watch get list]',
  ]);
  assert.deepEqual(accessRows(subjectRulesReview(store, jane, 'default')), ['\t[/healthz]\t[]\t[get]', 'pods\t[]\t[]\t[watch]']);
});
