// The step catalog (`kubespec steps`, docs/steps.md): every step definition cucumber would load,
// with its parameter types, an example, and the claims whose scenarios use it. Usages come from
// matching each feature step's text against the definitions with cucumber's own matcher, so the
// same scan finds ambiguous steps (two definitions match one feature step) and unused ones.
//
// Example convention: a comment line right above a definition, `// example: When 30 seconds pass`.
// Without one, the first use in features/ is the example; without a use, one is generated from the
// parameter types.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

const SUPPORT_CODE = '!(*.test|*.prop).ts';
export const KUBESPEC_ROOT = resolve(__dirname, '..');

/** A step definition as cucumber registered it (lib/models/step_definition.js). */
export interface LoadedStepDefinition {
  readonly pattern: string | RegExp;
  readonly keyword: string;
  readonly uri: string;
  readonly line: number;
  readonly expression: { readonly source?: string; readonly parameterTypes?: readonly { readonly name?: string }[] };
  matchesStepName(text: string): boolean;
}

export interface FeatureStep {
  readonly keyword: string;        // "Given " / "When " / "Then " / "And " as written
  readonly text: string;           // the pickle step's text (outline values substituted)
  readonly uri: string;
  readonly line: number;
  readonly claims: readonly string[];
}

export interface StepUse { readonly text: string; readonly uri: string; readonly line: number }

export interface CatalogEntry {
  readonly expression: string;
  readonly keyword: string;        // Given, When, Then (as defined; cucumber matches any keyword)
  readonly parameters: readonly string[];
  readonly example: string;
  readonly exampleFrom: 'comment' | 'feature' | 'generated';
  readonly location: string;       // steps/time.steps.ts:6
  readonly uses: number;
  readonly claims: readonly string[];
}

export interface Ambiguity {
  readonly step: StepUse;
  readonly expressions: readonly string[];
}

export interface StepCatalog {
  readonly steps: readonly CatalogEntry[];
  readonly ambiguous: readonly Ambiguity[];
  readonly unused: readonly CatalogEntry[];
  readonly undefinedSteps: readonly StepUse[];
}

export interface CatalogOptions {
  readonly cwd?: string;                      // the project (default: process.cwd())
  readonly featuresDir?: string;              // default: <cwd>/features
  readonly extraRequires?: readonly string[]; // more step files (globs, relative to cwd)
}

/** The support and step globs `kubespec run` loads: kubespec's, then the project's. */
export function supportGlobs(extraRequires: readonly string[] = []): string[] {
  return [
    join(KUBESPEC_ROOT, 'support', '**', SUPPORT_CODE),
    join(KUBESPEC_ROOT, 'steps', '**', SUPPORT_CODE),
    `features/**/${SUPPORT_CODE}`,
    ...extraRequires,
  ];
}

/** A parameter type defined by kubespec or the project (not cucumber's built-ins). */
export interface CustomParameterType {
  readonly name: string;
  readonly regexp: string;   // the type's regexps as one alternation
}

interface LoadedLibrary {
  readonly stepDefinitions: LoadedStepDefinition[];
  readonly parameterTypeRegistry: { readonly parameterTypes: Iterable<{ name?: string; regexpStrings: readonly string[]; builtin?: boolean }> };
}

// Step files register themselves when first required; node caches them, so a second loadSupport in
// one process would find nothing new. One load per project and requires, kept.
const loaded = new Map<string, Promise<LoadedLibrary>>();

function loadLibrary(cwd: string, extraRequires: readonly string[]): Promise<LoadedLibrary> {
  const key = JSON.stringify([cwd, extraRequires]);
  let library = loaded.get(key);
  if (library === undefined) {
    library = (async () => {
      const { loadSupport } = await import('@cucumber/cucumber/api');
      return await loadSupport({
        sources: { paths: [], defaultDialect: 'en', names: [], tagExpression: '', order: 'defined' },
        support: { requirePaths: supportGlobs(extraRequires), requireModules: [] },
      }, { cwd }) as unknown as LoadedLibrary;
    })();
    loaded.set(key, library);
  }
  return library;
}

/** Loads every step definition through cucumber's loadSupport (requires the step files). */
export async function loadStepDefinitions(cwd: string, extraRequires: readonly string[] = []): Promise<LoadedStepDefinition[]> {
  return (await loadLibrary(cwd, extraRequires)).stepDefinitions;
}

