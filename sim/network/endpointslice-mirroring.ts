import type { KubeObject, Service } from '../api/types';
import type { Change, ClusterView, Controller, ReconcileResult } from '../engine/types';
import { NO_CHANGES } from '../engine/types';
import { canonicalJson } from '../api/naming';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, newEndpointSlice } from './endpoint-slices';
import type { EndpointAddress, EndpointPort, Endpoints } from './endpoints';

// pkg/controller/endpointslicemirroring (endpointslicemirroring_controller.go syncEndpoints,
// reconciler.go, utils.go newEndpointSlice / addressToEndpoint): the Endpoints a user writes for a
// Service without a selector are mirrored into EndpointSlices, which is what kube-proxy, DNS and
// `kubectl describe service` read. Endpoints labelled endpointslice.kubernetes.io/skip-mirror=true
// (the API server's own default/kubernetes) and those of Services with a selector are not mirrored.

export const ENDPOINTSLICE_MIRRORING_CONTROLLER = 'endpointslice-mirroring-controller';
export const MIRRORING_MANAGED_BY = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface MirroredEndpoint {
  readonly addresses: readonly string[];
  readonly conditions: { readonly ready: boolean };
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: EndpointAddress['targetRef'];
}

/** utils.go addressToEndpoint: only the ready condition is set. */
function addressToEndpoint(a: EndpointAddress, ready: boolean): MirroredEndpoint {
  return {
    addresses: [a.ip], conditions: { ready },
    ...(a.hostname ? { hostname: a.hostname } : {}),
    ...(a.nodeName ? { nodeName: a.nodeName } : {}),
    ...(a.targetRef ? { targetRef: a.targetRef } : {}),
  };
}

/** The slices' contents: one per distinct port set, the subsets' ready then not-ready addresses. */
export function mirroredSlices(ep: Endpoints): { ports: EndpointPort[]; endpoints: MirroredEndpoint[] }[] {
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: MirroredEndpoint[] }>();
  for (const ss of ep.subsets ?? []) {
    // epPortsToEpsPorts: name (always set), port, protocol.
    const ports = (ss.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const key = canonicalJson(ports);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { ports, endpoints: [] }));
    for (const a of ss.addresses ?? []) g.endpoints.push(addressToEndpoint(a, true));
    for (const a of ss.notReadyAddresses ?? []) g.endpoints.push(addressToEndpoint(a, false));
  }
  return [...groups.values()].filter((g) => g.endpoints.length > 0);
}

/** endpointslicemirroring_controller.go shouldMirror, and the Service check of syncEndpoints. */
function shouldMirror(ep: Endpoints | undefined, svc: Service | undefined): ep is Endpoints {
  if (ep === undefined || svc === undefined || svc.spec.selector !== undefined) return false;
  if (ep.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') return false;
  return ep.metadata.annotations?.[LEADER_ANNOTATION] === undefined;
}

function mirrored(view: ClusterView, ns: string, name: string): KubeObject[] {
  return [...view.select('EndpointSlice', ns, { matchLabels: { [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MIRRORING_MANAGED_BY } })]
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

export function reconcileMirroring(view: ClusterView, key: string): ReconcileResult {
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const ep = view.get<Endpoints>('Endpoints', ns, name);
  const svc = view.get<Service>('Service', ns, name);
  const have = mirrored(view, ns, name);
  const want = shouldMirror(ep, svc) ? mirroredSlices(ep) : [];
  const changes: Change[] = [];
  if (want.length > 0) {
    // utils.go newEndpointSlice: the Endpoints' labels and annotations (but two), owned by the Endpoints.
    const labels = { ...(ep!.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MIRRORING_MANAGED_BY };
    const annotations = Object.fromEntries(Object.entries(ep!.metadata.annotations ?? {}).filter(([k]) => k !== LAST_CHANGE_TRIGGER_TIME && k !== LAST_APPLIED));
    want.forEach((w, i) => {
      const body = { addressType: 'IPv4' as const, endpoints: w.endpoints, ports: w.ports };
      const existing = have[i];
      if (existing === undefined) {
        const meta = { labels, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
        changes.push({ verb: 'create', object: newEndpointSlice({ apiVersion: 'v1', kind: 'Endpoints', name, uid: ep!.metadata.uid }, ns, meta, body) });
      } else if (canonicalJson([(existing as { endpoints?: unknown }).endpoints ?? [], (existing as { ports?: unknown }).ports ?? [], existing.metadata.labels ?? {}]) !== canonicalJson([body.endpoints, body.ports, labels])) {
        changes.push({ verb: 'update', object: { ...existing, metadata: { ...existing.metadata, labels }, ...body } as KubeObject });
      }
    });
  }
  for (const extra of have.slice(want.length)) {
    changes.push({ verb: 'delete', ref: { kind: 'EndpointSlice', namespace: ns, name: extra.metadata.name }, reason: 'mirrored Endpoints gone or no longer mirrored' });
  }
  return changes.length ? { changes } : NO_CHANGES;
}

const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export const endpointSliceMirroringController: Controller = {
  name: ENDPOINTSLICE_MIRRORING_CONTROLLER,
  reconcile: (view, key) => reconcileMirroring(view, key),
  watches: {
    // The Endpoints of a Service with a selector are the endpoint controller's: not mirrored (the
    // Service watch below catches a selector that comes or goes).
    Endpoints: (view, after, before) => {
      const o = (after ?? before)!;
      return view.get<Service>('Service', o.metadata.namespace ?? '', o.metadata.name)?.spec.selector !== undefined ? [] : [keyOf(o)];
    },
    // A selector added or removed decides whether the Endpoints are mirrored.
    Service: (_v, after, before) => {
      const a = after as Service | undefined, b = before as Service | undefined;
      return a === undefined || b === undefined || (a.spec.selector === undefined) !== (b.spec.selector === undefined) ? [keyOf((after ?? before)!)] : [];
    },
    EndpointSlice: (_v, after, before) => {
      const o = (after ?? before)!;
      const svc = o.metadata.labels?.[SERVICE_NAME_LABEL];
      return svc !== undefined && o.metadata.labels?.[MANAGED_BY_LABEL] === MIRRORING_MANAGED_BY ? [`${o.metadata.namespace ?? ''}/${svc}`] : [];
    },
  },
};
