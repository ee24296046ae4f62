import type { ReplicaSet } from '../../api/types';
import type { DeploymentSync } from './state';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision } from './sync';
import { syncRolloutStatus } from './progress';
import { activeReplicaSets, actualReplicaCount, deploymentComplete } from './util/deployment-util';

// pkg/controller/deployment/recreate.go: scale every old ReplicaSet to 0, wait until none of their
// Pods runs, then scale the new one to replicas.

/** rolloutRecreate. */
export function rolloutRecreate(s: DeploymentSync): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  let scaledDown = false;
  // scaleDownOldReplicaSetsForRecreate: every active old ReplicaSet to 0.
  const active = new Set(activeReplicaSets(oldRSs).map((rs) => rs.metadata.uid));
  oldRSs = oldRSs.map((rs) => {
    if (!active.has(rs.metadata.uid)) return rs;
    const r = s.scaleAndRecord(rs, 0);
    scaledDown ||= r.scaled;
    return r.rs;
  });
  if (scaledDown) { syncRolloutStatus(s, [...oldRSs, newRS], newRS); return; }
  if (oldPodsRunning(s, newRS, oldRSs)) { syncRolloutStatus(s, [...oldRSs, newRS], newRS); return; }
  if (newRS === undefined) {
    const again = getAllReplicaSetsAndSyncRevision(s, true);
    newRS = again.newRS;
    if (newRS === undefined) { syncRolloutStatus(s, oldRSs, undefined); return; }
  }
  newRS = s.scaleAndRecord(newRS, s.d.spec.replicas).rs;
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, [...oldRSs, newRS], newRS);
}

/** oldPodsRunning: old ReplicaSets still report replicas, or some old Pod is not Succeeded/Failed. */
export function oldPodsRunning(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of s.podsByRs) {
    if (newRS !== undefined && newRS.metadata.uid === uid) continue;
    for (const p of pods) if (p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded') return true;
  }
  return false;
}
