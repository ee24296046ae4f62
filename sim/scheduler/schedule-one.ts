import type { KubeObject, Node, Pod, Taint, Toleration } from '../api/types';
import type { ClusterView } from '../engine/types';
import type { Rng } from '../engine/rng';
import { F_HARD_TAINTS, F_HOSTNAME, F_LOADED, F_PREFER_TAINTS, F_UNSCHEDULABLE, cacheFor, spreadOwner, type SchedulerCache } from './cache';
import { podResources, portsConflict, type PodResources } from './pod-resources';
import { firstUntoleratedTaint, formatTaintForReason, toleratesAny } from './taints';
import { nodeMatchesPod, pinnedNodeNames, preferredAffinityScore, preferredTerms, requiredTerms } from './node-affinity';
import {
  MAX_NODE_SCORE, WEIGHTS, numFeasibleNodesToFind, topologyNormalizingWeight,
} from './scores';
import { NO_NODES_AVAILABLE, REASON, absentNodesReason, addCount, fitErrorMessage, postFilterMessage } from './fit-error';
import { preFilterFitMessage, volumeBindingFor, type VolumeBinding } from '../storage/volume-binding'; // VolumeBinding plugin (sim/storage)
import type { NominatedLoad } from './nominator';
import { preempt, type Candidate, type DisruptionBudget, type FilterFailure } from './preemption';

// One scheduling cycle (pkg/scheduler/schedule_one.go schedulePod): PreFilter (NodeAffinity's
// node names), Filter from a start index until numFeasibleNodesToFind nodes fit, Score, selectHost.
// Nodes are indices into the cache's arrays; the loops allocate nothing per node.

export interface ScheduleResult {
  /** The chosen node, or undefined when nothing fits. */
  readonly node?: string;
  /** The chosen Node object (the cache's, which is the view's current one). */
  readonly nodeObject?: Node;
  /** FailedScheduling / PodScheduled=False message when nothing fits. */
  readonly message?: string;
  /** True when some node failed only for resources or ports (a Pod going away may help). */
  readonly resourceRejected?: boolean;
  /** DefaultPreemption's NominatingInfo: the node to nominate, '' to clear the nomination, undefined to keep it. */
  readonly nominatedNodeName?: string;
  /** The preemption to carry out (prepareCandidate): the victims, and lower-priority Pods nominated there. */
  readonly preemption?: { readonly candidate: Candidate; readonly lowerPriorityNominated: readonly Pod[] };
  readonly evaluatedNodes: number;
  readonly feasibleNodes: number;
}

type Failure = FilterFailure;

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;
const HOSTNAME_MAX_SKEW = 3; // system default constraint kubernetes.io/hostname, maxSkew 3, ScheduleAnyway
// The score loops' constants as locals of this module (an imported binding is read through the module's exports object).
const MAX = MAX_NODE_SCORE;
const FIT_WEIGHT = WEIGHTS.NodeResourcesFit, BALANCED_WEIGHT = WEIGHTS.NodeResourcesBalancedAllocation;
const TAINT_WEIGHT = WEIGHTS.TaintToleration, AFFINITY_WEIGHT = WEIGHTS.NodeAffinity, SPREAD_WEIGHT = WEIGHTS.PodTopologySpread;
const SLOW_FILTER = F_UNSCHEDULABLE | F_HARD_TAINTS, LOADED = F_LOADED, PREFER_TAINTS = F_PREFER_TAINTS, HOSTNAME = F_HOSTNAME;

let scratch = { feasible: new Int32Array(0), taint: new Float64Array(0), affinity: new Float64Array(0), spread: new Float64Array(0), totals: new Float64Array(0) };

function scratchFor(m: number): typeof scratch {
  if (scratch.totals.length < m) {
    const n = Math.max(m, 2 * scratch.totals.length, 64);
    scratch = { feasible: new Int32Array(n), taint: new Float64Array(n), affinity: new Float64Array(n), spread: new Float64Array(n), totals: new Float64Array(n) };
  }
  return scratch;
}

