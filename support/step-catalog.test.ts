import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALLOW_UNUSED } from './step-catalog-allow-unused';
import {
  KUBESPEC_ROOT, buildCatalog, generateExample, loadCustomParameterTypes, loadStepDefinitions, vscodeSettings, readFeatureSteps, renderStepsMarkdown, sourceOf,
  type FeatureStep, type LoadedStepDefinition, type StepCatalog,
} from './step-catalog';

// The real catalog: kubespec's steps against kubespec's features (loaded once; it requires the step files).
let catalog: StepCatalog;
let defs: LoadedStepDefinition[];
before(async () => {
  defs = await loadStepDefinitions(KUBESPEC_ROOT);
  catalog = buildCatalog(defs, readFeatureSteps(join(KUBESPEC_ROOT, 'features'), KUBESPEC_ROOT), KUBESPEC_ROOT);
});

test('docs/steps.md is the catalog as generated now', () => {
  const expected = renderStepsMarkdown(catalog);
  const actual = readFileSync(join(KUBESPEC_ROOT, 'docs', 'steps.md'), 'utf8');
  if (actual !== expected) {
    const a = actual.split('\n');
    const e = expected.split('\n');
    const i = e.findIndex((line, k) => line !== a[k]);
    assert.fail(`docs/steps.md is stale (first difference at line ${i + 1}:\n  in the file: ${a[i] ?? '(end of file)'}\n  generated:   ${e[i] ?? '(end of file)'})\n` +
      'Regenerate it with: npx kubespec steps --markdown > docs/steps.md');
  }
});

test('no feature step matches two step definitions (ambiguous)', () => {
  const lines = catalog.ambiguous.map((a) => `${a.step.uri}:${a.step.line} "${a.step.text}" matches:\n    ${a.expressions.join('\n    ')}`);
  assert.equal(lines.length, 0, `ambiguous steps:\n  ${lines.join('\n  ')}\nMake the expressions distinct (cucumber fails these scenarios).`);
});

test('every step definition is used by a feature, or allow-listed as deliberately generic', () => {
  const allowed = new Set(ALLOW_UNUSED);
  const unused = catalog.unused.filter((s) => !allowed.has(s.expression)).map((s) => `${s.location}  ${s.keyword} ${s.expression}`);
  assert.equal(unused.length, 0, `step definitions no feature uses:\n  ${unused.join('\n  ')}\n` +
    'Use each in a scenario, remove it, or add its expression to support/step-catalog-allow-unused.ts with the reason.');
  const known = new Set(catalog.steps.map((s) => s.expression));
  const stale = ALLOW_UNUSED.filter((x) => !known.has(x));
  assert.deepEqual(stale, [], 'support/step-catalog-allow-unused.ts names expressions that are no step definition any more');
});

test('every example reads as a use of its own step definition', () => {
  const bySource = new Map(defs.map((d) => [`${sourceOf(d)}@${d.line}`, d]));
  for (const s of catalog.steps) {
    if (s.example.includes('<')) continue;   // a custom parameter type without a sample value
    const d = bySource.get(`${s.expression}@${s.location.replace(/^.*:/, '')}`);
    assert.ok(d !== undefined, `${s.location}: no definition for ${s.expression}`);
    const text = s.example.replace(/^(Given|When|Then|And|But|\*) /, '');
    assert.ok(d.matchesStepName(text), `${s.location}: the example "${s.example}" (from ${s.exampleFrom}) does not match "${s.expression}"`);
  }
});

// ---------------------------------------------------------------- buildCatalog on small fakes

function def(pattern: string, uri: string, line: number, keyword = 'Then'): LoadedStepDefinition {
  const re = new RegExp(`^${pattern.replace(/\{int\}/g, '(\\d+)').replace(/\{string\}/g, '"([^"]*)"')}$`);
  return { pattern, keyword, uri, line, expression: {}, matchesStepName: (t) => re.test(t) };
}
const use = (text: string, line: number, claims: string[] = [], keyword = 'Then '): FeatureStep => ({ keyword, text, uri: 'features/a.feature', line, claims });

