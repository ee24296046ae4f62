import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bootstrapCluster } from '../../cluster/bootstrap';
import type { Cluster } from '../../engine/types';
import { advance, submit } from '../../engine/loop';
import { runKubectl } from '../index';
import { clusterWith, eventChange, namespace, pod } from '../test-fixtures';

// kubectl events --watch (events.go runWatch) and kubectl get events --watch (get.go watch): the
// Events there are (watch: in key order; get: the list), then one row per Event write, a repeat
// printed again with its new count; the tabwriter keeps the widest column so far.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });

/** web's BackOff at 0 s, db's Pulled at 10 s, now 20 s: by time web comes first, by name db. */
function twoEvents(): Cluster {
  let c = clusterWith([namespace('default'), pod('web', 0, { node: 'n1' }), pod('db', 0, { node: 'n1' })], 0);
  c = submit(c, [eventChange(c.store.get('Pod', 'default', 'web')!, 'BackOff', 'Back-off restarting failed container', 'kubelet', 'Warning')], []).cluster;
  c = advance(c, 10_000, []);
  c = submit(c, [eventChange(c.store.get('Pod', 'default', 'db')!, 'Pulled', 'Container image "mysql" already present on machine', 'kubelet')], []).cluster;
  return advance(c, 10_000, []);
}

/** A Pod whose container exits after 2 s, just created. */
function crashing(): Cluster {
  return runKubectl(bootstrapCluster({ nodes: 2, seed: 1 }), ['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'sleep 2; exit 1'], { readFile: () => undefined }).cluster;
}

test('events --watch starts with the Events there are in key order (not by time), each flushed on its own', () => {
  const c = twoEvents();
  assert.match(kubectl(c, 'events').stdout.split('\n')[1], /Pod\/web/); // the list: by last seen
  const r = kubectl(c, 'events --watch --request-timeout=1s');
  assert.equal(r.stdout, [
    'LAST SEEN   TYPE     REASON   OBJECT   MESSAGE',
    '10s         Normal   Pulled   Pod/db   Container image "mysql" already present on machine',
    // Flushed alone: the tabwriter widens columns to this row and keeps the widths it had.
    '20s         Warning   BackOff   Pod/web   Back-off restarting failed container',
    '',
  ].join('\n'));
  assert.equal(r.exitCode, 0);
  assert.equal(r.cluster.nowMs, c.nowMs + 1_000);
});

test('events --watch prints nothing while there is no Event (no "No events found"); --types filters the stream', () => {
  const empty = clusterWith([namespace('default')], 0);
  const r = kubectl(empty, 'events -w --request-timeout=5s');
  assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['', '', 0]);
  assert.equal(kubectl(twoEvents(), 'events -w --types=Warning --request-timeout=1s').stdout.trimEnd().split('\n').length, 2);
});

test('events --watch: each new Event, and each repeat again with its count, until a quiet minute', () => {
  const started = crashing();
  const r = kubectl(started, 'events -w --for pod/crash --request-timeout=30s');
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
  assert.match(lines[1], /^0s +Normal +Scheduled +Pod\/crash +Successfully assigned default\/crash to /);
  const startedRows = lines.filter((l) => / Started /.test(l));
  assert.match(startedRows[0], /^0s +Normal/);
  assert.match(startedRows[1], /^0s \(x2 over \d+s\) +Normal +Started +Pod\/crash +Started container crash$/);
  assert.ok(lines.some((l) => /^0s +Warning +BackOff +Pod\/crash +Back-off restarting failed container crash/.test(l)), r.stdout);
  assert.equal(r.cluster.nowMs, started.nowMs + 30_000);
  // Without --request-timeout it ends a virtual minute after the last write it saw.
  const quiet = kubectl(twoEvents(), 'events -w');
  assert.equal(quiet.cluster.nowMs, twoEvents().nowMs + 60_000);
});

test('events --watch -o yaml prints each Event as its own document, --- between them', () => {
  const r = kubectl(twoEvents(), 'events -w -o yaml --request-timeout=1s');
  assert.equal(r.stdout.split('\n').filter((l) => l === '---').length, 1);
  assert.equal(r.stdout.split('\n').filter((l) => l === 'kind: Event').length, 2);
});

test('get events -w: the list as get prints it (by name, pod/NAME), then each write as a row', () => {
  assert.equal(kubectl(twoEvents(), 'get events -w --request-timeout=1s').stdout, [
    'LAST SEEN   TYPE      REASON    OBJECT    MESSAGE',
    '10s         Normal    Pulled    pod/db    Container image "mysql" already present on machine',
    '20s         Warning   BackOff   pod/web   Back-off restarting failed container',
    '',
  ].join('\n'));
  const r = kubectl(crashing(), 'get events -w --field-selector involvedObject.name=crash --request-timeout=30s');
  const started = r.stdout.split('\n').filter((l) => / Started /.test(l));
  assert.equal(started.length, 3, r.stdout); // the Event, then its count going to 2 and 3 (MODIFIED rows)
  assert.ok(started.every((l) => /^0s +Normal +Started +pod\/crash +Started container crash$/.test(l)), r.stdout);
});
