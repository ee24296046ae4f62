import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOverrides } from './run-overrides';

// kubectl run --overrides (override_options.go Overrider.Apply): merge (default), strategic, json.

const generated = () => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { creationTimestamp: null, labels: { run: 'web' }, name: 'web' },
  spec: { containers: [{ image: 'nginx', name: 'web', resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
  status: {},
});

test('merge (the default) is a JSON merge patch: a list replaces the generated one whole', () => {
  const r = applyOverrides(generated(), '{"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}],"nodeSelector":{"disk":"ssd"}}}', 'merge');
  assert.deepEqual((r as { spec: unknown }).spec, { containers: [{ name: 'web', env: [{ name: 'A', value: '1' }] }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', nodeSelector: { disk: 'ssd' } });
});

test('strategic merges containers by name, keeping the generated image', () => {
  const r = applyOverrides(generated(), '{"spec":{"containers":[{"name":"web","env":[{"name":"A","value":"1"}]}]}}', 'strategic');
  assert.deepEqual((r as { spec: { containers: unknown } }).spec.containers, [{ image: 'nginx', name: 'web', resources: {}, env: [{ name: 'A', value: '1' }] }]);
});

test('json applies RFC 6902 operations; null in a merge deletes', () => {
  const r = applyOverrides(generated(), '[{"op":"add","path":"/metadata/labels/tier","value":"front"}]', 'json');
  assert.deepEqual((r as { metadata: { labels: unknown } }).metadata.labels, { run: 'web', tier: 'front' });
  const d = applyOverrides(generated(), '{"metadata":{"labels":null}}', 'merge');
  assert.equal((d as { metadata: { labels?: unknown } }).metadata.labels, undefined);
});

test('errors: kubectl\'s words for a fragment that does not parse, an unknown type, a lost kind', () => {
  assert.deepEqual(applyOverrides(generated(), '{bad', 'merge'), { error: 'Invalid JSON Patch' });
  assert.deepEqual(applyOverrides(generated(), '[1]', 'strategic'), { error: 'invalid JSON document' });
  assert.deepEqual(applyOverrides(generated(), '{}', 'foo'), { error: 'invalid override type: foo' });
  assert.match((applyOverrides(generated(), '{"kind":null}', 'merge') as { error: string }).error, /^Object 'Kind' is missing in '/);
  assert.equal((applyOverrides(generated(), '', 'merge') as { kind: string }).kind, 'Pod');
});
