import type { Pod } from '../../api/types';
import { isPodReady, maxContainerRestarts, msOf, podReadyCondition } from './pod';

// controller_utils.go ActivePodsWithRanks: the order in which a ReplicaSet deletes Pods when it
// scales down. Less(i, j) true means i is deleted before j.

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  readonly pod: Pod;
  /** How many related active Pods share this Pod's node (getPodsRankedByRelatedPodsOnSameNode). */
  readonly rank: number;
}

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

/** logarithmicRankDiff: compares log2 of the ages (ns) so that similar ages tie. */
function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  const d1 = (nowMs - t1Ms) * 1e6;
  const d2 = (nowMs - t2Ms) * 1e6;
  const r1 = d1 > 0 ? Math.floor(Math.log2(d1)) : -1;
  const r2 = d2 > 0 ? Math.floor(Math.log2(d2)) : -1;
  return r1 - r2;
}

/**
 * ActivePodsWithRanks.Less (LogarithmicScaleDown and PodDeletionCost on, their defaults). Order,
 * first deleted first:
 *
 * | rule | deleted first                          | kept longer               |
 * |------|----------------------------------------|---------------------------|
 * | 1    | unassigned (no nodeName)               | assigned                  |
 * | 2    | Pending < Unknown < Running            |                           |
 * | 3    | not Ready                              | Ready                     |
 * | 4    | lower pod-deletion-cost                | higher                    |
 * | 5    | higher rank (more pods on its node)    | lower rank                |
 * | 6    | Ready for less time (log2 buckets)     | Ready longer              |
 * | 7    | more container restarts                | fewer                     |
 * | 8    | newer creationTimestamp (log2 buckets) | older; then uid ascending |
 */
export function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number, epochMs: number): number {
  return compareKeys(keysOf(a, epochMs), keysOf(b, epochMs), nowMs);
}

/** What Less reads from a Pod, computed once per Pod (timestamps parsed once, not per comparison). */
interface DeletionKeys {
  readonly pod: Pod;
  readonly rank: number;
  readonly node: string;
  readonly phase: number;
  readonly ready: boolean;
  readonly cost: number;
  readonly readyMs: number | undefined;
  readonly restarts: number;
  readonly createdMs: number | undefined;
}

function keysOf(r: RankedPod, epochMs: number): DeletionKeys {
  const p = r.pod;
  return {
    pod: p, rank: r.rank, node: p.spec.nodeName ?? '',
    phase: PHASE_ORDINAL[p.status?.phase ?? 'Pending'] ?? 0,
    ready: isPodReady(p), cost: deletionCost(p),
    readyMs: msOf(podReadyCondition(p)?.lastTransitionTime, epochMs),
    restarts: maxContainerRestarts(p),
    createdMs: msOf(p.metadata.creationTimestamp, epochMs),
  };
}

function compareKeys(a: DeletionKeys, b: DeletionKeys, nowMs: number): number {
  if (lessForDeletion(a, b, nowMs)) return -1;
  if (lessForDeletion(b, a, nowMs)) return 1;
  return 0;
}

function lessForDeletion(i: DeletionKeys, j: DeletionKeys, nowMs: number): boolean {
  if (i.node !== j.node && (i.node === '' || j.node === '')) return i.node === '';
  if (i.phase !== j.phase) return i.phase < j.phase;
  if (i.ready !== j.ready) return !i.ready;
  if (i.cost !== j.cost) return i.cost < j.cost;
  if (i.rank !== j.rank) return i.rank > j.rank;
  if (i.ready && j.ready && i.readyMs !== j.readyMs) {
    if (i.readyMs === undefined || j.readyMs === undefined) return afterOrZero(i.readyMs, j.readyMs);
    const diff = logarithmicRankDiff(i.readyMs, j.readyMs, nowMs);
    if (diff === 0) return i.pod.metadata.uid < j.pod.metadata.uid;
    return diff < 0;
  }
  if (i.restarts !== j.restarts) return i.restarts > j.restarts;
  if (i.createdMs !== j.createdMs) {
    if (i.createdMs === undefined || j.createdMs === undefined) return afterOrZero(i.createdMs, j.createdMs);
    const diff = logarithmicRankDiff(i.createdMs, j.createdMs, nowMs);
    if (diff === 0) return i.pod.metadata.uid < j.pod.metadata.uid;
    return diff < 0;
  }
  return false;
}

/** afterOrZero: a zero time first, then the later one. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/**
 * getPodsToDelete (replica_set.go): the `diff` Pods to delete, ranked by how many related Pods
 * (this ReplicaSet's and its siblings') share their node. Stable for equal Pods (input order).
 */
export function podsToDelete(filtered: readonly Pod[], related: readonly Pod[], diff: number, nowMs: number, epochMs: number): Pod[] {
  if (diff >= filtered.length) return [...filtered];
  const perNode = new Map<string, number>();
  for (const p of related) {
    if (p.spec.nodeName && p.metadata.deletionTimestamp === undefined) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  }
  const keyed = filtered.map((pod) => keysOf({ pod, rank: pod.spec.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0 }, epochMs));
  keyed.sort((a, b) => compareKeys(a, b, nowMs));
  return keyed.slice(0, diff).map((k) => k.pod);
}
