import type { Cluster } from '../sim/index';
import * as sim from '../sim/index';
import { checkInvariants } from '../sim/invariants/index';
import type { Pod } from '../sim/api/types';

// The simulator's invariant checkers, run by the After guard at a quiet instant of a copy of the
// scenario's cluster (the scenario's own cluster is not touched).

/** How long the guard waits (virtual time) for terminating Pods to go before checking. */
const QUIET_WITHIN_MS = 5 * 60_000;

function hasTerminatingPods(view: sim.ClusterView): boolean {
  for (const ns of view.namespacesOf('Pod')) {
    if (view.list<Pod>('Pod', ns).some((p) => p.metadata.deletionTimestamp !== undefined)) return true;
  }
  return false;
}

/**
 * Violations of the invariants once controllers have caught up. Invariants that hold only at a
 * quiet instant are checked when no Pod is mid-termination within QUIET_WITHIN_MS (a Pod on a
 * failed node may stay Terminating for ever; then only the always-true invariants are checked).
 */
export function invariantViolations(cluster: Cluster): { readonly violations: readonly string[]; readonly atMs: number; readonly quiet: boolean } {
  const { cluster: later, reached } = sim.advanceUntil(sim.settle(cluster), QUIET_WITHIN_MS, (v) => !hasTerminatingPods(v));
  return { violations: checkInvariants(sim.viewOf(later), reached), atMs: later.nowMs, quiet: reached };
}
