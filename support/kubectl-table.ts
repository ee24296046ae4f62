// Reads kubectl's table output (printers.NewTablePrinter over a tabwriter): a header line of
// upper-case column names separated by at least two spaces (a name may hold one space, as in
// NOMINATED NODE), then one row per object, each cell starting at its header's column.

export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly Readonly<Record<string, string>>[];
}

export function parseTable(text: string): Table | string {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return 'the output is empty, so it holds no table';
  const header = lines[0];
  const columns: string[] = [];
  const starts: number[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) { columns.push(m[0]); starts.push(m.index); }
  // Headers are upper case, but for units in parentheses: kubectl top's CPU(cores), MEMORY(bytes).
  if (columns.some((c) => c.replace(/\([a-z%]+\)/g, '') !== c.replace(/\([a-z%]+\)/g, '').toUpperCase())) return `the first output line is not a table header: ${header}`;
  const rows = lines.slice(1).map((line) => {
    const row: Record<string, string> = {};
    columns.forEach((c, i) => { row[c] = line.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined).trim(); });
    return row;
  });
  return { columns, rows };
}

/** Does every expected cell (a regex, anchored) match the row's cell in that column? */
export function rowMatches(row: Readonly<Record<string, string>>, expected: Readonly<Record<string, string>>): boolean {
  return Object.entries(expected).every(([col, pattern]) => row[col] !== undefined && new RegExp(`^(?:${pattern})$`).test(row[col]));
}

/**
 * Pairs each expected row with a distinct actual row it matches (first fit, in order), or returns
 * the first expected row left without a match.
 */
export function unmatchedRow(table: Table, expected: readonly Readonly<Record<string, string>>[]): Readonly<Record<string, string>> | undefined {
  const used = new Set<number>();
  for (const want of expected) {
    const i = table.rows.findIndex((row, j) => !used.has(j) && rowMatches(row, want));
    if (i < 0) return want;
    used.add(i);
  }
  return undefined;
}
