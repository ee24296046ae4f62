import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { clusterWith, node } from '../test-fixtures';
import { adminKubeconfig } from './kubeconfig';

// kubectl config view / current-context / get-contexts over kubeadm's admin.conf
// (cmd/config/view.go with clientcmdapi.ShortenConfig and MinifyConfig, get_contexts.go).

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const cluster = () => clusterWith([node('k8s-master', true, { ip: '192.168.56.100', labels: { 'node-role.kubernetes.io/control-plane': '' } }), node('k8s-node1', true)], 10);

test('config view: admin.conf with its certificate data omitted, keys sorted as the YAML printer sorts them', () => {
  const r = kubectl(cluster(), 'config view');
  assert.equal(r.stdout, [
    'apiVersion: v1',
    'clusters:',
    '- cluster:',
    '    certificate-authority-data: DATA+OMITTED',
    '    server: https://192.168.56.100:6443',
    '  name: kubernetes',
    'contexts:',
    '- context:',
    '    cluster: kubernetes',
    '    user: kubernetes-admin',
    '  name: kubernetes-admin@kubernetes',
    'current-context: kubernetes-admin@kubernetes',
    'kind: Config',
    'preferences: {}',
    'users:',
    '- name: kubernetes-admin',
    '  user:',
    '    client-certificate-data: DATA+OMITTED',
    '    client-key-data: DATA+OMITTED',
    '',
  ].join('\n'));
});

test('config view -o json keeps the struct order; --raw shows the PEM data; --minify with an unknown --context fails', () => {
  const json = kubectl(cluster(), 'config view -o json').stdout;
  assert.deepEqual(Object.keys(JSON.parse(json)), ['kind', 'apiVersion', 'preferences', 'clusters', 'users', 'contexts', 'current-context']);
  const ca = kubectl(cluster(), 'config view --raw -o jsonpath={.clusters[0].cluster.certificate-authority-data}').stdout;
  assert.match(Buffer.from(ca, 'base64').toString(), /^-----BEGIN CERTIFICATE-----\n/);
  assert.equal(kubectl(cluster(), 'config view --minify -o jsonpath={.clusters[0].cluster.server}').stdout, 'https://192.168.56.100:6443');
  assert.equal(kubectl(cluster(), 'config view --minify --context=dev').stderr, 'error: cannot locate context dev\n');
});

test('config current-context and get-contexts', () => {
  assert.equal(kubectl(cluster(), 'config current-context').stdout, 'kubernetes-admin@kubernetes\n');
  assert.equal(kubectl(cluster(), 'config get-contexts').stdout, [
    'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE',
    '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   ',
    '',
  ].join('\n'));
  assert.equal(kubectl(cluster(), 'config get-contexts -o name').stdout, 'kubernetes-admin@kubernetes\n');
  const missing = kubectl(cluster(), 'config get-contexts dev');
  assert.deepEqual([missing.stdout, missing.stderr, missing.exitCode], ['CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n', 'error: context dev not found\n', 1]);
});

test('config reads admin.conf or ~/.kube/config only; current-context fails when unset', () => {
  const c = cluster();
  assert.equal(kubectl(c, 'config current-context --kubeconfig=/etc/kubernetes/admin.conf').stdout, 'kubernetes-admin@kubernetes\n');
  assert.match(kubectl(c, 'config view --kubeconfig=other.conf').stderr, /^error: kubespec: kubectl reads the simulated cluster's admin\.conf/);
  assert.match(kubectl(c, 'config set-context --current --namespace=dev --kubeconfig=other.conf').stderr, /^error: kubespec: kubectl reads the simulated cluster's admin\.conf/);
  const unset = runKubectl(c, ['config', 'current-context'], { readFile: () => undefined, kubeconfig: () => ({ ...adminKubeconfig(c), currentContext: '' }) });
  assert.deepEqual([unset.stderr, unset.exitCode], ['error: current-context is not set\n', 1]);
});
