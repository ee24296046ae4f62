import type { Labels, Node, Pod, Taint } from '../api/types';
import type { ClusterView } from '../engine/types';
import { bytes, cpuMillis } from '../api/quantity';
import { podResources, type PodResources } from './pod-resources';
import { Nominator } from './nominator';

// The scheduler's cache (pkg/scheduler/backend/cache): per-node aggregates of the Pods bound there,
// so a scheduling decision never scans the cluster's Pods. It is derived from the store: created
// lazily for a view (one engine transaction), each node's aggregates computed on first use from
// view.podsOnNode(name) and then kept in step by the scheduler's watch handlers, which see every
// change the transaction applies. Purity is kept: the cache is a memo of the view's own state.
// Numbers live in typed arrays indexed by node (store order), so the filter and score loops over
// hundreds of nodes per Pod stay cheap at 5,000 nodes and 150,000 Pods.

/** What the loops need to know about a node without touching its object. */
export const F_UNSCHEDULABLE = 1;
export const F_HARD_TAINTS = 2;
export const F_PREFER_TAINTS = 4;
export const F_HOSTNAME = 8;
export const F_LOADED = 16;

export interface NodeEntry {
  readonly name: string;
  node: Node;
  /** NoSchedule and NoExecute taints (the TaintToleration filter's). */
  hardTaints: readonly Taint[];
  preferTaints: readonly Taint[];
  labels: Labels;
  /** Host ports in use (`protocol/ip/port` -> Pods), only where a Pod asked for one. */
  ports: Map<string, number> | undefined;
}

export class SchedulerCache {
  entries: NodeEntry[] = [];
  byName = new Map<string, number>();
  capacity = 0;
  allocCpu = new Float64Array(0);
  allocMem = new Float64Array(0);
  allocPods = new Float64Array(0);
  reqCpu = new Float64Array(0);
  reqMem = new Float64Array(0);
  nzCpu = new Float64Array(0);
  nzMem = new Float64Array(0);
  pods = new Int32Array(0);
  flags = new Uint8Array(0);
  /**
   * The lowest priority among a loaded node's Pods and how many have it (DefaultPreemption looks for
   * Pods of lower priority than the preemptor's: with all Pods at one priority, no node has any).
   * A count of -1: the Pod that had it went away, recomputed from the node's Pods when next asked.
   */
  minPriority = new Float64Array(0);
  minPriorityCount = new Int32Array(0);
  /**
   * Each node's weighted NodeResourcesFit + BalancedAllocation score for the Pod requests `scoredFor`
   * (Pods of one template share that object): valid where scoreStamp[i] === scoreEpoch. A node's
   * entry is cleared when its aggregates or allocatable change, so a run of Pods with the same
   * requests recomputes only the node the previous one was bound to.
   */
  resourceScore = new Float64Array(0);
  scoreStamp = new Uint32Array(0);
  scoreEpoch = 1;
  scoredFor: PodResources | undefined;
  /** Non-terminating Pods per spreading owner uid, per node index (PodTopologySpread default constraints). */
  private owners = new Map<string, Uint16Array>();
  /** The scheduling queue's nominator, built from the Pods when first asked, then kept in step. */
  private nominated: Nominator | undefined;
  private initialized = false;
  /** A node was deleted: re-index (keeping loaded aggregates) before the next decision. */
  private orderDirty = false;
  /** Unbound Pods marked Unschedulable (pod keys), and those of them rejected for resources (retried when Pods go away). */
  pending: { readonly all: Set<string>; readonly forResources: Set<string> } | undefined;
  /** Retry bookkeeping at one instant (see scheduler.ts): when each Pod last failed, when each sweep last ran. */
  readonly failedAt = new Map<string, number>();
  readonly sweptAt = new Map<string, number>();

  constructor(private readonly view: ClusterView) {}

  /** The number of nodes, after bringing the index up to date. */
  size(): number {
    if (!this.initialized || this.orderDirty) this.rebuild();
    return this.entries.length;
  }

  indexOf(name: string): number | undefined {
    if (!this.initialized || this.orderDirty) this.rebuild();
    return this.byName.get(name);
  }

