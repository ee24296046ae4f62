import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientNamespace, clientServerError, confirmUsable } from './client-config';
import type { Kubeconfig } from './commands/kubeconfig';

// clientcmd DirectClientConfig over the session's kubeconfig: Namespace (-n, else the context's,
// else "default"), ConfirmUsable's "Error in configuration" and ClientConfig's errors for
// --context / --cluster / --user that name nothing.

const admin: Kubeconfig = {
  clusters: [{ name: 'kubernetes', server: 'https://192.168.56.100:6443', caData: 'Q0E=' }],
  users: [{ name: 'kubernetes-admin', certData: 'Q0VSVA==', keyData: 'S0VZ' }],
  contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
  currentContext: 'kubernetes-admin@kubernetes',
};
const withNamespace = (ns: string): Kubeconfig => ({ ...admin, contexts: [{ ...admin.contexts[0], namespace: ns }] });

test('the namespace: -n (enforced), else the current context\'s, else "default"', () => {
  assert.deepEqual(clientNamespace(admin, {}), { namespace: 'default', explicit: false });
  assert.deepEqual(clientNamespace(withNamespace('kube-system'), {}), { namespace: 'kube-system', explicit: false });
  assert.deepEqual(clientNamespace(withNamespace('kube-system'), { namespace: 'dev' }), { namespace: 'dev', explicit: true });
  assert.deepEqual(clientNamespace(withNamespace('kube-system'), { namespace: '' }), { namespace: 'kube-system', explicit: false });
  const two: Kubeconfig = { ...admin, contexts: [...admin.contexts, { name: 'dev', cluster: 'kubernetes', user: 'kubernetes-admin', namespace: 'dev' }] };
  assert.deepEqual(clientNamespace(two, { context: 'dev' }), { namespace: 'dev', explicit: false });
});

test('an unknown --context: ConfirmUsable fails before the command; with -n, ClientConfig fails instead', () => {
  assert.deepEqual(clientNamespace(admin, { context: 'nope' }), { error: 'Error in configuration: context was not found for specified context: nope' });
  assert.deepEqual(clientNamespace(admin, { context: 'nope', namespace: 'default' }), { namespace: 'default', explicit: true });
  assert.equal(clientServerError(admin, { context: 'nope', namespace: 'default' }), 'error: context "nope" does not exist');
  // A current-context that names a deleted context (kubectl config delete-context of the current one).
  assert.equal(confirmUsable({ ...admin, contexts: [] }, {}), 'Error in configuration: context was not found for specified context: kubernetes-admin@kubernetes');
});

test('an unknown --cluster has no server; an unknown --user passes ConfirmUsable and fails at ClientConfig', () => {
  assert.deepEqual(clientNamespace(admin, { cluster: 'nope' }), { error: 'Error in configuration: no server found for cluster "nope"' });
  assert.equal(clientServerError(admin, { cluster: 'nope', namespace: 'x' }), 'error: cluster "nope" does not exist');
  assert.deepEqual(clientNamespace(admin, { user: 'nope' }), { namespace: 'default', explicit: false });
  assert.equal(clientServerError(admin, { user: 'nope' }), 'error: auth info "nope" does not exist');
  assert.equal(clientServerError(admin, {}), undefined);
});

test('several problems print one a line; a context without its cluster talks to localhost:8080', () => {
  const both: Kubeconfig = { ...admin, users: [{ name: 'kubernetes-admin', token: 't', username: 'u' }] };
  assert.equal(confirmUsable(both, { context: 'nope', user: 'kubernetes-admin' }),
    'Error in configuration: \n* context was not found for specified context: nope\n* more than one authentication method found for kubernetes-admin; found [token basicAuth], only one is allowed');
  assert.equal(clientServerError({ ...admin, clusters: [] }, {}), 'The connection to the server localhost:8080 was refused - did you specify the right host or port?');
  assert.equal(clientServerError({ ...admin, currentContext: '' }, {}), 'The connection to the server localhost:8080 was refused - did you specify the right host or port?');
  assert.equal(clientServerError({ ...admin, clusters: [] }, { server: 'https://10.0.0.1:6443' }), undefined);
});
