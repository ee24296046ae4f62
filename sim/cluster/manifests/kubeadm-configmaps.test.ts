import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapTokenId, kubeadmConfigObjects } from './kubeadm-configmaps';

const init = { seed: 4, kubernetesVersion: 'v1.34.0', server: 'https://192.168.56.100:6443', podSubnet: '10.244.0.0/16', nowMs: Date.UTC(2025, 0, 1, 0, 0, 7) };

test('the bootstrap token: [a-z0-9]{6}.[a-z0-9]{16}, the same per seed, valid 24 h, for authentication and signing', () => {
  const objects = kubeadmConfigObjects(init);
  const secret = objects.find((o) => o.kind === 'Secret') as unknown as { metadata: { name: string }; type: string; data: Record<string, string> };
  const data = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]));
  assert.match(data['token-id'], /^[a-z0-9]{6}$/);
  assert.match(data['token-secret'], /^[a-z0-9]{16}$/);
  assert.equal(secret.metadata.name, `bootstrap-token-${data['token-id']}`);
  assert.equal(secret.type, 'bootstrap.kubernetes.io/token');
  assert.equal(data.expiration, '2025-01-02T00:00:07Z');
  assert.equal(data['usage-bootstrap-authentication'], 'true');
  assert.equal(data['usage-bootstrap-signing'], 'true');
  assert.equal(data['auth-extra-groups'], 'system:bootstrappers:kubeadm:default-node-token');
  assert.equal(bootstrapTokenId(4), data['token-id']);
  assert.notEqual(bootstrapTokenId(5), data['token-id']);
});

test('cluster-info: the kubeconfig with the API server and a detached JWS per token, keyed by its id', () => {
  const cm = kubeadmConfigObjects(init).find((o) => o.metadata.name === 'cluster-info') as unknown as { metadata: { namespace: string }; data: Record<string, string> };
  assert.equal(cm.metadata.namespace, 'kube-public');
  assert.match(cm.data.kubeconfig, /\n    server: https:\/\/192\.168\.56\.100:6443\n/);
  const jws = cm.data[`jws-kubeconfig-${bootstrapTokenId(4)}`];
  const [header, payload, signature] = jws.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(header, 'base64url').toString()), { alg: 'HS256', kid: bootstrapTokenId(4) });
  assert.equal(payload, '');
  assert.match(signature, /^[A-Za-z0-9_-]{43}$/);
});
