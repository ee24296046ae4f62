import type { Condition, Pod } from '../../api/types';
import { DEFAULT_CONFIG } from '../../engine/loop';

// k8s.io/kubernetes/pkg/api/v1/pod (podutil) and pkg/controller/controller_utils.go: readiness,
// availability and "active" as the workload controllers define them.

/** podutil.GetPodReadyCondition. */
export function podReadyCondition(pod: Pod): Condition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

// Timestamps repeat (the Pods of one instant share one creationTimestamp text): Date.parse's answers
// by text, a pure function's memo; bounded.
const parsedMs = new Map<string, number>();

/** Virtual ms of an RFC 3339 timestamp, given the cluster's epoch. */
export function msOf(iso: string | undefined, epochMs: number): number | undefined {
  if (iso === undefined || iso === '') return undefined;
  let t = parsedMs.get(iso);
  if (t === undefined) {
    if (parsedMs.size >= 4096) parsedMs.clear();
    t = Date.parse(iso);
    parsedMs.set(iso, t);
  }
  return Number.isNaN(t) ? undefined : t - epochMs;
}

/**
 * podutil.IsPodAvailable: Ready, and Ready since minReadySeconds strictly before now. `epochMs` is
 * the cluster's config.epochMs (virtual time 0); it defaults to DEFAULT_CONFIG's.
 *
 * | Ready | readySinceMs | minReadySeconds | nowMs  | available |
 * |-------|--------------|-----------------|--------|-----------|
 * | False | -            | 0               | any    | no        |
 * | True  | 0            | 0               | 0      | yes       |
 * | True  | 0            | 10              | 10000  | no (not strictly before) |
 * | True  | 0            | 10              | 10001  | yes       |
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number, epochMs: number = DEFAULT_CONFIG.epochMs): boolean {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  const since = msOf(c.lastTransitionTime, epochMs);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/**
 * When a Ready Pod that is not yet available becomes available (virtual ms), or undefined.
 * The controllers requeue for that instant (replica_set.go: AddAfter minReadySeconds).
 */
export function availableAtMs(pod: Pod, minReadySeconds: number, nowMs: number, epochMs: number = DEFAULT_CONFIG.epochMs): number | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True' || minReadySeconds <= 0) return undefined;
  const since = msOf(c.lastTransitionTime, epochMs) ?? nowMs;
  const at = since + minReadySeconds * 1000 + 1;
  return at > nowMs ? at : undefined;
}

/** podutil.IsPodTerminal: Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** controller.IsPodActive: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp === undefined;
}

/** The brief's name for isPodActive. */
export const isActive = isPodActive;

/** maxContainerRestarts (controller_utils.go). */
export function maxContainerRestarts(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) if (s.restartCount > max) max = s.restartCount;
  return max;
}
