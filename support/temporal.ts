import type { Deployment } from '../sim/api/types';
import type { TraceEntry } from '../sim/engine/types';
import { formatDuration } from './durations';
import { formatTimeline, ownerName, replay, type TimelineState } from './timeline';
import type { ObjectName } from './queries';
import type { Check, SimWorld } from './world';

// Temporal assertions: a predicate over the cluster's history, re-evaluated after every change
// the trace recorded (so also between the controllers' writes at one virtual instant), with a
// readable timeline of the objects concerned when it breaks ("at all times during the rollout",
// "throughout", "never", "within", "at second N").

export type StatePredicate = (s: TimelineState) => Check;

const ns = (ref: ObjectName): string => ref.namespace ?? 'default';

/** Entries that concern a Deployment: itself, its ReplicaSets, their Pods (by generated names). */
export function concerns(ref: ObjectName): (e: TraceEntry) => boolean {
  return (e) => {
    if (e.namespace !== ns(ref)) return false;
    if (e.kind === 'Deployment') return e.name === ref.name;
    if (e.kind === 'ReplicaSet') return ownerName(e.name) === ref.name;
    if (e.kind === 'Pod') { const rs = ownerName(e.name); return rs !== undefined && ownerName(rs) === ref.name; }
    return false;
  };
}

/** Entries that concern one Pod. */
export function concernsPod(ref: ObjectName): (e: TraceEntry) => boolean {
  return (e) => e.namespace === ns(ref) && e.kind === 'Pod' && e.name === ref.name;
}

/**
 * Where "the rollout" of a Deployment began: the last write a client (kubectl, a step) made to it,
 * i.e. the change of template that started it (set image, apply, undo, restart).
 */
export function rolloutStart(trace: readonly TraceEntry[], ref: ObjectName): number {
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i];
    if (e.kind === 'Deployment' && e.name === ref.name && e.namespace === ns(ref) && e.verb !== 'event' && e.cause !== 'deployment-controller') return i;
  }
  throw new Error(`deployment ${ns(ref)}/${ref.name} was never written by a client: there is no rollout to look at`);
}

