import type { Condition, KubeObject, Node, Pod, Taint } from '../../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { matchingTolerations, minTolerationMs } from '../../scheduler/taints';

// pkg/controller/tainteviction (the NoExecute taint manager), keyed by node name: a Pod on a node
// with NoExecute taints is deleted at once if it does not tolerate them all, at taint time +
// the smallest tolerationSeconds of the tolerations used, or never when none of those has
// tolerationSeconds (DaemonSet Pods). Before deleting it adds the DisruptionTarget condition
// (addConditionAndDeletePod) and records TaintManagerEviction.

export const TAINT_EVICTION = 'taint-eviction-controller';

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

function msOf(iso: string | undefined, epochMs: number): number | undefined {
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t - epochMs : undefined;
}

/**
 * When the taint manager deletes `pod` given the node's NoExecute taints: -1 never. The clock starts
 * when the manager first saw the Pod under the taints: the earliest timeAdded, or the Pod's binding
 * (PodScheduled) if later. A taint without timeAdded counts from virtual time 0.
 */
export function evictionAtMs(pod: Pod, taints: readonly Taint[], epochMs: number): number {
  const { allTolerated, used } = matchingTolerations(taints, pod.spec.tolerations);
  let startMs = Math.min(...taints.map((t) => msOf(t.timeAdded, epochMs) ?? 0));
  const bound = msOf(pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'True')?.lastTransitionTime, epochMs);
  if (bound !== undefined && bound > startMs) startMs = bound;
  if (!allTolerated) return startMs;
  const min = minTolerationMs(used);
  return min < 0 ? -1 : startMs + min;
}

export function reconcileTaintEviction(view: ClusterView, name: string, ctx: ReconcileContext): ReconcileResult {
  const taints = noExecuteTaints(view.get<Node>('Node', '', name));
  if (taints.length === 0) return NO_CHANGES;
  const changes: Change[] = [];
  let nextMs = Infinity;
  for (const pod of view.podsOnNode(name)) {
    if (pod.metadata.deletionTimestamp !== undefined) continue;
    const atMs = evictionAtMs(pod, taints, ctx.config.epochMs);
    if (atMs < 0) continue;
    if (atMs > ctx.nowMs) { nextMs = Math.min(nextMs, atMs); continue; }
    const ns = pod.metadata.namespace ?? '';
    const conditions = pod.status?.conditions ?? [];
    if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
      const disruption: Condition = {
        type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint', lastProbeTime: null, lastTransitionTime: ctx.iso(),
      };
      changes.push({ verb: 'status', object: { ...pod, status: { ...pod.status, conditions: [...conditions, disruption] } } });
    }
    changes.push({
      verb: 'event', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid },
      type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ns}/${pod.metadata.name}`, source: TAINT_EVICTION,
    });
    changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name }, reason: 'TaintManagerEviction' });
  }
  return nextMs === Infinity ? { changes } : { changes, requeueAfterMs: nextMs - ctx.nowMs };
}

function sameNoExecute(a: Node | undefined, b: Node | undefined): boolean {
  return JSON.stringify(noExecuteTaints(a)) === JSON.stringify(noExecuteTaints(b));
}

export const taintEviction: Controller = {
  name: TAINT_EVICTION,
  watches: {
    Node: (_v, after, before) => {
      const a = after as Node | undefined;
      if (a === undefined || (before !== undefined && a.spec === (before as Node).spec) || sameNoExecute(a, before as Node | undefined)) return [];
      return [a.metadata.name];
    },
    // A Pod newly bound to (or with new tolerations on) a node with NoExecute taints.
    Pod: (view, after, before) => {
      const a = after as Pod | undefined;
      const b = before as Pod | undefined;
      if (a === undefined || (b !== undefined && b.spec === a.spec)) return [];
      const node = a.spec.nodeName;
      if (!node || (b?.spec.nodeName === node && b.spec.tolerations === a.spec.tolerations)) return [];
      return noExecuteTaints(view.get<Node>('Node', '', node)).length > 0 ? [node] : [];
    },
  },
  reconcile: reconcileTaintEviction,
};
