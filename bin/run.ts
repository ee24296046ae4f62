// `kubespec run [paths] [--tags expr] [--seed N] [--parallel N] [--report-dir d] [--require glob]
// [--claims file]`: cucumber, driven through its JavaScript API, with kubespec's support and steps
// preloaded plus the project's own step files, writing every report into the report directory.
// Bad input (tag expression, path, report directory, claims file) is one clear message, exit 2.
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClaimsFileError, DEFAULT_CLAIMS_PATH, loadClaims } from '../support/claims/catalog';
import { supportGlobs } from '../support/step-catalog';
import { UsageError, intValue, lastValue, parseArgs, type ParsedArgs } from './args';

/** Where kubespec itself lives: the repository, or node_modules/kubespec when installed. */
export const KUBESPEC_ROOT = resolve(__dirname, '..');

export const RUN_USAGE = `usage: kubespec run [paths...] [options]

Runs Gherkin features (default: features/) with kubespec's steps and support, plus your own step
files (features/**/*.ts and any --require), and writes reports to the report directory.

options:
  --tags <expr>        only scenarios matching a tag expression, e.g. "@claim:deploy.runs-app and not @slow"
  --seed <n>           the simulator seed of every scenario (SIM_SEED); default: one per scenario location
  --parallel <n>       run in n worker processes
  --report-dir <dir>   where reports go (default: reports): junit.xml, cucumber.html, cucumber.ndjson,
                       conformance.json, conformance.md, conformance.html
  --require <glob>     more step/support files to load (repeatable)
  --claims <file>      the claims catalog scenarios' @claim:<id> tags refer to (default: kubespec's book claims)
`;

export interface RunPlan {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly tags: string;
  readonly seed?: number;
  readonly parallel: number;
  readonly reportDir: string;
  readonly requirePaths: readonly string[];
  readonly claimsFile: string;
  readonly progress: 'progress-bar' | 'summary';
}

/** Turns argv into a plan, checking everything that can be checked before cucumber starts. */
export function planRun(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv, isTTY: boolean): RunPlan {
  const args: ParsedArgs = parseArgs(argv, { values: ['tags', 'seed', 'parallel', 'report-dir', 'require', 'claims'] });
  const tags = lastValue(args, 'tags') ?? '';
  checkTagExpression(tags);
  const seed = intValue(args, 'seed');
  const parallel = intValue(args, 'parallel') ?? 0;
  const paths = args.positionals.length > 0 ? [...args.positionals] : ['features/'];
  for (const p of paths) checkFeaturePath(p, cwd, args.positionals.length === 0);
  const reportDir = resolve(cwd, lastValue(args, 'report-dir') ?? 'reports');
  const claimsArg = lastValue(args, 'claims');
  const claimsFile = claimsArg !== undefined ? resolve(cwd, claimsArg) : DEFAULT_CLAIMS_PATH;
  const userRequires = args.values.get('require') ?? [];
  const requirePaths = supportGlobs(userRequires);
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return {
    cwd, paths, tags, parallel, reportDir, requirePaths, claimsFile,
    ...(seed !== undefined ? { seed } : {}),
    progress: isTTY && !ci ? 'progress-bar' : 'summary',
  };
}

/** The report files and the formatter writing each (cucumber's `format` option as files). */
export function reportFormats(reportDir: string): Record<string, string> {
  return {
    [join(reportDir, 'junit.xml')]: 'junit',
    [join(reportDir, 'cucumber.html')]: 'html',
    [join(reportDir, 'cucumber.ndjson')]: 'message',
    [join(reportDir, 'conformance.json')]: pathToFileURL(join(KUBESPEC_ROOT, 'support', 'conformance', 'formatter.js')).href,
  };
}

export async function runMain(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(RUN_USAGE);
    return 0;
  }
  let plan: RunPlan;
  try {
    plan = planRun(argv, process.cwd(), process.env, process.stdout.isTTY === true);
    prepareReportDir(plan.reportDir);
    loadClaims(plan.claimsFile);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`kubespec run: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ClaimsFileError) {
      process.stderr.write(`kubespec run: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return executePlan(plan);
}

