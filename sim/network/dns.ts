import type { Pod, Service } from '../api/types';
import type { ClusterView } from '../engine/types';
import type { StoreView } from '../store/store';
import { serviceBackends, type Backend } from './backends';
import { formatIP, isIP, parseIP } from './ip';
import { candidateNames, DEFAULT_DNS_SETTINGS, podResolvConf, type DnsSettings } from './resolv-conf';
import { allowed, enforcesPolicy } from './policy';
import { podIP } from './pod-ports';
import { serviceByIP } from './addresses';

// Cluster DNS as the Kubernetes DNS specification (kubernetes/dns docs/specification.md, schema
// 1.0.1) defines it and CoreDNS's kubernetes plugin answers it (kubeadm's Corefile: `pods insecure`),
// and a stub resolver that walks the Pod's search list with ndots.

export interface ARecordAnswer {
  readonly ips: readonly string[];
  /** ExternalName: the CNAME target (no trailing dot). */
  readonly cname?: string;
}
export interface SrvRecord { readonly priority: number; readonly weight: number; readonly port: number; readonly target: string }

export interface DnsOptions {
  readonly settings?: DnsSettings;
  /** Names outside the cluster domain: what the upstream resolvers answer (nothing by default). */
  readonly external?: (name: string) => readonly string[] | undefined;
}

const dashed = (ip: string) => ip.replace(/\./g, '-');

