import type { ClusterView } from '../engine/types';
import type { Invariant } from './types';
import { replicaSetReplicas } from './replicaset-replicas';
import { daemonSetOnePerNode } from './daemonset-one-per-node';
import { statefulSetOrdinals } from './statefulset-ordinals';
import { ownerReferences } from './owner-references';

export type { Invariant } from './types';
export { replicaSetReplicas, daemonSetOnePerNode, statefulSetOrdinals, ownerReferences };

/** Every invariant checker of the workload controllers. */
export const INVARIANTS: readonly Invariant[] = [replicaSetReplicas, daemonSetOnePerNode, statefulSetOrdinals, ownerReferences];

/** The violations of every invariant (those marked whenQuiet only if `quiet`), prefixed with the invariant's name. */
export function checkInvariants(view: ClusterView, quiet = true): string[] {
  const out: string[] = [];
  for (const inv of INVARIANTS) {
    if (inv.whenQuiet && !quiet) continue;
    for (const v of inv.check(view)) out.push(`${inv.name}: ${v}`);
  }
  return out;
}
