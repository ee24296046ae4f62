import type { Container, ContainerStatus, Pod } from '../api/types';
import { AppendLog } from '../engine/append-log';
import { behaviourOf, DEFAULT_PULL_MS, parseImageRef, type ImageBehaviour } from '../runtime/image-behaviours';
import { imageRootfs, isBareShell, argvOf } from '../runtime/process';
import { containerStatusOf } from './status';
import { alreadyPresentMessage, createdMessage, pulledMessage, pullingMessage, startedMessage } from './messages';
import { goDuration } from './backoff';
import { defaultPullPolicy } from './sync';
import type { ContainerRt, LogLine, PodRt } from './types';

// Ephemeral containers (kubectl debug): the kubelet starts each one the Pod's spec gained through
// the pods/ephemeralcontainers subresource, once, and never restarts it (kuberuntime_manager.go
// computePodActions: EphemeralContainersToStart). They are kept apart from the Pod's containers
// (PodRt.ephemeral, spec order), count for no readiness and show in status.ephemeralContainerStatuses.
// Reduced: the image is pulled per its pull policy on its own (not through the node's serial puller,
// and the node's image list is not updated), a missing image is not modelled, and the process is
// the shell model's simplest: a shell with stdin open (-i), a server or a command runs; a shell
// without stdin and without a command exits 0 at once.

const EMPTY_LOG: AppendLog<LogLine> = AppendLog.empty();

export interface EphemeralEvent {
  readonly type: 'Normal';
  readonly reason: string;
  readonly message: string;
}

/**
 * The ephemeral containers' rows at `nowMs`: new ones pulled (or found) and started, ended sessions
 * exited; the instant a pull ends (Infinity: none). The same row when nothing changed.
 */
export function syncEphemeral(pod: Pod, rt: PodRt, nowMs: number, images: ReadonlyMap<string, unknown>, nodeImages: ReadonlySet<string>): { rt: PodRt; events: readonly EphemeralEvent[]; wakeMs: number } {
  const specs = (pod.spec as { ephemeralContainers?: readonly Container[] }).ephemeralContainers;
  if (specs === undefined || specs.length === 0) return { rt, events: [], wakeMs: Infinity };
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp !== undefined || phase === 'Succeeded' || phase === 'Failed') return { rt, events: [], wakeMs: Infinity };
  const rows = [...(rt.ephemeral ?? [])];
  const events: EphemeralEvent[] = [];
  const event = (reason: string, message: string) => events.push({ type: 'Normal', reason, message });
  let changed = false;
  let wakeMs = Infinity;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const image = spec.image ?? '';
    const behaviour = behaviourOf(images, image);
    let c = rows[i];
    if (c === undefined) {
      // computePodActions: EphemeralContainersToStart, then EnsureImageExists by the pull policy.
      const present = nodeImages.has(parseImageRef(image).canonical);
      if (defaultPullPolicy(spec) !== 'Always' && present) {
        event('Pulled', alreadyPresentMessage(image));
        c = start(spec, behaviour, nowMs, event);
      } else {
        event('Pulling', pullingMessage(image));
        c = { name: spec.name, init: false, phase: 'pulling', id: 0, restartCount: 0, rootfs: imageRootfs(behaviour), log: EMPTY_LOG, started: false, imagePulled: false, pullStartMs: nowMs, dueMs: nowMs + (behaviour.pullMs ?? DEFAULT_PULL_MS) };
      }
      rows[i] = c;
      changed = true;
    }
    if (c.phase === 'pulling' && c.dueMs !== undefined && c.dueMs <= nowMs) {
      const took = goDuration(nowMs - (c.pullStartMs ?? nowMs));
      event('Pulled', pulledMessage(image, took, took, behaviour.sizeBytes ?? 45_000_000));
      rows[i] = c = start(spec, behaviour, nowMs, event);
      changed = true;
    }
    if (c.phase === 'pulling' && c.dueMs !== undefined) wakeMs = Math.min(wakeMs, c.dueMs);
    if (c.phase === 'running' && c.exitAtMs !== undefined && c.exitAtMs <= nowMs) {
      rows[i] = { ...c, phase: 'exited', terminated: { exitCode: c.exitCode ?? 0, reason: (c.exitCode ?? 0) === 0 ? 'Completed' : 'Error', startedMs: c.startedMs, finishedMs: c.exitAtMs, id: c.id } };
      changed = true;
    }
  }
  return changed ? { rt: { ...rt, ephemeral: rows }, events, wakeMs } : { rt, events: [], wakeMs };
}

function start(spec: Container, behaviour: ImageBehaviour, nowMs: number, event: (reason: string, message: string) => void): ContainerRt {
  event('Created', createdMessage(spec.name));
  event('Started', startedMessage(spec.name));
  return startedRow(spec, behaviour, nowMs);
}

function startedRow(spec: Container, behaviour: ImageBehaviour, nowMs: number): ContainerRt {
  const base: ContainerRt = {
    name: spec.name, init: false, phase: 'running', id: 1, restartCount: 0, startedMs: nowMs, rootfs: imageRootfs(behaviour), log: EMPTY_LOG, started: true, imagePulled: true,
  };
  const argv = argvOf(spec, behaviour);
  const shellWithoutStdin = behaviour.kind === 'shell' && spec.stdin !== true && (argv.length === 0 || isBareShell(argv));
  if (!shellWithoutStdin) return base;
  return { ...base, phase: 'exited', terminated: { exitCode: 0, reason: 'Completed', startedMs: nowMs, finishedMs: nowMs, id: 1 } };
}

/** status.ephemeralContainerStatuses: never ready (convertToAPIContainerStatuses for ephemeral containers). */
export function ephemeralStatuses(pod: Pod, rt: PodRt, iso: (ms: number) => string): ContainerStatus[] | undefined {
  const rows = rt.ephemeral;
  if (rows === undefined || rows.length === 0) return undefined;
  const specs = (pod.spec as { ephemeralContainers?: readonly Container[] }).ephemeralContainers ?? [];
  return rows.map((c, i) => ({ ...containerStatusOf(rt, c, specs[i]?.image ?? '', false, iso), ready: false }));
}
