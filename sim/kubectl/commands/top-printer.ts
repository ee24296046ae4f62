import type { ContainerUsage } from '../../metrics/usage';
import { GET_TABWRITER, tabwrite } from '../tabwriter';

// kubectl's TopCmdPrinter (staging/src/k8s.io/kubectl/pkg/metricsutil/metrics_printer.go): every
// value is printed followed by a tab (printValue "%v\t"), so every column, the last too, is padded
// by the tabwriter; CPU as "%vm" of Quantity.MilliValue(), memory as "%vMi" of Value()/(1024*1024),
// percentages as "%d%%" of int64(usage milli / available milli * 100).

export const NODE_COLUMNS = ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'] as const;
export const POD_COLUMNS = ['NAME', 'CPU(cores)', 'MEMORY(bytes)'] as const;
const UNKNOWN = '<unknown>';

export interface Available { readonly cpuMillis: number; readonly memoryBytes: number }

/** printSingleResourceUsage for cpu: Quantity.MilliValue() rounds up. */
export const cpuText = (millis: number): string => `${Math.ceil(millis - 1e-9)}m`;
/** printSingleResourceUsage for memory: whole MiB, truncated. */
export const memoryText = (bytes: number): string => `${Math.floor(Math.ceil(bytes) / (1024 * 1024))}Mi`;
/** int64(fraction) of a percentage; 0 when nothing is available. */
export const percentText = (usedMilli: number, availableMilli: number): string =>
  `${availableMilli === 0 ? 0 : Math.trunc((Math.ceil(usedMilli - 1e-9) / availableMilli) * 100)}%`;

export interface NodeRow { readonly name: string; readonly usage?: ContainerUsage; readonly available: Available }

/** PrintNodeMetrics: nodes with metrics (sorted), then nodes without as <unknown>. */
export function printNodes(rows: readonly NodeRow[], opts: { noHeaders: boolean; showSwap: boolean }): string {
  const lines: string[] = [];
  const cols = [...NODE_COLUMNS, ...(opts.showSwap ? ['SWAP(bytes)', 'SWAP(%)'] : [])];
  if (!opts.noHeaders) lines.push(cells(cols));
  for (const r of rows) {
    if (r.usage === undefined) {
      lines.push(cells([r.name, ...new Array(cols.length - 1).fill(UNKNOWN)]));
      continue;
    }
    const swap = opts.showSwap ? [UNKNOWN, UNKNOWN] : []; // RegisterMissingResource: the nodes report no swap capacity
    lines.push(cells([r.name, cpuText(r.usage.cpuMillis), percentText(r.usage.cpuMillis, r.available.cpuMillis),
      memoryText(r.usage.memoryBytes), percentText(r.usage.memoryBytes * 1000, r.available.memoryBytes * 1000), ...swap]));
  }
  return tabwrite(lines.join(''), GET_TABWRITER);
}

export interface PodRow {
  readonly namespace: string;
  readonly name: string;
  readonly containers: readonly { readonly name: string; readonly usage: ContainerUsage }[];
}

export interface PodPrintOptions { readonly containers: boolean; readonly withNamespace: boolean; readonly noHeaders: boolean; readonly sum: boolean; readonly showSwap: boolean }

/** PrintPodMetrics: one line per Pod (containers summed) or per container (--containers), then --sum. */
export function printPods(rows: readonly PodRow[], opts: PodPrintOptions): string {
  const lines: string[] = [];
  const podCols = [...POD_COLUMNS, ...(opts.showSwap ? ['SWAP(bytes)'] : [])];
  const prefix = [...(opts.withNamespace ? ['NAMESPACE'] : []), ...(opts.containers ? ['POD'] : [])];
  if (!opts.noHeaders) lines.push(cells([...prefix, ...podCols]));
  const usageCells = (u: ContainerUsage) => [cpuText(u.cpuMillis), memoryText(u.memoryBytes), ...(opts.showSwap ? ['0Mi'] : [])];
  let cpu = 0;
  let mem = 0;
  for (const r of rows) {
    const total = sum(r.containers.map((c) => c.usage));
    cpu += total.cpuMillis;
    mem += total.memoryBytes;
    if (opts.containers) {
      for (const c of r.containers) lines.push(cells([...(opts.withNamespace ? [r.namespace] : []), r.name, c.name, ...usageCells(c.usage)]));
    } else {
      lines.push(cells([...(opts.withNamespace ? [r.namespace] : []), r.name, ...usageCells(total)]));
    }
  }
  if (opts.sum) {
    // printPodResourcesSum: blank cells up to the usage columns, a rule, then the totals.
    const width = prefix.length + podCols.length;
    lines.push(cells([...new Array(width - 2).fill(''), '________', '________']));
    lines.push(cells([...new Array(width - 3).fill(''), '', ...usageCells({ cpuMillis: cpu, memoryBytes: mem })]));
  }
  return tabwrite(lines.join(''), GET_TABWRITER);
}

function sum(us: readonly ContainerUsage[]): ContainerUsage {
  return us.reduce((a, b) => ({ cpuMillis: a.cpuMillis + b.cpuMillis, memoryBytes: a.memoryBytes + b.memoryBytes }), { cpuMillis: 0, memoryBytes: 0 });
}

const cells = (values: readonly string[]): string => `${values.map((v) => `${v}\t`).join('')}\n`;