/** DeploymentComplete, read from the object: updated == replicas == available == spec.replicas, generation observed. */
export function rolloutComplete(d: Deployment | undefined): boolean {
  if (d === undefined) return false;
  const st = d.status ?? {};
  const want = d.spec.replicas;
  return (st.updatedReplicas ?? 0) === want && (st.replicas ?? 0) === want && (st.availableReplicas ?? 0) === want && (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Lets time pass until the Deployment's rollout is complete; fails with the timeline if it is not within `withinMs`. */
export function awaitRollout(world: SimWorld, ref: ObjectName, withinMs: number): void {
  try {
    world.advanceUntil(withinMs, (v) => {
      const d = v.get<Deployment>('Deployment', ns(ref), ref.name);
      const st = d?.status ?? {};
      return rolloutComplete(d) ? { ok: true, actual: '' } : { ok: false, actual: `it has ${st.updatedReplicas ?? 0} updated, ${st.replicas ?? 0} total, ${st.availableReplicas ?? 0} available of ${d?.spec.replicas ?? '?'} replicas` };
    }, `the rollout of deployment ${ns(ref)}/${ref.name} to complete`);
  } catch (e) {
    const trace = world.cluster.trace.slice(0);
    throw withTimeline(world, e as Error, trace, rolloutStartOrZero(trace, ref), trace.length, concerns(ref));
  }
}

function rolloutStartOrZero(trace: readonly TraceEntry[], ref: ObjectName): number {
  try { return rolloutStart(trace, ref); } catch { return 0; }
}

/**
 * Asserts `predicate` held after every trace entry from `from` to now; on failure throws an error
 * with the timeline around the first breach and attaches the whole window's timeline.
 */
export function expectThroughoutHistory(world: SimWorld, from: number, predicate: StatePredicate, what: string, keep: (e: TraceEntry) => boolean): void {
  const trace = world.cluster.trace.slice(0);
  const breach = replay(trace, from, (s, _e, i) => { const c = predicate(s); return c.ok ? undefined : { i, c, timeMs: s.timeMs }; });
  if (breach === undefined) return;
  const err = new Error(`Expected ${what}, but at t=${formatDuration(breach.timeMs)} (trace entry #${breach.i}) ${breach.c.actual}.`);
  throw withTimeline(world, err, trace, from, trace.length, keep, breach.i);
}

/** The first time (ms) after `from` at which `predicate` holds, or undefined. */
export function firstTimeHolding(trace: readonly TraceEntry[], from: number, predicate: (s: TimelineState, e: TraceEntry) => boolean): { timeMs: number; index: number } | undefined {
  return replay(trace, from, (s, e, i) => (predicate(s, e) ? { timeMs: s.timeMs, index: i } : undefined));
}

/** Adds the timeline (time, object, what changed, why) to an assertion error and to the report. */
export function withTimeline(world: SimWorld, err: Error, trace: readonly TraceEntry[], from: number, to: number, keep: (e: TraceEntry) => boolean, mark?: number): Error {
  const lo = mark === undefined ? from : Math.max(from, mark - 400);
  const hi = mark === undefined ? to : Math.min(to, mark + 40);
  const shown = formatTimeline(trace, lo, hi, keep, mark);
  const full = formatTimeline(trace, from, to, keep, mark);
  world.attach(`timeline (t, object, what changed, why; >> marks the breach):\n${full}`, 'text/plain');
  err.message = `${err.message}\ntimeline${mark === undefined ? '' : ' around the breach (>> marks it)'}:\n${shown}\n${world.replayHint()}`;
  return err;
}

// ------------------------------------------------------------ predicates over the history

/** Non-terminating Pods of the Deployment at most `max`. */
export function atMostPods(ref: ObjectName, max: number): StatePredicate {
  return (s) => {
    const pods = s.podsOf(ns(ref), ref.name);
    return pods.length <= max ? { ok: true, actual: '' } : { ok: false, actual: `${pods.length} pods exist: ${pods.map((p) => `${p.name} ${p.phase}${p.ready ? ' ready' : ''}`).join(', ')}` };
  };
}

/** Ready, non-terminating Pods of the Deployment at least `min` (available = ready when minReadySeconds is 0). */
export function atLeastReady(ref: ObjectName, min: number): StatePredicate {
  return (s) => {
    const pods = s.podsOf(ns(ref), ref.name);
    const ready = pods.filter((p) => p.ready && p.phase === 'Running');
    return ready.length >= min ? { ok: true, actual: '' } : { ok: false, actual: `only ${ready.length} are ready: ${pods.map((p) => `${p.name} ${p.phase}${p.ready ? ' ready' : ' not-ready'}`).join(', ')}` };
  };
}

/** Σ status.availableReplicas of the Deployment's ReplicaSets at least `min` (the controller's own count). */
export function atLeastAvailable(ref: ObjectName, min: number): StatePredicate {
  return (s) => {
    const rss = s.replicaSetsOf(ns(ref), ref.name);
    const available = rss.reduce((n, r) => n + r.available, 0);
    return available >= min ? { ok: true, actual: '' } : { ok: false, actual: `${available} replicas are available (${rss.map((r) => `${r.name}: ${r.available}/${r.replicas}`).join(', ')})` };
  };
}

/** The sizes (spec.replicas) of the Deployment's ReplicaSets over the window: "old+new" per change, consecutive repeats collapsed. */
export function replicaSetSizes(trace: readonly TraceEntry[], from: number, ref: ObjectName, newRS: string): string[] {
  const out: string[] = [];
  const push = (s: TimelineState): void => {
    const rss = s.replicaSetsOf(ns(ref), ref.name);
    const fresh = rss.find((r) => r.name === newRS)?.replicas ?? 0;
    const old = rss.filter((r) => r.name !== newRS).reduce((n, r) => n + r.replicas, 0);
    const text = `${old}+${fresh}`;
    if (out[out.length - 1] !== text) out.push(text);
  };
  replay(trace, Math.max(0, from - 1), (s, e, i) => { if (i === from - 1 || (e.kind === 'ReplicaSet' && concerns(ref)(e))) push(s); return undefined; });
  return out;
}
