import type { Pod, Service } from '../api/types';

// pkg/controller/util/endpoint trigger_time_tracker.go: the endpoints.kubernetes.io/last-change-trigger-time
// annotation the endpoint and EndpointSlice controllers write. On a Service's first sync it is the
// Service's creationTimestamp; afterwards the earliest trigger that changed since the last sync: a
// selected Pod's Ready condition lastTransitionTime (getPodTriggerTime). The simulator's controllers
// sync at the instant a Pod changes, so "changed since the last sync" is "changed this second"
// (metav1.Time keeps seconds). No changed trigger (a Pod deleted): the annotation is cleared.

export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/** ComputeEndpointLastChangeTriggerTime, as an RFC 3339 text, or undefined when no trigger changed. */
export function lastChangeTriggerTime(svc: Service, pods: readonly Pod[], firstSync: boolean, nowMs: number, epochMs: number): string | undefined {
  if (firstSync) return svc.metadata.creationTimestamp || undefined;
  const thisSecond = Math.floor((epochMs + nowMs) / 1000) * 1000;
  let min: string | undefined;
  for (const pod of pods) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    const t = ready?.lastTransitionTime;
    if (t === undefined || Date.parse(t) !== thisSecond) continue;
    if (min === undefined || t < min) min = t;
  }
  return min;
}

/** addTriggerTimeAnnotation: set it, or clear it without a trigger. */
export function withTriggerTime(annotations: Readonly<Record<string, string>> | undefined, trigger: string | undefined): Record<string, string> {
  const out = { ...(annotations ?? {}) };
  if (trigger !== undefined) out[LAST_CHANGE_TRIGGER_TIME] = trigger;
  else delete out[LAST_CHANGE_TRIGGER_TIME];
  return out;
}

/** The annotations without the trigger time: a change to it alone writes nothing (endpointSubsetsEqualIgnoreResourceVersion and friends). */
export function withoutTriggerTime(annotations: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const { [LAST_CHANGE_TRIGGER_TIME]: _t, ...rest } = annotations ?? {};
  return rest;
}
