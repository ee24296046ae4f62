import type { Condition, ConditionStatus, Deployment, DeploymentStatus, IntOrString, PodTemplateSpec, ReplicaSet } from '../../../api/types';
import { canonicalJson } from '../../../api/naming';
import { msOf } from '../../util/pod';

// pkg/controller/deployment/util/deployment_util.go: the deployment controller's pure arithmetic.

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** deployment_util.go MaxRevHistoryLengthInChars. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;
const MAX_INT32 = 2147483647;

// Condition reasons (deployment_util.go).
export const NEW_RS_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const RS_UPDATED_REASON = 'ReplicaSetUpdated';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as-is; "N%" of total, rounded up or down.
 * Returns an error message for a malformed string.
 *
 * | value | total | roundUp | result |
 * |-------|-------|---------|--------|
 * | 2     | 10    | any     | 2      |
 * | "25%" | 10    | true    | 3      |
 * | "25%" | 10    | false   | 2      |
 * | "oops"| 10    | any     | error  |
 */
export function getValueFromIntOrPercent(value: IntOrString, total: number, roundUp: boolean): number | { error: string } {
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (m === null) {
    if (/^-?\d+$/.test(value)) return Number(value);
    return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  }
  const v = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(v) : Math.floor(v);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down; when both resolve to 0,
 * maxUnavailable becomes 1 so a rollout can progress. A nil field counts as 0.
 *
 * | maxSurge | maxUnavailable | desired | surge | unavailable |
 * |----------|----------------|---------|-------|-------------|
 * | 0%       | 0%             | 0       | 0     | 1           |
 * | 39%      | 39%            | 10      | 4     | 3           |
 * | oops     | 39%            | 10      | error |             |
 * | 55%      | urg            | 10      | error |             |
 * | 25%      | 25%            | 3       | 1     | 0           |
 * | 1        | 0              | 5       | 1     | 0           |
 * | nil      | nil            | 3       | 0     | 1           |
 */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): { surge: number; unavailable: number } | { error: string } {
  const surge = getValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  if (typeof surge !== 'number') return surge;
  const unavailable = getValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (typeof unavailable !== 'number') return unavailable;
  if (surge === 0 && unavailable === 0) return { surge, unavailable: 1 };
  return { surge, unavailable };
}

function isRollingUpdate(d: Deployment): boolean {
  return d.spec.strategy?.type === 'RollingUpdate';
}

/**
 * MaxUnavailable: 0 for Recreate or 0 replicas, else the resolved value clamped to replicas.
 *
 * | strategy      | replicas | maxSurge | maxUnavailable | result |
 * |---------------|----------|----------|----------------|--------|
 * | RollingUpdate | 10       | 25%      | 25%            | 2      |
 * | RollingUpdate | 0        | 25%      | 25%            | 0      |
 * | RollingUpdate | 2        | 0        | 5              | 2      |
 * | RollingUpdate | 3        | 0        | 0%             | 1      |
 * | Recreate      | 10       | -        | -              | 0      |
 */
export function maxUnavailable(d: Deployment): number {
  if (!isRollingUpdate(d) || d.spec.replicas === 0) return 0;
  const r = resolveFenceposts(d.spec.strategy.rollingUpdate?.maxSurge, d.spec.strategy.rollingUpdate?.maxUnavailable, d.spec.replicas);
  if ('error' in r) return 0;
  return Math.min(r.unavailable, d.spec.replicas);
}

/** MinAvailable: replicas minus MaxUnavailable (0 for Recreate). */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return d.spec.replicas - maxUnavailable(d);
}

