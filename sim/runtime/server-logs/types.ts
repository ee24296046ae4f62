import type { AccessEntry } from '../access-log';

// What an image's server writes to its log, computed when the log is read (never stored per Pod):
// the lines it prints when it starts, and one line per request it answered.

export interface ServerLogContext {
  /** The image's tag (`latest` when none). */
  readonly tag: string;
  /** config.epochMs: virtual 0 as wall-clock time. */
  readonly epochMs: number;
  /** When this container instance started (virtual ms). */
  readonly startedMs: number;
  readonly podIP: string;
  /** The container's hostname (the Pod's name, or spec.hostname). */
  readonly hostname: string;
  /** The node's CPU count (nginx's `worker_processes auto`). */
  readonly nodeCpus: number;
  /** The node's kernel release (uname -r), as nodeInfo.kernelVersion reports it. */
  readonly kernel: string;
  /** A literal env value of the container (undefined when unset). */
  readonly env: (name: string) => string | undefined;
  /** The container's command and args (undefined: the image's ENTRYPOINT and CMD). */
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  /**
   * A file of the image as the container sees it: `image` (the image's own, unchanged), `absent`,
   * or a volume's (its text, and whether the process may write it).
   */
  readonly file: (path: string) => ImageFile;
  /** A number fixed for this container instance, for the ids a real process would print (thread ids). */
  readonly instanceSeed: number;
}

export type ImageFile = { readonly from: 'image' } | { readonly from: 'absent' } | { readonly from: 'volume'; readonly text: string; readonly writable: boolean };

export interface ServerLog {
  /** The lines written when the container starts (entrypoint messages, start-up notices). */
  start(ctx: ServerLogContext): readonly string[];
  /** The lines written when the runtime's stop signal (the image's STOPSIGNAL) ends the process at `atMs`. */
  stop?(ctx: ServerLogContext, atMs: number): readonly string[];
  /** The access-log line of one answered request; `n` counts the instance's requests from 1. */
  access(e: AccessEntry, ctx: ServerLogContext, n: number): string | undefined;
}
