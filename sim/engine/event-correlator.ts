import type { EventRecord } from './types';

// The event recorder's correlator (client-go tools/record/events_cache.go EventCorrelator.EventCorrelate),
// which every component that records core/v1 Events runs before writing to the API server:
//   1. EventAggregator: from the 10th different message of similar events (same source, object, type
//      and reason) within 10 minutes of each other, they become one Event whose message is
//      "(combined from similar events): <the latest message>";
//   2. eventLogger.eventObserve: an event seen before (same source, object, type, reason, message)
//      is a PATCH of the existing Event: count + 1, lastTimestamp now, firstTimestamp kept;
//   3. EventSourceObjectSpamFilter: a token bucket per source + object (burst 25, refill 1 per
//      300 s); an event without a token is dropped (not written), though step 2 already counted it,
//      so the next Event written shows the true count.
// The state is per source + object (copy-on-write per key in the Cluster); this file is pure.

/** events_cache.go defaultSpamBurst: a source may send 25 events about an object at once. */
export const SPAM_BURST = 25;
/** events_cache.go defaultSpamQPS = 1/300: then one more every 300 s. */
export const SPAM_REFILL_MS = 300_000;
/** events_cache.go defaultAggregateMaxEvents. */
export const AGGREGATE_MAX_EVENTS = 10;
/** events_cache.go defaultAggregateIntervalInSeconds. */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** events_cache.go EventAggregatorByReasonMessageFunc. */
export const COMBINED_PREFIX = '(combined from similar events): ';

/** An event as a component hands it to its recorder. */
export type EventInput = Omit<EventRecord, 'count' | 'firstTimeMs'>;

interface Observation {
  /** eventLog.count: occurrences so far, including those the spam filter dropped. */
  readonly count: number;
  readonly firstTimeMs: number;
}

interface Aggregate {
  /** aggregateRecord.localKeys: the distinct messages seen (insertion order). */
  readonly messages: readonly string[];
  readonly lastMs: number;
}

/** What one source's recorder remembers about one involved object. */
export interface ObjectCorrelation {
  /** The spam filter's token bucket, in ms of refill credit (SPAM_REFILL_MS buys one event), as of `bucketAtMs`. */
  readonly creditMs: number;
  readonly bucketAtMs: number;
  /** EventAggregator cache, by type + reason. */
  readonly aggregates: ReadonlyMap<string, Aggregate>;
  /** eventLogger cache, by type + reason + message (or the aggregate key for combined events). */
  readonly observed: ReadonlyMap<string, Observation>;
}

/** The correlators of all components: by source, then by involved object (together, getSpamKey). */
export type CorrelatorState = ReadonlyMap<string, ReadonlyMap<string, ObjectCorrelation>>;

export const EMPTY_CORRELATOR: CorrelatorState = new Map();

/**
 * Components that record through the events.k8s.io/v1 API (client-go tools/events): no correlator,
 * they keep an EventSeries instead. The scheduler is the one among the simulated components.
 */
const SERIES_SOURCES: ReadonlySet<string> = new Set(['default-scheduler']);

/**
 * getSpamKey without the source: the involved object (the source is the outer key; its host is
 * implied, one kubelet reports a Pod). A uid names one object for good; objects without one (a
 * controller's own WriteFailed) go by kind and name.
 */
export function objectKeyOf(o: EventInput['involved']): string {
  return o.uid !== '' ? o.uid : `${o.kind}\u0000${o.namespace}\u0000${o.name}`;
}

/** Whether this component's events go through the correlator. */
export function isCorrelated(source: string): boolean {
  return !SERIES_SOURCES.has(source);
}

/**
 * EventCorrelate for one event, given what the recorder remembers about its source + object
 * (undefined: nothing yet). Returns the new memory (the input is not changed) and the Event
 * write, or no write when the spam filter drops it. The record's `count`/`firstTimeMs` are the
 * Event's after the write.
 */
export function correlateEvent(state: ObjectCorrelation | undefined, e: EventInput): { state: ObjectCorrelation; record?: EventRecord } {
  const next = copyOf(state, e.timeMs);
  return { state: next, record: correlateInto(next, e) };
}

/** The writable copy an entry is changed in: its maps, and the records in them, are the copy's own. */
interface Draft {
  creditMs: number;
  bucketAtMs: number;
  readonly aggregates: Map<string, { messages: string[]; lastMs: number }>;
  readonly observed: Map<string, { count: number; firstTimeMs: number }>;
  /** The writer whose transaction made this copy (only it may change it). */
  owner?: object;
  /** The last event and where it went (a probe failing every period repeats it: no keys to build or look up). */
  last?: { readonly type: string; readonly reason: string; readonly message: string; readonly agg: { messages: string[]; lastMs: number }; readonly obs: { count: number; firstTimeMs: number }; readonly combined: boolean };
}

