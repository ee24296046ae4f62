import type { DaemonSet, DaemonSetStatus, KubeObject, Node, Pod } from '../../api/types';
import { computeHash } from '../../api/naming';
import { isEmptySelector } from '../../store/labels';
import { NO_CHANGES, type Change, type ClusterView, type Controller, type ReconcileContext, type ReconcileResult } from '../../engine/types';
import { claimObjects } from '../util/claim';
import { eventFor, keyFor, omitZero, sameJson, splitKey } from '../util/events';
import { freshName } from '../util/names';
import { controllersOf } from '../util/controllers-of';
import { controlledByOtherKind } from '../util/owner';
import { availableAtMs, isPodAvailable, isPodReady } from '../util/pod';
import { podFromTemplate } from '../util/pod-template';
import { getValueFromIntOrPercent } from '../deployment/util/deployment-util';
import { podChangeMatters } from '../replicaset/replica-set';
import { exponentialRetryMs, podCreateRefusal } from '../util/create-refusal';
import { daemonCreatesSinceMs } from './create-failure';
import { daemonPodNode, daemonPodPlacement, daemonPodTolerations, pinToNode } from './daemonset-util';
import { templateGenerationOf } from '../../api/defaults/daemonset';
import { cleanupHistory, constructHistory, type DaemonSetHistory } from './history';
import { allowsSurge, surgeCount, surgeNode, surgePodsToDelete, surgeRollingUpdate, type SurgeNode } from './surge';

// pkg/controller/daemon/daemon_controller.go syncDaemonSet / manage / updateDaemonSetStatus and
// update.go rollingUpdate: one Pod per eligible node, pinned there by node affinity; the Pods carry
// the hash of the current ControllerRevision (./history.ts constructHistory).

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';
export const POD_TEMPLATE_GENERATION = 'pod-template-generation';

/** The Pods of a DaemonSet grouped by the node they are for (deleting Pods left out). */
function podsByNode(pods: readonly Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const p of pods) {
    if (p.metadata.deletionTimestamp !== undefined) continue;
    const n = daemonPodNode(p.spec) ?? '';
    out.set(n, [...(out.get(n) ?? []), p]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : a.metadata.creationTimestamp > b.metadata.creationTimestamp ? 1 : 0));
  return out;
}

