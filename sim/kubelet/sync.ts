import type { Container, Node, Pod, PodStatus, Probe, Volume } from '../api/types';
import type { NodeRuntime } from '../engine/types';
import { bindFailureLog } from '../runtime/bind-failure';
import { AppendLog } from '../engine/append-log';
import { behaviourOf, DEFAULT_PULL_MS, parseImageRef, type ImageBehaviour } from '../runtime/image-behaviours';
import {
  answerChangeAges, containerEnv, containerEnvOf, containerVfs, httpAnswer, hostnameOf, imageRootfs, listensOn, serverCommandsOf, startProcess, sigtermExit,
  type EnvResolver, type ServingContainer,
} from '../runtime/process';
import { fieldRefValue, type VolumeProjection } from '../runtime/env-hooks';
import { runLiteralCat, runSh, runSync, type NetCommand, type ShIo } from '../runtime/sh/interp';
import { literalCommandOf } from '../runtime/sh/ast';
import { EMPTY_TREE, treeOf, type Tree } from '../runtime/fs';
import type { Vfs } from '../runtime/fs';
import {
  CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS, IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS,
  goDuration, isInBackOffSince, isInBackOffSinceUpdate, nextBackoff,
} from './backoff';
import { allocateIp } from './ipam';
import { queuePull, type PullQueue } from './image-puller';
import { pullRequestOf } from './pull-request';
import { observedGenerationCurrent, podStatusOf } from './status';
import { syncEphemeral } from './ephemeral';
import { jsonEqual } from './json-equal';
import { applyResult, forNewContainer, isSettledSuccess, newWorker, onGrid, pastInitialDelay, probeOf, probeTiming, withFailure, withNextMs } from './prober/worker';
import { addPodWorkers } from './prober/manager';
import { isSettledFailure, ticksRanThrough, ticksThrough } from './prober/deferred';
import { correlateEvent, spamFilterOpensAt, type ObjectCorrelation } from '../engine/event-correlator';
import type { EventRepeat } from '../engine/types';
import { isPureProbe, runProbe, type ProbeTarget } from './prober/probe';
import type { ContainerRt, LogLine, PodRt, ProbeKind, ProbeWorker } from './types';
import {
  isConfigVolume, jitter, mountVolumes, remountedVolumes, sameFiles, RESYNC_INTERVAL_MS, RESYNC_JITTER_FACTOR, SYNC_ERROR_BACKOFF_MS, SYNC_ERROR_JITTER_FACTOR,
  failedMountMessage, NO_RETRIES, NO_VOLUMES, type MountRetry,
} from './volumes';
import { alreadyPresentMessage, createdMessage, pulledMessage, pullingMessage, startedMessage, stoppingMessage } from './messages';

// syncPod: everything the kubelet does for one Pod at one instant, as a pure function of the Pod,
// its runtime row and its node's row. It advances every container as far as it can go at `now`
// (pull finished -> created -> started -> process runs -> exits -> restart or back-off), runs the
// probes whose tick is due (before the processes that wake at the same instant: a process's
// actions after `sleep N` come just after N), and reports the next instant anything is due.
// Mirrors pkg/kubelet/kuberuntime/kuberuntime_manager.go SyncPod + computePodActions, reduced.

export interface KubeletEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
  /** Earlier than now: probe ticks the kubelet slept through (prober/deferred.ts), the first at atMs. */
  readonly atMs?: number;
  readonly repeat?: EventRepeat;
}

export interface SyncInput {
  readonly pod: Pod;
  readonly rt: PodRt | undefined;
  readonly node: Node | undefined;
  readonly nodeRow: NodeRuntime | undefined;
  readonly images: ReadonlyMap<string, unknown>;
  readonly nowMs: number;
  readonly epochMs: number;
  readonly iso: (ms: number) => string;
  /** Pod IPs in use on the node (for IP allocation; called only when allocating). */
  readonly usedIps: () => { has(ip: string): boolean };
  /** Someone else changed the Pod's runtime row (kubectl exec wrote files): probes must look again. */
  readonly external?: boolean;
  /** wget/curl/nslookup for this Pod's containers (sim/network, through sim/runtime/net-hooks.ts). */
  readonly net?: () => Readonly<Record<string, NetCommand>> | undefined;
  /** ConfigMap/Secret env (sim/runtime/env-hooks.ts); the downward API is resolved here. */
  readonly env?: EnvResolver;
  /** MountVolume.SetUp of configMap/secret/projected volumes: files or an error (sim/runtime/env-hooks.ts). */
  readonly projectVolume?: (volume: Volume) => VolumeProjection | undefined;
  /** makeEnvironmentVariables' error for a container's env/envFrom (CreateContainerConfigError), or undefined. */
  readonly envError?: (container: Container) => string | undefined;
  /** A draw in [0, 1) from the cluster's seeded generator, for the pod worker's jitter (0 when absent). */
  readonly rand?: () => number;
  /** Every timer due at or before this instant fired before this sync's transaction (ReconcileContext.firedThroughMs). */
  readonly firedThroughMs?: number;
  /** This sync resumes a kubelet that stopped at this instant: no probe ticked after it. */
  readonly kubeletDownMs?: number;
  /** Whether settled failing readiness probes may sleep through ticks (ClusterConfig.probeTickBatching). */
  readonly batchProbeTicks?: boolean;
  /** What the kubelet's event recorder remembers about this Pod (its spam filter's bucket). */
  readonly eventMemory?: () => ObjectCorrelation | undefined;
}

export interface SyncOutput {
  /** The new runtime row (same object when unchanged); undefined with purge. */
  readonly rt: PodRt | undefined;
  /** The node's row when the kubelet changed it (images, IP allocation, hostPath files). */
  readonly nodeRow?: NodeRuntime;
  readonly status?: PodStatus;
  readonly events: readonly KubeletEvent[];
  readonly purge: boolean;
  /** The next instant something is due (Infinity: nothing). */
  readonly wakeMs: number;
}

/** Extra fields the kubelet keeps in the node's row. */
export interface KubeletNodeFields {
  readonly lastAllocatedIp?: string;
  readonly kubeletAlive?: boolean;
  /** When the kubelet last stopped. */
  readonly kubeletDownMs?: number;
  /** The serial image puller's queue (image-puller.ts). */
  readonly pullQueue?: PullQueue;
  /** When the kubelet started (registered its node): probe workers started less than a period later sleep a random part of it first (prober/manager.ts). */
  readonly kubeletStartMs?: number;
}

const POD_WORKER_BACKOFF_MS = 10_000; // pkg/kubelet/pod_workers.go backOffPeriod: resync after a sync error
const MIN_GRACE_S = 2; // kuberuntime_container.go killContainer: minimumGracePeriodInSeconds
/** RunPodSandbox on a kubeadm node: the pause container and the CNI plugin's ADD, about a second. */
export const SANDBOX_START_MS = 1_000;
// Shared by every container that has logged nothing yet (with EMPTY_TREE, its file system layer before it starts).
const EMPTY_LOG: AppendLog<LogLine> = AppendLog.empty();

export function defaultPullPolicy(c: Container): 'Always' | 'IfNotPresent' | 'Never' {
  if (c.imagePullPolicy !== undefined) return c.imagePullPolicy;
  const { tag } = parseImageRef(c.image);
  return tag === 'latest' && !c.image.includes('@') ? 'Always' : 'IfNotPresent';
}

function internalIp(node: Node | undefined): string {
  const addresses = node?.status?.addresses;
  if (addresses !== undefined) for (const a of addresses) if (a.type === 'InternalIP') return a.address ?? '';
  return '';
}

function podGraceSeconds(pod: Pod): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
}

const discard = (): void => undefined;

/** correlate reads neither the object nor the source of an event. */
const NO_OBJECT = Object.freeze({ kind: 'Pod', namespace: '', name: '', uid: '' });

