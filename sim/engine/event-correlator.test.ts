import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorrelatorWriter, EMPTY_CORRELATOR, correlateEvent, occurrences, type CorrelatorState, type EventInput } from './event-correlator';
import { emptyCluster, submit } from './loop';
import type { Change, EventRecord } from './types';

// client-go tools/record/events_cache.go, rule by rule: the spam filter's token bucket (burst 25,
// one more every 300 s), eventObserve's counting (dropped events count too) and the aggregator
// (the 10th different message of one reason within 10 minutes is combined).

const pod = (name: string) => ({ kind: 'Pod', namespace: 'default', name, uid: `uid-${name}` });
const unhealthy = (tMs: number, name = 'web', message = 'Readiness probe failed: HTTP probe failed with statuscode: 500', source = 'kubelet'): EventInput =>
  ({ timeMs: tMs, involved: pod(name), type: 'Warning', reason: 'Unhealthy', message, source });

/** Feeds events through one writer; returns the writes (undefined: dropped). */
function feed(events: readonly EventInput[], base: CorrelatorState = EMPTY_CORRELATOR): { writes: (EventRecord | undefined)[]; state: CorrelatorState } {
  const w = new CorrelatorWriter(base);
  const writes = events.map((e) => w.record(e));
  return { writes, state: w.seal() };
}

test('a source may write 25 events about an object at once; the 26th is dropped', () => {
  const { writes } = feed(Array.from({ length: 26 }, (_, i) => unhealthy(i * 1000)));
  assert.equal(writes.filter((w) => w !== undefined).length, 25);
  assert.equal(writes[25], undefined);
  // The first creates the Event; the others patch it with the growing count.
  assert.equal(writes[0]!.count, undefined);
  assert.deepEqual(writes.slice(1, 25).map((w) => w!.count), Array.from({ length: 24 }, (_, i) => i + 2));
  assert.equal(writes[24]!.firstTimeMs, 0);
});

test('the bucket refills one event per 300 s, and the write then shows every occurrence, dropped ones included', () => {
  const burst = Array.from({ length: 25 }, () => unhealthy(0));
  const { writes } = feed([...burst, unhealthy(1_000), unhealthy(299_999), unhealthy(300_000), unhealthy(300_001), unhealthy(600_000)]);
  assert.deepEqual(writes.slice(25).map((w) => w?.count), [undefined, undefined, 28, undefined, 30]);
  assert.equal(writes[27]!.timeMs, 300_000);
  assert.equal(writes[27]!.firstTimeMs, 0);
});

test('a full hour of a probe failing every 10 s: 25 writes, then one every 300 s; the count is all 361', () => {
  const { writes } = feed(Array.from({ length: 361 }, (_, i) => unhealthy(i * 10_000)));
  const written = writes.filter((w): w is EventRecord => w !== undefined);
  // 25 at 0..240 s leave 0.8 tokens; the 26th token is there at 300 s, then every 300 s.
  assert.deepEqual(written.slice(24).map((w) => w.timeMs / 1000), [240, 300, 600, 900, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 3300, 3600]);
  assert.equal(written.at(-1)!.count, 361);
  assert.equal(occurrences(feed(Array.from({ length: 361 }, (_, i) => unhealthy(i * 10_000))).state, 'Unhealthy'), 361);
});

test('the spam filter is per source and object', () => {
  const events = [...Array.from({ length: 25 }, () => unhealthy(0)), unhealthy(0, 'other'), unhealthy(0, 'web', 'm', 'some-controller'), unhealthy(0)];
  const { writes } = feed(events);
  assert.notEqual(writes[25], undefined, 'another object has its own bucket');
  assert.notEqual(writes[26], undefined, 'another source has its own bucket');
  assert.equal(writes[27], undefined);
});

test('the 10th different message of one reason within 10 minutes is combined, and later ones patch that Event', () => {
  const msgs = Array.from({ length: 12 }, (_, i) => unhealthy(i * 60_000, 'web', `Liveness probe failed: output ${i}`));
  const { writes } = feed(msgs);
  assert.deepEqual(writes.slice(0, 9).map((w) => w!.message), msgs.slice(0, 9).map((e) => e.message));
  assert.equal(writes[9]!.message, '(combined from similar events): Liveness probe failed: output 9');
  assert.equal(writes[9]!.count, undefined);
  assert.equal(writes[10]!.message, '(combined from similar events): Liveness probe failed: output 10');
  assert.equal(writes[10]!.count, 2);
  assert.equal(writes[10]!.firstTimeMs, 9 * 60_000);
  assert.equal(writes[11]!.count, 3);
});

test('after the 10th message is combined, a message of the window is still its own Event', () => {
  const ten = Array.from({ length: 10 }, (_, i) => unhealthy(i * 1000, 'web', `m${i}`));
  const { writes } = feed([...ten, unhealthy(10_000, 'web', 'm0'), unhealthy(11_000, 'web', 'm9')]);
  assert.equal(writes[10]!.message, 'm0');
  assert.equal(writes[10]!.count, 2);
  assert.equal(writes[11]!.message, '(combined from similar events): m9');
});

