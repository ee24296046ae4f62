import type { DaemonSet, Node } from '../../api/types';
import type { ReconcileContext } from '../../engine/types';
import { msOf } from '../util/pod';

// A sync whose Pod create the API server refused returns the error, and the work queue retries the
// key with its per-item exponential back-off (workqueue.ItemExponentialFailureRateLimiter.When).
// The failure count lives in the controller's memory; the simulator derives it from the time the
// creates began to fail (an instant the owner's objects show), so every retry lands on the same
// instants whoever triggers the sync.

/** workqueue.DefaultTypedControllerRateLimiter's per-item part (DaemonSet, StatefulSet): 5 ms doubling to 1000 s. */
export const CONTROLLER_BASE_DELAY_MS = 5;
export const CONTROLLER_MAX_DELAY_MS = 1_000_000;

/**
 * ItemExponentialFailureRateLimiter.When: base x 2^(failures - 1), capped, the failures counted
 * from `firstFailureMs` (attempt k runs base x (2^(k-1) - 1) after the first).
 *
 * | elapsed since first failure | failures | next delay (5 ms base) |
 * |-----------------------------|----------|------------------------|
 * | 0                           | 1        | 5 ms                   |
 * | 5 ms                        | 2        | 10 ms                  |
 * | 35 ms                       | 4        | 40 ms                  |
 * | 30 min                      | 20       | 1000 s (capped)        |
 */
export function exponentialRetryMs(firstFailureMs: number, nowMs: number, baseMs: number = CONTROLLER_BASE_DELAY_MS, maxMs: number = CONTROLLER_MAX_DELAY_MS): number {
  const elapsed = Math.max(0, nowMs - firstFailureMs);
  const failures = Math.floor(Math.log2(elapsed / baseMs + 1)) + 1;
  return Math.min(baseMs * 2 ** (failures - 1), maxMs);
}

/**
 * When the DaemonSet's creates began to fail: the latest of its own creation and the creation of
 * the nodes that still lack its Pod (a template change or a Pod deleted later is not visible here).
 */
export function daemonCreatesSinceMs(ds: DaemonSet, nodesWanting: readonly Node[], ctx: ReconcileContext): number {
  let since = msOf(ds.metadata.creationTimestamp, ctx.config.epochMs) ?? ctx.nowMs;
  for (const n of nodesWanting) since = Math.max(since, msOf(n.metadata.creationTimestamp, ctx.config.epochMs) ?? since);
  return Math.min(since, ctx.nowMs);
}