const KIND_TITLE: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

class PodSync {
  readonly events: KubeletEvent[] = [];
  readonly specs: readonly Container[];
  cs: ContainerRt[];
  volumes: Record<string, Tree>;
  hostFiles: Tree | undefined;
  nodeImages: ReadonlySet<string>;
  /** The node's serial image puller (image-puller.ts); written back with nodeChanged. */
  pullQueue: PullQueue | undefined;
  nodeChanged = false;
  dirty = false;
  /** Something the Pod status shows changed (probe bookkeeping alone does not count). */
  statusDirty = false;
  /** What probes observe changed at this instant, so settled probes must tick again. */
  inputsChanged = false;
  /**
   * The kubelet syncs the Pod at this instant for news of it (a container started or died, a probe's
   * result changed): its status update asks not-ready containers' readiness workers for a probe now.
   */
  private podSyncDue = false;
  /** Which containers' readiness workers probed on that request at this instant (one request each). */
  private readonly triggered: boolean[] = [];
  purge = false;
  /** The pod worker's next periodic resync (only Pods with secret/configMap volumes have one). */
  resyncMs: number | undefined;
  private readonly behaviours: ImageBehaviour[];
  private readonly terminating: boolean;
  /** Whether cs is this sync's own copy yet (copied on the first change: most syncs change nothing). */
  private csOwned = false;
  /** Which cs[i] are this sync's own copies (made by set), not yet seen by anyone else. */
  private readonly ownCopies: boolean[] = [];
  private hostnameMemo: string | undefined;

  constructor(private readonly in_: SyncInput, private readonly rt: PodRt, private readonly nodeRow: NodeRuntime & KubeletNodeFields) {
    const pod = in_.pod;
    // The row lists init containers first, so its first one tells whether the Pod has any (reading
    // an absent spec.initContainers is a slow lookup on specs of many shapes, at every probe tick).
    const inits = rt.containers.length > 0 && !rt.containers[0].init ? undefined : pod.spec.initContainers;
    this.specs = inits === undefined || inits.length === 0 ? pod.spec.containers : [...inits, ...pod.spec.containers];
    this.cs = rt.containers as ContainerRt[];
    // Every change replaces the record (copy on write), so the row's own one can be the start.
    this.volumes = rt.volumes as Record<string, Tree>;
    this.hostFiles = nodeRow.hostFiles as Tree | undefined;
    this.nodeImages = nodeRow.images;
    this.pullQueue = nodeRow.pullQueue;
    this.behaviours = [];
    for (const spec of this.specs) this.behaviours.push(behaviourOf(in_.images, spec.image));
    this.terminating = pod.metadata.deletionTimestamp !== undefined;
    this.resyncMs = rt.resyncMs;
    this.inputsChanged = in_.external === true || this.answersChangeNow();
  }

