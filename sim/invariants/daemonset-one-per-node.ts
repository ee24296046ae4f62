import type { DaemonSet, Node, Pod } from '../api/types';
import { isControlledBy } from '../controllers/util/owner';
import { daemonPodNode, daemonPodPlacement } from '../controllers/daemonset/daemonset-util';
import { allowsSurge } from '../controllers/daemonset/surge';
import type { Invariant } from './types';

/**
 * Once quiet, a DaemonSet has exactly one live Pod on each eligible node and none elsewhere; with
 * maxSurge a node may hold two (an old Pod waiting for a new one that is not yet available).
 */
export const daemonSetOnePerNode: Invariant = {
  name: 'daemonset-one-per-node',
  whenQuiet: true,
  check(view) {
    const out: string[] = [];
    const nodes = view.list<Node>('Node');
    for (const ds of view.list<DaemonSet>('DaemonSet')) {
      if (ds.metadata.deletionTimestamp !== undefined) continue;
      const perNode = new Map<string, string[]>();
      for (const o of view.dependents(ds.metadata.uid)) {
        const p = o as Pod;
        if (o.kind !== 'Pod' || !isControlledBy(o, ds) || p.metadata.deletionTimestamp !== undefined || p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded') continue;
        const n = daemonPodNode(p.spec) ?? '<none>';
        perNode.set(n, [...(perNode.get(n) ?? []), p.metadata.name]);
      }
      const most = allowsSurge(ds) ? 2 : 1;
      const known = new Set<string>();
      for (const node of nodes) {
        known.add(node.metadata.name);
        const pods = perNode.get(node.metadata.name) ?? [];
        const { shouldRun, shouldContinueRunning } = daemonPodPlacement(node, ds.spec.template.spec);
        // A node that only NoSchedule-taints the Pod away may keep an existing one (shouldContinueRunning).
        const ok = shouldRun ? pods.length >= 1 && pods.length <= most : shouldContinueRunning ? pods.length <= most : pods.length === 0;
        if (!ok) out.push(`DaemonSet ${ds.metadata.namespace}/${ds.metadata.name} has ${pods.length} Pods on node ${node.metadata.name} (${pods.join(', ') || 'none'}), expected ${shouldRun ? (most === 1 ? 1 : `1 to ${most}`) : shouldContinueRunning ? `at most ${most}` : 0}`);
      }
      // Pods bound to a deleted node are PodGC's, after its 40 s quarantine; unscheduled ones are the DaemonSet's.
      for (const [n, names] of perNode) {
        if (known.has(n)) continue;
        const unbound = names.filter((name) => !view.get<Pod>('Pod', ds.metadata.namespace ?? '', name)?.spec.nodeName);
        if (unbound.length > 0) out.push(`DaemonSet ${ds.metadata.namespace}/${ds.metadata.name} has unscheduled Pods for missing node ${n}: ${unbound.join(', ')}`);
      }
    }
    return out;
  },
};