  /** Computes node i's Pod aggregates on first use: O(Pods on the node). */
  load(i: number): void {
    if (this.flags[i] & F_LOADED) return;
    this.flags[i] |= F_LOADED;
    this.scoreStamp[i] = 0;
    // Summed here, not Pod by Pod through applyPod(). Pods of one template share their
    // resources and owner references, so the last answer of each is usually the next one's too.
    let cpu = 0, mem = 0, nzCpu = 0, nzMem = 0, pods = 0, minPriority = Infinity, minCount = 0;
    let lastRefs: unknown = null, lastCounts: Uint16Array | undefined;
    for (const pod of this.view.podsOnNode(this.entries[i].name)) {
      if (isTerminal(pod)) continue; // the bucket is by spec.nodeName: every Pod here is bound to node i
      const r = podResources(pod);
      cpu += r.cpuMillis; mem += r.memoryBytes; nzCpu += r.nonZeroCpuMillis; nzMem += r.nonZeroMemoryBytes; pods++;
      const priority = pod.spec.priority ?? 0;
      if (priority < minPriority) { minPriority = priority; minCount = 1; } else if (priority === minPriority) minCount++;
      if (r.hostPorts.length > 0) this.addPorts(i, r.hostPorts, 1);
      if (pod.metadata.deletionTimestamp !== undefined) continue; // countPodsMatchSelector skips terminating Pods
      const refs = pod.metadata.ownerReferences;
      if (refs !== lastRefs) {
        lastRefs = refs;
        const owner = spreadOwner(pod);
        lastCounts = owner === undefined ? undefined : this.countsFor(owner);
      }
      if (lastCounts !== undefined) lastCounts[i]++;
    }
    // The totals start at 0 here: the same sums as adding Pod by Pod.
    this.reqCpu[i] += cpu; this.reqMem[i] += mem; this.nzCpu[i] += nzCpu; this.nzMem[i] += nzMem; this.pods[i] += pods;
    this.minPriority[i] = minPriority; this.minPriorityCount[i] = minCount;
  }

  /** The lowest priority of the Pods on node i (Infinity when it has none). */
  lowestPriority(i: number): number {
    this.load(i);
    if (this.minPriorityCount[i] < 0) {
      let min = Infinity, count = 0;
      for (const pod of this.podsOn(this.entries[i].name)) {
        const priority = pod.spec.priority ?? 0;
        if (priority < min) { min = priority; count = 1; } else if (priority === min) count++;
      }
      this.minPriority[i] = min; this.minPriorityCount[i] = count;
    }
    return this.minPriority[i];
  }

  /** Pods nominated to nodes (status.nominatedNodeName) and not bound yet; one scan of the Pods per view, when first asked. */
  nominator(): Nominator {
    this.nominated ??= new Nominator(this.view.list<Pod>('Pod'));
    return this.nominated;
  }

  /** Spread counts of one owner by node index, or undefined when it has no Pods anywhere loaded. */
  ownerCounts(owner: string): Uint16Array | undefined {
    const a = this.owners.get(owner);
    if (a === undefined || a.length >= this.capacity) return a;
    const grown = new Uint16Array(this.capacity);
    grown.set(a);
    this.owners.set(owner, grown);
    return grown;
  }

  /** Non-terminal Pods bound to a node (what the scheduler's NodeInfo holds). */
  podsOn(name: string): Pod[] {
    return this.view.podsOnNode(name).filter((p) => !isTerminal(p));
  }

  private rebuild(): void {
    const old = { entries: this.entries, byName: this.byName, arrays: this.arrays(), owners: this.owners };
    const nodes = this.view.list<Node>('Node');
    this.entries = [];
    this.byName = new Map();
    this.capacity = 0;
    this.allocate(Math.max(16, nodes.length));
    const remap: number[] = [];
    for (const node of nodes) {
      const i = this.append(node);
      const j = old.byName.get(node.metadata.name);
      if (j === undefined || !(old.arrays.flags[j] & F_LOADED)) continue;
      remap[j] = i;
      this.reqCpu[i] = old.arrays.reqCpu[j]; this.reqMem[i] = old.arrays.reqMem[j];
      this.nzCpu[i] = old.arrays.nzCpu[j]; this.nzMem[i] = old.arrays.nzMem[j];
      this.pods[i] = old.arrays.pods[j];
      this.minPriority[i] = old.arrays.minPriority[j]; this.minPriorityCount[i] = old.arrays.minPriorityCount[j];
      this.flags[i] |= F_LOADED;
      this.entries[i].ports = old.entries[j].ports;
    }
    this.owners = new Map();
    for (const [owner, counts] of old.owners) {
      const next = new Uint16Array(this.capacity);
      counts.forEach((n, j) => { if (n > 0 && remap[j] !== undefined) next[remap[j]] = n; });
      this.owners.set(owner, next);
    }
    this.initialized = true;
    this.orderDirty = false;
  }

