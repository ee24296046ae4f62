import { formatIP, nthIP, parseCIDR, parseIP } from './ip';

// The CNI host-local IPAM flannel and canal use (containernetworking/plugins
// plugins/ipam/host-local/backend/allocator): a Pod gets the next free address of its node's
// podCIDR after the last one handed out (skipping the network address and the .1 gateway),
// wrapping around; so a recreated Pod gets a fresh IP. Pure: the caller keeps `lastAllocated`
// (host-local keeps it on disk as last_reserved_ip.0) and passes the addresses in use.

export interface PodIPResult { readonly ip?: string; readonly error?: string }

/**
 * | podCIDR       | used               | lastAllocated | result      |
 * |---------------|--------------------|---------------|-------------|
 * | 10.244.1.0/24 | {}                 | -             | 10.244.1.2  |
 * | 10.244.1.0/24 | {10.244.1.2}       | 10.244.1.2    | 10.244.1.3  |
 * | 10.244.1.0/24 | {}                 | 10.244.1.3    | 10.244.1.4 (fresh, not .2) |
 * | 10.244.1.0/24 | {}                 | 10.244.1.254  | 10.244.1.2 (wraps) |
 */
export function allocatePodIP(podCIDR: string, used: ReadonlySet<string>, lastAllocated?: string): PodIPResult {
  const cidr = parseCIDR(podCIDR);
  if (cidr === undefined) return { error: `invalid podCIDR ${JSON.stringify(podCIDR)}` };
  const size = 2 ** (32 - cidr.prefix);
  // usable: .2 .. broadcast-1 (.0 network, .1 the cni0 gateway, last broadcast)
  const first = 2;
  const last = size - 2;
  if (last < first) return { error: `podCIDR ${podCIDR} has no room for Pods` };
  const count = last - first + 1;
  const lastN = lastAllocated !== undefined ? parseIP(lastAllocated) : undefined;
  const lastOffset = lastN !== undefined && lastN - cidr.base >= first && lastN - cidr.base <= last ? lastN - cidr.base : first - 1;
  for (let k = 1; k <= count; k++) {
    const offset = first + ((lastOffset - first + k) % count + count) % count;
    const ip = formatIP(nthIP(cidr, offset)!);
    if (!used.has(ip)) return { ip };
  }
  return { error: `failed to allocate for range 0: no IP addresses available in range set: ${formatIP(cidr.base + first)}-${formatIP(cidr.base + last)}` };
}
