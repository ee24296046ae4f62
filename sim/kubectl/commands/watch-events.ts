import type { KubeObject } from '../../api/types';
import { NO_CHANGES, type Controller } from '../../engine/types';

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
