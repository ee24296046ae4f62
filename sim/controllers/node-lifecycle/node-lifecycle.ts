import type { Condition, KubeObject, Node, Pod } from '../../api/types';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { cniAgentOf, runningCniAgentOn } from '../../cluster/cni';
import { NODE_STARTUP_GRACE_PERIOD_MS, unknownAtMs } from './heartbeat';
import { kubeletConditions, managedTaints, readyStatus, unknownConditions } from './node-status';

// pkg/controller/nodelifecycle monitorNodeHealth, together with the kubelet's node status setters
// (the simulator's kubelet leaves Node objects to this controller). Keyed by node name. A live
// kubelet posts its conditions whenever they change (Ready follows the Pod network); a dead one
// posts nothing, and at the first monitor tick past the grace period the node goes Unknown, gets
// the unreachable taints, and its Pods are marked not Ready (MarkPodsNotReady).

export const NODE_LIFECYCLE = 'node-lifecycle-controller';
/** The event source of the node lifecycle controller, as `kubectl describe` shows it. */
export const NODE_CONTROLLER_SOURCE = 'node-controller';

function nodeEvent(name: string, reason: string, source: string): Change {
  // RecordNodeStatusChange and the kubelet's node reference use the node name as uid.
  return { verb: 'event', ref: { kind: 'Node', namespace: '', name, uid: name }, type: 'Normal', reason, message: `Node ${name} status is now: ${reason}`, source };
}

/** controller_utils MarkPodsNotReady: Ready=False on each Pod of the node, and a NodeNotReady event. */
export function markPodsNotReady(pods: readonly Pod[], nowIso: string): Change[] {
  const changes: Change[] = [];
  for (const pod of pods) {
    const conditions = pod.status?.conditions ?? [];
    const i = conditions.findIndex((c) => c.type === 'Ready');
    if (i < 0 || conditions[i].status === 'False') continue;
    // A copy of the kubelet's Ready condition with status False: its observedGeneration stays the kubelet's
    // (MarkPodsNotReady copies the condition and sets no generation of its own).
    const ready: Condition = { ...conditions[i], status: 'False', lastTransitionTime: nowIso };
    const next = conditions.map((c, j) => (j === i ? ready : c));
    changes.push({ verb: 'status', object: { ...pod, status: { ...pod.status, conditions: next } } });
    changes.push({
      verb: 'event', ref: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid },
      type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', source: NODE_CONTROLLER_SOURCE,
    });
  }
  return changes;
}

export function reconcileNode(view: ClusterView, name: string, ctx: ReconcileContext): ReconcileResult {
  const node = view.get<Node>('Node', '', name);
  if (node === undefined) return NO_CHANGES;
  const row = view.table('nodes').get(name);
  const prev = node.status?.conditions ?? [];
  const nowIso = ctx.iso();
  let conditions: readonly Condition[];
  let requeueAfterMs: number | undefined;
  if (row?.alive) {
    conditions = kubeletConditions(prev, runningCniAgentOn(view, name), nowIso);
  } else {
    // No runtime row: a Node object without a kubelet (e.g. created by kubectl) never posts.
    const createdMs = Date.parse(node.metadata.creationTimestamp) - ctx.config.epochMs;
    const lastMs = row !== undefined ? row.lastHeartbeatMs : (Number.isFinite(createdMs) ? createdMs : 0);
    const graceMs = row !== undefined ? ctx.config.nodeMonitorGracePeriodMs : NODE_STARTUP_GRACE_PERIOD_MS;
    const atMs = unknownAtMs(lastMs, graceMs);
    if (ctx.nowMs < atMs) { conditions = prev; requeueAfterMs = atMs - ctx.nowMs; }
    else conditions = unknownConditions(prev, nowIso, node.metadata.creationTimestamp);
  }
  const before = readyStatus(prev);
  const after = readyStatus(conditions);
  const prevTaints = node.spec?.taints ?? [];
  const taints = managedTaints(prevTaints, after, node.spec?.unschedulable === true, nowIso);

  const changes: Change[] = [];
  if (taints !== prevTaints) {
    const { taints: _old, ...spec } = node.spec ?? {};
    changes.push({ verb: 'update', object: { ...node, spec: taints.length > 0 ? { ...spec, taints } : spec } });
  }
  if (conditions !== prev) changes.push({ verb: 'status', object: { ...node, status: { ...node.status, conditions } } });
  if (before === 'True' && after !== 'True') {
    changes.push(nodeEvent(name, 'NodeNotReady', after === 'Unknown' ? NODE_CONTROLLER_SOURCE : 'kubelet'));
    if (after === 'Unknown') changes.push(...markPodsNotReady(view.podsOnNode(name), nowIso));
  }
  if (before !== 'True' && after === 'True') changes.push(nodeEvent(name, 'NodeReady', 'kubelet'));
  return { changes, ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}) };
}

/** The answer of most Pod writes, shared (the watch runs on every Pod write). */
const NONE: readonly string[] = Object.freeze([]);

function watchPod(_view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const a = after as Pod | undefined;
  const b = before as Pod | undefined;
  // Only a CNI agent starting or stopping on a node changes that node's Ready.
  if (a?.status?.phase === b?.status?.phase && a?.spec.nodeName === b?.spec.nodeName
    && (a?.metadata.deletionTimestamp === undefined) === (b?.metadata.deletionTimestamp === undefined)) return NONE;
  const pod = (a ?? b)!;
  if (cniAgentOf(pod) === undefined) return NONE;
  const nodes = new Set([a?.spec.nodeName, b?.spec.nodeName].filter((n): n is string => !!n));
  return [...nodes];
}

export const nodeLifecycle: Controller = {
  name: NODE_LIFECYCLE,
  watches: {
    Node: (_v, after, before) => (after === undefined ? [] : [(after ?? before)!.metadata.name]),
    Pod: watchPod,
  },
  watchesTables: ['nodes'],
  reconcile: reconcileNode,
};
