import type { KubeObject, Pod } from '../types';
import { isAdmittedFrom } from './admitted';
import { defaultPodSpec } from './pod-spec';
import { podQOSClass, type QOSClass } from './qos';
import { isObj, mapList, objOr, sameExcept, unset, type Json } from './util';

// A Pod as the API server stores it at creation: SetDefaults_Pod on top of the PodSpec defaults,
// then the admission plugins that fill fields (ServiceAccount, Priority, DefaultTolerationSeconds),
// then the registry's initial status (pod strategy PrepareForCreate: phase Pending and the QoS class).

/** DefaultTolerationSeconds admission: --default-not-ready-toleration-seconds / unreachable, both 300. */
export const DEFAULT_TOLERATION_SECONDS = 300;
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/** The built-in PriorityClasses (scheduling/v1 SystemPriorityClasses). */
const SYSTEM_PRIORITIES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

// Every write of a Pod is defaulted (the engine defaults creates and updates), so the same specs come
// back again and again: 100 Pods of one template, the scheduler's binding (a defaulted spec plus
// nodeName). Defaulting is a pure function of the spec (and whether the Pod is a mirror Pod), so its
// results are memoised by spec object (WeakMaps: nothing outlives the objects, no state leaks).
const memo = [new WeakMap<object, Json>(), new WeakMap<object, Json>()];
/** Defaulted specs, by their containers array (to recognise "a defaulted spec with nodeName set"). */
const byContainers = [new WeakMap<object, Json>(), new WeakMap<object, Json>()];
/**
 * Defaulted specs, by the tolerations array DefaultTolerationSeconds made for them (theirs alone):
 * the specs admitted from one keep it, and are recognised by it (isAdmittedFrom) without a WeakMap
 * entry a Pod (150,000 Pods of 1,500 templates: 1,500 entries).
 */
const byTolerations = [new WeakMap<object, Json>(), new WeakMap<object, Json>()];

function defaultedSpecOf(raw: unknown, mirror: boolean): Json {
  const m = mirror ? 1 : 0;
  if (!isObj(raw)) return defaultSpecUncached(raw, mirror);
  const hit = memo[m].get(raw);
  if (hit !== undefined) return hit;
  // A Pod's own spec (admitted, then bound) is recognised, not memoised itself. By its containers,
  // the entry moves to the newest version (the bound spec): the admitted one it replaces can go.
  const base = defaultedBaseOf(raw, m);
  if (base !== undefined) {
    if (base !== raw) byContainers[m].set(raw.containers as object, raw);
    return raw;
  }
  if (isAdmittedFromKnown(raw, m)) return raw;
  const out = defaultSpecUncached(raw, mirror);
  memo[m].set(raw, out);
  memo[m].set(out, out);
  if (Array.isArray(out.containers)) byContainers[m].set(out.containers, out);
  if (Array.isArray(out.tolerations) && out.tolerations !== raw.tolerations) byTolerations[m].set(out.tolerations, out);
  return out;
}

/** Whether `spec` is a defaulted spec, known by its tolerations, with only what admission and binding add. */
function isAdmittedFromKnown(spec: Json, m: number): boolean {
  const base = Array.isArray(spec.tolerations) ? byTolerations[m].get(spec.tolerations) : undefined;
  return base !== undefined && isAdmittedFrom(spec, base);
}

/** The defaulted spec that `spec` equals but for spec.nodeName (defaulting never reads or sets nodeName), if any. */
function defaultedBaseOf(spec: Json, m: number): Json | undefined {
  const base = Array.isArray(spec.containers) ? byContainers[m].get(spec.containers) : undefined;
  return base !== undefined && sameExcept(spec, base, 'nodeName') ? base : undefined;
}

/**
 * Records a spec as already defaulted (a fixed point of defaulting): mutating admission adds only
 * fully defaulted fields (the ServiceAccount token volume and mounts), so later writes of the Pod
 * (the scheduler's binding) are recognised without defaulting the spec again.
 */
export function rememberDefaultedSpec(spec: Json, mirror: boolean): void {
  const m = mirror ? 1 : 0;
  if (isAdmittedFromKnown(spec, m)) return; // recognised as it is (the usual case: no entry needed)
  // By its containers, which admission copies (to mount the token): one entry serves the spec and its
  // bound copies. Containers another spec already holds (only init containers mounted): by the spec itself.
  if (Array.isArray(spec.containers) && !byContainers[m].has(spec.containers)) byContainers[m].set(spec.containers, spec);
  else memo[m].set(spec, spec);
}

export function defaultPod(obj: KubeObject): Pod {
  const metadata = obj.metadata;
  const spec = defaultedSpecOf(obj.spec, metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined);
  const status = objOr(obj.status);
  if (spec === obj.spec && !unset(status.phase) && !unset(status.qosClass) && status === obj.status) return obj as unknown as Pod;
  const initial: Json = isNewStatus(status) ? PENDING[podQOSClass(spec)] : {
    ...status,
    phase: unset(status.phase) ? 'Pending' : status.phase,
    qosClass: unset(status.qosClass) ? podQOSClass(spec) : status.qosClass,
  };
  return { ...obj, spec, status: initial } as unknown as Pod;
}