export function reconcileDaemonSet(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const ds = view.get<DaemonSet>('DaemonSet', namespace, name);
  if (ds === undefined || isEmptySelector(ds.spec.selector)) return NO_CHANGES;
  const claimed = claimObjects<Pod>(view, ds, 'Pod', ds.spec.selector);
  const deleting = ds.metadata.deletionTimestamp !== undefined;
  // syncDaemonSet: a DaemonSet being deleted keeps its revisions as they are (the GC removes them).
  let history: DaemonSetHistory | undefined;
  if (!deleting) {
    const h = constructHistory(view, ds, claimed.owned);
    if ('collision' in h) return { changes: h.changes }; // the status write of collisionCount brings the DaemonSet back
    history = h;
  }
  const changes: Change[] = [...(history?.changes ?? []), ...claimed.changes];
  const hash = history?.hash ?? computeHash(ds.spec.template, ds.status?.collisionCount);
  const nodes = view.list<Node>('Node');
  const byNode = podsByNode(claimed.owned);
  const taken = new Set<string>();
  const deleted = new Set<string>();
  const del = (p: Pod, grace?: number): void => {
    if (deleted.has(p.metadata.name)) return; // manage and the rolling update may both pick a Pod
    deleted.add(p.metadata.name);
    changes.push({ verb: 'delete', ref: { kind: 'Pod', namespace, name: p.metadata.name }, reason: `daemonset ${key}`, ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}) });
    changes.push(eventFor(ds, DAEMONSET_CONTROLLER, 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`));
  };
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0, unavailableNodes = 0;
  let nextMs: number | undefined;
  const oldPods: Pod[] = [];
  const surge = allowsSurge(ds);
  const surgeNodes: SurgeNode[] = [];
  const avail = (p: Pod): boolean => isPodAvailable(p, ds.spec.minReadySeconds ?? 0, ctx.nowMs, ctx.config.epochMs);
  const nodeNames = new Set<string>();
  // syncNodes creates in slow-start batches from one: a refused first create skips the rest.
  let createError: string | undefined;
  let createChecked = false;
  const refusedNodes: Node[] = [];
  for (const node of nodes) {
    nodeNames.add(node.metadata.name);
    const { shouldRun, shouldContinueRunning } = daemonPodPlacement(node, ds.spec.template.spec);
    const pods = byNode.get(node.metadata.name) ?? [];
    if (shouldRun || (shouldContinueRunning && pods.length > 0)) {
      // updateDaemonSetStatus: desired counts shouldRun nodes; a Pod left on a node it may only stay on is misscheduled.
      if (shouldRun) desired++; else misscheduled++;
      const failed = pods.filter((p) => p.status?.phase === 'Failed');
      const live = pods.filter((p) => p.status?.phase !== 'Failed');
      if (surge) surgeNodes.push(surgeNode(node.metadata.name, shouldRun, live, hash));
      // podsShouldBeOnNode: one Pod a node, the oldest; with surge an old and a new one side by side.
      const excess = surge ? surgePodsToDelete(live, hash, avail) : live.slice(1);
      for (const p of failed) {
        if (deleting) continue;
        changes.push(eventFor(ds, DAEMONSET_CONTROLLER, 'FailedDaemonPod', `Found failed daemon pod ${namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`, 'Warning'));
        del(p);
      }
      if (live.length === 0) {
        if (shouldRun) unavailableNodes++;
        if (!deleting && shouldRun) {
          if (!createChecked) {
            createChecked = true;
            createError = podCreateRefusal(view, daemonPod(ds, node.metadata.name, hash));
            // controller.RealPodControl.createPods: the refusal is recorded on the DaemonSet.
            if (createError !== undefined) changes.push(eventFor(ds, DAEMONSET_CONTROLLER, 'FailedCreate', `Error creating: ${createError}`, 'Warning'));
          }
          if (createError === undefined) changes.push(...createDaemonPod(view, ctx, ds, node.metadata.name, hash, taken));
          else refusedNodes.push(node);
        }
      } else if (!shouldRun) {
        for (const extra of excess) if (!deleting) del(extra);
      } else {
        current++;
        for (const extra of excess) if (!deleting) del(extra);
        const p = live[0];
        if (isPodReady(p)) ready++;
        if (avail(p)) available++; else unavailableNodes++;
        for (const q of surge ? live : [p]) {
          const at = availableAtMs(q, ds.spec.minReadySeconds ?? 0, ctx.nowMs, ctx.config.epochMs);
          if (at !== undefined && (nextMs === undefined || at < nextMs)) nextMs = at;
        }
        if (p.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) updated++;
        else oldPods.push(p);
      }
    } else if (pods.length > 0) {
      misscheduled++;
      if (!deleting) for (const p of pods) del(p);
    }
  }
  // getUnscheduledPodsWithoutNode: unscheduled Pods pinned to a node that no longer exists (PodGC
  // force-deletes the bound ones after its quarantine).
  if (!deleting) {
    for (const [nodeName, pods] of byNode) {
      if (nodeNames.has(nodeName)) continue;
      for (const p of pods) if (!p.spec.nodeName) del(p);
    }
  }
  // updateDaemonSet: a failed manage returns before the rolling update; the status is still written.
  if (!deleting && createError === undefined && ds.spec.updateStrategy?.type === 'RollingUpdate') {
    if (surge) {
      const r = surgeRollingUpdate(surgeNodes, surgeCount(ds, desired), desired, avail);
      for (const p of r.toDelete) del(p);
      for (const nodeName of r.createOn) changes.push(...createDaemonPod(view, ctx, ds, nodeName, hash, taken));
    } else {
      rollingUpdate(ds, oldPods, unavailableNodes, desired, ctx, del);
    }
  }
  // updateDaemonSet: cleanupHistory after the rolling update (not reached when manage failed).
  if (history !== undefined && createError === undefined) changes.push(...cleanupHistory(ds, history.old, claimed.owned));
  // DaemonSetStatus: the first four counts are always serialized, the rest are omitempty.
  const status: DaemonSetStatus = omitZero({
    ...(ds.status ?? {}),
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  }, ['observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable']);
  if (!sameJson(status, ds.status)) changes.push({ verb: 'status', object: { ...ds, status } });
  if (createError !== undefined) {
    const retryMs = exponentialRetryMs(daemonCreatesSinceMs(ds, refusedNodes, ctx), ctx.nowMs);
    return { changes, requeueAfterMs: nextMs === undefined ? retryMs : Math.min(retryMs, nextMs - ctx.nowMs) };
  }
  return nextMs === undefined ? { changes } : { changes, requeueAfterMs: nextMs - ctx.nowMs };
}

/** The daemon Pod for one node: template labels plus revision labels, daemon tolerations, pinned affinity. */
function daemonPod(ds: DaemonSet, nodeName: string, hash: string, podName?: string): Pod {
  const t = ds.spec.template;
  const template = {
    metadata: { ...t.metadata, labels: { ...(t.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash, [POD_TEMPLATE_GENERATION]: String(templateGenerationOf(ds)) } },
    spec: { ...t.spec, tolerations: daemonPodTolerations(t.spec), affinity: pinToNode(t.spec.affinity, nodeName) },
  };
  return podFromTemplate(template, ds, `${ds.metadata.name}-`, ds.metadata.namespace ?? '', podName);
}

function createDaemonPod(view: ClusterView, ctx: ReconcileContext, ds: DaemonSet, nodeName: string, hash: string, taken: Set<string>): Change[] {
  const podName = freshName(view, ctx, 'Pod', ds.metadata.namespace ?? '', `${ds.metadata.name}-`, taken);
  return [
    { verb: 'create', object: daemonPod(ds, nodeName, hash, podName) },
    eventFor(ds, DAEMONSET_CONTROLLER, 'SuccessfulCreate', `Created pod: ${podName}`),
  ];
}

/**
 * update.go rollingUpdate (maxSurge 0): delete old Pods that are not available at once, and
 * available old Pods while fewer than maxUnavailable nodes lack an available Pod.
 */
function rollingUpdate(ds: DaemonSet, oldPods: readonly Pod[], unavailableNodes: number, desired: number, ctx: ReconcileContext, del: (p: Pod) => void): void {
  const raw = getValueFromIntOrPercent(ds.spec.updateStrategy.rollingUpdate?.maxUnavailable ?? 1, desired, true);
  const maxUnavailable = typeof raw === 'number' ? Math.max(raw, 0) : 1;
  let unavailable = unavailableNodes;
  const candidates: Pod[] = [];
  for (const p of oldPods) {
    if (!isPodAvailable(p, ds.spec.minReadySeconds ?? 0, ctx.nowMs, ctx.config.epochMs)) { del(p); continue; }
    candidates.push(p);
  }
  for (const p of candidates) {
    if (unavailable >= maxUnavailable) break;
    del(p);
    unavailable++;
  }
}

function daemonSetsForPod(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  if (controlledByOtherKind(after, before, 'DaemonSet')) return [];
  if (!podChangeMatters(after as Pod | undefined, before as Pod | undefined)) return [];
  return controllersOf(view, after, before, 'DaemonSet');
}

/**
 * addHistory / updateHistory / deleteHistory: a revision's controlling DaemonSet; an orphan's
 * matching DaemonSets (one may adopt it).
 */
function daemonSetsForHistory(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  return controllersOf(view, after, before, 'DaemonSet');
}

/** shouldIgnoreNodeUpdate: only labels, taints, unschedulable, and existence matter to DaemonSets. */
function daemonSetsForNode(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] {
  if (after !== undefined && before !== undefined && sameJson(after.metadata.labels, before.metadata.labels) && sameJson(after.spec, before.spec)) return [];
  return view.list<DaemonSet>('DaemonSet').map(keyFor);
}

export const daemonSetController: Controller = {
  name: DAEMONSET_CONTROLLER,
  reconcile: reconcileDaemonSet,
  watches: {
    DaemonSet: (_v, after, before) => [keyFor((after ?? before)!)],
    Pod: daemonSetsForPod,
    Node: daemonSetsForNode,
    ControllerRevision: daemonSetsForHistory,
  },
};
