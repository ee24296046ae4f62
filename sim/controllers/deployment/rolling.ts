import type { ReplicaSet } from '../../api/types';
import type { DeploymentSync } from './state';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';
import { activeReplicaSets, availableReplicaCount, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, replicaCount } from './util/deployment-util';

// pkg/controller/deployment/rolling.go: one sync scales the new ReplicaSet up OR the old ones
// down (never both), then updates the rollout status.

/** rolloutRolling. */
export function rolloutRolling(s: DeploymentSync): void {
  const { newRS: found, oldRSs } = getAllReplicaSetsAndSyncRevision(s, true);
  if (found === undefined) { syncRolloutStatus(s, oldRSs, undefined); return; } // hash collision: retry next sync
  let newRS: ReplicaSet = found;
  const up = reconcileNewReplicaSet(s, [...oldRSs, newRS], newRS);
  newRS = up.rs;
  if (up.scaled) { syncRolloutStatus(s, [...oldRSs, newRS], newRS); return; }
  const down = reconcileOldReplicaSets(s, [...oldRSs, newRS], activeReplicaSets(oldRSs), newRS);
  const oldAfter = oldRSs.map((rs) => down.updated.get(rs.metadata.uid) ?? rs);
  if (down.scaled) { syncRolloutStatus(s, [...oldAfter, newRS], newRS); return; }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldAfter);
  syncRolloutStatus(s, [...oldAfter, newRS], newRS);
}

/** reconcileNewReplicaSet: scale the new RS down to replicas, or up as far as NewRSNewReplicas allows. */
export function reconcileNewReplicaSet(s: DeploymentSync, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): { rs: ReplicaSet; scaled: boolean } {
  const d = s.d;
  if (newRS.spec.replicas === d.spec.replicas) return { rs: newRS, scaled: false };
  if (newRS.spec.replicas > d.spec.replicas) return s.scaleAndRecord(newRS, d.spec.replicas);
  return s.scaleAndRecord(newRS, newRSNewReplicas(d, allRSs, newRS));
}

/**
 * reconcileOldReplicaSets: scale old ReplicaSets down by at most
 * maxScaledDown = allPods − minAvailable − newRSUnavailable, unhealthy replicas first.
 */
export function reconcileOldReplicaSets(s: DeploymentSync, allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], newRS: ReplicaSet): { scaled: boolean; updated: Map<string, ReplicaSet> } {
  const updated = new Map<string, ReplicaSet>();
  const d = s.d;
  if (replicaCount(oldRSs) === 0) return { scaled: false, updated };
  const allPods = replicaCount(allRSs);
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newRSUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return { scaled: false, updated };
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  for (const rs of cleaned.oldRSs) updated.set(rs.metadata.uid, rs);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs, updated);
  return { scaled: cleaned.count + scaledDown > 0, updated };
}

/** cleanupUnhealthyReplicas: oldest first, remove replicas that are not available, up to maxCleanupCount. */
export function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: readonly ReplicaSet[], maxCleanupCount: number): { oldRSs: ReplicaSet[]; count: number } {
  const sorted = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanupCount) break;
    const rs = sorted[i];
    const available = rs.status?.availableReplicas ?? 0;
    if (rs.spec.replicas === 0 || rs.spec.replicas === available) continue;
    const n = Math.min(maxCleanupCount - total, rs.spec.replicas - available);
    sorted[i] = s.scaleAndRecord(rs, rs.spec.replicas - n).rs;
    total += n;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, by what availability above minAvailable allows. */
export function scaleDownOldReplicaSetsForRollingUpdate(s: DeploymentSync, allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], updated: Map<string, ReplicaSet>): number {
  const d = s.d;
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return 0;
  const budget = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= budget) break;
    if (rs.spec.replicas === 0) continue;
    const n = Math.min(rs.spec.replicas, budget - total);
    updated.set(rs.metadata.uid, s.scaleAndRecord(rs, rs.spec.replicas - n).rs);
    total += n;
  }
  return total;
}
