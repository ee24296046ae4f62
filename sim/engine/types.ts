import type { KubeObject } from '../api/types';
import type { ObjectRef } from '../store/keys';
import type { Store, StoreView } from '../store/store';
import type { Rng } from './rng';
import type { AppendLog } from './append-log';
import type { TimerQueue } from './timers';
import type { CorrelatorState, ObjectCorrelation } from './event-correlator';

// The simulator's data model: a Cluster snapshot, the Changes controllers return, the trace.

export type NetworkPlugin = 'flannel' | 'calico' | 'canal' | 'none';
/** kube-proxy --proxy-mode (iptables is kubeadm's default). */
export type ProxyMode = 'iptables' | 'ipvs';

export interface ClusterConfig {
  readonly seed: number;
  /** Virtual time 0 as a Unix time; timestamps print from it. No wall clock is ever read. */
  readonly epochMs: number;
  readonly network: NetworkPlugin;
  readonly proxyMode: ProxyMode;
  readonly kubernetesVersion: string;
  /** kube-controller-manager --node-monitor-grace-period (50s since v1.32). */
  readonly nodeMonitorGracePeriodMs: number;
  /** When false the engine keeps events and the trace only as counts (benchmarks). */
  readonly recordTrace: boolean;
  /**
   * false: the kubelet wakes at every tick of a settled failing readiness probe. Default (true): it
   * accounts those ticks at its next sync, whose time it picks so that no Event write is late
   * (sim/kubelet/prober/deferred.ts). Both give the same objects, events and trace.
   */
  readonly probeTickBatching?: boolean;
}

/** Facts about a node that are not API objects: is its kubelet alive, which images it holds. */
export interface NodeRuntime {
  readonly alive: boolean;
  /** Virtual time of the kubelet's last lease renewal (every 10 s while alive). */
  readonly lastHeartbeatMs: number;
  readonly images: ReadonlySet<string>;
  /** Files of hostPath volumes, by absolute path. */
  readonly hostFiles?: ReadonlyMap<string, string>;
}

/** Non-API state the kubelet and runtime keep per Pod (sandbox, containers, file systems). */
export type PodRuntime = { readonly [field: string]: unknown };

export interface RuntimeTables {
  readonly nodes: ReadonlyMap<string, NodeRuntime>;
  readonly pods: ReadonlyMap<string, PodRuntime>;
  /** Image behaviours a scenario declared, by image reference (see sim/runtime/images.ts). */
  readonly images: ReadonlyMap<string, unknown>;
  /** kube-proxy's per-node rule state (IPVS round-robin cursors, ClientIP affinity), owned by sim/network. */
  readonly proxy: ReadonlyMap<string, unknown>;
  /** The taint eviction controller's memory per node (its TimedWorkerQueue's work for the node's Pods), owned by sim/controllers/node-lifecycle/taint-eviction.ts. */
  readonly taintEvictions: ReadonlyMap<string, unknown>;
  /** HTTP requests the Pods' servers answered, by Pod uid, for their access logs (sim/runtime/access-log.ts). */
  readonly access: ReadonlyMap<string, unknown>;
}
export type TableName = keyof RuntimeTables;

export interface EventRecord {
  readonly timeMs: number;
  readonly involved: ObjectRef & { readonly uid: string };
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  /** The reporting component, as `kubectl describe` shows it ("default-scheduler", "kubelet"...). */
  readonly source: string;
  /** A write that patches an earlier Event (sim/engine/event-correlator.ts): its count and firstTimestamp now; absent: a new Event, count 1. */
  readonly count?: number;
  readonly firstTimeMs?: number;
}

/** The same event again and again: `times` occurrences, `everyMs` apart, the first at the event's time. */
export interface EventRepeat {
  readonly times: number;
  readonly everyMs: number;
}

export interface TraceEntry {
  readonly timeMs: number;
  readonly verb: 'create' | 'update' | 'delete' | 'event' | 'runtime';
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  /** One line: what the object is now, e.g. "Running 1/1 ready" or "replicas 3 -> 4". */
  readonly summary: string;
  /** Who made the change and why (controller name, event reason). */
  readonly cause: string;
}

