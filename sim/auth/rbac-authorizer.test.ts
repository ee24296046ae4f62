import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/types';
import { storeOf } from './test-store';
import type { Attributes } from './attributes';
import { forbiddenStatusMessage } from './forbidden';
import { authorize, ruleAllows } from './rbac-authorizer';
import type { PolicyRule } from './policy-rule';
import { ADMIN, serviceAccountUser, type UserInfo } from './user-info';
import { apiServerRbacObjects, kubeadmRbacObjects } from '../cluster/manifests/rbac/objects';

// plugin/pkg/auth/authorizer/rbac/rbac_test.go's shape: rules against requests, then bindings and
// subjects (pkg/registry/rbac/validation/rule_test.go appliesTo) over a store of RBAC objects.


const rbac = (kind: string, name: string, namespace: string | undefined, body: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name, ...(namespace !== undefined ? { namespace } : {}) }, ...body } as unknown as KubeObject);
const role = (namespace: string, name: string, rules: PolicyRule[]) => rbac('Role', name, namespace, { rules });
const clusterRole = (name: string, rules: PolicyRule[]) => rbac('ClusterRole', name, undefined, { rules });
const roleBinding = (namespace: string, name: string, roleRef: { kind: string; name: string }, subjects: object[]) => rbac('RoleBinding', name, namespace, { roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects });
const clusterRoleBinding = (name: string, roleRef: string, subjects: object[]) => rbac('ClusterRoleBinding', name, undefined, { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleRef }, subjects });

const jane: UserInfo = { name: 'jane', groups: ['system:authenticated'] };
const req = (user: UserInfo, verb: string, resource: string, namespace = 'default', more: Partial<{ apiGroup: string; subresource: string; name: string }> = {}): Attributes =>
  ({ user, verb, apiGroup: more.apiGroup ?? '', resource, namespace, ...(more.subresource ? { subresource: more.subresource } : {}), ...(more.name ? { name: more.name } : {}) });

test('RuleAllows: verbs, groups, resources (subresources, */sub, *), names and non-resource URLs', () => {
  const r = (verbs: string, groups: string, resources: string, names?: string): PolicyRule =>
    ({ verbs: verbs.split(','), apiGroups: groups.split(','), resources: resources.split(','), ...(names ? { resourceNames: names.split(',') } : {}) });
  const cases: [PolicyRule, Attributes, boolean][] = [
    [r('get', '', 'pods'), req(jane, 'get', 'pods'), true],
    [r('get', '', 'pods'), req(jane, 'list', 'pods'), false],
    [r('*', '', 'pods'), req(jane, 'delete', 'pods'), true],
    [r('get', '', 'pods'), req(jane, 'get', 'pods', 'default', { apiGroup: 'apps' }), false],
    [r('get', '*', 'deployments'), req(jane, 'get', 'deployments', 'default', { apiGroup: 'apps' }), true],
    [r('get', '', 'pods'), req(jane, 'get', 'pods', 'default', { subresource: 'log' }), false],
    [r('get', '', 'pods/log'), req(jane, 'get', 'pods', 'default', { subresource: 'log' }), true],
    [r('get', '', 'pods/log'), req(jane, 'get', 'pods'), false],
    [r('patch', 'apps', '*/scale'), req(jane, 'patch', 'deployments', 'default', { apiGroup: 'apps', subresource: 'scale' }), true],
    [r('patch', 'apps', '*/scale'), req(jane, 'patch', 'deployments', 'default', { apiGroup: 'apps', subresource: 'status' }), false],
    [r('get', '', '*'), req(jane, 'get', 'pods', 'default', { subresource: 'exec' }), true],
    [r('get', '', 'configmaps', 'a,b'), req(jane, 'get', 'configmaps', 'default', { name: 'b' }), true],
    [r('get', '', 'configmaps', 'a,b'), req(jane, 'get', 'configmaps', 'default', { name: 'c' }), false],
    [r('list', '', 'configmaps', 'a'), req(jane, 'list', 'configmaps'), false], // a list has no name
    [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }, { user: jane, verb: 'get', path: '/healthz' }, true],
    [{ verbs: ['get'], nonResourceURLs: ['/healthz'] }, { user: jane, verb: 'get', path: '/healthz/etcd' }, false],
    [{ verbs: ['get'], nonResourceURLs: ['/healthz/*'] }, { user: jane, verb: 'get', path: '/healthz/etcd' }, true],
    [{ verbs: ['get'], nonResourceURLs: ['*'] }, { user: jane, verb: 'get', path: '/metrics' }, true],
    [{ verbs: ['post'], nonResourceURLs: ['*'] }, { user: jane, verb: 'get', path: '/metrics' }, false],
    [{ verbs: ['get'], nonResourceURLs: ['*'] }, req(jane, 'get', 'pods'), false], // a URL rule grants no resource
  ];
  for (const [rule, attrs, want] of cases) assert.equal(ruleAllows(attrs, rule), want, `${JSON.stringify(rule)} ${JSON.stringify({ ...attrs, user: undefined })}`);
});

