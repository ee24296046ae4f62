import { test } from 'node:test';
import assert from 'node:assert/strict';
import { threeWayMerge } from './merge';

// CreateThreeWayMergePatch's outcome, applied: manifest wins, dropped fields go, others' fields stay.

test('fields set by others survive; fields the previous apply set and this one drops are removed', () => {
  const live = { spec: { replicas: 5, paused: true, minReadySeconds: 3 } };
  const last = { spec: { paused: true } };
  const manifest = { spec: { minReadySeconds: 10 } };
  assert.deepEqual(threeWayMerge(live, last, manifest), { spec: { replicas: 5, minReadySeconds: 10 } });
});

test('containers merge by name: a field set by `kubectl set resources` survives, the image follows the manifest', () => {
  const live = { containers: [{ name: 'web', image: 'nginx:1.9', resources: { limits: { cpu: '1' } }, imagePullPolicy: 'IfNotPresent' }] };
  const last = { containers: [{ name: 'web', image: 'nginx:1.7' }] };
  const manifest = { containers: [{ name: 'web', image: 'nginx:1.7' }] };
  assert.deepEqual(threeWayMerge(live, last, manifest), { containers: [{ name: 'web', image: 'nginx:1.7', resources: { limits: { cpu: '1' } }, imagePullPolicy: 'IfNotPresent' }] });
});

test('a container the previous apply had and this one drops is removed; one added by others is kept', () => {
  const live = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }, { name: 'sidecar', image: 'z' }] };
  const last = { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] };
  const manifest = { containers: [{ name: 'a', image: 'x2' }] };
  assert.deepEqual(threeWayMerge(live, last, manifest), { containers: [{ name: 'a', image: 'x2' }, { name: 'sidecar', image: 'z' }] });
});

test('lists without a merge key (tolerations, args) are replaced whole', () => {
  const live = { tolerations: [{ key: 'a' }, { key: 'b' }], args: ['1', '2'] };
  const manifest = { tolerations: [{ key: 'c' }], args: ['3'] };
  assert.deepEqual(threeWayMerge(live, undefined, manifest), manifest);
});

test('Service ports merge by port, container ports by containerPort', () => {
  const live = { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }] };
  const manifest = { ports: [{ port: 80, targetPort: 8080 }] };
  assert.deepEqual(threeWayMerge(live, manifest, manifest), { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }] }, 'the allocated nodePort is kept');
  const c = threeWayMerge({ ports: [{ containerPort: 80, protocol: 'TCP' }] }, undefined, { ports: [{ containerPort: 80, name: 'http' }] });
  assert.deepEqual(c, { ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] });
});
