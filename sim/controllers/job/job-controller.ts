import type { Condition, KubeObject, Pod } from '../../api/types';
import { isEmptySelector, matchesSelector } from '../../store/labels';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { claimObjects } from '../util/claim';
import { eventFor, keyFor, sameJson, splitKey } from '../util/events';
import { freshName } from '../util/names';
import { controllerRef, controlledByOtherKind } from '../util/owner';
import { isPodActive, isPodReady, isPodTerminal, msOf } from '../util/pod';
import { podFromTemplate } from '../util/pod-template';
import { podsToDelete } from '../util/active-pods';
import { podCreateRefusal } from '../util/create-refusal';
import { backoffRecord, remainingBackoffMs } from './backoff';
import { jobRetryAfterMs } from './create-failure';
import { JOB_TRACKING_FINALIZER, finishedCondition, type Job, type JobStatus } from './types';

// pkg/controller/job/job_controller.go: syncJob, manageJob, trackJobStatusAndRemoveFinalizers,
// enactJobFinished. Pods carry the batch.kubernetes.io/job-tracking finalizer until the
// controller has counted them in status.succeeded / status.failed. Since 1.31 (JobManagedBy,
// JobPodReplacementPolicy on) the interim SuccessCriteriaMet / FailureTarget conditions come first
// and the terminal Complete / Failed condition once no Pod is terminating.

export const JOB_CONTROLLER = 'job-controller';

/** MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

const ORPHAN_PREFIX = 'orphan:';

const hasTrackingFinalizer = (p: KubeObject) => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);

/** isPodFailed (default podReplacementPolicy): Failed, or being deleted without having succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (job.spec.podReplacementPolicy === 'Failed') return false;
  return p.metadata.deletionTimestamp !== undefined && p.status?.phase !== 'Succeeded';
}

/**
 * manageJob's target number of active Pods.
 *
 * | completions | succeeded | parallelism | active | wantActive |
 * |-------------|-----------|-------------|--------|------------|
 * | 1           | 0         | 1           | 0      | 1          |
 * | 6           | 5         | 2           | 1      | 1          |
 * | nil         | 0         | 2           | 0      | 2          |
 * | nil         | 1         | 2           | 1      | 1 (leave running what runs) |
 */
export function wantActive(completions: number | null | undefined, parallelism: number, succeeded: number, active: number): number {
  if (completions === undefined || completions === null) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(completions - succeeded, parallelism));
}

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure the container restarts of the Job's
 * Running and Pending Pods count against backoffLimit (`>= limit`, or `> 0` when the limit is 0).
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec.template.spec.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of p.status.initContainerStatuses ?? []) restarts += s.restartCount;
    for (const s of p.status.containerStatuses ?? []) restarts += s.restartCount;
  }
  return job.spec.backoffLimit === 0 ? restarts > 0 : restarts >= job.spec.backoffLimit;
}

function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: string): Condition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, ...(reason !== '' ? { reason } : {}), ...(message !== '' ? { message } : {}) };
}

/** ensureJobConditionStatus: replace a condition that differs, add a missing one unless it would be False. */
function ensureCondition(list: readonly Condition[], type: string, status: 'True' | 'False', reason: string, message: string, now: string): { list: Condition[]; changed: boolean } {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i];
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return { list: [...list], changed: false };
    const next = [...list];
    next[i] = newCondition(type, status, reason, message, now);
    return { list: next, changed: true };
  }
  if (status === 'False') return { list: [...list], changed: false };
  return { list: [...list, newCondition(type, status, reason, message, now)], changed: true };
}

