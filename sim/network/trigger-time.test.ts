import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from '../api/types';
import { LAST_CHANGE_TRIGGER_TIME, lastChangeTriggerTime, withTriggerTime, withoutTriggerTime } from './trigger-time';
import { reconcileEndpoints, type Endpoints } from './endpoints';
import { baseCluster, pod, service, viewWith } from './fixtures';

// trigger_time_tracker.go ComputeEndpointLastChangeTriggerTime, and the annotation the endpoint controller writes.

const EPOCH = Date.parse('2025-01-01T00:00:00Z');
const readyAt = (p: Pod, iso: string): Pod => ({ ...p, status: { ...p.status, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso }] } });

test('first sync: the Service\'s creationTimestamp; later: the earliest Ready transition of this second; none: cleared', () => {
  const svc = { ...service('web', { clusterIP: '10.96.1.1', selector: { app: 'web' } }), metadata: { ...service('web').metadata, creationTimestamp: '2025-01-01T00:00:06Z' } };
  const a = readyAt(pod('a', { labels: { app: 'web' }, ip: '10.244.1.2' }), '2025-01-01T00:00:09Z');
  const b = readyAt(pod('b', { labels: { app: 'web' }, ip: '10.244.1.3' }), '2025-01-01T00:00:40Z');
  assert.equal(lastChangeTriggerTime(svc, [a, b], true, 40_000, EPOCH), '2025-01-01T00:00:06Z');
  assert.equal(lastChangeTriggerTime(svc, [a, b], false, 40_500, EPOCH), '2025-01-01T00:00:40Z');
  assert.equal(lastChangeTriggerTime(svc, [a, b], false, 70_000, EPOCH), undefined);
  assert.deepEqual(withTriggerTime({ x: '1' }, '2025-01-01T00:00:40Z'), { x: '1', [LAST_CHANGE_TRIGGER_TIME]: '2025-01-01T00:00:40Z' });
  assert.deepEqual(withTriggerTime({ x: '1', [LAST_CHANGE_TRIGGER_TIME]: 't' }, undefined), { x: '1' });
  assert.deepEqual(withoutTriggerTime({ [LAST_CHANGE_TRIGGER_TIME]: 't' }), {});
});

test('the endpoint controller annotates what it writes; a change of the trigger time alone writes nothing', () => {
  const svc = service('web', { clusterIP: '10.96.1.1', selector: { app: 'web' } });
  const a = readyAt(pod('a', { labels: { app: 'web' }, ip: '10.244.1.2' }), '2025-01-01T00:00:09Z');
  const created = reconcileEndpoints(viewWith([...baseCluster(), svc, a], { epochMs: EPOCH }, 9_000), 'default/web').changes[0] as { object: Endpoints };
  assert.equal(created.object.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME], svc.metadata.creationTimestamp);
  const stored = { ...created.object, metadata: { ...created.object.metadata, uid: 'ep', resourceVersion: '2', creationTimestamp: '2025-01-01T00:00:09Z' } };
  // A later sync with no change of the addresses: no write, whatever the trigger.
  assert.deepEqual(reconcileEndpoints(viewWith([...baseCluster(), svc, a, stored], { epochMs: EPOCH }, 60_000), 'default/web').changes, []);
  // A second Pod turns Ready now: the update carries its transition time.
  const b = readyAt(pod('b', { labels: { app: 'web' }, ip: '10.244.1.3' }), '2025-01-01T00:01:00Z');
  const updated = reconcileEndpoints(viewWith([...baseCluster(), svc, a, b, stored], { epochMs: EPOCH }, 60_000), 'default/web').changes[0] as { object: Endpoints };
  assert.equal(updated.object.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME], '2025-01-01T00:01:00Z');
  // The Pod goes away: no trigger changed, the annotation is cleared.
  const gone = reconcileEndpoints(viewWith([...baseCluster(), svc, updated.object], { epochMs: EPOCH }, 90_000), 'default/web').changes[0] as { object: Endpoints };
  assert.equal(gone.object.metadata.annotations, undefined);
});
