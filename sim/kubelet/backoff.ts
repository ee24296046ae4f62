// client-go util/flowcontrol/backoff.go, as pure functions over one entry. The kubelet keeps one for
// container restarts (initial 10 s, max 300 s: pkg/kubelet/kubelet.go) and one for image pulls
// (same constants). An entry expires (resets) when an event comes more than 2 × max after its last update.
//
//   crash at  | entry before       | in back-off? | entry after      | restart at
//   0 (1st)   | none               | no           | 10 s, updated 0  | 0
//   0 (2nd)   | 10 s, updated 0    | yes (0 < 10) | unchanged        | 10
//   10        | 10 s, updated 0    | no at 10     | 20 s, updated 10 | 10 (after waiting) ...

export interface BackoffEntry {
  readonly backoffMs: number;
  readonly lastUpdateMs: number;
}

export const CRASH_BACKOFF_INITIAL_MS = 10_000;
export const CRASH_BACKOFF_MAX_MS = 300_000;
export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

/** backoff.go hasExpired: stable if it was fine for twice the max duration. */
export function hasExpired(eventMs: number, lastUpdateMs: number, maxMs: number): boolean {
  return eventMs - lastUpdateMs > 2 * maxMs;
}

/** Backoff.IsInBackOffSince(id, eventTime): still waiting at `nowMs` after an event (a crash) at `eventMs`. */
export function isInBackOffSince(e: BackoffEntry | undefined, eventMs: number, nowMs: number, maxMs: number): boolean {
  if (e === undefined || hasExpired(eventMs, e.lastUpdateMs, maxMs)) return false;
  return nowMs - eventMs < e.backoffMs;
}

/** Backoff.IsInBackOffSinceUpdate(id, now): image pulls. */
export function isInBackOffSinceUpdate(e: BackoffEntry | undefined, nowMs: number, maxMs: number): boolean {
  if (e === undefined || hasExpired(nowMs, e.lastUpdateMs, maxMs)) return false;
  return nowMs - e.lastUpdateMs < e.backoffMs;
}

/** Backoff.Next(id, eventTime): start at the initial duration, or double up to the max. */
export function nextBackoff(e: BackoffEntry | undefined, eventMs: number, nowMs: number, initialMs: number, maxMs: number): BackoffEntry {
  if (e === undefined || hasExpired(eventMs, e.lastUpdateMs, maxMs)) return { backoffMs: initialMs, lastUpdateMs: nowMs };
  return { backoffMs: Math.min(e.backoffMs * 2, maxMs), lastUpdateMs: nowMs };
}

/** Go's time.Duration String for whole and fractional seconds: 10s, 2.5s, 5m0s, 500ms. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const totalS = ms / 1000;
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = +(totalS % 60).toFixed(3);
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
