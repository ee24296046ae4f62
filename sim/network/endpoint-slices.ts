import type { KubeObject, Pod, Service } from '../api/types';
import type { Change, ClusterView, Controller, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { canonicalJson } from '../api/naming';
import { sortByIP } from './ip';
import { findPort, isPodReady, podIP, shouldPodBeInEndpoints } from './pod-ports';
import { HEADLESS_LABEL, isHeadless, selectedPods, servicesForPodChange, shouldSetHostname, type EndpointPort } from './endpoints';
import { serviceChanged } from './selector-services';
import { lastChangeTriggerTime, withTriggerTime } from './trigger-time';

// pkg/controller/endpointslice (staging/src/k8s.io/endpointslice reconciler.go, utils.go): the
// EndpointSlices of a Service with a selector. Terminating Pods are kept with ready=false,
// serving=<Pod Ready>, terminating=true, which kube-proxy uses when nothing else is left.

export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** kube-controller-manager --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceEndpoint {
  readonly addresses: readonly string[];
  readonly conditions: { readonly ready: boolean; readonly serving: boolean; readonly terminating: boolean };
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly targetRef?: { readonly kind: 'Pod'; readonly namespace: string; readonly name: string; readonly uid: string };
}
/**
 * A new EndpointSlice named `<owner>-<random>` by generateName, controlled by its owner (the
 * Service, or the Endpoints it mirrors), with the given labels/annotations and body.
 */
export function newEndpointSlice(owner: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string,
  meta: { labels: Readonly<Record<string, string>>; annotations?: Readonly<Record<string, string>> }, body: Readonly<Record<string, unknown>>): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: {
      name: '', generateName: `${owner.name}-`, namespace, ...meta,
      ownerReferences: [{ ...owner, controller: true, blockOwnerDeletion: true }],
    } as unknown as KubeObject['metadata'],
    ...body,
  } as KubeObject;
}

export interface EndpointSlice extends KubeObject {
  readonly kind: 'EndpointSlice';
  readonly addressType: 'IPv4' | 'IPv6' | 'FQDN';
  readonly endpoints?: readonly SliceEndpoint[] | null;
  readonly ports?: readonly EndpointPort[] | null;
}

/** utils.go podToEndpoint. */
export function sliceEndpoint(view: ClusterView, pod: Pod, svc: Service): SliceEndpoint {
  const ready = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const zone = pod.spec.nodeName ? view.get('Node', '', pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
  return {
    addresses: [podIP(pod)!],
    conditions: { ready: svc.spec.publishNotReadyAddresses === true || (ready && !terminating), serving: ready, terminating },
    ...(shouldSetHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(zone ? { zone } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** The desired slices' contents: endpoints grouped by their resolved port set, ≤100 a slice. */
export function desiredSlices(view: ClusterView, svc: Service, pods: readonly Pod[]): { ports: EndpointPort[]; endpoints: SliceEndpoint[] }[] {
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const n = findPort(pod, sp);
      if (n !== undefined) ports.push({ ...(sp.name !== undefined ? { name: sp.name } : { name: '' }), port: n, protocol: sp.protocol ?? 'TCP' });
    }
    const key = canonicalJson(ports);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(sliceEndpoint(view, pod, svc));
  }
  const out: { ports: EndpointPort[]; endpoints: SliceEndpoint[] }[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    sortByIP(g.endpoints, (e) => e.addresses[0]);
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  return out;
}

function sliceLabels(svc: Service): Record<string, string> {
  return {
    ...(svc.metadata.labels ?? {}),
    [SERVICE_NAME_LABEL]: svc.metadata.name,
    [MANAGED_BY_LABEL]: MANAGED_BY,
    ...(isHeadless(svc) ? { [HEADLESS_LABEL]: '' } : {}),
  };
}

/** The slices this controller manages for a Service (owned by it, managed-by label). */
export function managedSlices(view: ClusterView, svc: Service): EndpointSlice[] {
  return (view.dependents(svc.metadata.uid) as KubeObject[])
    .filter((o): o is EndpointSlice => o.kind === 'EndpointSlice' && o.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** reconciler.reconcile, simplified to: fill existing slices in name order, create the rest, delete the surplus. */
export function reconcileEndpointSlices(view: ClusterView, key: string): ReconcileResult {
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const svc = view.get<Service>('Service', ns, key.slice(slash + 1));
  // Deleted Service: its slices go with the garbage collector (ownerReference).
  if (svc === undefined || svc.spec.selector === undefined || svc.spec.type === 'ExternalName') return NO_CHANGES;
  const pods = selectedPods(view, svc);
  const want = desiredSlices(view, svc, pods);
  // No endpoints: one placeholder slice with no ports (reconciler.go placeholderSliceCompare).
  if (want.length === 0) want.push({ ports: [], endpoints: [] });
  const have = managedSlices(view, svc);
  const labels = sliceLabels(svc);
  // finalize's addTriggerTimeAnnotation, on the slices it creates or updates.
  const trigger = lastChangeTriggerTime(svc, pods, have.length === 0, view.nowMs, view.config.epochMs);
  const annotated = (annotations: Readonly<Record<string, string>> | undefined) => {
    const a = withTriggerTime(annotations, trigger);
    return Object.keys(a).length > 0 ? { annotations: a } : {};
  };
  const changes: Change[] = [];
  want.forEach((w, i) => {
    // The placeholder's empty lists are stored as null (protobuf round trip): `endpoints: null`, `ports: null`.
    const body = { addressType: 'IPv4' as const, endpoints: w.endpoints.length ? w.endpoints : null, ports: w.ports.length ? w.ports : null };
    const existing = have[i];
    if (existing === undefined) {
      changes.push({ verb: 'create', object: newEndpointSlice({ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid }, ns, { labels, ...annotated(undefined) }, body) });
    } else if (canonicalJson([existing.endpoints?.length ? existing.endpoints : null, existing.ports ?? null, existing.metadata.labels ?? {}]) !== canonicalJson([body.endpoints, body.ports, labels])) {
      const { annotations: _old, ...meta } = existing.metadata;
      changes.push({ verb: 'update', object: { ...existing, metadata: { ...meta, labels, ...annotated(existing.metadata.annotations) }, ...body } });
    }
  });
  for (const extra of have.slice(want.length)) {
    changes.push({ verb: 'delete', ref: { kind: 'EndpointSlice', namespace: ns, name: extra.metadata.name }, reason: 'surplus EndpointSlice' });
  }
  return changes.length ? { changes } : NO_CHANGES;
}

export const endpointSliceController: Controller = {
  name: ENDPOINTSLICE_CONTROLLER,
  reconcile: (view, key) => reconcileEndpointSlices(view, key),
  watches: {
    Service: (view, after, before) => {
      serviceChanged(view, after, before);
      const o = (after ?? before)!;
      return [`${o.metadata.namespace ?? ''}/${o.metadata.name}`];
    },
    Pod: servicesForPodChange,
    EndpointSlice: (_v, after, before) => {
      const o = (after ?? before)!;
      const svc = o.metadata.labels?.[SERVICE_NAME_LABEL];
      return svc !== undefined && o.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY ? [`${o.metadata.namespace ?? ''}/${svc}`] : [];
    },
  },
};