export interface Cluster {
  readonly config: ClusterConfig;
  readonly nowMs: number;
  readonly store: Store;
  readonly rngState: number;
  readonly nextUid: number;
  readonly nextResourceVersion: number;
  readonly timers: TimerQueue;
  readonly tables: RuntimeTables;
  readonly events: AppendLog<EventRecord>;
  readonly trace: AppendLog<TraceEntry>;
  /** The event recorders' correlator memory (spam filter, aggregation, counts), per source + object. */
  readonly eventCorrelator: CorrelatorState;
}

// ---------------------------------------------------------------- controllers

export interface ReconcileContext {
  readonly nowMs: number;
  readonly rng: Rng;
  readonly config: ClusterConfig;
  /** Every timer due at or before this instant has fired (the transaction began here, after an advance ran them). */
  readonly firedThroughMs: number;
  /** RFC 3339 timestamp of a virtual instant (default: now). */
  iso(ms?: number): string;
}

/** The read side a controller sees: the API objects plus the runtime tables. */
export interface ClusterView extends StoreView {
  readonly nowMs: number;
  readonly config: ClusterConfig;
  table<T extends TableName>(name: T): RuntimeTables[T];
  /** What `source`'s event recorder remembers about an object (sim/engine/event-correlator.ts), if anything. */
  eventMemory?(source: string, involved: ObjectRef & { readonly uid: string }): ObjectCorrelation | undefined;
}

export type Change =
  /** Create; metadata.name may be empty when generateName is set. uid, resourceVersion and creationTimestamp are filled in. */
  | { readonly verb: 'create'; readonly object: KubeObject }
  /**
   * Replace the object (spec, metadata); generation moves if spec changed. `binding`: the Pod's
   * binding subresource (the scheduler setting spec.nodeName), which stores the Pod as given, not defaulted again.
   */
  | { readonly verb: 'update'; readonly object: KubeObject; readonly subresource?: 'binding' }
  /** Replace only .status (the status subresource). */
  | { readonly verb: 'status'; readonly object: KubeObject }
  /** Delete as the API server does: graceful for Pods, finalizers respected, dependents to the GC. */
  | { readonly verb: 'delete'; readonly ref: ObjectRef; readonly reason: string; readonly gracePeriodSeconds?: number; readonly propagation?: 'Background' | 'Foreground' | 'Orphan' }
  /** Remove the object from storage now (kubelet confirming a Pod is gone, GC after finalizers). */
  | { readonly verb: 'purge'; readonly ref: ObjectRef; readonly reason: string }
  /** `atMs`: when it happened, if before now (ticks the kubelet accounts later); default now. */
  | { readonly verb: 'event'; readonly ref: ObjectRef & { readonly uid: string }; readonly type?: 'Normal' | 'Warning'; readonly reason: string; readonly message: string; readonly source: string; readonly atMs?: number; readonly repeat?: EventRepeat }
  /** Set (value defined) or clear a runtime-table row. */
  | { readonly verb: 'runtime'; readonly table: TableName; readonly key: string; readonly value: unknown }
  /** Ask for another controller's reconcile of a key, after a delay (0 = this instant). */
  | { readonly verb: 'enqueue'; readonly controller: string; readonly key: string; readonly afterMs: number };

export interface ReconcileResult {
  readonly changes: readonly Change[];
  /** controller-runtime's RequeueAfter: reconcile the same key again after this long. */
  readonly requeueAfterMs?: number;
}

export type Reconciler = (view: ClusterView, key: string, ctx: ReconcileContext) => ReconcileResult;

/**
 * What a controller watches: given an object that changed (before/after), the keys to reconcile.
 * `key` is the object's store key (`kind/namespace/name`) when the engine calls: a handler that
 * queues that key reuses the string (already hashed) instead of building its own.
 */
export type WatchHandler = (view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined, key?: string) => readonly string[];

export interface Controller {
  readonly name: string;
  readonly reconcile: Reconciler;
  /** kind -> handler; `*` sees every kind. */
  readonly watches: Readonly<Record<string, WatchHandler>>;
  /** Runtime tables whose rows, when changed, enqueue this controller with the row's key. */
  readonly watchesTables?: readonly TableName[];
  /** Which row changes of those tables enqueue it (all, when absent): a cheap filter before the work queue. */
  readonly rowMatters?: (table: TableName, after: unknown, before: unknown) => boolean;
}

export const NO_CHANGES: ReconcileResult = Object.freeze({ changes: Object.freeze([]) as readonly Change[] });
