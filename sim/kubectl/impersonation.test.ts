import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../engine/types';
import type { KubeObject } from '../api/types';
import { runKubectl } from './index';
import { clusterWith, deployment, namespace, node, pod } from './test-fixtures';
import { apiServerRbacObjects, kubeadmRbacObjects } from '../cluster/manifests/rbac/objects';

// kubectl --as / --as-group: each command's requests (command-requests.ts) authorized as the
// impersonated user; the first refused one is kubectl's "Error from server (Forbidden): ..." line.

const inNamespace = (o: KubeObject, ns: string): KubeObject => ({ ...o, metadata: { ...o.metadata, namespace: ns } });
const rbac = (x: object) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', ...x } as unknown as KubeObject);
const cluster = clusterWith([
  node('k8s-master', true), namespace('default'), namespace('team-a'), ...apiServerRbacObjects(), ...kubeadmRbacObjects(),
  inNamespace(pod('web', 0, { node: 'k8s-master' }), 'team-a'), deployment('api', 0, 1, {}),
  rbac({ kind: 'Role', metadata: { name: 'r', namespace: 'team-a' }, rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] }, { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }] }),
  rbac({ kind: 'RoleBinding', metadata: { name: 'rb', namespace: 'team-a' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }] }),
  rbac({ kind: 'Role', metadata: { name: 'scaler', namespace: 'default' }, rules: [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }] }),
  rbac({ kind: 'RoleBinding', metadata: { name: 'scaler', namespace: 'default' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'scaler' }, subjects: [{ kind: 'Group', name: 'scalers' }] }),
], 10);
const FILES: Record<string, string> = { 'pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: team-a\nspec:\n  containers:\n  - name: c\n    image: nginx\n' };
const kubectl = (c: Cluster, line: string) => {
  const r = runKubectl(c, line.split(' '), { readFile: (f) => FILES[f] });
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
};
const forbidden = (line: string) => {
  const r = kubectl(cluster, line);
  assert.equal(r.code, 1, `${line}: ${r.out}`);
  return r.err;
};

test('reads: a name is a get, a type a list, -A the cluster scope, -w a watch too', () => {
  assert.equal(kubectl(cluster, 'get pods -n team-a --as jane -o name').out, 'pod/web\n');
  assert.equal(forbidden('get pods --as jane'), 'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"\n');
  assert.match(forbidden('get pods -A --as jane'), /cannot list resource "pods" in API group "" at the cluster scope/);
  assert.match(forbidden('get pods -w -n team-a --as jane'), /cannot watch resource "pods"/);
  assert.equal(forbidden('get pods,services --as jane'), [
    'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"',
    'Error from server (Forbidden): services is forbidden: User "jane" cannot list resource "services" in API group "" in the namespace "default"',
  ].join('\n') + '\n');
  assert.equal(forbidden('get pods -w --as jane').split('\n').length, 2); // the refused list, no watch after it
  assert.equal(kubectl(cluster, 'get deploy/api -n team-a --as jane').code, 1); // no such deployment in team-a: NotFound after the allowed get
  assert.match(forbidden('get deployments -n team-a --as jane'), /^Error from server \(Forbidden\): deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps"/);
  assert.match(forbidden('describe pod web --as jane'), /pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"/);
  assert.doesNotMatch(kubectl(cluster, 'logs web -n team-a --as jane').err, /Forbidden/);
  assert.equal(forbidden('exec web -n team-a --as jane -- ls'), 'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot create resource "pods/exec" in API group "" in the namespace "team-a"\n');
});

test('writes: create -f and apply -f word the refusal with the file; scale patches the scale subresource; delete needs no get', () => {
  assert.equal(forbidden('create -f pod.yml --as jane'), 'Error from server (Forbidden): error when creating "pod.yml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "team-a"\n');
  assert.equal(forbidden('apply -f pod.yml --as bob'), 'Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "web", Namespace: "team-a"\nfrom server for: "pod.yml": pods "web" is forbidden: User "bob" cannot get resource "pods" in API group "" in the namespace "team-a"\n');
  assert.match(forbidden('apply -f pod.yml --as jane'), /^Error from server \(Forbidden\): error when applying patch to:\n.*\n.*\nfor: "pod.yml": pods "web" is forbidden: User "jane" cannot patch resource "pods"/);
  assert.equal(forbidden('scale deployment api --replicas=2 --as bob --as-group scalers'), 'Error from server (Forbidden): deployments.apps "api" is forbidden: User "bob" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"\n');
  assert.equal(forbidden('delete pod web -n team-a --as jane'), 'Error from server (Forbidden): pods "web" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "team-a"\n');
  assert.match(forbidden('delete pod web -n team-a --as bob'), /User "bob" cannot delete resource "pods"/); // RequireObject(false): no get first
  assert.match(forbidden('create deployment x --image=nginx --as jane'), /deployments.apps is forbidden: User "jane" cannot create resource "deployments" in API group "apps" in the namespace "default"/);
  assert.match(forbidden('rollout restart deployment api --as jane'), /^error: kubespec: "kubectl rollout restart" with --as is not simulated/);
});

test('can-i and whoami answer for the impersonated user; without --as nothing is checked', () => {
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods/log -n team-a --as jane'), { out: 'yes\n', err: '', code: 0 });
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods --subresource=log -n team-a --as jane'), { out: 'yes\n', err: '', code: 0 });
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods/web -n default --as jane'), { out: 'no\n', err: '', code: 1 });
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods -n team-a -q --as jane'), { out: '', err: '', code: 0 });
  assert.deepEqual(kubectl(cluster, 'auth can-i get deployments -A --as jane'), { out: 'no\n', err: '', code: 1 });
  assert.equal(kubectl(cluster, 'auth whoami --as jane --as-group a --as-group b').out, 'ATTRIBUTE   VALUE\nUsername    jane\nGroups      [a b system:authenticated]\n');
  assert.equal(kubectl(cluster, 'get pods -A -o name').code, 0);
  const bare = clusterWith([node('k8s-master', true), namespace('default')], 10); // no RBAC objects at all
  assert.equal(kubectl(bare, 'get nodes -o name').out, 'node/k8s-master\n');
});
