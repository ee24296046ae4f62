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
// The state is per source + object: an immutable entry (copy-on-write per key in the Cluster), with
// one record per type + reason; snapshots share entries, and so do alike objects. This file is pure.

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

/** eventLog for one message: its occurrences so far, including those the spam filter dropped. */
interface Observation {
  readonly message: string;
  readonly count: number;
  readonly firstTimeMs: number;
}

/**
 * What a recorder remembers about one object's events of one type and reason: the aggregator's
 * record and the eventLogger's counts. Most objects see one message per reason (a Pod's Pulling,
 * Pulled, Created, Started), so that message's counts are fields here, not a map (150,000 Pods
 * kept ~2,700 B each in maps and concatenated keys).
 */
interface ReasonLog {
  readonly type: string;
  readonly reason: string;
  /** aggregateRecord.lastTimestamp: the last event of this type and reason. */
  readonly lastMs: number;
  /** The first message seen, and its eventLog. */
  readonly message: string;
  readonly count: number;
  readonly firstTimeMs: number;
  /** From the second distinct message on; while absent, the aggregation window holds just `message`. */
  readonly more: Aggregation | undefined;
}

interface Aggregation {
  /** aggregateRecord.localKeys: the distinct messages of the current window (fewer than AGGREGATE_MAX_EVENTS). */
  readonly window: readonly string[];
  /** The eventLogs of messages other than the first. */
  readonly others: readonly Observation[];
  /** The combined Event's eventLog (client-go caches it under the aggregate key). */
  readonly combined: Omit<Observation, 'message'> | undefined;
}

/**
 * What one source's recorder remembers about one involved object. Never changed once made: an
 * event makes a new one, so snapshots, and objects with the same history, can share it.
 */
export interface ObjectCorrelation {
  /** The spam filter's token bucket, in ms of refill credit (SPAM_REFILL_MS buys one event), as of `bucketAtMs`. */
  readonly creditMs: number;
  readonly bucketAtMs: number;
  /** One per type + reason seen, oldest first. */
  readonly logs: readonly ReasonLog[];
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
  const c = correlate(state, e, e.message);
  return { state: c.state, record: c.write && eventRecord(e, c.write) };
}

/** What correlate makes of an event: the recorder's new memory, and the Event write. */
interface Correlated {
  readonly state: ObjectCorrelation;
  /** The message as the logs hold it (equal messages share one string). */
  readonly text: string;
  /** The Event's message, count and firstTimestamp after the write; undefined: the spam filter dropped it. */
  readonly write: { readonly message: string; readonly count: number; readonly firstTimeMs: number } | undefined;
}

const NO_LOGS: readonly ReasonLog[] = Object.freeze([]);

/**
 * EventCorrelate, a function of the memory and the event's time, type, reason and message alone
 * (not of its source or object: CorrelatorWriter reuses results on that). `text` has the characters
 * of e.message, in the string a new log is to keep.
 */
function correlate(state: ObjectCorrelation | undefined, e: EventInput, text: string): Correlated {
  const now = e.timeMs;
  const logs = state === undefined ? NO_LOGS : state.logs;
  let i = 0;
  while (i < logs.length && (logs[i].reason !== e.reason || logs[i].type !== e.type)) i++;
  const old = logs[i] as ReasonLog | undefined;
  // 1. and 2.: the reason's new log, and the eventLog the Event is written from.
  let log: ReasonLog;
  let seen: Observation;
  let combined = false;
  if (old === undefined) {
    seen = log = firstLog(e, text);
  } else if (old.more === undefined && old.message === e.message) {
    // The only message of this reason again (a probe failing every period): the window is just it, nothing to combine.
    seen = log = repeated(old, now);
  } else {
    ({ log, seen, combined } = aggregate(old, e));
  }
  const next = old === undefined ? appended(logs, log) : replaced(logs, i, log);
  // 3. The spam filter: TryAccept takes a token if there is one; a refused one leaves the bucket as it was.
  const creditMs = state === undefined ? SPAM_BURST * SPAM_REFILL_MS : state.creditMs; // flowcontrol's token bucket starts full
  const bucketAtMs = state === undefined ? now : state.bucketAtMs;
  const credit = Math.min(SPAM_BURST * SPAM_REFILL_MS, creditMs + (now - bucketAtMs));
  if (credit < SPAM_REFILL_MS) return { state: { creditMs, bucketAtMs, logs: next }, text: seen.message, write: undefined };
  const write = { message: combined ? COMBINED_PREFIX + seen.message : seen.message, count: seen.count, firstTimeMs: seen.firstTimeMs };
  return { state: { creditMs: credit - SPAM_REFILL_MS, bucketAtMs: now, logs: next }, text: seen.message, write };
}

function firstLog(e: EventInput, text: string): ReasonLog {
  return { type: e.type, reason: e.reason, lastMs: e.timeMs, message: text, count: 1, firstTimeMs: e.timeMs, more: undefined };
}

