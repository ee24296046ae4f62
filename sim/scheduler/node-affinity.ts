import type { Labels, Node, Pod } from '../api/types';

// NodeAffinity plugin semantics (pkg/scheduler/framework/plugins/nodeaffinity, component-helpers
// scheduling/corev1/nodeaffinity): nodeSelector AND required node affinity; terms are ORed, the
// requirements of one term ANDed; matchFields only knows metadata.name.

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  readonly values?: readonly string[];
}
export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  readonly matchFields?: readonly NodeSelectorRequirement[];
}
export interface PreferredSchedulingTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}
interface NodeAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: { readonly nodeSelectorTerms?: readonly NodeSelectorTerm[] };
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[];
}

export function nodeAffinityOf(pod: Pod): NodeAffinity | undefined {
  return (pod.spec.affinity as { nodeAffinity?: NodeAffinity } | undefined)?.nodeAffinity;
}

export function requiredTerms(pod: Pod): readonly NodeSelectorTerm[] | undefined {
  return nodeAffinityOf(pod)?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
}

export function preferredTerms(pod: Pod): readonly PreferredSchedulingTerm[] {
  return nodeAffinityOf(pod)?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
}

function matchesRequirement(value: string | undefined, req: NodeSelectorRequirement): boolean {
  const has = value !== undefined;
  switch (req.operator) {
    case 'In': return has && (req.values ?? []).includes(value);
    case 'NotIn': return !has || !(req.values ?? []).includes(value);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt': case 'Lt': {
      if (!has || !/^-?\d+$/.test(value) || (req.values ?? []).length !== 1) return false;
      const a = Number(value);
      const b = Number(req.values![0]);
      return req.operator === 'Gt' ? a > b : a < b;
    }
    default: return false;
  }
}

/** One term: every expression on labels and every field (metadata.name) must hold; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, labels: Labels | undefined, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const req of exprs) if (!matchesRequirement(labels?.[req.key], req)) return false;
  for (const req of fields) {
    if (req.key !== 'metadata.name') return false;
    if (!matchesRequirement(nodeName, req)) return false;
  }
  return true;
}

/** RequiredNodeAffinity.Match: nodeSelector (every pair) AND any required term. */
export function nodeMatchesPod(pod: Pod, node: Node): boolean {
  const selector = pod.spec.nodeSelector;
  const labels = node.metadata.labels;
  if (selector !== undefined) {
    for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  }
  const terms = requiredTerms(pod);
  if (terms === undefined) return true;
  for (const term of terms) if (termMatches(term, labels, node.metadata.name)) return true;
  return false;
}

/**
 * NodeAffinity PreFilter: the node names a Pod is pinned to by `matchFields metadata.name In`
 * (DaemonSet Pods), or undefined when any node may do.
 *
 * | required terms                                         | result            |
 * |--------------------------------------------------------|-------------------|
 * | none                                                   | undefined         |
 * | [{matchFields: [metadata.name In [n1]]}]               | {n1}              |
 * | [{matchFields: [name In [n1]]}, {matchExpressions: …}] | undefined (ORed)  |
 */
export function pinnedNodeNames(pod: Pod): ReadonlySet<string> | undefined {
  const terms = requiredTerms(pod);
  if (terms === undefined || terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
    }
    if (termNames === undefined) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

/** NodeAffinity Score: the summed weights of the preferred terms a node matches. */
export function preferredAffinityScore(terms: readonly PreferredSchedulingTerm[], node: Node): number {
  let score = 0;
  for (const t of terms) if (t.weight !== 0 && termMatches(t.preference, node.metadata.labels, node.metadata.name)) score += t.weight;
  return score;
}
