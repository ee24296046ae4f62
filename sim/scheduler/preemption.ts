import type { LabelSelector, Pod } from '../api/types';
import type { Rng } from '../engine/rng';
import { matchesSelector } from '../store/labels';
import type { SchedulerCache } from './cache';
import { podResources, portsConflict, type PodResources } from './pod-resources';
import type { NominatedLoad } from './nominator';
import { REASON, addCount, fitErrorMessage } from './fit-error';
import { insufficientResources } from './schedule-one';
import type { VolumeBinding } from '../storage/volume-binding';

// The DefaultPreemption PostFilter plugin (pkg/scheduler/framework/plugins/defaultpreemption
// default_preemption.go) and its Evaluator (pkg/scheduler/framework/preemption preemption.go), run
// when a Pod fits on no node: PodEligibleToPreemptOthers, then findCandidates (a dry run of
// SelectVictimsOnNode on each node whose failure removing Pods could resolve), SelectCandidate
// (pickOneNodeForPreemption) and, for the chosen node, the victims to delete and the lower-priority
// Pods nominated there whose nomination is cleared (prepareCandidate, done by the caller).
// Only nodes holding a Pod of lower priority than the preemptor's are examined Pod by Pod (the
// cache keeps each node's lowest priority): with every Pod at one priority this costs nothing more.

/** A node the Filter plugins rejected: why, and whether preemption cannot help (UnschedulableAndUnresolvable). */
export interface FilterFailure {
  readonly node: number;
  readonly reasons: readonly string[];
  readonly unresolvable: boolean;
}

/** PodDisruptionBudget, as far as preemption reads it. */
export interface DisruptionBudget {
  readonly metadata: { readonly namespace?: string };
  readonly spec?: { readonly selector?: LabelSelector };
  readonly status?: { readonly disruptionsAllowed?: number; readonly disruptedPods?: Readonly<Record<string, string>> };
}

export interface Candidate {
  readonly node: string;
  /** The victims, most important first (MoreImportantPod). */
  readonly victims: readonly Pod[];
  readonly numPDBViolations: number;
}

export interface PreemptionResult {
  /** The Status message when preemption did not help (FailedScheduling adds it after "preemption: "). */
  readonly message?: string;
  /**
   * The NominatingInfo: a node name to nominate, '' to clear a nomination, undefined to leave the
   * Pod's status.nominatedNodeName as it is (the Pod was not eligible).
   */
  readonly nominatedNodeName?: string;
  readonly candidate?: Candidate;
  /** getLowerPriorityNominatedPods: Pods nominated to the chosen node with a lower priority, to un-nominate. */
  readonly lowerPriorityNominated?: readonly Pod[];
}

/** DefaultPreemptionArgs defaults: minCandidateNodesPercentage 10, minCandidateNodesAbsolute 100. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

/** v1.PodReasonPreemptionByScheduler: the DisruptionTarget reason the scheduler gives its victims. */
export const PREEMPTION_BY_SCHEDULER = 'PreemptionByScheduler';

const priorityOf = (pod: Pod): number => pod.spec.priority ?? 0; // corev1helpers.PodPriority

/** podTerminatingByPreemption: being deleted, with DisruptionTarget=True for PreemptionByScheduler. */
export function terminatingByPreemption(pod: Pod): boolean {
  if (pod.metadata.deletionTimestamp === undefined) return false;
  const c = pod.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return c !== undefined && c.status === 'True' && c.reason === PREEMPTION_BY_SCHEDULER;
}

/**
 * PodEligibleToPreemptOthers: not with preemptionPolicy Never; not while a lower-priority Pod on its
 * nominated node is still terminating from an earlier preemption, unless the filters now reject that
 * node as unresolvable. Returns the reason when not eligible.
 */
export function ineligibilityReason(cache: SchedulerCache, pod: Pod, failures: readonly FilterFailure[]): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return REASON.preemptionNever;
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  if (!nominated) return undefined;
  const i = cache.indexOf(nominated);
  if (i === undefined) return undefined;
  if (failures.some((f) => f.node === i && f.unresolvable)) return undefined;
  const priority = priorityOf(pod);
  if (cache.lowestPriority(i) >= priority) return undefined;
  for (const p of cache.podsOn(nominated)) {
    if (priorityOf(p) < priority && terminatingByPreemption(p)) return REASON.terminatingOnNominatedNode;
  }
  return undefined;
}

/** calculateNumCandidates: 10% of the nodes, at least 100, at most all. */
export function numCandidates(numNodes: number): number {
  const n = Math.max(Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100), MIN_CANDIDATE_NODES_ABSOLUTE);
  return Math.min(n, numNodes);
}

