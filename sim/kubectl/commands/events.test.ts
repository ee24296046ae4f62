import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../../engine/types';
import { advance, submit } from '../../engine/loop';
import { runKubectl } from '../index';
import { clusterWith, eventChange, namespace, pod } from '../test-fixtures';

// kubectl events (events.go Run, event_printer.go): sorted by last seen, Kind/name objects, repeats
// as `10s (x2 over 40s)`, --for, --types, -A and the empty messages.

const kubectl = (c: Cluster, line: string) => runKubectl(c, line.split(' '), { readFile: () => undefined });

function withEvents(): Cluster {
  let c = clusterWith([namespace('default'), namespace('kube-system'), pod('web', 0, { node: 'n1' }), pod('db', 0, { node: 'n1' })], 0);
  const web = c.store.get('Pod', 'default', 'web')!;
  const db = c.store.get('Pod', 'default', 'db')!;
  c = submit(c, [eventChange(web, 'BackOff', 'Back-off restarting failed container', 'kubelet', 'Warning')], []).cluster;
  c = advance(c, 10_000, []);
  c = submit(c, [eventChange(db, 'Pulled', 'Container image "mysql" already present on machine ', 'kubelet')], []).cluster;
  c = advance(c, 20_000, []);
  c = submit(c, [eventChange(web, 'BackOff', 'Back-off restarting failed container', 'kubelet', 'Warning')], []).cluster;
  return advance(c, 10_000, []);
}

test('kubectl events: by last seen, OBJECT as Kind/name, a repeated event with its count and span', () => {
  const r = kubectl(withEvents(), 'events');
  assert.equal(r.stdout, [
    'LAST SEEN           TYPE      REASON    OBJECT    MESSAGE',
    '30s                 Normal    Pulled    Pod/db    Container image "mysql" already present on machine',
    '10s (x2 over 40s)   Warning   BackOff   Pod/web   Back-off restarting failed container',
    '',
  ].join('\n'));
});

test('--for TYPE/NAME, --types, -A, and the messages when nothing is found', () => {
  const c = withEvents();
  assert.match(kubectl(c, 'events --for pod/db').stdout, /Pod\/db/);
  assert.doesNotMatch(kubectl(c, 'events --for pod/db').stdout, /Pod\/web/);
  assert.doesNotMatch(kubectl(c, 'events --types=Warning').stdout, /Pulled/);
  assert.match(kubectl(c, 'events -A').stdout, /^NAMESPACE   LAST SEEN +TYPE/);
  assert.equal(kubectl(c, 'events -n kube-system').stderr, 'No events found in kube-system namespace.\n');
  assert.equal(kubectl(c, 'events --for pod/none').stderr, 'No events found in default namespace.\n');
  assert.equal(kubectl(c, 'events --types=Info').stderr, 'error: valid --types are Normal or Warning\n');
  assert.equal(kubectl(c, 'events --for web').stderr, 'error: --for must be in resource/name form\n');
  const yaml = kubectl(c, 'events -o yaml').stdout;
  assert.match(yaml, /^apiVersion: v1\nitems:\n- apiVersion: v1\n[\s\S]*\nkind: EventList\nmetadata: \{\}\n$/);
});

test('a cell ends at its first line break, marked ... (escapeCell)', () => {
  let c = clusterWith([namespace('default'), pod('web', 0, { node: 'n1' })], 0);
  c = submit(c, [eventChange(c.store.get('Pod', 'default', 'web')!, 'Failed', 'Error: first line\nsecond line', 'kubelet', 'Warning')], []).cluster;
  const lines = kubectl(advance(c, 1_000, []), 'events').stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1], /Pod\/web   Error: first line\.\.\.$/);
});
