import type { Pod } from '../../api/types';
import { kindInfo } from '../../api/kinds';
import type { ClusterView } from '../../engine/types';

// A workload controller's Pod create that the API server refuses (admission: a ServiceAccount that
// does not exist), checked before it is sent so that nothing is written; the sync then fails and
// the work queue retries the key with its per-item exponential back-off
// (workqueue.ItemExponentialFailureRateLimiter.When). The failure count lives in the controller's
// memory; the simulator derives it from the instant the creates began to fail (an instant the
// owner's objects show), so every retry lands on the same instants whoever triggers the sync.

/** workqueue.DefaultTypedControllerRateLimiter's per-item part (ReplicaSet, DaemonSet, StatefulSet): 5 ms doubling to 1000 s. */
export const CONTROLLER_BASE_DELAY_MS = 5;
export const CONTROLLER_MAX_DELAY_MS = 1_000_000;

/**
 * The refusal the API server would give this Pod, or undefined when it would be created. A Pod sent
 * with generateName and no name is admitted before the server names it: messages name the prefix.
 */
export function podCreateRefusal(view: ClusterView, pod: Pod): string | undefined {
  return kindInfo('Pod')?.admit?.(pod, view).forbidden;
}

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