  private arrays() {
    return {
      reqCpu: this.reqCpu, reqMem: this.reqMem, nzCpu: this.nzCpu, nzMem: this.nzMem, pods: this.pods, flags: this.flags,
      minPriority: this.minPriority, minPriorityCount: this.minPriorityCount,
    };
  }

  /** (Re)allocates the per-node arrays with room for `capacity` nodes, keeping the first entries. */
  private allocate(capacity: number): void {
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a.subarray(0, Math.min(a.length, this.entries.length)));
      return b;
    };
    this.allocCpu = grow(this.allocCpu, (n) => new Float64Array(n));
    this.allocMem = grow(this.allocMem, (n) => new Float64Array(n));
    this.allocPods = grow(this.allocPods, (n) => new Float64Array(n));
    this.reqCpu = grow(this.reqCpu, (n) => new Float64Array(n));
    this.reqMem = grow(this.reqMem, (n) => new Float64Array(n));
    this.nzCpu = grow(this.nzCpu, (n) => new Float64Array(n));
    this.nzMem = grow(this.nzMem, (n) => new Float64Array(n));
    this.pods = grow(this.pods, (n) => new Int32Array(n));
    this.minPriority = grow(this.minPriority, (n) => new Float64Array(n));
    this.minPriorityCount = grow(this.minPriorityCount, (n) => new Int32Array(n));
    this.flags = grow(this.flags, (n) => new Uint8Array(n));
    this.resourceScore = new Float64Array(capacity);
    this.scoreStamp = new Uint32Array(capacity); // all stale: indices may have moved
    this.capacity = capacity;
  }

  private append(node: Node): number {
    const i = this.entries.length;
    if (i >= this.capacity) this.allocate(Math.max(16, this.capacity * 2));
    this.entries.push({ name: node.metadata.name, node, hardTaints: [], preferTaints: [], labels: {}, ports: undefined });
    this.byName.set(node.metadata.name, i);
    this.reqCpu[i] = 0; this.reqMem[i] = 0; this.nzCpu[i] = 0; this.nzMem[i] = 0; this.pods[i] = 0; this.flags[i] = 0;
    this.scoreStamp[i] = 0;
    this.refresh(i, node, true);
    return i;
  }

  private refresh(i: number, node: Node, force = false): void {
    const e = this.entries[i];
    if (e.node === node && !force) return;
    e.node = node;
    this.scoreStamp[i] = 0;
    const alloc = node.status?.allocatable ?? {};
    this.allocCpu[i] = cpuMillis(alloc.cpu) ?? 0;
    this.allocMem[i] = bytes(alloc.memory) ?? 0;
    this.allocPods[i] = Math.floor(Number(alloc.pods ?? 0)) || 0;
    const taints = node.spec?.taints ?? [];
    e.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    e.preferTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    e.labels = node.metadata.labels ?? {};
    let f = this.flags[i] & F_LOADED;
    if (node.spec?.unschedulable === true) f |= F_UNSCHEDULABLE;
    if (e.hardTaints.length > 0) f |= F_HARD_TAINTS;
    if (e.preferTaints.length > 0) f |= F_PREFER_TAINTS;
    if (e.labels['kubernetes.io/hostname'] !== undefined) f |= F_HOSTNAME;
    this.flags[i] = f;
  }

  // ---------------------------------------------------------- kept in step by the watch handlers

  nodeChanged(after: Node | undefined): void {
    if (!this.initialized) return;
    if (after === undefined) { this.orderDirty = true; return; }
    const i = this.byName.get(after.metadata.name);
    if (i === undefined) this.append(after);
    else this.refresh(i, after);
  }

  podChanged(after: Pod | undefined, before: Pod | undefined): void {
    this.nominated?.podChanged(after, before);
    if (!this.initialized) return;
    if (after !== undefined && before !== undefined && sameContribution(after, before)) return;
    if (before !== undefined) this.applyPod(before, -1);
    if (after !== undefined) this.applyPod(after, 1);
  }

  /** Adds (or takes away) what a bound Pod takes from its node, if that node is loaded; terminal Pods take nothing (the scheduler's informer drops them). */
  private applyPod(pod: Pod, sign: 1 | -1): void {
    const node = pod.spec.nodeName;
    if (!node || isTerminal(pod)) return;
    const i = this.byName.get(node);
    if (i === undefined || (this.flags[i] & F_LOADED) === 0) return;
    const r = podResources(pod);
    this.scoreStamp[i] = 0;
    this.reqCpu[i] += sign * r.cpuMillis;
    this.reqMem[i] += sign * r.memoryBytes;
    this.nzCpu[i] += sign * r.nonZeroCpuMillis;
    this.nzMem[i] += sign * r.nonZeroMemoryBytes;
    this.pods[i] += sign;
    if (r.hostPorts.length > 0) this.addPorts(i, r.hostPorts, sign);
    const priority = pod.spec.priority ?? 0;
    if (this.minPriorityCount[i] >= 0) {
      if (sign === 1) {
        if (priority < this.minPriority[i]) { this.minPriority[i] = priority; this.minPriorityCount[i] = 1; } else if (priority === this.minPriority[i]) this.minPriorityCount[i]++;
      } else if (priority === this.minPriority[i] && --this.minPriorityCount[i] === 0) this.minPriorityCount[i] = -1;
    }
    // countPodsMatchSelector skips terminating Pods.
    const owner = pod.metadata.deletionTimestamp === undefined ? spreadOwner(pod) : undefined;
    if (owner !== undefined) {
      const counts = this.countsFor(owner);
      counts[i] = Math.max(0, counts[i] + sign);
    }
  }

  private addPorts(i: number, ports: readonly string[], sign: 1 | -1): void {
    const e = this.entries[i];
    for (const p of ports) {
      e.ports ??= new Map();
      const n = (e.ports.get(p) ?? 0) + sign;
      if (n > 0) e.ports.set(p, n); else e.ports.delete(p);
    }
  }

  /** An owner's spread counts, made (all zero) if it has none yet. */
  private countsFor(owner: string): Uint16Array {
    let counts = this.ownerCounts(owner);
    if (counts === undefined) { counts = new Uint16Array(this.capacity); this.owners.set(owner, counts); }
    return counts;
  }
}

