import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../types';
import { defaultRoleBinding, RBAC_GROUP } from './rbac';

const binding = (roleRef: unknown, subjects: unknown): KubeObject =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b', uid: '', resourceVersion: '', creationTimestamp: '' }, roleRef, subjects }) as unknown as KubeObject;

test('RoleBinding: roleRef.apiGroup "" defaults to the RBAC group; a ServiceAccount subject\'s "" apiGroup is not stored', () => {
  // examples/logging/fluentd-es-ds.yaml writes apiGroup: "" in both places.
  const b = defaultRoleBinding(binding({ kind: 'ClusterRole', name: 'r', apiGroup: '' },
    [{ kind: 'ServiceAccount', name: 'sa', namespace: 'kube-system', apiGroup: '' }, { kind: 'User', name: 'jane' }, { kind: 'Group', name: 'ops', apiGroup: 'x' }])) as unknown as Record<string, unknown>;
  assert.deepEqual(b.roleRef, { kind: 'ClusterRole', name: 'r', apiGroup: RBAC_GROUP });
  assert.deepEqual(b.subjects, [{ kind: 'ServiceAccount', name: 'sa', namespace: 'kube-system' }, { kind: 'User', name: 'jane', apiGroup: RBAC_GROUP }, { kind: 'Group', name: 'ops', apiGroup: 'x' }]);
});
