import type { Container, Node, Pod } from '../api/types';
import { fnv32a } from '../api/naming';
import { cpuMillis } from '../api/quantity';
import type { Cluster } from '../engine/types';
import type { PodRt } from '../kubelet/types';
import { accessEntriesOf } from './access-log';
import { probeRequests } from './probe-requests';
import { behaviourOf, parseImageRef } from './image-behaviours';
import { SERVER_LOGS, type ImageFile, type ServerLogContext } from './server-logs/index';
import { containerVfs, mountsOf } from './process';
import type { Mount, Tree } from './fs';

// The lines a known image's server wrote to one container instance's log, derived when the log is
// read: its start-up lines at the instance's start, and an access-log line per request the
// `access` table holds for it. Nothing of this is kept per Pod.

export interface TimedLine { readonly tMs: number; readonly text: string }

export interface Instance {
  /** ContainerRt.id of the instance. */
  readonly id: number;
  readonly startedMs: number;
  /** When it stopped running (now, while it runs). */
  readonly untilMs: number;
  /** It was stopped by the runtime's stop signal (a kill, not an exit of its own), at untilMs. */
  readonly stopped?: boolean;
}

export function serverLogLines(cluster: Cluster, pod: Pod, rt: PodRt, spec: Container, index: number, instance: Instance, startsWithOwnLines: boolean): { start: TimedLine[]; access: TimedLine[]; stop: TimedLine[] } {
  const style = behaviourOf(cluster.tables.images, spec.image).serverLog;
  if (style === undefined) return { start: [], access: [], stop: [] };
  const log = SERVER_LOGS[style];
  const node = cluster.store.get<Node>('Node', '', rt.node);
  const ctx: ServerLogContext = {
    tag: parseImageRef(spec.image).tag,
    epochMs: cluster.config.epochMs,
    startedMs: instance.startedMs,
    podIP: rt.ip,
    hostname: pod.spec.hostname ?? pod.metadata.name,
    nodeCpus: Math.floor((cpuMillis(node?.status?.capacity?.cpu) ?? 1000) / 1000),
    kernel: node?.status?.nodeInfo?.kernelVersion ?? '',
    env: (name) => spec.env?.find((e) => e.name === name && e.valueFrom === undefined)?.value,
    command: spec.command,
    args: spec.args,
    file: (path) => imageFile(pod, rt, spec, index, path, cluster),
    instanceSeed: fnv32a(`${pod.metadata.uid}/${index}/${instance.id}`),
  };
  // A process that printed its own first words (a failed bind) did not get as far as the banner.
  const start = startsWithOwnLines ? [] : log.start(ctx).map((text) => ({ tMs: instance.startedMs, text }));
  const access: TimedLine[] = [];
  let n = 0;
  const asked = accessEntriesOf(cluster.tables.access.get(pod.metadata.uid), index, instance.id);
  const probed = probeRequests(cluster, pod, rt, spec, { index, id: instance.id, startedMs: instance.startedMs, untilMs: probingEnd(pod, cluster, instance.untilMs) });
  for (const e of mergeByTime(asked, probed)) {
    const text = log.access(e, ctx, ++n);
    if (text !== undefined) access.push({ tMs: e.tMs, text });
  }
  const stop = instance.stopped === true && log.stop !== undefined ? log.stop(ctx, instance.untilMs).map((text) => ({ tMs: instance.untilMs, text })) : [];
  return { start, access, stop };
}

/** Volumes the kubelet mounts read-only whatever the volumeMount says (atomic writer directories). */
const READ_ONLY_VOLUMES = ['configMap', 'secret', 'downwardAPI', 'projected'] as const;

/** A file of the image, or the volume mounted over it (the deepest mount that covers the path). */
function imageFile(pod: Pod, rt: PodRt, spec: Container, index: number, path: string, cluster: Cluster): ImageFile {
  let over: Mount | undefined;
  for (const m of mountsOf(pod, spec)) if ((path === m.path || path.startsWith(`${m.path === '/' ? '' : m.path}/`)) && (over === undefined || m.path.length > over.path.length)) over = m;
  if (over === undefined) return { from: 'image' };
  const rootfs = rt.containers[index]?.rootfs;
  const text = rootfs === undefined ? undefined : containerVfs(pod, spec, rootfs, rt.volumes, cluster.tables.nodes.get(rt.node)?.hostFiles as Tree | undefined).read(path);
  if (text === undefined) return { from: 'absent' };
  const name = over.store.startsWith('vol:') ? over.store.slice(4) : undefined;
  const volume = pod.spec.volumes?.find((v) => v.name === name) as Record<string, unknown> | undefined;
  const readOnly = over.readOnly || (volume !== undefined && READ_ONLY_VOLUMES.some((k) => volume[k] !== undefined));
  return { from: 'volume', text, writable: !readOnly };
}

/** The kubelet stops probing a Pod's containers once the Pod is being deleted. */
function probingEnd(pod: Pod, cluster: Cluster, untilMs: number): number {
  const at = pod.metadata.deletionTimestamp;
  if (at === undefined) return untilMs;
  const requestedMs = Date.parse(at) - cluster.config.epochMs - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return Math.min(untilMs, requestedMs);
}

/** Two time-ordered lists as one; at equal times `a`'s first. */
export function mergeByTime<T extends { readonly tMs: number }>(a: readonly T[], b: readonly T[]): T[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].tMs <= b[j].tMs)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
