import type { Container, Probe } from '../../api/types';
import type { ProbeKind, ProbeResult, ProbeWorker } from '../types';

// pkg/kubelet/prober/worker.go doProbe, one tick at a time, as a pure function of the worker's
// state. A worker lives as long as its Pod on the node (prober_manager.go AddPod, called by the
// Pod's first SyncPod once its volumes are mounted: prober/manager.ts), across container restarts;
// run() probes once at its start and then on a time.Ticker of periodSeconds, so its ticks sit on a
// grid from that start. A tick before the container runs, or less than initialDelaySeconds after
// its startedAt, returns early: the first probe of a container is the first tick at or after
// startedAt + initialDelaySeconds.

/** Initial cached results for a new container ID (worker.go: initialValue). */
export const INITIAL_RESULT: Readonly<Record<ProbeKind, ProbeResult>> = { liveness: 'Success', readiness: 'Failure', startup: 'Unknown' };

export function probeOf(c: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'liveness' ? c.livenessProbe : kind === 'readiness' ? c.readinessProbe : c.startupProbe;
}

export interface ProbeTiming { readonly initialDelayMs: number; readonly periodMs: number; readonly timeoutMs: number; readonly successThreshold: number; readonly failureThreshold: number }

// Probes are immutable parts of the Pod spec: their timing is worked out once per probe object.
const timingByProbe = new WeakMap<Probe, ProbeTiming>();

/** Probe fields with SetDefaults_Probe's defaults, in ms. */
export function probeTiming(p: Probe): ProbeTiming {
  let t = timingByProbe.get(p);
  if (t === undefined) timingByProbe.set(p, (t = timingOf(p)));
  return t;
}

function timingOf(p: Probe): ProbeTiming {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: Math.max(1, p.periodSeconds ?? 10) * 1000,
    timeoutMs: Math.max(1, p.timeoutSeconds ?? 1) * 1000,
    successThreshold: Math.max(1, p.successThreshold ?? 1),
    failureThreshold: Math.max(1, p.failureThreshold ?? 3),
  };
}

/**
 * The worker's first tick at or after `atLeastMs`: its grid is its next tick `nextMs` plus
 * multiples of periodSeconds (the ticker never changes phase), and no tick comes before `nextMs`.
 */
export function onGrid(nextMs: number, p: Probe, atLeastMs: number): number {
  if (atLeastMs <= nextMs) return nextMs;
  const { periodMs } = probeTiming(p);
  return nextMs + Math.ceil((atLeastMs - nextMs) / periodMs) * periodMs;
}

/** Whether doProbe gets past "Probe disabled for InitialDelaySeconds": int32(time.Since(startedAt).Seconds()) >= initialDelaySeconds. */
export function pastInitialDelay(startedMs: number, p: Probe, nowMs: number): boolean {
  return Math.floor((nowMs - startedMs) / 1000) >= (p.initialDelaySeconds ?? 0);
}

/**
 * {...w, nextMs}, written out: the copy every probe tick makes (a spread of workers of two shapes
 * costs more). Workers keep newWorker's field order, with `last` after them once applyResult set it.
 */
export function withNextMs(w: ProbeWorker, nextMs: number): ProbeWorker {
  if (!('last' in w)) return { result: w.result, run: w.run, onHold: w.onHold, nextMs };
  return 'failedWith' in w
    ? { result: w.result, run: w.run, onHold: w.onHold, nextMs, last: w.last, failedWith: w.failedWith }
    : { result: w.result, run: w.run, onHold: w.onHold, nextMs, last: w.last };
}

/** The worker remembering the message of the failure it just saw (undefined: it did not fail), in withNextMs's field order. */
export function withFailure(w: ProbeWorker, message: string | undefined): ProbeWorker {
  if (w.failedWith === message) return w;
  return message === undefined
    ? { result: w.result, run: w.run, onHold: w.onHold, nextMs: w.nextMs, last: w.last }
    : { result: w.result, run: w.run, onHold: w.onHold, nextMs: w.nextMs, last: w.last, failedWith: message };
}

/** A worker as AddPod starts it: its first doProbe at `firstTickMs` (the Pod's first SyncPod, plus the start-up jitter if any). */
export function newWorker(kind: ProbeKind, firstTickMs: number): ProbeWorker {
  return { result: INITIAL_RESULT[kind], run: 0, onHold: false, nextMs: firstTickMs };
}

/**
 * The worker once it sees a new container ID (doProbe: resultsManager.Set(initialValue), onHold =
 * false; lastResult and resultRun carry over, as in worker.go), its next tick moved on its grid to
 * the first that can probe the container: at or after startedAt + initialDelaySeconds (the ticks
 * before return early), and after startedAt itself (doProbe reads the status manager, which learns
 * of a started container from the PLEG's relist after the start, never at that instant). The
 * failure message it remembered was the old container's.
 */
export function forNewContainer(w: ProbeWorker, kind: ProbeKind, p: Probe, startedMs: number): ProbeWorker {
  const nextMs = onGrid(w.nextMs, p, Math.max(startedMs + probeTiming(p).initialDelayMs, startedMs + 1));
  if (!('last' in w)) return { result: INITIAL_RESULT[kind], run: w.run, onHold: false, nextMs };
  return { result: INITIAL_RESULT[kind], run: w.run, onHold: false, nextMs, last: w.last };
}

/**
 * Applies one raw probe result (worker.go from "probe" on): counts consecutive identical results,
 * publishes at the thresholds, and puts the worker on hold after a liveness failure or any startup result.
 * `published` says whether the cached result was (re)published at this tick.
 */
export function applyResult(w: ProbeWorker, kind: ProbeKind, p: Probe, result: ProbeResult): { worker: ProbeWorker; published: boolean } {
  const { successThreshold, failureThreshold } = probeTiming(p);
  const threshold = result === 'Failure' ? failureThreshold : successThreshold;
  // resultRun is capped at the threshold: beyond it nothing observable changes (and no write is needed).
  const run = w.last === result ? Math.min(w.run + 1, Math.max(successThreshold, failureThreshold)) : 1;
  if (run < threshold) return { worker: w.last === result && w.run === run ? w : { ...w, last: result, run }, published: false };
  let next: ProbeWorker = w.result === result && w.last === result && w.run === run ? w : { ...w, result, last: result, run };
  if ((kind === 'liveness' && result === 'Failure') || kind === 'startup') next = { ...next, onHold: true, run: 0, last: undefined };
  return { worker: next, published: true };
}

/** Whether further ticks cannot change anything while the container's inputs stay the same. */
export function isSettledSuccess(w: ProbeWorker, p: Probe): boolean {
  return w.onHold || (w.result === 'Success' && w.last === 'Success' && w.run >= probeTiming(p).successThreshold);
}
