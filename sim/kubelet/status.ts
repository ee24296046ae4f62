import { ephemeralStatuses } from './ephemeral';
import type { Condition, ContainerState, ContainerStatus, Pod, PodPhase, PodStatus, VolumeMount } from '../api/types';
import { volumeMountStatuses } from './volume-mount-status';
import { imageIdOf, parseImageRef, prefixedDigest } from '../runtime/image-behaviours';
import { EMPTY_STATE, ipList, isShared, runningState, sharedCondition, sharedConditions, sharedIpList } from './shared-status';
import type { ContainerRt, PodRt, TerminatedRt } from './types';

// The Pod status the kubelet reports: container statuses from the runtime rows, the phase as
// pkg/kubelet/kubelet_pods.go getPhase computes it, and the conditions of pkg/kubelet/status/generate.go.

export function containerIdOf(podUid: string, name: string, id: number): string {
  return prefixedDigest('containerd://', `${podUid}/${name}/${id}`);
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

/**
 * A container is ready iff running, started, and its readiness result is Success (none ⇒ ready).
 * A container being killed (a failed liveness probe, or its Pod deleted) stays as ready as it was
 * until it is gone: the SyncPod / SyncTerminatingPod that kills it wrote the Pod's status before it
 * began, and blocks until the grace period ends (prober_manager.go UpdatePodStatus has no deletion
 * check; `kubectl get pods -w` shows `1/1 Terminating` until the container stops).
 */
export function isReady(c: ContainerRt): boolean {
  // An init container reports ready once it completed successfully (kubelet_pods.go convertToAPIContainerStatuses).
  if (c.init) return c.phase === 'exited' && c.terminated?.exitCode === 0;
  return c.phase === 'running' && c.started && (c.readiness === undefined || c.readiness.result === 'Success');
}

// The waiting states the kubelet reports for a container not created yet; shared by all Pods.
const CONTAINER_CREATING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'ContainerCreating' }) });
const POD_INITIALIZING: ContainerState = Object.freeze({ waiting: Object.freeze({ reason: 'PodInitializing' }) });

export function containerStatusOf(rt: PodRt, c: ContainerRt, image: string, initPending: boolean, iso: (ms: number) => string, mounts?: readonly VolumeMount[]): ContainerStatus {
  let state: ContainerState;
  switch (c.phase) {
    case 'running': state = runningState(iso(c.startedMs!)); break;
    case 'exited': state = terminatedState(rt.uid, c.name, c.terminated!, iso); break;
    default:
      state = c.waiting !== undefined ? { waiting: c.waiting } : initPending && !c.init ? POD_INITIALIZING : CONTAINER_CREATING;
  }
  const created = c.id > 0 && (c.phase === 'running' || c.phase === 'exited');
  const containerID = created ? containerIdOf(rt.uid, c.name, c.id) : c.last !== undefined ? containerIdOf(rt.uid, c.name, c.last.id) : undefined;
  // image and imageID: one string per image (memoised), not per Pod.
  const shownImage = c.imagePulled ? parseImageRef(image).canonical : image;
  const imageID = c.imagePulled ? imageIdOf(image) : '';
  const ready = isReady(c);
  const started = c.phase === 'running' && c.started;
  const lastState = c.last !== undefined ? terminatedState(rt.uid, c.name, c.last, iso) : EMPTY_STATE;
  if (containerID === undefined && lastState === EMPTY_STATE && !c.imagePulled && !ready && !started && c.restartCount === 0
    && (state === CONTAINER_CREATING || state === POD_INITIALIZING)) return waitingStatus(state, c.name, image);
  // Two literals rather than a spread, same key order: this runs for every container at every status sync.
  if (containerID === undefined) return { name: c.name, image: shownImage, imageID, ready, started, restartCount: c.restartCount, state, lastState };
  // Only a container the runtime has reports its mounts (convertToAPIContainerStatuses).
  const volumeMounts = volumeMountStatuses(mounts);
  return volumeMounts === undefined
    ? { name: c.name, image: shownImage, imageID, containerID, ready, started, restartCount: c.restartCount, state, lastState }
    : { name: c.name, image: shownImage, imageID, containerID, ready, started, restartCount: c.restartCount, state, lastState, volumeMounts };
}

// The status of a container not created yet, never started, in a shared waiting state: the same for
// every Pod of a template at its first sync. One frozen object per (state, name, image), not one a Pod.
const waitingStatuses = new Map<ContainerState, Map<string, Map<string, ContainerStatus>>>();
let waitingCount = 0;

function waitingStatus(state: ContainerState, name: string, image: string): ContainerStatus {
  if (waitingCount >= 10_000) { waitingStatuses.clear(); waitingCount = 0; }
  let byName = waitingStatuses.get(state);
  if (byName === undefined) waitingStatuses.set(state, (byName = new Map()));
  let byImage = byName.get(name);
  if (byImage === undefined) byName.set(name, (byImage = new Map()));
  let status = byImage.get(image);
  if (status === undefined) {
    status = Object.freeze({ name, image, imageID: '', ready: false, started: false, restartCount: 0, state, lastState: EMPTY_STATE });
    byImage.set(image, status);
    waitingCount++;
  }
  return status;
}

