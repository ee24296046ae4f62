import { test } from 'node:test';
import assert from 'node:assert/strict';
import { declareImage, behaviourOf, parseImageRef } from './images';
import { emptyCluster, submit } from '../engine/loop';
import { controllers } from '../kubelet/index';
import { events, getPod, PULLED_MS, run, testContainer, testNode, testPod } from '../kubelet/testing';
import { SANDBOX_START_MS } from '../kubelet/sync';
import type { Pod } from '../api/types';
import type { Cluster } from '../engine/types';

function start(decls: (c: Cluster) => Cluster, ...pods: Pod[]): Cluster {
  const c = decls(emptyCluster({ seed: 3 }));
  return submit(c, [{ verb: 'create', object: testNode() }, ...pods.map((object) => ({ verb: 'create' as const, object }))], controllers).cluster;
}

test('image references: registry prefixes and tags resolve to the known behaviours', () => {
  assert.deepEqual(parseImageRef('nginx'), { repo: 'nginx', tag: 'latest', canonical: 'docker.io/library/nginx:latest' });
  assert.equal(parseImageRef('docker.io/library/httpd:2.4').repo, 'httpd');
  assert.equal(parseImageRef('registry.k8s.io/coredns/coredns:v1.11.1').canonical, 'registry.k8s.io/coredns/coredns:v1.11.1');
  const none = new Map();
  assert.equal(behaviourOf(none, 'docker.io/library/nginx:1.7.9').docroot, '/usr/share/nginx/html');
  assert.equal(behaviourOf(none, 'busybox').kind, 'shell');
  // The welcome page nginx packages: 612 bytes before the color-scheme style (1.7.9), 615 after.
  assert.equal(behaviourOf(none, 'nginx:1.7.9').files!['/usr/share/nginx/html/index.html'].length, 612);
  assert.equal(behaviourOf(none, 'nginx:1.27').files!['/usr/share/nginx/html/index.html'].length, 615);
  assert.equal(behaviourOf(none, 'nginx').files!['/usr/share/nginx/html/index.html'].length, 615);
  assert.equal(behaviourOf(none, 'registry.k8s.io/kube-proxy:v1.34.0').kind, 'server');
});

test('declared: "exits with code 1 after 10 seconds" and "takes 20 seconds to pull"', () => {
  let c = start((x) => declareImage(x, 'myapp:v1', { kind: 'server', exit: { afterMs: 10_000, code: 1 }, pullMs: 20_000 }),
    testPod('app', { restartPolicy: 'Never', containers: [testContainer({ name: 'app', image: 'myapp:v1' })] }));
  c = run(c, SANDBOX_START_MS + 29_999); // the sandbox, the 20 s pull, 10 s running
  assert.equal(getPod(c, 'app').status.phase, 'Running');
  c = run(c, 1);
  assert.equal(getPod(c, 'app').status.phase, 'Failed');
  assert.equal(getPod(c, 'app').status.containerStatuses![0].state.terminated?.exitCode, 1);
  assert.match(events(c, 'app')[1].message, /^Successfully pulled image "myapp:v1" in 20s \(20s including waiting\)/);
});

