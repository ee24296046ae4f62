import type { Pod } from '../../api/types';
import { CONTROLLERS } from '../../cluster/controllers';
import * as loop from '../../engine/loop';
import type { Cluster } from '../../engine/types';
import { isPodRt } from '../../kubelet/types';
import { containerLog, logTimestamp, type LogsOptions } from '../../runtime/logs';
import { resolveContainer } from '../../runtime/pod-containers';
import { Output, type KubectlResult } from '../context';
import { recordWatchEvents, runWatch } from './watch-events';

// kubectl logs --follow in virtual time. Each request follows one container instance, the one
// running when it was made: the kubelet's ReadLogs (pkg/kubelet/kuberuntime/logs) sends the lines
// there are (--tail applies to these), then each line as it is written, and returns once the
// container is no longer running. One request runs alone (sequentialConsumeRequest); several
// (--all-containers, -l) run together and their lines interleave as written
// (parallelConsumeRequest). A container that keeps running is followed until --request-timeout,
// or until it has written nothing for a quiet virtual minute (runWatch, as `kubectl get -w` ends).

export interface FollowedContainer {
  readonly namespace: string;
  readonly pod: string;
  /** undefined: the default container (with kubectl's "Defaulted container" note). */
  readonly container: string | undefined;
}

interface Stream {
  readonly uid: string;
  readonly namespace: string;
  readonly pod: string;
  readonly container: string;
  readonly index: number;
  /** ContainerRt.id of the instance followed. */
  readonly instance: number;
  /** How many lines there were when the request was made (--tail cuts these). */
  readonly initial: number;
  /** The lines read so far (the last read while the Pod was there). */
  lines: readonly { readonly tMs: number; readonly text: string }[];
  done: boolean;
  /** When the followed instance stopped running (the request's instant if it had already); undefined while it runs. */
  endedMs?: number;
}

export interface FollowOptions {
  readonly opts: LogsOptions;
  readonly prefix: boolean;
  readonly timeoutMs: number | undefined;
  /** stderr written before the logs (logs.go: "Found N pods, using pod/X"). */
  readonly preamble: string;
}

export function followLogs(cluster: Cluster, targets: readonly FollowedContainer[], o: FollowOptions): KubectlResult {
  const out = new Output();
  out.write('stderr', o.preamble);
  const streams: Stream[] = [];
  for (const t of targets) {
    const log = containerLog(cluster, t.namespace, t.pod, t.container);
    if ('stderr' in log) { out.write('stderr', log.stderr); out.exitCode = log.exitCode; return out.result(cluster); }
    out.write('stderr', log.note);
    const r = resolveContainer(cluster, t.namespace, t.pod, log.container);
    if ('stderr' in r) continue; // just resolved by containerLog
    const running = r.crt?.phase === 'running';
    streams.push({ uid: r.pod.metadata.uid, namespace: t.namespace, pod: t.pod, container: log.container, index: r.index, instance: r.crt?.id ?? 0, initial: log.lines.length, lines: log.lines, done: !running, ...(running ? {} : { endedMs: cluster.nowMs }) });
  }

  // A write of a followed Pod: its log is read then, as its container may stop and the Pod go with it.
  const followed = new Set(streams.map((s) => s.uid));
  const podWrites = recordWatchEvents('kubectl-logs-follow', 'Pod', (pod) => followed.has(pod.metadata.uid));
  let podWritesRead = 0;
  // The followed instance's log: the current one's, or the previous one's once the kubelet has
  // created the next; a Pod gone keeps the lines last read.
  const read = (c: Cluster, s: Stream): void => {
    const pod = c.store.get<Pod>('Pod', s.namespace, s.pod);
    const row = c.tables.pods.get(s.uid);
    const id = isPodRt(row) ? row.containers[s.index]?.id : undefined;
    if (pod?.metadata.uid !== s.uid || (id !== s.instance && id !== s.instance + 1)) return;
    const log = containerLog(c, s.namespace, s.pod, s.container, id !== s.instance);
    if (!('stderr' in log)) s.lines = log.lines;
  };
  const lastLineMs = (): number | undefined => {
    let last: number | undefined;
    for (const s of streams) { const l = s.lines.at(-1); if (l !== undefined && (last === undefined || l.tMs > last)) last = l.tMs; }
    return last;
  };

  let now = cluster;
  if (streams.some((s) => !s.done)) {
    now = runWatch(cluster, [...CONTROLLERS, podWrites.controller], o.timeoutMs, {
      stop: (view) => podWrites.events.length > podWritesRead || streams.some((s) => !s.done && instanceEnded(view.table('pods').get(s.uid), s)),
      stopped: (c) => {
        podWritesRead = podWrites.events.length;
        for (const s of streams) {
          if (s.done) continue;
          read(c, s);
          if (instanceEnded(c.tables.pods.get(s.uid), s)) { s.done = true; s.endedMs = c.nowMs; }
        }
        return streams.every((s) => s.done);
      },
      lastSeenMs: (c) => { for (const s of streams) if (!s.done) read(c, s); return lastLineMs(); },
    });
  }

  const texts = streams.map((s) => streamLines(s, o, cluster.config.epochMs));
  const merged = texts.length === 1 ? texts[0].lines : mergeByTime(texts.map((t) => t.lines));
  out.write('stdout', merged.map((l) => l.text).join(''));
  // Streams that reached --limit-bytes ended then: kubectl returned when the last stream ended.
  if (texts.length > 0 && texts.every((t, i) => t.limitMs !== undefined || streams[i].endedMs !== undefined)) {
    const endMs = Math.max(...texts.map((t, i) => Math.min(t.limitMs ?? Infinity, streams[i].endedMs ?? Infinity)));
    if (endMs < now.nowMs) now = loop.advanceUntil(cluster, endMs, CONTROLLERS, () => false).cluster;
  }
  return out.result(now);
}

