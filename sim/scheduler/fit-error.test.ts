import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitErrorMessage, postFilterMessage, reasonHistogram } from './fit-error';

test('reasons are counted and sorted as Go sort.Strings sorts "<count> <reason>" (bytewise: "10 ..." before "2 ...")', () => {
  const counts = new Map([["node(s) didn't match Pod's node affinity/selector", 2], ['Insufficient cpu', 10], ['node(s) had untolerated taint {a: }', 1]]);
  assert.deepEqual(reasonHistogram(counts), ['1 node(s) had untolerated taint {a: }', '10 Insufficient cpu', "2 node(s) didn't match Pod's node affinity/selector"]);
});

test('FitError.Error(): filter histogram, then the PostFilter messages', () => {
  const preemption = fitErrorMessage(3, new Map([['Preemption is not helpful for scheduling', 3]]));
  assert.equal(preemption, '0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
  assert.equal(fitErrorMessage(3, new Map([['Insufficient memory', 3]]), postFilterMessage(preemption)),
    '0/3 nodes are available: 3 Insufficient memory. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
});
