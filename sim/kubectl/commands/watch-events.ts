import type { KubeObject } from '../../api/types';
import * as loop from '../../engine/loop';
import type { Transaction } from '../../engine/transaction';
import { NO_CHANGES, type Cluster, type Controller } from '../../engine/types';
import { parseDuration } from '../duration';

// What a kubectl watch sees (client-go watch.Interface / an informer's handlers): one event per
// write of a watched object, status-only writes included, with the object as written. A
// Controller that does no work records them while the loop runs (loop.advanceUntil), so a command
// sees every write, not only the instants at which the cluster settles.

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly object: KubeObject;
  readonly nowMs: number; // virtual
}

export interface EventRecorder {
  readonly controller: Controller;
  /** The events so far, oldest first; the caller reads on from the index it last saw. */
  readonly events: WatchEvent[];
}

/** Records the writes of the `kind` objects `watched` selects, in the order they are written. */
export function recordWatchEvents(name: string, kind: string, watched: (obj: KubeObject) => boolean): EventRecorder {
  const events: WatchEvent[] = [];
  const controller: Controller = {
    name,
    reconcile: () => NO_CHANGES,
    watches: {
      [kind]: (view, after, before) => {
        const obj = (after ?? before)!;
        if (watched(obj)) events.push({ type: after === undefined ? 'DELETED' : before === undefined ? 'ADDED' : 'MODIFIED', object: obj, nowMs: view.nowMs });
        return NONE;
      },
    },
  };
  return { controller, events };
}

const NONE: readonly string[] = Object.freeze([]);

/** Without --request-timeout a watch ends once it has seen nothing new for this long. */
export const QUIET_MS = 60_000;
/** ...and at the latest after this long. */
export const MAX_WATCH_MS = 3_600_000;

export interface WatchRun {
  /** When the watch has seen the latest thing it shows (undefined: nothing yet); read after each stretch of time. */
  readonly lastSeenMs: (cluster: Cluster) => number | undefined;
  /** Holds at a settled instant when the caller must look (a stream ended); checked at each such instant. */
  readonly stop?: (view: Transaction) => boolean;
  /** Called with the cluster where `stop` held; true ends the watch, false lets it go on. */
  readonly stopped?: (cluster: Cluster) => boolean;
}

/**
 * Lets time pass under a watch that a user would end with Ctrl-C: until `timeoutMs`
 * (--request-timeout) when given, else until it has seen nothing new for QUIET_MS of virtual time
 * (at most MAX_WATCH_MS), or until the caller is done (`stop`, then `stopped`). One rule for
 * `kubectl get -w` and `kubectl logs -f`.
 */
export function runWatch(cluster: Cluster, controllers: readonly Controller[], timeoutMs: number | undefined, run: WatchRun): Cluster {
  const startMs = cluster.nowMs;
  let now = cluster;
  let quietFromMs = startMs;
  for (;;) {
    const untilMs = timeoutMs !== undefined ? startMs + timeoutMs : Math.min(quietFromMs + QUIET_MS, startMs + MAX_WATCH_MS);
    const r = loop.advanceUntil(now, untilMs, controllers, run.stop ?? (() => false));
    now = r.cluster;
    if (r.reached) {
      if (run.stopped === undefined || run.stopped(now)) return now;
      continue;
    }
    if (timeoutMs !== undefined) return now;
    const lastMs = run.lastSeenMs(now);
    if (lastMs === undefined || lastMs <= quietFromMs || lastMs + QUIET_MS > startMs + MAX_WATCH_MS) return now;
    quietFromMs = lastMs;
  }
}

/** --request-timeout: "0" (no timeout), a bare number of seconds, or a duration such as 30s or 1m. */
export function requestTimeoutMs(text: string | undefined): number | undefined | string {
  if (text === undefined || text === '' || text === '0') return undefined;
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : parseDuration(text);
  if (ms === undefined) return `error: invalid argument "${text}" for "--request-timeout" flag: time: invalid duration "${text}"`;
  return ms === 0 ? undefined : ms;
}
