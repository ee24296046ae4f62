import type { Deployment, KubeObject, Pod, ReplicaSet } from '../../api/types';
import { isEmptySelector } from '../../store/labels';
import { NO_CHANGES, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { claimObjects } from '../util/claim';
import { keyFor, splitKey } from '../util/events';
import { controllersOf } from '../util/controllers-of';
import { controllerRef, ownerKey } from '../util/owner';
import { DEPLOYMENT_CONTROLLER, DeploymentSync } from './state';
import { getAllReplicaSetsAndSyncRevision, isScalingEvent, sync, syncDeploymentStatus } from './sync';
import { rolloutRolling } from './rolling';
import { rolloutRecreate } from './recreate';
import { getCondition, hasProgressDeadline, newCondition, PAUSED_DEPLOY_REASON, RESUMED_DEPLOY_REASON, setCondition, TIMED_OUT_REASON } from './util/deployment-util';

// pkg/controller/deployment/deployment_controller.go syncDeployment: claim ReplicaSets, then one of
// status-only (being deleted), sync (paused or scaling), rolloutRecreate or rolloutRolling.

export { DEPLOYMENT_CONTROLLER } from './state';

export function reconcileDeployment(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const d = view.get<Deployment>('Deployment', namespace, name);
  if (d === undefined) return NO_CHANGES;
  if (isEmptySelector(d.spec.selector)) {
    // "This deployment is selecting all pods. A non-empty selector is required."
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      return { changes: [{ verb: 'status', object: { ...d, status: { ...d.status, observedGeneration: d.metadata.generation } } }] };
    }
    return NO_CHANGES;
  }
  const claimed = claimObjects<ReplicaSet>(view, d, 'ReplicaSet', d.spec.selector);
  const podsByRs = new Map<string, readonly Pod[]>();
  if (d.spec.strategy.type === 'Recreate') {
    for (const rs of claimed.owned) podsByRs.set(rs.metadata.uid, view.dependents(rs.metadata.uid).filter((o): o is Pod => o.kind === 'Pod'));
  }
  const s = new DeploymentSync(view, ctx, d, claimed.owned, podsByRs);
  s.changes.push(...claimed.changes);
  if (d.metadata.deletionTimestamp !== undefined) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
    syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
    return s.finish();
  }
  checkPausedConditions(s);
  // isScalingEvent reads through a throwaway sync: its annotation syncing is redone by the phase that runs.
  if (d.spec.paused || isScalingEvent(new DeploymentSync(view, ctx, s.d, claimed.owned, podsByRs))) {
    sync(s);
    return s.finish();
  }
  if (d.spec.strategy.type === 'Recreate') rolloutRecreate(s);
  else rolloutRolling(s);
  return s.finish();
}

/** checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed. */
function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status ?? {}, 'Progressing');
  if (cond?.reason === TIMED_OUT_REASON) return;
  const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
  if (d.spec.paused && !pausedCondExists) {
    s.d = { ...d, status: setCondition(d.status ?? {}, newCondition('Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused', s.ctx.iso())) };
  } else if (!d.spec.paused && pausedCondExists) {
    s.d = { ...d, status: setCondition(d.status ?? {}, newCondition('Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed', s.ctx.iso())) };
  }
}

/** The Deployments a ReplicaSet change concerns: its controller, or for an orphan those selecting it. */
function deploymentsForReplicaSet(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  return controllersOf(view, after, before, 'Deployment');
}

const NONE: readonly string[] = Object.freeze([]);

/** deletePod: a Recreate rollout waits for old Pods to go; their deletion wakes the Deployment. */
function deploymentForDeletedPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  if (after !== undefined || before === undefined) return NONE;
  const rsRef = controllerRef(before);
  if (rsRef === undefined || rsRef.kind !== 'ReplicaSet') return NONE;
  const rs = view.get<ReplicaSet>('ReplicaSet', before.metadata.namespace ?? '', rsRef.name);
  if (rs === undefined) return NONE;
  const k = ownerKey(rs, 'Deployment');
  if (k === undefined) return NONE;
  const d = view.get<Deployment>('Deployment', before.metadata.namespace ?? '', splitKey(k).name);
  return d?.spec.strategy.type === 'Recreate' ? [k] : [];
}

export const deploymentController: Controller = {
  name: DEPLOYMENT_CONTROLLER,
  reconcile: reconcileDeployment,
  watches: {
    Deployment: (_v, after, before) => [keyFor((after ?? before)!)],
    ReplicaSet: deploymentsForReplicaSet,
    Pod: deploymentForDeletedPod,
  },
};