/** The custom parameter types, for editors whose language server cannot evaluate them (docs/editors.md). */
export async function loadCustomParameterTypes(cwd: string, extraRequires: readonly string[] = []): Promise<CustomParameterType[]> {
  const library = await loadLibrary(cwd, extraRequires);
  return [...library.parameterTypeRegistry.parameterTypes]
    .filter((t) => !t.builtin && t.name !== undefined)
    .map((t) => ({ name: t.name!, regexp: t.regexpStrings.length === 1 ? t.regexpStrings[0]! : t.regexpStrings.map((r) => `(?:${r})`).join('|') }));
}

/**
 * VS Code settings for the official Cucumber extension (CucumberOpen.cucumber-official): where the
 * features and the glue (kubespec's steps, the project's) are, and kubespec's parameter types.
 */
export function vscodeSettings(parameterTypes: readonly CustomParameterType[], kubespecDir = 'node_modules/kubespec'): Record<string, unknown> {
  const base = kubespecDir === '.' ? '' : `${kubespecDir}/`;
  return {
    'cucumber.features': ['features/**/*.feature'],
    'cucumber.glue': [`${base}steps/**/*.ts`, `${base}support/**/*.ts`, 'features/**/*.ts'],
    'cucumber.parameterTypes': parameterTypes.map((t) => ({ name: t.name, regexp: t.regexp })),
  };
}

/** Every step of every scenario under `dir` (*.feature), as cucumber compiles them (pickles). */
export function readFeatureSteps(dir: string, cwd: string): FeatureStep[] {
  const gherkin = cucumberDependency<typeof import('@cucumber/gherkin')>('@cucumber/gherkin');
  const { IdGenerator, SourceMediaType } = cucumberDependency<typeof import('@cucumber/messages')>('@cucumber/messages');
  const steps: FeatureStep[] = [];
  for (const file of featureFiles(dir)) {
    const uri = relative(cwd, file).split('\\').join('/');
    const envelopes = gherkin.generateMessages(readFileSync(file, 'utf8'), uri, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN, {
      includeGherkinDocument: true, includePickles: true, includeSource: false, newId: IdGenerator.incrementing(),
    });
    const astSteps = new Map<string, { keyword: string; line: number }>();
    for (const env of envelopes) {
      if (env.gherkinDocument) collectAstSteps(env.gherkinDocument.feature, astSteps);
      if (env.parseError) throw new Error(`${uri}: ${env.parseError.message}`);
    }
    for (const env of envelopes) {
      const pickle = env.pickle;
      if (!pickle) continue;
      const claims = pickle.tags.map((t) => t.name).filter((t) => t.startsWith('@claim:')).map((t) => t.slice('@claim:'.length));
      for (const step of pickle.steps) {
        const ast = astSteps.get(step.astNodeIds[0] ?? '');
        steps.push({ keyword: ast?.keyword ?? '', text: step.text, uri, line: ast?.line ?? 0, claims });
      }
    }
  }
  return steps;
}

/** Builds the catalog: definitions in file order, their uses, and what is ambiguous or unused. */
export function buildCatalog(defs: readonly LoadedStepDefinition[], featureSteps: readonly FeatureStep[], cwd: string): StepCatalog {
  const sorted = [...defs].sort((a, b) => displayUri(a.uri, cwd).localeCompare(displayUri(b.uri, cwd)) || a.line - b.line);
  const uses = sorted.map(() => [] as FeatureStep[]);
  const ambiguous: Ambiguity[] = [];
  const undefinedSteps: StepUse[] = [];
  const seen = new Set<string>();
  for (const step of featureSteps) {
    const matching: number[] = [];
    sorted.forEach((d, i) => { if (d.matchesStepName(step.text)) matching.push(i); });
    for (const i of matching) uses[i]!.push(step);
    const key = `${step.uri}:${step.line}:${step.text}`;
    if (seen.has(key)) continue;   // an outline's rows, or a Background in every scenario
    seen.add(key);
    const use = { text: `${step.keyword}${step.text}`, uri: step.uri, line: step.line };
    if (matching.length > 1) ambiguous.push({ step: use, expressions: matching.map((i) => `${sourceOf(sorted[i]!)} (${displayUri(sorted[i]!.uri, cwd)}:${sorted[i]!.line})`) });
    if (matching.length === 0) undefinedSteps.push(use);
  }
  const steps = sorted.map((d, i): CatalogEntry => {
    const used = uses[i]!;
    const fromComment = exampleComment(d, cwd);
    const first = used[0];
    const example = fromComment ?? (first ? `${stepKeyword(first.keyword, d.keyword)} ${first.text}` : `${d.keyword} ${generateExample(d)}`);
    return {
      expression: sourceOf(d),
      keyword: d.keyword,
      parameters: parameterNames(d),
      example,
      exampleFrom: fromComment !== undefined ? 'comment' : first ? 'feature' : 'generated',
      location: `${displayUri(d.uri, cwd)}:${d.line}`,
      uses: used.length,
      claims: [...new Set(used.flatMap((u) => u.claims))].sort(),
    };
  });
  return { steps, ambiguous, unused: steps.filter((s) => s.uses === 0), undefinedSteps };
}

