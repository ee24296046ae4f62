import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, namespace, node } from '../test-fixtures';
import { apiServerRbacObjects, kubeadmRbacObjects } from '../../cluster/manifests/rbac/objects';

// kubectl auth can-i / whoami (cmd/auth/cani.go, whoami.go) as kubeadm's admin: cluster-admin's
// answers, with CanIOptions' warnings on stderr (WarningPrinter adds its own newline after the
// message's: a blank line follows each).

const cluster = clusterWith([node('k8s-master', true, { ip: '192.168.56.100', labels: { 'node-role.kubernetes.io/control-plane': '' } }), namespace('default'), ...apiServerRbacObjects(), ...kubeadmRbacObjects()], 10);
const kubectl = (c: Cluster, line: string) => {
  const r = runKubectl(c, line.split(' '), { readFile: () => undefined });
  return [r.stdout, r.stderr, r.exitCode];
};

test('can-i VERB RESOURCE: yes, exit 0; an unknown type, a cluster-scoped type or an unknown verb warn first', () => {
  assert.deepEqual(kubectl(cluster, 'auth can-i create deployments'), ['yes\n', '', 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i delete pods/web -n kube-system'), ['yes\n', '', 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i list foo'), ['yes\n', "Warning: the server doesn't have a resource type 'foo'\n\n", 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i list foos.example.com'), ['yes\n', "Warning: the server doesn't have a resource type 'foos' in group 'example.com'\n\n", 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get nodes'), ['yes\n', "Warning: resource 'nodes' is not namespace scoped\n\n", 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get nodes --all-namespaces'), ['yes\n', '', 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i impersonate users'), ['yes\n', '', 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i frob deploy'), ['yes\n', "Warning: verb 'frob' is not a known verb\n\n", 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get /logs/'), ['yes\n', '', 0]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods -q'), ['', '', 0]);
});

test('can-i argument errors (Complete, Validate)', () => {
  assert.deepEqual(kubectl(cluster, 'auth can-i get'), ['', "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n", 1]);
  assert.deepEqual(kubectl(cluster, 'auth can-i --list get pods'), ['', 'error: list option must be specified with no arguments\n', 1]);
  assert.deepEqual(kubectl(cluster, 'auth can-i --list -A'), ['', "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n", 1]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get pods --no-headers'), ['', 'error: --no-headers cannot be set without --list specified\n', 1]);
  assert.deepEqual(kubectl(cluster, 'auth can-i get /logs --subresource=log'), ['', 'error: --subresource can not be used with NonResourceURL\n', 1]);
});

test('can-i --list: the admin\'s rules, sorted by PolicyRule.String() (verbs first), non-resource URLs two roles grant twice', () => {
  const [stdout] = kubectl(cluster, 'auth can-i --list');
  const lines = (stdout as string).split('\n');
  assert.equal(lines[0], 'Resources                                       Non-Resource URLs   Resource Names   Verbs');
  assert.equal(lines[1], '*.*                                             []                  []               [*]');
  assert.equal(lines[2], '                                                [*]                 []               [*]');
  assert.equal(lines[3], 'selfsubjectreviews.authentication.k8s.io        []                  []               [create]');
  assert.equal(lines.filter((l) => l.includes('[/healthz]')).length, 2);
  assert.equal(lines.length, 23);
  assert.equal((kubectl(cluster, 'auth can-i --list --no-headers')[0] as string).split('\n')[0], '*.*                                             []             []    [*]');
});

test('whoami: kubernetes-admin in kubeadm:cluster-admins; an unknown auth subcommand is RequireNoArguments\' usage error', () => {
  assert.deepEqual(kubectl(cluster, 'auth reconcile-x'), ['', "error: unknown command \"reconcile-x\"\nSee 'kubectl auth -h' for help and examples\n", 1]);
  assert.deepEqual(kubectl(cluster, 'auth whoami'), ['ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n', '', 0]);
});
