import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellWords } from './shell-words';
import { formatDuration, parseDuration } from './durations';
import { readPath, valueEquals } from './object-path';
import { parseTable, unmatchedRow } from './kubectl-table';
import { nameList } from './queries';

test('shellWords splits like sh: quotes keep spaces, backslashes escape', () => {
  assert.deepEqual(shellWords(`kubectl get pods -l 'app in (a, b)' -o "jsonpath={.items[*].metadata.name}"`),
    ['kubectl', 'get', 'pods', '-l', 'app in (a, b)', '-o', 'jsonpath={.items[*].metadata.name}']);
  assert.deepEqual(shellWords(`echo a\\ b "c \\"d\\"" ''`), ['echo', 'a b', 'c "d"', '']);
  assert.throws(() => shellWords(`echo 'oops`), /unterminated '/);
});

test('parseDuration reads Go durations and words', () => {
  const cases: [string, number][] = [['30s', 30_000], ['2m', 120_000], ['1h30m', 5_400_000], ['500ms', 500], ['1m30s', 90_000],
    ['30 seconds', 30_000], ['1 minute', 60_000], ['5 minutes', 300_000], ['2 hours', 7_200_000]];
  for (const [text, ms] of cases) assert.equal(parseDuration(text), ms, text);
  assert.throws(() => parseDuration('5 fortnights'), /unknown unit/);
  assert.throws(() => parseDuration('5x'), /expected e.g./);
  assert.equal(formatDuration(95_000), '1m35s');
  assert.equal(formatDuration(3_600_000), '1h');
  assert.equal(formatDuration(0), '0s');
});

test('readPath follows keys, indexes, field=value filters, quoted keys and list lengths', () => {
  const pod = {
    metadata: { labels: { 'kubernetes.io/hostname': 'n1', app: 'web' } },
    status: { conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False' }], podIPs: [{ ip: '10.244.1.2' }] },
  };
  assert.equal(readPath(pod, 'status.conditions[type=Ready].status'), 'False');
  assert.equal(readPath(pod, 'metadata.labels["kubernetes.io/hostname"]'), 'n1');
  assert.equal(readPath(pod, 'metadata.labels.app'), 'web');
  assert.equal(readPath(pod, 'status.podIPs[0].ip'), '10.244.1.2');
  assert.equal(readPath(pod, 'status.podIPs.length'), 1);
  assert.equal(readPath(pod, 'status.missing.deeper'), undefined);
});

test('valueEquals compares numbers, booleans, null and JSON by value, strings as written', () => {
  assert.ok(valueEquals(3, '3'));
  assert.ok(!valueEquals(3, '4'));
  assert.ok(!valueEquals(0, ''));
  assert.ok(valueEquals(true, 'true'));
  assert.ok(valueEquals('True', 'True'));
  assert.ok(!valueEquals('True', 'true'));
  assert.ok(valueEquals({ app: 'web' }, '{"app": "web"}'));
  assert.ok(!valueEquals(undefined, ''));
});

test('parseTable reads kubectl columns, including a header with a space', () => {
  const out = [
    'NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE        NOMINATED NODE   READINESS GATES',
    'web-7d9f8c6b5d-abcde     1/1     Running   0          10s   10.244.1.2   k8s-node1   <none>           <none>',
    'web-7d9f8c6b5d-fghij     0/1     Pending   0          10s   <none>       <none>      <none>           <none>',
  ].join('\n');
  const table = parseTable(out);
  assert.ok(typeof table !== 'string');
  assert.deepEqual(table.columns, ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
  assert.equal(table.rows[0].NODE, 'k8s-node1');
  assert.equal(table.rows[1]['NOMINATED NODE'], '<none>');
  assert.equal(unmatchedRow(table, [{ NAME: 'web-[4-9bcdf]+-[a-z0-9]{5}', STATUS: 'Running' }, { STATUS: 'Pending' }]), undefined);
  assert.deepEqual(unmatchedRow(table, [{ STATUS: 'Running' }, { STATUS: 'Running' }]), { STATUS: 'Running' });
  assert.equal(typeof parseTable(''), 'string');
});

test('nameList reads comma and "and" separated names', () => {
  assert.deepEqual(nameList('k8s-node1, k8s-node2 and k8s-node3'), ['k8s-node1', 'k8s-node2', 'k8s-node3']);
  assert.deepEqual(nameList('k8s-node1'), ['k8s-node1']);
});
