import type { Pod, Volume } from '../api/types';
import type { Change, ClusterView, Controller, NodeRuntime, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { isPodRt } from '../kubelet/types';
import { normalizePath, type Tree } from '../runtime/fs';
import type { VolumeProjection } from '../runtime/env-hooks';
import type { PersistentVolume, PersistentVolumeClaim, PersistentVolumeSpec } from './types';

// Where the files of a persistent volume live, outside any Pod. No real storage exists, so each
// backend is a file tree in a row of the `nodes` runtime table (the table whose hostFiles already
// hold hostPath files):
//   hostPath / local PV   the node's own row, at the PV's path (node-local, as on a real host)
//   nfs                   a row "nfs:<server>" standing for the NFS server, at the export path
//   csi                   a row "csi:<driver>" standing for the storage system, at /<volumeHandle>
//   any other source      a row "pv:<name>"
// A Pod's PVC (or inline nfs) volume starts from those files when the kubelet sets up the sandbox
// (pvcVolumeProjection, the kubelet's projectVolume hook), and what the Pod writes there is copied back
// by the volume-data controller below whenever the Pod's tree changes, so a later Pod sees it.
// Two Pods writing one volume at the same time do not see each other's files; the last write wins.

export interface Backing {
  /** Key of the `nodes` table row that holds the files. */
  readonly row: string;
  /** Directory inside that row's hostFiles. */
  readonly path: string;
}

/** A storage row: hostFiles plus, per Pod volume, the tree last copied from it. */
export type StorageRow = NodeRuntime & { readonly volumeSync?: ReadonlyMap<string, Tree> };

const EMPTY_IMAGES: ReadonlySet<string> = new Set();

export function emptyStorageRow(nowMs: number): StorageRow {
  return { alive: true, lastHeartbeatMs: nowMs, images: EMPTY_IMAGES };
}

/** The backing of a PV's (or an inline volume's) source; node-local sources need the Pod's node. */
export function sourceBacking(spec: PersistentVolumeSpec | Volume, nodeName: string | undefined, pvName?: string): Backing | undefined {
  const s = spec as PersistentVolumeSpec;
  if (s.nfs !== undefined && s.nfs !== null) return { row: `nfs:${s.nfs.server}`, path: normalizePath(s.nfs.path) };
  if (s.hostPath !== undefined && s.hostPath !== null) return nodeName === undefined ? undefined : { row: nodeName, path: normalizePath(s.hostPath.path) };
  if (s.local !== undefined && s.local !== null) return nodeName === undefined ? undefined : { row: nodeName, path: normalizePath(s.local.path) };
  if (s.csi !== undefined && s.csi !== null) return { row: `csi:${s.csi.driver}`, path: normalizePath(`/${s.csi.volumeHandle}`) };
  return pvName === undefined ? undefined : { row: `pv:${pvName}`, path: '/' };
}

/** The PV a Pod's persistentVolumeClaim volume is bound to, if the claim is bound. */
export function boundVolumeOf(view: ClusterView, pod: Pod, volume: Volume): PersistentVolume | undefined {
  const src = volume.persistentVolumeClaim as { claimName?: string } | undefined;
  if (src?.claimName === undefined) return undefined;
  const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', pod.metadata.namespace ?? 'default', src.claimName);
  if (pvc?.spec.volumeName === undefined || pvc.spec.volumeName === '') return undefined;
  return view.get<PersistentVolume>('PersistentVolume', '', pvc.spec.volumeName);
}

/** Where a Pod volume's files live: a bound PVC's PV, or an inline nfs volume. Undefined for other volumes. */
export function volumeBacking(view: ClusterView, pod: Pod, volume: Volume, nodeName = pod.spec.nodeName): Backing | undefined {
  if (volume.persistentVolumeClaim !== undefined) {
    const pv = boundVolumeOf(view, pod, volume);
    return pv === undefined ? undefined : sourceBacking(pv.spec, nodeName, pv.metadata.name);
  }
  if (volume.nfs !== undefined) return sourceBacking(volume, nodeName);
  return undefined;
}

/** The files under `dir`, relative to it ("/hello"); directories as null. */
export function subtree(files: ReadonlyMap<string, string | null> | undefined, dir: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (files === undefined) return out;
  const prefix = dir === '/' ? '/' : `${dir}/`;
  for (const [p, v] of files) if (p.startsWith(prefix)) out.set(normalizePath(p.slice(prefix.length - 1)), v);
  return out;
}

/** `files` with everything under `dir` replaced by `tree` (paths relative to dir). */
export function replaceSubtree(files: ReadonlyMap<string, string | null> | undefined, dir: string, tree: Tree): Map<string, string | null> {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  const out = new Map<string, string | null>();
  for (const [p, v] of files ?? []) if (!p.startsWith(prefix)) out.set(p, v);
  if (dir !== '/' && !out.has(dir)) out.set(dir, null);
  for (const [p, v] of tree) out.set(normalizePath(`${dir}/${p}`), v);
  return out;
}

export function sameTree(a: ReadonlyMap<string, string | null>, b: ReadonlyMap<string, string | null>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || b.get(k) !== v) return false;
  return true;
}

