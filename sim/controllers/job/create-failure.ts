import type { Pod } from '../../api/types';
import type { ReconcileContext } from '../../engine/types';
import { exponentialRetryMs } from '../util/create-refusal';
import { msOf } from '../util/pod';
import { backoffRecord, finishedAtMs, remainingBackoffMs } from './backoff';
import type { Job } from './types';

// manageJob's refused create (controller.RealPodControl.createPods records "Error creating: ..."
// on the Job): the slow-start batch of one fails, the rest are skipped, syncJob writes the status
// it has and returns the error, and the Job's own work queue retries with
// NewTypedItemExponentialFailureRateLimiter(DefaultJobApiBackOff 1 s, MaxJobApiBackOff 1 min).

export const DEFAULT_JOB_API_BACKOFF_MS = 1_000;
export const MAX_JOB_API_BACKOFF_MS = 60_000;

/**
 * When the Job's creates began to fail: its start, the last Pod to finish, or the end of the
 * failure back-off that held the replacement back, whichever is latest.
 */
export function jobCreatesSinceMs(job: Job, succeeded: readonly Pod[], failed: readonly Pod[], ctx: ReconcileContext): number {
  const epoch = ctx.config.epochMs;
  let since = msOf(job.status?.startTime, epoch) ?? ctx.nowMs;
  for (const p of succeeded) since = Math.max(since, finishedAtMs(p, epoch));
  const record = backoffRecord(succeeded, failed, epoch);
  if (record.lastFailureMs !== undefined) since = Math.max(since, record.lastFailureMs + remainingBackoffMs(record, record.lastFailureMs));
  return Math.min(since, ctx.nowMs);
}

/** The Job work queue's next delay after a refused create. */
export function jobRetryAfterMs(job: Job, succeeded: readonly Pod[], failed: readonly Pod[], ctx: ReconcileContext): number {
  return exponentialRetryMs(jobCreatesSinceMs(job, succeeded, failed, ctx), ctx.nowMs, DEFAULT_JOB_API_BACKOFF_MS, MAX_JOB_API_BACKOFF_MS);
}
