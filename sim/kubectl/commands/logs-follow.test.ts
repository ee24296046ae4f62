import { test } from 'node:test';
import assert from 'node:assert/strict';
import { advance, applyManifests } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { QUIET_MS } from './watch-events';

// kubectl logs -f in virtual time: the lines there are, then each line as it is written, until the
// followed container stops running; a container that keeps running ends the follow as get -w ends.

const io = { readFile: () => undefined };
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), io);

const pod = (name: string, script: string, restartPolicy = 'Never', labels = 'app: talk') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {${labels}}
spec:
  restartPolicy: ${restartPolicy}
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "${script}"]
`;

const cluster = bootstrapCluster({ nodes: 2, seed: 1 });
const withPod = (yaml: string) => applyManifests(cluster, yaml, { mode: 'apply', source: 'pod.yml' }).cluster;

test('logs -f follows a container until it exits: the lines written after the command began, time at the exit', () => {
  const started = advance(withPod(pod('counter', 'echo one; sleep 2; echo two; sleep 2; echo three')), 4_000);
  assert.equal(kubectl(started, 'logs counter').stdout, 'one\n'); // running, one line so far
  const r = kubectl(started, 'logs -f counter');
  assert.equal(r.stdout, 'one\ntwo\nthree\n');
  assert.equal(r.exitCode, 0);
  const exited = r.cluster.nowMs;
  assert.equal(kubectl(r.cluster, 'get pod counter --no-headers').stdout.split(/\s+/)[2], 'Completed');
  // It returned at the container's exit: the last line is as old as the end of the follow.
  const stamped = kubectl(started, 'logs -f counter --timestamps').stdout.trimEnd().split('\n').at(-1)!;
  assert.equal(Date.parse(stamped.split(' ')[0]), started.config.epochMs + exited);
  // --tail cuts the lines there were when the request was made, not those written while following.
  assert.equal(kubectl(started, 'logs -f counter --tail=0').stdout, 'two\nthree\n');
});

test('logs -f of a container that keeps running ends after a quiet virtual minute, or at --request-timeout', () => {
  const started = advance(withPod(pod('ticker', 'echo a; sleep 5; echo b; sleep 5; echo c; sleep 3600', 'Always')), 4_000);
  const quiet = kubectl(started, 'logs -f ticker --timestamps');
  const lines = quiet.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.split(' ')[1]), ['a', 'b', 'c']);
  const lastMs = Date.parse(lines[2].split(' ')[0]) - started.config.epochMs;
  assert.equal(quiet.cluster.nowMs, lastMs + QUIET_MS);
  const timed = kubectl(started, 'logs -f ticker --request-timeout=3s');
  assert.equal(timed.cluster.nowMs, started.nowMs + 3_000);
  assert.equal(timed.stdout, kubectl(timed.cluster, 'logs ticker').stdout);
});

test('logs -f of a container still being created fails at once, as the kubelet answers (validateContainerLogStatus)', () => {
  const created = withPod(pod('late', 'echo hi'));
  const r = kubectl(created, 'logs -f late');
  assert.equal(r.stderr, 'Error from server (BadRequest): container "main" in pod "late" is waiting to start: ContainerCreating\n');
  assert.equal(r.exitCode, 1);
  assert.equal(r.cluster.nowMs, created.nowMs);
  // A container that already exited: its log, and no waiting.
  const done = advance(created, 30_000);
  const exited = kubectl(done, 'logs -f late');
  assert.deepEqual([exited.stdout, exited.cluster.nowMs], ['hi\n', done.nowMs]);
});

test('logs -f -l follows the selected Pods together: their lines interleave as written, until both exited', () => {
  let c = withPod(pod('left', 'echo l1; sleep 2; echo l2; sleep 2; echo l3'));
  c = applyManifests(c, pod('right', 'sleep 1; echo r1; sleep 2; echo r2'), { mode: 'apply', source: 'pod.yml' }).cluster;
  c = advance(c, 4_000);
  const r = kubectl(c, 'logs -f -l app=talk --prefix');
  assert.equal(r.stdout, ['[pod/left/main] l1', '[pod/right/main] r1', '[pod/left/main] l2', '[pod/right/main] r2', '[pod/left/main] l3', ''].join('\n'));
  // Without -f the requests are read one after the other.
  assert.equal(kubectl(r.cluster, 'logs -l app=talk').stdout, 'l1\nl2\nl3\nr1\nr2\n');
});

test('logs of a Pod no node was assigned: the API server has no log location and streams nothing (pod.LogLocation)', () => {
  const pending = withPod(pod('nowhere', 'echo hi').replace('spec:\n', 'spec:\n  nodeSelector: {disk: none}\n'));
  for (const line of ['logs nowhere', 'logs -f nowhere', 'logs -p nowhere']) {
    const r = kubectl(pending, line);
    assert.deepEqual([r.stdout, r.stderr, r.exitCode, r.cluster.nowMs], ['', '', 0, pending.nowMs], line);
  }
});

test('logs -f follows one instance: it returns when that container exits, before the kubelet restarts it; a Pod deleted while followed ends it too', () => {
  const crashing = advance(withPod(pod('crash', 'echo up; sleep 2; echo down; exit 1', 'Always')), 4_000);
  const r = kubectl(crashing, 'logs -f crash');
  assert.equal(r.stdout, 'up\ndown\n');
  // The kubelet starts it again (busybox pulled anew): -f then follows the new instance, from its start.
  const again = advance(r.cluster, 500);
  assert.equal(kubectl(again, 'logs crash').stdout, 'up\n');
  const second = kubectl(again, 'logs -f crash');
  assert.equal(second.stdout, 'up\ndown\n');
  assert.equal(kubectl(second.cluster, 'logs -p crash').stdout, 'up\ndown\n');
  // Deleted while followed: sh ignores SIGTERM, so the kubelet kills it at the end of the 30 s grace period.
  const sleeper = advance(withPod(pod('sleeper', 'echo hello; sleep 3600', 'Always')), 4_000);
  const deleted = kubectl(sleeper, 'delete pod sleeper --wait=false').cluster;
  const followed = kubectl(deleted, 'logs -f sleeper');
  assert.deepEqual([followed.stdout, followed.cluster.nowMs - deleted.nowMs], ['hello\n', 30_000]);
  assert.equal(followed.cluster.store.get('Pod', 'default', 'sleeper'), undefined);
});

test('logs TYPE/NAME of a workload with no Pod waits --pod-running-timeout for one (GetFirstPod), then times out', () => {
  const empty = kubectl(cluster, 'create deployment none --image=nginx --replicas=0').cluster;
  const r = kubectl(empty, 'logs deployment/none');
  assert.deepEqual([r.stderr, r.exitCode, r.cluster.nowMs - empty.nowMs], ['error: timed out waiting for the condition\n', 1, 20_000]);
  assert.equal(kubectl(empty, 'logs -f deployment/none --pod-running-timeout=5s').cluster.nowMs - empty.nowMs, 5_000);
  assert.equal(kubectl(empty, 'logs deployment/none --pod-running-timeout=0').stderr, 'error: --pod-running-timeout must be higher than zero\n');
});

test('logs -f --limit-bytes ends the stream at the write that reaches the limit (the kubelet\'s LimitWriter), not at the exit', () => {
  const started = advance(withPod(pod('counter', 'echo one; sleep 2; echo two; sleep 2; echo three')), 4_000);
  const full = kubectl(started, 'logs -f counter');
  const cut = kubectl(started, 'logs -f counter --limit-bytes=6');
  assert.equal(cut.stdout, 'one\ntw');
  assert.equal(cut.cluster.nowMs, full.cluster.nowMs - 2_000); // at "two", two seconds before the exit
  // Exactly at the limit after "one": the next write ("two") is the one refused.
  const exact = kubectl(started, 'logs -f counter --limit-bytes=4');
  assert.deepEqual([exact.stdout, exact.cluster.nowMs], ['one\n', cut.cluster.nowMs]);
});
