import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { runKubectl, type KubectlResult } from '../index';
import { clusterWith, namespace, node, pod } from '../test-fixtures';
import type { Kubeconfig } from './kubeconfig';

// kubectl config set-context / use-context / delete-context / rename-context / set-cluster /
// set-credentials / delete-cluster / delete-user / set / unset (cmd/config/*.go): each rewrites the
// session's kubeconfig, which the caller hands to the next command; the cluster does not change.

const cluster = () => clusterWith([
  node('k8s-master', true, { ip: '192.168.56.100', labels: { 'node-role.kubernetes.io/control-plane': '' } }),
  namespace('default'), namespace('kube-system'), pod('web', 0),
  { ...pod('etcd-k8s-master', 0), metadata: { ...pod('etcd-k8s-master', 0).metadata, namespace: 'kube-system' } },
], 10);

/** Runs the lines in order, each reading the kubeconfig the ones before wrote (as the shell does). */
function session(c: Cluster, lines: readonly string[]): { results: KubectlResult[]; kubeconfig?: Kubeconfig } {
  let kubeconfig: Kubeconfig | undefined;
  const results = lines.map((line) => {
    const r = runKubectl(c, line.split(' '), { readFile: (p) => (p === 'user.crt' ? 'CERT' : undefined), kubeconfig: () => kubeconfig });
    assert.equal(r.cluster, c, `${line} changed the cluster`);
    if (r.kubeconfig !== undefined) kubeconfig = r.kubeconfig;
    return r;
  });
  return { results, kubeconfig };
}
const out = (r: KubectlResult) => [r.stdout, r.stderr, r.exitCode];

test('set-context --current --namespace makes it the default namespace of the next commands (Namespace() reads the context)', () => {
  const { results } = session(cluster(), [
    'config set-context --current --namespace=kube-system',
    'get pods -o name',
    'get pods -o name -n default',
    'config get-contexts',
    'config view --minify -o jsonpath={.contexts[0].context.namespace}',
    'config set-context --current --namespace=',
    'get pods -o name',
  ]);
  assert.deepEqual(out(results[0]), ['Context "kubernetes-admin@kubernetes" modified.\n', '', 0]);
  assert.equal(results[1].stdout, 'pod/etcd-k8s-master\n');
  assert.equal(results[2].stdout, 'pod/web\n');
  assert.equal(results[3].stdout, [
    'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE',
    '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system',
    '',
  ].join('\n'));
  assert.equal(results[4].stdout, 'kube-system');
  assert.equal(results[6].stdout, 'pod/web\n'); // --namespace= given empty clears it
});

test('set-context NAME creates a context; use-context switches to it; its errors are setContextOptions.validate\'s', () => {
  const { results, kubeconfig } = session(cluster(), [
    'config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system',
    'config use-context dev',
    'get pods -o name',
    'config current-context',
    'config set-context',
    'config set-context dev --current',
    'config set-context a b',
    'config use-context nope',
  ]);
  assert.deepEqual(out(results[0]), ['Context "dev" created.\n', '', 0]);
  assert.deepEqual(out(results[1]), ['Switched to context "dev".\n', '', 0]);
  assert.equal(results[2].stdout, 'pod/etcd-k8s-master\n');
  assert.equal(results[3].stdout, 'dev\n');
  assert.deepEqual(out(results[4]), ['', 'error: you must specify a non-empty context name or --current\n', 1]);
  assert.deepEqual(out(results[5]), ['', 'error: you cannot specify both a context name and --current\n', 1]);
  assert.deepEqual(out(results[6]), ['', 'error: Unexpected args: [a b]\n', 1]);
  assert.deepEqual(out(results[7]), ['', 'error: no context exists with the name: "nope"\n', 1]);
  assert.deepEqual(kubeconfig?.contexts.map((c) => c.name), ['kubernetes-admin@kubernetes', 'dev']);
});

