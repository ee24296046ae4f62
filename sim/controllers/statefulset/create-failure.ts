import type { Pod, StatefulSet } from '../../api/types';
import type { ReconcileContext } from '../../engine/types';
import { msOf } from '../util/pod';

// stateful_pod_control.go CreateStatefulPod: the Pod's claims first, then the Pod; a refused Pod
// is recorded on the StatefulSet (recordPodEvent) and the error ends the sync, so the work queue
// retries it with its back-off (../util/create-refusal.ts; the Pod has its name: messages name it).

/** recordPodEvent("create", set, pod, err): reason FailedCreate, this message. */
export function failedCreateMessage(set: StatefulSet, pod: Pod, error: string): string {
  return `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${error}`;
}

/**
 * When the creates of this ordinal began to fail: the set's creation or, in OrderedReady order,
 * the moment the ordinal before it became Ready (a scale-up later is not visible here).
 */
export function statefulCreatesSinceMs(set: StatefulSet, previous: Pod | undefined, ctx: ReconcileContext): number {
  let since = msOf(set.metadata.creationTimestamp, ctx.config.epochMs) ?? ctx.nowMs;
  const ready = previous?.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  since = Math.max(since, msOf(ready?.lastTransitionTime, ctx.config.epochMs) ?? since);
  return Math.min(since, ctx.nowMs);
}
