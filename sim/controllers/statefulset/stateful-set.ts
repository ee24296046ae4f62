import type { KubeObject, Pod, PodTemplateSpec, StatefulSet, StatefulSetStatus, Volume } from '../../api/types';
import { kindInfo } from '../../api/kinds';
import { isEmptySelector } from '../../store/labels';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { claimObjects } from '../util/claim';
import { eventFor, keyFor, omitZero, sameJson, splitKey } from '../util/events';
import { controllersOf } from '../util/controllers-of';
import { controlledByOtherKind } from '../util/owner';
import { availableAtMs, isPodAvailable, isPodReady } from '../util/pod';
import { podFromTemplate } from '../util/pod-template';
import { podChangeMatters } from '../replicaset/replica-set';
import { exponentialRetryMs, podCreateRefusal } from '../util/create-refusal';
import { failedCreateMessage, statefulCreatesSinceMs } from './create-failure';
import { getStatefulSetRevisions, templateAt, truncateHistory } from './revisions';

// pkg/controller/statefulset/stateful_set_control.go updateStatefulSet and stateful_set_utils.go:
// Pods <set>-<ordinal> with stable identity; OrderedReady creates in order and deletes from the
// highest ordinal one at a time, waiting for each; Parallel does not wait. The Pods of the current
// and the update revision (ControllerRevisions, ./revisions.ts) are made from those revisions' templates.

export const STATEFULSET_CONTROLLER = 'statefulset-controller';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

/** getParentNameAndOrdinal: `web-3` of set `web` -> 3; -1 when the name is not the set's. */
export function ordinalOf(set: StatefulSet, pod: KubeObject): number {
  const prefix = `${set.metadata.name}-`;
  const name = pod.metadata.name;
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9][0-9]*)$/.test(rest) ? Number(rest) : -1;
}

const isRunningAndReady = (p: Pod): boolean => p.status?.phase === 'Running' && isPodReady(p);
const isTerminating = (p: Pod): boolean => p.metadata.deletionTimestamp !== undefined;
const isHealthy = (p: Pod): boolean => isRunningAndReady(p) && !isTerminating(p);
const isFailedOrSucceeded = (p: Pod): boolean => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';

/** getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function claimName(set: StatefulSet, template: KubeObject, ordinal: number): string {
  return `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/** newStatefulSetPod + updateIdentity + updateStorage + setPodRevision: the Pod for one ordinal, from a revision's template. */
