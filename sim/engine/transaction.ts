import type { DaemonSet, KubeObject, ObjectMeta, Pod } from '../api/types';
import { canonicalEqual, generateName } from '../api/naming';
import { keyOf, objectKey, type ObjectRef } from '../store/keys';
import type { DraftStore } from '../store/store';
import { Store } from '../store/store';
import { applyDefaults } from '../api/kinds/index';
import { SYSTEM_PRIORITY_CLASSES } from '../scheduling/types';
import { withTemplateGeneration } from '../api/defaults/daemonset';
import { createdGeneration, deletingGeneration, preserveOldObservedGeneration, updatedGeneration } from './generation';
import { kindInfo } from '../api/kinds';
import { LogWriter } from './append-log';
import { CorrelatorWriter, type ObjectCorrelation } from './event-correlator';
import { rngFrom, type Rng } from './rng';
import { summarize } from './summary';
import { WorkQueue, type QueueItem } from './work-queue';
import type { TimerQueue } from './timers';
import type {
  Change, Cluster, ClusterView, Controller, EventRecord, EventRepeat, ReconcileContext, RuntimeTables, TableName, TraceEntry, WatchHandler,
} from './types';

// A transaction: the one place where Changes are applied. It wraps a writable copy of a Cluster,
// is itself the ClusterView controllers read, applies each Change as the API server would
// (metadata, resourceVersion, generation, graceful deletion) and enqueues the controllers that
// watch what changed. `commit()` seals it into a new Cluster; the input Cluster is never touched.

const NO_FINALIZERS: readonly string[] = Object.freeze([]);

export class Transaction implements ClusterView {
  readonly config: Cluster['config'];
  nowMs: number;
  readonly rng: Rng;
  private readonly store: DraftStore;
  private readonly tables: { -readonly [K in TableName]: Map<string, unknown> };
  private readonly ownedTables = new Set<TableName>();
  readonly timers: TimerQueue;
  private readonly events: LogWriter<EventRecord>;
  private readonly trace: LogWriter<TraceEntry>;
  private readonly correlator: CorrelatorWriter;
  private nextUid: number;
  private nextResourceVersion: number;
  private readonly queue = new WorkQueue();
  readonly controllers: ReadonlyMap<string, Controller>;
  private readonly watchers: ReadonlyMap<string, readonly Controller[]>;
  private readonly tableWatchers: ReadonlyMap<TableName, readonly Controller[]>;
  private readonly handlers = new Map<string, readonly { readonly name: string; readonly handler: WatchHandler }[]>();

  /** The instant the transaction began at: its timers fired before (in an advance, or none were due). */
  private readonly startMs: number;

  constructor(base: Cluster, controllers: readonly Controller[]) {
    this.config = base.config;
    this.nowMs = base.nowMs;
    this.startMs = base.nowMs;
    this.rng = rngFrom(base.rngState);
    this.store = base.store.edit();
    this.tables = { nodes: base.tables.nodes as Map<string, never>, pods: base.tables.pods as Map<string, never>, images: base.tables.images as Map<string, never>, proxy: base.tables.proxy as Map<string, never>, taintEvictions: base.tables.taintEvictions as Map<string, never>, access: base.tables.access as Map<string, never> };
    this.timers = base.timers.clone();
    this.events = base.events.extend();
    this.trace = base.trace.extend();
    this.correlator = new CorrelatorWriter(base.eventCorrelator);
    this.nextUid = base.nextUid;
    this.nextResourceVersion = base.nextResourceVersion;
    this.controllers = new Map(controllers.map((c) => [c.name, c]));
    const watchers = new Map<string, Controller[]>();
    const tableWatchers = new Map<TableName, Controller[]>();
    for (const c of controllers) {
      for (const kind of Object.keys(c.watches)) watchers.set(kind, [...(watchers.get(kind) ?? []), c]);
      for (const t of c.watchesTables ?? []) tableWatchers.set(t, [...(tableWatchers.get(t) ?? []), c]);
    }
    this.watchers = watchers;
    this.tableWatchers = tableWatchers;
  }

  commit(): Cluster {
    return {
      config: this.config,
      nowMs: this.nowMs,
      store: this.store.seal(),
      rngState: this.rng.state(),
      nextUid: this.nextUid,
      nextResourceVersion: this.nextResourceVersion,
      timers: this.timers.freeze(),
      tables: this.tables as unknown as RuntimeTables,
      events: this.events.seal(),
      trace: this.trace.seal(),
      eventCorrelator: this.correlator.seal(),
    };
  }

