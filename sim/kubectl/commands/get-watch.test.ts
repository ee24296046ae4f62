import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCluster } from '../../cluster/bootstrap';
import { advance } from '../../index';
import type { Cluster } from '../../engine/types';
import { runKubectl } from '../index';
import { QUIET_MS } from './get-watch';

// kubectl get --watch (get.go watch): the list, then one row per write of a watched object, through
// a tabwriter that remembers column widths; ends at --request-timeout, or once quiet for QUIET_MS.

const io = { readFile: () => undefined };
const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), io);
const started = kubectl(bootstrapCluster({ nodes: 2, seed: 1 }), 'create deployment web --image=nginx --replicas=2').cluster;

test('get pods -w: the list, then each Pod\'s changes as rows, widths kept from the widest row so far', () => {
  const r = kubectl(started, 'get pods -w');
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^NAME {19}READY   STATUS {14}RESTARTS   AGE$/);
  assert.deepEqual(lines.slice(1, 3).map((l) => l.split(/\s+/).slice(2, 3)[0]), ['ContainerCreating', 'ContainerCreating']);
  // The image pull ends at +4 s (1 s sandbox, 3 s pull; the status the first SyncPod wrote stands until
  // then): each Pod's write to Running is a row of its own, padded as ContainerCreating was.
  const running = lines.slice(3);
  assert.equal(running.length, 2);
  for (const l of running) assert.match(l, /^web-\w+-\w{5} {3}1\/1 {5}Running {13}0 {10}4s$/);
  assert.equal(r.exitCode, 0);
});

test('get pods -w ends once the watched objects were quiet for a minute, or at --request-timeout', () => {
  const quiet = kubectl(started, 'get pods -w');
  assert.equal(quiet.cluster.nowMs, started.nowMs + 4_000 + QUIET_MS); // last change at +4 s (Running)
  const timed = kubectl(started, 'get pods -w --request-timeout=2s');
  assert.equal(timed.cluster.nowMs, started.nowMs + 2_000);
  assert.equal(timed.stdout.trimEnd().split('\n').length, 3); // still ContainerCreating at +2 s: no event yet
});

test('get pod NAME -w watches that Pod only; --output-watch-events names each event, DELETED at the end', () => {
  // sleep ignores SIGTERM: the deleted Pod stays Terminating for its 30 s grace period.
  const sleepers = advance(kubectl(started, 'create deployment sleeper --image=busybox --replicas=2 -- sleep 3600').cluster, 10_000);
  const name = kubectl(sleepers, 'get pods -l app=sleeper -o name').stdout.split('\n')[0].replace('pod/', '');
  const deleted = kubectl(sleepers, `delete pod ${name} --wait=false`);
  const r = kubectl(deleted.cluster, `get pod ${name} -w --output-watch-events`);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^EVENT +NAME/);
  assert.match(lines[1], new RegExp(`^ADDED +${name} +1/1 +Terminating`));
  assert.ok(lines.slice(1).every((l) => l.includes(` ${name} `)), r.stdout);
  // Ready through the grace period (the kubelet wrote the status before it began the kill); SIGKILLed
  // at 30 s, the Pod's terminal status (Failed, exit 137: Error) is written, then the Pod goes.
  assert.ok(lines.slice(1, -2).every((l) => / 1\/1 +Terminating /.test(l)), r.stdout);
  assert.match(lines[lines.length - 2], new RegExp(`^MODIFIED +${name} +0/1 +Error +0 +40s$`));
  assert.match(lines[lines.length - 1], new RegExp(`^DELETED +${name} +0/1 +Error +0 +40s$`));
  assert.equal(r.cluster.nowMs, deleted.cluster.nowMs + 30_000 + QUIET_MS);
});

test('--watch -o yaml|name|jsonpath|go-template prints each object by itself (not a List), YAMLPrinter with --- before the later ones', () => {
  const names = kubectl(started, 'get pods -w -o go-template={{.metadata.name}}:{{.status.phase}};');
  assert.match(names.stdout, /^(web-\w+-\w{5}:Pending;){2}(web-\w+-\w{5}:Running;){2}$/);
  const yaml = kubectl(started, 'get pods -w -o yaml');
  assert.equal(yaml.stdout.split('\n---\n').length, 4, yaml.stdout);
  assert.ok(yaml.stdout.startsWith('apiVersion: v1\nkind: Pod\n'));
  assert.match(kubectl(started, 'get pods -w -o name').stdout, /^(pod\/web-\w+-\w{5}\n){4}$/);
  assert.match(kubectl(started, 'get pods -w --output-watch-events -o jsonpath={.type};').stdout, /^ADDED;ADDED;MODIFIED;MODIFIED;$/);
});

test('--watch refuses several types and custom columns', () => {
  assert.equal(kubectl(started, 'get pods,deployments -w').stderr, 'error: you may only specify a single resource type\n');
  assert.match(kubectl(started, 'get pods -w -o custom-columns=N:.metadata.name').stderr, /--watch prints tables, yaml, json, name, jsonpath and go-template/);
  assert.match(kubectl(started, 'get pods -w --request-timeout=soon').stderr, /invalid argument "soon" for "--request-timeout" flag/);
});
