import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod } from '../../api/types';
import { emptyCluster, submit } from '../../engine/loop';
import { controllers } from '../index';
import { addPodWorkers } from './manager';
import type { ContainerRt } from '../types';
import { clusterWith, events, getPod, PULLED_MS, run, testContainer, testNamespace, testNode, testPod } from '../testing';

// When probes run (pkg/kubelet/prober/worker.go run and doProbe, prober_manager.go AddPod and
// UpdatePodStatus): the worker's ticks come from the Pod's first sync on the node, not from the
// container's start; a kubelet that just started spreads its workers with a random sleep; the
// kubelet's own syncs of the Pod ask a not-ready container's readiness worker for a probe at once.

const failingLiveness = (periodSeconds: number, initialDelaySeconds = 0) => testContainer({
  name: 'web', image: 'nginx:1.7.9',
  livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds, periodSeconds, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
});

const unhealthyTimes = (c: ReturnType<typeof run>, name: string) => events(c, name).filter((e) => e.reason === 'Unhealthy').map((e) => e.t);

test('the ticks count from the Pod\'s first sync on its node, not from the container\'s start', () => {
  // The Pod reaches the kubelet at 1.2 s: its worker ticks at 1.2, 11.2, 21.2 ...; the container
  // starts at 5.2 s (1 s sandbox, 3 s pull); the first tick after its start is 11.2 s; failures at 11.2, 21.2, 31.2.
  let c = run(clusterWith(), 1200);
  c = submit(c, [{ verb: 'create', object: testPod('late', { containers: [failingLiveness(10)] }) }], controllers).cluster;
  c = run(c, 35_000);
  assert.equal(events(c, 'late').find((e) => e.reason === 'Started')?.t, 5200);
  assert.deepEqual(unhealthyTimes(c, 'late').slice(0, 3), [11_200, 21_200, 31_200]);
  assert.equal(events(c, 'late').find((e) => e.reason === 'Killing')?.t, 31_200);
});

test('initialDelaySeconds counts from the container\'s start: the first probe is the first tick at or after startedAt + initialDelaySeconds', () => {
  // Ticks at 0, 10, 20 ...; start at 4 s (1 s sandbox, 3 s pull); a 6 s delay lets the tick at 10 s probe (10 >= 4 + 6).
  const c = run(clusterWith(testPod('six', { containers: [failingLiveness(10, 6)] }), testPod('seven', { containers: [failingLiveness(10, 7)] })), 25_000);
  assert.equal(unhealthyTimes(c, 'six')[0], 10_000);
  // 'seven' pulled second on the node's serial puller: it starts at 4.5 s; 4.5 + 7 = 11.5: the tick at 20 s.
  assert.equal(unhealthyTimes(c, 'seven')[0], 20_000);
});

function withKubeletStartedAt(startMs: number, pod: Pod) {
  const r = submit(emptyCluster({ seed: 1 }), [
    { verb: 'create', object: testNamespace() }, { verb: 'create', object: testNode() },
    { verb: 'runtime', table: 'nodes', key: 'node1', value: { alive: true, lastHeartbeatMs: 0, images: new Set<string>(), kubeletStartMs: startMs } as never },
    { verb: 'create', object: pod },
  ], controllers);
  assert.deepEqual(r.errors, []);
  return r.cluster;
}

test('a kubelet that started less than a period before sleeps each new worker a seeded random part of the period first', () => {
  const pod = testPod('p', { containers: [failingLiveness(10)] });
  // Started 10 s before the Pod's first sync (at 0): time.Since(start) is not below the period, no sleep.
  const settled = unhealthyTimes(run(withKubeletStartedAt(-10_000, pod), 40_000), 'p');
  assert.deepEqual(settled.slice(0, 3), [10_000, 20_000, 30_000]);
  // Started 9.999 s before: the worker sleeps rand.Float64() * 10 s, then ticks every 10 s from there.
  const jittered = unhealthyTimes(run(withKubeletStartedAt(-9_999, pod), 40_000), 'p');
  const offset = jittered[0] % 10_000;
  // The first tick after the container's start at 4 s (1 s sandbox, 3 s pull).
  assert.ok(jittered[0] > 4000 && jittered[0] <= 14_000, `first probe at ${jittered[0]}`);
  assert.notEqual(offset, 0, 'the seeded draw of this test moves the ticks off the 10 s grid');
  assert.deepEqual(jittered.slice(0, 3), [jittered[0], jittered[0] + 10_000, jittered[0] + 20_000]);
  // The same seed, the same draw.
  assert.deepEqual(unhealthyTimes(run(withKubeletStartedAt(-9_999, pod), 40_000), 'p'), jittered);
});