/** Loads definitions and features and builds the catalog. */
export async function stepCatalog(opts: CatalogOptions = {}): Promise<StepCatalog> {
  const cwd = opts.cwd ?? process.cwd();
  const defs = await loadStepDefinitions(cwd, opts.extraRequires);
  const featureSteps = readFeatureSteps(opts.featuresDir ?? join(cwd, 'features'), cwd);
  return buildCatalog(defs, featureSteps, cwd);
}

// ------------------------------------------------------------------ rendering

const MAX_CLAIMS_SHOWN = 6;
const MAX_EXAMPLE_CHARS = 140;

/** docs/steps.md: one table per step file. Deterministic (no dates, sorted) so staleness is a diff. */
export function renderStepsMarkdown(catalog: StepCatalog): string {
  const out: string[] = [
    '# Step catalog',
    '',
    '<!-- Generated by `npx kubespec steps --markdown > docs/steps.md`; do not edit by hand. -->',
    '',
    `${catalog.steps.length} step definitions. Cucumber matches a step whatever its keyword (Given, When, Then, And); ` +
      'the keyword shown is the one it is defined with. Parameters: `{duration}` 30s, 2m, "30 seconds"; ' +
      '`{name}` "web" or "kube-system/coredns"; `{kind}` deployment(s), pod(s), node(s)...; `{selector}` app=web; ' +
      '`{quantity}` 500m, 128Mi; `{string}` "text"; `{int}` 3; `{word}` Running. ' +
      'Examples come from a `// example:` comment above the definition, else the first use in features/.',
    '',
  ];
  const byFile = new Map<string, CatalogEntry[]>();
  for (const s of catalog.steps) {
    const file = s.location.replace(/:\d+$/, '');
    byFile.set(file, [...(byFile.get(file) ?? []), s]);
  }
  for (const [file, entries] of byFile) {
    out.push(`## ${file}`, '', '| step | parameters | example | claims |', '|---|---|---|---|');
    for (const s of entries) {
      const claims = s.claims.length === 0 ? (s.uses === 0 ? '(unused)' : '')
        : s.claims.slice(0, MAX_CLAIMS_SHOWN).map((c) => `\`${c}\``).join(' ') +
          (s.claims.length > MAX_CLAIMS_SHOWN ? ` +${s.claims.length - MAX_CLAIMS_SHOWN} more` : '');
      out.push(`| \`${cell(`${s.keyword} ${s.expression}`)}\` | ${s.parameters.map((p) => `{${p}}`).join(' ')} | ${cell(clip(s.example, MAX_EXAMPLE_CHARS))} | ${claims} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderStepsJson(catalog: StepCatalog): string {
  return `${JSON.stringify({ steps: catalog.steps, ambiguous: catalog.ambiguous, undefinedSteps: catalog.undefinedSteps }, null, 2)}\n`;
}

/** The terminal listing: `Given a cluster with {int} node(s)    e.g. Given a cluster with 3 nodes`. */
export function renderStepsText(catalog: StepCatalog): string {
  const lines: string[] = [];
  let file = '';
  for (const s of catalog.steps) {
    const f = s.location.replace(/:\d+$/, '');
    if (f !== file) {
      if (file !== '') lines.push('');
      lines.push(`${f}:`);
      file = f;
    }
    lines.push(`  ${s.keyword} ${s.expression}`, `      e.g. ${s.example}${s.claims.length > 0 ? `   [${s.claims.length} claim${s.claims.length === 1 ? '' : 's'}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------ helpers

export function sourceOf(d: LoadedStepDefinition): string {
  return typeof d.pattern === 'string' ? d.pattern : `/${d.pattern.source}/`;
}

export function parameterNames(d: LoadedStepDefinition): string[] {
  const types = d.expression.parameterTypes;
  if (Array.isArray(types) && typeof d.pattern === 'string') return types.map((t) => t.name ?? '');
  if (typeof d.pattern === 'string') return [...d.pattern.matchAll(/(?<!\\)\{([^}]*)\}/g)].map((m) => m[1]!);
  return [];
}

const SAMPLES: Record<string, string> = {
  int: '3', float: '1.5', string: '"text"', word: 'Running', '': 'something', name: '"web"', kind: 'deployment',
  duration: '30 seconds', selector: 'app=web', quantity: '500m', bigdecimal: '1.5', double: '1.5', biginteger: '3',
  byte: '1', short: '1', long: '3',
};

/** An example text for a Cucumber expression: parameters replaced by samples, optionals dropped, first alternatives kept. */
export function generateExample(d: LoadedStepDefinition): string {
  if (typeof d.pattern !== 'string') return sourceOf(d);
  return d.pattern
    .replace(/(?<!\\)\{([^}]*)\}/g, (_m, name: string) => SAMPLES[name] ?? `<${name}>`)
    .replace(/(?<!\\)\([^)]*\)/g, '')
    .replace(/(\S+)(?:\/\S+)+/g, (m, first: string) => (m.includes('"') ? m : first))
    .replace(/\\([{}()/\\])/g, '$1');
}

/** `// example: <step text>` on the comment lines right above the definition. */
function exampleComment(d: LoadedStepDefinition, cwd: string): string | undefined {
  let lines: string[];
  try {
    lines = readFileSync(isAbsolute(d.uri) ? d.uri : join(cwd, d.uri), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  for (let i = d.line - 2; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*')) break;
    const m = /example:\s*(.+)$/i.exec(line);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** `steps/x.ts` for the project's files, `kubespec/steps/x.ts` for an installed kubespec's. */
function displayUri(uri: string, cwd: string): string {
  const abs = isAbsolute(uri) ? uri : join(cwd, uri);
  const fromRoot = relative(KUBESPEC_ROOT, abs);
  const fromCwd = relative(cwd, abs);
  if (!fromCwd.startsWith('..') && !fromCwd.includes('node_modules')) return fromCwd.split('\\').join('/');
  return `kubespec/${fromRoot.split('\\').join('/')}`;
}

function featureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try { names = readdirSync(d).sort(); } catch { return; }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) { if (n !== 'node_modules') walk(p); } else if (n.endsWith('.feature')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

interface AstChild {
  background?: { steps: readonly AstStep[] };
  scenario?: { steps: readonly AstStep[] };
  rule?: { children: readonly AstChild[] };
}
interface AstStep { id: string; keyword: string; location: { line: number } }

function collectAstSteps(feature: { children: readonly unknown[] } | undefined, into: Map<string, { keyword: string; line: number }>): void {
  const visit = (children: readonly AstChild[]): void => {
    for (const c of children) {
      for (const s of [...(c.background?.steps ?? []), ...(c.scenario?.steps ?? [])]) into.set(s.id, { keyword: s.keyword, line: s.location.line });
      if (c.rule) visit(c.rule.children);
    }
  };
  visit((feature?.children ?? []) as AstChild[]);
}

/** The feature's keyword, unless it is And/But/*: then the definition's (Given/When/Then). */
function stepKeyword(written: string, defined: string): string {
  const k = written.trim();
  return k === 'Given' || k === 'When' || k === 'Then' ? k : defined;
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A package cucumber depends on, resolved from cucumber's own location (works when not hoisted). */
function cucumberDependency<T>(name: string): T {
  const from = join(require.resolve('@cucumber/cucumber/package.json'), '..');
  return require(require.resolve(name, { paths: [from] })) as T;
}
