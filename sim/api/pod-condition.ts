import type { Condition, ConditionStatus, Pod } from './types';

// Pod conditions written by the control plane (scheduler, taint eviction, PodGC), as
// k8s.io/kubernetes/pkg/api/v1/pod builds them with PodObservedGenerationTracking on (Beta, default
// in v1.34): each carries the generation of the Pod its writer saw.

/** podutil.CalculatePodConditionObservedGeneration with the gate on: the Pod's generation; none when it has none. */
export function conditionObservedGeneration(pod: Pod): number | undefined {
  const generation = pod.metadata.generation;
  return generation === undefined || generation === 0 ? undefined : generation;
}

/**
 * A PodCondition in Go's field order (type, observedGeneration, status, lastProbeTime,
 * lastTransitionTime, reason, message), lastProbeTime null as its zero metav1.Time encodes.
 */
export function podCondition(pod: Pod, type: string, status: ConditionStatus, lastTransitionTime: string, reason?: string, message?: string): Condition {
  const observedGeneration = conditionObservedGeneration(pod);
  return {
    type,
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    status,
    lastProbeTime: null,
    lastTransitionTime,
    ...(reason !== undefined ? { reason } : {}),
    ...(message !== undefined ? { message } : {}),
  };
}
