import type { TraceEntry } from '../sim/engine/types';
import { replay } from './timeline';
import type { ObjectName } from './queries';

// One Pod's history from the trace: when it first ran, when its restart count went up, and when
// its Ready condition changed; times are ms after it first ran (the container's start).

export interface PodHistory {
  /** Absolute virtual time of the first Running entry. */
  readonly startedMs?: number;
  /** Time after start of each restart (restart count increase). */
  readonly restarts: number[];
  /** Each change of readiness after start (the initial not-ready is not a change). */
  readonly readiness: { ready: boolean; atMs: number }[];
}

export function podHistory(trace: readonly TraceEntry[], ref: ObjectName): PodHistory {
  const key = `${ref.namespace ?? 'default'}/${ref.name}`;
  let startedMs: number | undefined;
  let restarts = 0;
  let ready = false;
  const out: PodHistory = { restarts: [], readiness: [] };
  replay(trace, 0, (s, e) => {
    if (e.kind !== 'Pod' || `${e.namespace}/${e.name}` !== key) return undefined;
    const p = s.pods.get(key);
    if (p === undefined) return undefined;
    if (startedMs === undefined && p.phase === 'Running') startedMs = s.timeMs;
    if (startedMs === undefined) return undefined;
    for (; restarts < p.restarts; restarts++) out.restarts.push(s.timeMs - startedMs);
    if (p.ready !== ready) { ready = p.ready; out.readiness.push({ ready, atMs: s.timeMs - startedMs }); }
    return undefined;
  });
  return { ...out, startedMs };
}

/** 160500 -> "2m40.5s", 75000 -> "1m15s", 15000 -> "15s": minutes and (fractional) seconds. */
export function formatSeconds(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const s = (ms - m * 60_000) / 1000;
  return `${m > 0 ? `${m}m` : ''}${s > 0 || m === 0 ? `${s}s` : ''}`;
}
