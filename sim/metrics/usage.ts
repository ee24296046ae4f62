import type { Container } from '../api/types';
import { bytes, cpuMillis } from '../api/quantity';
import { behaviourOf, parseImageRef, type ImageBehaviour } from '../runtime/image-behaviours';

// What a running container uses, as a deterministic model (no real cgroups): a rate of CPU in
// millicores and a memory working set in bytes, constant while the container runs. A scenario
// declares an image's usage ("uses 120m CPU and 64Mi memory"); otherwise the figures below, a
// small idle usage, apply. The kubelet's /metrics/resource reports these and metrics-server turns
// the cumulative CPU into a rate, so a constant rate comes out exactly as declared.

export interface ContainerUsage {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
}

/** An ImageBehaviour that also says what the image uses (kept in the same `images` runtime table). */
export type UsageBehaviour = ImageBehaviour & { readonly usage?: ContainerUsage };

const MI = 1024 * 1024;
const u = (cpu: number, memMi: number): ContainerUsage => ({ cpuMillis: cpu, memoryBytes: memMi * MI });

/** Idle usage of an image nobody declared (a small server doing nothing). */
export const DEFAULT_USAGE: ContainerUsage = u(1, 4);

/**
 * Idle usage of well-known images, by repository's last path part: figures of the order an idle
 * kubeadm cluster shows in `kubectl top pod -A` (a model, not a Kubernetes constant).
 */
const KNOWN_USAGE: Readonly<Record<string, ContainerUsage>> = {
  'kube-apiserver': u(45, 250),
  etcd: u(20, 45),
  'kube-controller-manager': u(15, 55),
  'kube-scheduler': u(4, 22),
  coredns: u(2, 14),
  'kube-proxy': u(1, 18),
  flannel: u(3, 14),
  'metrics-server': u(4, 20),
  'kube-state-metrics': u(2, 16),
  busybox: u(0, 1),
  alpine: u(0, 1),
  nginx: u(0, 3),
  httpd: u(1, 6),
  elasticsearch: u(30, 1200),
  'fluentd-elasticsearch': u(6, 110),
  kibana: u(5, 180),
  'kibana-oss': u(5, 180),
};

/** What the node itself uses outside Pods (kubelet, container runtime, the OS), per node. */
export const NODE_SYSTEM_USAGE: ContainerUsage = u(60, 600);

/** The usage an image declares, or its known idle usage, or DEFAULT_USAGE. */
export function imageUsage(images: ReadonlyMap<string, unknown>, image: string): ContainerUsage {
  const declared = (behaviourOf(images, image) as UsageBehaviour).usage;
  if (declared !== undefined) return declared;
  const repo = parseImageRef(image).repo;
  return KNOWN_USAGE[repo.split('/').pop()!] ?? DEFAULT_USAGE;
}

/** A running container's usage: its image's, with CPU throttled at resources.limits.cpu (cgroup quota). */
export function containerUsage(images: ReadonlyMap<string, unknown>, container: Container): ContainerUsage {
  const usage = imageUsage(images, container.image);
  const limit = cpuMillis(container.resources?.limits?.cpu as string | undefined);
  return limit !== undefined && usage.cpuMillis > limit ? { ...usage, cpuMillis: limit } : usage;
}

/** `base` with a declared usage (the other behaviour kept), for declareImage. */
export function withUsage(base: ImageBehaviour, usage: ContainerUsage): UsageBehaviour {
  return { ...base, usage };
}

/**
 * Parses "uses 120m CPU and 64Mi memory" (either part alone, either order; "CPU" as millicores or
 * cores, e.g. "1.5 CPU"). Missing parts keep `base`'s figures. An error names the phrase.
 *
 * | text                              | usage                      |
 * |-----------------------------------|----------------------------|
 * | uses 120m CPU and 64Mi memory     | 120 millicores, 64 MiB     |
 * | uses 1 CPU                        | 1000 millicores, base mem  |
 * | uses 200Mi memory                 | base cpu, 200 MiB          |
 */
export function parseUsage(text: string, base: ContainerUsage = DEFAULT_USAGE): ContainerUsage | { readonly error: string } {
  const m = /^uses\s+(.+)$/i.exec(text.trim());
  if (m === null) return { error: `expected "uses <cpu> CPU and <memory> memory" (e.g. "uses 120m CPU and 64Mi memory"), got "${text}"` };
  let usage = base;
  for (const part of m[1].split(/\s*(?:,|\band\b)\s*/i).filter(Boolean)) {
    const p = /^(\S+)\s+(cpu|memory)$/i.exec(part);
    if (p === null) return { error: `"${part}" in "${text}": expected "<quantity> CPU" or "<quantity> memory" (e.g. "120m CPU", "64Mi memory")` };
    if (p[2].toLowerCase() === 'cpu') {
      const v = cpuMillis(p[1]);
      if (v === undefined) return { error: `"${p[1]}" in "${text}" is not a CPU quantity (e.g. 120m, 0.5, 2)` };
      usage = { ...usage, cpuMillis: v };
    } else {
      const v = bytes(p[1]);
      if (v === undefined) return { error: `"${p[1]}" in "${text}" is not a memory quantity (e.g. 64Mi, 1Gi)` };
      usage = { ...usage, memoryBytes: v };
    }
  }
  return usage;
}
