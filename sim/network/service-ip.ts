import type { Service } from '../api/types';
import { invalid, type FieldError } from '../api/field-errors';
import type { StoreView } from '../store/store';
import type { Rng } from '../engine/rng';
import { allocateBit, rangeOffset } from './bitmap-scan';
import { cidrContains, cidrSize, formatIP, INVALID_IP_DETAIL, parseCIDR, parseIP, type Cidr } from './ip';

// ClusterIP allocation as the API server's service REST does it (pkg/registry/core/service/storage
// alloc.go allocIPs + ipallocator bitmap.go). The allocation state is derived from the Services in
// the store (one pass, O(services)), so there is nothing to keep in step on delete.

/** kube-apiserver --service-cluster-ip-range, kubeadm's default. */
export const SERVICE_CIDR = '10.96.0.0/12';
/** The `kubernetes` Service in `default`: the first address of the range (controlplane.ServiceIPRange). */
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
/** kubeadm's cluster DNS address: the tenth address of the range (kube-dns Service, kubelet --cluster-dns). */
export const CLUSTER_DNS_IP = '10.96.0.10';

export type AllocationResult =
  | { readonly service: Service; readonly errors?: undefined }
  | { readonly service?: undefined; readonly errors: readonly FieldError[] };

/** The bitmap of ipallocator.Range: offsets 0..max-1 map to network+1..broadcast-1. */
interface IPRange { readonly cidr: Cidr; readonly base: number; readonly max: number; readonly offset: number }

function ipRange(text: string): IPRange {
  const cidr = parseCIDR(text);
  if (cidr === undefined) throw new Error(`service-ip: service CIDR ${JSON.stringify(text)} does not parse; this is a simulator bug`);
  const size = cidrSize(cidr);
  // IPv4 reserves the network and the broadcast address (ipallocator.NewAllocatorCIDRRange).
  const max = Math.max(0, size - 2);
  return { cidr, base: cidr.base + 1, max, offset: rangeOffset(size, 16, 16, 256) };
}

function isNone(ip: string | undefined): boolean {
  return ip === 'None';
}

/** The ClusterIPs other Services hold (the service itself excluded, so an update keeps its own). O(services). */
export function allocatedClusterIPs(view: StoreView, self?: Service): Set<number> {
  const used = new Set<number>();
  for (const s of view.list<Service>('Service')) {
    if (self !== undefined && s.metadata.name === self.metadata.name && s.metadata.namespace === self.metadata.namespace) continue;
    for (const ip of s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])) {
      const n = parseIP(ip);
      if (n !== undefined) used.add(n);
    }
  }
  return used;
}

export interface ClusterIPOptions {
  /** The stored Service on update; its ClusterIP is kept. */
  readonly old?: Service;
  /** --service-cluster-ip-range; default 10.96.0.0/12. */
  readonly serviceCIDR?: string;
}

/**
 * Gives a Service its ClusterIP: the requested one (spec.clusterIPs[0] or spec.clusterIP) when free
 * and in range, else a random free one from the upper band (10.96.1.1 and up; the static band
 * 10.96.0.1-10.96.1.0 is used only when the upper band is full). Headless (`None`) and
 * ExternalName Services get none. Errors are the API server's:
 * `spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated`.
 */
export function allocateClusterIP(view: StoreView, service: Service, rng: Rng, opts: ClusterIPOptions = {}): AllocationResult {
  const spec = service.spec;
  const old = opts.old;
  if (spec.type === 'ExternalName') {
    // dropTypeDependentFields: switching to ExternalName releases an unchanged ClusterIP.
    if (old?.spec.clusterIP !== undefined && (spec.clusterIP === undefined || spec.clusterIP === old.spec.clusterIP)) {
      const { clusterIP: _ip, clusterIPs: _ips, ipFamilies: _f, ipFamilyPolicy: _p, ...rest } = spec;
      return { service: { ...service, spec: rest as Service['spec'] } };
    }
    return { service };
  }
  let requested = spec.clusterIPs?.[0] ?? spec.clusterIP;
  if ((requested === undefined || requested === '') && old?.spec.clusterIP) requested = old.spec.clusterIP;
  if (isNone(requested)) return { service: withClusterIP(service, 'None') };
  if (old?.spec.clusterIP && requested === old.spec.clusterIP) return { service: withClusterIP(service, requested) };

  const range = ipRange(opts.serviceCIDR ?? SERVICE_CIDR);
  const used = allocatedClusterIPs(view, service);
  if (requested !== undefined && requested !== '') {
    const n = parseIP(requested);
    if (n === undefined) return { errors: [invalid('spec.clusterIPs[0]', requested, INVALID_IP_DETAIL)] };
    const at = n - range.base;
    if (!cidrContains(range.cidr, n) || at < 0 || at >= range.max) {
      return { errors: [failed(requested, `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${range.cidr.text}`)] };
    }
    if (used.has(n)) return { errors: [failed(requested, 'provided IP is already allocated')] };
    return { service: withClusterIP(service, requested) };
  }
  const at = allocateBit((i) => used.has(range.base + i), range.max, range.offset, rng);
  if (at === undefined) return { errors: [invalid('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')] };
  return { service: withClusterIP(service, formatIP(range.base + at)) };
}

function failed(ip: string, why: string): FieldError {
  return invalid('spec.clusterIPs', [ip], `failed to allocate IP ${ip}: ${why}`);
}

function withClusterIP(service: Service, ip: string): Service {
  return {
    ...service,
    spec: {
      ...service.spec,
      clusterIP: ip,
      clusterIPs: [ip],
      ipFamilies: service.spec.ipFamilies ?? ['IPv4'],
      ipFamilyPolicy: service.spec.ipFamilyPolicy ?? 'SingleStack',
    },
  };
}