  /** Whether a running container's answers change at this instant (its age reaches one of answerChangeAges). */
  private answersChangeNow(): boolean {
    const cs = this.rt.containers;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c.phase !== 'running' || c.startedMs === undefined) continue;
      for (const age of answerChangeAges(this.behaviours[i])) if (c.startedMs + age === this.in_.nowMs) return true;
    }
    return false;
  }

  /** kubelet's format.Pod: `name_namespace(uid)`. */
  private get podName(): string {
    const m = this.in_.pod.metadata;
    return `${m.name}_${m.namespace ?? 'default'}(${m.uid})`;
  }

  get now(): number { return this.in_.nowMs; }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.push({ type, reason, message });
  }

  /**
   * The ticks of settled failing readiness probes the kubelet slept through since its last sync
   * (prober/deferred.ts): their Unhealthy events, at their own times, before anything at this instant.
   */
  private recordSleptTicks(): void {
    if (this.in_.batchProbeTicks !== true || this.rt.deleting === true) return; // the probes stopped when the deletion was seen
    const through = ticksRanThrough(this.now, this.in_.firedThroughMs ?? this.now, this.in_.kubeletDownMs);
    for (let i = 0; i < this.cs.length; i++) {
      const c = this.cs[i];
      const w = c.readiness;
      const probe = this.specs[i].readinessProbe;
      // As runProbes: only a probing (running, not deleted) and started container ticks.
      if (!probing(c) || !c.started || w === undefined || probe === undefined || w.nextMs > through || !isSettledFailure(w, 'readiness', probe) || !isPureProbe(probe)) continue;
      const { times, nextMs } = ticksThrough(w, probe, through);
      this.events.push({ type: 'Warning', reason: 'Unhealthy', message: `${KIND_TITLE.readiness} probe failed: ${w.failedWith}`, atMs: w.nextMs, ...(times > 1 ? { repeat: { times, everyMs: probeTiming(probe).periodMs } } : {}) });
      this.setWorker(i, 'readiness', withNextMs(w, nextMs), false);
    }
  }

  private set(i: number, patch: Partial<ContainerRt>, statusRelevant = true): void {
    if (!this.csOwned) { this.cs = this.cs.slice(); this.csOwned = true; }
    // A copy this sync already made takes the patch in place (nothing else holds it yet), as setWorker does.
    if (this.ownCopies[i] === true) Object.assign(this.cs[i], patch);
    else { this.cs[i] = Object.assign(copyContainer(this.cs[i]), patch); this.ownCopies[i] = true; }
    this.dirty = true;
    if (statusRelevant) this.statusDirty = true;
  }

  /**
   * set(i, { [kind]: w }), for the probe ticks: a container copy this sync already made takes the
   * worker in place (a tick of two probes copied all 25 fields twice). Nothing keeps a reference
   * to such a copy expecting its old worker.
   */
  private setWorker(i: number, kind: ProbeKind, w: ProbeWorker, statusRelevant: boolean): void {
    if (this.ownCopies[i] !== true) { this.set(i, { [kind]: w }, statusRelevant); return; }
    (this.cs[i] as { -readonly [K in ProbeKind]?: ProbeWorker })[kind] = w;
    this.dirty = true;
    if (statusRelevant) this.statusDirty = true;
  }

  private get hostname(): string {
    return (this.hostnameMemo ??= hostnameOf(this.in_.pod));
  }

  // ------------------------------------------------------------ the instant

  run(): void {
    const phase = this.in_.pod.status?.phase;
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    this.recordSleptTicks();
    if (!this.terminating && !terminal && this.resyncMs !== undefined && this.now >= this.resyncMs) this.resync();
    for (let pass = 0; pass < 50; pass++) {
      const before = this.events.length;
      const wasDirty = this.dirty;
      this.dirty = false;
      if (this.terminating) {
        this.runProbes(); // readiness only, through the grace period
        this.stepTermination();
      } else if (!terminal) {
        this.runProbes();
        this.stepContainers();
        if (this.podSyncDue) this.runTriggeredReadiness();
      }
      const changed = this.dirty || this.events.length !== before;
      this.dirty = this.dirty || wasDirty;
      if (!changed || this.purge) break;
    }
  }

  private stepContainers(): void {
    let initDone = true;
    // SyncPod starts containers one after another, and startContainer waits for its image pull
    // (kuberuntime_container.go EnsureImageExists): a container to start waits while one before it pulls.
    let pulling = false;
    for (let i = 0; i < this.specs.length; i++) {
      const c = this.cs[i];
      if (c.init) {
        if (!initDone) continue;
        this.stepContainer(i);
        const after = this.cs[i];
        if (!(after.phase === 'exited' && after.terminated?.exitCode === 0)) initDone = false;
      } else if (initDone) {
        if (pulling && c.phase === 'new') continue;
        this.stepContainer(i);
        if (this.cs[i].phase === 'pulling') pulling = true;
      }
    }
  }

  private stepContainer(i: number): void {
    const c = this.cs[i];
    switch (c.phase) {
      case 'new': this.ensureImage(i); return;
      case 'pulling': if (this.now >= c.dueMs!) this.pullDone(i); return;
      case 'pullError': if (this.now >= c.dueMs!) this.pullResync(i); return;
      case 'running': this.stepRunning(i); return;
      case 'exited': this.decideRestart(i); return;
      case 'backoff': if (this.now >= c.dueMs!) this.decideRestart(i); return;
      case 'configError': if (this.now >= c.dueMs!) { this.set(i, { phase: 'new', dueMs: undefined }); this.ensureImage(i); } return;
    }
  }

  // ------------------------------------------------------------ pod worker resync (see volumes.ts)

  private draw(): number {
    return this.in_.rand?.() ?? 0;
  }

  /** completeWork after a successful sync: the next resync in 60-90 s, for a Pod with volumes to re-project. */
  private armResync(): void {
    if (remountedVolumes(this.in_.pod).length === 0) return;
    this.resyncMs = this.now + jitter(RESYNC_INTERVAL_MS, RESYNC_JITTER_FACTOR, this.draw());
    this.dirty = true;
  }

  /**
   * A restarted container binds its subPath mounts again, to what the volume holds now: config
   * volumes mounted only through subPath (which resyncs leave alone) are projected afresh for it.
   */
  private rebindSubPaths(spec: Container): void {
    const whole = remountedVolumes(this.in_.pod);
    for (const m of spec.volumeMounts ?? []) {
      if (!m.subPath || whole.some((v) => v.name === m.name)) continue;
      const v = this.in_.pod.spec.volumes?.find((x) => x.name === m.name);
      const p = v !== undefined && isConfigVolume(v) ? this.in_.projectVolume?.(v) : undefined;
      if (p === undefined || 'error' in p) continue;
      const tree = p.tree ?? treeOf(p.files);
      if (!sameFiles(this.volumes[m.name], tree)) { this.volumes = { ...this.volumes, [m.name]: tree }; this.dirty = true; }
    }
  }

  /** The periodic sync: re-project secret/configMap volumes (atomic swap); a failing SetUp keeps the old files. */
  private resync(): void {
    for (const v of remountedVolumes(this.in_.pod)) {
      const p = this.in_.projectVolume?.(v);
      if (p === undefined) continue;
      if ('error' in p) { this.event('Warning', 'FailedMount', failedMountMessage(v.name, p.error)); continue; }
      const tree = p.tree ?? treeOf(p.files);
      if (sameFiles(this.volumes[v.name], tree)) continue;
      this.volumes = { ...this.volumes, [v.name]: tree };
      this.inputsChanged = true;
    }
    this.armResync();
  }

  // ------------------------------------------------------------ images (pkg/kubelet/images/image_manager.go EnsureImageExists)

  private imagePresent(image: string): boolean {
    return this.nodeImages.has(image) || this.nodeImages.has(parseImageRef(image).canonical);
  }

  private ensureImage(i: number): void {
    const spec = this.specs[i];
    const c = this.cs[i];
    const image = spec.image;
    const present = this.imagePresent(image);
    const policy = defaultPullPolicy(spec);
    if (policy === 'Never' && !present) {
      if (c.waiting?.reason !== 'ErrImageNeverPull') {
        const msg = `Container image "${image}" is not present with pull policy of Never`;
        this.event('Warning', 'ErrImageNeverPull', msg);
        this.event('Warning', 'Failed', 'Error: ErrImageNeverPull');
        this.set(i, { waiting: { reason: 'ErrImageNeverPull', message: msg } });
      }
      return;
    }
    if (!(policy === 'Always' || !present)) {
      this.event('Normal', 'Pulled', alreadyPresentMessage(image));
      this.set(i, { imagePulled: true });
      this.create(i);
      return;
    }
    if (isInBackOffSinceUpdate(c.pullBackoff, this.now, IMAGE_BACKOFF_MAX_MS)) {
      this.set(i, { phase: 'pullError', dueMs: this.now });
      this.pullResync(i);
      return;
    }
    const b = this.behaviours[i];
    // The Pulling event comes with the request; the node's serial puller (image-puller.ts) decides
    // when the worker takes it and how long it takes.
    const q = queuePull(this.pullQueue, this.now, pullRequestOf(image, b, this.nodeImages));
    this.pullQueue = q.queue;
    this.nodeChanged = true;
    this.event('Normal', 'Pulling', pullingMessage(image));
    this.set(i, { phase: 'pulling', dueMs: q.dueMs, pullStartMs: this.now, pullDequeuedMs: q.startMs });
  }

  private pullError(image: string): string {
    const ref = parseImageRef(image).canonical;
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
  }

  private pullDone(i: number): void {
    const spec = this.specs[i];
    const c = this.cs[i];
    const b = this.behaviours[i];
    const image = spec.image;
    if (b.kind === 'missing') {
      const err = this.pullError(image);
      this.event('Warning', 'Failed', `Failed to pull image "${image}": ${err}`);
      this.event('Warning', 'Failed', 'Error: ErrImagePull');
      this.set(i, {
        phase: 'pullError', dueMs: this.now + POD_WORKER_BACKOFF_MS, waiting: { reason: 'ErrImagePull', message: err },
        pullBackoff: nextBackoff(c.pullBackoff, this.now, this.now, IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS),
      });
      return;
    }
    // pullResult.pullDuration (from when the worker took it), then time.Since(startTime) of EnsureImageExists.
    const tookMs = this.now - (c.pullDequeuedMs ?? c.pullStartMs ?? this.now);
    const sinceRequestMs = this.now - (c.pullStartMs ?? this.now);
    this.event('Normal', 'Pulled', pulledMessage(image, goDuration(tookMs), goDuration(sinceRequestMs), b.sizeBytes ?? 45_000_000));
    const canonical = parseImageRef(image).canonical;
    if (!this.nodeImages.has(canonical)) {
      this.nodeImages = new Set([...this.nodeImages, canonical]);
      this.nodeChanged = true;
    }
    this.set(i, { imagePulled: true, pullBackoff: undefined });
    this.create(i);
  }

  /** EnsureImageExists when PullImage returned on the cancelled context; then SyncPod returns and the Pod terminates. */
  private pullCancelledDone(i: number): void {
    const image = this.specs[i].image;
    this.event('Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = Canceled desc = context canceled`);
    this.event('Warning', 'Failed', 'Error: ErrImagePull');
    this.set(i, { phase: 'pullError', dueMs: undefined, pullCancelled: undefined, waiting: { reason: 'ErrImagePull', message: 'rpc error: code = Canceled desc = context canceled' } });
  }

  private pullResync(i: number): void {
    const spec = this.specs[i];
    const c = this.cs[i];
    if (isInBackOffSinceUpdate(c.pullBackoff, this.now, IMAGE_BACKOFF_MAX_MS)) {
      this.event('Normal', 'BackOff', `Back-off pulling image "${spec.image}"`);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff');
      this.set(i, {
        phase: 'pullError', dueMs: this.now + POD_WORKER_BACKOFF_MS,
        waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}": ErrImagePull: ${this.pullError(spec.image)}` },
      });
      return;
    }
    this.set(i, { phase: 'new', dueMs: undefined });
    this.ensureImage(i);
  }

  // ------------------------------------------------------------ containers

  private vfs(i: number): Vfs {
    return containerVfs(this.in_.pod, this.specs[i], this.cs[i].rootfs, this.volumes, this.hostFiles);
  }

  private keepFs(i: number, vfs: Vfs): void {
    for (const [store, tree] of Object.entries(vfs.changed())) {
      this.inputsChanged = true;
      if (store === 'root') this.set(i, { rootfs: tree });
      else if (store === 'host') { this.hostFiles = tree; this.nodeChanged = true; }
      else { this.volumes = { ...this.volumes, [store.slice(4)]: tree }; this.dirty = true; }
    }
  }

  /** kuberuntime_container.go startContainer: create, then start; Created/Started events. */
  private create(i: number): void {
    const spec = this.specs[i];
    const c = this.cs[i];
    const b = this.behaviours[i];
    // generateContainerConfig fails before anything is created: Failed event, and the pod worker retries (kuberuntime_container.go startContainer).
    const envError = this.in_.envError?.(spec);
    if (envError !== undefined) {
      this.event('Warning', 'Failed', `Error: ${envError}`);
      this.set(i, {
        phase: 'configError', waiting: { reason: 'CreateContainerConfigError', message: envError },
        dueMs: this.now + jitter(SYNC_ERROR_BACKOFF_MS, SYNC_ERROR_JITTER_FACTOR, this.draw()),
      });
      return;
    }
    const id = c.id + 1;
    const restarted = c.id > 0;
    if (restarted) this.rebindSubPaths(spec);
    const log = EMPTY_LOG;
    this.event('Normal', 'Created', createdMessage(spec.name));
    // The environment matters only to a shell model (a server image's process never reads it).
    const p = startProcess(spec, b, () => containerEnv(this.in_.pod, spec, this.envResolver()), c.init);
    const rootfs = imageRootfs(b);
    const prevLog = restarted ? c.log : c.prevLog;
    if (p.kind === 'error') {
      this.event('Warning', 'Failed', `Error: ${p.message}`);
      this.set(i, {
        id, waiting: undefined, dueMs: undefined, killAtMs: undefined, killGraceS: undefined, killing: undefined, rootfs, log, prevLog,
        ...this.workersForNewContainer(i),
        phase: 'exited', sh: undefined, started: false, terminated: { exitCode: 128, reason: 'StartError', message: p.message, startedMs: this.now, finishedMs: this.now, id },
      });
      return;
    }
    this.event('Normal', 'Started', startedMessage(spec.name));
    this.inputsChanged = true;
    this.podSyncDue = true; // the PLEG's ContainerStarted
    this.armResync(); // the PLEG's ContainerStarted event syncs the Pod, which re-queues its resync
    const { liveness, readiness, startup } = this.workersForNewContainer(i);
    // The Pod's containers share one network namespace: a server whose port another running
    // container already holds fails to bind and exits at once.
    const clash = p.kind === 'server' ? this.portTakenBy(i) : undefined;
    // Env that reads other objects is fixed at container start; keep it for kubectl exec.
    const resolvesEnv = (spec.envFrom ?? []).length > 0 || (spec.env ?? []).some((e) => e.valueFrom !== undefined);
    // One literal (the fields in the order the row always had them), rather than spreads of partial patches.
    this.set(i, {
      id, waiting: undefined, dueMs: undefined, killAtMs: undefined, killGraceS: undefined, killing: undefined, rootfs, log, prevLog,
      liveness, readiness, startup, phase: 'running', startedMs: this.now, terminated: undefined,
      sh: p.kind === 'sh' ? p.sh : undefined,
      env: resolvesEnv ? containerEnv(this.in_.pod, spec, this.envResolver()) : undefined,
      exitAtMs: clash !== undefined ? this.now : b.exit !== undefined ? this.now + b.exit.afterMs : undefined,
      exitCode: clash !== undefined ? 1 : b.exit?.code,
      started: spec.startupProbe === undefined,
    });
    if (clash !== undefined) this.appendLog(i, bindFailureLog(spec.image, clash).map((text) => ({ tMs: this.now, fd: 2 as const, text: `${text}\n` })));
    else if (b.startLog !== undefined && b.startLog.length > 0) this.appendLog(i, b.startLog.map((text) => ({ tMs: this.now, fd: 1 as const, text: `${text}\n` })));
    if (p.kind === 'sh') this.resume(i);
  }

  /**
   * Container i's probe workers as they see its new container ID (worker.go doProbe): kept, with
   * their ticker's phase, from AddPod (a row made before workers were, gets them from now).
   */
  private workersForNewContainer(i: number): { liveness?: ProbeWorker; readiness?: ProbeWorker; startup?: ProbeWorker } {
    const spec = this.specs[i];
    const c = this.cs[i];
    const renew = (kind: ProbeKind): ProbeWorker | undefined => {
      const probe = probeOf(spec, kind);
      if (probe === undefined) return undefined;
      return forNewContainer(c[kind] ?? newWorker(kind, this.now), kind, probe, this.now);
    };
    return { liveness: renew('liveness'), readiness: renew('readiness'), startup: renew('startup') };
  }

  /** A port container i's image serves that another running server container of the Pod already holds. */
  private portTakenBy(i: number): number | undefined {
    const mine = this.behaviours[i].ports ?? [];
    for (let j = 0; j < this.cs.length; j++) {
      const other = this.cs[j];
      if (j === i || other.phase !== 'running' || (other.sh !== undefined && other.sh.server !== true)) continue;
      const port = mine.find((p) => (this.behaviours[j].ports ?? []).includes(p));
      if (port !== undefined) return port;
    }
    return undefined;
  }

  /** Downward API values from this Pod, the rest through the registered env source. */
  private envResolver(): EnvResolver {
    const pod = this.in_.pod;
    const outer = this.in_.env;
    return {
      valueFrom: (vf) => {
        const fieldPath = (vf as { fieldRef?: { fieldPath?: string } }).fieldRef?.fieldPath;
        if (fieldPath !== undefined) return fieldRefValue(pod, fieldPath, this.rt.ip, this.rt.hostIP);
        return outer?.valueFrom(vf);
      },
      envFrom: (entry) => outer?.envFrom(entry) ?? {},
      serviceEnv: () => outer?.serviceEnv?.() ?? {},
    };
  }

  private appendLog(i: number, lines: readonly LogLine[]): void {
    if (lines.length === 0) return;
    const log = this.cs[i].log;
    // EMPTY_LOG is shared: never extend it (extend() writes into the array of an empty log's end).
    const w = (log.length === 0 ? AppendLog.empty<LogLine>() : log).extend();
    for (const l of lines) w.push(l);
    this.set(i, { log: w.seal() });
  }

  private resume(i: number): void {
    const c = this.cs[i];
    if (c.sh === undefined) return;
    const vfs = this.vfs(i);
    const out: LogLine[] = [];
    const sh = runSh(c.sh, {
      nowMs: this.now, epochMs: this.in_.epochMs, fs: vfs, hostname: this.hostname,
      out: (fd, text) => out.push({ tMs: this.now, fd, text }), net: this.in_.net?.(), isServer: serverCommandsOf(this.behaviours[i]),
    });
    if (sh === c.sh) return;
    this.inputsChanged = true;
    this.set(i, { sh });
    this.keepFs(i, vfs);
    this.appendLog(i, out);
    if (sh.exitCode !== undefined) this.terminate(i, sh.exitCode);
  }

  private stepRunning(i: number): void {
    const c = this.cs[i];
    if (c.killAtMs !== undefined && this.now >= c.killAtMs) { this.terminate(i, 137); return; }
    if (c.exitAtMs !== undefined && this.now >= c.exitAtMs) { this.terminate(i, c.exitCode ?? 0); return; }
    if (c.sh !== undefined && c.sh.exitCode === undefined && (c.sh.wakeMs ?? 0) <= this.now) this.resume(i);
  }

  private terminate(i: number, exitCode: number, reason = exitCode === 0 ? 'Completed' : 'Error'): void {
    const c = this.cs[i];
    this.inputsChanged = true;
    this.podSyncDue = true; // the PLEG's ContainerDied
    this.set(i, {
      phase: 'exited', sh: undefined, killAtMs: undefined, killGraceS: undefined, exitAtMs: undefined,
      terminated: { exitCode, reason, startedMs: c.startedMs, finishedMs: this.now, id: c.id },
    });
  }

  /** kuberuntime_manager.go computePodActions + doBackOff: restart per policy, with the crash back-off. */
  private decideRestart(i: number): void {
    const c = this.cs[i];
    const t = c.phase === 'backoff' ? c.last! : c.terminated!;
    const policy = this.in_.pod.spec.restartPolicy ?? 'Always';
    // A probe kill and the restart happen in one SyncPod (kuberuntime_manager.go SyncPod: kill, then
    // start): computePodActions put the container in ContainersToStart before it knew the exit code,
    // so OnFailure restarts it even when it exited 0. That SyncPod's podStatus still listed the killed
    // container as running: doBackOff looks at the exited container before it (none at the first
    // kill: no back-off, and no Backoff.Next either).
    const killedByProbe = c.phase === 'exited' && (c.killing === 'liveness' || c.killing === 'startup');
    const restart = c.init
      ? t.exitCode !== 0 && policy !== 'Never'
      : policy === 'Always' || (policy === 'OnFailure' && (t.exitCode !== 0 || killedByProbe));
    if (!restart) return;
    const spec = this.specs[i];
    const eventMs = killedByProbe ? c.last?.finishedMs : t.finishedMs;
    if (eventMs !== undefined && isInBackOffSince(c.crashBackoff, eventMs, this.now, CRASH_BACKOFF_MAX_MS)) {
      if (c.phase !== 'backoff') {
        const b = c.crashBackoff!;
        this.event('Warning', 'BackOff', `Back-off restarting failed container ${spec.name} in pod ${this.podName}`);
        this.set(i, {
          phase: 'backoff', last: t, terminated: undefined, dueMs: t.finishedMs + b.backoffMs,
          waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(b.backoffMs)} restarting failed container=${spec.name} pod=${this.podName}` },
        });
      }
      return;
    }
    this.set(i, {
      phase: 'new', last: t, terminated: undefined, waiting: undefined, dueMs: undefined, restartCount: c.restartCount + 1,
      crashBackoff: eventMs === undefined ? c.crashBackoff : nextBackoff(c.crashBackoff, eventMs, this.now, CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS),
    });
    this.ensureImage(i);
  }

  /** Sends SIGTERM; SIGKILL follows at the end of the grace period if the process ignores it. */
  private kill(i: number, why: 'liveness' | 'startup' | 'delete'): void {
    const spec = this.specs[i];
    const c = this.cs[i];
    // computePodActions: a probe kill restarts unless restartPolicy is Never (shouldRestartOnFailure), and says so.
    const restart = (this.in_.pod.spec.restartPolicy ?? 'Always') !== 'Never';
    const message = why === 'delete' ? stoppingMessage(spec.name) : `Container ${spec.name} failed ${why} probe${restart ? ', will be restarted' : ''}`;
    this.event('Normal', 'Killing', message);
    const probe = why === 'liveness' ? spec.livenessProbe : why === 'startup' ? spec.startupProbe : undefined;
    const graceS = why === 'delete' ? podGraceSeconds(this.in_.pod) : probe?.terminationGracePeriodSeconds ?? this.in_.pod.spec.terminationGracePeriodSeconds ?? 30;
    const code = sigtermExit(this.behaviours[i], c.sh !== undefined && c.sh.server !== true);
    if (code !== undefined) {
      this.set(i, { killing: why });
      this.terminate(i, code);
      return;
    }
    // kuberuntime_container.go killContainer: minimumGracePeriodInSeconds = 2
    const killAtMs = Math.min(c.killAtMs ?? Infinity, this.now + Math.max(graceS, MIN_GRACE_S) * 1000);
    this.set(i, { killing: why, killAtMs, killGraceS: why === 'delete' ? graceS : undefined });
  }

  /**
   * pod_workers.go UpdatePod: a deletionGracePeriodSeconds shorter than the one the kill began with
   * (calculateEffectiveGracePeriod) cancels the in-flight sync; SyncTerminatingPod kills again
   * (killContainer: a second Killing event) and StopContainer waits the new period from now. The
   * cancelled StopContainer returns without its SIGKILL (containerd stopContainer: parent context done).
   */
  private shortenKill(i: number): void {
    const c = this.cs[i];
    if (c.killAtMs === undefined || c.killGraceS === undefined) return;
    const graceS = podGraceSeconds(this.in_.pod);
    if (graceS >= c.killGraceS) return;
    this.event('Normal', 'Killing', stoppingMessage(this.specs[i].name));
    this.set(i, { killAtMs: this.now + Math.max(graceS, MIN_GRACE_S) * 1000, killGraceS: graceS });
  }

  private stepTermination(): void {
    let running = 0;
    for (let i = 0; i < this.specs.length; i++) {
      const c = this.cs[i];
      if (c.phase !== 'pulling' || c.pullCancelled !== true) continue;
      // The pod worker waits in EnsureImageExists until the puller returns the cancelled request;
      // only then does SyncPod return and SyncTerminatingPod stop the containers.
      if (this.now < c.dueMs!) return;
      this.pullCancelledDone(i);
    }
    for (let i = 0; i < this.specs.length; i++) {
      const c = this.cs[i];
      if (c.phase !== 'running') continue;
      if (c.killing !== 'delete') this.kill(i, 'delete');
      else this.shortenKill(i);
      this.stepRunning(i);
      if (this.cs[i].phase === 'running') running++;
    }
    if (running === 0) this.purge = true;
  }

  // ------------------------------------------------------------ probes (pkg/kubelet/prober/worker.go)

  private serving(i: number): ServingContainer {
    const c = this.cs[i];
    let vfs: Vfs | undefined;
    return {
      running: c.phase === 'running', startedMs: c.startedMs ?? 0, isShell: c.sh !== undefined && c.sh.server !== true,
      behaviour: this.behaviours[i], container: this.specs[i],
      read: (path: string) => (vfs ??= this.vfs(i)).read(path),
    };
  }

  /** The first container listening on the port (the Pod's containers share one network namespace). */
  private listener(port: number): ServingContainer | undefined {
    for (let i = 0; i < this.cs.length; i++) {
      const s = this.serving(i);
      if (listensOn(s, port, this.now)) return s;
    }
    return undefined;
  }

  private target(i: number): ProbeTarget {
    const now = this.now;
    return {
      podIP: this.rt.ip,
      exec: (argv, timeoutMs) => {
        const vfs = this.vfs(i);
        const io: ShIo = { nowMs: now, epochMs: this.in_.epochMs, fs: vfs, hostname: this.hostname, out: discard, net: this.in_.net?.() };
        // `cat <file>`, the commonest exec probe, reads and writes nothing else: no interpreter needed.
        const r = runLiteralCat(argv, io)
          ?? runSync(literalCommandOf(argv), containerEnvOf(this.in_.pod, this.specs[i], () => this.envResolver()), 0, io, '', true, timeoutMs);
        this.keepFs(i, vfs);
        return { status: r.status, output: r.stdout + r.stderr, timedOut: r.timedOut };
      },
      http: (port, path) => {
        const s = this.listener(port);
        return s === undefined ? { refused: true } : httpAnswer(s, port, path, now);
      },
      tcp: (port) => this.listener(port) !== undefined,
    };
  }

  private runProbes(): void {
    for (let i = 0; i < this.specs.length; i++) {
      const c = this.cs[i];
      if (c.phase !== 'running') continue;
      // Workers run side by side: a startup success at this instant is seen by the others from their next tick.
      const started = c.started;
      for (const kind of ['startup', 'liveness', 'readiness'] as const) {
        if (kind === 'readiness' ? this.cs[i].phase !== 'running' : !probing(this.cs[i])) continue;
        this.tick(i, kind, started);
      }
    }
  }

  private tick(i: number, kind: ProbeKind, started: boolean): void {
    const spec = this.specs[i];
    const probe = probeOf(spec, kind);
    let w = this.cs[i][kind];
    if (probe === undefined || w === undefined) return;
    // Skipped ticks (a settled probe, or a kubelet that was down) realign to the ticker's grid.
    if (w.nextMs < this.now) {
      w = withNextMs(w, onGrid(w.nextMs, probe, this.now));
      this.setWorker(i, kind, w, false);
    }
    if (w.nextMs !== this.now) return;
    w = withNextMs(w, onGrid(w.nextMs, probe, this.now + 1));
    const skip = w.onHold || (kind !== 'startup' && !started) || (kind === 'startup' && started);
    if (skip) { this.setWorker(i, kind, w, false); return; }
    this.probeOnce(i, kind, probe, w);
  }

  /** doProbe from the probe on: run it, count the result, publish at the threshold, act on what was published. */
  private probeOnce(i: number, kind: ProbeKind, probe: Probe, w: ProbeWorker): void {
    const spec = this.specs[i];
    const r = runProbe(probe, spec, this.target(i));
    if (r.result === 'Failure') this.event('Warning', 'Unhealthy', `${KIND_TITLE[kind]} probe failed: ${r.message}`);
    const applied = applyResult(w, kind, probe, r.result);
    const published = applied.published;
    const worker = kind === 'readiness' ? withFailure(applied.worker, r.result === 'Failure' ? r.message : undefined) : applied.worker;
    this.setWorker(i, kind, worker, worker.result !== w.result);
    // A changed result goes to the kubelet's sync loop, which syncs the Pod (handleProbeSync).
    if (worker.result !== w.result) this.podSyncDue = true;
    if (!published) return;
    if (kind === 'liveness' && r.result === 'Failure') this.kill(i, 'liveness');
    else if (kind === 'startup' && r.result === 'Failure') this.kill(i, 'startup');
    else if (kind === 'startup' && r.result === 'Success') this.set(i, { started: true });
  }

  /**
   * prober_manager.go UpdatePodStatus, in the SyncPod that news of the Pod brings: for each running,
   * started container whose readiness result is not Success, a readiness worker gets a manual
   * trigger (manualTriggerCh) and probes at once, off its ticker's grid (doProbe still returns early
   * within initialDelaySeconds). So a container whose readinessProbe has no initial delay is probed
   * when it starts, and again when its startup probe succeeds or its readiness turns to Failure.
   * One such probe per worker per instant (the channel holds one trigger).
   */
  private runTriggeredReadiness(): void {
    for (let i = 0; i < this.specs.length; i++) {
      const c = this.cs[i];
      const w = c.readiness;
      const probe = this.specs[i].readinessProbe;
      if (w === undefined || probe === undefined || this.triggered[i] === true || c.phase !== 'running' || !c.started || w.result === 'Success') continue;
      if (!pastInitialDelay(c.startedMs!, probe, this.now)) continue;
      this.triggered[i] = true;
      this.probeOnce(i, 'readiness', probe, w);
    }
  }

  /** The earliest future instant anything in this Pod is due. */
  wakeMs(): number {
    let wake = Infinity;
    const now = this.now;
    for (let i = 0; i < this.cs.length; i++) {
      const c = this.cs[i];
      if (c.phase === 'pulling' || c.phase === 'pullError' || c.phase === 'backoff' || c.phase === 'configError') wake = Math.min(wake, c.dueMs ?? Infinity);
      if (c.phase !== 'running') continue;
      if (c.killAtMs !== undefined) wake = Math.min(wake, c.killAtMs);
      if (c.exitAtMs !== undefined) wake = Math.min(wake, c.exitAtMs);
      if (c.sh?.wakeMs !== undefined && c.sh.exitCode === undefined) wake = Math.min(wake, c.sh.wakeMs);
      const spec = this.specs[i];
      if (this.terminating) {
        // Readiness goes on through the grace period, tick by tick (no deferred ticks once deleting).
        const probe = spec.readinessProbe;
        if (c.readiness !== undefined && probe !== undefined && !this.probeSettled(c, 'readiness', probe)) wake = Math.min(wake, c.readiness.nextMs);
        continue;
      }
      if (!probing(c)) continue;
      let settledOnly = true;
      for (const kind of ['startup', 'liveness', 'readiness'] as const) {
        const w = c[kind];
        const probe = probeOf(spec, kind);
        if (w === undefined || probe === undefined) continue;
        if (!this.probeSettled(c, kind, probe)) { wake = Math.min(wake, this.dueMs(c, kind, probe)); settledOnly = false; }
      }
      if (settledOnly) continue;
    }
    const phase = this.in_.pod.status?.phase;
    if (this.resyncMs !== undefined && !this.terminating && phase !== 'Succeeded' && phase !== 'Failed') wake = Math.min(wake, this.resyncMs);
    // Answers that change with a server's age wake settled probes.
    if (!this.terminating) {
      for (let i = 0; i < this.cs.length; i++) {
        const c = this.cs[i];
        if (c.phase !== 'running' || c.startedMs === undefined) continue;
        for (const age of answerChangeAges(this.behaviours[i])) if (c.startedMs + age > now) wake = Math.min(wake, c.startedMs + age);
      }
    }
    // Still due after the pass limit (a `while :; do sleep 0; done`): go on a millisecond later.
    return wake <= now ? now + 1 : wake;
  }

  /**
   * When a worker's next tick must run: its next tick, or for a settled failing readiness probe the
   * first tick at which the spam filter could let its event through (prober/deferred.ts).
   */
  private dueMs(c: ContainerRt, kind: ProbeKind, probe: Probe): number {
    const w = c[kind]!;
    if (this.in_.batchProbeTicks !== true || this.in_.eventMemory === undefined || this.inputsChanged || !isSettledFailure(w, kind, probe) || !isPureProbe(probe)) return w.nextMs;
    return onGrid(w.nextMs, probe, spamFilterOpensAt(this.eventMemoryAfter(), w.nextMs));
  }

  /** The recorder's memory of this Pod once it has seen this sync's events at this instant (the earlier, slept-through ones take no token). */
  private eventMemoryAfter(): ObjectCorrelation | undefined {
    let memory = this.in_.eventMemory!();
    for (const e of this.events) {
      if (e.atMs === undefined) memory = correlateEvent(memory, { timeMs: this.now, involved: NO_OBJECT, type: e.type, reason: e.reason, message: e.message, source: '' }).state;
    }
    return memory;
  }

  private probeSettled(c: ContainerRt, kind: ProbeKind, probe: Probe): boolean {
    const w = c[kind]!;
    if (w.onHold) return true;
    if (kind !== 'startup' && !c.started) return true; // only the startup probe runs until started; its ticks drive the wake-ups
    if (kind === 'startup' && c.started) return true;
    return !this.inputsChanged && isSettledSuccess(w, probe) && isPureProbe(probe);
  }

  /** Whether a container waits for its image (SyncPod blocks in EnsureImageExists). */
  pulling(): boolean {
    for (const c of this.cs) if (c.phase === 'pulling') return true;
    return false;
  }

  result(): { rt: PodRt; nodeRowFields: Partial<NodeRuntime & KubeletNodeFields> | undefined } {
    let rt = this.rt;
    if (this.dirty) { const copy = copyRow(rt); copy.containers = this.cs; copy.volumes = this.volumes; copy.resyncMs = this.resyncMs; rt = copy; }
    const nodeRowFields = this.nodeChanged ? {
      images: this.nodeImages, ...(this.hostFiles !== undefined ? { hostFiles: this.hostFiles as ReadonlyMap<string, string> } : {}), ...(this.pullQueue !== undefined ? { pullQueue: this.pullQueue } : {}),
    } : undefined;
    return { rt, nodeRowFields };
  }
}

/**
 * Whether a container's liveness and startup workers tick: a running one, also while it is killed
 * for a failed probe (each worker is its own goroutine: they are on hold then), not once its Pod is
 * being deleted (SyncTerminatingPod: probeManager.StopLivenessAndStartup). Readiness ticks as long
 * as the container runs, until RemovePod once the containers stopped.
 */
function probing(c: ContainerRt): boolean {
  return c.phase === 'running' && c.killing !== 'delete';
}

/**
 * A copy of c with every ContainerRt field, in the order the rows' copies always had them once
 * started: one literal (one hidden class for every copy) instead of spreads of the row and a patch.
 */
function copyContainer(c: ContainerRt): ContainerRt {
  // Typed so that a field added to ContainerRt and not copied here fails to compile.
  const copy: { [K in keyof Required<ContainerRt>]: ContainerRt[K] } = {
    name: c.name, init: c.init, phase: c.phase, id: c.id, restartCount: c.restartCount, rootfs: c.rootfs, log: c.log, started: c.started, imagePulled: c.imagePulled,
    dueMs: c.dueMs, pullStartMs: c.pullStartMs, pullDequeuedMs: c.pullDequeuedMs, pullCancelled: c.pullCancelled, pullBackoff: c.pullBackoff, waiting: c.waiting, killAtMs: c.killAtMs, killGraceS: c.killGraceS, killing: c.killing, prevLog: c.prevLog,
    liveness: c.liveness, readiness: c.readiness, startup: c.startup, startedMs: c.startedMs, terminated: c.terminated, sh: c.sh, env: c.env, exitAtMs: c.exitAtMs, exitCode: c.exitCode,
    crashBackoff: c.crashBackoff, last: c.last,
  };
  return copy;
}

function newContainerRt(c: Container, init: boolean): ContainerRt {
  return { name: c.name, init, phase: 'new', id: 0, restartCount: 0, rootfs: EMPTY_TREE, log: EMPTY_LOG, started: false, imagePulled: false };
}

/** The sandbox's IP: host-local IPAM from the node's podCIDR, or the node's address for hostNetwork; undefined when none can be had yet. */
function sandboxIp(in_: SyncInput, nodeRow: NodeRuntime & KubeletNodeFields): { ip: string; lastAllocatedIp?: string } | undefined {
  const pod = in_.pod;
  if (pod.spec.hostNetwork === true) return { ip: internalIp(in_.node) };
  const cidr = in_.node?.spec?.podCIDR;
  if (cidr === undefined) return undefined;
  const allocated = allocateIp(cidr, nodeRow.lastAllocatedIp, in_.usedIps());
  return allocated === undefined ? undefined : { ip: allocated, lastAllocatedIp: allocated };
}

const NO_CONTAINERS: readonly Container[] = Object.freeze([]);

type MutableRow = { -readonly [K in keyof Required<PodRt>]: PodRt[K] };

/** A copy of a row with every PodRt field (one hidden class for all copies), for its maker to fill in. */
function copyRow(rt: PodRt): MutableRow {
  return {
    ref: rt.ref, uid: rt.uid, node: rt.node, ip: rt.ip, hostIP: rt.hostIP, startMs: rt.startMs, volumes: rt.volumes, backed: rt.backed, containers: rt.containers, ephemeral: rt.ephemeral,
    resyncMs: rt.resyncMs, lastStatus: rt.lastStatus, wakeMs: rt.wakeMs, deleting: rt.deleting, mounting: rt.mounting, sandboxDueMs: rt.sandboxDueMs, starting: rt.starting,
  };
}

function hasBackedVolume(pod: Pod): boolean {
  for (const v of pod.spec.volumes ?? NO_VOLUME_SPECS) if (v.persistentVolumeClaim !== undefined || v.nfs !== undefined) return true;
  return false;
}

const NO_VOLUME_SPECS: readonly Volume[] = Object.freeze([]);

function newPodRt(in_: SyncInput, volumes: Readonly<Record<string, Tree>>, ip = ''): PodRt {
  const pod = in_.pod;
  const inits = pod.spec.initContainers ?? NO_CONTAINERS;
  const containers: ContainerRt[] = new Array(inits.length + pod.spec.containers.length);
  for (let i = 0; i < inits.length; i++) containers[i] = newContainerRt(inits[i], true);
  for (let i = 0; i < pod.spec.containers.length; i++) containers[inits.length + i] = newContainerRt(pod.spec.containers[i], false);
  // Every field, as copyRow makes them: all rows share one hidden class.
  const row: MutableRow = {
    ref: [pod.metadata.namespace ?? 'default', pod.metadata.name].join('/'), uid: pod.metadata.uid, node: pod.spec.nodeName!, ip, hostIP: internalIp(in_.node), startMs: in_.nowMs, volumes, backed: hasBackedVolume(pod), containers, ephemeral: undefined,
    resyncMs: undefined, lastStatus: undefined, wakeMs: undefined, deleting: undefined, mounting: undefined, sandboxDueMs: undefined, starting: undefined,
  };
  return row;
}

interface SetUp {
  /** undefined: nothing to remember yet (no IP to be had, as before any attempt). */
  readonly rt: PodRt | undefined;
  readonly lastAllocatedIp?: string;
  readonly events: readonly KubeletEvent[];
  /** The sandbox exists: containers may start. */
  readonly ready: boolean;
}

const NO_EVENTS: readonly KubeletEvent[] = Object.freeze([]);

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/** kubelet.go SyncPod's order: volumes first (WaitForAttachAndMount), then the sandbox and its IP. */
function setUpSandbox(in_: SyncInput, rt: PodRt | undefined, nodeRow: NodeRuntime & KubeletNodeFields): SetUp {
  const m = mountVolumes(in_.pod, in_.projectVolume, rt?.volumes ?? NO_VOLUMES, rt?.mounting ?? NO_RETRIES, in_.nowMs);
  const events: readonly KubeletEvent[] = m.failures.length === 0 ? NO_EVENTS : m.failures.map((message) => ({ type: 'Warning', reason: 'FailedMount', message }));
  if (hasKeys(m.retries)) return { rt: { ...(rt ?? newPodRt(in_, m.volumes)), volumes: m.volumes, mounting: m.retries }, events, ready: false };
  // kubelet.go SyncPod: a Pod network is needed before the sandbox (hostNetwork Pods excepted).
  if (in_.pod.spec.hostNetwork !== true && in_.node?.spec?.podCIDR === undefined) {
    return { rt: rt === undefined ? undefined : { ...rt, volumes: m.volumes, mounting: {}, sandboxDueMs: undefined }, events, ready: false };
  }
  // RunPodSandbox (the pause container, the CNI plugin's ADD) takes SANDBOX_START_MS; the containers
  // wait for it. The SyncPod that creates it blocks until its containers started (see PodRt.starting).
  const dueMs = rt?.sandboxDueMs ?? in_.nowMs + SANDBOX_START_MS;
  if (in_.nowMs < dueMs) {
    const row = copyRow(rt ?? newPodRt(in_, m.volumes));
    row.volumes = m.volumes; row.mounting = undefined; row.sandboxDueMs = dueMs; row.starting = true;
    return { rt: row, events, ready: false };
  }
  const ip = sandboxIp(in_, nodeRow);
  if (ip === undefined) return { rt: rt === undefined ? undefined : { ...rt, volumes: m.volumes, mounting: {}, sandboxDueMs: undefined, starting: undefined }, events, ready: false };
  const row = copyRow(rt ?? newPodRt(in_, m.volumes));
  row.ip = ip.ip; row.volumes = m.volumes; row.mounting = undefined; row.sandboxDueMs = undefined;
  return { rt: row, lastAllocatedIp: ip.lastAllocatedIp, events, ready: true };
}

/** A Pod without a sandbox yet (its volumes, RunPodSandbox or a Pod network pending): ContainerCreating, no IP; wakes when one is due. */
function waitingForSandbox(in_: SyncInput, rt: PodRt, events: readonly KubeletEvent[]): SyncOutput {
  const retries: readonly MountRetry[] = Object.values(rt.mounting ?? {});
  const wakeMs = rt.sandboxDueMs ?? (retries.length === 0 ? Infinity : Math.min(...retries.map((r) => r.retryAtMs)));
  const computed = podStatusOf(in_.pod, rt, in_.nowMs, in_.iso);
  const status = jsonEqual(computed, in_.pod.status) ? undefined : computed;
  const out: PodRt = { ...rt, lastStatus: status ?? in_.pod.status, wakeMs, deleting: false };
  return output(out, undefined, status, events, false, wakeMs);
}

const EMPTY_IMAGES: ReadonlySet<string> = new Set();

/** A SyncOutput, always of one shape (absent parts undefined). */
function output(rt: PodRt | undefined, nodeRow: NodeRuntime | undefined, status: PodStatus | undefined, events: readonly KubeletEvent[], purge: boolean, wakeMs: number): SyncOutput {
  return { rt, nodeRow, status, events, purge, wakeMs };
}

/** The row with the probe workers AddPod starts now (prober/manager.ts); the same row when no container has a probe. */
function withProbeWorkers(in_: SyncInput, rt: PodRt, nodeRow: NodeRuntime & KubeletNodeFields): PodRt {
  const pod = in_.pod;
  const inits = pod.spec.initContainers;
  const specs = inits === undefined || inits.length === 0 ? pod.spec.containers : [...inits, ...pod.spec.containers];
  const containers = addPodWorkers(specs, rt.containers, in_.nowMs, nodeRow.kubeletStartMs, () => in_.rand?.() ?? 0);
  if (containers === rt.containers) return rt;
  const row = copyRow(rt);
  row.containers = containers;
  return row;
}

export function syncPod(in_: SyncInput): SyncOutput {
  const pod = in_.pod;
  const baseRow: NodeRuntime & KubeletNodeFields = in_.nodeRow ?? { alive: true, lastHeartbeatMs: in_.nowMs, images: EMPTY_IMAGES };
  let rt = in_.rt;
  let nodeRow: (NodeRuntime & KubeletNodeFields) | undefined;
  const phase = pod.status?.phase;
  let setUpEvents: readonly KubeletEvent[] = [];
  if (rt === undefined || rt.mounting !== undefined || rt.sandboxDueMs !== undefined) {
    // Deleted or finished before the kubelet started anything: nothing to stop.
    if (pod.metadata.deletionTimestamp !== undefined) return output(undefined, undefined, undefined, [], true, Infinity);
    if (rt === undefined && (phase === 'Succeeded' || phase === 'Failed')) return output(undefined, undefined, undefined, [], false, Infinity);
    const set = setUpSandbox(in_, rt, baseRow);
    if (set.rt === undefined) return output(undefined, undefined, undefined, [], false, Infinity);
    // kubelet.go SyncPod: kl.probeManager.AddPod(pod) once the volumes are mounted, before the sandbox and the pulls.
    const mounted = set.rt.mounting === undefined ? withProbeWorkers(in_, set.rt, baseRow) : set.rt;
    if (!set.ready) return waitingForSandbox(in_, mounted, set.events);
    rt = mounted;
    setUpEvents = set.events;
    if (set.lastAllocatedIp !== undefined) nodeRow = { ...baseRow, lastAllocatedIp: set.lastAllocatedIp };
  }
  const sync = new PodSync(in_, rt, nodeRow ?? baseRow);
  if (setUpEvents.length > 0) sync.events.push(...setUpEvents);
  sync.run();
  if (sync.purge) {
    const last = sync.result();
    // SyncTerminatingPod: once its containers stopped, the Pod's terminal status (generateAPIPodStatus
    // with podIsTerminal) is written before the status manager deletes it.
    const final = podStatusOf(pod, last.rt, in_.nowMs, in_.iso, true);
    return output(undefined, sync.nodeChanged ? { ...(nodeRow ?? baseRow), ...last.nodeRowFields } : undefined, jsonEqual(final, pod.status) ? undefined : final, sync.events, true, Infinity);
  }
  const synced = sync.result();
  const { nodeRowFields } = synced;
  // kubectl debug's ephemeral containers, apart from the Pod's own (ephemeral.ts); nothing to do for a Pod without any.
  const ephemeral = synced.rt.ephemeral === undefined && (pod.spec as { ephemeralContainers?: unknown[] }).ephemeralContainers === undefined
    ? undefined : syncEphemeral(pod, synced.rt, in_.nowMs, in_.images, (nodeRowFields as { images?: ReadonlySet<string> } | undefined)?.images ?? (nodeRow ?? baseRow).images);
  if (ephemeral !== undefined) for (const e of ephemeral.events) sync.events.push(e);
  const nextRt = ephemeral?.rt ?? synced.rt;
  const ephemeralChanged = nextRt !== synced.rt;
  if (nodeRowFields !== undefined) nodeRow = { ...(nodeRow ?? baseRow), ...nodeRowFields };
  let outRt = nextRt;
  let status: PodStatus | undefined;
  let lastStatus = nextRt.lastStatus;
  // The first SyncPod still waits for a pull: the API keeps the status it wrote as it began.
  const starting = nextRt.starting === true && pod.metadata.deletionTimestamp === undefined && sync.pulling();
  const fresh = in_.rt === undefined || in_.rt.mounting !== undefined || in_.rt.sandboxDueMs !== undefined || in_.rt.starting === true;
  if (starting) {
    lastStatus = pod.status;
  } else if (fresh || sync.statusDirty || ephemeralChanged || pod.status !== in_.rt.lastStatus || !observedGenerationCurrent(pod)) {
    const computed = podStatusOf(pod, outRt, in_.nowMs, in_.iso);
    if (fresh || !jsonEqual(computed, pod.status)) {
      status = computed;
      lastStatus = computed;
    } else if (outRt.lastStatus !== pod.status) {
      lastStatus = pod.status;
    }
  }
  const wakeMs = ephemeral === undefined ? sync.wakeMs() : Math.min(sync.wakeMs(), ephemeral.wakeMs);
  const deleting = pod.metadata.deletionTimestamp !== undefined;
  // One new row for all three fields (status memo, wake-up, deletion seen). A row result() just
  // made is this sync's own: it takes them in place (same fields, same order as the copy).
  const changed = outRt.wakeMs !== wakeMs || (outRt.deleting ?? false) !== deleting || (outRt.starting === true) !== starting;
  if (changed || lastStatus !== outRt.lastStatus) {
    const own = nextRt !== rt && !ephemeralChanged ? (nextRt as MutableRow) : copyRow(outRt);
    own.lastStatus = lastStatus;
    if (changed) { own.wakeMs = wakeMs; own.deleting = deleting; own.starting = starting ? true : undefined; }
    outRt = own;
  }
  return output(outRt, nodeRow, status, sync.events, false, wakeMs);
}

/**
 * Whether a sync now would change nothing: the Pod's status is the one this row produced, no
 * deletion appeared, nothing is due yet and nobody else touched the row. (The kubelet's own status
 * writes re-trigger it; this answers those in O(1).)
 */
export function syncIsNoop(pod: Pod, rt: PodRt | undefined, nowMs: number, external: boolean): boolean {
  return rt !== undefined && !external && rt.wakeMs !== undefined && rt.wakeMs > nowMs && pod.status === rt.lastStatus
    && (pod.metadata.deletionTimestamp !== undefined) === (rt.deleting ?? false) && observedGenerationCurrent(pod)
    && !graceShortened(pod, rt)
    && (pod.spec as { ephemeralContainers?: unknown[] }).ephemeralContainers?.length === rt.ephemeral?.length;
}

/** A terminating Pod whose grace period is now shorter than the one a kill began with: the kill restarts (shortenKill). */
function graceShortened(pod: Pod, rt: PodRt): boolean {
  if (pod.metadata.deletionTimestamp === undefined) return false;
  const graceS = podGraceSeconds(pod);
  for (const c of rt.containers) if (c.killGraceS !== undefined && graceS < c.killGraceS) return true;
  return false;
}