function copyOf(state: ObjectCorrelation | undefined, nowMs: number, owner?: object): Draft {
  // flowcontrol's token bucket starts full.
  if (state === undefined) return { creditMs: SPAM_BURST * SPAM_REFILL_MS, bucketAtMs: nowMs, aggregates: new Map(), observed: new Map(), owner };
  const aggregates = new Map<string, { messages: string[]; lastMs: number }>();
  for (const [k, a] of state.aggregates) aggregates.set(k, { messages: a.messages.slice(), lastMs: a.lastMs });
  const observed = new Map<string, { count: number; firstTimeMs: number }>();
  for (const [k, o] of state.observed) observed.set(k, { count: o.count, firstTimeMs: o.firstTimeMs });
  return { creditMs: state.creditMs, bucketAtMs: state.bucketAtMs, aggregates, observed, owner };
}

/** EventCorrelate, changing `d` (a draft no snapshot can see). */
function correlateInto(d: Draft, e: EventInput): EventRecord | undefined {
  const now = e.timeMs;
  let agg: { messages: string[]; lastMs: number } | undefined;
  let obs: { count: number; firstTimeMs: number } | undefined;
  let combined: boolean;
  const l = d.last;
  if (l !== undefined && l.message === e.message && l.reason === e.reason && l.type === e.type && now - l.agg.lastMs <= AGGREGATE_INTERVAL_MS) {
    // The same event as the last one, in the same window: the same aggregate state and the same Event.
    ({ agg, obs, combined } = l);
    agg.lastMs = now;
    obs.count++;
  } else {
    // 1. EventAggregate
    const aggKey = e.type + '\u0000' + e.reason;
    agg = d.aggregates.get(aggKey);
    if (agg === undefined) d.aggregates.set(aggKey, (agg = { messages: [], lastMs: now }));
    else if (now - agg.lastMs > AGGREGATE_INTERVAL_MS) agg.messages = [];
    agg.lastMs = now;
    if (!agg.messages.includes(e.message)) agg.messages.push(e.message);
    combined = agg.messages.length >= AGGREGATE_MAX_EVENTS;
    // PopAny keeps the set below the threshold; Go pops an arbitrary member, we pop the newest (deterministic).
    if (combined) agg.messages.pop();
    // 2. eventObserve: a combined event is cached under the aggregate key, so later ones patch it.
    const obsKey = combined ? aggKey : aggKey + '\u0000' + e.message;
    obs = d.observed.get(obsKey);
    if (obs === undefined) d.observed.set(obsKey, (obs = { count: 1, firstTimeMs: now }));
    else obs.count++;
    d.last = { type: e.type, reason: e.reason, message: e.message, agg, obs, combined };
  }
  // 3. The spam filter: TryAccept takes a token if there is one; a refused one leaves the bucket as it was.
  const credit = Math.min(SPAM_BURST * SPAM_REFILL_MS, d.creditMs + (now - d.bucketAtMs));
  if (credit < SPAM_REFILL_MS) return undefined;
  d.creditMs = credit - SPAM_REFILL_MS;
  d.bucketAtMs = now;
  const message = combined ? COMBINED_PREFIX + e.message : e.message;
  return obs.count > 1
    ? { timeMs: now, involved: e.involved, type: e.type, reason: e.reason, message, source: e.source, count: obs.count, firstTimeMs: obs.firstTimeMs }
    : { timeMs: now, involved: e.involved, type: e.type, reason: e.reason, message, source: e.source };
}

/** How many times components emitted events with this reason (the recorders' counts: written or dropped). */
export function occurrences(state: CorrelatorState, reason: string): number {
  let n = 0;
  for (const objects of state.values()) {
    for (const o of objects.values()) for (const [key, obs] of o.observed) if (key.split('\u0000', 3)[1] === reason) n += obs.count;
  }
  return n;
}

/**
 * The correlator state of one transaction, copy-on-write: the outer map is copied at the first
 * event, a source's map at its first event, and an object's entry at its first event in the
 * transaction; that copy is the transaction's own, changed in place until seal(). Earlier
 * snapshots never see later events.
 */
export class CorrelatorWriter {
  private outer: Map<string, ReadonlyMap<string, ObjectCorrelation>> | undefined;
  private readonly ownedSources = new Map<string, Map<string, ObjectCorrelation>>();
  private token: object = {};

  constructor(private base: CorrelatorState) {}

  /** The Event write for `e`, or undefined when the spam filter drops it. */
  record(e: EventInput): EventRecord | undefined {
    if (!isCorrelated(e.source)) return e;
    let objects = this.ownedSources.get(e.source);
    if (objects === undefined) {
      const outer = (this.outer ??= new Map(this.base));
      objects = new Map(outer.get(e.source));
      outer.set(e.source, objects);
      this.ownedSources.set(e.source, objects);
    }
    const key = objectKeyOf(e.involved);
    let entry = objects.get(key) as Draft | undefined;
    if (entry === undefined || entry.owner !== this.token) objects.set(key, (entry = copyOf(entry, e.timeMs, this.token)));
    return correlateInto(entry, e);
  }

  seal(): CorrelatorState {
    // Later events copy again.
    if (this.outer !== undefined) { this.base = this.outer; this.outer = undefined; this.ownedSources.clear(); this.token = {}; }
    return this.base;
  }
}
