import type { Taint, Toleration } from '../../api/types';
import { matchingTolerations, minTolerationMs } from '../../scheduler/taints';

// The taint eviction controller's TimedWorkerQueue entry for one Pod (pkg/controller/tainteviction
// timed_workers.go) and the rule that schedules it (taint_eviction.go processPodOnNode). The clock
// is the controller's own: work is created at the instant it processes the Pod (a node update that
// changed the NoExecute taints, or the Pod added, bound or given new tolerations). It never reads
// a taint's timeAdded, so a taint `kubectl taint` added (which has none) counts from then too.

/** A scheduled eviction: TimedWorker.CreatedAt and FireAt. `fired`: it ran, and the queue keeps its key (a nil worker) until the work is cancelled. */
export interface EvictionWork {
  readonly createdAtMs: number;
  readonly fireAtMs: number;
  readonly fired: boolean;
}

export interface ProcessedPod {
  readonly work: EvictionWork | undefined;
  /** cancelWorkWithEvent found a worker that had not fired: record "Cancelling deletion of Pod". */
  readonly cancelled: boolean;
}

/**
 * processPodOnNode at nowMs, for a Pod with `tolerations` on a node whose NoExecute taints are `taints`
 * and whose work so far is `work` (undefined: none queued).
 *
 * | taints tolerated            | work before               | work after                      | cancelled |
 * |-----------------------------|---------------------------|---------------------------------|-----------|
 * | none (taints removed)       | fires at 300 s, pending   | none                            | yes       |
 * | not all                     | none                      | created now, fires now          | no        |
 * | all, for 60 s               | none                      | created now, fires now + 60 s   | no        |
 * | all, for 30 s               | created at 10 s, 60 s     | unchanged (CreatedAt is earlier)| no        |
 * | all, forever                | fires at 300 s, pending   | none                            | yes       |
 * | all, for 60 s               | fired                     | unchanged (AddWork: key exists) | no        |
 */
export function processPodOnNode(work: EvictionWork | undefined, tolerations: readonly Toleration[] | undefined, taints: readonly Taint[], nowMs: number): ProcessedPod {
  const pending = work !== undefined && !work.fired;
  if (taints.length === 0) return { work: undefined, cancelled: pending };
  const { allTolerated, used } = matchingTolerations(taints, tolerations);
  // Not tolerated: cancel what was queued (the key goes, even for fired work), delete right away.
  if (!allTolerated) return { work: { createdAtMs: nowMs, fireAtMs: nowMs, fired: false }, cancelled: pending };
  const minMs = minTolerationMs(used);
  if (minMs < 0) return { work: undefined, cancelled: pending };
  // Queued work stays: startTime is its CreatedAt, earlier than now, so CreatedAt + min < now + min.
  // Fired work (a nil worker) stays too: AddWork refuses a key already there.
  if (work !== undefined) return { work, cancelled: false };
  return { work: { createdAtMs: nowMs, fireAtMs: nowMs + minMs, fired: false }, cancelled: false };
}
