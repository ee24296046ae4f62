import type { KubeObject } from '../api/types';
import type { Cluster, EventRecord } from '../engine/types';
import { isoAt } from '../engine/transaction';
import { COMBINED_PREFIX } from '../engine/event-correlator';

// core/v1 Event objects from the engine's event log. The event recorder's correlator folds
// identical events (same object, type, reason, message, source) into one Event whose count
// grows and whose lastTimestamp moves (client-go tools/record EventCorrelator.eventObserve).

export interface EventObject extends KubeObject {
  readonly kind: 'Event';
  readonly involvedObject: { readonly kind: string; readonly namespace?: string; readonly name: string; readonly uid: string };
  readonly reason: string;
  readonly message: string;
  readonly source: { readonly component: string };
  readonly firstTimestamp: string;
  readonly lastTimestamp: string;
  readonly count: number;
  readonly type: string;
  readonly reportingComponent: string;
  readonly reportingInstance: string;
}

/** All events, folded, in the API server's list order (namespace, then name). */
export function eventObjects(cluster: Cluster, filter?: (e: EventRecord) => boolean): EventObject[] {
  const folder = new EventFolder(cluster.config.epochMs);
  for (const e of cluster.events) if (filter === undefined || filter(e)) folder.add(e);
  return folder.objects().sort(byNsName);
}

interface Fold { readonly first: EventRecord; last: EventRecord; count: number }

/**
 * Folds the engine's event writes into Event objects, one write at a time: a write either creates
 * an Event or patches the one it folds into (count, lastTimestamp, message).
 */
export class EventFolder {
  private readonly folds = new Map<string, Fold>();
  constructor(private readonly epochMs: number) {}

  /** Folds one write in; returns the Event as it is after it, and whether the write created it. */
  add(e: EventRecord): { object: EventObject; created: boolean } {
    // A combined event (the correlator's aggregate) keeps its identity while its message changes.
    const identity = e.message.startsWith(COMBINED_PREFIX) ? `${COMBINED_PREFIX}${e.firstTimeMs ?? e.timeMs}` : e.message;
    const key = [e.involved.uid, e.involved.kind, e.involved.namespace, e.involved.name, e.type, e.reason, identity, e.source].join('\u0000');
    const seen = this.folds.get(key);
    if (seen === undefined) {
      const fold = { first: e, last: e, count: e.count ?? 1 };
      this.folds.set(key, fold);
      return { object: this.toObject(fold), created: true };
    }
    seen.last = e;
    seen.count = e.count ?? seen.count + 1;
    return { object: this.toObject(seen), created: false };
  }

  /** The Events so far, in the order they were created. */
  objects(): EventObject[] {
    return [...this.folds.values()].map((f) => this.toObject(f));
  }

  private toObject({ first, last, count }: Fold): EventObject {
    const epoch = this.epochMs;
    // A write the spam filter let through after dropping the first occurrences still carries their firstTimestamp.
    const firstMs = first.firstTimeMs ?? first.timeMs;
    const namespace = first.involved.namespace || 'default';
    // The recorder names events <object>.<UnixNano of the first occurrence, hex>.
    const name = `${first.involved.name}.${(BigInt(epoch + firstMs) * 1_000_000n).toString(16)}`;
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: isoAt(epoch, first.timeMs) },
      involvedObject: {
        kind: first.involved.kind, name: first.involved.name, uid: first.involved.uid,
        ...(first.involved.namespace ? { namespace: first.involved.namespace } : {}),
      },
      reason: first.reason,
      message: last.message,
      source: { component: first.source },
      firstTimestamp: isoAt(epoch, firstMs),
      lastTimestamp: isoAt(epoch, last.timeMs),
      count,
      type: first.type,
      reportingComponent: first.source,
      reportingInstance: '',
    };
  }
}

/** The API server's list (and watch cache) order: namespace, then name. */
export function byNsName(a: EventObject, b: EventObject): number {
  return cmp(a.metadata.namespace!, b.metadata.namespace!) || cmp(a.metadata.name, b.metadata.name);
}

/** The events `kubectl describe` shows for one object (by uid), oldest lastTimestamp first. */
export function eventsFor(cluster: Cluster, uid: string, match: (e: EventRecord) => boolean = (e) => e.involved.uid === uid): EventObject[] {
  // event.SortableEvents sorts by lastTimestamp; a stable sort keeps the recorder's order on ties.
  return eventObjects(cluster, match)
    .map((e, i) => ({ e, i, last: Date.parse(e.lastTimestamp) }))
    .sort((a, b) => a.last - b.last || firstIndex(a.e, b.e) || a.i - b.i)
    .map((x) => x.e);
}

function firstIndex(a: EventObject, b: EventObject): number {
  return Date.parse(a.firstTimestamp) - Date.parse(b.firstTimestamp);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
