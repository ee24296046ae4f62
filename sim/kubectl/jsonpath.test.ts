import { test } from 'node:test';
import assert from 'node:assert/strict';
import { executeJsonPath, JsonPathError } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web', 'app.kubernetes.io/name': 'x' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] }, spec: { replicas: 3 } },
    { metadata: { name: 'b', labels: { app: 'db' } }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] }, spec: { replicas: 1 } },
  ],
};

test('fields, wildcards and indexes', () => {
  assert.equal(executeJsonPath('{.kind}', list), 'List');
  assert.equal(executeJsonPath('{.items[*].metadata.name}', list), 'a b');
  assert.equal(executeJsonPath('{.items[0].metadata.name}', list), 'a');
  assert.equal(executeJsonPath('{.items[-1].metadata.name}', list), 'b');
  assert.equal(executeJsonPath('{.items[0:1].metadata.name}', list), 'a');
  assert.equal(executeJsonPath('{.items[0,1].spec.replicas}', list), '3 1');
  assert.equal(executeJsonPath("{.items[0].metadata.labels['app.kubernetes.io/name']}", list), 'x');
  assert.equal(executeJsonPath('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', list), 'x');
});

test('maps and lists print as compact JSON with sorted keys', () => {
  assert.equal(executeJsonPath('{.items[1].metadata}', list), '{"labels":{"app":"db"},"name":"b"}');
  assert.equal(executeJsonPath('{.items[1].status.conditions}', list), '[{"status":"False","type":"Ready"}]');
});

test('range with literal text', () => {
  assert.equal(executeJsonPath('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', list), 'a\tRunning\nb\tPending\n');
  assert.equal(executeJsonPath('names: {range .items[*]}[{.metadata.name}]{end}', list), 'names: [a][b]');
});

test('filters', () => {
  assert.equal(executeJsonPath('{.items[?(@.status.phase=="Running")].metadata.name}', list), 'a');
  assert.equal(executeJsonPath('{.items[0].status.conditions[?(@.type=="Ready")].status}', list), 'True');
  assert.equal(executeJsonPath('{.items[?(@.spec.replicas>1)].metadata.name}', list), 'a');
  assert.equal(executeJsonPath("{.items[?(@.metadata.labels.app!='web')].metadata.name}", list), 'b');
  assert.equal(executeJsonPath('{.items[?(@.metadata.labels.app)].metadata.name}', list), 'a b');
});

test('recursive descent', () => {
  assert.equal(executeJsonPath('{..name}', list), 'a b');
});

test('missing keys print nothing (kubectl allows missing keys)', () => {
  assert.equal(executeJsonPath('{.items[*].metadata.nope}', list), '');
  assert.equal(executeJsonPath('{.items[5].metadata.name}', list), '');
});

test('malformed templates are errors', () => {
  assert.throws(() => executeJsonPath('{.items[0}', list), JsonPathError);
  assert.throws(() => executeJsonPath('{range .items[*]}{.a}', list), /range is not closed/);
  assert.throws(() => executeJsonPath('{end}', list), /not in range/);
});
