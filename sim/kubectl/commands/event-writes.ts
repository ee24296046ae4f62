import type { Cluster } from '../../engine/types';
import { EventFolder, type EventObject } from '../events';
import type { WatchEvent } from './watch-events';

// What a watch on core/v1 Events sees. Events are not in the object store: the engine logs each
// Event write (a new Event, or the correlator's patch of its count and lastTimestamp), so the
// watch folds the log on from where it started: a write that creates an Event is ADDED, one that
// patches it MODIFIED, each with the Event as written.

export class EventWrites {
  private readonly folder: EventFolder;
  private cursor: number;

  /** Starts at `cluster`: the Events it already has are the watch's starting state, not events. */
  constructor(cluster: Cluster, private readonly watched: (e: EventObject) => boolean) {
    this.folder = new EventFolder(cluster.config.epochMs);
    for (const e of cluster.events) this.folder.add(e);
    this.cursor = cluster.events.length;
  }

  /** The watched writes since the last call, oldest first. */
  next(cluster: Cluster): WatchEvent[] {
    const out: WatchEvent[] = [];
    for (; this.cursor < cluster.events.length; this.cursor++) {
      const record = cluster.events.at(this.cursor)!;
      const { object, created } = this.folder.add(record);
      if (this.watched(object)) out.push({ type: created ? 'ADDED' : 'MODIFIED', object, nowMs: record.timeMs });
    }
    return out;
  }
}
