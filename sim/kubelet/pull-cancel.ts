import type { Pod } from '../api/types';
import type { Change, ClusterView, NodeRuntime } from '../engine/types';
import { behaviourOf } from '../runtime/image-behaviours';
import { replanPulls, type PendingPull, type PullRequest } from './image-puller';
import { pullRequestOf } from './pull-request';
import type { KubeletNodeFields } from './sync';
import { isPodRt, type ContainerRt, type PodRt } from './types';

// A Pod deleted while one of its images is being pulled, or waits to be: pod_workers.go UpdatePod
// cancels the sync's context once the Pod is terminating, and the node's serial puller returns
// that request at once when it gets to it (image-puller.ts replanPulls). The Pod's worker stays
// blocked in EnsureImageExists until then; the requests queued behind it start sooner. Only at a
// deletion, and only over the node's Pods (at most 110): the common path keeps its O(1) queue.

/** Whether the terminating Pod's row has a pull request out that its cancelled context has not yet cut short. */
export function hasPullToCancel(rt: PodRt, nowMs: number): boolean {
  for (const c of rt.containers) if (c.phase === 'pulling' && c.pullCancelled !== true && c.dueMs! > nowMs) return true;
  return false;
}

interface Slot { readonly pod: Pod | undefined; readonly row: PodRt; readonly index: number }

const GONE: PullRequest = { canonical: '', present: false, succeeds: false, fetchMs: 0, presentMs: 0 };

/**
 * The node's queue replanned at nowMs with every terminating Pod's request cancelled: the deleted
 * Pod's new row and node row (for its own sync to go on from), and the other Pods' rows whose
 * requests moved, each with a wake-up at its new end.
 */
export function cancelPulls(view: ClusterView, rt: PodRt, nodeRow: NodeRuntime & KubeletNodeFields, nowMs: number): { rt: PodRt; nodeRow: NodeRuntime & KubeletNodeFields; changes: Change[] } {
  const images = view.table('images');
  const pending: PendingPull[] = [];
  const slots: Slot[] = [];
  const present = new Set(nodeRow.images);
  const waiting: { slot: Slot; image: string | undefined; c: ContainerRt }[] = [];
  let ownSeen = false;
  for (const p of view.podsOnNode(rt.node)) {
    if (p.metadata.uid === rt.uid) ownSeen = true;
    const value = p.metadata.uid === rt.uid ? rt : view.table('pods').get(p.metadata.uid);
    if (!isPodRt(value)) continue;
    const specs = value.containers.length > 0 && value.containers[0].init ? [...(p.spec.initContainers ?? []), ...p.spec.containers] : p.spec.containers;
    value.containers.forEach((c, index) => {
      if (c.phase !== 'pulling' || specs[index] === undefined) return;
      const image = specs[index].image;
      // A request returned by now: a successful one's image is on the node (its Pod may sync after this one at this instant).
      if (c.dueMs! <= nowMs) {
        const req = pullRequestOf(image, behaviourOf(images, image), present);
        if (c.pullCancelled !== true && req.succeeds) present.add(req.canonical);
        return;
      }
      waiting.push({ slot: { pod: p, row: value, index }, image, c });
    });
  }
  // A Pod already removed (deleted with grace 0): its requests are cancelled; what they pull no longer matters.
  if (!ownSeen) rt.containers.forEach((c, index) => { if (c.phase === 'pulling' && c.dueMs! > nowMs) waiting.push({ slot: { pod: undefined, row: rt, index }, image: undefined, c }); });
  for (const { slot, image, c } of waiting) {
    slots.push(slot);
    const req = image === undefined ? GONE : pullRequestOf(image, behaviourOf(images, image), present);
    pending.push({ req, startMs: c.pullDequeuedMs ?? c.pullStartMs!, dueMs: c.dueMs!, cancelled: slot.pod === undefined || slot.pod.metadata.deletionTimestamp !== undefined });
  }
  const { pulls, queue } = replanPulls(pending, nowMs);
  const rows = new Map<string, { pod: Pod | undefined; row: PodRt; containers: ContainerRt[] }>();
  pulls.forEach((q, i) => {
    const { pod: p, row, index } = slots[i];
    const c = row.containers[index];
    const cancelled = pending[i].cancelled;
    if (q.startMs === (c.pullDequeuedMs ?? c.pullStartMs) && q.dueMs === c.dueMs && cancelled === (c.pullCancelled === true)) return;
    let entry = rows.get(row.uid);
    if (entry === undefined) rows.set(row.uid, (entry = { pod: p, row, containers: row.containers.slice() }));
    entry.containers[index] = { ...c, dueMs: q.dueMs, pullDequeuedMs: q.startMs, ...(cancelled ? { pullCancelled: true } : {}) };
  });
  let own = rt;
  const changes: Change[] = [];
  for (const { pod: p, row, containers } of rows.values()) {
    let wakeMs = row.wakeMs ?? Infinity;
    for (const c of containers) if (c.phase === 'pulling') wakeMs = Math.min(wakeMs, c.dueMs!);
    const next: PodRt = { ...row, containers, wakeMs };
    if (row.uid === rt.uid || p === undefined) { own = next; continue; }
    changes.push({ verb: 'runtime', table: 'pods', key: row.uid, value: next });
    changes.push({ verb: 'enqueue', controller: 'kubelet', key: `Pod/${p.metadata.namespace ?? 'default'}/${p.metadata.name}`, afterMs: Math.max(0, wakeMs - nowMs) });
  }
  return { rt: own, nodeRow: { ...nodeRow, pullQueue: queue }, changes };
}
