// gosuri/uitable as Helm prints list and history: cells padded to the column width (long ones cut
// to width-3 + "..." when MaxColWidth is set), columns joined by a tab, rows by a newline.

export function uitable(rows: ReadonlyArray<readonly string[]>, maxColWidth = 0): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { const w = maxColWidth > 0 ? Math.min(c.length, maxColWidth) : c.length; widths[i] = Math.max(widths[i] ?? 0, w); });
  return rows.map((r) => r.map((c, i) => resize(c, widths[i])).join('\t')).join('\n');
}

/** strutil.Resize. */
function resize(s: string, w: number): string {
  if (s.length > w) return w > 3 ? `${s.slice(0, w - 3)}...` : s.slice(0, w);
  return s.padEnd(w, ' ');
}