/** Decides where `pod` goes; rng picks the start index on large clusters and breaks score ties. */
export function schedulePod(view: ClusterView, pod: Pod, rng: Rng): ScheduleResult {
  const cache = cacheFor(view);
  const total = cache.size();
  if (total === 0) return { message: NO_NODES_AVAILABLE, evaluatedNodes: 0, feasibleNodes: 0 };
  const res = podResources(pod);
  const tolerations = pod.spec.tolerations ?? [];
  const needsAffinity = pod.spec.nodeSelector !== undefined || requiredTerms(pod) !== undefined;
  const toleratesUnschedulable = toleratesAny(tolerations, UNSCHEDULABLE_TAINT);
  const wantsPorts = res.hostPorts.length > 0;
  // VolumeBinding (sim/storage/volume-binding.ts): PreFilter may reject every node; Filter runs per node.
  const volumes = volumeBindingFor(view, pod);
  if (volumes?.preFilter !== undefined) return { message: preFilterFitMessage(total, volumes.preFilter), evaluatedNodes: 0, feasibleNodes: 0 };

  // PreFilter: NodeAffinity narrows to the nodes named by matchFields metadata.name (DaemonSet Pods).
  const pinned = pinnedNodeNames(pod);
  let candidates: number[] | undefined;
  if (pinned !== undefined) {
    candidates = [];
    for (const name of [...pinned].sort()) {
      const i = cache.indexOf(name);
      if (i !== undefined) candidates.push(i);
    }
  }

  // The Pods nominated to nodes by earlier preemptions hold their places for Pods not above them.
  const nominator = cache.nominator();
  const nominatedLoad = nominator.size === 0 ? noNominatedLoad : (name: string) => nominator.loadFor(name, pod);

  // evaluateNominatedNode: a Pod nominated by an earlier preemption tries that node first, and takes it if it fits.
  const nominatedName = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  if (nominatedName) {
    const i = cache.indexOf(nominatedName);
    if (i !== undefined && (candidates === undefined || candidates.includes(i))
      && filterSlow(cache, i, pod, res, tolerations, needsAffinity, toleratesUnschedulable, volumes, nominatedLoad(nominatedName)) === undefined) {
      return { node: nominatedName, nodeObject: cache.entries[i].node, evaluatedNodes: 1, feasibleNodes: 1 };
    }
  }

  const n = candidates !== undefined ? candidates.length : total;
  const toFind = numFeasibleNodesToFind(n);
  // kube-scheduler rotates nextStartNodeIndex in memory; the simulator has no scheduler memory, so
  // the start of a partial search is drawn from the seeded generator instead.
  const start = n > toFind ? rng.int(n) : 0;
  const { feasible } = scratchFor(Math.max(toFind, 1));
  let found = 0;
  const failures: Failure[] = [];
  const { flags, pods, allocPods, allocCpu, reqCpu, allocMem, reqMem } = cache;
  const cpu = res.cpuMillis, mem = res.memoryBytes;
  for (let k = 0; k < n && found < toFind; k++) {
    let i = start + k;
    if (i >= n) i -= n;
    if (candidates !== undefined) i = candidates[i];
    const f = flags[i];
    const nominated = nominatedLoad === noNominatedLoad ? undefined : nominatedLoad(cache.entries[i].name);
    if ((f & SLOW_FILTER) !== 0 || needsAffinity || wantsPorts || volumes !== undefined || (f & LOADED) === 0 || nominated !== undefined) {
      const failure = filterSlow(cache, i, pod, res, tolerations, needsAffinity, toleratesUnschedulable, volumes, nominated);
      if (failure !== undefined) { failures.push(failure); continue; }
    } else if (pods[i] + 1 > allocPods[i] || cpu > allocCpu[i] - reqCpu[i] || mem > allocMem[i] - reqMem[i]) {
      failures.push(resourceFailure(cache, i, res)!);
      continue;
    }
    feasible[found++] = i;
  }
  const evaluated = found + failures.length;

  if (found === 0) {
    const counts = new Map<string, number>();
    for (const f of failures) for (const r of f.reasons) addCount(counts, r);
    const absent = total - n;
    if (pinned !== undefined && absent > 0) addCount(counts, absentNodesReason(['NodeAffinity']), absent);
    // PostFilter: DefaultPreemption (its message follows DynamicResources' when it does not help).
    const pdbs = () => view.list<KubeObject>('PodDisruptionBudget') as readonly DisruptionBudget[]; // not served by the simulator yet: none
    const nowMs = view.config.epochMs + view.nowMs;
    const p = preempt(cache, pod, res, failures, total, volumes, pdbs, nominatedLoad, rng, nowMs);
    const resourceRejected = failures.some((f) => !f.unresolvable);
    const common = { resourceRejected, evaluatedNodes: evaluated, feasibleNodes: 0, ...(p.nominatedNodeName !== undefined ? { nominatedNodeName: p.nominatedNodeName } : {}) };
    if (p.candidate !== undefined) {
      return { ...common, message: fitErrorMessage(total, counts), preemption: { candidate: p.candidate, lowerPriorityNominated: p.lowerPriorityNominated ?? [] } };
    }
    return { ...common, message: fitErrorMessage(total, counts, postFilterMessage(p.message!)) };
  }
  if (found === 1) return { node: cache.entries[feasible[0]].name, nodeObject: cache.entries[feasible[0]].node, evaluatedNodes: evaluated, feasibleNodes: 1 };
  const scores = scoreNodes(cache, feasible, found, pod, res, tolerations);
  const chosen = cache.entries[feasible[selectHost(scores, rng, found)]];
  return { node: chosen.name, nodeObject: chosen.node, evaluatedNodes: evaluated, feasibleNodes: found };
}

