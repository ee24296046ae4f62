import type { Cluster } from '../engine/types';
import type { LogLine } from '../kubelet/types';
import { resolveContainer } from './pod-containers';

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

export function podLogs(cluster: Cluster, namespace: string, podName: string, container?: string, previous = false, opts: LogsOptions = {}): LogsResult {
  const r = resolveContainer(cluster, namespace, podName, container);
  if ('stderr' in r) return { stdout: '', stderr: r.stderr, exitCode: r.exitCode };
  const { spec, crt, note } = r;
  const where = `container "${spec.name}" in pod "${podName}"`;
  if (previous) {
    if (crt?.prevLog === undefined) return { stdout: '', stderr: `${note}Error from server (BadRequest): previous terminated ${where} not found\n`, exitCode: 1 };
  } else if (crt === undefined || crt.id === 0) {
    const reason = crt?.waiting?.reason;
    const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason ?? (crt !== undefined && !crt.init && r.rt?.containers.some((c) => c.init && c.phase !== 'exited') ? 'PodInitializing' : 'ContainerCreating');
    return { stdout: '', stderr: `${note}Error from server (BadRequest): ${where} is waiting to start: ${why}\n`, exitCode: 1 };
  }
  const log = previous ? crt!.prevLog! : crt!.log;
  let lines = logLines(log.slice());
  if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
  const epoch = cluster.config.epochMs;
  const stdout = lines.map((l) => (opts.timestamps ? `${logTimestamp(epoch, l.tMs)} ${l.text}\n` : `${l.text}\n`)).join('');
  return { stdout, stderr: note, exitCode: 0, container: spec.name };
}