/**
 * kubelet_pods.go getPhase (restartable init containers not modelled). `podIsTerminal`: the Pod's
 * containers were stopped for good (deleted, evicted): Succeeded or Failed whatever the restart policy.
 */
export function getPhase(pod: Pod, init: readonly ContainerStatus[], regular: readonly ContainerStatus[], podIsTerminal = false): PodPhase {
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
    // A static Pod keeps its phase (kubernetes#116484).
    if (podIsTerminal && pod.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function find(list: readonly Condition[] | undefined, type: string): Condition | undefined {
  if (list === undefined) return undefined;
  for (const c of list) if (c.type === type) return c;
  return undefined;
}

/**
 * The generation the kubelet reports as observed: that of the Pod it synced (status manager
 * SetPodStatus -> podutil.CalculatePodStatusObservedGeneration; PodObservedGenerationTracking is Beta,
 * on, in v1.34). A mirror Pod's is its static Pod's, read from the manifest file, which has none: the
 * mirror Pod shows generation 1 and no observedGeneration (e2e node/pods.go "mirror pods").
 */
export function kubeletObservedGeneration(pod: Pod): number | undefined {
  const generation = pod.metadata.generation;
  if (generation === undefined || generation === 0) return undefined;
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined ? generation : undefined;
}

/** Whether the Pod's status already reports the generation a sync of it would (a spec update since needs a sync that writes). */
export function observedGenerationCurrent(pod: Pod): boolean {
  const observed = pod.status?.observedGeneration;
  return observed === pod.metadata.generation || observed === kubeletObservedGeneration(pod);
}

/**
 * A condition that keeps its lastTransitionTime while its status stays (status manager
 * updateLastTransitionTime), with the synced Pod's generation (CalculatePodConditionObservedGeneration);
 * shared across Pods (see shared-status.ts).
 */
function condition(existing: readonly Condition[] | undefined, type: string, status: Condition['status'], nowIso: string, generation: number | undefined, reason?: string, message?: string): Condition {
  const old = find(existing, type);
  const lastTransitionTime = old !== undefined && old.status === status ? old.lastTransitionTime ?? nowIso : nowIso;
  // The field comparisons first: the WeakSet look-up is the costly test.
  if (old !== undefined && old.status === status && old.lastTransitionTime === lastTransitionTime && old.reason === reason && old.message === message
    && old.observedGeneration === generation && isShared(old)) return old;
  return sharedCondition(type, status, lastTransitionTime, reason, message, generation);
}

/** kubetypes.PodConditionsByKubelet. */
const KUBELET_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

/** The conditions of a status the kubelet does not own, or undefined when there are none (the common case). */
function notKubeletConditions(existing: readonly Condition[]): Condition[] | undefined {
  let out: Condition[] | undefined;
  for (const c of existing) if (!KUBELET_CONDITIONS.has(c.type)) (out ??= []).push(c);
  return out;
}

/** The names of the statuses that are not ready, as generate.go lists them: `[a b]`. */
function unreadyNames(statuses: readonly ContainerStatus[]): string | undefined {
  let names: string | undefined;
  for (const s of statuses) if (!s.ready) names = names === undefined ? s.name : `${names} ${s.name}`;
  return names;
}

/** PodStatus with the hostIPs list the kubelet shows too. */
type ShownStatus = PodStatus & { readonly hostIPs?: readonly { readonly ip: string }[] };

/** The whole status the kubelet would write now. */
export function podStatusOf(pod: Pod, rt: PodRt, nowMs: number, iso: (ms: number) => string, podIsTerminal = false): PodStatus {
  const inits = pod.spec.initContainers ?? [];
  let initCount = 0;
  let initDone = true;
  let anyRegularStarted = false;
  for (const c of rt.containers) {
    if (!c.init) { if (c.id > 0) anyRegularStarted = true; continue; }
    initCount++;
    if (!(c.phase === 'exited' && c.terminated?.exitCode === 0)) initDone = false;
  }
  // Arrays of the exact length (the status keeps them; push would leave room for 16 more).
  const initStatuses = new Array<ContainerStatus>(initCount);
  const mainStatuses = new Array<ContainerStatus>(rt.containers.length - initCount);
  let ii = 0;
  let mi = 0;
  for (const c of rt.containers) {
    if (c.init) { initStatuses[ii] = containerStatusOf(rt, c, inits[ii].image, false, iso, inits[ii].volumeMounts); ii++; }
    else { mainStatuses[mi] = containerStatusOf(rt, c, pod.spec.containers[mi].image, !initDone, iso, pod.spec.containers[mi].volumeMounts); mi++; }
  }
  const previousPhase = pod.status?.phase;
  // A Pod that reached a terminal phase stays there (kubelet never moves it out).
  const phase: PodPhase = previousPhase === 'Succeeded' || previousPhase === 'Failed' ? previousPhase : getPhase(pod, initStatuses, mainStatuses, podIsTerminal);

  const nowIso = iso(nowMs);
  const existing = pod.status?.conditions;
  const generation = kubeletObservedGeneration(pod);
  // No sandbox yet (volumes still being set up, or RunPodSandbox still running): no IP, PodReadyToStartContainers False (generate.go GeneratePodReadyToStartContainersCondition).
  const sandbox = rt.mounting === undefined && rt.sandboxDueMs === undefined;
  // A terminal Pod's sandbox is stopped (SyncTerminatingPod kills it): PodSandboxChanged, so False too; its IP stays shown.
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions: Condition[] = [condition(existing, 'PodReadyToStartContainers', sandbox && !terminal ? 'True' : 'False', nowIso, generation)];
  // generate.go GeneratePodInitializedCondition
  const incomplete = unreadyNames(initStatuses);
  if (phase === 'Succeeded') conditions.push(condition(existing, 'Initialized', 'True', nowIso, generation, 'PodCompleted'));
  else if (incomplete === undefined || anyRegularStarted) conditions.push(condition(existing, 'Initialized', 'True', nowIso, generation));
  else conditions.push(condition(existing, 'Initialized', 'False', nowIso, generation, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete}]`));
  // generate.go GenerateContainersReadyCondition / GeneratePodReadyCondition
  const unready = unreadyNames(mainStatuses);
  let ready: Condition;
  let containersReady: Condition;
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    ready = condition(existing, 'Ready', 'False', nowIso, generation, reason);
    containersReady = condition(existing, 'ContainersReady', 'False', nowIso, generation, reason);
  } else if (unready !== undefined) {
    const msg = `containers with unready status: [${unready}]`;
    ready = condition(existing, 'Ready', 'False', nowIso, generation, 'ContainersNotReady', msg);
    containersReady = condition(existing, 'ContainersReady', 'False', nowIso, generation, 'ContainersNotReady', msg);
  } else {
    ready = condition(existing, 'Ready', 'True', nowIso, generation);
    containersReady = condition(existing, 'ContainersReady', 'True', nowIso, generation);
  }
  conditions.push(ready, containersReady);
  // kubelet_pods.go generateAPIPodStatus: the kubelet's own PodScheduled True (the binding's had no
  // observedGeneration; a Pod created with its nodeName had none at all).
  conditions.push(condition(existing, 'PodScheduled', 'True', nowIso, generation));

  const previous = pod.status as ShownStatus | undefined;
  // Built key by key, as the spread literal this was (the previous status's keys in place, new ones
  // appended in this order), without the temporary objects of conditional spreads. observedGeneration
  // is appended too: kubectl prints keys sorted (-o yaml and -o json marshal the unstructured map), and
  // a literal with it first then the spread cost 344 B a Pod (the clone's in-object slack lost). A
  // mirror Pod's kubelet leaves it out (the API server keeps the stored one, none).
  const status = { ...previous } as { -readonly [K in keyof ShownStatus]: ShownStatus[K] };
  if (generation !== undefined) status.observedGeneration = generation;
  status.phase = phase;
  // status_manager.go mergePodStatus: conditions the kubelet does not own (DisruptionTarget set by the
  // scheduler or the taint manager, readiness gates) stay, ahead of the kubelet's own.
  const others = existing === undefined ? undefined : notKubeletConditions(existing);
  status.conditions = others === undefined ? sharedConditions(conditions) : [...others, ...conditions];
  status.hostIP = rt.hostIP;
  // A status this row produced (or its JSON equal) already shows the row's hostIPs and startTime: no memo look-up.
  const own = previous !== undefined && previous === rt.lastStatus;
  status.hostIPs = own && previous.hostIP === rt.hostIP && previous.hostIPs !== undefined ? previous.hostIPs : sharedIpList(rt.hostIP);
  // A hostNetwork Pod shows the node's address even before its sandbox exists (generateAPIPodStatus).
  if (sandbox) { status.podIP = rt.ip; status.podIPs = ipList(rt.ip, previous?.podIPs); }
  else if (pod.spec.hostNetwork === true) { status.podIP = rt.hostIP; status.podIPs = sharedIpList(rt.hostIP); }
  status.startTime = own && previous.startTime !== undefined ? previous.startTime : iso(rt.startMs);
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  status.containerStatuses = mainStatuses;
  const ephemeral = rt.ephemeral === undefined ? undefined : ephemeralStatuses(pod, rt, iso);
  if (ephemeral !== undefined) (status as { ephemeralContainerStatuses?: ContainerStatus[] }).ephemeralContainerStatuses = ephemeral;
  return status;
}