const POD_READER = [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }];

test('a RoleBinding grants its Role in its namespace only; a ClusterRoleBinding everywhere', () => {
  const store = storeOf([
    role('team-a', 'pod-reader', POD_READER),
    roleBinding('team-a', 'read', { kind: 'Role', name: 'pod-reader' }, [{ kind: 'User', name: 'jane' }]),
    clusterRole('node-reader', [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['nodes'] }]),
    clusterRoleBinding('nodes', 'node-reader', [{ kind: 'Group', name: 'ops' }]),
  ]);
  assert.equal(authorize(store, req(jane, 'list', 'pods', 'team-a')).allowed, true);
  assert.equal(authorize(store, req(jane, 'list', 'pods', 'default')).allowed, false);
  assert.equal(authorize(store, req(jane, 'list', 'pods', '')).allowed, false); // all namespaces: RoleBindings do not count
  assert.equal(authorize(store, req(jane, 'delete', 'pods', 'team-a')).allowed, false);
  assert.equal(authorize(store, req(jane, 'list', 'nodes', '')).allowed, false);
  const ops: UserInfo = { name: 'bob', groups: ['ops', 'system:authenticated'] };
  assert.equal(authorize(store, req(ops, 'list', 'nodes', '')).allowed, true);
  assert.equal(authorize(store, req(ops, 'list', 'nodes', 'team-a')).allowed, true);
});

test('a RoleBinding to a ClusterRole grants its rules in the binding\'s namespace only', () => {
  const store = storeOf([
    clusterRole('pod-reader', POD_READER),
    roleBinding('team-a', 'read', { kind: 'ClusterRole', name: 'pod-reader' }, [{ kind: 'User', name: 'jane' }]),
  ]);
  assert.equal(authorize(store, req(jane, 'get', 'pods', 'team-a')).allowed, true);
  assert.equal(authorize(store, req(jane, 'get', 'pods', 'team-b')).allowed, false);
});

