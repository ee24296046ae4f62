import type { Pod, Volume } from '../api/types';
import type { VolumeProjection } from '../runtime/env-hooks';
import { treeOf, type Tree } from '../runtime/fs';
import { ROOT_CA_CONFIGMAP } from '../serviceaccount/types';

// The kubelet's volume manager, reduced to what a simulated Pod needs: setting up its volumes before
// the sandbox exists (a Secret/ConfigMap that is missing fails MountVolume.SetUp, which is retried
// with exponential back-off), and re-projecting secret/configMap volumes at every pod resync.
//
// Why a resync and not a watch: the kubelet's pod worker re-syncs each Pod every --sync-frequency
// (1 m) plus jitter (pod_workers.go completeWork: wait.Jitter(resyncInterval, 0.5)); each sync calls
// volumeManager.WaitForAttachAndMount, which asks for a remount (ReprocessPod) of the plugins that
// RequiresRemount (secret, configMap, projected). With the default Watch change-detection strategy
// the secret/configMap managers' caches are current, so the delay is the resync alone: 60-90 s.
// A subPath mount is a bind mount of what the volume held when the container started: never updated
// while it runs (a restarted container binds the file again).

/** pkg/kubelet/kubelet.go: --sync-frequency default (KubeletConfiguration SyncFrequency 1m). */
export const RESYNC_INTERVAL_MS = 60_000;
/** pod_workers.go workerResyncIntervalJitterFactor. */
export const RESYNC_JITTER_FACTOR = 0.5;
/** pkg/kubelet/kubelet.go backOffPeriod: the next sync after a failed one. */
export const SYNC_ERROR_BACKOFF_MS = 10_000;
/** pod_workers.go workerBackOffPeriodJitterFactor. */
export const SYNC_ERROR_JITTER_FACTOR = 0.5;
/** pkg/util/goroutinemap/exponentialbackoff: initialDurationBeforeRetry, maxDurationBeforeRetry (2m2s). */
export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;

/** wait.Jitter(d, maxFactor) with a draw r in [0, 1): d + r * maxFactor * d, in whole ms. */
export function jitter(durationMs: number, maxFactor: number, r: number): number {
  return durationMs + Math.floor(r * maxFactor * durationMs);
}

