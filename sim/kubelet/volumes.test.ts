import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../config/env-source'; // registers the Secret/ConfigMap source, as sim/index does
import { submit } from '../engine/loop';
import type { Cluster } from '../engine/types';
import type { KubeObject, Pod } from '../api/types';
import { controllers } from './index';
import { clusterWith, events, getPod, PULLED_MS, run, testContainer, testPod } from './testing';
import { isPodRt, type PodRt } from './types';
import { jitter, mountVolumes, remountedVolumes } from './volumes';
import { tokenVolumeSource } from '../serviceaccount/admission';

const secret = (password: string): KubeObject => ({
  apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
  data: { password: Buffer.from(password).toString('base64') },
} as unknown as KubeObject);

const sleeper = (mount: { subPath?: string; mountPath: string }) => testContainer({
  name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30000'], volumeMounts: [{ name: 'foo', ...mount }],
});
const podWithSecretVolume = (name = 'p', mount = { mountPath: '/etc/foo' }) =>
  testPod(name, { containers: [sleeper(mount)], volumes: [{ name: 'foo', secret: { secretName: 's' } }] });

const put = (c: Cluster, obj: KubeObject, verb: 'create' | 'update' = 'update'): Cluster => {
  const r = submit(c, [verb === 'create' ? { verb, object: obj } : { verb, object: obj, resourceVersion: Number(c.store.get(obj.kind, 'default', obj.metadata.name)!.metadata.resourceVersion) } as never], controllers);
  assert.deepEqual(r.errors, []);
  return r.cluster;
};
const rowOf = (c: Cluster, pod: Pod): PodRt => {
  const row = c.tables.pods.get(pod.metadata.uid);
  assert.ok(isPodRt(row));
  return row;
};
/** The Secret first, then the Pods (bound to node1). */
const withSecret = (...pods: Pod[]): Cluster => pods.reduce((c, p) => put(c, p, 'create'), put(clusterWith(), secret('one'), 'create'));
const fileOf = (c: Cluster, name: string, path = '/password') => rowOf(c, getPod(c, name)).volumes.foo.get(path);

test('wait.Jitter(d, 0.5): d plus up to half of d', () => {
  assert.equal(jitter(60_000, 0.5, 0), 60_000);
  assert.equal(jitter(60_000, 0.5, 0.5), 75_000);
  assert.equal(jitter(10_000, 0.5, 0.9999), 14_999);
});

test('a failing SetUp backs off 0.5 s, doubling, at most 2m2s (exponentialbackoff)', () => {
  const pod = podWithSecretVolume();
  const fail = () => ({ error: 'secret "s" not found' });
  let retries = {};
  let t = 0;
  const waits: number[] = [];
  for (let i = 0; i < 11; i++) {
    const m = mountVolumes(pod, fail, {}, retries, t);
    assert.deepEqual(m.failures, ['MountVolume.SetUp failed for volume "foo" : secret "s" not found']);
    const r = m.retries.foo;
    waits.push(r.retryAtMs - t);
    // Before the back-off ends nothing is tried.
    assert.deepEqual(mountVolumes(pod, fail, {}, m.retries, r.retryAtMs - 1).failures, []);
    retries = m.retries;
    t = r.retryAtMs;
  }
  assert.deepEqual(waits, [500, 1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 122_000, 122_000, 122_000]);
  const ok = mountVolumes(pod, () => ({ files: { password: 'x' } }), {}, retries, t);
  assert.deepEqual(ok.retries, {});
  assert.equal(ok.volumes.foo.get('/password'), 'x');
});

