// Score plugins' arithmetic (pkg/scheduler/framework/plugins), integer as in Go. Each plugin's
// score is normalised to 0..MaxNodeScore, then weighted (apis/config/v1/default_plugins.go).

export const MAX_NODE_SCORE = 100;

/** default_plugins.go weights of the score plugins the simulator runs. */
export const WEIGHTS = {
  TaintToleration: 3,
  NodeAffinity: 2,
  NodeResourcesFit: 1,
  PodTopologySpread: 2,
  InterPodAffinity: 2,
  NodeResourcesBalancedAllocation: 1,
  ImageLocality: 1,
} as const;

/**
 * noderesources leastRequestedScore: free share of one resource, 0..100 (integer division).
 *
 * | requested | capacity | score |
 * |-----------|----------|-------|
 * | 0         | 2000     | 100   |
 * | 500       | 2000     | 75    |
 * | 2500      | 2000     | 0     |
 */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated over cpu and memory (weight 1 each); resources a node does not offer are skipped. */
export function leastAllocatedScore(reqCpu: number, allocCpu: number, reqMem: number, allocMem: number): number {
  let score = 0, weights = 0;
  if (allocCpu !== 0) { score += leastRequestedScore(reqCpu, allocCpu); weights += 1; }
  if (allocMem !== 0) { score += leastRequestedScore(reqMem, allocMem); weights += 1; }
  return weights === 0 ? 0 : Math.trunc(score / weights);
}

/**
 * balanced_allocation balancedResourceScorer for cpu and memory: (1 - |f_cpu - f_mem| / 2) * 100,
 * fractions capped at 1.
 *
 * | cpu frac | mem frac | score |
 * |----------|----------|-------|
 * | 0.5      | 0.5      | 100   |
 * | 0.8      | 0.2      | 70    |
 */
export function balancedAllocationScore(reqCpu: number, allocCpu: number, reqMem: number, allocMem: number): number {
  // With one resource (or none) the standard deviation is 0.
  const std = allocCpu !== 0 && allocMem !== 0 ? Math.abs((Math.min(1, reqCpu / allocCpu) - Math.min(1, reqMem / allocMem)) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * helper.DefaultNormalizeScore: scale to 0..max by the largest score; reverse flips it.
 * All zero: 0 each, or max each when reversed.
 */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let maxCount = 0;
  for (const s of scores) if (s > maxCount) maxCount = s;
  if (maxCount === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * scores[i]) / maxCount);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}

/** podtopologyspread topologyNormalizingWeight: log(size + 2). */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** podtopologyspread scoreForCount: matching Pods weighted, plus maxSkew - 1. */
export function scoreForCount(count: number, maxSkew: number, weight: number): number {
  return count * weight + (maxSkew - 1);
}

/**
 * PodTopologySpread NormalizeScore: fewer matching Pods scores higher.
 * score = 100 * (max + min - s) / max; all zero -> 100 each.
 */
export function normalizeSpreadScores(scores: number[]): void {
  let min = Infinity, max = 0;
  for (const s of scores) { if (s < min) min = s; if (s > max) max = s; }
  for (let i = 0; i < scores.length; i++) {
    scores[i] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
  }
}

/**
 * schedule_one.go numFeasibleNodesToFind with percentageOfNodesToScore unset (adaptive).
 *
 * | nodes | to find |
 * |-------|---------|
 * | 50    | 50      |
 * | 100   | 100     |
 * | 1000  | 420     |
 * | 5000  | 500     |
 */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  const MIN_FEASIBLE_NODES_TO_FIND = 100;
  const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = 50 - Math.trunc(numAllNodes / 125);
  if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}
