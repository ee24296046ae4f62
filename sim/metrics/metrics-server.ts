import type { KubeObject, Pod, Service } from '../api/types';
import type { ClusterView } from '../engine/types';
import { isPodRt, type ContainerRt } from '../kubelet/types';
import { parseDuration } from '../kubectl/duration';
import { containerUsage, NODE_SYSTEM_USAGE, type ContainerUsage } from './usage';

// metrics-server as the aggregated API metrics.k8s.io/v1beta1 sees it, computed from the cluster
// at view.nowMs (pure: no stored samples). The kube-aggregator routes the group to the Service the
// APIService names; metrics-server scrapes every kubelet's /metrics/resource once when it starts
// and then every --metric-resolution (server.go runScrape: an immediate tick, then a ticker), and
// keeps the last two scrapes; CPU is a rate between two points (storage/node.go, storage/pod.go).

export const METRICS_API_SERVICE = 'v1beta1.metrics.k8s.io';
/** metrics-server's --metric-resolution default (options.go); the official manifest passes 15s. */
export const DEFAULT_RESOLUTION_MS = 60_000;
/** storage/pod.go freshContainerMinMetricsResolution. */
export const FRESH_CONTAINER_MIN_MS = 10_000;

export type MetricsApi =
  /** No APIService v1beta1.metrics.k8s.io: discovery does not list metrics.k8s.io. */
  | { readonly state: 'absent' }
  /** The APIService exists but no ready metrics-server endpoint answers (ServiceUnavailable). */
  | { readonly state: 'unavailable' }
  | { readonly state: 'serving'; readonly server: MetricsServer };

export interface MetricsServer {
  readonly pod: Pod;
  readonly resolutionMs: number;
  /** When its container started: the first scrape. */
  readonly startedMs: number;
  /** The last scrape at or before now, and the one before it (undefined before the second scrape). */
  readonly lastScrapeMs: number;
  readonly prevScrapeMs?: number;
}

export interface NodeMetrics { readonly name: string; readonly usage: ContainerUsage }
export interface ContainerMetrics { readonly name: string; readonly usage: ContainerUsage }
export interface PodMetrics { readonly namespace: string; readonly name: string; readonly containers: readonly ContainerMetrics[] }

const isReady = (p: Pod): boolean => p.metadata.deletionTimestamp === undefined
  && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** What a request to metrics.k8s.io meets now: no API, an unavailable one, or a serving metrics-server. */
export function metricsApi(view: ClusterView): MetricsApi {
  const api = view.get('APIService', '', METRICS_API_SERVICE);
  if (api === undefined) return { state: 'absent' };
  const ref = (api.spec as { service?: { namespace?: string; name?: string } } | undefined)?.service;
  if (ref?.name === undefined) return { state: 'unavailable' };
  const svc = view.get<Service>('Service', ref.namespace ?? 'default', ref.name);
  if (svc?.spec.selector === undefined) return { state: 'unavailable' };
  const ready = view.select<Pod>('Pod', svc.metadata.namespace ?? 'default', { matchLabels: svc.spec.selector }).filter(isReady)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of ready) {
    const server = serverOf(view, pod);
    if (server !== undefined) return { state: 'serving', server };
  }
  return { state: 'unavailable' };
}

/** The --metric-resolution of a metrics-server container's args (Go duration), or the default. */
export function resolutionOf(args: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const m = /^--metric-resolution(?:=(.*))?$/.exec(args[i]);
    if (m === null) continue;
    const ms = parseDuration(m[1] ?? args[i + 1] ?? '');
    if (ms !== undefined && ms >= 10_000) return ms;
  }
  return DEFAULT_RESOLUTION_MS;
}

function serverOf(view: ClusterView, pod: Pod): MetricsServer | undefined {
  const row = view.table('pods').get(pod.metadata.uid);
  if (!isPodRt(row)) return undefined;
  const spec = pod.spec.containers.find((c) => c.name === 'metrics-server') ?? pod.spec.containers[0];
  const rt = row.containers.find((c) => !c.init && c.name === spec.name);
  if (rt === undefined || rt.phase !== 'running' || rt.startedMs === undefined) return undefined;
  const resolutionMs = resolutionOf([...(spec.command ?? []), ...(spec.args ?? [])]);
  const ticks = Math.floor((view.nowMs - rt.startedMs) / resolutionMs);
  const lastScrapeMs = rt.startedMs + ticks * resolutionMs;
  return { pod, resolutionMs, startedMs: rt.startedMs, lastScrapeMs, ...(ticks >= 1 ? { prevScrapeMs: lastScrapeMs - resolutionMs } : {}) };
}