function splitZone(fqdn: string, zone: string, kind: 'svc' | 'pod'): string[] | undefined {
  const suffix = `.${kind}.${zone}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  return fqdn.slice(0, -suffix.length).split('.');
}

/** A headless Service's endpoints that DNS publishes: ready ones (publishNotReadyAddresses makes all ready). */
function dnsBackends(view: StoreView, svc: Service): Backend[] {
  const seen = new Set<string>();
  return serviceBackends(view, svc).filter((b) => b.ready && !seen.has(b.ip) && (seen.add(b.ip), true));
}

/** The endpoint's DNS label: its hostname, else the dashed IP (CoreDNS endpointHostname). */
function endpointLabel(b: Backend): string {
  return b.hostname ?? dashed(b.ip);
}

/**
 * Answers an A query for an absolute name (lower-cased, no trailing dot); undefined = NXDOMAIN.
 *
 * | name                                   | answer                                    |
 * |----------------------------------------|-------------------------------------------|
 * | web.default.svc.cluster.local          | ClusterIP; headless: each ready endpoint  |
 * | web-0.web.default.svc.cluster.local    | headless endpoint with hostname web-0     |
 * | 10-244-1-5.default.pod.cluster.local   | 10.244.1.5 (pods insecure)                |
 * | ext.default.svc.cluster.local          | CNAME <externalName>, then its addresses  |
 */
export function lookupA(view: StoreView, name: string, opts: DnsOptions = {}, depth = 0): ARecordAnswer | undefined {
  const fqdn = name.toLowerCase().replace(/\.$/, '');
  const zone = (opts.settings ?? DEFAULT_DNS_SETTINGS).clusterDomain;
  const svcLabels = splitZone(fqdn, zone, 'svc');
  if (svcLabels !== undefined) {
    if (svcLabels.length === 2) {
      const [svcName, ns] = svcLabels;
      const svc = view.get<Service>('Service', ns, svcName);
      if (svc === undefined) return undefined;
      if (svc.spec.type === 'ExternalName') {
        const target = (svc.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
        if (target === '') return undefined;
        const followed = depth < 8 ? lookupA(view, target, opts, depth + 1) : undefined;
        return { cname: target, ips: followed?.ips ?? [] };
      }
      const ip = svc.spec.clusterIP;
      if (ip === 'None') {
        const ips = dnsBackends(view, svc).map((b) => b.ip);
        return ips.length ? { ips } : undefined;
      }
      return ip && isIP(ip) ? { ips: [ip] } : undefined;
    }
    if (svcLabels.length === 3) {
      const [host, svcName, ns] = svcLabels;
      const svc = view.get<Service>('Service', ns, svcName);
      if (svc === undefined || svc.spec.clusterIP !== 'None') return undefined;
      const ips = dnsBackends(view, svc).filter((b) => endpointLabel(b) === host).map((b) => b.ip);
      return ips.length ? { ips } : undefined;
    }
    return undefined;
  }
  const podLabels = splitZone(fqdn, zone, 'pod');
  if (podLabels !== undefined) {
    if (podLabels.length !== 2) return undefined;
    const ip = podLabels[0].replace(/-/g, '.');
    return parseIP(ip) !== undefined ? { ips: [formatIP(parseIP(ip)!)] } : undefined;
  }
  if (fqdn === zone || fqdn.endsWith(`.${zone}`)) return undefined;
  const external = opts.external?.(fqdn);
  return external && external.length ? { ips: external } : undefined;
}

/** SRV `_<port>._<proto>.<svc>.<ns>.svc.<zone>`, named ports only; undefined = NXDOMAIN. */
export function lookupSRV(view: StoreView, name: string, opts: DnsOptions = {}): SrvRecord[] | undefined {
  const zone = (opts.settings ?? DEFAULT_DNS_SETTINGS).clusterDomain;
  const labels = splitZone(name.toLowerCase().replace(/\.$/, ''), zone, 'svc');
  if (labels === undefined || labels.length !== 4 || !labels[0].startsWith('_') || !labels[1].startsWith('_')) return undefined;
  const portName = labels[0].slice(1);
  const proto = labels[1].slice(1).toUpperCase();
  const [, , svcName, ns] = labels;
  const svc = view.get<Service>('Service', ns, svcName);
  const sp = svc?.spec.ports?.find((p) => p.name === portName && (p.protocol ?? 'TCP') === proto);
  if (svc === undefined || sp === undefined) return undefined;
  const svcFqdn = `${svcName}.${ns}.svc.${zone}`;
  if (svc.spec.clusterIP !== 'None') return [{ priority: 0, weight: 100, port: sp.port, target: svcFqdn }];
  const out: SrvRecord[] = [];
  for (const b of dnsBackends(view, svc)) {
    const p = b.ports.find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === proto);
    if (p !== undefined) out.push({ priority: 0, weight: 100, port: p.port, target: `${endpointLabel(b)}.${svcFqdn}` });
  }
  return out.length ? out : undefined;
}

/** PTR of an address: a Service's FQDN for its ClusterIP, `<hostname>.<svc>...` for a headless endpoint. O(services). */
export function lookupPTR(view: StoreView, ip: string, opts: DnsOptions = {}): string | undefined {
  const zone = (opts.settings ?? DEFAULT_DNS_SETTINGS).clusterDomain;
  let headless: string | undefined;
  for (const svc of view.list<Service>('Service')) {
    const fq = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
    if (svc.spec.clusterIP === ip) return fq;
    if (headless === undefined && svc.spec.clusterIP === 'None') {
      const b = dnsBackends(view, svc).find((x) => x.ip === ip);
      if (b !== undefined) headless = `${endpointLabel(b)}.${fq}`;
    }
  }
  return headless;
}

/** The Service whose ClusterIP this is, if any (address index, memoized per snapshot view). */
export function serviceByClusterIP(view: StoreView, ip: string): Service | undefined {
  return serviceByIP(view, ip);
}

export type ResolveResult =
  | { readonly result: 'ok'; readonly fqdn: string; readonly ips: readonly string[]; readonly cname?: string; readonly server: string }
  | { readonly result: 'nxdomain'; readonly name: string; readonly tried: readonly string[]; readonly server: string }
  | { readonly result: 'timeout'; readonly name: string; readonly reason: string; readonly server?: string };

/**
 * Can this Pod get an answer from the nameserver? A cluster DNS Service needs a ready backend the
 * Pod may reach on 53/UDP (NetworkPolicy egress, when the plugin enforces it); any other server is
 * the node's upstream, which only knows names outside the cluster.
 */
function nameserverKind(view: ClusterView, pod: Pod, server: string): 'cluster' | 'upstream' | 'unreachable' {
  const svc = serviceByClusterIP(view, server);
  if (svc === undefined) return 'upstream';
  const enforce = enforcesPolicy(view.config.network);
  for (const b of serviceBackends(view, svc)) {
    if (!b.ready) continue;
    if (!enforce) return 'cluster';
    const backendPod = b.pod ? view.get<Pod>('Pod', b.pod.namespace, b.pod.name) : undefined;
    const port = b.ports.find((p) => (p.protocol ?? 'TCP') === 'UDP')?.port ?? 53;
    if (allowed(view, pod, backendPod ?? { ip: b.ip }, port, 'UDP')) return 'cluster';
  }
  return 'unreachable';
}

/**
 * Resolves a name from a Pod as its resolver does: the resolv.conf of its dnsPolicy, the search
 * list and ndots (fewer than 5 dots: each search suffix first, then the name as is), first
 * nameserver that answers.
 */
export function resolve(view: ClusterView, fromPod: Pod, name: string, opts: DnsOptions = {}): ResolveResult {
  if (isIP(name)) return { result: 'ok', fqdn: name, ips: [name], server: '' };
  const conf = podResolvConf(fromPod, opts.settings);
  const tried = candidateNames(name, conf);
  for (const server of conf.nameservers) {
    const kind = nameserverKind(view, fromPod, server);
    if (kind === 'unreachable') continue;
    for (const fqdn of tried) {
      const answer = kind === 'cluster' ? lookupA(view, fqdn, opts) : upstream(fqdn, opts);
      if (answer !== undefined) return { result: 'ok', fqdn: fqdn.toLowerCase(), ips: answer.ips, ...(answer.cname ? { cname: answer.cname } : {}), server };
    }
    return { result: 'nxdomain', name, tried, server };
  }
  return { result: 'timeout', name, reason: 'connection timed out; no servers could be reached', ...(conf.nameservers[0] ? { server: conf.nameservers[0] } : {}) };
}

function upstream(fqdn: string, opts: DnsOptions): ARecordAnswer | undefined {
  const ips = opts.external?.(fqdn.toLowerCase());
  return ips && ips.length ? { ips } : undefined;
}

/** Every Pod's own A record name, `a-b-c-d.<ns>.pod.<zone>` (deprecated but required by the spec). */
export function podDnsName(pod: Pod, zone = DEFAULT_DNS_SETTINGS.clusterDomain): string | undefined {
  const ip = podIP(pod);
  return ip ? `${dashed(ip)}.${pod.metadata.namespace}.pod.${zone}` : undefined;
}
