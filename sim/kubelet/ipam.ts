// Pod IPs as the host-local IPAM plugin hands them out (flannel/calico/canal use it per node):
// sequential from the last allocated address, wrapping, skipping the network, gateway (.1) and
// broadcast addresses and any address a live Pod holds.

export function ipToInt(ip: string): number {
  // A dotted quad read digit by digit (every Pod's sandbox allocates one: no split/reduce garbage).
  let n = 0, octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) { n = n * 256 + octet; octet = 0; } else octet = octet * 10 + (c - 48);
  }
  return n * 256 + octet;
}

export function intToIp(n: number): string {
  // join: one flat string (a Pod's status and row keep its IP; a template of 13+ characters is a cons string).
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** A node's podCIDR, parsed once (there are as many as nodes). */
const ranges = new Map<string, { readonly first: number; readonly lastUsable: number }>();

function rangeOf(cidr: string): { readonly first: number; readonly lastUsable: number } {
  let r = ranges.get(cidr);
  if (r === undefined) {
    const [base, bitsText] = cidr.split('/');
    const size = 2 ** (32 - Number(bitsText));
    const network = ipToInt(base) - (ipToInt(base) % size);
    // .0 network, .1 the bridge gateway; broadcast excluded
    r = { first: network + 2, lastUsable: network + size - 2 };
    if (ranges.size > 100_000) ranges.clear();
    ranges.set(cidr, r);
  }
  return r;
}

/** The next free address of `cidr` after `last` (host-local's allocator). Undefined when the range is full. */
export function allocateIp(cidr: string, last: string | undefined, used: { has(ip: string): boolean }): string | undefined {
  const { first, lastUsable } = rangeOf(cidr);
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