/** What a node holds in the dry run: requests, Pod count and host ports. */
interface NodeState {
  cpu: number;
  mem: number;
  pods: number;
  readonly ports: Map<string, number> | undefined;
}

/** The Filter plugins a Pod's removal can change the answer of, in their order: NodePorts, NodeResourcesFit, then the volume plugins. */
function filterFailure(cache: SchedulerCache, i: number, res: PodResources, s: NodeState, volumes: VolumeBinding | undefined): readonly string[] | undefined {
  if (res.hostPorts.length > 0 && portsConflict(res.hostPorts, s.ports)) return [REASON.ports];
  const insufficient = insufficientResources(res, s.pods, cache.allocPods[i], cache.allocCpu[i] - s.cpu, cache.allocMem[i] - s.mem);
  if (insufficient.length > 0) return insufficient;
  // The volume plugins answer per node here; a ReadWriteOncePod conflict stays one (see README).
  const volume = volumes?.filter(cache.entries[i].node);
  return volume === undefined ? undefined : [volume.reason];
}

function addPod(s: NodeState, pod: Pod, sign: 1 | -1): void {
  const r = podResources(pod);
  s.cpu += sign * r.cpuMillis; s.mem += sign * r.memoryBytes; s.pods += sign;
  if (s.ports !== undefined) {
    for (const p of r.hostPorts) {
      const n = (s.ports.get(p) ?? 0) + sign;
      if (n > 0) s.ports.set(p, n); else s.ports.delete(p);
    }
  }
}

/** util.GetPodStartTime: status.startTime, or now for a Pod that has not started. */
function startTimeMs(pod: Pod, nowMs: number): number {
  const t = pod.status?.startTime;
  return t === undefined ? nowMs : Date.parse(t);
}

/** util.MoreImportantPod: higher priority first, then the one that started earlier. */
export function moreImportantFirst(nowMs: number): (a: Pod, b: Pod) => number {
  return (a, b) => (priorityOf(b) - priorityOf(a)) || (startTimeMs(a, nowMs) - startTimeMs(b, nowMs));
}

/**
 * filterPodsWithPDBViolation: splits Pods (in their order) into those whose eviction would take a
 * budget below zero and the others. A budget with an empty selector matches nothing; a Pod already
 * in its disruptedPods is not counted again.
 */
