import { AppendLog } from '../engine/append-log';
import type { NetChange } from './net-hooks';

// The HTTP requests a Pod's servers answered, as data: one row of the `access` runtime table per
// Pod that was ever asked (most never are), appended by whoever made the request (wget/curl in a
// container, kubectl exec) and read by `kubectl logs`, which formats each entry as the serving
// image's access log does (sim/runtime/server-logs). Nothing is formatted or stored at request time
// beyond these few fields.

export interface AccessEntry {
  readonly tMs: number;
  /** The serving container: its index (init containers first) and its instance (ContainerRt.id). */
  readonly container: number;
  readonly instance: number;
  /** The source address the server sees. */
  readonly client: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** Body bytes sent. */
  readonly bytes: number;
  readonly userAgent: string;
}

export type AccessRow = AppendLog<AccessEntry>;

export function isAccessRow(v: unknown): v is AccessRow {
  return v instanceof AppendLog;
}

/** The entries of one container instance, in request order. */
export function accessEntriesOf(row: unknown, container: number, instance: number): AccessEntry[] {
  if (!isAccessRow(row)) return [];
  return row.slice().filter((e) => e.container === container && e.instance === instance);
}

/**
 * Collects the requests of one run of commands (one exec, one shell step) and turns them into
 * `access` table writes, each Pod's row extended from the one the view had.
 */
export class AccessRecorder {
  private readonly pending = new Map<string, AccessEntry[]>();

  constructor(private readonly rowOf: (uid: string) => unknown) {}

  record(podUid: string, entry: AccessEntry): void {
    const list = this.pending.get(podUid);
    if (list === undefined) this.pending.set(podUid, [entry]);
    else list.push(entry);
  }

  changes(): NetChange[] {
    const out: NetChange[] = [];
    for (const [uid, entries] of this.pending) {
      const base = this.rowOf(uid);
      // An empty log's array may be shared: start a fresh one rather than extend it.
      const w = (isAccessRow(base) && base.length > 0 ? base : AppendLog.empty<AccessEntry>()).extend();
      for (const e of entries) w.push(e);
      out.push({ verb: 'runtime', table: 'access', key: uid, value: w.seal() });
    }
    return out;
  }
}
