import type { Condition, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from '../api/types';
import { fakeDigest, imageIdOf, parseImageRef } from '../runtime/image-behaviours';
import type { ContainerRt, PodRt, TerminatedRt } from './types';

// The Pod status the kubelet reports: container statuses from the runtime rows, the phase as
// pkg/kubelet/kubelet_pods.go getPhase computes it, and the conditions of pkg/kubelet/status/generate.go.

export function containerIdOf(podUid: string, name: string, id: number): string {
  return `containerd://${fakeDigest(`${podUid}/${name}/${id}`)}`;
}

function terminatedState(uid: string, name: string, t: TerminatedRt, iso: (ms: number) => string): ContainerState {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      ...(t.message !== undefined ? { message: t.message } : {}),
      ...(t.startedMs !== undefined ? { startedAt: iso(t.startedMs) } : {}),
      finishedAt: iso(t.finishedMs),
      containerID: containerIdOf(uid, name, t.id),
    },
  };
}

/** A container is ready iff running, started, and its readiness result is Success (none ⇒ ready). */
export function isReady(c: ContainerRt): boolean {
  // An init container reports ready once it completed successfully (kubelet_pods.go convertToAPIContainerStatuses).
  if (c.init) return c.phase === 'exited' && c.terminated?.exitCode === 0;
  return c.phase === 'running' && c.started && (c.readiness === undefined || c.readiness.result === 'Success') && c.killing === undefined;
}

export function containerStatusOf(rt: PodRt, c: ContainerRt, image: string, initPending: boolean, iso: (ms: number) => string): ContainerStatus {
  let state: ContainerState;
  switch (c.phase) {
    case 'running': state = { running: { startedAt: iso(c.startedMs!) } }; break;
    case 'exited': state = terminatedState(rt.uid, c.name, c.terminated!, iso); break;
    default:
      state = { waiting: c.waiting ?? { reason: initPending && !c.init ? 'PodInitializing' : 'ContainerCreating' } };
  }
  const created = c.id > 0 && (c.phase === 'running' || c.phase === 'exited');
  return {
    name: c.name,
    image: c.imagePulled ? parseImageRef(image).canonical : image,
    imageID: c.imagePulled ? imageIdOf(image) : '',
    ...(created ? { containerID: containerIdOf(rt.uid, c.name, c.id) } : c.last !== undefined ? { containerID: containerIdOf(rt.uid, c.name, c.last.id) } : {}),
    ready: isReady(c),
    started: c.phase === 'running' && c.started,
    restartCount: c.restartCount,
    state,
    lastState: c.last !== undefined ? terminatedState(rt.uid, c.name, c.last, iso) : {},
  };
}

/** kubelet_pods.go getPhase (restartable init containers not modelled). */
export function getPhase(pod: Pod, init: readonly ContainerStatus[], regular: readonly ContainerStatus[]): PodPhase {
  const policy = pod.spec.restartPolicy ?? 'Always';
  let pendingInit = 0;
  let failedInit = 0;
  for (const s of init) {
    if (s.state.running) pendingInit++;
    else if (s.state.terminated) { if (s.state.terminated.exitCode !== 0) failedInit++; }
    else if (s.state.waiting) {
      if (s.lastState.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInit++; }
      else pendingInit++;
    } else pendingInit++;
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0, unknown = 0;
  for (const s of regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++; }
    else if (s.state.waiting) { if (s.lastState.terminated) stopped++; else waiting++; }
    else unknown++;
  }
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0) return 'Pending';
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(existing: readonly Condition[] | undefined, type: string, status: Condition['status'], nowIso: string, reason?: string, message?: string): Condition {
  const old = existing?.find((c) => c.type === type);
  const lastTransitionTime = old !== undefined && old.status === status ? old.lastTransitionTime ?? nowIso : nowIso;
  return { type, status, lastProbeTime: null, lastTransitionTime, ...(reason !== undefined ? { reason } : {}), ...(message !== undefined ? { message } : {}) };
}

/** The whole status the kubelet would write now. */
export function podStatusOf(pod: Pod, rt: PodRt, nowMs: number, iso: (ms: number) => string): PodStatus {
  const inits = pod.spec.initContainers ?? [];
  const initRts = rt.containers.filter((c) => c.init);
  const mainRts = rt.containers.filter((c) => !c.init);
  const initDone = initRts.every((c) => c.phase === 'exited' && c.terminated?.exitCode === 0);
  const initStatuses = initRts.map((c, i) => containerStatusOf(rt, c, inits[i].image, false, iso));
  const mainStatuses = mainRts.map((c, i) => containerStatusOf(rt, c, pod.spec.containers[i].image, !initDone, iso));
  const previous = pod.status?.phase;
  // A Pod that reached a terminal phase stays there (kubelet never moves it out).
  const phase: PodPhase = previous === 'Succeeded' || previous === 'Failed' ? previous : getPhase(pod, initStatuses, mainStatuses);

  const nowIso = iso(nowMs);
  const existing = pod.status?.conditions;
  // No sandbox yet (volumes still being set up): no IP, PodReadyToStartContainers False (generate.go GeneratePodReadyToStartContainersCondition).
  const sandbox = rt.mounting === undefined;
  const conditions: Condition[] = [condition(existing, 'PodReadyToStartContainers', sandbox ? 'True' : 'False', nowIso)];
  // generate.go GeneratePodInitializedCondition
  const incomplete = initStatuses.filter((s) => !s.ready).map((s) => s.name);
  const anyRegularStarted = mainRts.some((c) => c.id > 0);
  if (phase === 'Succeeded') conditions.push(condition(existing, 'Initialized', 'True', nowIso, 'PodCompleted'));
  else if (incomplete.length === 0 || anyRegularStarted) conditions.push(condition(existing, 'Initialized', 'True', nowIso));
  else conditions.push(condition(existing, 'Initialized', 'False', nowIso, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`));
  // generate.go GenerateContainersReadyCondition / GeneratePodReadyCondition
  const unready = mainStatuses.filter((s) => !s.ready).map((s) => s.name);
  let ready: Condition;
  let containersReady: Condition;
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    ready = condition(existing, 'Ready', 'False', nowIso, reason);
    containersReady = condition(existing, 'ContainersReady', 'False', nowIso, reason);
  } else if (unready.length > 0) {
    const msg = `containers with unready status: [${unready.join(' ')}]`;
    ready = condition(existing, 'Ready', 'False', nowIso, 'ContainersNotReady', msg);
    containersReady = condition(existing, 'ContainersReady', 'False', nowIso, 'ContainersNotReady', msg);
  } else {
    ready = condition(existing, 'Ready', 'True', nowIso);
    containersReady = condition(existing, 'ContainersReady', 'True', nowIso);
  }
  conditions.push(ready, containersReady);
  const scheduled = existing?.find((c) => c.type === 'PodScheduled');
  if (scheduled !== undefined) conditions.push(scheduled);

  return {
    ...(pod.status ?? {}),
    phase,
    conditions,
    hostIP: rt.hostIP,
    hostIPs: [{ ip: rt.hostIP }],
    // A hostNetwork Pod shows the node's address even before its sandbox exists (generateAPIPodStatus).
    ...(sandbox ? { podIP: rt.ip, podIPs: [{ ip: rt.ip }] } : pod.spec.hostNetwork === true ? { podIP: rt.hostIP, podIPs: [{ ip: rt.hostIP }] } : {}),
    startTime: iso(rt.startMs),
    ...(initStatuses.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: mainStatuses,
  } as PodStatus;
}
