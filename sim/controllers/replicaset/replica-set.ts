import type { KubeObject, Pod, ReplicaSet, ReplicaSetStatus } from '../../api/types';
import { isEmptySelector, matchesLabels, matchesSelector } from '../../store/labels';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { claimObjects } from '../util/claim';
import { eventFor, keyFor, omitZero, sameJson, splitKey } from '../util/events';
import { freshName } from '../util/names';
import { controllerRef, ownerKey } from '../util/owner';
import { availableAtMs, isPodActive, isPodAvailable, isPodReady } from '../util/pod';
import { podFromTemplate } from '../util/pod-template';
import { podsToDelete } from '../util/active-pods';
import { retryAfterMs, withReplicaFailure } from './create-failure';
import { podCreateRefusal } from '../util/create-refusal';

// pkg/controller/replicaset/replica_set.go: keep spec.replicas active Pods for each ReplicaSet.

export const REPLICASET_CONTROLLER = 'replicaset-controller';

/** replica_set.go burstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;

/** syncReplicaSet: claim Pods, manageReplicas, calculateStatus; requeue for minReadySeconds. */
export function reconcileReplicaSet(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const rs = view.get<ReplicaSet>('ReplicaSet', namespace, name);
  if (rs === undefined) return NO_CHANGES;
  const changes: Change[] = [];
  let pods: readonly Pod[] = [];
  if (!isEmptySelector(rs.spec.selector)) {
    const claimed = claimObjects<Pod>(view, rs, 'Pod', rs.spec.selector, isPodActive);
    changes.push(...claimed.changes);
    pods = claimed.owned;
  }
  let createError: string | undefined;
  if (rs.metadata.deletionTimestamp === undefined) {
    const managed = manageReplicas(view, rs, pods, ctx);
    changes.push(...managed.changes);
    createError = managed.createError;
  }
  const status = withReplicaFailure(calculateStatus(rs, pods, ctx.nowMs, ctx.config.epochMs), rs.status, createError, 'FailedCreate', ctx.iso());
  if (!sameJson(status, rs.status)) changes.push({ verb: 'status', object: { ...rs, status } });
  if (createError !== undefined) return { changes, requeueAfterMs: retryAfterMs(rs, ctx) };
  // replica_set.go: requeue after minReadySeconds so availableReplicas moves when it is due.
  let nextMs: number | undefined;
  // With minReadySeconds 0 every Ready Pod is available at once: no Pod has an instant to wait for.
  const minReadySeconds = rs.spec.minReadySeconds ?? 0; // omitempty: absent when 0
  if (!(minReadySeconds <= 0)) {
    for (const p of pods) {
      const at = availableAtMs(p, minReadySeconds, ctx.nowMs, ctx.config.epochMs);
      if (at !== undefined && (nextMs === undefined || at < nextMs)) nextMs = at;
    }
  }
  return nextMs === undefined ? { changes } : { changes, requeueAfterMs: nextMs - ctx.nowMs };
}

/**
 * manageReplicas: create or delete Pods so that the active ones number spec.replicas. A create the
 * API server would refuse fails the first slow-start batch (one Pod): nothing is created, the
 * error is recorded and returned.
 */
export function manageReplicas(view: ClusterView, rs: ReplicaSet, pods: readonly Pod[], ctx: ReconcileContext): { changes: Change[]; createError?: string } {
  const diff = pods.length - rs.spec.replicas;
  const changes: Change[] = [];
  const ns = rs.metadata.namespace ?? '';
  if (diff < 0) {
    const prefix = `${rs.metadata.name}-`;
    const createError = podCreateRefusal(view, podFromTemplate(rs.spec.template, rs, prefix, ns));
    if (createError !== undefined) {
      return { changes: [eventFor(rs, REPLICASET_CONTROLLER, 'FailedCreate', `Error creating: ${createError}`, 'Warning')], createError };
    }
    const n = Math.min(-diff, BURST_REPLICAS);
    const taken = new Set<string>();
    // One involved-object reference for the batch's events (each Event keeps it: one object, not one per Pod).
    const ref = { kind: rs.kind, namespace: ns, name: rs.metadata.name, uid: rs.metadata.uid };
    for (let i = 0; i < n; i++) {
      const podName = freshName(view, ctx, 'Pod', ns, prefix, taken);
      changes.push({ verb: 'create', object: podFromTemplate(rs.spec.template, rs, prefix, ns, podName) });
      changes.push({ verb: 'event', ref, type: 'Normal', reason: 'SuccessfulCreate', message: ['Created pod: ', podName].join(''), source: REPLICASET_CONTROLLER }); // flat: the Event keeps it
    }
  } else if (diff > 0) {
    const n = Math.min(diff, BURST_REPLICAS);
    // All of them go (getPodsToDelete returns them as they are): no ranking, no related Pods to read.
    const doomed = n >= pods.length ? pods : podsToDelete(pods, relatedPods(view, rs, pods), n, ctx.nowMs, ctx.config.epochMs);
    const reason = `scale down ${keyFor(rs)}`;
    // One involved-object reference for the batch's events, as for creates.
    const ref = { kind: rs.kind, namespace: ns, name: rs.metadata.name, uid: rs.metadata.uid };
    for (const p of doomed) {
      changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: p.metadata.name }, reason });
      changes.push({ verb: 'event', ref, type: 'Normal', reason: 'SuccessfulDelete', message: ['Deleted pod: ', p.metadata.name].join(''), source: REPLICASET_CONTROLLER }); // flat: the Event keeps it
    }
  }
  return { changes };
}

