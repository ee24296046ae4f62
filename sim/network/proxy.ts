import type { Service, ServicePort } from '../api/types';
import type { ProxyMode } from '../engine/types';
import type { Rng } from '../engine/rng';
import { backendPort, type Backend } from './backends';
import { proxyRowKey, type AffinityEntry, type ProxyRow, type ProxyState } from './proxy-state';

// kube-proxy's choice of a backend for a Service port (pkg/proxy/iptables/proxier.go,
// pkg/proxy/ipvs, pkg/proxy/topology.go CategorizeEndpoints). Pure: randomness comes from the
// caller's Rng; round-robin cursors and ClientIP affinity from a ProxyState over the cluster's
// `proxy` table, returned updated for the caller to apply.

export type { ProxyMode } from '../engine/types';
export { EMPTY_PROXY_STATE, ProxyState } from './proxy-state';

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

/** The KUBE-SVC chain of a Service port: `ns/name:port name (or number)/protocol`. */
function chainName(svc: Service, sp: Pick<ServicePort, 'name' | 'port' | 'protocol'>): string {
  return `${svc.metadata.namespace}/${svc.metadata.name}:${sp.name || sp.port}/${sp.protocol ?? 'TCP'}`;
}

export interface Choice { readonly endpoint: ServiceEndpoint | undefined; readonly state: ProxyState }

export interface ProxyContext {
  readonly rng: Rng;
  readonly state: ProxyState;
  readonly mode: ProxyMode;
  /** The node whose kube-proxy rules handle the connection. */
  readonly node: string;
  /** The virtual server dialled (`vip:port/protocol`): IPVS schedules each one apart. */
  readonly virtualServer: string;
  readonly clientIP: string;
  readonly nowMs: number;
}

/** sessionAffinityConfig.clientIP.timeoutSeconds, defaulted (SetDefaults_Service). */
export function affinityTimeoutMs(svc: Service): number {
  const cfg = svc.spec.sessionAffinityConfig as { clientIP?: { timeoutSeconds?: number } } | undefined;
  return (cfg?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT_SECONDS) * 1000;
}

const destKey = (e: { readonly ip: string; readonly port: number }) => `${e.ip}:${e.port}`;

/**
 * ip_vs_rr_schedule: the real server after the one picked last, in the service's destination list,
 * wrapping; the first one when nothing was picked yet (sched_data starts at the list head). When the
 * last one was removed, ip_vs_rr_del_dest steps back, so the turn goes on at the one after it.
 * kube-proxy adds real servers in a set's unsorted order (syncEndpoint); here the list is in
 * usableEndpoints' ip:port order, so every run takes the same turn.
 *
 * | endpoints (ip:port order) | last        | next |
 * |---------------------------|-------------|------|
 * | a b c                     | none        | a    |
 * | a b c                     | b           | c    |
 * | a b c                     | c           | a    |
 * | a c  (b was removed)      | b           | c    |
 */
export function nextRoundRobin(endpoints: readonly ServiceEndpoint[], last: string | undefined): number {
  if (last === undefined) return 0;
  const i = endpoints.findIndex((e) => destKey(e) > last);
  return i < 0 ? 0 : i;
}

/**
 * Picks the endpoint for one new connection: a live ClientIP affinity entry first (iptables
 * `-m recent --rcheck --seconds timeout --reap`; IPVS persistence with the same timeout), else the
 * iptables probability chain (seeded Rng) or IPVS round robin. endpoint undefined when there is
 * none (kube-proxy installs a REJECT rule: the client sees "connection refused"). The returned
 * state holds the node's new row for this service (rr cursor, affinity entry).
 */
export function chooseEndpoint(
  svc: Service, sp: Pick<ServicePort, 'name' | 'port' | 'protocol'>, endpoints: readonly ServiceEndpoint[], ctx: ProxyContext,
): Choice {
  const { state } = ctx;
  if (endpoints.length === 0) return { endpoint: undefined, state };
  const affinity = svc.spec.sessionAffinity === 'ClientIP';
  // iptables without affinity keeps no state: the chain is stateless.
  if (ctx.mode === 'iptables' && !affinity) return { endpoint: endpoints[pickIptables(endpoints.length, ctx.rng)], state };
  const key = proxyRowKey(ctx.node, ctx.mode, ctx.mode === 'ipvs' ? ctx.virtualServer : chainName(svc, sp));
  const row = state.row(key);
  const timeoutMs = affinityTimeoutMs(svc);
  if (affinity) {
    const entry = row?.clients?.[ctx.clientIP];
    if (entry !== undefined && ctx.nowMs - entry.lastMs <= timeoutMs) {
      const again = endpoints.find((e) => e.ip === entry.ip && e.port === entry.port);
      if (again !== undefined) return { endpoint: again, state: state.with(key, remember(row, ctx.clientIP, again, ctx.nowMs, timeoutMs)) };
    }
  }
  let endpoint: ServiceEndpoint;
  let next = row;
  if (ctx.mode === 'ipvs') {
    endpoint = endpoints[nextRoundRobin(endpoints, row?.last)];
    next = { ...row, last: destKey(endpoint) };
  } else {
    endpoint = endpoints[pickIptables(endpoints.length, ctx.rng)];
  }
  if (affinity) next = remember(next, ctx.clientIP, endpoint, ctx.nowMs, timeoutMs);
  return { endpoint, state: next === row ? state : state.with(key, next) };
}

/** Records the client's endpoint now (`-m recent --set`), reaping the row's expired entries. */
function remember(row: ProxyRow | undefined, clientIP: string, e: ServiceEndpoint, nowMs: number, timeoutMs: number): ProxyRow {
  const clients: Record<string, AffinityEntry> = {};
  for (const [ip, entry] of Object.entries(row?.clients ?? {})) if (nowMs - entry.lastMs <= timeoutMs) clients[ip] = entry;
  clients[clientIP] = { ip: e.ip, port: e.port, lastMs: nowMs };
  return { ...row, clients };
}