/**
 * MaxSurge: 0 for Recreate, else the resolved surge (not clamped).
 *
 * | strategy      | replicas | maxSurge | maxUnavailable | result |
 * |---------------|----------|----------|----------------|--------|
 * | RollingUpdate | 10       | 25%      | 25%            | 3      |
 * | RollingUpdate | 1        | 25%      | 25%            | 1      |
 * | RollingUpdate | 3        | 5        | 0              | 5      |
 * | Recreate      | 10       | -        | -              | 0      |
 */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  const r = resolveFenceposts(d.spec.strategy.rollingUpdate?.maxSurge, d.spec.strategy.rollingUpdate?.maxUnavailable, d.spec.replicas);
  return 'error' in r ? 0 : r.surge;
}

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be after this sync. RollingUpdate grows it by
 * what maxSurge leaves room for (never past replicas); Recreate jumps to replicas.
 *
 * | replicas | maxSurge | Σ spec.replicas all RSs | newRS | result |
 * |----------|----------|-------------------------|-------|--------|
 * | 1        | 0        | 1                       | 0     | 0      |
 * | 1        | 1        | 1                       | 0     | 1      |
 * | 5        | 25%      | 5                       | 0     | 2      |
 * | 5        | 25%      | 7                       | 2     | 2      |
 * | 10       | 3        | 10                      | 0     | 3      |
 * | 3        | Recreate | -                       | 0     | 3      |
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (d.spec.strategy.type === 'Recreate') return d.spec.replicas;
  const surge = getValueFromIntOrPercent(d.spec.strategy.rollingUpdate?.maxSurge ?? 0, d.spec.replicas, true);
  if (typeof surge !== 'number') return newRS.spec.replicas;
  const current = replicaCount(allRSs);
  const maxTotal = d.spec.replicas + surge;
  if (current >= maxTotal) return newRS.spec.replicas;
  const scaleUp = Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
  return newRS.spec.replicas + scaleUp;
}

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export function replicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs !== undefined) n += rs.spec.replicas;
  return n;
}
/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export function actualReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs !== undefined) n += rs.status?.replicas ?? 0;
  return n;
}
/** GetReadyReplicaCountForReplicaSets. */
export function readyReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs !== undefined) n += rs.status?.readyReplicas ?? 0;
  return n;
}
/** GetAvailableReplicaCountForReplicaSets. */
export function availableReplicaCount(rss: readonly (ReplicaSet | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs !== undefined) n += rs.status?.availableReplicas ?? 0;
  return n;
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function activeReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && rs.spec.replicas > 0);
}

/** The template without the pod-template-hash label (EqualIgnoreHash's comparison form). */
function withoutHash(t: PodTemplateSpec): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** EqualIgnoreHash: templates equal once pod-template-hash is dropped from both. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return a === b || canonicalWithoutHash(a) === canonicalWithoutHash(b);
}

// Templates are immutable and compared at every reconcile: their text is memoised by object (weakly).
const textWithoutHash = new WeakMap<object, string>();

function canonicalWithoutHash(t: PodTemplateSpec): string {
  if (typeof t !== 'object' || t === null) return canonicalJson(withoutHash(t));
  let text = textWithoutHash.get(t);
  if (text === undefined) textWithoutHash.set(t, (text = canonicalJson(withoutHash(t))));
  return text;
}

/** ReplicaSetsByCreationTimestamp.Less: older first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  if (a.metadata.creationTimestamp !== b.metadata.creationTimestamp) return a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the deployment's (ignoring the hash). */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: every other ReplicaSet (all), and those with replicas (required). */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => newRS === undefined || rs.metadata.uid !== newRS.metadata.uid);
  return { required: all.filter((rs) => rs.spec.replicas !== 0), all };
}

/** Revision: the revision annotation as a number (0 when missing or malformed). */
export function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

/** MaxRevision. */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}

const SKIP_COPY = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, ROLLBACK_TO_ANNOTATION]);

/** copyDeploymentAnnotationsToReplicaSet: the RS's annotations with the deployment's copied in. */
function copyDeploymentAnnotations(d: Deployment, annotations: Record<string, string>): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations: copies the deployment's annotations, raises the revision (keeping
 * the old one in revision-history when an old ReplicaSet is re-adopted as new), and for a
 * ReplicaSet about to be created sets desired-replicas and max-replicas. Returns the new RS.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): { rs: ReplicaSet; changed: boolean } {
  const annotations: Record<string, string> = { ...(rs.metadata.annotations ?? {}) };
  let changed = copyDeploymentAnnotations(d, annotations);
  const oldRevision = annotations[REVISION_ANNOTATION];
  const oldRevisionInt = oldRevision === undefined ? 0 : Number.parseInt(oldRevision, 10);
  if (oldRevision !== undefined && !Number.isFinite(oldRevisionInt)) return { rs, changed: false };
  if (oldRevisionInt < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      let entries = history ? history.split(',') : [];
      entries.push(oldRevision);
      while (entries.join(',').length > MAX_REV_HISTORY_LENGTH_IN_CHARS && entries.length > 1) entries = entries.slice(1);
      annotations[REVISION_HISTORY_ANNOTATION] = entries.join(',');
    }
  }
  if (!exists) {
    const desired = String(d.spec.replicas);
    const max = String(d.spec.replicas + maxSurge(d));
    if (annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max) {
      annotations[DESIRED_REPLICAS_ANNOTATION] = desired;
      annotations[MAX_REPLICAS_ANNOTATION] = max;
      changed = true;
    }
  }
  return { rs: changed ? { ...rs, metadata: { ...rs.metadata, annotations } } : rs, changed };
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/** SetReplicasAnnotations, returning a new RS. */
export function withReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): ReplicaSet {
  return { ...rs, metadata: { ...rs.metadata, annotations: { ...(rs.metadata.annotations ?? {}), [DESIRED_REPLICAS_ANNOTATION]: String(desired), [MAX_REPLICAS_ANNOTATION]: String(max) } } };
}

