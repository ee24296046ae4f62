import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../../api/types';
import { bootstrapCluster } from '../../cluster/bootstrap';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { pod } from '../test-fixtures';
import { byLogging, mostActiveFirst } from './pod-io';

// Which of a workload's Pods kubectl picks: logs sorts podutils.ByLogging (logsForObject), exec and
// attach sort.Reverse(podutils.ActivePods) (attachablePodForObject); with no Pod yet, GetFirstPod
// watches for one for --pod-running-timeout (20s for logs, 1m0s for exec and attach).

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

test('ByLogging puts the Pod with most restarts first, reversed ActivePods the one with fewest', () => {
  const calm = pod('calm', 0, { node: 'n1' }) as Pod;
  const flaky = pod('flaky', 0, { node: 'n1', restartCount: 3 }) as Pod;
  assert.deepEqual(names([calm, flaky].sort(byLogging)), ['flaky', 'calm']);
  assert.deepEqual(names([calm, flaky].sort(mostActiveFirst)), ['calm', 'flaky']);
});

test('both: assigned before unassigned, Running before Pending, ready before not, ready longest, then oldest', () => {
  const pending = pod('pending', 0, { phase: 'Pending', ready: false }) as Pod; // unassigned
  const starting = pod('starting', 0, { node: 'n1', phase: 'Pending', ready: false }) as Pod;
  const unready = pod('unready', 0, { node: 'n1', ready: false }) as Pod;
  const young = pod('young', 20, { node: 'n1' }) as Pod; // ready at 25 s
  const old = pod('old', 10, { node: 'n1' }) as Pod; // ready at 15 s
  for (const order of [byLogging, mostActiveFirst]) {
    assert.deepEqual(names([pending, starting, unready, young, old].sort(order)), ['old', 'young', 'unready', 'starting', 'pending']);
  }
});

test('a Failed Pod ranks as Running for logs (a Go map miss is 0), as Pending for exec', () => {
  const failed = pod('failed', 0, { node: 'n1', phase: 'Failed', ready: false }) as Pod;
  const starting = pod('starting', 10, { node: 'n1', phase: 'Pending', ready: false }) as Pod;
  assert.deepEqual(names([starting, failed].sort(byLogging)), ['failed', 'starting']);
  assert.deepEqual(names([failed, starting].sort(mostActiveFirst)), ['failed', 'starting']); // a tie: then older first
});

const empty = kubectl(bootstrapCluster({ nodes: 1, seed: 3 }), 'create deployment web --image=nginx --replicas=0').cluster;

test('exec and attach on a workload without Pods wait --pod-running-timeout (1m0s), then time out', () => {
  for (const line of ['exec deploy/web -- hostname', 'attach deploy/web']) {
    const r = kubectl(empty, line);
    assert.deepEqual([r.stderr, r.exitCode], ['error: timed out waiting for the condition\n', 1], line);
    assert.equal(r.cluster.nowMs, empty.nowMs + 60_000, line);
  }
  const short = kubectl(empty, 'exec deploy/web --pod-running-timeout=5s -- hostname');
  assert.equal(short.cluster.nowMs, empty.nowMs + 5_000);
  assert.equal(kubectl(empty, 'logs deploy/web').cluster.nowMs, empty.nowMs + 20_000);
  assert.equal(kubectl(empty, 'exec deploy/web --pod-running-timeout=0s -- hostname').stderr, 'error: --pod-running-timeout must be higher than zero\n');
});

test('a kind without a Pod selector: SelectorsForObject\'s error, with the Go type', () => {
  const c = kubectl(empty, 'create configmap cm').cluster;
  assert.equal(kubectl(c, 'exec configmap/cm -- ls').stderr, 'error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
  assert.equal(kubectl(c, 'logs configmap/cm').stderr, 'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
});
