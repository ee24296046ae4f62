import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Taint, Toleration } from '../../api/types';
import { processPodOnNode } from './eviction-work';

const taint: Taint = { key: 'dedicated', value: 'x', effect: 'NoExecute' };
const forS = (s?: number): Toleration[] => [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', ...(s !== undefined ? { tolerationSeconds: s } : {}) }];
const pending = { createdAtMs: 10_000, fireAtMs: 70_000, fired: false };

test('processPodOnNode: the clock starts when the controller processes the Pod, whatever timeAdded says', () => {
  // A taint kubectl added has no timeAdded; one with an old timeAdded counts from now as well.
  assert.deepEqual(processPodOnNode(undefined, forS(60), [taint], 600_000), { work: { createdAtMs: 600_000, fireAtMs: 660_000, fired: false }, cancelled: false });
  assert.deepEqual(processPodOnNode(undefined, forS(60), [{ ...taint, timeAdded: '2025-01-01T00:00:00Z' }], 600_000).work?.fireAtMs, 660_000);
});

test('processPodOnNode: queued work keeps its time; untolerated taints delete now; forever or no taints cancel', () => {
  assert.deepEqual(processPodOnNode(pending, forS(30), [taint], 20_000), { work: pending, cancelled: false });
  assert.deepEqual(processPodOnNode(pending, [], [taint], 20_000), { work: { createdAtMs: 20_000, fireAtMs: 20_000, fired: false }, cancelled: true });
  assert.deepEqual(processPodOnNode(undefined, forS(0), [taint], 20_000).work?.fireAtMs, 20_000);
  assert.deepEqual(processPodOnNode(pending, forS(), [taint], 20_000), { work: undefined, cancelled: true });
  assert.deepEqual(processPodOnNode(pending, forS(60), [], 20_000), { work: undefined, cancelled: true });
  // Fired work is a nil worker: cancelling it records nothing, and AddWork leaves it be.
  const fired = { ...pending, fired: true };
  assert.deepEqual(processPodOnNode(fired, forS(60), [], 80_000), { work: undefined, cancelled: false });
  assert.deepEqual(processPodOnNode(fired, forS(60), [taint], 80_000), { work: fired, cancelled: false });
});
