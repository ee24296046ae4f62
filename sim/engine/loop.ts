import { AppendLog } from './append-log';
import { seedState } from './rng';
import { TimerQueue } from './timers';
import { EMPTY_CORRELATOR } from './event-correlator';
import { Transaction } from './transaction';
import type { Change, Cluster, ClusterConfig, Controller, TraceEntry } from './types';
import type { KubeObject } from '../api/types';
import { Store } from '../store/store';

// The engine: reconcile-until-quiet at each instant, then jump to the next due timer. The only
// place time moves. Event-driven, so an idle hour costs nothing.

/**
 * A reconcile of one key more often than this at one instant means a controller never settles.
 * A legitimate cascade is bounded by the Pods of one object: with an image already on the node a
 * container starts at once, so a rollout of N replicas can step its ReplicaSets about 2N times at
 * one instant (each new Pod Ready -> scale -> a new Pod). The bound leaves room for thousands.
 */
export const MAX_RECONCILES_PER_KEY_PER_INSTANT = 5000;

export const DEFAULT_CONFIG: ClusterConfig = {
  seed: 0,
  epochMs: Date.UTC(2025, 0, 1),
  network: 'flannel',
  proxyMode: 'iptables',
  kubernetesVersion: 'v1.34.0',
  nodeMonitorGracePeriodMs: 50_000,
  recordTrace: true,
};

export function emptyCluster(config: Partial<ClusterConfig> = {}): Cluster {
  const full = { ...DEFAULT_CONFIG, ...config };
  return {
    config: full,
    nowMs: 0,
    store: Store.empty(),
    rngState: seedState(full.seed),
    nextUid: 1,
    nextResourceVersion: 1,
    timers: TimerQueue.empty(),
    tables: { nodes: new Map(), pods: new Map(), images: new Map(), proxy: new Map(), taintEvictions: new Map(), access: new Map() },
    events: AppendLog.empty(),
    trace: AppendLog.empty(),
    eventCorrelator: EMPTY_CORRELATOR,
  };
}

export interface SubmitResult {
  readonly cluster: Cluster;
  /** One message per refused change (the API server's words); the cluster is unchanged when any. */
  readonly errors: readonly string[];
  /**
   * The API server's response to each change: the object as stored by that write, before any
   * controller reacts (kubectl prints it for -o yaml). Undefined for other verbs and generateName creates.
   */
  readonly responses?: readonly (KubeObject | undefined)[];
}

/**
 * Applies changes made by a client (kubectl, a step) atomically: if any is refused nothing is
 * kept. Then the controllers run until quiet at the current instant.
 */
export function submit(cluster: Cluster, changes: readonly Change[], controllers: readonly Controller[], cause = 'kubectl'): SubmitResult {
  const tx = new Transaction(cluster, controllers);
  const errors: string[] = [];
  for (const change of changes) {
    const error = tx.apply(change, cause);
    if (error !== undefined) errors.push(error);
  }
  if (errors.length > 0) return { cluster, errors };
  const responses = changes.map((c) => ((c.verb === 'create' || c.verb === 'update' || c.verb === 'status') && c.object.metadata.name !== ''
    ? tx.get(c.object.kind, c.object.metadata.namespace ?? '', c.object.metadata.name) : undefined));
  drain(tx);
  return { cluster: tx.commit(), errors, responses };
}

/** Runs controllers until quiet, then moves time forward by `ms`, firing timers on the way. */
export function advance(cluster: Cluster, ms: number, controllers: readonly Controller[]): Cluster {
  return advanceUntil(cluster, cluster.nowMs + ms, controllers, () => false).cluster;
}

/**
 * Moves time forward until `done(view)` holds at a quiet instant or `deadlineMs` is reached,
 * whichever is first. Returns the cluster and whether `done` held.
 */
export function advanceUntil(
  cluster: Cluster, deadlineMs: number, controllers: readonly Controller[],
  done: (view: Transaction) => boolean,
): { cluster: Cluster; reached: boolean } {
  return runUntil(new Transaction(cluster, controllers), deadlineMs, done);
}

/**
 * advanceUntil on a transaction already begun: a caller that hands over its only reference to the
 * input Cluster lets that snapshot (every object's older version) be collected during a long run.
 */
export function runUntil(tx: Transaction, deadlineMs: number, done: (view: Transaction) => boolean): { cluster: Cluster; reached: boolean } {
  drain(tx);
  let reached = done(tx);
  while (!reached) {
    const next = tx.timers.peekDueMs();
    if (next === undefined || next > deadlineMs) break;
    tx.nowMs = Math.max(tx.nowMs, next);
    for (const t of tx.timers.popDue(tx.nowMs)) tx.enqueue(t.controller, t.key);
    drain(tx);
    reached = done(tx);
  }
  if (!reached) tx.nowMs = Math.max(tx.nowMs, deadlineMs);
  return { cluster: tx.commit(), reached };
}

/** The next instant something is due, if any (for "run until quiet" loops). */
export function nextDueMs(cluster: Cluster): number | undefined {
  return cluster.timers.peekDueMs();
}

/** Reconciles queued keys until the queue is empty. */
export function drain(tx: Transaction): void {
  const ctx = tx.context();
  for (let item = tx.dequeue(); item !== undefined; item = tx.dequeue()) {
    const controller = tx.controllers.get(item.controller);
    if (controller === undefined) continue;
    const n = item.runs; // reconciles of this key at this instant, this one included
    if (n > MAX_RECONCILES_PER_KEY_PER_INSTANT) {
      const recent = tx.recentTrace(6).map((e) => `  ${e.verb} ${e.kind} ${e.namespace}/${e.name}: ${e.summary} (${e.cause})`).join('\n');
      throw new Error(`engine: ${item.controller} reconciled ${item.key} ${n} times at t=${tx.nowMs / 1000}s without settling; this is a simulator bug, please report it with seed=${tx.config.seed}\nlast changes:\n${recent}`);
    }
    const result = controller.reconcile(tx, item.key, ctx);
    for (const change of result.changes) {
      const error = tx.apply(change, controller.name);
      if (error !== undefined) {
        // A controller's write refused by the API server: record it, as a real controller would log it.
        tx.recordEvent({ kind: 'Controller', namespace: '', name: controller.name, uid: '' }, 'Warning', 'WriteFailed', error, controller.name);
      }
    }
    if (result.requeueAfterMs !== undefined) tx.timers.schedule(tx.nowMs + Math.max(1, result.requeueAfterMs), controller.name, item.key);
  }
  tx.endInstant();
}

/** Trace entries recorded after `from` (an earlier trace length), for a step to read what it caused. */
export function traceSince(cluster: Cluster, from: number): readonly TraceEntry[] {
  return cluster.trace.slice(from);
}
