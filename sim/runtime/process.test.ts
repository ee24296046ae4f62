import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod } from '../api/types';
import { containerEnv, containerEnvOf, containerMounts, containerVfs, mountsOf, type EnvResolver } from './process';
import { sortMounts } from './fs';
import { SANDBOX_MOUNTS } from './sandbox-files';

function testContainer(c: Partial<Container> & { name: string; image: string }): Container {
  return { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ...c };
}

function pod(name: string, spec: Partial<Pod['spec']>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: name, resourceVersion: '', creationTimestamp: '' }, spec: { containers: [], ...spec } as Pod['spec'] } as Pod;
}

const web = testContainer({
  name: 'web', image: 'nginx',
  volumeMounts: [{ name: 'data', mountPath: '/data/' }, { name: 'host', mountPath: '/host', subPath: 'logs', readOnly: true }, { name: 'missing', mountPath: '/nope' }],
});
const volumes = [{ name: 'data', emptyDir: {} }, { name: 'host', hostPath: { path: '/var/log' } }];

test("containerMounts is the sandbox files' and the volume mounts, sorted, worked out once per container and volumes", () => {
  const p = pod('a', { volumes, containers: [web] });
  const mounts = containerMounts(p, web);
  assert.deepEqual(mounts, sortMounts([...SANDBOX_MOUNTS, ...mountsOf(p, web)]));
  assert.deepEqual(mounts.map((m) => m.path), ['/etc/resolv.conf', '/etc/hostname', '/etc/hosts', '/data', '/host']);
  assert.equal(containerMounts(pod('b', { volumes, containers: [web] }), web), mounts, 'same container spec and volumes: the same list');
  const other = containerMounts(pod('c', { volumes: [{ name: 'data', hostPath: { path: '/srv' } }], containers: [web] }), web);
  assert.deepEqual(other.map((m) => `${m.path}=${m.store}:${m.base}`), ['/etc/resolv.conf=sandbox:/resolv.conf', '/etc/hostname=sandbox:/hostname', '/etc/hosts=sandbox:/hosts', '/data=host:/srv']);
  assert.deepEqual(containerMounts(p, testContainer({ name: 'plain', image: 'busybox' })), sortMounts(SANDBOX_MOUNTS));
});

test("a container's file system reads its volumes, host files and sandbox files through the mounts", () => {
  const p = pod('a', { volumes, containers: [web] });
  const vfs = containerVfs(p, web, new Map([['/index.html', 'root']]), { data: new Map([['/f', 'F']]) }, new Map([['/var/log/logs/x', 'X']]));
  assert.deepEqual([vfs.read('/index.html'), vfs.read('/data/f'), vfs.read('/host/x'), vfs.read('/etc/hostname'), vfs.isReadOnly('/host/x')], ['root', 'F', 'X', 'a\n', true]);
  assert.equal(vfs.stat('/nope'), undefined, 'a mount of a volume the Pod does not have is no mount');
  const noVolumes = containerVfs(p, web, new Map(), {}, undefined);
  assert.deepEqual([noVolumes.stat('/data'), noVolumes.read('/data/f'), noVolumes.read('/host/x')], ['dir', undefined, undefined]);
  assert.equal(containerVfs(p, web, new Map(), { constructor: new Map([['/f', 'C']]) } as never, undefined).read('/data/constructor'), undefined);
});

test('containerEnvOf equals containerEnv; without references to other objects it is one frozen object per container and hostname', () => {
  const plain = testContainer({ name: 'c', image: 'busybox', env: [{ name: 'A', value: '1' }, { name: 'B', value: '$(A)-2' }, { name: 'C', value: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] });
  let asked = 0;
  const resolver = (): EnvResolver => { asked++; return { valueFrom: () => 'from-resolver', envFrom: () => ({ E: 'e' }) }; };
  const a = pod('a', { containers: [plain] });
  const env = containerEnvOf(a, plain, resolver);
  assert.deepEqual(env, containerEnv(a, plain));
  assert.ok(Object.isFrozen(env));
  assert.equal(containerEnvOf(pod('a', { containers: [plain] }), plain, resolver), env);
  assert.equal(containerEnvOf(pod('b', { containers: [plain] }), plain, resolver).HOSTNAME, 'b');
  assert.equal(containerEnvOf(pod('x', { hostname: 'a', containers: [plain] }), plain, resolver).HOSTNAME, 'a');
  assert.equal(asked, 0);
  const refs = testContainer({ name: 'r', image: 'busybox', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], envFrom: [{ configMapRef: { name: 'cm' } }] });
  const r1 = containerEnvOf(a, refs, resolver);
  assert.deepEqual(r1, containerEnv(a, refs, resolver()));
  assert.deepEqual([r1.N, r1.E], ['from-resolver', 'e']);
  assert.notEqual(containerEnvOf(a, refs, resolver), r1, 'asked again every time');
});
