import type { Condition, DeploymentStatus, ReplicaSet } from '../../api/types';
import { sameJson } from '../util/events';
import type { DeploymentSync } from './state';
import { calculateStatus } from './sync';
import { msOf } from '../util/pod';
import {
  NEW_RS_AVAILABLE_REASON, RS_UPDATED_REASON, TIMED_OUT_REASON, deploymentComplete, deploymentProgressing, deploymentTimedOut,
  getCondition, hasProgressDeadline, newCondition, removeCondition, setCondition,
} from './util/deployment-util';

// pkg/controller/deployment/progress.go: the Progressing condition and the progress deadline.

/** syncRolloutStatus: status counts plus Progressing (complete / progressing / timed out). */
export function syncRolloutStatus(s: DeploymentSync, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const d = s.d;
  let status: DeploymentStatus = calculateStatus(s, allRSs, newRS);
  if (!hasProgressDeadline(d)) status = removeCondition(status, 'Progressing');
  const current = getCondition(d.status ?? {}, 'Progressing');
  const isComplete = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  const now = s.ctx.iso();
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      status = setCondition(status, newCondition('Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg, now));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      let c = newCondition('Progressing', 'True', RS_UPDATED_REASON, msg, now);
      // Progressing keeps lastTransitionTime while True but refreshes lastUpdateTime on every progress.
      if (current !== undefined) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime };
        status = removeCondition(status, 'Progressing');
      }
      status = setCondition(status, c);
    } else if (deploymentTimedOut(d, status, s.ctx.nowMs, s.ctx.config.epochMs)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      status = setCondition(status, newCondition('Progressing', 'False', TIMED_OUT_REASON, msg, now));
    }
  }
  // Move the ReplicaSets' failure condition into the Deployment's (the new ReplicaSet's first).
  const failure = replicaFailure(newRS, allRSs);
  status = failure !== undefined ? setCondition(status, failure) : removeCondition(status, 'ReplicaFailure');
  if (sameJson(d.status, status)) {
    requeueStuckDeployment(s, status);
    return;
  }
  s.d = { ...d, status };
}

/** getReplicaFailures + ReplicaSetToDeploymentCondition: the first ReplicaFailure, the new ReplicaSet's over old ones'. */
function replicaFailure(newRS: ReplicaSet | undefined, allRSs: readonly (ReplicaSet | undefined)[]): Condition | undefined {
  for (const rs of [newRS, ...allRSs]) {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    if (c !== undefined) return { type: 'ReplicaFailure', status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message };
  }
  return undefined;
}

/** requeueStuckDeployment: with no sign of progress, come back when the deadline would pass. */
function requeueStuckDeployment(s: DeploymentSync, status: DeploymentStatus): void {
  const d = s.d;
  const current = getCondition(d.status ?? {}, 'Progressing');
  if (!hasProgressDeadline(d) || current === undefined) return;
  if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return;
  const from = msOf(current.lastUpdateTime, s.ctx.config.epochMs) ?? NaN; // Date.parse, memoised by text
  if (Number.isNaN(from)) return;
  const afterMs = from + d.spec.progressDeadlineSeconds * 1000 - s.ctx.nowMs;
  s.requeueAfterMs = afterMs < 1000 ? 1 : afterMs + 1000;
}
