import type { Service } from '../api/types';
import type { StoreView } from '../store/store';
import type { Rng } from '../engine/rng';
import { allocateClusterIP, type AllocationResult, type ClusterIPOptions } from './service-ip';
import { allocateNodePorts, type PortRange } from './node-port';

// The service REST's create/update allocation step (storage/alloc.go Allocator.allocateCreate /
// allocateUpdate): ClusterIP first, then node ports. Call it after defaulting and validation;
// on errors, store nothing.

export interface ServiceAllocationOptions extends ClusterIPOptions {
  readonly nodePortRange?: PortRange;
}

export function allocateServiceAddresses(view: StoreView, service: Service, rng: Rng, opts: ServiceAllocationOptions = {}): AllocationResult {
  const ip = allocateClusterIP(view, service, rng, opts);
  if (ip.errors !== undefined) return ip;
  return allocateNodePorts(view, ip.service, rng, { old: opts.old, range: opts.nodePortRange });
}
