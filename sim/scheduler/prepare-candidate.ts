import type { Condition, Pod } from '../api/types';
import type { Change, ReconcileContext } from '../engine/types';
import { podCondition } from '../api/pod-condition';
import { PREEMPTION_BY_SCHEDULER, type Candidate } from './preemption';

// What the scheduler does once preemption chose a node (preemption.go prepareCandidateAsync, on by
// default in v1.34, and Evaluator.PreemptPod): the lower-priority Pods nominated to that node lose
// their nomination; each victim not already being deleted gets DisruptionTarget=True
// (PreemptionByScheduler), is deleted with its own grace period, and gets a Preempted event.

/** podutil.UpdatePodCondition: the condition set in place (lastTransitionTime kept while the status is the same); undefined when nothing changes. */
export function withPodCondition(pod: Pod, condition: Condition): readonly Condition[] | undefined {
  const conditions = pod.status?.conditions ?? [];
  const k = conditions.findIndex((c) => c.type === condition.type);
  if (k < 0) return [...conditions, condition];
  const old = conditions[k];
  const next = old.status === condition.status ? { ...condition, lastTransitionTime: old.lastTransitionTime } : condition;
  if (old.status === next.status && old.reason === next.reason && old.message === next.message
    && old.observedGeneration === next.observedGeneration && old.lastTransitionTime === next.lastTransitionTime) return undefined;
  return conditions.map((c, j) => (j === k ? next : c));
}

/** A Pod status with status.nominatedNodeName set, or ('') without it (kubectl prints the keys sorted). */
export function withNominatedNodeName(status: Pod['status'], node: string): Pod['status'] {
  const { nominatedNodeName: _old, ...rest } = status as Pod['status'] & { nominatedNodeName?: string };
  return (node === '' ? rest : { ...rest, nominatedNodeName: node }) as Pod['status'];
}

export function prepareCandidate(preemptor: Pod, candidate: Candidate, lowerPriorityNominated: readonly Pod[], ctx: ReconcileContext): Change[] {
  const changes: Change[] = [];
  // clearNominatedNodeName: they may no longer fit there.
  for (const p of lowerPriorityNominated) {
    changes.push({ verb: 'status', object: { ...p, status: withNominatedNodeName(p.status, '') } });
  }
  const schedulerName = preemptor.spec.schedulerName ?? 'default-scheduler';
  for (const victim of candidate.victims) {
    if (victim.metadata.deletionTimestamp !== undefined) continue; // graceful deletion already started
    const ns = victim.metadata.namespace ?? '';
    const condition = podCondition(victim, 'DisruptionTarget', 'True', ctx.iso(), PREEMPTION_BY_SCHEDULER, `${schedulerName}: preempting to accommodate a higher priority pod`);
    const conditions = withPodCondition(victim, condition);
    if (conditions !== undefined) changes.push({ verb: 'status', object: { ...victim, status: { ...victim.status, conditions } } });
    changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: victim.metadata.name }, reason: 'Preempted' });
    changes.push({
      verb: 'event', ref: { kind: 'Pod', namespace: ns, name: victim.metadata.name, uid: victim.metadata.uid }, type: 'Normal',
      reason: 'Preempted', message: `Preempted by pod ${preemptor.metadata.uid} on node ${candidate.node}`, source: schedulerName,
    });
  }
  return changes;
}
