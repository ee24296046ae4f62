import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, submit } from '../engine/loop';
import { NO_CHANGES, type Controller } from '../engine/types';
import type { Pod } from '../api/types';
import { controllers } from './index';
import { clusterWith, events, getPod, PULLED_MS, run, testContainer, testPod } from './testing';
import { SANDBOX_START_MS } from './sync';
import type { PodRt } from './types';

const nginx = () => testPod('nginx', { containers: [testContainer({ name: 'nginx', image: 'nginx:1.7.9', ports: [{ containerPort: 80, protocol: 'TCP' }] })] });

test('a bound Pod gets its sandbox and IP, pulls its image, is created and started', () => {
  let c = clusterWith(nginx());
  let p = getPod(c, 'nginx');
  // The first SyncPod writes the status as it begins: no sandbox, no IP, PodReadyToStartContainers False.
  assert.equal(p.status.phase, 'Pending');
  assert.equal(p.status.containerStatuses?.[0].state.waiting?.reason, 'ContainerCreating');
  assert.equal(p.status.podIP, undefined);
  assert.equal(p.status.hostIP, '192.168.56.101');
  assert.equal(p.status.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status, 'False');
  // RunPodSandbox takes its second; then the SyncPod blocks in the pull: the API still shows the first status.
  c = run(c, SANDBOX_START_MS);
  assert.equal(getPod(c, 'nginx').status, p.status);
  assert.equal((c.tables.pods.get(p.metadata.uid) as unknown as PodRt).ip, '10.244.1.2', 'the sandbox has its address');
  c = run(c, 2999);
  assert.equal(getPod(c, 'nginx').status.phase, 'Pending');
  c = run(c, 1);
  p = getPod(c, 'nginx');
  assert.equal(p.status.phase, 'Running');
  assert.equal(p.status.podIP, '10.244.1.2');
  assert.equal(p.status.containerStatuses?.[0].ready, true);
  assert.equal(p.status.containerStatuses?.[0].state.running?.startedAt, '2025-01-01T00:00:04Z');
  assert.deepEqual(p.status.conditions?.map((x) => `${x.type}=${x.status}`), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  assert.deepEqual(events(c, 'nginx').map((e) => `${e.t} ${e.reason}: ${e.message}`), [
    '1000 Pulling: Pulling image "nginx:1.7.9"',
    '4000 Pulled: Successfully pulled image "nginx:1.7.9" in 3s (3s including waiting). Image size: 67696814 bytes.',
    '4000 Created: Created container: nginx',
    '4000 Started: Started container nginx',
  ]);
  assert.ok((c.tables.nodes.get('node1')?.images as Set<string>).has('docker.io/library/nginx:1.7.9'));
  // quiet: nothing is due, no timers left
  assert.equal(c.timers.size, 0);
});

test('a second Pod with the same image on the node finds it present and gets the next IP', () => {
  let c = run(clusterWith(nginx()), 5000);
  const second = { ...nginx(), metadata: { ...nginx().metadata, name: 'nginx2' } };
  c = submit(c, [{ verb: 'create', object: second }], controllers).cluster;
  assert.equal(getPod(c, 'nginx2').status.containerStatuses?.[0].state.waiting?.reason, 'ContainerCreating', 'the sandbox first');
  c = run(c, SANDBOX_START_MS);
  const p = getPod(c, 'nginx2');
  assert.equal(p.status.phase, 'Running');
  assert.equal(p.status.podIP, '10.244.1.3');
  assert.equal(events(c, 'nginx2')[0].message, 'Container image "nginx:1.7.9" already present on machine');
});

test('exit 1 with restartPolicy Always: restarts with back-off 10, 20, 40 ... capped at 300 s; CrashLoopBackOff in between', () => {
  let c = clusterWith(testPod('crash', { containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] })] }));
  // Restart k happens exactly at expected[k] s after the first start (restartCount moves then, not 1 ms before).
  // (The events show the first ones only: the recorder's spam filter drops the rest.)
  const expected = [0, 0, 10, 30, 70, 150, 310, 610, 910, 1210];
  const restarts = () => getPod(c, 'crash').status.containerStatuses![0].restartCount;
  for (let k = 2; k < expected.length; k++) {
    c = run(c, PULLED_MS + expected[k] * 1000 - 1 - c.nowMs);
    assert.equal(restarts(), k - 1, `before ${expected[k]} s`);
    c = run(c, 1);
    assert.equal(restarts(), k, `at ${expected[k]} s`);
  }
  const starts = events(c, 'crash').filter((e) => e.reason === 'Started').map((e) => (e.t - PULLED_MS) / 1000);
  assert.deepEqual(starts.slice(0, 6), expected.slice(0, 6));
  const backoffs = events(c, 'crash').filter((e) => e.reason === 'BackOff');
  assert.match(backoffs[0].message, /^Back-off restarting failed container c in pod crash_default\(.+\)$/);
  // In between: waiting CrashLoopBackOff with the back-off in the message, lastState terminated Error 1.
  c = clusterWith(testPod('crash', { containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] })] }));
  c = run(c, PULLED_MS + 15_000);
  const s = getPod(c, 'crash').status.containerStatuses![0];
  assert.equal(s.state.waiting?.reason, 'CrashLoopBackOff');
  assert.match(s.state.waiting?.message ?? '', /^back-off 20s restarting failed container=c pod=crash_default\(/);
  assert.equal(s.lastState.terminated?.exitCode, 1);
  assert.equal(s.lastState.terminated?.reason, 'Error');
  assert.equal(s.restartCount, 2);
  assert.equal(getPod(c, 'crash').status.phase, 'Running');
});