  // ------------------------------------------------------------ ClusterView

  get: Store['get'] = (kind, namespace, name) => this.store.get(kind, namespace, name);
  getByKey: Store['getByKey'] = (key) => this.store.getByKey(key);
  list: Store['list'] = (kind, namespace) => this.store.list(kind, namespace);
  count: Store['count'] = (kind, namespace) => this.store.count(kind, namespace);
  namespacesOf: Store['namespacesOf'] = (kind) => this.store.namespacesOf(kind);
  dependents: Store['dependents'] = (uid) => this.store.dependents(uid);
  podsOnNode: Store['podsOnNode'] = (node) => this.store.podsOnNode(node);
  firstPodOnNode: Store['firstPodOnNode'] = (node, test) => this.store.firstPodOnNode(node, test);
  select: Store['select'] = (kind, namespace, selector) => this.store.select(kind, namespace, selector);
  orphanCount: Store['orphanCount'] = (kind, namespace) => this.store.orphanCount(kind, namespace);

  eventMemory(source: string, involved: ObjectRef & { readonly uid: string }): ObjectCorrelation | undefined {
    return this.correlator.memory(source, involved);
  }

  table<T extends TableName>(name: T): RuntimeTables[T] {
    return this.tables[name] as unknown as RuntimeTables[T];
  }

  context(): ReconcileContext {
    const epoch = this.config.epochMs;
    const now = this.nowMs;
    return { nowMs: now, rng: this.rng, config: this.config, firedThroughMs: this.startMs, iso: (ms = now) => isoAt(epoch, ms) };
  }

  /** The last n trace entries, newest last (for error messages). */
  recentTrace(n: number): readonly TraceEntry[] {
    return this.trace.seal().slice(Math.max(0, this.trace.length - n));
  }

  // ------------------------------------------------------------ work queue

  enqueue(controller: string, key: string): void {
    this.queue.enqueue(controller, key);
  }

  /** The next queued item and how many times its key has now been reconciled (this time included) since endInstant(). */
  dequeue(): QueueItem | undefined {
    return this.queue.dequeue();
  }

  /** Forgets the reconcile counts of an instant whose queue is empty. */
  endInstant(): void {
    this.queue.endInstant();
  }

  // ------------------------------------------------------------ applying changes

  /** Applies one Change; returns an error message (nothing changed) when the API server would refuse it. */
  apply(change: Change, cause: string): string | undefined {
    switch (change.verb) {
      case 'create': return this.create(change.object, cause);
      case 'update': return this.update(change.object, cause, false, change.subresource === 'binding');
      case 'status': return this.update(change.object, cause, true);
      case 'delete': return this.delete(change.ref, cause, change.gracePeriodSeconds, change.propagation);
      case 'purge': return this.purge(change.ref, cause);
      case 'event': this.recordEvent(change.ref, change.type ?? 'Normal', change.reason, change.message, change.source, change.atMs, change.repeat); return undefined;
      case 'runtime': this.setRow(change.table, change.key, change.value, cause); return undefined;
      case 'enqueue':
        if (change.afterMs <= 0) this.enqueue(change.controller, change.key);
        else this.timers.schedule(this.nowMs + change.afterMs, change.controller, change.key);
        return undefined;
    }
  }

  create(input: KubeObject, cause: string): string | undefined {
    // The API server defaults (and admits) every object it stores, whoever creates it: a ReplicaSet's
    // Pods get the DefaultTolerationSeconds tolerations as kubectl's do. Defaulting is idempotent.
    let obj = applyDefaults(input);
    if (obj.kind === 'DaemonSet') obj = withTemplateGeneration(obj, undefined, false);
    const admit = kindInfo(obj.kind)?.admit;
    if (admit !== undefined) {
      const admitted = admit(obj, this);
      if (admitted.forbidden !== undefined) return admitted.forbidden;
      obj = admitted.obj;
    }
    const namespace = obj.metadata.namespace ?? '';
    let name = obj.metadata.name;
    let key: string; // objectKey of the object stored below
    if (!name && obj.metadata.generateName) {
      // names.SimpleNameGenerator; the API server retries on the (rare) collision. The key of the
      // last try is the one stored: one look-up per try.
      do key = keyOf({ kind: obj.kind, namespace, name: (name = generateName(obj.metadata.generateName, this.rng)) });
      while (this.store.getByKey(key) !== undefined);
    } else {
      key = keyOf({ kind: obj.kind, namespace, name });
      if (this.store.getByKey(key) !== undefined) return alreadyExists({ kind: obj.kind, namespace, name });
    }
    const generation = createdGeneration(obj.kind);
    const metadata: ObjectMeta = {
      ...obj.metadata,
      name,
      uid: obj.metadata.uid || this.newUid(),
      resourceVersion: this.newResourceVersion(),
      creationTimestamp: obj.metadata.creationTimestamp || isoAt(this.config.epochMs, this.nowMs),
      ...(generation !== undefined ? { generation } : {}),
    };
    const stored = { ...obj, metadata };
    this.store.put(stored, { key, old: undefined }); // just looked up: not there
    this.changed(stored, undefined, 'create', cause, key);
    return undefined;
  }