/** getIndirectlyRelatedPods: the Pods of every ReplicaSet with the same controller (a Deployment's). */
function relatedPods(view: ClusterView, rs: ReplicaSet, own: readonly Pod[]): readonly Pod[] {
  const owner = controllerRef(rs);
  if (owner === undefined) return own;
  const out: Pod[] = [];
  for (const sibling of view.dependents(owner.uid)) {
    if (sibling.kind !== 'ReplicaSet') continue;
    for (const p of view.dependents(sibling.metadata.uid)) if (p.kind === 'Pod' && isPodActive(p as Pod)) out.push(p as Pod);
  }
  return out;
}

/** calculateStatus (replica_set_utils.go). Keeps the conditions the ReplicaSet has. */
export function calculateStatus(rs: ReplicaSet, pods: readonly Pod[], nowMs: number, epochMs: number): ReplicaSetStatus {
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  const templateLabels = rs.spec.template.metadata?.labels;
  // A template's Pods share their labels object and the kubelet's interned conditions arrays: the
  // previous Pod's answers serve the next one's when the objects are the same.
  let lastLabels: unknown = null, labeled = false;
  let lastConditions: unknown = null, podReady = false;
  const minReadySeconds = rs.spec.minReadySeconds ?? 0; // omitempty: absent when 0
  for (const p of pods) {
    const labels = p.metadata.labels;
    if (labels !== lastLabels) { lastLabels = labels; labeled = matchesLabels(labels, templateLabels); }
    if (labeled) fullyLabeled++;
    const conditions = p.status?.conditions;
    if (conditions !== lastConditions) { lastConditions = conditions; podReady = isPodReady(p); }
    if (podReady) {
      ready++;
      if (minReadySeconds <= 0 || isPodAvailable(p, minReadySeconds, nowMs, epochMs)) available++;
    }
  }
  // ReplicaSetStatus: replicas is always serialized; the other counts are omitempty.
  return omitZero({
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation,
    ...(rs.status?.conditions !== undefined && rs.status.conditions.length > 0 ? { conditions: rs.status.conditions } : {}),
  }, ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration']);
}

/** What about a Pod matters to its ReplicaSet (updatePod's filter): skip other status churn. */
export function podChangeMatters(after: Pod | undefined, before: Pod | undefined): boolean {
  if (after === undefined || before === undefined) return true;
  if (after.metadata.deletionTimestamp !== before.metadata.deletionTimestamp) return true;
  if (after.status?.phase !== before.status?.phase) return true;
  if (!sameJson(after.metadata.labels, before.metadata.labels)) return true;
  if (!sameJson(after.metadata.ownerReferences, before.metadata.ownerReferences)) return true;
  const ra = after.status?.conditions?.find((c) => c.type === 'Ready');
  const rb = before.status?.conditions?.find((c) => c.type === 'Ready');
  return ra?.status !== rb?.status || ra?.lastTransitionTime !== rb?.lastTransitionTime;
}

const NONE: readonly string[] = Object.freeze([]);

/** The ReplicaSets a Pod change concerns: its controller, or, for an orphan, those that select it. */
function replicaSetsForPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  if (!podChangeMatters(after as Pod | undefined, before as Pod | undefined)) return NONE;
  const orphan = after !== undefined && controllerRef(after) === undefined && after.metadata.deletionTimestamp === undefined;
  // The common case, one controlled Pod written with the same owner: its ReplicaSet, no set built.
  if (!orphan && (after === undefined || before === undefined || after.metadata.ownerReferences === before.metadata.ownerReferences)) {
    const k = ownerKey((after ?? before)!, 'ReplicaSet');
    return k === undefined ? NONE : [k];
  }
  const keys = new Set<string>();
  for (const p of [after, before]) {
    if (p === undefined) continue;
    const k = ownerKey(p, 'ReplicaSet');
    if (k !== undefined) keys.add(k);
  }
  // getPodReplicaSets: an orphan that appears or changes labels may be adopted (rare; scans the namespace's ReplicaSets).
  if (orphan) {
    for (const rs of view.list<ReplicaSet>('ReplicaSet', after.metadata.namespace ?? '')) {
      if (!isEmptySelector(rs.spec.selector) && matchesSelector(after.metadata.labels, rs.spec.selector)) keys.add(keyFor(rs));
    }
  }
  return [...keys];
}

export const replicaSetController: Controller = {
  name: REPLICASET_CONTROLLER,
  reconcile: reconcileReplicaSet,
  watches: {
    ReplicaSet: (_view, after, before) => [keyFor((after ?? before)!)],
    Pod: replicaSetsForPod,
  },
};
