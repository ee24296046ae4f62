import type { DeploymentStatus, ReplicaSet } from '../../api/types';
import { computeHash } from '../../api/naming';
import { omitZero, sameJson } from '../util/events';
import { newControllerRef } from '../util/owner';
import type { DeploymentSync } from './state';
import {
  FOUND_NEW_RS_REASON, NEW_RS_REASON, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, DESIRED_REPLICAS_ANNOTATION,
  activeReplicaSets, actualReplicaCount, availableReplicaCount, byCreation, equalIgnoreHash, findNewReplicaSet, findOldReplicaSets,
  getCondition, getProportion, hasProgressDeadline, hasRevisionHistoryLimit, isSaturated, maxRevision, maxSurge, maxUnavailable,
  MINIMUM_REPLICAS_AVAILABLE, MINIMUM_REPLICAS_UNAVAILABLE, newCondition, newRSNewReplicas, readyReplicaCount, replicaCount,
  revisionOf, setCondition, setNewReplicaSetAnnotations,
} from './util/deployment-util';

// pkg/controller/deployment/sync.go: finding/creating the new ReplicaSet, scaling, status, cleanup.

export interface AllReplicaSets {
  readonly newRS: ReplicaSet | undefined;
  readonly oldRSs: ReplicaSet[];
}

/** getAllReplicaSetsAndSyncRevision: the new RS (created when asked), all old ones, revisions synced. */
export function getAllReplicaSetsAndSyncRevision(s: DeploymentSync, createIfNotExisted: boolean): AllReplicaSets {
  const { all: oldRSs } = findOldReplicaSets(s.d, s.rsList);
  const newRS = getNewReplicaSet(s, oldRSs, createIfNotExisted);
  return { newRS, oldRSs };
}

/** SetDeploymentRevision on this sync's deployment. */
function setDeploymentRevision(s: DeploymentSync, revision: string): void {
  if (s.d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return;
  s.d = { ...s.d, metadata: { ...s.d.metadata, annotations: { ...(s.d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision } } };
}

function setStatus(s: DeploymentSync, status: DeploymentStatus): void {
  if (status !== s.d.status) s.d = { ...s.d, status };
}

/** getNewReplicaSet: sync the existing new RS's annotations, or create `<deployment>-<hash>`. */
export function getNewReplicaSet(s: DeploymentSync, oldRSs: readonly ReplicaSet[], createIfNotExisted: boolean): ReplicaSet | undefined {
  const d = s.d;
  const existing = findNewReplicaSet(d, s.rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const now = s.ctx.iso();
  if (existing !== undefined) {
    const annotated = setNewReplicaSetAnnotations(d, existing, newRevision, true);
    let rs = annotated.rs;
    if (annotated.changed || (rs.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
      rs = { ...rs, spec: withMinReadySeconds(rs.spec, d.spec.minReadySeconds ?? 0) };
      s.updateRS(rs);
    }
    setDeploymentRevision(s, rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && getCondition(s.d.status ?? {}, 'Progressing') === undefined) {
      setStatus(s, setCondition(s.d.status ?? {}, newCondition('Progressing', 'True', FOUND_NEW_RS_REASON, `Found new replica set "${rs.metadata.name}"`, now)));
    }
    return rs;
  }
  if (!createIfNotExisted) return undefined;
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const ns = d.metadata.namespace ?? '';
  const clash = s.view.get<ReplicaSet>('ReplicaSet', ns, name);
  if (clash !== undefined) {
    if (equalIgnoreHash(clash.spec.template, d.spec.template)) return clash;
    // A hash collision: bump collisionCount so the next sync computes another name.
    setStatus(s, { ...(s.d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 });
    return undefined;
  }
  let newRS: ReplicaSet = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: now, labels, ownerReferences: [newControllerRef(d)] },
    spec: {
      replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } },
      template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } },
    },
    status: { replicas: 0 },
  };
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS = setNewReplicaSetAnnotations(d, { ...newRS, spec: { ...newRS.spec, replicas } }, newRevision, false).rs;
  s.changes.push({ verb: 'create', object: newRS });
  if (replicas > 0) s.event('ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
  setDeploymentRevision(s, String(newRevision));
  if (hasProgressDeadline(d)) {
    setStatus(s, setCondition(s.d.status ?? {}, newCondition('Progressing', 'True', NEW_RS_REASON, `Created new replica set "${name}"`, now)));
  }
  return newRS;
}

