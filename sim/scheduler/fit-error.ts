// The FailedScheduling message: framework.FitError.Error() for the filter diagnosis, followed by
// the PostFilter plugins' messages (DynamicResources, then DefaultPreemption), as v1.34 prints them:
//   0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
//   2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available:
//   1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export const REASON = {
  unschedulable: 'node(s) were unschedulable',
  affinity: "node(s) didn't match Pod's node affinity/selector",
  ports: "node(s) didn't have free ports for the requested pod ports",
  tooManyPods: 'Too many pods',
  insufficientCpu: 'Insufficient cpu',
  insufficientMemory: 'Insufficient memory',
  notHelpful: 'Preemption is not helpful for scheduling',
  noVictims: 'No preemption victims found for incoming pod',
  /** DynamicResources PostFilter, for a Pod without ResourceClaims. */
  noClaims: 'no new claims to deallocate',
  preemptionNever: 'not eligible due to preemptionPolicy=Never.',
  terminatingOnNominatedNode: 'not eligible due to a terminating pod on the nominated node.',
} as const;

/** `node(s) didn't satisfy plugin(s) [NodeAffinity]`: nodes a PreFilter result left out. */
export function absentNodesReason(plugins: readonly string[]): string {
  return `node(s) didn't satisfy plugin(s) [${[...plugins].sort().join(' ')}]`;
}

/** The "<count> <reason>" histogram, sorted as Go's sort.Strings sorts it (bytewise, count first). */
export function reasonHistogram(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FitError.Error(): `0/N nodes are available: <histogram>.` plus ` <postFilter>` when any. */
export function fitErrorMessage(numAllNodes: number, counts: ReadonlyMap<string, number>, postFilterMsg = ''): string {
  const histogram = reasonHistogram(counts);
  let msg = `0/${numAllNodes} nodes are available:`;
  if (histogram.length > 0) msg += ` ${histogram.join(', ')}.`;
  if (postFilterMsg !== '') msg += ` ${postFilterMsg}`;
  return msg;
}

/** The PostFilter part: DynamicResources' reason, then DefaultPreemption's "preemption: ..." */
export function postFilterMessage(preemptionMsg: string): string {
  return `${REASON.noClaims}, preemption: ${preemptionMsg}`;
}

export function addCount(counts: Map<string, number>, reason: string, n = 1): void {
  counts.set(reason, (counts.get(reason) ?? 0) + n);
}
