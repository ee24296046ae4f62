import type { Cluster, ClusterView } from '../engine/types';
import { submit } from '../engine/loop';
import { CONTROLLERS } from '../cluster/controllers';
import { normalizePath, type Tree } from '../runtime/fs';
import { emptyStorageRow, type StorageRow } from './data';

// Files of the storage outside the Pods, as an admin on that host would see them: a node's
// directories (hostPath) and an NFS server's exports. For steps ("the NFS server has the file ...")
// and the shell.

/** The `nodes` table row that stands for an NFS server (see data.ts). */
export const nfsServerRow = (server: string): string => `nfs:${server}`;

/** A file's content, null for a directory, undefined when absent (a directory may be implicit). */
export function storedFile(view: ClusterView, row: string, path: string): string | null | undefined {
  const files = view.table('nodes').get(row)?.hostFiles as Tree | undefined;
  if (files === undefined) return undefined;
  const p = normalizePath(path);
  const v = files.get(p);
  if (v !== undefined) return v;
  for (const k of files.keys()) if (k.startsWith(`${p}/`)) return null;
  return undefined;
}

/** Writes a file on a storage host (the admin's `echo ... > file` there), outside any Pod. */
export function putStoredFile(cluster: Cluster, row: string, path: string, content: string): Cluster {
  const current = (cluster.tables.nodes.get(row) as StorageRow | undefined) ?? emptyStorageRow(cluster.nowMs);
  const hostFiles = new Map(current.hostFiles ?? []);
  hostFiles.set(normalizePath(path), content);
  return submit(cluster, [{ verb: 'runtime', table: 'nodes', key: row, value: { ...current, hostFiles } }], CONTROLLERS, 'storage admin').cluster;
}
