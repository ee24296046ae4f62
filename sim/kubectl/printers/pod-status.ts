import type { Container, ContainerStatus, Pod } from '../../api/types';
import { humanDuration } from '../duration';

// The READY, STATUS and RESTARTS cells of `kubectl get pods`: printers.go printPod, line by line.

export interface PodSummary {
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
}

/** node.NodeUnreachablePodReason: the node controller sets it on Pods of an unreachable node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** printPod (pkg/printers/internalversion/printers.go); `nowMs` is absolute Unix milliseconds. */
export function podSummary(pod: Pod, nowMs: number): PodSummary {
  const spec = pod.spec;
  const status = pod.status ?? { phase: 'Pending' };
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestartMs = 0;
  let lastRestartableInitRestartMs = 0;

  let reason: string = status.reason || status.phase || 'Pending';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInit(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    lastRestartMs = Math.max(lastRestartMs, lastTerminationMs(c));
    const restartable = isRestartableInit(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount;
      lastRestartableInitRestartMs = Math.max(lastRestartableInitRestartMs, lastTerminationMs(c));
    }
    const term = c.state.terminated;
    const wait = c.state.waiting;
    if (term !== undefined && term.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term !== undefined) {
      reason = term.reason ? `Init:${term.reason}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait !== undefined && wait.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = restartableInitRestarts;
    lastRestartMs = lastRestartableInitRestartMs;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      lastRestartMs = Math.max(lastRestartMs, lastTerminationMs(c));
      if (c.state.waiting !== undefined && c.state.waiting.reason) {
        reason = c.state.waiting.reason;
      } else if (c.state.terminated !== undefined && c.state.terminated.reason) {
        reason = c.state.terminated.reason;
      } else if (c.state.terminated !== undefined) {
        reason = `ExitCode:${c.state.terminated.exitCode}`;
      } else if (c.ready && c.state.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp !== undefined && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp !== undefined && !terminal) reason = 'Terminating';

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartMs > 0) restartsText = `${restarts} (${humanDuration(nowMs - lastRestartMs)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}

function isRestartableInit(c: Container | undefined): boolean {
  return (c as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';
}

function lastTerminationMs(c: ContainerStatus): number {
  const finished = c.lastState?.terminated?.finishedAt;
  if (finished === undefined) return 0;
  const t = Date.parse(finished);
  return Number.isNaN(t) ? 0 : t;
}
