import type { Condition, PodStatus } from '../api/types';

// The status a binding stores: the Pod's with PodScheduled=True (pod registry setPodHostAndAnnotations).
// A new Pod's status is shared (one frozen object per QoS class, api/defaults/pod.ts) and has no
// conditions, so every such Pod bound at one instant gets the same status: one frozen object, not a
// copy per Pod that lives until the Pod's first kubelet status (150,000 of them at t=0).

interface InstantMemo {
  readonly iso: string;
  readonly conditions: readonly Condition[];
  readonly byStatus: WeakMap<object, PodStatus>;
}

let memo: InstantMemo | undefined;

export function boundStatus(status: PodStatus | undefined, iso: string): PodStatus {
  const conditions = status?.conditions ?? [];
  if (status === undefined || conditions.length > 0 || !Object.isFrozen(status)) {
    const scheduled: Condition = { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: iso };
    return { ...status, conditions: [...conditions.filter((c) => c.type !== 'PodScheduled'), scheduled] } as PodStatus;
  }
  if (memo?.iso !== iso) {
    const scheduled: Condition = Object.freeze({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: iso });
    memo = { iso, conditions: Object.freeze([scheduled]), byStatus: new WeakMap() };
  }
  let bound = memo.byStatus.get(status);
  if (bound === undefined) {
    bound = Object.freeze({ ...status, conditions: memo.conditions }) as PodStatus;
    memo.byStatus.set(status, bound);
  }
  return bound;
}