/** The followed instance no longer runs: its Pod's runtime row (the kubelet's) is gone, or shows another instance or another phase. */
function instanceEnded(row: unknown, s: Stream): boolean {
  const crt = isPodRt(row) ? row.containers[s.index] : undefined;
  return crt === undefined || crt.id !== s.instance || crt.phase !== 'running';
}

/**
 * One request's output: --tail applies to the lines there were when it was made, --since to all,
 * then --timestamps, --prefix, and --limit-bytes on the stream (each line kept with when it was written).
 */
function streamLines(s: Stream, o: FollowOptions, epochMs: number): { lines: { tMs: number; text: string }[]; limitMs?: number } {
  const { opts } = o;
  const before = s.lines.slice(0, s.initial);
  const after = s.lines.slice(s.initial);
  let lines = opts.tail !== undefined && opts.tail >= 0 ? [...(opts.tail === 0 ? [] : before.slice(-opts.tail)), ...after] : s.lines;
  const since = opts.sinceMs;
  if (since !== undefined) lines = lines.filter((l) => l.tMs >= since);
  const prefix = o.prefix ? `[pod/${s.pod}/${s.container}] ` : '';
  const out: { tMs: number; text: string }[] = [];
  let budget = opts.limitBytes ?? Infinity;
  for (const l of lines) {
    // The kubelet's LimitWriter: a write past the limit (the rest of it cut) ends the stream.
    if (budget <= 0) return { lines: out, limitMs: l.tMs };
    // The kubelet counts --limit-bytes on what it sends; kubectl adds the prefix to each line it reads.
    let text = `${opts.timestamps ? `${logTimestamp(epochMs, l.tMs)} ` : ''}${l.text}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes > budget) text = Buffer.from(text).subarray(0, budget).toString();
    out.push({ tMs: l.tMs, text: prefix + text });
    if (bytes > budget) return { lines: out, limitMs: l.tMs };
    budget -= bytes;
  }
  return { lines: out };
}

/** Lines of several streams in the order they were written, each stream's in its own order (ties: in request order). */
function mergeByTime(streams: readonly (readonly { tMs: number; text: string }[])[]): { tMs: number; text: string }[] {
  const out: { tMs: number; text: string }[] = [];
  const at = streams.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let i = 0; i < streams.length; i++) {
      const l = streams[i][at[i]];
      if (l !== undefined && (pick === -1 || l.tMs < streams[pick][at[pick]].tMs)) pick = i;
    }
    if (pick === -1) return out;
    out.push(streams[pick][at[pick]++]);
  }
}
