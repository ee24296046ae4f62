// Pod IPs as the host-local IPAM plugin hands them out (flannel/calico/canal use it per node):
// sequential from the last allocated address, wrapping, skipping the network, gateway (.1) and
// broadcast addresses and any address a live Pod holds.

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The next free address of `cidr` after `last` (host-local's allocator). Undefined when the range is full. */
export function allocateIp(cidr: string, last: string | undefined, used: { has(ip: string): boolean }): string | undefined {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const network = ipToInt(base) - (ipToInt(base) % size);
  const first = network + 2; // .0 network, .1 the bridge gateway
  const lastUsable = network + size - 2; // broadcast excluded
  if (lastUsable < first) return undefined;
  const count = lastUsable - first + 1;
  let start = last !== undefined ? ipToInt(last) + 1 : first;
  if (start < first || start > lastUsable) start = first;
  for (let i = 0; i < count; i++) {
    const candidate = intToIp(first + ((start - first + i) % count));
    if (!used.has(candidate)) return candidate;
  }
  return undefined;
}
