// IPv4 addresses and CIDRs as unsigned 32-bit numbers: parse, format, contains, nth address.
// Small on purpose (no ipaddr.js dependency); IPv6 is out of scope: the simulated clusters are single-stack IPv4.

export interface Cidr {
  /** The network address (host bits cleared), as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
  /** The text as written, for messages. */
  readonly text: string;
}

/** Parses dotted-quad IPv4 (`10.96.0.1`); undefined when it is not one. Leading zeros are refused, as Go's netip does. */
export function parseIP(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

export function isIP(text: string): boolean {
  return parseIP(text) !== undefined;
}

export function formatIP(n: number): string {
  const u = n >>> 0;
  return `${u >>> 24}.${(u >>> 16) & 255}.${(u >>> 8) & 255}.${u & 255}`;
}

/** netmask of a prefix length, as an unsigned 32-bit number. */
function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses `a.b.c.d/n` the way netutils.ParseCIDRSloppy does (host bits may be set; they are
 * cleared in `base`). undefined when it is not a CIDR.
 */
export function parseCIDR(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (ip === undefined || !/^[0-9]{1,2}$/.test(bits)) return undefined;
  const prefix = Number(bits);
  if (prefix > 32) return undefined;
  return { base: (ip & maskOf(prefix)) >>> 0, prefix, text };
}

export function formatCIDR(c: Cidr): string {
  return `${formatIP(c.base)}/${c.prefix}`;
}

/** Number of addresses in the CIDR (netutils.RangeSize): 2^(32-prefix). */
export function cidrSize(c: Cidr): number {
  return 2 ** (32 - c.prefix);
}

export function cidrContains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base;
}

/** Convenience: does the CIDR text contain the IP text? false when either does not parse. */
export function contains(cidr: string, ip: string): boolean {
  const c = parseCIDR(cidr);
  const n = parseIP(ip);
  return c !== undefined && n !== undefined && cidrContains(c, n);
}

/** The n-th address of the CIDR (0 = the network address); undefined past its end (netutils.GetIndexedIP). */
export function nthIP(c: Cidr, n: number): number | undefined {
  if (n < 0 || n >= cidrSize(c)) return undefined;
  return (c.base + n) >>> 0;
}

/** Offset of an address inside the CIDR, or undefined when outside. */
export function offsetIn(c: Cidr, ip: number): number | undefined {
  return cidrContains(c, ip) ? ip - c.base : undefined;
}

/** Is `inner` a strict subset of `outer` (NetworkPolicy ipBlock.except rule)? */
export function strictSubset(inner: Cidr, outer: Cidr): boolean {
  return cidrContains(outer, inner.base) && outer.prefix < inner.prefix;
}

/** The message the API server gives for a legacy CIDR field that does not parse (IsValidCIDRForLegacyField). */
export const INVALID_CIDR_DETAIL = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
/** The message for an IP field that does not parse (IsValidIPForLegacyField). */
export const INVALID_IP_DETAIL = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** `d.c.b.a.in-addr.arpa`, the PTR owner name of an address. */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/**
 * Sorts items by an IP text exactly as `sort((x, y) => compareIP(ipOf(x), ipOf(y)) || tie(x, y))`
 * would, parsing each IP once instead of at every comparison. Sorts in place and returns the array.
 */
export function sortByIP<T>(items: T[], ipOf: (item: T) => string, tie?: (x: T, y: T) => number): T[] {
  const decorated = items.map((item) => { const ip = ipOf(item); return { item, ip, n: parseIP(ip) }; });
  decorated.sort((x, y) => {
    const c = x.n === undefined || y.n === undefined ? (x.ip < y.ip ? -1 : x.ip > y.ip ? 1 : 0) : x.n - y.n;
    return c || (tie === undefined ? 0 : tie(x.item, y.item));
  });
  for (let i = 0; i < decorated.length; i++) items[i] = decorated[i].item;
  return items;
}

/** Sorts IP texts numerically (for stable, human-expected orders). */
export function compareIP(a: string, b: string): number {
  const x = parseIP(a);
  const y = parseIP(b);
  if (x === undefined || y === undefined) return a < b ? -1 : a > b ? 1 : 0;
  return x - y;
}
