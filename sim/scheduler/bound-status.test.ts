import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PodStatus } from '../api/types';
import { boundStatus } from './bound-status';

const AT = '2025-01-01T00:00:03Z';
const scheduledAt = (iso: string) => ({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: iso });

test('a shared new-Pod status binds to one shared status per instant; others get their own, PodScheduled replaced', () => {
  const pending = Object.freeze({ phase: 'Pending', qosClass: 'Burstable' }) as PodStatus;
  const a = boundStatus(pending, AT);
  assert.deepEqual(a, { phase: 'Pending', qosClass: 'Burstable', conditions: [scheduledAt(AT)] });
  assert.equal(boundStatus(pending, AT), a);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a.conditions) && Object.isFrozen(a.conditions![0]));
  const later = boundStatus(pending, '2025-01-01T00:00:04Z');
  assert.notEqual(later, a);
  assert.equal(later.conditions![0].lastTransitionTime, '2025-01-01T00:00:04Z');
  const own = { phase: 'Pending', qosClass: 'Burstable' } as PodStatus; // not shared: not memoised
  assert.deepEqual(boundStatus(own, AT), a);
  assert.notEqual(boundStatus(own, AT), boundStatus(own, AT));
  const failed = Object.freeze({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: 'no', lastProbeTime: null, lastTransitionTime: 'x' }, { type: 'Other', status: 'True' }] }) as unknown as PodStatus;
  assert.deepEqual(boundStatus(failed, AT).conditions, [{ type: 'Other', status: 'True' }, scheduledAt(AT)]);
  assert.deepEqual(boundStatus(undefined, AT), { conditions: [scheduledAt(AT)] });
});
