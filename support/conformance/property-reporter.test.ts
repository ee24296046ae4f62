// End to end: node's test runner with scripts/property-reporter.js, as scripts/unit.js wires it, over
// a made-up test file with one passing and one failing property (sim/testing/property.ts). The run
// still fails, the usual TAP output is intact, and properties.json holds both records.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROPERTY_DIAGNOSTIC_PREFIX } from '../../sim/testing/property';

const REPO = resolve(__dirname, '../..');
const REPORTER = join(REPO, 'scripts/property-reporter.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const reporter = require(REPORTER) as {
  PREFIX: string;
  recordOf: (e: unknown, cwd?: string) => unknown;
  mergeRecords: (previous: unknown[], records: unknown[], filesRun: Set<string>, cwd?: string) => Record<string, unknown>[] | undefined;
};

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The environment for a nested test run: without NODE_TEST_CONTEXT, which would make it report to us. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete e.NODE_TEST_CONTEXT;
  return e;
}

const FIXTURE = `
const { test } = require('node:test');
const fc = require(${JSON.stringify(require.resolve('fast-check'))});
const { checkProperty } = require(${JSON.stringify(join(REPO, 'sim/testing/property.ts'))});
test('sums are never negative', (t) => {
  checkProperty(t, fc.property(fc.nat(), fc.nat(), (a, b) => a + b >= 0), { claims: ['a.one'], numRuns: 20 });
});
test('every number is small', (t) => {
  checkProperty(t, fc.property(fc.integer({ min: 0, max: 100 }), (n) => n < 50), { claims: ['a.two', 'b.three'], numRuns: 300, seed: 5 });
});
test('not a property', () => {});
`;

function run(dir: string, extraEnv: Record<string, string> = {}) {
  writeFileSync(join(dir, 'fixture.test.js'), FIXTURE);
  return spawnSync(process.execPath, [
    '--require', 'ts-node/register', '--test',
    '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stderr',
    join(dir, 'fixture.test.js'),
  ], { cwd: REPO, encoding: 'utf8', timeout: 60_000, env: env(extraEnv) });
}

test('the reporter writes every property record, a failing property still fails the run, and TAP stays on stdout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-props-'));
  dirs.push(dir);
  const file = join(dir, 'out', 'properties.json');
  const res = run(dir, { KUBESPEC_PROPERTIES_FILE: file });
  assert.notEqual(res.status, 0, 'a failing property fails the run');
  assert.match(res.stdout, /^# pass 2$/m);
  assert.match(res.stdout, /^# fail 1$/m);
  assert.match(res.stdout, /Counterexample: \[50\]/);
  assert.match(res.stderr, /properties: 2 recorded \(1 failed\), 2 in /);
  const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  assert.deepEqual(records.map((r) => [r.name, r.claims, r.status, r.file]), [
    ['every number is small', ['a.two', 'b.three'], 'failed', join(dir, 'fixture.test.js').replace(`${REPO}/`, '')],
    ['sums are never negative', ['a.one'], 'passed', join(dir, 'fixture.test.js').replace(`${REPO}/`, '')],
  ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
  const failed = records.find((r) => r.status === 'failed')!;
  assert.equal(failed.seed, 5);
  assert.equal(failed.counterexample, '[50]');
  assert.ok(Number(failed.runs) >= 1 && Number(failed.runs) <= 300);
  assert.equal(records.find((r) => r.status === 'passed')!.runs, 20);
});

test('a run without properties leaves properties.json alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-props-'));
  dirs.push(dir);
  const file = join(dir, 'properties.json');
  writeFileSync(join(dir, 'none.test.js'), "require('node:test').test('plain', () => {});\n");
  const res = spawnSync(process.execPath, ['--test', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stderr', join(dir, 'none.test.js')],
    { cwd: REPO, encoding: 'utf8', timeout: 30_000, env: env({ KUBESPEC_PROPERTIES_FILE: file }) });
  assert.equal(res.status, 0, res.stdout + res.stderr);
  assert.equal(existsSync(file), false);
});

test('a run replaces the records of the files it ran and keeps the others (while their files exist)', () => {
  const rec = (name: string, file: string) => ({ name, claims: [], runs: 1, seed: 1, status: 'passed', file });
  const previous = [rec('old a', 'sim/config/base64.prop.ts'), rec('gone', 'sim/config/base64.prop.ts'), rec('kept', 'sim/network/dns.prop.ts'), rec('deleted file', 'sim/nowhere/x.prop.ts')];
  const merged = reporter.mergeRecords(previous, [rec('new a', 'sim/config/base64.prop.ts')], new Set(['sim/config/base64.prop.ts']), REPO);
  assert.deepEqual(merged?.map((r) => r.name), ['new a', 'kept']);
  assert.equal(reporter.mergeRecords([rec('kept', 'sim/network/dns.prop.ts')], [], new Set(['support/x.test.ts']), REPO), undefined, 'nothing to change');
});

test('the reporter reads the prefix the helper writes, and nothing else', () => {
  assert.equal(reporter.PREFIX, PROPERTY_DIAGNOSTIC_PREFIX);
  const event = (message: string) => ({ type: 'test:diagnostic', data: { message, file: join(REPO, 'sim/x.prop.ts'), nesting: 0 } });
  assert.deepEqual(reporter.recordOf(event(`${PROPERTY_DIAGNOSTIC_PREFIX}{"name":"p","claims":[],"runs":1,"seed":2,"status":"passed"}`), REPO),
    { name: 'p', claims: [], runs: 1, seed: 2, status: 'passed', file: 'sim/x.prop.ts' });
  assert.equal(reporter.recordOf(event('tests 3'), REPO), undefined);
  assert.equal(reporter.recordOf(event(`${PROPERTY_DIAGNOSTIC_PREFIX}[1,2]`), REPO), undefined);
  assert.equal(reporter.recordOf({ type: 'test:pass', data: { name: 'x' } }, REPO), undefined);
});
