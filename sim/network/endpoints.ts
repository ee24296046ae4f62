import type { KubeObject, Pod, Service } from '../api/types';
import type { ClusterView, Controller, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { canonicalJson } from '../api/naming';
import { matchesLabels } from '../store/labels';
import { compareIP, sortByIP } from './ip';
import { findPort, isPodReady, podIP, shouldPodBeInEndpoints } from './pod-ports';
import { selectorServices, serviceChanged } from './selector-services';
import { lastChangeTriggerTime, withTriggerTime, withoutTriggerTime } from './trigger-time';

// pkg/controller/endpoint/endpoints_controller.go: one Endpoints object per Service with a
// selector, named like the Service. Deprecated since v1.33 in favour of EndpointSlices, still
// maintained by kube-controller-manager and still what `kubectl get ep` shows.

export const ENDPOINT_CONTROLLER = 'endpoint-controller';
/** Endpoints keep at most this many addresses (endpoints_controller.go maxCapacity). */
export const MAX_ENDPOINTS_CAPACITY = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

export interface EndpointAddress {
  readonly ip: string;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind: 'Pod'; readonly namespace: string; readonly name: string; readonly uid: string };
}
export interface EndpointPort { readonly name?: string; readonly port: number; readonly protocol: string; readonly appProtocol?: string }
export interface EndpointSubset {
  readonly addresses?: readonly EndpointAddress[];
  readonly notReadyAddresses?: readonly EndpointAddress[];
  readonly ports?: readonly EndpointPort[];
}
export interface Endpoints extends KubeObject {
  readonly kind: 'Endpoints';
  readonly subsets?: readonly EndpointSubset[];
}

export function isHeadless(svc: Service): boolean {
  return svc.spec.clusterIP === 'None';
}

/** endpointutil.ShouldSetHostname: the Pod's hostname counts when its subdomain is this Service. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/** podToEndpointAddressForService. */
export function endpointAddress(pod: Pod, svc: Service): EndpointAddress {
  return {
    ip: podIP(pod)!,
    ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** The Pods a Service selects (same namespace), through the label index. */
export function selectedPods(view: ClusterView, svc: Service): readonly Pod[] {
  if (svc.spec.selector === undefined) return [];
  return view.select<Pod>('Pod', svc.metadata.namespace ?? '', { matchLabels: svc.spec.selector });
}

/**
 * The subsets syncService computes, repacked (endpoints.RepackSubsets): ready Pods in `addresses`,
 * not-ready ones in `notReadyAddresses` (all in `addresses` with publishNotReadyAddresses), Pods
 * without an IP, terminal or being deleted left out, a named targetPort resolved per Pod (a Pod
 * without it is left out of that port only), headless Services without ports still listed.
 */
export function computeSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const tolerate = svc.spec.publishNotReadyAddresses === true;
  // port key -> address key -> { address, ready }
  const byPort = new Map<string, { port: EndpointPort | undefined; addrs: Map<string, { a: EndpointAddress; ready: boolean }> }>();
  const add = (port: EndpointPort | undefined, a: EndpointAddress, ready: boolean) => {
    const key = port === undefined ? '-' : `${port.name ?? ''}/${port.port}/${port.protocol}`;
    let entry = byPort.get(key);
    if (entry === undefined) byPort.set(key, (entry = { port, addrs: new Map() }));
    const ak = `${a.ip}/${a.targetRef?.uid ?? ''}`;
    const prev = entry.addrs.get(ak);
    if (prev === undefined || (ready && !prev.ready)) entry.addrs.set(ak, { a, ready });
  };
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const a = endpointAddress(pod, svc);
    const ready = tolerate || isPodReady(pod);
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0) {
      if (isHeadless(svc)) add(undefined, a, ready);
      continue;
    }
    for (const sp of ports) {
      const n = findPort(pod, sp);
      if (n === undefined) continue;
      add({ ...(sp.name ? { name: sp.name } : {}), port: n, protocol: sp.protocol ?? 'TCP', ...((sp as { appProtocol?: string }).appProtocol ? { appProtocol: (sp as { appProtocol?: string }).appProtocol } : {}) }, a, ready);
    }
  }
  // Group ports that share the same address set into one subset.
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const { port, addrs } of byPort.values()) {
    const entries = [...addrs.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const key = entries.map(([k, v]) => `${k}:${v.ready ? 1 : 0}`).join(',');
    let g = groups.get(key);
    if (g === undefined) {
      g = { ports: [], ready: [], notReady: [] };
      for (const [, v] of entries) (v.ready ? g.ready : g.notReady).push(v.a);
      groups.set(key, g);
    }
    if (port !== undefined) g.ports.push(port);
  }
  const byUid = (x: EndpointAddress, y: EndpointAddress) => ((x.targetRef?.uid ?? '') < (y.targetRef?.uid ?? '') ? -1 : 1);
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    sortByIP(g.ready, (x) => x.ip, byUid);
    sortByIP(g.notReady, (x) => x.ip, byUid);
    g.ports.sort((x, y) => ((x.name ?? '') < (y.name ?? '') ? -1 : (x.name ?? '') > (y.name ?? '') ? 1 : x.port - y.port));
    subsets.push({
      ...(g.ready.length ? { addresses: g.ready } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady } : {}),
      ...(g.ports.length ? { ports: g.ports } : {}),
    });
  }
  // SortSubsets orders by a hash; we order by the first address, then the first port, for stable output.
  const firstIP = (s: EndpointSubset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  subsets.sort((x, y) => compareIP(firstIP(x), firstIP(y)) || (x.ports?.[0]?.port ?? 0) - (y.ports?.[0]?.port ?? 0));
  return subsets;
}

