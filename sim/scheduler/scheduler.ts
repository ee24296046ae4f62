import type { Condition, KubeObject, Node, Pod } from '../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../engine/types';
import { keyOf } from '../store/keys';
import { cacheFor, existingCache, type SchedulerCache } from './cache';
import { schedulePod } from './schedule-one';
import { boundStatus } from './bound-status';
import { podCondition } from '../api/pod-condition';
import { volumePreBind } from '../storage/volume-binding'; // VolumeBinding PreBind (sim/storage)
import { prepareCandidate, withNominatedNodeName } from './prepare-candidate';

// kube-scheduler's default profile as a controller: binds Pods without spec.nodeName whose
// schedulerName is default-scheduler. A Pod that fits nowhere gets PodScheduled=False/Unschedulable
// and a FailedScheduling event, and waits in the "unschedulable pool" until a Node changes, a
// bound Pod goes away (for resource rejections), or podMaxInUnschedulablePodsDuration (5 min) passes.
// As the scheduling queue's backoff does, a Pod is tried at most once per instant: events after a
// sweep at the same instant are answered by one more sweep after podInitialBackoffDuration (1 s).
// (This keeps a burst of events - 300 Pods purged at once - from re-running every pending Pod 300 times.)

export const SCHEDULER_NAME = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration: an unschedulable Pod is retried at least this often. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;
/** Work-queue keys that retry the unschedulable pool (all of it, or those rejected for resources). */
export const RETRY_ALL = '@retry';
export const RETRY_FREED = '@retry-freed';
/** A sweep after podInitialBackoffDuration, for events that come after a sweep at the same instant. */
export const RETRY_BACKOFF = '@backoff';
/** podInitialBackoffDuration: a Pod that just failed is not retried sooner. */
export const POD_INITIAL_BACKOFF_MS = 1_000;

export function isOurs(pod: Pod): boolean {
  return !pod.spec.nodeName && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && pod.metadata.deletionTimestamp === undefined;
}

function podScheduledCondition(pod: Pod): Condition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

function isUnschedulable(pod: Pod): boolean {
  return isOurs(pod) && podScheduledCondition(pod)?.status === 'False';
}

/** The message tells whether a node failed for resources or ports, so a Pod going away may help. */
function rejectedForResources(pod: Pod): boolean {
  return /Insufficient |Too many pods|free ports/.test(podScheduledCondition(pod)?.message?.split(' preemption:')[0] ?? '');
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Keeps the pending pool of a view's cache, scanning the Pods once per view when first needed. */
function pendingPool(view: ClusterView): NonNullable<SchedulerCache['pending']> {
  const cache = cacheFor(view);
  if (cache.pending === undefined) {
    const pool = { all: new Set<string>(), forResources: new Set<string>() };
    for (const pod of view.list<Pod>('Pod')) if (isUnschedulable(pod)) track(pool, podKey(pod), pod);
    cache.pending = pool;
  }
  return cache.pending;
}

function podKey(pod: KubeObject): string {
  return keyOf({ kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name });
}

function track(pool: NonNullable<SchedulerCache['pending']>, key: string, pod: Pod | undefined): void {
  if (pod !== undefined && isUnschedulable(pod)) {
    pool.all.add(key);
    if (rejectedForResources(pod)) pool.forResources.add(key); else pool.forResources.delete(key);
  } else {
    pool.all.delete(key);
    pool.forResources.delete(key);
  }
}

function watchPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined, storeKey?: string): readonly string[] {
  const a = after as Pod | undefined;
  const b = before as Pod | undefined;
  const cache = existingCache(view);
  cache?.podChanged(a, b);
  // The common case, a bound Pod's status update: nothing to schedule, nothing freed.
  if (a !== undefined && b !== undefined && a.spec === b.spec && a.spec.nodeName && a.status?.phase === b.status?.phase) return NONE;
  const obj = (a ?? b)!;
  const key = storeKey ?? podKey(obj); // the same text: the store's key of a Pod
  if (cache?.pending !== undefined) track(cache.pending, key, a);
  const keys: string[] = [];
  // A new unbound Pod, or one whose spec changed (status writes keep the spec object).
  if (a !== undefined && isOurs(a) && (b === undefined || b.spec !== a.spec)) keys.push(key);
  // A bound Pod went away (AssignedPodDelete): resources are free again.
  if (b?.spec.nodeName && !isTerminal(b) && (a === undefined || isTerminal(a) || a.spec.nodeName !== b.spec.nodeName)) {
    if (cache?.pending === undefined || cache.pending.forResources.size > 0) keys.push(...sweepKey(view, RETRY_FREED));
  }
  return keys;
}

/** The sweep to ask for: now, or (when it already ran at this instant) the backoff sweep, once. */
function sweepKey(view: ClusterView, key: string): readonly string[] {
  const cache = existingCache(view);
  if (cache?.sweptAt.get(key) !== view.nowMs) return [key];
  if (cache.sweptAt.get(RETRY_BACKOFF) === view.nowMs) return NONE;
  cache.sweptAt.set(RETRY_BACKOFF, view.nowMs); // asked for once per instant
  return [RETRY_BACKOFF];
}

const NONE: readonly string[] = Object.freeze([]);

function watchNode(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const a = after as Node | undefined;
  const b = before as Node | undefined;
  existingCache(view)?.nodeChanged(a);
  // Node/Add, taints, labels, unschedulable and allocatable changes can make a Pod schedulable.
  if (a !== undefined && b !== undefined && a.spec === b.spec && a.metadata.labels === b.metadata.labels
    && a.status?.allocatable === b.status?.allocatable) return [];
  return a === undefined ? [] : sweepKey(view, RETRY_ALL);
}

