import type { Service, ServicePort } from '../api/types';
import { invalid, type FieldError } from '../api/field-errors';
import type { StoreView } from '../store/store';
import type { Rng } from '../engine/rng';
import { allocateBit, rangeOffset } from './bitmap-scan';
import type { AllocationResult } from './service-ip';

// NodePort allocation as the service REST does it (pkg/registry/core/service/storage/alloc.go
// initNodePorts / updateNodePorts, portallocator/allocator.go). State derives from the Services
// in the store, O(services).

export interface PortRange { readonly base: number; readonly size: number }
/** kube-apiserver --service-node-port-range default. */
export const NODE_PORT_RANGE: PortRange = { base: 30000, size: 2768 };

export function formatPortRange(r: PortRange): string {
  return `${r.base}-${r.base + r.size - 1}`;
}

/** Does the Service type need node ports (NodePort, or LoadBalancer unless allocateLoadBalancerNodePorts=false)? */
export function needsNodePorts(service: Service): boolean {
  if (service.spec.type === 'NodePort') return true;
  return service.spec.type === 'LoadBalancer' && service.spec.allocateLoadBalancerNodePorts !== false;
}

/** Node ports other Services hold, O(services). */
export function allocatedNodePorts(view: StoreView, self?: Service): Set<number> {
  const used = new Set<number>();
  for (const s of view.list<Service>('Service')) {
    if (self !== undefined && s.metadata.name === self.metadata.name && s.metadata.namespace === self.metadata.namespace) continue;
    for (const p of s.spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    const hc = s.spec.healthCheckNodePort;
    if (typeof hc === 'number' && hc > 0) used.add(hc);
  }
  return used;
}

export interface NodePortOptions {
  readonly old?: Service;
  readonly range?: PortRange;
}

/**
 * Fills in spec.ports[*].nodePort. A user-chosen port must be in range and free; otherwise a free
 * port is picked from the upper band (30086-32767) first. Ports of one Service with the same `port`
 * (TCP and UDP 53) share one node port. On update, a port that names no nodePort keeps the old
 * one of the same port name (patchAllocatedValues); switching to a type without node ports drops
 * unchanged ones (dropTypeDependentFields).
 */
export function allocateNodePorts(view: StoreView, service: Service, rng: Rng, opts: NodePortOptions = {}): AllocationResult {
  const range = opts.range ?? NODE_PORT_RANGE;
  const old = opts.old;
  const ports = service.spec.ports ?? [];
  const oldByName = new Map<string, number>();
  for (const p of old?.spec.ports ?? []) if (p.nodePort) oldByName.set(p.name ?? '', p.nodePort);
  const need = needsNodePorts(service);

  if (!need) {
    if (old === undefined || !ports.some((p) => p.nodePort !== undefined)) return { service };
    const kept = ports.map((p) => (p.nodePort !== undefined && oldByName.get(p.name ?? '') === p.nodePort ? withoutNodePort(p) : p));
    return { service: { ...service, spec: { ...service.spec, ports: kept } } };
  }

  const wanted = old !== undefined && needsNodePorts(old)
    ? ports.map((p) => (p.nodePort ? p : oldByName.has(p.name ?? '') ? { ...p, nodePort: oldByName.get(p.name ?? '') } : p))
    : ports;
  const used = allocatedNodePorts(view, service);
  const mine = new Set<number>();
  const byServicePort = new Map<number, number>();
  const out: ServicePort[] = [];
  const take = (i: number, np: number): FieldError | undefined => {
    if (np < range.base || np >= range.base + range.size) {
      return invalid(`spec.ports[${i}].nodePort`, np, `provided port is not in the valid range. The range of valid ports is ${formatPortRange(range)}`);
    }
    if (used.has(np) || mine.has(np)) return invalid(`spec.ports[${i}].nodePort`, np, 'provided port is already allocated');
    mine.add(np);
    return undefined;
  };
  for (let i = 0; i < wanted.length; i++) {
    const p = wanted[i];
    const shared = byServicePort.get(p.port);
    if (shared === undefined) {
      const requested = findRequestedNodePort(p.port, wanted, i);
      let np: number;
      if (requested !== 0) {
        const error = take(i, requested);
        if (error !== undefined) return { errors: [error] };
        np = requested;
      } else {
        const at = allocateBit((k) => used.has(range.base + k) || mine.has(range.base + k), range.size, rangeOffset(range.size, 16, 32, 128), rng);
        if (at === undefined) return { errors: [invalid(`spec.ports[${i}].nodePort`, 0, 'range is full')] };
        np = range.base + at;
        mine.add(np);
      }
      byServicePort.set(p.port, np);
      out.push({ ...p, nodePort: np });
    } else if (!p.nodePort || p.nodePort === shared) {
      out.push({ ...p, nodePort: shared });
    } else {
      const error = take(i, p.nodePort);
      if (error !== undefined) return { errors: [error] };
      out.push(p);
    }
  }
  return { service: { ...service, spec: { ...service.spec, ports: out } } };
}

/** findRequestedNodePort: the first user-given nodePort among ports (from `from` on) with this service port. */
function findRequestedNodePort(port: number, ports: readonly ServicePort[], from: number): number {
  for (let i = from; i < ports.length; i++) if (ports[i].port === port && ports[i].nodePort) return ports[i].nodePort!;
  return 0;
}

function withoutNodePort(p: ServicePort): ServicePort {
  const { nodePort: _np, ...rest } = p;
  return rest;
}
