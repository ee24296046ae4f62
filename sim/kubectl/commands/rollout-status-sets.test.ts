import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daemonSetStatus, statefulSetStatus } from './rollout-status-sets';
import type { KubeObject } from '../../api/types';

const sts = (spec: object, status: object, generation = 2): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web', generation }, spec, status }) as unknown as KubeObject;
const ds = (spec: object, status: object, generation = 2): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', generation }, spec, status }) as unknown as KubeObject;

test('StatefulSetStatusViewer: observed, ready, then the partition decides', () => {
  const rolling = (partition?: number) => ({ replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: partition === undefined ? undefined : { partition } } });
  assert.equal(statefulSetStatus(sts(rolling(0), { observedGeneration: 1 })).text, 'Waiting for statefulset spec update to be observed...');
  assert.equal(statefulSetStatus(sts(rolling(0), { observedGeneration: 2, readyReplicas: 1 })).text, 'Waiting for 2 pods to be ready...');
  assert.deepEqual(statefulSetStatus(sts(rolling(1), { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1 })),
    { text: 'Waiting for partitioned roll out to finish: 1 out of 2 new pods have been updated...', done: false });
  assert.deepEqual(statefulSetStatus(sts(rolling(1), { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 2 })),
    { text: 'partitioned roll out complete: 2 new pods have been updated...', done: true });
  // No rollingUpdate block (not what defaulting gives, but what the viewer handles): revisions decide.
  assert.equal(statefulSetStatus(sts(rolling(), { observedGeneration: 2, readyReplicas: 3, updatedReplicas: 1, updateRevision: 'web-b', currentRevision: 'web-a' })).text,
    'waiting for statefulset rolling update to complete 1 pods at revision web-b...');
  assert.equal(statefulSetStatus(sts({ replicas: 3, updateStrategy: { type: 'OnDelete' } }, {})).error, 'error: rollout status is only available for RollingUpdate strategy type');
});

test('DaemonSetStatusViewer: updated before available, then rolled out', () => {
  const spec = { updateStrategy: { type: 'RollingUpdate' } };
  assert.equal(daemonSetStatus(ds(spec, { observedGeneration: 1 })).text, 'Waiting for daemon set spec update to be observed...');
  assert.equal(daemonSetStatus(ds(spec, { observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 1, numberAvailable: 3 })).text,
    'Waiting for daemon set "agent" rollout to finish: 1 out of 3 new pods have been updated...');
  assert.equal(daemonSetStatus(ds(spec, { observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 2 })).text,
    'Waiting for daemon set "agent" rollout to finish: 2 of 3 updated pods are available...');
  assert.deepEqual(daemonSetStatus(ds(spec, { observedGeneration: 2, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3 })),
    { text: 'daemon set "agent" successfully rolled out', done: true });
  assert.equal(daemonSetStatus(ds({ updateStrategy: { type: 'OnDelete' } }, {})).error, 'error: rollout status is only available for RollingUpdate strategy type');
});
