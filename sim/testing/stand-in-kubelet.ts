import type { Node, Pod } from '../api/types';
import { NO_CHANGES, type Change, type Controller } from '../engine/types';
import { keyOf, parseKey } from '../store/keys';

// A stand-in for the scheduler and kubelet in controller tests: binds each Pod (to the node its
// DaemonSet affinity names, else a Node picked by a hash of its name, if any), marks it Running and Ready after
// `readyAfterMs`, and purges Pods being deleted. Not Kubernetes behaviour; a test double.

export const STAND_IN = 'stand-in-kubelet';

export interface StandInOptions {
  /** Delay from a Pod's creation (or binding) to Ready. */
  readonly readyAfterMs?: number;
  /** Pods are purged this long after deletion starts (0 = at once). */
  readonly terminateAfterMs?: number;
  /** Pods whose name matches never become Ready (a broken readiness probe). */
  readonly neverReady?: RegExp;
}

/** The node a DaemonSet Pod is pinned to (nodeAffinity matchFields metadata.name In [node]). */
export function pinnedNode(pod: Pod): string | undefined {
  const affinity = pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } | undefined;
  for (const term of affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

export function standInKubelet(opts: StandInOptions = {}): Controller {
  const readyAfterMs = opts.readyAfterMs ?? 0;
  const terminateAfterMs = opts.terminateAfterMs ?? 0;
  return {
    name: STAND_IN,
    watches: { Pod: (_v, after, before) => [keyOf({ kind: 'Pod', namespace: (after ?? before)!.metadata.namespace ?? '', name: (after ?? before)!.metadata.name })] },
    reconcile: (view, key, ctx) => {
      const ref = parseKey(key);
      const pod = view.get<Pod>('Pod', ref.namespace, ref.name);
      if (pod === undefined) return NO_CHANGES;
      if (pod.metadata.deletionTimestamp !== undefined) {
        const since = Date.parse(pod.metadata.deletionTimestamp) - ctx.config.epochMs - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
        const due = since + terminateAfterMs;
        if (ctx.nowMs >= due) return { changes: [{ verb: 'purge', ref, reason: 'stand-in: containers stopped' }] };
        return { changes: [], requeueAfterMs: due - ctx.nowMs };
      }
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return NO_CHANGES;
      if (!pod.spec.nodeName) {
        const target = pinnedNode(pod) ?? spread(pod.metadata.name, view.list<Node>('Node'));
        if (target !== undefined) return { changes: [{ verb: 'update', object: { ...pod, spec: { ...pod.spec, nodeName: target } } }] };
      }
      if (pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return NO_CHANGES;
      if (opts.neverReady?.test(pod.metadata.name)) {
        if (pod.status?.phase === 'Running') return NO_CHANGES;
        return { changes: [{ verb: 'status', object: { ...pod, status: { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: ctx.iso() }] } } }] };
      }
      const createdMs = Date.parse(pod.metadata.creationTimestamp) - ctx.config.epochMs;
      if (ctx.nowMs < createdMs + readyAfterMs) return { changes: [], requeueAfterMs: createdMs + readyAfterMs - ctx.nowMs };
      const change: Change = { verb: 'status', object: { ...pod, status: { ...pod.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: ctx.iso() }] } } };
      return { changes: [change] };
    },
  };
}

/** A schedulable node chosen by a hash of the Pod's name (O(nodes), no per-node Pod counting). */
function spread(podName: string, nodes: readonly Node[]): string | undefined {
  const ok = nodes.filter((n) => !n.spec.unschedulable && !(n.spec.taints ?? []).some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'));
  if (ok.length === 0) return undefined;
  let h = 0;
  for (let i = 0; i < podName.length; i++) h = (Math.imul(h, 31) + podName.charCodeAt(i)) >>> 0;
  return ok[h % ok.length].metadata.name;
}
