import fc from 'fast-check';
import { fnv32a } from '../api/naming';

// Runs a fast-check property with an explicit seed and number of runs, and records the run as
// {name, claims, runs, seed, status} through node:test's t.diagnostic (no I/O here): the reporter
// scripts/property-reporter.js collects the records into reports/properties.json, and the
// conformance report shows them. A failing property throws fast-check's own report (seed, path,
// shrunk counterexample), a replay command and, when given, `explain(counterexample)`.
//
//   test('rolling update never exceeds replicas + maxSurge', (t) => {
//     checkProperty(t, fc.property(arb, (x) => ...), { claims: ['rollout.max-surge'], numRuns: 10, env: process.env });
//   });

/** The prefix of the diagnostic line that carries a record; the reporter looks for it. */
export const PROPERTY_DIAGNOSTIC_PREFIX = 'kubespec:property ';

export type PropertyStatus = 'passed' | 'failed';

export interface PropertyRecord {
  readonly name: string;
  readonly claims: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly status: PropertyStatus;
  readonly numRuns: number;                  // asked for
  readonly path?: string;                    // replay path, on failure
  readonly counterexample?: string;          // fc.stringify of the shrunk counterexample, on failure
}

/** The part of node:test's TestContext this needs. */
export interface PropertyContext {
  readonly name: string;
  diagnostic(message: string): void;
}

export interface PropertyOptions<Ts> {
  /** Claim ids (claims/book-claims.yaml) the property checks. */
  readonly claims?: readonly string[];
  /** Default: the test's name. */
  readonly name?: string;
  /** Default: DEFAULT_NUM_RUNS. */
  readonly numRuns?: number;
  /** Default: fnv32a(name) >>> 1, so a run is reproducible; FC_SEED in `env` overrides it. */
  readonly seed?: number;
  readonly path?: string;
  /** The environment (process.env), read for FC_SEED and FC_PATH only. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How the test file replays itself, e.g. "node scripts/unit.js rollout.prop". */
  readonly replay?: string;
  /** Extra text for a failure: the counterexample in another form (e.g. a Gherkin scenario). */
  readonly explain?: (counterexample: Ts) => string;
  readonly examples?: Ts[];
  readonly verbose?: boolean | 0 | 1 | 2;
  readonly includeErrorInReport?: boolean;
}

export const DEFAULT_NUM_RUNS = 100;

/** Runs `property`; records the run on `t`; throws on failure. */
export function checkProperty<Ts>(t: PropertyContext, property: fc.IProperty<Ts>, options: PropertyOptions<Ts> = {}): PropertyRecord {
  const name = options.name ?? t.name;
  const { seed, path } = seedAndPath(name, options);
  const numRuns = options.numRuns ?? DEFAULT_NUM_RUNS;
  const details = fc.check(property, {
    seed, numRuns,
    ...(path !== undefined ? { path } : {}),
    ...(options.examples !== undefined ? { examples: options.examples } : {}),
    ...(options.verbose !== undefined ? { verbose: options.verbose } : {}),
    ...(options.includeErrorInReport !== undefined ? { includeErrorInReport: options.includeErrorInReport } : {}),
  });
  const record = propertyRecord(name, options.claims ?? [], numRuns, details);
  t.diagnostic(formatPropertyDiagnostic(record));
  if (details.failed) throw new Error(failureMessage(details, record, options));
  return record;
}

export function propertyRecord<Ts>(name: string, claims: readonly string[], numRuns: number, details: fc.RunDetails<Ts>): PropertyRecord {
  const failed = details.failed;
  return {
    name, claims: [...claims], runs: details.numRuns, seed: details.seed, status: failed ? 'failed' : 'passed', numRuns,
    ...(failed && details.counterexamplePath !== null ? { path: details.counterexamplePath } : {}),
    ...(failed && details.counterexample !== null ? { counterexample: fc.stringify(details.counterexample) } : {}),
  };
}

export function formatPropertyDiagnostic(record: PropertyRecord): string {
  return `${PROPERTY_DIAGNOSTIC_PREFIX}${JSON.stringify(record)}`;
}

/** The record in a diagnostic message, or undefined when the message is not one. */
export function parsePropertyDiagnostic(message: string): PropertyRecord | undefined {
  if (!message.startsWith(PROPERTY_DIAGNOSTIC_PREFIX)) return undefined;
  try {
    const r = JSON.parse(message.slice(PROPERTY_DIAGNOSTIC_PREFIX.length)) as PropertyRecord;
    return typeof r?.name === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

function seedAndPath(name: string, options: Pick<PropertyOptions<unknown>, 'env' | 'seed' | 'path'>): { seed: number; path?: string } {
  const fromEnv = options.env?.FC_SEED;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const seed = Number(fromEnv);
    if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${fromEnv}"`);
    const path = options.env?.FC_PATH;
    return { seed, ...(path !== undefined && path !== '' ? { path } : {}) };
  }
  return { seed: options.seed ?? fnv32a(name) >>> 1, ...(options.path !== undefined ? { path: options.path } : {}) };
}

function failureMessage<Ts>(details: fc.RunDetails<Ts>, record: PropertyRecord, options: PropertyOptions<Ts>): string {
  const lines = [`property "${record.name}" failed after ${details.numRuns} of ${record.numRuns} runs (seed ${details.seed}).`];
  lines.push(fc.defaultReportMessage(details) ?? '');
  const replay = options.replay ?? 'node scripts/unit.js <this file>';
  lines.push(`replay: FC_SEED=${details.seed}${details.counterexamplePath !== null ? ` FC_PATH=${details.counterexamplePath}` : ''} ${replay}`);
  if (details.failed && details.counterexample !== null && options.explain !== undefined) {
    let text: string;
    try {
      text = options.explain(details.counterexample);
    } catch (e) {
      text = `(cannot explain the counterexample: ${(e as Error).message})`;
    }
    lines.push('', text);
  }
  return lines.join('\n');
}