/**
 * truncateEndpoints: more than 1000 addresses keeps 1000, each subset in proportion; ready ones
 * win (not-ready ones go first). Returns undefined when nothing had to go.
 */
export function truncateSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] | undefined {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) { totalReady += s.addresses?.length ?? 0; totalNotReady += s.notReadyAddresses?.length ?? 0; }
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return undefined;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  return subsets.map((s, i) => {
    const inSubset = truncateReady ? s.addresses?.length ?? 0 : s.notReadyAddresses?.length ?? 0;
    let allowed = i < subsets.length - 1 ? Math.ceil(max * (inSubset / numTotal)) : canBeAdded;
    if (allowed > canBeAdded) allowed = canBeAdded;
    if (truncateReady) {
      const addresses = (s.addresses ?? []).slice(0, allowed);
      canBeAdded -= addresses.length;
      const { notReadyAddresses: _drop, ...rest } = s;
      return { ...rest, addresses };
    }
    const notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, allowed);
    canBeAdded -= notReadyAddresses.length;
    return { ...s, notReadyAddresses };
  });
}

function desiredEndpoints(svc: Service, pods: readonly Pod[], existing: Endpoints | undefined, trigger: string | undefined): Endpoints {
  const computed = computeSubsets(svc, pods);
  const truncated = truncateSubsets(computed);
  const subsets = truncated ?? computed;
  const labels = { ...(svc.metadata.labels ?? {}), ...(isHeadless(svc) ? { [HEADLESS_LABEL]: '' } : {}) };
  const annotations = withTriggerTime(existing?.metadata.annotations, trigger);
  if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  const { annotations: _old, ...kept } = existing?.metadata ?? { uid: '', resourceVersion: '', creationTimestamp: '' };
  return {
    apiVersion: 'v1', kind: 'Endpoints',
    metadata: {
      ...kept,
      name: svc.metadata.name, namespace: svc.metadata.namespace,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
    ...(subsets.length ? { subsets } : {}),
  };
}

/** endpointsController.syncService. Key: `namespace/name` of the Service. */
export function reconcileEndpoints(view: ClusterView, key: string): ReconcileResult {
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const svc = view.get<Service>('Service', ns, name);
  const existing = view.get<Endpoints>('Endpoints', ns, name);
  if (svc === undefined) {
    // The Service is gone: so are its Endpoints (the controller deletes them; no ownerReference).
    return existing === undefined ? NO_CHANGES : { changes: [{ verb: 'delete', ref: { kind: 'Endpoints', namespace: ns, name }, reason: 'service deleted' }] };
  }
  // A Service without a selector: the user manages its Endpoints.
  if (svc.spec.selector === undefined || svc.spec.type === 'ExternalName') return NO_CHANGES;
  const pods = selectedPods(view, svc);
  const want = desiredEndpoints(svc, pods, existing, lastChangeTriggerTime(svc, pods, existing === undefined, view.nowMs, view.config.epochMs));
  if (existing === undefined) {
    const { uid: _u, resourceVersion: _r, creationTimestamp: _c, ...metadata } = want.metadata;
    return { changes: [{ verb: 'create', object: { ...want, metadata: metadata as Endpoints['metadata'] } }] };
  }
  if (sameEndpoints(existing, want)) return NO_CHANGES;
  return { changes: [{ verb: 'update', object: want }] };
}

function sameEndpoints(a: Endpoints, b: Endpoints): boolean {
  return canonicalJson(a.subsets ?? []) === canonicalJson(b.subsets ?? [])
    && canonicalJson(a.metadata.labels ?? {}) === canonicalJson(b.metadata.labels ?? {})
    && canonicalJson(withoutTriggerTime(a.metadata.annotations)) === canonicalJson(withoutTriggerTime(b.metadata.annotations));
}

/** The fields of a Pod the endpoint controllers read (podEndpointsChanged + labels). */
export function podEndpointFacts(pod: Pod): string {
  return canonicalJson([
    podIP(pod), pod.status?.phase, isPodReady(pod), pod.metadata.deletionTimestamp ?? null, pod.spec.nodeName ?? null,
    pod.spec.hostname ?? null, pod.spec.subdomain ?? null,
    pod.spec.containers.map((c) => c.ports ?? []),
  ]);
}

/** Whether the Pod's labels and endpoint facts are unchanged: cheap identity/value checks first, JSON only if they fail. */
function samePodForEndpoints(a: Pod, b: Pod): boolean {
  const sameLabels = a.metadata.labels === b.metadata.labels || canonicalJson(a.metadata.labels ?? {}) === canonicalJson(b.metadata.labels ?? {});
  if (!sameLabels) return false;
  return sameFactsAtOnce(a, b) || podEndpointFacts(a) === podEndpointFacts(b);
}

/** The identity/value half of samePodForEndpoints (no JSON): true means unchanged; false, maybe changed. */
function sameFactsAtOnce(a: Pod, b: Pod): boolean {
  return podIP(a) === podIP(b) && a.status?.phase === b.status?.phase && isPodReady(a) === isPodReady(b)
    && a.metadata.deletionTimestamp === b.metadata.deletionTimestamp && a.spec.nodeName === b.spec.nodeName
    && a.spec.hostname === b.spec.hostname && a.spec.subdomain === b.spec.subdomain
    && (a.spec.containers === b.spec.containers || sameContainerPorts(a, b));
}

function sameContainerPorts(a: Pod, b: Pod): boolean {
  const x = a.spec.containers;
  const y = b.spec.containers;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i].ports !== y[i].ports) return false;
  return true;
}

