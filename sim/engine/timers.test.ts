import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TimerQueue } from './timers';

test('one live timer per (controller, key), the earliest; the same key of two controllers is two timers', () => {
  const q = TimerQueue.empty().clone();
  q.schedule(300, 'kubelet', 'Pod/default/a');
  q.schedule(100, 'kubelet', 'Pod/default/a'); // earlier: replaces
  q.schedule(500, 'kubelet', 'Pod/default/a'); // later: dropped
  q.schedule(200, 'scheduler', 'Pod/default/a');
  assert.equal(q.size, 2);
  assert.deepEqual(q.pending().map((t) => [t.dueMs, t.controller]), [[100, 'kubelet'], [200, 'scheduler']]);
  assert.equal(q.peekDueMs(), 100);
  assert.deepEqual(q.popDue(150).map((t) => [t.dueMs, t.controller, t.key]), [[100, 'kubelet', 'Pod/default/a']]);
  assert.equal(q.size, 1);
  q.schedule(120, 'kubelet', 'Pod/default/a'); // free again once popped
  const frozen = q.freeze();
  const copy = frozen.clone();
  copy.schedule(50, 'scheduler', 'Pod/default/a');
  assert.deepEqual(frozen.pending().map((t) => t.dueMs), [120, 200], 'a clone never changes its source');
  assert.deepEqual(copy.popDue(1_000).map((t) => [t.dueMs, t.controller]), [[50, 'scheduler'], [120, 'kubelet']]);
  assert.equal(copy.size, 0);
});
