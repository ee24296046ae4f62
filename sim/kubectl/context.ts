import type { Cluster } from '../engine/types';
import type { FlagSpec, ParsedArgs } from './flags';

// The shape every kubectl command shares: what it gets (the cluster, parsed flags, a file reader)
// and what it returns (the next cluster, stdout, stderr, exit code).

export interface KubectlIo {
  /** Reads a file named by -f; undefined when it does not exist. The caller does the I/O. */
  readFile(path: string): string | undefined;
  /** The regular files directly in a directory, sorted (os.ReadDir); undefined when `path` is not a directory. */
  listDir?(path: string): readonly string[] | undefined;
}

export interface KubectlResult {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** kubectl run -i attached to a running container: what the reader of stdin types goes there. */
  readonly attach?: Attachment;
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
  /** Absolute Unix milliseconds of the cluster's current virtual time. */
  readonly nowMs: number;
}

export interface Command {
  readonly name: string;
  readonly short: string;
  readonly flags: readonly FlagSpec[];
  readonly run: (ctx: CommandContext) => KubectlResult;
  /** `create deployment`, `rollout status`...: chosen by the first positional word. */
  readonly subcommands?: Readonly<Record<string, Command>>;
}

/** Accumulates output, then builds the result. */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;
  out(line: string): void { this.stdout += line.endsWith('\n') ? line : `${line}\n`; }
  err(line: string): void { this.stderr += line.endsWith('\n') ? line : `${line}\n`; }
  fail(line: string, code = 1): void { this.err(line); this.exitCode = code; }
  result(cluster: Cluster): KubectlResult {
    return { cluster, stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
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
