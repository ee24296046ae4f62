import { parseQuantity } from '../quantity';
import type { Json } from './util';
import { isObj } from './util';

// pkg/apis/core/v1/helper/qos/qos.go GetPodQOS: the QoS class the API server stores at creation.

const QOS_RESOURCES = ['cpu', 'memory'] as const;

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

// The Pods of one template share their defaulted spec: the class is worked out once per spec object.
const bySpec = new WeakMap<object, QOSClass>();

/**
 * | containers' cpu/memory                              | class      |
 * |-----------------------------------------------------|------------|
 * | no requests and no limits anywhere                   | BestEffort |
 * | every container limits cpu and memory, requests = limits | Guaranteed |
 * | anything else                                        | Burstable  |
 *
 * Requests are expected to be defaulted from limits already (SetDefaults_Pod).
 */
export function podQOSClass(spec: unknown): QOSClass {
  if (!isObj(spec)) return qosOf({});
  let qos = bySpec.get(spec);
  if (qos === undefined) bySpec.set(spec, (qos = qosOf(spec)));
  return qos;
}

function qosOf(s: Json): QOSClass {
  const containers = [...listOf(s.containers), ...listOf(s.initContainers)];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of containers) {
    const resources = isObj(c.resources) ? c.resources : {};
    const req = isObj(resources.requests) ? resources.requests : {};
    const lim = isObj(resources.limits) ? resources.limits : {};
    for (const name of QOS_RESOURCES) {
      const q = quantity(req[name]);
      if (q !== undefined && q > 0) requests.set(name, (requests.get(name) ?? 0) + q);
    }
    const found = new Set<string>();
    for (const name of QOS_RESOURCES) {
      const q = quantity(lim[name]);
      if (q !== undefined && q > 0) { found.add(name); limits.set(name, (limits.get(name) ?? 0) + q); }
    }
    if (found.size < QOS_RESOURCES.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, r] of requests) if (Math.abs((limits.get(name) ?? 0) - r) > 1e-12 * Math.max(1, r)) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function listOf(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObj) : [];
}

function quantity(v: unknown): number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}
