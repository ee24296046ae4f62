import type { KubeObject } from '../../api/types';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { formatLabels, headerFor, tableFor, type PrintOptions } from './columns';

// One kubectl get table: header, rows, optional NAMESPACE column (-A), LABELS column
// (--show-labels), and `kind/` name prefixes when several resource types are printed together
// (printers.HumanReadablePrinter with WithKind / WithNamespace / ShowLabels).

export interface TableOptions extends PrintOptions {
  readonly withNamespace: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
  /** `deployment.apps` when names print as `deployment.apps/nginx`; undefined for plain names. */
  readonly kindPrefix?: string;
}

/** Tab-separated lines (header first unless noHeaders); pass through tabwrite to align. */
export function tableLines(kind: string, objects: readonly KubeObject[], opts: TableOptions): string[] {
  const lines: string[] = [];
  if (!opts.noHeaders) {
    const header = [...headerFor(kind, opts.wide)];
    if (opts.withNamespace) header.unshift('NAMESPACE');
    if (opts.showLabels) header.push('LABELS');
    lines.push(header.join('\t'));
  }
  const def = tableFor(kind);
  for (const obj of objects) {
    const cells = [...def.row(obj, opts)];
    if (opts.kindPrefix !== undefined && kind !== 'Event') cells[0] = `${opts.kindPrefix}/${cells[0]}`;
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

export function renderTable(kind: string, objects: readonly KubeObject[], opts: TableOptions): string {
  return tabwrite(`${tableLines(kind, objects, opts).join('\n')}\n`, GET_TABWRITER);
}
