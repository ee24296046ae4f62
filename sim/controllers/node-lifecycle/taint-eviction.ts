import type { Condition, KubeObject, Node, Pod, Taint } from '../../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { processPodOnNode, type EvictionWork } from './eviction-work';
import { podCondition } from '../../api/pod-condition';

// pkg/controller/tainteviction (the NoExecute taint manager), keyed by node name. handleNodeUpdate
// (the node's NoExecute taints changed) processes every Pod on the node, handlePodUpdate (a Pod
// added, bound, given new tolerations, or gone) that Pod; processPodOnNode (eviction-work.ts)
// schedules each Pod's deletion on the controller's own clock. When the work fires,
// deletePodHandler records TaintManagerEviction and addConditionAndDeletePod adds the
// DisruptionTarget condition and deletes the Pod; cancelled work records "Cancelling deletion".
// Its memory (the TimedWorkerQueue's work for the node's Pods, each with the taints and tolerations
// it was scheduled under, standing in for taintedNodes) is the node's row of the taintEvictions table.

export const TAINT_EVICTION = 'taint-eviction-controller';

/** What the controller remembers of a Pod on the node that has eviction work (queued or fired). */
interface PodEntry {
  readonly namespace: string;
  readonly name: string;
  /** The tolerations and the node's NoExecute taints it last processed the Pod with (PodUpdated and NodeUpdated compare them). */
  readonly tolerations: string;
  readonly taints: string;
  readonly work: EvictionWork;
}

/**
 * The controller's memory of one node: the Pods with work, by uid. A Pod without work is one that
 * tolerates the taints forever (or there are none): processing it again changes nothing unless its
 * tolerations or the taints changed, so it is simply processed at each reconcile of its node.
 */
export type TaintEvictionRow = ReadonlyMap<string, PodEntry>;

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

function rowOf(view: ClusterView, node: string): TaintEvictionRow | undefined {
  return view.table('taintEvictions').get(node) as TaintEvictionRow | undefined;
}

function podEvent(namespace: string, name: string, uid: string, message: string): Change {
  return { verb: 'event', ref: { kind: 'Pod', namespace, name, uid }, type: 'Normal', reason: 'TaintManagerEviction', message, source: TAINT_EVICTION };
}

/** deletePodHandler: the event, then addConditionAndDeletePod (a Pod already terminating keeps its deletion). */
function evict(pod: Pod, ctx: ReconcileContext): Change[] {
  const ns = pod.metadata.namespace ?? '';
  const changes: Change[] = [];
  const conditions = pod.status?.conditions ?? [];
  if (!conditions.some((c) => c.type === 'DisruptionTarget' && c.status === 'True')) {
    // taint_eviction.go addConditionAndDeletePod: DisruptionTarget with the Pod's generation (CalculatePodConditionObservedGeneration).
    const disruption: Condition = podCondition(pod, 'DisruptionTarget', 'True', ctx.iso(), 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint');
    changes.push({ verb: 'status', object: { ...pod, status: { ...pod.status, conditions: [...conditions, disruption] } } });
  }
  changes.push(podEvent(ns, pod.metadata.name, pod.metadata.uid, `Marking for deletion Pod ${ns}/${pod.metadata.name}`));
  changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: pod.metadata.name }, reason: 'TaintManagerEviction' });
  return changes;
}

const cancelling = (e: PodEntry, uid: string): Change => podEvent(e.namespace, e.name, uid, `Cancelling deletion of Pod ${e.namespace}/${e.name}`);

export function reconcileTaintEviction(view: ClusterView, name: string, ctx: ReconcileContext): ReconcileResult {
  const node = view.get<Node>('Node', '', name);
  const row = rowOf(view, name);
  const taints = noExecuteTaints(node);
  if (row === undefined && taints.length === 0) return NO_CHANGES;
  // handleNodeUpdate of a Node that is gone forgets its taints (undefined): queued work stays and fires.
  const known = node === undefined ? undefined : JSON.stringify(taints);
  const changes: Change[] = [];
  const pods = new Map<string, PodEntry>();
  let nextMs = Infinity;
  for (const pod of view.podsOnNode(name)) {
    const uid = pod.metadata.uid;
    const before = row?.get(uid);
    let work = before?.work;
    let tolerations = before?.tolerations;
    if (known !== undefined) {
      // Processed again after a node update (other taints) or a Pod update (other tolerations).
      const now = before === undefined ? undefined : JSON.stringify(pod.spec.tolerations ?? []);
      if (before === undefined || before.taints !== known || before.tolerations !== now) {
        const processed = processPodOnNode(work, pod.spec.tolerations, taints, ctx.nowMs);
        if (processed.cancelled) changes.push(cancelling(before!, uid));
        work = processed.work;
        tolerations = now;
      }
    }
    if (work === undefined) continue;
    if (!work.fired) {
      if (work.fireAtMs <= ctx.nowMs) { changes.push(...evict(pod, ctx)); work = { ...work, fired: true }; }
      else nextMs = Math.min(nextMs, work.fireAtMs);
    }
    pods.set(uid, {
      namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, tolerations: tolerations ?? JSON.stringify(pod.spec.tolerations ?? []),
      taints: known ?? before?.taints ?? '', work,
    });
  }
  // handlePodUpdate of a Pod that is gone: its work is cancelled.
  for (const [uid, e] of row ?? []) {
    if (!pods.has(uid) && !e.work.fired && view.get<Pod>('Pod', e.namespace, e.name)?.metadata.uid !== uid) changes.push(cancelling(e, uid));
  }
  if (pods.size > 0 || row !== undefined) changes.push({ verb: 'runtime', table: 'taintEvictions', key: name, value: pods.size > 0 ? pods : undefined });
  return nextMs === Infinity ? { changes } : { changes, requeueAfterMs: nextMs - ctx.nowMs };
}

function sameNoExecute(a: Node | undefined, b: Node | undefined): boolean {
  return JSON.stringify(noExecuteTaints(a)) === JSON.stringify(noExecuteTaints(b));
}

export const taintEviction: Controller = {
  name: TAINT_EVICTION,
  watches: {
    // NodeUpdated: a node added, deleted, or whose NoExecute taints changed.
    Node: (_v, after, before) => {
      const a = after as Node | undefined;
      const b = before as Node | undefined;
      if (a !== undefined && b !== undefined && (a.spec === b.spec || sameNoExecute(a, b))) return [];
      return [(a ?? b)!.metadata.name];
    },
    // PodUpdated: a Pod added, deleted, bound, or with new tolerations, on a node the controller minds.
    Pod: (view, after, before) => {
      const a = after as Pod | undefined;
      const b = before as Pod | undefined;
      if (a !== undefined && b !== undefined && (b.spec === a.spec || (b.spec.nodeName === a.spec.nodeName && b.spec.tolerations === a.spec.tolerations))) return [];
      const node = (a ?? b)!.spec.nodeName;
      if (!node) return [];
      return view.table('taintEvictions').has(node) || noExecuteTaints(view.get<Node>('Node', '', node)).length > 0 ? [node] : [];
    },
  },
  reconcile: reconcileTaintEviction,
};
