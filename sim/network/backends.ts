import type { Service } from '../api/types';
import type { StoreView } from '../store/store';
import type { EndpointPort, Endpoints } from './endpoints';
import { SERVICE_NAME_LABEL, type EndpointSlice } from './endpoint-slices';
import { sortByIP } from './ip';

// What kube-proxy and CoreDNS see of a Service's endpoints: its EndpointSlices when there are
// any (what both read since v1.21/1.19), else its Endpoints object (selector-less Services whose
// user wrote only Endpoints; the mirroring controller would copy them into slices).

export interface Backend {
  readonly ip: string;
  readonly ports: readonly EndpointPort[];
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly pod?: { readonly namespace: string; readonly name: string };
}

export function serviceBackends(view: StoreView, svc: Service): Backend[] {
  const ns = svc.metadata.namespace ?? '';
  // Slices owned by an older Service of the same name (awaiting the garbage collector) do not count.
  const slices = view.select<EndpointSlice>('EndpointSlice', ns, { matchLabels: { [SERVICE_NAME_LABEL]: svc.metadata.name } })
    .filter((s) => (s.metadata.ownerReferences ?? []).every((o) => o.kind !== 'Service' || o.uid === svc.metadata.uid));
  const out: Backend[] = [];
  if (slices.length > 0) {
    for (const s of slices) {
      if (s.addressType !== 'IPv4') continue;
      for (const e of s.endpoints ?? []) {
        const c = e.conditions ?? {};
        // EndpointConditions: nil ready means ready; nil serving follows ready.
        const ready = c.ready !== false;
        for (const ip of e.addresses ?? []) {
          out.push({
            ip, ports: s.ports ?? [], ready, serving: c.serving ?? ready, terminating: c.terminating === true,
            ...(e.hostname ? { hostname: e.hostname } : {}), ...(e.nodeName ? { nodeName: e.nodeName } : {}),
            ...(e.targetRef ? { pod: { namespace: e.targetRef.namespace ?? ns, name: e.targetRef.name } } : {}),
          });
        }
      }
    }
  } else {
    const ep = view.get<Endpoints>('Endpoints', ns, svc.metadata.name);
    for (const subset of ep?.subsets ?? []) {
      for (const [list, ready] of [[subset.addresses, true], [subset.notReadyAddresses, false]] as const) {
        for (const a of list ?? []) {
          out.push({
            ip: a.ip, ports: subset.ports ?? [], ready, serving: ready, terminating: false,
            ...(a.hostname ? { hostname: a.hostname } : {}), ...(a.nodeName ? { nodeName: a.nodeName } : {}),
            ...(a.targetRef ? { pod: { namespace: a.targetRef.namespace ?? ns, name: a.targetRef.name } } : {}),
          });
        }
      }
    }
  }
  return sortByIP(out, (b) => b.ip);
}

/** The endpoint port for a Service port (matched by name, as kube-proxy does), or undefined. */
export function backendPort(b: Backend, portName: string | undefined, protocol: string): number | undefined {
  for (const p of b.ports) if ((p.name ?? '') === (portName ?? '') && (p.protocol ?? 'TCP') === protocol) return p.port;
  return undefined;
}