test('appliesTo: ServiceAccount subjects (namespace defaulted in a RoleBinding, never at cluster scope), the SA groups', () => {
  const app = serviceAccountUser('team-a', 'app');
  assert.deepEqual(app, { name: 'system:serviceaccount:team-a:app', groups: ['system:serviceaccounts', 'system:serviceaccounts:team-a', 'system:authenticated'] });
  const store = storeOf([
    clusterRole('pod-reader', POD_READER),
    clusterRole('cm-reader', [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'] }]),
    clusterRole('secret-reader', [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]),
    roleBinding('team-a', 'sa-no-ns', { kind: 'ClusterRole', name: 'pod-reader' }, [{ kind: 'ServiceAccount', name: 'app' }]),
    clusterRoleBinding('sa-no-ns', 'cm-reader', [{ kind: 'ServiceAccount', name: 'app' }]),
    clusterRoleBinding('all-sas-in-team-a', 'secret-reader', [{ kind: 'Group', name: 'system:serviceaccounts:team-a' }]),
  ]);
  assert.equal(authorize(store, req(app, 'list', 'pods', 'team-a')).allowed, true);
  assert.equal(authorize(store, req(serviceAccountUser('team-b', 'app'), 'list', 'pods', 'team-a')).allowed, false);
  assert.equal(authorize(store, req(app, 'get', 'configmaps', 'team-a')).allowed, false);
  assert.equal(authorize(store, req(app, 'get', 'secrets', 'default')).allowed, true);
  assert.equal(authorize(store, req(serviceAccountUser('team-b', 'x'), 'get', 'secrets', 'default')).allowed, false);
  // A user merely named like a service account is one only through the username's form.
  assert.equal(authorize(store, req({ name: 'app', groups: [] }, 'list', 'pods', 'team-a')).allowed, false);
});

test('system:masters is allowed everything without any binding; a binding to a missing role is the reason', () => {
  const empty = storeOf([]);
  assert.deepEqual(authorize(empty, req({ name: 'root', groups: ['system:masters'] }, 'delete', 'nodes', '')), { allowed: true, reason: '' });
  const store = storeOf([roleBinding('default', 'r', { kind: 'Role', name: 'gone' }, [{ kind: 'User', name: 'jane' }]), clusterRoleBinding('c', 'gone-too', [{ kind: 'User', name: 'jane' }])]);
  assert.deepEqual(authorize(store, req(jane, 'get', 'pods')), { allowed: false, reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "gone-too" not found, role.rbac.authorization.k8s.io "gone" not found]' });
  assert.deepEqual(authorize(store, req(jane, 'get', 'pods', 'other')), { allowed: false, reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "gone-too" not found' });
});

test('the bootstrap policy: the kubeadm admin (kubeadm:cluster-admins) may do anything, an authenticated user discovery and self reviews only', () => {
  const store = storeOf([...apiServerRbacObjects(), ...kubeadmRbacObjects()]);
  assert.equal(authorize(store, req(ADMIN, 'delete', 'nodes', '')).allowed, true);
  assert.equal(authorize(store, req(ADMIN, 'impersonate', 'users', '', { name: 'jane' })).allowed, true);
  assert.equal(authorize(store, { user: ADMIN, verb: 'post', path: '/anything' }).allowed, true);
  assert.equal(authorize(store, req(jane, 'list', 'pods')).allowed, false);
  assert.equal(authorize(store, req(jane, 'create', 'selfsubjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' })).allowed, true);
  assert.equal(authorize(store, { user: jane, verb: 'get', path: '/healthz' }).allowed, true);
  assert.equal(authorize(store, { user: jane, verb: 'get', path: '/metrics' }).allowed, false);
  // kube-proxy's service account: system:node-proxier through kubeadm's binding.
  assert.equal(authorize(store, req(serviceAccountUser('kube-system', 'kube-proxy'), 'list', 'endpointslices', '', { apiGroup: 'discovery.k8s.io' })).allowed, true);
});

test('forbiddenStatusMessage: responsewriters.forbiddenMessage inside NewForbidden\'s "<resource> [\\"name\\"] is forbidden: "', () => {
  assert.equal(forbiddenStatusMessage(req(jane, 'list', 'pods'), ''), 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"');
  assert.equal(forbiddenStatusMessage(req(jane, 'get', 'deployments', 'web', { apiGroup: 'apps', name: 'x' }), ''), 'deployments.apps "x" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "web"');
  assert.equal(forbiddenStatusMessage(req(jane, 'list', 'nodes', ''), ''), 'nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope');
  assert.equal(forbiddenStatusMessage(req(jane, 'create', 'pods', 'default', { subresource: 'exec', name: 'web' }), ''), 'pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "default"');
  assert.equal(forbiddenStatusMessage({ user: jane, verb: 'get', path: '/metrics' }, ''), 'forbidden: User "jane" cannot get path "/metrics"');
  assert.equal(forbiddenStatusMessage(req(jane, 'get', 'pods'), 'RBAC: role.rbac.authorization.k8s.io "x" not found'), 'pods is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "x" not found');
});
