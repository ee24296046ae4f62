// Go's text/tabwriter, which lays out every table kubectl prints. Cells end at a tab; the text
// after a line's last tab is not part of any column. A column block is a run of consecutive lines
// that have a cell in that column; each block is as wide as its widest cell plus padding.
//
// kubectl get:      tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)  (printers.GetNewTabWriter)
// kubectl describe: tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)  (describe.tabbedString)

export interface TabwriterOptions {
  readonly minWidth: number;
  readonly padding: number;
}

export const GET_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/**
 * Formats text the way a Go tabwriter flushes it. `maxWidths`, when given, is the writer's memory of
 * column widths from earlier flushes (liggitt/tabwriter's RememberWidths flag, which kubectl's
 * printers.GetNewTabWriter sets): a column is never narrower than before, and the memory grows.
 */
export function tabwrite(text: string, opts: TabwriterOptions, maxWidths?: number[]): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = new Array(lines.length).fill('');

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        s += cell;
        if (j < widths.length && j < cells.length - 1) s += ' '.repeat(Math.max(0, widths[j] - width(cell)));
      }
      out[i] = s;
    }
  };

  // text/tabwriter (*Writer).format, recursive over columns.
  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let w = opts.minWidth;
      for (; current < line1; current++) {
        const cells = lines[current];
        if (column >= cells.length - 1) break;
        w = Math.max(w, width(cells[column]) + opts.padding);
      }
      if (maxWidths !== undefined) {
        if (maxWidths.length < widths.length) maxWidths.push(...widths.slice(maxWidths.length));
        if (maxWidths.length === widths.length) maxWidths.push(w);
        else if (maxWidths[widths.length] > w) w = maxWidths[widths.length];
        else maxWidths[widths.length] = w;
      }
      widths.push(w);
      format(line0, current);
      widths.pop();
      line0 = current; // line `current` has no cell in this column; the loop's increment skips it
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** One tabwriter flushed several times (kubectl get --watch): widths are remembered between flushes. */
export class RememberingTabwriter {
  private readonly maxWidths: number[] = [];
  constructor(private readonly opts: TabwriterOptions) {}
  /** Tab-separated lines, formatted as one flush. */
  flush(lines: readonly string[]): string {
    return lines.length === 0 ? '' : tabwrite(`${lines.join('\n')}\n`, this.opts, this.maxWidths);
  }
}

/** Width in runes, as utf8.RuneCount. */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}
