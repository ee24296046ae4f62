import type { Cluster } from '../engine/types';
import type { ContainerRt, LogLine, TerminatedRt } from '../kubelet/types';
import { resolveContainer } from './pod-containers';
import { mergeByTime, serverLogLines, type Instance } from './server-log-lines';

// kubectl logs: a container's stdout and stderr as the kubelet keeps them (current or previous
// instance), with kubectl's and the API server's messages when there is nothing to show.

export interface LogsResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The container read (the named one, or the default kubectl picked). */
  readonly container?: string;
}

export interface LogsOptions {
  /** --timestamps: RFC3339Nano virtual time before each line. */
  readonly timestamps?: boolean;
  /** --tail N */
  readonly tail?: number;
  /** --since / --since-time: only lines written at or after this virtual instant (after --tail, as the kubelet reads). */
  readonly sinceMs?: number;
  /** --limit-bytes: the output cut after this many bytes. */
  readonly limitBytes?: number;
}

/** RFC3339Nano as the kubelet writes log timestamps: 2025-01-01T00:00:03.000000000Z. */
export function logTimestamp(epochMs: number, ms: number): string {
  return new Date(epochMs + ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export function logLines(lines: readonly LogLine[]): { tMs: number; text: string }[] {
  const out: { tMs: number; text: string }[] = [];
  for (const l of lines) {
    const parts = l.text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    for (const p of parts) out.push({ tMs: l.tMs, text: p });
  }
  return out;
}

/** The instance before the current one (whose log is prevLog), when the kubelet still knows when it started. */
function previousInstance(crt: ContainerRt): Instance | undefined {
  const last = crt.last;
  return last !== undefined && last.id === crt.id - 1 && last.startedMs !== undefined ? { id: last.id, startedMs: last.startedMs, untilMs: last.finishedMs, stopped: stoppedBySignal(last) } : undefined;
}

/** The instance whose log is `log`: running until now, or ended (terminated, or kept as `last` while it waits to restart). */
function currentInstance(crt: ContainerRt, nowMs: number): Instance | undefined {
  if (crt.startedMs === undefined) return undefined;
  const ended = crt.phase === 'running' ? undefined : crt.terminated?.id === crt.id ? crt.terminated : crt.last?.id === crt.id ? crt.last : undefined;
  return { id: crt.id, startedMs: crt.startedMs, untilMs: ended?.finishedMs ?? nowMs, stopped: ended !== undefined && stoppedBySignal(ended) };
}

/** A known server ends with 0 only when the runtime's stop signal asks it to (it never exits by itself). */
function stoppedBySignal(t: TerminatedRt): boolean {
  return t.exitCode === 0 && t.reason === 'Completed';
}

/** The lines of one container instance's log, oldest first, each with the virtual instant it was written. */
export interface ContainerLog {
  readonly lines: readonly { readonly tMs: number; readonly text: string }[];
  /** kubectl's "Defaulted container" note, if it picked the container. */
  readonly note: string;
  readonly container: string;
}

/** What the kubelet's ReadLogs would send for a container (current or previous instance), or the API server's refusal. */
export function containerLog(cluster: Cluster, namespace: string, podName: string, container?: string, previous = false): ContainerLog | { readonly stderr: string; readonly exitCode: number } {
  const r = resolveContainer(cluster, namespace, podName, container);
  if ('stderr' in r) return r;
  const { spec, crt, note } = r;
  // pod.LogLocation: a Pod not yet assigned a node has no log location, and the API server streams nothing.
  if (r.pod.spec.nodeName === undefined || r.pod.spec.nodeName === '') return { lines: [], note, container: spec.name };
  const where = `container "${spec.name}" in pod "${podName}"`;
  if (previous) {
    if (crt?.prevLog === undefined) return { stderr: `${note}Error from server (BadRequest): previous terminated ${where} not found\n`, exitCode: 1 };
  } else if (crt === undefined || crt.id === 0) {
    const reason = crt?.waiting?.reason;
    const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason ?? (crt !== undefined && !crt.init && r.rt?.containers.some((c) => c.init && c.phase !== 'exited') ? 'PodInitializing' : 'ContainerCreating');
    return { stderr: `${note}Error from server (BadRequest): ${where} is waiting to start: ${why}\n`, exitCode: 1 };
  }
  const log = previous ? crt!.prevLog! : crt!.log;
  let lines = logLines(log.slice());
  const instance = previous ? previousInstance(crt!) : currentInstance(crt!, cluster.nowMs);
  if (instance !== undefined && r.rt !== undefined) {
    const first = log.at(0);
    const server = serverLogLines(cluster, r.pod, r.rt, spec, r.index, instance, first !== undefined && first.tMs === instance.startedMs && first.fd === 2);
    if (server.start.length > 0 || server.access.length > 0 || server.stop.length > 0) lines = [...server.start, ...mergeByTime(lines, server.access), ...server.stop];
  }
  return { lines, note, container: spec.name };
}

/** The text of log lines as PodLogOptions ask: --tail first, then --since, then --timestamps. */
export function logText(lines: readonly { readonly tMs: number; readonly text: string }[], opts: LogsOptions, epochMs: number): string {
  let out = lines;
  if (opts.tail !== undefined && opts.tail >= 0) out = opts.tail === 0 ? [] : out.slice(-opts.tail);
  const since = opts.sinceMs;
  if (since !== undefined) out = out.filter((l) => l.tMs >= since);
  return out.map((l) => (opts.timestamps ? `${logTimestamp(epochMs, l.tMs)} ${l.text}\n` : `${l.text}\n`)).join('');
}

/** --limit-bytes: the stream cut after this many bytes. */
export function limitBytes(text: string, opts: LogsOptions): string {
  return opts.limitBytes === undefined ? text : Buffer.from(text).subarray(0, opts.limitBytes).toString();
}

export function podLogs(cluster: Cluster, namespace: string, podName: string, container?: string, previous = false, opts: LogsOptions = {}): LogsResult {
  const log = containerLog(cluster, namespace, podName, container, previous);
  if ('stderr' in log) return { stdout: '', stderr: log.stderr, exitCode: log.exitCode };
  return { stdout: limitBytes(logText(log.lines, opts, cluster.config.epochMs), opts), stderr: log.note, exitCode: 0, container: log.container };
}
