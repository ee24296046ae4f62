import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from './work-queue';

const drainAll = (q: WorkQueue): string[] => {
  const out: string[] = [];
  for (let item = q.dequeue(); item !== undefined; item = q.dequeue()) out.push(`${item.controller}:${item.key}#${item.runs}`);
  return out;
};

test('FIFO across controllers; a key waits at most once per controller', () => {
  const q = new WorkQueue();
  q.enqueue('kubelet', 'Pod/default/a');
  q.enqueue('scheduler', 'Pod/default/a');
  q.enqueue('kubelet', 'Pod/default/b');
  q.enqueue('kubelet', ['Pod', 'default', 'a'].join('/')); // equal content, another string: still queued
  assert.equal(q.length, 3);
  assert.deepEqual(drainAll(q), ['kubelet:Pod/default/a#1', 'scheduler:Pod/default/a#1', 'kubelet:Pod/default/b#1']);
});

test('runs counts the reconciles of a key at this instant; a key queued again during its reconcile runs again; endInstant resets', () => {
  const q = new WorkQueue();
  q.enqueue('c', 'k');
  const first = q.dequeue()!;
  assert.equal(first.runs, 1);
  q.enqueue('c', 'k'); // while "reconciling": queued again
  q.enqueue('c', 'k'); // already waiting
  const second = q.dequeue()!;
  assert.deepEqual([second.key, second.runs], ['k', 2]);
  assert.equal(q.dequeue(), undefined);
  q.enqueue('c', 'k');
  assert.equal(q.dequeue()!.runs, 3);
  q.endInstant();
  q.enqueue('c', 'k');
  assert.equal(q.dequeue()!.runs, 1);
});

test('a long queue keeps its order while the consumed front is dropped', () => {
  const q = new WorkQueue();
  const seen: string[] = [];
  for (let i = 0; i < 10_000; i++) q.enqueue('c', `k${i}`);
  for (let i = 0; i < 20_000; i++) {
    const item = q.dequeue()!;
    seen.push(item.key);
    if (i < 10_000) q.enqueue('d', item.key); // each key once more, for another controller
  }
  assert.equal(q.dequeue(), undefined);
  assert.deepEqual(seen, [...Array.from({ length: 10_000 }, (_, i) => `k${i}`), ...Array.from({ length: 10_000 }, (_, i) => `k${i}`)]);
});
