import type { Cluster } from '../engine/types';
import type { FlagSpec, ParsedArgs } from './flags';
import type { Kubeconfig } from './commands/kubeconfig';
import type { UserInfo } from '../auth/user-info';

// The shape every kubectl command shares: what it gets (the cluster, parsed flags, a file reader)
// and what it returns (the next cluster, stdout, stderr, exit code).

export interface KubectlIo {
  /** Reads a file named by -f; undefined when it does not exist. The caller does the I/O. */
  readFile(path: string): string | undefined;
  /** The regular files directly in a directory, sorted (os.ReadDir); undefined when `path` is not a directory. */
  listDir?(path: string): readonly string[] | undefined;
  /**
   * The shell session's kubeconfig once a `kubectl config set-*` / `delete-*` rewrote it (the caller
   * keeps KubectlResult.kubeconfig and hands it back); undefined: kubeadm's admin.conf as written.
   */
  kubeconfig?(): Kubeconfig | undefined;
}

export interface KubectlResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** kubectl run -i attached to a running container: what the reader of stdin types goes there. */
  readonly attach?: Attachment;
  /** Both streams in the order kubectl wrote them, when that is not all of stdout before stderr. */
  readonly written?: readonly Written[];
  /** The kubeconfig a `kubectl config` command wrote: the caller keeps it for the next commands (KubectlIo.kubeconfig). */
  readonly kubeconfig?: Kubeconfig;
  /** Local files a command wrote (kubectl cp POD:PATH LOCAL): the caller keeps them where io.readFile finds them. */
  readonly writes?: readonly LocalWrite[];
}

/** One local file kubectl wrote: its path as kubectl named it, and its content. */
export interface LocalWrite {
  readonly path: string;
  readonly data: string;
}

/** One write to stdout or stderr: a terminal shows them in the order they happened. */
export interface Written {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** A result's writes in order: `written`, else stdout then stderr. */
export function writesOf(r: Pick<KubectlResult, 'stdout' | 'stderr' | 'written'>): readonly Written[] {
  return r.written ?? [{ stream: 'stdout', text: r.stdout }, { stream: 'stderr', text: r.stderr }];
}

/** The writes to keep on a result: undefined when stdout-then-stderr already says their order. */
export function orderOf(writes: readonly Written[]): readonly Written[] | undefined {
  let sawStderr = false;
  for (const w of writes) {
    if (w.text === '') continue;
    if (w.stream === 'stderr') sawStderr = true;
    else if (sawStderr) return writes.filter((x) => x.text !== '');
  }
  return undefined;
}

/**
 * A session kubectl left open on a container's shell (sim/kubectl/commands/run-attach.ts): `attach`
 * (kubectl run -i, kubectl attach -i) types into the main process's stdin; `exec` (kubectl exec -it
 * POD -- sh) into a shell of its own, which ends without touching the container.
 */
export interface Attachment {
  readonly mode: 'attach' | 'exec';
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  /** kubectl run --rm. */
  readonly remove: boolean;
  readonly restartPolicy: string;
  readonly quiet: boolean;
  /** stdinOnce: ending the session closes the container's stdin (its shell exits). */
  readonly stdinOnce: boolean;
  /** kubectl run with --restart=Never/OnFailure waits for the Pod to finish and returns its exit code. */
  readonly waitForExit: boolean;
  /** kubectl debug's ephemeral container: the session ends with attach.go reattachMessage's ephemeral wording. */
  readonly ephemeral?: boolean;
}

export interface CommandContext {
  readonly cluster: Cluster;
  readonly args: ParsedArgs;
  readonly io: KubectlIo;
  /** `kubectl get`, `kubectl create deployment`: for messages and --record. */
  readonly path: string;
  readonly namespace: string;
  /** -n was given (a manifest naming another namespace is then an error). */
  readonly namespaceExplicit: boolean;
  /** The kubeconfig this command reads (the session's, else kubeadm's admin.conf). */
  readonly kubeconfig: Kubeconfig;
  /** Absolute Unix milliseconds of the cluster's current virtual time. */
  readonly nowMs: number;
  /** `kubectl version` only: the server could not be reached (it prints the client's lines, then this error). */
  readonly serverUnreachable?: string;
  /** Who the requests come from: the kubeadm admin, or the user --as / --as-group name (sim/kubectl/impersonation.ts). */
  readonly user?: UserInfo;
}

export interface Command {
  readonly name: string;
  readonly short: string;
  readonly flags: readonly FlagSpec[];
  readonly run: (ctx: CommandContext) => KubectlResult;
  /** `create deployment`, `rollout status`...: chosen by the first positional word. */
  readonly subcommands?: Readonly<Record<string, Command>>;
  /** cobra's SetFlagErrorFunc: the result of a flag that does not parse (default: cobra's message, exit 1). */
  readonly flagError?: (cluster: Cluster, path: string, message: string) => KubectlResult;
}

/** Accumulates output, then builds the result. */
/** A result from writes in the order they happened. */
export function resultOf(cluster: Cluster, writes: readonly Written[], exitCode: number): KubectlResult {
  let stdout = '', stderr = '';
  for (const w of writes) if (w.stream === 'stdout') stdout += w.text; else stderr += w.text;
  const written = orderOf(writes);
  return written === undefined ? { cluster, stdout, stderr, exitCode } : { cluster, stdout, stderr, exitCode, written };
}

export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;
  private readonly writes: Written[] = [];
  out(line: string): void { this.write('stdout', line.endsWith('\n') ? line : `${line}\n`); }
  err(line: string): void { this.write('stderr', line.endsWith('\n') ? line : `${line}\n`); }
  fail(line: string, code = 1): void { this.err(line); this.exitCode = code; }
  result(cluster: Cluster): KubectlResult { return resultOf(cluster, this.writes, this.exitCode); }

  /** Appends text as it is (no newline added). */
  write(stream: Written['stream'], text: string): void {
    if (stream === 'stdout') this.stdout += text; else this.stderr += text;
    this.writes.push({ stream, text });
  }
}

export function failure(cluster: Cluster, message: string, exitCode = 1): KubectlResult {
  return { cluster, stdout: '', stderr: message.endsWith('\n') ? message : `${message}\n`, exitCode };
}

// Flags several commands share, spelled as kubectl spells them.
export const F = {
  filename: { name: 'filename', short: 'f', kind: 'stringArray' },
  selector: { name: 'selector', short: 'l', kind: 'string' },
  output: { name: 'output', short: 'o', kind: 'string' },
  allNamespaces: { name: 'all-namespaces', short: 'A', kind: 'bool' },
  all: { name: 'all', kind: 'bool' },
  dryRun: { name: 'dry-run', kind: 'string', default: 'none', noOptDefVal: 'unchanged' },
  record: { name: 'record', kind: 'bool' },
  recursive: { name: 'recursive', short: 'R', kind: 'bool' },
  container: { name: 'container', short: 'c', kind: 'string' },
} as const satisfies Record<string, FlagSpec>;
