import { test } from 'node:test';
import { statusErrorText } from '../kubectl/commands/create-object';
import assert from 'node:assert/strict';
import { base64ErrorOffset } from './base64';
import { configEnvSource } from './env-source';
import { applyManifests, viewOf } from '../index';
import { bootstrapCluster } from '../cluster/bootstrap';
import { runKubectl } from '../kubectl';
import type { Pod, Volume } from '../api/types';
import type { Secret } from './types';

test('base64 errors at the byte Go reports (encoding/base64 CorruptInputError)', () => {
  assert.equal(base64ErrorOffset('YWRtaW4='), undefined);
  assert.equal(base64ErrorOffset('MTIzNDU2'), undefined);
  assert.equal(base64ErrorOffset(''), undefined);
  assert.equal(base64ErrorOffset('YWRt\naW4='), undefined); // newlines are skipped
  assert.equal(base64ErrorOffset('admin'), 4); // kubernetes#31548: 'billy' -> byte 4
  assert.equal(base64ErrorOffset('bill'), undefined);
  assert.equal(base64ErrorOffset('123456'), 4);
  assert.equal(base64ErrorOffset('<foo>'), 0);
  assert.equal(base64ErrorOffset('YQ='), 3);
  assert.equal(base64ErrorOffset('YQ==YQ=='), 4);
  assert.equal(base64ErrorOffset('Y==='), 1);
});

