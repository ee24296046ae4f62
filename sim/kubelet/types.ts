import type { AppendLog } from '../engine/append-log';
import type { PodStatus } from '../api/types';
import type { Tree } from '../runtime/fs';
import type { ShProcess } from '../runtime/sh/interp';
import type { BackoffEntry } from './backoff';
import type { MountRetry } from './volumes';

// The kubelet's per-Pod runtime state, kept in the `pods` runtime table by Pod uid: the sandbox,
// each container's lifecycle, process, file system layer, log, restart back-off and probe workers.
// Immutable values; a reconcile builds a new row.

export interface LogLine {
  readonly tMs: number;
  readonly fd: 1 | 2;
  readonly text: string;
}

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** pkg/kubelet/prober/worker.go's state for one probe of one container. */
export interface ProbeWorker {
  /** The published (cached) result the kubelet acts on. */
  readonly result: ProbeResult;
  /** The last raw probe result and how many times in a row it came (resultRun), capped at the threshold. */
  readonly last?: ProbeResult;
  readonly run: number;
  readonly onHold: boolean;
  /** The next tick (virtual ms). */
  readonly nextMs: number;
  /** A readiness probe's last failure message, while it is failing (see prober/deferred.ts). */
  readonly failedWith?: string;
}

export interface TerminatedRt {
  readonly exitCode: number;
  readonly reason: string;
  readonly message?: string;
  readonly startedMs?: number;
  readonly finishedMs: number;
  readonly id: number;
}

export type ContainerPhase =
  | 'new'        // to be created: image check / pull next
  | 'pulling'    // pull in progress until dueMs
  | 'pullError'  // ErrImagePull / ImagePullBackOff; resync at dueMs
  | 'running'
  | 'exited'     // terminated; restart or not decided by policy
  | 'backoff'    // CrashLoopBackOff until dueMs
  | 'configError'; // CreateContainerConfigError (env names a missing Secret/ConfigMap or key); the pod worker retries at dueMs

export interface ContainerRt {
  readonly name: string;
  readonly init: boolean;
  readonly phase: ContainerPhase;
  readonly waiting?: { readonly reason: string; readonly message?: string };
  readonly dueMs?: number;
  /** When EnsureImageExists made the pull request (the Pulling event). */
  readonly pullStartMs?: number;
  /** When the node's serial puller took the request (image-puller.ts); later than pullStartMs while others pull. */
  readonly pullDequeuedMs?: number;
  /** The Pod is being deleted: its sync's context is cancelled, and the pull returns at dueMs with "context canceled" (image-puller.ts replanPulls). */
  readonly pullCancelled?: boolean;
  readonly pullBackoff?: BackoffEntry;
  readonly crashBackoff?: BackoffEntry;
  /** Containers created so far (the containerID sequence). */
  readonly id: number;
  readonly restartCount: number;
  readonly startedMs?: number;
  /** The shell model of the process; undefined for a long-running server process. */
  readonly sh?: ShProcess;
  /** The environment resolved from Secrets/ConfigMaps when the container started (kubectl exec inherits it). */
  readonly env?: Readonly<Record<string, string>>;
  readonly exitAtMs?: number;
  readonly exitCode?: number;
  /** SIGKILL instant once SIGTERM was sent and ignored. */
  readonly killAtMs?: number;
  /** The Pod's grace period a deletion's kill began with (a shorter one restarts the kill). */
  readonly killGraceS?: number;
  readonly killing?: 'liveness' | 'startup' | 'delete';
  /** The container's own writable layer (lost on restart). */
  readonly rootfs: Tree;
  readonly terminated?: TerminatedRt;
  readonly last?: TerminatedRt;
  readonly log: AppendLog<LogLine>;
  readonly prevLog?: AppendLog<LogLine>;
  readonly liveness?: ProbeWorker;
  readonly readiness?: ProbeWorker;
  readonly startup?: ProbeWorker;
  /** containerStatus.started: the startup probe (if any) succeeded. */
  readonly started: boolean;
  /** Set once the image was pulled or found (imageID shown from then on). */
  readonly imagePulled: boolean;
}

export interface PodRt {
  /** "namespace/name", to find the Pod from its uid. */
  readonly ref: string;
  readonly uid: string;
  readonly node: string;
  readonly ip: string;
  readonly hostIP: string;
  readonly startMs: number;
  /** emptyDir (and other pod-level volume) trees by volume name. */
  readonly volumes: Readonly<Record<string, Tree>>;
  /** The Pod has volumes whose files live outside it (a PVC, inline nfs): volume-data copies them back. */
  readonly backed: boolean;
  /** Init containers first, then the regular ones, in spec order. */
  readonly containers: readonly ContainerRt[];
  /** The ephemeral containers the kubelet started (kubectl debug), in spec.ephemeralContainers order (sim/kubelet/ephemeral.ts). */
  readonly ephemeral?: readonly ContainerRt[];
  /** The status this row last produced (skip recomputing when nothing changed). */
  readonly lastStatus?: PodStatus;
  /** The next instant anything is due, as of the last sync (a sync before it with nothing new is a no-op). */
  readonly wakeMs?: number;
  /** Whether the last sync saw the Pod being deleted. */
  readonly deleting?: boolean;
  /**
   * Set while the sandbox does not exist yet because a volume could not be set up (a missing
   * Secret/ConfigMap): the failing volumes and their retry back-off. No IP, no container runs.
   */
  readonly mounting?: Readonly<Record<string, MountRetry>>;
  /** The pod worker's next periodic resync, which re-projects secret/configMap volumes (only Pods that have them). */
  readonly resyncMs?: number;
  /** Set while RunPodSandbox runs (the pause container, the CNI ADD): the instant the sandbox and its IP exist. */
  readonly sandboxDueMs?: number;
  /**
   * The Pod's first SyncPod has not returned yet: it wrote the status as it began, then blocks in
   * RunPodSandbox, the image pulls and the container starts; the API shows that first status until then.
   */
  readonly starting?: boolean;
}

export function isPodRt(v: unknown): v is PodRt {
  return typeof v === 'object' && v !== null && 'containers' in v && 'uid' in v;
}