/** syncJob for one Job key (or, for `orphan:<ns>/<pod>`, the orphan worker's finalizer removal). */
export function reconcileJob(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  if (key.startsWith(ORPHAN_PREFIX)) return reconcileOrphanPod(view, key.slice(ORPHAN_PREFIX.length));
  const { namespace, name } = splitKey(key);
  const job = view.get<Job>('Job', namespace, name);
  if (job === undefined || finishedCondition(job) !== undefined) return NO_CHANGES;
  if (job.spec.selector === undefined || isEmptySelector(job.spec.selector)) return NO_CHANGES;
  const changes: Change[] = [];
  const now = ctx.iso();
  const epoch = ctx.config.epochMs;

  const claimed = claimObjects<Pod>(view, job, 'Pod', job.spec.selector);
  changes.push(...claimed.changes);
  const pods = claimed.owned;
  let activePods = pods.filter(isPodActive);
  const status: JobStatus = job.status ?? {};
  let conditions: Condition[] = [...(status.conditions ?? [])];
  let startTime = status.startTime;
  let requeueAfterMs: number | undefined;
  const requeue = (ms: number) => { requeueAfterMs = requeueAfterMs === undefined ? ms : Math.min(requeueAfterMs, ms); };

  // getNewFinishedPods: terminal Pods that still carry the tracking finalizer are not counted yet.
  const newSucceeded = pods.filter((p) => hasTrackingFinalizer(p) && p.status?.phase === 'Succeeded');
  const newFailed = pods.filter((p) => hasTrackingFinalizer(p) && isPodFailed(p, job));
  let succeeded = (status.succeeded ?? 0) + newSucceeded.length;
  let failed = (status.failed ?? 0) + newFailed.length;
  const suspended = job.spec.suspend === true;
  if (startTime === undefined && !suspended) startTime = now;

  // The interim condition that decides the Job's end (FailureTarget or SuccessCriteriaMet).
  let finishing: Condition | undefined = conditions.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True')
    ?? conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True');
  if (finishing === undefined) {
    const deadlineMs = job.spec.activeDeadlineSeconds !== undefined && startTime !== undefined && !suspended
      ? (msOf(startTime, epoch) ?? ctx.nowMs) + job.spec.activeDeadlineSeconds * 1000 : undefined;
    if (failed > job.spec.backoffLimit || pastBackoffLimitOnFailure(job, pods)) {
      finishing = newCondition('FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', now);
    } else if (deadlineMs !== undefined && ctx.nowMs >= deadlineMs) {
      finishing = newCondition('FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    } else if (deadlineMs !== undefined) {
      requeue(deadlineMs - ctx.nowMs);
    }
  }

  let terminating = pods.filter((p) => p.metadata.deletionTimestamp !== undefined && !isPodTerminal(p)).length;
  // Deletions go after the finalizer patches below (a patch carries the object as it was read).
  const deletions: Change[] = [];
  if (finishing?.type === 'FailureTarget') {
    // deleteActivePods: a failing Job stops everything it still runs, through
    // RealPodControl.DeletePod, which records SuccessfulDelete on the Job.
    for (const p of activePods) {
      deletions.push({ verb: 'delete', ref: { kind: 'Pod', namespace, name: p.metadata.name }, reason: `job ${keyFor(job)} failed` });
      deletions.push(eventFor(job, JOB_CONTROLLER, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`));
      if (p.spec.nodeName !== undefined) terminating++;
    }
    activePods = [];
  } else if (finishing === undefined) {
    if (job.metadata.deletionTimestamp === undefined) {
      const managed = manageJob(view, job, activePods, succeeded, newSucceeded, newFailed, pods, ctx);
      changes.push(...managed.changes);
      activePods = managed.active;
      terminating += managed.terminating;
      if (managed.requeueAfterMs !== undefined) requeue(managed.requeueAfterMs);
      // Suspended / Resumed conditions, only when manageJob ran.
      if (suspended) {
        const r = ensureCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
        conditions = r.list;
        if (r.changed) changes.push(eventFor(job, JOB_CONTROLLER, 'Suspended', 'Job suspended'));
      } else {
        const r = ensureCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
        conditions = r.list;
        if (r.changed) {
          changes.push(eventFor(job, JOB_CONTROLLER, 'Resumed', 'Job resumed'));
          startTime = now; // ActiveDeadlineSeconds counts from the resume
        }
      }
    }
    const complete = (job.spec.completions === undefined || job.spec.completions === null)
      ? succeeded > 0 && activePods.length === 0
      : succeeded >= job.spec.completions && activePods.length === 0;
    if (complete) finishing = newCondition('SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
  }

  // trackJobStatusAndRemoveFinalizers: count finished Pods (and, when failing, every Pod left) and
  // remove their finalizers.
  const failing = finishing?.type === 'FailureTarget';
  for (const p of pods) {
    if (!hasTrackingFinalizer(p)) continue;
    const countedNow = newSucceeded.includes(p) || newFailed.includes(p);
    const canRemove = countedNow || failing || job.metadata.deletionTimestamp !== undefined || finishing !== undefined;
    if (!canRemove) continue;
    if (!countedNow && p.status?.phase !== 'Succeeded' && failing) failed++;
    changes.push({ verb: 'update', object: withoutTrackingFinalizer(p) });
  }
  changes.push(...deletions);
  if (finishing !== undefined && !conditions.some((c) => c.type === finishing!.type)) conditions = [...conditions, finishing];

  // enactJobFinished: the terminal condition once no Pod is terminating.
  let completionTime = status.completionTime;
  let finishedEvent: Change | undefined;
  if (finishing !== undefined && terminating === 0) {
    if (finishing.type === 'SuccessCriteriaMet') {
      conditions = ensureCondition(conditions, 'Complete', 'True', finishing.reason ?? '', finishing.message ?? '', now).list;
      completionTime = now;
      finishedEvent = eventFor(job, JOB_CONTROLLER, 'Completed', 'Job completed');
    } else {
      conditions = ensureCondition(conditions, 'Failed', 'True', finishing.reason ?? '', finishing.message ?? '', now).list;
      finishedEvent = eventFor(job, JOB_CONTROLLER, finishing.reason ?? 'Failed', finishing.message ?? '', 'Warning');
    }
  }
  const ready = activePods.filter(isPodReady).length;
  const next: JobStatus = {
    ...(conditions.length > 0 ? { conditions } : {}),
    ...(startTime !== undefined ? { startTime } : {}),
    ...(completionTime !== undefined ? { completionTime } : {}),
    ...(activePods.length > 0 ? { active: activePods.length } : {}),
    ...(succeeded > 0 ? { succeeded } : {}),
    ...(failed > 0 ? { failed } : {}),
    terminating,
    ready,
    uncountedTerminatedPods: {},
  };
  if (!sameJson(next, job.status)) changes.push({ verb: 'status', object: { ...job, status: next } });
  if (finishedEvent !== undefined) changes.push(finishedEvent);
  return requeueAfterMs === undefined ? { changes } : { changes, requeueAfterMs };
}

interface Managed {
  readonly changes: readonly Change[];
  readonly active: Pod[];
  readonly terminating: number;
  readonly requeueAfterMs?: number;
}

/** manageJob: delete the excess active Pods, or create the missing ones once the failure back-off has passed. */
export function manageJob(
  view: ClusterView, job: Job, active: readonly Pod[], succeeded: number,
  _newSucceeded: readonly Pod[], _newFailed: readonly Pod[], pods: readonly Pod[], ctx: ReconcileContext,
): Managed {
  const ns = job.metadata.namespace ?? '';
  const changes: Change[] = [];
  const deleteAll = job.spec.suspend === true;
  const want = deleteAll ? 0 : wantActive(job.spec.completions, job.spec.parallelism, succeeded, active.length);
  const rm = Math.min(Math.max(0, active.length - want), MAX_POD_CREATE_DELETE_PER_SYNC);
  if (rm > 0) {
    const doomed = podsToDelete(active, [], rm, ctx.nowMs, ctx.config.epochMs);
    let terminating = 0;
    for (const p of doomed) {
      changes.push({ verb: 'update', object: withoutTrackingFinalizer(p) });
      changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: p.metadata.name }, reason: `job ${keyFor(job)} has too many pods` });
      changes.push(eventFor(job, JOB_CONTROLLER, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`));
      if (p.spec.nodeName !== undefined) terminating++;
    }
    return { changes, active: active.filter((p) => !doomed.includes(p)), terminating };
  }
  const diff = Math.min(want - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (diff <= 0) return { changes, active: [...active], terminating: 0 };
  const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded');
  const failedPods = pods.filter((p) => isPodFailed(p, job));
  const remaining = remainingBackoffMs(backoffRecord(succeededPods, failedPods, ctx.config.epochMs), ctx.nowMs);
  if (remaining > 0) return { changes, active: [...active], terminating: 0, requeueAfterMs: remaining };
  // The first slow-start batch is one Pod: a refused create is recorded on the Job
  // (controller.RealPodControl.createPods), nothing is created, and the sync is retried.
  const refusal = podCreateRefusal(view, podFromTemplate(job.spec.template, job, `${job.metadata.name}-`, ns));
  if (refusal !== undefined) {
    changes.push(eventFor(job, JOB_CONTROLLER, 'FailedCreate', `Error creating: ${refusal}`, 'Warning'));
    return { changes, active: [...active], terminating: 0, requeueAfterMs: jobRetryAfterMs(job, succeededPods, failedPods, ctx) };
  }
  const taken = new Set<string>();
  const created: Pod[] = [];
  for (let i = 0; i < diff; i++) {
    const podName = freshName(view, ctx, 'Pod', ns, `${job.metadata.name}-`, taken);
    const pod = podFromTemplate(job.spec.template, job, `${job.metadata.name}-`, ns, podName);
    const tracked: Pod = { ...pod, metadata: { ...pod.metadata, finalizers: [JOB_TRACKING_FINALIZER] } };
    changes.push({ verb: 'create', object: tracked });
    changes.push(eventFor(job, JOB_CONTROLLER, 'SuccessfulCreate', `Created pod: ${podName}`));
    created.push(tracked);
  }
  return { changes, active: [...active, ...created], terminating: 0 };
}

function withoutTrackingFinalizer(p: Pod): Pod {
  const finalizers = (p.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  const { finalizers: _old, ...rest } = p.metadata;
  return { ...p, metadata: finalizers.length > 0 ? { ...rest, finalizers } : rest };
}

/** The orphan worker: a Pod whose Job is gone loses the tracking finalizer. */
function reconcileOrphanPod(view: ClusterView, podKey: string): ReconcileResult {
  const { namespace, name } = splitKey(podKey);
  const pod = view.get<Pod>('Pod', namespace, name);
  if (pod === undefined || !hasTrackingFinalizer(pod) || jobOf(view, pod) !== undefined) return NO_CHANGES;
  return { changes: [{ verb: 'update', object: withoutTrackingFinalizer(pod) }] };
}

function jobOf(view: ClusterView, pod: KubeObject): Job | undefined {
  const ref = controllerRef(pod);
  if (ref === undefined || ref.kind !== 'Job') return undefined;
  const job = view.get<Job>('Job', pod.metadata.namespace ?? '', ref.name);
  return job !== undefined && job.metadata.uid === ref.uid ? job : undefined;
}

/** updatePod's filter: what about a Pod matters to its Job. */
function podChangeMatters(after: Pod | undefined, before: Pod | undefined): boolean {
  if (after === undefined || before === undefined) return true;
  if (after.metadata.deletionTimestamp !== before.metadata.deletionTimestamp) return true;
  if (after.status?.phase !== before.status?.phase) return true;
  if (!sameJson(after.metadata.labels, before.metadata.labels)) return true;
  if (!sameJson(after.metadata.ownerReferences, before.metadata.ownerReferences)) return true;
  if (!sameJson(after.metadata.finalizers, before.metadata.finalizers)) return true;
  if (isPodReady(after) !== isPodReady(before)) return true;
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
  return restarts(after) !== restarts(before);
}

function jobsForPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  if (controlledByOtherKind(after, before, 'Job')) return [];
  if (!podChangeMatters(after as Pod | undefined, before as Pod | undefined)) return [];
  const keys = new Set<string>();
  for (const p of [after, before]) {
    if (p === undefined) continue;
    const ref = controllerRef(p);
    if (ref?.kind !== 'Job') continue;
    if (jobOf(view, p) !== undefined) keys.add(`${p.metadata.namespace ?? ''}/${ref.name}`);
    else if (p === after && hasTrackingFinalizer(p)) keys.add(`${ORPHAN_PREFIX}${keyFor(p)}`);
  }
  // An orphan that appears or changes labels may be adopted (scans the namespace's Jobs; rare).
  if (after !== undefined && controllerRef(after) === undefined && after.metadata.deletionTimestamp === undefined) {
    for (const job of view.list<Job>('Job', after.metadata.namespace ?? '')) {
      if (job.spec.selector !== undefined && !isEmptySelector(job.spec.selector) && matchesSelector(after.metadata.labels, job.spec.selector)) keys.add(keyFor(job));
    }
  }
  return [...keys];
}

/** A deleted Job leaves its Pods to the garbage collector; the orphan worker takes their finalizers off. */
function jobKeys(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  if (after !== undefined) return [keyFor(after)];
  if (before === undefined) return [];
  const keys = [keyFor(before)];
  for (const p of view.dependents(before.metadata.uid)) if (p.kind === 'Pod' && hasTrackingFinalizer(p)) keys.push(`${ORPHAN_PREFIX}${keyFor(p)}`);
  return keys;
}

export const jobController: Controller = {
  name: JOB_CONTROLLER,
  reconcile: reconcileJob,
  watches: { Job: jobKeys, Pod: jobsForPod },
};