/** Keys of the Services (with a selector) in the Pod's namespace whose selector matches the Pod before or after. */
export function servicesForPodChange(view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): readonly string[] {
  const a = after as Pod | undefined;
  const b = before as Pod | undefined;
  const ns = (a ?? b)!.metadata.namespace ?? '';
  // Most Pod writes (a kubelet status update) change nothing Endpoints show: answer before listing Services.
  if (a !== undefined && b !== undefined && a.metadata.labels === b.metadata.labels && sameFactsAtOnce(a, b)) return NONE;
  // No Service with a selector in the namespace: nothing to enqueue, whatever changed.
  const services = selectorServices(view, ns);
  if (services.length === 0) return NONE;
  if (a !== undefined && b !== undefined && samePodForEndpoints(a, b)) return NONE;
  const keys: string[] = [];
  for (const svc of services) {
    const sel = svc.spec.selector!;
    if ((a !== undefined && matchesLabels(a.metadata.labels ?? {}, sel)) || (b !== undefined && matchesLabels(b.metadata.labels ?? {}, sel))) {
      keys.push(`${ns}/${svc.metadata.name}`);
    }
  }
  return keys;
}

const NONE: readonly string[] = Object.freeze([]);

const serviceKey = (view: ClusterView, after: KubeObject | undefined, before: KubeObject | undefined): string[] => {
  const o = (after ?? before)!;
  serviceChanged(view, after, before);
  return [`${o.metadata.namespace ?? ''}/${o.metadata.name}`];
};

export const endpointController: Controller = {
  name: ENDPOINT_CONTROLLER,
  reconcile: (view, key) => reconcileEndpoints(view, key),
  watches: {
    Service: serviceKey,
    Pod: servicesForPodChange,
    // Someone edited or deleted the Endpoints of a managed Service: put it back.
    Endpoints: serviceKey,
  },
};