test('buildCatalog: uses, claims, first-use examples, unused and ambiguous steps', () => {
  const defs = [
    def('{int} pods run', 'steps/b.steps.ts', 3),
    def('{string} pods run', 'steps/b.steps.ts', 9),
    def('{int} pods', 'steps/a.steps.ts', 1),
    def('nothing uses me {int}', 'steps/a.steps.ts', 5, 'Given'),
  ];
  const steps = [use('3 pods run', 10, ['x.one']), use('4 pods', 11, ['x.two']), use('5 pods run', 12, ['x.three'], 'And ')];
  const c = buildCatalog(defs, steps, '/nowhere');
  assert.deepEqual(c.steps.map((s) => s.location), ['steps/a.steps.ts:1', 'steps/a.steps.ts:5', 'steps/b.steps.ts:3', 'steps/b.steps.ts:9']);
  const runs = c.steps[2]!;
  assert.equal(runs.uses, 2);
  assert.deepEqual(runs.claims, ['x.one', 'x.three']);
  assert.equal(runs.example, 'Then 3 pods run');
  assert.equal(runs.exampleFrom, 'feature');
  assert.deepEqual(c.unused.map((s) => s.expression), ['nothing uses me {int}', '{string} pods run']);
  assert.equal(c.unused[0]!.example, 'Given nothing uses me 3');
  assert.equal(c.ambiguous.length, 0);

  const twice = buildCatalog([...defs, def('{int} pods {string}', 'steps/c.steps.ts', 1)], [use('3 pods "run"', 1)], '/nowhere');
  assert.deepEqual(twice.ambiguous, []);
  const amb = buildCatalog([def('{int} pods run', 'steps/x.ts', 1), def('3 pods run', 'steps/y.ts', 2)], [use('3 pods run', 7)], '/nowhere');
  assert.equal(amb.ambiguous.length, 1);
  assert.equal(amb.ambiguous[0]!.step.line, 7);
  assert.equal(amb.ambiguous[0]!.expressions.length, 2);
  const undef = buildCatalog(defs, [use('no such step', 8)], '/nowhere');
  assert.deepEqual(undef.undefinedSteps.map((u) => u.text), ['Then no such step']);
});

test('generateExample: samples for parameter types, optional text dropped, first alternative', () => {
  const d = (pattern: string): LoadedStepDefinition => def(pattern, 'x', 1);
  assert.equal(generateExample(d('within {duration} {kind} {name} has {int} ready replica(s)')), 'within 30 seconds deployment "web" has 3 ready replica');
  assert.equal(generateExample(d('there is/are {int} {kind} labelled {selector}')), 'there is 3 deployment labelled app=web');
  assert.equal(generateExample(d('a connection {outcome}')), 'a connection <outcome>');
});

test('editor settings: kubespec\'s glue and its parameter types, with regexps that match their examples', async () => {
  const types = await loadCustomParameterTypes(KUBESPEC_ROOT);
  const settings = vscodeSettings(types) as { 'cucumber.glue': string[]; 'cucumber.parameterTypes': { name: string; regexp: string }[] };
  assert.deepEqual(settings['cucumber.glue'], ['node_modules/kubespec/steps/**/*.ts', 'node_modules/kubespec/support/**/*.ts', 'features/**/*.ts']);
  const byName = new Map(settings['cucumber.parameterTypes'].map((t) => [t.name, new RegExp(`^(?:${t.regexp})$`)]));
  for (const [name, sample] of [['duration', '30 seconds'], ['duration', '1h30m'], ['name', '"kube-system/coredns"'], ['kind', 'deployments'], ['selector', 'app=web,tier=db'], ['quantity', '128Mi']] as const) {
    assert.ok(byName.get(name)?.test(sample), `{${name}} should match ${sample}`);
  }
  assert.ok(!byName.has('int') && !byName.has('string'), 'cucumber\'s built-in types are not repeated');
});