test('restartPolicy Never and OnFailure: Failed, Succeeded, and a restarting OnFailure Pod stays Running', () => {
  const pod = (name: string, policy: 'Never' | 'OnFailure', script: string) => testPod(name, { restartPolicy: policy, containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] })] });
  let c = clusterWith(pod('never-fail', 'Never', 'sleep 5; exit 2'), pod('never-ok', 'Never', 'echo done'), pod('onfail-ok', 'OnFailure', 'sleep 1'), pod('onfail-fail', 'OnFailure', 'exit 3'));
  c = run(c, 60_000);
  assert.equal(getPod(c, 'never-fail').status.phase, 'Failed');
  assert.equal(getPod(c, 'never-fail').status.containerStatuses![0].state.terminated?.exitCode, 2);
  assert.equal(getPod(c, 'never-fail').status.conditions?.find((x) => x.type === 'Ready')?.reason, 'PodFailed');
  assert.equal(getPod(c, 'never-ok').status.phase, 'Succeeded');
  assert.equal(getPod(c, 'never-ok').status.conditions?.find((x) => x.type === 'Ready')?.reason, 'PodCompleted');
  assert.equal(getPod(c, 'onfail-ok').status.phase, 'Succeeded');
  // A finished Pod's sandbox is stopped: PodReadyToStartContainers False; a running one keeps True.
  for (const name of ['never-fail', 'never-ok', 'onfail-ok']) assert.equal(getPod(c, name).status.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status, 'False', name);
  assert.equal(getPod(c, 'onfail-fail').status.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status, 'True');
  assert.equal(getPod(c, 'onfail-fail').status.phase, 'Running');
  assert.ok(getPod(c, 'onfail-fail').status.containerStatuses![0].restartCount >= 3);
});

test('busybox without a command exits 0 at once (its CMD sh has no tty); with Always it crash-loops as Completed', () => {
  let c = clusterWith(testPod('bb', { containers: [testContainer({ name: 'bb', image: 'busybox' })] }));
  c = run(c, PULLED_MS);
  const s = getPod(c, 'bb').status.containerStatuses![0];
  assert.equal(s.restartCount, 1);
  assert.equal(s.lastState.terminated?.reason, 'Completed');
});

test('graceful deletion: a server exits on SIGTERM at once; a shell as PID 1 is killed at the end of the grace period', () => {
  const sh = testPod('shell', { containers: [testContainer({ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] })] });
  let c = run(clusterWith(nginx(), sh), 10_000);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'nginx' }, reason: 'test' }, { verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'shell' }, reason: 'test' }], controllers).cluster;
  assert.equal(c.store.get('Pod', 'default', 'nginx'), undefined, 'nginx gone at once');
  assert.ok(c.store.get('Pod', 'default', 'shell') !== undefined);
  assert.equal(events(c, 'shell').at(-1)?.message, 'Stopping container sh');
  const uid = getPod(c, 'shell').metadata.uid;
  c = run(c, 29_999);
  assert.ok(c.store.get('Pod', 'default', 'shell') !== undefined);
  c = run(c, 1);
  assert.equal(c.store.get('Pod', 'default', 'shell'), undefined, 'killed and purged after 30 s');
  assert.equal(c.tables.pods.has(uid), false, 'runtime row cleared');
});

