import type { Condition, KubeObject, Node, Pod } from '../../api/types';
import { podCondition } from '../../api/pod-condition';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';

// pkg/controller/podgc gcOrphaned: Pods bound to a node that no longer exists are, after the
// quarantine (40 s, to let a node informer catch up), marked Failed with DisruptionTarget
// DeletionByPodGC and force-deleted (grace 0) - the only way Pods of a deleted node go away.

export const POD_GC = 'pod-garbage-collector';
/** podgc quarantineTime. */
export const QUARANTINE_MS = 40_000;
const CHECK = 'check:';
const PURGE = 'purge:';

export function reconcilePodGC(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const node = key.slice(key.indexOf(':') + 1);
  if (view.get<Node>('Node', '', node) !== undefined || view.podsOnNode(node).length === 0) return NO_CHANGES;
  if (key.startsWith(CHECK)) return { changes: [{ verb: 'enqueue', controller: POD_GC, key: `${PURGE}${node}`, afterMs: QUARANTINE_MS }] };
  const changes: Change[] = [];
  for (const pod of view.podsOnNode(node)) {
    const ns = pod.metadata.namespace ?? '';
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    if (!terminal) {
      // gc_controller.go gcOrphaned: DisruptionTarget with the Pod's generation (CalculatePodConditionObservedGeneration).
      const disruption: Condition = podCondition(pod, 'DisruptionTarget', 'True', ctx.iso(), 'DeletionByPodGC', 'PodGC: node no longer exists');
      const conditions = [...(pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), disruption];
      changes.push({ verb: 'status', object: { ...pod, status: { ...pod.status, phase: 'Failed', conditions } } });
    }
    changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name }, reason: 'PodGC', gracePeriodSeconds: 0 });
  }
  return { changes };
}

export const podGC: Controller = {
  name: POD_GC,
  watches: {
    Node: (_v, after, before) => (after === undefined && before !== undefined ? [`${CHECK}${before.metadata.name}`] : []),
    // A Pod bound to a node name with no Node (never existed, or deleted meanwhile).
    Pod: (view, after: KubeObject | undefined, before: KubeObject | undefined) => {
      const node = (after as Pod | undefined)?.spec.nodeName;
      if (!node || (before as Pod | undefined)?.spec === (after as Pod).spec || (before as Pod | undefined)?.spec.nodeName === node) return [];
      return view.get('Node', '', node) === undefined ? [`${CHECK}${node}`] : [];
    },
  },
  reconcile: reconcilePodGC,
};