/** The only message of a reason seen `times` more, the last at nowMs. */
function repeated(old: ReasonLog, nowMs: number, times = 1): ReasonLog {
  return { type: old.type, reason: old.reason, lastMs: nowMs, message: old.message, count: old.count + times, firstTimeMs: old.firstTimeMs, more: undefined };
}

/** The Event written for `e`: a new one (count 1), or a patch of an earlier one. */
function eventRecord(e: EventInput, w: NonNullable<Correlated['write']>): EventRecord {
  return w.count > 1
    ? { timeMs: e.timeMs, involved: e.involved, type: e.type, reason: e.reason, message: w.message, source: e.source, count: w.count, firstTimeMs: w.firstTimeMs }
    : { timeMs: e.timeMs, involved: e.involved, type: e.type, reason: e.reason, message: w.message, source: e.source };
}

/**
 * Steps 1 and 2 for an event of a reason already seen, in the general case (a second message):
 * the new log, and the eventLog the Event is written from (with the log's string of the message).
 */
function aggregate(old: ReasonLog, e: EventInput): { log: ReasonLog; seen: Observation; combined: boolean } {
  const now = e.timeMs;
  // 1. EventAggregate: a new window after 10 quiet minutes.
  const before = now - old.lastMs > AGGREGATE_INTERVAL_MS ? [] : old.more === undefined ? [old.message] : old.more.window;
  const window = before.includes(e.message) ? before : appended(before, e.message);
  // PopAny keeps the set below the threshold; Go pops an arbitrary member, we pop the newest (deterministic): the window stays as it was.
  const combined = window.length >= AGGREGATE_MAX_EVENTS;
  // 2. eventObserve: a combined event has one eventLog for the reason, so later ones patch it.
  let { count, firstTimeMs } = old;
  let others = old.more?.others ?? [];
  let together = old.more?.combined;
  let seen: Observation;
  if (combined) {
    together = together === undefined ? { count: 1, firstTimeMs: now } : { count: together.count + 1, firstTimeMs: together.firstTimeMs };
    seen = { message: e.message, ...together };
  } else if (e.message === old.message) {
    seen = { message: old.message, count: ++count, firstTimeMs };
  } else {
    const j = others.findIndex((o) => o.message === e.message);
    seen = j < 0 ? { message: e.message, count: 1, firstTimeMs: now } : { message: others[j].message, count: others[j].count + 1, firstTimeMs: others[j].firstTimeMs };
    others = j < 0 ? appended(others, seen) : others.map((x, k) => (k === j ? seen : x));
  }
  const more: Aggregation = { window: combined ? before : window, others, combined: together };
  return { log: { type: old.type, reason: old.reason, lastMs: now, message: old.message, count, firstTimeMs, more }, seen, combined };
}

/** `a` with `x` at index `i`. */
function replaced<T>(a: readonly T[], i: number, x: T): T[] {
  const b = a.slice();
  b[i] = x;
  return b;
}

/** `a` and `x`, in an array of the exact length: push or [...a, x] leave room for 16 more (~200 B in every entry), concat is slow. */
function appended<T>(a: readonly T[], x: T): T[] {
  const b = new Array<T>(a.length + 1);
  for (let i = 0; i < a.length; i++) b[i] = a[i];
  b[a.length] = x;
  return b;
}

/**
 * The earliest instant at or after `fromMs` at which the spam filter would let an event of this
 * source and object through (a token in the bucket), given what the recorder remembers now.
 * Events the recorder sees before then only take tokens away, so no write comes earlier.
 */
export function spamFilterOpensAt(state: ObjectCorrelation | undefined, fromMs: number): number {
  if (state === undefined) return fromMs;
  const credit = Math.min(SPAM_BURST * SPAM_REFILL_MS, state.creditMs + (fromMs - state.bucketAtMs));
  return credit >= SPAM_REFILL_MS ? fromMs : fromMs + (SPAM_REFILL_MS - credit);
}

/** How many times components emitted events with this reason (the recorders' counts: written or dropped). */
export function occurrences(state: CorrelatorState, reason: string): number {
  let n = 0;
  for (const objects of state.values()) {
    for (const o of objects.values()) {
      for (const log of o.logs) {
        if (log.reason !== reason) continue;
        n += log.count + (log.more?.combined?.count ?? 0);
        for (const other of log.more?.others ?? []) n += other.count;
      }
    }
  }
  return n;
}

/**
 * The correlator state of one transaction, copy-on-write: the outer map is copied at the first
 * event, a source's map at its first event; entries are replaced, never changed. Earlier
 * snapshots never see later events.
 */
export class CorrelatorWriter {
  private outer: Map<string, ReadonlyMap<string, ObjectCorrelation>> | undefined;
  private readonly ownedSources = new Map<string, Map<string, ObjectCorrelation>>();
  /**
   * Per reason, the last event correlated and its result: the next object's event of that reason
   * at the same instant very likely has the same memory before (a Deployment's Pods start
   * together), and then gets the same result: one memory shared by the Pods instead of one entry,
   * logs array and logs each (~130 B a Pod), and one message string (~600 B a Pod with the events').
   */
  private readonly recent = new Map<string, { readonly from: ObjectCorrelation | undefined; readonly e: EventInput; readonly result: Correlated }>();