/** A volume whose SetUp failed: the back-off (ExponentialBackoff.durationBeforeRetry) and when it may run again. */
export interface MountRetry {
  readonly backoffMs: number;
  readonly retryAtMs: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * secret, configMap, or a projected volume with a secret or configMap source. The service-account
 * token volume (kube-api-access-*) reads only the root CA ConfigMap, which the simulator never
 * changes once published (nor does it rotate the token): it gets no resync, so that every Pod does
 * not carry a timer for nothing.
 */
export function isConfigVolume(v: Volume): boolean {
  if (isObj(v.secret) || isObj(v.configMap)) return true;
  const sources = isObj(v.projected) ? v.projected.sources : undefined;
  return Array.isArray(sources) && sources.some((s) => isObj(s) && (isObj(s.secret) || (isObj(s.configMap) && s.configMap.name !== ROOT_CA_CONFIGMAP)));
}

/**
 * The volumes a resync re-projects: config volumes some container mounts without subPath. A Pod
 * without any gets no resync timer. (A volume mounted both ways follows updates in the subPath
 * mount too: the runtime's file system has one tree per volume.)
 */
export function remountedVolumes(pod: Pod): readonly Volume[] {
  const vols = pod.spec.volumes;
  if (vols === undefined || vols.length === 0) return NONE;
  // Most Pods have only their token volume: answered without a memo entry for their own spec.
  if (!hasConfigVolume(vols)) return NONE;
  let out = remountedBySpec.get(pod.spec);
  if (out === undefined) remountedBySpec.set(pod.spec, (out = findRemounted(pod)));
  return out;
}

const NONE: readonly Volume[] = Object.freeze([]);

function hasConfigVolume(vols: readonly Volume[]): boolean {
  for (const v of vols) if (isConfigVolumeMemo(v)) return true;
  return false;
}

// isConfigVolume of a projected volume, by its (immutable) projected source: every Pod's token volume shares one.
const configProjected = new WeakMap<object, boolean>();

function isConfigVolumeMemo(v: Volume): boolean {
  const projected = v.projected;
  if (!isObj(projected) || v.secret !== undefined || v.configMap !== undefined) return isConfigVolume(v);
  let yes = configProjected.get(projected);
  if (yes === undefined) configProjected.set(projected, (yes = isConfigVolume(v)));
  return yes;
}
// Pod specs are immutable: the answer is worked out once per spec object.
const remountedBySpec = new WeakMap<Pod['spec'], readonly Volume[]>();

function findRemounted(pod: Pod): readonly Volume[] {
  const vols = pod.spec.volumes ?? [];
  const out: Volume[] = [];
  for (const v of vols) {
    if (!isConfigVolume(v)) continue;
    const mountedWhole = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
      .some((c) => (c.volumeMounts ?? []).some((m) => m.name === v.name && !m.subPath));
    if (mountedWhole) out.push(v);
  }
  return out.length === 0 ? NONE : out;
}

/** operation_generator.go GenerateMountVolumeFunc's event text (VolumeToMount.GenerateError). */
export function failedMountMessage(volume: string, error: string): string {
  return `MountVolume.SetUp failed for volume "${volume}" : ${error}`;
}

export interface MountResult {
  /** Trees of the volumes set up so far. */
  readonly volumes: Readonly<Record<string, Tree>>;
  /** Volumes still failing; empty when all are set up. */
  readonly retries: Readonly<Record<string, MountRetry>>;
  /** FailedMount messages of this attempt. */
  readonly failures: readonly string[];
}

/**
 * One pass of the volume manager's reconciler over a Pod not yet running: every volume not yet set up
 * whose back-off has passed is set up now, or fails and backs off (0.5 s, doubling, at most 2m2s).
 */
export function mountVolumes(
  pod: Pod, project: ((v: Volume) => VolumeProjection | undefined) | undefined,
  done: Readonly<Record<string, Tree>>, retries: Readonly<Record<string, MountRetry>>, nowMs: number,
): MountResult {
  const specVolumes = pod.spec.volumes;
  const volumes: Record<string, Tree> = done === NO_VOLUMES ? {} : { ...done };
  if (specVolumes === undefined || specVolumes.length === 0) return { volumes, retries: {}, failures: NO_FAILURES };
  const still: Record<string, MountRetry> = {};
  let failures: string[] | undefined;
  // A Pod's first attempt (NO_VOLUMES, NO_RETRIES) looks nothing up by name until a second volume:
  // volume names are unique in a spec, and a keyed look-up of a name never used as a key costs a microsecond.
  let lookUp = done !== NO_VOLUMES;
  for (const v of specVolumes) {
    if (v.hostPath !== undefined || (lookUp && volumes[v.name] !== undefined)) continue;
    lookUp = true;
    const prev = retries === NO_RETRIES ? undefined : retries[v.name];
    if (prev !== undefined && nowMs < prev.retryAtMs) { still[v.name] = prev; continue; }
    const p = v.emptyDir === undefined ? project?.(v) : undefined;
    if (p !== undefined && 'error' in p) {
      (failures ??= []).push(failedMountMessage(v.name, p.error));
      const backoffMs = prev === undefined ? MOUNT_RETRY_INITIAL_MS : Math.min(2 * prev.backoffMs, MOUNT_RETRY_MAX_MS);
      still[v.name] = { backoffMs, retryAtMs: nowMs + backoffMs };
      continue;
    }
    volumes[v.name] = p === undefined ? new Map() : p.tree ?? treeOf(p.files);
  }
  return { volumes, retries: still, failures: failures ?? NO_FAILURES };
}

/** The trees and retries of a Pod no attempt was made for yet (mountVolumes looks nothing up in them). */
export const NO_VOLUMES: Readonly<Record<string, Tree>> = Object.freeze({});
export const NO_RETRIES: Readonly<Record<string, MountRetry>> = Object.freeze({});
const NO_FAILURES: readonly string[] = Object.freeze([]);

/** Whether a tree holds exactly these files (what the atomic writer would leave unchanged). */
export function sameFiles(tree: Tree | undefined, next: Tree): boolean {
  if (tree === undefined || tree.size !== next.size) return false;
  for (const [k, v] of next) if (tree.get(k) !== v) return false;
  return true;
}
