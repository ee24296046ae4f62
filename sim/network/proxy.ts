import type { Service, ServicePort } from '../api/types';
import type { Rng } from '../engine/rng';
import { backendPort, type Backend } from './backends';

// kube-proxy's choice of a backend for a Service port (pkg/proxy/iptables/proxier.go,
// pkg/proxy/ipvs, pkg/proxy/topology.go CategorizeEndpoints). Pure: randomness comes from the
// caller's Rng, round-robin counters and ClientIP affinity from the caller's ProxyState.

export type ProxyMode = 'iptables' | 'ipvs';

export interface AffinityEntry { readonly ip: string; readonly port: number; readonly lastMs: number }
export interface ProxyState {
  /** IPVS rr: next index per service port. */
  readonly rr: ReadonlyMap<string, number>;
  /** sessionAffinity ClientIP (iptables `-m recent`, IPVS persistence): per service port and client IP. */
  readonly affinity: ReadonlyMap<string, AffinityEntry>;
}
export const EMPTY_PROXY_STATE: ProxyState = { rr: new Map(), affinity: new Map() };

/** ClientIP affinity timeout default (SetDefaults_Service: 10800 s). */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10800;

export interface ServiceEndpoint { readonly ip: string; readonly port: number; readonly backend: Backend }

/**
 * The endpoints traffic may go to for a Service port: the ready ones; when there are none, the
 * serving-and-terminating ones (CategorizeEndpoints). Sorted by ip:port, as kube-proxy's endpoint
 * list is. Endpoints lacking the port (named targetPort the Pod does not have) are left out.
 */
export function usableEndpoints(backends: readonly Backend[], sp: Pick<ServicePort, 'name' | 'protocol'>, node?: string): ServiceEndpoint[] {
  const withPort = (bs: readonly Backend[]) => {
    const out: ServiceEndpoint[] = [];
    const seen = new Set<string>();
    for (const b of bs) {
      if (node !== undefined && b.nodeName !== node) continue;
      const port = backendPort(b, sp.name, sp.protocol ?? 'TCP');
      if (port === undefined || seen.has(`${b.ip}:${port}`)) continue;
      seen.add(`${b.ip}:${port}`);
      out.push({ ip: b.ip, port, backend: b });
    }
    return out.sort((x, y) => (`${x.ip}:${x.port}` < `${y.ip}:${y.port}` ? -1 : 1));
  };
  const ready = withPort(backends.filter((b) => b.ready));
  if (ready.length > 0) return ready;
  return withPort(backends.filter((b) => b.serving && b.terminating));
}

/** The `--probability` of each rule of a KUBE-SVC chain, as iptables-save prints it (the last rule has none). */
export function chainProbabilities(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n - 1; i++) out.push((1 / (n - i)).toFixed(10));
  return out;
}

/** Walks the KUBE-SVC chain: rule i jumps with probability 1/(n-i); the last always does. */
export function pickIptables(n: number, rng: Rng): number {
  for (let i = 0; i < n - 1; i++) if (rng.next() < 1 / (n - i)) return i;
  return n - 1;
}

function portKey(svc: Service, sp: Pick<ServicePort, 'name' | 'port' | 'protocol'>): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}:${sp.name ?? sp.port}/${sp.protocol ?? 'TCP'}`;
}

export interface Choice { readonly endpoint: ServiceEndpoint | undefined; readonly state: ProxyState }

/**
 * Picks the endpoint for one new connection: a live ClientIP affinity entry first, else the
 * iptables probability chain (seeded Rng) or IPVS round robin. endpoint undefined when there is
 * none (kube-proxy installs a REJECT rule: the client sees "connection refused").
 */
export function chooseEndpoint(
  svc: Service, sp: Pick<ServicePort, 'name' | 'port' | 'protocol'>, endpoints: readonly ServiceEndpoint[],
  ctx: { readonly rng: Rng; readonly state: ProxyState; readonly mode: ProxyMode; readonly clientIP: string; readonly nowMs: number },
): Choice {
  const { state } = ctx;
  if (endpoints.length === 0) return { endpoint: undefined, state };
  const key = portKey(svc, sp);
  const affinity = svc.spec.sessionAffinity === 'ClientIP';
  const affinityKey = `${key}|${ctx.clientIP}`;
  if (affinity) {
    const cfg = svc.spec.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
    const timeoutMs = (cfg?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS) * 1000;
    const entry = state.affinity.get(affinityKey);
    if (entry !== undefined && ctx.nowMs - entry.lastMs <= timeoutMs) {
      const again = endpoints.find((e) => e.ip === entry.ip && e.port === entry.port);
      if (again !== undefined) return { endpoint: again, state: remember(state, affinityKey, again, ctx.nowMs) };
    }
  }
  let index: number;
  let next = state;
  if (ctx.mode === 'ipvs') {
    const at = state.rr.get(key) ?? 0;
    index = at % endpoints.length;
    const rr = new Map(state.rr);
    rr.set(key, (index + 1) % endpoints.length);
    next = { ...state, rr };
  } else {
    index = pickIptables(endpoints.length, ctx.rng);
  }
  const endpoint = endpoints[index];
  return { endpoint, state: affinity ? remember(next, affinityKey, endpoint, ctx.nowMs) : next };
}

function remember(state: ProxyState, key: string, e: ServiceEndpoint, nowMs: number): ProxyState {
  const affinity = new Map(state.affinity);
  affinity.set(key, { ip: e.ip, port: e.port, lastMs: nowMs });
  return { ...state, affinity };
}