const cluster0 = bootstrapCluster({ nodes: 1, seed: 1 });
const secretYaml = (data: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${data}`;

test('invalid base64 in data is rejected without echoing the value', () => {
  const r = applyManifests(cluster0, secretYaml('data:\n  password: hunter22x\n'), { mode: 'create', source: 's.yml' });
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 8$/);
  assert.doesNotMatch(r.errors[0], /hunter/);
});

test('stringData is merged into data (it wins) and not stored; type defaults to Opaque', () => {
  const r = applyManifests(cluster0, secretYaml('data:\n  a: eA==\n  b: eQ==\nstringData:\n  a: plain\n'), { mode: 'create', source: 's.yml' });
  assert.deepEqual(r.errors, []);
  const s = viewOf(r.cluster).get<Secret>('Secret', 'default', 's')!;
  assert.deepEqual(s.data, { a: 'cGxhaW4=', b: 'eQ==' });
  assert.equal(s.stringData, undefined);
  assert.equal(s.type, 'Opaque');
});

test('an immutable Secret refuses data changes', () => {
  const a = applyManifests(cluster0, secretYaml('immutable: true\ndata:\n  a: eA==\n'), { mode: 'create', source: 's.yml' });
  assert.deepEqual(a.errors, []);
  const b = applyManifests(a.cluster, secretYaml('immutable: true\ndata:\n  a: eQ==\n'), { mode: 'replace', source: 's.yml' });
  assert.equal(b.errors.length, 1);
  assert.match(b.errors[0], /data: Forbidden: field is immutable when `immutable` is set/);
});

test('bad keys are rejected with the config-key message', () => {
  const r = applyManifests(cluster0, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  "a b": x\n', { mode: 'create', source: 'c.yml' });
  assert.equal(r.errors.length, 1);
  assert.match(r.errors[0], /data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters/);
});

test('volume files: every key decoded, or only the listed items at their paths', () => {
  const r = applyManifests(cluster0, secretYaml('data:\n  username: YWRtaW4=\n  password: MTIzNDU2\n'), { mode: 'create', source: 's.yml' });
  const view = viewOf(r.cluster);
  const pod = { metadata: { name: 'p', namespace: 'default' } } as unknown as Pod;
  const all = configEnvSource.volumeFiles!(view, pod, { name: 'foo', secret: { secretName: 's' } } as Volume);
  assert.deepEqual(all, { username: 'admin', password: '123456' });
  const some = configEnvSource.volumeFiles!(view, pod, { name: 'foo', secret: { secretName: 's', items: [{ key: 'username', path: 'my-group/my-username' }] } } as Volume);
  assert.deepEqual(some, { 'my-group/my-username': 'admin' });
  assert.equal(configEnvSource.valueFrom(view, pod, { secretKeyRef: { name: 's', key: 'password' } }), '123456');
  assert.deepEqual(configEnvSource.envFrom(view, pod, { secretRef: { name: 's' }, prefix: 'S_' }), { S_username: 'admin', S_password: '123456' });
});

test('kubectl create secret generic encodes literals, files and env files; describe hides values', () => {
  const files: Record<string, string> = { './pw': 'hunter2', 'e.env': '# c\nk1=v1\n\nk2=v=2\n' };
  const io = { readFile: (p: string) => files[p] };
  const a = runKubectl(cluster0, ['create', 'secret', 'generic', 's', '--from-literal=user=admin', '--from-file=./pw'], io);
  assert.equal(a.stdout, 'secret/s created\n');
  const s = viewOf(a.cluster).get<Secret>('Secret', 'default', 's')!;
  assert.deepEqual(s.data, { pw: 'aHVudGVyMg==', user: 'YWRtaW4=' });
  const d = runKubectl(a.cluster, ['describe', 'secret', 's'], io);
  assert.match(d.stdout, /pw:\s+7 bytes\n/);
  assert.doesNotMatch(d.stdout, /hunter2|admin/);
  const e = runKubectl(cluster0, ['create', 'configmap', 'c', '--from-env-file=e.env'], io);
  assert.equal(e.stdout, 'configmap/c created\n');
  assert.deepEqual(viewOf(e.cluster).get('ConfigMap', 'default', 'c')!.data, { k1: 'v1', k2: 'v=2' });
  const dup = runKubectl(cluster0, ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2'], io);
  assert.equal(dup.exitCode, 1);
  // create_secret.go addKeyFromLiteralToSecret words it without naming the Secret.
  assert.equal(dup.stderr, 'error: cannot add key a, another key by that name already exists\n');
});

test('kubectl create secret/configmap: each generator\'s key errors, directories, and the API error wrapped as "failed to create"', () => {
  const files: Record<string, string> = { 'conf/a.conf': 'A', 'conf/b.conf': 'B' };
  const io = { readFile: (p: string) => files[p], listDir: (p: string) => (p.replace(/\/$/, '') === 'conf' ? ['a.conf', 'b.conf'] : undefined) };
  const run = (argv: string[], c = cluster0) => runKubectl(c, argv, io);
  // create_configmap.go validateNewConfigMap quotes the key and names the ConfigMap.
  assert.equal(run(['create', 'configmap', 'c', '--from-literal=a=1', '--from-literal=a=2']).stderr,
    'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n');
  // Client-side key validation (validation.IsConfigMapKey), before anything reaches the API server.
  assert.match(run(['create', 'configmap', 'c', '--from-literal=a b=1']).stderr, /^error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of/);
  assert.match(run(['create', 'secret', 'generic', 's', '--from-literal=a b=1']).stderr, /^error: "a b" is not valid key name for a Secret a valid config key must consist of/);
  // util.ParseFileSource.
  assert.equal(run(['create', 'configmap', 'c', '--from-file==x']).stderr, 'error: key name for file path x missing\n');
  assert.equal(run(['create', 'configmap', 'c', '--from-file=k=']).stderr, 'error: file path for key name k missing\n');
  assert.equal(run(['create', 'configmap', 'c', '--from-file=a=b=c']).stderr, "error: key names or file paths cannot contain '='\n");
  // A directory gives one key per regular file; it cannot be renamed, nor be an env file.
  const dir = run(['create', 'configmap', 'c', '--from-file=conf']);
  assert.equal(dir.stdout, 'configmap/c created\n');
  assert.deepEqual(viewOf(dir.cluster).get('ConfigMap', 'default', 'c')!.data, { 'a.conf': 'A', 'b.conf': 'B' });
  assert.equal(run(['create', 'configmap', 'c', '--from-file=k=conf']).stderr, 'error: cannot give a key name for a directory path\n');
  assert.equal(run(['create', 'secret', 'generic', 's', '--from-env-file=conf']).stderr, 'error: env secret file cannot be a directory\n');
  // The API's refusal, wrapped (fmt.Errorf("failed to create secret: %v", err)).
  const first = run(['create', 'secret', 'generic', 's', '--from-literal=a=1']);
  assert.equal(run(['create', 'secret', 'generic', 's', '--from-literal=a=1'], first.cluster).stderr, 'error: failed to create secret: secrets "s" already exists\n');
  assert.match(run(['create', 'configmap', 'Bad', '--from-literal=a=1']).stderr, /^error: failed to create configmap: ConfigMap "Bad" is invalid: metadata\.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain/);
});

test("envError: makeEnvironmentVariables' messages, envFrom before env, optional references skipped", () => {
  const r = applyManifests(cluster0, `${secretYaml('data:\n  password: MTIzNDU2\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: x\nbinaryData:\n  b: eQ==\n`, { mode: 'create', source: 's.yml' });
  assert.deepEqual(r.errors, []);
  const view = viewOf(r.cluster);
  const pod = { metadata: { name: 'p', namespace: 'default' } } as unknown as Pod;
  const err = (c: Record<string, unknown>) => configEnvSource.envError!(view, pod, { name: 'c', image: 'busybox', ...c } as never);
  const secretRef = (name: string, key: string, optional?: boolean) => ({ valueFrom: { secretKeyRef: { name, key, ...(optional ? { optional } : {}) } } });
  const cmRef = (name: string, key: string) => ({ valueFrom: { configMapKeyRef: { name, key } } });
  assert.equal(err({ env: [{ name: 'A', ...secretRef('nope', 'password') }] }), 'secret "nope" not found');
  assert.equal(err({ env: [{ name: 'A', ...secretRef('s', 'username') }] }), "couldn't find key username in Secret default/s");
  assert.equal(err({ env: [{ name: 'A', ...cmRef('nope', 'a') }] }), 'configmap "nope" not found');
  // The kubelet reads ConfigMap Data only for env: a key in binaryData is not found.
  assert.equal(err({ env: [{ name: 'A', ...cmRef('c', 'b') }] }), "couldn't find key b in ConfigMap default/c");
  assert.equal(err({ env: [{ name: 'A', ...cmRef('c', 'a') }, { name: 'B', value: 'literal' }] }), undefined);
  assert.equal(err({ env: [{ name: 'A', ...secretRef('nope', 'x', true) }, { name: 'B', ...secretRef('s', 'nokey', true) }] }), undefined);
  assert.equal(err({ envFrom: [{ configMapRef: { name: 'gone' } }], env: [{ name: 'A', ...secretRef('nope', 'x') }] }), 'configmap "gone" not found');
  assert.equal(err({ envFrom: [{ secretRef: { name: 'gone', optional: true } }] }), undefined);
  assert.deepEqual(configEnvSource.envFrom(view, pod, { configMapRef: { name: 'c' } }), { a: 'x' });
});

test('projectVolume: MountVolume.SetUp errors for a missing object or listed key, none when optional; projected sources aggregate', () => {
  const r = applyManifests(cluster0, secretYaml('data:\n  password: MTIzNDU2\n'), { mode: 'create', source: 's.yml' });
  const view = viewOf(r.cluster);
  const pod = { metadata: { name: 'p', namespace: 'default' } } as unknown as Pod;
  const project = (v: Record<string, unknown>) => configEnvSource.projectVolume!(view, pod, { name: 'foo', ...v } as Volume);
  assert.deepEqual(project({ secret: { secretName: 'nope' } }), { error: 'secret "nope" not found' });
  assert.deepEqual(project({ secret: { secretName: 'nope', optional: true } }), { files: {} });
  assert.deepEqual(project({ secret: { secretName: 's', items: [{ key: 'username', path: 'u' }] } }), { error: 'references non-existent secret key: username' });
  assert.deepEqual(project({ secret: { secretName: 's', optional: true, items: [{ key: 'username', path: 'u' }, { key: 'password', path: 'p' }] } }), { files: { p: '123456' } });
  assert.deepEqual(project({ configMap: { name: 'nope' } }), { error: 'configmap "nope" not found' });
  assert.deepEqual(project({ projected: { sources: [{ secret: { name: 's' } }, { configMap: { name: 'nope' } }, { secret: { name: 'gone' } }] } }),
    { error: '[configmap "nope" not found, secret "gone" not found]' });
  assert.deepEqual(project({ projected: { sources: [{ secret: { name: 's' } }, { configMap: { name: 'nope', optional: true } }] } }), { files: { password: '123456' } });
  assert.equal(project({ emptyDir: {} }), undefined);
});

test('statusErrorText: a StatusError as Go prints it inside a wrapping error', () => {
  assert.equal(statusErrorText('Error from server (AlreadyExists): secrets "s" already exists', 'Secret'), 'secrets "s" already exists');
  assert.equal(statusErrorText('The Secret "s" is invalid: data[a b]: Invalid value: "a b": bad', 'Secret'), 'Secret "s" is invalid: data[a b]: Invalid value: "a b": bad');
  assert.equal(statusErrorText('The Secret "s" is invalid: \n* data[a]: x\n* data[b]: y', 'Secret'), 'Secret "s" is invalid: [data[a]: x, data[b]: y]');
});