async function executePlan(plan: RunPlan): Promise<number> {
  checkSameCucumber(plan.cwd);
  const { loadConfiguration, runCucumber } = await import('@cucumber/cucumber/api');
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (plan.seed !== undefined) {
    env.SIM_SEED = String(plan.seed);
    process.env.SIM_SEED = String(plan.seed);   // the Before hook reads it in this process
  }
  const formatFiles = reportFormats(plan.reportDir);
  const { runConfiguration } = await loadConfiguration({
    file: false,
    provided: {
      paths: [...plan.paths],
      requireModule: [join(KUBESPEC_ROOT, 'bin', 'register.js')],
      require: [...plan.requirePaths],
      tags: plan.tags,
      parallel: plan.parallel,
      strict: true,
      formatOptions: {
        snippetInterface: 'synchronous',
        conformance: { claimsFile: plan.claimsFile },
      },
    },
  }, { cwd: plan.cwd, env });
  // Set directly: report paths and the formatter's file URL hold colons that the "fmt:file" syntax splits on.
  const configuration = { ...runConfiguration, formats: { ...runConfiguration.formats, stdout: plan.progress, files: formatFiles } };
  const { success } = await runCucumber(configuration, { cwd: plan.cwd, env, stdout: process.stdout, stderr: process.stderr });
  const unknownClaims = unknownClaimErrors(join(plan.reportDir, 'conformance.json'));
  process.stdout.write(`reports: ${plan.reportDir}\n`);
  return success && unknownClaims === 0 ? 0 : 1;
}

/** cucumber's tag-expression parser, with its message made plain. */
export function checkTagExpression(tags: string): void {
  if (tags.trim() === '') return;
  const parse = cucumberDependency<{ default: (s: string) => unknown }>('@cucumber/tag-expressions').default;
  try {
    parse(tags);
  } catch (e) {
    throw new UsageError(`--tags "${tags}" is not a tag expression: ${(e as Error).message.split('\n')[0]}\n` +
      '  A tag expression combines @tags with and, or, not and parentheses, e.g. "@claim:deploy.runs-app and not @slow".');
  }
}

function checkFeaturePath(path: string, cwd: string, isDefault: boolean): void {
  const file = path.replace(/(:\d+)+$/, '');
  if (/[*?[\]{}]/.test(file)) return;   // a glob: cucumber expands it
  if (existsSync(resolve(cwd, file))) return;
  throw new UsageError(isDefault
    ? `there is no features/ folder in ${cwd}; pass the feature files to run, or create one with "kubespec init"`
    : `no such feature file or folder: ${path} (relative to ${cwd})`);
}

/** Creates the report directory and checks it can be written, before a long run, not after. */
export function prepareReportDir(dir: string): void {
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UsageError(`cannot write reports to "${dir}": ${err.code ? `${err.code}: ` : ''}${err.message.replace(/^\w+: /, '')}\n` +
      '  Choose another directory with --report-dir <dir>.');
  }
}

// mkdirSync's recursive mode spins forever on some virtual file systems (/proc), so one level at a time.
function makeDirs(dir: string): void {
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new Error(`"${dir}" exists and is not a directory`);
    return;
  }
  const parent = dirname(dir);
  if (parent !== dir) makeDirs(parent);
  mkdirSync(dir);
}

function unknownClaimErrors(conformanceJson: string): number {
  try {
    const report = JSON.parse(readFileSync(conformanceJson, 'utf8')) as { errors?: { kind?: string }[] };
    return (report.errors ?? []).filter((e) => e.kind === 'unknown-claim').length;
  } catch {
    return 0;   // no report: cucumber failed earlier and said why
  }
}

/**
 * Step files `import { Given } from '@cucumber/cucumber'`; they must get the very module kubespec runs
 * with, or their steps land in another registry and show as undefined. Warn when they would not.
 */
function checkSameCucumber(cwd: string): void {
  let theirs: string | undefined;
  try {
    theirs = require.resolve('@cucumber/cucumber', { paths: [cwd] });
  } catch {
    return;
  }
  const ours = require.resolve('@cucumber/cucumber');
  if (theirs !== ours) {
    process.stderr.write(`kubespec run: warning: this project resolves @cucumber/cucumber to ${theirs}, kubespec uses ${ours}; ` +
      'steps defined against the other copy will show as undefined. Remove the project\'s own @cucumber/cucumber dependency ' +
      'or install the version kubespec uses.\n');
  }
}

/** A package cucumber depends on, resolved from cucumber's own location (works when not hoisted). */
export function cucumberDependency<T>(name: string): T {
  const from = dirname(require.resolve('@cucumber/cucumber/package.json'));
  return require(require.resolve(name, { paths: [from] })) as T;
}
