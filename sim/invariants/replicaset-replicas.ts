import type { Pod, ReplicaSet } from '../api/types';
import { isControlledBy } from '../controllers/util/owner';
import { isPodActive } from '../controllers/util/pod';
import type { Invariant } from './types';

/** Once quiet, every ReplicaSet not being deleted has exactly spec.replicas active Pods. */
export const replicaSetReplicas: Invariant = {
  name: 'replicaset-replicas',
  whenQuiet: true,
  check(view) {
    const out: string[] = [];
    for (const rs of view.list<ReplicaSet>('ReplicaSet')) {
      if (rs.metadata.deletionTimestamp !== undefined) continue;
      const active = view.dependents(rs.metadata.uid).filter((o) => o.kind === 'Pod' && isControlledBy(o, rs) && isPodActive(o as Pod));
      if (active.length !== rs.spec.replicas) {
        out.push(`ReplicaSet ${rs.metadata.namespace}/${rs.metadata.name} wants ${rs.spec.replicas} replicas but has ${active.length} active Pods (${active.map((p) => p.metadata.name).join(', ') || 'none'})`);
      }
    }
    return out;
  },
};