/** The Filter plugins in their default order; the first that rejects a node names the reasons. */
function filterSlow(
  cache: SchedulerCache, i: number, pod: Pod, res: PodResources, tolerations: readonly Toleration[],
  needsAffinity: boolean, toleratesUnschedulable: boolean, volumes: VolumeBinding | undefined, nominated?: NominatedLoad,
): Failure | undefined {
  const e = cache.entries[i];
  const f = cache.flags[i];
  if ((f & F_UNSCHEDULABLE) !== 0 && !toleratesUnschedulable) return { node: i, reasons: [REASON.unschedulable], unresolvable: true };
  if ((f & F_HARD_TAINTS) !== 0) {
    const taint = firstUntoleratedTaint(e.hardTaints, tolerations);
    if (taint !== undefined) return { node: i, reasons: untoleratedReasons(taint), unresolvable: true };
  }
  if (needsAffinity && !nodeMatchesPod(pod, e.node)) return { node: i, reasons: [REASON.affinity], unresolvable: true };
  cache.load(i);
  if (res.hostPorts.length > 0 && (portsConflict(res.hostPorts, e.ports) || (nominated !== undefined && portsConflict(res.hostPorts, countPorts(nominated.hostPorts))))) {
    return { node: i, reasons: [REASON.ports], unresolvable: false };
  }
  const resources = resourceFailure(cache, i, res, nominated);
  if (resources !== undefined || volumes === undefined) return resources;
  const volume = volumes.filter(e.node); // VolumeRestrictions and VolumeBinding come after NodeResourcesFit
  return volume !== undefined ? { node: i, reasons: [volume.reason], unresolvable: !volume.resolvable } : undefined;
}

// The TaintToleration reason of a node's taint, made once a taint object (a tainted node rejects every
// Pod that reaches it without the toleration); frozen, shared by the failures.
const taintReasons = new WeakMap<Taint, readonly string[]>();

export function untoleratedReasons(taint: Taint): readonly string[] {
  let reasons = taintReasons.get(taint);
  if (reasons === undefined) {
    reasons = Object.freeze([`node(s) had untolerated taint ${formatTaintForReason(taint)}`]);
    taintReasons.set(taint, reasons);
  }
  return reasons;
}

