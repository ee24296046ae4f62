import type { Condition, ReplicaSet, ReplicaSetStatus } from '../../api/types';
import type { ReconcileContext } from '../../engine/types';
import { exponentialRetryMs } from '../util/create-refusal';

// When the API server refuses the ReplicaSet's Pods (admission: a ServiceAccount that does not
// exist), replica_set.go's manageReplicas gets the error from its first slow-start batch of one,
// records "Error creating: ..." (controller_utils.go createPods), and the sync fails:
// calculateStatus sets the ReplicaFailure condition and the work queue retries with its
// per-item exponential back-off (workqueue.DefaultControllerRateLimiter: 5 ms doubling to 1000 s).

/** calculateStatus's ReplicaFailure handling: set on a failed sync (once), removed by a good one. */
export function withReplicaFailure(status: ReplicaSetStatus, previous: ReplicaSetStatus | undefined, error: string | undefined, reason: 'FailedCreate' | 'FailedDelete', nowIso: string): ReplicaSetStatus {
  const current = previous?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const others = (status.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  let conditions: readonly Condition[];
  if (error !== undefined && current === undefined) {
    conditions = [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: nowIso, reason, message: error }];
  } else if (error === undefined && current !== undefined) {
    conditions = others;
  } else {
    return status;
  }
  const { conditions: _old, ...rest } = status;
  return conditions.length > 0 ? { ...rest, conditions } : rest;
}

/**
 * The rate limiter's next delay for this ReplicaSet: 5 ms x 2^(failures so far), the failures
 * counted from when ReplicaFailure was first set (attempt k runs 5 ms x (2^(k-1) - 1) after it).
 */
export function retryAfterMs(rs: ReplicaSet, ctx: ReconcileContext): number {
  const since = rs.status?.conditions?.find((c) => c.type === 'ReplicaFailure')?.lastTransitionTime;
  return exponentialRetryMs(since === undefined ? ctx.nowMs : Date.parse(since) - ctx.config.epochMs, ctx.nowMs);
}