export function statefulPod(set: StatefulSet, ordinal: number, revision: string, template: PodTemplateSpec = set.spec.template): Pod {
  const ns = set.metadata.namespace ?? '';
  const name = `${set.metadata.name}-${ordinal}`;
  const base = podFromTemplate(template, set, '', ns, name);
  const claims = set.spec.volumeClaimTemplates ?? [];
  const volumes: Volume[] = [...(base.spec.volumes ?? []).filter((v) => !claims.some((c) => c.metadata.name === v.name))];
  for (const c of claims) volumes.push({ name: c.metadata.name, persistentVolumeClaim: { claimName: claimName(set, c, ordinal) } });
  return {
    ...base,
    metadata: {
      ...base.metadata,
      labels: { ...(base.metadata.labels ?? {}), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    },
    spec: {
      ...base.spec,
      hostname: name,
      ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
      ...(volumes.length > 0 ? { volumes } : {}),
    },
  };
}

/** The current and update revisions a sync works with: names and templates. */
interface Revisions {
  readonly current: string;
  readonly update: string;
  readonly currentTemplate: PodTemplateSpec;
  readonly updateTemplate: PodTemplateSpec;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without rollingUpdate, below
 * status.currentReplicas) are made at the current revision, the others at the update revision.
 */
export function versionFor(set: StatefulSet, ordinal: number, r: Revisions): { revision: string; template: PodTemplateSpec } {
  const strategy = set.spec.updateStrategy;
  const ru = strategy?.rollingUpdate;
  const atCurrent = (strategy?.type === 'RollingUpdate' && ru === undefined && ordinal < (set.status?.currentReplicas ?? 0))
    || (ru !== undefined && ordinal < (ru.partition ?? 0));
  return atCurrent ? { revision: r.current, template: r.currentTemplate } : { revision: r.update, template: r.updateTemplate };
}

interface Acc {
  changes: Change[];
  status: { replicas: number; currentReplicas: number; updatedReplicas: number };
  /** A refused Pod create ends the sync with an error: since when such creates fail (virtual ms). */
  createFailedSinceMs?: number;
}

export function reconcileStatefulSet(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const set = view.get<StatefulSet>('StatefulSet', namespace, name);
  if (set === undefined || isEmptySelector(set.spec.selector)) return NO_CHANGES;
  const claimed = claimObjects<Pod>(view, set, 'Pod', set.spec.selector, (p) => ordinalOf(set, p) >= 0);
  const revs = getStatefulSetRevisions(view, set);
  const updateRevision = revs.update.metadata.name;
  const currentRevision = revs.current.metadata.name;
  const versions: Revisions = { current: currentRevision, update: updateRevision, currentTemplate: templateAt(set, revs.current), updateTemplate: templateAt(set, revs.update) };
  const acc: Acc = { changes: [...revs.changes, ...claimed.changes], status: { replicas: 0, currentReplicas: 0, updatedReplicas: 0 } };
  let ready = 0;
  let available = 0;
  let nextMs: number | undefined;
  const minReady = set.spec.minReadySeconds ?? 0;
  const replicaCount = set.spec.replicas;
  const replicas: (Pod | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const p of claimed.owned) {
    acc.status.replicas++;
    if (isRunningAndReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, ctx.nowMs, ctx.config.epochMs)) available++;
      const at = availableAtMs(p, minReady, ctx.nowMs, ctx.config.epochMs);
      if (at !== undefined && (nextMs === undefined || at < nextMs)) nextMs = at;
    }
    if (!isTerminating(p)) {
      if (p.metadata.labels?.[REVISION_LABEL] === currentRevision) acc.status.currentReplicas++;
      if (p.metadata.labels?.[REVISION_LABEL] === updateRevision) acc.status.updatedReplicas++;
    }
    const ord = ordinalOf(set, p);
    if (ord < replicaCount) replicas[ord] = p; else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(set, a) - ordinalOf(set, b));
  if (set.metadata.deletionTimestamp === undefined) manage(view, set, replicas, condemned, versions, acc, ctx);
  let status: StatefulSetStatus = {
    ...(set.status ?? {}),
    observedGeneration: set.metadata.generation,
    replicas: acc.status.replicas,
    readyReplicas: ready,
    currentReplicas: acc.status.currentReplicas,
    updatedReplicas: acc.status.updatedReplicas,
    availableReplicas: available,
    currentRevision,
    updateRevision,
    collisionCount: revs.collisionCount,
  };
  // completeRollingUpdate: once every replica runs the update revision, it becomes current.
  if (set.spec.updateStrategy?.type !== 'OnDelete' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    status = { ...status, currentReplicas: status.updatedReplicas, currentRevision: updateRevision };
  }
  // UpdateStatefulSet: truncateHistory after the status write.
  const changes = acc.changes;
  // StatefulSetStatus: replicas and availableReplicas are always serialized; the other counts are omitempty.
  status = omitZero(status, ['observedGeneration', 'readyReplicas', 'currentReplicas', 'updatedReplicas']);
  if (!sameJson(status, set.status)) changes.push({ verb: 'status', object: { ...set, status } });
  changes.push(...truncateHistory(set, claimed.owned, revs));
  if (acc.createFailedSinceMs !== undefined) {
    const retryMs = exponentialRetryMs(acc.createFailedSinceMs, ctx.nowMs);
    return { changes, requeueAfterMs: nextMs === undefined ? retryMs : Math.min(retryMs, nextMs - ctx.nowMs) };
  }
  return nextMs === undefined ? { changes } : { changes, requeueAfterMs: nextMs - ctx.nowMs };
}

/**
 * The body of updateStatefulSet: create, recreate failed, scale down, rolling update. runForAll
 * stops at a refused create: at once with OrderedReady, after the slow-start batch (1, 2, 4, ...
 * ordinals) with Parallel.
 */