  constructor(private base: CorrelatorState) {}

  /**
   * The last object's new memory, not yet in its source's map: a component records an object's
   * events in a run (a kubelet sync's Pulled, Created, Started), and the run then costs one look-up
   * and one write in a map of every Pod instead of one each per event.
   */
  private pendingObjects: Map<string, ObjectCorrelation> | undefined;
  private pendingKey = '';
  private pendingState: ObjectCorrelation | undefined;
  /** The last source asked for, and its map (a recorder's events come in runs too). */
  private lastSource = '';
  private lastObjects: Map<string, ObjectCorrelation> | undefined;

  /** The Event write for `e`, or undefined when the spam filter drops it. */
  record(e: EventInput): EventRecord | undefined {
    if (!isCorrelated(e.source)) return e;
    const objects = this.objectsOf(e.source);
    const key = objectKeyOf(e.involved);
    let from: ObjectCorrelation | undefined;
    if (objects === this.pendingObjects && key === this.pendingKey) {
      from = this.pendingState;
    } else {
      this.flush();
      from = objects.get(key);
      this.pendingObjects = objects;
      this.pendingKey = key;
    }
    const last = this.recent.get(e.reason);
    let result: Correlated;
    if (last !== undefined && last.from === from && last.e.timeMs === e.timeMs && last.e.type === e.type && last.e.message === e.message) {
      result = last.result;
    } else {
      result = correlate(from, e, last !== undefined && last.result.text === e.message ? last.result.text : e.message);
      this.recent.set(e.reason, { from, e, result });
    }
    this.pendingState = result.state;
    return result.write && eventRecord(e, result.write);
  }

  /** Writes the pending memory into its source's map. */
  private flush(): void {
    if (this.pendingObjects === undefined) return;
    this.pendingObjects.set(this.pendingKey, this.pendingState!);
    this.pendingObjects = undefined;
    this.pendingKey = '';
    this.pendingState = undefined;
  }

  /**
   * `times` occurrences of one event, `everyMs` apart from e.timeMs (a probe failing the same way at
   * each tick), and the Event writes they make. The common case, a reason with this one message
   * whose spam filter stays closed throughout, is one count update instead of `times` correlations.
   */
  recordRun(e: EventInput, times: number, everyMs: number): EventRecord[] {
    const writes: EventRecord[] = [];
    if (!isCorrelated(e.source)) {
      for (let k = 0; k < times; k++) writes.push({ ...e, timeMs: e.timeMs + k * everyMs });
      return writes;
    }
    this.flush();
    const objects = this.objectsOf(e.source);
    const key = objectKeyOf(e.involved);
    const from = objects.get(key);
    const lastMs = e.timeMs + (times - 1) * everyMs;
    if (from !== undefined && spamFilterOpensAt(from, e.timeMs) > lastMs) {
      const i = from.logs.findIndex((l) => l.reason === e.reason && l.type === e.type);
      const old = from.logs[i] as ReasonLog | undefined;
      if (old !== undefined && old.more === undefined && old.message === e.message) {
        // What `times` calls of correlate's repeated path, all dropped by the filter, would leave.
        objects.set(key, { creditMs: from.creditMs, bucketAtMs: from.bucketAtMs, logs: replaced(from.logs, i, repeated(old, lastMs, times)) });
        return writes;
      }
    }
    for (let k = 0; k < times; k++) {
      const w = this.record(k === 0 ? e : { ...e, timeMs: e.timeMs + k * everyMs });
      if (w !== undefined) writes.push(w);
    }
    return writes;
  }

  /** This transaction's own copy of a source's memory (copied at its first event). */
  private objectsOf(source: string): Map<string, ObjectCorrelation> {
    if (source === this.lastSource && this.lastObjects !== undefined) return this.lastObjects;
    let objects = this.ownedSources.get(source);
    if (objects === undefined) {
      const outer = (this.outer ??= new Map(this.base));
      objects = new Map(outer.get(source));
      outer.set(source, objects);
      this.ownedSources.set(source, objects);
    }
    this.lastSource = source;
    this.lastObjects = objects;
    return objects;
  }

  /** What `source`'s recorder remembers about an object now (this transaction's events included). */
  memory(source: string, involved: EventInput['involved']): ObjectCorrelation | undefined {
    this.flush();
    return (this.ownedSources.get(source) ?? (this.outer ?? this.base).get(source))?.get(objectKeyOf(involved));
  }

  seal(): CorrelatorState {
    this.flush();
    // Later events copy again.
    if (this.outer !== undefined) { this.base = this.outer; this.outer = undefined; this.ownedSources.clear(); this.lastSource = ''; this.lastObjects = undefined; }
    return this.base;
  }
}