test('objects with the same history share their memory, yet counting one leaves the other as it was', () => {
  // The same first event of two Pods at one instant (a Deployment's Pods start together).
  const pulled = (tMs: number, name: string): EventInput => ({ ...unhealthy(tMs, name, 'Container image "nginx:1.27" already present on machine'), type: 'Normal', reason: 'Pulled' });
  const { writes, state } = feed([pulled(0, 'a'), pulled(0, 'b'), pulled(0, 'a'), pulled(1000, 'a'), pulled(2000, 'b')]);
  assert.deepEqual(writes.map((w) => w!.count), [undefined, undefined, 2, 3, 2]);
  assert.equal(writes[4]!.firstTimeMs, 0);
  assert.equal(occurrences(state, 'Pulled'), 5);
});

test('similar events more than 10 minutes apart start a new aggregation window', () => {
  const early = Array.from({ length: 9 }, (_, i) => unhealthy(i * 1000, 'web', `m${i}`));
  const late = unhealthy(8000 + 600_001, 'web', 'm9');
  const { writes } = feed([...early, late]);
  assert.equal(writes[9]!.message, 'm9');
  const within = feed([...early, unhealthy(8000 + 600_000, 'web', 'm9')]).writes;
  assert.equal(within[9]!.message, '(combined from similar events): m9');
});

test('a repeated event follows the window too: combined while similar ones are recent, itself again after 10 quiet minutes', () => {
  const ten = Array.from({ length: 10 }, (_, i) => unhealthy(i * 1000, 'web', `m${i}`));
  const { writes } = feed([...ten, unhealthy(20_000, 'web', 'm9'), unhealthy(20_000 + 600_001, 'web', 'm9'), unhealthy(20_000 + 600_002, 'web', 'm9')]);
  assert.equal(writes[10]!.message, '(combined from similar events): m9');
  assert.equal(writes[10]!.count, 2);
  assert.equal(writes[11]!.message, 'm9');
  assert.equal(writes[11]!.count, undefined, 'a new Event: m9 was never written under its own key');
  assert.equal(writes[12]!.count, 2);
});

test('correlateEvent returns the new memory and leaves the one it was given as it was', () => {
  const first = correlateEvent(undefined, unhealthy(0));
  const before = structuredClone(first.state);
  const second = correlateEvent(Object.freeze(first.state), unhealthy(1000));
  assert.deepEqual(first.state, before);
  assert.equal(second.record!.count, 2);
  assert.equal(correlateEvent(second.state, unhealthy(2000)).record!.count, 3);
});

test('the scheduler (events.k8s.io EventSeries) is not correlated', () => {
  const { writes } = feed(Array.from({ length: 30 }, () => ({ ...unhealthy(0), reason: 'FailedScheduling', source: 'default-scheduler' })));
  assert.equal(writes.filter((w) => w !== undefined).length, 30);
});

test('snapshots never see later events: the correlator state is copy-on-write per cluster', () => {
  const ref = { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-web' };
  const events = (n: number): Change[] => Array.from({ length: n }, () => ({ verb: 'event', ref, type: 'Warning', reason: 'Unhealthy', message: 'boom', source: 'kubelet' }));
  const a = submit(emptyCluster(), events(24), []).cluster;
  const before = structuredClone([...a.eventCorrelator.values()]);
  const b1 = submit(a, events(2), []).cluster;
  const b2 = submit(a, events(2), []).cluster;
  assert.deepEqual([...a.eventCorrelator.values()], before, 'the older snapshot keeps its entry');
  assert.equal(occurrences(a.eventCorrelator, 'Unhealthy'), 24, 'and its counts');
  assert.equal(occurrences(b1.eventCorrelator, 'Unhealthy'), 26);
  assert.equal(a.events.length, 24);
  // Both branches from the same snapshot see the same thing: one more write (the 25th), one dropped.
  assert.equal(b1.events.length, 25);
  assert.equal(b2.events.length, 25);
  assert.equal(b1.events.at(24)!.count, 25);
  assert.notEqual(b1.eventCorrelator, a.eventCorrelator);
});

test('a run of one object\'s events is kept back from the map until another object\'s: memory() and seal() see it all the same', () => {
  const w = new CorrelatorWriter(EMPTY_CORRELATOR);
  const a = unhealthy(0, 'a');
  w.record(a);
  w.record(unhealthy(1_000, 'a'));
  const expectA = correlateEvent(correlateEvent(undefined, a).state, unhealthy(1_000, 'a')).state;
  assert.deepEqual(w.memory('kubelet', pod('a')), expectA);
  w.record(unhealthy(2_000, 'b'));
  assert.deepEqual(w.memory('kubelet', pod('a')), expectA);
  assert.deepEqual(w.memory('kubelet', pod('b')), correlateEvent(undefined, unhealthy(2_000, 'b')).state);
  w.record(unhealthy(3_000, 'b', 'other', 'some-controller')); // another source, same object
  const state = w.seal();
  assert.equal(occurrences(state, 'Unhealthy'), 4);
  assert.deepEqual(state.get('kubelet')?.get('uid-a'), expectA);
  assert.equal(state.get('some-controller')?.get('uid-b')?.logs[0].count, 1);
});