/**
 * MountVolume.SetUp of a PVC or inline nfs volume, for the kubelet's projectVolume hook: the files
 * the volume holds now; an error while the claim is missing or not bound (the volume manager's
 * desired_state_of_world_populator refuses it and retries); undefined for other volumes.
 */
export function pvcVolumeProjection(view: ClusterView, pod: Pod, volume: Volume): VolumeProjection | undefined {
  const src = volume.persistentVolumeClaim as { claimName?: string } | undefined;
  if (src === undefined && volume.nfs === undefined) return undefined;
  if (src !== undefined) {
    const ns = pod.metadata.namespace ?? 'default';
    const pvc = view.get<PersistentVolumeClaim>('PersistentVolumeClaim', ns, src.claimName ?? '');
    if (pvc === undefined) return { error: `failed to fetch PVC from API server: persistentvolumeclaims "${src.claimName ?? ''}" not found` };
    if (pvc.status?.phase !== 'Bound' || !pvc.spec.volumeName) {
      return { error: `PVC ${ns}/${pvc.metadata.name} has non-bound phase ("${pvc.status?.phase ?? ''}") or empty pvc.Spec.VolumeName ("${pvc.spec.volumeName ?? ''}")` };
    }
  }
  const b = volumeBacking(view, pod, volume);
  const files: Record<string, string> = {};
  if (b !== undefined) {
    for (const [p, v] of subtree(view.table('nodes').get(b.row)?.hostFiles as Tree | undefined, b.path)) if (v !== null) files[p] = v;
  }
  return { files };
}

/** A row's hostFiles with `dir` replaced by `tree`, as a runtime change (creating the row for an NFS server). */
export function writeBacking(view: ClusterView, b: Backing, tree: Tree, extra?: Partial<StorageRow>): Change {
  const row = (view.table('nodes').get(b.row) as StorageRow | undefined) ?? emptyStorageRow(view.nowMs);
  return { verb: 'runtime', table: 'nodes', key: b.row, value: { ...row, ...extra, hostFiles: replaceSubtree(row.hostFiles, b.path, tree) } };
}

export const VOLUME_DATA = 'volume-data';

/** Copies a Pod's PV-backed volume trees to their backing when the Pod changed them (key: the Pod's uid). */
export function reconcileVolumeData(view: ClusterView, uid: string): ReconcileResult {
  const row = view.table('pods').get(uid);
  if (!isPodRt(row)) return NO_CHANGES;
  const slash = row.ref.indexOf('/');
  const pod = view.get<Pod>('Pod', row.ref.slice(0, slash), row.ref.slice(slash + 1));
  if (pod === undefined || pod.metadata.uid !== uid) return NO_CHANGES;
  const rows = new Map<string, StorageRow>();
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim === undefined && v.nfs === undefined) continue;
    const tree = row.volumes[v.name];
    const b = tree === undefined ? undefined : volumeBacking(view, pod, v, row.node);
    if (tree === undefined || b === undefined) continue;
    const cur = rows.get(b.row) ?? (view.table('nodes').get(b.row) as StorageRow | undefined) ?? emptyStorageRow(view.nowMs);
    const memo = `${uid}/${v.name}`;
    if (cur.volumeSync?.get(memo) === tree) continue;
    const files = sameTree(subtree(cur.hostFiles, b.path), tree) ? cur.hostFiles : replaceSubtree(cur.hostFiles, b.path, tree);
    rows.set(b.row, { ...cur, hostFiles: files as ReadonlyMap<string, string>, volumeSync: new Map([...(cur.volumeSync ?? []), [memo, tree]]) });
  }
  if (rows.size === 0) return NO_CHANGES;
  return { changes: [...rows].map(([key, value]) => ({ verb: 'runtime', table: 'nodes', key, value }) as Change) };
}

/** Only a row whose volume trees changed can have data to copy (the kubelet rewrites its row at every sync). */
function volumesChanged(_table: string, after: unknown, before: unknown): boolean {
  // A Pod without PVC or nfs volumes has nothing to copy back (reconcileVolumeData skips every other volume).
  if (!isPodRt(after) || !after.backed) return false;
  if (!isPodRt(before)) return true;
  const a = after.volumes;
  const b = before.volumes;
  if (a === b) return false;
  let n = 0;
  for (const name in a) {
    if (a[name] !== b[name]) return true;
    n++;
  }
  return n !== Object.keys(b).length;
}

export const volumeDataController: Controller = {
  name: VOLUME_DATA,
  reconcile: (view, key) => reconcileVolumeData(view, key),
  watches: {},
  watchesTables: ['pods'],
  rowMatters: volumesChanged,
};
