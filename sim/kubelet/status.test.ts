import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import { pod } from '../testing/fixtures';
import { EMPTY_TREE } from '../runtime/fs';
import { AppendLog } from '../engine/append-log';
import { podStatusOf } from './status';
import type { ContainerRt, PodRt } from './types';

const iso = (ms: number) => new Date(Date.UTC(2025, 0, 1) + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function rowOf(p: Pod, phase: ContainerRt['phase'], extra: Partial<ContainerRt> = {}): PodRt {
  const c: ContainerRt = { name: 'nginx', init: false, phase, id: 0, restartCount: 0, rootfs: EMPTY_TREE, log: AppendLog.empty(), started: false, imagePulled: false, ...extra };
  return { ref: `default/${p.metadata.name}`, uid: p.metadata.uid, node: 'n1', ip: '10.244.1.2', hostIP: '192.168.56.101', startMs: 0, volumes: {}, backed: false, containers: [c] };
}

test('a container not created yet has one shared status across Pods, equal to the one built for it', () => {
  const a = pod('a', undefined);
  const b = pod('b', undefined, { meta: { uid: 'uid-b' } });
  const sa = podStatusOf(a, rowOf(a, 'pulling'), 0, iso).containerStatuses![0];
  const sb = podStatusOf(b, rowOf(b, 'pulling'), 0, iso).containerStatuses![0];
  assert.equal(sa, sb);
  assert.ok(Object.isFrozen(sa));
  assert.deepEqual(sa, { name: 'nginx', image: 'nginx:1.7.9', imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} });
  assert.deepEqual(Object.keys(sa), ['name', 'image', 'imageID', 'ready', 'started', 'restartCount', 'state', 'lastState']);
  // A waiting reason of its own, or a restart, is the container's own status.
  const own = podStatusOf(a, rowOf(a, 'pullError', { waiting: { reason: 'ErrImagePull', message: 'x' } }), 0, iso).containerStatuses![0];
  assert.ok(!Object.isFrozen(own));
  assert.deepEqual(own.state, { waiting: { reason: 'ErrImagePull', message: 'x' } });
  const restarted = podStatusOf(a, rowOf(a, 'new', { restartCount: 2 }), 0, iso).containerStatuses![0];
  assert.equal(restarted.restartCount, 2);
  assert.notEqual(restarted, sa);
});

test('mergePodStatus: a condition the kubelet does not own (DisruptionTarget) stays, ahead of the kubelet\'s own', () => {
  const disruption = { type: 'DisruptionTarget', status: 'True' as const, reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' };
  const p = pod('victim', undefined);
  const marked: Pod = { ...p, status: { ...p.status, conditions: [{ type: 'PodScheduled', status: 'True' }, disruption] } };
  const status = podStatusOf(marked, rowOf(marked, 'running', { startedMs: 0 }), 0, iso);
  assert.deepEqual(status.conditions!.map((c) => c.type), ['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
  assert.equal(status.conditions![0], disruption);
  assert.deepEqual(podStatusOf(p, rowOf(p, 'running', { startedMs: 0 }), 0, iso).conditions!.map((c) => c.type), ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
});