function resourceFailure(cache: SchedulerCache, i: number, res: PodResources, nominated?: NominatedLoad): Failure | undefined {
  const extraPods = nominated?.pods ?? 0, extraCpu = nominated?.cpuMillis ?? 0, extraMem = nominated?.memoryBytes ?? 0;
  const reasons = insufficientResources(res, cache.pods[i] + extraPods, cache.allocPods[i], cache.allocCpu[i] - cache.reqCpu[i] - extraCpu, cache.allocMem[i] - cache.reqMem[i] - extraMem);
  return reasons.length > 0 ? { node: i, reasons, unresolvable: false } : undefined;
}

const noNominatedLoad = (): NominatedLoad | undefined => undefined;

function countPorts(ports: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of ports) m.set(p, (m.get(p) ?? 0) + 1);
  return m;
}

/** noderesources fitsRequest: pod count, then cpu and memory requests against what is left. */
export function insufficientResources(res: PodResources, pods: number, allowedPods: number, freeCpu: number, freeMem: number): string[] {
  const reasons: string[] = [];
  if (pods + 1 > allowedPods) reasons.push(REASON.tooManyPods);
  if (res.cpuMillis === 0 && res.memoryBytes === 0) return reasons;
  if (res.cpuMillis > 0 && res.cpuMillis > freeCpu) reasons.push(REASON.insufficientCpu);
  if (res.memoryBytes > 0 && res.memoryBytes > freeMem) reasons.push(REASON.insufficientMemory);
  return reasons;
}

/**
 * Score plugins, normalised and weighted; returns each feasible node's total (a shared scratch
 * buffer, valid until the next call), the highest and how many nodes have it. TaintToleration (PreferNoSchedule, fewer is better),
 * NodeAffinity (preferred terms), NodeResourcesFit (LeastAllocated), PodTopologySpread (system
 * default constraints: one owner's replicas over hostnames), NodeResourcesBalancedAllocation.
 * InterPodAffinity and ImageLocality score every node alike here and are left out.
 */
