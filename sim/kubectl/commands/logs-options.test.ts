import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { advance, applyManifests } from '../../index';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { runKubectl } from '../index';

// kubectl logs --since, --since-time, --limit-bytes and --all-containers over virtual time.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });
const said = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: talker
spec:
  initContainers:
  - name: init
    image: busybox
    command: ["sh", "-c", "echo ready"]
  containers:
  - name: main
    image: busybox
    command: ["sh", "-c", "echo a; sleep 10; echo b; sleep 10; echo c; sleep 3600"]
  - name: side
    image: busybox
    command: ["sh", "-c", "echo side; sleep 3600"]
`;

function cluster(): Cluster {
  const r = applyManifests(bootstrapCluster({ nodes: 1, seed: 2, recordTrace: false }), POD, { mode: 'apply', source: 'test' });
  assert.deepEqual(r.errors, []);
  return advance(r.cluster, 60_000);
}

test('--since counts back from now in whole seconds; --since-time from an instant; both after --tail', () => {
  const c = cluster();
  assert.equal(kubectl(c, 'logs talker -c main').stdout, 'a\nb\nc\n');
  const cAt = kubectl(c, 'logs talker -c main --timestamps --tail=1').stdout.split(' ')[0];
  const sinceC = Math.ceil((c.nowMs - (Date.parse(cAt) - c.config.epochMs)) / 1000);
  assert.equal(kubectl(c, `logs talker -c main --since=${sinceC}s`).stdout, 'c\n');
  assert.equal(kubectl(c, `logs talker -c main --since=${sinceC + 10}s`).stdout, 'b\nc\n');
  assert.equal(kubectl(c, `logs talker -c main --since-time=${cAt.replace(/\.\d+Z$/, 'Z')}`).stdout, 'c\n');
  assert.equal(kubectl(c, `logs talker -c main --since=${sinceC + 10}s --tail=1`).stdout, 'c\n');
});

test('--limit-bytes cuts the output; --all-containers reads init containers first, then the others', () => {
  const c = cluster();
  assert.equal(kubectl(c, 'logs talker -c main --limit-bytes=3').stdout, 'a\nb');
  assert.equal(kubectl(c, 'logs talker --all-containers').stdout, 'ready\na\nb\nc\nside\n');
  assert.equal(kubectl(c, 'logs talker --all-containers --prefix --tail=1').stdout, '[pod/talker/init] ready\n[pod/talker/main] c\n[pod/talker/side] side\n');
});

test("logs.go Validate's messages", () => {
  const c = cluster();
  assert.deepEqual(said(kubectl(c, 'logs talker -c main --since=1s --since-time=2025-01-01T00:00:00Z')), ['', 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n', 1]);
  assert.deepEqual(said(kubectl(c, 'logs talker --all-containers -c main')), ['', 'error: --all-containers=true should not be specified with container name main\n', 1]);
  assert.deepEqual(said(kubectl(c, 'logs talker -c main --limit-bytes=-1')), ['', 'error: --limit-bytes must be greater than 0\n', 1]);
  assert.deepEqual(said(kubectl(c, 'logs talker -c main --since=-5s')), ['', 'error: --since must be greater than 0\n', 1]);
  assert.deepEqual(said(kubectl(c, 'logs talker -c main --tail=-2')), ['', 'error: --tail must be greater than or equal to -1\n', 1]);
  assert.match(kubectl(c, 'logs talker -c main --since=soon').stderr, /^error: invalid argument "soon" for "--since" flag: time: invalid duration "soon"\n/);
});