export function splitByPDBViolation(pods: readonly Pod[], pdbs: readonly DisruptionBudget[]): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((b) => b.status?.disruptionsAllowed ?? 0);
  const violating: Pod[] = [], nonViolating: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels;
    if (labels !== undefined && Object.keys(labels).length > 0) {
      pdbs.forEach((b, k) => {
        const selector = b.spec?.selector;
        if ((b.metadata.namespace ?? '') !== (pod.metadata.namespace ?? '') || selector === undefined) return;
        if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) return;
        if (!matchesSelector(labels, selector) || b.status?.disruptedPods?.[pod.metadata.name] !== undefined) return;
        if (--allowed[k] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/**
 * SelectVictimsOnNode: take away every Pod of lower priority (with those nominated here that `pod`
 * yields to still counted); if `pod` then fits, give back as many as possible, the PDB-violating ones
 * first, each group most important first; the Pods that could not be given back are the victims.
 * Returns the failure reasons when there is nothing to take away or `pod` does not fit even so.
 */
export function selectVictimsOnNode(
  cache: SchedulerCache, i: number, pod: Pod, res: PodResources, nominated: NominatedLoad | undefined,
  volumes: VolumeBinding | undefined, pdbs: readonly DisruptionBudget[], nowMs: number,
): Candidate | { readonly reasons: readonly string[] } {
  const name = cache.entries[i].name;
  const priority = priorityOf(pod);
  const potential = cache.lowestPriority(i) < priority ? cache.podsOn(name).filter((p) => priorityOf(p) < priority) : [];
  if (potential.length === 0) return { reasons: [REASON.noVictims] };
  const ports = res.hostPorts.length === 0 ? undefined : new Map(cache.entries[i].ports ?? []);
  const s: NodeState = { cpu: cache.reqCpu[i], mem: cache.reqMem[i], pods: cache.pods[i], ports };
  if (nominated !== undefined) {
    s.cpu += nominated.cpuMillis; s.mem += nominated.memoryBytes; s.pods += nominated.pods;
    for (const p of ports === undefined ? [] : nominated.hostPorts) ports!.set(p, (ports!.get(p) ?? 0) + 1);
  }
  for (const p of potential) addPod(s, p, -1);
  const failure = filterFailure(cache, i, res, s, volumes);
  if (failure !== undefined) return { reasons: failure };
  const order = moreImportantFirst(nowMs);
  potential.sort(order);
  const { violating, nonViolating } = splitByPDBViolation(potential, pdbs);
  let victims: Pod[] = [];
  let numPDBViolations = 0;
  const reprieve = (p: Pod): boolean => {
    addPod(s, p, 1);
    if (filterFailure(cache, i, res, s, volumes) === undefined) return true;
    addPod(s, p, -1);
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) victims = victims.sort(order);
  if (victims.length === 0) return { reasons: [`expected at least one victim pod on node "${name}"`] };
  return { node: name, victims, numPDBViolations };
}

/**
 * pickOneNodeForPreemption: the fewest PDB violations, then the lowest highest-victim priority, the
 * smallest sum of victim priorities, the fewest victims, the latest start of the highest-priority
 * victims; then the first candidate. Victims are most important first.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], nowMs: number): Candidate | undefined {
  const earliestTopStart = (c: Candidate): number => {
    // util.GetEarliestPodStartTime: the earliest start among the victims of the highest priority.
    const top = priorityOf(c.victims[0]);
    let earliest = Infinity;
    for (const v of c.victims) if (priorityOf(v) === top) earliest = Math.min(earliest, startTimeMs(v, nowMs));
    return earliest;
  };
  const scores: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -priorityOf(c.victims[0]),
    // MaxInt32 + 1 added to each priority, so a few negative ones do not beat fewer of the same.
    (c) => -c.victims.reduce((sum, v) => sum + priorityOf(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    earliestTopStart,
  ];
  let all = candidates;
  for (const score of scores) {
    if (all.length <= 1) break;
    let max = -Infinity;
    let selected: Candidate[] = [];
    for (const c of all) {
      const s = score(c);
      if (s > max) { max = s; selected = [c]; } else if (s === max) selected.push(c);
    }
    all = selected;
  }
  return all[0];
}

/**
 * Evaluator.Preempt for a Pod no node fits: `failures` are the Filter verdicts (every node but those
 * a PreFilter left out, which preemption does not try). `nominatedLoad` gives what the Pods
 * nominated to a node take there for this Pod.
 */
export function preempt(
  cache: SchedulerCache, pod: Pod, res: PodResources, failures: readonly FilterFailure[], numAllNodes: number,
  volumes: VolumeBinding | undefined, listPDBs: () => readonly DisruptionBudget[], nominatedLoad: (node: string) => NominatedLoad | undefined,
  rng: Rng, nowMs: number,
): PreemptionResult {
  const ineligible = ineligibilityReason(cache, pod, failures);
  if (ineligible !== undefined) return { message: ineligible };
  // findCandidates: only the nodes whose failure is Unschedulable (not ...AndUnresolvable) are tried.
  const potential = failures.filter((f) => !f.unresolvable);
  const priority = priorityOf(pod);
  const counts = new Map<string, number>();
  const notTried = numAllNodes - potential.length;
  // No node holds a lower-priority Pod: every tried node answers "No preemption victims" whatever the order.
  if (!potential.some((f) => cache.lowestPriority(f.node) < priority)) {
    if (notTried > 0) addCount(counts, REASON.notHelpful, notTried);
    if (potential.length > 0) addCount(counts, REASON.noVictims, potential.length);
    return { message: fitErrorMessage(numAllNodes, counts), nominatedNodeName: '' };
  }
  // DryRunPreemption from a random offset, until enough candidates are found (one of them without PDB violations).
  const offset = rng.int(potential.length);
  const wanted = numCandidates(potential.length);
  const pdbs = listPDBs();
  const nonViolating: Candidate[] = [], violating: Candidate[] = [];
  let tried = 0;
  for (let k = 0; k < potential.length; k++) {
    const f = potential[(offset + k) % potential.length];
    tried++;
    const r = selectVictimsOnNode(cache, f.node, pod, res, nominatedLoad(cache.entries[f.node].name), volumes, pdbs, nowMs);
    if ('reasons' in r) { for (const reason of r.reasons) addCount(counts, reason); continue; }
    (r.numPDBViolations === 0 ? nonViolating : violating).push(r);
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
  }
  const candidates = [...nonViolating, ...violating];
  if (candidates.length === 0) {
    // The FitError of the dry run: nodes not tried are "not helpful" (SetAbsentNodesStatus).
    if (numAllNodes > tried) addCount(counts, REASON.notHelpful, numAllNodes - tried);
    return { message: fitErrorMessage(numAllNodes, counts), nominatedNodeName: '' };
  }
  const best = pickOneNodeForPreemption(candidates, nowMs)!;
  const lowerPriorityNominated = cache.nominator().nominatedPodsForNode(best.node).filter((p) => priorityOf(p) < priority);
  return { nominatedNodeName: best.node, candidate: best, lowerPriorityNominated };
}