test('delete-context warns when it removes the active one, and the next command cannot find it', () => {
  const { results } = session(cluster(), [
    'config delete-context kubernetes-admin@kubernetes',
    'get pods',
    'config delete-context kubernetes-admin@kubernetes',
    'config get-contexts',
  ]);
  assert.deepEqual(out(results[0]), [
    'deleted context kubernetes-admin@kubernetes from /root/.kube/config\n',
    'warning: this removed your active context, use "kubectl config use-context" to select a different one\n', 0,
  ]);
  assert.equal(results[0].written?.[0].stream, 'stderr'); // the warning comes first
  assert.deepEqual(out(results[1]), ['', 'Error in configuration: context was not found for specified context: kubernetes-admin@kubernetes\n', 1]);
  assert.deepEqual(out(results[2]), ['', 'error: cannot delete context kubernetes-admin@kubernetes, not in /root/.kube/config\n', 1]);
  assert.equal(results[3].stdout, 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n');
});

test('rename-context moves current-context along; set-cluster, set-credentials and their deletes', () => {
  const { results, kubeconfig } = session(cluster(), [
    'config rename-context kubernetes-admin@kubernetes admin',
    'config current-context',
    'config rename-context nope x',
    'config set-cluster lab --server=https://10.0.0.1:6443 --insecure-skip-tls-verify=true',
    'config set-credentials bob --token=secret',
    'config set-credentials bob --username=bob --password=pw',
    'config set-credentials ann --client-certificate=user.crt --embed-certs',
    'config set-credentials eve --token=t --username=u',
    'config delete-cluster lab',
    'config delete-user bob',
    'config delete-user bob',
    'config get-users',
  ]);
  assert.deepEqual(out(results[0]), ['Context "kubernetes-admin@kubernetes" renamed to "admin".\n', '', 0]);
  assert.equal(results[1].stdout, 'admin\n');
  assert.equal(results[2].stderr, 'error: cannot rename the context "nope", it\'s not in /root/.kube/config\n');
  assert.equal(results[3].stdout, 'Cluster "lab" set.\n');
  assert.equal(results[4].stdout, 'User "bob" set.\n');
  assert.equal(results[5].stdout, 'User "bob" set.\n');
  assert.equal(results[6].stdout, 'User "ann" set.\n');
  assert.equal(results[7].stderr, 'error: you cannot specify more than one authentication method at the same time: --token, --username/--password\n');
  assert.equal(results[8].stdout, 'deleted cluster lab from /root/.kube/config\n');
  assert.equal(results[9].stdout, 'deleted user bob from /root/.kube/config\n');
  assert.equal(results[10].stderr, 'error: cannot delete user bob, not in /root/.kube/config\n');
  assert.equal(results[11].stdout, 'NAME\nann\nkubernetes-admin\n');
  assert.deepEqual(kubeconfig?.users.find((u) => u.name === 'ann'), { name: 'ann', certData: Buffer.from('CERT').toString('base64'), certFile: undefined });
});

test('a token replaces basic auth (modifyAuthInfo); config view redacts it; the clusters list sorted by name', () => {
  const { results } = session(cluster(), [
    'config set-credentials bob --username=bob --password=pw',
    'config set-credentials bob --token=secret',
    'config set-cluster a-lab --server=https://10.0.0.1:6443',
    'config view -o jsonpath={.users[0].name}:{.users[0].user}',
    'config view -o jsonpath={.clusters[*].name}',
  ]);
  assert.equal(results[3].stdout, 'bob:{"token":"REDACTED"}');
  assert.equal(results[4].stdout, 'a-lab kubernetes');
});

test('set and unset a dotted property: map keys run until a field name; unset of a missing key fails', () => {
  const { results, kubeconfig } = session(cluster(), [
    'config set contexts.kubernetes-admin@kubernetes.namespace kube-system',
    'get pods -o name',
    'config unset contexts.kubernetes-admin@kubernetes.namespace',
    'get pods -o name',
    'config set contexts.a.b.namespace x',
    'config unset contexts.nope.namespace',
    'config set clusters.kubernetes.insecure-skip-tls-verify maybe',
    'config set current-context',
    'config unset current-context',
    'get pods',
    'config set current-context kubernetes-admin@kubernetes',
  ]);
  assert.deepEqual(out(results[0]), ['Property "contexts.kubernetes-admin@kubernetes.namespace" set.\n', '', 0]);
  assert.equal(results[1].stdout, 'pod/etcd-k8s-master\n');
  assert.equal(results[2].stdout, 'Property "contexts.kubernetes-admin@kubernetes.namespace" unset.\n');
  assert.equal(results[3].stdout, 'pod/web\n');
  assert.equal(results[5].stderr, 'error: current map key `nope` is invalid\n');
  assert.equal(results[6].stderr, 'error: strconv.ParseBool: parsing "maybe": invalid syntax\n');
  assert.equal(results[7].stderr, 'error: Unexpected args: [current-context]\n');
  assert.equal(results[8].stdout, 'Property "current-context" unset.\n');
  assert.equal(results[9].stderr, 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
  assert.equal(kubeconfig?.currentContext, 'kubernetes-admin@kubernetes');
  assert.deepEqual(kubeconfig?.contexts.find((c) => c.name === 'a.b'), { name: 'a.b', namespace: 'x' });
});

test('config view --minify of a context without cluster and user (MinifyConfig keeps none); of one naming a deleted cluster, an error', () => {
  const { results } = session(cluster(), [
    'config set-context bare --namespace=x',
    'config view --minify --context=bare -o jsonpath={.clusters}|{.users}|{.contexts[0].context}',
    'config delete-cluster kubernetes',
    'config view --minify',
  ]);
  assert.equal(results[1].stdout, '[]|[]|{"cluster":"","namespace":"x","user":""}');
  assert.deepEqual(out(results[3]), ['', 'error: cannot locate cluster kubernetes\n', 1]);
});

test('an unknown --context: Namespace()\'s "Error in configuration" for get, ClientConfig\'s error for version and api-resources (discovery only); version --client reads no config', () => {
  const { results } = session(cluster(), ['get pods --context x', 'version --context x', 'api-resources --context x', 'version --client --context x']);
  assert.deepEqual(out(results[0]), ['', 'Error in configuration: context was not found for specified context: x\n', 1]);
  assert.deepEqual(out(results[1]), ['', 'error: context "x" does not exist\n', 1]);
  assert.deepEqual(out(results[2]), ['', 'error: context "x" does not exist\n', 1]);
  assert.equal(results[3].exitCode, 0);
});
