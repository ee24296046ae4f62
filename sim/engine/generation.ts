import type { Condition, KubeObject, PodStatus } from '../api/types';
import { canonicalEqual } from '../api/naming';

// metadata.generation as the API server keeps it: set to 1 on create by the strategies of the kinds
// that have one, moved by one when an update changes the spec, by one more when deletion begins.
// Status writes, metadata-only changes and the Pod's binding leave it as it was.

/** Kinds whose strategy sets metadata.generation (PrepareForCreate) and moves it with the spec (PrepareForUpdate). */
const GENERATION_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob', 'NetworkPolicy']);

/**
 * The generation a created object is stored with: 1 for these kinds whatever the client sent (pod
 * strategy.go PrepareForCreate `pod.Generation = 1`, ungated in v1.34), else undefined (the client's).
 */
export function createdGeneration(kind: string): number | undefined {
  // priorityClassStrategy PrepareForCreate sets 1 too (it has no spec: updates leave it).
  return GENERATION_KINDS.has(kind) || kind === 'PriorityClass' ? 1 : undefined;
}

/**
 * The generation an update stores: the stored one (rest/update.go BeforeUpdate: requests cannot
 * update generation), plus one when the spec changed (pod strategy.go updatePodGeneration, the apps
 * and batch strategies alike). The binding subresource writes through GuaranteedUpdate without the
 * strategy (pod storage.go BindingREST setPodNodeAndMetadata): spec.nodeName set, generation kept.
 *
 * | stored | spec changed | binding | stored after |
 * |--------|--------------|---------|-------------|
 * | 1      | no           | -       | 1           |
 * | 1      | yes (image)  | no      | 2           |
 * | 1      | yes (nodeName) | yes   | 1           |
 * | none   | yes          | no      | none (a kind without generation) |
 */
export function updatedGeneration(obj: KubeObject, old: KubeObject, binding: boolean): number | undefined {
  const stored = old.metadata.generation;
  if (stored === undefined || binding || !GENERATION_KINDS.has(obj.kind)) return stored;
  return canonicalEqual(obj.spec, old.spec) ? stored : stored + 1;
}

/**
 * The generation when deletion begins: one more the first time (no deletionTimestamp yet) when the
 * object has one. Graceful deletion of a Pod: rest/delete.go BeforeDelete; an object that waits on
 * its finalizers: generic registry store.go markAsDeleting (which also sets deletionGracePeriodSeconds 0).
 */
export function deletingGeneration(old: KubeObject): number | undefined {
  const stored = old.metadata.generation;
  return old.metadata.deletionTimestamp === undefined && stored !== undefined && stored > 0 ? stored + 1 : stored;
}

/**
 * A Pod status write that leaves observedGeneration out keeps the stored values, top-level and per
 * condition (per type, in order): pod strategy.go podStatusStrategy.PrepareForUpdate ->
 * preserveOldObservedGeneration. The same status when nothing is to be kept (the usual case: the
 * kubelet always sets them).
 */
export function preserveOldObservedGeneration(status: PodStatus | undefined, old: PodStatus | undefined): PodStatus | undefined {
  if (status === undefined || old === undefined) return status;
  const keepTop = status.observedGeneration === undefined && old.observedGeneration !== undefined;
  const conditions = status.conditions;
  const oldConditions = old.conditions;
  let keptConditions: Condition[] | undefined;
  if (conditions !== undefined && oldConditions !== undefined && conditions !== oldConditions && conditions.some((c) => c.observedGeneration === undefined)) {
    const oldByType = new Map<string, number[]>();
    for (const c of oldConditions) {
      const list = oldByType.get(c.type);
      if (list === undefined) oldByType.set(c.type, [c.observedGeneration ?? 0]);
      else list.push(c.observedGeneration ?? 0);
    }
    let changed = false;
    const next = conditions.map((c) => {
      const kept = oldByType.get(c.type)?.shift() ?? 0;
      if (c.observedGeneration !== undefined || kept === 0) return c;
      changed = true;
      const { type, ...rest } = c;
      return { type, observedGeneration: kept, ...rest };
    });
    if (changed) keptConditions = next;
  }
  if (!keepTop && keptConditions === undefined) return status;
  const { observedGeneration: _dropped, ...rest } = status;
  const observedGeneration = keepTop ? old.observedGeneration : status.observedGeneration;
  return {
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    ...rest,
    ...(keptConditions !== undefined ? { conditions: keptConditions } : {}),
  } as PodStatus;
}