test("the book's liveness example: the worker's ticks from the Pod's first sync; file removed 30 s after the start; three failures; SIGKILL 30 s later; restart", () => {
  // worker.go, in absolute time: the worker starts at the Pod's first sync, 0 s (no start-up jitter:
  // the kubelet is not just starting), so it ticks at 0, 5, 10 ...; the container starts at 4 s (the
  // sandbox, 1 s, and the pull, 3 s) and the first tick to probe it is the first at or after 4 + 10 = 14 s:
  // 15 s. The file goes at 34 s: the ticks at 15 ... 30 succeed, 35, 40, 45 fail; Killing at 45; the shell ignores
  // SIGTERM, SIGKILL at 45 + 30 = 75 s and the restart at once (the image is present).
  const pod = testPod('liveness', {
    containers: [testContainer({
      name: 'liveness', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  let c = clusterWith(pod);
  c = run(c, 200_000);
  const ev = events(c, 'liveness').map((e) => ({ ...e, t: e.t / 1000 }));
  const unhealthy = ev.filter((e) => e.reason === 'Unhealthy');
  assert.deepEqual(unhealthy.slice(0, 3).map((e) => e.t), [35, 40, 45]);
  assert.equal(unhealthy[0].message, "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  const killing = ev.find((e) => e.reason === 'Killing')!;
  assert.deepEqual([killing.t, killing.message], [45, 'Container liveness failed liveness probe, will be restarted']);
  const starts = ev.filter((e) => e.reason === 'Started').map((e) => e.t);
  assert.deepEqual(starts.slice(0, 2), [4, 75]);
  const s = getPod(c, 'liveness').status.containerStatuses![0];
  assert.ok(s.restartCount >= 1);
});

test('a container killed for its liveness probe stays Ready through the grace period (the killing SyncPod wrote the status before it blocked)', () => {
  const pod = testPod('liveness', {
    containers: [testContainer({
      name: 'liveness', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  // Killing at 45 s; the shell ignores SIGTERM, so it runs until SIGKILL at 75 s.
  const c = run(clusterWith(pod), 3000 + 60_000);
  const p = getPod(c, 'liveness');
  const s = p.status.containerStatuses![0];
  assert.deepEqual([s.ready, s.restartCount, s.state.running !== undefined], [true, 0, true]);
  assert.equal(p.status.conditions?.find((x) => x.type === 'Ready')?.status, 'True');
});

test('the readiness probe goes on while the container is killed for its liveness probe, and can make it unready before it stops', () => {
  // Absolute times: both workers tick at 0, 5, 10 ... (the Pod's first sync at 0); the container
  // starts at 4 s (1 s sandbox, 3 s pull), probed from the tick at or after 14 s; /tmp/healthy goes at 34 s. Liveness fails
  // at 35, 40, 45 (Killing at 45); readiness fails at 35, 40, 45 too, and its third failure turns
  // the cached result to Failure, whose update syncs the Pod: UpdatePodStatus finds the container
  // not ready and triggers the readiness worker, which probes again at once (a second failure at
  // 45). Then, its own worker, on at 50, 55, 60 while the shell waits for SIGKILL at 75.
  const pod = testPod('both', {
    containers: [testContainer({
      name: 'c', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  const c = run(clusterWith(pod), 63_000);
  const s = getPod(c, 'both').status.containerStatuses![0];
  assert.deepEqual([s.ready, s.restartCount, s.state.running !== undefined], [false, 0, true]);
  const readinessFailures = events(c, 'both').filter((e) => e.reason === 'Unhealthy' && e.message.startsWith('Readiness')).map((e) => e.t / 1000);
  assert.deepEqual(readinessFailures, [35, 40, 45, 45, 50, 55, 60]);
});

test('a liveness kill restarts unless restartPolicy is Never, whatever the exit code; with Never the Killing event does not promise a restart', () => {
  // nginx answers 404 on /healthz and exits 0 on SIGTERM. The workers tick at 0, 10, 20 ... (the
  // Pods' first sync at 0); the containers start at 4 and 4.5 s (one puller), failures at 10, 20,
  // 30: the kill at 30 s ends the container with exit code 0.
  const pod = (name: string, restartPolicy: 'Never' | 'OnFailure') => testPod(name, {
    restartPolicy,
    containers: [testContainer({
      name: 'web', image: 'nginx:1.7.9',
      livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  const c = run(clusterWith(pod('never', 'Never'), pod('onfailure', 'OnFailure')), 35_000);
  const killing = (name: string) => events(c, name).find((e) => e.reason === 'Killing')?.message;
  assert.equal(killing('never'), 'Container web failed liveness probe');
  assert.equal(killing('onfailure'), 'Container web failed liveness probe, will be restarted');
  const never = getPod(c, 'never');
  assert.deepEqual([never.status.phase, never.status.containerStatuses![0].restartCount, never.status.containerStatuses![0].state.terminated?.exitCode], ['Succeeded', 0, 0]);
  const onFailure = getPod(c, 'onfailure').status.containerStatuses![0];
  assert.deepEqual([onFailure.restartCount, onFailure.state.running !== undefined, onFailure.lastState.terminated?.exitCode], [1, true, 0]);
});

test('liveness kills restart at once until the back-off outgrows the time between kills (doBackOff reads the container before the killed one)', () => {
  // nginx answers 404 on /healthz and exits on SIGTERM. Absolute times: the worker ticks at 0, 10,
  // 20 ... (the Pod's first sync at 0) for every container; a container is probed from the first
  // tick after its start (the tick at the start instant cannot see it yet). The first starts at 4 s:
  // failures at 10, 20, 30, kill and restart at 30; then each container started at a tick is killed
  // 30 s later. The restart is decided in the SyncPod that killed, whose podStatus still had the
  // container running, so doBackOff checks the exited container before it: none at the first kill;
  // then 30 s ago, not in a 10 s or 20 s back-off (restarts at 60, 90, 120), but in the 40 s one:
  // the kill at 150 waits until 190; the next container is killed at 220, 70 s after the one before
  // it ended, in the 80 s back-off: 300; then 330 + 160 = 490; then 520 + 300 = 820.
  const pod = testPod('live', {
    containers: [testContainer({
      name: 'web', image: 'nginx:1.7.9',
      livenessProbe: { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  let c = clusterWith(pod);
  // Restart k happens exactly at expected[k] s.
  const expected = [4, 30, 60, 90, 120, 190, 300, 490, 820];
  const restarts = () => getPod(c, 'live').status.containerStatuses![0].restartCount;
  for (let k = 1; k < expected.length; k++) {
    c = run(c, expected[k] * 1000 - 1 - c.nowMs);
    assert.equal(restarts(), k - 1, `before ${expected[k]} s`);
    c = run(c, 1);
    assert.equal(restarts(), k, `at ${expected[k]} s`);
  }
  // Between the kill at 150 s and the restart at 190 s: CrashLoopBackOff with the 40 s back-off.
  c = run(clusterWith(pod), 151_000);
  const s = getPod(c, 'live').status.containerStatuses![0];
  assert.equal(s.state.waiting?.reason, 'CrashLoopBackOff');
  assert.match(s.state.waiting?.message ?? '', /^back-off 40s restarting failed container=web pod=live_default\(/);
  assert.equal(s.restartCount, 4);
  assert.equal(s.lastState.terminated?.finishedAt, '2025-01-01T00:02:30Z');
});

test('readiness: not ready until the first success; a failing readiness probe keeps it unready with Unhealthy events', () => {
  const pod = (name: string, path: string) => testPod(name, {
    containers: [testContainer({
      name: 'web', image: 'nginx:1.7.9',
      readinessProbe: { httpGet: { path, port: 80 }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  // Both workers tick at 0, 10, 20 ... (the Pods' first sync at 0). 'good' starts at 4 s; its start
  // triggers the readiness worker (UpdatePodStatus), which returns early within the 5 s initial
  // delay; the first tick at or after 9 s, 10 s, makes it ready.
  let c = clusterWith(pod('good', '/index.html'), pod('bad', '/healthy'));
  c = run(c, 9999);
  assert.equal(getPod(c, 'good').status.containerStatuses![0].ready, false);
  assert.equal(getPod(c, 'good').status.conditions?.find((x) => x.type === 'Ready')?.message, 'containers with unready status: [web]');
  c = run(c, 1);
  assert.equal(getPod(c, 'good').status.containerStatuses![0].ready, true);
  c = run(c, 60_000);
  assert.equal(getPod(c, 'bad').status.containerStatuses![0].ready, false);
  const bad = events(c, 'bad').filter((e) => e.reason === 'Unhealthy');
  assert.ok(bad.length >= 6);
  assert.equal(bad[0].message, 'Readiness probe failed: HTTP probe failed with statuscode: 404');
  // 'bad' pulled second on the node's serial puller: it started 0.5 s after 'good' (at 4.5 s), and
  // is probed from the tick at or after 9.5 s, on the same grid.
  assert.deepEqual(bad.slice(0, 3).map((e) => e.t), [10_000, 20_000, 30_000]);
});

test('an image that does not exist: ErrImagePull, then ImagePullBackOff, retries with back-off', async () => {
  const { declareImage } = await import('../runtime/images');
  const { emptyCluster } = await import('../engine/loop');
  let c = declareImage(emptyCluster({ seed: 1 }), 'nginx:nonexist', { kind: 'missing' });
  const { testNode } = await import('./testing');
  const { testNamespace } = await import('./testing');
  c = submit(c, [{ verb: 'create', object: testNamespace() }, { verb: 'create', object: testNode() }, { verb: 'create', object: testPod('nope', { containers: [testContainer({ name: 'web', image: 'nginx:nonexist' })] }) }], controllers).cluster;
  c = run(c, PULLED_MS);
  assert.equal(getPod(c, 'nope').status.containerStatuses![0].state.waiting?.reason, 'ErrImagePull');
  c = run(c, 100_000);
  const ev = events(c, 'nope');
  assert.ok(ev.some((e) => e.message === 'Error: ImagePullBackOff'));
  assert.ok(ev.some((e) => e.message.startsWith('Failed to pull image "nginx:nonexist": rpc error: code = NotFound')));
  assert.equal(getPod(c, 'nope').status.phase, 'Pending');
});

test('emptyDir shared by two containers; init containers run first, in order', () => {
  const pod = testPod('pc', {
    volumes: [{ name: 'shared', emptyDir: {} }],
    initContainers: [testContainer({ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo init > /work/seed'], volumeMounts: [{ name: 'shared', mountPath: '/work' }] })],
    containers: [
      testContainer({ name: 'producer', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'echo "hello world" > /producer_dir/hello; sleep 30000'], volumeMounts: [{ name: 'shared', mountPath: '/producer_dir' }] }),
      testContainer({ name: 'consumer', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'cat /consumer_dir/seed /consumer_dir/hello; sleep 30000'], volumeMounts: [{ name: 'shared', mountPath: '/consumer_dir' }] }),
    ],
  });
  let c = clusterWith(pod);
  assert.equal(getPod(c, 'pc').status.containerStatuses![0].state.waiting?.reason, 'PodInitializing');
  assert.equal(getPod(c, 'pc').status.conditions?.find((x) => x.type === 'Initialized')?.message, 'containers with incomplete status: [init]');
  c = run(c, 10_000);
  const p = getPod(c, 'pc');
  assert.equal(p.status.phase, 'Running');
  assert.equal(p.status.initContainerStatuses![0].state.terminated?.reason, 'Completed');
  assert.equal(p.status.initContainerStatuses![0].ready, true);
  assert.equal(p.status.conditions?.find((x) => x.type === 'Initialized')?.status, 'True');
  const rt = c.tables.pods.get(p.metadata.uid) as unknown as PodRt;
  const consumer = rt.containers.find((x) => x.name === 'consumer')!;
  assert.deepEqual(consumer.log.slice().map((l) => l.text).join(''), 'init\nhello world\n');
});

test('a dead node freezes its Pods; when it returns they catch up', () => {
  let c = clusterWith(testPod('s', { restartPolicy: 'Never', containers: [testContainer({ name: 's', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 20'] })] }));
  c = run(c, 5000);
  c = submit(c, [{ verb: 'runtime', table: 'nodes', key: 'node1', value: { ...c.tables.nodes.get('node1')!, alive: false } }], controllers, 'node-lifecycle').cluster;
  c = run(c, 60_000);
  assert.equal(getPod(c, 's').status.phase, 'Running');
  c = submit(c, [{ verb: 'runtime', table: 'nodes', key: 'node1', value: { ...c.tables.nodes.get('node1')!, alive: true } }], controllers, 'node-lifecycle').cluster;
  assert.equal(getPod(c, 's').status.phase, 'Succeeded');
});

test('deterministic and pure: the same inputs give the same events; the input snapshot is not touched', () => {
  const pod = () => testPod('liveness', {
    containers: [testContainer({
      name: 'liveness', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -rf /tmp/healthy; sleep 600'],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 10, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    })],
  });
  const start = clusterWith(pod());
  const row = start.tables.pods.get(getPod(start, 'liveness').metadata.uid);
  const frozenRow = JSON.stringify(row, (_k, v) => (v instanceof Map ? [...v] : v));
  const eventsBefore = start.events.length;
  const a = run(start, 400_000);
  const b = run(clusterWith(pod()), 400_000);
  assert.deepEqual(a.events.slice(), b.events.slice());
  assert.deepEqual(getPod(a, 'liveness').status, getPod(b, 'liveness').status);
  assert.equal(start.events.length, eventsBefore);
  assert.equal(start.tables.pods.get(getPod(start, 'liveness').metadata.uid), row);
  assert.equal(JSON.stringify(row, (_k, v) => (v instanceof Map ? [...v] : v)), frozenRow);
});

test('graceful deletion: Ready until the containers stop, then the terminal status is written before the Pod goes', () => {
  const sh = testPod('shell', { containers: [testContainer({ name: 'sh', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] })] });
  let c = run(clusterWith(nginx(), sh), 10_000);
  // Every version of the two Pods written from here on (what `kubectl get pods -w` prints).
  const seen: Pod[] = [];
  const spy: Controller = { name: 'spy', reconcile: () => NO_CHANGES, watches: { Pod: (_v, after) => { if (after !== undefined) seen.push(after as Pod); return []; } } };
  const all = [...controllers, spy];
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'nginx' }, reason: 'test' }, { verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'shell' }, reason: 'test' }], all).cluster;
  c = advance(c, 31_000, all);
  const last = (name: string) => seen.filter((p) => p.metadata.name === name).at(-1)!;
  // nginx exits 0 on SIGTERM: Succeeded, Completed; the shell is SIGKILLed after 30 s: Failed, exit 137.
  assert.deepEqual([last('nginx').status?.phase, last('nginx').status?.containerStatuses?.[0].state.terminated?.reason], ['Succeeded', 'Completed']);
  assert.deepEqual([last('shell').status?.phase, last('shell').status?.containerStatuses?.[0].state.terminated?.exitCode], ['Failed', 137]);
  const shellReady = seen.filter((p) => p.metadata.name === 'shell' && p.status?.phase === 'Running').map((p) => p.status?.containerStatuses?.[0].ready);
  assert.ok(shellReady.length > 0 && shellReady.every((r) => r === true), 'Ready through the grace period');
  assert.equal(c.store.get('Pod', 'default', 'shell'), undefined);
});

test('graceful deletion: readiness keeps probing through the grace period (only liveness and startup stop)', () => {
  const pod = testPod('slow', {
    containers: [testContainer({
      name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'touch /tmp/ready; sleep 40; rm /tmp/ready; sleep 3600'],
      readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      livenessProbe: { exec: { command: ['cat', '/tmp/ready'] }, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 1 },
    })],
  });
  let c = run(clusterWith(pod), 30_000);
  assert.equal(getPod(c, 'slow').status.containerStatuses![0].ready, true);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'slow' }, reason: 'test' }], controllers).cluster;
  // The file goes 40 s after the start; three failed readiness ticks later the container is unready,
  // still running in its grace period; liveness (failureThreshold 1) was stopped and kills nothing.
  c = run(c, 25_000);
  const s = getPod(c, 'slow').status.containerStatuses![0];
  assert.deepEqual([s.ready, s.state.running !== undefined, s.restartCount], [false, true, 0]);
  assert.ok(!events(c, 'slow').some((e) => e.reason === 'Killing' && e.message.includes('failed liveness probe')));
});
