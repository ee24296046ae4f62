import type { Container, Pod, PodSpec } from '../api/types';
import { bytes, cpuMillis } from '../api/quantity';

// What a Pod asks of a node: resourcehelper.PodRequests (sum of containers, at least the largest
// init container), the scheduler's non-zero defaults for scoring (schedutil.GetNonzeroRequests:
// 100m CPU, 200Mi memory per container that sets none), and its host ports (NodePorts).

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface PodResources {
  readonly cpuMillis: number;
  readonly memoryBytes: number;
  readonly nonZeroCpuMillis: number;
  readonly nonZeroMemoryBytes: number;
  /** `protocol/hostIP/hostPort` for every container port with a hostPort. */
  readonly hostPorts: readonly string[];
}

// Keyed by the containers array, which copies of a spec (binding sets nodeName) share. Only the other
// fields the answer depends on are kept (not the spec: that would keep each Pod's unbound spec alive).
interface Memo {
  readonly initContainers: PodSpec['initContainers'];
  readonly hostNetwork: PodSpec['hostNetwork'];
  readonly overhead: unknown;
  readonly result: PodResources;
}
const memo = new WeakMap<readonly Container[], Memo>();

// Results without host ports are shared by every Pod asking the same: one object per distinct request.
const NO_PORTS: readonly string[] = Object.freeze([]);
const plainResults = new Map<string, PodResources>();

function plainResult(cpu: number, mem: number, nzCpu: number, nzMem: number): PodResources {
  const key = `${cpu}/${mem}/${nzCpu}/${nzMem}`;
  let r = plainResults.get(key);
  if (r === undefined) {
    if (plainResults.size > 10_000) plainResults.clear();
    plainResults.set(key, (r = Object.freeze({ cpuMillis: cpu, memoryBytes: mem, nonZeroCpuMillis: nzCpu, nonZeroMemoryBytes: nzMem, hostPorts: NO_PORTS })));
  }
  return r;
}

const overheadOf = (spec: PodSpec) => (spec as { overhead?: unknown }).overhead;

// Parsed quantities by text ("10m", "16Mi"): a few distinct strings serve a whole cluster.
const cpuMemo = new Map<string, number | undefined>();
const memMemo = new Map<string, number | undefined>();

function cpuOf(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (!cpuMemo.has(q)) { if (cpuMemo.size > 10_000) cpuMemo.clear(); cpuMemo.set(q, cpuMillis(q)); }
  return cpuMemo.get(q);
}

function memOf(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (!memMemo.has(q)) { if (memMemo.size > 10_000) memMemo.clear(); memMemo.set(q, bytes(q)); }
  return memMemo.get(q);
}

function request(c: Container, resource: 'cpu' | 'memory'): string | undefined {
  // API defaulting copies a limit into a missing request; do the same if it has not run.
  return c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource];
}

/** The containers' summed requests: cpu, memory, and the scheduler's non-zero cpu and memory. */
function sums(containers: readonly Container[]): [number, number, number, number] {
  let cpu = 0, mem = 0, nzCpu = 0, nzMem = 0;
  for (const c of containers) {
    const cc = cpuOf(request(c, 'cpu'));
    const cm = memOf(request(c, 'memory'));
    cpu += cc ?? 0;
    mem += cm ?? 0;
    nzCpu += cc ?? DEFAULT_MILLI_CPU_REQUEST;
    nzMem += cm ?? DEFAULT_MEMORY_REQUEST;
  }
  return [cpu, mem, nzCpu, nzMem];
}

/** Results of one-container Pods without ports, by the container's resources object (immutable, shared by a template's Pods). */
const byResources = new WeakMap<object, PodResources>();

/** The Pod's requests; memoised (specs are immutable; status updates and bindings keep the containers). */
export function podResources(pod: Pod): PodResources {
  const spec = pod.spec;
  const containers = spec.containers;
  // Admission copies each Pod's containers (to add its own token mount) but not their resources: a
  // Pod of one container without ports is answered by that resources object, which a template's Pods share.
  if (containers !== undefined && containers.length === 1 && spec.initContainers === undefined && overheadOf(spec) === undefined) {
    const c = containers[0];
    if (c.ports === undefined && c.resources !== undefined) {
      let r = byResources.get(c.resources);
      if (r === undefined) byResources.set(c.resources, (r = plainResult(...sums([c]))));
      return r;
    }
  }
  const known = spec.containers !== undefined ? memo.get(spec.containers) : undefined;
  if (known !== undefined && known.initContainers === spec.initContainers && known.hostNetwork === spec.hostNetwork && known.overhead === overheadOf(spec)) {
    return known.result;
  }
  let [cpu, mem, nzCpu, nzMem] = sums(spec.containers ?? []);
  for (const c of spec.initContainers ?? []) {
    cpu = Math.max(cpu, cpuOf(request(c, 'cpu')) ?? 0);
    mem = Math.max(mem, memOf(request(c, 'memory')) ?? 0);
  }
  const overhead = (spec as PodSpec & { overhead?: { cpu?: string; memory?: string } }).overhead;
  if (overhead !== undefined) {
    cpu += cpuMillis(overhead.cpu) ?? 0;
    mem += bytes(overhead.memory) ?? 0;
    nzCpu += cpuMillis(overhead.cpu) ?? 0;
    nzMem += bytes(overhead.memory) ?? 0;
  }
  const hostPorts: string[] = [];
  for (const list of [spec.initContainers, spec.containers]) for (const c of list ?? []) {
    for (const p of c.ports ?? []) {
      const hostPort = p.hostPort ?? (spec.hostNetwork ? p.containerPort : undefined);
      if (hostPort !== undefined && hostPort > 0) {
        hostPorts.push(`${p.protocol ?? 'TCP'}/${(p as { hostIP?: string }).hostIP || '0.0.0.0'}/${hostPort}`);
      }
    }
  }
  const result: PodResources = hostPorts.length === 0
    ? plainResult(cpu, mem, nzCpu, nzMem)
    : { cpuMillis: cpu, memoryBytes: mem, nonZeroCpuMillis: nzCpu, nonZeroMemoryBytes: nzMem, hostPorts };
  if (spec.containers !== undefined) memo.set(spec.containers, { initContainers: spec.initContainers, hostNetwork: spec.hostNetwork, overhead: overheadOf(spec), result });
  return result;
}

/** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every IP of the same protocol and port. */
export function portsConflict(wanted: readonly string[], used: ReadonlyMap<string, number> | undefined): boolean {
  if (used === undefined || used.size === 0) return false;
  for (const w of wanted) {
    if (used.has(w)) return true;
    const [proto, ip, port] = w.split('/');
    for (const u of used.keys()) {
      const [uProto, uIp, uPort] = u.split('/');
      if (uProto === proto && uPort === port && (ip === '0.0.0.0' || uIp === '0.0.0.0')) return true;
    }
  }
  return false;
}