function scoreNodes(cache: SchedulerCache, feasible: Int32Array, m: number, pod: Pod, res: PodResources, tolerations: readonly Toleration[]): Scores {
  const { taint, affinity, spread, totals } = scratchFor(m);
  const { flags, nzCpu, nzMem, allocCpu, allocMem, reqCpu, reqMem, resourceScore, scoreStamp } = cache;
  // The resource scores depend on the node and the requests only: reuse those computed for the same requests.
  if (cache.scoredFor !== res) { cache.scoredFor = res; cache.scoreEpoch++; }
  const epoch = cache.scoreEpoch;
  const preferred = preferredTerms(pod);
  const owner = spreadOwner(pod);
  const counts = owner !== undefined ? cache.ownerCounts(owner) : undefined;
  const weight = topologyNormalizingWeight(m);
  const bestEffort = res.cpuMillis === 0 && res.memoryBytes === 0; // BalancedAllocation skips these
  const podCpu = res.cpuMillis, podMem = res.memoryBytes, podNzCpu = res.nonZeroCpuMillis, podNzMem = res.nonZeroMemoryBytes;
  let preferTolerations: Toleration[] | undefined;
  let maxTaint = 0, maxAffinity = 0, minSpread = Infinity, maxSpread = 0;
  for (let j = 0; j < m; j++) {
    const i = feasible[j];
    const f = flags[i];
    let t = 0;
    if ((f & PREFER_TAINTS) !== 0) {
      preferTolerations ??= tolerations.filter((x) => !x.effect || x.effect === 'PreferNoSchedule');
      for (const pt of cache.entries[i].preferTaints) if (!toleratesAny(preferTolerations, pt)) t++;
      if (t > maxTaint) maxTaint = t;
    }
    taint[j] = t;
    if (preferred.length > 0) {
      const a = preferredAffinityScore(preferred, cache.entries[i].node);
      affinity[j] = a;
      if (a > maxAffinity) maxAffinity = a;
    }
    if (owner !== undefined) {
      // scoreForCount(count, maxSkew, weight) = count * weight + (maxSkew - 1), rounded.
      const n = counts !== undefined ? counts[i] : 0; // most nodes hold none of the owner's Pods: the score is then maxSkew - 1
      const s = (f & HOSTNAME) === 0 ? 0 : n === 0 ? HOSTNAME_MAX_SKEW - 1 : Math.round(n * weight + (HOSTNAME_MAX_SKEW - 1));
      spread[j] = s;
      if (s < minSpread) minSpread = s;
      if (s > maxSpread) maxSpread = s;
    }
    if (scoreStamp[i] === epoch) { totals[j] = resourceScore[i]; continue; }
    // NodeResourcesFit LeastAllocated (non-zero requests) and BalancedAllocation (requests), inline:
    // see leastAllocatedScore and balancedAllocationScore in scores.ts for the rules and examples.
    const ac = allocCpu[i], am = allocMem[i];
    const rc = nzCpu[i] + podNzCpu, rm = nzMem[i] + podNzMem;
    let fit = 0, w = 0;
    if (ac !== 0) { fit += rc > ac ? 0 : Math.trunc(((ac - rc) * MAX) / ac); w++; }
    if (am !== 0) { fit += rm > am ? 0 : Math.trunc(((am - rm) * MAX) / am); w++; }
    if (w === 2) fit = Math.trunc(fit / 2);
    let balanced = 0;
    if (!bestEffort) {
      if (ac !== 0 && am !== 0) {
        const fc = Math.min(1, (reqCpu[i] + podCpu) / ac), fm = Math.min(1, (reqMem[i] + podMem) / am);
        balanced = Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX);
      } else balanced = MAX;
    }
    const score = FIT_WEIGHT * fit + BALANCED_WEIGHT * balanced;
    resourceScore[i] = score;
    scoreStamp[i] = epoch;
    totals[j] = score;
  }
  // The highest total and how many nodes share it, found as the totals are completed (for selectHost).
  let max = -Infinity, ties = 0;
  if (maxTaint === 0 && maxAffinity === 0 && owner === undefined) {
    for (let j = 0; j < m; j++) {
      const total = totals[j] + TAINT_WEIGHT * MAX;
      totals[j] = total;
      if (total > max) { max = total; ties = 1; } else if (total === max) ties++;
    }
    return { totals, max, ties };
  }
  for (let j = 0; j < m; j++) {
    // helper.DefaultNormalizeScore (reversed for taints) and PodTopologySpread's NormalizeScore, inline.
    const t = maxTaint === 0 ? MAX : MAX - Math.trunc((MAX * taint[j]) / maxTaint);
    const a = maxAffinity === 0 ? 0 : Math.trunc((MAX * affinity[j]) / maxAffinity);
    // Spread scores are whole numbers: a node at the minimum scores exactly MAX (100 * max / max).
    const s = owner === undefined ? 0 : maxSpread === 0 || spread[j] === minSpread ? MAX : Math.trunc((MAX * (maxSpread + minSpread - spread[j])) / maxSpread);
    const total = totals[j] + (TAINT_WEIGHT * t + AFFINITY_WEIGHT * a + SPREAD_WEIGHT * s);
    totals[j] = total;
    if (total > max) { max = total; ties = 1; } else if (total === max) ties++;
  }
  return { totals, max, ties };
}

interface Scores {
  readonly totals: Float64Array;
  readonly max: number;
  readonly ties: number;
}

/**
 * selectHost: the highest total, ties broken uniformly at random (kube-scheduler samples a
 * reservoir; drawing the k-th of the tied nodes once gives the same distribution).
 */
function selectHost({ totals, max, ties }: Scores, rng: Rng, length: number): number {
  let k = ties > 1 ? rng.int(ties) : 0;
  for (let j = 0; j < length; j++) if (totals[j] === max && k-- === 0) return j;
  return 0;
}