  update(input: KubeObject, cause: string, statusOnly: boolean, binding = false): string | undefined {
    // Every write is defaulted, as on create; a status write or a binding (registry BindingREST: nodeName set on the stored Pod) is not.
    let obj = statusOnly || binding ? input : applyDefaults(input);
    const key = objectKey(obj);
    const old = this.store.getByKey(key);
    if (old === undefined) return notFound({ kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name });
    let next: KubeObject;
    if (statusOnly) {
      const status = obj.kind === 'Pod' ? preserveOldObservedGeneration((obj as Pod).status, (old as Pod).status) : obj.status;
      next = { ...old, status, metadata: { ...old.metadata, resourceVersion: this.newResourceVersion() } };
    } else {
      // Validating admission on update (the Priority plugin): a refusal stores nothing.
      const refused = binding ? undefined : kindInfo(obj.kind)?.admitUpdate?.(obj, old, this);
      if (refused !== undefined) return refused;
      if (obj.kind === 'DaemonSet') obj = withTemplateGeneration(obj, old, !canonicalEqual((obj as DaemonSet).spec.template, (old as DaemonSet).spec.template));
      const generation = updatedGeneration(obj, old, binding);
      // rest/update.go BeforeUpdate: a request cannot set generation (a kind without one keeps none).
      if (generation === undefined && obj.metadata.generation !== undefined) {
        const { generation: _ignored, ...meta } = obj.metadata;
        obj = { ...obj, metadata: meta };
      }
      next = {
        ...obj,
        metadata: {
          ...obj.metadata,
          uid: old.metadata.uid,
          creationTimestamp: old.metadata.creationTimestamp,
          resourceVersion: this.newResourceVersion(),
          ...(generation !== undefined ? { generation } : {}),
        },
      };
      // Finalizers emptied on an object being deleted: the API server removes it now.
      if (next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0 && !isGracefulPod(next)) {
        this.store.remove(key);
        this.changed(undefined, old, 'delete', cause, key);
        return undefined;
      }
    }
    this.store.put(next, { key, old });
    this.changed(next, old, 'update', cause, key);
    return undefined;
  }