/** HasProgressDeadline: set and not MaxInt32. */
export function hasProgressDeadline(d: Deployment): boolean {
  return d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;
}

/** HasRevisionHistoryLimit. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  return d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, s: DeploymentStatus): boolean {
  return (s.updatedReplicas ?? 0) === d.spec.replicas && (s.replicas ?? 0) === d.spec.replicas
    && (s.availableReplicas ?? 0) === d.spec.replicas && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than before. */
export function deploymentProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld
    || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

export function getCondition(s: DeploymentStatus, type: string): Condition | undefined {
  return s.conditions?.find((c) => c.type === type);
}

/** NewDeploymentCondition at `nowIso`. */
export function newCondition(type: string, status: ConditionStatus, reason: string, message: string, nowIso: string): Condition {
  return { type, status, lastUpdateTime: nowIso, lastTransitionTime: nowIso, reason, message };
}

/** SetDeploymentCondition: no-op on same status and reason; keeps lastTransitionTime when status holds. */
export function setCondition(s: DeploymentStatus, c: Condition): DeploymentStatus {
  const current = getCondition(s, c.type);
  if (current !== undefined && current.status === c.status && current.reason === c.reason) return s;
  const next = current !== undefined && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c;
  return { ...s, conditions: [...(s.conditions ?? []).filter((x) => x.type !== c.type), next] };
}

export function removeCondition(s: DeploymentStatus, type: string): DeploymentStatus {
  if (getCondition(s, type) === undefined) return s;
  return { ...s, conditions: (s.conditions ?? []).filter((x) => x.type !== type) };
}

/** DeploymentTimedOut: the Progressing condition's lastUpdateTime + deadline strictly before now. */
export function deploymentTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number, epochMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (c === undefined || c.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (c.reason === TIMED_OUT_REASON) return true;
  const from = msOf(c.lastUpdateTime, epochMs) ?? NaN; // Date.parse, memoised by text
  return from + d.spec.progressDeadlineSeconds * 1000 < nowMs;
}

/** integer.RoundToInt32: round half away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getReplicaSetFraction: how much this RS should grow or shrink when the deployment is scaled
 * mid-rollout, proportional to its share of the max-replicas it was sized for.
 *
 * | rs.replicas | max-replicas annot. | D + maxSurge now | result |
 * |-------------|---------------------|------------------|--------|
 * | 5           | 13                  | 20 (D=15,+5)     | 3      |
 * | 8           | 13                  | 20               | 4      |
 * | 3           | 10                  | 0 (D=0)          | -3     |
 */
export function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (d.spec.replicas === 0) return -rs.spec.replicas;
  const deploymentMax = d.spec.replicas + maxSurge(d);
  const raw = rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION];
  let before = raw === undefined ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(before) || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAway((rs.spec.replicas * deploymentMax) / before) - rs.spec.replicas;
}

/** GetProportion: this RS's share of `toAdd`, bounded by what is left to add. */
export function getProportion(rs: ReplicaSet | undefined, d: Deployment, toAdd: number, added: number): number {
  if (rs === undefined || rs.spec.replicas === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** IsSaturated: the new RS runs all desired replicas, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (rs === undefined) return false;
  const desired = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? '', 10);
  if (!Number.isFinite(desired)) return false;
  return rs.spec.replicas === d.spec.replicas && desired === d.spec.replicas && (rs.status?.availableReplicas ?? 0) === d.spec.replicas;
}
