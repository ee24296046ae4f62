import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineResourceGroup, describedRules } from './rbac';
import { subjectsStrings } from '../printers/rbac-subjects';

test('CombineResourceGroup: resource.group with the subresource last; the core group adds nothing', () => {
  assert.equal(combineResourceGroup(['pods'], ['']), 'pods');
  assert.equal(combineResourceGroup(['deployments/scale'], ['apps']), 'deployments.apps/scale');
  assert.equal(combineResourceGroup(['*'], ['*']), '*.*');
  assert.equal(combineResourceGroup([], ['apps']), '');
});

test('describe rules: broken down per verb, merged per group/resource/name, sorted by the rule String() (verbs first)', () => {
  const rows = describedRules([
    { verbs: ['list', 'watch'], apiGroups: ['', 'events.k8s.io'], resources: ['events'] },
    { verbs: ['get'], apiGroups: [''], resources: ['events', 'nodes'] },
    { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a', 'b'] },
    { verbs: ['get'], nonResourceURLs: ['/healthz'] },
  ]);
  assert.deepEqual(rows, [
    { verbs: ['get'], nonResourceURLs: ['/healthz'] },
    { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['a'] },
    { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['b'] },
    { verbs: ['get'], apiGroups: [''], resources: ['nodes'] },
    // events in the core group: list and watch first, get added after.
    { verbs: ['list', 'watch', 'get'], apiGroups: [''], resources: ['events'] },
    { verbs: ['list', 'watch'], apiGroups: ['events.k8s.io'], resources: ['events'] },
  ]);
});

test('SubjectsStrings: users, groups, and service accounts as namespace/name', () => {
  assert.deepEqual(subjectsStrings([
    { kind: 'User', name: 'jane' }, { kind: 'Group', name: 'system:nodes' },
    { kind: 'ServiceAccount', name: 'kube-proxy', namespace: 'kube-system' }, { kind: 'ServiceAccount', name: 'x' },
  ]), [['jane'], ['system:nodes'], ['kube-system/kube-proxy', 'x']]);
});