/** calculateStatus: counts from the ReplicaSets, and the Available condition. */
export function calculateStatus(s: DeploymentSync, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentStatus {
  const d = s.d;
  const available = availableReplicaCount(allRSs);
  const unavailable = Math.max(0, replicaCount(allRSs) - available);
  // DeploymentStatus: every count is omitempty.
  let status: DeploymentStatus = omitZero({
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
    ...(d.status?.conditions !== undefined ? { conditions: d.status.conditions } : {}),
  }, ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']);
  const now = s.ctx.iso();
  status = available >= d.spec.replicas - maxUnavailable(d)
    ? setCondition(status, newCondition('Available', 'True', MINIMUM_REPLICAS_AVAILABLE, 'Deployment has minimum availability.', now))
    : setCondition(status, newCondition('Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
  return status;
}

/** syncDeploymentStatus: write the calculated status if it differs. */
export function syncDeploymentStatus(s: DeploymentSync, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): void {
  const status = calculateStatus(s, allRSs, newRS);
  if (!sameJson(status, s.d.status)) setStatus(s, status);
}

/** isScalingEvent: some active RS was sized for a different spec.replicas (desired-replicas annotation). */
export function isScalingEvent(s: DeploymentSync): boolean {
  // getAllReplicaSetsAndSyncRevision(d, rsList, false), read only for sizes and the desired-replicas
  // annotation, which its annotation syncing never changes for an existing new RS (the copy skips
  // it, and the revision is another key): the ReplicaSets as listed give the same answer.
  const newRS = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = newRS === undefined ? s.rsList : s.rsList.filter((rs) => rs.metadata.uid !== newRS.metadata.uid);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (desired === undefined) continue;
    if (Number.parseInt(desired, 10) !== s.d.spec.replicas) return true;
  }
  return false;
}

/** sync: the paused / scaling path: proportional scale, cleanup when paused, status. */
export function sync(s: DeploymentSync): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, false);
  const scaled = scale(s, newRS, oldRSs);
  if (s.d.spec.paused) cleanupDeployment(s, scaled.oldRSs);
  syncDeploymentStatus(s, [...scaled.oldRSs, scaled.newRS], scaled.newRS);
}

/** FindActiveOrLatest: the only active RS, or, with none active, the new RS or the newest old one. */
function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (newRS === undefined && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/** scale (sync.go): proportional scaling of the active ReplicaSets when spec.replicas changed mid-rollout. */
export function scale(s: DeploymentSync, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const d = s.d;
  const replace = (updated: ReplicaSet): void => {
    if (newRS !== undefined && updated.metadata.uid === newRS.metadata.uid) newRS = updated;
    else oldRSs = oldRSs.map((rs) => (rs.metadata.uid === updated.metadata.uid ? updated : rs));
  };
  const latest = findActiveOrLatest(newRS, oldRSs);
  if (latest !== undefined) {
    if (latest.spec.replicas !== d.spec.replicas) replace(s.scaleAndRecord(latest, d.spec.replicas).rs);
    return { newRS, oldRSs };
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) replace(s.scaleAndRecord(old, 0).rs);
    return { newRS, oldRSs };
  }
  if (d.spec.strategy.type !== 'RollingUpdate') return { newRS, oldRSs };
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = d.spec.replicas > 0 ? d.spec.replicas + maxSurge(d) : 0;
  const toAdd = allowed - replicaCount(all);
  let operation = '';
  if (toAdd > 0) {
    // ReplicaSetsBySizeNewer: larger first, newer first on a tie.
    all.sort((a, b) => (a.spec.replicas !== b.spec.replicas ? b.spec.replicas - a.spec.replicas : byCreation(b, a)));
    operation = 'up';
  } else if (toAdd < 0) {
    // ReplicaSetsBySizeOlder: larger first, older first on a tie.
    all.sort((a, b) => (a.spec.replicas !== b.spec.replicas ? b.spec.replicas - a.spec.replicas : byCreation(a, b)));
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of all) {
    if (toAdd !== 0) {
      const proportion = getProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name, rs.spec.replicas + proportion);
      added += proportion;
    } else {
      sizes.set(rs.metadata.name, rs.spec.replicas);
    }
  }
  all.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.name)!;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added); // leftovers to the largest
    replace(s.scaleReplicaSet(rs, size, operation).rs);
  });
  return { newRS, oldRSs };
}

/** cleanupDeployment: delete the oldest-revision old ReplicaSets beyond revisionHistoryLimit, if scaled to 0. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: readonly ReplicaSet[]): void {
  const d = s.d;
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const diff = cleanable.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    if ((rs.status?.replicas ?? 0) !== 0 || rs.spec.replicas !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    s.changes.push({ verb: 'delete', ref: { kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? '', name: rs.metadata.name }, reason: `revisionHistoryLimit of deployment ${d.metadata.namespace}/${d.metadata.name}` });
  }
}

/** The ReplicaSet spec with the Deployment's minReadySeconds; an omitempty int32, so 0 is not stored. */
function withMinReadySeconds(spec: ReplicaSet['spec'], minReadySeconds: number): ReplicaSet['spec'] {
  const { minReadySeconds: _old, ...rest } = spec;
  return minReadySeconds === 0 ? rest : { ...rest, minReadySeconds };
}