function retry(view: ClusterView, key: string, onlyResources: boolean): ReconcileResult {
  const cache = cacheFor(view);
  cache.sweptAt.set(key, view.nowMs);
  const pool = pendingPool(view);
  const changes: Change[] = [];
  for (const pod of byPriority(view, onlyResources ? pool.forResources : pool.all)) {
    const justFailed = cache.failedAt.get(pod) === view.nowMs;
    changes.push({ verb: 'enqueue', controller: SCHEDULER_NAME, key: pod, afterMs: justFailed ? POD_INITIAL_BACKOFF_MS : 0 });
  }
  return { changes };
}

/**
 * PrioritySort, the active queue's order: the Pods a sweep moves are tried higher priority first,
 * otherwise in the order they first failed. With every Pod at one priority the set is kept as it is.
 */
export function byPriority(view: ClusterView, keys: ReadonlySet<string>): Iterable<string> {
  const priorityOf = (key: string): number => view.getByKey<Pod>(key)?.spec.priority ?? 0;
  let first: number | undefined;
  let mixed = false;
  for (const key of keys) {
    const priority = priorityOf(key);
    if (first === undefined) first = priority; else if (priority !== first) { mixed = true; break; }
  }
  if (!mixed) return keys;
  const priorities = new Map([...keys].map((key) => [key, priorityOf(key)]));
  return [...keys].sort((a, b) => priorities.get(b)! - priorities.get(a)!); // stable: ties keep their order
}

function backoffSweep(view: ClusterView): ReconcileResult {
  const cache = cacheFor(view);
  // Asked for at this instant: come back after the backoff; when the timer fires, sweep.
  if (cache.sweptAt.get(RETRY_BACKOFF) === view.nowMs) return { changes: [], requeueAfterMs: POD_INITIAL_BACKOFF_MS };
  return retry(view, RETRY_ALL, false);
}

export function reconcileScheduling(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  if (key === RETRY_ALL) return retry(view, RETRY_ALL, false);
  if (key === RETRY_FREED) return retry(view, RETRY_FREED, true);
  if (key === RETRY_BACKOFF) return backoffSweep(view);
  // The work-queue key is the store's own key: looked up as it is, no new key string to build and hash.
  const pod = view.getByKey<Pod>(key);
  if (pod === undefined || pod.kind !== 'Pod' || !isOurs(pod)) return NO_CHANGES;
  const ref = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  const result = schedulePod(view, pod, ctx.rng);
  const involved = { kind: 'Pod', namespace: ref.namespace, name: ref.name, uid: pod.metadata.uid };
  const conditions = pod.status?.conditions ?? [];
  if (result.node !== undefined) {
    // VolumeBinding PreBind (sim/storage/volume-binding.ts): WaitForFirstConsumer claims bind or provision first.
    const node = result.nodeObject ?? view.get<Node>('Node', '', result.node);
    const preBind = node === undefined ? undefined : volumePreBind(view, pod, node, ctx);
    if (preBind !== undefined) return { changes: preBind, requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
    // The binding subresource sets spec.nodeName and PodScheduled=True (pod registry setPodHostAndAnnotations).
    const bound: Pod = {
      ...pod,
      // Object.assign, not a spread: every bound spec then shares one hidden class (a spread gave each its own).
      spec: Object.assign({}, pod.spec, { nodeName: result.node }),
      status: boundStatus(pod.status, ctx.iso()),
    };
    return {
      changes: [
        { verb: 'update', object: bound, subresource: 'binding' },
        { verb: 'event', ref: involved, type: 'Normal', reason: 'Scheduled', message: ['Successfully assigned ', ref.namespace, '/', ref.name, ' to ', result.node].join(''), source: SCHEDULER_NAME }, // flat: the Event keeps it
      ],
    };
  }
  const message = result.message!;
  cacheFor(view).failedAt.set(key, ctx.nowMs);
  // DefaultPreemption found victims: they go first (prepareCandidate), the Pod is nominated to their node.
  const changes: Change[] = result.preemption === undefined ? [] : prepareCandidate(pod, result.preemption.candidate, result.preemption.lowerPriorityNominated, ctx);
  const old = podScheduledCondition(pod);
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName ?? '';
  const nominate = result.nominatedNodeName !== undefined && result.nominatedNodeName !== nominated;
  if (old?.status !== 'False' || old.reason !== 'Unschedulable' || old.message !== message || nominate) {
    // schedule_one.go handleSchedulingFailure -> updatePod: PodScheduled False with the Pod's generation
    // (CalculatePodConditionObservedGeneration); podutil.UpdatePodCondition keeps lastTransitionTime while False;
    // status.nominatedNodeName as the PostFilter result says (ModeOverride), in the same patch.
    const cond: Condition = podCondition(pod, 'PodScheduled', 'False', old?.status === 'False' && old.lastTransitionTime ? old.lastTransitionTime : ctx.iso(), 'Unschedulable', message);
    const status = { ...pod.status, conditions: [...conditions.filter((c) => c.type !== 'PodScheduled'), cond] };
    changes.push({ verb: 'status', object: { ...pod, status: nominate ? withNominatedNodeName(status, result.nominatedNodeName!) : status } });
  }
  changes.push({ verb: 'event', ref: involved, type: 'Warning', reason: 'FailedScheduling', message, source: SCHEDULER_NAME });
  return { changes, requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
}

export const scheduler: Controller = {
  name: SCHEDULER_NAME,
  watches: { Pod: watchPod, Node: watchNode },
  reconcile: reconcileScheduling,
};
