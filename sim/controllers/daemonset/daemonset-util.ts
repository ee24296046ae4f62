import type { Labels, Node, PodSpec, Taint, Toleration } from '../../api/types';
import { matchesLabels } from '../../store/labels';

// pkg/controller/daemon/util/daemonset_util.go and the predicates of nodeShouldRunDaemonPod.

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** AddOrUpdateDaemonPodTolerations: the tolerations every DaemonSet Pod carries. */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  const wanted: Toleration[] = [
    { key: NOT_READY, operator: 'Exists', effect: 'NoExecute' },
    { key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork) wanted.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const out = [...(spec.tolerations ?? [])];
  for (const t of wanted) {
    // v1helper.AddOrUpdateTolerationInPodSpec: replace a toleration with the same key and effect.
    const i = out.findIndex((o) => o.key === t.key && o.effect === t.effect);
    if (i >= 0) out[i] = t; else out.push(t);
  }
  return out;
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  if ((t.key === undefined || t.key === '') && t.operator !== 'Exists') return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

interface NodeSelectorRequirement { key: string; operator: string; values?: string[] }
interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }
interface Affinity { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } }

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return has && values.includes(value!);
    case 'NotIn': return !has || !values.includes(value!);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': return has && Number(value) > Number(values[0]);
    case 'Lt': return has && Number(value) < Number(values[0]);
    default: return false;
  }
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match: nodeSelector AND any required term. */
export function matchesNodeSelectorAndAffinity(spec: PodSpec, nodeName: string, labels: Labels | undefined): boolean {
  if (!matchesLabels(labels, spec.nodeSelector)) return false;
  const terms = (spec.affinity as Affinity | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined) return true;
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const fields = term.matchFields ?? [];
    if (exprs.length === 0 && fields.length === 0) return false;
    return exprs.every((r) => requirementMatches(r, labels?.[r.key]))
      && fields.every((r) => requirementMatches(r, r.key === 'metadata.name' ? nodeName : undefined));
  });
}

/**
 * nodeShouldRunDaemonPod (daemon_controller.go): shouldRun when the Pod (with the daemon
 * tolerations) fits the node's name, labels and affinity and tolerates its NoSchedule and NoExecute
 * taints; shouldContinueRunning when it fits but only NoSchedule taints are not tolerated (an
 * existing Pod stays, no new one is made).
 *
 * | node                                          | template         | shouldRun | continue |
 * |-----------------------------------------------|------------------|-----------|----------|
 * | plain                                         | -                | yes       | yes      |
 * | taint control-plane:NoSchedule                | no toleration    | no        | yes      |
 * | taint dedicated:NoExecute                     | no toleration    | no        | no       |
 * | taint node.kubernetes.io/unreachable:NoExecute| -                | yes       | yes      |
 * | unschedulable (cordoned)                      | -                | yes       | yes      |
 * | label disktype=hdd                            | nodeSelector ssd | no        | no       |
 */
export function daemonPodPlacement(node: Node, spec: PodSpec): { shouldRun: boolean; shouldContinueRunning: boolean } {
  if (!matchesNodeSelectorAndAffinity(spec, node.metadata.name, node.metadata.labels)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations = daemonPodTolerations(spec);
  let fits = true;
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (tolerations.some((t) => toleratesTaint(t, taint))) continue;
    if (taint.effect === 'NoExecute') return { shouldRun: false, shouldContinueRunning: false };
    fits = false;
  }
  return { shouldRun: fits, shouldContinueRunning: true };
}

/** shouldRun of nodeShouldRunDaemonPod: a new daemon Pod belongs on this node. */
export function nodeShouldRunDaemonPod(node: Node, spec: PodSpec): boolean {
  return daemonPodPlacement(node, spec).shouldRun;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the single term
 * matchFields metadata.name In [node]; preferred affinity and other affinities are kept.
 */
export function pinToNode(affinity: unknown, nodeName: string): unknown {
  const a = (affinity ?? {}) as Affinity & Record<string, unknown>;
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  return { ...a, nodeAffinity: { ...(a.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
}

/** The node a daemon Pod is for: its nodeName, else the node its affinity pins it to. */
export function daemonPodNode(spec: PodSpec): string | undefined {
  if (spec.nodeName) return spec.nodeName;
  for (const term of (spec.affinity as Affinity | undefined)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}
