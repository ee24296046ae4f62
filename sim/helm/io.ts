// What Helm reads and writes on the client side. The caller does the I/O: scenarios pass their
// virtual files, the shell its working directory. Helm writes (create, package, repo index) come
// back as `writes` for the caller to keep.

import type { Kubeconfig } from '../kubectl/commands/kubeconfig';

export interface HelmIo {
  /** A file's text; undefined when it does not exist (or is a directory). */
  readFile(path: string): string | undefined;
  /** The files under a directory, as paths relative to it (recursive); undefined when not a directory. */
  listDir(path: string): string[] | undefined;
  /** The session's kubeconfig (sim/kubectl's KubectlIo.kubeconfig); undefined: kubeadm's admin.conf. */
  kubeconfig?(): Kubeconfig | undefined;
}

export interface HelmWrite {
  readonly path: string;
  readonly data: string;
}
