import type { Node } from '../api/types';
import { termMatches, type NodeSelectorTerm } from '../scheduler/node-affinity';
import { matchesSelector } from '../store/labels';
import { accessModesText, capacityBytes, claimClass, requestBytes, volumeClass } from './helpers';
import type { AccessMode, PersistentVolume, PersistentVolumeClaim } from './types';

// Which PV a claim binds to: pkg/controller/volume/persistentvolume/index.go findByClaim and
// component-helpers/storage/volume/pv_helpers.go FindMatchingVolume.

/** IsVolumeBoundToClaim: the claimRef names the claim (and its uid, when the claimRef has one). */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef;
  if (ref === undefined || ref === null) return false;
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== (pvc.metadata.namespace ?? 'default')) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** CheckNodeAffinity: a PV without required node affinity fits every node. */
export function volumeFitsNode(pv: PersistentVolume, node: Node): boolean {
  const terms = pv.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (terms === undefined || terms.length === 0) return true;
  return terms.some((t) => termMatches(t as NodeSelectorTerm, node.metadata.labels, node.metadata.name));
}

const containsAll = (have: readonly AccessMode[] | undefined, want: readonly AccessMode[] | undefined): boolean =>
  (want ?? []).every((m) => (have ?? []).includes(m));

/**
 * FindMatchingVolume: a PV pre-bound to the claim wins at once; otherwise the smallest Available
 * PV of the claim's class whose capacity covers the request and whose labels match the claim's
 * selector. With `node` (the scheduler's path) node affinity and access modes are checked too;
 * without it, a claim whose binding waits for a consumer (`delayBinding`) binds only pre-bound PVs.
 *
 * | PVs (capacity, phase)               | claim asks | result |
 * |-------------------------------------|-----------:|--------|
 * | a 5Gi Available, b 2Gi Available    | 1Gi        | b      |
 * | a 5Gi Available, b 2Gi Bound        | 1Gi        | a      |
 * | a 512Mi Available                   | 1Gi        | none   |
 * | a 5Gi pre-bound to the claim, b 2Gi | 1Gi        | a      |
 */
export function findMatchingVolume(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node: Node | undefined, delayBinding: boolean): PersistentVolume | undefined {
  const requested = requestBytes(pvc);
  const requestedClass = claimClass(pvc);
  const claimMode = pvc.spec.volumeMode ?? 'Filesystem';
  let smallest: PersistentVolume | undefined;
  let smallestBytes = Infinity;
  for (const pv of volumes) {
    if (pv.spec.claimRef !== undefined && pv.spec.claimRef !== null && !isVolumeBoundToClaim(pv, pvc)) continue;
    const size = capacityBytes(pv);
    if (size < requested) continue;
    if ((pv.spec.volumeMode ?? 'Filesystem') !== claimMode) continue; // CheckVolumeModeMismatches
    if (pv.metadata.deletionTimestamp !== undefined) continue;
    const fitsNode = node === undefined || volumeFitsNode(pv, node);
    if (isVolumeBoundToClaim(pv, pvc)) return fitsNode ? pv : undefined;
    if (node === undefined && delayBinding) continue;
    if (pv.status?.phase !== 'Available') continue;
    if (pvc.spec.selector !== undefined && !matchesSelector(pv.metadata.labels, pvc.spec.selector)) continue;
    if (volumeClass(pv) !== requestedClass) continue;
    if (!fitsNode) continue;
    if (node !== undefined && !containsAll(pv.spec.accessModes, pvc.spec.accessModes)) continue;
    if (smallest === undefined || smallestBytes > size) { smallest = pv; smallestBytes = size; }
  }
  return smallest;
}

/**
 * findByClaim: PVs grouped by their access-mode set; the groups that contain every requested mode
 * are searched fewest modes first, and the first group with a match wins (so an RWO claim takes
 * an [RWO] PV of 100Gi over an [RWO,ROX] PV of 10Gi).
 */
export function findByClaim(pvc: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean): PersistentVolume | undefined {
  const groups = new Map<string, { modes: readonly AccessMode[]; pvs: PersistentVolume[] }>();
  for (const pv of volumes) {
    const key = accessModesText(pv.spec.accessModes);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { modes: pv.spec.accessModes ?? [], pvs: [] }));
    g.pvs.push(pv);
  }
  const candidates = [...groups.entries()]
    .filter(([, g]) => containsAll(g.modes, pvc.spec.accessModes))
    // allPossibleMatchingAccessModes: fewest modes first (ties in key order, for a repeatable choice).
    .sort(([ka, a], [kb, b]) => new Set(a.modes).size - new Set(b.modes).size || (ka < kb ? -1 : ka > kb ? 1 : 0));
  for (const [, g] of candidates) {
    const best = findMatchingVolume(pvc, g.pvs, undefined, delayBinding);
    if (best !== undefined) return best;
  }
  return undefined;
}
