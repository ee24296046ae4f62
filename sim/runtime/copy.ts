import type { Cluster } from '../engine/types';
import { normalizePath, type Vfs } from './fs';
import { commitFiles, executableNotFound, openContainer, type ExecResult } from './exec';
import { tarOf, type TarFlavour } from './image-tools';

// The container's half of kubectl cp: `tar cf - PATH` (copy from a Pod) and `tar -xmf - -C DIR`
// (copy into one), run against the container's file system with the messages GNU tar or busybox's
// tar print. Archives are lists of members (a directory's data is null), not bytes.

export interface TarMember {
  /** The member's name in the archive: relative, a directory's ending in '/'. */
  readonly name: string;
  /** The file's content; null for a directory. */
  readonly data: string | null;
}

export interface TarCreated {
  readonly cluster: Cluster;
  readonly members: readonly TarMember[];
  /** What tar wrote to its stderr (kubectl cp copies it to its own stdout). */
  readonly tarStderr: string;
  /** kubectl's "Defaulted container" note. */
  readonly note: string;
  /** The exec did not run tar (no such Pod, container not running, no tar in the image): kubectl's error. */
  readonly failed?: ExecResult;
}

/** `tar cf - PATH` in the container: the archive and tar's messages (tar_create in GNU tar, busybox's writeTarFile). */
export function tarCreate(cluster: Cluster, namespace: string, pod: string, container: string | undefined, path: string): TarCreated {
  const opened = openContainer(cluster, namespace, pod, container);
  if ('exitCode' in opened) return { cluster, members: [], tarStderr: '', note: '', failed: opened };
  const { spec, vfs, note } = opened;
  const flavour = tarOf(spec.image ?? '');
  if (flavour === undefined) return { cluster, members: [], tarStderr: '', note, failed: { cluster, stdout: executableNotFound('tar'), stderr: 'command terminated with exit code 126\n', exitCode: 126 } };
  const abs = normalizePath(path);
  const stripped = path.replace(/^\/+/, '');
  const removing = path.startsWith('/') ? leadingSlashWarning(flavour) : '';
  if (vfs.stat(abs) === undefined) {
    // GNU tar warns about the name before it stats the file; busybox only once it writes a member.
    const lines = flavour === 'gnu'
      ? `${removing}tar: ${path}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`
      : `tar: ${path}: No such file or directory\ntar: error exit delayed from previous errors\n`;
    return { cluster, members: [], tarStderr: lines, note };
  }
  return { cluster, members: membersOf(vfs, abs, stripped.replace(/\/+$/, '')), tarStderr: removing, note };
}

function leadingSlashWarning(flavour: TarFlavour): string {
  return flavour === 'gnu' ? "tar: Removing leading `/' from member names\n" : "tar: removing leading '/' from member names\n";
}

/** A file, or a directory and everything below it, depth first in name order. */
function membersOf(vfs: Vfs, abs: string, name: string): TarMember[] {
  if (vfs.stat(abs) === 'file') return [{ name, data: vfs.read(abs) ?? '' }];
  const out: TarMember[] = [{ name: `${name}/`, data: null }];
  for (const child of vfs.list(abs)) out.push(...membersOf(vfs, abs === '/' ? `/${child}` : `${abs}/${child}`, name === '' ? child : `${name}/${child}`));
  return out;
}

/** `test -d PATH` in the container (kubectl cp's checkDestinationIsDir); false when the exec fails. */
export function isDirectoryIn(cluster: Cluster, namespace: string, pod: string, container: string | undefined, path: string): boolean {
  const opened = openContainer(cluster, namespace, pod, container);
  return !('exitCode' in opened) && opened.vfs.stat(normalizePath(path)) === 'dir';
}

/**
 * `tar -xmf - -C DIR` in the container with kubectl's archive: the members land under DIR (GNU
 * tar's extract_archive, busybox's data_extract_all). stderr holds tar's messages, then kubectl's
 * `command terminated with exit code N` when tar failed.
 */
export function tarExtract(cluster: Cluster, namespace: string, pod: string, container: string | undefined, dir: string, members: readonly TarMember[]): ExecResult {
  const opened = openContainer(cluster, namespace, pod, container);
  if ('exitCode' in opened) return opened;
  const { spec, vfs, note, rt, crt } = opened;
  const flavour = tarOf(spec.image ?? '');
  const fail = (lines: string, code: number): ExecResult => ({ cluster, stdout: '', stderr: `${note}${lines}command terminated with exit code ${code}\n`, exitCode: code });
  if (flavour === undefined) return { cluster, stdout: executableNotFound('tar'), stderr: `${note}command terminated with exit code 126\n`, exitCode: 126 };
  const target = normalizePath(dir);
  const kind = vfs.stat(target);
  if (kind !== 'dir') {
    const why = kind === undefined ? 'No such file or directory' : 'Not a directory';
    return flavour === 'gnu'
      ? fail(`tar: ${dir}: Cannot open: ${why}\ntar: Error is not recoverable: exiting now\n`, 2)
      : fail(`tar: can't change directory to '${dir}': ${why}\n`, 1);
  }
  let errors = '';
  for (const m of members) {
    const path = normalizePath(m.name, target);
    if (vfs.isReadOnly(path)) {
      const name = m.name.replace(/\/$/, '');
      // GNU tar goes on to the next member; busybox's xopen dies at the first.
      errors += flavour === 'gnu' ? `tar: ${name}: Cannot open: Read-only file system\n` : `tar: can't open '${name}': Read-only file system\n`;
      if (flavour === 'busybox') break;
      continue;
    }
    if (m.data === null) vfs.mkdir(path);
    else vfs.write(path, m.data, false);
  }
  const next = commitFiles(cluster, rt, crt, vfs);
  if (errors === '') return { cluster: next, stdout: '', stderr: note, exitCode: 0 };
  const code = flavour === 'gnu' ? 2 : 1;
  const tail = flavour === 'gnu' ? 'tar: Exiting with failure status due to previous errors\n' : '';
  return { cluster: next, stdout: '', stderr: `${note}${errors}${tail}command terminated with exit code ${code}\n`, exitCode: code };
}
