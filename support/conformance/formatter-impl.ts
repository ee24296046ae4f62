// The conformance formatter, as a cucumber 12 formatter plugin ({ type: 'formatter', formatter }).
// Wired in cucumber.js as './support/conformance/formatter.js:reports/conformance.json' (formatter.js
// is the JS shim cucumber can import). conformance.json goes to the formatter's stream;
// conformance.md and conformance.html are written next to it, and reports/properties.json, when the
// property tests wrote one, is folded in.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type * as messages from '@cucumber/messages';
import { DEFAULT_CONFIG } from '../../sim/engine/loop';
import { DEFAULT_CLAIMS_PATH, loadClaims, type ClaimCatalog } from '../claims/catalog';
import { buildReport } from './build-report';
import { RunCollector } from './collector';
import type { ConformanceReport, ReportError } from './model';
import { redactDeep } from './redact';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

/** formatOptions: { conformance: { claimsFile?, propertiesFile? } } (paths relative to the cwd). */
export interface ConformanceOptions {
  readonly claimsFile?: string;
  readonly propertiesFile?: string;
}

// The subset of cucumber's FormatterPluginContext (lib/plugin/types.d.ts) this formatter uses.
export interface FormatterContext {
  readonly on: (key: 'message', handler: (envelope: messages.Envelope) => void) => void;
  readonly options: ConformanceOptions;
  readonly write: (chunk: string) => void;
  readonly directory?: string;
  readonly logger?: { error(message: string): void; warn(message: string): void };
}

export interface ReportPaths {
  readonly json: string;
  readonly markdown: string;
  readonly html: string;
  readonly properties: string;
}

export function reportPaths(directory: string, options: ConformanceOptions = {}): ReportPaths {
  return {
    json: join(directory, 'conformance.json'),
    markdown: join(directory, 'conformance.md'),
    html: join(directory, 'conformance.html'),
    properties: options.propertiesFile !== undefined ? resolve(options.propertiesFile) : join(directory, 'properties.json'),
  };
}

export const TOOL = readTool();

export interface FinishOptions {
  readonly catalog: ClaimCatalog;
  readonly propertiesFile?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly fallbackStartMs: number;
  readonly nowMs: number;
}

/** Builds the (redacted) report from what the collector saw. Pure but for reading properties.json. */
export function finishReport(collector: RunCollector, opts: FinishOptions): ConformanceReport {
  const extraErrors: ReportError[] = collector.internalErrors.map((message) => ({ kind: 'internal' as const, message }));
  const properties = readProperties(opts.propertiesFile, extraErrors);
  const startMs = collector.startedMs ?? opts.fallbackStartMs;
  const report = buildReport({
    catalog: opts.catalog,
    scenarios: collector.scenarios(),
    written: collector.written(),
    tool: TOOL,
    kubernetesVersion: DEFAULT_CONFIG.kubernetesVersion,
    seed: (opts.env ?? process.env).SIM_SEED?.trim() || 'per-scenario',
    startedAt: new Date(startMs).toISOString(),
    durationMs: Math.max(0, (collector.finishedMs ?? opts.nowMs) - startMs),
    properties,
    extraErrors,
  });
  return redactDeep(report, collector.secrets);
}

/** conformance.json through `write`; .md and .html beside it when there is a directory. */
export function writeReports(report: ConformanceReport, write: (chunk: string) => void, paths: ReportPaths | undefined): void {
  write(`${JSON.stringify(report, null, 2)}\n`);
  if (paths === undefined) return;
  writeFileSync(paths.markdown, renderMarkdown(report));
  writeFileSync(paths.html, renderHtml(report));
}

let exitHookInstalled = false;

/**
 * Makes the process exit non-zero. cucumber's CLI sets process.exitCode from its own result after the
 * run (lib/cli/run.js), overwriting ours, and may call process.exit(0); an 'exit' listener runs after
 * both and its process.exitCode wins.
 */
export function failTheRun(): void {
  process.exitCode = 1;
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    if (process.exitCode === undefined || Number(process.exitCode) === 0) process.exitCode = 1;
  });
}

export const conformanceFormatter = {
  type: 'formatter' as const,
  optionsKey: 'conformance',
  formatter(ctx: FormatterContext): () => void {
    const options = ctx.options ?? {};
    const startMs = Date.now();
    const catalog = loadClaims(displayPath(options.claimsFile !== undefined ? resolve(options.claimsFile) : DEFAULT_CLAIMS_PATH));
    const collector = new RunCollector();
    ctx.on('message', (envelope) => collector.update(envelope));
    const paths = ctx.directory !== undefined ? reportPaths(ctx.directory, options) : undefined;
    const log = ctx.logger ?? { error: (m: string) => process.stderr.write(`${m}\n`), warn: (m: string) => process.stderr.write(`${m}\n`) };
    return () => {
      const report = finishReport(collector, {
        catalog, ...(paths !== undefined ? { propertiesFile: paths.properties } : {}), fallbackStartMs: startMs, nowMs: Date.now(),
      });
      try {
        writeReports(report, ctx.write, paths);
      } catch (e) {
        log.error(`conformance formatter: cannot write the reports to ${ctx.directory}: ${(e as Error).message}`);
        failTheRun();
      }
      const fatal = report.errors.filter((e) => e.kind === 'unknown-claim');
      for (const e of report.errors) {
        if (e.kind === 'unknown-claim') log.error(`kubespec: ${e.message}`);
        else log.warn(`kubespec: ${e.message}`);
      }
      if (fatal.length > 0) {
        log.error(`kubespec: ${fatal.length} scenario tag${fatal.length === 1 ? '' : 's'} name${fatal.length === 1 ? 's' : ''} an unknown claim; the run fails.`);
        failTheRun();
      }
    };
  },
};

export default conformanceFormatter;

function readProperties(file: string | undefined, errors: ReportError[]): unknown[] {
  if (file === undefined || !existsSync(file)) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) return parsed;
    const list = (parsed as { properties?: unknown } | null)?.properties;
    if (Array.isArray(list)) return list;
    errors.push({ kind: 'properties', message: `${file}: expected a JSON array of properties (or {"properties": [...]})` });
  } catch (e) {
    errors.push({ kind: 'properties', message: `${file}: cannot read the property results: ${(e as Error).message}` });
  }
  return [];
}

// Paths in messages are relative to the cwd when the file is under it ("claims/book-claims.yaml").
function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function readTool(): { name: string; version: string } {
  try {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { name?: string; version?: string };
    return { name: pkg.name ?? 'kubespec', version: pkg.version ?? '0.0.0' };
  } catch {
    return { name: 'kubespec', version: '0.0.0' };
  }
}
