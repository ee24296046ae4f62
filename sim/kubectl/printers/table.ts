import type { KubeObject } from '../../api/types';
import { GET_TABWRITER, tabwrite } from '../tabwriter';
import { formatLabels, headerFor, tableFor, type PrintOptions } from './columns';

// One kubectl get table: header, rows, optional NAMESPACE column (-A), one column per label key
// (-L), LABELS column (--show-labels), and `kind/` name prefixes when several resource types are
// printed together (cli-runtime printers.decorateTable with WithKind / WithNamespace /
// ColumnLabels / ShowLabels).

export interface TableOptions extends PrintOptions {
  readonly withNamespace: boolean;
  readonly showLabels: boolean;
  /** -L/--label-columns: label keys, each a column after the kind's own (and wide) columns. */
  readonly labelColumns?: readonly string[];
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
    header.push(...labelHeaders(opts.labelColumns ?? []));
    if (opts.showLabels) header.push('LABELS');
    lines.push(header.join('\t'));
  }
  const def = tableFor(kind);
  for (const obj of objects) {
    const cells = [...def.row(obj, opts)];
    if (opts.kindPrefix !== undefined && kind !== 'Event') cells[0] = `${opts.kindPrefix}/${cells[0]}`;
    if (opts.withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    for (const key of opts.labelColumns ?? []) cells.push(obj.metadata.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

/** formatLabelHeaders: a label key's last `/`-separated part, upper-cased (app.kubernetes.io/name -> NAME). */
export function labelHeaders(keys: readonly string[]): string[] {
  return keys.map((k) => k.slice(k.lastIndexOf('/') + 1).toUpperCase());
}

export function renderTable(kind: string, objects: readonly KubeObject[], opts: TableOptions): string {
  return tabwrite(`${tableLines(kind, objects, opts).join('\n')}\n`, GET_TABWRITER);
}
