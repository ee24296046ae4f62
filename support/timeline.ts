import type { TraceEntry } from '../sim/engine/types';
import { formatDuration } from './durations';

// The cluster's history rebuilt from its trace: a fold over cluster.trace that keeps, after every
// entry, what each Pod, ReplicaSet and Deployment looked like (as far as the one-line summaries of
// sim/engine/summary.ts say), so temporal assertions can re-evaluate a predicate at every change,
// including the changes controllers make within one instant. Also the readable timeline printed
// when such an assertion fails.

export interface PodState {
  readonly namespace: string;
  readonly name: string;
  /** The ReplicaSet a Pod belongs to, from its generated name `<rs>-xxxxx` (undefined for other Pods). */
  readonly replicaSet?: string;
  readonly phase: string;
  readonly ready: boolean;
  readonly restarts: number;
  readonly terminating: boolean;
}

export interface ReplicaSetState {
  readonly namespace: string;
  readonly name: string;
  readonly replicas: number;
  readonly ready: number;
  readonly available: number;
}

export interface DeploymentState {
  readonly replicas: number;
  readonly updated: number;
  readonly available: number;
}

/** The state after some prefix of the trace. Mutable inside the fold; read-only for predicates. */
export class TimelineState {
  readonly pods = new Map<string, PodState>();
  readonly replicaSets = new Map<string, ReplicaSetState>();
  readonly deployments = new Map<string, DeploymentState>();
  timeMs = 0;

  /** The ReplicaSets named `<deployment>-<hash>` in the namespace. */
  replicaSetsOf(namespace: string, deployment: string): ReplicaSetState[] {
    const out: ReplicaSetState[] = [];
    for (const rs of this.replicaSets.values()) if (rs.namespace === namespace && ownerName(rs.name) === deployment) out.push(rs);
    return out;
  }

  /** Pods of the deployment's ReplicaSets; terminating ones only when asked. */
  podsOf(namespace: string, deployment: string, withTerminating = false): PodState[] {
    const rsNames = new Set(this.replicaSetsOf(namespace, deployment).map((r) => r.name));
    const out: PodState[] = [];
    for (const p of this.pods.values()) {
      if (p.namespace === namespace && p.replicaSet !== undefined && rsNames.has(p.replicaSet) && (withTerminating || !p.terminating)) out.push(p);
    }
    return out;
  }

  apply(e: TraceEntry): void {
    this.timeMs = e.timeMs;
    if (e.verb === 'event' || e.verb === 'runtime') return;
    const key = `${e.namespace}/${e.name}`;
    const gone = e.summary === 'deleted';
    const now = e.summary.includes(' -> ') ? e.summary.slice(e.summary.lastIndexOf(' -> ') + 4) : e.summary.replace(/^(created|terminating) /, '');
    switch (e.kind) {
      case 'Pod': {
        if (gone) { this.pods.delete(key); return; }
        const before = this.pods.get(key);
        const m = /^(\S+) (ready|not-ready)(?: restarts=(\d+))?/.exec(now);
        this.pods.set(key, {
          namespace: e.namespace, name: e.name, replicaSet: ownerName(e.name),
          phase: m?.[1] ?? before?.phase ?? 'Pending', ready: m ? m[2] === 'ready' : before?.ready ?? false,
          restarts: m?.[3] ? Number(m[3]) : m ? 0 : before?.restarts ?? 0,
          terminating: (before?.terminating ?? false) || e.summary.startsWith('terminating'),
        });
        return;
      }
      case 'ReplicaSet': {
        if (gone) { this.replicaSets.delete(key); return; }
        const m = /replicas=(\d+) ready=(\d+) available=(\d+)/.exec(now);
        if (m) this.replicaSets.set(key, { namespace: e.namespace, name: e.name, replicas: Number(m[1]), ready: Number(m[2]), available: Number(m[3]) });
        return;
      }
      case 'Deployment': {
        if (gone) { this.deployments.delete(key); return; }
        const m = /replicas=(\d+) updated=(\d+) available=(\d+)/.exec(now);
        if (m) this.deployments.set(key, { replicas: Number(m[1]), updated: Number(m[2]), available: Number(m[3]) });
        return;
      }
      default:
    }
  }
}

/** `nginx-7d9f8c6b5-x2x4z` -> `nginx-7d9f8c6b5`; `nginx-7d9f8c6b5` -> `nginx`. */
export function ownerName(name: string): string | undefined {
  const dash = name.lastIndexOf('-');
  return dash > 0 ? name.slice(0, dash) : undefined;
}

/**
 * Folds the trace; `visit` runs after each entry from index `from` on (the state before `from`
 * is built silently). Returns the first value `visit` returns that is not undefined.
 */
export function replay<T>(trace: readonly TraceEntry[], from: number, visit: (state: TimelineState, entry: TraceEntry, index: number) => T | undefined): T | undefined {
  const state = new TimelineState();
  for (let i = 0; i < trace.length; i++) {
    state.apply(trace[i]);
    if (i < from) continue;
    const r = visit(state, trace[i], i);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** One line per change: time, object, what changed, why. Lease renewals and runtime rows left out. */
export function formatTimeline(trace: readonly TraceEntry[], from: number, to: number, keep: (e: TraceEntry) => boolean = () => true, mark?: number): string {
  const lines: string[] = [];
  for (let i = Math.max(0, from); i < Math.min(trace.length, to); i++) {
    const e = trace[i];
    if (e.kind === 'Lease' || e.verb === 'runtime' || !keep(e)) continue;
    const obj = `${e.kind} ${e.namespace ? `${e.namespace}/` : ''}${e.name}`;
    lines.push(`${i === mark ? '>>' : '  '} t=${formatDuration(e.timeMs).padEnd(7)} ${obj.padEnd(42)} ${e.verb === 'event' ? `event ${e.summary}` : e.summary}  (${e.cause})`);
  }
  return lines.join('\n');
}
