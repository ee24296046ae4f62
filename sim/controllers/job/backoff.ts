import type { Pod } from '../../api/types';
import { msOf } from '../util/pod';

// pkg/controller/job/backoff_utils.go: the delay before a failed Job Pod is replaced. The controller
// keeps a backoff record in memory; the simulator derives it from the Job's Pods (kept after they finish).

/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff (job_controller.go). */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

/**
 * getFinishedTime: the latest container finish, else the Ready=False transition, else deletion
 * time minus grace, else creation (virtual ms).
 */
export function finishedAtMs(p: Pod, epochMs: number): number {
  const statuses = p.status?.containerStatuses ?? [];
  let latest: number | undefined;
  let allFinished = statuses.length > 0;
  for (const s of statuses) {
    const at = msOf(s.state?.terminated?.finishedAt, epochMs);
    if (at === undefined) { allFinished = false; break; }
    if (latest === undefined || at > latest) latest = at;
  }
  if (allFinished && latest !== undefined) return latest;
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  const readyAt = ready?.status === 'False' ? msOf(ready.lastTransitionTime, epochMs) : undefined;
  if (readyAt !== undefined) return readyAt;
  const deleted = msOf(p.metadata.deletionTimestamp, epochMs);
  if (deleted !== undefined) return deleted - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return msOf(p.metadata.creationTimestamp, epochMs) ?? 0;
}

export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureMs?: number;
}

/** newBackoffRecord over all finished Pods: failures after the last success, and the last failure time. */
export function backoffRecord(succeeded: readonly Pod[], failed: readonly Pod[], epochMs: number): BackoffRecord {
  let lastSuccess = -Infinity;
  for (const p of succeeded) lastSuccess = Math.max(lastSuccess, finishedAtMs(p, epochMs));
  let failures = 0;
  let lastFailureMs: number | undefined;
  for (const p of failed) {
    const at = finishedAtMs(p, epochMs);
    if (at <= lastSuccess) continue;
    failures++;
    if (lastFailureMs === undefined || at > lastFailureMs) lastFailureMs = at;
  }
  return failures === 0 ? { failuresAfterLastSuccess: 0 } : { failuresAfterLastSuccess: failures, lastFailureMs };
}

/**
 * getRemainingTimeForFailuresCount: 10 s × 2^(failures−1), capped at 10 min, minus the time since
 * the last failure.
 *
 * | failures | since last failure | remaining |
 * |----------|--------------------|-----------|
 * | 0        | -                  | 0         |
 * | 1        | 3 s                | 7 s       |
 * | 3        | 0 s                | 40 s      |
 * | 8        | 0 s                | 600 s (1280 s capped) |
 */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureMs === undefined) return 0;
  let backoff = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_MS) { backoff = MAX_POD_FAILURE_BACKOFF_MS; break; }
  }
  const elapsed = nowMs - record.lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