test('AddPod starts one worker per probe, in the order startup, readiness, liveness, each with its own draw', () => {
  const probe = { exec: { command: ['true'] }, initialDelaySeconds: 0, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
  const specs: Container[] = [
    testContainer({ name: 'a', image: 'x', livenessProbe: { ...probe, periodSeconds: 10 }, readinessProbe: { ...probe, periodSeconds: 4 }, startupProbe: { ...probe, periodSeconds: 20 } }),
    testContainer({ name: 'b', image: 'x' }),
  ];
  const rows = specs.map((s) => ({ name: s.name, init: false, phase: 'new', id: 0, restartCount: 0, started: false, imagePulled: false }) as unknown as ContainerRt);
  const draws = [0.5, 0.25, 0.1];
  let n = 0;
  // The kubelet started 5 s before: the 4 s readiness period has passed (no sleep, no draw); the others sleep.
  const out = addPodWorkers(specs, rows, 100_000, 95_000, () => draws[n++]);
  assert.equal(n, 2);
  assert.deepEqual([out[0].startup?.nextMs, out[0].readiness?.nextMs, out[0].liveness?.nextMs], [100_000 + 10_000, 100_000, 100_000 + 2500]);
  assert.deepEqual([out[0].startup?.result, out[0].readiness?.result, out[0].liveness?.result], ['Unknown', 'Failure', 'Success']);
  assert.equal(out[1], rows[1], 'a container without probes keeps its row');
  // A kubelet whose start is not known (these tests' nodes): no sleep.
  assert.equal(addPodWorkers(specs, rows, 100_000, undefined, () => { throw new Error('no draw'); })[0].liveness?.nextMs, 100_000);
});

const readyProbe = (path: string, initialDelaySeconds: number) => ({ httpGet: { path, port: 80 }, initialDelaySeconds, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });

test('a readiness probe without initial delay runs when the container starts (UpdatePodStatus triggers it), then on the ticks', () => {
  // Ticks at 0, 10, 20 ...; 'up' starts at 4 s (1 s sandbox, 3 s pull): the sync that sees it running
  // triggers its readiness worker, ready at 4 s (not at the 10 s tick). 'down' starts at 4.5 s: the
  // triggered probe fails at 4.5 s, then the ticks at 10, 20 s.
  let c = clusterWith(
    testPod('up', { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9', readinessProbe: readyProbe('/', 0) })] }),
    testPod('down', { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9', readinessProbe: readyProbe('/ready', 0) })] }),
  );
  c = run(c, PULLED_MS - 1);
  assert.equal(getPod(c, 'up').status.containerStatuses?.[0].ready ?? false, false);
  c = run(c, 1);
  assert.equal(getPod(c, 'up').status.containerStatuses![0].ready, true);
  c = run(c, 22_000);
  assert.deepEqual(unhealthyTimes(c, 'down').slice(0, 3), [4500, 10_000, 20_000]);
});

test('a startup probe\'s success triggers the readiness probe at once; liveness waits for its tick', () => {
  // Ticks at 0, 10, 20 ... for all three workers; the container starts at 4 s, the startup probe
  // succeeds at the 10 s tick; the kubelet's sync for that result triggers readiness: ready at 10 s.
  const probe = { exec: { command: ['cat', '/etc/hostname'] }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
  let c = clusterWith(testPod('s', { containers: [testContainer({ name: 'web', image: 'nginx:1.7.9', startupProbe: probe, readinessProbe: readyProbe('/', 0) })] }));
  c = run(c, 9999);
  assert.deepEqual([getPod(c, 's').status.containerStatuses![0].started, getPod(c, 's').status.containerStatuses![0].ready], [false, false]);
  c = run(c, 1);
  assert.deepEqual([getPod(c, 's').status.containerStatuses![0].started, getPod(c, 's').status.containerStatuses![0].ready], [true, true]);
});
