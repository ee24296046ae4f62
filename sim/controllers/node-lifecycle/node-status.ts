import type { Condition, ConditionStatus, Taint } from '../../api/types';
import type { CniAgent } from '../../cluster/cni';
import { networkUnavailableCondition } from '../../cluster/cni';

// What a Node's status and controller-managed taints should be: the kubelet's condition setters
// (pkg/kubelet/nodestatus/setters.go) while it lives, the node lifecycle controller's Unknown
// conditions (tryUpdateNodeHealth) once it stops posting, and the taints TaintNodesByCondition
// and the NoExecute tainting pass keep (doNoScheduleTaintingPass, doNoExecuteTaintingPass).

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const MANAGED_KEYS = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE, TAINT_UNSCHEDULABLE]);

export const NETWORK_NOT_READY_MESSAGE =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

type Fields = Pick<Condition, 'type' | 'status' | 'reason' | 'message'>;

/**
 * The kubelet's conditions: pressures False, Ready per the runtime's NetworkReady; NetworkUnavailable
 * from the CNI agent. `networkReady`: the CNI config is in /etc/cni/net.d (the agent's install-cni
 * wrote it when it first ran; it stays when the agent's Pod goes, so the node stays Ready).
 */
export function kubeletConditionFields(networkReady: boolean): Fields[] {
  return [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    networkReady
      ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: NETWORK_NOT_READY_MESSAGE },
  ];
}

function same(a: Fields | undefined, b: Fields): boolean {
  return a !== undefined && a.status === b.status && a.reason === b.reason && a.message === b.message;
}

/**
 * The kubelet posting its status: conditions in setter order (NetworkUnavailable, set by the CNI
 * agent, first). Returns `prev` itself when nothing but heartbeats would change, so no write happens.
 */
export function kubeletConditions(prev: readonly Condition[], agent: CniAgent | undefined, nowIso: string): readonly Condition[] {
  // An agent that ran here once set NetworkUnavailable False: its CNI config is on the node's disk.
  const wanted = kubeletConditionFields(agent !== undefined || prev.some((c) => c.type === 'NetworkUnavailable' && c.status === 'False'));
  const oldNet = prev.find((c) => c.type === 'NetworkUnavailable');
  const netWanted = agent !== undefined ? networkUnavailableCondition(agent, nowIso) : undefined;
  const unchanged = wanted.every((w) => same(prev.find((c) => c.type === w.type), w))
    && (netWanted === undefined || same(oldNet, netWanted));
  if (unchanged) return prev;
  const out: Condition[] = [];
  if (netWanted !== undefined) out.push(same(oldNet, netWanted) ? oldNet! : netWanted);
  else if (oldNet !== undefined) out.push(oldNet); // the agent's last word stays
  for (const w of wanted) {
    const old = prev.find((c) => c.type === w.type);
    out.push({
      ...w, lastHeartbeatTime: nowIso,
      lastTransitionTime: old !== undefined && old.status === w.status && old.lastTransitionTime ? old.lastTransitionTime : nowIso,
    });
  }
  return out;
}

const UNKNOWN_TYPES = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];

/**
 * tryUpdateNodeHealth once the grace period has passed: Ready and the pressure conditions become
 * Unknown ("Kubelet stopped posting node status."; lastHeartbeatTime kept), or are added as
 * NodeStatusNeverUpdated when the kubelet never posted. Returns `prev` when already so.
 */
export function unknownConditions(prev: readonly Condition[], nowIso: string, createdIso: string): readonly Condition[] {
  let changed = false;
  const out = prev.map((c) => {
    if (!UNKNOWN_TYPES.includes(c.type) || c.status === 'Unknown') return c;
    changed = true;
    return { ...c, status: 'Unknown' as ConditionStatus, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: nowIso };
  });
  for (const type of UNKNOWN_TYPES) {
    if (prev.some((c) => c.type === type)) continue;
    changed = true;
    out.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: createdIso, lastTransitionTime: nowIso });
  }
  return changed ? out : prev;
}

export function readyStatus(conditions: readonly Condition[] | undefined): ConditionStatus | undefined {
  return conditions?.find((c) => c.type === 'Ready')?.status;
}

/**
 * The taints the controllers keep for a Ready status: not-ready (False) or unreachable (Unknown),
 * NoSchedule and NoExecute, plus unschedulable:NoSchedule for a cordoned node. Taints already there
 * keep their timeAdded; new ones get `nowIso`. Returns `prev` itself when nothing changes.
 *
 * | ready   | unschedulable | managed taints                                   |
 * |---------|---------------|--------------------------------------------------|
 * | True    | false         | none                                             |
 * | False   | false         | not-ready:NoSchedule, not-ready:NoExecute        |
 * | Unknown | true          | unreachable:NoSchedule, unreachable:NoExecute, unschedulable:NoSchedule |
 */
export function managedTaints(prev: readonly Taint[], ready: ConditionStatus | undefined, unschedulable: boolean, nowIso: string): readonly Taint[] {
  const wanted: { key: string; effect: Taint['effect'] }[] = [];
  if (ready === 'False') wanted.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') wanted.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, { key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  if (unschedulable) wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const isWanted = (t: Taint) => wanted.some((w) => w.key === t.key && w.effect === t.effect);
  const kept = prev.filter((t) => !MANAGED_KEYS.has(t.key) || isWanted(t));
  const added = wanted.filter((w) => !prev.some((t) => t.key === w.key && t.effect === w.effect)).map((w) => ({ ...w, timeAdded: nowIso }));
  if (kept.length === prev.length && added.length === 0) return prev;
  return [...kept, ...added];
}
