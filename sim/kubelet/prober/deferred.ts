import type { Probe } from '../../api/types';
import type { ProbeKind, ProbeWorker } from '../types';
import { probeTiming } from './worker';

// A readiness probe that keeps failing the same way (a pure probe, its inputs unchanged, past its
// failure threshold) changes nothing at a tick but the Unhealthy event it records, and the
// recorder's spam filter drops those until a token comes back (one every 300 s). So the kubelet
// need not wake at each such tick: it records the ticks it slept through, with their own times, at
// its next sync, and sets that sync no later than the filter could let an event through, so no
// Event write comes late. Objects, events and trace are those of one wake per tick (deferred.prop.ts),
// up to the order of Pods synced at one instant. One case differs: another controller changing what
// the probe reads at the very millisecond of a slept tick, in the same drain, before the kubelet's
// turn; the tick is then counted with the old answer (a waking kubelet's order there depends on the
// queue, and in Kubernetes on goroutine scheduling).

/** Whether a tick of this worker now would repeat the last one: the same failure, nothing to publish. */
export function isSettledFailure(w: ProbeWorker, kind: ProbeKind, p: Probe): boolean {
  if (kind !== 'readiness' || w.failedWith === undefined || w.result !== 'Failure' || w.last !== 'Failure') return false;
  const t = probeTiming(p);
  return w.run >= Math.max(t.successThreshold, t.failureThreshold);
}

/** The ticks due from w.nextMs through `throughMs` (on the worker's grid): how many, and the tick after them. */
export function ticksThrough(w: ProbeWorker, p: Probe, throughMs: number): { readonly times: number; readonly nextMs: number } {
  if (w.nextMs > throughMs) return { times: 0, nextMs: w.nextMs };
  const { periodMs } = probeTiming(p);
  const times = Math.floor((throughMs - w.nextMs) / periodMs) + 1;
  return { times, nextMs: w.nextMs + times * periodMs };
}

/**
 * The last instant whose ticks ran before this sync: those before now, and those at now when the
 * instant's timers fired before this transaction began (a `kubectl exec` after an advance comes
 * after that instant's ticks); while the kubelet was down (until `downMs`) none ran.
 */
export function ticksRanThrough(nowMs: number, firedThroughMs: number, downMs: number | undefined): number {
  const through = firedThroughMs >= nowMs ? nowMs : nowMs - 1;
  return downMs === undefined ? through : Math.min(through, downMs);
}
