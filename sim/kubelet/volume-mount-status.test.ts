import { test } from 'node:test';
import assert from 'node:assert/strict';
import { volumeMountStatuses } from './volume-mount-status';

test('status.volumeMounts: each mount, a read-only one with recursiveReadOnly Disabled; none when the container has none', () => {
  const mounts = [{ name: 'data', mountPath: '/data' }, { name: 'token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }];
  assert.deepEqual(volumeMountStatuses(mounts), [
    { name: 'data', mountPath: '/data' },
    { name: 'token', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true, recursiveReadOnly: 'Disabled' },
  ]);
  assert.equal(volumeMountStatuses(mounts), volumeMountStatuses(mounts)); // one array per spec list
  assert.equal(volumeMountStatuses([]), undefined);
  assert.equal(volumeMountStatuses(undefined), undefined);
});
