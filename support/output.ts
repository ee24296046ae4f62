import { parseTable, unmatchedRow } from './kubectl-table';
import { containsText, lastOutput, assertOutputReadable } from './outcomes';
import type { SimWorld } from './world';

// Output assertions over the last command's stdout. Each also requires that the command succeeded,
// so an error can never pass for an empty table.

export type TextCheck = 'contains' | 'lacks' | 'is' | 'line' | 'no-line';

/** The last command's stderr contains `text` (kubectl's notes, e.g. "No resources found"), whatever its exit code. */
export function expectErrorOutput(world: SimWorld, written: string): void {
  const text = world.resolve(written);
  const last = world.lastCommand;
  if (last === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  if (!containsText(last.stderr, text)) throw new Error(`Expected the error output of "${last.line}" to contain:\n${text}\nbut it was:\n${last.stderr || '(empty)'}\n${world.replayHint()}`);
  if (last.exitCode !== 0) world.verifyFailure();
}

/** The last command wrote nothing to stderr (no warning, no error). */
export function expectNoErrorOutput(world: SimWorld): void {
  const last = world.lastCommand;
  if (last === undefined) throw new Error('no command has run yet: use When I run "kubectl ..." first');
  if (last.stderr !== '') throw new Error(`Expected "${last.line}" to write nothing to the error output, but it wrote:\n${last.stderr}\n${world.replayHint()}`);
}

export function expectOutput(world: SimWorld, how: TextCheck, written: string): void {
  assertOutputReadable(world);
  const text = world.resolve(written);
  const out = lastOutput(world);
  const lines = out.split('\n');
  const ok = how === 'contains' ? containsText(out, text)
    : how === 'lacks' ? !containsText(out, text)
    : how === 'is' ? out.trimEnd() === text.trimEnd()
    : how === 'line' ? lines.some((l) => new RegExp(text).test(l))
    : !lines.some((l) => new RegExp(text).test(l));
  const wanted = { contains: 'to contain', lacks: 'not to contain', is: 'to be', line: 'to have a line matching', 'no-line': 'to have no line matching' }[how];
  if (!ok) throw new Error(`Expected the output of "${world.lastCommand!.line}" ${wanted}:\n${text}\nbut it was:\n${out || '(empty)'}\n${world.replayHint()}`);
}

export interface TableExpectation {
  readonly columns?: readonly string[];
  readonly rowCount?: number;
  readonly rows?: readonly Record<string, string>[];
  /** rows: the table has exactly these rows (in any order), not merely contains them. */
  readonly exact?: boolean;
}

export function expectTable(world: SimWorld, want: TableExpectation): void {
  assertOutputReadable(world);
  const out = lastOutput(world);
  const table = parseTable(out);
  const fail = (why: string) => { throw new Error(`Expected the output of "${world.lastCommand!.line}" ${why}, but it was:\n${out || '(empty)'}\n${world.replayHint()}`); };
  if (typeof table === 'string') return fail(`to be a table (${table})`);
  if (want.columns !== undefined && table.columns.join('|') !== want.columns.map((c) => c.trim()).join('|')) {
    fail(`to have the columns ${want.columns.join(', ')} (it has ${table.columns.join(', ')})`);
  }
  if (want.rowCount !== undefined && table.rows.length !== want.rowCount) fail(`to have ${want.rowCount} row(s) (it has ${table.rows.length})`);
  if (want.rows !== undefined) {
    const rows = want.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, world.resolve(v)])));
    const missing = unmatchedRow(table, rows);
    if (missing !== undefined) fail(`to have a row matching ${JSON.stringify(missing)}`);
    if (want.exact && table.rows.length !== want.rows.length) fail(`to have exactly ${want.rows.length} row(s) (it has ${table.rows.length})`);
  }
}