  delete(ref: ObjectRef, cause: string, gracePeriodSeconds?: number, propagation: 'Background' | 'Foreground' | 'Orphan' = 'Background'): string | undefined {
    const key = keyOf(ref);
    const old = this.store.getByKey(key);
    if (old === undefined) return notFound(ref);
    // priorityclass storage.go REST.Delete: the built-in classes cannot be deleted.
    if (old.kind === 'PriorityClass' && SYSTEM_PRIORITY_CLASSES.some((s) => s.name === ref.name)) {
      return `priorityclasses.scheduling.k8s.io "${ref.name}" is forbidden: this is a system priority class and cannot be deleted`;
    }
    let finalizers = old.metadata.finalizers ?? NO_FINALIZERS;
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers = [...finalizers, 'foregroundDeletion'];
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers = [...finalizers, 'orphan'];
    const pod = old.kind === 'Pod' ? (old as Pod) : undefined;
    const grace = gracePeriodSeconds ?? pod?.spec.terminationGracePeriodSeconds ?? 30;
    // pod registry: an unbound Pod, or grace 0, is removed at once; a bound one waits for its kubelet.
    const graceful = pod !== undefined && pod.spec.nodeName !== undefined && grace > 0 && !isTerminal(pod);
    if (finalizers.length === 0 && !graceful) {
      this.store.remove(key);
      this.changed(undefined, old, 'delete', cause, key);
      return undefined;
    }
    const storedGrace = old.metadata.deletionGracePeriodSeconds ?? 0;
    if (pod !== undefined && old.metadata.deletionTimestamp !== undefined && storedGrace > 0) return this.shortenGrace(pod, key, cause, storedGrace, gracePeriodSeconds);
    if (old.metadata.deletionTimestamp !== undefined && finalizers.length === (old.metadata.finalizers ?? []).length) {
      return undefined; // already being deleted
    }
    // Keys set one by one (the order of the spread literal this was: old ones in place, new ones
    // appended): conditional spreads of small objects cost more than the copy itself.
    const metadata: { -readonly [K in keyof ObjectMeta]: ObjectMeta[K] } = { ...old.metadata };
    metadata.resourceVersion = this.newResourceVersion();
    // The first deletion moves generation: BeforeDelete (graceful Pods) / markAsDeleting (the rest).
    const generation = deletingGeneration(old);
    if (generation !== undefined) metadata.generation = generation;
    metadata.deletionTimestamp = old.metadata.deletionTimestamp ?? isoAt(this.config.epochMs, this.nowMs + (graceful ? grace * 1000 : 0));
    // store.go markAsDeleting: an object that waits on finalizers only is deleted with grace period 0
    // (so is a Pod not gracefully deleted, BeforeDelete with period 0: unbound, terminal or --grace-period=0).
    metadata.deletionGracePeriodSeconds = graceful ? grace : 0;
    if (finalizers.length > 0) metadata.finalizers = finalizers;
    const next: KubeObject = { ...old, metadata };
    this.store.put(next, { key, old });
    this.changed(next, old, 'update', cause, key);
    return undefined;
  }

  /**
   * rest/delete.go BeforeDelete on a Pod already being deleted gracefully: only a shorter grace
   * period changes it (deletionTimestamp moved back by the difference, deletionGracePeriodSeconds
   * the new one, generation kept); the same or a longer one, or none, leaves it pending. Shortened
   * to 0 (--grace-period=0 --force) with no finalizers, the store deletes it at once (store.go
   * updateForGracefulDeletionAndFinalizers: lastGraceful 0).
   */
  private shortenGrace(old: Pod, key: string, cause: string, storedGrace: number, requested: number | undefined): string | undefined {
    if (requested === undefined) return undefined;
    const period = requested < 0 ? 1 : requested; // negative values are treated as 1s on the delete path
    if (period >= storedGrace) return undefined;
    if (period === 0 && (old.metadata.finalizers ?? NO_FINALIZERS).length === 0) {
      this.store.remove(key);
      this.changed(undefined, old, 'delete', cause, key);
      return undefined;
    }
    const atMs = Date.parse(old.metadata.deletionTimestamp!) - this.config.epochMs - (storedGrace - period) * 1000;
    const metadata = { ...old.metadata, resourceVersion: this.newResourceVersion(), deletionTimestamp: isoAt(this.config.epochMs, atMs), deletionGracePeriodSeconds: period };
    const next: KubeObject = { ...old, metadata };
    this.store.put(next, { key, old });
    this.changed(next, old, 'update', cause, key);
    return undefined;
  }

  purge(ref: ObjectRef, cause: string): string | undefined {
    const key = keyOf(ref);
    const old = this.store.remove(key);
    if (old === undefined) return notFound(ref);
    this.changed(undefined, old, 'delete', cause, key);
    return undefined;
  }

  recordEvent(involved: ObjectRef & { uid: string }, type: 'Normal' | 'Warning', reason: string, message: string, source: string, atMs = this.nowMs, repeat?: EventRepeat): void {
    // The recorder's correlator: counts, aggregates, and drops what the spam filter refuses (nothing written).
    const e = { timeMs: atMs, involved, type, reason, message, source };
    if (repeat === undefined) {
      const record = this.correlator.record(e);
      if (record !== undefined) this.written(record);
    } else {
      for (const record of this.correlator.recordRun(e, repeat.times, repeat.everyMs)) this.written(record);
    }
  }

  private written(record: EventRecord): void {
    this.events.push(record);
    if (this.config.recordTrace) {
      const { involved } = record;
      this.trace.push({ timeMs: record.timeMs, verb: 'event', kind: involved.kind, namespace: involved.namespace, name: involved.name, summary: `${record.reason}: ${record.message}`, cause: record.source });
    }
  }

