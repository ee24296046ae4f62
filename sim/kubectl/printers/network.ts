import type { KubeObject, LabelSelector } from '../../api/types';
import type { TableDef } from './columns';

// columns.ts merges NETWORK_TABLES into its table map at load, so this file reads columns.ts lazily.
const columns = (): typeof import('./columns') => require('./columns');
const age = (ts: string | undefined, nowMs: number) => columns().age(ts, nowMs);
const formatLabelSelector = (sel: LabelSelector) => columns().formatLabelSelector(sel);

// `kubectl get` columns of the network kinds (pkg/printers/internalversion/printers.go
// printEndpoints, printEndpointSlice, printNetworkPolicy). Service is in columns.ts.

interface Subset {
  readonly addresses?: readonly { readonly ip: string }[];
  readonly ports?: readonly { readonly port: number }[];
}

/** formatEndpoints(endpoints, nil): ready addresses × ports, at most 3, then " + N more..."; no subsets: <none>. */
export function formatEndpoints(subsets: readonly Subset[] | undefined): string {
  if (subsets === undefined || subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless Services may have no ports.
      count += addrs.length;
      for (const a of addrs) { if (list.length === max) { more = true; break; } list.push(a.ip); }
      continue;
    }
    for (const p of ports) {
      count += addrs.length;
      for (const a of addrs) { if (list.length === max) { more = true; break; } list.push(`${a.ip}:${p.port}`); }
    }
  }
  return more ? `${list.join(',')} + ${count - max} more...` : list.join(',');
}

/** listWithMoreString. */
function listWithMore(list: readonly string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** formatDiscoveryPorts. */
export function formatDiscoveryPorts(ports: readonly { readonly port?: number; readonly name?: string }[] | null | undefined): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < max) list.push(p.port !== undefined ? String(p.port) : p.name ? p.name : '*');
    else more = true;
    count++;
  }
  return listWithMore(list, more, count, max);
}

/** formatDiscoveryEndpoints: every address (ready or not), at most 3. */
export function formatDiscoveryEndpoints(endpoints: readonly { readonly addresses?: readonly string[] }[] | undefined): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < max) list.push(a);
      else more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, max);
}

const endpoints: TableDef = {
  columns: ['NAME', 'ENDPOINTS', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => [obj.metadata.name, formatEndpoints((obj as KubeObject & { subsets?: Subset[] }).subsets), age(obj.metadata.creationTimestamp, opts.nowMs)],
};

const endpointSlice: TableDef = {
  columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const s = obj as KubeObject & { addressType?: string; ports?: { port?: number; name?: string }[] | null; endpoints?: { addresses?: string[] }[] };
    return [s.metadata.name, s.addressType ?? '', formatDiscoveryPorts(s.ports), formatDiscoveryEndpoints(s.endpoints), age(s.metadata.creationTimestamp, opts.nowMs)];
  },
};

const networkPolicy: TableDef = {
  columns: ['NAME', 'POD-SELECTOR', 'AGE'],
  wideColumns: [],
  row: (obj, opts) => {
    const sel = ((obj.spec ?? {}) as { podSelector?: LabelSelector }).podSelector ?? {};
    return [obj.metadata.name, formatLabelSelector(sel), age(obj.metadata.creationTimestamp, opts.nowMs)];
  },
};

/** The network kinds' tables, merged into columns.ts's TABLES. */
export const NETWORK_TABLES: Readonly<Record<string, TableDef>> = { Endpoints: endpoints, EndpointSlice: endpointSlice, NetworkPolicy: networkPolicy };
