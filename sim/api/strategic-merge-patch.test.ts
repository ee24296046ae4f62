import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goFormat, strategicMergePatch } from './strategic-merge-patch';
import { applyJsonPatch, decodeJsonPatch, jsonMergePatch, JsonPatchError } from './json-patch';

// strategicpatch.StrategicMergeMapPatch and evanphx/json-patch, as the API server applies them.

const podSpec = (containers: unknown[]) => ({ spec: { template: { spec: { containers } } } });

test('strategic merge: maps merge, null deletes, a list without a merge strategy is replaced', () => {
  const live = { spec: { replicas: 1, paused: true, template: { spec: { tolerations: [{ key: 'a' }], containers: [{ name: 'web', image: 'nginx' }] } } } };
  const out = strategicMergePatch('Deployment', live, { spec: { replicas: 3, paused: null, template: { spec: { tolerations: [{ key: 'b' }] } } } });
  assert.deepEqual(out, { spec: { replicas: 3, template: { spec: { tolerations: [{ key: 'b' }], containers: [{ name: 'web', image: 'nginx' }] } } } });
});

test('strategic merge: containers merge by name; a new container goes before the live ones (mergeSortedSlice)', () => {
  const live = podSpec([{ name: 'web', image: 'nginx:1.7', ports: [{ containerPort: 80 }] }]);
  assert.deepEqual(strategicMergePatch('Deployment', live, podSpec([{ name: 'web', image: 'nginx:1.9' }])),
    podSpec([{ name: 'web', image: 'nginx:1.9', ports: [{ containerPort: 80 }] }]));
  assert.deepEqual(strategicMergePatch('Deployment', live, podSpec([{ name: 'sidecar', image: 'redis' }])),
    podSpec([{ name: 'sidecar', image: 'redis' }, { name: 'web', image: 'nginx:1.7', ports: [{ containerPort: 80 }] }]));
});

test('strategic merge: container ports by containerPort, env by name, Service ports by port', () => {
  const live = podSpec([{ name: 'web', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] }]);
  const out = strategicMergePatch('Deployment', live, podSpec([{ name: 'web', env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }], ports: [{ containerPort: 443 }] }]));
  assert.deepEqual(out, podSpec([{ name: 'web', env: [{ name: 'A', value: '2' }, { name: 'B', value: '3' }], ports: [{ containerPort: 443 }, { containerPort: 80 }] }]));
  const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
  assert.deepEqual(strategicMergePatch('Service', svc, { spec: { ports: [{ port: 80, targetPort: 9090 }] } }), { spec: { ports: [{ port: 80, targetPort: 9090 }] } });
});

test('strategic merge directives: $patch delete in a list item, $patch replace, $retainKeys, finalizers as a set', () => {
  const live = podSpec([{ name: 'a' }, { name: 'b' }]);
  assert.deepEqual(strategicMergePatch('Deployment', live, podSpec([{ name: 'a', $patch: 'delete' }])), podSpec([{ name: 'b' }]));
  assert.deepEqual(strategicMergePatch('Deployment', live, podSpec([{ name: 'c' }, { $patch: 'replace' }])), podSpec([{ name: 'c' }]));
  assert.deepEqual(strategicMergePatch('Deployment', { spec: { a: 1, b: 2 } }, { spec: { $retainKeys: ['b', 'c'], c: 3 } }), { spec: { b: 2, c: 3 } });
  assert.deepEqual(strategicMergePatch('Pod', { metadata: { finalizers: ['x'] } }, { metadata: { finalizers: ['y', 'x'] } }), { metadata: { finalizers: ['y', 'x'] } });
  assert.throws(() => strategicMergePatch('Deployment', live, podSpec([{ image: 'x' }])), /map: map\[image:x\] does not contain declared merge key: name/);
});

test('goFormat prints a decoded patch as Go %v does', () => {
  assert.equal(goFormat({ spec: { replica: 3, z: [1, 'a'], a: null, b: true } }), 'map[spec:map[a:<nil> b:true replica:3 z:[1 a]]]');
  assert.equal(goFormat(0.5), '0.5');
});

test('JSON merge patch (RFC 7386): lists replace, null deletes', () => {
  assert.deepEqual(jsonMergePatch({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 4 }, l: [3] }), { a: { c: 2, d: 4 }, l: [3] });
});

test('JSON patch (RFC 6902): add, remove, replace, move, copy, test; a failing test refuses the whole patch', () => {
  const doc = { spec: { replicas: 1, list: ['a', 'b'] } };
  const ops = decodeJsonPatch([
    { op: 'test', path: '/spec/replicas', value: 1 },
    { op: 'replace', path: '/spec/replicas', value: 3 },
    { op: 'add', path: '/spec/list/-', value: 'c' },
    { op: 'add', path: '/spec/list/0', value: 'z' },
    { op: 'remove', path: '/spec/list/1' },
    { op: 'copy', from: '/spec/replicas', path: '/spec/copied' },
    { op: 'move', from: '/spec/copied', path: '/spec/moved' },
  ]);
  assert.ok(Array.isArray(ops));
  assert.deepEqual(applyJsonPatch(doc, ops as never), { spec: { replicas: 3, list: ['z', 'b', 'c'], moved: 3 } });
  assert.deepEqual(doc, { spec: { replicas: 1, list: ['a', 'b'] } }, 'input untouched');
  assert.throws(() => applyJsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }]), (e) => e instanceof JsonPatchError && /test failed/.test(e.message));
  assert.throws(() => applyJsonPatch(doc, [{ op: 'replace', path: '/spec/nope', value: 2 }]), JsonPatchError);
  assert.throws(() => applyJsonPatch(doc, [{ op: 'add', path: '/spec/a/b', value: 2 }]), JsonPatchError);
  assert.throws(() => applyJsonPatch(doc, [{ op: 'frobnicate', path: '/spec' }]), /Unexpected kind: frobnicate/);
  assert.deepEqual(decodeJsonPatch({ op: 'add' }), { error: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' });
});