// The status of every Pod just created, shared (frozen) by QoS class: not one object a Pod.
const PENDING: Readonly<Record<QOSClass, Json>> = {
  Guaranteed: Object.freeze({ phase: 'Pending', qosClass: 'Guaranteed' }),
  Burstable: Object.freeze({ phase: 'Pending', qosClass: 'Burstable' }),
  BestEffort: Object.freeze({ phase: 'Pending', qosClass: 'BestEffort' }),
};

/** A status with nothing but an unset or Pending phase (what a controller's new Pod carries). */
function isNewStatus(status: Json): boolean {
  for (const k in status) if (k !== 'phase') return false;
  return unset(status.phase) || status.phase === 'Pending';
}

function defaultSpecUncached(raw: unknown, mirror: boolean): Json {
  let spec = defaultPodSpec(raw);
  spec = {
    ...spec,
    ...(spec.containers !== undefined ? { containers: mapList(spec.containers, requestsFromLimits) } : {}),
    ...(spec.initContainers !== undefined ? { initContainers: mapList(spec.initContainers, requestsFromLimits) } : {}),
    enableServiceLinks: spec.enableServiceLinks === undefined || spec.enableServiceLinks === null ? true : spec.enableServiceLinks,
  };
  if (spec.hostNetwork === true) {
    spec = {
      ...spec,
      ...(spec.containers !== undefined ? { containers: mapList(spec.containers, hostPorts) } : {}),
      ...(spec.initContainers !== undefined ? { initContainers: mapList(spec.initContainers, hostPorts) } : {}),
    };
  }
  spec = admitServiceAccount(spec, mirror);
  spec = admitPriority(spec);
  return admitDefaultTolerationSeconds(spec);
}

/** SetDefaults_Pod: a container's requests default to its limits, per resource. */
function requestsFromLimits(c: Json): Json {
  const res = c.resources;
  if (!isObj(res) || !isObj(res.limits)) return c;
  const requests = isObj(res.requests) ? res.requests : {};
  const missing = Object.keys(res.limits).filter((k) => !(k in requests));
  if (missing.length === 0 && isObj(res.requests)) return c;
  return { ...c, resources: { ...res, requests: { ...requests, ...Object.fromEntries(missing.map((k) => [k, (res.limits as Json)[k]])) } } };
}

/** defaultHostNetworkPorts: with hostNetwork, hostPort = containerPort. */
function hostPorts(c: Json): Json {
  if (!Array.isArray(c.ports)) return c;
  return { ...c, ports: mapList(c.ports, (p) => (unset(p.hostPort) || p.hostPort === 0 ? { ...p, hostPort: p.containerPort } : p)) };
}

/** plugin/pkg/admission/serviceaccount: serviceAccountName "default" (mirror Pods are left alone); v1 mirrors it in serviceAccount. */
function admitServiceAccount(spec: Json, mirror: boolean): Json {
  if (mirror) return spec;
  const name = !unset(spec.serviceAccountName) ? spec.serviceAccountName : !unset(spec.serviceAccount) ? spec.serviceAccount : 'default';
  return { ...spec, serviceAccountName: name, serviceAccount: name };
}

/**
 * plugin/pkg/admission/priority: priority from a built-in class (0 without one) and preemptionPolicy
 * PreemptLowerPriority. A user class is left to the admission step that reads the store
 * (sim/scheduling/pod-priority.ts admitPodPriority: its value, or "no PriorityClass ... was found").
 */
function admitPriority(spec: Json): Json {
  const cls = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  if (cls !== '' && SYSTEM_PRIORITIES[cls] === undefined) return spec;
  const priority = typeof spec.priority === 'number' ? spec.priority : SYSTEM_PRIORITIES[cls] ?? 0;
  return { ...spec, priority, preemptionPolicy: unset(spec.preemptionPolicy) ? 'PreemptLowerPriority' : spec.preemptionPolicy };
}

/**
 * plugin/pkg/admission/defaulttolerationseconds: unless the Pod already tolerates them (same key, or
 * an empty key; NoExecute or an empty effect), append
 * `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s` and the same for `unreachable`.
 */
export function admitDefaultTolerationSeconds(spec: Json): Json {
  const tolerations = Array.isArray(spec.tolerations) ? (spec.tolerations as unknown[]) : [];
  const tolerates = (key: string) => tolerations.some((t) => isObj(t)
    && (t.key === key || unset(t.key)) && (t.effect === 'NoExecute' || unset(t.effect)));
  const added: Json[] = [];
  if (!tolerates(NOT_READY_TAINT)) added.push({ key: NOT_READY_TAINT, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (!tolerates(UNREACHABLE_TAINT)) added.push({ key: UNREACHABLE_TAINT, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  if (added.length === 0) return spec;
  if (spec.tolerations !== undefined && spec.tolerations !== null && !Array.isArray(spec.tolerations)) return spec; // a wrong shape: left to the decoder
  return { ...spec, tolerations: tolerations.concat(added) };
}
