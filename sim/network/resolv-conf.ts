import type { Pod } from '../api/types';
import { CLUSTER_DNS_IP } from './service-ip';

// kubelet pkg/kubelet/network/dns/dns.go GetPodDNS: a Pod's /etc/resolv.conf by dnsPolicy.

export const CLUSTER_DOMAIN = 'cluster.local';
/** kubelet's defaultDNSOptions for ClusterFirst Pods. */
export const DEFAULT_NDOTS = 5;
/** validation.MaxDNSSearchPaths / MaxDNSSearchListChars (v1.28+), and the resolver's 3 nameservers. */
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_NAMESERVERS = 3;

export interface ResolvConf {
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  readonly options: readonly string[];
}

/**
 * The node's resolv.conf the kubelet reads (--resolv-conf). The book's VirtualBox VMs resolve through
 * the NAT adapter's DNS proxy; a scenario can pass its own.
 */
export const DEFAULT_HOST_RESOLV_CONF: ResolvConf = { nameservers: ['10.0.2.3'], searches: [], options: [] };

export interface DnsSettings {
  readonly clusterDNS: readonly string[];
  readonly clusterDomain: string;
  readonly host: ResolvConf;
}
export const DEFAULT_DNS_SETTINGS: DnsSettings = { clusterDNS: [CLUSTER_DNS_IP], clusterDomain: CLUSTER_DOMAIN, host: DEFAULT_HOST_RESOLV_CONF };

interface PodDNSConfig {
  readonly nameservers?: readonly string[];
  readonly searches?: readonly string[];
  readonly options?: readonly { readonly name: string; readonly value?: string }[];
}

/** getPodDNSType: None, cluster (ClusterFirst, ClusterFirstWithHostNet) or host (Default; ClusterFirst with hostNetwork). */
export function podDNSType(pod: Pod): 'none' | 'cluster' | 'host' {
  switch (pod.spec.dnsPolicy ?? 'ClusterFirst') {
    case 'None': return 'none';
    case 'ClusterFirstWithHostNet': return 'cluster';
    case 'Default': return 'host';
    default: return pod.spec.hostNetwork ? 'host' : 'cluster';
  }
}

const omitDuplicates = (xs: readonly string[]) => [...new Set(xs)];

/** mergeDNSOptions: later options of the same name win; `name:value` or `name`. */
function mergeOptions(existing: readonly string[], extra: readonly { name: string; value?: string }[]): string[] {
  const byName = new Map<string, string>();
  for (const o of existing) byName.set(o.split(':')[0], o);
  for (const o of extra) byName.set(o.name, o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  return [...byName.values()];
}

/** GetPodDNS: servers, search list and options for the Pod. */
export function podResolvConf(pod: Pod, settings: DnsSettings = DEFAULT_DNS_SETTINGS): ResolvConf {
  const type = podDNSType(pod);
  let nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  if (type === 'host') {
    nameservers = [...settings.host.nameservers];
    searches = [...settings.host.searches];
    options = [...settings.host.options];
  } else if (type === 'cluster') {
    const d = settings.clusterDomain;
    nameservers = [...settings.clusterDNS];
    searches = omitDuplicates([`${pod.metadata.namespace ?? 'default'}.svc.${d}`, `svc.${d}`, d, ...settings.host.searches]);
    options = [`ndots:${DEFAULT_NDOTS}`];
  }
  const dnsConfig = (pod.spec as { dnsConfig?: PodDNSConfig }).dnsConfig;
  if (dnsConfig !== undefined) {
    nameservers = omitDuplicates([...nameservers, ...(dnsConfig.nameservers ?? [])]);
    searches = omitDuplicates([...searches, ...(dnsConfig.searches ?? [])]);
    options = mergeOptions(options, dnsConfig.options ?? []);
  }
  return { nameservers: nameservers.slice(0, MAX_NAMESERVERS), searches: trimSearches(searches), options };
}

/** dnsConfigurer.formDNSSearchFitsLimits: at most 32 domains and 2048 characters. */
function trimSearches(searches: readonly string[]): string[] {
  let out = searches.slice(0, MAX_SEARCH_PATHS);
  while (out.join(' ').length > MAX_SEARCH_CHARS) out = out.slice(0, -1);
  return out;
}

/** The file as the container runtime writes it: search, nameserver lines, options. */
export function formatResolvConf(c: ResolvConf): string {
  const lines: string[] = [];
  if (c.searches.length) lines.push(`search ${c.searches.join(' ')}`);
  for (const s of c.nameservers) lines.push(`nameserver ${s}`);
  if (c.options.length) lines.push(`options ${c.options.join(' ')}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** The ndots option in effect (resolver default 1 when absent). */
export function ndotsOf(c: ResolvConf): number {
  for (const o of c.options) {
    const m = /^ndots:(\d+)$/.exec(o);
    if (m) return Math.min(15, Number(m[1]));
  }
  return 1;
}

/** The names a stub resolver tries, in order (musl/glibc res_search with ndots). */
export function candidateNames(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.searches.map((s) => `${name}.${s}`);
  return dots >= ndotsOf(conf) ? [name, ...searched] : [...searched, name];
}
