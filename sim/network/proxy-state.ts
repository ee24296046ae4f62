import type { Change } from '../engine/types';

// kube-proxy's memory, kept in the cluster's `proxy` runtime table: one row per node and virtual
// service, because each node's kernel holds its own rules (IPVS schedulers, iptables `recent`
// lists). Rows are written through ProxyState, an immutable overlay over the table, so a run of
// connections sees its own earlier choices and the caller applies the rows it wrote in one go.

/** A client's ClientIP affinity: the endpoint it was sent to and when it last opened a connection. */
export interface AffinityEntry { readonly ip: string; readonly port: number; readonly lastMs: number }

export interface ProxyRow {
  /** IPVS rr: the real server (ip:port) the scheduler picked last (ip_vs_rr's svc->sched_data). */
  readonly last?: string;
  /** sessionAffinity ClientIP by client IP (iptables `-m recent --set`, IPVS persistence templates). */
  readonly clients?: Readonly<Record<string, AffinityEntry>>;
}

/** A runtime-table change of the proxy table (what connect() leaves for the caller to apply). */
export type ProxyChange = Extract<Change, { verb: 'runtime' }>;

/**
 * The row of a virtual service on a node: `<node>|ipvs|<vip>:<port>/<protocol>` (IPVS keeps one
 * scheduler per virtual server: the ClusterIP and each nodeIP:nodePort apart), or
 * `<node>|iptables|<ns>/<service>:<port name or number>/<protocol>` (the KUBE-SVC chain that the
 * ClusterIP, NodePort and load-balancer rules all jump to).
 */
export function proxyRowKey(node: string, mode: 'iptables' | 'ipvs', virtualService: string): string {
  return `${node}|${mode}|${virtualService}`;
}

function asRow(value: unknown): ProxyRow | undefined {
  return typeof value === 'object' && value !== null ? value as ProxyRow : undefined;
}

export class ProxyState {
  private constructor(
    private readonly base: ReadonlyMap<string, unknown>,
    private readonly written: ReadonlyMap<string, ProxyRow | undefined>,
  ) {}

  /** The state a cluster's proxy table holds (view.table('proxy')). */
  static of(table: ReadonlyMap<string, unknown>): ProxyState {
    return new ProxyState(table, new Map());
  }

  row(key: string): ProxyRow | undefined {
    return this.written.has(key) ? this.written.get(key) : asRow(this.base.get(key));
  }

  /** A new state with `key` set (undefined clears it); only the rows written so far are copied. */
  with(key: string, row: ProxyRow | undefined): ProxyState {
    const written = new Map(this.written);
    written.set(key, row);
    return new ProxyState(this.base, written);
  }

  /** The runtime-table changes that turn the table this state started from into this state. */
  changes(): ProxyChange[] {
    const out: ProxyChange[] = [];
    for (const [key, value] of this.written) if (value !== this.base.get(key)) out.push({ verb: 'runtime', table: 'proxy', key, value });
    return out;
  }
}

export const EMPTY_PROXY_STATE: ProxyState = ProxyState.of(new Map());
