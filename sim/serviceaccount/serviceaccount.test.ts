import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { advance, applyManifests, submit, viewOf } from '../index';
import { execInPod } from '../runtime/exec';
import { bootstrapCluster } from '../cluster/bootstrap';
import type { ConfigMap } from '../config/types';
import type { Pod } from '../api/types';
import { admitPod } from './admission';
import { API_TOKEN_MOUNT_PATH, ROOT_CA_CONFIGMAP } from './types';
import { serviceAccountToken } from './token';

const cluster0 = bootstrapCluster({ nodes: 1, seed: 1 });
const podYaml = (extra = '', container = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n  - name: c\n    image: busybox\n${container}`;

function created(cluster = cluster0, yaml = podYaml()): Pod {
  const r = applyManifests(cluster, yaml, { mode: 'create', source: 'p.yml' });
  assert.deepEqual(r.errors, []);
  return viewOf(r.cluster).get<Pod>('Pod', 'default', 'p')!;
}

test('every namespace gets the default ServiceAccount and the kube-root-ca.crt ConfigMap', () => {
  const r = applyManifests(cluster0, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n', { mode: 'create', source: 'ns.yml' });
  const v = viewOf(r.cluster);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team']) {
    assert.ok(v.get('ServiceAccount', ns, 'default'), `default ServiceAccount in ${ns}`);
    const cm = v.get<ConfigMap>('ConfigMap', ns, ROOT_CA_CONFIGMAP);
    assert.match(cm?.data?.['ca.crt'] ?? '', /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n$/);
  }
});

test('a deleted default ServiceAccount comes back; an edited kube-root-ca.crt is put back', () => {
  let c = submit(cluster0, [{ verb: 'delete', ref: { kind: 'ServiceAccount', namespace: 'default', name: 'default' }, reason: 'test' }]).cluster;
  assert.ok(viewOf(c).get('ServiceAccount', 'default', 'default'));
  const cm = viewOf(c).get<ConfigMap>('ConfigMap', 'default', ROOT_CA_CONFIGMAP)!;
  c = submit(c, [{ verb: 'update', object: { ...cm, data: { 'ca.crt': 'tampered' } } as ConfigMap }]).cluster;
  assert.equal(viewOf(c).get<ConfigMap>('ConfigMap', 'default', ROOT_CA_CONFIGMAP)!.data!['ca.crt'], cm.data!['ca.crt']);
});

test('a Pod mounts a projected kube-api-access volume read-only at the token path in every container', () => {
  const pod = created();
  const volume = pod.spec.volumes!.find((v) => v.name.startsWith('kube-api-access-'))!;
  assert.match(volume.name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.deepEqual((volume as { projected?: unknown }).projected, {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  });
  assert.deepEqual(pod.spec.containers[0].volumeMounts, [{ name: volume.name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }]);
  assert.equal(pod.spec.serviceAccountName, 'default');
});

test('automountServiceAccountToken: the Pod wins over the ServiceAccount; both default to mounting', () => {
  assert.equal(created(cluster0, podYaml('  automountServiceAccountToken: false\n')).spec.volumes, undefined);
  const quiet = applyManifests(cluster0, 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: quiet\nautomountServiceAccountToken: false\n', { mode: 'create', source: 'sa.yml' }).cluster;
  assert.equal(created(quiet, podYaml('  serviceAccountName: quiet\n')).spec.volumes, undefined);
  assert.equal(created(quiet, podYaml('  serviceAccountName: quiet\n  automountServiceAccountToken: true\n')).spec.volumes?.length, 1);
});

test('a container that already mounts something at the token path keeps it and gets no token volume', () => {
  const pod = created(cluster0, podYaml('  volumes:\n  - name: mine\n    emptyDir: {}\n', `    volumeMounts:\n    - name: mine\n      mountPath: ${API_TOKEN_MOUNT_PATH}\n`));
  assert.deepEqual(pod.spec.volumes!.map((v) => v.name), ['mine']);
});

test('a Pod naming a ServiceAccount that does not exist is forbidden, and nothing is stored', () => {
  const r = applyManifests(cluster0, podYaml('  serviceAccountName: ghost\n'), { mode: 'create', source: 'p.yml' });
  assert.deepEqual(r.errors, ['Error from server (Forbidden): error when creating "p.yml": pods "p" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found']);
  assert.equal(viewOf(r.cluster).get('Pod', 'default', 'p'), undefined);
});

test('a ServiceAccount created earlier in the same file admits the Pod that uses it', () => {
  const yaml = `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n---\n${podYaml('  serviceAccountName: app\n')}`;
  assert.equal(created(cluster0, yaml).spec.serviceAccountName, 'app');
});

test('admission is idempotent and leaves mirror Pods alone', () => {
  const pod = created();
  assert.equal(admitPod(pod, viewOf(cluster0)).obj, pod);
  const mirror = viewOf(cluster0).list<Pod>('Pod', 'kube-system').find((p) => p.metadata.name.startsWith('etcd-'))!;
  assert.equal(mirror.spec.volumes?.some((v) => v.name.startsWith('kube-api-access-')) ?? false, false);
});

test('admission appends the token mount and volume without writing to the Pod; the projection is one shared frozen value', () => {
  const deepFreeze = <T>(v: T): T => { if (v !== null && typeof v === 'object') { Object.values(v).forEach(deepFreeze); Object.freeze(v); } return v; };
  const pod = (name: string) => deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [{ name: 'c', image: 'busybox', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', emptyDir: {} }] } }) as unknown as Pod;
  const a = admitPod(pod('a'), viewOf(cluster0)).obj as Pod;
  const b = admitPod(pod('b'), viewOf(cluster0)).obj as Pod;
  const token = a.spec.volumes![1];
  assert.deepEqual(a.spec.volumes!.map((v) => v.name), ['data', token.name]);
  assert.deepEqual(a.spec.containers[0].volumeMounts, [{ name: 'data', mountPath: '/data' }, { name: token.name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }]);
  const projected = (v: unknown) => (v as { projected: object }).projected;
  assert.equal(projected(token), projected(b.spec.volumes![1]));
  assert.ok(Object.isFrozen((projected(token) as { sources: object }).sources));
});

test('the projected token is a JWT bound to the Pod and its ServiceAccount, valid a year with warnafter at 3607 s', () => {
  const pod = created();
  const token = serviceAccountToken(viewOf(cluster0), pod, 3607);
  const [header, payload, signature] = token.split('.');
  assert.deepEqual(Object.keys(JSON.parse(Buffer.from(header, 'base64url').toString())), ['alg', 'kid']);
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  assert.equal(claims.sub, 'system:serviceaccount:default:default');
  assert.equal(claims['kubernetes.io'].pod.name, 'p');
  assert.equal(claims['kubernetes.io'].serviceaccount.uid, viewOf(cluster0).get('ServiceAccount', 'default', 'default')!.metadata.uid);
  assert.equal(claims.exp - claims.iat, 31_536_000);
  assert.equal(claims['kubernetes.io'].warnafter - claims.iat, 3607);
  assert.match(signature, /^[A-Za-z0-9_-]{342}$/);
  assert.equal(JSON.parse(Buffer.from(serviceAccountToken(viewOf(cluster0), pod, 600).split('.')[1], 'base64url').toString()).exp - claims.iat, 600);
});

test('a container reads the token the kubelet requested when it mounted the volume, the same text at every read', () => {
  const yaml = podYaml('', '    command: ["sleep", "3600"]\n');
  let c = advance(applyManifests(cluster0, yaml, { mode: 'create', source: 'p.yml' }).cluster, 30_000);
  const cat = () => execInPod(c, 'default', 'p', undefined, ['cat', `${API_TOKEN_MOUNT_PATH}/token`]);
  const first = cat();
  assert.equal(first.exitCode, 0);
  // Pinned: the text the kubelet wrote before the token was made only when read (mounted at t=7s, when the bootstrap
  // ends). It holds uids and times, so objects the bootstrap adds and when it ends move it.
  assert.equal(createHash('sha256').update(first.stdout).digest('hex'), '396fb8b7cf911a03c676b093e2c6600432d592132d2f994219ff1e771b92cba4');
  assert.equal(JSON.parse(Buffer.from(first.stdout.split('.')[1], 'base64url').toString()).iat, Math.floor((c.config.epochMs + 7_000) / 1000));
  c = advance(c, 600_000);
  assert.equal(cat().stdout, first.stdout);
});
