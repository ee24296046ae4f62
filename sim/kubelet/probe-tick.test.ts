import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Cluster } from '../engine/types';
import { submit } from '../engine/loop';
import { controllers } from './index';
import { clusterWith, events, getPod, run, testContainer, testPod } from './testing';
import { isPodRt, type ContainerRt, type PodRt } from './types';

// A probe tick makes its own copies of the Pod's row and of the container it changes, and may
// finish them in place; the row it read stays as it was. Frozen rows make any write to them throw.

function freezeRows(c: Cluster): void {
  for (const row of c.tables.pods.values()) {
    if (!isPodRt(row)) continue;
    for (const ct of row.containers as readonly ContainerRt[]) {
      for (const w of [ct.liveness, ct.readiness, ct.startup]) if (w !== undefined) Object.freeze(w);
      Object.freeze(ct);
    }
    Object.freeze(row.containers);
    Object.freeze(row as PodRt);
  }
}

const probed = () => testPod('probed', {
  volumes: [{ name: 'scratch', emptyDir: {} }],
  containers: [
    testContainer({
      name: 'shell', image: 'busybox:1.36', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 100000'],
      volumeMounts: [{ name: 'scratch', mountPath: '/scratch' }],
      livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { exec: { command: ['cat', '/scratch/ready'] }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    }),
    testContainer({
      name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }],
      readinessProbe: { httpGet: { path: '/ready', port: 80 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      livenessProbe: { exec: { command: ['sh', '-c', 'test -f /etc/hostname && cat /etc/hostname'] }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    }),
  ],
});

test('probe ticks leave the rows they read untouched, and fail with the messages of the shell and the HTTP probe', () => {
  let c = run(clusterWith(probed()), 20_000);
  for (let t = 0; t < 6; t++) {
    freezeRows(c);
    c = run(c, 5000);
  }
  const unhealthy = events(c, 'probed').filter((e) => e.reason === 'Unhealthy');
  assert.deepEqual([...new Set(unhealthy.map((e) => e.message))].sort(), [
    'Readiness probe failed: HTTP probe failed with statuscode: 404',
    "Readiness probe failed: cat: can't open '/scratch/ready': No such file or directory",
  ]);
  // A status write by someone else: a sync that changes nothing else takes note of it in a new row.
  freezeRows(c);
  const pod = getPod(c, 'probed');
  c = submit(c, [{ verb: 'status', object: { ...pod, status: { ...pod.status, message: 'edited' } } }], controllers).cluster;
  const row = c.tables.pods.get(pod.metadata.uid) as unknown as PodRt;
  assert.equal(row.lastStatus, getPod(c, 'probed').status, 'the sync took note of the status it saw');
  const statuses = getPod(c, 'probed').status.containerStatuses!;
  assert.deepEqual(statuses.map((s) => [s.name, s.ready, s.restartCount]), [['shell', false, 0], ['web', false, 0]]);
});
