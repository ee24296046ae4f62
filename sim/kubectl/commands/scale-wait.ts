import type { KubeObject } from '../../api/types';
import type { Change, Cluster } from '../../engine/types';
import { advance } from '../../index';

// kubectl scale --timeout (staging/src/k8s.io/kubectl/pkg/scale/scale.go WaitForScaleHasDesiredReplicas):
// after each object's scale, wait.PollUntilContextTimeout (immediately, then every second) until
// the scale subresource says it is synced, or `timed out waiting for "NAME" to be synced`.

const POLL_MS = 1000;

/**
 * scaleHasDesiredReplicas: true when spec.replicas was reset by someone else, or when
 * status.replicas has reached the desired count. (An object deleted meanwhile is the Scale GET's
 * NotFound error in kubectl; here it is never synced.)
 */
export function scaleSynced(obj: KubeObject | undefined, desired: number): boolean {
  if (obj === undefined) return false;
  const spec = (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  if (spec !== desired) return true;
  const status = (obj.status as { replicas?: number } | undefined)?.replicas ?? 0;
  return status === desired;
}

/**
 * Polls `synced` on the cluster as time passes: checked at once, then at each whole second after
 * the start; ticks with no timer due in between change nothing, so the clock jumps to the tick
 * after the next due timer. A negative or elapsed timeout still checks once.
 */
export function pollScale(start: Cluster, synced: (c: Cluster) => boolean, timeoutMs: number): { cluster: Cluster; synced: boolean } {
  const deadlineMs = start.nowMs + Math.max(0, timeoutMs);
  let cluster = start;
  while (!synced(cluster)) {
    const dueMs = cluster.timers.peekDueMs();
    if (dueMs === undefined || dueMs > deadlineMs) return { cluster: advance(cluster, deadlineMs - cluster.nowMs), synced: false };
    const ticks = Math.max(1, Math.ceil((dueMs - start.nowMs) / POLL_MS));
    const nextMs = start.nowMs + ticks * POLL_MS;
    if (nextMs > deadlineMs) return { cluster: advance(cluster, deadlineMs - cluster.nowMs), synced: false };
    cluster = advance(cluster, nextMs - cluster.nowMs);
  }
  return { cluster, synced: true };
}

/** The desired replicas of a scale's update change and the object it names. */
export function scaleTarget(change: Change): { kind: string; namespace: string; name: string; replicas: number } | undefined {
  if (change.verb !== 'update') return undefined;
  const obj = change.object;
  return { kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name, replicas: (obj.spec as { replicas: number }).replicas };
}
