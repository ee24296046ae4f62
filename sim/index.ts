import type { KubeObject } from './api/types';
import type { Change, Cluster, ClusterConfig, ClusterView } from './engine/types';
import * as loop from './engine/loop';
import { CONTROLLERS } from './cluster/controllers';
import { planManifests, type ObjectRef, type PlanOptions } from './api/apply';
import { Transaction } from './engine/transaction';
import { viewOver } from './engine/view';

// The simulator's public API: pure functions from a Cluster (and inputs) to a new Cluster.

export type { Cluster, ClusterConfig, ClusterView, Change } from './engine/types';
export { emptyCluster } from './engine/loop';

export interface WriteResult {
  readonly cluster: Cluster;
  /** kubectl's output lines (`deployment.apps/nginx created`). */
  readonly lines: readonly string[];
  /** kubectl's error lines; when any, `cluster` is the input cluster, unchanged. */
  readonly errors: readonly string[];
  /** kubectl's warning lines for stderr (apply on an object created without --save-config). */
  readonly warnings?: readonly string[];
  /** The object of each line (kind, namespace, name), to read back as stored. */
  readonly refs?: readonly ObjectRef[];
  /** Each line's object as kubectl read it (namespace set), for --dry-run=client -o yaml. */
  readonly locals?: readonly KubeObject[];
  /** The API server's answer for an object: as this write stored it (before controllers react), else as it is stored. */
  readonly answer?: (ref: ObjectRef) => KubeObject | undefined;
}

/** kubectl apply/create/replace -f: plan, then submit atomically and reconcile at this instant. */
export function applyManifests(cluster: Cluster, text: string, opts: PlanOptions): WriteResult {
  const plan = planManifests(cluster.store, text, opts);
  if (plan.errors.length > 0) return { cluster, lines: [], errors: plan.errors };
  const result = loop.submit(cluster, plan.changes, CONTROLLERS);
  const failed = result.errors.length > 0;
  return { cluster: result.cluster, lines: failed ? [] : plan.lines, errors: result.errors, warnings: plan.warnings ?? [], refs: failed ? [] : plan.refs ?? [], locals: failed ? [] : plan.locals ?? [], answer: answerOf(result) };
}

/** Looks an object up among a submit's responses first, then in the cluster it made. */
export function answerOf(result: loop.SubmitResult): (ref: ObjectRef) => KubeObject | undefined {
  return (ref) => result.responses?.find((o) => o !== undefined && o.kind === ref.kind && (o.metadata.namespace ?? '') === ref.namespace && o.metadata.name === ref.name)
    ?? result.cluster.store.get(ref.kind, ref.namespace, ref.name);
}

/** Submits changes as an API client; atomic; controllers then run until quiet. */
export function submit(cluster: Cluster, changes: readonly Change[], cause = 'kubectl'): loop.SubmitResult {
  return loop.submit(cluster, changes, CONTROLLERS, cause);
}

/** Lets `ms` of virtual time pass. */
export function advance(cluster: Cluster, ms: number): Cluster {
  return loop.advance(cluster, ms, CONTROLLERS);
}

/** Lets time pass until `done` holds (checked at quiet instants) or `withinMs` has passed. */
export function advanceUntil(cluster: Cluster, withinMs: number, done: (view: ClusterView) => boolean): { cluster: Cluster; reached: boolean } {
  const deadlineMs = cluster.nowMs + withinMs;
  const tx = new Transaction(cluster, CONTROLLERS);
  // Keep no reference to the input: if the caller dropped it too, its older objects can be collected.
  cluster = undefined as unknown as Cluster;
  return loop.runUntil(tx, deadlineMs, done as (v: Transaction) => boolean);
}

/** Runs controllers until quiet at the current instant (no time passes). */
export function settle(cluster: Cluster): Cluster {
  return loop.advance(cluster, 0, CONTROLLERS);
}

/** A read-only view of a snapshot, the same interface controllers read. */
export function viewOf(cluster: Cluster): ClusterView {
  return viewOver(cluster.store, cluster.nowMs, cluster.config, cluster.tables);
}

