import { test } from 'node:test';
import assert from 'node:assert/strict';
import { balancedAllocationScore, defaultNormalizeScore, leastAllocatedScore, leastRequestedScore, normalizeSpreadScores } from './scores';

test('leastRequestedScore and LeastAllocated follow the doc tables (integer division)', () => {
  assert.deepEqual([leastRequestedScore(0, 2000), leastRequestedScore(500, 2000), leastRequestedScore(2500, 2000)], [100, 75, 0]);
  assert.equal(leastAllocatedScore(500, 2000, 1024, 4096), 75);
  assert.equal(leastAllocatedScore(1000, 2000, 0, 4096), 75); // (50 + 100) / 2
});

test('balanced allocation: 1 - |f_cpu - f_mem| / 2', () => {
  assert.equal(balancedAllocationScore(1000, 2000, 2048, 4096), 100);
  assert.equal(balancedAllocationScore(1600, 2000, 800, 4000), 70);
});

test('DefaultNormalizeScore and the spread normalisation', () => {
  const taints = [0, 1, 2];
  defaultNormalizeScore(taints, true);
  assert.deepEqual(taints, [100, 50, 0]);
  const none = [0, 0];
  defaultNormalizeScore(none, true);
  assert.deepEqual(none, [100, 100]);
  const spread = [2, 3, 4];
  normalizeSpreadScores(spread);
  assert.deepEqual(spread, [100, 75, 50]);
});