const caches = new WeakMap<object, SchedulerCache>();

export function cacheFor(view: ClusterView): SchedulerCache {
  let c = caches.get(view);
  if (c === undefined) { c = new SchedulerCache(view); caches.set(view, c); }
  return c;
}

/** The cache of a view if one was made (watch handlers only maintain, never create). */
export function existingCache(view: ClusterView): SchedulerCache | undefined {
  return caches.get(view);
}

/** Kinds whose selector helper.DefaultSelector uses to spread a Pod's replicas. */
const SPREAD_OWNER_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'ReplicationController']);

/** The owner uid a Pod is spread with (its controller, if a ReplicaSet/StatefulSet/ReplicationController). */
export function spreadOwner(pod: Pod): string | undefined {
  for (const ref of pod.metadata.ownerReferences ?? []) {
    if (ref.controller === true) return SPREAD_OWNER_KINDS.has(ref.kind) ? ref.uid : undefined;
  }
  return undefined;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function sameContribution(a: Pod, b: Pod): boolean {
  return a.spec.nodeName === b.spec.nodeName
    && (a.spec === b.spec || a.spec.containers === b.spec.containers)
    && (a.metadata.deletionTimestamp === undefined) === (b.metadata.deletionTimestamp === undefined)
    && isTerminal(a) === isTerminal(b)
    && a.metadata.ownerReferences === b.metadata.ownerReferences;
}
