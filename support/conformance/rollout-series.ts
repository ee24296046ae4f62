// The rollouts a scenario performed, as compact series for the conformance report's SVG charts:
// per Deployment that had more than one ReplicaSet, after every change the trace recorded,
// [virtual ms, Σ old ReplicaSets' spec.replicas, the new ReplicaSet's spec.replicas,
//  Σ status.availableReplicas of its ReplicaSets, the Deployment's spec.replicas].
// "The new ReplicaSet" is the one created, or scaled up from 0 (an undo re-adopts an old one),
// last: the one the deployment controller is rolling to. A series starts when the first rollout
// does, with the state just before it (all old). One pass over the trace.
import type { TraceEntry } from '../../sim/engine/types';
import { ownerName, TimelineState } from '../timeline';

/** The cucumber attachment's media type; the collector picks these out of the message stream. */
export const ROLLOUT_MEDIA_TYPE = 'application/vnd.kubespec.rollouts+json';

/** [tMs, old, new, available, desired] */
export type RolloutPoint = readonly [number, number, number, number, number];

export interface RolloutSeries {
  /** "namespace/name" */
  readonly deployment: string;
  /** The ReplicaSets in the order they became the new one. */
  readonly replicaSets: readonly string[];
  readonly points: readonly RolloutPoint[];
  /** Virtual time at the end of the scenario. */
  readonly endMs: number;
  /** Set when points were left out (kept: the last state of each instant). */
  readonly thinned?: true;
}

export const MAX_POINTS = 2000;

interface Tracked {
  readonly rs: Map<string, { replicas: number; available: number }>;
  readonly order: string[];
  newRS: string | undefined;
  desired: number;
  readonly points: RolloutPoint[];
  /** Where the first rollout began: the index of its first point, and its time. */
  rolloutFrom?: { readonly index: number; readonly timeMs: number };
}

/** The series of every Deployment in the trace that rolled out (had two or more ReplicaSets). */
export function rolloutSeries(trace: Iterable<TraceEntry>, endMs: number): RolloutSeries[] {
  const state = new TimelineState();
  const deployments = new Map<string, Tracked>();
  for (const e of trace) {
    if (e.verb === 'event' || e.verb === 'runtime' || (e.kind !== 'Deployment' && e.kind !== 'ReplicaSet')) continue;
    state.apply(e);
    if (e.kind === 'Deployment') {
      const key = `${e.namespace}/${e.name}`;
      const d = state.deployments.get(key);
      let t = deployments.get(key);
      if (d === undefined) { if (t !== undefined) push(t, e.timeMs); continue; }
      if (t === undefined) deployments.set(key, (t = { rs: new Map(), order: [], newRS: undefined, desired: d.replicas, points: [] }));
      t.desired = d.replicas;
      push(t, e.timeMs);
      continue;
    }
    const owner = ownerName(e.name);
    const t = owner === undefined ? undefined : deployments.get(`${e.namespace}/${owner}`);
    if (t === undefined) continue;                        // a ReplicaSet no Deployment of the trace owns
    const now = state.replicaSets.get(`${e.namespace}/${e.name}`);
    const before = t.rs.get(e.name);
    if (now === undefined) {
      t.rs.delete(e.name);
      if (t.newRS === e.name) t.newRS = undefined;
    } else {
      if (before === undefined || (before.replicas === 0 && now.replicas > 0)) {
        t.newRS = e.name;
        if (t.order.length === 1 && t.order[0] !== e.name) t.rolloutFrom = { index: t.points.length, timeMs: e.timeMs };
        if (!t.order.includes(e.name)) t.order.push(e.name);
        else { t.order.splice(t.order.indexOf(e.name), 1); t.order.push(e.name); }
      }
      t.rs.set(e.name, { replicas: now.replicas, available: now.available });
    }
    push(t, e.timeMs);
  }
  const out: RolloutSeries[] = [];
  for (const [deployment, t] of deployments) {
    if (t.order.length < 2 || t.rolloutFrom === undefined) continue;
    const points = fromRollout(t.points, t.rolloutFrom);
    const thin = points.length > MAX_POINTS;
    out.push({ deployment, replicaSets: [...t.order], points: thin ? thinned(points) : points, endMs: Math.max(endMs, points[points.length - 1]?.[0] ?? 0), ...(thin ? { thinned: true as const } : {}) });
  }
  return out.sort((a, b) => (a.deployment < b.deployment ? -1 : a.deployment > b.deployment ? 1 : 0));
}

function push(t: Tracked, timeMs: number): void {
  let old = 0;
  let fresh = 0;
  let available = 0;
  for (const [name, r] of t.rs) {
    if (name === t.newRS) fresh = r.replicas;
    else old += r.replicas;
    available += r.available;
  }
  const last = t.points[t.points.length - 1];
  if (last !== undefined && last[1] === old && last[2] === fresh && last[3] === available && last[4] === t.desired) return;
  t.points.push([timeMs, old, fresh, available, t.desired]);
}

/**
 * The points from the first rollout on, led by the state just before it, stamped with the rollout's
 * start and seen from the rollout: every ReplicaSet of that moment is an old one.
 */
function fromRollout(points: readonly RolloutPoint[], from: { readonly index: number; readonly timeMs: number }): RolloutPoint[] {
  const before = points[from.index - 1];
  const rest = points.slice(from.index);
  return before === undefined ? rest : [[from.timeMs, before[1] + before[2], 0, before[3], before[4]], ...rest];
}

/** The last point of each instant; then, if still too many, evenly spaced ones (first and last kept). */
function thinned(points: readonly RolloutPoint[]): RolloutPoint[] {
  const perInstant = points.filter((p, i) => i === points.length - 1 || points[i + 1]![0] !== p[0]);
  if (perInstant.length <= MAX_POINTS) return perInstant;
  const step = (perInstant.length - 1) / (MAX_POINTS - 1);
  return Array.from({ length: MAX_POINTS }, (_, i) => perInstant[Math.round(i * step)]!);
}

/** The attachment body: one line of JSON. */
export function encodeRollouts(series: readonly RolloutSeries[]): string {
  return JSON.stringify({ rollouts: series });
}

/** The series in an attachment body; malformed entries are dropped, never thrown on (the formatter must not crash). */
export function decodeRollouts(body: string): RolloutSeries[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const list = (parsed as { rollouts?: unknown } | null)?.rollouts;
  if (!Array.isArray(list)) return [];
  return list.filter(isSeries);
}

function isSeries(v: unknown): v is RolloutSeries {
  const s = v as Partial<RolloutSeries> | null;
  return s !== null && typeof s === 'object' && typeof s.deployment === 'string' && typeof s.endMs === 'number' &&
    Array.isArray(s.replicaSets) && Array.isArray(s.points) &&
    s.points.every((p) => Array.isArray(p) && p.length === 5 && p.every((n) => typeof n === 'number' && Number.isFinite(n)));
}