test('only secret/configMap volumes mounted whole are re-projected: not subPath mounts, not other projected sources, not the token volume', () => {
  assert.deepEqual(remountedVolumes(podWithSecretVolume()).map((v) => v.name), ['foo']);
  assert.deepEqual(remountedVolumes(podWithSecretVolume('p', { mountPath: '/etc/foo/password', subPath: 'password' } as never)), []);
  const downward = testPod('d', { containers: [sleeper({ mountPath: '/etc/foo' })], volumes: [{ name: 'foo', projected: { sources: [{ downwardAPI: { items: [] } }] } }] });
  assert.deepEqual(remountedVolumes(downward), []);
  const token = testPod('t', { containers: [sleeper({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' })], volumes: [{ name: 'foo', projected: tokenVolumeSource() }] });
  assert.deepEqual(remountedVolumes(token), []);
  const mixed = testPod('m', { containers: [sleeper({ mountPath: '/etc/foo' })], volumes: [{ name: 'foo', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { secret: { name: 's' } }] } }] });
  assert.deepEqual(remountedVolumes(mixed).map((v) => v.name), ['foo']);
  const empty = testPod('e', { containers: [sleeper({ mountPath: '/etc/foo' })], volumes: [{ name: 'foo', emptyDir: {} }] });
  assert.deepEqual(remountedVolumes(empty), []);
});

test('a mounted Secret is re-projected at the pod resync, 60-90 s after the container started, then every 60-90 s', () => {
  let c = run(withSecret(podWithSecretVolume()), PULLED_MS); // the sandbox, then the image pull
  const started = rowOf(c, getPod(c, 'p')).containers[0].startedMs!;
  const firstResync = rowOf(c, getPod(c, 'p')).resyncMs!;
  assert.ok(firstResync >= started + 60_000 && firstResync < started + 90_000, `resync at ${firstResync}, started ${started}`);
  c = put(c, secret('two'));
  assert.equal(fileOf(c, 'p'), 'one');
  c = run(c, firstResync - c.nowMs - 1);
  assert.equal(fileOf(c, 'p'), 'one');
  c = run(c, 1);
  assert.equal(fileOf(c, 'p'), 'two');
  const next = rowOf(c, getPod(c, 'p')).resyncMs!;
  assert.ok(next >= firstResync + 60_000 && next < firstResync + 90_000);
  // A deleted Secret: the files stay, and the failed SetUp is reported.
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Secret', namespace: 'default', name: 's' }, reason: 'test' }], controllers).cluster;
  c = run(c, next - c.nowMs);
  assert.equal(fileOf(c, 'p'), 'two');
  assert.equal(events(c, 'p').at(-1)?.message, 'MountVolume.SetUp failed for volume "foo" : secret "s" not found');
});

test('a Pod without secret/configMap volumes has no resync timer; nor does one that only mounts them with subPath', () => {
  let c = withSecret(
    testPod('plain', { containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30000'] })] }),
    podWithSecretVolume('sub', { mountPath: '/etc/foo/password', subPath: 'password' } as never),
  );
  c = run(c, 5000);
  assert.equal(rowOf(c, getPod(c, 'plain')).resyncMs, undefined);
  assert.equal(rowOf(c, getPod(c, 'sub')).resyncMs, undefined);
  // Only the shells' `sleep 30000` wake-ups are pending (started at 4 s; 'sub' pulled second on the node's serial puller: 0.5 s later).
  assert.deepEqual(c.timers.pending().map((t) => t.dueMs), [30_004_000, 30_004_500]);
  c = put(c, secret('two'));
  c = run(c, 600_000);
  assert.equal(fileOf(c, 'sub'), 'one');
});

test('env naming a missing Secret: CreateContainerConfigError, retried every 10-15 s (pod worker back-off) until it exists', () => {
  const envPod = testPod('e', { containers: [testContainer({
    name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 30000'],
    env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 's', key: 'password' } } }],
  })] });
  let c = run(clusterWith(envPod), 60_000);
  const s = getPod(c, 'e').status.containerStatuses![0];
  assert.deepEqual(s.state.waiting, { reason: 'CreateContainerConfigError', message: 'secret "s" not found' });
  assert.equal(getPod(c, 'e').status.phase, 'Pending');
  const failedAt = events(c, 'e').filter((e) => e.reason === 'Failed').map((e) => e.t);
  assert.equal(failedAt[0], PULLED_MS); // after the sandbox and the pull
  for (let i = 1; i < failedAt.length; i++) {
    const gap = failedAt[i] - failedAt[i - 1];
    assert.ok(gap >= 10_000 && gap < 15_000, `retry after ${gap} ms`);
  }
  assert.ok(events(c, 'e').every((e) => e.reason !== 'Created'));
  c = put(c, secret('one'), 'create');
  c = run(c, 15_000);
  assert.equal(getPod(c, 'e').status.phase, 'Running');
  assert.equal(rowOf(c, getPod(c, 'e')).containers[0].env?.P, 'one');
});

test('a Secret volume that cannot be set up: ContainerCreating with no IP and no image pulled, until the Secret appears', () => {
  let c = run(clusterWith(podWithSecretVolume()), 30_000);
  const p = getPod(c, 'p');
  assert.equal(p.status.phase, 'Pending');
  assert.equal(p.status.podIP, undefined);
  assert.equal(p.status.containerStatuses?.[0].state.waiting?.reason, 'ContainerCreating');
  assert.equal(p.status.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status, 'False');
  assert.deepEqual(events(c, 'p').map((e) => `${e.t} ${e.reason}`), ['0 FailedMount', '500 FailedMount', '1500 FailedMount', '3500 FailedMount', '7500 FailedMount', '15500 FailedMount']);
  c = put(c, secret('one'), 'create');
  c = run(c, 31_500 - c.nowMs); // the next retry
  c = run(c, PULLED_MS); // then the sandbox and the image pull
  assert.equal(getPod(c, 'p').status.phase, 'Running');
  assert.equal(getPod(c, 'p').status.podIP, '10.244.1.2');
  assert.equal(fileOf(c, 'p'), 'one');
  // Deleted while waiting: nothing ran, so it goes at once.
  let d = run(clusterWith(podWithSecretVolume()), 5000);
  d = submit(d, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'p' }, reason: 'test' }], controllers).cluster;
  d = run(d, 1000);
  assert.equal(d.store.get('Pod', 'default', 'p'), undefined);
});

test('a subPath mount keeps its file while the container runs; a restarted container binds the current one', () => {
  const pod = testPod('r', { containers: [testContainer({
    name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 100; exit 1'], volumeMounts: [{ name: 'foo', mountPath: '/etc/foo/password', subPath: 'password' }],
  })], volumes: [{ name: 'foo', secret: { secretName: 's' } }] });
  let c = run(withSecret(pod), PULLED_MS + 50_000); // started at 4 s
  c = put(c, secret('two'));
  c = run(c, 49_999); // t = 103.999 s: still the first run
  assert.equal(getPod(c, 'r').status.containerStatuses![0].restartCount, 0);
  assert.equal(fileOf(c, 'r'), 'one');
  c = run(c, 1); // exits at 104 s and restarts at once (first back-off entry)
  assert.equal(getPod(c, 'r').status.containerStatuses![0].restartCount, 1);
  assert.equal(fileOf(c, 'r'), 'two');
});