  setRow(table: TableName, key: string, value: unknown, cause: string): void {
    if (!this.ownedTables.has(table)) {
      this.tables[table] = new Map(this.tables[table]);
      this.ownedTables.add(table);
    }
    const before = this.tables[table].get(key);
    if (value === undefined) this.tables[table].delete(key);
    else this.tables[table].set(key, value);
    for (const c of this.tableWatchers.get(table) ?? []) {
      if (c.name !== cause && (c.rowMatters === undefined || c.rowMatters(table, value, before))) this.enqueue(c.name, key);
    }
  }

  private changed(after: KubeObject | undefined, before: KubeObject | undefined, verb: 'create' | 'update' | 'delete', cause: string, key: string): void {
    const obj = (after ?? before)!;
    if (this.config.recordTrace) {
      this.trace.push({
        timeMs: this.nowMs, verb, kind: obj.kind, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name,
        summary: summarize(after, before), cause,
      });
    }
    const handlers = this.handlersOf(obj.kind);
    for (let h = 0; h < handlers.length; h++) {
      const { name, handler } = handlers[h];
      const keys = handler(this, after, before, key);
      for (let i = 0; i < keys.length; i++) this.enqueue(name, keys[i]);
    }
  }

  /** The watch handlers of a kind, then those of '*', in controller order (built once per kind). */
  private handlersOf(kind: string): readonly { readonly name: string; readonly handler: WatchHandler }[] {
    let list = this.handlers.get(kind);
    if (list === undefined) {
      list = [
        ...(this.watchers.get(kind) ?? []).map((c) => ({ name: c.name, handler: c.watches[kind] })),
        ...(this.watchers.get('*') ?? []).map((c) => ({ name: c.name, handler: c.watches['*'] })),
      ];
      this.handlers.set(kind, list);
    }
    return list;
  }

  private newUid(): string {
    const n = this.nextUid++;
    // A UUID-shaped, deterministic uid: the counter mixed with the seed.
    const hex = (n * 2654435761 + this.config.seed * 40503).toString(16).padStart(12, '0').slice(-12);
    const count = n.toString(16).padStart(8, '0').slice(-8);
    // join, not a template: one flat 36-character string (a template keeps a rope of its pieces).
    return [count, '-0000-4000-8000-', hex].join('');
  }

  private newResourceVersion(): string {
    return String(this.nextResourceVersion++);
  }
}

// Every write at one instant asks for the same few timestamps (now; now + the grace period of a
// Pod deletion, which a rollout interleaves with creations): remember them (a pure function's memo).
let lastIsoMs = NaN;
let lastIso = '';
const isoTexts = new Map<number, string>();

export function isoAt(epochMs: number, ms: number): string {
  const at = epochMs + ms;
  if (at !== lastIsoMs) {
    let text = isoTexts.get(at);
    if (text === undefined) {
      if (isoTexts.size >= 1024) isoTexts.clear();
      text = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
      isoTexts.set(at, text);
    }
    lastIso = text;
    lastIsoMs = at;
  }
  return lastIso;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function isGracefulPod(obj: KubeObject): boolean {
  return obj.kind === 'Pod' && (obj as Pod).spec.nodeName !== undefined && !isTerminal(obj as Pod);
}

export function alreadyExists(ref: ObjectRef): string {
  return `${resourceName(ref.kind)} "${ref.name}" already exists`;
}

export function notFound(ref: ObjectRef): string {
  return `${resourceName(ref.kind)} "${ref.name}" not found`;
}

/** The API server's resource.group spelling used in messages: `deployments.apps`, `pods`. */
export function resourceName(kind: string): string {
  const groups: Record<string, string> = {
    Deployment: 'deployments.apps', ReplicaSet: 'replicasets.apps', DaemonSet: 'daemonsets.apps',
    StatefulSet: 'statefulsets.apps', ControllerRevision: 'controllerrevisions.apps', Job: 'jobs.batch', CronJob: 'cronjobs.batch',
    NetworkPolicy: 'networkpolicies.networking.k8s.io', Endpoints: 'endpoints', EndpointSlice: 'endpointslices.discovery.k8s.io',
  };
  return groups[kind] ?? `${kind.toLowerCase()}${kind.endsWith('s') ? 'es' : 's'}`;
}
