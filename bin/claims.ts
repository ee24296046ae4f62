// `kubespec claims [--strict] [--all] [--report-dir d]`: the claims coverage of the last run, read from
// <report-dir>/conformance.json, as a terminal table. --strict exits 1 when a claim failed or is
// uncovered (a CI gate); without it the exit status is 0 whenever the report could be read.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClaimEntry, ConformanceReport } from '../support/conformance/model';
import { UsageError, lastValue, parseArgs } from './args';

export const CLAIMS_USAGE = `usage: kubespec claims [--strict] [--all] [--report-dir <dir>]

Prints the claims coverage of the last "kubespec run" (from <dir>/conformance.json, default reports/):
totals, a per-chapter table, failed claims with their failing scenarios, uncovered claims.
  --strict   exit status 1 when any claim failed or is uncovered
  --all      list every claim with its status, not only failed and uncovered ones
`;

export async function claimsMain(argv: readonly string[]): Promise<number> {
  let strict: boolean;
  let all: boolean;
  let file: string;
  try {
    const args = parseArgs(argv, { flags: ['strict', 'all', 'help'], values: ['report-dir'] });
    if (args.flags.has('help')) {
      process.stdout.write(CLAIMS_USAGE);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    strict = args.flags.has('strict');
    all = args.flags.has('all');
    file = join(resolve(lastValue(args, 'report-dir') ?? 'reports'), 'conformance.json');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`kubespec claims: ${e.message}\n${CLAIMS_USAGE}`);
    return 2;
  }
  let report: ConformanceReport;
  try {
    report = readReport(file);
  } catch (e) {
    process.stderr.write(`kubespec claims: ${(e as Error).message}\n`);
    return 2;
  }
  process.stdout.write(renderClaimsTable(report, { all, width: process.stdout.columns ?? 100, source: file }));
  const { failed, uncovered } = report.summary.claims;
  if (strict && (failed > 0 || uncovered > 0)) {
    process.stderr.write(`kubespec claims --strict: ${failed} failed and ${uncovered} uncovered claim${failed + uncovered === 1 ? '' : 's'}\n`);
    return 1;
  }
  return 0;
}

/** Reads and shape-checks conformance.json; the message says how to get one. */
export function readReport(file: string): ConformanceReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no report at ${file}: run "kubespec run" first (or pass --report-dir <dir>)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON (${(e as Error).message}); run "kubespec run" again to rewrite it`);
  }
  const r = parsed as Partial<ConformanceReport>;
  if (!Array.isArray(r?.claims) || typeof r.summary?.claims?.total !== 'number') {
    throw new Error(`${file} is not a kubespec conformance report (no "claims" list or "summary.claims")`);
  }
  return r as ConformanceReport;
}

const MARK: Record<ClaimEntry['status'], string> = { passed: '✓', failed: '✗', uncovered: '·' };

export function renderClaimsTable(r: ConformanceReport, opts: { all?: boolean; width?: number; source?: string } = {}): string {
  const width = Math.max(60, opts.width ?? 100);
  const c = r.summary.claims;
  const s = r.summary.scenarios;
  const out: string[] = [
    `claims: ${c.passed}/${c.total} passed, ${c.failed} failed, ${c.uncovered} uncovered` +
      `   scenarios: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`,
    `${opts.source ? `${opts.source}: ` : ''}${r.tool?.name ?? 'kubespec'} ${r.tool?.version ?? ''}, Kubernetes ${r.kubernetesVersion}, seed ${r.seed}, started ${r.startedAt}`,
    '',
  ];
  const rows = [['chapter', 'claims', 'passed', 'failed', 'uncovered'], ...(r.chapters ?? []).map((ch) =>
    [ch.chapter, ch.total, ch.passed, ch.failed, ch.uncovered].map(String)), ['all', c.total, c.passed, c.failed, c.uncovered].map(String)];
  out.push(...table(rows), '');

  const section = (title: string, claims: readonly ClaimEntry[], withScenarios: boolean): void => {
    if (claims.length === 0) return;
    out.push(`${title} (${claims.length})`);
    const idWidth = Math.min(40, Math.max(...claims.map((x) => x.id.length)));
    for (const x of claims) {
      const head = `  ${MARK[x.status]} ${x.id.padEnd(idWidth)}  ${x.ch.padEnd(6)} `;
      out.push(head + clip(x.says, width - head.length));
      if (!withScenarios) continue;
      for (const sc of x.scenarios.filter((v) => x.status !== 'failed' || v.status === 'failed')) {
        out.push(`      ${clip(`${sc.status}: ${sc.name} (${sc.uri}:${sc.line})`, width - 6)}`);
      }
    }
    out.push('');
  };
  section('failed claims', r.claims.filter((x) => x.status === 'failed'), true);
  if (opts.all) section('passed claims', r.claims.filter((x) => x.status === 'passed'), false);
  section('uncovered claims', r.claims.filter((x) => x.status === 'uncovered'), false);
  for (const e of r.errors ?? []) out.push(`error: ${e.message}`);
  return `${out.join('\n').trimEnd()}\n`;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}

function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length <= max ? one : `${one.slice(0, Math.max(1, max - 1))}…`;
}
