import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkProperty } from '../testing/property';
import {
  AGGREGATE_INTERVAL_MS, AGGREGATE_MAX_EVENTS, COMBINED_PREFIX, CorrelatorWriter, EMPTY_CORRELATOR, SPAM_BURST, SPAM_REFILL_MS,
  occurrences, type CorrelatorState, type EventInput,
} from './event-correlator';
import type { EventRecord } from './types';

// The compact correlator (one small record per type + reason, shared between objects and
// snapshots) against a model that follows events_cache.go literally: maps keyed by joined
// strings, one per object, deep-copied for every transaction.

interface Model {
  creditMs: number;
  bucketAtMs: number;
  readonly aggregates: Map<string, { messages: string[]; lastMs: number }>;
  readonly observed: Map<string, { count: number; firstTimeMs: number }>;
}
type ModelState = Map<string, Model>;

function modelRecord(state: ModelState, e: EventInput): EventRecord | undefined {
  const objectKey = `${e.source}/${e.involved.uid}`;
  let m = state.get(objectKey);
  if (m === undefined) state.set(objectKey, (m = { creditMs: SPAM_BURST * SPAM_REFILL_MS, bucketAtMs: e.timeMs, aggregates: new Map(), observed: new Map() }));
  const now = e.timeMs;
  const aggKey = `${e.type}/${e.reason}`;
  let agg = m.aggregates.get(aggKey);
  if (agg === undefined || now - agg.lastMs > AGGREGATE_INTERVAL_MS) m.aggregates.set(aggKey, (agg = { messages: [], lastMs: now }));
  agg.lastMs = now;
  if (!agg.messages.includes(e.message)) agg.messages.push(e.message);
  const combined = agg.messages.length >= AGGREGATE_MAX_EVENTS;
  if (combined) agg.messages.pop();
  const obsKey = combined ? aggKey : `${aggKey}/${e.message}`;
  const obs = m.observed.get(obsKey) ?? { count: 0, firstTimeMs: now };
  obs.count++;
  m.observed.set(obsKey, obs);
  const credit = Math.min(SPAM_BURST * SPAM_REFILL_MS, m.creditMs + (now - m.bucketAtMs));
  if (credit < SPAM_REFILL_MS) return undefined;
  m.creditMs = credit - SPAM_REFILL_MS;
  m.bucketAtMs = now;
  const message = combined ? COMBINED_PREFIX + e.message : e.message;
  return obs.count > 1 ? { ...e, message, count: obs.count, firstTimeMs: obs.firstTimeMs } : { ...e, message };
}

function copyModel(state: ModelState): ModelState {
  return new Map([...state].map(([k, m]) => [k, {
    creditMs: m.creditMs, bucketAtMs: m.bucketAtMs,
    aggregates: new Map([...m.aggregates].map(([a, x]) => [a, { messages: x.messages.slice(), lastMs: x.lastMs }])),
    observed: new Map([...m.observed].map(([o, x]) => [o, { ...x }])),
  }]));
}

function modelOccurrences(state: ModelState, reason: string): number {
  let n = 0;
  for (const m of state.values()) for (const [key, obs] of m.observed) if (key.split('/')[1] === reason) n += obs.count;
  return n;
}

/** Freezes what a sealed state holds below its maps, so that changing a snapshot's entry throws. */
function freezeEntries(state: CorrelatorState): void {
  for (const objects of state.values()) for (const entry of objects.values()) deepFreeze(entry);
}
function deepFreeze(o: object): void {
  if (Object.isFrozen(o)) return;
  Object.freeze(o);
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
}

interface Step { readonly pod: number; readonly source: string; readonly type: 'Normal' | 'Warning'; readonly reason: string; readonly message: number; readonly afterMs: number; readonly seal: boolean }

// Few objects, reasons and messages, mostly one of each, so that events repeat, reach the aggregation
// threshold and run out of tokens.
const often = <T>(usual: T, ...others: T[]): fc.Arbitrary<T> => fc.oneof({ weight: 6, arbitrary: fc.constant(usual) }, fc.constantFrom(...others));
const step: fc.Arbitrary<Step> = fc.record({
  pod: often(0, 1),
  source: often('kubelet', 'replicaset-controller'),
  type: often<'Normal' | 'Warning'>('Warning', 'Normal'),
  reason: often('Unhealthy', 'Pulled'),
  message: fc.oneof(fc.nat(1), { weight: 2, arbitrary: fc.nat(11) }),
  afterMs: fc.oneof({ weight: 20, arbitrary: fc.constantFrom(0, 1_000) }, fc.constantFrom(60_000, SPAM_REFILL_MS, AGGREGATE_INTERVAL_MS, AGGREGATE_INTERVAL_MS + 1)),
  seal: often(false, true),
});

function inputs(steps: readonly Step[], startMs: number): EventInput[] {
  let t = startMs;
  return steps.map((s) => {
    t += s.afterMs;
    return { timeMs: t, involved: { kind: 'Pod', namespace: 'default', name: `p${s.pod}`, uid: `uid-p${s.pod}` }, type: s.type, reason: s.reason, message: `m${s.message}`, source: s.source };
  });
}

/** Runs the events through writers, sealing (a transaction boundary) where a step says so. */
function run(base: CorrelatorState, steps: readonly Step[], events: readonly EventInput[]): { writes: (EventRecord | undefined)[]; state: CorrelatorState } {
  let w = new CorrelatorWriter(base);
  const writes = events.map((e, i) => {
    const write = w.record(e);
    if (steps[i].seal) w = new CorrelatorWriter(w.seal());
    return write;
  });
  return { writes, state: w.seal() };
}

test('the correlator writes what events_cache.go would, and earlier snapshots never change', (t) => {
  checkProperty(t, fc.property(fc.array(step, { maxLength: 80, size: 'max' }), fc.array(step, { maxLength: 40, size: 'max' }), fc.array(step, { maxLength: 40, size: 'max' }), (prefix, a, b) => {
    const model: ModelState = new Map();
    const first = inputs(prefix, 0);
    const snapshot = run(EMPTY_CORRELATOR, prefix, first);
    assert.deepEqual(snapshot.writes, first.map((e) => modelRecord(model, e)));
    freezeEntries(snapshot.state);
    const startMs = first.at(-1)?.timeMs ?? 0;
    // Two branches from the same snapshot, each against its own copy of the model.
    for (const branch of [a, b, a]) {
      const events = inputs(branch, startMs);
      const copy = copyModel(model);
      const { writes, state } = run(snapshot.state, branch, events);
      assert.deepEqual(writes, events.map((e) => modelRecord(copy, e)));
      for (const reason of ['Unhealthy', 'Pulled']) assert.equal(occurrences(state, reason), modelOccurrences(copy, reason));
    }
    for (const reason of ['Unhealthy', 'Pulled']) assert.equal(occurrences(snapshot.state, reason), modelOccurrences(model, reason));
  }), { numRuns: 300, env: process.env, replay: 'node scripts/unit.js event-correlator.prop' });
});