function manage(view: ClusterView, set: StatefulSet, replicas: (Pod | undefined)[], condemned: Pod[], versions: Revisions, acc: Acc, ctx: ReconcileContext): void {
  const { current: currentRevision, update: updateRevision } = versions;
  const ns = set.metadata.namespace ?? '';
  const monotonic = set.spec.podManagementPolicy !== 'Parallel';
  const setName = set.metadata.name;
  const countRevision = (p: Pod, delta: number): void => {
    const rev = p.metadata.labels?.[REVISION_LABEL];
    if (rev === currentRevision) acc.status.currentReplicas += delta;
    if (rev === updateRevision) acc.status.updatedReplicas += delta;
  };
  const deletePod = (p: Pod): void => {
    acc.changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace: ns, name: p.metadata.name }, reason: `statefulset ${ns}/${setName}` });
    acc.changes.push(eventFor(set, STATEFULSET_CONTROLLER, 'SuccessfulDelete', `delete Pod ${p.metadata.name} in StatefulSet ${setName} successful`));
  };
  let firstUnhealthy: Pod | undefined;
  for (const p of replicas) if (p !== undefined && !isHealthy(p) && firstUnhealthy === undefined) firstUnhealthy = p;
  if (firstUnhealthy === undefined) {
    for (let i = condemned.length - 1; i >= 0; i--) if (!isHealthy(condemned[i])) { firstUnhealthy = condemned[i]; break; }
  }
  for (let ord = 0; ord < replicas.length; ord++) {
    // slowStartBatch: batches begin at ordinals 0, 1, 3, 7, ...; one with an error is the last.
    if (acc.createFailedSinceMs !== undefined && ((ord + 1) & ord) === 0) return;
    let p = replicas[ord];
    if (p !== undefined && isFailedOrSucceeded(p) && !isTerminating(p)) {
      acc.changes.push(eventFor(set, STATEFULSET_CONTROLLER, 'RecreatingFailedPod', `StatefulSet ${ns}/${setName} is recreating failed Pod ${p.metadata.name}`, 'Warning'));
      // A terminal Pod is removed at once by the API server; the new one takes its name in this sync.
      deletePod(p);
      countRevision(p, -1);
      acc.status.replicas--;
      p = undefined;
    }
    if (p === undefined) {
      const version = versionFor(set, ord, versions);
      const created = createStatefulPod(view, set, ord, version.revision, version.template, acc);
      if (created === undefined) {
        const since = statefulCreatesSinceMs(set, monotonic && ord > 0 ? replicas[ord - 1] : undefined, ctx);
        acc.createFailedSinceMs = Math.min(acc.createFailedSinceMs ?? since, since);
        if (monotonic) return;
        continue;
      }
      replicas[ord] = created;
      acc.status.replicas++;
      countRevision(created, 1);
      if (monotonic) return;
      continue;
    }
    if (isTerminating(p) && monotonic) return;
    if (!isRunningAndReady(p) && monotonic) return;
  }
  if (acc.createFailedSinceMs !== undefined) return;
  for (let target = condemned.length - 1; target >= 0; target--) {
    const p = condemned[target];
    if (isTerminating(p)) { if (monotonic) return; continue; }
    if (!isRunningAndReady(p) && monotonic && p !== firstUnhealthy) return;
    deletePod(p);
    countRevision(p, -1);
    if (monotonic) return;
  }
  if (set.spec.updateStrategy?.type === 'OnDelete') return;
  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const p = replicas[target]!;
    if (p.metadata.labels?.[REVISION_LABEL] !== updateRevision && !isTerminating(p)) {
      deletePod(p);
      if (p.metadata.labels?.[REVISION_LABEL] === currentRevision) acc.status.currentReplicas--;
      return;
    }
    if (!isHealthy(p)) return;
  }
}

/** CreateStatefulPod: its PersistentVolumeClaims first (when the kind is served), then the Pod; undefined when the Pod is refused. */
function createStatefulPod(view: ClusterView, set: StatefulSet, ordinal: number, revision: string, template: PodTemplateSpec, acc: Acc): Pod | undefined {
  const ns = set.metadata.namespace ?? '';
  const pod = statefulPod(set, ordinal, revision, template);
  if (kindInfo('PersistentVolumeClaim') !== undefined) {
    for (const template of set.spec.volumeClaimTemplates ?? []) {
      const claim = claimName(set, template, ordinal);
      if (view.get('PersistentVolumeClaim', ns, claim) !== undefined) continue;
      acc.changes.push({
        verb: 'create',
        object: {
          ...template, apiVersion: 'v1', kind: 'PersistentVolumeClaim',
          metadata: {
            name: claim, namespace: ns, uid: '', resourceVersion: '', creationTimestamp: '',
            labels: { ...(template.metadata.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
          },
        },
      });
      acc.changes.push(eventFor(set, STATEFULSET_CONTROLLER, 'SuccessfulCreate', `create Claim ${claim} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`));
    }
  }
  const refusal = podCreateRefusal(view, pod);
  if (refusal !== undefined) {
    acc.changes.push(eventFor(set, STATEFULSET_CONTROLLER, 'FailedCreate', failedCreateMessage(set, pod, refusal), 'Warning'));
    return undefined;
  }
  acc.changes.push({ verb: 'create', object: pod });
  acc.changes.push(eventFor(set, STATEFULSET_CONTROLLER, 'SuccessfulCreate', `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`));
  return pod;
}

function statefulSetsForPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  if (controlledByOtherKind(after, before, 'StatefulSet')) return [];
  if (!podChangeMatters(after as Pod | undefined, before as Pod | undefined)) return [];
  return controllersOf(view, after, before, 'StatefulSet');
}

export const statefulSetController: Controller = {
  name: STATEFULSET_CONTROLLER,
  reconcile: reconcileStatefulSet,
  watches: {
    StatefulSet: (_v, after, before) => [keyFor((after ?? before)!)],
    Pod: statefulSetsForPod,
  },
};
