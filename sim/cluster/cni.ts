import type { Condition, Pod } from '../api/types';
import type { NetworkPlugin } from '../engine/types';
import type { StoreView } from '../store/store';

// Which Pods are a cluster's Pod network (CNI) agents. A node's kubelet reports NetworkReady once
// such a Pod runs on it (the agent writes the CNI config the container runtime waits for), and the
// agent marks the node's NetworkUnavailable condition False. One place for the recognition rule.

export interface CniAgent {
  readonly plugin: Exclude<NetworkPlugin, 'none'>;
  /** NetworkUnavailable=False, as the agent sets it. */
  readonly condition: { readonly reason: string; readonly message: string };
}

const FLANNEL: CniAgent = { plugin: 'flannel', condition: { reason: 'FlannelIsUp', message: 'Flannel is running on this node' } };
const CALICO: CniAgent = { plugin: 'calico', condition: { reason: 'CalicoIsUp', message: 'Calico is running on this node' } };
const CANAL: CniAgent = { plugin: 'canal', condition: { reason: 'FlannelIsUp', message: 'Flannel is running on this node' } };

/** The CNI agent a Pod is (by its k8s-app/app label, else a container image), if any. */
export function cniAgentOf(pod: Pod): CniAgent | undefined {
  const labels = pod.metadata.labels ?? {};
  const app = labels['k8s-app'] ?? labels.app;
  if (app === 'canal') return CANAL;
  if (app === 'calico-node') return CALICO;
  if (app === 'flannel') return FLANNEL;
  for (const c of pod.spec.containers ?? []) {
    if (/(^|\/)flannel\/flannel(:|@|$)|(^|\/)flannel-io\/flannel(:|@|$)/.test(c.image)) return FLANNEL;
    if (/(^|\/)calico\/node(:|@|$)/.test(c.image)) return CALICO;
  }
  return undefined;
}

/** The CNI agent running (phase Running) on a node: the first of its Pods that is one; reads its Pods only up to it (usually its first). */
export function runningCniAgentOn(view: StoreView, node: string): CniAgent | undefined {
  const pod = view.firstPodOnNode(node, isRunningCniAgent);
  return pod === undefined ? undefined : cniAgentOf(pod);
}

function isRunningCniAgent(p: Pod): boolean {
  return p.status?.phase === 'Running' && p.metadata.deletionTimestamp === undefined && cniAgentOf(p) !== undefined;
}

export function networkUnavailableCondition(agent: CniAgent, atIso: string): Condition {
  return { type: 'NetworkUnavailable', status: 'False', reason: agent.condition.reason, message: agent.condition.message, lastHeartbeatTime: atIso, lastTransitionTime: atIso };
}
