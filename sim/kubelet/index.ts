import type { Container, Node, Pod, Volume } from '../api/types';
import type { Change, ClusterView, Controller, NodeRuntime, ReconcileContext, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { syncIsNoop, syncPod, type KubeletNodeFields, type SyncInput } from './sync';
import { netSessionFor, serviceEnvFor, type NetSession } from '../runtime/net-hooks';
import { envSource, type EnvSource, type VolumeProjection } from '../runtime/env-hooks';
import type { EnvResolver } from '../runtime/process';
import type { NetCommand } from '../runtime/sh/interp';
import { pvcVolumeProjection } from '../storage/data'; // PVC and nfs volumes: sim/storage
import { isPodRt, type PodRt } from './types';
import type { ObjectCorrelation } from '../engine/event-correlator';
import { podIpChanged, usedIpsOn } from './ip-cache';
import { cancelPulls, hasPullToCancel } from './pull-cancel';

// The kubelet of every node, as one controller keyed by Pod ("Pod/<ns>/<name>"). It also answers
// two other kinds of keys the engine hands it: a `pods` table row key (a Pod uid, when another
// component such as `kubectl exec` changed a container's files) and a `nodes` table row key (a node
// name, when its kubelet stops or comes back); "gone/<uid>" clears the row of a Pod removed by someone else.

export const KUBELET = 'kubelet';

const NONE: readonly string[] = Object.freeze([]);

function podKey(ns: string, name: string): string {
  return `Pod/${ns}/${name}`;
}

const watchPod = (view: ClusterView, after: import('../api/types').KubeObject | undefined, before: import('../api/types').KubeObject | undefined, storeKey?: string): readonly string[] => {
  podIpChanged(view, after, before);
  const p = (after ?? before) as Pod;
  if (p.spec?.nodeName === undefined) return [];
  // A Pod removed by someone else leaves a row to clear; one the kubelet purged itself has none left.
  if (after === undefined) return view.table('pods').has(p.metadata.uid) ? [`gone/${p.metadata.uid}`] : NONE;
  // A write that changes nothing a sync would act on (typically the kubelet's own status write): no reconcile.
  const a = after as Pod;
  // A deletion just requested (the version before had none) is news to the row: enqueued without a look-up.
  if (before !== undefined && a.spec === (before as Pod).spec && (a.metadata.deletionTimestamp === undefined || before.metadata.deletionTimestamp !== undefined)) {
    const row = view.table('pods').get(a.metadata.uid);
    if (isPodRt(row) && syncIsNoop(a, row, view.nowMs, false)) return NONE;
  }
  // The store's key is this key when the Pod has a namespace (as every stored Pod has).
  return [storeKey !== undefined && p.metadata.namespace !== undefined ? storeKey : podKey(p.metadata.namespace ?? 'default', p.metadata.name)];
};

const watchNode = (_v: ClusterView, after: import('../api/types').KubeObject | undefined, before: import('../api/types').KubeObject | undefined): readonly string[] => {
  const a = after as Node | undefined;
  const b = before as Node | undefined;
  if (a === undefined) return [];
  const ip = (n: Node | undefined) => n?.status?.addresses?.find((x) => x.type === 'InternalIP')?.address;
  if (b !== undefined && a.spec?.podCIDR === b.spec?.podCIDR && ip(a) === ip(b)) return [];
  return [`node/${a.metadata.name}`];
};

/** A removed Pod's requests (its containers' access logs) go with its containers. */
function forgetAccess(view: ClusterView, uid: string): Change[] {
  return view.table('access').has(uid) ? [{ verb: 'runtime', table: 'access', key: uid, value: undefined }] : [];
}

function reconcile(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  if (key.startsWith('Pod/')) return reconcilePod(view, key, ctx);
  if (key.startsWith('gone/')) {
    const uid = key.slice(5);
    const row = view.table('pods').get(uid);
    if (row === undefined) return NO_CHANGES;
    const changes: Change[] = [{ verb: 'runtime', table: 'pods', key: uid, value: undefined }, ...forgetAccess(view, uid)];
    // Its pull requests are cancelled too: the ones behind them move up (pull-cancel.ts).
    const nodeRow = isPodRt(row) ? view.table('nodes').get(row.node) : undefined;
    if (isPodRt(row) && nodeRow?.alive === true && hasPullToCancel(row, ctx.nowMs)) {
      const c = cancelPulls(view, row, nodeRow as NodeRuntime & KubeletNodeFields, ctx.nowMs);
      changes.push(...c.changes, { verb: 'runtime', table: 'nodes', key: row.node, value: c.nodeRow });
    }
    return { changes };
  }
  if (key.startsWith('node/')) return fanOut(view, key.slice(5));
  if (key.startsWith('resume/')) return resumePod(view, `Pod/${key.slice(7)}`, ctx);
  const row = view.table('pods').get(key);
  if (isPodRt(row)) return reconcilePod(view, `Pod/${row.ref}`, ctx, true);
  return nodeRowChanged(view, key);
}

/** Every Pod on the node synced now; `resume`: a kubelet coming back, whose syncs must not be skipped as no-ops (probe ticks it slept through before it stopped are due). */
function fanOut(view: ClusterView, nodeName: string, resume = false): ReconcileResult {
  const changes: Change[] = view.podsOnNode(nodeName).map((p) => ({ verb: 'enqueue', controller: KUBELET, key: resume ? `resume/${p.metadata.namespace ?? 'default'}/${p.metadata.name}` : podKey(p.metadata.namespace ?? 'default', p.metadata.name), afterMs: 0 }));
  return { changes };
}

/** The first sync after the kubelet came back; the Pod's later wake-ups are ordinary syncs (its own key). */
function resumePod(view: ClusterView, key: string, ctx: ReconcileContext): ReconcileResult {
  const r = reconcilePod(view, key, ctx, false, true);
  if (r.requeueAfterMs === undefined) return r;
  return { changes: [...r.changes, { verb: 'enqueue', controller: KUBELET, key, afterMs: r.requeueAfterMs }] };
}

/** A kubelet that comes back resyncs all its Pods; one that stops freezes them (nothing to do). */
function nodeRowChanged(view: ClusterView, nodeName: string): ReconcileResult {
  const row = view.table('nodes').get(nodeName) as (NodeRuntime & KubeletNodeFields) | undefined;
  if (row === undefined) return NO_CHANGES;
  const seen = row.kubeletAlive ?? true;
  if (row.alive === seen) return NO_CHANGES;
  const changes: Change[] = [{ verb: 'runtime', table: 'nodes', key: nodeName, value: { ...row, kubeletAlive: row.alive, ...(row.alive ? {} : { kubeletDownMs: view.nowMs }) } }];
  if (row.alive) changes.push(...fanOut(view, nodeName, true).changes);
  return { changes };
}

// Timestamps repeat a lot (every status at one instant): memoise the RFC 3339 text per (epoch, ms).
const isoCache = new Map<number, string>();
let isoEpoch = NaN;
function isoOf(ctx: ReconcileContext, ms: number): string {
  if (ctx.config.epochMs !== isoEpoch) { isoCache.clear(); isoEpoch = ctx.config.epochMs; }
  let text = isoCache.get(ms);
  if (text === undefined) {
    if (isoCache.size > 50_000) isoCache.clear();
    text = ctx.iso(ms);
    isoCache.set(ms, text);
  }
  return text;
}

/** A source without projectVolume (an older one) still gives files, never an error. */
function projectVolume(source: EnvSource, view: ClusterView, pod: Pod, v: import('../api/types').Volume): VolumeProjection | undefined {
  if (source.projectVolume !== undefined) return source.projectVolume(view, pod, v);
  const files = source.volumeFiles?.(view, pod, v);
  return files === undefined ? undefined : { files };
}

// ctx.iso through the memo as one function per drain (a sync passes it on as a value).
let isoOfCtx: { readonly ctx: ReconcileContext; readonly fn: (ms: number) => string } | undefined;
function isoFnOf(ctx: ReconcileContext): (ms: number) => string {
  if (isoOfCtx?.ctx !== ctx) isoOfCtx = { ctx, fn: (ms) => isoOf(ctx, ms) };
  return isoOfCtx.fn;
}

/**
 * A sync's input, read from the view: methods and lazily made members where a closure per sync
 * used to be (most syncs are probe ticks that use none of them).
 */
class ViewSyncInput implements SyncInput {
  readonly images: ReadonlyMap<string, unknown>;
  readonly nowMs: number;
  readonly epochMs: number;
  readonly iso: (ms: number) => string;
  /** One network session per sync: a container loop's wgets continue kube-proxy's rotation and affinity. */
  session: NetSession | undefined;
  private nodeMemo: { readonly node: Node | undefined } | undefined;
  private envMemo: EnvResolver | undefined;
  private projectMemo: ((v: Volume) => VolumeProjection | undefined) | undefined;
  private envErrorMemo: ((c: Container) => string | undefined) | undefined;

  readonly firedThroughMs: number;
  readonly batchProbeTicks: boolean;
  readonly kubeletDownMs: number | undefined;

  constructor(
    private readonly view: ClusterView, private readonly ctx: ReconcileContext, private readonly source: EnvSource | undefined,
    readonly pod: Pod, readonly rt: PodRt | undefined, readonly nodeRow: NodeRuntime | undefined, readonly external: boolean, resumed: boolean,
  ) {
    this.images = view.table('images');
    this.nowMs = ctx.nowMs;
    this.epochMs = ctx.config.epochMs;
    this.iso = isoFnOf(ctx);
    this.firedThroughMs = ctx.firedThroughMs;
    this.batchProbeTicks = ctx.config.probeTickBatching ?? true;
    this.kubeletDownMs = resumed ? (nodeRow as (NodeRuntime & KubeletNodeFields) | undefined)?.kubeletDownMs : undefined;
  }

  eventMemory(): ObjectCorrelation | undefined {
    const m = this.pod.metadata;
    return this.view.eventMemory?.(KUBELET, { kind: 'Pod', namespace: m.namespace ?? 'default', name: m.name, uid: m.uid });
  }

  get node(): Node | undefined {
    return (this.nodeMemo ??= { node: this.view.get<Node>('Node', '', this.pod.spec.nodeName!) }).node;
  }

  get env(): EnvResolver | undefined {
    const source = this.source;
    if (source === undefined) return undefined;
    const { view, pod } = this;
    const nowMs = this.nowMs;
    return (this.envMemo ??= {
      valueFrom: (vf) => source.valueFrom(view, pod, vf), envFrom: (e) => source.envFrom(view, pod, e),
      // A container is created now: the Services the kubelet knows of now.
      serviceEnv: () => serviceEnvFor(view, pod, nowMs),
    });
  }

  get projectVolume(): (v: Volume) => VolumeProjection | undefined {
    const { view, pod, source } = this;
    return (this.projectMemo ??= (v) => pvcVolumeProjection(view, pod, v) ?? (source === undefined ? undefined : projectVolume(source, view, pod, v)));
  }

  get envError(): ((c: Container) => string | undefined) | undefined {
    const { view, pod, source } = this;
    if (source?.envError === undefined) return undefined;
    return (this.envErrorMemo ??= (c) => source.envError!(view, pod, c));
  }

  rand(): number { return this.ctx.rng.next(); }

  net(): Readonly<Record<string, NetCommand>> | undefined {
    return (this.session ??= netSessionFor(this.view, this.pod))?.commands;
  }

  usedIps(): { has(ip: string): boolean } {
    return usedIpsOn(this.view, this.pod.spec.nodeName!);
  }
}

function reconcilePod(view: ClusterView, key: string, ctx: ReconcileContext, external = false, resumed = false): ReconcileResult {
  const pod = view.getByKey<Pod>(key);
  if (pod === undefined) return NO_CHANGES;
  const nodeName = pod.spec.nodeName;
  if (nodeName === undefined) return NO_CHANGES;
  const nodeRow = view.table('nodes').get(nodeName);
  if (nodeRow !== undefined && !nodeRow.alive) return NO_CHANGES;
  const rowValue = view.table('pods').get(pod.metadata.uid);
  const rt = isPodRt(rowValue) ? rowValue : undefined;
  if (!resumed && syncIsNoop(pod, rt, ctx.nowMs, external)) return Number.isFinite(rt!.wakeMs!) ? { changes: [], requeueAfterMs: rt!.wakeMs! - ctx.nowMs } : NO_CHANGES;
  // A Pod being deleted: its sync's context is cancelled, and so is its image pull request (pull-cancel.ts).
  let syncRt: PodRt | undefined = rt;
  let syncNodeRow = nodeRow;
  let cancelled: Change[] | undefined;
  if (pod.metadata.deletionTimestamp !== undefined && rt !== undefined && nodeRow !== undefined && hasPullToCancel(rt, ctx.nowMs)) {
    const c = cancelPulls(view, rt, nodeRow as NodeRuntime & KubeletNodeFields, ctx.nowMs);
    syncRt = c.rt;
    syncNodeRow = c.nodeRow;
    cancelled = c.changes;
  }
  const input = new ViewSyncInput(view, ctx, envSource(), pod, syncRt, syncNodeRow, external, resumed);
  const out = syncPod(input);
  const session = input.session;
  const changes: Change[] = cancelled ?? [];
  if (cancelled !== undefined && out.nodeRow === undefined) changes.push({ verb: 'runtime', table: 'nodes', key: nodeName, value: syncNodeRow });
  const ref = { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid };
  for (const e of out.events) {
    changes.push(e.atMs === undefined
      ? { verb: 'event', ref, type: e.type, reason: e.reason, message: e.message, source: KUBELET }
      : { verb: 'event', ref, type: e.type, reason: e.reason, message: e.message, source: KUBELET, atMs: e.atMs, ...(e.repeat !== undefined ? { repeat: e.repeat } : {}) });
  }
  if (session !== undefined) changes.push(...session.changes());
  if (out.nodeRow !== undefined) changes.push({ verb: 'runtime', table: 'nodes', key: nodeName, value: out.nodeRow });
  if (out.purge) {
    if (rt !== undefined) changes.push({ verb: 'runtime', table: 'pods', key: pod.metadata.uid, value: undefined });
    if (out.status !== undefined) changes.push({ verb: 'status', object: { ...pod, status: out.status } });
    changes.push(...forgetAccess(view, pod.metadata.uid));
    changes.push({ verb: 'purge', ref: { kind: 'Pod', namespace: ref.namespace, name: ref.name }, reason: 'kubelet: containers stopped' });
    return { changes };
  }
  // The row first: when the status write below reaches watchPod, the row already says it produced
  // that status, so the kubelet's own write does not wake it again.
  if (out.rt !== rt) changes.push({ verb: 'runtime', table: 'pods', key: pod.metadata.uid, value: out.rt as PodRt });
  if (out.status !== undefined) changes.push({ verb: 'status', object: { ...pod, status: out.status } });
  const result: ReconcileResult = { changes };
  return Number.isFinite(out.wakeMs) && out.wakeMs > ctx.nowMs ? { changes, requeueAfterMs: out.wakeMs - ctx.nowMs } : result;
}

export const kubeletController: Controller = {
  name: KUBELET,
  reconcile,
  watches: { Pod: watchPod, Node: watchNode },
  watchesTables: ['pods', 'nodes'],
};

export const controllers: readonly Controller[] = [kubeletController];

export type { PodRt, ContainerRt, LogLine, ProbeWorker } from './types';
export { syncPod } from './sync';
