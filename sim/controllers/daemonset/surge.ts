import type { DaemonSet, Pod } from '../../api/types';
import { getValueFromIntOrPercent } from '../deployment/util/deployment-util';
import { isPodReady } from '../util/pod';

// pkg/controller/daemon: a DaemonSet whose rolling update allows maxSurge > 0 runs a new Pod beside
// the old one on a node, and deletes the old one once the new one is available
// (daemon_controller.go podsShouldBeOnNode, update.go rollingUpdate's surge branch).

/** util.SurgeCount: maxSurge of the desired count, percentages rounded up; 0 when not RollingUpdate. */
export function surgeCount(ds: DaemonSet, desired: number): number {
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') return 0;
  const v = getValueFromIntOrPercent(ds.spec.updateStrategy.rollingUpdate?.maxSurge ?? 0, desired, true);
  return typeof v === 'number' ? Math.max(v, 0) : 0;
}

/** util.AllowsSurge: a RollingUpdate with a non-zero maxSurge. */
export function allowsSurge(ds: DaemonSet): boolean {
  return surgeCount(ds, 1) > 0;
}

/**
 * podsShouldBeOnNode with surge: of a node's running Pods (oldest first) the oldest of the current
 * hash and the oldest of another stay, the rest go; the old one goes too once it is not ready or
 * the new one is available.
 */
export function surgePodsToDelete(live: readonly Pod[], hash: string, newIsAvailable: (p: Pod) => boolean): Pod[] {
  const out: Pod[] = [];
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const p of live) {
    if (p.metadata.labels?.['controller-revision-hash'] === hash) {
      if (oldestNew === undefined) { oldestNew = p; continue; }
    } else if (oldestOld === undefined) { oldestOld = p; continue; }
    out.push(p);
  }
  if (oldestNew !== undefined && oldestOld !== undefined && (!isPodReady(oldestOld) || newIsAvailable(oldestNew))) out.push(oldestOld);
  return out;
}

/** A node as the surge branch of rollingUpdate sees it. */
export interface SurgeNode {
  readonly nodeName: string;
  readonly shouldRun: boolean;
  /** findUpdatedPodsOnNode: false when the node has more than one new or more than one old Pod. */
  readonly ok: boolean;
  readonly newPod?: Pod;
  readonly oldPod?: Pod;
}

/** findUpdatedPodsOnNode over a node's Pods that are not being deleted. */
export function surgeNode(nodeName: string, shouldRun: boolean, live: readonly Pod[], hash: string): SurgeNode {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of live) {
    if (p.metadata.labels?.['controller-revision-hash'] === hash) {
      if (newPod !== undefined) return { nodeName, shouldRun, ok: false };
      newPod = p;
    } else {
      if (oldPod !== undefined) return { nodeName, shouldRun, ok: false };
      oldPod = p;
    }
  }
  return { nodeName, shouldRun, ok: true, newPod, oldPod };
}

/**
 * rollingUpdate when surging: an old Pod that is not available gets its replacement at once; an
 * available one gets one while fewer than maxSurge new Pods are not yet available; an old Pod goes
 * once the new one on its node is available. Old Pods on nodes the DaemonSet no longer wants go
 * only as far as Pods elsewhere are available beyond the desired count.
 */
export function surgeRollingUpdate(nodes: readonly SurgeNode[], maxSurge: number, desired: number, available: (p: Pod) => boolean): { toDelete: Pod[]; createOn: string[] } {
  const toDelete: Pod[] = [];
  const shouldNotRun: Pod[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const n of nodes) {
    if (!n.ok) { numSurge++; continue; }
    if (n.oldPod !== undefined) { if (available(n.oldPod)) numAvailable++; }
    else if (n.newPod !== undefined && available(n.newPod)) numAvailable++;
    if (n.oldPod === undefined) continue;
    if (n.newPod === undefined) {
      if (!available(n.oldPod)) {
        if (!n.shouldRun) { toDelete.push(n.oldPod); continue; }
        allowed.push(n.nodeName);
      } else {
        if (!n.shouldRun) { shouldNotRun.push(n.oldPod); continue; }
        if (numSurge >= maxSurge) continue;
        candidates.push(n.nodeName);
      }
    } else {
      if (!available(n.newPod)) { numSurge++; continue; }
      toDelete.push(n.oldPod);
    }
  }
  const deletable = Math.min(numAvailable - desired, shouldNotRun.length);
  if (deletable > 0) toDelete.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(maxSurge - numSurge, 0), candidates.length);
  return { toDelete, createOn: [...allowed, ...candidates.slice(0, remaining)] };
}