/** Whether a node's kubelet answered the scrapes (a failed node's kubelet does not). */
function kubeletUp(view: ClusterView, node: string): boolean {
  return view.table('nodes').get(node)?.alive === true;
}

/** A running container's usage as the last scrape saw it, when metrics-server can give a rate for it. */
function containerPoint(view: ClusterView, s: MetricsServer, c: ContainerRt, spec: Pod['spec']['containers'][number]): ContainerUsage | undefined {
  if (c.phase !== 'running' || c.startedMs === undefined || c.startedMs > s.lastScrapeMs) return undefined;
  const age = s.lastScrapeMs - c.startedMs;
  // storage/pod.go Store: a fresh container's start is its previous point; otherwise the previous scrape must have seen it.
  const fresh = age < s.resolutionMs && age >= FRESH_CONTAINER_MIN_MS;
  const seenBefore = s.prevScrapeMs !== undefined && c.startedMs <= s.prevScrapeMs;
  return fresh || seenBefore ? containerUsage(view.table('images'), spec) : undefined;
}

/** metrics.k8s.io PodMetrics of one Pod, or undefined when metrics-server has none for it (yet). */
export function podMetrics(view: ClusterView, s: MetricsServer, pod: Pod): PodMetrics | undefined {
  // podmetrics/reststorage.go getPodMetrics: Pods not in phase Running are left out.
  if (pod.status?.phase !== 'Running') return undefined;
  if (pod.spec.nodeName === undefined || !kubeletUp(view, pod.spec.nodeName)) return undefined;
  const row = view.table('pods').get(pod.metadata.uid);
  if (!isPodRt(row)) return undefined;
  const containers: ContainerMetrics[] = [];
  for (const spec of pod.spec.containers) {
    const rt = row.containers.find((c) => !c.init && c.name === spec.name);
    if (rt === undefined || rt.phase !== 'running') continue; // the kubelet reports running containers only
    const usage = containerPoint(view, s, rt, spec);
    if (usage === undefined) return undefined; // storage/pod.go GetMetrics: all containers present or none
    containers.push({ name: spec.name, usage });
  }
  return containers.length === 0 ? undefined : { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, containers };
}

/**
 * metrics.k8s.io NodeMetrics of one node: system usage plus its running containers; undefined before
 * two scrapes (storage/node.go keeps last and prev) or when its kubelet does not answer. CPU may be
 * fractional millicores (kubectl rounds up, Quantity.MilliValue).
 */
export function nodeMetrics(view: ClusterView, s: MetricsServer, node: KubeObject): NodeMetrics | undefined {
  const name = node.metadata.name;
  if (s.prevScrapeMs === undefined || !kubeletUp(view, name)) return undefined;
  // A node that joined after the previous scrape has one point only (storage/node.go needs two).
  const joinedMs = Date.parse(node.metadata.creationTimestamp) - view.config.epochMs;
  if (joinedMs > s.prevScrapeMs) return undefined;
  let cpu = NODE_SYSTEM_USAGE.cpuMillis;
  let mem = NODE_SYSTEM_USAGE.memoryBytes;
  for (const pod of view.podsOnNode(name)) {
    const row = view.table('pods').get(pod.metadata.uid);
    if (!isPodRt(row)) continue;
    for (const spec of pod.spec.containers) {
      const rt = row.containers.find((c) => !c.init && c.name === spec.name);
      if (rt?.phase !== 'running' || rt.startedMs === undefined || rt.startedMs >= s.lastScrapeMs) continue;
      const usage = containerUsage(view.table('images'), spec);
      // The node's CPU is a rate over [prev, last]: a container that started in between counts for its share.
      const fromMs = Math.max(rt.startedMs, s.prevScrapeMs);
      cpu += (usage.cpuMillis * (s.lastScrapeMs - fromMs)) / (s.lastScrapeMs - s.prevScrapeMs);
      mem += usage.memoryBytes;
    }
  }
  return { name, usage: { cpuMillis: cpu, memoryBytes: mem } };
}
