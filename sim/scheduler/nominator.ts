import type { Pod } from '../api/types';
import { podResources } from './pod-resources';

// The scheduling queue's nominator (pkg/scheduler/backend/queue/nominator.go): the Pods preemption
// nominated to a node (status.nominatedNodeName) that are not bound yet, by node. A nominated Pod
// holds its place: the filters of a Pod of lower or equal priority count it as running there
// (framework.go RunFilterPluginsWithNominatedPods / addGENominatedPods), so the room its victims
// free is not taken by others while they terminate. A Pod leaves the nominator once bound or deleted.

const SCHEDULER_NAME = 'default-scheduler';

/** The node a Pod is nominated to, while it waits unbound in this scheduler's queue. */
export function nominatedNodeOf(pod: Pod | undefined): string | undefined {
  if (pod === undefined || pod.spec.nodeName || pod.metadata.deletionTimestamp !== undefined) return undefined;
  const node = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  if (!node || (pod.spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) return undefined;
  return node;
}

/** What the nominated Pods a Pod must yield to take from a node. */
export interface NominatedLoad {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly pods: number;
  readonly hostPorts: readonly string[];
}

export class Nominator {
  private readonly byNode = new Map<string, Map<string, Pod>>();
  private readonly nodeOfUid = new Map<string, string>();

  constructor(pods: Iterable<Pod>) {
    for (const pod of pods) {
      const node = nominatedNodeOf(pod);
      if (node !== undefined) this.add(pod, node);
    }
  }

  /** How many Pods are nominated (0: the filters have nothing to add anywhere). */
  get size(): number {
    return this.nodeOfUid.size;
  }

  podChanged(after: Pod | undefined, before: Pod | undefined): void {
    const a = nominatedNodeOf(after);
    if (a === undefined && this.nodeOfUid.size === 0) return;
    if (before !== undefined) this.remove(before.metadata.uid);
    if (a !== undefined) this.add(after!, a);
  }

  /** nominator.NominatedPodsForNode. */
  nominatedPodsForNode(node: string): readonly Pod[] {
    const pods = this.byNode.get(node);
    return pods === undefined ? [] : [...pods.values()];
  }

  /**
   * addGENominatedPods: what the Pods nominated to `node` with a priority at least `pod`'s (other
   * than `pod` itself) take there; undefined when there are none.
   */
  loadFor(node: string, pod: Pod): NominatedLoad | undefined {
    const pods = this.byNode.get(node);
    if (pods === undefined) return undefined;
    const priority = pod.spec.priority ?? 0;
    let cpuMillis = 0, memoryBytes = 0, count = 0;
    const hostPorts: string[] = [];
    for (const p of pods.values()) {
      if ((p.spec.priority ?? 0) < priority || p.metadata.uid === pod.metadata.uid) continue;
      const r = podResources(p);
      cpuMillis += r.cpuMillis; memoryBytes += r.memoryBytes; count++;
      hostPorts.push(...r.hostPorts);
    }
    return count === 0 ? undefined : { cpuMillis, memoryBytes, pods: count, hostPorts };
  }

  private add(pod: Pod, node: string): void {
    let pods = this.byNode.get(node);
    if (pods === undefined) this.byNode.set(node, (pods = new Map()));
    pods.set(pod.metadata.uid, pod);
    this.nodeOfUid.set(pod.metadata.uid, node);
  }

  private remove(uid: string): void {
    const node = this.nodeOfUid.get(uid);
    if (node === undefined) return;
    this.nodeOfUid.delete(uid);
    const pods = this.byNode.get(node)!;
    pods.delete(uid);
    if (pods.size === 0) this.byNode.delete(node);
  }
}
