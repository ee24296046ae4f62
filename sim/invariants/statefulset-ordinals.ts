import type { Pod, StatefulSet } from '../api/types';
import { isControlledBy } from '../controllers/util/owner';
import { isPodReady } from '../controllers/util/pod';
import type { Invariant } from './types';

const ordinal = (set: StatefulSet, name: string): number => {
  const rest = name.startsWith(`${set.metadata.name}-`) ? name.slice(set.metadata.name.length + 1) : '';
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
};

/**
 * Once quiet, a StatefulSet's Pods are named <set>-0 .. <set>-(k-1) with no gap (a Pod still
 * terminating keeps its ordinal: the controller waits for it), no live Pod is outside
 * 0..replicas-1, and k is spec.replicas - fewer only under OrderedReady while some Pod is not
 * Running and Ready or is terminating.
 */
export const statefulSetOrdinals: Invariant = {
  name: 'statefulset-ordinals',
  whenQuiet: true,
  check(view) {
    const out: string[] = [];
    for (const set of view.list<StatefulSet>('StatefulSet')) {
      if (set.metadata.deletionTimestamp !== undefined) continue;
      const pods = view.dependents(set.metadata.uid).filter((o): o is Pod => o.kind === 'Pod' && isControlledBy(o, set));
      const where = `StatefulSet ${set.metadata.namespace}/${set.metadata.name}`;
      const list = pods.map((p) => `${p.metadata.name}${p.metadata.deletionTimestamp ? ' (terminating)' : ''}`).sort().join(', ') || 'none';
      const ordinals = new Set<number>();
      for (const p of pods) {
        const o = ordinal(set, p.metadata.name);
        if (o < 0) { out.push(`${where} owns Pod ${p.metadata.name}, which is not named <set>-<ordinal>`); continue; }
        if (o >= set.spec.replicas) { if (!p.metadata.deletionTimestamp) out.push(`${where} has live Pod ${p.metadata.name} outside ordinals 0..${set.spec.replicas - 1}`); continue; }
        ordinals.add(o);
      }
      let k = 0;
      while (ordinals.has(k)) k++;
      if (ordinals.size !== k) out.push(`${where} has a gap in its ordinals: ${list}`);
      const stalled = pods.some((p) => p.metadata.deletionTimestamp !== undefined || p.status?.phase !== 'Running' || !isPodReady(p));
      const mayStop = set.spec.podManagementPolicy !== 'Parallel' && stalled;
      if (k < set.spec.replicas && !mayStop) out.push(`${where} wants ${set.spec.replicas} Pods but has ${k}: ${list}`);
    }
    return out;
  },
};
