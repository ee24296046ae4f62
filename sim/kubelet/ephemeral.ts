import type { Container, ContainerStatus, Pod } from '../api/types';
import { AppendLog } from '../engine/append-log';
import { behaviourOf, type ImageBehaviour } from '../runtime/image-behaviours';
import { imageRootfs, isBareShell, argvOf } from '../runtime/process';
import { containerStatusOf } from './status';
import { alreadyPresentMessage, createdMessage, startedMessage } from './messages';
import type { ContainerRt, LogLine, PodRt } from './types';

// Ephemeral containers (kubectl debug): the kubelet starts each one the Pod's spec gained through
// the pods/ephemeralcontainers subresource, once, and never restarts it (kuberuntime_manager.go
// computePodActions: EphemeralContainersToStart). They are kept apart from the Pod's containers
// (PodRt.ephemeral, spec order), count for no readiness and show in status.ephemeralContainerStatuses.
// Reduced: the image is taken as present (no pull), and the process is the shell model's simplest:
// a shell with stdin open (-i) or a server runs; a shell without stdin and without a command exits 0 at once.

const EMPTY_LOG: AppendLog<LogLine> = AppendLog.empty();

export interface EphemeralEvent {
  readonly type: 'Normal';
  readonly reason: string;
  readonly message: string;
}

/** The ephemeral containers' rows at `nowMs`: new ones started, ended sessions exited. The same row when nothing changed. */
export function syncEphemeral(pod: Pod, rt: PodRt, nowMs: number, images: ReadonlyMap<string, unknown>): { rt: PodRt; events: readonly EphemeralEvent[] } {
  const specs = (pod.spec as { ephemeralContainers?: readonly Container[] }).ephemeralContainers;
  if (specs === undefined || specs.length === 0) return { rt, events: [] };
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp !== undefined || phase === 'Succeeded' || phase === 'Failed') return { rt, events: [] };
  const rows = [...(rt.ephemeral ?? [])];
  const events: EphemeralEvent[] = [];
  let changed = false;
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i];
    if (c.phase === 'running' && c.exitAtMs !== undefined && c.exitAtMs <= nowMs) {
      rows[i] = { ...c, phase: 'exited', terminated: { exitCode: c.exitCode ?? 0, reason: (c.exitCode ?? 0) === 0 ? 'Completed' : 'Error', startedMs: c.startedMs, finishedMs: c.exitAtMs, id: c.id } };
      changed = true;
    }
  }
  for (let i = rows.length; i < specs.length; i++) {
    const spec = specs[i];
    const behaviour = behaviourOf(images, spec.image ?? '');
    events.push({ type: 'Normal', reason: 'Pulled', message: alreadyPresentMessage(spec.image ?? '') });
    events.push({ type: 'Normal', reason: 'Created', message: createdMessage(spec.name) });
    events.push({ type: 'Normal', reason: 'Started', message: startedMessage(spec.name) });
    rows.push(startedRow(spec, behaviour, nowMs));
    changed = true;
  }
  return changed ? { rt: { ...rt, ephemeral: rows }, events } : { rt, events: [] };
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