test('declared: "answers 500 on /healthy after 60 seconds" fails a liveness probe; "takes 30 seconds to start" delays readiness', () => {
  const probe = (path: string) => ({ httpGet: { path, port: 8080 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
  let c = start((x) => declareImage(declareImage(x, 'sick', { kind: 'server', http: [{ path: '/healthy', status: 500, fromMs: 60_000 }] }), 'slow', { kind: 'server', startupMs: 30_000 }),
    testPod('sick', { containers: [testContainer({ name: 'app', image: 'sick:1', livenessProbe: probe('/healthy') })] }),
    testPod('slow', { containers: [testContainer({ name: 'app', image: 'slow:1', readinessProbe: probe('/') })] }));
  // Both Pods' workers tick at 0, 10, 20 ... s (their first sync at 0). The sandboxes take 1 s; 'slow'
  // pulls after 'sick' on the node's serial puller (4-7 s), so it starts at 7 s and serves from 37 s:
  // the tick at 40 s makes it ready. 'sick' starts at 4 s and answers 500 from 64 s: failures at 70, 80, 90 s.
  c = run(c, 39_999);
  assert.equal(getPod(c, 'slow').status.containerStatuses![0].ready, false);
  c = run(c, 1);
  assert.equal(getPod(c, 'slow').status.containerStatuses![0].ready, true);
  c = run(c, 55_000);
  const ev = events(c, 'sick').filter((e) => e.reason === 'Unhealthy' || e.reason === 'Killing').map((e) => [e.t, e.message]);
  assert.deepEqual(ev, [
    [70_000, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
    [80_000, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
    [90_000, 'Liveness probe failed: HTTP probe failed with statuscode: 500'],
    [90_000, 'Container app failed liveness probe, will be restarted'],
  ]);
  const refused = events(c, 'slow').find((e) => e.reason === 'Unhealthy')!;
  assert.match(refused.message, /^Readiness probe failed: Get "http:\/\/10\.244\.1\.\d+:8080\/": dial tcp 10\.244\.1\.\d+:8080: connect: connection refused$/);
});

test('a startup probe gates liveness until it succeeds', () => {
  const startup = { exec: { command: ['test', '-f', '/tmp/ready'] }, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 10 };
  const liveness = { exec: { command: ['false'] }, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 1 };
  let c = start((x) => x, testPod('s', { containers: [testContainer({ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 12; touch /tmp/ready; sleep 9999'], startupProbe: startup, livenessProbe: liveness })] }));
  // The workers tick at 0, 5, 10 ... s (the Pod's first sync at 0); the container starts at 4 s (1 s
  // sandbox, 3 s pull) and touches /tmp/ready at 16 s, just after the tick at 15 s: the startup probe fails at 5, 10, 15 s and
  // succeeds at 20 s. The liveness tick at 20 s ran beside it, before the container counted as
  // started: the first liveness probe, and the kill, are at 25 s.
  c = run(c, 19_999);
  const ev = events(c, 's').filter((e) => e.reason === 'Unhealthy').map((e) => [e.t, e.message.split(':')[0]]);
  assert.deepEqual(ev, [[5000, 'Startup probe failed'], [10_000, 'Startup probe failed'], [15_000, 'Startup probe failed']]);
  assert.equal(getPod(c, 's').status.containerStatuses![0].started, false);
  c = run(c, 1);
  assert.equal(getPod(c, 's').status.containerStatuses![0].started, true, 'startup succeeded at 20 s');
  c = run(c, 5000);
  assert.ok(events(c, 's').some((e) => e.message === 'Container app failed liveness probe, will be restarted' && e.t === 25_000));
});

test('hostNetwork Pods take the node address; Pod IPs are not reused while a Pod holds them', () => {
  let c = start((x) => x,
    testPod('host', { hostNetwork: true, containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }),
    testPod('a', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }),
    testPod('b', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }));
  c = run(c, PULLED_MS + 1000); // the sandboxes, then the node's pulls: 3 s, 0.5 s, 0.5 s
  assert.equal(getPod(c, 'host').status.podIP, '192.168.56.101');
  assert.deepEqual([getPod(c, 'a').status.podIP, getPod(c, 'b').status.podIP], ['10.244.1.2', '10.244.1.3']);
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'a' }, reason: 't' }], controllers).cluster;
  c = run(c, 5000);
  c = run(submit(c, [{ verb: 'create', object: testPod('c', { containers: [testContainer({ name: 'a', image: 'nginx:1.7.9' })] }) }], controllers).cluster, SANDBOX_START_MS);
  assert.equal(getPod(c, 'c').status.podIP, '10.244.1.4', 'host-local goes on from the last allocated address');
});

test('hostPath files live on the node and outlive the Pod', () => {
  const pod = (name: string, script: string) => testPod(name, { restartPolicy: 'Never', volumes: [{ name: 'h', hostPath: { path: '/data' } }], containers: [testContainer({ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script], volumeMounts: [{ name: 'h', mountPath: '/mnt/h' }] })] });
  let c = start((x) => x, pod('w', 'echo kept > /mnt/h/f'));
  c = run(c, 5000);
  assert.equal(c.tables.nodes.get('node1')?.hostFiles?.get('/data/f'), 'kept\n');
  c = submit(c, [{ verb: 'create', object: pod('r', 'cat /mnt/h/f') }], controllers).cluster;
  c = run(c, 1000);
  const { podLogs } = require('./logs') as typeof import('./logs');
  assert.equal(podLogs(c, 'default', 'r').stdout, 'kept\n');
});

test("a script that ends in the image's server binary serves: echo > index.html && nginx -g 'daemon off;'", async () => {
  const { podHttpAnswer, podAcceptsTcp } = await import('./serve');
  const { viewOf } = await import('../index');
  let c = start((x) => x, testPod('web', { containers: [testContainer({
    name: 'web', image: 'nginx:1.25', command: ['/bin/sh', '-c', "echo hello from $(hostname) > /usr/share/nginx/html/index.html && exec nginx -g 'daemon off;'"],
    readinessProbe: { tcpSocket: { port: 80 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
  })] }));
  c = run(c, PULLED_MS);
  const pod = getPod(c, 'web');
  assert.equal(pod.status.containerStatuses![0].ready, true);
  assert.deepEqual(podHttpAnswer(viewOf(c), pod, 80, '/'), { status: 200, body: 'hello from web\n' });
  assert.deepEqual(podHttpAnswer(viewOf(c), pod, 80, '/nope').hasOwnProperty('status'), true);
  assert.equal(podAcceptsTcp(viewOf(c), pod, 8080), false);
  // nginx exits on SIGTERM even when a script started it.
  c = submit(c, [{ verb: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'web' }, reason: 't' }], controllers).cluster;
  assert.equal(c.store.get('Pod', 'default', 'web'), undefined);
});

test('an exec probe that outlives timeoutSeconds fails with "command ... timed out"', () => {
  let c = start((x) => x, testPod('slow', { containers: [testContainer({
    name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'],
    readinessProbe: { exec: { command: ['sh', '-c', 'sleep 2; true'] }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
  })] }));
  c = run(c, PULLED_MS);
  const ev = events(c, 'slow').filter((e) => e.reason === 'Unhealthy');
  assert.deepEqual(ev.map((e) => e.message), ['Readiness probe failed: command "sh -c sleep 2; true" timed out']);
  assert.equal(getPod(c, 'slow').status.containerStatuses![0].ready, false);
});
